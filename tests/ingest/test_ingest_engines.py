"""Ingest on the build's executor: the sources convert in this process, on a pool of worker processes or on a
Dask cluster, and tei/ comes out byte for byte the same (the documents, their fingerprints and the ingest record),
with the same messages; a source whose task raises or whose worker dies is named, and the other sources convert."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.ingest import engine_tasks

from editio.build import executor
from editio.build.executor import open_executor
from editio.ingest import api, tasks

REPO = Path(__file__).resolve().parents[2]
AUTHORITY = ("persons.xml", "places.xml", "orgs.xml")
DUPLICATE = "003_ef0383895012df34.txt"  # copied: its document's name is taken, the copy's is '…-2'
UNREADABLE = REPO / "tests" / "ingest" / "sources" / "damaged_cp1252.txt"  # refused at its line 5


def _edition(folder: Path, extra: dict[str, bytes] | None = None) -> Path:
    """The bundled sources, a copy of one of them, a source that cannot be read, and the authority files."""
    (folder / "tei").mkdir(parents=True)
    shutil.copytree(REPO / "sources", folder / "sources", ignore=shutil.ignore_patterns("SHA256SUMS"))
    shutil.copy(folder / "sources" / DUPLICATE, folder / "sources" / "003b_the_same_telegram.txt")
    shutil.copy(UNREADABLE, folder / "sources" / "009_unreadable.txt")
    for name, data in (extra or {}).items():
        (folder / "sources" / name).write_bytes(data)
    for name in AUTHORITY:
        shutil.copy(REPO / "tei" / name, folder / "tei" / name)
    return folder


def _ingest(folder: Path, jobs: int, scheduler: str | None = None) -> api.IngestReport:
    with open_executor(jobs, scheduler):
        return api.ingest(sorted((folder / "sources").glob("*.txt")), folder / "tei", report_orphans=True,
                          progress=False)


def _tei(folder: Path) -> dict[str, bytes]:
    """Every file of tei/, the hidden fingerprints and record among them (the record's warnings name the sources
    by their path: the edition's folder is taken out)."""
    return {p.name: p.read_bytes().replace(str(folder).encode(), b"EDITION")
            for p in sorted((folder / "tei").iterdir())}


def _said(report: api.IngestReport, folder: Path) -> list[str]:
    lines = [line for k, s in enumerate(report.sources) for line in s.problems(f"[{k}]")]
    lines += [f"{w.target.name} {w.state}" for s in report.sources for w in s.written]
    return [line.replace(str(folder), "EDITION") for line in [*lines, report.summary()]]


@pytest.fixture
def every_engine(monkeypatch):
    monkeypatch.setattr(api, "SMALL", 0)  # the pool and Dask even for a handful of sources
    monkeypatch.setattr(executor, "SMALL", 0)
    return (("here", 1, None), ("pool", 2, None), ("dask", 2, "local"))


def test_tei_is_byte_identical_in_process_on_the_pool_and_on_dask(tmp_path, every_engine, monkeypatch):
    made, said = {}, {}
    for name, jobs, scheduler in every_engine:
        folder = _edition(tmp_path / name)
        report = _ingest(folder, jobs, scheduler)
        made[name], said[name] = _tei(folder), _said(report, folder)
    here = made["here"]
    assert "1950-08-28-stalin-to-kim-il-sung-2.xml" in here  # the copy's document, renamed
    assert b'xml:id="doc-1950-08-28-stalin-to-kim-il-sung-2"' in here["1950-08-28-stalin-to-kim-il-sung-2.xml"]
    assert {".editio-generated.json", ".editio-ingest.json"} <= here.keys()
    assert any("009_unreadable.txt:5: error:" in line for line in said["here"])  # the source's own line
    assert made["pool"] == here and made["dask"] == here
    assert said["pool"] == said["here"] and said["dask"] == said["here"]


def test_the_renamed_document_is_what_one_process_always_made(tmp_path):
    """The name made unique after the task (the TEI rewritten from its bytes) gives the file that renaming the
    tree before writing gave: compared with the document of the copy converted on its own."""
    folder = _edition(tmp_path / "both")
    _ingest(folder, 1)
    alone = tmp_path / "alone"
    (alone / "tei").mkdir(parents=True)
    (alone / "sources").mkdir()
    shutil.copy(folder / "sources" / "003b_the_same_telegram.txt", alone / "sources")
    for name in AUTHORITY:
        shutil.copy(REPO / "tei" / name, alone / "tei" / name)
    _ingest(alone, 1)
    renamed = (folder / "tei" / "1950-08-28-stalin-to-kim-il-sung-2.xml").read_text(encoding="utf-8")
    single = (alone / "tei" / "1950-08-28-stalin-to-kim-il-sung.xml").read_text(encoding="utf-8")
    assert renamed == single.replace("1950-08-28-stalin-to-kim-il-sung", "1950-08-28-stalin-to-kim-il-sung-2")


@pytest.mark.parametrize("engine", [(1, None), (2, None), (2, "local")], ids=["here", "pool", "dask"])
def test_a_source_whose_task_raises_or_whose_worker_dies_is_named_and_the_others_convert(
        tmp_path, monkeypatch, engine):
    import dask.config
    import distributed  # noqa: F401 - its defaults first: a set() over a key not yet there removes it on exit

    jobs, scheduler = engine
    monkeypatch.setattr(api, "SMALL", 0)
    monkeypatch.setattr(executor, "SMALL", 0)
    monkeypatch.setattr(tasks, "convert", engine_tasks.convert_or_fail)
    reference = _edition(tmp_path / "reference")
    _ingest(reference, 1)
    sick = {f"005_{engine_tasks.RAISES}": (REPO / "sources" / DUPLICATE).read_bytes()}
    if jobs > 1:  # in this process the death would be the test's
        sick[f"006_{engine_tasks.DIES}"] = (REPO / "sources" / DUPLICATE).read_bytes()
    folder = _edition(tmp_path / "faults", sick)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        report = _ingest(folder, jobs, scheduler)
    errors = {s.source.name: str(s.error) for s in report.sources if s.error is not None}
    assert set(errors) == {*sick, "009_unreadable.txt"}
    assert f"005_{engine_tasks.RAISES}:1: error: the conversion failed: RuntimeError: a fault in the conversion" \
        in errors[f"005_{engine_tasks.RAISES}"]
    if jobs > 1:
        assert errors[f"006_{engine_tasks.DIES}"].endswith(
            "error: the conversion failed: the worker process died while working on it (killed, out of memory or "
            "crashed)")
    documents = {n: d for n, d in _tei(folder).items() if n.startswith("19")}
    assert documents == {n: d for n, d in _tei(reference).items() if n.startswith("19")}


def test_unchanged_sources_are_not_sent_to_the_workers(tmp_path, every_engine, monkeypatch):
    folder = _edition(tmp_path / "ed")
    _ingest(folder, 2)
    before = _tei(folder)
    sent: list[str] = []
    real = executor.LocalPool.map

    def spy(self, fn, items, **kwargs):
        sent.extend(Path(job.path).name for job in items)
        return real(self, fn, items, **kwargs)

    monkeypatch.setattr(executor.LocalPool, "map", spy)
    report = _ingest(folder, 2)
    # only the source that cannot be read is tried again; every other source is said unchanged
    assert sent == ["009_unreadable.txt"]
    assert report.counts() == {"written": 0, "unchanged": 11, "kept": 0}
    assert _tei(folder) == before
