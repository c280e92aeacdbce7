"""Promises of editio.ingest.archives: a citation becomes one identifier per archival copy, nothing dropped."""

from __future__ import annotations

import csv
from importlib.resources import files

import pytest

from editio.ingest.archives import ArchivalCopy, parse_archival_citation, part_names, repository_names


def _table(name: str) -> list[dict[str, str]]:
    text = files("editio.ingest").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader([x for x in text.splitlines() if x.strip() and not x.startswith("#")], delimiter="\t"))


def summary(copies: list[ArchivalCopy]) -> list[tuple[str, tuple[tuple[str, str], ...], str | None]]:
    return [(c.repository, c.parts, c.note) for c in copies]


# ---------------------------------------------------------------------------------------------------- seed forms


def test_two_copies_with_a_note_on_the_first() -> None:
    text = (
        "APRF, Fond 45, Opis 1, Delo 347, Listy 5-6, 10-11 (original copy); and AVPRF, Fond 059a, Opis 5a, "
        "Delo 4, Papka 11, Listy 155-156"
    )
    copies = parse_archival_citation(text)
    assert summary(copies) == [
        ("APRF", (("fond", "45"), ("opis", "1"), ("delo", "347"), ("listy", "5-6, 10-11")), "original copy"),
        ("AVPRF", (("fond", "059a"), ("opis", "5a"), ("delo", "4"), ("papka", "11"), ("listy", "155-156")), None),
    ]
    assert copies[0].text == "APRF, Fond 45, Opis 1, Delo 347, Listy 5-6, 10-11 (original copy)"
    assert copies[1].text == "AVPRF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 155-156"
    assert copies[0].repository_name == "Archive of the President of the Russian Federation"


def test_three_copies_with_abbreviated_labels_and_a_spaced_siglum() -> None:
    text = (
        "APRF, Fond 45, Opis 1, Delo 331, List 85; AVP RF, Fond 059a, Opis 5a, Delo 3, Papka 11, List 118; "
        "and RGASPI, f. 558, op. 11, d. 334, II.0085"
    )
    copies = parse_archival_citation(text)
    assert summary(copies) == [
        ("APRF", (("fond", "45"), ("opis", "1"), ("delo", "331"), ("listy", "85")), None),
        ("AVPRF", (("fond", "059a"), ("opis", "5a"), ("delo", "3"), ("papka", "11"), ("listy", "118")), None),
        ("RGASPI", (("fond", "558"), ("opis", "11"), ("delo", "334"), ("listy", "0085")), None),
    ]
    assert [c.repository_as_printed for c in copies] == ["APRF", "AVP RF", "RGASPI"]
    assert copies[2].text == "RGASPI, f. 558, op. 11, d. 334, II.0085"
    assert copies[2].repository_name == "Russian State Archive of Socio-Political History"


def test_a_full_name_with_its_siglum() -> None:
    text = "[Source: Archive of the President, Russian Federation (APRF), fond 3, opis 65, delo 827, listy 79-80]"
    (copy,) = parse_archival_citation(text)
    assert copy.repository == "APRF"
    assert copy.repository_as_printed == "Archive of the President, Russian Federation (APRF)"
    assert copy.parts == (("fond", "3"), ("opis", "65"), ("delo", "827"), ("listy", "79-80"))
    assert copy.text == "Archive of the President, Russian Federation (APRF), fond 3, opis 65, delo 827, listy 79-80"


def test_lower_case_labels() -> None:
    (copy,) = parse_archival_citation("[Source: APRF, fond 45, opis 1, delo 347, listy 46-49]")
    assert (copy.repository, copy.parts) == (
        "APRF",
        (("fond", "45"), ("opis", "1"), ("delo", "347"), ("listy", "46-49")),
    )


def test_a_citation_inside_a_longer_bibliographic_string() -> None:
    text = (
        '"Ciphered telegram, Filippov [Stalin] to Zhou Enlai or Mao Zedong (via Roshchin)", July 13, 1950, '
        "Wilson Center Digital Archive, APRF, Fond 45, Opis 1, Delo 331, List 85; AVP RF, Fond 059a, Opis 5a, "
        "Delo 3, Papka 11, List 118; and RGASPI, f. 558, op. 11, d. 334, II.0085. "
        "https://wilson-center-digital-archive.dvincitest.com/document/110692"
    )
    copies = parse_archival_citation(text)
    assert [c.repository for c in copies] == ["APRF", "AVPRF", "RGASPI"]
    assert copies[-1].parts[-1] == ("listy", "0085")  # the full stop and the address stay outside
    for c in copies:
        assert c.text in text


