"""A PDF source: its text layer, read by pypdf (a well-kept pure-Python PDF library), as the lines a layout
reader takes. A PDF-to-text step can lose words (a glyph run it cannot map, text in a form field): the text
is read twice, in pypdf's plain and layout modes, and every word one reading has and the other lacks is
reported with its page — kept out of sight it would be a word silently lost."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from editio.ingest.model import SourceError, Warning_

_WORD = re.compile(r"\w+")


def read_pdf(path: Path) -> tuple[list[str], list[Warning_]]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise SourceError(path, 1, "reading a PDF needs pypdf: pip install pypdf") from exc
    try:
        reader = PdfReader(str(path))
        pages = [(p.extract_text() or "", p.extract_text(extraction_mode="layout") or "") for p in reader.pages]
    except (PdfReadError, OSError, ValueError) as exc:
        raise SourceError(path, 1, f"cannot read the PDF: {exc}") from exc
    if not any(plain.strip() for plain, _ in pages):
        raise SourceError(path, 1, "the PDF has no text layer (a scan?): turn it into text by OCR and ingest that "
                                   "with --plain")
    lines: list[str] = []
    warnings: list[Warning_] = []
    for n, (plain, layout) in enumerate(pages, 1):
        first = len(lines) + 1
        lines.extend(plain.split("\n"))
        lost = lost_words(plain, layout)
        if lost:
            shown = ", ".join(sorted(lost)[:8]) + (" …" if len(lost) > 8 else "")
            warnings.append(Warning_(path, first, f"page {n}: the PDF's text layer read another way has words this "
                                                   f"reading lacks ({shown}): check them against the PDF"))
    return lines, warnings


def lost_words(reading: str, other: str) -> list[str]:
    """Words (with repeats) that `other` has and `reading` lacks."""
    return sorted((Counter(_WORD.findall(other)) - Counter(_WORD.findall(reading))).elements())
