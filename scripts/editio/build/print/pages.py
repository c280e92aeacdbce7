"""pages.xml, the contract between print and web: for each document its number in the volume, its first and last
page, and the page of each passage anchor (editio:anchor) — as Typst laid them out (the <editio-pages> record the
volume ends with), never estimated."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from editio.tei.files import atomic_write


def pages_xml(record: dict) -> bytes:
    """The record of book.typ's page-record() as pages.xml."""
    ends = {doc: page for doc, page in record["ends"]}
    anchors: dict[str, list[tuple[str, int]]] = {}
    for doc, anchor, page in record["anchors"]:
        anchors.setdefault(doc, []).append((anchor, page))
    root = etree.Element("pages")
    for doc, n, first in record["docs"]:
        el = etree.SubElement(root, "doc", id=doc, n=str(n), first=str(first), last=str(ends.get(doc, first)))
        for anchor, page in anchors.get(doc, []):
            etree.SubElement(el, "anchor", id=anchor, page=str(page))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write(record: dict, path: Path) -> Path:
    atomic_write(path, pages_xml(record))
    return path
