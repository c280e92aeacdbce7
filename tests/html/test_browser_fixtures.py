"""The test edition (tests/html/fixtures/edition), built by `editio --edition COPY build html` and opened from its
folder: a source holding `<script>` shows it as text and runs nothing; every apparatus element the ingest emits
has its visible rendering, in the diplomatic view (as the source prints it) and in the reading view."""

from __future__ import annotations

import re

from browsing import FIXTURE_EDITION, TEI, watched_context
from lxml import etree

SCRIPT_DOC = "doc-1950-10-01-stalin-to-mao-zedong.html"
APPARATUS_DOC = "doc-1951-01-02-mao-zedong-to-stalin.html"


def test_the_test_edition_is_what_it_says(fixture_site):
    """The fixture holds what the tests below rely on (and tei-check passed, or the build would have stopped)."""
    tree = etree.parse(str(FIXTURE_EDITION / "tei" / APPARATUS_DOC.removeprefix("doc-").replace(".html", ".xml")))
    used = {etree.QName(e).localname for e in tree.xpath("//t:text//*", namespaces=TEI)}
    assert {"choice", "sic", "corr", "abbr", "expan", "ex", "supplied", "add", "stamp", "note", "gap", "reg",
            "foreign", "c", "lb", "floatingText", "list"} <= used
    assert set(tree.xpath("//t:text//t:note/@type", namespaces=TEI)) == {"editorial", "identification", "gloss",
                                                                         "date"}
    assert tree.xpath("//t:div[@type='original']/@xml:lang", namespaces=TEI) == ["ru"]
    assert (fixture_site / SCRIPT_DOC).is_file() and (fixture_site / APPARATUS_DOC).is_file()


def test_markup_in_a_source_is_shown_as_text_and_never_runs(browser, fixture_site):
    for page_file in sorted(fixture_site.glob("*.html")):  # the source's title is on the home page and indexes too
        assert "<script>alert" not in page_file.read_text(encoding="utf-8"), page_file.name
    context, watch = watched_context(browser, fixture_site.resolve().as_uri() + "/")
    dialogs: list[str] = []
    context.on("page", lambda page: page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss())))
    page = context.new_page()
    for name in sorted(p.name for p in fixture_site.glob("*.html")):
        page.goto((fixture_site / name).as_uri())
        scripts = page.eval_on_selector_all("script", "els => els.map(e => e.src + ' ' + e.textContent)")
        assert not [s for s in scripts if "alert" in s], name
        handlers = page.eval_on_selector_all("*", "els => els.flatMap(e => [...e.attributes].map(a => a.name))"
                                                   ".filter(n => n.startsWith('on'))")
        assert not handlers, f"{name}: inline event handlers {handlers}"
    page.goto((fixture_site / SCRIPT_DOC).as_uri())
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    assert "<script>alert(1)</script>" in page.title()
    text = page.locator("main").inner_text()
    assert "typed <script>alert(1)</script> into the cable" in text
    assert "<img src=x onerror=alert(2)>" in text
    assert page.locator("img[onerror], main img").count() == 0
    assert not dialogs, dialogs
    watch.assert_clean()


def texts(page, selector: str) -> list[str]:
    return [t.strip() for t in page.locator(selector).all_inner_texts()]


def visible(page, selector: str) -> bool:
    located = page.locator(selector)
    return located.count() > 0 and all(located.nth(i).is_visible() for i in range(located.count()))


def hidden(page, selector: str) -> bool:
    located = page.locator(selector)
    return located.count() > 0 and not any(located.nth(i).is_visible() for i in range(located.count()))


