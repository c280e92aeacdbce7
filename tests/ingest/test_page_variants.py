"""Page dumps in the variants real pages show: a title printed above its date."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from editio.ingest.pipeline import Authorities, convert_source
from editio.tei import NS

SOURCES = Path(__file__).parent / "sources"
REPO = Path(__file__).resolve().parents[2]


def test_a_title_printed_above_its_date_is_the_title_and_the_text_starts_below_the_date():
    (doc,) = convert_source(SOURCES / "variant_title_above_date_pagedump.txt", Authorities(REPO / "tei"))
    assert doc.failures == []
    assert doc.stem == "1950-10-03-roshchin-to-stalin"
    t = doc.tree
    title = "".join(t.xpath("//tei:titleStmt/tei:title[@type='main']", namespaces=NS)[0].itertext())
    assert title == "Ciphered telegram from Roshchin to Filippov [Stalin]"
    assert t.xpath("//tei:notesStmt", namespaces=NS) == []  # the title is not a leftover note
    first = t.xpath("//tei:text//tei:ab", namespaces=NS)[0]
    assert "".join(first.itertext()) == "CIPHERED TELEGRAM No. 25100"


def test_a_markdown_exports_fields_after_the_contents_stay_out_of_the_text():
    (doc,) = convert_source(SOURCES / "variant_markdown_trailing_fields.txt", Authorities(REPO / "tei"))
    assert doc.failures == []
    t = doc.tree
    text = " ".join("".join(e.itertext()) for e in t.xpath("//tei:text", namespaces=NS))
    assert "Related" not in text and "Zhou Enlai" not in text  # another record's entry is not this document
    notes = " ".join("".join(e.itertext()) for e in t.xpath("//tei:notesStmt/tei:note", namespaces=NS))
    assert "Zhou Enlai or Mao Zedong" in notes  # kept, in the header
    assert t.xpath("string(//tei:availability/tei:licence[1])", namespaces=NS).strip().startswith("The History")


def test_an_article_whose_headings_carry_the_title_on_the_next_line_gives_the_same_documents():
    variant = convert_source(SOURCES / "variant_article_title_below_heading.txt", Authorities(REPO / "tei"))
    seed = convert_source(REPO / "sources" / "002_cd92320a92b46101.txt", Authorities(REPO / "tei"))
    assert [c.stem for c in variant] == [c.stem for c in seed]
    for v, s in zip(variant, seed, strict=True):
        assert v.failures == []
        title = "string(//tei:titleStmt/tei:title[@type='main'])"
        assert v.tree.xpath(title, namespaces=NS) == s.tree.xpath(title, namespaces=NS)
        body = "//tei:text"
        assert [etree.tostring(e) for e in v.tree.xpath(body, namespaces=NS)] == [
            etree.tostring(e) for e in s.tree.xpath(body, namespaces=NS)]
