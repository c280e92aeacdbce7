"""The archive's record exported as PDF converts: `editio ingest FILE.pdf` reads its text layer (pypdf), the
PDF-export layout takes its blocks and unwraps its print lines, and words a text extraction loses are reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from editio.cli import main
from editio.ingest import fidelity, pdf
from editio.ingest.model import SourceError
from editio.ingest.pdf import lost_words, read_pdf

REPO = Path(__file__).resolve().parents[2]
PDF = REPO / "tests" / "ingest" / "sources" / "pdf" / "record_export_roshchin_1950.pdf"
TEI = "{http://www.tei-c.org/ns/1.0}"


def ingest(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["ingest", *args, "--authorities", str(REPO / "tei")],
                                catch_exceptions=False)
    return result.exit_code, result.output


def check_document(folder: Path) -> etree._ElementTree:
    [doc] = [p for p in folder.glob("*.xml")]
    assert doc.name == "1950-10-08-roshchin-to-stalin.xml"
    tree = etree.parse(str(doc))
    assert "".join(tree.find(f".//{TEI}titleStmt/{TEI}title").itertext()) == (
        "Ciphered Telegram from Roshchin to Filippov [Stalin], transmitting a message from Zhou Enlai")
    assert "Fond 059a" in "".join(tree.find(f".//{TEI}sourceDesc").itertext())
    assert "Chinese troops have concentrated" in "".join(tree.find(f".//{TEI}abstract").itertext())
    paragraphs = [" ".join(fidelity.text_words(p)) for p in tree.iter(f"{TEI}p")]  # the edition's notes left out
    assert ("On 7 October at 23 00 ZHOU ENLAI handed me a message with the request to transmit it to you at once "
            "The text of the message follows") in paragraphs  # two print lines, one paragraph
    return tree


def test_a_pdf_export_converts_from_the_pdf_itself(tmp_path: Path) -> None:
    code, said = ingest(str(PDF), "--out", str(tmp_path))
    assert code == 0, said
    tree = check_document(tmp_path)
    words = [w for line in read_pdf(PDF)[0][15:] for w in fidelity.WORD.findall(line)]
    text = "".join(fidelity.text_words(tree.find(f"{TEI}text")))
    assert "".join(words) in text  # every word of the text layer from the first line of the text on


def test_the_same_export_as_text_converts_alike(tmp_path: Path) -> None:
    src = tmp_path / "export.txt"
    src.write_text("\n".join(read_pdf(PDF)[0]), encoding="utf-8")
    code, said = ingest(str(src), "--out", str(tmp_path / "out"))
    assert code == 0, said
    check_document(tmp_path / "out")


def test_words_a_text_extraction_loses_are_reported(tmp_path: Path, monkeypatch) -> None:
    assert lost_words("the plane is ready", "the plane is not ready") == ["not"]

    class Page:
        def extract_text(self, extraction_mode: str = "plain") -> str:
            text = PLAIN
            return text.replace("Only by", "Only by ciphered") if extraction_mode == "layout" else text

    PLAIN = "\n".join(read_pdf(PDF)[0])
    monkeypatch.setattr("pypdf.PdfReader", lambda path: type("R", (), {"pages": [Page()]})())
    _lines, warnings = pdf.read_pdf(PDF)
    assert [w.message for w in warnings] == [
        "page 1: the PDF's text layer read another way has words this reading lacks (ciphered): check them "
        "against the PDF"]


def test_a_pdf_without_text_says_to_ocr_it(tmp_path: Path, monkeypatch) -> None:
    class Page:
        def extract_text(self, extraction_mode: str = "plain") -> str:
            return ""

    monkeypatch.setattr("pypdf.PdfReader", lambda path: type("R", (), {"pages": [Page(), Page()]})())
    with pytest.raises(SourceError, match=r"no text layer .* with --plain"):
        pdf.read_pdf(PDF)
