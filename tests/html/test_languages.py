"""Words of another language say so wherever they appear, and a document's parties and names are its own.

The test edition (tests/html/fixtures/edition, English) gets one more document, constructed here from one of its
own: a German cable (TEI xml:lang="de"), sent by an organisation, relayed by an ambassador named with his office.
On the English site its words — title, summary, parties, text, search results — carry lang="de" on every page
that shows them (home, indexes, archives, its neighbours' pages, search), while the edition's own words (dates,
labels) do not; the English documents carry none. The home list gives the office with the name as the
document's panel does ("Shtykov, SOVIET AMBASSADOR"). A document's organisations are those its text and its
header's description of it name, never the edition's publisher ("editio", named in every header's
responsibility and publication statements)."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from browsing import FIXTURE_EDITION, build_html, serve, watched_context
from lxml import etree, html

TEI = "http://www.tei-c.org/ns/1.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NS = {"t": TEI}
GERMAN_ID = "doc-1950-10-02-stalin-to-mao-zedong"
GERMAN_PAGE = f"{GERMAN_ID}.html"
GERMAN_TITLE = "Telegramm Stalins an Mao Zedong über die Eisenbahnbrücke"
GERMAN_SUMMARY = "Ein Telegramm in deutscher Sprache, für die Prüfung der Sprachangaben geschrieben."
OFFICE = "SOVIET AMBASSADOR"


def _t(tag: str) -> str:
    return f"{{{TEI}}}{tag}"


def german_document(english: Path) -> etree._ElementTree:
    """The fixture's cable of 1 October 1950, made a German one of 2 October: its language, title, summary and
    text in German; sent by Stalin and an organisation (the archive, as a constructed sender), relayed by
    Shtykov with his office."""
    tree = etree.parse(str(english))
    root = tree.getroot()
    root.set(XML_ID, GERMAN_ID)
    root.set(XML_LANG, "de")
    header = root.find(_t("teiHeader"))
    title = header.find(f"{_t('fileDesc')}/{_t('titleStmt')}/{_t('title')}")
    for child in list(title):
        title.remove(child)
    title.text = GERMAN_TITLE
    header.find(f".//{_t('publicationStmt')}/{_t('idno')}").text = GERMAN_ID
    abstract = header.find(f".//{_t('abstract')}/{_t('p')}")
    abstract.text = GERMAN_SUMMARY
    for date in header.iterfind(f".//{_t('profileDesc')}//{_t('date')}"):
        date.set("when", "1950-10-02")
    header.find(f".//{_t('creation')}/{_t('date')}").text = "2. Oktober 1950"
    language = header.find(f".//{_t('langUsage')}/{_t('language')}")
    language.set("ident", "de")
    language.text = "Deutsch"
    sent = header.find(f".//{_t('correspAction')}[@type='sent']")
    org = etree.SubElement(sent, _t("orgName"), ref="org:aprf")
    org.text = "APRF"
    sent.remove(org)
    sent.insert(1, org)  # names before the place and the date
    relayed = copy.deepcopy(sent)
    relayed.set("type", "transmitted")
    for child in list(relayed):
        relayed.remove(child)
    etree.SubElement(relayed, _t("persName"), ref="per:shtykov").text = "Shtykov"
    etree.SubElement(relayed, _t("roleName"), type="office").text = OFFICE
    sent.addnext(relayed)
    paragraph = root.find(f".//{_t('text')}//{_t('p')}")
    for child in list(paragraph):
        paragraph.remove(child)
    paragraph.text = "Die Eisenbahnbrücke bei "
    place = etree.SubElement(paragraph, _t("placeName"), ref="pla:moscow")
    place.text = "Moskau"
    place.tail = " ist gesperrt."
    return tree


@pytest.fixture(scope="module")
def mixed_site(tmp_path_factory) -> Path:
    """The English test edition with the German document added."""
    edition = tmp_path_factory.mktemp("mixed") / "edition"
    shutil.copytree(FIXTURE_EDITION, edition)
    german_document(edition / "tei" / "1950-10-01-stalin-to-mao-zedong.xml").write(
        str(edition / "tei" / "1950-10-02-stalin-to-mao-zedong.xml"), xml_declaration=True, encoding="UTF-8")
    return build_html(edition, tmp_path_factory.mktemp("mixed-build"))


def page(site: Path, name: str):
    return html.parse(str(site / name)).getroot()


def item_of(home, doc_id: str):
    (li,) = home.xpath(f"//ol[@id='doc-list']/li[a[@href='{doc_id}.html']]")
    return li


def test_the_home_list_marks_the_german_document_s_words_and_only_those(mixed_site):
    home = page(mixed_site, "index.html")
    assert home.get("lang") == "en"
    li = item_of(home, GERMAN_ID)
    title = li.xpath("a[@class='doc-title']")[0]
    assert title.get("lang") == "de" and title.text_content() == GERMAN_TITLE
    summary = li.xpath("p[@class='doc-summary']")[0]
    assert summary.get("lang") == "de" and summary.text_content() == GERMAN_SUMMARY
    parties = li.xpath("span[@class='doc-parties']")[0]
    assert [s.get("lang") for s in parties.xpath("span")] == ["de", "de", "de"]
    # the date is the edition's words: English, unmarked
    assert li.xpath("string(.//time)") == "2 October 1950" and not li.xpath(".//time/@lang")
    for other in home.xpath(f"//ol[@id='doc-list']/li[not(a[@href='{GERMAN_PAGE}'])]"):
        assert not other.xpath(".//@lang"), html.tostring(other)


def test_the_home_list_gives_the_office_with_the_name_as_the_panel_does(mixed_site):
    li = item_of(page(mixed_site, "index.html"), GERMAN_ID)
    parties = " ".join(li.xpath("string(span[@class='doc-parties'])").split())
    assert parties == f"Stalin, APRF → Mao Zedong (via Shtykov, {OFFICE})"
    panel = page(mixed_site, GERMAN_PAGE)
    assert " ".join(panel.xpath("string(//dd[@class='meta-transmitted'])").split()) == f"Shtykov, {OFFICE}"


def test_indexes_archives_and_neighbours_mark_the_german_title(mixed_site):
    for name in ("persons.html", "places.html", "archives.html", "doc-1950-10-01-stalin-to-mao-zedong.html"):
        root = page(mixed_site, name)
        links = root.xpath(f"//a[@href='{GERMAN_PAGE}']")
        assert links, name
        for link in links:
            marked = link.xpath(".//*[@lang]")
            assert [(m.get("lang"), m.text_content()) for m in marked] == [("de", GERMAN_TITLE)], name
            assert "October 1950" in link.text_content(), name  # its date in the edition's words, unmarked
        others = root.xpath(f"//a[starts-with(@href, 'doc-')][not(@href='{GERMAN_PAGE}')]//@lang")
        assert not others, name
    # an index entry's name says its language where it is not the page's (persons.xml: Mao Zedong is zh-Latn)
    persons = page(mixed_site, "persons.html")
    assert persons.xpath("string(//li[@id='mao-zedong']/h2/@lang)") == "zh-Latn"
    assert not persons.xpath("//li[@id='stalin']/h2/@lang")  # English, as the page


def test_the_german_document_s_page_marks_the_tei_s_words_not_the_edition_s(mixed_site):
    root = page(mixed_site, GERMAN_PAGE)
    assert root.get("lang") == "en" and root.xpath("string(//h1/@lang)") == "de"
    assert root.xpath("string(//*[@id='text']/@lang)") == "de"
    assert root.xpath("string(//article/@data-pagefind-meta)") == "lang:de"
    date = root.xpath("//dd[@class='meta-date']")[0]
    assert date.get("lang") is None and date.xpath("string(time)") == "2 October 1950"
    assert root.xpath("string(//dd[@class='meta-transmitted']/@lang)") == "de"


def test_a_document_s_organisations_are_its_own_not_the_edition_s_publisher(mixed_site):
    """Every header of the test edition names "editio" (the file's respStmt and publisher): it is not an
    organisation of any document; the Wilson Center, the published source's publisher (sourceDesc), and the
    archive the German cable names as its sender (correspDesc) are, as the index says."""
    for doc_page in sorted(mixed_site.glob("doc-*.html")):
        root = page(mixed_site, doc_page.name)
        orgs = root.xpath("//dd[contains(@class, 'meta-named-organisation')]//a/@data-ref")
        assert "org:editio" not in orgs and "org:wilson-center" in orgs, doc_page.name
        assert "org:editio" not in root.xpath("//section[@class='metadata']//a/@data-ref"), doc_page.name
    german = page(mixed_site, GERMAN_PAGE)
    assert sorted(german.xpath("//dd[contains(@class, 'meta-named-organisation')]//a/@data-ref")) == \
        ["org:aprf", "org:wilson-center"]
    orgs = page(mixed_site, "orgs.html")
    assert not orgs.xpath("//li[@id='editio']//ul[@class='entry-docs']/li")
    aprf = orgs.xpath("//li[@id='aprf']//ul[@class='entry-docs']/li")
    assert [li.xpath("string(a/@href)") for li in aprf] == [GERMAN_PAGE]


def test_the_rule_on_the_header_s_parts(tmp_path):
    """editio:about-document (xslt/lib/names-index.xsl) on a constructed header: the title, profileDesc and
    sourceDesc (the source, its publisher included) speak of the document; the file's responsibility,
    edition, publication, encoding and revision statements of who made the edition's file."""
    from editio.build.xslt import XSLT_DIR, Stylesheets

    doc = f"""<TEI xmlns="{TEI}"><teiHeader><fileDesc>
      <titleStmt><title>To <persName ref="per:a">A</persName></title>
        <respStmt><resp>encoded by</resp><orgName ref="org:ed">ed</orgName></respStmt></titleStmt>
      <editionStmt><edition>1</edition>
        <respStmt><resp>r</resp><persName ref="per:e">E</persName></respStmt></editionStmt>
      <publicationStmt><publisher><orgName ref="org:ed">ed</orgName></publisher></publicationStmt>
      <sourceDesc><bibl><title>From <orgName ref="org:s">S</orgName></title>
        <publisher><orgName ref="org:p">P</orgName></publisher></bibl>
        <msDesc><msIdentifier><repository>R</repository></msIdentifier>
          <history><p><placeName ref="pla:h">H</placeName></p></history></msDesc></sourceDesc></fileDesc>
      <encodingDesc><projectDesc><p><orgName ref="org:ed">ed</orgName></p></projectDesc></encodingDesc>
      <profileDesc><correspDesc><correspAction type="sent"><orgName ref="org:c">C</orgName></correspAction>
        </correspDesc></profileDesc>
      <revisionDesc><change><persName ref="per:r">R</persName></change></revisionDesc></teiHeader>
      <text><body><p><orgName ref="org:ed">ed</orgName> <persName ref="per:t">T</persName></p></body></text></TEI>"""
    xsl = f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
        xmlns:tei="{TEI}" xmlns:editio="https://editio.invalid/ns">
      <xsl:import href="{(XSLT_DIR / 'lib' / 'names-index.xsl').as_uri()}"/>
      <xsl:param name="edition" select="''"/>
      <xsl:template match="/" priority="2"><r><xsl:for-each select="//*[@ref]">
        <n ref="{{@ref}}" about="{{editio:about-document(.)}}"/></xsl:for-each></r></xsl:template>
    </xsl:stylesheet>"""
    (tmp_path / "rule.xsl").write_text(xsl, encoding="utf-8")
    (tmp_path / "doc.xml").write_text(doc, encoding="utf-8")
    with Stylesheets() as xslt:
        out = xslt.transform(tmp_path / "rule.xsl", tmp_path / "doc.xml")
    found = [(n.get("ref"), n.get("about")) for n in etree.fromstring(out.encode()).iter("n")]
    assert found == [("per:a", "true"), ("org:ed", "false"), ("per:e", "false"), ("org:ed", "false"),
                     ("org:s", "true"), ("org:p", "true"), ("pla:h", "true"), ("org:ed", "false"),
                     ("org:c", "true"), ("per:r", "false"), ("org:ed", "true"), ("per:t", "true")]


def test_search_results_say_the_language_of_the_german_document_s_words(browser, mixed_site):
    with serve(mixed_site) as base:
        context, watch = watched_context(browser, base.rstrip("/"))
        try:
            tab = context.new_page()
            tab.goto(f"{base}search.html?q=Eisenbahnbr%C3%BCcke")
            tab.wait_for_selector("#search-results li")
            results = tab.locator("#search-results li")
            assert results.count() == 1
            result = results.first
            assert result.locator("a").first.get_attribute("href").endswith(GERMAN_PAGE)
            assert result.locator("h2 a").get_attribute("lang") == "de"
            assert result.locator(".search-snippet").get_attribute("lang") == "de"
            date = result.locator(".search-result-date time")
            assert date.inner_text() == "2 October 1950" and date.get_attribute("lang") is None
            # an English document's result says nothing: it is in the page's language
            tab.goto(f"{base}search.html?q=operator")
            tab.wait_for_selector("#search-results li")
            english = tab.locator("#search-results li").first
            assert english.locator("h2 a").get_attribute("lang") is None
            assert english.locator(".search-snippet").get_attribute("lang") is None
            watch.assert_clean()
        finally:
            context.close()
