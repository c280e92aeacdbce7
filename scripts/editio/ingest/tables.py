"""The ingest's data tables (ingest/data/*.tsv)."""

from __future__ import annotations

from editio import tables


def read_tsv(name: str) -> list[dict[str, str]]:
    return tables.read_tsv("editio.ingest", name)
