"""`editio build`: ingest then check; an invalid edition is not published."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from editio.cli import main

REPO = Path(__file__).resolve().parents[1]
SEED = "003_ef0383895012df34.txt"


@pytest.fixture
def project(tmp_path, monkeypatch, tei_all) -> Path:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "sources").mkdir()
    shutil.copy(REPO / "sources" / SEED, tmp_path / "sources" / SEED)
    (tmp_path / "tei").mkdir()
    for name in ("persons.xml", "places.xml", "orgs.xml"):
        shutil.copy(REPO / "tei" / name, tmp_path / "tei" / name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("EDITIO_TEI_ALL", str(tei_all))
    return tmp_path


def test_build_ingests_and_checks_a_valid_edition(project):
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert "edition built" in result.output
    assert (project / "tei" / "1950-08-28-stalin-to-kim-il-sung.xml").exists()
    import json

    report = json.loads((project / "output" / "reports" / "tei-check.json").read_text(encoding="utf-8"))
    assert report["ok"] is True and report["files"] == 4  # one document and the three authority files
    assert (project / "output" / "reports" / "tei-check.junit.xml").read_text(encoding="utf-8").startswith("<?xml")


def test_build_refuses_to_publish_an_invalid_edition(project):
    CliRunner().invoke(main, ["build"])
    doc = project / "tei" / "1950-08-28-stalin-to-kim-il-sung.xml"
    doc.write_text(doc.read_text(encoding="utf-8").replace('ref="per:kim-il-sung"', 'ref="per:kim-ir-sen"'),
                   encoding="utf-8")  # an editor's slip: a pointer to nobody
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "kept: edited by hand" in result.output
    assert "tei/1950-08-28-stalin-to-kim-il-sung.xml:" in result.output and "kim-ir-sen" in result.output
    assert "build stopped: the edition is not valid" in result.output


def test_sources_are_the_seeds_byte_for_byte():
    # sources/SHA256SUMS records the seeds' checksums as received (sha256sum format)
    sums = (REPO / "sources" / "SHA256SUMS").read_text(encoding="ascii").splitlines()
    listed = {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in sums}
    assert sorted(listed) == sorted(p.name for p in (REPO / "sources").glob("*.txt"))
    for name, digest in listed.items():
        assert hashlib.sha256((REPO / "sources" / name).read_bytes()).hexdigest() == digest, name


def test_build_ingests_through_the_library_not_the_ingest_command(project, monkeypatch):
    import editio.ingest.command

    def refuse(*args, **kwargs):
        raise AssertionError("editio build called the ingest command's module")

    monkeypatch.setattr(editio.ingest.command, "run_ingest", refuse)
    monkeypatch.setattr(editio.ingest.command, "ingest_sources", refuse)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert "ingest: 1 sources, 1 documents: 1 written" in result.output
