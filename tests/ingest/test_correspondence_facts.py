"""Correspondence facts as an editor reads them, on constructed documents of two layouts (tests/ingest/sources/
facts_*.txt): a letter relayed inside a telegram has two events; an office's receipt is a step of the way, not the
addressee's; a step that reaches the addressee is their receipt; a step timed before the one printed above it is
noted as the source's inconsistency."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from editio.ingest.facts import read_steps
from editio.tei import NS

from .edition import build_edition, editio_errors, read_documents

SOURCES = Path(__file__).resolve().parent / "sources"
SEEDS = Path(__file__).resolve().parents[2] / "tei"  # the seed edition as ingest made it


def seed(stem: str):
    return etree.parse(str(SEEDS / f"{stem}.xml"))


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    return build_edition(tmp_path_factory.mktemp("facts"), sorted(SOURCES.glob("facts_*.txt")))


@pytest.fixture(scope="module")
def docs(edition):
    return read_documents(edition)


def x(node, path: str):
    return node.xpath(path, namespaces=NS)


def action(tree, kind: str, desc: str = "(//tei:correspDesc)[1]"):
    return x(tree, f"{desc}/tei:correspAction[@type='{kind}']")


def test_a_letter_relayed_via_an_ambassador_is_sent_by_its_author_on_its_own_date(docs):
    t = docs["1951-04-04-pak-hon-yong-to-stalin"]
    sent = action(t, "sent")[0]
    assert x(sent, "tei:persName/@ref") == ["per:pak-hon-yong"]
    assert x(sent, "string(tei:date/@when)") == "1951-04-03"  # the letter's closing dateline, not the cable
    assert x(sent, "tei:placeName") == []


def test_the_relaying_cable_is_the_transmission_with_its_station_and_time(docs):
    relay = x(docs["1951-04-04-pak-hon-yong-to-stalin"], "//tei:correspAction[@subtype='relayed']")[0]
    assert x(relay, "string(tei:persName)") == "Razuvaev"
    assert x(relay, "string(tei:placeName/@ref)") == "pla:pyongyang"
    assert x(relay, "string(tei:date/@when)") == "1951-04-04T22:10:00"


def test_an_offices_receipt_is_a_step_of_the_way_and_the_addressees_receipt_is_the_step_that_reaches_them(docs):
    t = docs["1951-04-04-pak-hon-yong-to-stalin"]
    steps = [(s.get("subtype"), x(s, "string(tei:date/@when)")) for s in
             x(t, "//tei:correspAction[@type='transmitted'][@subtype != 'relayed'][@subtype != 'addressed']")]
    assert steps == [("received", "1951-04-05T03:40:00"), ("arrived", "1951-04-05T03:35:00"),
                     ("deciphered", "1951-04-05T05:05:00")]
    received = action(t, "received")[0]
    assert x(received, "tei:persName/@ref") == ["per:stalin"]
    assert x(received, "string(tei:date/@when)") == "1951-04-05T09:30:00"  # "Transmitted to Comrade Filippov …"


def test_a_clerk_the_authority_files_do_not_know_is_kept_in_the_note_not_guessed(docs):
    step = x(docs["1951-04-04-pak-hon-yong-to-stalin"], "//tei:correspAction[@subtype='deciphered']")[0]
    assert x(step, "tei:persName | tei:orgName | tei:placeName") == []
    assert x(step, "string(tei:note[not(@type)])") == "Deciphered by Ivanova on 5.4.51 at 05:05"


def test_a_step_timed_before_the_one_printed_above_it_is_noted(docs):
    step = x(docs["1951-04-04-pak-hon-yong-to-stalin"], "//tei:correspAction[@subtype='arrived']")[0]
    assert "03:35 before 03:40" in x(step, "string(tei:note[@type='inconsistency'][@resp='org:editio'])")
    received = x(docs["1951-04-04-pak-hon-yong-to-stalin"], "//tei:correspAction[@subtype='received']")[0]
    assert x(received, "tei:note[@type='inconsistency']") == []


def test_a_title_transmitting_a_letter_gives_the_letter_a_correspondence_of_its_own(docs):
    t = docs["1951-05-03-razuvaev-to-vyshinsky"]  # dated by the cable, not by the letter's date in the title
    assert [x(a, "string(tei:persName)") for a in action(t, "sent") + action(t, "received")] == ["Razuvaev",
                                                                                              "Vyshinsky"]
    letter = "//tei:correspDesc[@type='relayed']"
    assert x(t, f"string({letter}/tei:correspAction[@type='sent']/tei:persName/@ref)") == "per:kim-il-sung"
    assert x(t, f"string({letter}/tei:correspAction[@type='sent']/tei:date/@when)") == "1951-05-02"
    assert x(t, f"string({letter}/tei:correspAction[@type='transmitted']/tei:persName)") == "Razuvaev"
    assert x(t, f"string({letter}/tei:correspAction[@type='received']/tei:persName/@ref)") == "per:stalin"


def test_a_cable_that_relays_nothing_keeps_one_correspondence(docs):
    t = docs["1951-05-05-vyshinsky-to-razuvaev"]
    assert len(x(t, "//tei:correspDesc")) == 1
    assert x(t, "//tei:correspAction[@subtype='relayed']") == []


def test_the_constructed_documents_keep_the_editions_rules(edition, tei_all):
    assert editio_errors(edition, tei_all) == []


@pytest.mark.parametrize("line,expected", [
    ("Sent to 8th Department of the General Staff 18.11 4:20", ("forwarded", "8th Department of the General Staff")),
    ("Received at the 8D/GS on 09/30/50 at 14:50 p.m.", ("received", "8D/GS")),
    ("Received from Roshchin on 3.3.51", ("received", None)),  # who sent it is not where it was received
    ("Deciphered by Morozov on 27.9.50 at 23:50 p.m.", ("deciphered", "Morozov")),
    ("This letter was cabled to Comrade Stalin on 1.10.50 at 12:50 p.m.", ("forwarded", "Stalin")),
])
def test_a_step_names_the_office_or_clerk_it_reached(line, expected):
    steps = read_steps([line], None, lambda name: None)
    assert [(s.step, s.at) for s in steps] == [expected]


def test_a_station_line_places_the_sending_that_follows_it():
    known = {"Pyongyang": "place"}
    steps = read_steps(["From Pyongyang Sent on 26.9.50 at 8:10 a.m., by wire"], None, known.get)
    assert [(s.step, s.place) for s in steps] == [("sent", "Pyongyang")]


def test_the_address_of_the_message_adds_the_addressees_the_title_leaves_out(docs):
    """'Ministry of Foreign Affairs of the USSR / To Comrade VYSHINSKY' under a title 'Razuvaev to Vyshinsky'."""
    received = action(docs["1951-06-02-razuvaev-to-vyshinsky"], "received")[0]
    assert [x(n, "string()") for n in x(received, "tei:persName | tei:orgName")] == [
        "Vyshinsky", "Ministry of Foreign Affairs of the USSR"]
    assert len(x(docs["1951-06-02-razuvaev-to-vyshinsky"], "//tei:correspDesc")) == 1


def test_an_extract_addressed_to_others_than_the_directive_it_covers_is_a_correspondence_of_its_own(docs):
    t = docs["1951-05-12-vyshinsky-to-razuvaev"]
    assert [x(n, "string()") for n in x(action(t, "received")[0], "tei:persName")] == ["Razuvaev"]
    cover = "//tei:correspDesc[@type='covering']"
    assert x(t, f"{cover}/tei:correspAction[@type='received']/tei:persName/@ref") == ["per:malenkov", "per:molotov"]
    # the extract records the Politburo's decision (its heading); 'Secretary of the CC' only attests it
    assert x(t, f"{cover}/tei:correspAction[@type='sent']/tei:orgName/@ref") == ["org:politburo"]


def test_a_destination_printed_on_the_cable_form_is_where_it_was_received(docs):
    """'PYONGYANG Only by ciphered telegraph' above the message: the addressee's place (or the relayer's)."""
    received = action(docs["1951-05-12-vyshinsky-to-razuvaev"], "received")[0]
    assert x(received, "string(tei:placeName/@ref)") == "pla:pyongyang"
    # a dateline-shaped address ('Moscow, Kremlin.') and a station ('From PYONGYANG') are no destination
    assert x(action(docs["1951-06-02-razuvaev-to-vyshinsky"], "received")[0], "tei:placeName") == []


def test_an_article_hosts_database_copyright_is_furniture_not_a_licence(docs):
    for stem in ("1951-05-03-razuvaev-to-vyshinsky", "1951-05-05-vyshinsky-to-razuvaev"):
        t = docs[stem]
        assert x(t, "string(//tei:availability/@status)") == "unknown"
        assert x(t, "//tei:availability/tei:licence[not(@target)]") == []
        assert x(t, "string(//tei:sourceDesc/tei:bibl/tei:title[@level='a'])") == (
            "Railway Aid to Korea, Spring 1951: Two Documents")
        assert x(t, "string(//tei:sourceDesc/tei:bibl/tei:author)") == "Elena P. Morozova"


def test_a_station_printed_by_its_cover_designation_is_kept_as_such():
    steps = read_steps(["From KOREYETS 7 Sent 3.4.51 10:00 Received 3.4.51 18:00"], None, lambda name: None)
    assert [(s.step, s.cover, s.place) for s in steps] == [("sent", "KOREYETS 7", None), ("received", None, None)]
    steps = read_steps(["From Pyongyang Sent 3.4.51 10:00"], None, {"Pyongyang": "place"}.get)
    assert [(s.step, s.cover, s.place) for s in steps] == [("sent", None, "Pyongyang")]


def test_a_transliterated_word_takes_the_language_of_the_original_inferred_from_its_archive(docs):
    """No original language is stated on an article page: the archive holding the cited copy (AVP RF) gives it,
    with @cert and the edition's note; the transliteration is then ru-Latn, and langUsage says so."""
    t = docs["1951-05-03-razuvaev-to-vyshinsky"]
    assert x(t, "//tei:foreign/@xml:lang") == ["ru-Latn"]
    lang = x(t, "//tei:sourceDesc/tei:bibl[@type='original']/tei:textLang")[0]
    assert (lang.get("mainLang"), lang.get("cert")) == ("ru", "medium")
    assert x(t, "//tei:sourceDesc/tei:bibl[@type='original']/tei:note/@resp") == ["org:editio"]
    assert x(t, "//tei:langUsage/tei:language/@ident") == ["en", "ru-Latn"]


