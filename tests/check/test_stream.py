"""A large run is judged by workers in chunks, jing in windows, and nothing of a file is kept once it is judged:
the findings are those of one run in one process, in file order, and jing still only reads files that layer 1
found safe."""

from __future__ import annotations

import shutil
from pathlib import Path

from editio.check import stream

HERE = Path(__file__).resolve().parent


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    shutil.copytree(HERE / "foreign", folder)
    shutil.copy(HERE / "security" / "truncated.xml", folder / "truncated.xml")
    shutil.copy(HERE / "security" / "xxe-file.xml", folder / "xxe-file.xml")
    return folder


def test_findings_do_not_depend_on_windows_chunks_or_workers(check, tmp_path, monkeypatch):
    folder = _corpus(tmp_path)
    whole = check([folder], profile="tei_all", jobs=1)
    assert whole.timings["jobs"] == 1
    monkeypatch.setattr(stream, "FIRST_WINDOW", 2)
    monkeypatch.setattr(stream, "WINDOW", 3)
    monkeypatch.setattr(stream, "CHUNK", 2)
    monkeypatch.setattr(stream, "POOL_FROM", 1)  # two worker processes, however few the files
    assert len(stream.chunks(list(range(14)), 4)) == 4
    pooled = check([folder], profile="tei_all", jobs=2)
    assert pooled.timings["jobs"] == 2
    assert pooled.problems == whole.problems and pooled.judged == whole.judged
    assert {p.rule_id for p in pooled.problems} >= {"tei-rng", "xml-wellformed", "xml-external-entity"}


def test_a_small_run_stays_in_this_process(check, edition_fixture):
    assert check([edition_fixture], profile="tei_all").timings["jobs"] == 1
