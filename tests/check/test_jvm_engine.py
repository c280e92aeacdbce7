"""The warm JVM engine (jing + Saxon-HE in one multi-threaded JVM) gives exactly the findings of the in-process
engines (jing's own JVM runs + SaxonC): same rule, file, line, column, message and severity, on the edition, on
foreign projects, on broken files of every kind and on the Schematron feature fixtures; without Saxon-HE's jar
the in-process engines judge and the report says so; layer 1's refusals never reach the JVM; a JVM that dies is
reported on the file it was on and the other files are still judged."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from editio.check.api import check_paths
from editio.check.jvm import classes, route
from editio.check.problems import CheckReport

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "tests" / "schematron"))
from reference_cases import cases  # noqa: E402 - the reference engine's cases, shared with tests/schematron

JVM = "jing and Saxon-HE"
IN_PROCESS = "jing and SaxonC (in process)"

ENTITY_FILE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE TEI [ <!ENTITY mdash "&#x2014;"> ]>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Entities &mdash; and an unknown element</title></titleStmt>
    <publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
  <text><body><p>one &mdash; two <unknownThing/></p>
    <p><date when="1950" notBefore="1949">dated twice</date></p></body></text>
</TEI>
"""


def _deep(depth: int) -> str:
    return '<TEI xmlns="http://www.tei-c.org/ns/1.0">' + "<div>" * depth + "</div>" * depth + "</TEI>"


def _engine_files(report: CheckReport) -> int:
    return int(report.timings.get("engine files", 0))


def both(paths, monkeypatch: pytest.MonkeyPatch, **kwargs) -> tuple[CheckReport, CheckReport]:
    """The same check by the JVM engine, then by the in-process engines (no Saxon-HE jar)."""
    kwargs.setdefault("profile", "tei_all")
    monkeypatch.setenv(route.ENGINE_ENV, "jvm")  # small runs too (by default the engine starts from ENGINE_FROM files)
    monkeypatch.delenv(classes.SAXON_ENV, raising=False)
    jvm = check_paths([str(p) for p in paths], **kwargs)
    monkeypatch.setenv(classes.SAXON_ENV, "")
    old = check_paths([str(p) for p in paths], **kwargs)
    monkeypatch.delenv(classes.SAXON_ENV)
    assert jvm.engine.startswith(JVM), jvm.engine
    assert old.engine.startswith(IN_PROCESS), old.engine
    assert _engine_files(old) == 0
    return jvm, old


def test_saxon_he_is_found_here():
    """The tests below compare two engines: a machine without Saxon-HE would compare one with itself."""
    assert classes.why_not() is None, f"install the apt package libsaxonhe-java ({classes.why_not()})"


def test_the_edition_and_foreign_projects_get_the_same_findings(monkeypatch):
    folders = [ROOT / "tei", HERE / "foreign", HERE / "foreign-tei"]
    jvm, old = both(folders, monkeypatch)
    assert jvm.problems == old.problems
    assert jvm.judged == old.judged
    assert _engine_files(jvm) == len(jvm.rechecked) > 20  # every file went to the JVM
    assert {p.layer for p in jvm.problems} >= {"tei"}  # foreign files break tei_all's grammar


def test_broken_files_of_every_kind_get_the_same_findings(monkeypatch, tmp_path):
    entities = tmp_path / "entities.xml"
    entities.write_text(ENTITY_FILE, encoding="utf-8")
    files = [HERE / "bad" / "tei-rng.xml", HERE / "bad" / "tei-schematron.xml", entities,
             *sorted((HERE / "security").glob("*.xml"))]
    jvm, old = both([*files, HERE / "xinclude" / "project"], monkeypatch)
    assert jvm.problems == old.problems
    layers = {p.layer for p in jvm.problems}
    assert {"tei", "tei-schematron", "wellformed"} <= layers, layers
    found = {(p.layer, p.line) for p in jvm.for_path(str(entities))}
    assert ("tei", 6) in found and ("tei-schematron", 7) in found  # both layers judged the DOCTYPE file
    assert _engine_files(jvm) >= 3


def test_standard_input_gets_the_same_findings(monkeypatch):
    data = (HERE / "bad" / "tei-schematron.xml").read_bytes()
    jvm, old = both(["-"], monkeypatch, stdin=data)
    assert jvm.problems == old.problems and any(p.layer == "tei-schematron" for p in jvm.problems)
    assert _engine_files(jvm) == 1


SCHEMATRON_CASES = [c for c in cases() if c.name != "tei_all"]


@pytest.mark.parametrize("case", SCHEMATRON_CASES, ids=[c.name for c in SCHEMATRON_CASES])
def test_schematron_fixtures_through_tei_check_get_the_same_findings(case, monkeypatch):
    """Each reference schema (a project's RELAX NG with embedded rules, or a feature fixture's .sch) given
    with --schema: one grammar and one Schematron, or one Schematron alone, both go to the JVM."""
    jvm, old = both(case.documents, monkeypatch, schemas=[case.source])
    assert jvm.problems == old.problems
    assert _engine_files(jvm) == len(jvm.rechecked) > 0


def test_without_saxon_he_the_in_process_engines_judge_and_the_report_names_them(monkeypatch, tmp_path):
    monkeypatch.setenv(route.ENGINE_ENV, "jvm")
    monkeypatch.setenv(classes.SAXON_ENV, str(tmp_path / "no-such-saxon.jar"))
    report = check_paths([str(HERE / "bad" / "tei-schematron.xml")], profile="tei_all")
    assert report.engine == f"{IN_PROCESS}; the JVM engine was not used: {classes.SAXON_ENV}=" \
                            f"'{tmp_path / 'no-such-saxon.jar'}' is not a file"
    assert any(p.layer == "tei-schematron" for p in report.problems)  # still judged, by SaxonC
    from click.testing import CliRunner

    from editio.check.cli import main
    out = CliRunner().invoke(main, ["--profile", "tei_all", "-v", str(HERE / "bad" / "tei-schematron.xml")])
    assert f"checked by {IN_PROCESS}; the JVM engine was not used" in out.output


