"""Without Java, RELAX NG falls back to libxml2: same verdicts, fewer errors, and a warning that says so."""

from __future__ import annotations

from pathlib import Path

from editio.check import relaxng

HERE = Path(__file__).resolve().parent


def test_without_java_libxml2_checks_and_warns(check, monkeypatch, edition_fixture):
    monkeypatch.setattr(relaxng, "java_executable", lambda: None)
    bad = HERE / "bad" / "tei-rng.xml"
    report = check([edition_fixture / "places.xml", bad], profile="tei_all")
    assert [(p.rule_id, p.severity) for p in report.problems if p.path == "tei-check"] == [("no-java", "warning")]
    assert report.for_path(str(edition_fixture / "places.xml")) == []
    errors = report.for_path(str(bad))
    assert errors and {p.rule_id for p in errors} == {"tei-rng"}
    assert "jing" in report.for_path("tei-check")[0].message
