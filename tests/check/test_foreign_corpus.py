"""Unseen TEI from other projects (tests/check/foreign/): with --profile tei_all, tei-check's RELAX NG findings are
jing's own, error for error, and its embedded-Schematron findings are the ones recorded after reading each rule."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest
from jing_lines import jing_lines

FOREIGN = Path(__file__).resolve().parent / "foreign"
FILES = sorted(FOREIGN.glob("*.xml"))
HEAD = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>\n"
        "<text><body>\n")
TAIL = "\n</body></text></TEI>\n"


def _jing(tei_all: Path, file: Path) -> list[tuple[int, int, str]]:
    # jing lists a duplicate ID before its first occurrence; our report is sorted by line
    return sorted(jing_lines(tei_all, file))


def _expected() -> set[tuple[str, int, str]]:
    with (FOREIGN / "EXPECTED-schematron.tsv").open(encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    return {(name, int(line), rule) for name, line, rule in rows[1:]}


@pytest.fixture(scope="module")
def corpus_report(tei_all):
    from editio.check.api import check_paths
    started = time.perf_counter()
    report = check_paths([str(f) for f in FILES], profile="tei_all", tei_schema=tei_all)
    report.wall = time.perf_counter() - started  # printed with -rA for bench/RESULTS.md, never asserted
    return report


def test_the_corpus_is_varied_and_documented():
    assert len(FILES) >= 12
    readme = (FOREIGN / "README.md").read_text(encoding="utf-8")
    assert all(f.name in readme for f in FILES)


@pytest.mark.parametrize("file", FILES, ids=[f.name for f in FILES])
def test_relaxng_findings_are_jings_own(corpus_report, tei_all, file):
    # jing does not expand XInclude; tei-check does: an include whose file is not in the corpus is one
    # xinclude-missing error at its line instead of jing's 'element "include" not allowed here'
    missing = {p.line for p in corpus_report.for_path(str(file)) if p.rule_id == "xinclude-missing"}
    ours = sorted((p.line, p.column, p.message) for p in corpus_report.for_path(str(file)) if p.layer == "tei")
    theirs = _jing(tei_all, file)
    assert ours == [t for t in theirs if not (t[0] in missing and 'element "include"' in t[2])]
    assert {t[0] for t in theirs if 'element "include"' in t[2]} == missing


def test_the_corpus_has_valid_and_invalid_files(corpus_report):
    invalid = {p.path for p in corpus_report.problems if p.layer == "tei"}
    assert 0 < len(invalid) < len(FILES)


def test_schematron_findings_are_the_verified_ones(corpus_report):
    found = {(Path(p.path).name, p.line, p.rule_id) for p in corpus_report.problems if p.layer == "tei-schematron"}
    assert found == _expected()
    assert {p.layer for p in corpus_report.problems} <= {"tei", "tei-schematron", "xinclude"}
    print(f"\n{len(FILES)} foreign files checked in {corpus_report.wall:.2f} s")


def test_an_error_inside_an_entity_is_reported_as_jing_reports_it(check, tei_all, tmp_path):
    # jing names no file for it ("(unknown file):1:77"): it used to be dropped, or to stop the run
    doc = tmp_path / "entity.xml"
    doc.write_text('<!DOCTYPE TEI [\n<!ENTITY rel \'<listPerson><person xml:id="p1"/><bogus/></listPerson>\'>\n]>\n'
                   + HEAD + "<p>x</p>\n&rel;" + TAIL)
    ours = [(p.line, p.column, p.message) for p in check([doc], profile="tei_all").problems if p.layer == "tei"]
    assert ours == _jing(tei_all, doc) and len(ours) == 1


def test_schematron_sees_entity_content_in_the_tei_namespace(check, tmp_path):
    doc = tmp_path / "entity.xml"
    doc.write_text('<!DOCTYPE TEI [\n<!ENTITY rel \'<listPerson><relation name="x" passive="#a"/></listPerson>\'>'
                   "\n]>\n" + HEAD + "<p>x</p>\n&rel;" + TAIL)
    found = [(p.line, p.rule_id) for p in check([doc], profile="tei_all").problems if p.layer == "tei-schematron"]
    assert found == [(5, "tei_all-relation-active-passive-constraint-rule-55")]  # the line of <body>


def test_old_mac_line_ends_give_jings_line_numbers(check, tmp_path):
    doc = tmp_path / "cr.xml"
    text = HEAD + "<p>x</p>\n<listPerson>\n<relation name='x' passive='#a'/></listPerson>" + TAIL
    doc.write_bytes(text.replace("\n", "\r").encode())
    assert [p.line for p in check([doc], profile="tei_all").problems if p.layer == "tei-schematron"] == [5]
