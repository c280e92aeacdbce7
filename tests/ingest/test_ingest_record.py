"""Ingest converts only what changed: an unchanged source under unchanged rules is skipped, with the same result a
full conversion would give — and an editor's hand edit is respected exactly as before."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from editio.cli import main
from editio.ingest import manifest, tasks
from editio.ingest.manifest import RECORD

REPO = Path(__file__).resolve().parents[2]
AUTHORITY = ("persons.xml", "places.xml", "orgs.xml")
ARTICLE = "002_cd92320a92b46101.txt"  # the source of six documents


def _edition(folder: Path) -> Path:
    (folder / "tei").mkdir(parents=True)
    shutil.copytree(REPO / "sources", folder / "sources")
    for name in AUTHORITY:
        shutil.copy(REPO / "tei" / name, folder / "tei" / name)
    return folder


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> Path:
    """The bundled sources ingested once into a fresh edition; each test works on a copy of it."""
    folder = _edition(tmp_path_factory.mktemp("ingested") / "edition")
    result = CliRunner().invoke(main, ["--edition", str(folder), "ingest"])
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture
def edition(ingested: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "edition"
    shutil.copytree(ingested, copy)
    return copy


@pytest.fixture
def conversions(monkeypatch) -> list[str]:
    """The names of the sources ingest converts in this test."""
    seen: list[str] = []
    real = tasks.convert_source

    def spy(path, *args, **kwargs):
        seen.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(tasks, "convert_source", spy)
    return seen


def ingest(edition: Path, *args: str):
    return CliRunner().invoke(main, ["--edition", str(edition), "ingest", *args])


def files(edition: Path) -> dict[str, tuple[bytes, int]]:
    """Every TEI document's bytes and modification time (ns): a file rewritten, even identically, shows."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted((edition / "tei").glob("19*.xml"))}


def test_with_nothing_changed_no_source_is_converted_and_every_document_is_unchanged(edition, conversions):
    before = files(edition)
    result = ingest(edition)
    assert result.exit_code == 0, result.output
    assert conversions == []
    assert "5 sources, 10 documents: 0 written, 10 unchanged, 0 kept as edited; 0 errors" in result.output
    assert files(edition) == before


def test_a_skipped_source_says_its_warnings_again(edition, conversions):
    """A warning does not disappear because nothing changed: the editor still has to act on it."""
    result = ingest(edition)
    assert conversions == []
    assert "warning: the page has no rights statement" in result.output


def test_one_changed_source_rewrites_exactly_its_documents(edition, conversions):
    src = edition / "sources" / "003_ef0383895012df34.txt"
    src.write_text(src.read_text(encoding="utf-8").replace("Verbally transmit", "Verbally transmit the"),
                   encoding="utf-8")
    before = files(edition)
    result = ingest(edition)
    assert result.exit_code == 0, result.output
    assert conversions == [src.name]
    after = files(edition)
    changed = sorted(name for name in after if after[name] != before[name])
    assert changed == ["1950-08-28-stalin-to-kim-il-sung.xml"]
    assert b"Verbally transmit the" in after[changed[0]][0]


def test_the_result_is_byte_for_byte_what_a_full_conversion_gives(edition, tmp_path):
    src = edition / "sources" / ARTICLE
    src.write_text(src.read_text(encoding="utf-8").replace(" the ", " the very ", 1), encoding="utf-8")
    assert ingest(edition).exit_code == 0
    full = _edition(tmp_path / "full")
    shutil.copy(src, full / "sources" / ARTICLE)
    assert ingest(full).exit_code == 0
    assert {k: v[0] for k, v in files(edition).items()} == {k: v[0] for k, v in files(full).items()}


def test_a_changed_authority_file_converts_every_source(edition, conversions):
    persons = edition / "tei" / "persons.xml"
    persons.write_text(persons.read_text(encoding="utf-8") + "<!-- an editor's note -->\n", encoding="utf-8")
    assert ingest(edition).exit_code == 0
    assert len(conversions) == 5


def test_a_changed_rule_table_or_code_file_converts_every_source(edition, conversions, monkeypatch):
    monkeypatch.setattr(manifest, "code_key", lambda: "a rule table was changed")
    assert ingest(edition).exit_code == 0
    assert len(conversions) == 5


