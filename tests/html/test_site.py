"""The pages made from every document: the home page lists every document in date order with the data its
filters use and the bracket conventions of the editorialDecl; the indexes give every authority entry with the
documents that name it; the map, the correspondence view, the archive list and the search page show what the
TEI says, and nothing else."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from browsing import REPO
from lxml import etree, html

from editio.tei import NS, XML_ID

TEI_DIR = REPO / "tei"
AUTHORITY = {"persons.xml": "per", "places.xml": "pla", "orgs.xml": "org"}


def documents() -> list[Path]:
    return sorted(p for p in TEI_DIR.glob("*.xml") if p.name not in AUTHORITY)


def parsed(path: Path):
    return html.parse(str(path)).getroot()


def tei_date(tei: etree._ElementTree) -> str:
    return tei.xpath("string((//tei:creation/tei:date/@when | //tei:correspAction[@type='sent']/tei:date/@when)[1])",
                     namespaces=NS)


def test_the_home_page_lists_every_document_in_date_order_with_its_filter_data(site):
    root = parsed(site / "index.html")
    items = root.xpath("//ol[@id='doc-list']/li")
    teis = [etree.parse(str(t)) for t in documents()]
    assert [li.xpath("string(a[@class='doc-title']/@href)") for li in items] == \
        [f"{t.getroot().get(XML_ID)}.html" for t in teis]
    dates = [li.xpath("string(.//time/@datetime)") for li in items]
    assert dates == sorted(dates) == [tei_date(t) for t in teis]
    for li, tei in zip(items, teis, strict=True):
        assert li.get("data-year") == tei_date(tei)[:4]
        persons = set(tei.xpath("//tei:persName/@ref", namespaces=NS))
        assert set(li.get("data-person").split()) == persons
        sender = tei.xpath("string(//tei:correspAction[@type='sent']/tei:persName[1])", namespaces=NS)
        assert li.xpath("string(.//*[@class='doc-parties'])").startswith(sender.strip())
    years = root.xpath("//select[@id='filter-year']/option[@value!='']/@value")
    assert years == sorted({tei_date(t)[:4] for t in teis})
    assert root.xpath("//form[@id='doc-filters'][@hidden]")  # shown by the script; the full list without it


def test_the_bracket_conventions_table_is_the_editorial_declaration(site):
    decl = etree.parse(str(documents()[0])).xpath("//tei:editorialDecl//tei:list[@type='gloss']/tei:label",
                                                   namespaces=NS)
    rows = parsed(site / "index.html").xpath("//table[@class='brackets']/tbody/tr")
    assert [r.xpath("string(td[1])") for r in rows] == [label.text for label in decl]


# A document names what its text names and what its header says of the document itself: its title and author,
# its source, notes on it, its profile — not the makers of the edition's file (respStmt, publicationStmt,
# encodingDesc, revisionDesc …: "editio" in every header).
ABOUT_DOCUMENT = ("[not(ancestor::tei:teiHeader) or ancestor::tei:profileDesc or ancestor::tei:sourceDesc"
                  " or ancestor::tei:notesStmt or ancestor::tei:title[parent::tei:titleStmt]"
                  " or ancestor::tei:author[parent::tei:titleStmt]]")


@pytest.mark.parametrize(("file", "prefix"), sorted(AUTHORITY.items()))
def test_every_authority_entry_has_its_index_entry_with_the_documents_that_name_it(site, file, prefix):
    entries = etree.parse(str(TEI_DIR / file)).xpath("//tei:person | //tei:place | //tei:org", namespaces=NS)
    root = parsed(site / file.replace(".xml", ".html"))
    for entry in entries:
        local = entry.get(XML_ID)
        li = root.xpath(f"//li[@id='{local}']")
        assert li, local
        naming = []
        for tei in documents():
            count = Counter(n.xpath("boolean(ancestor::tei:teiHeader)", namespaces=NS) for n in etree.parse(str(tei))
                            .xpath(f"//*[self::tei:persName or self::tei:placeName or self::tei:orgName]"
                                   f"[contains(concat(' ', @ref, ' '), ' {prefix}:{local} ')]{ABOUT_DOCUMENT}",
                                   namespaces=NS))
            if count:
                naming.append((f"{etree.parse(str(tei)).getroot().get(XML_ID)}.html", count[False], count[True]))
        listed = li[0].xpath(".//ul[@class='entry-docs']/li")
        assert [x.xpath("string(a/@href)") for x in listed] == [n[0] for n in naming]
        for x, (_, in_text, in_header) in zip(listed, naming, strict=True):
            counted = x.xpath("string(.//*[@class='entry-count'])")
            assert (f"{in_text}× in the text" in counted) == bool(in_text)
            assert (f"{in_header}× in the header" in counted) == bool(in_header)
        links = li[0].xpath(".//a[@class='authority-link']/@href")
        for idno in entry.xpath("tei:idno[@type='wikidata' or @type='geonames']", namespaces=NS):
            assert any(href.endswith("/" + idno.text.strip()) for href in links)
        assert len(links) == len(entry.xpath("tei:idno[@type='wikidata' or @type='geonames']", namespaces=NS))


def test_every_name_on_every_page_points_at_an_existing_index_entry(site):
    targets = {}
    for page in site.glob("*.html"):
        for href in parsed(page).xpath("//a[contains(concat(' ', @class, ' '), ' name ')]/@href"):
            file, _, anchor = href.partition("#")
            targets.setdefault(file, set()).add(anchor)
    assert set(targets) == {"persons.html", "places.html", "orgs.html"}
    for file, anchors in targets.items():
        ids = set(parsed(site / file).xpath("//li[contains(@class, 'entry')]/@id"))
        assert anchors <= ids, anchors - ids


def test_the_map_draws_every_place_with_coordinates_and_links_it_to_the_index(site):
    places = etree.parse(str(TEI_DIR / "places.xml"))
    areas = {"continent", "country", "ocean", "sea", "region", "river", "mountain-range", "province"}
    points = {p.get(XML_ID) for p in places.xpath("//tei:place[tei:location/tei:geo]", namespaces=NS)
              if p.get("type") not in areas}
    root = parsed(site / "map.html")
    svg = root.xpath("//*[local-name()='svg']")[0]
    linked = {h.split("#")[1] for h in svg.xpath(".//*[local-name()='a']/@href")}
    assert linked == points
    assert len(svg.xpath(".//*[local-name()='circle']")) == len(points)
    assert not root.xpath("//img | //iframe")  # no tiles


def test_the_correspondence_view_has_a_network_and_a_timeline_of_every_document(site):
    root = parsed(site / "correspondence.html")
    svgs = root.xpath("//*[local-name()='svg']")
    assert [s.get("aria-label") for s in svgs] == ["Network of senders and recipients", "Timeline of the documents"]
    timeline = {h for h in svgs[1].xpath(".//*[local-name()='a']/@href")}
    assert timeline == {f"{etree.parse(str(t)).getroot().get(XML_ID)}.html" for t in documents()}
    senders = set()
    for tei in documents():
        senders |= set(etree.parse(str(tei)).xpath("//tei:correspAction[@type='sent']/tei:persName/@ref",
                                                    namespaces=NS))
    network = {h.split("#")[1] for h in svgs[0].xpath(".//*[local-name()='a']/@href")}
    assert {s.split(":")[1] for s in senders} <= network


def test_the_archive_list_gives_every_archival_copy_by_repository_and_file(site):
    root = parsed(site / "archives.html")
    rows = root.xpath("//table/tbody/tr")
    copies = []
    for tei in documents():
        doc = etree.parse(str(tei))
        for ms in doc.xpath("//tei:msIdentifier", namespaces=NS):
            copies.append((f"{doc.getroot().get(XML_ID)}.html",
                           ms.xpath("string(tei:idno[@type='fond'])", namespaces=NS).strip()))
    listed = [(r.xpath("string(.//a/@href)"), r.xpath("string(td[1])")) for r in rows]
    assert sorted(listed) == sorted(copies)


def test_document_pages_carry_the_search_index_attributes_and_navigation_is_left_out(site):
    for tei in documents():
        doc_id = etree.parse(str(tei)).getroot().get(XML_ID)
        root = parsed(site / f"{doc_id}.html")
        body = root.xpath("//*[@data-pagefind-body]")
        assert len(body) == 1 and body[0].xpath(".//*[@id='text']")
        assert body[0].xpath(".//h1[@data-pagefind-meta='title']")
        assert re.fullmatch(r"date:\d{4}-\d{2}-\d{2}.*", body[0].xpath("string(.//*[starts-with(@data-pagefind-meta,"
                                                                       " 'date:')]/@data-pagefind-meta)"))
        filters = body[0].xpath(".//@data-pagefind-filter")
        assert "year" in filters and any(f.startswith("person:") for f in filters)
        assert any(f.startswith("place:") for f in filters) == bool(
            etree.parse(str(tei)).xpath("//tei:placeName[@ref]", namespaces=NS))
        for nav in root.xpath("//header | //footer | //nav[@class='doc-nav'] | //*[@class='cards']"):
            assert nav.get("data-pagefind-ignore") is not None


def test_the_search_page_says_plainly_that_search_needs_a_server(site):
    root = parsed(site / "search.html")
    assert root.xpath("//form[@id='search-form']//input[@id='search-input']")
    assert "served over http" in root.xpath("string(//*[@id='search-status'])")
    assert "'wasm-unsafe-eval'" in root.xpath("string(//meta[@http-equiv='Content-Security-Policy']/@content)")


def test_site_links_stay_relative_so_the_folder_works_from_file_and_any_host(site):
    for page in site.glob("*.html"):
        root = parsed(page)
        for href in root.xpath("//a/@href | //link/@href | //script/@src"):
            assert not href.startswith("/"), (page.name, href)
            if re.match(r"[a-z]+:", href) and not href.startswith("data:"):
                assert href.startswith("https://"), (page.name, href)
                assert root.xpath("//a[@href=$h]", h=href), (page.name, href)  # outside: links only, never loaded


def test_persons_are_filed_under_their_family_name(site):
    order = parsed(site / "persons.html").xpath("//li[contains(@class, 'entry-person')]/@id")
    # Shabshin (A.I. Shabshin) under S, Mao Zedong and Zhou Enlai under their family names
    assert order.index("beria") < order.index("mao-zedong") < order.index("shabshin") < order.index("zhou-enlai")
    assert order.index("kim-il-sung") < order.index("lobov")
