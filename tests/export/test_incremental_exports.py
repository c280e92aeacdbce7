"""The exports are incremental: after one edit, that document's exports and the files made from every document
are made again, and nothing else; with nothing changed, nothing is written; a changed stylesheet remakes what it
makes; a build stopped at any moment is finished by the next one. Whatever the history, the exports are byte for
byte those of a build from nothing."""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import shutil
from pathlib import Path

import pytest
from lxml import etree

from editio.build import export
from editio.build.exports import cmif, dts, parts, text
from editio.edition import load

REPO = Path(__file__).resolve().parents[2]
EDITED = "1950-09-27-zakharov-to-stalin.xml"
AGGREGATES = {"cmif.xml", "documents.jsonl", "network/nodes.csv", "network/edges.csv", "dts/index.json",
              "dts/collection.json", "dts/collection/edition.json", "dts/collection/edition/children.json",
              "dts/collection/edition/parents.json"}


def make_edition(folder: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copyfile(REPO / "edition.toml", folder / "edition.toml")
    shutil.copyfile(REPO / "README.md", folder / "README.md")
    shutil.copytree(REPO / "tei", folder / "tei")
    return folder


def build(folder: Path) -> Path:
    out = folder / "output" / "exports"
    export.run(load(folder), out)
    return out


def snapshot(out: Path) -> dict[str, tuple[str, int]]:
    """Every export: its hash and its modification time (what says whether it was written again)."""
    return {p.relative_to(out).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(out.rglob("*")) if p.is_file()}


def contents(out: Path) -> dict[str, str]:
    return {name: digest for name, (digest, _) in snapshot(out).items()}


def edit(folder: Path, old: str = "</p>", new: str = " An added sentence.</p>") -> None:
    tei = folder / "tei" / EDITED
    tei.write_text(tei.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def cold(tmp_path: Path, like: Path) -> dict[str, str]:
    """The exports of a build from nothing of the same edition (tei/ as it is in `like` now)."""
    reference = make_edition(tmp_path / f"cold-{len(list(tmp_path.iterdir()))}")
    shutil.rmtree(reference / "tei")
    shutil.copytree(like / "tei", reference / "tei")
    return contents(build(reference))


def written_again(before: dict[str, tuple[str, int]], after: dict[str, tuple[str, int]]) -> set[str]:
    return {name for name, (_, mtime) in after.items() if before.get(name, (None, None))[1] != mtime}


@pytest.fixture
def built(tmp_path) -> tuple[Path, dict[str, tuple[str, int]]]:
    folder = make_edition(tmp_path / "edition")
    return folder, snapshot(build(folder))


def test_nothing_changed_writes_nothing(built, capsys):
    folder, first = built
    second = snapshot(build(folder))
    assert second == first
    assert "(0 of 10 documents exported again)" in capsys.readouterr().out


def test_an_edit_of_the_text_remakes_that_documents_exports_and_no_aggregate(built, tmp_path, capsys):
    folder, first = built
    edit(folder)
    after = snapshot(build(folder))
    assert "(1 of 10 documents exported again)" in capsys.readouterr().out
    doc_id = "doc-" + EDITED.removesuffix(".xml")
    again = written_again(first, after)
    own = {name for name in again if doc_id in name}
    assert {f"text/{doc_id}.txt", f"dts/document/{doc_id}.xml"} <= own
    assert all(name.startswith("deposit/") for name in again - own), sorted(again - own)  # it holds every file
    assert contents(folder / "output" / "exports") == cold(tmp_path, folder)


def test_an_edit_of_the_title_remakes_the_aggregates_that_say_it(built, tmp_path):
    """The title is in the data record and the DTS collection, not in CMIF: those are made again, cmif.xml is
    not (its parts did not change)."""
    folder, first = built
    edit(folder, "Ciphered telegram from", "Telegram from")
    again = written_again(first, snapshot(build(folder)))
    assert again & AGGREGATES == AGGREGATES - {"cmif.xml", "network/nodes.csv", "network/edges.csv",
                                               "dts/index.json", "dts/collection/edition/parents.json"}
    assert contents(folder / "output" / "exports") == cold(tmp_path, folder)


def test_a_passage_removed_and_a_document_removed_leave_no_file_behind(built, tmp_path):
    folder, _ = built
    tei = folder / "tei" / EDITED
    tree = etree.parse(str(tei))
    paragraphs = tree.findall(".//{http://www.tei-c.org/ns/1.0}body//{http://www.tei-c.org/ns/1.0}p")
    paragraphs[-1].getparent().remove(paragraphs[-1])  # the last passage: its address (pN) is gone
    tree.write(str(tei), encoding="UTF-8", xml_declaration=True)
    passages = len(list((folder / "output" / "exports" / dts.FOLDER / "document" / ("doc-" + tei.stem)).iterdir()))
    (folder / "tei" / "1950-07-13-stalin-to-zhou-enlai.xml").unlink()
    out = build(folder)
    assert not list(out.rglob("*stalin-to-zhou-enlai*"))
    assert len(list((out / dts.FOLDER / "document" / ("doc-" + tei.stem)).iterdir())) == passages - 1
    assert contents(out) == cold(tmp_path, folder)


def test_a_changed_stylesheet_remakes_what_it_makes(built, tmp_path, monkeypatch):
    folder, first = built
    xslt = tmp_path / "xslt"
    shutil.copytree(REPO / "xslt", xslt)
    sheet = xslt / text.KIND.stylesheet
    changed = parts.Kind(text.KIND.name, str(sheet), text.KIND.folder, text.KIND.suffix, published=True)
    monkeypatch.setattr(export, "KINDS", tuple(changed if k is text.KIND else k for k in export.KINDS))
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("</xsl:stylesheet>",
                                                               "<!-- edited -->\n</xsl:stylesheet>"),
                     encoding="utf-8")
    again = written_again(first, snapshot(build(folder)))
    texts = {name for name in first if name.startswith(f"{text.FOLDER}/")}
    assert texts and again == texts


class Stopped(BaseException):
    """The build process stopping at some point of its work (as far as the files can tell)."""


def test_a_build_stopped_at_any_moment_is_finished_by_the_next_one(tmp_path, monkeypatch):
    real = os.replace
    renames = [0]

    def counting(src, dst):
        renames[0] += 1
        return real(src, dst)

    monkeypatch.setattr(os, "replace", counting)
    build(make_edition(tmp_path / "probe"))  # how many renames a build from nothing makes
    folder = make_edition(tmp_path / "edition")
    moments = random.Random(14)
    for n in range(4):
        stop_at, calls = moments.randrange(1, renames[0]), [0]

        def stopping(src, dst, stop_at=stop_at, calls=calls):
            calls[0] += 1
            if calls[0] == stop_at:
                raise Stopped(f"stopped at rename {stop_at}")
            return real(src, dst)

        monkeypatch.setattr(os, "replace", stopping)
        with contextlib.suppress(Stopped):
            build(folder)
        edit(folder, "</p>", f" Sentence {n}.</p>")  # and an edit before the next build: there is work to do
    monkeypatch.setattr(os, "replace", real)
    assert contents(build(folder)) == cold(tmp_path, folder)


def test_the_aggregates_are_made_from_the_parts_not_from_the_documents(built, monkeypatch):
    """With one document changed, cmif.xml and the DTS collection are made without reading the others' TEI:
    their stylesheets are given the parts, never the documents."""
    folder, _ = built
    edit(folder, "Ciphered telegram from", "Telegram from")  # in the DTS collection
    edit(folder, 'when="1950-09-27T08:10:00"', 'when="1950-09-26T08:10:00"')  # the day sent: in CMIF
    given = []
    real_call = type(export.worker_stylesheets({})).call

    def call(self, stylesheet, output=None, template=None, **params):
        given.append((str(stylesheet), params.get("documents", ""), params.get("parts", params.get("members", ""))))
        return real_call(self, stylesheet, output, template, **params)

    monkeypatch.setattr(type(export.worker_stylesheets({})), "call", call)
    build(folder)
    by_sheet = {sheet: (docs, made_from) for sheet, docs, made_from in given}
    for sheet in (cmif.KIND.stylesheet, dts.KIND.stylesheet):
        docs, made_from = by_sheet[sheet]
        assert docs == "" and made_from.count("\n") == 9 and ".work/exports/parts/" in made_from
