"""pages.xml, the contract between print and web: for each document its number in the edition, its volume (number
and PDF file), its first and last page in that volume, and the page of each passage anchor (editio:anchor) — as
Typst laid them out (the <editio-pages> record each volume ends with), never estimated. And the index volume's
data: for each name, the pages of each volume where a document prints it.

Both are made from the volumes' records one volume at a time and written as they go (lxml's xmlfile), so the
build's memory does not hold the whole edition's layout."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from editio.tei.files import atomic_write

from .volumes import Volume


def compact(record: dict, volume: Volume) -> dict:
    """What the build keeps of a volume's layout record: documents, ends, anchors, the pages that print each name
    in a document (the front matter's and the indexes' own pages left out), and what the XSLT said of the volume."""
    ends = {doc: page for doc, page in record["ends"]}
    spans = [(first, ends.get(doc, first)) for doc, _, first in record["docs"]]
    mentions: dict[str, list[int]] = {}
    for ref, page in record.get("mentions", []):
        if any(a <= page <= b for a, b in spans) and page not in mentions.setdefault(ref, []):
            mentions[ref].append(page)
    return {"volume": {**record.get("volume", {}), "n": volume.number, "volumes": volume.volumes,
                       "file": f"{volume.name}.pdf"},
            "docs": record["docs"], "ends": record["ends"], "anchors": record["anchors"],
            "mentions": {ref: sorted(pages) for ref, pages in sorted(mentions.items())}}


def write_record(record: dict, path: Path) -> Path:
    atomic_write(path, json.dumps(record, sort_keys=True, ensure_ascii=False).encode())
    return path


def _records(paths: Iterable[Path]) -> Iterable[dict]:
    for path in paths:
        yield json.loads(path.read_text(encoding="utf-8"))


def write(records: Iterable[Path], path: Path) -> Path:
    """pages.xml from the volumes' records, in volume order."""
    draft = path.with_name(f".{path.name}.tmp")
    with etree.xmlfile(str(draft), encoding="UTF-8") as xf:
        xf.write_declaration()
        with xf.element("pages"):
            for record in _records(records):
                ends = {doc: page for doc, page in record["ends"]}
                anchors: dict[str, list[tuple[str, int]]] = {}
                for doc, anchor, page in record["anchors"]:
                    anchors.setdefault(doc, []).append((anchor, page))
                volume = record["volume"]
                for doc, n, first in record["docs"]:
                    el = etree.Element("doc", id=doc, n=str(n), volume=str(volume["n"]),
                                       volumes=str(volume["volumes"]), file=volume["file"], first=str(first),
                                       last=str(ends.get(doc, first)))
                    for anchor, page in anchors.get(doc, []):
                        etree.SubElement(el, "anchor", id=anchor, page=str(page))
                    el.tail = "\n"
                    xf.write(el)
    draft.replace(path)
    return path


def index_data(records: Iterable[Path]) -> bytes:
    """The index volume's input (xslt/print/index.xsl): the volumes, and each name's pages volume by volume."""
    volumes, refs = [], {}
    for record in _records(records):
        info = record["volume"]
        volumes.append(info)
        for ref, pages in record["mentions"].items():
            refs.setdefault(ref, []).append((info["n"], pages))
    root = etree.Element("index")
    for info in volumes:
        etree.SubElement(root, "volume", {k: str(info.get(k, "")) for k in
                                          ("n", "file", "first", "last", "from", "to", "published")})
    for ref in sorted(refs):
        el = etree.SubElement(root, "ref", id=ref)
        for number, pages in refs[ref]:
            etree.SubElement(el, "at", volume=str(number), pages=" ".join(map(str, pages)))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
