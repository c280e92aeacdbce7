"""Distributed Text Services 1.0 (Level 0) as static JSON-LD and TEI files: dts/ by xslt/export/dts.xsl, so DTS
clients can browse the edition from any static host (templates and file layout in the stylesheet's header).
Each document's files are made with it (KIND: its tree under dts/, its entry of the collection kept as a part);
index.json and the edition's collection are made from those entries."""

from __future__ import annotations

from pathlib import Path

from editio.build.exports import documents_param
from editio.build.exports.parts import Kind
from editio.build.xslt import Stylesheets

FOLDER = "dts"
ENTRY = "index.json"
COLLECTION = "edition"  # the stylesheet's dts-collection-id
KIND = Kind("dts", "export/dts.xsl", "dts-members", ".json", published=False, tree=FOLDER)


def root_files(folder: Path) -> list[Path]:
    """What the initial template writes: the entry point and the edition's collection."""
    return [folder / ENTRY, folder / "collection.json",
            *(folder / "collection" / f"{COLLECTION}{nav}.json" for nav in ("", "/children", "/parents"))]


def write(sheets: Stylesheets, staging: Path, members: list[Path], total: int) -> list[Path]:
    """index.json and the collection's files, into staging (the caller publishes them under dts/)."""
    entry = staging / ENTRY
    sheets.call("export/dts.xsl", output=entry, members=documents_param(members), **{"total-documents": total})
    return sorted(p for p in staging.rglob("*") if p.is_file())
