"""The check's data tables (package data in check/data/): rules run across files, pointer attributes, schemes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from editio import tables


def rows(name: str) -> list[dict[str, str]]:
    return tables.read_tsv("editio.check", name)


@dataclass(frozen=True)
class EditionRule:
    id: str
    severity: str
    summary: str
    message: str

    def format(self, **values: str) -> str:
        return self.message.format(**values)


@cache
def edition_rules() -> dict[str, EditionRule]:
    found = rows("edition-rules.tsv")
    return {r["id"]: EditionRule(r["id"], r["severity"], r["summary"], r["message"]) for r in found}


@cache
def pointer_attributes() -> tuple[str, ...]:
    return tuple(r["attribute"] for r in rows("pointers.tsv"))


@cache
def external_schemes() -> frozenset[str]:
    return frozenset(r["scheme"].lower() for r in rows("external-schemes.tsv"))
