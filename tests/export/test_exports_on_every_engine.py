"""The per-document exports are the same bytes whichever engine makes them: this process, a pool of worker
processes, or a Dask cluster — and a document that cannot be exported is named in the error."""

from __future__ import annotations

from pathlib import Path

import pytest

from editio.build import executor
from editio.build.executor import open_executor
from editio.build.exports import dublin_core, text
from editio.build.xslt import XsltError


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_text_and_dublin_core_are_byte_identical_on_every_engine(seed_edition, tmp_path, monkeypatch):
    monkeypatch.setattr(executor, "SMALL", 0)  # the pool and Dask even for the edition's few documents
    made = {}
    for name, jobs, scheduler in (("here", 1, None), ("pool", 2, None), ("dask", 2, "local")):
        with open_executor(jobs, scheduler):
            text.write(seed_edition, tmp_path / name)
            dublin_core.write(seed_edition, tmp_path / name)
        made[name] = {folder: _files(tmp_path / name / folder) for folder in (text.FOLDER, dublin_core.FOLDER)}
    assert made["here"][text.FOLDER] and len(made["here"][text.FOLDER]) == len(seed_edition.documents())
    assert made["here"] == made["pool"] == made["dask"]


def test_a_document_the_stylesheet_cannot_read_is_named(seed_edition, tmp_path, monkeypatch):
    broken = tmp_path / "1950-01-01-broken.xml"
    broken.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><unclosed></TEI>", encoding="utf-8")
    monkeypatch.setattr(type(seed_edition), "documents", lambda self: [broken])
    monkeypatch.setattr(executor, "SMALL", 0)
    with open_executor(2), pytest.raises(XsltError, match=r"1950-01-01-broken\.xml"):
        text.write(seed_edition, tmp_path / "out")
