"""The ingest's data tables (data/*.tsv): one reader for all of them."""

from __future__ import annotations

import csv
from importlib.resources import files


def read_tsv(name: str) -> list[dict[str, str]]:
    """A package table: '#' lines are comments, the first other line names the columns; no quoting, so
    regular expressions with quotation marks stay as written."""
    text = files("editio.ingest").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
