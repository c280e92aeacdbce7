"""Structure as an editor reads it, rule by rule, on constructed lines (and the seed where the rule came from):
a heading wrapped onto the next line is one element with an lb; an address is not a dateline; headings are head;
a count of copies, a dated step told in a sentence and a destination on the cable form are transmission data; a
word in capitals run into the next word is a slip; a place is any place the authority files know."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from editio.ingest.inline import Context
from editio.ingest.model import Line
from editio.ingest.slips import find_slips
from editio.ingest.structure import build_document, role_of
from editio.tei import NS, el

REPO = Path(__file__).resolve().parents[2]
PLACES = {"Pyongyang", "Moscow", "Kaesong", "PEKING", "Peking"}


def known(name: str) -> bool:
    return name in PLACES


def doc(*texts: str) -> etree._Element:
    div = el("div", {"type": "document"})
    build_document(div, [Line(k + 1, t) for k, t in enumerate(texts)],
                   Context("d", reference=dt.date(1951, 4, 4), place_known=known))
    return div


def x(node, path: str):
    return node.xpath(path, namespaces=NS)


def words(e) -> str:
    return " ".join("".join(e.itertext()).split())


def test_a_heading_wrapped_onto_the_next_line_is_one_element_with_a_line_break():
    d = doc("Second Department of the Staff of the", "Korean People's Army", "CIPHERED TELEGRAM No. 21",
            "To Comrade RAZUVAEV", "The bridges are repaired.")
    first = x(d, "tei:div[@type='transmission']/tei:ab")[0]
    assert words(first) == "Second Department of the Staff of theKorean People's Army"  # an lb between them
    assert len(x(first, "tei:lb")) == 1


def test_prose_is_never_joined_to_the_next_line():
    d = doc("To Comrade RAZUVAEV", "We have repaired the bridges and the roads of", "Kaesong.")
    assert len(x(d, "//tei:lb")) == 0


def test_an_address_without_a_date_is_an_address_and_a_dateline_has_a_date():
    d = doc("Pyongyang, Government House.", "Dear Comrade RAZUVAEV,", "The bridges are repaired.")
    assert words(x(d, "//tei:opener/tei:address/tei:addrLine")[0]) == "Pyongyang, Government House."
    assert x(d, "//tei:opener/tei:dateline") == []
    assert role_of("Berlin, Reichstag.", known)[0] != "address"  # a place the authority files do not know
    assert role_of("Pyongyang, 4 April 1951", known)[0] != "address"


def test_headings_of_an_extract_and_of_an_agenda_item_are_heads():
    d = doc("[To:] Cmrds Molotov, Malenkov", "Extract from the Protocol #12 of the Meeting of the Politburo",
            "#4. - Questions of the railways.", "Approve of the attached instruction.", "Secretary of the CC",
            "* * * * *", "Attachment to", "#4 of the Politburo Protocol #12", "To Comrade RAZUVAEV",
            "Inform the Korean friends.")
    msg = x(d, "tei:div[@type='message']")[0]
    assert [words(h) for h in x(msg, "tei:head")] == [
        "Extract from the Protocol #12 of the Meeting of the Politburo", "#4. - Questions of the railways."]
    att = x(d, "tei:div[@type='attachment']")[0]
    assert words(x(att, "tei:head")[0]) == "Attachment to#4 of the Politburo Protocol #12"


@pytest.mark.parametrize("line,role", [
    ("Twelve copies printed.", "transmission"),
    ("4 copies sent", "transmission"),
    ("This telegram was forwarded to Comrade Molotov on 3.4.51 at 10:00", "transmission"),
    ("This letter was handed over to me by PAK HON-YONG in person.", "prose"),  # a sentence of the message
    ("PEKING Only by telegraph", "transmission"),
    ("MINISTERSent 10:20 4.4.51", "transmission"),
    ("We sent 2 divisions to the front and 3 regiments to the rear of the enemy at once.", "prose"),
    ("Peking—Ministry of Foreign Affairs of the PRC.", "salute"),
])
def test_line_roles_are_general_rules_not_one_seeds_lines(line, role):
    assert role_of(line, known)[0] == role


def test_a_word_in_capitals_run_into_the_next_word_is_a_slip_where_both_halves_are_words():
    assert [(s.printed, s.reading) for s in find_slips("SOVIET MINISTERSent 10:20 4.4.51")] == [
        ("MINISTERSent", "MINISTER Sent")]
    assert find_slips("the KPAReport") == []  # "KPA" is no English word: not certain


def test_signed_holds_the_signature_only_and_the_messages_number_and_dateline_close_it():
    d = doc("To Comrade RAZUVAEV", "The bridges are repaired.", "With deep respect PAK HON-YONG", "No. 77 RAZUVAEV",
            "Nº 4410", "4 April 1951", "Typed by Ivanova")
    closer = x(d, "tei:div[@type='message']/tei:closer")[0]
    assert [(etree.QName(c).localname, words(c)) for c in closer] == [
        ("salute", "With deep respect"), ("signed", "PAK HON-YONG"), ("seg", "No. 77"), ("signed", "RAZUVAEV"),
        ("seg", "Nº 4410"), ("dateline", "4 April 1951")]
    assert words(x(d, "tei:div[@type='transmission']/tei:ab")[-1]) == "Typed by Ivanova"


def test_a_cable_number_not_followed_by_a_dateline_stays_transmission_data():
    d = doc("To Comrade RAZUVAEV", "The bridges are repaired.", "RAZUVAEV", "No. 118", "Typed by Ivanova")
    assert [words(ab) for ab in x(d, "tei:div[@type='transmission']/tei:ab")] == ["No. 118", "Typed by Ivanova"]


def test_a_second_numbered_series_is_a_list_and_no_number_repeats_in_a_division():
    d = doc("To Comrade FILIPPOV", "1. The bridges are repaired.", "Some trucks have arrived.",
            "2. The roads are open.", "We ask you:", "1. To send fuel.", "2. To send tires.", "3. To send drivers.",
            "KIM IL SUNG")
    msg = x(d, "tei:div[@type='message']")[0]
    assert x(msg, "tei:p/@n") == ["1", "2"]
    assert x(msg, "tei:list[@type='numbered']/tei:item/@n") == ["1", "2", "3"]


def test_a_copy_with_the_one_it_went_to_is_a_distribution_entry():
    d = doc("To Comrade RAZUVAEV", "The bridges are repaired.", "VYSHINSKY", "No. 12/sh", "Copy No. 2 To Molotov")
    assert [words(i) for i in x(d, "tei:div[@type='distribution']/tei:list[@type='distribution']/tei:item")] == [
        "Copy No. 2 To Molotov"]
    assert role_of("Copy No. 2", known)[0] == "transmission"  # a copy number alone is the copy's own mark


def test_two_lines_run_together_by_a_slip_are_split_and_the_slip_noted():
    d = doc("CIPHERED TELEGRAM No. 21", "SOVIET MINISTERSent 10:20 4.4.51", "To Comrade RAZUVAEV",
            "The bridges are repaired.")
    abs_ = x(d, "tei:div[@type='transmission']/tei:ab")
    assert ["".join(ab.xpath("text()")) for ab in abs_][1:] == ["SOVIET MINISTER", "Sent "]
    assert "MINISTERSent" in x(abs_[1], "string(tei:note[@type='slip'][@resp='org:editio'])")
    d = doc("To Comrade RAZUVAEV", "The greatsuccesses of the army are known.")  # a slip inside prose: not split
    assert len(x(d, "//tei:p")) == 1
