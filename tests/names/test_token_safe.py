"""A name tag never starts or ends inside a word: in every document of the edition, on constructed examples,
and in the run-time nothing-lost guard of ingest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from tests.names.helpers import TEI, names_in, tei_doc, text_of, write_authorities

from editio.ingest.fidelity import split_words
from editio.names.authority import load_authorities
from editio.names.occurrences import document_files
from editio.names.tagging import tag_tree

REPO = Path(__file__).resolve().parents[2]
NAMES = ("persName", "placeName", "orgName")
MARK, EDGE = "\ue000", "\ue001"  # private-use characters: in no text


def cut_words(root: etree._Element) -> list[str]:
    """Words a name tag edge falls inside: the text read with a mark at every name tag edge (and another at the
    edges of every other element, which part words anyway), name marks between two word characters."""
    copy = etree.fromstring(etree.tostring(root))
    names = {f"{{{TEI}}}{n}" for n in NAMES}
    for e in copy.iter():
        if isinstance(e.tag, str):
            mark = MARK if e.tag in names else EDGE
            e.text = mark + (e.text or "")
            e.tail = mark + (e.tail or "")
    return re.findall(rf"\w+{MARK}+\w+", "".join(copy.itertext()))


@pytest.mark.parametrize("path", document_files(REPO / "tei"), ids=lambda p: p.stem)
def test_no_tag_boundary_of_a_document_falls_inside_a_word(path: Path) -> None:
    assert cut_words(etree.parse(str(path)).getroot()) == []


@pytest.fixture()
def auth(tmp_path: Path):
    return load_authorities(write_authorities(
        tmp_path, '<person xml:id="kim"><persName type="main">Kim</persName></person>', "",
        '<org xml:id="mdgs"><orgName type="main">8th MDGS</orgName></org>'))


def test_a_note_number_glued_to_a_name_goes_inside_the_tag(auth) -> None:
    tree = tei_doc("<p>Arrived in the 8th MDGS2 on 27.9.50.</p>")
    before = text_of(tree)
    tag_tree(tree, auth)
    assert text_of(tree) == before
    assert names_in(tree) == [("orgName", "org:mdgs", "8th MDGS2")]
    assert cut_words(tree.getroot()) == []


def test_a_form_inside_a_longer_word_is_not_tagged(auth) -> None:
    tree = tei_doc("<p>Kimpo airfield; Kim's letter; KimKim; x8th MDGS.</p>")
    tag_tree(tree, auth)
    assert names_in(tree) == [("persName", "per:kim", "Kim")]
    assert cut_words(tree.getroot()) == []


def test_the_guard_catches_a_tag_that_cuts_a_word() -> None:
    tree = tei_doc('<p>Arrived in the <orgName ref="org:x">8th MDGS</orgName>2 on '
                   '<persName ref="per:y">Kim</persName>po and <placeName>Seoul</placeName>.</p>')
    failures = split_words(tree.getroot())
    assert [f.message for f in failures] == [
        "the <orgName> tag around '8th MDGS' cuts the word 'MDGS2' of the source in two",
        "the <persName> tag around 'Kim' cuts the word 'Kimpo' of the source in two",
    ]


def test_a_hyphenated_name_is_one_word_but_a_route_is_two(tmp_path: Path) -> None:
    auth = load_authorities(write_authorities(
        tmp_path, '<person xml:id="pak"><persName type="main">Pak Heon</persName></person>',
        '<place xml:id="andong"><placeName type="main">Andong</placeName></place>'
        '<place xml:id="pyongyang"><placeName type="main">Pyongyang</placeName></place>'))
    tree = tei_doc("<p>Pak Heon-yeong took the route Andong-Pyongyang; Pak Heon left.</p>")
    tag_tree(tree, auth)
    assert names_in(tree) == [("placeName", "pla:andong", "Andong"), ("placeName", "pla:pyongyang", "Pyongyang"),
                              ("persName", "per:pak", "Pak Heon")]
    assert cut_words(tree.getroot()) == []
