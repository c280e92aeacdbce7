"""Square brackets in a transcription: find them (nested, unbalanced, across lines) and say what each one is.

What a bracket means is data (data/brackets.tsv: the first row whose `before` and `content` patterns match
decides); this module only parses and classifies. Building the TEI for each class is ingest/inline.py's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from editio.ingest.model import Line
from editio.ingest.tables import read_tsv

MAX_JOINED_LINES = 8  # an open bracket may run over at most this many lines before it counts as unbalanced


@dataclass(frozen=True)
class Convention:
    id: str
    encoding: str
    before: re.Pattern[str] | None
    content: re.Pattern[str]
    tei: str
    meaning: str
    example: str


@dataclass
class Group:
    """One bracket pair: text[open] == '[' and text[close] == ']'."""

    open: int
    close: int = -1
    children: list[Group] = field(default_factory=list)
    convention: Convention | None = None
    match: re.Match[str] | None = None

    @property
    def content(self) -> tuple[int, int]:
        return self.open + 1, self.close

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Parsed:
    text: str
    groups: list[Group]  # top-level groups, in order
    stray: list[int]  # offsets of brackets without a partner

    def all_groups(self) -> list[Group]:
        return [g for top in self.groups for g in top.walk()]


@cache
def conventions() -> tuple[Convention, ...]:
    rows = read_tsv("brackets.tsv")
    return tuple(
        Convention(
            id=r["id"],
            encoding=r["encoding"],
            before=re.compile(r["before"]) if r["before"] else None,
            content=re.compile(r["content"]),
            tei=r["tei"],
            meaning=r["meaning"],
            example=r["example"],
        )
        for r in rows
    )


@cache
def signatures() -> dict[str, str]:
    """Editors' initials (as in "[… - AM]") → the @resp pointer of that editor."""
    return {r["initials"]: r["resp"] for r in read_tsv("signatures.tsv")}


@cache
def placements() -> dict[str, str]:
    return {r["phrase"]: r["place"] for r in read_tsv("placements.tsv")}


def _scan(text: str, start: int, end: int) -> Parsed:
    stack: list[Group] = []
    top: list[Group] = []
    stray: list[int] = []
    for i in range(start, end):
        ch = text[i]
        if ch == "[":
            stack.append(Group(i))
        elif ch == "]":
            if not stack:
                stray.append(i)
                continue
            g = stack.pop()
            g.close = i
            (stack[-1].children if stack else top).append(g)
    for g in stack:  # opened, never closed: the '[' itself is a stray character, its pairs stand alone
        stray.append(g.open)
        top.extend(g.children)
    top.sort(key=lambda g: g.open)
    return Parsed(text, top, sorted(stray))


def parse(text: str) -> Parsed:
    """Pair the brackets of one logical line.

    A line that opens with '[' and ends with an unpartnered ']' is read as one bracket spanning the line
    ("[Handwritten at the top: [reply]] of … N66[1]6/3940shs]"): the source closed it early by a slip, and
    the unpartnered brackets inside stay as characters of their own.
    """
    parsed = _scan(text, 0, len(text))
    stripped = text.rstrip()
    last = len(stripped) - 1
    first = len(text) - len(text.lstrip())
    if (
        stripped
        and text[first] == "["
        and last in parsed.stray
        and parsed.groups
        and parsed.groups[0].open == first
        and parsed.groups[0].close < last
    ):
        inner = _scan(text, first + 1, last)
        outer = Group(first, last, inner.groups)
        return Parsed(text, [outer], inner.stray)
    return parsed


def unclosed(text: str) -> int:
    depth = 0
    for ch in text:
        if ch == "[":
            depth += 1
        elif ch == "]" and depth:
            depth -= 1
    return depth


def join_open_brackets(lines: list[Line]) -> list[Line]:
    """Join physical lines into one unit while a bracket opened on the first is still open."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        text, j = lines[i].text, i
        if unclosed(text):
            k = i
            joined = text
            while k + 1 < len(lines) and k + 1 - i < MAX_JOINED_LINES and unclosed(joined):
                k += 1
                joined = joined + "\n" + lines[k].text
            if not unclosed(joined):
                text, j = joined, k
        out.append(Line(lines[i].no, text))
        i = j + 1
    return out


def _translates(term: str, gloss: str) -> bool:
    """'Instantsia [Highest Authority]': the word before is unknown to English and every word of the gloss is a
    common English word (wordfreq, as for slips); a name ('Filippov [Joseph Stalin]') is never common enough."""
    from editio.ingest.slips import COMMON, _zipf

    return _zipf(term.lower()) < 1.0 and all(_zipf(w.lower()) >= COMMON + 1 for w in gloss.split())


def _after_title(before: str) -> bool:
    """The word before the bracket is a person's title (names/data/titles.tsv: "Comrade", "Chairman", "Cde."): the
    bracket gives the name the title belongs to, or its first part, and identifies no name before it."""
    from editio.names.normalize import fold
    from editio.names.tables import titles

    m = re.search(r"([A-Za-z]+)\.?[ \t]\Z", before)
    return bool(m) and titles().get(fold(m.group(1))) == "person"


def _given_names(before: str, content: str) -> bool:
    """A Chinese or Korean family name standing alone before the bracket and a given name in it ("Ri [Ju-yeon]",
    "Li [Fu Chun]"; names/data/surnames.tsv): the editors complete the name, they identify no name before it.
    A bracket that begins with a family name ("Pak [Pak Hon Yong]") or holds another word stays an
    identification."""
    from editio.names.normalize import fold
    from editio.names.tables import surnames

    m = re.search(r"(?<![\w'’\-])([A-Z][a-z]{0,3})[ \t]\Z", before)
    if m and re.search(r"[A-Z][\w'’\-]*\s+\Z", before[: m.start()]):
        return False  # "Kim Il [Kim Il Sung]": the family name is part of a name before it
    words = content.split()
    if not m or fold(m.group(1)) not in surnames() or not words or fold(words[0].split("-")[0]) in surnames():
        return False
    return bool(re.fullmatch(r"[A-Z][a-z]{1,5}-[a-z]{2,6}", content)
                or re.fullmatch(r"[A-Z][a-z]{1,5} [A-Z][a-z]{1,5}", content))


def classify(parsed: Parsed) -> None:
    """Give every group the first convention whose patterns match its context and content."""
    text = parsed.text
    for g in parsed.all_groups():
        content = text[g.open + 1 : g.close]
        before = text[: g.open]
        for conv in conventions():
            if conv.before is not None and not conv.before.search(before):
                continue
            m = conv.content.fullmatch(content)
            if not m:
                continue
            if conv.encoding == "note-resp" and m.group("sig") not in signatures():
                continue
            if conv.encoding == "gloss-word" and not _translates(conv.before.search(before).group("term"),
                                                                 m.group("body")):
                continue
            if conv.encoding == "identification" and (_after_title(before) or _given_names(before, content)):
                continue  # "Comrade [Zhou] Enlai", "Chairman [Mao]": the name the title belongs to, supplied
            if conv.encoding in ("sic", "expan", "supplied-token", "identification", "choice-abbr", "reg") and (
                g.children
            ):
                continue  # these conventions hold plain words only
            g.convention, g.match = conv, m
            break
