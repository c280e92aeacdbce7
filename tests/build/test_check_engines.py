"""tei-check's editio profile on the build's executor: its per-file layers (Schematron, XSD, editio.xsd,
editio.sch) run on the pool or on Dask when the build opens one, and the report is the same as in one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from editio.build import executor
from editio.build.executor import open_executor
from editio.check import api
from editio.check.report import format_text

FIXTURE = Path(__file__).resolve().parents[1] / "check" / "fixtures" / "edition"
ZHOU = "1950-07-13-stalin-to-zhou-enlai"
AUTHORITY = ("persons.xml", "places.xml", "orgs.xml")
# one defect per copy, each found by a different layer (or none): the same findings must come back from every engine
DEFECTS = (
    ("", ""),
    ('<date when="1950-07-13">13 July 1950</date>', '<date when="1950-07-23">13 July 1950</date>'),  # editio.sch
    ('<div type="document">', '<div type="documents">'),  # editio.xsd
    ('<title type="main">', '<title type="main" foo="bar">'),  # tei_all (jing)
    ('who="org:editio"', 'who="org:nobody-known"'),  # a pointer across files (edition.py, in the build process)
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Copies of a fixture document, each with its own ids and one defect, beside the authority files."""
    folder = tmp_path_factory.mktemp("engines") / "tei"
    folder.mkdir()
    for name in AUTHORITY:
        (folder / name).write_bytes((FIXTURE / name).read_bytes())
    text = (FIXTURE / f"{ZHOU}.xml").read_text(encoding="utf-8")
    for k in range(12):
        old, new = DEFECTS[k % len(DEFECTS)]
        assert old in text
        copy = text.replace(old, new, 1).replace(ZHOU, f"{ZHOU}-c{k}")
        (folder / f"{ZHOU}-c{k}.xml").write_text(copy, encoding="utf-8")
    return folder


def _report(corpus: Path, tei_all: Path, jobs: int, scheduler: str | None = None):
    with open_executor(jobs, scheduler):
        return api.check_paths([corpus], profile="editio", tei_schema=tei_all)


def test_the_editio_profile_gives_the_same_report_in_process_on_the_pool_and_on_dask(corpus, tei_all, monkeypatch):
    monkeypatch.setattr(executor, "SMALL", 0)  # the engines even for a dozen files
    here = _report(corpus, tei_all, 1)
    layers = {p.layer for p in here.problems}
    assert {"editio", "tei"} <= layers, layers  # findings of several layers, to compare
    assert {"editio-schema", "editio-date-text"} <= {p.rule_id for p in here.problems}
    assert not any(p.rule_id == "check-failed" for p in here.problems)
    for jobs, scheduler in ((2, None), (2, "local")):
        there = _report(corpus, tei_all, jobs, scheduler)
        assert there.timings["editio jobs"] == 2, scheduler  # the per-file layers ran on the engine's workers
        assert there.problems == here.problems, scheduler
        assert there.judged == here.judged and format_text(there) == format_text(here)


def test_a_small_check_stays_in_the_build_process(corpus, tei_all):
    report = _report(corpus, tei_all, 2)
    assert report.timings["editio jobs"] == 1
