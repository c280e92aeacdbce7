"""The web edition in a real browser, as a reader uses it (Debian's chromium, headless, driven by Playwright).

The site is served from 127.0.0.1 (search needs http) or opened from its folder (file://, where everything but
search must work). Every request is recorded: none may go to another origin. What the reader should see is taken
from the TEI (the documents of 1951, the edition's reading of a run-together word, the documents that name
Andong), never written into the test."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from browsing import REPO, TEI, documents, hrefs, mao_cable, screenshot, serve, watched_context
from lxml import etree
from playwright.sync_api import expect


def test_a_reader_filters_reads_follows_names_and_searches(web):
    context, watch, base = web
    page = context.new_page()
    page.goto(base + "index.html")
    screenshot(page, "home")

    # the list of documents, filtered to 1951: exactly the documents of 1951
    page.select_option("#doc-filters select[data-key='year']", "1951")
    shown = hrefs(page, "#doc-list > li:not([hidden]) a[href$='.html']")
    of_1951 = {d.page for d in documents() if d.year == "1951"}
    assert of_1951 and {Path(h).name for h in shown if Path(h).name.startswith("doc-")} == of_1951

    # Mao's cable, then the reading view: the edition's reading of a word the source runs together
    cable = mao_cable()
    page.click(f"#doc-list > li:not([hidden]) a[href$='{cable.page}']")
    page.wait_for_url(f"**/{cable.page}")
    choice = cable.tree.xpath("//t:text//t:choice[t:sic and t:corr]", namespaces=TEI)[0]
    sic = choice.xpath("string(t:sic)", namespaces=TEI)
    corr = choice.xpath("string(t:corr)", namespaces=TEI)
    printed = page.locator(".choice .sic", has_text=sic).first
    reading = page.locator(".choice .corr", has_text=corr).first
    assert printed.is_visible() and not reading.is_visible()  # the diplomatic view first: as the source prints it
    page.click("label[for='view-reading']")
    assert reading.is_visible() and not printed.is_visible()
    assert page.locator("#view-reading").is_checked()
    reading.scroll_into_view_if_needed()
    screenshot(page, "document")

    # a note, and back to where it is called
    ref = page.locator("a.note-ref").first
    ref_id = ref.get_attribute("id")
    target = ref.get_attribute("href")
    ref.click()
    assert page.url.endswith(target)
    note = page.locator(target)
    assert note.is_visible() and note.locator("a.note-back").count() == 1
    note.locator("a.note-back").click()
    assert page.url.endswith(f"#{ref_id}")

    # the view is remembered on the next page
    page.locator("a[href$='index.html']").first.click()
    page.wait_for_url("**/index.html")
    mentions = [d for d in documents() if d.tree.xpath("//t:text//t:persName[@ref='per:shtykov']", namespaces=TEI)]
    page.goto(base + mentions[0].page)
    assert page.locator("#view-reading").is_checked()

    # "Shtykov" leads to his entry of the person index, and back
    name = page.locator("#text a.name[data-ref='per:shtykov']").first
    name.click()
    page.wait_for_load_state()
    assert "#" in page.url
    entry = page.locator(f"[id='{page.url.split('#', 1)[1]}']")
    assert entry.is_visible() and "Shtykov" in entry.inner_text()
    screenshot(page, "index")
    page.go_back()
    page.wait_for_url(f"**/{mentions[0].page}*")

    # full-text search: "Andong" finds the documents that name it (Vasilevsky's reports), with date and snippet
    page.locator("a[href$='search.html']").first.click()
    page.wait_for_url("**/search.html*")
    page.fill("#search-input", "Andong")
    page.press("#search-input", "Enter")
    page.wait_for_selector("#search-results li")
    found = {Path(h).name for h in hrefs(page, "#search-results li a")}
    naming = {d.page for d in documents() if re.search(r"\bAndong\b", d.text, re.I)}
    assert naming and naming <= found
    assert {d.sender for d in documents() if d.page in naming} == {"per:vasilevsky"}
    assert all(not n.startswith("doc-") or n in naming for n in found)
    first = page.locator("#search-results li").first
    assert "andong" in first.locator("mark").first.inner_text().lower()
    assert re.search(r"\d{4}", first.locator(".search-result-date").inner_text())

    # filtered by year: none of 1951 names Andong
    page.select_option("#search-filter-year", "1951")
    expect(page.locator("#search-status")).to_contain_text("0 documents")
    assert page.locator("#search-results li").count() == 0
    watch.assert_clean()


def test_the_search_filters_alone_list_the_documents_of_a_year(web):
    context, watch, base = web
    page = context.new_page()
    page.goto(base + "search.html?year=1951")
    page.wait_for_selector("#search-results li")
    found = {Path(h).name for h in hrefs(page, "#search-results li a")}
    assert found == {d.page for d in documents() if d.year == "1951"}
    watch.assert_clean()


def test_from_the_folder_every_page_works_and_search_says_what_it_needs(browser, site):
    context, watch = watched_context(browser, site.resolve().as_uri() + "/")
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    page.select_option("#doc-filters select[data-key='year']", "1950")
    shown = hrefs(page, "#doc-list > li:not([hidden]) a[href$='.html']")
    assert {Path(h).name for h in shown if Path(h).name.startswith("doc-")} == \
        {d.page for d in documents() if d.year == "1950"}
    page.goto((site / mao_cable().page).as_uri())
    page.click("label[for='view-reading']")
    assert page.locator(".choice .corr").first.is_visible()
    page.goto((site / "search.html").as_uri())
    status = page.locator("#search-status")
    assert "served over http" in status.inner_text()
    assert page.locator("#search-input").is_disabled()
    watch.assert_clean()


def test_without_javascript_every_page_shows_its_text_the_document_list_and_the_indexes(browser, site):
    context, watch = watched_context(browser, site.resolve().as_uri() + "/", java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    listed = {Path(h).name for h in hrefs(page, "#doc-list > li a[href$='.html']")}
    assert {d.page for d in documents()} <= listed
    assert page.locator("#doc-list > li:visible").count() >= len(documents())
    for doc in documents():
        page.goto((site / doc.page).as_uri())
        text = page.locator("main").inner_text()
        some_words = [w for w in re.findall(r"[A-Za-z]{6,}", doc.text)][:20]
        assert all(w in text for w in some_words), doc.id
    index_pages = {Path(h).name for h in hrefs(page, "a.name[href]")}
    for name in sorted(n.split("#")[0] for n in index_pages):
        page.goto((site / name).as_uri())
        assert page.locator("main").inner_text().strip()
    watch.assert_clean()


def test_the_keyboard_reaches_a_name_and_its_card_shows_on_focus(web):
    context, watch, base = web
    page = context.new_page()
    page.goto(base + mao_cable().page)
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('#text a.name')"):
            break
    else:
        pytest.fail("Tab never reached a name in the text")
    ref = page.evaluate("document.activeElement.dataset.ref")
    card = page.locator(f".card-popup[data-for='{ref}']")
    assert card.is_visible() and card.inner_text().strip()
    page.keyboard.press("Escape")
    assert card.count() == 0
    watch.assert_clean()


def test_search_works_when_the_site_is_published_under_a_folder_of_a_host(browser, site):
    """A static host often serves an edition at https://host/some/folder/: results must lead to its pages."""
    with serve(site.parent) as host:  # the site is then at /html/
        base = host + site.name + "/"
        context, watch = watched_context(browser, host.rstrip("/"))
        page = context.new_page()
        page.goto(base + "search.html?q=Andong")
        page.wait_for_selector("#search-results li a")
        first = page.locator("#search-results li a").first
        assert first.get_attribute("href").startswith(f"/{site.name}/")
        first.click()
        page.wait_for_load_state()
        assert page.url.startswith(base + "doc-") and "Andong" in page.locator("main").inner_text()
        watch.assert_clean()
        context.close()


def test_search_filtered_by_a_person_or_a_place_lists_the_documents_that_name_them(web):
    context, watch, base = web
    page = context.new_page()
    authority = {"person": ("persons.xml", "per:shtykov"), "place": ("places.xml", "pla:andong")}
    for kind, (file, ref) in authority.items():
        entry = etree.parse(str(REPO / "tei" / file)).xpath(f"//*[@xml:id='{ref.split(':')[1]}']")[0]
        main = entry.xpath("string(*[@type='main'][1])")
        naming = {d.page for d in documents() if d.tree.xpath(f"//*[@ref='{ref}']")}
        assert main and naming
        page.goto(base + "search.html?" + urlencode({kind: main}))
        page.wait_for_selector("#search-results li a")
        assert page.locator(f"#search-filter-{kind}").input_value() == main
        assert {Path(h).name for h in hrefs(page, "#search-results li a")} == naming, kind
    watch.assert_clean()
