"""One source converted as a task of the build's executor (build/executor.py: this process, a pool, or Dask).

The per-source work — reading the layout, the brackets, the dates, the header, tagging the names against the
authority files, the nothing-lost check, serialising the TEI — depends on the source and the (read-only) authority
files alone, so it runs wherever the executor puts it. What needs every source stays with the caller (api.py): the
documents' names made unique in source order, writing the files under the fingerprints of writer.py, the ingest
record (manifest.py) and the scan for names no authority entry covers.

A task's value pickles (a Dask worker or a pool worker sends it back): the TEI as bytes, every warning and error as
(line, message) — the caller gives them back their source path as the user typed it, so messages read the same on
every engine.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from editio.ingest import fidelity
from editio.ingest.layouts.plain import Given
from editio.ingest.layouts.plain import read as read_plain
from editio.ingest.model import SourceError
from editio.ingest.pdf import read_pdf
from editio.ingest.pipeline import Authorities, convert_source, serialize
from editio.names.suggest import ModelRead

AUTHORITY_FILES = ("persons.xml", "places.xml", "orgs.xml")

Said = tuple[int, str]  # (line, message): a warning or an error of the source, its path left to the caller


@dataclass(frozen=True)
class Job:
    """One source to convert: where a worker reads it, and the rules of the run."""

    path: str  # absolute: a worker's working folder may differ from the caller's
    authorities: str | None  # the folder whose authority files tag the names
    stamp: tuple[tuple[str, int, int], ...]  # those files by name, size and mtime: a worker loads them again on change
    plain: Given | None = None  # --plain: the document's title and date
    names_model: bool = False  # the run's scan for unknown names asks the statistical model: read each document here


@dataclass
class Document:
    """One TEI document of the source: its name as made (before it is made unique), its bytes, what was said."""

    stem: str
    data: bytes | None  # None when the document could not be converted (error)
    warnings: list[Said] = field(default_factory=list)
    failures: list[fidelity.Failure] = field(default_factory=list)  # the nothing-lost check's
    error: Said | None = None
    model: ModelRead | None = None  # what the statistical model found in it, when the run asks for the model


@dataclass
class Made:
    """What one source gave: its documents, or the error that stopped it (and what its PDF text layer lost)."""

    documents: list[Document] = field(default_factory=list)
    text_layer: list[Said] = field(default_factory=list)
    error: Said | None = None


def stamp(folder: Path | None) -> tuple[tuple[str, int, int], ...]:
    if folder is None:
        return ()
    out = []
    for name in AUTHORITY_FILES:
        file = folder / name
        st = file.stat() if file.is_file() else None
        out.append((name, st.st_size if st else -1, st.st_mtime_ns if st else -1))
    return tuple(out)


def job(src: Path, authorities: Path | None, plain: Given | None, names_model: bool = False) -> Job:
    return Job(str(src.resolve()), str(authorities.resolve()) if authorities else None, stamp(authorities), plain,
               names_model)


@functools.lru_cache(maxsize=2)
def authorities(folder: str | None, _stamp: tuple) -> Authorities:
    """The authority files, loaded once per worker process (again only when one of them changed)."""
    return Authorities(Path(folder) if folder else None)


def convert(task: Job) -> Made:
    """A task of the executor: the source's documents as TEI bytes, or the error (with its line) that stopped it.
    Module-level, so it pickles."""
    src = Path(task.path)
    reader = (lambda p, lines: read_plain(p, lines, task.plain)) if task.plain else None
    made = Made()
    try:
        if src.suffix.lower() == ".pdf":  # what reading its text layer may have lost is said first
            made.text_layer = [(w.line, w.message) for w in read_pdf(src)[1]]
        converted = convert_source(src, authorities(task.authorities, task.stamp), reader)
    except SourceError as exc:
        made.error = (exc.line, exc.message)
        return made
    for c in converted:
        data = serialize(c.tree) if c.tree is not None and c.error is None else None
        made.documents.append(Document(
            c.stem, data, [(w.line, w.message) for w in c.warnings], list(c.failures),
            (c.error.line, c.error.message) if c.error is not None else None,
            _read(data) if task.names_model and data is not None and task.authorities else None))
    return made


def _read(data: bytes) -> ModelRead | None:
    """The model's reading of the document as the caller will parse it back (its bytes), so the texts agree."""
    from lxml import etree

    from editio.names.suggest import read_with_model

    return read_with_model(etree.fromstring(data, etree.XMLParser(huge_tree=True)))
