"""Tagging on documents written for these tests (not the seeds): the rules are general and authority-driven."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from tests.names.helpers import TEI, TWO_CENTRAL_COMMITTEES, names_in, tei_doc, text_of, write_authorities

from editio.names.authority import load_authorities
from editio.names.tagging import tag_tree

PERSONS = """
<person xml:id="ivanov"><persName type="main" xml:lang="en">P.S. Ivanov</persName>
  <persName type="short" xml:lang="en">Ivanov</persName>
  <persName type="pseudonym" xml:lang="ru-Latn">Sergeyev</persName></person>
<person xml:id="ri-song-ok"><persName type="main" xml:lang="ko-Latn">Ri Sóng-ok</persName>
  <persName type="short" xml:lang="ko-Latn">Ri</persName></person>
<person xml:id="pak-a"><persName type="main" xml:lang="ko-Latn">Pak Il</persName>
  <persName type="short" xml:lang="ko-Latn">Pak</persName></person>
<person xml:id="pak-b"><persName type="main" xml:lang="ko-Latn">Pak Tal</persName>
  <persName type="short" xml:lang="ko-Latn">Pak</persName></person>
"""
PLACES = """
<place xml:id="hamhung"><placeName type="main" xml:lang="ko-Latn">Hamhúng</placeName></place>
<place xml:id="kanggye"><placeName type="main" xml:lang="ko-Latn">Kanggye</placeName></place>
<place xml:id="canton"><placeName type="main" xml:lang="en">Canton</placeName></place>
"""
ORGS = TWO_CENTRAL_COMMITTEES + """
<org xml:id="dept-3"><orgName type="main" xml:lang="en">3rd Department of the Staff</orgName>
  <orgName type="short" xml:lang="en">3rd Department</orgName></org>
