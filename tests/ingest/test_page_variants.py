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
