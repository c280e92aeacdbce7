"""Who wrote to whom, read from the many ways the archive's titles say it (not only the seeds' forms)."""

from __future__ import annotations

import pytest

from editio.ingest.correspondents import parse_title, slug


def names(title: str) -> tuple[list[str], list[str], list[str]]:
    c = parse_title(title)
    return [p.name for p in c.senders], [p.name for p in c.recipients], [p.name for p in c.via]


@pytest.mark.parametrize(
    ("title", "senders", "recipients", "via"),
    [
        ("Telegram from Shtykov to Vyshinsky on a Luncheon at the Ministry of Foreign Affairs of the DPRK",
         ["Shtykov"], ["Vyshinsky"], []),
        ("Ciphered Telegram No. 502597, Razuvaev to Cdes. Vasilevsky and Vyshinsky, transmitting message from Kim "
         "Il Sung to I.V. Stalin", ["Razuvaev"], ["Vasilevsky", "Vyshinsky"], []),
        ("Cable Telegram no. 59363 from Kovalev to Stalin, containing a message from Mao Zedong",
         ["Kovalev"], ["Stalin"], []),
        ("Letter from Kim Il Sung and Pak Hon-Yong to Stalin", ["Kim Il Sung", "Pak Hon-Yong"], ["Stalin"], []),
        ("Report from Lt. Gen. Razuvaev to Marshal Vasilevsky", ["Razuvaev"], ["Vasilevsky"], []),
        ("Telegram from Kim Il Sung to Mao Zedong, 1 October 1950", ["Kim Il Sung"], ["Mao Zedong"], []),
        ("Ciphered Telegram, Zakharov to Fyn Si (Stalin), 15 November 1950", ["Zakharov"], ["Stalin"], []),
        ("Ciphered telegram from Zhou Enlai to Molotov (via Kuznetsov)", ["Zhou Enlai"], ["Molotov"], ["Kuznetsov"]),
        # "via" without parentheses
        ("Ciphered telegram from Zhou Enlai to Filippov [Stalin] via Roshchin", ["Zhou Enlai"], ["Stalin"],
         ["Roshchin"]),
        ("Ciphered telegram from Zhou Enlai to Filippov [Stalin] via Roshchin, 3 May 1951", ["Zhou Enlai"],
         ["Stalin"], ["Roshchin"]),
        # where the correspondent was is not the correspondent
        ("Ciphered telegram from Roshchin in Beijing to Stalin", ["Roshchin"], ["Stalin"], []),
        ("Message from Vyshinsky to Cdes. Malenkov and Bulganin in Moscow", ["Vyshinsky"], ["Malenkov", "Bulganin"],
         []),
        # the recipient first
        ("Telegram to Kim Il Sung from Stalin", ["Stalin"], ["Kim Il Sung"], []),
        # a title that names no sender and recipient
        ("Record of a Conversation between Stalin and Zhou Enlai", [], [], []),
    ],
)
def test_senders_recipients_and_intermediaries_come_from_the_title(title, senders, recipients, via):
    assert names(title) == (senders, recipients, via)


def test_an_office_without_a_name_is_kept_as_printed_not_replaced_by_a_place():
    assert names("Telegram from the Soviet Ambassador in Pyongyang to Vyshinsky") == (
        ["the Soviet Ambassador"], ["Vyshinsky"], [])


def test_the_printed_cover_name_stays_beside_the_identified_person():
    (p,) = parse_title("Cable No. 25187, Mao Zedong to Cde. Filippov [Stalin]").recipients
    assert (p.surface, p.name) == ("Filippov", "Stalin")


@pytest.mark.parametrize(("text", "expected"), [("Kim Il Sung", "kim-il-sung"), ("T.F. Shtykov", "shtykov"),
                                                ("Pak Hón-Yóng", "pak-hon-yong")])
def test_file_name_parts(text, expected):
    assert slug(text) == expected


