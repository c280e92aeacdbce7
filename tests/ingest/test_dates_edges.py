"""The edges of the date rules, on constructed lines: where a reading starts and stops being taken, and what is said
about it. Written against the survivors of a mutation run of ingest/dates.py (bench/RESULTS.md); each test states a
rule of the module's docstring or of data/date-cues.tsv at its boundary."""

from __future__ import annotations

import datetime as dt
import inspect

import pytest

from editio.ingest.dates import find_dates, parse_date

D = dt.date


def values(text: str, reference: dt.date | None = None) -> list[tuple[str, str | None, str | None, str | None]]:
    """(printed, when, notBefore, notAfter) of every match."""
    return [(text[m.start : m.end], m.when, m.not_before, m.not_after) for m in find_dates(text, reference=reference)]


def only(text: str, reference: dt.date | None = None):
    [m] = find_dates(text, reference=reference)
    return m


# -- a year that is not printed ---------------------------------------------------------------------------------


def test_29_february_without_a_year_or_a_document_date_is_a_possible_day():
    m = parse_date("29 February")
    assert (m.when, m.note) == ("--02-29", None)


def test_a_forward_cue_takes_the_documents_own_day_and_month_as_on_or_after_it():
    m = only("by 17 November", D(1950, 11, 17))
    assert m.when == "1950-11-17"
    assert only("by December", D(1950, 12, 31)).when == "1950-12"  # a month: on or after while it lasts
    assert only("by November", D(1950, 12, 31)).when == "1951-11"


def test_equally_near_years_are_settled_for_the_documents_own_year():
    # 1 December 1951 and 1 December 1952 are both 183 days from 1 June 1952
    assert (D(1952, 6, 1) - D(1951, 12, 1)).days == (D(1952, 12, 1) - D(1952, 6, 1)).days
    assert parse_date("1 December", reference=D(1952, 6, 1)).when == "1952-12-01"


# -- a two-figure year -------------------------------------------------------------------------------------------


def test_without_a_document_date_a_two_figure_year_is_read_in_the_1900s_and_says_so():
    m = parse_date("05.05.50")
    assert (m.when, m.cert) == ("1950-05-05", "low")
    assert m.note.endswith("read as 1950")


def test_a_two_figure_year_is_the_one_nearest_the_document_across_a_century():
    assert parse_date("31.12.99", reference=D(2001, 1, 10)).when == "1999-12-31"
    assert parse_date("2.1.01", reference=D(1999, 12, 20)).when == "2001-01-02"
    assert parse_date("5.1.17", reference=D(2016, 3, 1)).when == "2017-01-05"


def test_a_span_of_years_with_a_two_figure_end_ends_in_the_same_century():
    assert (parse_date("1989-90").not_before, parse_date("1989-90").not_after) == ("1989", "1990")
    assert parse_date("1998-99").not_after == "1999"
    assert parse_date("1950-49") is None  # an end before the start is no span of years


def test_a_year_printed_as_the_day_again_is_a_repetition_only_far_from_the_documents_year():
    m = only("30 December 30", D(1931, 1, 10))  # a year from the document's: 1930, as printed
    assert (m.when, m.cert, m.note) == ("1930-12-30", None, None)
    m = only("30 May 30", D(1930, 6, 1))  # the document's own year: 1930, as printed, not a repetition
    assert (m.when, m.cert, m.note) == ("1930-05-30", None, None)
    m = only("30 May 30", D(1932, 6, 1))  # two years off: the figures repeat the day
    assert (m.when, m.cert) == ("1932-05-30", "medium")
    assert 'the year is printed as "30", which repeats the day' in m.note


def test_a_two_figure_year_more_than_a_year_from_the_document_is_no_year_of_the_date():
    text = "5 May 48"
    m = only(text, D(1950, 9, 29))
    assert (text[m.start : m.end], m.when) == ("5 May", "1950-05-05")
    m = only("5 May 50", D(1950, 9, 29))
    assert (m.end, m.when, m.cert, m.note) == (8, "1950-05-05", None, None)
    m = only("5 May 49", D(1950, 9, 29))
    assert (m.end, m.when) == (8, "1949-05-05")


# -- the editors' correction of a day ---------------------------------------------------------------------------