def test_a_citation_followed_by_a_markdown_address_on_the_next_line() -> None:
    text = (
        '"Ciphered telegram", August 28, 1950, Wilson Center Digital Archive, APRF, Fond 45, Opis 1, Delo 347, '
        "Listy 5-6, 10-11 (original copy); and AVPRF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 155-156  \n"
        "<https://wilson-center.drivingcreative.com/document/110696>"
    )
    copies = parse_archival_citation(text)
    assert len(copies) == 2
    assert copies[0].text.endswith("(original copy)") and copies[1].text.endswith("Listy 155-156")
    assert copies[1].parts[-1] == ("listy", "155-156")


# ---------------------------------------------------------------------------------------------------- variants


@pytest.mark.parametrize(
    ("text", "repository", "parts"),
    [
        (
            "GARF, f. R-5446, op. 1, d. 345, ll. 12-12ob.",
            "GARF",
            (("fond", "R-5446"), ("opis", "1"), ("delo", "345"), ("listy", "12-12ob")),
        ),
        ("RGANI, f. 89, per. 1, dok. 2", "RGANI", (("fond", "89"), ("perechen", "1"), ("dokument", "2"))),
        (
            "RGASPI f. 17, op. 162, d. 44 l. 5",
            "RGASPI",
            (("fond", "17"), ("opis", "162"), ("delo", "44"), ("listy", "5")),
        ),
        (
            "AVP RF, f. 0102, op. 7, p. 28, d. 48, l. 1",
            "AVPRF",
            (("fond", "0102"), ("opis", "7"), ("papka", "28"), ("delo", "48"), ("listy", "1")),
        ),
        (
            "TsAMO, F. 5, Op. 918795, D. 122, Ll. 1–3",
            "TsAMO",
            (("fond", "5"), ("opis", "918795"), ("delo", "122"), ("listy", "1–3")),
        ),
        (
            "APRF: Fond 45, Opis’ 1, Delo 347, Tom 2, l.5",
            "APRF",
            (("fond", "45"), ("opis", "1"), ("delo", "347"), ("tom", "2"), ("listy", "5")),
        ),
        ("GA RF, fond 9401, opis 2, delo 199", "GARF", (("fond", "9401"), ("opis", "2"), ("delo", "199"))),
        ("RGAE, FOND 4372, OPIS 11, DELO 5", "RGAE", (("fond", "4372"), ("opis", "11"), ("delo", "5"))),
        ("TsKhSD, f. 5, op. 30, d. 3", "TsKhSD", (("fond", "5"), ("opis", "30"), ("delo", "3"))),
    ],
)
def test_other_archives_and_label_styles(text: str, repository: str, parts: tuple[tuple[str, str], ...]) -> None:
    (copy,) = parse_archival_citation(text)
    assert (copy.repository, copy.parts) == (repository, parts)
    assert copy.repository_name == repository_names()[repository]


def test_a_predecessor_siglum_is_not_merged_into_its_successor() -> None:
    (copy,) = parse_archival_citation("RTsKhIDNI, f. 17, op. 3, d. 1085")
    assert copy.repository == "RTsKhIDNI" and copy.repository_name != repository_names()["RGASPI"]


def test_an_unknown_siglum_still_parses_without_a_name() -> None:
    (copy,) = parse_archival_citation("TsGAOR, f. 5, op. 2, d. 3")
    assert (copy.repository, copy.repository_as_printed, copy.repository_name) == ("TsGAOR", "TsGAOR", None)
    assert copy.parts == (("fond", "5"), ("opis", "2"), ("delo", "3"))


def test_an_unknown_label_is_kept_as_printed() -> None:
    (copy,) = parse_archival_citation("APRF, Fond 45, Opis 1, Razdel 3, Delo 347, Listy 5")
    assert copy.parts == (("fond", "45"), ("opis", "1"), ("Razdel", "3"), ("delo", "347"), ("listy", "5"))
    assert "Razdel" not in part_names()


