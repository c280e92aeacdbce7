"""What tagging reports, on documents written for these tests: each mention with its element, line and part, the
context of what it could not decide, and the prefixes it declares. Written against the survivors of a mutation
run of names/tagging.py (bench/RESULTS.md); fast, like test_tagging.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from tests.names.helpers import TEI, TWO_CENTRAL_COMMITTEES, names_in, tei_doc, write_authorities

from editio.names.authority import load_authorities
from editio.names.tagging import ensure_prefix_defs, tag_tree

PERSONS = """
<person xml:id="ivanov"><persName type="main" xml:lang="en">P.S. Ivanov</persName>
  <persName type="short" xml:lang="en">Ivanov</persName></person>
"""
PLACES = """<place xml:id="kanggye"><placeName type="main" xml:lang="ko-Latn">Kanggye</placeName></place>"""
ORGS = TWO_CENTRAL_COMMITTEES + """
<org xml:id="ministry"><orgName type="main" xml:lang="en">Ministry of Rails</orgName>
  <orgName type="short" xml:lang="en">the Ministry</orgName>
  <org xml:id="rails-office"><orgName type="main" xml:lang="en">Rails Office</orgName></org></org>
<org xml:id="other-ministry"><orgName type="main" xml:lang="en">Ministry of Roads</orgName>
  <orgName type="short" xml:lang="en">the Ministry</orgName></org>
