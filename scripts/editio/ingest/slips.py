"""Run-together words ("greatsuccesses"): a typing slip of the transcription, kept as printed and marked.

Only where we are sure: the printed word is unknown to English (wordfreq's frequency lists, a maintained
dataset) and it splits in exactly one way into two common English words. Names and transliterations are
never touched: they split into common words only by accident, and the thresholds below keep such cases out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from wordfreq import zipf_frequency

MIN_LENGTH = 8  # shorter tokens are too often abbreviations or names
COMMON = 3.0  # Zipf frequency of a common word (≈ once per million words)
CANDIDATE = re.compile(r"(?<![\w'’-])[a-z]{" + str(MIN_LENGTH) + r",}(?![\w'’-])")


@dataclass(frozen=True)
class Slip:
    start: int
    end: int
    printed: str
    reading: str


@cache
def _zipf(word: str) -> float:
    return zipf_frequency(word, "en")


def reading(word: str) -> str | None:
    """The two-word reading of a run-together word, or None when the word is fine or the reading unsure."""
    if _zipf(word) > 0:
        return None
    splits = [
        (word[:k], word[k:])
        for k in range(3, len(word) - 2)
        if _zipf(word[:k]) >= COMMON and _zipf(word[k:]) >= COMMON
    ]
    return " ".join(splits[0]) if len(splits) == 1 else None


# A word in capitals run into a capitalised word ("SOVIET AMBASSADORSent 03:15"): the change of case shows where
# the space was lost; certain when both halves are common English words.
CASE_CANDIDATE = re.compile(r"(?<![\w'’-])(?P<a>[A-Z]{3,})(?P<b>[A-Z][a-z]{2,})(?![\w'’-])")


def find_slips(text: str) -> list[Slip]:
    out = []
    for m in CANDIDATE.finditer(text):
        r = reading(m.group(0))
        if r:
            out.append(Slip(m.start(), m.end(), m.group(0), r))
    for m in CASE_CANDIDATE.finditer(text):
        if _zipf(m["a"].lower()) >= COMMON and _zipf(m["b"].lower()) >= COMMON:
            out.append(Slip(m.start(), m.end(), m.group(0), f"{m['a']} {m['b']}"))
    return sorted(out, key=lambda s: s.start)
