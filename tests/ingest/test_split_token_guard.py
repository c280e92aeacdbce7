"""The run-time nothing-lost guard compares tokens, not only characters: a tag that cuts a word of the source
in two (every letter kept) stops the file from being written."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from editio.ingest import pipeline
from editio.ingest.command import run_ingest
from editio.tei import TEI_NS

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "sources" / "002_cd92320a92b46101.txt"


def cut_first_word(tree: etree._ElementTree) -> None:
    """A faulty tagger: wraps the first four letters of the first long word of the text in a persName."""
    for e in tree.getroot().find(f"{{{TEI_NS}}}text").iter():
        text = e.text or ""
        for word in text.split():
            if len(word) > 6 and word.isalpha():
                i = text.index(word)
                name = etree.Element(f"{{{TEI_NS}}}persName")
                name.text, name.tail = word[:4], text[i + 4:]
                e.text = text[:i]
                e.insert(0, name)
                return


def test_a_tag_cutting_a_word_fails_the_nothing_lost_check(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(pipeline.Authorities, "tag", lambda self, tree: cut_first_word(tree))
    said: list[str] = []
    errors = run_ingest([SOURCE], tmp_path, echo=lambda msg="", **kw: said.append(str(msg)))
    assert errors == 1
    assert any("[nothing-lost]" in s and "cuts the word" in s for s in said), said
    assert not list(tmp_path.glob("*.xml"))


def test_the_same_source_tagged_whole_words_passes(tmp_path: Path) -> None:
    for name in ("persons.xml", "places.xml", "orgs.xml"):
        (tmp_path / name).write_bytes((REPO / "tei" / name).read_bytes())
    assert run_ingest([SOURCE], tmp_path, echo=lambda *a, **kw: None) == 0
