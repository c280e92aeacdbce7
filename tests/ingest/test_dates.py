"""Promises of editio.ingest.dates: printed dates and times read to TEI values, every inference explained."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
import xmlschema

from editio.ingest.dates import DateMatch, find_dates, parse_date

D = dt.date

# TEI's teidata.temporal.w3c, the datatype of @when, @notBefore and @notAfter, as a one-element schema.
_W3C = xmlschema.XMLSchema(
    '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="w"><xs:simpleType>'
    '<xs:union memberTypes="xs:date xs:gYear xs:gMonth xs:gDay xs:gYearMonth xs:gMonthDay'
    ' xs:time xs:dateTime"/>'
    "</xs:simpleType></xs:element></xs:schema>"
)


def one(text: str, reference: dt.date | None = None) -> tuple[str, DateMatch]:
    """The single match in `text`, with its printed form."""
    found = find_dates(text, reference=reference)
    assert len(found) == 1, [text[m.start : m.end] for m in found]
    return text[found[0].start : found[0].end], found[0]


def printed(text: str, reference: dt.date | None = None) -> list[str]:
    return [text[m.start : m.end] for m in find_dates(text, reference=reference)]


# --------------------------------------------------------------------------------------- certain dates

SURE = [
    # (text, printed form, when)
    ("Sent 17.11.50 Received", "17.11.50", "1950-11-17"),
    ("on 26.9.50, KIM IL SUNG received our group", "26.9.50", "1950-09-26"),
    ("Sent on 09/29/50 by wire", "09/29/50", "1950-09-29"),
    ("of 13.XI.51 N66", "13.XI.51", "1951-11-13"),
    ("received 24 October 1951", "24 October 1951", "1951-10-24"),
    ('"21" September 1950', '"21" September 1950', "1950-09-21"),
    ("Decision dated September 27, 1950", "September 27, 1950", "1950-09-27"),
    ("**August 28, 1950**", "August 28, 1950", "1950-08-28"),
    ("November 17, 1950", "November 17, 1950", "1950-11-17"),
    ("desired by 15 March 1952, after", "15 March 1952", "1952-03-15"),
    ("intervention in 1919 was several times worse", "1919", "1919"),
    # unseen siblings
    ("«23» September 1950", "«23» September 1950", "1950-09-23"),
    ("“2” October 1950", "“2” October 1950", "1950-10-02"),
    ("SEPTEMBER 27, 1950", "SEPTEMBER 27, 1950", "1950-09-27"),
    ("on 27 SEPT 1950", "27 SEPT 1950", "1950-09-27"),
    ("Oct. 5th, 1950", "Oct. 5th, 1950", "1950-10-05"),
    ("on 3 Dec. 1951.", "3 Dec. 1951", "1951-12-03"),
    ("Feb 2 1951", "Feb 2 1951", "1951-02-02"),
    ("July 13,1950", "July 13,1950", "1950-07-13"),
    ("on 5.IV.1951 we", "5.IV.1951", "1951-04-05"),
    ("on 1.XII.50", "1.XII.50", "1950-12-01"),
    ("dated 13.07.1950", "13.07.1950", "1950-07-13"),
    ("ISO 1950-09-29 form", "1950-09-29", "1950-09-29"),
    ("the situation in December 1951", "December 1951", "1951-12"),
    ("by March, 1951", "March, 1951", "1951-03"),
    ("since 1945 the", "1945", "1945"),
    ("the treaty of 1950 says", "1950", "1950"),
    ("29 February 1952", "29 February 1952", "1952-02-29"),
    ("May 5, 1950", "May 5, 1950", "1950-05-05"),
]


@pytest.mark.parametrize(("text", "form", "when"), SURE)
def test_a_date_printed_in_full_is_read_without_doubt(text: str, form: str, when: str) -> None:
    got, m = one(text, D(1950, 9, 30))
    assert (got, m.when, m.not_before, m.not_after, m.cert, m.note) == (form, when, None, None, None, None)


def test_a_two_digit_year_takes_the_century_of_the_reference_without_a_note() -> None:
    assert one("on 16.11.50", D(1950, 11, 17))[1].when == "1950-11-16"
    assert one("on 16.11.01", D(1999, 12, 1))[1].when == "2001-11-16"  # nearest century, not the reference's


def test_offsets_point_at_the_printed_text_unchanged() -> None:
    text = "Typed by Lobyseva on 09/30/50 at 16:55 p.m. and on 29 September 1950."
    for m in find_dates(text, reference=D(1950, 9, 29)):
        assert text[m.start : m.end] in ("09/30/50 at 16:55 p.m.", "29 September 1950")


# -------------------------------------------------------------------------------------- inferred years


def test_a_missing_year_is_the_one_nearest_the_reference_and_says_so() -> None:
    form, m = one("3. On September 24, in order to organize", D(1950, 9, 23))
    assert (form, m.when, m.cert) == ("September 24", "1950-09-24", "medium")
    assert "not printed" in m.note and "1950-09-23" in m.note


def test_a_missing_year_may_be_the_previous_or_next_year() -> None:
    assert one("On December 30 we", D(1951, 1, 4))[1].when == "1950-12-30"
    assert one("On January 3 we", D(1950, 12, 28))[1].when == "1951-01-03"


def test_by_a_day_without_year_means_the_next_such_day() -> None:
    form, m = one("4) By January 1 to send an additional 170 Korean pilots", D(1950, 11, 16))
    assert (form, m.when, m.cert) == ("January 1", "1951-01-01", "medium")
    assert "on or after" in m.note
    # forward even when the nearest would be earlier: "until September 1" written on 10 September
    assert one("until September 1", D(1950, 9, 10))[1].when == "1951-09-01"
    assert one("on September 1", D(1950, 9, 10))[1].when == "1950-09-01"


def test_without_a_reference_a_missing_year_stays_missing() -> None:
    form, m = one("On September 24, in order to organize")
    assert (form, m.when, m.cert, m.note) == ("September 24", "--09-24", None, None)


def test_a_day_range_without_year() -> None:
    form, m = one("On October 1-2, the regiment will be redeployed", D(1950, 9, 23))
    assert (form, m.when, m.not_before, m.not_after, m.cert) == (
        "October 1-2",
        None,
        "1950-10-01",
        "1950-10-02",
        "medium",
    )
    assert m.note


def test_two_dates_joined_by_words_are_two_matches() -> None:
    text = "first, from September 25 to September 30, we will transport"
    found = find_dates(text, reference=D(1950, 9, 23))
    assert [(text[m.start : m.end], m.when) for m in found] == [
        ("September 25", "1950-09-25"),
        ("September 30", "1950-09-30"),
    ]


def test_a_range_of_months() -> None:
    form, m = one("complete training in November- December 1951.", D(1951, 10, 24))
    assert (form, m.when, m.not_before, m.not_after, m.cert) == (
        "November- December 1951",
        None,
        "1951-11",
        "1951-12",
        None,
    )


@pytest.mark.parametrize(
    ("text", "form", "not_before", "not_after"),
    [
        ("Decision, Sept. 16-Oct. 15, 1950: New", "Sept. 16-Oct. 15, 1950", "1950-09-16", "1950-10-15"),
        ("on 1-2 October 1950", "1-2 October 1950", "1950-10-01", "1950-10-02"),
        ("16 September - 15 October 1950", "16 September - 15 October 1950", "1950-09-16", "1950-10-15"),
        ("in 1950-51 the", "1950-51", "1950", "1951"),
        ("from 1945–1950", "1945–1950", "1945", "1950"),
    ],
)
def test_printed_ranges(text: str, form: str, not_before: str, not_after: str) -> None:
    got, m = one(text, D(1950, 9, 30))
    assert (got, m.when, m.not_before, m.not_after) == (form, None, not_before, not_after)


def test_a_range_over_new_year_starts_in_the_year_before_and_says_so() -> None:
    _, m = one("December 20-January 5, 1951")
    assert (m.not_before, m.not_after) == ("1950-12-20", "1951-01-05")
    assert "new year" in m.note


def test_a_bare_month_after_a_cue() -> None:
    form, m = one("the offensive in November will", D(1950, 11, 17))
    assert (form, m.when, m.cert) == ("November", "1950-11", "medium")
    assert one("the offensive in November will")[1].when == "--11"


# --------------------------------------------------------------------------------- day and month order


def test_an_ambiguous_order_takes_the_reading_nearest_the_reference() -> None:
    form, m = one("This letter was cabled on 10.01.50 to", D(1950, 9, 30))
    assert (form, m.when, m.cert) == ("10.01.50", "1950-10-01", "medium")
    assert "1950-01-10" in m.note and "1950-10-01" in m.note


def test_the_same_printed_form_reads_the_other_way_near_another_reference() -> None:
    assert one("on 10.01.50", D(1950, 1, 12))[1].when == "1950-01-10"
    assert one("on 10/01/50", D(1950, 1, 12))[1].when == "1950-01-10"
    assert one("on 10/01/50", D(1950, 9, 29))[1].when == "1950-10-01"


def test_an_ambiguous_order_without_reference_takes_the_convention_of_the_separator_with_low_certainty() -> None:
    _, dot = one("on 3.10.50")
    _, slash = one("on 3/10/50")
    assert (dot.when, dot.cert, slash.when, slash.cert) == ("1950-10-03", "low", "1950-03-10", "low")
    assert "no document date" in dot.note


def test_an_order_that_only_one_reading_allows_is_not_ambiguous() -> None:
    _, m = one("on 26.9.50", D(1950, 9, 30))
    assert (m.when, m.cert, m.note) == ("1950-09-26", None, None)


def test_a_two_digit_year_without_reference_is_read_in_the_1900s_and_marked_low() -> None:
    _, m = one("Sent 17.11.50")
    assert (m.when, m.cert) == ("1950-11-17", "low")
    assert "century" in m.note


# ------------------------------------------------------------------------------ day.month without year


def test_a_day_month_after_a_transmission_word_is_a_date() -> None:
    found = find_dates("Sent 17.11.50 Received 18.11", reference=D(1950, 11, 17))
    assert [(f.when, f.cert) for f in found] == [("1950-11-17", None), ("1950-11-18", "medium")]


def test_a_day_month_with_a_time_range_gives_the_span() -> None:
    text = "Sent 17.11.50 Received 18.11 4:03-19:35"
    m = find_dates(text, reference=D(1950, 11, 17))[1]
    assert text[m.start : m.end] == "18.11 4:03-19:35"
    assert (m.when, m.not_before, m.not_after) == (None, "1950-11-18T04:03:00", "1950-11-18T19:35:00")
    assert "4:03-19:35" in m.note and "not printed" in m.note


def test_a_day_month_is_a_date_when_a_time_follows_even_without_cue() -> None:
    text = "Sent to 8th Department of the General Staff of the Armed Forces USSR 18.11 4:20-19:50"
    form, m = one(text, D(1950, 11, 17))
    assert (form, m.not_before, m.not_after) == (
        "18.11 4:20-19:50",
        "1950-11-18T04:20:00",
        "1950-11-18T19:50:00",
    )


def test_a_time_span_over_midnight_ends_the_next_day() -> None:
    _, m = one("Received 18.11 23:10-0:45", D(1950, 11, 17))
    assert (m.not_before, m.not_after) == ("1950-11-18T23:10:00", "1950-11-19T00:45:00")
    assert "next day" in m.note


def test_a_roman_month_without_year_takes_the_year_from_the_reference() -> None:
    form, m = one("[reply] of 13.XI", D(1951, 10, 24))
    assert (form, m.when, m.cert) == ("13.XI", "1951-11-13", "medium")


# ----------------------------------------------------------------------------------------------- times


@pytest.mark.parametrize(
    ("text", "reference", "form", "when"),
    [
        ("Sent on 09/29/50 at 20:23 p.m.", D(1950, 9, 29), "09/29/50 at 20:23 p.m.", "1950-09-29T20:23:00"),
        (
            "On 25.9.50, at 19:00 pm, the order",  # with ", local time" after it: see the zone test
            D(1950, 9, 26),
            "25.9.50, at 19:00 pm",
            "1950-09-25T19:00:00",
        ),
        (
            "Typed by Budanova on 28.9.50 at 0:15 a.m.",
            D(1950, 9, 26),
            "28.9.50 at 0:15 a.m.",
            "1950-09-28T00:15:00",
        ),
        (
            "Received in Moscow on 27.9.50 at 20:55 p.m.",
            D(1950, 9, 26),
            "27.9.50 at 20:55 p.m.",
            "1950-09-27T20:55:00",
        ),
        (
            "Deciphered on 09/30/50 at 15:50 p.m",
            D(1950, 9, 29),
            "09/30/50 at 15:50 p.m",
            "1950-09-30T15:50:00",
        ),
        (
            "from [BEIJING] received at 1940 24 October 1951",
            D(1951, 10, 24),
            "1940 24 October 1951",
            "1951-10-24T19:40:00",
        ),
        ("SOVIET AMBASSADORSent 03:15 13.7.50", D(1950, 7, 13), "03:15 13.7.50", "1950-07-13T03:15:00"),
        # unseen siblings
        ("on 5 October 1950 at 8 p.m.", None, "5 October 1950 at 8 p.m.", "1950-10-05T20:00:00"),
        ("on 5 October 1950 at 12:10 a.m.", None, "5 October 1950 at 12:10 a.m.", "1950-10-05T00:10:00"),
        ("on 5 October 1950 at 12:10 p.m.", None, "5 October 1950 at 12:10 p.m.", "1950-10-05T12:10:00"),
        ("on 5 October 1950 at 9:05:30", None, "5 October 1950 at 9:05:30", "1950-10-05T09:05:30"),
        ("Sent 22:40 on 1 November 1950", None, "22:40 on 1 November 1950", "1950-11-01T22:40:00"),
        ("Received at 2050 on 24 October 1951", None, "2050 on 24 October 1951", "1951-10-24T20:50:00"),
        ("on 1950-09-29 at 12:00", None, "1950-09-29 at 12:00", "1950-09-29T12:00:00"),
    ],
)
def test_a_date_with_its_time_is_one_datetime(text: str, reference: D | None, form: str, when: str) -> None:
    got, m = one(text, reference)
    assert (got, m.when, m.not_before, m.not_after, m.cert, m.note) == (form, when, None, None, None, None)


def test_four_figures_before_a_day_without_year_are_the_time() -> None:
    form, m = one("Deciphered by Prokop'yev 2050 24 October", D(1951, 10, 24))
    assert (form, m.when, m.cert) == ("2050 24 October", "1951-10-24T20:50:00", "medium")
    assert "not printed" in m.note


def test_a_time_alone_is_a_time_of_day() -> None:
    form, m = one("12:35pm, Pyongyang time", D(1950, 9, 26))
    assert (form, m.when, m.cert) == ("12:35pm", "12:35:00", None)
    assert one("at 19:00 local time")[1].when == "19:00:00"
    assert one("until 7 a.m. tomorrow")[1].when == "07:00:00"


def test_a_time_with_a_stray_digit_is_read_with_low_certainty_and_a_note() -> None:
    form, m = one("From Pyongyang Sent on 26.9.50 at 8:101 a.m., by wire", D(1950, 9, 26))
    assert (form, m.when, m.cert) == ("26.9.50 at 8:101 a.m.", "1950-09-26T08:10:00", "low")
    assert "8:101 a.m." in m.note and "stray digit" in m.note
    form, m = one("Received on 3.4.51 at 14:357", D(1951, 4, 3))  # constructed: same rule, another time
    assert (m.when, m.cert) == ("1951-04-03T14:35:00", "low")


def test_a_time_damaged_beyond_one_stray_digit_leaves_the_date_and_says_why() -> None:
    for text in ("Sent on 26.9.50 at 8:1011 a.m.", "Sent on 26.9.50 at 8:991 a.m."):
        _, m = one(text, D(1950, 9, 26))
        assert m.when == "1950-09-26" and "cannot be read" in m.note, text


def test_an_impossible_clock_value_is_damaged_too() -> None:
    _, m = one("on 27.9.50 at 25:70", D(1950, 9, 26))
    assert m.when == "1950-09-27" and "25:70" in m.note


def test_a_24_hour_time_with_pm_is_taken_as_printed() -> None:
    assert one("Received on 27.9.50 at 20:55 p.m.", D(1950, 9, 26))[1].note is None


def test_am_with_an_afternoon_hour_is_read_as_24_hour_and_noted() -> None:
    _, m = one("on 27.9.50 at 16:55 a.m.", D(1950, 9, 26))
    assert m.when == "1950-09-27T16:55:00"
    assert "a.m." in m.note


def test_a_time_with_a_date_of_unknown_year_keeps_the_date_and_says_why() -> None:
    form, m = one("On September 24 at 10:30 we")
    assert (form, m.when) == ("September 24 at 10:30", "--09-24")
    assert "10:30" in m.note


def test_a_bare_hh_mm_without_cue_or_am_pm_is_not_a_time() -> None:
    assert printed("John 3:16 and a map at scale 1:50 000") == []


# -------------------------------------------------------------------------------- errors in the source


def test_a_day_repeated_as_year_takes_the_year_from_the_reference() -> None:
    form, m = one("On 29 September 29 I met KIM IL SUNG upon his request.", D(1950, 9, 29))
    assert (form, m.when, m.cert) == ("29 September 29", "1950-09-29", "medium")
    assert '"29"' in m.note


def test_a_day_repeated_as_year_without_reference_is_left_without_year() -> None:
    _, m = one("On 29 September 29 I met")
    assert m.when == "--09-29" and '"29"' in m.note


def test_a_two_digit_year_after_a_month_name_near_the_reference_is_a_year() -> None:
    assert one("On 3 October 51 I met", D(1950, 9, 30))[1].when == "1951-10-03"


def test_a_count_after_a_day_and_month_is_no_year() -> None:
    form, m = one("On 3 October 15 divisions crossed", D(1950, 9, 30))
    assert (form, m.when) == ("3 October", "1950-10-03")


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("on 31 September 1950", "31 September 1950"),
        ("on 31.9.50", "31.9.50"),
        ("29 February 1951", "29 February 1951"),
        ("on 30/02/1950", "30/02/1950"),
    ],
)
def test_a_date_that_does_not_exist_is_kept_without_value_and_explained(text: str, form: str) -> None:
    got, m = one(text, D(1950, 9, 30))
    assert (got, m.when, m.not_before, m.not_after) == (form, None, None, None)
    assert "not a calendar date" in m.note


@pytest.mark.parametrize("text,printed,when", [
    ("to Fyn Si (Stalin), 26 [27] September 1950", "26 [27] September 1950", "1950-09-27"),
    ("Letter of 3 [4] May 1951", "3 [4] May 1951", "1951-05-04"),  # constructed: the same rule elsewhere
    ("Telegram, 30 [1] October 1950", "30 [1] October 1950", "1950-10-01"),  # a correction may go back too
])
def test_the_editors_correction_of_a_day_stands(text: str, printed: str, when: str) -> None:
    form, m = one(text)
    assert (form, m.when, m.not_before, m.cert) == (printed, when, None, "medium")
    assert "editors correct" in m.note and "their reading is taken" in m.note


def test_a_date_and_its_bracketed_restatement_are_two_dates() -> None:
    assert printed("on the night of 26.9.50 [26 September 1950], some", D(1950, 9, 26)) == [
        "26.9.50",
        "26 September 1950",
    ]


# ------------------------------------------------------------------------------------------- not dates


@pytest.mark.parametrize(
    "text",
    [
        "not less than 1,500 drivers",
        "The 3,400 trucks which are to arrive",
        "The preparation of 200-300 pilots",
        "No. 1172cc",
        "# P78/73",
        "# 1298/sh",
        "three 85-mm gun batteries",
        "in total 16 artillery guns",
        "N66[1]6/3940shs]",
        "Nº 5281",
        "CABLE Nº 25187",
        "[Incoming]] 862/9672shs",
        "CIPHERED TELEGRAM No. 600742/III",
        "No. 483/sh Copy No. 1 To Stalin",
        "Download 240.78 Kb. Size240.78 Kb.",
        "Stalin - 2, Molotov - 1, Malenkov -1,",
        "Protocol #78 of the Meeting, #73 (op)",
        "463 YaK-11 pilots, one TU-2 bomber division, two LA-11 regiments",
        "Copies NºNº 7, 8, and 9 to the 8th Department",
        "a 1.5 km front and 2.30 m ditches",
        "1950 tanks arrived",
        "the 1950s",
        "May I ask; may it not?; the troops march; Jan Smith",
        "on 13.XIII.51",
        "section 45.3.12",
        "4-page letter",
        "Printed by Shcherbakov 2200 copies",
        "more than 100,000 troops; the 38th parallel",
    ],
)
def test_numbers_that_are_not_dates_are_left_alone(text: str) -> None:
    assert printed(text, D(1950, 9, 30)) == []


# ------------------------------------------------------------------------------------------ parse_date


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("24 October 1951", "1951-10-24"),
        (" 17.11.50 ", "1950-11-17"),
        ("1919", "1919"),
        ("November", "1950-11"),
        ("18.11", "1950-11-18"),
        ("12:35", "12:35:00"),
        ("24 October 1951.", "1951-10-24"),
        ("September 27, 1950", "1950-09-27"),
    ],
)
def test_parse_date_reads_a_string_that_is_one_date_without_cues(text: str, when: str) -> None:
    m = parse_date(text, reference=D(1950, 11, 17))
    assert m is not None and m.when == when
    assert text[m.start : m.end].strip(" .") == text.strip(" .")


@pytest.mark.parametrize("text", ["", "no date", "24 October 1951 and 25 October 1951", "Sent 17.11.50", "1,500"])
def test_parse_date_refuses_anything_but_exactly_one_date(text: str) -> None:
    assert parse_date(text, reference=D(1950, 11, 17)) is None


# ------------------------------------------------------------------------------------------ invariants


def _all_values(m: DateMatch) -> list[str]:
    return [v for v in (m.when, m.not_before, m.not_after) if v is not None]


EXAMPLES = [t for t, *_ in SURE] + [
    "Sent 17.11.50 Received 18.11 4:03-19:35",
    "On 29 September 29 I met",
    "Sent on 26.9.50 at 8:101 a.m.",
    "by January 1; in November; at 12:35pm; 5 October 1950 at 8 p.m.; 1-2 October",
    "On September 24 at 10:30",
    "Received 23:10-0:45",
]


@pytest.mark.parametrize("reference", [None, D(1950, 9, 30)])
def test_every_value_is_a_valid_tei_temporal_value(reference: D | None) -> None:
    for text in EXAMPLES:
        for m in find_dates(text, reference=reference):
            for value in _all_values(m):
                assert _W3C.is_valid(f"<w>{value}</w>"), (text, value)


@pytest.mark.parametrize("reference", [None, D(1950, 9, 30)])
def test_every_uncertain_reading_is_explained(reference: D | None) -> None:
    for text in EXAMPLES:
        for m in find_dates(text, reference=reference):
            assert m.cert in (None, "medium", "low")
            assert m.cert is None or m.note, (text, m)
            assert m.when is None or (m.not_before is None and m.not_after is None)
            assert _all_values(m) or m.note, (text, m)  # no value: then a note says why


def test_on_the_sources_matches_are_ordered_non_overlapping_and_valid(repo_root: Path) -> None:
    sources = sorted((repo_root / "sources").glob("*.txt"))
    assert sources
    for path in sources:
        text = path.read_text(encoding="utf-8")
        found = find_dates(text, reference=D(1950, 9, 30))
        assert found, path.name
        for a, b in itertools.pairwise(found):
            assert a.end <= b.start
        for m in found:
            assert 0 <= m.start < m.end <= len(text)
            assert "\n" not in text[m.start : m.end]
            assert m.cert is None or m.note
            for value in _all_values(m):
                assert _W3C.is_valid(f"<w>{value}</w>"), (path.name, text[m.start : m.end], value)


@pytest.mark.parametrize("text,when", [
    ("12:35pm, Pyongyang time", "12:35:00"),
    ("Sent 4.4.51 at 07:40, Beijing time", "1951-04-04T07:40:00"),  # constructed: another place, with its day
    ("On 25.9.50, at 19:00 pm, local time, the order", "1950-09-25T19:00:00"),
])
def test_a_time_printed_with_its_zone_says_that_the_value_has_no_offset(text: str, when: str) -> None:
    m = find_dates(text, reference=D(1951, 4, 4) if "51" in text else D(1950, 9, 26))[0]
    assert m.when == when and "states no time zone" in m.note


def test_a_time_without_a_zone_gets_no_zone_note() -> None:
    assert find_dates("Sent 4.4.51 at 07:40", reference=D(1951, 4, 4))[0].note is None