def test_a_place_in_brackets_after_a_name_says_where_not_who():
    from pathlib import Path

    from editio.ingest.pipeline import Authorities, _places_are_not_people

    auth = Authorities(Path(__file__).resolve().parents[2] / "tei")
    corr = _places_are_not_people(parse_title("Ciphered telegram, Razuvaev (Pyongyang) to Filippov [Stalin]"), auth)
    assert [p.name for p in corr.senders] == ["Razuvaev"]
    assert [p.name for p in corr.recipients] == ["Stalin"]


def test_an_institution_is_a_correspondent_of_its_own_kind():
    corr = parse_title("Ciphered telegram, Roshchin to USSR Foreign Ministry")
    assert [(p.name, p.kind) for p in corr.recipients] == [("USSR Foreign Ministry", "org")]
    assert [(p.name, p.kind) for p in corr.senders] == [("Roshchin", "person")]


def test_a_title_in_capitals_gives_names_in_the_headers_form():
    corr = parse_title("CABLE, FILIPPOV (STALIN) TO MAO ZEDONG")
    assert [(p.surface, p.name) for p in corr.senders] == [("FILIPPOV", "Stalin")]
    assert [p.name for p in corr.recipients] == ["Mao Zedong"]


@pytest.mark.parametrize(
    ("title", "senders", "recipients", "via"),
    [
        # a record of a conversation or a journal names participants, not correspondents
        ("Journal of Soviet Ambassador to Hungary Yu. V. Andropov for 3 March 1955", [], [], []),
        ("Memorandum of Conversation between Gromyko and the Polish Ambassador to Moscow", [], [], []),
        ("From the Diary of P. F. Yudin: Record of Conversation with Liu Shaoqi", [], [], []),
        ("Minutes, Khrushchev's Talk with Tito (Excerpt)", [], [], []),
        # "to" after a post or a journey names no recipient
        ("Note on a Farewell Visit to the Polish Embassy", [], [], []),
        ("Letter from the Soviet Envoy to Finland to Molotov", ["the Soviet Envoy to Finland"], ["Molotov"], []),
        # the editors' remark on the title is no name, nor an identification
        ("Telegram, Gromyko to Vyshinsky [Extracts]", ["Gromyko"], ["Vyshinsky"], []),
        ("Telegram, Gromyko to Vyshinsky (Summary)", ["Gromyko"], ["Vyshinsky"], []),
        # a quoted title inside the title names no one
        ("Cable from Huang Hua, 'Report on the Talks to Date'", ["Huang Hua"], [], []),
        # "reply to" after the sender's comma is no recipient
        ("Letter from Ho Chi Minh, reply to the Soviet Government's message", ["Ho Chi Minh"], [], []),
        # a sender with no recipient
        ("Ciphered Telegram No. 4411 from Kovalev in Mukden", ["Kovalev"], [], []),
        ("Telegram from Yudin on the Party Plenum", ["Yudin"], [], []),
        ("News from Korea", [], [], []),
        # the document's kind is no part of the sender's name; a draft may name only its recipient
        ("Telegram Gromyko to Zorin", ["Gromyko"], ["Zorin"], []),
        ("Draft Cable to the Soviet Ambassador in Beijing", [], ["the Soviet Ambassador"], []),
        # "and others" names nobody; a list with ", and" names everyone in it
        ("Telegram, Peng Dehuai to Mao Zedong and Others", ["Peng Dehuai"], ["Mao Zedong"], []),
        ("Telegram, Peng Dehuai to Mao Zedong, Zhou Enlai, and Gao Gang, on the Front", ["Peng Dehuai"],
         ["Mao Zedong", "Zhou Enlai", "Gao Gang"], []),
        # "via" in the editors' square brackets, as in round ones
        ("Cable, Roshchin to Stalin [via Gromyko]", ["Roshchin"], ["Stalin"], ["Gromyko"]),
        # an office of which no holder is named is kept whole
        ("Telegram from Razuvaev to the Deputy Minister of Foreign Affairs", ["Razuvaev"],
         ["the Deputy Minister of Foreign Affairs"], []),
    ],
)
def test_a_title_gives_only_the_correspondents_it_names(title, senders, recipients, via):
    """A wrong sender in the header is worse than none: the title's grammar (data/titles.tsv) decides."""
    assert names(title) == (senders, recipients, via)
