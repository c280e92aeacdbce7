"""Layout 2: the Wilson Center Digital Archive markdown export.

Shape: date and title as headings or bold lines (a title may wrap with markdown hard breaks), then labelled
fields (**Citation:**, **Summary:**, **Original Language:**, **Contents:** …) whose values run to the next label;
**Contents:** opens with "Translation - English" and holds the transcription.
"""

from __future__ import annotations

import re
from pathlib import Path

from editio.ingest.layouts.common import is_date_line, joined, numbered
from editio.ingest.layouts.rules import fullmatch, layout_rules, pattern
from editio.ingest.model import Field, Line, SourceDocument, SourceError

_MD_MARKS = re.compile(r"^\s*#{1,6}\s+|\*\*|__")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>])")


def _label(text: str) -> str | None:
    m = fullmatch("markdown", "label", text)
    if not m:
        return None
    labels = layout_rules()["markdown"]["labels"]
    name = m.group("label").strip()
    return labels.get(name)


def _labelled_value(text: str) -> tuple[str, str] | None:
    """A known label in bold or a heading with its value on the same line: (kind, value as printed)."""
    m = fullmatch("markdown", "labelled_value", text)
    if not m:
        return None
    kind = layout_rules()["markdown"]["labels"].get(m.group("label").strip())
    return (kind, m.group("value")) if kind else None


def plain(text: str) -> str:
    """A line without heading marks, bold marks, hard-break spaces or backslash escapes."""
    text = _MD_MARKS.sub("", text).rstrip()
    if text.endswith("\\"):
        text = text[:-1].rstrip()
    return _ESCAPE.sub(r"\1", text)


def recognise(lines: list[str]) -> bool:
    """Two or more labelled fields written in markdown (**Label:** or a # heading)."""
    marked = [line for line in lines if ("**" in line or "__" in line or line.lstrip().startswith("#"))]
    return sum(1 for line in marked if _label(line) or _labelled_value(line)) >= 2


def read(path: Path, lines: list[str]) -> list[SourceDocument]:
    doc = SourceDocument(path=path, layout="markdown", raw_lines=lines)
    sections: list[tuple[str, int, list[tuple[int, str]]]] = [("head", 0, [])]
    for i, line in enumerate(lines):
        if not line.strip():
            sections[-1][2].append((i + 1, ""))
            continue
        kind = _label(line)
        if kind == "keywords" and all(name == "head" for name, _, _ in sections):
            kind = None  # "## Related Documents" above the record is the site's teaser, not a field of it
        inline = None if kind else _labelled_value(line)
        if kind:
            sections.append((kind, i + 1, []))
        elif inline:
            sections.append((inline[0], i + 1, [(i + 1, inline[1])]))
        else:
            sections[-1][2].append((i + 1, line))
    taken: set[int] = set()  # sections already taken as the date or the title
    for k, (kind, _no, items) in enumerate(sections[1:], 1):
        values = [(n, plain(t)) for n, t in items if t.strip()]
        if kind == "date" and values and doc.date is None:
            doc.date = joined(values)
            taken.add(k)
        elif kind == "title" and values and doc.title is None:
            doc.title = joined(values)
            taken.add(k)
    _read_head(doc, path, sections[0][2])
    has_contents = False
    for k, (kind, no, items) in enumerate(sections[1:], 1):
        values = [(n, plain(t)) for n, t in items if t.strip()]
        if k in taken:
            continue
        if kind == "contents":
            has_contents = True
            _read_contents(doc, no, items)
        elif not values:
            doc.warn(no, f"the field at this line ({kind}) is empty")
        elif kind == "citation":
            doc.citation = joined(values)
            url = pattern("markdown", "url").search(doc.citation.text)
            if url:
                doc.url = url.group("url")
        elif kind == "summary":
            doc.summary = joined(values)
        elif kind == "original_language":
            doc.original_language = joined(values)
        elif kind == "rights":
            doc.rights += [Field(t, n) for n, t in values]
        elif kind == "archive":
            doc.archive += [Field(t, n) for n, t in values]
        elif kind == "funding":
            doc.funding = joined(values)
        else:
            doc.notes += [Field(t, n) for n, t in values]
    if not has_contents:
        last = numbered(lines)[-1][0]
        doc.truncated = True
        doc.warn(last, "no **Contents:** field: the export holds no transcription (cut off?)")
    elif doc.body and fullmatch("markdown", "cut_off", doc.body[-1].text):
        doc.truncated = True
        doc.warn(doc.body[-1].no, "the text ends mid-sentence: the export was cut off")
    return [doc]


def _read_head(doc: SourceDocument, path: Path, items: list[tuple[int, str]]) -> None:
    """Date and title: the date is the line that is only a date; the title is the paragraph after it (or, when
    the fields follow the date at once, the one before it)."""
    paragraphs: list[list[tuple[int, str]]] = [[]]
    for no, text in items:
        if not text.strip():
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        paragraphs[-1].append((no, plain(text)))
        if text.startswith("#"):  # a heading is a paragraph of its own
            paragraphs.append([])
    paragraphs = [p for p in paragraphs if p]
    if doc.title is not None:  # labelled "**Title:** …": what stands before the fields is not the title
        for para in paragraphs:
            if doc.date is None and len(para) == 1 and is_date_line(para[0][1]):
                doc.date = Field(para[0][1].strip(), para[0][0])
                continue
            field = joined(para)
            assert field is not None
            doc.notes.append(field)
            doc.warn(field.line, "text before the labelled fields (site furniture or another record) kept as a "
                                 "header note")
        return
    if not paragraphs:
        raise SourceError(path, 1, "the markdown export has no date and no title before its first field")
    # The record's own date is the last date before the fields: what stands above it is site furniture or
    # another record's teaser (date · title · summary).
    dates = [k for k, para in enumerate(paragraphs) if is_date_line(para[0][1])]
    date_at = dates[-1] if dates and doc.date is None else None
    if date_at is not None:
        para = paragraphs[date_at]
        doc.date = Field(para[0][1].strip(), para[0][0])
        if len(para) > 1:  # date and title in one paragraph
            paragraphs[date_at] = para[1:]
            title_at = date_at
        elif date_at + 1 < len(paragraphs):
            title_at = date_at + 1
        elif date_at > 0 and date_at - 1 not in dates:  # the title printed above its date
            title_at = date_at - 1
        else:
            raise SourceError(path, para[0][0], "the markdown export has a date but no title")
    else:
        if doc.date is None:
            doc.warn(paragraphs[0][0][0], "no date line before the title; the date is taken from the title or the text")
        title_at = len(paragraphs) - 1  # the heading nearest the fields; what stands above it is furniture
    doc.title = joined(paragraphs[title_at])
    skip = {title_at} if date_at in (None, title_at) else {title_at, date_at}
    for k, para in enumerate(paragraphs):
        if k in skip:
            continue
        field = joined(para)
        assert field is not None
        doc.notes.append(field)
        doc.warn(field.line, "text before the title (site furniture or another record) kept as a header note")


def _read_contents(doc: SourceDocument, no: int, items: list[tuple[int, str]]) -> None:
    body = [(n, t) for n, t in items if t.strip()]
    if body and fullmatch("markdown", "text_language", plain(body[0][1])):
        doc.text_language = Field(plain(body[0][1]), body[0][0])
        body = body[1:]
    doc.body = [Line(n, plain(t)) for n, t in body]
    if not doc.body:
        doc.truncated = True
        doc.warn(no, "the **Contents:** field is empty: there is no transcription text")
