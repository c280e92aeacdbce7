"""Layout 1: a Wilson Center Digital Archive page saved as text.

Shape: [navigation or another record's summary] · date · title · [funding line] · body · summary ·
furniture headings ("Author(s):", "Associated Places", …, "Rights" + rights text). Real pages arrive cut off:
with no furniture the body runs to the end of the file and the document is marked truncated.
"""

from __future__ import annotations

from pathlib import Path

from editio.ingest.layouts.common import as_body, is_date_line, joined, numbered
from editio.ingest.layouts.rules import fullmatch, layout_rules
from editio.ingest.model import Field, SourceDocument, SourceError


def _headings() -> dict[str, str]:
    return layout_rules()["pagedump"]["headings"]


def _is_heading(text: str) -> bool:
    return text.strip() in _headings()


def recognise(lines: list[str]) -> bool:
    window = layout_rules()["pagedump"]["date_window"]
    head = numbered(lines)[:window]
    return any(is_date_line(t) for _, t in head) or any(_is_heading(t) for t in lines)


def read(path: Path, lines: list[str]) -> list[SourceDocument]:
    doc = SourceDocument(path=path, layout="pagedump", raw_lines=lines)
    items = numbered(lines)
    window = layout_rules()["pagedump"]["date_window"]
    date_at = next((k for k, (_, t) in enumerate(items[:window]) if is_date_line(t)), None)
    if date_at is None:
        # No date line: the title is the first line; the date must come from the title or the body.
        doc.warn(items[0][0], "no date line at the top of the page; the date is taken from the title or the text")
        title_at = 0
    else:
        doc.date = Field(items[date_at][1].strip(), items[date_at][0])
        title_at = date_at + 1
        for no, text in items[:date_at]:
            if fullmatch("pagedump", "navigation", text):
                continue  # site navigation: web furniture
            doc.notes.append(Field(text.strip(), no))
            doc.warn(no, "text before the date line (site furniture or another record's summary) kept as a header note")
    if title_at >= len(items):
        raise SourceError(path, items[-1][0], "the page has a date but no title and no text")
    doc.title = Field(items[title_at][1].strip(), items[title_at][0])
    rest = items[title_at + 1 :]
    if rest and fullmatch("pagedump", "funding", rest[0][1]):
        doc.funding = Field(rest[0][1].strip(), rest[0][0])
        rest = rest[1:]

    furniture_at = next((k for k, (_, t) in enumerate(rest) if _is_heading(t)), None)
    if furniture_at is None:
        body_items = rest
        doc.truncated = True
        last = rest[-1][0] if rest else doc.title.line
        doc.warn(last, "the page ends without its closing furniture (Author(s):, Rights …): the text may be cut off")
    else:
        body_items = rest[:furniture_at]
        if len(body_items) >= 2:
            no, text = body_items[-1]
            doc.summary = Field(text.strip(), no)
            body_items = body_items[:-1]
        _read_furniture(doc, rest[furniture_at:])
    if body_items and fullmatch("pagedump", "text_language", body_items[0][1]):
        doc.text_language = Field(body_items[0][1].strip(), body_items[0][0])
        body_items = body_items[1:]
    doc.body = as_body(body_items)
    if not doc.body:
        doc.warn(doc.title.line, "the page has no transcription text")
    return [doc]


def _read_furniture(doc: SourceDocument, items: list[tuple[int, str]]) -> None:
    """Headings with their values: rights → licence, archive/citation → source description, others → notes."""
    heading: str | None = None
    values: dict[str, list[tuple[int, str]]] = {}
    order: list[str] = []
    for no, text in items:
        if _is_heading(text):
            heading = text.strip()
            order.append(heading)
            values.setdefault(heading, [])
            continue
        values.setdefault(heading or "", []).append((no, text))
    for heading in order:
        found = values.get(heading, [])
        kind = _headings()[heading]
        if kind == "rights":
            doc.rights += [Field(t.strip(), no) for no, t in found]
        elif kind == "archive":
            doc.archive += [Field(t.strip(), no) for no, t in found]
        elif kind == "citation" and found:
            doc.citation = joined(found)
        elif kind == "summary" and found and doc.summary is None:
            doc.summary = joined(found)
        elif kind == "original_language" and found:
            doc.original_language = joined(found)
        elif kind == "funding" and found:
            doc.funding = joined(found)
        else:
            doc.notes += [Field(f"{heading} {t.strip()}", no) for no, t in found]
