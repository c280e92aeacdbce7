"""Dublin Core (oai_dc) per document: dc/<xml:id>.xml by xslt/export/dc.xsl, valid against the official
oai_dc.xsd (schema/, its simpledc import mapped to the local copy)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from editio.build.xslt import Stylesheets
from editio.edition import Edition

FOLDER = "dc"


def doc_id(path: Path) -> str:
    """The document's xml:id (its stable name in every output), read from the root without parsing the whole file."""
    for _, el in etree.iterparse(str(path), events=("start",)):
        return el.get("{http://www.w3.org/XML/1998/namespace}id") or path.stem
    return path.stem


def write(edition: Edition, sheets: Stylesheets, out: Path) -> list[Path]:
    written = []
    for doc in edition.documents():
        target = out / FOLDER / f"{doc_id(doc)}.xml"
        sheets.transform("export/dc.xsl", doc, target)
        written.append(target)
    return written
