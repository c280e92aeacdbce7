"""`editio ingest FILE --out DIR` still tags names: with DIR's authority files, else the edition's (or an
--authorities folder's), and it says which it used; with none anywhere it says that names stay untagged."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from editio.cli import main

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "sources" / "002_cd92320a92b46101.txt"
AUTHORITY = ("persons.xml", "places.xml", "orgs.xml")


def run(args: list[str], cwd: Path) -> tuple[int, str]:
    """The command run from `cwd` (a folder outside any edition)."""
    import os

    here = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(here)
    return result.exit_code, result.output


def refs(folder: Path) -> int:
    return sum(p.read_text(encoding="utf-8").count('ref="per:') for p in folder.glob("*.xml")
               if p.name not in AUTHORITY)


def test_a_fresh_out_folder_is_tagged_with_the_editions_authority_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, said = run(["--edition", str(REPO), "ingest", str(SOURCE), "--out", str(out)], tmp_path)
    assert code == 0, said
    assert f"names: tagged with the authority files of {REPO / 'tei'}" in said
    assert refs(out) > 50


def test_an_authorities_folder_is_used_when_given(tmp_path: Path) -> None:
    auth = tmp_path / "auth"
    auth.mkdir()
    for name in AUTHORITY:
        shutil.copy(REPO / "tei" / name, auth / name)
    out = tmp_path / "out"
    code, said = run(["ingest", str(SOURCE), "--out", str(out), "--authorities", str(auth)], tmp_path)
    assert code == 0, said
    assert f"authority files of {auth} (--authorities)" in said
    assert refs(out) > 50


def test_with_no_authority_files_anywhere_it_says_names_stay_untagged(tmp_path: Path) -> None:
    src = tmp_path / "doc.txt"
    shutil.copy(SOURCE, src)
    out = tmp_path / "out"
    code, said = run(["--edition", str(tmp_path), "ingest", str(src), "--out", str(out)], tmp_path)
    assert code == 0, said
    assert "warning: names not tagged: no authority files" in said
    assert refs(out) == 0
    assert len(list(out.glob("*.xml"))) == 6


UNSEEN = REPO / "tests" / "ingest" / "sources" / "pagedump_roshchin_1950.txt"


def test_ingest_ends_with_the_names_no_entry_covers(tmp_path: Path) -> None:
    code, said = run(["ingest", str(UNSEEN), "--out", str(tmp_path / "out"), "--authorities", str(REPO / "tei")],
                     tmp_path)
    assert code == 0, said
    # the editors' bracket forms ("Ji'an [Tsian]", "Shenyang [Mukden]") are forms of the names too
    assert "names: 5 mention(s) no authority entry covers (Ji'an, Mukden, Shenyang, Tsian, Vyshinsky): run " \
           "`editio names --suggest`" in said


def test_without_the_name_model_ingest_still_converts_and_tags(tmp_path: Path, monkeypatch) -> None:
    from editio.names import ner

    monkeypatch.setattr(ner, "MODEL_PACKAGES", ("editio_no_such_model",))
    ner._pipeline.cache_clear()
    try:
        out = tmp_path / "out"
        code, said = run(["ingest", str(SOURCE), "--out", str(out), "--authorities", str(REPO / "tei")], tmp_path)
        assert code == 0, said
        assert len(list(out.glob("*.xml"))) == 6 and refs(out) > 50
    finally:
        ner._pipeline.cache_clear()
