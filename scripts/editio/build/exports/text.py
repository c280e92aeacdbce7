"""Plain text per document (text/<xml:id>.txt, UTF-8) by xslt/export/txt.xsl: the reading view with a header
block of metadata, for text-mining users."""

from __future__ import annotations

from pathlib import Path

from editio.build.exports.dublin_core import doc_id
from editio.build.xslt import Stylesheets
from editio.edition import Edition

FOLDER = "text"


def write(edition: Edition, sheets: Stylesheets, out: Path) -> list[Path]:
    written = []
    for doc in edition.documents():
        target = out / FOLDER / f"{doc_id(doc)}.txt"
        sheets.transform("export/txt.xsl", doc, target)
        written.append(target)
    return written
