"""The web edition is the same bytes whichever engine makes its pages: this process, a pool of worker processes,
or a Dask cluster (build/executor.py) — and a document whose page cannot be made is named in the error."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from editio.build import executor, html
from editio.build.executor import open_executor
from editio.build.targets import BuildError
from editio.edition import load

REPO = Path(__file__).resolve().parents[2]


def edition_copy(folder: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copyfile(REPO / "edition.toml", folder / "edition.toml")
    shutil.copytree(REPO / "tei", folder / "tei")
    return folder


def site_files(out: Path) -> dict[str, str]:
    """Every file of the site but Pagefind's index (it varies between any two builds, Pagefind/pagefind#638)."""
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file() and "pagefind" not in p.relative_to(out).parts}


def test_every_page_is_byte_identical_on_every_engine(tmp_path, monkeypatch):
    monkeypatch.setattr(executor, "SMALL", 0)  # the pool and Dask even for the edition's few documents
    made = {}
    for name, jobs, scheduler in (("here", 1, None), ("pool", 2, None), ("dask", 2, "local")):
        edition = load(edition_copy(tmp_path / name))
        with open_executor(jobs, scheduler):
            html.run(edition, edition.output / "html")
        made[name] = site_files(edition.output / "html")
    pages = [name for name in made["here"] if name.startswith("doc-") and name.endswith(".html")]
    assert len(pages) == len(load(REPO).documents())
    assert made["here"] == made["pool"] == made["dask"]


def test_a_document_that_cannot_be_read_is_named_and_the_others_are_made(tmp_path, monkeypatch):
    folder = edition_copy(tmp_path / "ed")
    broken = folder / "tei" / "1950-12-31-broken.xml"
    broken.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="doc-broken"><teiHeader><unclosed></TEI>',
                      encoding="utf-8")
    edition = load(folder)
    assert broken in edition.documents()
    monkeypatch.setattr(executor, "SMALL", 0)
    with open_executor(2), pytest.raises(BuildError, match=r"html: summary: 1950-12-31-broken\.xml: "):
        html.run(edition, edition.output / "html")
    # the other documents were worked on all the same
    made = {p.name for p in (edition.output / ".work" / "html" / "summaries").glob("*.xml")}
    assert made == {f"doc-{tei.stem}.xml" for tei in edition.documents() if tei != broken}


def test_the_site_pages_are_the_same_bytes_made_in_one_transformation_or_one_per_page(tmp_path, monkeypatch):
    """A large edition's build makes each site page (home, each index, map, correspondence, archives, search) in
    a transformation of its own, so that one page's trees are freed before the next (memory, bench/RESULTS.md);
    a small one makes them all in one. Both give the same pages, and the same set of files."""
    made = {}
    for name, small in (("one", 10_000), ("parts", 0)):
        monkeypatch.setattr(executor, "SMALL", small)
        edition = load(edition_copy(tmp_path / name))
        with open_executor(1):
            html.run(edition, edition.output / "html")
        made[name] = site_files(edition.output / "html")
    assert made["one"] == made["parts"]
    assert {"index.html", "persons.html", "places.html", "orgs.html", "map.html", "correspondence.html",
            "archives.html", "search.html"} <= set(made["parts"])
    assert not [n for n in made["parts"] if n.rsplit("/", 1)[-1].startswith(".")]  # no principal results left
