"""`editio export` (and `editio build`) write every export of an edition, after the check."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from editio.cli import main

from .conftest import REPO


def test_editio_export_all_writes_every_export(tmp_path, monkeypatch, tei_all):
    (tmp_path / "tei").mkdir()
    for name in ("persons.xml", "places.xml", "orgs.xml", "1950-09-29-shtykov-to-gromyko.xml"):
        shutil.copy(REPO / "tei" / name, tmp_path / "tei" / name)
    shutil.copy(REPO / "edition.toml", tmp_path / "edition.toml")
    monkeypatch.setenv("EDITIO_TEI_ALL", str(tei_all))
    result = CliRunner().invoke(main, ["--edition", str(tmp_path), "export", "all"])
    assert result.exit_code == 0, result.output
    assert "== check" in result.output and "== export" in result.output
    out = tmp_path / "output" / "exports"
    for name in ("cmif.xml", "documents.jsonl", "network/nodes.csv", "network/edges.csv",
                 "dc/doc-1950-09-29-shtykov-to-gromyko.xml", "text/doc-1950-09-29-shtykov-to-gromyko.txt",
                 "deposit/bagit.txt", "dts/index.json", "deposit/data/corpus.xml", "deposit/data/CITATION.cff"):
        assert (out / name).is_file(), name
    assert "no base_url yet" in result.output


def test_an_invalid_export_stops_the_build(tmp_path, monkeypatch):
    from editio.build import export
    from editio.build.targets import BuildError
    from editio.edition import load

    (tmp_path / "tei").mkdir()
    for name in ("persons.xml", "places.xml", "orgs.xml", "1950-09-29-shtykov-to-gromyko.xml"):
        shutil.copy(REPO / "tei" / name, tmp_path / "tei" / name)
    doc = tmp_path / "tei" / "1950-09-29-shtykov-to-gromyko.xml"
    # a date CMIF and the record schema cannot take: the exports must refuse it, not publish it
    doc.write_text(doc.read_text(encoding="utf-8").replace('<date when="1950-09-29T20:23:00"/>',
                                                           '<date when="29.9.1950"/>'), encoding="utf-8")
    with pytest.raises(BuildError, match=r"problem\(s\) in the exports"):
        export.run(load(tmp_path), tmp_path / "output" / "exports")
