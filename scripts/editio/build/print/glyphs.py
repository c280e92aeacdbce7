"""Every character the print edition will set must be in every face it may be set in: checked with fontTools before
Typst runs (Typst is told not to fall back to other fonts), so a missing glyph stops the build with the character,
its code point and where it occurs — never a tofu box in a PDF."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont

# White space and the soft hyphen are not glyphs to look for.
_IGNORED = {"\n", "\r", "\t", " ", "\u00ad"}


@dataclass(frozen=True)
class Missing:
    char: str
    fonts: tuple[str, ...]  # the faces that lack it
    places: tuple[str, ...]  # "tei/….xml:42" where the character occurs

    def __str__(self) -> str:
        name = unicodedata.name(self.char, "unnamed character")
        where = ", ".join(self.places) or "the print stylesheets (xslt/print/)"
        return f"'{self.char}' U+{ord(self.char):04X} {name}: not in {', '.join(self.fonts)}; occurs in {where}"


def coverage(fonts: Iterable[Path]) -> dict[str, set[int]]:
    """The code points each font file maps to a glyph."""
    return {path.name: set(TTFont(path, lazy=True).getBestCmap()) for path in fonts}


def missing(texts: Iterable[str], fonts: dict[str, set[int]], sources: Iterable[Path] = (),
            root: Path | None = None) -> list[Missing]:
    """Characters of texts that some font lacks, each with the lines of sources it occurs on."""
    chars = sorted({c for text in texts for c in text if c not in _IGNORED and unicodedata.category(c) != "Cc"})
    found = []
    lines = [(path, n, line) for path in sources
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)]
    for char in chars:
        lacking = tuple(name for name, cmap in fonts.items() if ord(char) not in cmap)
        if not lacking:
            continue
        places = tuple(f"{_shown(path, root)}:{n}" for path, n, line in lines if char in line)
        found.append(Missing(char, lacking, places[:5] + (("…",) if len(places) > 5 else ())))
    return found


def _shown(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)
