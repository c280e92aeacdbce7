"""What a name's shape and its document say about it, on constructed examples (none of these sentences is in
the unseen set): titles that are also verbs, names in capitals in running text, regions named after a place,
states by abbreviation or by the last word of their name, surnames that are no organisation, clerks named in a
service note, a person named in full and later by one word, the form an editors' note gives, and places the
edition already has under another name."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.names.helpers import names_in, tei_doc, write_authorities

from editio.names import proposals as P
from editio.names.authority import load_authorities
from editio.names.suggest import Found, looks_like, pair_kind, reshape, scan_trees, truecase
from editio.names.tagging import tag_tree

REPO = Path(__file__).resolve().parents[2]


def proposals_for(body: str, tei: Path | None = None) -> dict[str, P.Proposal]:
    """The proposals `editio names --suggest` would write for one document, with the edition's authority files
    (or those in `tei`)."""
    auth = load_authorities(tei or REPO / "tei")
    tree = tei_doc(body)
    tag_tree(tree, auth)
    scan = scan_trees([("d.xml", tree.getroot())])
    places = {int(e.idnos["geonames"]): e.ref for e in auth.entries.values()
              if e.kind.name == "place" and e.idnos.get("geonames", "").isdigit()}
    features = {P.compact(" ".join(f.text.split()[:-1])): e.ref for e in auth.entries.values()
                if e.kind.name == "place" for f in e.forms if f.text.split()[-1] in ("River", "Lake")}
    return {p.main: p for p in P.group(scan.found, set(), set(auth.entries), places, features, P.known_forms(auth))}


def test_a_title_that_is_also_a_verb_stays_outside_the_name() -> None:
    # "Charge X with …" (the verb) and "Chargé X" (the title) alike: the name is X
    props = proposals_for("<p>Charge Zverinsky with informing the embassy. Chargé Dolgorukov agreed.</p>")
    assert {"Zverinsky", "Dolgorukov"} <= set(props)
    assert not any(m.startswith("Charg") for m in props)


def test_names_in_capitals_in_running_text_are_read_as_names() -> None:
    assert truecase("the troops reached KHABAROVSK and HARBIN") == "the troops reached Khabarovsk and Harbin"
    assert truecase("USSR and DPRK, VKP(b)") == "USSR and DPRK, VKP(b)"  # letters, not words: as written
    assert truecase("TOP SECRET EXTREMELY URGENT") == "TOP SECRET EXTREMELY URGENT"  # a line in capitals
    props = proposals_for("<p>The regiment left for KHABAROVSK on the same day.</p>")
    assert props["KHABAROVSK"].kind == "place"


def test_a_region_named_after_a_known_place_is_not_the_place() -> None:
    body = "<p>The rains in Southern China and in China itself; the border of North Korea.</p>"
    tree = tei_doc(body)
    tag_tree(tree, load_authorities(REPO / "tei"))
    tagged = [(ref, text) for _, ref, text in names_in(tree)]
    assert tagged == [("pla:china", "China"), ("pla:north-korea", "North Korea")]  # "Southern China" is untagged
    assert proposals_for(body)["Southern China"].kind == "place"
    assert "Northeast Border" not in proposals_for("<p>The Northeast Border Defense Army moved.</p>")  # no place


@pytest.mark.parametrize("surface", ["PRC", "Mongolian Peoples Republic", "Northern Manchuria", "NEW YORK"])
def test_a_place_by_its_shape_is_proposed_though_its_words_are_common(surface: str) -> None:
    assert looks_like("place", surface)


def test_a_shape_says_the_kind_over_the_statistical_tagger() -> None:
    assert reshape("org", "PRC") == "place"
    assert reshape("person", "Mongolian Peoples Republic") == "place"
    assert reshape("org", "Zverev") == "person" and reshape("org", "Kovrigina") == "person"  # surnames
    assert reshape("org", "Kremlin") == "org" and reshape("org", "Politburo") == "org"  # a word, no surname ending


def test_an_everyday_word_some_town_bears_is_no_place() -> None:
    assert not looks_like("place", "North")  # "the area to the North": GeoNames has a town with that name


def test_an_institution_noun_alone_is_no_person() -> None:
    assert not looks_like("person", "Headquarters")


def test_the_clerks_of_a_service_note_are_persons() -> None:
    props = proposals_for("<p>Typed by Kovrigina at 1430. Deciphered by Lyzhin.</p>")
    assert props["Kovrigina"].kind == "person" and props["Lyzhin"].kind == "person"


def test_one_word_of_a_name_given_in_full_joins_it() -> None:
    props = proposals_for("<p>I met Wang Jiaxiang at the station. Later Wang asked about the train.</p>")
    assert sorted(props["Wang Jiaxiang"].forms) == ["Wang", "Wang Jiaxiang"]
    # an everyday word of a name is not taken alone
    assert "Long" not in proposals_for("<p>We met Long Yun. Long ago the road was built.</p>")


def test_the_form_an_identification_note_gives_is_a_form_of_the_name() -> None:
    props = proposals_for('<p>The delegate Choe Chang-ik <note type="identification" place="inline">Ch’oe Ch’ang-ik'
                          '</note> spoke.</p>')
    assert sorted(props["Choe Chang-ik"].forms) == ["Choe Chang-ik", "Ch’oe Ch’ang-ik"]


def test_a_place_the_edition_has_under_another_name_gets_the_new_form() -> None:
    props = proposals_for("<p>The delegation flew from Peking; a PRC delegation followed.</p>")
    assert props["Peking"].id == "pla:beijing"  # GeoNames gives Beijing the alternate name Peking
    assert props["PRC"].id == "pla:china"  # the state's abbreviation, by its country's GeoNames id


def test_a_known_place_without_its_feature_word_is_that_place(tmp_path: Path) -> None:
    write_authorities(tmp_path, places='<place xml:id="tumen"><placeName type="main">Tumen River</placeName>'
                                       '</place>')
    props = proposals_for("<p>The troops gathered in the area of Tumen at dawn.</p>", tmp_path)
    assert props["Tumen"].id == "pla:tumen"


def test_a_new_place_is_never_given_a_geonames_id_by_an_alternate_name() -> None:
    [p] = P.group([Found("place", "Mukden", "d.xml", 1, "test")])
    assert p.geonames == "" and p.id == "pla:mukden"  # Shenyang's alternate name: the editor decides


def test_a_service_note_s_columns_are_not_one_name() -> None:
    props = proposals_for("<p>Issued by Kovrigina  Checked by: [illegible]</p>")
    assert "Kovrigina" in props and not any("Checked" in m for m in props)
    tree = tei_doc("<p>Typed by Budanova  Authenticated by: [illegible signature]</p>")
    tag_tree(tree, load_authorities(REPO / "tei"))
    assert [ref for _, ref, _ in names_in(tree)] == ["per:budanova"]  # the next column is no part of the name


def test_a_surname_after_an_initial_or_alone_in_a_copies_line_is_a_person() -> None:
    props = proposals_for("<p>[signature] (P. Zhigarev)</p><p>Copy No. 5 to Ryabikov</p>")
    assert props["P. Zhigarev"].kind == "person" and props["Ryabikov"].kind == "person"  # initials join the name
    assert "Harbin" not in {m for m, p in proposals_for("<p>Copy No. 6 to Harbin</p>").items() if p.kind == "person"}


def test_a_party_s_followers_are_no_name() -> None:
    assert not looks_like("place", "Guomindang-ists") and not looks_like("person", "Trotsky-ites")


def test_an_identified_pair_no_finder_named_is_a_place_when_geonames_knows_it() -> None:
    assert pair_kind("Dairen", "Dalny") == "place"  # both alternate names of Dalian
    assert pair_kind("Kim Du-bong", "Kim Tu Phong") == "person"


def test_a_body_s_name_stops_before_the_place_it_meets_in() -> None:
    tree = tei_doc("<p>The delegates went to the Political Consultative Conference in Harbin.</p>")
    found = scan_trees([("d.xml", tree.getroot())]).found
    assert not any(" in Harbin" in f.surface for f in found)


def test_two_forms_of_one_person_side_by_side_are_one_mention() -> None:
    tree = tei_doc("<p>Comrade STALIN Iosif Vissarionovich,</p>"
                   "<p>FENG XI <supplied>FYN SI; Stalin</supplied></p>")
    tag_tree(tree, load_authorities(REPO / "tei"))
    assert [text for _, _, text in names_in(tree)] == ["STALIN Iosif Vissarionovich", "FENG XI", "FYN SI", "Stalin"]
