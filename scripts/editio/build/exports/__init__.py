"""The exchange formats of `editio export` (target `export`), one module each: what it writes and how it is
validated. The XSLT does the writing wherever the output is XML or text (xslt/export/); these modules run it,
turn the per-document records into data (JSON Lines, CSV), package the deposit and validate every file."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[4]
SCHEMAS = REPO / "schema"


def documents_param(documents: list[Path]) -> str:
    """The stylesheets' `documents` parameter: one file URI a line, in the edition's order."""
    return "\n".join(p.resolve().as_uri() for p in documents)


def doc_id(path: Path) -> str:
    """The document's xml:id (its stable name in every output), read from the root without parsing the whole file."""
    for _, el in etree.iterparse(str(path), events=("start",)):
        return el.get("{http://www.w3.org/XML/1998/namespace}id") or path.stem
    return path.stem
