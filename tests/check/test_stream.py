"""A large run is judged in windows whose trees are dropped as they are done: the findings are the same as in one
window, in file order, and jing still only reads files that layer 1 found safe."""

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


def test_findings_do_not_depend_on_the_window_size(check, tmp_path, monkeypatch):
    folder = _corpus(tmp_path)
    whole = check([folder], profile="tei_all")
    monkeypatch.setattr(stream, "FIRST_WINDOW", 2)
    monkeypatch.setattr(stream, "WINDOW", 3)
    assert len(list(stream.windows(list(range(14))))) == 5
    windowed = check([folder], profile="tei_all")
    assert windowed.problems == whole.problems and windowed.judged == whole.judged
    assert {p.rule_id for p in windowed.problems} >= {"tei-rng", "xml-wellformed", "xml-external-entity"}
