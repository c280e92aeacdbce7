"""No real source is a dead end: a page no layout reader recognises gets the clear error of before plus the way
out, and `--plain` takes it (or an OCR text) as one document with the title and date the editor gives, every
word kept, what could not be placed reported as warnings."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from editio.cli import main
from editio.ingest import fidelity

REPO = Path(__file__).resolve().parents[2]
OCR = REPO / "tests" / "ingest" / "sources" / "constructed" / "ocr_journal_page.txt"
UNRECOGNISED = REPO / "tests" / "ingest" / "sources" / "damaged_unrecognised.txt"
TEI = "{http://www.tei-c.org/ns/1.0}"


def ingest(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["ingest", *args, "--authorities", str(REPO / "tei")],
                                catch_exceptions=False)
    return result.exit_code, result.output


def test_an_unrecognised_page_says_how_to_take_it_as_a_plain_document(tmp_path: Path) -> None:
    code, said = ingest(str(UNRECOGNISED), "--out", str(tmp_path))
    assert code == 1
    assert "cannot recognise the layout" in said
    assert "editio ingest FILE --plain --title 'X to Y, DATE' --date YYYY-MM-DD" in said


def test_plain_takes_an_unrecognised_page_as_one_document(tmp_path: Path) -> None:
    code, said = ingest(str(UNRECOGNISED), "--out", str(tmp_path), "--plain", "--title",
                        "A note to the file, 2 March 1951", "--date", "1951-03-02")
    assert code == 0, said
    [doc] = [p for p in tmp_path.glob("*.xml")]
    tree = etree.parse(str(doc))
    assert tree.findtext(f".//{TEI}titleStmt/{TEI}title") == "A note to the file, 2 March 1951"
    source_words = [w for line in UNRECOGNISED.read_text(encoding="utf-8").splitlines()
                    for w in fidelity.WORD.findall(line)]
    text = "".join(fidelity.text_words(tree.find(f"{TEI}text")))
    assert "".join(source_words) == text  # every word of the page, in order


def test_an_ocr_page_converts_with_warnings_for_what_could_not_be_placed(tmp_path: Path) -> None:
    code, said = ingest(str(OCR), "--out", str(tmp_path), "--plain", "--title",
                        "Shtykov to Vyshinsky, 12 May 1950", "--date", "1950-05-12")
    assert code == 0, said
    assert "ocr_journal_page.txt:5: warning: a word hyphenated at the line end ('Pyong-yang')" in said
    assert "ocr_journal_page.txt:2: warning: '112' looks like a running head or a page number" in said
    assert "ocr_journal_page.txt:10: warning: 6 short lines in a row: perhaps columns read across" in said
    doc = tmp_path / "1950-05-12-shtykov-to-vyshinsky.xml"
    names = [(e.get("ref"), "".join(e.itertext())) for e in etree.parse(str(doc)).iter(f"{TEI}persName")]
    assert ("per:kim-il-sung", "Kim IlSung") in names  # a name split across a line end is one name (with <lb/>)


def test_plain_needs_a_title_and_a_date(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(OCR), "--out", str(tmp_path), "--plain"])
    assert result.exit_code == 2 and "--plain needs the FILE(s), --title and --date" in result.output


def test_a_plain_documents_header_claims_nothing_the_editor_did_not_give(tmp_path: Path) -> None:
    """Its source may be a scan or a book, so the bibl claims no kind ('online'); a party its title does not name
    is said to be for the editor to add, not to be missing from the source (which was not read for it)."""
    code, said = ingest(str(OCR), "--out", str(tmp_path), "--plain", "--title", "A journal page", "--date",
                        "1950-10-02")
    assert code == 0, said
    [doc] = list(tmp_path.glob("*.xml"))
    tree = etree.parse(str(doc))
    [bibl] = tree.findall(f".//{TEI}sourceDesc/{TEI}bibl")
    assert bibl.get("type") is None and bibl.findtext(f"{TEI}title") == "A journal page"
    notes = [" ".join(n.itertext()) for n in tree.iter(f"{TEI}note") if n.getparent().tag == f"{TEI}correspAction"]
    assert len(notes) == 2 and all("for the editor to add" in n for n in notes)
    assert not any("The source names no" in n for n in notes)
    from editio.check.api import check_paths

    report = check_paths([doc], profile="tei_all")
    assert not [p for p in report.problems if p.severity == "error"], report.problems


def test_columns_read_into_one_another_within_lines_and_a_stranded_paragraph_are_reported() -> None:
    from editio.ingest.layouts.plain import ocr_warnings

    page = ["The delegation of the Mongolian People's Repub- the plan were then discussed. lic arrived by train.",
            "It was received by Premier ZhouDETAILS OF in the evening. ments of both sides were agreed.",
            "",
            "ments of the plan, the minister said, will be sent by air the next day."]
    said = dict(ocr_warnings(page))
    assert said[1].startswith("columns read into one another within the line: a word broken inside the line "
                              "('Repub- the'), a sentence's end followed by a word in lowercase ('discussed. lic')")
    assert said[2].startswith("columns read into one another within the line: a sentence's end followed by a word "
                              "in lowercase ('evening. ments'), words glued across the columns ('ZhouDETAILS')")
    assert "a paragraph begins inside a sentence ('ments of the' …)" in said[4] and "could not be placed" in said[4]
    prose = ["A four- or five-person delegation came on 2 May. It met the minister, and the talks went well.",
             "The next day, i.e. on 3 May, it left for Moscow."]
    assert ocr_warnings(prose) == []  # a suspended hyphen or one abbreviation's stop is no sign of columns
