"""The statistical model reads each document where it is made (an ingest task, on a worker), and the scan for
unknown names finds exactly what it finds when the model reads every document in one process; a reading that is
not of the document given (other texts) is never used."""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import etree

from editio.build import executor
from editio.build.executor import open_executor
from editio.ingest import api, tasks
from editio.names import ner
from editio.names.suggest import ModelRead, read_with_model, scan_trees

REPO = Path(__file__).resolve().parents[2]
DOCS = sorted(p for p in (REPO / "tei").glob("19*.xml"))



def _docs() -> list[tuple[str, etree._Element]]:
    return [(p.name, etree.parse(str(p)).getroot()) for p in DOCS]


def _found(scan) -> list[tuple]:
    return [(f.kind, f.surface, f.file, f.line, f.evidence) for f in scan.found]


def test_the_model_is_installed():
    assert ner.available() is None, ner.available()


def test_readings_made_beforehand_give_the_same_unknown_names():
    docs = _docs()
    read = [read_with_model(root) for _, root in docs]
    assert all(isinstance(r, ModelRead) and r.texts for r in read)
    assert any(e for r in read for block in r.entities for e in block)  # the model found something
    assert _found(scan_trees(docs, read=read)) == _found(scan_trees(docs))


def test_a_reading_of_other_texts_is_not_used():
    docs = _docs()
    wrong = ner.Entity(0, 5, "Xxxxx", "person")
    stale = [ModelRead(tuple(t + " changed" for t in r.texts), tuple((wrong,) for _ in r.texts))
             for r in (read_with_model(root) for _, root in docs)]
    assert _found(scan_trees(docs, read=stale)) == _found(scan_trees(docs))
    # and a reading that is used is used: garbage with the right texts changes the result
    right_texts = [ModelRead(r.texts, tuple(() for _ in r.texts)) for r in (read_with_model(root) for _, root in docs)]
    assert _found(scan_trees(docs, read=right_texts)) != _found(scan_trees(docs))


def test_ingest_tasks_read_each_document_with_the_model_when_the_run_asks(tmp_path, monkeypatch):
    monkeypatch.setattr(api, "SMALL", 0)
    monkeypatch.setattr(executor, "SMALL", 0)
    summaries = {}
    for name, jobs, model in (("pool", 2, True), ("here", 1, True), ("none", 1, False)):
        folder = tmp_path / name
        (folder / "tei").mkdir(parents=True)
        shutil.copytree(REPO / "sources", folder / "sources")
        for f in ("persons.xml", "places.xml", "orgs.xml"):
            shutil.copy(REPO / "tei" / f, folder / "tei" / f)
        made: list[tasks.Job] = []
        real = tasks.convert
        if jobs == 1:  # a spy in this process (a pool's worker could not take it)
            monkeypatch.setattr(tasks, "convert", lambda job, real=real, made=made: made.append(job) or real(job))
        with open_executor(jobs):
            report = api.ingest(sorted((folder / "sources").glob("*.txt")), folder / "tei", names_model=model)
        summaries[name] = report.unknown_names
        if jobs == 1:
            assert made and all(job.names_model is model for job in made)
            outcome = real(made[0])
            assert all((d.model is not None) is model for d in outcome.documents)
            monkeypatch.setattr(tasks, "convert", real)
        assert not any(s.error for s in report.sources)
    assert summaries["pool"] == summaries["here"]
    assert summaries["here"] is not None
