"""Editors hand-correct tei/: re-running ingest never overwrites their work unless told to, and writes are atomic."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from click.testing import CliRunner

from editio.cli import main
from editio.ingest.manifest import RECORD
from editio.ingest.writer import MANIFEST

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "sources" / "003_ef0383895012df34.txt"
STEM = "1950-08-28-stalin-to-kim-il-sung"


def ingest(*args: str):
    return CliRunner().invoke(main, ["ingest", *args])


def test_a_hand_edited_file_is_kept_and_named(tmp_path):
    assert ingest(str(SOURCE), "--out", str(tmp_path)).exit_code == 0
    target = tmp_path / f"{STEM}.xml"
    edited = target.read_text(encoding="utf-8").replace("Verbally transmit", "Verbally (curated) transmit")
    target.write_text(edited, encoding="utf-8")
    result = ingest(str(SOURCE), "--out", str(tmp_path))
    assert result.exit_code == 0
    assert "kept: edited by hand" in result.output and STEM in result.output
    assert target.read_text(encoding="utf-8") == edited


def test_force_overwrites_a_hand_edited_file(tmp_path):
    ingest(str(SOURCE), "--out", str(tmp_path))
    target = tmp_path / f"{STEM}.xml"
    original = target.read_bytes()
    target.write_bytes(original.replace(b"Verbally transmit", b"Verbally (curated) transmit"))
    assert ingest(str(SOURCE), "--out", str(tmp_path), "--force").exit_code == 0
    assert target.read_bytes() == original


def test_an_unchanged_generated_file_is_regenerated_silently(tmp_path):
    ingest(str(SOURCE), "--out", str(tmp_path))
    result = ingest(str(SOURCE), "--out", str(tmp_path))
    assert "(unchanged)" in result.output
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    assert set(manifest) == {f"{STEM}.xml"}


def test_writes_leave_no_temporary_files(tmp_path):
    ingest(str(SOURCE), "--out", str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([MANIFEST, RECORD, f"{STEM}.xml"])


def test_a_source_that_cannot_be_read_is_an_error_with_file_and_line_and_the_others_still_convert(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Title\nsome text\n\xe9t\xe9".encode("cp1252"))
    out = tmp_path / "tei"
    result = CliRunner().invoke(main, ["ingest", str(bad), str(SOURCE), "--out", str(out)])
    assert result.exit_code == 1
    assert f"{bad}:3: error: the file is not UTF-8" in result.output
    assert (out / f"{STEM}.xml").exists()
    assert not list(out.glob("bad*"))


def test_empty_and_binary_files_are_refused_clearly(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = CliRunner().invoke(main, ["ingest", str(empty), str(binary), "--out", str(tmp_path / "tei")])
    assert result.exit_code == 1
    assert f"{empty}:1: error: the file is empty" in result.output
    assert f"{binary}:3: error: this is a binary file" in result.output  # the first NUL byte is on line 3
    assert not (tmp_path / "tei").exists() or not list((tmp_path / "tei").glob("*.xml"))


def test_a_document_with_no_date_is_an_error_naming_it(tmp_path):
    src = tmp_path / "undated.txt"
    src.write_text(
        "## A telegram\n\n**Citation:**\n\nno date here\n\n**Contents:**\n\n"
        "To Comrade X\n\nSome text without any date.\n"
    )
    result = CliRunner().invoke(main, ["ingest", str(src), "--out", str(tmp_path / "tei")])
    assert result.exit_code == 1
    assert f"{src}:" in result.output and "has no date" in result.output


def test_a_generated_file_that_no_source_makes_any_more_is_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / SOURCE.name).write_bytes(SOURCE.read_bytes())
    assert ingest().exit_code == 0
    stale = tmp_path / "tei" / f"{STEM}.xml"
    renamed = tmp_path / "tei" / "1950-08-28-old-name.xml"
    stale.rename(renamed)
    manifest = json.loads((tmp_path / "tei" / MANIFEST).read_text())
    manifest[renamed.name] = manifest.pop(stale.name)
    (tmp_path / "tei" / MANIFEST).write_text(json.dumps(manifest))
    result = ingest()
    assert "tei/1950-08-28-old-name.xml:1: warning: generated earlier but made by no source now" in result.output


def test_an_undated_document_of_an_article_is_refused_alone(tmp_path):
    text = (REPO / "sources" / "002_cd92320a92b46101.txt").read_text(encoding="utf-8")
    text = text.replace("Document 2: Vasilevsky to Stalin, 23 September 1950", "Document 2: Vasilevsky to Stalin")
    text = text.replace('"23" September 1950', "the next day").replace("September 24", "the next day")
    text = text.replace("October 1-2", "soon").replace("October 3", "soon")
    text = text.replace("from September 25 to September 30", "soon")
    src = tmp_path / "article.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "tei"
    result = CliRunner().invoke(main, ["ingest", str(src), "--out", str(out)])
    assert result.exit_code == 1
    assert "has no date" in result.output and "document-2 not written" in result.output
    assert len(list(out.glob("1950-*.xml"))) == 5


def test_a_utf16_file_is_named_as_such(tmp_path):
    src = tmp_path / "utf16.txt"
    src.write_bytes("July 13, 1950\nTelegram from A to B\n".encode("utf-16"))
    result = CliRunner().invoke(main, ["ingest", str(src), "--out", str(tmp_path / "tei")])
    assert result.exit_code == 1 and f"{src}:1: error: the file is UTF-16, not UTF-8" in result.output


def test_a_document_dated_only_under_its_signature_takes_that_date(tmp_path):
    text = (REPO / "sources" / "002_cd92320a92b46101.txt").read_text(encoding="utf-8")
    text = text.replace("Document 6: Ciphered Telegram, DPRK leader Kim Il Sung and South Korean Communist leader "
                        "Pak Hon-Yong to Stalin (via Shtykov), 29 September 1950",
                        "Document 6: Ciphered Telegram, DPRK leader Kim Il Sung and South Korean Communist leader "
                        "Pak Hon-Yong to Stalin (via Shtykov)")
    for old in ("09/30/50", "10/01/50", "10.01.50", "16.9.50"):
        text = text.replace(old, "that day")
    src = tmp_path / "article.txt"
    src.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(src), "--out", str(tmp_path / "tei")])
    assert result.exit_code == 0, result.output
    assert "taken from its closing dateline" in result.output
    assert (tmp_path / "tei" / "1950-09-29-kim-il-sung-to-stalin.xml").exists()


def test_a_write_interrupted_half_way_leaves_the_old_file_intact(tmp_path, monkeypatch):
    """Writes go to a temporary file renamed over the target: a crash before the new bytes are safely on disk
    (here: the flush to disk fails) leaves the old file whole, and no temporary file behind. A writer that wrote
    in place would have changed the file by then."""
    import os

    from editio.ingest import writer

    assert ingest(str(SOURCE), "--out", str(tmp_path)).exit_code == 0
    target = tmp_path / f"{STEM}.xml"
    before = target.read_bytes()
    manifest = writer.Manifest(tmp_path)

    def crash(fd):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", crash)
    with contextlib.suppress(OSError):
        writer.write_generated(target, before.replace(b"Verbally transmit", b"Verbally (new) transmit"), manifest,
                               force=True)
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_any_change_to_a_generated_file_makes_it_curated_and_only_an_untouched_one_is_generated(tmp_path):
    """The fingerprint comparison is equality: a record that differs in any way (whatever its order) is an edit."""
    from editio.ingest import writer

    target = tmp_path / "doc.xml"
    manifest = writer.Manifest(tmp_path)
    assert manifest.state(target) == "new"
    assert writer.write_generated(target, b"<TEI/>\n", manifest) == "written"
    assert manifest.state(target) == "generated"
    for recorded in ("0" * 64, "f" * 64):  # below and above the file's real fingerprint
        manifest.entries[target.name] = recorded
        assert manifest.state(target) == "curated", recorded


def test_new_bytes_are_written_whatever_their_order_against_the_old(tmp_path):
    """'unchanged' means the same bytes, not bytes that sort after them."""
    from editio.ingest import writer

    manifest = writer.Manifest(tmp_path)
    target = tmp_path / "doc.xml"
    for old, new in ((b"<b/>\n", b"<a/>\n"), (b"<a/>\n", b"<b/>\n")):
        target.unlink(missing_ok=True)
        manifest.entries.clear()
        writer.write_generated(target, old, manifest)
        assert writer.write_generated(target, new, manifest) == "written" and target.read_bytes() == new
        assert writer.write_generated(target, new, manifest) == "unchanged"
