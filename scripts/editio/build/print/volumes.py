"""The print edition's volumes: the documents in date order, cut into volumes of at most `[print] volume_size`
documents, numbered throughout. Why volumes: Typst lays a volume out whole, and its time and memory grow faster than
its pages (bench/RESULTS.md, Scale: ≈ pages^1.7 CPU, ≈ pages^1.4 memory), so a large edition is printed, as large
printed editions are, in volumes of bounded size, each typeset in a process of its own.

File names: an edition of one volume keeps `edition.pdf`; an edition of several has `edition-001.pdf` …
(three digits, so that they sort) and the index volume `edition-index.pdf`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SINGLE = "edition"
INDEX = "edition-index"


@dataclass(frozen=True)
class Volume:
    name: str  # the stem of its Typst source and its PDF
    number: int  # 1 …
    volumes: int  # how many volumes the edition has
    first: int  # the number (in the edition) of its first document
    documents: tuple[Path, ...]

    @property
    def last(self) -> int:
        return self.first + len(self.documents) - 1


def plan(documents: list[Path], size: int) -> list[Volume]:
    """The volumes of these documents (already in date order), at most `size` each, every volume but the last full."""
    if size < 1:
        raise ValueError(f"a volume holds at least one document, not {size}")
    chunks = [tuple(documents[i:i + size]) for i in range(0, len(documents), size)]
    count = len(chunks)
    return [Volume(SINGLE if count == 1 else f"{SINGLE}-{k:03d}", k, count, 1 + (k - 1) * size, chunk)
            for k, chunk in enumerate(chunks, 1)]
