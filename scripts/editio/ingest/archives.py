"""Archival citations ("APRF, Fond 45, Opis 1, Delo 347, Listy 5-6") split into one identifier per copy.

A citation may name several copies of a document ("...; and AVPRF, Fond 059a, ...") and may sit inside a
longer bibliographic string. Repositories and part labels come from the tables in ``data/``; a siglum or a
label missing from them is still kept as printed, so nothing in the citation is silently lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from editio.ingest.tables import read_tsv

__all__ = ["ArchivalCopy", "parse_archival_citation", "part_names", "repository_names"]


@dataclass(frozen=True)
class ArchivalCopy:
    """One archival copy: its repository and the parts (fond, opis, delo, ...) that locate it there."""

    repository: str  # normalised siglum ('APRF'), or the siglum as printed when it is not in the table
    repository_as_printed: str
    repository_name: str | None  # English name from the table; None when the siglum is unknown
    parts: tuple[tuple[str, str], ...]  # (part, value as printed); an unknown label is kept as printed
    note: str | None  # a parenthesis printed after the parts, e.g. 'original copy'
    text: str  # the exact substring of the citation for this copy


# ---------------------------------------------------------------------------------------------- tables




@dataclass(frozen=True)
class _Repository:
    siglum: str
    name: str | None
    sigla: tuple[str, ...]  # printed forms that are sigla ("AVP RF")
    names: tuple[str, ...]  # printed forms that are full names


@dataclass(frozen=True)
class _Tables:
    by_form: dict[str, _Repository]
    labels: dict[str, str]  # lower-case label -> part


def _is_siglum(form: str) -> bool:
    return len(form) <= 12 and sum(c.isupper() for c in form) >= 2 and " of " not in form


@cache
def _tables() -> _Tables:
    by_form: dict[str, _Repository] = {}
    for row in read_tsv("repositories.tsv"):
        forms = [f.strip() for f in row["forms"].split("|") if f.strip()]
        repo = _Repository(
            siglum=row["siglum"],
            name=row["name"].strip() or None,
            sigla=tuple(f for f in forms if _is_siglum(f)),
            names=tuple(f for f in forms if not _is_siglum(f)),
        )
        for form in (row["siglum"], *forms):
            by_form[form] = repo
    labels = {row["label"].lower(): row["part"] for row in read_tsv("archive-parts.tsv")}
    return _Tables(by_form, labels)


@cache
def repository_languages() -> dict[str, str]:
    """Normalised siglum -> the language of the archive's records (BCP 47), as in the repository table."""
    return {r["siglum"]: r["language"].strip() for r in read_tsv("repositories.tsv") if r.get("language", "").strip()}


def repository_names() -> dict[str, str | None]:
    """Normalised siglum -> English name, as in the repository table."""
    return {r.siglum: r.name for r in _tables().by_form.values()}


def part_names() -> frozenset[str]:
    """The part names the label table knows (fond, opis, delo, papka, listy, ...)."""
    return frozenset(_tables().labels.values())


# ---------------------------------------------------------------------------------------------- patterns

_H = r"[^\S\n]"
_SUFFIX = r"(?:ob(?:\.(?=\s*[-–,;)\]]))?|[A-Za-z](?![A-Za-z]))?"  # 059a, 5a, 12ob ("ob." = verso)
_VALUE_ONE = rf"(?:[A-Za-z]{{1,2}}-)?\d+{_SUFFIX}(?:{_H}*[-–]{_H}*\d+{_SUFFIX})?"  # 45, R-5446, 5-6, 12-12ob