def test_every_apparatus_element_has_its_visible_rendering(browser, fixture_site):
    context, watch = watched_context(browser, fixture_site.resolve().as_uri() + "/")
    page = context.new_page()
    page.goto((fixture_site / APPARATUS_DOC).as_uri())
    page.click("label[for='view-diplomatic']")
    text = page.locator("#text").inner_text()

    # diplomatic: as the source prints it, the editors' brackets included
    assert visible(page, ".choice .sic") and texts(page, ".choice .sic") == ["greatsuccesses"]
    assert hidden(page, ".choice .corr")
    assert "IAD [fighter aviation division]" in text                       # choice/abbr + expan
    assert page.locator("abbr[title='fighter aviation division']").count() >= 1
    assert "C[entral] reserve" in text                                        # expan/ex
    assert "[the situation]" in text and "N66[1]6" in text                   # supplied (also inside a number)
    add = page.locator(".add.other-hand")                                     # add @place @hand
    assert add.is_visible() and re.search(r"handwritten at the top", add.inner_text(), re.I)
    assert add.get_attribute("data-place") == "top"
    stamp = page.locator(".stamp")                                            # stamp, its lb a line break
    assert stamp.is_visible() and "SUBJECT TO RETURN\nto the Secretariat" in stamp.inner_text()
    assert re.search(r"stamp", stamp.inner_text(), re.I)
    assert "FILIPPOV [Stalin]" in text                                        # note type=identification
    assert "5.1.51 [5 January 1951]" in text                                  # note type=gloss
    assert "[this report is not in the file]" in text                         # note type=editorial
    assert "13.I[SIC].51" in text                                             # sic alone
    for reason, shown in (("omitted", "[...]"), ("illegible", "[illegible]"), ("signature", "[signature]")):
        gap = page.locator(f".gap[data-reason='{reason}']")                   # gap with its reason
        assert gap.is_visible() and gap.inner_text().strip() == shown and reason in gap.get_attribute("title")
    assert "from [BEIJING]" in text                                           # reg: the editor's spelling
    foreign = page.locator("[lang='ru-Latn']")                                # foreign with its language
    assert foreign.is_visible() and foreign.inner_text() == "aviaboiazn'"
    assert "Reply sent] N66" in text                                          # c type=unmatched-bracket
    quoted = page.locator("blockquote")                                       # floatingText set apart
    assert quoted.is_visible() and "The quoted letter: hold the line." in quoted.inner_text()
    copies = page.locator(".list-distribution li")                            # list type=distribution
    assert [re.sub(r"\s*¶$", "", t) for t in copies.all_inner_texts()] == ["Cde. Stalin", "Cde. Shtykov"]
    original = page.locator("[lang='ru']")                                    # div type=original, xml:lang
    assert original.is_visible() and "Товарищу Филиппову" in original.inner_text()

    # the notes: numbered, each with its kind (and editor), a link there and back
    notes = texts(page, ".notes li")
    assert len(notes) == 4
    assert notes[0].lower().startswith("identification")
    assert any("Mansourov" in n and "this report is not in the file" in n for n in notes)
    assert any("the year of \"3 January\" is not printed" in n for n in notes)
    refs = page.locator("a.note-ref")
    assert refs.count() == 4
    for i in range(4):
        target = refs.nth(i).get_attribute("href")
        assert page.locator(f"{target} a[href='#{refs.nth(i).get_attribute('id')}']").count() == 1

    # reading: the edition's reading, no brackets of the editors
    page.click("label[for='view-reading']")
    text = page.locator("#text").inner_text()
    assert visible(page, ".choice .corr") and hidden(page, ".choice .sic")
    assert "achieved great successes near" in text
    assert "of the Central reserve" in text
    assert "from BEIJING received" in text and "[BEIJING]" not in text
    assert "13.I.51" in text and "[SIC]" not in text
    assert "Reply sent N66" in text

    # the archival layer switch hides the archive's furniture (other hands, stamps, distribution)
    page.click("label[for='layer-switch']")
    assert hidden(page, ".add.other-hand") and hidden(page, ".stamp") and hidden(page, ".list-distribution li")
    page.click("label[for='layer-switch']")
    assert visible(page, ".stamp")
    watch.assert_clean()


def test_without_javascript_both_switches_work(browser, fixture_site):
    """The view switch and the archival layer switch are form controls whose state CSS reads: with scripts off
    the reader still switches to the reading view and hides the archive's additions, and following a note and
    coming back keeps the chosen view (an address fragment, :target, would lose it)."""
    context, watch = watched_context(browser, fixture_site.resolve().as_uri() + "/", java_script_enabled=False)
    page = context.new_page()
    page.goto((fixture_site / APPARATUS_DOC).as_uri())
    assert page.evaluate("document.documentElement.className") == ""  # no script ran
    assert visible(page, ".choice .sic") and hidden(page, ".choice .corr")
    switch = page.locator("label[for='layer-switch']")
    assert switch.is_visible() and page.locator("#layer-switch").is_checked()
    page.click("label[for='view-reading']")
    assert visible(page, ".choice .corr") and hidden(page, ".choice .sic")
    assert "13.I.51" in page.locator("#text").inner_text()
    page.locator("a.note-ref").first.click()
    page.locator("li.note a.note-back").first.click()
    assert visible(page, ".choice .corr") and hidden(page, ".choice .sic")

    archival = (".add.other-hand", ".stamp", ".div-transmission", ".div-distribution")
    assert all(visible(page, s) for s in archival)
    switch.click()
    assert not page.locator("#layer-switch").is_checked()
    assert all(hidden(page, s) for s in archival)
    assert visible(page, ".div-message .p")  # the message itself stays
    switch.click()
    assert all(visible(page, s) for s in archival)
    page.click("label[for='view-diplomatic']")
    assert visible(page, ".choice .sic") and hidden(page, ".choice .corr")
    watch.assert_clean()


def test_the_script_remembers_both_switches_across_pages(browser, fixture_site):
    context, watch = watched_context(browser, fixture_site.resolve().as_uri() + "/")
    page = context.new_page()
    page.goto((fixture_site / APPARATUS_DOC).as_uri())
    page.click("label[for='view-reading']")
    page.click("label[for='layer-switch']")
    page.goto((fixture_site / SCRIPT_DOC).as_uri())
    assert page.locator("#view-reading").is_checked() and not page.locator("#layer-switch").is_checked()
    page.goto((fixture_site / APPARATUS_DOC).as_uri())
    assert hidden(page, ".stamp") and visible(page, ".choice .corr") and hidden(page, ".choice .sic")
    watch.assert_clean()
