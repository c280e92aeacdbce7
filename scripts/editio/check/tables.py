"""The check's data tables (package data in check/data/): rules run across files, pointer attributes, schemes."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


def rows(name: str) -> list[dict[str, str]]:
    text = (resources.files("editio.check") / "data" / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


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
