"""What the layout readers share: small line helpers, and the archive site's page furniture.

Every layout of the Wilson Center's pages (a page dump, a record page, a PDF export) may carry the same site
furniture: navigation lines, and headings ("Author(s):", "Original Archive", "Rights" …) with their values. How
it is recognised is data (layouts.toml, [pagedump] headings and navigation); how its values reach the document's
fields is read_furniture, one place for every layout.
"""

from __future__ import annotations

from editio.ingest.dates import parse_date
from editio.ingest.layouts.rules import fullmatch, layout_rules, pattern
from editio.ingest.model import Field, Line, SourceDocument

Items = list[tuple[int, str]]


def numbered(lines: list[str], start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """(1-based line number, text) for the non-blank lines of lines[start:end]."""
    stop = len(lines) if end is None else end
    return [(i + 1, lines[i]) for i in range(start, stop) if lines[i].strip()]


def is_date_line(text: str) -> bool:
    return parse_date(text.strip().strip("*#_ ").strip()) is not None


def as_body(items: list[tuple[int, str]]) -> list[Line]:
    return [Line(no, text.rstrip()) for no, text in items]


def joined(items: list[tuple[int, str]]) -> Field | None:
    """One metadata value from several lines (a wrapped title or citation), joined by single spaces."""
    if not items:
        return None
    return Field(" ".join(text.strip() for _, text in items), items[0][0])


# -- the site's page furniture ----------------------------------------------------------------------------------

def _headings() -> dict[str, str]:
    return layout_rules()["pagedump"]["headings"]


def is_furniture_heading(text: str) -> bool:
    return text.strip() in _headings()


def furniture_kind(text: str) -> str:
    """What a furniture heading introduces: 'rights', 'archive', 'citation', 'summary', 'section' …"""
    return _headings()[text.strip()]


def is_navigation(text: str) -> bool:
    return fullmatch("pagedump", "navigation", text) is not None


def read_furniture(doc: SourceDocument, items: Items) -> None:
    """Headings with their values: rights → licence, archive/citation → source description, others → notes."""
    heading: str | None = None
    values: dict[str, Items] = {}
    order: list[str] = []
    for no, text in items:
        if is_furniture_heading(text):
            heading = text.strip()
            if heading not in values:
                order.append(heading)
            values.setdefault(heading, [])
            continue
        values.setdefault(heading or "", []).append((no, text))
    for heading in order:
        found = values.get(heading, [])
        kind = _headings()[heading]
        if kind == "section":  # values right under "Document Information": the source, then the rights statement
            for no, t in found:
                if fullmatch("pagedump", "rights_text", t):
                    doc.rights.append(Field(t.strip(), no))
                elif not doc.archive:
                    doc.archive.append(Field(t.strip(), no))
                else:
                    doc.notes.append(Field(f"{heading} {t.strip()}", no))
        elif kind == "rights":
            doc.rights += [Field(t.strip(), no) for no, t in found]
        elif kind == "archive":  # an empty "Original Archive" heading may stand right above the rights statement
            for no, t in found:
                (doc.rights if fullmatch("pagedump", "rights_text", t) else doc.archive).append(Field(t.strip(), no))
        elif kind == "citation" and found and doc.citation is None:
            doc.citation = joined(found)
            url = pattern("pagedump", "url").search(doc.citation.text)
            if url:
                doc.url = url.group("url")
        elif kind == "summary" and found and doc.summary is None:
            doc.summary = joined(found)
        elif kind == "original_language" and found and doc.original_language is None:
            doc.original_language = joined(found)
        elif kind == "funding" and found and doc.funding is None:
            doc.funding = joined(found)
        else:
            doc.notes += [Field(f"{heading} {t.strip()}", no) for no, t in found]
