"""The nothing-lost check itself, on constructed trees: each way a conversion can lose, add or cut a word is caught
and named with its source line, and nothing that is faithful is refused. (Fast: the mutation run of
ingest/fidelity.py uses this file alone, see bench/RESULTS.md.)"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from editio.ingest import fidelity
from editio.ingest.model import Field, Line, SourceDocument

T = "http://www.tei-c.org/ns/1.0"


def tei(text: str, header: str = "Telegram from Stalin to Mao") -> etree._Element:
    return etree.fromstring(f'<TEI xmlns="{T}"><teiHeader><title>{header}</title></teiHeader>'
                            f"<text><body>{text}</body></text></TEI>")


def doc(title: str = "Telegram from Stalin to Mao", **fields) -> SourceDocument:
    d = SourceDocument(path=Path("s.txt"), layout="pagedump", raw_lines=[], title=Field(title, 2))
    for name, value in fields.items():
        setattr(d, name, value)
    return d


def messages(failures) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in failures]


def test_a_faithful_text_passes_whatever_its_markup():
    units = [Line(5, "Comrade STALIN, the 8th MDGS"), Line(6, "received it.")]
    tree = tei('<p>Comrade <persName>STALIN</persName>, the <orgName>8th MDGS</orgName></p><p>received it.</p>')
    assert fidelity.check(doc(), units, tree) == []


def test_a_lost_word_is_named_with_its_line_and_what_stands_in_its_place():
    units = [Line(5, "one two"), Line(7, "three four")]
    failures = fidelity.check(doc(), units, tei("<p>one two</p><p>three</p>"))
    assert messages(failures) == [(7, "the word 'four' of the source is missing from the TEI text (found 'the end "
                                      "of the text' in its place)")]
    failures = fidelity.check(doc(), units, tei("<p>one two</p><p>tree four</p>"))
    assert messages(failures) == [(7, "the word 'three' of the source is missing from the TEI text (found "
                                      "'treefour' in its place)")]


def test_only_the_first_lost_word_is_reported():
    failures = fidelity.check(doc(), [Line(1, "a b c d")], tei("<p>x y z w</p>"))
    assert len(failures) == 1 and failures[0].line == 1


def test_a_word_added_outside_the_editions_own_elements_is_caught_at_the_last_source_line():
    units = [Line(3, "one"), Line(4, "two")]
    failures = fidelity.check(doc(), units, tei("<p>one two three and more words here</p>"))
    assert messages(failures) == [(4, "the TEI text adds 'threeandmorewordsher', which is not in the source, outside "
                                      "a marked editorial element")]


def test_text_added_to_an_empty_source_is_caught_at_its_first_line():
    assert [f.line for f in fidelity.check(doc(), [Line(9, "")], tei("<p>invented</p>"))] == [9]
    assert [f.line for f in fidelity.check(doc(), [], tei("<p>invented</p>"))] == [1]


def test_the_editions_own_additions_are_not_the_sources_words():
    tree = tei('<p>greatsuccesses<note resp="org:editio">two words run together</note> today</p>')
    assert fidelity.check(doc(), [Line(1, "greatsuccesses today")], tree) == []
    tree = tei('<p>greatsuccesses<note resp="per:mansourov">two words</note> today</p>')
    assert fidelity.check(doc(), [Line(1, "greatsuccesses today")], tree) != []


def test_text_in_tails_and_nested_elements_is_read_in_document_order():
    tree = tei("<p><hi>a <hi>b</hi> c</hi> d <hi>e</hi> f</p>")
    assert fidelity.text_words(tree.find(f"{{{T}}}text")) == ["a", "b", "c", "d", "e", "f"]
    assert fidelity.check(doc(), [Line(1, "a b c d e f")], tree) == []
    assert fidelity.check(doc(), [Line(1, "a b c d f e")], tree) != []  # a moved word is a change


def test_bracket_marks_and_the_labels_their_markup_stands_for_are_not_words():
    words = fidelity.source_words([Line(4, "[Stamp: SUBJECT TO RETURN] 13.XI[SIC].51 C[entral] [To:] Cmrds")])
    assert [w.text for w in words] == ["SUBJECT", "TO", "RETURN", "13", "XI", "51", "C", "entral", "To", "Cmrds"]
    assert {w.line for w in words} == {4}


def test_a_bracket_without_a_body_group_keeps_its_content_and_nested_brackets_keep_theirs():
    words = fidelity.source_words([Line(1, "Colonel [signature] (Makarov) [Handwritten: [illegible] yes]")])
    assert [w.text for w in words] == ["Colonel", "signature", "Makarov", "illegible", "yes"]


def test_a_word_on_a_joined_line_keeps_its_own_line_number():
    words = fidelity.source_words([Line(10, "first [Stamp:\nsecond]\nthird")])
    assert [(w.text, w.line) for w in words] == [("first", 10), ("second", 11), ("third", 12)]


def test_every_word_of_each_metadata_field_must_be_in_the_header():
    d = doc(summary=Field("Stalin asks Mao [Zedong] to send troops", 30), citation=Field("Wilson Center", 31))
    tree = tei("<p>x</p>", header="Telegram from Stalin to Mao Zedong; Stalin asks Mao to send troops Wilson")
    assert messages(fidelity.check(d, [Line(1, "x")], tree)) == [
        (31, "the word 'Center' of the citation is missing from the TEI header")]
    tree = tei("<p>x</p>", header="Telegram from Stalin to Mao; Stalin asks Mao to send troops Wilson Center")
    assert messages(fidelity.check(d, [Line(1, "x")], tree)) == [
        (30, "the word 'Zedong' of the summary is missing from the TEI header")]


def test_a_header_word_dropped_from_a_field_of_several_is_reported_once_per_field():
    d = doc(summary=Field("alpha beta gamma", 30))
    failures = fidelity.check(d, [Line(1, "x")], tei("<p>x</p>", header="Telegram from Stalin to Mao"))
    assert messages(failures) == [(30, "the word 'alpha' of the summary is missing from the TEI header")]


def test_a_name_tag_that_cuts_a_word_in_two_is_caught_on_either_edge():
    cut_end = tei("<p>the <orgName>8th MDGS</orgName>2 office</p>")
    assert messages(fidelity.split_words(cut_end)) == [
        (1, "the <orgName> tag around '8th MDGS' cuts the word 'MDGS2' of the source in two")]
    cut_start = tei("<p>the x<persName>Stalin</persName> office</p>")
    assert messages(fidelity.split_words(cut_start)) == [
        (1, "the <persName> tag around 'Stalin' cuts the word 'xStalin' of the source in two")]
    first_child = tei("<p>x<placeName>Moscow</placeName></p>")  # the text before it is the parent's
    assert len(fidelity.split_words(first_child)) == 1
    after_sibling = tei("<p><hi>a</hi>b<rs>c</rs> d</p>")  # the text before it is the previous sibling's tail
    assert len(fidelity.split_words(after_sibling)) == 1
    assert fidelity.check(doc(), [Line(1, "the 8th MDGS2 office")], cut_end) != []


def test_whole_words_in_name_tags_and_punctuation_at_their_edges_are_fine():
    tree = tei('<p>(<persName>Stalin</persName>), <name>Zhou</name>-<rs>Enlai</rs> <orgName></orgName>x</p>')
    assert fidelity.split_words(tree) == []
    assert fidelity.split_words(tei("<p><persName>Stalin</persName></p>")) == []


def test_tags_other_than_names_may_stand_inside_a_word():
    assert fidelity.split_words(tei("<p>C<ex>entral</ex> 13<lb/>XI</p>")) == []


def test_a_cut_found_deep_in_a_document_names_the_line_of_the_tag():
    tree = etree.fromstring(f'<TEI xmlns="{T}"><teiHeader/><text><body>\n\n<p>a\n<persName>B</persName>c</p>'
                            "</body></text></TEI>")
    assert [f.line for f in fidelity.split_words(tree)] == [4]


def test_a_long_faithful_text_passes_however_many_letters_it_has():
    """Lengths past the small integers Python shares between objects: equal counts compare by value."""
    words = " ".join(f"word{k}" for k in range(120))
    assert fidelity.check(doc(), [Line(1, words)], tei(f"<p>{words}</p>")) == []


def test_added_text_where_the_source_has_no_word_is_reported_at_its_first_line():
    assert [f.line for f in fidelity.check(doc(), [Line(9, "…"), Line(12, "—")], tei("<p>invented</p>"))] == [9]


def test_punctuation_inside_a_name_tag_next_to_a_word_is_no_cut():
    assert fidelity.split_words(tei("<p>x<persName>'Stalin</persName> y</p>")) == []
    assert fidelity.split_words(tei("<p>the <persName>Stalin.</persName>x</p>")) == []


def test_a_cut_in_a_tree_made_in_memory_is_reported_at_line_one():
    tree = tei("<p>the office</p>")
    p = tree.find(f".//{{{T}}}p")
    p.text = "x"
    name = etree.SubElement(p, f"{{{T}}}persName")
    name.text, name.tail = "Stalin", " said"
    assert [f.line for f in fidelity.split_words(tree)] == [1]


def test_the_message_shows_ten_characters_beyond_the_missing_word():
    units = [Line(1, "alpha beta gamma delta epsilon zeta")]
    failures = fidelity.check(doc(), units, tei("<p>alpha bet gamma delta epsilon zeta</p>"))
    assert messages(failures) == [(1, "the word 'beta' of the source is missing from the TEI text (found "
                                      "'betgammadeltae' in its place)")]
    failures = fidelity.check(doc(), [Line(1, "a b")], tei("<p>a c d e f g h i j k l m n o p</p>"))
    assert failures[0].message.endswith("(found 'cdefghijklm' in its place)")


def test_added_text_is_reported_at_the_line_of_the_sources_last_word():
    units = [Line(3, "one"), Line(4, "two"), Line(8, "three")]
    failures = fidelity.check(doc(), units, tei("<p>one two three four</p>"))
    assert [f.line for f in failures] == [8]


def test_words_and_failures_are_values():
    assert len({fidelity.Failure(1, "x"), fidelity.Failure(1, "x")}) == 1
    assert len({fidelity.Word("a", 1), fidelity.Word("a", 1)}) == 1