def test_the_editors_day_stands_also_without_a_printed_year():
    m = only("26 [27] September", D(1950, 9, 20))
    assert (m.when, m.cert, m.corrected) == ("1950-09-27", "medium", "1950-09-26")


def test_the_editors_day_stands_when_the_printed_day_does_not_exist():
    """'31 [30] September 1950': the print names no day, which is why the editors corrected it."""
    m = only("31 [30] September 1950")
    assert (m.when, m.cert, m.corrected) == ("1950-09-30", "medium", None)
    assert 'the day is printed as "31"; the editors correct it to "30"' in m.note
    m = only("29 [28] February", D(1950, 3, 1))
    assert m.when == "1950-02-28"


def test_a_correction_to_a_day_that_does_not_exist_gives_no_value():
    for text, ref in (("30 [31] April 1950", None), ("28 [29] February", D(1950, 3, 1)), ("0 [10] May 1950", None)):
        m = only(text, ref)
        assert (m.when, m.not_before) == (None, None), text
        assert "is not a calendar date" in m.note


# -- ranges ------------------------------------------------------------------------------------------------------


def test_a_range_without_a_year_that_passes_new_year_ends_in_the_next_year():
    m = only("30 December - 2 January", D(1950, 12, 20))
    assert (m.not_before, m.not_after) == ("1950-12-30", "1951-01-02")


def test_a_range_with_an_end_that_does_not_exist_gives_no_value():
    m = only("October 1-32", D(1950, 9, 20))
    assert (m.when, m.not_before, m.not_after) == (None, None, None)
    assert "is not a calendar date" in m.note


# -- figures that are no date at all, and date-shaped figures that name no day -----------------------------------


@pytest.mark.parametrize("text", ["13.13.50", "32.1.50", "1.32.50", "4.32.50"])
def test_figures_no_day_and_month_order_could_give_are_no_date(text):
    assert find_dates(text) == []


def test_figures_shaped_like_a_date_of_a_day_that_does_not_exist_are_kept_and_explained():
    m = only("4.31.50")  # 31 April or the 4th of a 31st month: neither exists
    assert (m.when, m.note) == (None, '"4.31.50" is not a calendar date; it is left without a value')


# -- times -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["at 12:60", "at 12:30:60", "at 24:00"])
def test_figures_beyond_a_clock_are_no_time(text):
    assert find_dates(text) == []


def test_the_last_second_and_minute_of_the_clock_are_times():
    assert values("at 12:30:59") == [("12:30:59", "12:30:59", None, None)]
    assert values("at 23:59") == [("23:59", "23:59:00", None, None)]


@pytest.mark.parametrize("text, when", [
    ("1:15 p.m.", "13:15:00"), ("11:15 p.m.", "23:15:00"), ("12:15 p.m.", "12:15:00"), ("12:15 a.m.", "00:15:00"),
])
def test_a_p_m_time_is_read_on_the_24_hour_clock(text, when):
    m = only(text)
    assert (m.when, m.note) == (when, None)


def test_a_24_hour_time_with_p_m_keeps_its_figures_and_says_so():
    m = only("0:20 p.m.")
    assert (m.when, m.note) == ("00:20:00", '"0:20 p.m." gives a 24-hour time with "p.m."; read as 00:20')
    m = only("14:05 a.m.")
    assert (m.when, m.note) == ("14:05:00", '"14:05 a.m." gives a 24-hour time with "a.m."; read as 14:05')
    assert only("14:05 p.m.").note is None  # p.m. after an afternoon hour only repeats it


def test_a_time_that_cannot_be_read_is_no_date_even_where_any_time_is_looked_for():
    assert parse_date("25:99") is None


def test_every_time_of_a_line_is_read_also_after_one_inside_a_span():
    assert values("4:03-19:35 then 12:00 p.m.") == [
        ("4:03-19:35", None, "04:03:00", "19:35:00"), ("12:00 p.m.", "12:00:00", None, None)]


def test_a_span_that_ends_after_midnight_says_so_and_one_that_does_not_says_nothing():
    assert only("from 23:10-01:20").note == 'the span "23:10-01:20" ends after midnight'
    assert only("from 13:10-14:20").note is None


