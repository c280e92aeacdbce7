"""Layout: the archive's record exported as PDF and turned into text (by `editio ingest FILE.pdf` itself, see
ingest/pdf.py, or by any PDF-to-text tool).

Shape: date · title (wrapped over several lines) · blocks headed "Citation", "Summary", "Original Language",
"Contents" · the text, starting on the same line as "<Language> Translation" ("English Translation CIPHERED
TELEGRAM No. 25612") · optionally the site's furniture (Author(s):, Document Information …, as in a page dump).
A printed page wraps paragraphs: a line as long as the page is wide runs on into the next one, so such lines
are joined into one unit (the words and their order are kept; only the print line ends go).
"""

from __future__ import annotations

import re
from pathlib import Path

from editio.ingest.layouts.common import is_date_line, is_furniture_heading, numbered
from editio.ingest.model import Field, Line, SourceDocument, SourceError

BLOCKS = {"Citation": "citation", "Summary": "summary", "Original Language": "original_language",
          "Contents": "contents"}
_TRANSLATION = re.compile(r"^(?P<label>[A-Z][a-z]+ Translation)(?:\s+(?P<text>\S.*))?$")
WRAP = 0.8  # a line at least this share of the longest line's length was wrapped by the page width


def recognise(lines: list[str]) -> bool:
    stripped = [line.strip() for line in lines]
    return all(b in stripped for b in ("Citation", "Contents")) and any(_TRANSLATION.match(s) for s in stripped)


def _joined(items: list[tuple[int, str]]) -> Field | None:
    return Field(" ".join(t.strip() for _, t in items), items[0][0]) if items else None


def unwrap(items: list[tuple[int, str]]) -> list[Line]:
    """Print lines → units: a line nearly as long as the longest one runs on into the next."""
    if not items:
        return []
    width = max(len(t.strip()) for _, t in items)
    out: list[Line] = []
    run: list[tuple[int, str]] = []
    for no, text in items:
        run.append((no, text.strip()))
        if len(text.strip()) < WRAP * width:
            out.append(Line(run[0][0], " ".join(t for _, t in run)))
            run = []
    if run:
        out.append(Line(run[0][0], " ".join(t for _, t in run)))
    return out


def read(path: Path, lines: list[str]) -> list[SourceDocument]:
    items = numbered(lines)
    if not items or not is_date_line(items[0][1]):
        raise SourceError(path, items[0][0] if items else 1, "a PDF export starts with the record's date line")
    doc = SourceDocument(path, "pdfexport", lines)
    doc.date = Field(items[0][1].strip(), items[0][0])
    k = 1
    title: list[tuple[int, str]] = []
    while k < len(items) and items[k][1].strip() not in BLOCKS:
        title.append(items[k])
        k += 1
    doc.title = _joined(title)
    if doc.title is None:
        raise SourceError(path, items[0][0], "no title between the date and the Citation block")
    blocks: dict[str, list[tuple[int, str]]] = {}
    current = None
    body: list[tuple[int, str]] = []
    end = len(items)
    while k < len(items):
        no, text = items[k]
        label = text.strip()
        if current == "contents" and (m := _TRANSLATION.match(label)):
            doc.text_language = Field(m.group("label"), no)
            if m.group("text"):  # the text starts on the label's line: its words keep that line's number
                body.append((no, text[text.index(m.group("text")):]))
            body += _until_furniture(items[k + 1:])
            end = k + 1 + len(body) - (1 if m.group("text") else 0)
            break
        if label in BLOCKS:
            current = BLOCKS[label]
            blocks.setdefault(current, [])
        elif current:
            blocks[current].append((no, text))
        k += 1
    doc.citation = _joined(blocks.get("citation", []))
    doc.summary = _joined(blocks.get("summary", []))
    doc.original_language = _joined(blocks.get("original_language", []))
    doc.body = unwrap(body)
    rest = items[end:]
    if rest:  # the site furniture after the text: kept in the header as notes, as the page dump does
        doc.notes.append(_joined(rest))
    else:
        doc.warn(items[-1][0], "the export ends with its text (no furniture after it): check that nothing is cut off")
    return [doc]


def _until_furniture(items: list[tuple[int, str]]) -> list[tuple[int, str]]:
    out = []
    for no, text in items:
        if is_furniture_heading(text):
            break
        out.append((no, text))
    return out
