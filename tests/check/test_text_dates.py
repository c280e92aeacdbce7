"""editio-date-text: a date printed in the text says the same day as its @when, in the forms the sources use."""

from __future__ import annotations

import pytest

ZHOU = "1950-07-13-stalin-to-zhou-enlai.xml"
ORIGINAL = '<date when="1950-07-13T03:15:00">03:15 13.7.50</date>'

CASES = [
    ("1950-07-13T03:15:00", "03:15 13.7.50", True),
    ("1950-07-14T03:15:00", "03:15 13.7.50", False),
    ("1950-07-13", "13 July 1950", True),
    ("1950-07-13", "July 13, 1950", True),
    ("1950-08-13", "July 13, 1950", False),
    ("1951-11-13", "13.XI.51", True),
    ("1951-10-13", "13.XI.51", False),
    ("1950-11-18", "18.11", True),
    ("1950-11-19", "18.11", False),
    ("1950-07", "July 1950", True),
    ("1951-07", "July 1950", False),
    ("1950-10-01", "10/01/50", True),  # American month/day order, as the sources sometimes print it
    ("1950-10-24", "24 October", True),
    ("1950-10-25", "24 October", False),
    ("1950-09-27", "<choice><sic>26</sic><corr>27</corr></choice> September 1950", True),
    ("1950-09-26", "26.9.50 <note>an editor's restatement: 27 September 1950</note>", True),
    ("1950-07-14", "<sic>13.7.50</sic>", True),  # the source's own error, marked: not compared
    ("1950-07-13", "the thirteenth", True),  # nothing readable: nothing to compare
]


@pytest.mark.parametrize(("when", "text", "consistent"), CASES)
def test_text_and_when_agree(when, text, consistent, check, edition_fixture, scratch_edition):
    source = (edition_fixture / ZHOU).read_text(encoding="utf-8")
    assert ORIGINAL in source
    doc = scratch_edition / ZHOU
    doc.write_text(source.replace(ORIGINAL, f'<date when="{when}">{text}</date>'), encoding="utf-8")
    rules = [p.rule_id for p in check([doc]).problems]
    assert rules == ([] if consistent else ["editio-date-text"])


def test_a_month_day_date_is_not_iso(check, edition_fixture, scratch_edition):
    source = (edition_fixture / ZHOU).read_text(encoding="utf-8")
    doc = scratch_edition / ZHOU
    doc.write_text(source.replace(ORIGINAL, '<date when="--07-13">13.7</date>'), encoding="utf-8")
    assert [p.rule_id for p in check([doc]).problems] == ["editio-date-iso"]


def test_header_dates_are_read_too(check, edition_fixture, scratch_edition):
    source = (edition_fixture / ZHOU).read_text(encoding="utf-8")
    doc = scratch_edition / ZHOU
    doc.write_text(source.replace('<date when="1950-07-13">13 July 1950</date>',
                                  '<date when="1950-07-31">13 July 1950</date>'), encoding="utf-8")
    assert [(p.rule_id, p.line) for p in check([doc]).problems] == [("editio-date-text", 88)]
