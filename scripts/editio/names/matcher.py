"""Finding name forms in a string: longest match over tokens, authority-driven.

Rules (general, not about particular names):
- a form matches a run of tokens with the same keys (case, diacritics, apostrophe kind and hyphens ignored);
  a form word written with a capital needs a capital (or ALL-CAPS) word in the text;
- the longest form starting at a token wins; mentions do not nest;
- a possessive 's stays outside the mention;
- for persons, initials right before or after the name ("A.M. Vasilevsky", "STALIN I.V.") join the mention, and
  so does a given name before such initials ("Vyacheslav M. Molotov": a word no English word list has);
- a mention starts and ends at word edges, never inside a word ("Kim" is not found in "Kimpo", "Pak Heon" not
  in "Pak Heon-yeong"); a footnote
  number glued to an abbreviation ("8th MDGS2") belongs to the word, so the mention takes it in whole;
- a person form directly followed (same line) by another capitalised word that is no title and no known
  name is not taken: "Kim Chaek" is not "Kim"; it is returned as a rejected candidate instead (the pronoun
  "I" is no such word: "… Kim Il Sung I met"; nor is a word after a column gap of two spaces: "Issued by
  Nekipelov  Authenticated by");
- a word hyphenated at a line end ("Pyong-<lb/>yang", read "Pyong- yang") is one word: the part after the break
  begins in lowercase, and the mention spans both parts with the hyphen and the break inside it;
- a place form inside a body's or a state's full name ("Communist Party of China", "Democratic People's
  Republic of Korea": data/shapes.tsv, rules "body-of", "state-head") is not taken; the suggestions propose the
  whole name;
- a place form right after a capitalised region word (data/shapes.tsv: "Northern", "Inner" …) is not taken:
  "Northern China" is a region, not China (a known "North Korea" is matched whole before this applies); it
  is returned as a rejected candidate, and the suggestions propose the region; so is one after a state's
  abbreviated head ("PR China": data/shapes.tsv, rule "state-prefix"), whose whole name is proposed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from editio.names.candidates import JOINERS, is_common, is_initial
from editio.names.entries import PERSON, PLACE, Entry, Form
from editio.names.normalize import HYPHENS, Token, fold, tokenize
from editio.names.tables import shapes, titles, unnamed_phrases


@dataclass(slots=True)
class Match:
    start: int
    end: int
    surface: str
    entries: list[Entry]
    form: Form

    @property
    def ambiguous(self) -> bool:
        return len(self.entries) > 1


@dataclass(slots=True)
class Rejected:
    start: int
    end: int
    surface: str
    reason: str


def _is_initial(tokens: list[Token], i: int) -> bool:
    t = tokens[i]
    return is_initial(t.text) and i + 1 < len(tokens) and tokens[i + 1].text == "."


def _glued(tokens: list[Token], i: int) -> bool:
    """Token i and the next one are one written word (no space or punctuation between them)."""
    return tokens[i + 1].start == tokens[i].end and tokens[i].is_word and tokens[i + 1].is_word


def _inside_word(text: str, start: int, end: int) -> bool:
    """A tag from start to end would cut a word: a word character on both sides of one of its edges."""
    def word(i: int) -> bool:
        return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")

    def hyphen(i: int) -> bool:  # "Heon|-yeong": a hyphen joining a lowercase part to a word is inside it
        return (0 <= i < len(text) - 1 and text[i] in HYPHENS and word(i - 1) and text[i + 1].islower())
        # ("Andong-Pyongyang", a route between two places, is two words)
    return (word(start - 1) and word(start)) or (word(end - 1) and word(end)) or hyphen(end) or hyphen(start - 1)


def in_unnamed_phrase(text: str, start: int, end: int) -> bool:
    """The form with the capitalised word before or after it is a phrase that is never a name (data/
    not_suggested.tsv): "Minh" of "the Viet Minh forces" is not Ho Chi Minh."""
    phrases = unnamed_phrases()
    if not phrases:
        return False
    before = re.search(r"(?<![\w'’\-])([A-Z][\w'’\-]*) \Z", text[:start])
    after = re.match(r" ([A-Z][\w'’\-]*)(?![\w'’\-])", text[end:])
    return bool(before and fold(f"{before.group(1)} {text[start:end]}") in phrases) or \
        bool(after and fold(f"{text[start:end]} {after.group(1)}") in phrases)


_BROKEN = re.compile(rf"[{HYPHENS}]\s+")


def _region_named(tokens: list[Token], first: int, text: str) -> bool:
    """The two words before a known place are a large region's name (data/shapes.tsv, rule "region-name")."""
    if first < 2 or not (tokens[first - 2].capitalised and tokens[first - 1].capitalised):
        return False
    gaps = text[tokens[first - 2].end:tokens[first - 1].start] + text[tokens[first - 1].end:tokens[first].start]
    return gaps == "  " and f"{tokens[first - 2].key} {tokens[first - 1].key}" in shapes("region-name")