# -- an office as addressee, the deciding body, the relaying cable's addressee, a corrected date ----------------

def test_a_cable_addressed_by_office_names_who_held_it_only_where_the_title_settles_it(docs):
    """'PYONGYANG / SOVIET AMBASSADOR' on the cable's form: the office is encoded as an office (roleName) in the text
    and in the correspondence; the title's '(via X)' says who held it, else it stays unlinked and open."""
    settled = action(docs["1951-03-20-gromyko-to-kim-il-sung"], "transmitted")[0]
    assert x(settled, "tei:persName/@ref") == ["per:shtykov"]
    assert x(settled, "string(tei:roleName[@type='office'])") == "SOVIET AMBASSADOR"
    open_ = docs["1951-03-15-gromyko-to-kim-il-sung"]
    office = x(open_, "//tei:correspAction[@subtype='addressed']")[0]
    assert x(office, "tei:persName | tei:orgName | tei:roleName/@ref") == []
    assert x(office, "string(tei:roleName[@type='office'])") == "SOVIET AMBASSADOR"
    assert x(office, "string(tei:placeName/@ref)") == "pla:pyongyang"
    assert "not linked to a person" in x(office, "string(tei:note[@type='open'][@resp='org:editio'])")
    assert x(action(open_, "received")[0], "tei:placeName") == []  # the office's place, not the addressee's
    assert x(open_, "string(//tei:body//tei:ab/tei:roleName[@type='office'])") == "SOVIET AMBASSADOR"
    for stem, holder, printed in (("1950-07-13-stalin-to-zhou-enlai", "per:roshchin", "SOVIET AMBASSADOR"),
                                  ("1950-08-28-stalin-to-kim-il-sung", "per:shtykov", "Soviet Ambassador")):
        relay = action(seed(stem), "transmitted")[0]
        assert (x(relay, "string(tei:persName/@ref)"), x(relay, "string(tei:roleName)")) == (holder, printed)
        assert x(seed(stem), "string(//tei:body//tei:ab/tei:roleName[@type='office'])") == printed


