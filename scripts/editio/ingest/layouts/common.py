"""Small line helpers shared by the layout readers."""

from __future__ import annotations

from editio.ingest.dates import parse_date
from editio.ingest.model import Field, Line


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
