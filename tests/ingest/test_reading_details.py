"""Small readings a historian checks: a gloss settles its date; a step of the cable's way wrapped onto the next line."""

from __future__ import annotations

import datetime as dt

from lxml import etree

from editio.ingest.facts import read_steps
from editio.ingest.inline import Context, encode
from editio.tei import el


def test_the_editors_gloss_settles_the_reading_of_the_date_before_it():
    p = el("p")
    encode(p, "Submitted on 5.7.50 [5 July 1950] at noon", Context("d", reference=dt.date(1950, 7, 10)))
    first = p.find("{http://www.tei-c.org/ns/1.0}date")
    assert first.get("when") == "1950-07-05" and first.get("cert") is None
    assert b'type="date"' not in etree.tostring(p)  # no doubt left to explain


def test_a_date_without_a_gloss_keeps_its_doubt():
    p = el("p")
    encode(p, "Submitted on 5.7.50 at noon", Context("d", reference=dt.date(1950, 7, 10)))
    assert p.find("{http://www.tei-c.org/ns/1.0}date").get("cert") == "medium"


def test_a_receipt_whose_date_wrapped_onto_the_next_line_is_dated():
    steps = read_steps(["From Pyongyang Sent 13.9.50 Received", "13.9. 13:15"], dt.date(1950, 9, 13),
                       lambda name: None)
    assert [(s.step, s.date.when) for s in steps] == [("sent", "1950-09-13"), ("received", "1950-09-13")]


def test_a_time_of_day_printed_without_its_day_is_a_time_not_a_date():
    p = el("p")
    encode(p, "Received at 12:35pm, Pyongyang time", Context("d", reference=dt.date(1950, 9, 26)))
    ns = "{http://www.tei-c.org/ns/1.0}"
    assert p.find(f"{ns}date") is None and p.find(f"{ns}time").get("when") == "12:35:00"
    encode(p := el("p"), "Received 26.9.50 at 12:35", Context("d", reference=dt.date(1950, 9, 26)))
    assert p.find(f"{ns}time") is None and p.find(f"{ns}date").get("when") == "1950-09-26T12:35:00"


def test_a_translation_in_brackets_is_a_gloss_and_a_name_in_brackets_an_identification():
    ns = "{http://www.tei-c.org/ns/1.0}"
    p = el("p")
    encode(p, "To Comrade GROMYKO and Instantsia [Highest Authority]", Context("d"))
    assert p.find(f"{ns}gloss").text == "Highest Authority" and p.find(f"{ns}note") is None
    p = el("p")
    encode(p, "He met Nachalnik [Chief of Staff] in the morning", Context("d"))  # constructed: another word
    assert p.find(f"{ns}gloss").text == "Chief of Staff"
    for text, ident in (("Filippov [Stalin]", "Stalin"), ("Filippov [Joseph Stalin]", "Joseph Stalin")):
        p = el("p")
        encode(p, text, Context("d"))
        assert p.find(f"{ns}gloss") is None and p.find(f"{ns}note").text == ident, text