def test_an_extract_of_minutes_is_sent_by_the_body_that_decided_and_its_signature_is_said(docs):
    for t in (docs["1951-05-12-vyshinsky-to-razuvaev"], seed("1950-09-27-stalin-to-zakharov")):
        sent = x(t, "//tei:correspDesc[@type='covering']/tei:correspAction[@type='sent']")[0]
        assert x(sent, "tei:orgName/@ref | tei:persName/@ref") == ["org:politburo"]
        assert 'it is signed "Secretary of the C' in x(sent, "string(tei:note[@type='signed'])")


@pytest.mark.parametrize("head,expected", [
    ('Resolution of the <orgName ref="org:council-of-ministers">Council of Ministers</orgName> of 3 May',
     ["Council of Ministers"]),
    ('Report of the <orgName ref="org:council-of-ministers">Council of Ministers</orgName>', []),  # no decision
    ("Minutes of the meeting", []),  # no body named
])
def test_the_body_that_decided_is_the_first_one_a_heading_of_minutes_or_a_decision_names(head, expected):
    from editio.ingest.facts import _decided_by

    message = etree.fromstring(f'<div xmlns="http://www.tei-c.org/ns/1.0"><head>{head}</head><p>Approve.</p></div>')
    assert [p.name for p in _decided_by(message)] == expected


