"""The web edition is accessible: axe-core (the copy PyPI's axe-playwright-python ships, no download) finds no
serious or critical violation on the home page, a document, an index, the map and the search page (empty and
with results), each as the served site shows it (scripts run, search built)."""

from __future__ import annotations

import re

import pytest
from browsing import mao_cable
from playwright.sync_api import expect

SEVERE = ("serious", "critical")


def axe_violations(page) -> list[str]:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        pytest.fail("axe-core is missing: pip install -e '.[test]' (axe-playwright-python ships axe.min.js)")
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
            for v in results.response["violations"] if v.get("impact") in SEVERE]


def test_axe_itself_finds_a_serious_violation(browser):
    page = browser.new_page()
    page.set_content('<html><body><img src="data:,"><a href="#"></a>'
                     '<p style="color:#eee;background:#fff">hardly legible</p></body></html>')
    assert axe_violations(page)
    page.close()


def test_home_document_index_map_and_search_have_no_serious_or_critical_violation(web):
    context, watch, base = web
    page = context.new_page()
    page.goto(base + "index.html")
    home_links = page.eval_on_selector_all("a[href]", "els => els.map(e => [e.textContent, e.getAttribute('href')])")
    maps = [href for text, href in home_links if re.search(r"\bmap\b", text, re.I) and not href.startswith("#")]
    assert maps, f"the home page links to a map of the places: {home_links}"
    page.goto(base + mao_cable().page)
    index = page.eval_on_selector("#text a.name[data-ref^='per:']", "e => e.getAttribute('href')").split("#")[0]
    found = {}
    for name in ("index.html", mao_cable().page, index, maps[0], "search.html", "search.html?q=Andong"):
        page.goto(base + name)
        if name.startswith("search.html"):
            expect(page.locator("#search-status")).not_to_contain_text("Loading")  # the filters are built
        if "?q=" in name:
            page.wait_for_selector("#search-results li")  # the results as search.js lists them
        found[name] = axe_violations(page)
    assert not any(found.values()), "\n".join(f"{n}: {v}" for n, vs in found.items() for v in vs)
    watch.assert_clean()