@pytest.fixture
def proxy_java(tmp_path, monkeypatch) -> Path:
    """JAVA_HOME pointing at java_proxy.py; returns the log of the files the engine was sent."""
    real = shutil.which("java")
    assert real, "install a Java runtime (apt-get install default-jre-headless)"
    home = tmp_path / "jdk"
    (home / "bin").mkdir(parents=True)
    java = home / "bin" / "java"
    java.write_text(f"#!/bin/sh\nexec {sys.executable} {HERE / 'java_proxy.py'} \"$@\"\n", encoding="utf-8")
    java.chmod(0o755)
    log = tmp_path / "jobs.log"
    log.touch()
    monkeypatch.setenv("JAVA_HOME", str(home))
    monkeypatch.setenv("EDITIO_TEST_REAL_JAVA", real)
    monkeypatch.setenv("EDITIO_TEST_JOBS_LOG", str(log))
    monkeypatch.setenv(route.ENGINE_ENV, "jvm")
    monkeypatch.delenv(classes.SAXON_ENV, raising=False)
    return log


def test_a_file_layer_1_refuses_never_reaches_the_jvm(proxy_java, tmp_path):
    deep = tmp_path / "deep.xml"
    deep.write_text(_deep(100_000), encoding="utf-8")
    good = ROOT / "tei" / sorted(p.name for p in (ROOT / "tei").glob("*.xml"))[0]
    bomb = HERE / "security" / "billion-laughs.xml"
    report = check_paths([str(deep), str(good), str(bomb)], profile="tei_all")
    assert report.engine.startswith(JVM)
    sent = proxy_java.read_text(encoding="utf-8")
    assert str(good.resolve()) in sent
    assert "deep.xml" not in sent and "billion-laughs" not in sent
    assert {p.rule_id for p in report.for_path(str(deep))} and all(
        p.layer == "wellformed" for p in report.for_path(str(deep)))


def test_a_jvm_killed_on_a_file_is_reported_there_and_the_other_files_are_still_judged(proxy_java, tmp_path,
                                                                                        monkeypatch):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("a.xml", "b-kill-the-engine.xml", "c.xml"):
        shutil.copy(HERE / "bad" / "tei-schematron.xml", folder / name)
    shutil.copy(HERE / "bad" / "tei-rng.xml", folder / "d.xml")
    monkeypatch.setenv("EDITIO_TEST_KILL_ON", "kill-the-engine")
    report = check_paths([str(folder)], profile="tei_all", jobs=1)  # one thread: one file in flight
    assert report.engine.startswith(JVM)
    killed = report.for_path(str(folder / "b-kill-the-engine.xml"))
    assert [(p.rule_id, p.severity) for p in killed] == [("check-failed", "error")]
    assert "stopped while judging this file" in killed[0].message
    monkeypatch.delenv("EDITIO_TEST_KILL_ON")
    monkeypatch.setenv(classes.SAXON_ENV, "")
    old = check_paths([str(folder)], profile="tei_all", jobs=1)
    for name in ("a.xml", "c.xml", "d.xml"):  # judged by the JVM started after the first one died
        assert report.for_path(str(folder / name)) == old.for_path(str(folder / name)) != []


def test_a_small_run_stays_in_process_unless_asked(monkeypatch):
    """Below ENGINE_FROM files a cold JVM's compiling of the Schematron costs more than it saves."""
    monkeypatch.delenv(route.ENGINE_ENV, raising=False)
    assert not route.use_engine(route.ENGINE_FROM - 1) and route.use_engine(route.ENGINE_FROM)
    report = check_paths([str(HERE / "bad" / "tei-schematron.xml")], profile="tei_all")
    assert report.engine == IN_PROCESS and _engine_files(report) == 0
    monkeypatch.setenv(route.ENGINE_ENV, "in-process")
    assert not route.use_engine(10 * route.ENGINE_FROM)


HIGHER_ORDER = """<?xml version="1.0" encoding="UTF-8"?>
<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">
  <sch:ns prefix="c" uri="urn:example:catalogue"/>
  <sch:pattern>
    <sch:rule context="c:book">
      <sch:assert test="sum(for-each(@pages, function($p) { xs:integer($p) })) ge 100">Too few pages.</sch:assert>
    </sch:rule>
  </sch:pattern>
</sch:schema>
"""


def test_rules_saxon_he_cannot_compile_are_judged_in_process_with_the_same_findings(monkeypatch, tmp_path):
    """Saxon-HE 9.9 has no higher-order functions (SaxonC has): such a schema is judged by SaxonC."""
    schema = tmp_path / "higher-order.sch"
    schema.write_text(HIGHER_ORDER, encoding="utf-8")
    catalogue = ROOT / "tests" / "schematron" / "fixtures" / "catalogue.xml"
    monkeypatch.setenv(route.ENGINE_ENV, "jvm")
    report = check_paths([str(catalogue)], schemas=[schema])
    assert report.engine.startswith(f"{IN_PROCESS}; the JVM engine could not start: the check engine cannot "
                                    "compile its schemas"), report.engine
    monkeypatch.setenv(classes.SAXON_ENV, "")
    assert report.problems == check_paths([str(catalogue)], schemas=[schema]).problems != []