def test_a_time_apart_from_a_date_is_its_own_match_before_or_after_it():
    assert values("Sent 10.01.50. Later 14:05 p.m.", D(1950, 1, 9)) == [
        ("10.01.50", "1950-01-10", None, None), ("14:05 p.m.", "14:05:00", None, None)]
    assert values("At 14:05 p.m. the cable left; it was dated 10.01.50.", D(1950, 1, 9)) == [
        ("14:05 p.m.", "14:05:00", None, None), ("10.01.50", "1950-01-10", None, None)]


# -- a time printed before its date -----------------------------------------------------------------------------


def test_a_clock_time_right_before_a_date_at_the_start_of_the_text_joins_it():
    assert values("12:50, 10.01.50", D(1950, 1, 9)) == [("12:50, 10.01.50", "1950-01-10T12:50:00", None, None)]


def test_four_figures_right_before_a_date_at_the_start_of_the_text_are_its_time():
    assert values("1940 24 October 1951") == [("1940 24 October 1951", "1951-10-24T19:40:00", None, None)]


def test_a_time_right_before_a_bare_day_and_month_makes_it_a_date():
    assert values("Copy 12:50 10.01", D(1950, 1, 5))[0][:2] == ("12:50 10.01", "1950-01-10T12:50:00")
    assert values("Copy 1250 10.01", D(1950, 1, 5))[0][:2] == ("1250 10.01", "1950-01-10T12:50:00")
    assert values("Copy 10.01", D(1950, 1, 5)) == []  # without cue or time: a number


# -- zones, and where a reading starts ---------------------------------------------------------------------------


def test_a_local_time_and_a_time_of_a_named_place_are_told_apart():
    local = only("on 25.9.50, at 19:00 pm, local time", D(1950, 9, 26))
    assert "the local time of the place of writing" in local.note
    named = only("12:35pm, Pyongyang time")
    assert "the time of the place named" in named.note and "local time" not in named.note


@pytest.mark.parametrize("k", range(12))
def test_the_longest_reading_at_a_place_wins_wherever_it_stands(k):
    text = "x" * k + " October 1-2 and Sept. 16-Oct. 15, 1950"
    assert values(text, D(1950, 9, 23)) == [
        ("October 1-2", None, "1950-10-01", "1950-10-02"), ("Sept. 16-Oct. 15, 1950", None, "1950-09-16", "1950-10-15")]


def test_parse_date_allows_space_around_and_a_final_stop():
    m = parse_date("  5 May 1950.")
    assert (m.start, m.end, m.when) == (2, 12, "1950-05-05")
    m = parse_date("16 Sept.")  # the stop belongs to the abbreviation
    assert (m.end, m.when) == (8, "--09-16")
    assert parse_date("16 Sept. and more") is None


def test_the_document_date_is_given_by_name():
    for f in (find_dates, parse_date):
        assert inspect.signature(f).parameters["reference"].kind is inspect.Parameter.KEYWORD_ONLY


def test_a_month_without_a_year_is_taken_in_the_year_that_puts_it_nearest_the_document():
    assert only("in November", D(1950, 2, 1)).when == "1949-11"
    assert only("in March", D(1950, 2, 1)).when == "1950-03"


def test_a_range_of_one_day_stays_in_its_year():
    m = only("October 1-1", D(1950, 9, 20))
    assert (m.not_before, m.not_after) == ("1950-10-01", "1950-10-01")


def test_a_span_of_years_must_end_after_it_starts():
    assert parse_date("1950-50") is None
    assert parse_date("1950-51").not_after == "1951"


def test_a_day_month_and_year_in_figures_needs_no_cue():
    assert values("see 3.10.50 here", D(1950, 10, 1)) == [("3.10.50", "1950-10-03", None, None)]


def test_a_time_with_a_stray_figure_says_which_time_it_is_read_as():
    m = only("at 8:101 a.m.", D(1950, 9, 26))
    assert (m.when, m.cert) == ("08:10:00", "low")
    assert "it is read as 08:10, the last figure \"1\" taken as a stray digit" in m.note


def test_a_bare_time_without_a_cue_does_not_hide_a_marked_time_after_it():
    assert values("12:00 and 14:05 p.m.") == [("14:05 p.m.", "14:05:00", None, None)]


