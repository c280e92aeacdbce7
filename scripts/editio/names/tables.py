"""The small data tables of the names layer (package data in `names/data/`), read once."""

from __future__ import annotations

from functools import cache

from editio import tables
from editio.names.normalize import fold, form_key


def _rows(name: str) -> list[list[str]]:
    return tables.read_rows("editio.names", name)


@cache
def titles() -> dict[str, str]:
    """Folded title word → what it introduces ("person" or "-")."""
    return {fold(r[0]): (r[1] if len(r) > 1 else "-") for r in _rows("titles.tsv")}


@cache
def place_cues() -> list[tuple[str, ...]]:
    return sorted((form_key(r[0]) for r in _rows("place_cues.tsv")), key=len, reverse=True)


@cache
def not_names() -> dict[str, str]:
    """Folded surface → why it looks like a name but is none (aircraft types, unit abbreviations, ...)."""
    return {fold(r[0]): r[1] for r in _rows("not_names.tsv")}


@cache
def element_roles() -> dict[str, tuple[str, str]]:
    """TEI element local name → (role, kind) for the tagger: see data/elements.tsv."""
    return {r[0]: (r[1], r[2] if len(r) > 2 else "-") for r in _rows("elements.tsv")}


@cache
def scope() -> list[tuple[str, str]]:
    """(XPath, mode) of the parts of a TEI document the tagger looks at."""
    return [(r[0], r[1]) for r in _rows("scope.tsv")]


@cache
def person_cues() -> list[tuple[str, ...]]:
    """Phrases after which a capitalised word is a person (the clerks of a service note): data/person_cues.tsv."""
    return sorted((form_key(r[0]) for r in _rows("person_cues.tsv")), key=len, reverse=True)


@cache
def unnamed_phrases() -> frozenset[str]:
    """Folded phrases of several words never proposed nor tagged (data/not_suggested.tsv): "Viet Minh"."""
    return frozenset(fold(r[0]) for r in _rows("not_suggested.tsv") if " " in r[0].strip())


@cache
def person_neighbours() -> tuple[str, ...]:
    """Phrases right after a capitalised word that make it a person (data/person_neighbours.tsv), folded."""
    return tuple(fold(r[0]) for r in _rows("person_neighbours.tsv"))


@cache
def shapes(rule: str) -> dict[str, str]:
    """Word → kind for one rule of data/shapes.tsv ("state", "state-head", "region", "surname-ending"); words
    folded, except the case-sensitive state abbreviations."""
    rows = [r for r in _rows("shapes.tsv") if r[0] == rule]
    return {(r[1] if rule in ("state", "state-prefix") else fold(r[1])): r[2] for r in rows}


@cache
def state_countries() -> dict[str, str]:
    """A state's abbreviation, or (folded) its full name the GeoNames data lacks → the country's name in the
    GeoNames data (data/shapes.tsv, rules "state" and "state-name")."""
    rows = [r for r in _rows("shapes.tsv") if r[0] in ("state", "state-name") and len(r) > 4 and r[4]]
    return {(r[1] if r[0] == "state" else fold(r[1])): r[4] for r in rows}


@cache
def surnames() -> frozenset[str]:
    """Folded Chinese and Korean family names (data/surnames.tsv)."""
    return frozenset(fold(r[0]) for r in _rows("surnames.tsv"))


@cache
def edges() -> frozenset[str]:
    """Elements whose edges a proposed name does not run across (data/edges.tsv)."""
    return frozenset(r[0] for r in _rows("edges.tsv"))