def test_every_rule_table_and_code_file_of_ingest_and_names_is_in_the_key(tmp_path, monkeypatch):
    """The key is made from the package's files as they are: each rule table and module is read for it."""
    read: list[Path] = []
    real = Path.read_bytes

    def reading(self):
        read.append(self.resolve())
        return real(self)

    manifest.code_key.cache_clear()
    monkeypatch.setattr(Path, "read_bytes", reading)
    try:
        manifest.code_key()
    finally:
        monkeypatch.undo()
        manifest.code_key.cache_clear()
    scripts = REPO / "scripts" / "editio"
    expected = [*(scripts / "ingest" / "data").glob("*"), *(scripts / "names" / "data").rglob("*.*"),
                *(scripts / "ingest").rglob("*.py"), *(scripts / "names").rglob("*.py"), scripts / "tables.py"]
    assert [p for p in expected if p.is_file() and "__pycache__" not in p.parts and p.resolve() not in read] == []


def test_a_document_renamed_for_a_taken_name_is_skipped_only_while_that_name_is_taken(edition, conversions):
    """Two sources make a document of the same name: the second is '…-2' — and stays so, unconverted, as long as
    the first still takes the name; when the first goes, the second is converted again and takes it."""
    first = edition / "sources" / "003_ef0383895012df34.txt"
    second = edition / "sources" / "003b_the_same_telegram.txt"
    shutil.copy(first, second)
    assert ingest(edition).exit_code == 0
    assert conversions == [second.name]
    result = ingest(edition)
    assert conversions == [second.name]  # not again
    assert "a document named 1950-08-28-stalin-to-kim-il-sung exists already; this one is " \
           "1950-08-28-stalin-to-kim-il-sung-2" in result.output
    first.unlink()
    (edition / "tei" / "1950-08-28-stalin-to-kim-il-sung-2.xml").unlink()
    assert ingest(edition).exit_code == 0
    assert conversions == [second.name, second.name]
    text = (edition / "tei" / "1950-08-28-stalin-to-kim-il-sung.xml").read_text(encoding="utf-8")
    assert 'xml:id="doc-1950-08-28-stalin-to-kim-il-sung"' in text and second.name in text


def test_a_hand_edited_tei_file_is_kept_and_said_as_before(edition, conversions):
    target = edition / "tei" / "1950-08-28-stalin-to-kim-il-sung.xml"
    edited = target.read_text(encoding="utf-8").replace("Verbally transmit", "Verbally (curated) transmit")
    target.write_text(edited, encoding="utf-8")
    result = ingest(edition)
    assert result.exit_code == 0
    assert "kept: edited by hand since it was generated" in result.output
    assert conversions == ["003_ef0383895012df34.txt"]
    assert target.read_text(encoding="utf-8") == edited
    result = ingest(edition)  # and again: the edit is never taken for ingest's own file
    assert "kept: edited by hand since it was generated" in result.output
    assert ingest(edition, "--force").exit_code == 0
    assert "Verbally (curated)" not in target.read_text(encoding="utf-8")


def test_a_deleted_tei_file_is_made_again(edition, conversions):
    target = edition / "tei" / "1950-08-28-stalin-to-kim-il-sung.xml"
    original = target.read_bytes()
    target.unlink()
    assert ingest(edition).exit_code == 0
    assert conversions == ["003_ef0383895012df34.txt"]
    assert target.read_bytes() == original


def test_killed_mid_ingest_it_leaves_the_previous_record_and_the_next_run_finishes_the_job(edition, tmp_path):
    """kill -9 while ingest converts (every source changed by an authority file edit): the record is whole (the
    previous one), no temporary file is left, and the next run gives what an uninterrupted one gives."""
    persons = edition / "tei" / "persons.xml"
    persons.write_text(persons.read_text(encoding="utf-8") + "<!-- an editor's note -->\n", encoding="utf-8")
    uninterrupted = tmp_path / "uninterrupted"
    shutil.copytree(edition, uninterrupted)
    assert ingest(uninterrupted).exit_code == 0
    record_before = (edition / "tei" / RECORD).read_bytes()
    proc = subprocess.Popen([str(Path(sys.executable).with_name("editio")), "--edition", str(edition), "ingest"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    for line in proc.stdout:
        if " → " in line:  # the first document written: mid-ingest
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert (edition / "tei" / RECORD).read_bytes() == record_before
    assert [p.name for p in (edition / "tei").iterdir() if p.name.endswith(".tmp")] == []
    assert ingest(edition).exit_code == 0
    assert {k: v[0] for k, v in files(edition).items()} == {k: v[0] for k, v in files(uninterrupted).items()}
    json.loads((edition / "tei" / RECORD).read_text(encoding="utf-8"))
    assert ingest(edition).output.count("(unchanged)") == 10
