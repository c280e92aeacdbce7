"""The page of each document, read as HTML (lxml): it keeps every word of the TEI text, gives every block the
passage anchor of the one citation system, links every name to its index entry with a card, numbers the notes
with a way back, keeps both views of the apparatus, escapes the source, and loads nothing from elsewhere."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from browsing import REPO, build_html
from lxml import etree, html

from editio.build.xslt import Stylesheets, XsltError
from editio.edition import load
from editio.tei import NS, XML_ID

TEI_DIR = REPO / "tei"
AUTHORITY = {"persons.xml", "places.xml", "orgs.xml"}
BLOCKS = ("p", "ab", "item", "head", "opener", "closer", "postscript")


def documents() -> list[Path]:
    return sorted(p for p in TEI_DIR.glob("*.xml") if p.name not in AUTHORITY)


def doc_id(tei: Path) -> str:
    return etree.parse(str(tei)).getroot().get(XML_ID)


def page(site: Path, tei: Path):
    return html.parse(str(site / f"{doc_id(tei)}.html")).getroot()


def blocks(tei: Path) -> list:
    """The text blocks of addresses.xsl: paragraph-like elements of the text, not nested in one another."""
    text = etree.parse(str(tei)).find("tei:text", NS)
    found = []
    for el in text.iter(*(f"{{{NS['tei']}}}{b}" for b in BLOCKS)):
        if not any(a.tag in {f"{{{NS['tei']}}}{b}" for b in BLOCKS} for a in el.iterancestors()):
            found.append(el)
    return found


def words(s: str) -> list[str]:
    return re.findall(r"\w+", s)


@pytest.mark.parametrize("tei", documents(), ids=lambda p: p.stem)
def test_every_document_has_its_page_with_landmarks_and_one_h1(site, tei):
    root = page(site, tei)
    assert root.get("lang") == "en"
    for landmark in ("header", "nav", "main", "footer"):
        assert root.xpath(f"//{landmark}"), landmark
    assert len(root.xpath("//h1")) == 1
    assert root.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0].startswith("default-src 'self'")


@pytest.mark.parametrize("tei", documents(), ids=lambda p: p.stem)
def test_no_word_of_the_source_text_is_lost(site, tei):
    text = etree.parse(str(tei)).find("tei:text", NS)
    # the edition's own notes are not printed in the source: they stand in the list of notes
    shown = " ".join(page(site, tei).xpath("//*[@id='text']//text() | //section[@class='notes']//text()"))
    missing = [w for w in words(" ".join(text.itertext())) if w not in set(words(shown))]
    assert not missing, missing[:20]


@pytest.mark.parametrize("tei", documents(), ids=lambda p: p.stem)
def test_every_text_block_has_its_passage_anchor_and_a_cite_link(site, tei):
    root = page(site, tei)
    ids = root.xpath("//*[@id='text']//*[@id]/@id")
    anchors = [i for i in ids if re.fullmatch(r"p\d+", i)]
    assert anchors == [f"p{n}" for n in range(1, len(blocks(tei)) + 1)]
    for anchor in anchors:
        block = root.xpath(f"//*[@id='{anchor}']")[0]
        link = block.xpath("./a[@class='cite-passage']")
        assert link and link[0].get("href") == f"#{anchor}", anchor
        assert link[0].get("data-cite").endswith(f"{doc_id(tei)}.html#{anchor}")
        assert link[0].get("data-cite") in link[0].get("title")


@pytest.mark.parametrize("tei", documents(), ids=lambda p: p.stem)
def test_every_name_links_to_its_index_entry_and_has_its_card(site, tei):
    text = etree.parse(str(tei)).find("tei:text", NS)
    refs = [n.get("ref").split()[0] for n in text.xpath(".//tei:persName[@ref] | .//tei:placeName[@ref]"
                                                        " | .//tei:orgName[@ref]", namespaces=NS)]
    root = page(site, tei)
    names = root.xpath("//*[@id='text']//*[contains(concat(' ', @class, ' '), ' name ')][@data-ref]")
    assert [n.get("data-ref") for n in names] == refs
    files = {"per": "persons.html", "pla": "places.html", "org": "orgs.html"}
    for name in names:
        if name.tag != "a":  # a name nested in a name: no link inside a link
            continue
        prefix, local = name.get("data-ref").split(":", 1)
        assert name.get("href") == f"{files[prefix]}#{local}"
        card = root.xpath(f"//div[@id='{name.get('aria-describedby')}']")
        assert card and card[0].get("role") == "tooltip" and card[0].get("data-ref") == name.get("data-ref")
        assert card[0].xpath(".//a[@href=$h]", h=name.get("href"))


def test_a_card_gives_the_main_form_dates_other_forms_and_only_real_authority_links(site):
    tei = next(t for t in documents() if "mao-zedong-to-stalin" in t.name)
    card = page(site, tei).xpath("//div[@id='card-per-stalin']")[0]
    persons = etree.parse(str(TEI_DIR / "persons.xml"))
    stalin = persons.xpath("//tei:person[@xml:id='stalin']", namespaces=NS)[0]
    main = stalin.xpath("tei:persName[@type='main']", namespaces=NS)[0].text
    assert card.xpath("string(.//*[@class='card-name'])") == main
    assert "1878" in card.xpath("string(.//*[@class='card-dates'])")
    assert "Filippov" in card.xpath("string(.//*[@class='card-forms'])")
    qid = stalin.xpath("tei:idno[@type='wikidata']", namespaces=NS)[0].text
    assert card.xpath(".//a/@href[contains(., 'wikidata.org')]") == [f"https://www.wikidata.org/wiki/{qid}"]
    lobov = page(site, tei).xpath("//div[@id='card-per-lobov']")[0]
    entry = persons.xpath("//tei:person[@xml:id='lobov']", namespaces=NS)[0]
    if not entry.xpath("tei:idno", namespaces=NS):
        assert not lobov.xpath(".//a[contains(@href, 'wikidata') or contains(@href, 'geonames')]")


@pytest.mark.parametrize("tei", documents(), ids=lambda p: p.stem)
def test_notes_are_numbered_with_a_way_back(site, tei):
    notes = etree.parse(str(tei)).xpath("//tei:text//tei:note", namespaces=NS)
    root = page(site, tei)
    refs = root.xpath("//*[@id='text']//a[@class='note-ref']")
    assert [r.text for r in refs] == [str(n) for n in range(1, len(notes) + 1)]
    for ref in refs:
        note = root.xpath(f"//li[@id='{ref.get('href')[1:]}']")[0]
        assert note.xpath("a[@class='note-back']/@href") == [f"#{ref.get('id')}"]


def test_both_views_of_the_apparatus_are_in_the_page(site):
    tei = next(t for t in documents() if "mao-zedong-to-stalin" in t.name)
    root = page(site, tei)
    choice = root.xpath("//*[@id='text']//span[@class='choice'][span[contains(@class, 'sic')]]")[0]
    assert choice.xpath("string(span[contains(@class, 'dipl')])") == "greatsuccesses"
    assert choice.xpath("string(span[contains(@class, 'read')])") == "great successes"
    # the switches are form controls, each with its label (they work without JavaScript: CSS reads their state)
    assert root.xpath("//input[@type='radio'][@name='view'][@id='view-diplomatic'][@checked]")
    assert root.xpath("//input[@type='radio'][@name='view'][@id='view-reading'][not(@checked)]")
    assert root.xpath("//input[@type='checkbox'][@id='layer-switch'][@checked]")
    assert len(root.xpath("//label[@for='view-diplomatic'] | //label[@for='view-reading'] | "
                          "//label[@for='layer-switch']")) == 3
    supplied = root.xpath("//*[@id='text']//span[@class='supplied']")[0]
    assert supplied.xpath("string(.)").startswith("[") and supplied.xpath("string(.)").endswith("]")
    assert root.xpath("//*[@id='text']//span[contains(@class, 'stamp')][contains(@class, 'archival')]")
    assert root.xpath("//*[@id='text']//span[contains(@class, 'add')][@data-place='top']")
    archival = root.xpath("//*[@id='text']//div[contains(@class, 'archival')]/@class")
    assert any("div-transmission" in c for c in archival) and any("div-distribution" in c for c in archival)
    assert root.xpath("//*[@id='text']//span[contains(@class, 'gap')][@data-reason='signature']")


def test_foreign_words_carry_their_language(site):
    tei = next(t for t in documents() if etree.parse(str(t)).xpath("//tei:text//tei:foreign", namespaces=NS))
    lang = etree.parse(str(tei)).xpath("//tei:text//tei:foreign/@xml:lang", namespaces=NS)[0]
    assert page(site, tei).xpath(f"//*[@id='text']//span[@class='foreign'][@lang='{lang}']")


@pytest.mark.parametrize("tei", documents(), ids=lambda p: p.stem)
def test_the_metadata_panel_says_who_when_where_and_which_archive(site, tei):
    header = etree.parse(str(tei)).find("tei:teiHeader", NS)
    root = page(site, tei)
    panel = root.xpath("//section[@class='metadata']")[0]
    descs = header.xpath(".//tei:correspDesc", namespaces=NS)
    own = ([d for d in descs if d.get("type") is None] or descs)[:1]
    for desc in descs:
        for action in desc.xpath("tei:correspAction", namespaces=NS):
            step = action.get("type") == "transmitted" and \
                action.get("subtype") not in (None, "relayed", "addressed")
            # the document's own parties by role; a step of the cable's way in its list; a relayed or covered
            # letter under its own heading
            where = ("meta-steps" if step else f"meta-{action.get('type')}") if desc in own \
                else f"meta-corresp-{desc.get('type')}"
            for name in action.xpath("tei:persName", namespaces=NS):
                assert panel.xpath(f".//dd[@class='{where}']//a[@data-ref='{name.get('ref')}']"), (where, name.text)
            for office in action.xpath("tei:roleName | tei:persName/tei:roleName", namespaces=NS):
                shown = " | ".join(" ".join(dd.text_content().split())
                                   for dd in panel.xpath(f".//dd[@class='{where}']"))
                assert " ".join(office.xpath("string(.)").split()) in shown, (where, office.text)
    for idno in header.xpath(".//tei:msIdentifier/tei:idno", namespaces=NS):
        archives = " | ".join(dd.xpath("string(.)") for dd in panel.xpath(".//dd[@class='meta-archive']"))
        assert f"{idno.get('type')} {idno.text.strip()}" in archives
    for url in header.xpath(".//tei:sourceDesc//tei:ptr/@target", namespaces=NS):
        assert panel.xpath(".//a[@class='source-url']/@href").count(url) == 1
    year = panel.xpath("string(.//*[@data-pagefind-filter='year'])")
    assert re.fullmatch(r"\d{4}", year)


@pytest.mark.parametrize("tei", documents(), ids=lambda p: p.stem)
def test_every_language_the_panel_names_is_said_in_words_and_an_inferred_one_says_so(site, tei):
    header = etree.parse(str(tei)).find("tei:teiHeader", NS)
    panel = page(site, tei).xpath("//section[@class='metadata']")[0]
    shown = panel.xpath(".//dd[@class='meta-textlang']")
    assert len(shown) == len(header.xpath(".//tei:sourceDesc/tei:bibl/tei:textLang", namespaces=NS))
    assert all(" ".join(dd.text_content().split()) for dd in shown)  # never an empty row
    for lang in header.xpath(".//tei:sourceDesc/tei:bibl/tei:textLang[@cert]", namespaces=NS):
        note = lang.getparent().findtext("tei:note", namespaces=NS)
        assert any(" ".join(note.split()) in dd.text_content() for dd in shown)


def test_previous_and_next_follow_the_date_order(site):
    ids = [doc_id(t) for t in documents()]
    for i, tei in enumerate(documents()):
        root = page(site, tei)
        prev = root.xpath("//a[@data-rel='prev']/@href")
        nxt = root.xpath("//a[@data-rel='next']/@href")
        assert prev == ([f"{ids[i - 1]}.html"] if i else [])
        assert nxt == ([f"{ids[i + 1]}.html"] if i + 1 < len(ids) else [])


def test_the_tei_is_downloadable_and_the_citation_says_the_edition_has_no_address_yet(site):
    for tei in documents():
        root = page(site, tei)
        href = root.xpath("//a[contains(@class, 'download-tei')]/@href")[0]
        assert (site / href).read_bytes() == tei.read_bytes()
        # the print edition is built first (html needs pdf): each page offers its document's PDF
        pdf_href = root.xpath("//a[contains(@class, 'download-pdf')]/@href")
        assert pdf_href == [f"pdf/{doc_id(tei)}.pdf"] and (site / pdf_href[0]).read_bytes()[:5] == b"%PDF-"
        cite = root.xpath("//section[@id='cite']")[0]
        assert "no published address" in cite.xpath("string(.)")
        assert cite.xpath("string(.//*[contains(@class, 'citation-chicago')])").strip()
        bibtex = cite.xpath("string(.//*[contains(@class, 'citation-bibtex')])")
        assert bibtex.startswith(f"@misc{{{doc_id(tei)},") and "url" not in bibtex


@pytest.mark.parametrize("tei", documents(), ids=lambda p: p.stem)
def test_no_inline_script_style_or_handler_and_nothing_from_elsewhere(site, tei):
    root = page(site, tei)
    assert not root.xpath("//style | //script[not(@src)] | //*[@style]")
    assert not [a for el in root.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")]
    for src in root.xpath("//script/@src | //link/@href | //img/@src"):
        assert src.startswith("data:") or not re.match(r"[a-z]+:|/", src), src  # inline data, or the folder


# ===== constructed editions =====

def _edition(tmp_path: Path, base_url: str = "") -> Path:
    """A copy of the bundled edition (optionally with a base URL) to change before building."""
    edition = tmp_path / "edition"
    edition.mkdir()
    toml = (REPO / "edition.toml").read_text(encoding="utf-8")
    if base_url:
        toml = re.sub(r'(?m)^base_url = ""', f'base_url = "{base_url}"', toml)
    (edition / "edition.toml").write_text(toml, encoding="utf-8")
    shutil.copytree(TEI_DIR, edition / "tei")
    return edition


def test_source_text_with_markup_characters_is_escaped(tmp_path):
    edition = _edition(tmp_path)
    tei = edition / "tei" / "1951-10-24-mao-zedong-to-stalin.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace(
        "Greetings.", "Greetings. &lt;script&gt;alert('x')&lt;/script&gt; &amp;amp;"), encoding="utf-8")
    site = build_html(edition, tmp_path / "build")
    source = (site / "doc-1951-10-24-mao-zedong-to-stalin.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in source
    root = html.fromstring(source)
    assert "<script>alert('x')</script> &amp;" in root.xpath("string(//*[@id='text'])")
    assert not root.xpath("//*[@id='text']//script")


def test_an_element_without_a_template_stops_the_page(tmp_path):
    tei = tmp_path / "doc.xml"
    source = (TEI_DIR / "1951-10-24-mao-zedong-to-stalin.xml").read_text(encoding="utf-8")
    tei.write_text(source.replace("Greetings.", "Greetings. <fw type='catch'>next</fw>"), encoding="utf-8")
    context = tmp_path / "context.xml"
    context.write_text("<context/>", encoding="utf-8")
    with Stylesheets(load(REPO).xslt_params()) as xslt, pytest.raises(XsltError):
        xslt.transform("html/document.xsl", tei, tmp_path / "doc.html", context=context.as_uri())


def test_with_a_base_url_and_a_print_edition_the_page_cites_its_address_and_offers_the_pdf(tmp_path):
    edition = _edition(tmp_path, base_url="https://edition.example.org/telegrams/")
    doc = "doc-1951-10-24-mao-zedong-to-stalin"
    done = subprocess.run([sys.executable, "-c", "from editio.cli import main; main()", "--edition",
                           str(edition), "build", "html"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    site, pdf = edition / "output" / "html", edition / "output" / "pdf"
    root = html.parse(str(site / f"{doc}.html")).getroot()
    url = f"https://edition.example.org/telegrams/{doc}.html"
    assert url in root.xpath("string(//*[contains(@class, 'citation-chicago')])")
    assert f"url = {{{url}}}" in root.xpath("string(//*[contains(@class, 'citation-bibtex')])")
    assert not root.xpath("//*[@class='cite-unpublished']")
    assert root.xpath("//*[@id='p3']/a[@class='cite-passage']/@data-cite") == [f"{url}#p3"]
    # the print edition's PDF of this document, and its pages in the volume as the print edition laid them out
    assert root.xpath("//a[contains(@class, 'download-pdf')]/@href") == [f"pdf/{doc}.pdf"]
    assert (site / "pdf" / f"{doc}.pdf").read_bytes() == (pdf / f"{doc}.pdf").read_bytes()
    placed = etree.parse(str(pdf / "pages.xml")).find(f"doc[@id='{doc}']")
    first, last = placed.get("first"), placed.get("last")
    pages = f"p. {first}" if first == last else f"pp. {first}–{last}"
    assert pages in root.xpath("string(//dd[@class='meta-print'])")
    for anchor in placed.iterfind("anchor"):
        assert root.xpath(f"//*[@id='{anchor.get('id')}']/@data-print-page") == [anchor.get("page")]


def test_every_element_used_in_the_texts_has_a_template_in_the_text_mode():
    """The text mode fails on an element without a template (on-no-match="fail"); this says which are missing
    before a build meets them."""
    handled = set()
    for xsl in (REPO / "xslt" / "html").glob("*.xsl"):
        for template in etree.parse(str(xsl)).iter("{http://www.w3.org/1999/XSL/Transform}template"):
            if "text" in (template.get("mode") or "").split() and template.get("match"):
                handled |= set(re.findall(r"tei:(\w+)", template.get("match")))
    used = set()
    for tei in documents():
        for el in etree.parse(str(tei)).find("tei:text", NS).iter():
            if isinstance(el.tag, str):
                used.add(etree.QName(el).localname)
    assert used - {"text"} <= handled | {"text"}, sorted(used - handled)


def test_a_document_with_a_bare_header_still_gets_its_page_and_summary(tmp_path):
    """An unseen document may lack correspondents, a summary, an archive: its page says what it has."""
    tei = tmp_path / "bare.xml"
    doc = etree.parse(str(TEI_DIR / "1951-10-24-mao-zedong-to-stalin.xml"))
    for path in ("//tei:correspDesc", "//tei:abstract", "//tei:msDesc", "//tei:sourceDesc/tei:bibl"):
        for el in doc.xpath(path, namespaces=NS):
            el.getparent().remove(el)
    doc.write(str(tei), xml_declaration=True, encoding="UTF-8")
    with Stylesheets(load(REPO).xslt_params()) as xslt:
        summaries = tmp_path / "summaries"
        xslt.transform("html/summary.xsl", tei, summaries / "bare.xml")
        xslt.call("html/summary.xsl", tmp_path / "site.xml", template="collect", summaries=summaries.as_uri() + "/")
        context = tmp_path / "context" / f"{doc.getroot().get(XML_ID)}.xml"
        xslt.transform("html/document.xsl", tei, tmp_path / "bare.html", context=context.as_uri())
    root = html.parse(str(tmp_path / "bare.html")).getroot()
    assert root.xpath("string(//dd[@class='meta-date'])").startswith("24 October 1951")
    assert not root.xpath("//dd[@class='meta-sent'] | //dd[@class='meta-archive'] | //a[@data-rel]")
    assert "great successes" in root.xpath("string(//*[@id='text'])")


def test_the_chicago_citation_names_sender_title_date_and_archive(site):
    for tei in documents():
        doc = etree.parse(str(tei))
        chicago = page(site, tei).xpath("string(//*[contains(@class, 'citation-chicago')])")
        sender = doc.xpath("string(//tei:correspAction[@type='sent']/tei:persName[1])", namespaces=NS).strip()
        assert chicago.startswith(sender), chicago
        when = doc.xpath("string(//tei:creation/tei:date/@when)", namespaces=NS)
        assert when[:4] in chicago
        repository = doc.xpath("string(//tei:msIdentifier[1]/tei:repository)", namespaces=NS).strip()
        assert repository in chicago
        title_words = words(doc.xpath("string(//tei:titleStmt/tei:title[@type='main'])", namespaces=NS))[:4]
        assert all(w.lower() in chicago.lower() for w in title_words), (title_words, chicago)


# Each apparatus element of the TEI and the mark it leaves in the page (class of the HTML element).
APPARATUS = {
    "sic": "sic", "corr": "corr", "supplied": "supplied", "abbr": "abbr", "expan": "expan", "ex": "ex",
    "add": "add", "stamp": "stamp", "gap": "gap", "reg": "reg", "foreign": "foreign", "c": "c",
    "note": "note-ref", "floatingText": "floating-text", "lb": "lb", "date": "date",
}


def test_every_apparatus_element_of_the_fixture_leaves_its_mark(fixture_site):
    fixture = REPO / "tests" / "html" / "fixtures" / "edition" / "tei"
    tei = next(t for t in fixture.glob("*.xml") if etree.parse(str(t)).xpath("//tei:text//tei:stamp", namespaces=NS))
    doc = etree.parse(str(tei))
    root = html.parse(str(fixture_site / f"{doc.getroot().get(XML_ID)}.html")).getroot()
    for element, css in APPARATUS.items():
        n = len(doc.xpath(f"//tei:text//tei:{element}", namespaces=NS))
        shown = root.xpath(f"//*[@id='text']//*[contains(concat(' ', @class, ' '), ' {css} ')]")
        assert len(shown) >= n > 0, (element, n, len(shown))
    original = doc.xpath("//tei:div[@type='original']", namespaces=NS)[0]
    beside = root.xpath("//div[contains(@class, 'has-original')]/div[contains(@class, 'div-original')]")
    assert beside and beside[0].get("lang") == original.get("{http://www.w3.org/XML/1998/namespace}lang")
    gaps = {g.get("reason") for g in doc.xpath("//tei:text//tei:gap", namespaces=NS)}
    assert gaps == set(root.xpath("//*[@id='text']//span[contains(@class, 'gap')]/@data-reason"))


def test_the_panel_names_the_office_of_each_party_and_an_office_without_a_holder(tmp_path):
    """An office the correspondence names (roleName type="office", beside the holder or alone) is in the panel
    with the party: the relaying ambassador, an office the cable was addressed to, a relayed letter's party."""
    tei = tmp_path / "office.xml"
    doc = etree.parse(str(TEI_DIR / "1951-10-24-mao-zedong-to-stalin.xml"))
    desc = doc.find(".//tei:profileDesc/tei:correspDesc", NS)
    t = f"{{{NS['tei']}}}"
    relaying = etree.SubElement(desc, t + "correspAction", type="transmitted")
    etree.SubElement(relaying, t + "persName", ref="per:shtykov").text = "Shtykov"
    etree.SubElement(relaying, t + "roleName", type="office").text = "Chief Consul"
    addressed = etree.SubElement(desc, t + "correspAction", type="transmitted", subtype="addressed")
    etree.SubElement(addressed, t + "roleName", type="office").text = "TRADE REPRESENTATIVE"
    etree.SubElement(addressed, t + "placeName", ref="pla:beijing").text = "BEIJING"
    step = etree.SubElement(desc, t + "correspAction", type="transmitted", subtype="forwarded")
    etree.SubElement(step, t + "roleName", type="office").text = "Duty Envoy"
    relayed = etree.SubElement(desc.getparent(), t + "correspDesc", type="relayed")
    sent = etree.SubElement(relayed, t + "correspAction", type="sent")
    etree.SubElement(sent, t + "roleName", type="office").text = "Military Attaché"
    doc.write(str(tei), xml_declaration=True, encoding="UTF-8")
    context = tmp_path / "context.xml"
    context.write_text("<context/>", encoding="utf-8")
    with Stylesheets(load(REPO).xslt_params()) as xslt:
        xslt.transform("html/document.xsl", tei, tmp_path / "office.html", context=context.as_uri())
    root = html.parse(str(tmp_path / "office.html")).getroot()

    def row(cls: str) -> str:
        return " | ".join(" ".join(dd.text_content().split()) for dd in root.xpath(f"//dd[@class='{cls}']"))

    assert "Shtykov, Chief Consul" in row("meta-transmitted")
    assert "TRADE REPRESENTATIVE" in row("meta-transmitted")  # an office alone, its holder not named
    assert "BEIJING" in row("meta-transmitted-place")
    assert "forwarded Duty Envoy" in row("meta-steps")
    assert "from Military Attaché" in row("meta-corresp-relayed")
    assert root.xpath("//dd[@class='meta-transmitted']//span[@class='role'][. = 'Chief Consul']")


@pytest.mark.parametrize("tei", documents(), ids=lambda p: p.stem)
def test_a_citation_in_the_panel_has_no_comma_left_by_a_part_it_does_not_print(site, tei):
    """A bibl's pointer and language statement have rows of their own: no separator is left for them."""
    for dd in page(site, tei).xpath("//dd[@class='meta-bibl' or @class='meta-archival-bibl']"):
        text = " ".join(dd.text_content().split())
        assert text and not text.endswith(",") and ", ," not in text and ",," not in text, text
