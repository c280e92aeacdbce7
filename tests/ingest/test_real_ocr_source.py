"""A real OCR text (tests/ingest/sources/real_ocr/, a scanned CWIHP Bulletin page as Google Books reads it, its
columns read into one another within lines) is taken by `editio ingest --plain` as one document: every word
kept in order, the plain document's warning given and the interleaved columns and stranded text reported, the
names the edition knows tagged."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from editio.cli import main
from editio.ingest import fidelity

REPO = Path(__file__).resolve().parents[2]
OCR = REPO / "tests" / "ingest" / "sources" / "real_ocr" / "cwihp_bulletin_6-7_p59.txt"
TEI = "{http://www.tei-c.org/ns/1.0}"


def test_a_real_ocr_page_converts_as_a_plain_document_with_every_word(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(OCR), "--out", str(tmp_path), "--authorities",
                                       str(REPO / "tei"), "--plain", "--title", "Telegram No. 260 of Mao Zedong",
                                       "--date", "1951-01-15"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "cwihp_bulletin_6-7_p59.txt:1: warning: taken as a plain document" in result.output
    # the page's three columns read into one another: said where it shows, not silently taken as prose
    assert ("cwihp_bulletin_6-7_p59.txt:9: warning: columns read into one another within the line: a word broken "
            "inside the line ('Work- corps')") in result.output
    assert ("cwihp_bulletin_6-7_p59.txt:21: warning: a paragraph begins inside a sentence ('ions: 26 brigade' …)"
            in result.output)
    [doc] = list(tmp_path.glob("*.xml"))
    tree = etree.parse(str(doc))
    source_words = [w for line in OCR.read_text(encoding="utf-8").splitlines() for w in fidelity.WORD.findall(line)]
    assert "".join(source_words) == "".join(fidelity.text_words(tree.find(f"{TEI}text")))
    names = {(e.get("ref"), "".join(e.itertext())) for e in tree.iter(f"{TEI}persName", f"{TEI}placeName")}
    assert {("per:kim-il-sung", "KIM IL SUNG"), ("pla:seoul", "SEOUL"), ("per:mao-zedong", "MAO ZEDONG")} <= names
