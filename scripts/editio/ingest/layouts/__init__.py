"""Source layouts: recognise which one a file is in (by its shape, not its name) and read its documents."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from editio.ingest.layouts import article, markdown, newsite, pagedump, pdfexport
from editio.ingest.model import SourceDocument, SourceError

Reader = Callable[[Path, list[str]], list[SourceDocument]]

# Most specific first: an article page holds "Document N:" headings; a markdown export has labelled fields;
# a page dump is recognised by its furniture or, when cut off, by a date line at the top.
LAYOUTS: list[tuple[str, Callable[[list[str]], bool], Reader]] = [
    ("article", article.recognise, article.read),
    ("markdown", markdown.recognise, markdown.read),
    ("newsite", newsite.recognise, newsite.read),
    ("pdfexport", pdfexport.recognise, pdfexport.read),
    ("pagedump", pagedump.recognise, pagedump.read),
]


def detect(lines: list[str]) -> str | None:
    for name, recognise, _ in LAYOUTS:
        if recognise(lines):
            return name
    return None


def read_documents(path: Path, lines: list[str]) -> list[SourceDocument]:
    name = detect(lines)
    if name is None:
        first = next((i for i, line in enumerate(lines, 1) if line.strip()), 1)
        raise SourceError(
            path,
            first,
            "cannot recognise the layout: expected a Wilson Center page (a date line and a title at the top), "
            "its markdown export (**Citation:**, **Contents:** …) or an article holding 'Document N:' sections; "
            "to take it as one plain document, give its title and date: editio ingest FILE --plain "
            "--title 'X to Y, DATE' --date YYYY-MM-DD",
        )
    reader = next(r for n, _, r in LAYOUTS if n == name)
    return reader(path, lines)
