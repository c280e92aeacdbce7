"""Valid files pass: the mini-edition fixture, and the edition's own tei/ once it exists."""

from __future__ import annotations

from pathlib import Path


def test_the_mini_edition_is_valid_in_every_layer(check, edition_fixture):
    report = check([edition_fixture])
    assert report.files == 5
    assert report.errors == 0, report.problems
    # the one document whose source names no archival copy gets the (non-failing) msDesc warning
    assert [(Path(p.path).name, p.rule_id) for p in report.problems] == [
        ("1951-10-24-mao-zedong-to-stalin.xml", "editio-msdesc")]
    assert report.ok


def test_the_fixture_is_also_valid_for_tei_all_alone(check, edition_fixture):
    report = check([edition_fixture], profile="tei_all")
    assert report.problems == []


def test_the_editions_own_tei_folder_passes(check, repo_root):
    documents = sorted((repo_root / "tei").glob("*.xml"))
    assert documents, "tei/ holds no files (run editio ingest)"
    report = check([repo_root / "tei"])
    assert report.files == len(documents)
    assert [p for p in report.problems if p.severity == "error"] == []