def test_two_figures_after_a_day_that_are_neither_its_year_nor_a_repetition_are_left_out():
    text = "30 May 29"  # 1929 is far from 1950, and 29 does not repeat the day 30
    m = only(text, D(1950, 9, 29))
    assert (text[m.start : m.end], m.when) == ("30 May", "1950-05-30")
    assert "repeats the day" not in m.note


def test_four_figures_at_the_very_start_of_the_text_are_the_time_of_the_day_after_them():
    assert values("1250 10.01", D(1950, 1, 5))[0][:2] == ("1250 10.01", "1950-01-10T12:50:00")


def test_13_a_m_is_a_24_hour_time_and_says_so():
    assert only("13:05 a.m.").note == '"13:05 a.m." gives a 24-hour time with "a.m."; read as 13:05'


def test_a_span_of_hours_on_a_day_ends_on_the_next_day_only_when_it_passes_midnight():
    m = only("Received 18.11 4:20-19:50", D(1950, 11, 17))
    assert (m.not_before, m.not_after) == ("1950-11-18T04:20:00", "1950-11-18T19:50:00")
    assert m.note.endswith('the time is printed as the span "4:20-19:50"')
    m = only("Received 18.11 23:10-01:20", D(1950, 11, 17))
    assert (m.not_before, m.not_after) == ("1950-11-18T23:10:00", "1950-11-19T01:20:00")
    assert m.note.endswith("; its end is taken on the next day")


def test_a_span_of_no_length_does_not_pass_midnight():
    assert only("from 12:00-12:00").note is None


def test_a_slashed_day_month_and_year_needs_no_cue():
    assert values("see 09/30/50 here", D(1950, 9, 29)) == [("09/30/50", "1950-09-30", None, None)]


def test_figures_that_allow_one_order_only_are_read_in_that_order():
    m = only("see 12.25.50 here")  # the 25th month does not exist: 25 December
    assert m.when == "1950-12-25" and "can be read as" not in m.note


def test_a_span_of_hours_alone_is_a_span_not_a_time():
    assert values("from 13:10-14:20") == [("13:10-14:20", None, "13:10:00", "14:20:00")]


def test_every_named_zone_is_the_time_of_that_place_not_local_time():
    for zone in ("Beijing", "Pyongyang", "Moscow"):
        m = only(f"12:35 p.m., {zone} time")
        assert "the time of the place named" in m.note, zone


def test_the_year_after_the_documents_is_a_candidate_in_every_year():
    assert only("5 January", D(1951, 12, 20)).when == "1952-01-05"
    assert only("5 January", D(1950, 12, 20)).when == "1951-01-05"


def test_two_figures_before_a_lowercase_word_are_a_count_even_when_they_could_be_the_year():
    text = "3 October 50 divisions"
    m = only(text, D(1950, 9, 29))
    assert (text[m.start : m.end], m.cert) == ("3 October", "medium")


def test_a_range_over_new_year_ends_in_the_next_year_from_any_year():
    m = only("30 December - 2 January", D(1951, 12, 20))
    assert (m.not_before, m.not_after) == ("1951-12-30", "1952-01-02")


def test_a_span_of_no_length_on_a_day_stays_on_that_day():
    m = only("Received 18.11 12:00-12:00", D(1950, 11, 17))
    assert (m.not_before, m.not_after) == ("1950-11-18T12:00:00", "1950-11-18T12:00:00")


def test_a_time_joined_to_its_date_does_not_hide_the_times_after_it():
    assert values("Received 18.11 4:03 and later 14:05 p.m.", D(1950, 11, 17)) == [
        ("18.11 4:03", "1950-11-18T04:03:00", None, None), ("14:05 p.m.", "14:05:00", None, None)]


def test_parse_date_allows_indentation_before_an_abbreviated_month_with_its_stop():
    m = parse_date("  6 Sept.")
    assert (m.start, m.end, m.when) == (2, 9, "--09-06")


def test_parse_date_allows_a_comma_after_the_stop_of_an_abbreviated_month():
    """'a final full stop or comma are allowed': also both, when the stop is the abbreviation's own."""
    m = parse_date("  16 Sept.,")
    assert (m.start, m.end, m.when) == (2, 10, "--09-16")
    assert parse_date("16 Sept., x") is None
