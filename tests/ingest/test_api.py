"""The ingest library: one call converts and writes, and returns a report that says everything without printing."""

from __future__ import annotations

import shutil
from pathlib import Path

from editio.ingest.api import ingest

from .edition import AUTHORITY

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "sources" / "003_ef0383895012df34.txt"


def _folder(tmp_path: Path) -> Path:
    tei = tmp_path / "tei"
    tei.mkdir()
    for name in AUTHORITY:
        shutil.copyfile(REPO / "tei" / name, tei / name)
    return tei


def test_the_report_says_what_became_of_each_document_and_nothing_is_printed(tmp_path, capsys):
    tei = _folder(tmp_path)
    first = ingest([SEED], tei)
    assert first.errors == 0 and first.authorities == tei
    [source] = first.sources
    assert [(w.state, w.target.exists()) for w in source.written] == [("written", True)]
    again = ingest([SEED], tei)
    assert [w.state for s in again.sources for w in s.written] == ["unchanged"]
    target = again.sources[0].written[0].target
    target.write_text(target.read_text(encoding="utf-8") + "<!-- an editor's note -->\n", encoding="utf-8")
    kept = ingest([SEED], tei)
    assert kept.counts() == {"written": 0, "unchanged": 0, "kept": 1}
    assert "0 written, 0 unchanged, 1 kept as edited; 0 errors" in kept.summary()
    assert capsys.readouterr() == ("", "")


def test_a_source_that_cannot_be_read_is_an_error_of_the_report_and_the_others_are_written(tmp_path):
    tei = _folder(tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_text("nothing a layout reader recognises\n", encoding="utf-8")
    report = ingest([bad, SEED], tei)
    assert report.errors == 1
    assert report.sources[0].error is not None and "cannot recognise the layout" in report.sources[0].problems("")[0]
    assert [w.state for w in report.sources[1].written] == ["written"]


def test_no_sources_is_a_setup_error_not_an_exception(tmp_path):
    report = ingest([], _folder(tmp_path))
    assert report.errors == 1 and report.setup_error == "no source files to ingest"


def test_progress_is_reported_once_the_authorities_are_chosen_and_after_each_source(tmp_path):
    seen: list[int] = []
    ingest([SEED, SEED], _folder(tmp_path), on_progress=lambda r: seen.append(len(r.sources)))
    assert seen == [0, 1, 2]
