"""A record (a journal, the minutes of a conversation) is not a letter: every edition says when it was made and
what it is, and none presents it as an act of correspondence between nobody and nobody."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from lxml import etree, html

from editio.cli import main

REPO = Path(__file__).resolve().parents[1]
LETTER = "003_ef0383895012df34.txt"
RECORD = """March 3, 1955
Journal of Soviet Ambassador to Hungary Yu. V. Andropov for 3 March 1955
TOP SECRET
3 March 1955
Time: 10:15 a.m. - 11:20 a.m.
I received the Minister of Foreign Affairs at his request. He spoke about the coming session of the Assembly.
Ambassador of the USSR to Hungary [signature] (Yu. Andropov)
"""
STEM = "1955-03-03-journal-of-soviet-ambassador-to-hungary"
TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture(scope="module")
def edition(tmp_path_factory, tei_all) -> Path:
    root = tmp_path_factory.mktemp("records")
    assert CliRunner().invoke(main, ["init", str(root)]).exit_code == 0
    shutil.copy(REPO / "sources" / LETTER, root / "sources" / LETTER)
    (root / "sources" / "journal.txt").write_text(RECORD, encoding="utf-8")
    for name in ("persons.xml", "places.xml", "orgs.xml"):
        shutil.copy(REPO / "tei" / name, root / "tei" / name)
    mp = pytest.MonkeyPatch()
    mp.setenv("EDITIO_TEI_ALL", str(tei_all))
    try:
        assert CliRunner().invoke(main, ["--edition", str(root), "ingest"]).exit_code == 0
        result = CliRunner().invoke(main, ["--edition", str(root), "build"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    finally:
        mp.undo()
    return root


def test_the_home_list_shows_no_arrow_between_nobody_and_nobody(edition: Path) -> None:
    page = html.parse(str(edition / "output" / "html" / "index.html"))
    [item] = page.xpath(f"//li[a[@href='doc-{STEM}.html']]")
    assert not item.xpath(".//*[contains(@class, 'doc-parties')]")
    assert page.xpath("//li[a[contains(@href, '-to-')]]//*[contains(@class, 'doc-parties')]")  # the letters keep it


def test_the_panel_says_when_and_not_sent_by_nobody(edition: Path) -> None:
    page = html.parse(str(edition / "output" / "html" / f"doc-{STEM}.html"))
    text = " ".join(page.xpath("//dl//text()"))
    assert "3 March 1955" in text
    assert "names no sender" not in text and "names no recipient" not in text


def test_the_correspondence_timeline_holds_letters_only(edition: Path) -> None:
    page = (edition / "output" / "html" / "correspondence.html").read_text(encoding="utf-8")
    assert f"doc-{STEM}.html" not in page


def test_cmif_gives_correspsearch_no_letter_for_a_record(edition: Path) -> None:
    cmif = etree.parse(str(edition / "output" / "exports" / "cmif.xml"))
    keys = cmif.xpath("//t:correspDesc/@key", namespaces={"t": TEI[1:-1]})
    assert f"doc-{STEM}" not in keys and len(keys) == 1  # the letter of the seed source is there


def test_the_print_heading_names_no_nobody(edition: Path) -> None:
    pdf = pdfium.PdfDocument(str(edition / "output" / "pdf" / "edition.pdf"))
    pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    [heading] = [p for p in pages if "Journal of Soviet Ambassador to Hungary" in p[:300]]
    assert "names no sender" not in heading and "From " not in heading[:300]
    assert not any(line.startswith(", ") for p in pages for line in p.splitlines())  # no running head ", 3 March"


def test_a_span_of_time_is_shown_as_words_not_an_empty_html_time(edition: Path) -> None:
    """HTML's time element holds one moment (v.Nu refuses datetime=""); the record's meeting lasted an hour."""
    page = html.parse(str(edition / "output" / "html" / f"doc-{STEM}.html"))
    assert page.xpath("//time[not(normalize-space(@datetime))]") == []
    [span] = page.xpath("//span[@class='time']")
    assert span.text_content().startswith("10:15 a.m.") and span.get("title") == "10:15–11:20"
