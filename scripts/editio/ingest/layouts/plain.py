"""The plain layout: any text taken as one document whose title and date the editor gives (`editio ingest FILE
--plain --title "X to Y, 13 January 1951" --date 1951-01-13`), so that no real source is a dead end — a page the
layout readers do not recognise, or a journal page turned into text by OCR.

Every line of the file is text: paragraphs are the runs of lines between blank lines, their line ends kept as
<lb/> (a name or a word split across a line end is still one name: "Kim Du-<lb/>bong"). What a reader of an
OCR page cannot place is kept where it stands and reported as a warning: words hyphenated at a line end,
lines that look like a running head or a page number, stretches of short lines that look like columns
read across, a line whose words show two columns read into one another ("Work- corps", ". ers' party",
"conMAO"), and a paragraph that begins inside a sentence (text that could not be placed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from editio.ingest.model import Field, Line, SourceDocument, SourceError

_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_FURNITURE = re.compile(r"^(?:\d{1,4}|[-–—]\s*\d{1,4}\s*[-–—]|[A-Z][A-Z .,'’\-]{2,60})$")
SHORT = 30  # characters: a column of a journal page read across the page gives runs of lines this short
# marks, inside one line, of columns read into one another: a word broken at a column's edge with the next
# column's text after it ("Work- corps"), a sentence's end followed by a word in lowercase (". ers' party": the rest
# of that broken word), words glued across the column gap ("conMAO ZEDONG")
_INTERLEAVED = (
    ("a word broken inside the line", re.compile(r"[^\W\d_]{2,}- (?!(?:or|and|to|nor)\b)[a-z][\w'’]*")),
    ("a sentence's end followed by a word in lowercase", re.compile(r"[^\W\d_]{2,}[.!?][\"”’]? [a-z]{2}[\w'’]*")),
    ("words glued across the columns", re.compile(r"\w*[a-z]{2}[A-Z]{2,}\w*")),
)


@dataclass(frozen=True)
class Given:
    """What the editor says on the command line about a plain document."""

    title: str
    date: str


def read(path: Path, lines: list[str], given: Given) -> list[SourceDocument]:
    if not given.title.strip() or not given.date.strip():
        raise SourceError(path, 1, "a plain document needs --title and --date (they are not in the text)")
    doc = SourceDocument(path, "plain", lines)
    doc.title = Field(given.title.strip(), 1)
    doc.date = Field(given.date.strip(), 1)
    doc.body = paragraphs(lines)
    if not doc.body:
        raise SourceError(path, 1, "the file holds no text")
    for no, message in ocr_warnings(lines):
        doc.warn(no, message)
    doc.warn(1, "taken as a plain document: title and date from the command line, every line of the file as "
                "text; check its structure by hand")
    return [doc]


def paragraphs(lines: list[str]) -> list[Line]:
    out: list[Line] = []
    run: list[tuple[int, str]] = []
    for no, text in enumerate([*lines, ""], 1):
        if text.strip():
            run.append((no, text.rstrip()))
        elif run:
            out.append(Line(run[0][0], "\n".join(t.strip() for _, t in run)))
            run = []
    return out


def ocr_warnings(lines: list[str]) -> list[tuple[int, str]]:
    """(line, what could not be placed) for the marks of an OCR page, all kept in the text as printed."""
    out: list[tuple[int, str]] = []
    for i, text in enumerate(lines):
        t = text.strip()
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if _HYPHEN_END.search(t) and nxt[:1].islower():
            word = t.split()[-1] + nxt.split()[0]
            out.append((i + 1, f"a word hyphenated at the line end ({word!r}): kept as printed, with a line break"))
        elif t and _FURNITURE.match(t) and len(t) < 60:
            out.append((i + 1, f"{t!r} looks like a running head or a page number: kept in the text where it stands"))
    for i, text in enumerate(lines):
        t = text.strip()
        marks = [(what, m.group()) for what, rx in _INTERLEAVED for m in rx.finditer(t)]
        if len({what for what, _ in marks}) >= 2:
            seen = ", ".join(f"{what} ({got!r})" for what, got in marks[:3])
            out.append((i + 1, f"columns read into one another within the line: {seen}; the order of its words "
                               "could not be checked"))
        prev = lines[i - 1].strip() if i else ""
        if t[:1].islower() and not prev:
            out.append((i + 1, f"a paragraph begins inside a sentence ({' '.join(t.split()[:3])!r} …): perhaps the "
                               "rest of a column or of a word broken at its edge; it could not be placed"))
    short = 0
    for i, text in enumerate([*lines, ""]):
        t = text.strip()
        if t and len(t) <= SHORT:
            short += 1
            continue
        if short >= 6:
            out.append((i - short + 1, f"{short} short lines in a row: perhaps columns read across the page "
                                       "(interleaved); their order could not be checked"))
        short = 0
    return sorted(out)
