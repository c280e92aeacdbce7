"""An incremental check judges again exactly what changed: a changed file alone, every file a changed schema
judges, and its report is the report of a cold run."""

from __future__ import annotations

import shutil
from pathlib import Path

from editio.check import stream

HERE = Path(__file__).resolve().parent


def _break(path: Path) -> None:
    """An element tei_all does not know, in the body: a RELAX NG error on a line of its own."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("<body>", "<body>\n<notATeiElement/>", 1), encoding="utf-8")


def test_an_unchanged_edition_is_not_validated_again(check, scratch_edition, edition_fixture, tmp_path):
    for doc in ("1950-07-13-stalin-to-zhou-enlai.xml", "1951-10-24-mao-zedong-to-stalin.xml"):
        shutil.copy(edition_fixture / doc, scratch_edition / doc)
    store = tmp_path / "verdicts.json"
    cold = check([scratch_edition], profile="editio", verdicts=store)
    assert len(cold.rechecked) == 5 and store.is_file()
    warm = check([scratch_edition], profile="editio", verdicts=store)
    assert warm.rechecked == [] and warm.problems == cold.problems

    changed = scratch_edition / "1951-10-24-mao-zedong-to-stalin.xml"
    _break(changed)
    after = check([scratch_edition], profile="editio", verdicts=store)
    assert after.rechecked == [str(changed)]
    assert after.problems == check([scratch_edition], profile="editio").problems  # a cold run, no store
    assert any(p.path == str(changed) and p.rule_id == "tei-rng" for p in after.problems)


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    shutil.copytree(HERE / "foreign", folder)
    shutil.copy(HERE / "security" / "truncated.xml", folder / "truncated.xml")
    return folder


def test_a_changed_file_alone_is_judged_again_by_the_workers(check, tmp_path, monkeypatch):
    folder = _corpus(tmp_path)
    monkeypatch.setattr(stream, "POOL_FROM", 1)  # worker processes, as a large run has them
    monkeypatch.setattr(stream, "CHUNK", 3)
    store = tmp_path / "verdicts.json"
    cold = check([folder], profile="tei_all", jobs=2, verdicts=store)
    judged = set(cold.judged)
    assert set(cold.rechecked) == judged
    assert check([folder], profile="tei_all", jobs=2, verdicts=store).rechecked == []

    changed = folder / "papyri-bgu.1.10.xml"
    _break(changed)
    after = check([folder], profile="tei_all", jobs=2, verdicts=store)
    assert after.rechecked == [str(changed)]
    assert after.problems == check([folder], profile="tei_all", jobs=1).problems
    assert set(after.judged) == judged  # the stored files are still reported as judged, by the same schemas


def test_a_changed_schema_judges_every_file_again(check, tmp_path, tei_all):
    folder = _corpus(tmp_path)
    schema = tmp_path / "tei_all.rng"
    shutil.copy(tei_all, schema)
    store = tmp_path / "verdicts.json"
    cold = check([folder], profile="tei_all", tei_schema=schema, verdicts=store)
    assert check([folder], profile="tei_all", tei_schema=schema, verdicts=store).rechecked == []
    schema.write_bytes(schema.read_bytes() + b"\n<!-- a new release -->\n")
    again = check([folder], profile="tei_all", tei_schema=schema, verdicts=store)
    assert again.rechecked == cold.rechecked and again.problems == cold.problems


_GRAMMAR = """<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <include href="parts/{part}"/>
  <start><ref name="doc"/></start>
</grammar>
"""
_PART = """<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <define name="doc"><element name="doc">{content}</element></define>
</grammar>
"""


def test_a_changed_part_of_a_schema_judges_its_files_again(check, tmp_path):
    """A customisation's RELAX NG that includes a shared part: editing only the part must re-check the files
    (the key hashes every local file the schema reads, not the schema's own file alone)."""
    (tmp_path / "parts").mkdir()
    schema = tmp_path / "custom.rng"
    schema.write_text(_GRAMMAR.format(part="common.rng"))
    part = tmp_path / "parts" / "common.rng"
    part.write_text(_PART.format(content="<text/>"))
    doc = tmp_path / "a.xml"
    doc.write_text("<doc>text</doc>\n")
    store = tmp_path / "verdicts.json"
    cold = check([doc], schemas=[schema], verdicts=store)
    assert cold.problems == [] and cold.rechecked == [str(doc)]
    assert check([doc], schemas=[schema], verdicts=store).rechecked == []

    part.write_text(_PART.format(content="<empty/>"))  # now the doc element must be empty
    after = check([doc], schemas=[schema], verdicts=store)
    assert after.rechecked == [str(doc)]
    assert [p.rule_id for p in after.problems] == ["rng"]
