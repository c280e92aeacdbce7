"""A record is not a letter: a journal or the minutes of a conversation name participants, and its title's "to"
("Ambassador to the DPRK") names a post. Such a document gets no invented sender or recipient, a file name from
its title, and passes the edition's rules."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from editio.check.api import check_paths

from .edition import build_edition, documents_of, editio_errors

TEI = "{http://www.tei-c.org/ns/1.0}"
RECORD = """March 3, 1955
Journal of Soviet Ambassador to Hungary Yu. V. Andropov for 3 March 1955
TOP SECRET
3 March 1955
I received the Minister of Foreign Affairs at his request. He spoke about the coming session of the Assembly.
Ambassador of the USSR to Hungary [signature] (Yu. Andropov)
"""


def test_a_record_names_no_correspondent_and_is_named_by_its_title(tmp_path: Path, tei_all: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "journal.txt").write_text(RECORD, encoding="utf-8")
    out = tmp_path / "tei"
    out.mkdir()
    build_edition(out, [src / "journal.txt"])
    [doc] = documents_of(out)
    assert doc.name == "1955-03-03-journal-of-soviet-ambassador-to-hungary.xml"
    tree = etree.parse(str(doc))
    actions = tree.findall(f".//{TEI}correspDesc/{TEI}correspAction")
    assert actions and all(a.find(f"{TEI}persName") is None and a.find(f"{TEI}orgName") is None for a in actions)
    assert editio_errors(out, tei_all) == []
    # ingest said it once ("a record, not 'X to Y'"); the check does not ask for a sender and a recipient
    report = check_paths([out], "editio", tei_schema=tei_all)
    assert [p for p in report.problems if p.rule_id == "editio-corresp-unnamed"] == []


def test_a_letter_still_needs_sender_to_recipient_in_its_id(tmp_path: Path, tei_all: Path) -> None:
    """The looser id is for records only: a document whose header names a sender keeps the letter's id form."""
    src = tmp_path / "src"
    src.mkdir()
    minutes = RECORD.replace("Journal of Soviet Ambassador to Hungary Yu. V. Andropov for 3 March 1955",
                             "Minutes of Andropov's Conversation with Rakosi")
    (src / "journal.txt").write_text(minutes, encoding="utf-8")
    out = tmp_path / "tei"
    out.mkdir()
    build_edition(out, [src / "journal.txt"])
    [doc] = documents_of(out)
    assert doc.name == "1955-03-03-minutes-of-andropov-s-conversation-with.xml"
    assert editio_errors(out, tei_all) == []
    tree = etree.parse(str(doc))
    sent = tree.find(f".//{TEI}correspAction[@type='sent']")
    etree.SubElement(sent, f"{TEI}persName").text = "Andropov"
    tree.write(str(doc), encoding="utf-8", xml_declaration=True)
    assert (doc.name, 2, "editio-doc-id") in editio_errors(out, tei_all)