def _alternation(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    repository: re.Pattern[str]
    unknown_siglum: re.Pattern[str]
    known_part: re.Pattern[str]
    empty_part: re.Pattern[str]
    unknown_part: re.Pattern[str]
    note: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    t = _tables()
    sigla = _alternation([f for f in t.by_form if _is_siglum(f)])
    names = _alternation([f for f in t.by_form if not _is_siglum(f)])
    repository = (
        rf"(?<![\w])(?:(?P<name>{names})(?:{_H}*\((?P<paren>{sigla})\))?"
        rf"|(?P<siglum>{sigla})(?:{_H}*\((?P<paren_name>{names})\))?)(?![\w])"
    )
    words = "|".join(
        re.escape(w).replace("'", "['’]")
        for w in sorted((lab for lab in t.labels if not lab.endswith(".")), key=len, reverse=True)
    )
    dots = _alternation([lab for lab in t.labels if lab.endswith(".")])
    # a word label needs a space before its value ("Fond 45"); a dotted one may touch it ("II.0085")
    label = rf"(?<![\w])(?:(?:{words})(?![\w'’]){_H}+|(?:{dots}){_H}*)"
    value = rf"{_VALUE_ONE}(?:{_H}*,{_H}*(?!{label}){_VALUE_ONE})*"
    return _Patterns(
        repository=re.compile(repository),
        unknown_siglum=re.compile(
            rf"(?<![\w\-])(?=[A-Za-z]*[A-Z][A-Za-z]*[A-Z])[A-Z][A-Za-z]{{1,9}}(?:{_H}[A-Z]{{2,3}})?(?![\w\-])"
            rf"(?={_H}*[,:]?{_H}*{label}(?:[A-Za-z]{{1,2}}-)?\d)",
        ),
        known_part=re.compile(rf"(?P<label>{label})(?P<value>{value})", re.IGNORECASE),
        empty_part=re.compile(rf"(?P<label>(?<![\w])(?:(?:{words})(?![\w'’])|(?:{dots}))){_H}*(?=[,;]|$)", re.I),
        unknown_part=re.compile(rf"(?P<label>[A-Za-z][a-z]{{1,11}}\.?){_H}+(?P<value>{value})"),
        note=re.compile(rf"{_H}*\((?P<note>[^()\n]*)\)"),
    )


_SEP_FIRST = re.compile(rf"{_H}*[,:]?{_H}*")
_SEP_NEXT = re.compile(rf"{_H}*,{_H}*|{_H}+")
_BARE_BEFORE = re.compile(r"(?:^|[\[(;:,]|\band|\bSource:?)\s*$")
_BARE_AFTER = re.compile(rf"{_H}*(?:$|[;,.\])]|and\b)")
_YEAR_ONLY = re.compile(r"(?:1[89]|20)\d\d")


# ---------------------------------------------------------------------------------------------- parsing


@dataclass
class _Mention:
    start: int
    end: int
    siglum: str
    name: str | None
    known: bool


def _mentions(text: str) -> list[_Mention]:
    p, t = _patterns(), _tables()
    found: list[_Mention] = []
    for m in p.repository.finditer(text):
        form = m["name"] or m["siglum"]
        repo = t.by_form[form]
        found.append(_Mention(m.start(), m.end(), repo.siglum, repo.name, True))
    for m in p.unknown_siglum.finditer(text):
        if not any(f.start <= m.start() < f.end for f in found):
            found.append(_Mention(m.start(), m.end(), m.group(), None, False))
    return sorted(found, key=lambda f: f.start)


def _parts(text: str, pos: int, limit: int) -> tuple[list[tuple[str, str]], list[str], int]:
    """The chain of parts (and parenthetical notes) starting at `pos`; returns where it ends."""
    p, labels = _patterns(), _tables().labels
    parts: list[tuple[str, str]] = []
    notes: list[str] = []
    end = pos
    sep = _SEP_FIRST
    while (s := sep.match(text, end, limit)) is not None:
        at = s.end()
        if m := p.known_part.match(text, at, limit):
            label = re.sub(r"\s+", "", m["label"]).lower().replace("’", "'")
            parts.append((labels[label], m["value"].strip()))
        elif parts and (m := p.unknown_part.match(text, at, limit)) and not _YEAR_ONLY.fullmatch(m["value"]):
            parts.append((m["label"], m["value"].strip()))  # a label the table does not know: kept as printed
        elif parts and (m := p.empty_part.match(text, at, limit)):
            label = re.sub(r"\s+", "", m["label"]).lower().replace("’", "'")
            parts.append((labels[label], ""))  # a damaged citation: the label is printed, its value is lost
        else:
            break
        end = m.end()
        while n := p.note.match(text, end, limit):
            notes.append(n["note"].strip())
            end = n.end()
        sep = _SEP_NEXT
    return parts, notes, end


def parse_archival_citation(text: str) -> list[ArchivalCopy]:
    """Every archival copy named in `text`, in order; [] if none is recognisable.

    A copy is a repository (a siglum or full name from the table, or an unknown siglum followed by a known
    part label) with the chain of parts after it. A label printed without its value (a damaged citation)
    gives the value ''. A known repository printed without parts still counts when
    it stands alone between citation punctuation ("...; GARF.").
    """
    mentions = _mentions(text)
    copies: list[ArchivalCopy] = []
    taken_until = 0
    for i, mention in enumerate(mentions):
        if mention.start < taken_until:  # a siglum-like word inside the previous copy's parts
            continue
        limit = next((m.start for m in mentions[i + 1 :] if m.start >= mention.end), len(text))
        parts, notes, end = _parts(text, mention.end, limit)
        if not parts:
            bare = (
                mention.known and _BARE_BEFORE.search(text, 0, mention.start) and _BARE_AFTER.match(text, mention.end)
            )
            if not bare:
                continue
            end = mention.end
        copies.append(
            ArchivalCopy(
                repository=mention.siglum,
                repository_as_printed=text[mention.start : mention.end],
                repository_name=mention.name,
                parts=tuple(parts),
                note="; ".join(notes) or None,
                text=text[mention.start : end],
            )
        )
        taken_until = end
    return copies
