"""Page dumps in the variants real pages show: a title printed above its date."""

from __future__ import annotations

from pathlib import Path

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