"""


@pytest.fixture()
def auth(tmp_path: Path):
    return load_authorities(write_authorities(tmp_path, PERSONS, PLACES, ORGS))


def tagged(body: str, auth, title: str = "A test document"):
    tree = tei_doc(body, title)
    before = text_of(tree)
    result = tag_tree(tree, auth)
    assert text_of(tree) == before, "tagging changed the text"
    return tree, result


def test_caps_possessive_title_and_initials(auth) -> None:
    tree, _ = tagged("<p>Comrade IVANOV met Ri Sóng-ok's deputy; Cde. P. S. Ivanov left for HAMHÚNG.</p>", auth)
    assert names_in(tree) == [
        ("persName", "per:ivanov", "IVANOV"),
        ("persName", "per:ri-song-ok", "Ri Sóng-ok"),
        ("persName", "per:ivanov", "P. S. Ivanov"),
        ("placeName", "pla:hamhung", "HAMHÚNG"),
    ]
    p = tree.find(f".//{{{TEI}}}body//{{{TEI}}}p")
    assert p.text == "Comrade "  # the title stays outside the name
    assert p[1].tail.startswith("'s deputy")  # the possessive too


def test_diacritics_and_apostrophes_do_not_matter_but_capitals_do(auth) -> None:
    tree, _ = tagged("<p>From Hamhung to Kanggye; a canton is no Canton; RI SONG-OK.</p>", auth)
    assert [r for _, r, _ in names_in(tree)] == ["pla:hamhung", "pla:kanggye", "pla:canton", "per:ri-song-ok"]


def test_a_longer_unknown_name_is_not_taken_for_a_short_form(auth) -> None:
    tree, result = tagged("<p>Ri Chang-ho spoke before Ri Sóng-ok.</p>", auth)
    assert names_in(tree) == [("persName", "per:ri-song-ok", "Ri Sóng-ok")]
    assert any(r.surface.startswith("Ri Chang") for r in result.reports)


def test_names_across_inline_markup_and_inside_it(auth) -> None:
    body = ("<p>To <supplied>P.S.</supplied> Ivanov and <reg>Kanggye</reg>, "
            "<choice><abbr>CC PLP</abbr><expan>CC of the People's Labour Party</expan></choice>.</p>")
    tree, _ = tagged(body, auth)
    assert names_in(tree) == [
        ("persName", "per:ivanov", "P.S. Ivanov"),
        ("placeName", "pla:kanggye", "Kanggye"),
        ("orgName", "org:party-cc", "CC PLPCC of the People's Labour Party"),
    ]
    xml = etree.tostring(tree, encoding="unicode")
    assert '<persName ref="per:ivanov"><supplied>P.S.</supplied> Ivanov</persName>' in xml
    assert '<orgName ref="org:party-cc"><choice>' in xml  # the whole choice is the name


def test_a_name_that_inline_markup_cuts_in_two_is_reported_not_broken(auth) -> None:
    tree, result = tagged("<p>Ri <hi>Sóng-ok and others</hi> came.</p>", auth)
    assert names_in(tree) == []
    assert any("partly" in r.reason for r in result.reports)


def test_no_names_in_dates_identifiers_and_pointers(auth) -> None:
    body = ('<p><date when="1950-01-01">Ivanov day</date> <idno>Kanggye-1</idno> '
            '<ptr target="#x"/> Ivanov</p>')
    tree, _ = tagged(body, auth)
    assert names_in(tree) == [("persName", "per:ivanov", "Ivanov")]


def test_a_line_break_is_a_space(auth) -> None:
    tree, _ = tagged("<p>Ri<lb/>Sóng-ok</p>", auth)
    assert names_in(tree) == [("persName", "per:ri-song-ok", "RiSóng-ok")]


def test_header_title_is_tagged(auth) -> None:
    tree, _ = tagged("<p>nothing</p>", auth, title="Telegram, Sergeyev [Ivanov] to Ri Sóng-ok")
    assert [r for _, r, _ in names_in(tree)] == ["per:ivanov", "per:ivanov", "per:ri-song-ok"]


def test_manual_tags_are_kept_and_completed(auth) -> None:
    body = ('<p><persName ref="#someone-else">Ivanov</persName> and <placeName>Kanggye</placeName> and '
            '<persName>Nobody Known</persName>.</p>')
    tree, result = tagged(body, auth)
    assert names_in(tree) == [
        ("persName", "#someone-else", "Ivanov"),  # an editor's decision is never overridden
        ("placeName", "pla:kanggye", "Kanggye"),  # a tag without @ref gets one
        ("persName", None, "Nobody Known"),  # not resolvable: kept as is, reported
    ]
    assert any(r.surface == "Nobody Known" for r in result.reports)


def test_tagging_twice_is_tagging_once(auth) -> None:
    tree, _ = tagged("<p>Ivanov, IVANOV's <supplied>P.S.</supplied> Ivanov in Canton; Central Committee of "
                     "the CC of the Union.</p>", auth)
    once = etree.tostring(tree)
    again = tag_tree(tree, auth)
    assert etree.tostring(tree) == once
    assert not again.added


def test_a_form_of_two_entries_is_settled_by_the_document_or_reported(auth) -> None:
    tree, _ = tagged("<p>The CC of the Union met; the Central Committee decided.</p>", auth)
    assert names_in(tree)[-1] == ("orgName", "org:union-cc", "Central Committee")
    assert tree.find(f".//{{{TEI}}}orgName[@cert]").get("cert") == "medium"
    # a part of an org counts for the org: the People's Labour Party's CC is the one meant here
    tree, _ = tagged("<p>The CC of the People's Labour Party and its Central Committee.</p>", auth)
    assert names_in(tree)[-1][1] == "org:party-cc"
    tree, result = tagged("<p>Pak came.</p>", auth)
    assert names_in(tree) == []
    assert any(r.reason.startswith("ambiguous") for r in result.reports)


def test_an_entry_added_by_an_editor_is_tagged_on_the_next_run(tmp_path: Path) -> None:
    folder = write_authorities(tmp_path, PERSONS, PLACES, ORGS)
    tree = tei_doc("<p>Colonel Dmitrenko reported from Kanggye.</p>")
    first = tag_tree(tree, load_authorities(folder))
    assert any(r.surface == "Dmitrenko" for r in first.reports)  # an unknown name after a title is reported
    extra = '<person xml:id="dmitrenko"><persName type="main" xml:lang="en">Dmitrenko</persName></person>'
    write_authorities(tmp_path, PERSONS + extra, PLACES, ORGS)
    second = tag_tree(tree, load_authorities(folder))
    assert ("persName", "per:dmitrenko", "Dmitrenko") in names_in(tree)
    assert not second.reports


def test_unknown_candidates_after_place_cues(auth) -> None:
    _, result = tagged("<p>Fighting in the area of Chorwon and near Kanggye.</p>", auth)
    assert [(r.surface, r.reason) for r in result.reports] == [("Chorwon", "after “in the area of”")]


def test_prefix_definitions_are_added_when_missing(auth) -> None:
    tree, result = tagged("<p>Ivanov</p>", auth)
    assert result.prefixes_added == ["per"]
    pd = tree.find(f".//{{{TEI}}}prefixDef")
    assert pd.get("replacementPattern") == "persons.xml#$1"
