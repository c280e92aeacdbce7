"""Layout: the archive's record exported as PDF and turned into text (by `editio ingest FILE.pdf` itself, see
ingest/pdf.py, or by any PDF-to-text tool).

Shape: date · title (wrapped over several lines) · blocks headed "Citation", "Summary", "Original Language",
"Contents" (with or without a colon, a value on the label's line or below it) · the text, starting on the same
line as "<Language> Translation" ("English Translation CIPHERED TELEGRAM No. 25612"). The real exports add: the
page's masthead above the date, the date and the title on one line, "Scan of Original Document" before the text,
and a PDF-to-text tool may run it all into one line (cut at its labels). The vocabulary is data/layouts.toml
[pdfexport] · optionally the site's furniture (Author(s):, Document Information …, as in a page dump).
A printed page wraps paragraphs: a line as long as the page is wide runs on into the next one, so such lines
are joined into one unit (the words and their order are kept; only the print line ends go).
"""

from __future__ import annotations

import re
from pathlib import Path

from editio.ingest.layouts.common import is_date_line, is_furniture_heading, numbered
from editio.ingest.layouts.rules import fullmatch, layout_rules, pattern
from editio.ingest.model import Field, Line, SourceDocument, SourceError

BLOCKS: dict[str, str] = layout_rules()["pdfexport"]["labels"]
WRAP = 0.8  # a line at least this share of the longest line's length was wrapped by the page width


def _label(text: str) -> re.Match[str] | None:
    return fullmatch("pdfexport", "label", text)


def _translation(text: str) -> re.Match[str] | None:
    return fullmatch("pdfexport", "translation", text)


def _runon(items: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A line holding two or more "Label:" (the export run into one line) is cut at its labels; its parts keep its
    number. Lines with one label or none are left as they are."""
    out: list[tuple[int, str]] = []
    for no, text in items:
        if sum(text.count(f"{b}:") for b in BLOCKS) >= 2:
            out += [(no, part) for part in pattern("pdfexport", "runon").split(text.strip()) if part]
        else:
            out.append((no, text))
    return out


def recognise(lines: list[str]) -> bool:
    stripped = [part.strip() for _, part in _runon(numbered(lines))]
    labels = {m.group("label") for s in stripped if (m := _label(s))}
    return {"Citation", "Contents"} <= labels and any(
        _translation(s) or ((m := _label(s)) and m.group("value") and _translation(m.group("value")))
        for s in stripped)


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
    items = _runon(numbered(lines))
    doc = SourceDocument(path, "pdfexport", lines)
    masthead = []
    while items and fullmatch("pdfexport", "masthead", items[0][1]):  # the page's masthead above the date
        masthead.append(items.pop(0))
    if masthead:
        doc.notes.append(_joined(masthead))
    if not items:
        raise SourceError(path, 1, "a PDF export starts with the record's date line")
    no0, first = items[0]
    title: list[tuple[int, str]] = []
    if m := fullmatch("pdfexport", "dated_title", first):  # the date and the title on one line
        doc.date = Field(m.group("date"), no0)
        title.append((no0, m.group("title")))
    elif is_date_line(first):
        doc.date = Field(first.strip(), no0)
    else:
        raise SourceError(path, no0, "a PDF export starts with the record's date line")
    k = 1
    while k < len(items) and not _label(items[k][1]):
        title.append(items[k])
        k += 1
    doc.title = _joined(title)
    if doc.title is None:
        raise SourceError(path, no0, "no title between the date and the Citation block")
    blocks: dict[str, list[tuple[int, str]]] = {}
    current = None
    body: list[tuple[int, str]] = []
    end = len(items)
    while k < len(items):
        no, text = items[k]
        lab = _label(text)
        candidate = lab.group("value") if lab and lab.group("label") == "Contents" and lab.group("value") else text
        if (current == "contents" or candidate is not text) and (m := _translation(candidate.strip())):
            doc.text_language = Field(m.group("label"), no)
            rest = m.group("text")
            if rest and (sc := fullmatch("pdfexport", "scan", rest)):  # "… Translation Scan of Original Document"
                doc.notes.append(Field(sc.group("scan"), no))
                rest = sc.group("text")
            if rest:  # the text starts on the label's line: its words keep that line's number
                body.append((no, rest))
            after = _until_furniture(items[k + 1:])
            if after and (sc := fullmatch("pdfexport", "scan", after[0][1])) and not sc.group("text"):
                doc.notes.append(Field(sc.group("scan"), after[0][0]))
                after = after[1:]
                k += 1
            body += after
            end = k + 1 + len(after)
            break
        if lab:
            current = BLOCKS[lab.group("label")]
            blocks.setdefault(current, [])
            if lab.group("value"):
                blocks[current].append((no, lab.group("value")))
        elif current:
            blocks[current].append((no, text))
        k += 1
    doc.citation = _joined(blocks.get("citation", []))
    doc.summary = _joined(blocks.get("summary", []))
    doc.original_language = _joined(blocks.get("original_language", []))
    doc.body = unwrap(body)
    rest_items = items[end:]
    if rest_items:  # the site furniture after the text: kept in the header as notes, as the page dump does
        doc.notes.append(_joined(rest_items))
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