def _inverted_initials(tokens: list[Token], last: int) -> int:
    """A surname written before its initials after a comma ("Samsonov, G. Ye."): the initials join the name when no
    other name follows them ("Stalin, V. M. Molotov" is two names). Returns the name's new last token."""
    j = last + 1
    if j >= len(tokens) or tokens[j].text != ",":
        return last
    k, end = j + 1, last
    while k + 1 < len(tokens) and tokens[k + 1].text == "." and 1 <= len(tokens[k].text) <= 2 \
            and tokens[k].text[0].isupper() and (len(tokens[k].text) == 1 or tokens[k].text[1:].islower()) \
            and tokens[k].is_word:
        end, k = k + 1, k + 2
    if end == last or (k < len(tokens) and tokens[k].capitalised and tokens[k].is_word):
        return last
    return end


def _named_body(tokens: list[Token], head: int, text: str) -> bool:
    """A body's head word in lowercase after a word that names its members ("the workers’ party of Korea": a
    plural possessive) is a body's name all the same."""
    return head >= 1 and bool(re.search(r"[a-z]s[’']\s+\Z", text[:tokens[head].start]))


def _in_body_name(tokens: list[Token], first: int, last: int, text: str) -> bool:
    """A place's name inside the name of a body or an institution (data/shapes.tsv): "Communist Party of China"
    (a head word "body-of", then "of"), "Kremlin Hospital" (a word "facility" right after), "Geneva Conference",
    "the Geneva accords" (a word "event" right after, in capitals or not)."""
    if first >= 2 and tokens[first - 1].key == "of" and (tokens[first - 2].capitalised or _named_body(
            tokens, first - 2, text)) and (tokens[first - 2].key in shapes("body-of")
                                         or tokens[first - 2].key in shapes("state-head")):
        return True  # "Democratic People's Republic of Korea": a state's full name, not Korea
    nxt = last + 1
    return nxt < len(tokens) and text[tokens[last].end:tokens[nxt].start] == " " and (
        (tokens[nxt].capitalised and tokens[nxt].key in shapes("facility")) or tokens[nxt].key in shapes("event"))


def rejoin_broken(tokens: list[Token], text: str) -> list[Token]:
    """Words hyphenated at a line end made whole again: "Bei-" + "jing" is one token "Beijing" spanning both."""
    out: list[Token] = []
    for t in tokens:
        prev = out[-1] if out else None
        if (prev is not None and prev.is_word and t.is_word and t.text[0].islower()
                and _BROKEN.fullmatch(text[prev.end : t.start])):
            out[-1] = Token(prev.text + t.text, prev.start, t.end)
        else:
            out.append(t)
    return out


