"""Dublin Core (oai_dc) per document: dc/<xml:id>.xml by xslt/export/dc.xsl, valid against the official
oai_dc.xsd (schema/, its simpledc import mapped to the local copy)."""

from __future__ import annotations

from pathlib import Path

from editio.build.exports import per_document
from editio.edition import Edition

FOLDER = "dc"


def write(edition: Edition, out: Path) -> list[Path]:
    return per_document(edition, out, "export/dc.xsl", FOLDER, ".xml")
