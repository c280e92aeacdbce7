"""A name hyphenated at a line end, as OCR text of a journal page has them, is still the name."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from tests.names.helpers import names_in, tei_doc

from editio.ingest.command import run_ingest
from editio.ingest.layouts.plain import Given
from editio.names.authority import load_authorities
from editio.names.tagging import tag_tree

REPO = Path(__file__).resolve().parents[2]


def test_a_name_broken_at_a_line_end_is_tagged_whole() -> None:
    tree = tei_doc("<p>I met him in Pyong-<lb/>yang; the ambassador in Bei-<lb/>jing wrote to Mao Ze-<lb/>dong.</p>"
                   "<p>A pro- and anti-war man went by Andong-Pyongyang.</p>")
    tag_tree(tree, load_authorities(REPO / "tei"))
    assert [(ref, text) for _, ref, text in names_in(tree)] == [
        ("pla:pyongyang", "Pyong-yang"), ("pla:beijing", "Bei-jing"), ("per:mao-zedong", "Mao Ze-dong"),
        ("pla:andong", "Andong"), ("pla:pyongyang", "Pyongyang"),  # a route between two places stays two names
    ]
    assert "".join(tree.getroot().itertext()).count("Pyong-yang") == 1  # no character changes


def test_the_ocr_page_taken_as_a_plain_document_has_its_broken_names_tagged(tmp_path: Path) -> None:
    tei = tmp_path / "tei"
    tei.mkdir()
    for f in ("persons.xml", "places.xml", "orgs.xml"):
        (tei / f).write_bytes((REPO / "tei" / f).read_bytes())
    source = REPO / "tests" / "ingest" / "sources" / "constructed" / "ocr_journal_page.txt"
    given = Given("Shtykov to Vyshinsky, 12 May 1950", "1950-05-12")
    assert run_ingest([source], tei, echo=lambda *a, **k: None, plain=given) == 0
    [doc] = [p for p in tei.glob("*.xml") if p.name not in ("persons.xml", "places.xml", "orgs.xml")]
    refs = [ref for _, ref, _ in names_in(etree.parse(str(doc)))]
    assert "pla:pyongyang" in refs and "pla:beijing" in refs

