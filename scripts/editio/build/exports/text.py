"""Plain text per document (text/<xml:id>.txt, UTF-8) by xslt/export/txt.xsl: the reading view with a header
block of metadata, for text-mining users."""

from __future__ import annotations

from pathlib import Path

from editio.build.exports import per_document
from editio.edition import Edition

FOLDER = "text"


def write(edition: Edition, out: Path) -> list[Path]:
    return per_document(edition, out, "export/txt.xsl", FOLDER, ".txt")
