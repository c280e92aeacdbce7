"""A letter relayed by a cable, its own date not printed: it was written no later than the day the cable was sent
— the only date the text gives it, and enough for the edition's rule that every sending is dated."""

from __future__ import annotations

from pathlib import Path

from editio.tei import NS

from .edition import build_edition, editio_errors, read_documents

SOURCE = Path(__file__).resolve().parent / "sources" / "constructed" / "relayed_undated_letter.txt"


def test_an_undated_relayed_letter_is_dated_no_later_than_its_cable(tmp_path: Path, tei_all: Path) -> None:
    build_edition(tmp_path, [SOURCE])
    [(stem, doc)] = read_documents(tmp_path).items()
    assert stem == "1951-05-12-pak-hon-yong-to-stalin"
    [sent] = doc.xpath("//tei:profileDesc/tei:correspDesc[not(@type)]/tei:correspAction[@type='sent']",
                       namespaces=NS)
    [date] = sent.xpath("tei:date", namespaces=NS)
    assert date.get("notAfter") == "1951-05-12" and date.get("when") is None
    assert "not printed" in sent.xpath("string(tei:note)", namespaces=NS)
    assert editio_errors(tmp_path, tei_all) == []