"""


@pytest.fixture()
def auth(tmp_path: Path):
    return load_authorities(write_authorities(tmp_path, PERSONS, PLACES, ORGS))


def test_each_mention_says_its_element_its_part_and_how_it_came(auth):
    tree = tei_doc('<p>Ivanov met <persName>P.S. Ivanov</persName> and <orgName ref="org:union-cc">CC of the '
                   "Union</orgName>.</p>", header_title="Ivanov in Kanggye")
    result = tag_tree(tree, auth)
    got = sorted((m.ref, m.element, m.part, m.action) for m in result.mentions)
    assert got == [("org:union-cc", "orgName", "text", "existing"),
                   ("per:ivanov", "persName", "header", "added"),
                   ("per:ivanov", "persName", "text", "added"),
                   ("per:ivanov", "persName", "text", "ref-added"),
                   ("pla:kanggye", "placeName", "header", "added")]
    assert sorted(m.action for m in result.added) == ["added", "added", "added", "ref-added"]
    assert result.changed


def test_a_mention_found_in_a_paragraph_is_reported_at_that_paragraphs_line(auth):
    tree = etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt></fileDesc></teiHeader>\n'
        "<text><body><div>\n\n<p>Ivanov</p></div></body></text></TEI>"))
    [mention] = tag_tree(tree, auth).mentions
    assert (mention.ref, mention.line) == ("per:ivanov", 4)


def test_a_change_is_a_change_even_when_the_prefixes_are_declared_already(auth):
    tree = tei_doc("<p>Ivanov</p>")
    first = tag_tree(tree, auth)
    assert first.prefixes_added == ["per"] and first.changed
    for m in tree.iter(f"{{{TEI}}}persName"):
        m.getparent().text, m.tail = "Ivanov", None
        m.getparent().remove(m)
    again = tag_tree(tree, auth)
    assert again.prefixes_added == [] and [m.action for m in again.mentions] == ["added"] and again.changed
    assert not tag_tree(tree, auth).changed  # tagging twice equals tagging once


def test_a_generic_name_element_takes_whichever_kind_names_one_entry(auth):
    tree = tei_doc("<p><name>Kanggye</name> and <rs>Ivanov</rs>; <placeName>Ivanov</placeName></p>")
    result = tag_tree(tree, auth)
    assert [(e, r) for e, r, _ in names_in(tree)] == [("placeName", None)]
    assert [m.ref for m in result.mentions] == ["pla:kanggye", "per:ivanov"]
    assert [r.reason for r in result.reports if r.surface == "Ivanov"] == ["<placeName> names no single entry"]


def test_every_existing_name_of_a_block_is_read_not_only_those_before_an_undecided_one(auth):
    tree = tei_doc('<p><orgName ref="org:nobody">X</orgName> <persName>Nobody</persName> '
                   '<orgName ref="org:union-cc">CC of the Union</orgName> <persName>Ivanov</persName></p>')
    result = tag_tree(tree, auth)
    assert [m.ref for m in result.mentions] == ["org:union-cc", "per:ivanov"]
    assert [r.reason for r in result.reports] == ["@ref org:nobody resolves to no entry",
                                                  "<persName> names no single entry"]


def test_a_form_of_two_entries_is_settled_by_one_named_by_an_element_the_tagger_completed(auth):
    tree = tei_doc("<p><orgName>CC of the Union</orgName> met the Central Committee.</p>")
    tag_tree(tree, auth)
    assert [(r, c) for r, c in ((e.get("ref"), e.get("cert")) for e in tree.iter(f"{{{TEI}}}orgName"))] == [
        ("org:union-cc", None), ("org:union-cc", "medium")]


def test_a_form_of_two_entries_is_settled_by_a_part_of_one_of_them(auth):
    """'the Ministry' is Rails' or Roads': the document names the Rails Office, a part of the Ministry of Rails."""
    tree = tei_doc("<p>The Rails Office wrote to the Ministry.</p>")
    tag_tree(tree, auth)
    assert [r for _, r, _ in names_in(tree)] == ["org:rails-office", "org:ministry"]


def test_a_form_of_two_entries_both_named_elsewhere_stays_undecided_and_the_rest_is_still_tagged(auth):
    tree = tei_doc("<p>Ivanov, the CC of the People's Labour Party and the CC of the Union: the Central "
                   "Committee.</p>")
    result = tag_tree(tree, auth)
    assert [r for _, r, _ in names_in(tree)] == ["per:ivanov", "org:party-cc", "org:union-cc"]
    [report] = [r for r in result.reports if r.reason.startswith("ambiguous")]
    assert report.reason == ("ambiguous: org:party-cc, org:union-cc; none or several named elsewhere in the "
                             "document")


def test_what_is_left_undecided_is_reported_with_forty_characters_of_context_on_each_side(auth):
    left, right = "a" * 50 + " ", " " + "b" * 50
    tree = tei_doc(f"<p>{left}Central Committee{right}</p>")
    [report] = [r for r in tag_tree(tree, auth).reports if r.reason.startswith("ambiguous")]
    assert report.context == f"{'a' * 39} [Central Committee] {'b' * 39}"
    tree = tei_doc("<p>The Central Committee met.</p>")
    [report] = [r for r in tag_tree(tree, auth).reports if r.reason.startswith("ambiguous")]
    assert report.context == "The [Central Committee] met."


def test_missing_prefixes_are_declared_after_the_file_description_or_first_in_the_header():
    tree = tei_doc("<p>x</p>")
    assert ensure_prefix_defs(tree.getroot(), {"per", "org"}) == ["per", "org"]
    header = tree.getroot()[0]
    enc = header.find(f"{{{TEI}}}fileDesc").getnext()
    assert etree.QName(enc).localname == "encodingDesc"
    assert [p.get("ident") for p in enc.iter(f"{{{TEI}}}prefixDef")] == ["per", "org"]
    bare = etree.fromstring(f'<TEI xmlns="{TEI}"><teiHeader><profileDesc/></teiHeader><text/></TEI>')
    assert ensure_prefix_defs(bare, {"pla"}) == ["pla"]
    assert [etree.QName(c).localname for c in bare[0]] == ["encodingDesc", "profileDesc"]


def test_no_header_or_no_prefix_used_declares_nothing():
    assert ensure_prefix_defs(etree.fromstring(f'<TEI xmlns="{TEI}"><text/></TEI>'), {"per"}) == []
    tree = tei_doc("<p>x</p>")
    assert ensure_prefix_defs(tree.getroot(), set()) == []
    assert tree.getroot()[0].find(f"{{{TEI}}}encodingDesc") is None


# -- the second round of survivors (bench/RESULTS.md): blocks, the loops' early exits, the candidate report ------


def test_every_block_is_read_also_after_a_nested_block_and_a_foreign_element(auth):
    """A note inside a paragraph is a block of its own, an element of another namespace is not TEI text: neither
    stops the blocks after them from being read."""
    tree = tei_doc('<p>Ivanov <note>From Kanggye</note> and <x:fig xmlns:x="urn:example">Kanggye</x:fig>.</p>'
                   "<p>The CC of the Union</p><p>P.S. Ivanov</p>")
    tag_tree(tree, auth)
    assert [(r, t) for _, r, t in names_in(tree)] == [
        ("per:ivanov", "Ivanov"), ("pla:kanggye", "Kanggye"), ("org:union-cc", "CC of the Union"),
        ("per:ivanov", "P.S. Ivanov")]
    fig = next(tree.iter("{urn:example}fig"))
    assert fig.text == "Kanggye" and len(fig) == 0  # another vocabulary's text is left alone


def test_a_header_part_nested_in_another_is_read_once_and_the_parts_after_it_are_still_read(auth):
    """sourceDesc//bibl finds a bibl and the bibl of its relatedItem: the inner one is read as a block of the
    outer, once, and the text after the header is read as well."""
    xml = (f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
           "<publicationStmt><p>t</p></publicationStmt><sourceDesc><bibl>Kanggye papers<relatedItem><bibl>"
           "Ivanov papers</bibl></relatedItem></bibl></sourceDesc></fileDesc><profileDesc><abstract><p>CC of the "
           "Union</p></abstract></profileDesc></teiHeader><text><body><p>Ivanov</p></body></text></TEI>")
    tree = etree.ElementTree(etree.fromstring(xml))
    result = tag_tree(tree, auth)
    assert sorted((m.ref, m.part) for m in result.mentions) == [
        ("org:union-cc", "header"), ("per:ivanov", "header"), ("per:ivanov", "text"), ("pla:kanggye", "header")]
    assert not tag_tree(tree, auth).added  # read once: nothing is wrapped twice


def test_a_name_that_inline_markup_only_partly_covers_is_reported_and_the_names_before_it_still_tagged(auth):
    tree = tei_doc("<p>Ivanov wrote from Kang<hi>gye, late</hi>.</p>")
    result = tag_tree(tree, auth)
    assert [(r, t) for _, r, t in names_in(tree)] == [("per:ivanov", "Ivanov")]
    # one report, the true one: the form is in the authority files, it is not an unknown name as well
    assert [r.reason for r in result.reports if r.surface == "Kanggye"] == [
        "inline markup only partly covers the name: not wrapped"]


def test_a_form_of_two_entries_left_undecided_is_reported_as_such_and_not_as_an_unknown_name(tmp_path: Path):
    persons = """<person xml:id="pak-a"><persName type="main" xml:lang="ko-Latn">Pak Il</persName>
      <persName type="short" xml:lang="ko-Latn">Pak</persName></person>
    <person xml:id="pak-b"><persName type="main" xml:lang="ko-Latn">Pak Tal</persName>
      <persName type="short" xml:lang="ko-Latn">Pak</persName></person>"""
    auth = load_authorities(write_authorities(tmp_path, persons))
    result = tag_tree(tei_doc("<p>Comrade Pak met Comrade Sinbuk.</p>"), auth)
    assert [(r.surface, r.reason) for r in result.reports] == [
        ("Pak", "ambiguous: per:pak-a, per:pak-b; none or several named elsewhere in the document"),
        ("Sinbuk", "after the title “Comrade”")]


def test_an_undecided_form_does_not_stop_the_forms_before_it_in_its_block_from_being_tagged(auth):
    tree = tei_doc("<p>Ivanov in Kanggye and the Central Committee</p>")
    tag_tree(tree, auth)
    assert [r for _, r, _ in names_in(tree)] == ["per:ivanov", "pla:kanggye"]


def test_a_word_the_document_writes_in_lowercase_is_no_name_candidate_where_it_is_capitalised(auth):
    """Candidates are words no English lexicon knows; a word the same document also writes in lowercase (a
    transliterated common noun) is one of its words, not a name, even after a place cue."""
    tree = tei_doc("<p>The zavodik stood by the river.</p>"
                   "<p>Troops in the area of Zavodik and in the area of Sinbuk.</p>")
    result = tag_tree(tree, auth)
    assert [r.surface for r in result.reports] == ["Sinbuk"]


def test_the_context_of_a_report_is_forty_characters_on_each_side_wherever_the_name_ends(auth):
    """The right-hand context is counted from the end of the name (b + 40), at any offset."""
    for left in ("In the ", "In the first ", "Later, in the first week, x ", "a" * 33 + " "):
        right = " " + "b" * 60
        tree = tei_doc(f"<p>{left}Central Committee{right}</p>")
        [report] = [r for r in tag_tree(tree, auth).reports if r.reason.startswith("ambiguous")]
        assert report.context == f"{left[-40:]}[Central Committee]{right[:40]}".strip(), left
