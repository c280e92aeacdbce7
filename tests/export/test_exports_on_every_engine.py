"""The exports are the same bytes whichever engine makes the per-document parts: this process, a pool of worker
processes, or a Dask cluster — and a document that cannot be exported is named in the error."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from editio.build import executor, export
from editio.build.executor import open_executor
from editio.build.targets import BuildError
from editio.edition import load

REPO = Path(__file__).resolve().parents[2]


def _files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_export_is_byte_identical_on_every_engine(seed_edition, tmp_path, monkeypatch):
    monkeypatch.setattr(executor, "SMALL", 0)  # the pool and Dask even for the edition's few documents
    made = {}
    for name, jobs, scheduler in (("here", 1, None), ("pool", 2, None), ("dask", 2, "local")):
        with open_executor(jobs, scheduler):
            export.run(seed_edition, tmp_path / name / "exports")
        made[name] = _files(tmp_path / name / "exports")
    assert len([n for n in made["here"] if n.startswith("text/")]) == len(seed_edition.documents())
    assert made["here"] == made["pool"] == made["dask"]


def test_a_document_the_stylesheet_cannot_read_is_named(tmp_path, monkeypatch):
    folder = tmp_path / "ed"
    folder.mkdir()
    shutil.copyfile(REPO / "edition.toml", folder / "edition.toml")
    shutil.copytree(REPO / "tei", folder / "tei")
    broken = folder / "tei" / "1950-01-01-broken.xml"
    broken.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><unclosed></TEI>", encoding="utf-8")
    monkeypatch.setattr(executor, "SMALL", 0)
    with open_executor(2), pytest.raises(BuildError, match=r"1950-01-01-broken\.xml"):
        export.run(load(folder), folder / "output" / "exports")
