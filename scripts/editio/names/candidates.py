"""Words that look like names but are in no authority file, so that nothing is missed silently.

A candidate is a capitalised or ALL-CAPS word outside any tagged name that
- follows a title that introduces a person ("Comrade X", "Cde. X", "General X"), or
- follows a place cue ("in the area of X", "vicinity of X", "route X-Y"), or a person cue ("Typed by X"), or
- is a region word and a name ("Northern China": data/shapes.tsv), or
- is no common English word (English word lists of the `english-words` package, with simple inflections,
  plus the words the same document writes in lowercase) and not listed in data/not_names.tsv.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from editio.names.normalize import Token, fold, tokenize
from editio.names.tables import not_names, person_cues, place_cues, shapes, surnames, titles

_SUFFIXES = ("'s", "s", "es", "ed", "d", "ing", "ly", "er", "ers", "ies", "ied", "ian", "ians", "ese", "an")


@cache
def _lexicon() -> frozenset[str]:
    """Lowercase (common) words of English; proper nouns of the word lists are left out on purpose."""
    try:
        from english_words import get_english_words_set
    except ImportError:  # pragma: no cover - the dependency is declared; stay usable without it
        return frozenset()
    words: set[str] = set()
    for source in ("web2", "gcide"):
        words |= {w for w in get_english_words_set([source], lower=False, alpha=True) if w[:1].islower()}
    return frozenset(w.casefold() for w in words)


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Z]{2})(?=[a-z])")
_ROMAN = re.compile(r"^[IVXLC]+$")


def is_common(word: str, extra: frozenset[str] | set[str] = frozenset()) -> bool:
    """A word of the English lexicon (or of the document in lowercase); glued words ("AMBASSADORSent") count
    when each part does."""
    parts = _CAMEL.split(word)
    if len(parts) > 1:
        return all(_is_common_word(p, extra) for p in parts)
    return _is_common_word(word, extra)


def _is_common_word(word: str, extra: frozenset[str] | set[str]) -> bool:
    w = fold(word)
    if w in not_names():
        return True
    lex = _lexicon()
    if w in lex or w in extra:
        return True
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) > len(suf) + 1:
            stem = w[: -len(suf)]
            for cand in (stem, stem + "e", stem + "y"):
                if cand in lex or cand in extra:
                    return True
    return False


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    surface: str
    reason: str


_HAS_DIGIT = re.compile(r"\d")


def find_candidates(text: str, covered: list[tuple[int, int]], lowercase_words: set[str]) -> list[Candidate]:
    """Candidates in `text`, outside the `covered` spans (found or existing names)."""
    tokens = tokenize(text)
    title_words = titles()
    cues = place_cues()
    skip = not_names()

    def is_covered(t: Token) -> bool:
        return any(a <= t.start and t.end <= b for a, b in covered)

    out: list[Candidate] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if not _looks_like_name(t, title_words, skip) or is_covered(t) \
                or (is_initial(t.text) and i + 1 < len(tokens) and tokens[i + 1].text == "."):
            i += 1  # an initial ("Yu.") is no name of its own: it joins the name after it
            continue
        # the run of name-like words joined by spaces or hyphens
        j = i
        while (
            j + 1 < len(tokens)
            and _looks_like_name(tokens[j + 1], title_words, skip)
            and not is_covered(tokens[j + 1])
            and text[tokens[j].end : tokens[j + 1].start].strip(" -") == ""
            and "  " not in text[tokens[j].end : tokens[j + 1].start]  # two spaces: a column gap, two fields
            and "\n" not in text[tokens[j].end : tokens[j + 1].start]
        ):
            j += 1
        run = tokens[i : j + 1]
        reason = _reason(tokens, i, run, text, title_words, cues, lowercase_words)
        if reason:
            start = run[0].start
            k = i
            while reason.startswith("after the initial") and k >= 2 and tokens[k - 1].text == "." \
                    and is_initial(tokens[k - 2].text):
                k -= 2
                start = tokens[k].start  # the initials belong to the name: "P.S. Ivanov"
            out.append(Candidate(start, run[-1].end, text[start : run[-1].end], reason))
        i = j + 1
    return out


def is_initial(word: str) -> bool:
    """A given name's initial, without its full stop: one capital ("V") or a two-letter one (data/shapes.tsv, rule
    "initial": "Yu", "Ye")."""
    return (len(word) == 1 and word.isupper()) or (len(word) == 2 and fold(word) in shapes("initial"))


def _looks_like_name(t: Token, title_words: dict[str, str], skip: dict[str, str]) -> bool:
    return (
        t.is_word
        and t.capitalised
        and len(t.text) > 1
        and not _HAS_DIGIT.search(t.text)
        and not _ROMAN.match(t.text)
        and t.key not in title_words
        and t.key not in skip
    )


def _previous_words(tokens: list[Token], i: int, n: int) -> tuple[str, ...]:
    words = [t.key for t in tokens[max(0, i - n) : i] if t.text != "."]
    return tuple(words[-n:])


def _reason(
    tokens: list[Token], i: int, run: list[Token], text: str, title_words: dict[str, str],
    cues: list[tuple[str, ...]], lowercase_words: set[str],
) -> str | None:
    k = i - 1
    if k >= 0 and tokens[k].text == ".":
        k -= 1
    if (k >= 0 and title_words.get(tokens[k].key) == "person"
            and not all(is_common(t.text, lowercase_words) for t in run)):
        return f"after the title “{tokens[k].text}”"
    initial = i >= 2 and tokens[i - 1].text == "." and is_initial(tokens[i - 2].text)
    if initial and text[tokens[i - 1].end : tokens[i].start] == " " \
            and not all(is_common(t.text, lowercase_words) for t in run):
        return f"after the initial “{tokens[i - 2].text}.”"
    for cue in person_cues():
        if _previous_words(tokens, i, len(cue)) == cue and not all(is_common(t.text, lowercase_words) for t in run):
            return f"after the person cue “{' '.join(cue)}”"
    for cue in cues:
        if _previous_words(tokens, i, len(cue)) == cue and not all(is_common(t.text, lowercase_words) for t in run):
            return f"after “{' '.join(cue)}”"
    if len(run) > 1 and fold(run[-1].text) in shapes("feature"):
        return f"a place by its feature word “{run[-1].text}”"  # "the Red River delta": a river, however common
    if romanised_name([t.text for t in run]):
        return f"a romanised name: the family name “{run[0].text}” and a given name"
    if is_region([t.text for t in run]):
        return f"a region: “{run[0].text}” and a place's name"
    if not all(is_common(t.text, lowercase_words) for t in run):
        return "capitalised word in no authority file"
    return None


def is_region(words: list[str]) -> bool:
    """A region word and a place's name ("Northern China", "Inner Mongolia"): the rest is no run of common words
    unless the GeoNames data knows it as one place ("China"); "Northeast Border [Defense Army]" is no region."""
    if len(words) < 2 or fold(words[0]) not in shapes("region"):
        return False
    rest = words[1:]
    if not all(is_common(w) for w in rest):
        return True
    from editio.names.geonames import named_place

    return named_place(" ".join(rest)) is not None


# words that join two names or a name and its context; a person's name holds none ("N. S. KHRUSHCHEV AND HO CHI
# MINH", "Khrushchev WITH DRV PRESIDENT"), nor does a known name continue into one
JOINERS = frozenset({"and", "with", "between", "in", "of", "the", "a", "an", "at", "to", "from", "for", "by", "on"})

EVERYDAY = 4.4  # Zipf frequency (wordfreq): a word used more often than this is an everyday English word


@cache
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def romanised_name(words: list[str]) -> bool:
    """A Chinese or Korean family name (data/surnames.tsv) and one or two given-name words, none an everyday
    English word ("Kim Il", "Jiang Jieshi", "LIU SHAOQI"; not "Li Said", "Kim Il Sung's" aside): a person's name by
    its shape, though each word may be in an English word list."""
    if not 2 <= len(words) <= 3 or fold(words[0]) not in surnames():
        return False
    given = words[1:]
    return all(w[:1].isupper() and w.replace("-", "").isalpha() and zipf(fold(w)) < EVERYDAY for w in given)
