"""The interface's words come from one table (xslt/html/labels.xml), in the language edition.toml names: every
key the stylesheets and scripts use is there in English, every language the table has is complete, and an edition
whose language is German gets German pages (the frame, the panel, the switches, the site pages, the scripts' words)
with not one English word of the interface left in them."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from browsing import FIXTURE_EDITION, REPO, build_html
from lxml import etree, html

LABELS = REPO / "xslt" / "html" / "labels.xml"
HTML_XSLT = REPO / "xslt" / "html"


def table() -> dict[str, dict[str, str]]:
    """key → language → the entry's words (white space normalised, <v/> as {n})."""
    found: dict[str, dict[str, str]] = {}
    for label in etree.parse(str(LABELS)).getroot().iter("label"):
        assert label.get("key") not in found, f"key {label.get('key')} twice"
        words = {}
        for lang in label:
            if not isinstance(lang.tag, str):
                continue
            copy = etree.fromstring(etree.tostring(lang))
            for v in copy.iter("v"):
                v.text = "{" + v.get("n") + "}"
            words[lang.tag] = " ".join("".join(copy.itertext()).split())
        found[label.get("key")] = words
    return found


def used_keys() -> set[str]:
    """The literal keys the stylesheets look up, and the prefixes of those they make ('meta.' || @type …)."""
    keys = set()
    for xsl in HTML_XSLT.glob("*.xsl"):
        text = xsl.read_text(encoding="utf-8")
        keys |= set(re.findall(r"editio:label(?:-text)?\('([\w.-]+)'", text))
        keys |= set(re.findall(r'<page [^>]*label="([\w.-]+)"', text))
    return {k for k in keys if not k.endswith(".")}  # 'div.' || @type: the prefixes are checked below


def test_every_key_the_stylesheets_use_is_in_the_table_in_english():
    words = table()
    missing = sorted(k for k in used_keys() if "en" not in words.get(k, {}))
    assert not missing, missing
    # the keys made from a type: each kind the stylesheets name has its words
    for prefix, kinds, suffixes in (("meta.", ("sent", "received", "transmitted", "forwarded", "redirected"),
                                     (".who", ".when", ".where")),
                                    ("div.", ("transmission", "distribution", "attachment", "original",
                                              "postscript"), ("",)),
                                    ("note.", ("editorial", "identification", "gloss", "date", "note"), ("",)),
                                    ("doc.", ("prev", "next", "prev-corresp", "next-corresp"), ("",)),
                                    ("feature.", ("transmission", "distribution", "attachment", "original",
                                                  "floatingText"), ("",)),
                                    ("date.month.", tuple(str(m) for m in range(1, 13)), ("",)),
                                    ("date.month-short.", tuple(str(m) for m in range(1, 13)), ("",))):
        for kind in kinds:
            for suffix in suffixes:
                assert "en" in words.get(prefix + kind + suffix, {}), prefix + kind + suffix


def test_every_language_of_the_table_is_complete_and_keeps_the_values():
    words = table()
    languages = {lang for entry in words.values() for lang in entry}
    assert {"en", "de"} <= languages
    for key, entry in words.items():
        assert set(entry) == languages, f"{key}: only {sorted(entry)}"
        for lang, text in entry.items():
            assert text, (key, lang)
            # the same values in every language ({1} … and the scripts' {name})
            assert sorted(re.findall(r"\{\w+\}", text)) == sorted(re.findall(r"\{\w+\}", entry["en"])), (key, lang)


