"""Distributed Text Services 1.0 (Level 0) as static JSON-LD and TEI files: dts/ by xslt/export/dts.xsl, so DTS
clients can browse the edition from any static host (templates and file layout in the stylesheet's header)."""

from __future__ import annotations

from pathlib import Path

from editio.build.exports import documents_param
from editio.build.xslt import Stylesheets
from editio.edition import Edition

FOLDER = "dts"
ENTRY = "index.json"


def write(edition: Edition, sheets: Stylesheets, out: Path) -> list[Path]:
    entry = out / FOLDER / ENTRY
    sheets.call("export/dts.xsl", output=entry, documents=documents_param(edition.documents()))
    return sorted(p for p in (out / FOLDER).rglob("*") if p.is_file())
