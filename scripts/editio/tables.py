"""Every stage keeps its domain rules in tab-separated tables beside its code (package `data/` folders);
this is the one reader for them: '#' lines are comments, blank lines are skipped, nothing is quoted (so regular
expressions with quotation marks stay as written)."""

from __future__ import annotations

import csv
from importlib.resources import files


def data_lines(package: str, name: str) -> list[str]:
    text = files(package).joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def read_tsv(package: str, name: str) -> list[dict[str, str]]:
    """Rows of a table whose first line names the columns."""
    return list(csv.DictReader(data_lines(package, name), delimiter="\t", quoting=csv.QUOTE_NONE))


def read_rows(package: str, name: str) -> list[list[str]]:
    """Rows of a table without a header line, cells stripped."""
    return [[c.strip() for c in row] for row in csv.reader(data_lines(package, name), delimiter="\t",
                                                             quoting=csv.QUOTE_NONE)]