def test_a_key_the_table_lacks_stops_the_page(tmp_path):
    from editio.build.xslt import Stylesheets, XsltError

    xsl = tmp_path / "x.xsl"
    xsl.write_text(f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
        xmlns:editio="https://editio.invalid/ns">
      <xsl:import href="{(HTML_XSLT / 'common.xsl').as_uri()}"/>
      <xsl:template name="xsl:initial-template"><p><xsl:sequence select="editio:label('no.such.key')"/></p>
      </xsl:template></xsl:stylesheet>""", encoding="utf-8")
    with Stylesheets() as xslt, pytest.raises(XsltError, match=r"no\.such\.key"):
        xslt.call(xsl, tmp_path / "x.html")


@pytest.fixture(scope="module")
def german_site(tmp_path_factory) -> Path:
    """The test edition with language = "de" in its edition.toml."""
    edition = tmp_path_factory.mktemp("de") / "edition"
    edition.mkdir()
    toml = (FIXTURE_EDITION / "edition.toml").read_text(encoding="utf-8")
    assert re.search(r'(?m)^language = "en"', toml)
    (edition / "edition.toml").write_text(re.sub(r'(?m)^language = "en"', 'language = "de"', toml), encoding="utf-8")
    shutil.copytree(FIXTURE_EDITION / "tei", edition / "tei")
    return build_html(edition, tmp_path_factory.mktemp("de-build"))


# the parts of a page that are the interface's, not the source's or the TEI's
UI = ("//header", "//footer", "//nav", "//section[@class='metadata']//dt", "//*[@class='view-controls']",
      "//*[@class='note-type']", "//*[@class='div-label']", "//section[@id='cite']/h2",
      "//h1[not(ancestor::article)]", "//main//h2[not(ancestor::article)][not(ancestor::li)]", "//main//th",
      "//form[@id='doc-filters']", "//*[@class='intro']")


def ui_text(root) -> str:
    return " ".join(" ".join(el.text_content().split()) for path in UI for el in root.xpath(path))


def test_a_german_edition_s_pages_use_the_german_words(german_site):
    words = table()
    english_only = {e["en"] for e in words.values() if e["en"] != e["de"] and len(e["en"]) > 3
                    and "{" not in e["en"]}
    pages = sorted(german_site.glob("*.html"))
    assert len(pages) > 8
    for page in pages:
        root = html.parse(str(page)).getroot()
        assert root.get("lang") == "de", page.name
        shown = ui_text(root)
        assert shown, page.name
        left = sorted(w for w in english_only if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", shown))
        assert not left, f"{page.name}: English words of the interface {left}"
        # the scripts get the German words too (each page those of its scripts)
        script_words = json.loads(root.xpath("string(//body/@data-labels)"))
        assert script_words["copied"] == words["js.copied"]["de"]
        if page.name == "search.html":
            assert script_words == {k.removeprefix("js."): " ".join(w["de"].split())
                                    for k, w in words.items() if k.startswith("js.")}
    home = html.parse(str(german_site / "index.html")).getroot()
    assert [a.text_content().strip() for a in home.xpath("//nav[@class='site-nav']//a")][:3] == \
        ["Dokumente", "Personen", "Orte"]
    doc = html.parse(str(next(german_site.glob("doc-*.html")))).getroot()
    panel = [dt.text_content().strip() for dt in doc.xpath("//section[@class='metadata']//dt")]
    assert "Datum" in panel and "Von" in panel
    assert doc.xpath("string(//label[@for='view-reading'])") == "Lesefassung"
    assert doc.xpath("string(//label[@for='layer-switch'])") == "Archivschicht"


def test_an_english_edition_s_pages_keep_the_english_words(site):
    words = table()
    root = html.parse(str(site / "index.html")).getroot()
    assert root.get("lang") == "en"
    assert [a.text_content().strip() for a in root.xpath("//nav[@class='site-nav']//a")][:3] == \
        [words["nav.index"]["en"], words["nav.persons"]["en"], words["nav.places"]["en"]]
    assert json.loads(root.xpath("string(//body/@data-labels)"))["filter-count"] == words["js.filter-count"]["en"]
    search = html.parse(str(site / "search.html")).getroot()
    assert json.loads(search.xpath("string(//body/@data-labels)"))["searching"] == words["js.searching"]["en"]


def test_the_german_pages_are_valid_html5(german_site):
    from test_validity import vnu

    pages = sorted(german_site.rglob("*.html"))
    errors = {str(p): e for p, e in vnu(pages).items() if e}
    assert not errors, json.dumps(errors, indent=1, ensure_ascii=False)


def test_the_german_document_page_and_home_have_no_serious_axe_violation(browser, german_site):
    from test_a11y import axe_violations

    page = browser.new_page()
    found = {}
    for name in ("index.html", sorted(p.name for p in german_site.glob("doc-*.html"))[0]):
        page.goto((german_site / name).as_uri())
        assert page.locator("label[for='view-reading']").count() == (1 if name.startswith("doc-") else 0)
        found[name] = axe_violations(page)
    page.close()
    assert not any(found.values()), found


def test_in_a_german_edition_the_tei_s_english_words_say_their_language(german_site, site):
    """The page is German (its frame, its labels); the title, the panel's values and the text are the TEI's words,
    in the TEI's language (TEI/@xml:lang), and say so; the print edition's place is the edition's own words."""
    for page in sorted(german_site.glob("doc-*.html")):
        root = html.parse(str(page)).getroot()
        assert root.get("lang") == "de" and root.xpath("string(//h1/@lang)") == "en", page.name
        for dd in root.xpath("//dl[@class='meta-list']/dd"):
            # the print edition's place and the dates are the edition's words (German), the rest the TEI's
            edition_s = dd.get("class") == "meta-print" or dd.get("class").endswith("-date")
            assert dd.get("lang") == (None if edition_s else "en"), (page.name, dd.get("class"))
        assert root.xpath("string(//*[@id='text']/@lang)") == "en"
    english = html.parse(str(next(site.glob("doc-*.html")))).getroot()
    assert not english.xpath("//h1/@lang | //dl[@class='meta-list']/dd/@lang")  # one language: nothing to say


# The fixture's two documents: 1 October 1950 (sent from Moscow that day) and 2 January 1951.
GERMAN_DATES = {"doc-1950-10-01-stalin-to-mao-zedong": "1. Oktober 1950", "doc-1951-01-02-mao-zedong-to-stalin":
                "2. Januar 1951"}
ENGLISH_DATES = {"doc-1950-10-01-stalin-to-mao-zedong": "1 October 1950", "doc-1951-01-02-mao-zedong-to-stalin":
                 "2 January 1951"}


def _dates_shown(site: Path) -> dict[str, dict[str, str]]:
    """Where the web edition prints a document's date: the home list, its own panel, the indexes, the archive
    list, the correspondence view's table; page → document id → the date's words."""
    shown: dict[str, dict[str, str]] = {}
    home = html.parse(str(site / "index.html")).getroot()
    shown["index.html"] = {li.xpath("string(a[@class='doc-title']/@href)").removesuffix(".html"):
                           li.xpath("string(.//span[@class='doc-date'])")
                           for li in home.xpath("//ol[@id='doc-list']/li")}
    for doc_id in GERMAN_DATES:
        root = html.parse(str(site / f"{doc_id}.html")).getroot()
        shown[f"{doc_id}.html"] = {doc_id: root.xpath("string(//dd[@class='meta-date']/time)")}
    for name in ("persons.html", "archives.html"):
        root = html.parse(str(site / name)).getroot()
        shown[name] = {a.get("href").removesuffix(".html"): a.text_content().split(", ")[0]
                       for a in root.xpath("//main//a[starts-with(@href, 'doc-')]")}
    corr = html.parse(str(site / "correspondence.html")).getroot()
    shown["correspondence.html"] = {a.get("href").removesuffix(".html"): a.text_content()
                                    for a in corr.xpath("//table//a[starts-with(@href, 'doc-')]")}
    return shown


def test_a_german_edition_writes_its_dates_in_german(german_site):
    """Not SaxonC-HE's format-date (English months only): labels.xml's date.* — '1. Oktober 1950' on the home
    page, the document's page, the indexes, the archive list and the correspondence view."""
    for name, dates in _dates_shown(german_site).items():
        assert dates == {k: v for k, v in GERMAN_DATES.items() if k in dates} and dates, name
    home = html.parse(str(german_site / "index.html")).getroot()
    intro = " ".join(home.xpath("string(//section[@class='intro'])").split())
    assert "vom 1. Oktober 1950 bis zum 2. Januar 1951" in intro
    doc = html.parse(str(german_site / "doc-1951-01-02-mao-zedong-to-stalin.html")).getroot()
    assert doc.xpath("string(//dd[@class='meta-sent-date'])") == "2. Januar 1951"
    assert "1. Oktober 1950" in doc.xpath("string(//li[@class='nav-prev'])")  # the neighbour's date too
    ticks = html.parse(str(german_site / "correspondence.html")).getroot().xpath("//*[@class='tl-tick']/text()")
    assert ticks and all(re.fullmatch(r"(Jan\.|Feb\.|März|Apr\.|Mai|Juni|Juli|Aug\.|Sept\.|Okt\.|Nov\.|Dez\.) \d{4}", t)
                         for t in ticks), ticks


def test_an_english_edition_keeps_its_english_dates(fixture_site):
    for name, dates in _dates_shown(fixture_site).items():
        assert dates == {k: v for k, v in ENGLISH_DATES.items() if k in dates} and dates, name
    ticks = html.parse(str(fixture_site / "correspondence.html")).getroot().xpath("//*[@class='tl-tick']/text()")
    assert ticks and all(re.fullmatch(r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}", t) for t in ticks)


def test_a_date_with_its_time_and_a_month_alone_follow_the_language_s_pattern(tmp_path):
    """editio:date-reading (xslt/common/dates.xsl) through the web's editio:date-words: a time after the day, a
    month without a day, a range within one day, a bare year as it stands."""
    from editio.build.xslt import Stylesheets

    xsl = tmp_path / "dates.xsl"
    xsl.write_text(f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
        xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:editio="https://editio.invalid/ns">
      <xsl:import href="{(HTML_XSLT / 'common.xsl').as_uri()}"/>
      <xsl:template name="xsl:initial-template"><r>
        <xsl:for-each select="('1950-10-03T19:40:00', '1951-03', '1951', '1950-05-09')">
          <d><xsl:value-of select="editio:format-date(.)"/></d></xsl:for-each>
        <xsl:variable name="range" as="element()">
          <tei:date notBefore="1950-11-18T04:03:00" notAfter="1950-11-18T19:35:00"/></xsl:variable>
        <d><xsl:value-of select="editio:date-reading($range)"/></d>
      </r></xsl:template></xsl:stylesheet>""", encoding="utf-8")
    found = {}
    for lang in ("en", "de"):
        with Stylesheets({"edition-language": lang}) as xslt:
            found[lang] = [d.text for d in etree.fromstring(xslt.call(xsl).encode()).iter("d")]
    assert found["en"] == ["3 October 1950, 19:40", "March 1951", "1951", "9 May 1950", "18 November 1950, 04:03–19:35"]
    assert found["de"] == ["3. Oktober 1950, 19:40", "März 1951", "1951", "9. Mai 1950",
                           "18. November 1950, 04:03–19:35"]


def test_a_german_edition_s_search_results_give_german_dates(browser, german_site):
    from browsing import serve, watched_context

    with serve(german_site) as base:
        context, watch = watched_context(browser, base.rstrip("/"))
        try:
            tab = context.new_page()
            tab.goto(f"{base}search.html?q=operator")
            tab.wait_for_selector("#search-results li")
            assert tab.locator("#search-results li .search-result-date").first.inner_text() == "1. Oktober 1950"
            watch.assert_clean()
        finally:
            context.close()
