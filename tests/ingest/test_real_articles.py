"""More real pages, not seen while the readers were written: two further pages of the article the seed
sources/002_… comes from (essaydocs.org, the same host furniture) and five Wilson Center record pages.

Provenance is in tests/ingest/sources/real/README.md ("Second set"). The facts each test expects were read off
the pages by a person: the document headings of the article, the date above each record's title, the sender and
recipient the titles name, the archival copies of the "[Source: …]" line or the page's Source value.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from editio.ingest.layouts import detect
from editio.ingest.pipeline import Authorities, convert_source
from editio.ingest.reader import read_source
from editio.tei import NS

from .edition import build_edition, documents_of, editio_errors, read_documents
from .jing import jing_errors

REAL = Path(__file__).resolve().parent / "sources" / "real"
REPO = Path(__file__).resolve().parents[2]

# source → (layout, [(file stem, sender, recipient, archival copies as (repository, fond))])
REAL_SOURCES = {
    "article_mansourov_politburo_1950.txt": ("article", [
        ("1950-07-05-stalin-to-zhou-enlai", "Stalin", "Zhou Enlai", [("APRF", "45")]),
        ("1950-09-30-stalin-to-zakharov", "Stalin", "Zakharov", []),  # cut off before its [Source: …]
    ]),
    "article_mansourov_october_1950.txt": ("article", [
        ("1950-10-14-shtykov-to-stalin", "Shtykov", "Stalin", [("APRF", "45")]),
        ("1950-10-14-roshchin-to-stalin", "Roshchin", "Stalin", []),  # cut off before its [Source: …]
    ]),
    "pagedump_shtykov_1950-08-31.txt": ("pagedump", [
        ("1950-08-31-shtykov-to-stalin", "Shtykov", "Stalin", [("APRF", "45"), ("AVPRF", "059a")]),
    ]),
    "pagedump_shtykov_1950-09-13.txt": ("pagedump", [
        ("1950-09-13-shtykov-to-ministry-of-foreign-affairs", "Shtykov", "Ministry of Foreign Affairs", []),
    ]),
    "pagedump_gromyko_1950-10-05.txt": ("pagedump", [
        ("1950-10-05-gromyko-to-shtykov", "Gromyko", "Shtykov", [("APRF", "3")]),
    ]),
    "pagedump_filippov_1950-12-01.txt": ("pagedump", [
        ("1950-12-01-stalin-to-mao-zedong", "Stalin", "Mao Zedong", [("APRF", "45")]),
    ]),
    "pagedump_filippov_1952-07-17.txt": ("pagedump", [
        ("1952-07-17-stalin-to-mao-zedong", "Stalin", "Mao Zedong", []),  # the page prints no Source value
    ]),
}
DOCS = [(name, *doc) for name, (_, docs) in REAL_SOURCES.items() for doc in docs]


def x(tree, path: str):
    return tree.xpath(path, namespaces=NS)


def words(node) -> str:
    return " ".join("".join(node.itertext()).split())



@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    return build_edition(tmp_path_factory.mktemp("real_articles"), [REAL / name for name in REAL_SOURCES])


@pytest.fixture(scope="module")
def docs(edition):
    return read_documents(edition)


@pytest.mark.parametrize("name", sorted(REAL_SOURCES))
def test_a_real_page_gives_its_documents_with_nothing_lost(name):
    layout, expected = REAL_SOURCES[name]
    assert detect(read_source(REAL / name)) == layout
    converted = convert_source(REAL / name, Authorities(None))
    assert [c.stem for c in converted] == [stem for stem, *_ in expected]
    assert [f for c in converted for f in c.failures] == []


def test_every_document_is_valid_tei_all(edition, tei_all):
    files = documents_of(edition)
    assert len(files) == len(DOCS)
    assert jing_errors(tei_all, files) == []


def test_every_document_keeps_the_editions_own_rules(edition, tei_all):
    assert editio_errors(edition, tei_all) == []


@pytest.mark.parametrize("name,stem,sender,recipient,copies", DOCS, ids=[d[1] for d in DOCS])
def test_header_facts_are_those_of_the_page(docs, name, stem, sender, recipient, copies):
    tree = docs[stem]
    date = stem[:10]
    assert x(tree, "string(//tei:profileDesc/tei:creation/tei:date/@when)") == date
    sent = x(tree, "//tei:correspAction[@type='sent']")[0]
    assert words(x(sent, "tei:persName")[0]) == sender
    assert x(sent, "string(tei:date/@when)").startswith(date)
    received = x(tree, "//tei:correspAction[@type='received']")[0]
    assert words(x(received, "tei:persName|tei:orgName")[0]) == recipient
    found = [(x(ms, "string(tei:repository)"), x(ms, "string(tei:idno[@type='fond'])"))
             for ms in x(tree, "//tei:sourceDesc/tei:msDesc/tei:msIdentifier")]
    assert found == copies


def test_an_article_page_points_back_to_the_article_and_drops_the_hosts_furniture(docs):
    for stem in ("1950-07-05-stalin-to-zhou-enlai", "1950-10-14-shtykov-to-stalin"):
        tree = docs[stem]
        assert "Mansourov" in x(tree, "string(//tei:sourceDesc)")
        text = words(x(tree, "//tei:text")[0])
        assert "Download" not in text and "Kb." not in text and "1 2 3 4 5" not in text


def test_a_document_cut_off_by_the_page_ends_with_a_gap(docs):
    for stem in ("1950-09-30-stalin-to-zakharov", "1950-10-14-roshchin-to-stalin"):
        assert len(x(docs[stem], "//tei:text//tei:gap[@reason='source-truncated']")) == 1
    assert x(docs["1950-10-14-shtykov-to-stalin"], "//tei:gap[@reason='source-truncated']") == []


def test_a_politburo_decisions_attachment_is_an_attachment_even_without_asterisks(docs):
    """'[Attachment to the Decision of the Politburo #78 regarding #168]' opens the draft telegram approved."""
    tree = docs["1950-10-05-gromyko-to-shtykov"]
    main = x(tree, "//tei:div[@type='document']/tei:div[@type='message']")[0]
    assert words(x(main, "tei:closer/tei:signed")[0]) == "SECRETARY OF THE CC"
    assert words(x(main, "tei:opener/tei:salute")[0]) == "To: Cmrds Bulganin, Gromyko"
    att = x(tree, "//tei:div[@type='attachment']")
    assert len(att) == 1
    assert words(x(att[0], "tei:head")[0]).startswith("Attachment to the Decision")
    assert words(x(att[0], "tei:div[@type='message']/tei:closer/tei:signed")[0]) == "G R O M Y K O"
    assert "1304/sh." in [words(ab) for ab in x(att[0], "tei:div[@type='transmission']/tei:ab")]
    # in the article the same kind of attachment follows a row of asterisks
    art = x(docs["1950-09-30-stalin-to-zakharov"], "//tei:div[@type='attachment']")
    assert len(art) == 1 and words(x(art[0], "tei:head")[0]).startswith("Attachment to the Decision")


def test_a_distribution_list_wrapped_over_two_lines_stays_one_list(docs):
    tree = docs["1950-08-31-shtykov-to-stalin"]
    items = [words(i) for i in x(tree, "//tei:list[@type='distribution']/tei:item")]
    assert items[-2:] == ["Khrushchev,", "File of 8th"]
    assert len(x(tree, "//tei:list[@type='distribution']")) == 1


def test_submitted_is_the_time_of_sending(docs):
    tree = docs["1950-07-05-stalin-to-zhou-enlai"]
    assert x(tree, "string(//tei:correspAction[@type='sent']/tei:date/@when)") == "1950-07-05T23:45:00"
    assert x(tree, "//tei:div[@type='transmission']/tei:ab[@type='transmission'][starts-with(., 'Submitted')]")


def test_the_destination_with_the_addressee_opens_the_message(docs):
    tree = docs["1950-09-13-shtykov-to-ministry-of-foreign-affairs"]
    salute = x(tree, "//tei:div[@type='message']/tei:opener/tei:salute")
    assert words(salute[0]) == "Moscow—Ministry of Foreign Affairs of the USSR."


def test_an_acronym_in_brackets_is_supplied_not_a_spelling(docs):
    tree = docs["1950-09-13-shtykov-to-ministry-of-foreign-affairs"]
    assert [words(s) for s in x(tree, "//tei:text//tei:supplied")] == ["UN", "we advise"]
    assert x(tree, "//tei:text//tei:reg") == []


def test_the_rights_statement_under_an_empty_original_archive_heading_is_the_licence(docs):
    tree = docs["1952-07-17-stalin-to-mao-zedong"]
    assert "welcomes reuse of Digital Archive materials" in x(tree, "string(//tei:availability)")
    assert x(tree, "//tei:sourceDesc/tei:bibl[@type='archival']") == []
