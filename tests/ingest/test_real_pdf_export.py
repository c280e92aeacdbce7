"""The archive's real PDF exports as text convert (tests/ingest/sources/real_pdf/README.md for provenance): labels
with a colon and their value on the label's line, the masthead above the date, the date and the title on one line,
"<Language> Transcription", and an export a PDF-to-text tool ran into one line. Each rule is also tested on a
constructed export, so the rule, not the instance, is what passes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from editio.cli import main
from editio.ingest import fidelity
from editio.ingest.layouts import pdfexport

from .edition import build_edition, documents_of, editio_errors
from .jing import jing_errors

REPO = Path(__file__).resolve().parents[2]
REAL = REPO / "tests" / "ingest" / "sources" / "real_pdf" / "kremlin_1944_docslib.txt"
TEI = "{http://www.tei-c.org/ns/1.0}"


def ingest(src: Path, out: Path) -> etree._ElementTree:
    result = CliRunner().invoke(main, ["ingest", str(src), "--out", str(out), "--authorities", str(REPO / "tei")],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    [doc] = list(out.glob("*.xml"))
    return etree.parse(str(doc))


def text_of(tree: etree._ElementTree, path: str) -> str:
    return " ".join("".join(tree.find(path).itertext()).split())


def every_word_kept(src: Path, tree: etree._ElementTree) -> None:
    """Nothing lost: every word of the source is in the TEI (header or text); only the block labels, which the
    TEI says by its elements (bibl, abstract, textLang), are not repeated as words."""
    labels = {w for label in pdfexport.BLOCKS for w in label.split()}
    tei_words = set(fidelity.WORD.findall(" ".join(tree.getroot().itertext())))
    missing = [w for w in fidelity.WORD.findall(src.read_text(encoding="utf-8"))
               if w not in tei_words and w not in labels]
    assert missing == []


def test_the_real_export_converts_with_its_header_facts(tmp_path: Path) -> None:
    tree = ingest(REAL, tmp_path)
    assert text_of(tree, f".//{TEI}titleStmt/{TEI}title") == (
        "Record of Meeting at the Kremlin, Moscow, 9 October 1944, at 10 p.m.")
    assert tree.find(f".//{TEI}profileDesc//{TEI}date").get("when") == "1944-10-09"
    bibl = text_of(tree, f".//{TEI}sourceDesc")
    assert "Public Record Office https://digitalarchive.wilsoncenter.org/document/123186" in bibl
    assert text_of(tree, f".//{TEI}abstract").startswith("Churchill, Eden, Stalin, and Molotov discuss")
    body = text_of(tree, f".//{TEI}body")
    assert body.startswith("RECORD OF MEETING AT THE KREMLIN") and body.endswith("remarked that the questi")
    assert "Citation" not in body and "Summary" not in body  # the labels are not text
    stated = [(t.text, t.get("mainLang")) for t in tree.iterfind(f".//{TEI}sourceDesc//{TEI}textLang")]
    assert ("English Transcription", "en") in stated and all(code != "und" for _, code in stated)
    every_word_kept(REAL, tree)
    text_words = "".join(fidelity.text_words(tree.find(f"{TEI}text")))
    src = REAL.read_text(encoding="utf-8")
    assert "".join(fidelity.WORD.findall(src[src.index("RECORD OF MEETING"):])) in text_words


def test_the_real_export_is_valid_tei_all_and_keeps_the_editions_rules(tmp_path: Path, tei_all: Path) -> None:
    edition = build_edition(tmp_path, [REAL])  # with the authority files, so that every @ref can resolve
    assert len(documents_of(edition)) == 1
    assert jing_errors(tei_all, documents_of(edition)) == []
    assert editio_errors(edition, tei_all) == []


CONSTRUCTED_COLONS = """\
Digital Archive
International History Declassified
March 3, 1952 Letter from Ivanov to Petrov
Citation:
"Letter from Ivanov to Petrov," March 3, 1952, Archive of Nowhere, f. 1, op. 2.
Summary: Ivanov asks for two trucks.
Original Language: Russian
Contents: English Translation Scan of Original Document
To Comrade Petrov.
Please send two trucks to the depot.
Ivanov
"""


def test_colon_labels_date_and_title_on_one_line_and_the_scan_line(tmp_path: Path) -> None:
    src = tmp_path / "colons.txt"
    src.write_text(CONSTRUCTED_COLONS, encoding="utf-8")
    assert pdfexport.recognise(CONSTRUCTED_COLONS.splitlines())
    tree = ingest(src, tmp_path / "out")
    assert text_of(tree, f".//{TEI}titleStmt/{TEI}title") == "Letter from Ivanov to Petrov"
    assert tree.find(f".//{TEI}profileDesc//{TEI}date").get("when") == "1952-03-03"
    assert "Archive of Nowhere, f. 1, op. 2." in text_of(tree, f".//{TEI}sourceDesc")
    assert text_of(tree, f".//{TEI}abstract") == "Ivanov asks for two trucks."
    body = text_of(tree, f".//{TEI}body")
    assert "Please send two trucks to the depot." in body and "Scan" not in body
    notes = text_of(tree, f".//{TEI}notesStmt")
    assert "Scan of Original Document" in notes and "International History Declassified" in notes
    every_word_kept(src, tree)


def test_an_export_run_into_one_line_is_cut_at_its_labels(tmp_path: Path) -> None:
    one_line = " ".join(line.strip() for line in CONSTRUCTED_COLONS.splitlines())
    src = tmp_path / "oneline.txt"
    src.write_text(one_line + "\n", encoding="utf-8")
    assert pdfexport.recognise([one_line])
    tree = ingest(src, tmp_path / "out")
    assert text_of(tree, f".//{TEI}titleStmt/{TEI}title") == "Letter from Ivanov to Petrov"
    assert text_of(tree, f".//{TEI}abstract") == "Ivanov asks for two trucks."
    assert "Please send two trucks to the depot. Ivanov" in text_of(tree, f".//{TEI}body")
    every_word_kept(src, tree)


def test_a_transcription_opens_the_text_as_a_translation_does() -> None:
    assert pdfexport._translation("English Transcription RECORD OF MEETING").group("text") == "RECORD OF MEETING"
    assert pdfexport._translation("English Translation").group("text") is None
    assert pdfexport._translation("Scan of Original Document") is None


def test_the_language_of_a_statement_of_the_text_is_the_language_word_wherever_it_stands() -> None:
    from editio.ingest.provenance import text_language_code

    statements = ("Translation - English", "English Transcription", "English Translation", "Russian Transcription",
                  "Transcription")
    assert [text_language_code(s) for s in statements] == ["en", "en", "en", "ru", "und"]
