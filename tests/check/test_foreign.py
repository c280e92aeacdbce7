"""Files from other projects: with --profile tei_all our RELAX NG verdict is jing's own, error for error."""

from __future__ import annotations

from pathlib import Path

import pytest
from jing_lines import jing_lines


@pytest.fixture(scope="module")
def foreign() -> list[Path]:
    files = sorted((Path(__file__).parent / "foreign-tei").glob("*.xml"))
    assert len(files) == 4, "tests/check/foreign-tei/ holds the DraCor file and the three ELTeC files"
    return files


def _jing(tei_all: Path, file: Path) -> list[tuple[int, int, str]]:
    return jing_lines(tei_all, file)


def test_relaxng_verdict_equals_jing_on_each_foreign_file(check, tei_all, foreign):
    report = check(foreign, profile="tei_all")
    verdicts = {}
    for file in foreign:
        ours = [(p.line, p.column, p.message) for p in report.for_path(str(file)) if p.layer == "tei"]
        theirs = _jing(tei_all, file)
        assert ours == theirs, file.name
        verdicts[file.name] = not theirs
    # its README: the DraCor file is valid, the ELTeC ones are not
    assert any(verdicts.values()) and not all(verdicts.values())


def test_no_wellformedness_or_editio_findings_on_foreign_files(check, foreign):
    report = check(foreign, profile="tei_all")
    assert {p.layer for p in report.problems} <= {"tei", "tei-schematron"}
    assert all(p.path in {str(f) for f in foreign} for p in report.problems)


def test_the_embedded_tei_rules_are_checked_where_jing_is_silent(check, tmp_path):
    # valid for RELAX NG, but TEI's own Schematron says @when excludes the other att.datable.w3c attributes
    doc = tmp_path / "dates.xml"
    doc.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>\n"
        '<text><body><p><date when="1950" notBefore="1949">1950</date></p></body></text></TEI>\n')
    report = check([doc], profile="tei_all")
    assert [(p.layer, p.line) for p in report.problems] == [("tei-schematron", 2)]
    assert "@when" in report.problems[0].message