class Matcher:
    def __init__(self, entries: Iterable[Entry]) -> None:
        self.index: dict[tuple[str, ...], list[tuple[Entry, Form]]] = {}
        for entry in entries:
            for form in entry.forms:
                if not form.key:
                    continue
                bucket = self.index.setdefault(form.key, [])
                if all(e is not entry for e, _ in bucket):
                    bucket.append((entry, form))
        self.max_len = max((len(k) for k in self.index), default=0)
        self.first_words = {k[0] for k in self.index if k}  # most words start no form: skip them at once

    def _longest(self, tokens: list[Token], i: int, keys: list[str] | None = None) -> \
            tuple[int, list[tuple[Entry, Form]]] | None:
        keys = keys if keys is not None else [t.key for t in tokens]
        if keys[i] not in self.first_words:
            return None
        for n in range(min(self.max_len, len(tokens) - i), 0, -1):
            key = tuple(keys[i : i + n])
            bucket = self.index.get(key)
            if not bucket:
                continue
            caps = bucket[0][1].caps
            ok = all(not need or tok.capitalised for need, tok in zip(caps, tokens[i : i + n], strict=True))
            if ok:
                return n, bucket
        return None

    def scan(self, text: str) -> tuple[list[Match], list[Rejected]]:
        tokens = rejoin_broken(tokenize(text), text)
        matches: list[Match] = []
        rejected: list[Rejected] = []
        starts = {}
        keys = [t.key for t in tokens]
        i = 0
        while i < len(tokens):
            found = self._longest(tokens, i, keys)
            if not found:
                i += 1
                continue
            n, bucket = found
            starts[i] = (n, bucket)
            i += n
        title_words = titles()
        regions = shapes("region")
        covered = {j for i, (n, _) in starts.items() for j in range(i, i + n)}
        for i, (n, bucket) in sorted(starts.items()):
            first, last = i, i + n - 1
            entries = [e for e, _ in bucket]
            if all(e.kind is PLACE for e in entries) and _in_body_name(tokens, first, last, text):
                rejected.append(Rejected(tokens[first].start, tokens[last].end, text[tokens[first].start:
                                         tokens[last].end], "part of a body's or an institution's name"))
                continue
            if all(e.kind is PLACE for e in entries) and _region_named(tokens, first, text):
                first -= 2  # "Far East Maritime Region": the known place with the region it lies in
            elif all(e.kind is PLACE for e in entries) and first >= 1 and first - 1 not in covered:
                before = tokens[first - 1]
                if (before.capitalised and (before.key in regions or before.text in shapes("state-prefix"))
                        and text[before.end : tokens[first].start] == " "):
                    rejected.append(Rejected(before.start, tokens[last].end, text[before.start : tokens[last].end],
                                             "a region named after a known place: not the place itself"))
                    continue
            if all(e.kind is PERSON for e in entries):
                # initials before / after join the mention
                joined = first
                while first >= 2 and _is_initial(tokens, first - 2):
                    first -= 2
                if first < joined and first >= 1 and first - 1 not in covered:
                    given = tokens[first - 1]  # "Vyacheslav M. Molotov": a given name before the initials
                    if (given.is_word and given.capitalised and not given.text.isupper() and len(given.text) > 2
                            and text[given.end:tokens[first].start] == " " and given.key not in title_words
                            and not is_common(given.text)):
                        first -= 1
                j = last + 1
                while j < len(tokens) and _is_initial(tokens, j):
                    last = j + 1
                    j += 2
                last = _inverted_initials(tokens, last)
                nxt = last + 1
                if nxt < len(tokens) and nxt not in starts:
                    t = tokens[nxt]
                    gap = text[tokens[last].end : t.start]
                    if (
                        t.is_word and t.capitalised and "\n" not in gap and gap.strip() == "" and "  " not in gap
                        and t.key not in title_words and not t.text.isdigit() and t.key not in shapes("number-sign")
                        and not (t.text == "I" and not _is_initial(tokens, nxt))  # the pronoun: "Kim Il Sung I met"
                        and not (t.text.isupper() and t.key in JOINERS)  # "KHRUSHCHEV AND HO CHI MINH", "… WITH …"
                    ):
                        end = t.end
                        rejected.append(
                            Rejected(tokens[first].start, end, text[tokens[first].start : end],
                                     "name continues past a known form")
                        )
                        continue
            if last + 1 < len(tokens) and _glued(tokens, last) and tokens[last + 1].text.isdigit():
                last += 1  # "MDGS2": the note number is part of the written word, the tag takes the word whole
            start, end = tokens[first].start, tokens[last].end
            if in_unnamed_phrase(text, start, end):
                rejected.append(Rejected(start, end, text[start:end], "a word of a phrase that names no one"))
                continue
            if _inside_word(text, start, end):
                rejected.append(Rejected(start, end, text[start:end], "form found inside a longer word: not tagged"))
                continue
            matches.append(Match(start, end, text[start:end], entries, bucket[0][1]))
        return matches, rejected

    def find_all(self, text: str) -> list[Match]:
        return self.scan(text)[0]
