"""Columns for findings that only know a line (libxml2 gives none): where the element or attribute starts."""

from __future__ import annotations

import re


def column_of(lines: list[str] | None, line: int, element: str | None = None, attribute: str | None = None,
              value: str | None = None) -> int:
    """1-based column of `attribute="value"`, else `attribute=`, else `<element` on `line`; 0 if not found.

    Without a value, a name that occurs more than once on the line gives 0: better no column than a wrong one.
    """
    if not lines or not 0 < line <= len(lines):
        return 0
    text = lines[line - 1]
    if attribute and value is not None:
        hit = re.search(rf"(?<![\w:.-]){re.escape(attribute)}\s*=\s*[\"'][^\"']*?{re.escape(value)}", text)
        if hit:
            return hit.start() + 1
    for pattern in (
        rf"(?<![\w:.-]){re.escape(attribute)}\s*=" if attribute else None,
        rf"<(?:[\w.-]+:)?{re.escape(element)}(?=[\s/>])" if element else None,
    ):
        if pattern is None:
            continue
        hits = [m.start() for m in re.finditer(pattern, text)]
        if len(hits) == 1:
            return hits[0] + 1
    return 0


def local_name(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


_STEP = re.compile(r"(?:Q\{[^}]*\}|[\w.-]+:)?([\w.-]+)(?:\[\d+\])?$")


def last_step(location: str) -> tuple[str | None, str | None]:
    """(element, attribute) named by the last steps of an fn:path() location."""
    steps = [s for s in re.split(r"/(?![^{]*\})", location) if s]
    attribute = element = None
    if steps and steps[-1].startswith("@"):
        attribute = re.sub(r"^@(?:Q\{[^}]*\})?", "", steps.pop())
    if steps and steps[-1].startswith(("text()", "comment()", "processing-instruction")):
        steps.pop()  # a text node is reported at its element
    if steps:
        m = _STEP.search(steps[-1])
        element = m.group(1) if m else None
    return element, attribute