def test_a_relayed_letter_reaches_its_addressee_through_the_relaying_cables_own_addressee(docs):
    """The letter's correspondence names whom the cable that carries it was addressed to: its address ('To
    Ministry of Foreign Affairs of the USSR') under a title 'X to Y (via Z)', the title's recipient when the title
    is the cable's."""
    cases = [(docs["1951-04-04-pak-hon-yong-to-stalin"], "(//tei:correspDesc)[1]", ["Gromyko"]),
             (docs["1951-05-03-razuvaev-to-vyshinsky"], "//tei:correspDesc[@type='relayed']", ["Vyshinsky"]),
             (seed("1950-09-29-kim-il-sung-to-stalin"), "(//tei:correspDesc)[1]",
              ["Ministry of Foreign Affairs of the USSR"]),
             (seed("1950-11-17-shtykov-to-gromyko"), "//tei:correspDesc[@type='relayed']", ["Gromyko"])]
    for t, desc, expected in cases:
        addressed = x(t, f"{desc}/tei:correspAction[@subtype='addressed']")
        assert [x(n, "string()") for a in addressed for n in x(a, "tei:persName | tei:orgName")] == expected, desc
        kinds = [(a.get("type"), a.get("subtype")) for a in x(t, f"{desc}/tei:correspAction")]
        assert kinds.index(("transmitted", "addressed")) == kinds.index(("transmitted", "relayed")) + 1


def test_an_editors_correction_of_the_documents_date_stands_for_the_cable_sent_on_the_printed_day(docs):
    """'14 [15] March 1951' above 'Sent 14.3.51 at 10:00': the sending takes the editors' day, with @cert and the
    edition's note; the text keeps the print; the receipt keeps its own day."""
    t = docs["1951-03-15-gromyko-to-kim-il-sung"]
    sent = action(t, "sent")[0]
    assert (x(sent, "string(tei:date/@when)"), x(sent, "string(tei:date/@cert)")) == ("1951-03-15T10:00:00", "medium")
    assert "printed on 1951-03-14" in x(sent, "string(tei:note[@type='date'][@resp='org:editio'])")
    assert x(t, "string(//tei:body//tei:ab[starts-with(., 'Sent')]/tei:date/@when)") == "1951-03-14T10:00:00"
    assert x(t, "string(//tei:correspAction[@subtype='received']/tei:date/@when)") == "1951-03-15T02:10:00"
    zakharov = action(seed("1950-09-27-zakharov-to-stalin"), "sent")[0]
    assert x(zakharov, "string(tei:date/@when)") == "1950-09-27T08:10:00"
    assert x(zakharov, "string(tei:date/@cert)") == "low"  # "8:101 a.m." besides the corrected day
    assert "printed on 1950-09-26" in x(zakharov, "string(tei:note[@type='date'])")


def test_a_sending_on_another_day_than_the_corrected_one_keeps_its_own_date():
    from editio.ingest.dates import parse_date
    from editio.ingest.facts import Step, _with_correction

    corrected = parse_date("26 [27] September 1950")
    assert corrected is not None and corrected.corrected == "1950-09-26"
    step = read_steps(["Sent 25.9.50 at 10:00"], None, lambda name: None)[0]
    assert _with_correction(step, corrected) == step
    received = Step("received", "transmitted", "Received 26.9.50", parse_date("26.9.50"))
    assert _with_correction(received, corrected) == received  # only the sending is the document's own


def test_the_readmes_table_of_correspondence_facts_shows_what_ingest_writes(edition):
    """Every encoding the README's table quotes (a backquoted value with an attribute) occurs in the seed
    documents or the constructed ones, as ingest writes them."""
    readme = (SEEDS.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("| the source says | the TEI says |", 1)[1].split("\n\n", 1)[0]
    quoted = [q for q in re.findall(r"`([^`]+)`", table) if '="' in q]
    assert len(quoted) >= 15
    written = [p.read_text(encoding="utf-8") for folder in (SEEDS, edition) for p in sorted(folder.glob("1*.xml"))]
    for q in quoted:
        key = q.removesuffix("/>").removesuffix(">").strip()
        assert any(key in text for text in written), q