def test_a_siglum_followed_by_its_name_in_parentheses() -> None:
    (copy,) = parse_archival_citation("AVPRF (Archive of Foreign Policy of the Russian Federation), f. 0102, op. 7")
    assert copy.repository == "AVPRF"
    assert copy.repository_as_printed == "AVPRF (Archive of Foreign Policy of the Russian Federation)"


def test_a_known_repository_named_alone_in_a_citation_is_a_copy_without_parts() -> None:
    (copy,) = parse_archival_citation("Wilson Center Digital Archive, GARF.")
    assert (copy.repository, copy.parts, copy.text) == ("GARF", (), "GARF")
    (copy,) = parse_archival_citation("Archive of Foreign Policy of the Russian Federation (AVPRF), Moscow, Russia")
    assert (copy.repository, copy.parts) == ("AVPRF", ())


def test_notes_after_any_part_are_collected() -> None:
    (copy,) = parse_archival_citation("APRF, Fond 45 (copy), Opis 1, Delo 347, Listy 5 (draft)")
    assert copy.note == "copy; draft"
    assert copy.parts[-1] == ("listy", "5")


def test_text_after_the_parts_is_not_taken_for_a_part() -> None:
    (copy,) = parse_archival_citation("TsAMO, f. 5, op. 918795, d. 122, ll. 1-3, Moscow 1995")
    assert copy.parts[-1] == ("listy", "1-3")
    assert copy.text == "TsAMO, f. 5, op. 918795, d. 122, ll. 1-3"


def test_a_damaged_citation_keeps_what_can_be_read() -> None:
    (copy,) = parse_archival_citation("APRF, Fond 45, Opis , Delo 347")  # the opis number is lost
    assert copy.parts == (("fond", "45"), ("opis", ""), ("delo", "347"))
    assert copy.text == "APRF, Fond 45, Opis , Delo 347"


def test_copies_come_in_order_without_overlap() -> None:
    text = "RGASPI, f. 558, op. 11, d. 334; TsAMO, f. 5, op. 1, d. 2; APRF, Fond 3, Opis 65, Delo 827"
    copies = parse_archival_citation(text)
    starts = [text.index(c.text) for c in copies]
    assert [c.repository for c in copies] == ["RGASPI", "TsAMO", "APRF"]
    assert starts == sorted(starts)
    assert all(a + len(c.text) <= b for c, a, b in zip(copies, starts, starts[1:], strict=False))


# ---------------------------------------------------------------------------------------------------- negatives


@pytest.mark.parametrize(
    "text",
    [
        "",
        "the APRF holds many documents",
        "No. 1172cc; Copies: Stalin, Malenkov; 3,400 trucks",
        "Fond 45, Opis 1, Delo 347",  # parts without a repository name no copy
        "CC VKP(b), 8 MDGS, Copies: Stalin (2), Molotov",
        "Distribution List: Stalin - 2, Molotov - 1",
        "# P78/73 27 September 1950",
        "The USSR and the DPRK, f. the record",
    ],
)
def test_nothing_recognisable_gives_no_copy(text: str) -> None:
    assert parse_archival_citation(text) == []


# ---------------------------------------------------------------------------------------------------- tables


def test_every_printed_form_in_the_repository_table_is_recognised() -> None:
    for row in _table("repositories.tsv"):
        for form in row["forms"].split("|"):
            (copy,) = parse_archival_citation(f"{form}, fond 1, opis 2, delo 3")
            assert (copy.repository, copy.repository_as_printed) == (row["siglum"], form)
            assert copy.repository_name == (row["name"] or None)


def test_every_label_in_the_parts_table_is_recognised() -> None:
    for row in _table("archive-parts.tsv"):
        (copy,) = parse_archival_citation(f"GARF, {row['label']} 12")
        assert copy.parts == ((row["part"], "12"),)


def test_the_tables_name_the_seed_repositories_and_the_idno_types_of_the_edition() -> None:
    names = repository_names()
    assert {"APRF", "AVPRF", "RGASPI"} <= set(names)
    assert {"fond", "opis", "delo", "papka", "listy"} <= part_names()
