"""Tokens and match keys: how a name form in an authority file and a stretch of text are compared.

A key ignores case, diacritics, the kind of apostrophe and hyphens, so "PAK HÓN-YÓNG", "Pak Hon-Yong" and
"Pak Hón-yóng" share one key, while word boundaries and the order of words still count.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

APOSTROPHES = "'’ʼ‘`´"
HYPHENS = "-‐‑‒–—"
# A word: letters/digits with internal apostrophes (Ch'oe, Prokop'yev, Chemulp'o); everything else but
# whitespace is a one-character punctuation token.
_TOKEN = re.compile(rf"[^\W_]+(?:[{APOSTROPHES}][^\W_]+)*|[^\s]", re.UNICODE)
_POSSESSIVE = re.compile(rf"^(.+?)([{APOSTROPHES}][sS])$")
# a footnote number glued to an abbreviation: "8th MDGS2" is "8th MDGS" + "2"
_NOTE_DIGITS = re.compile(r"^([A-Z]{3,})(\d{1,2})$")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def key(self) -> str:
        return fold(self.text)

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, diacritic- and apostrophe-insensitive form of a string (cached: the tagger asks for the same
    words again and again)."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    for ch in APOSTROPHES[1:]:
        stripped = stripped.replace(ch, "'")
    return stripped.casefold()


def tokenize(text: str) -> list[Token]:
    """Tokens with their offsets; a possessive 's/’s is split from its word, hyphens are dropped."""
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        word, start = m.group(), m.start()
        if word in HYPHENS:
            continue
        poss = _POSSESSIVE.match(word) if word[0].isalnum() else None
        glued = _NOTE_DIGITS.match(word)
        if glued:
            cut = start + len(glued.group(1))
            tokens.append(Token(glued.group(1), start, cut))
            tokens.append(Token(glued.group(2), cut, m.end()))
        elif poss and len(poss.group(1)) > 1:
            cut = start + len(poss.group(1))
            tokens.append(Token(poss.group(1), start, cut))
            tokens.append(Token(poss.group(2), cut, m.end()))
        else:
            tokens.append(Token(word, start, m.end()))
    return tokens


def form_key(form: str) -> tuple[str, ...]:
    return tuple(t.key for t in tokenize(form))


def collapse_space(text: str) -> str:
    return " ".join(text.split())
