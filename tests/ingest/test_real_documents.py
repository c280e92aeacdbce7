"""Real archival documents, not seen while the readers were written, convert faithfully.

The sources in tests/ingest/sources/real/ are Wilson Center Digital Archive records of 1950–52 as stored copies of
the archive's pages give them (provenance in the README there). The facts each test expects are read off those
pages by a person: the date above the title, the sender and recipient the title names, the archival copies of
the "Source" line, the times the transmission lines print.
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
from .test_real_articles import REAL_SOURCES as MORE_REAL_SOURCES  # the second set, tested there

REAL = Path(__file__).resolve().parent / "sources" / "real"
REPO = Path(__file__).resolve().parents[2]
RIGHTS = "The History and Public Policy Program welcomes reuse of Digital Archive materials"

# source → layout, file stem, (sender, recipient) as the title names them, archival copies (repository, fond),
# whether the page prints the archive's rights statement
REAL_DOCS = {
    "pagedump_roshchin_1950-10-12.txt": ("pagedump", "1950-10-12-roshchin-to-stalin", ("Roshchin", "Stalin"),
                                         [("APRF", "45"), ("RGASPI", "558")], True),
    "pagedump_shtykov_1950-10-08.txt": ("pagedump", "1950-10-08-shtykov-to-ussr-council-of-ministers",
                                        ("Shtykov", None),
                                        [("TsAMO", "5")], True),
    "pagedump_shtykov_1950-10-14.txt": ("pagedump", "1950-10-14-shtykov-to-stalin", ("Shtykov", "Stalin"), [], True),
    "pagedump_roshchin_1951-06-13.txt": ("pagedump", "1951-06-13-roshchin-to-stalin", ("Roshchin", "Stalin"), [],
                                         True),
    "pagedump_filippov_1951-06-24.txt": ("pagedump", "1951-06-24-stalin-to-krasovsky", ("Stalin", "Krasovsky"), [],
                                         True),
    "pagedump_gromyko_1951-11-21.txt": ("pagedump", "1951-11-21-gromyko-to-razuvaev", ("Gromyko", "Razuvaev"),
                                        [("APRF", "45"), ("AVPRF", "059a"), ("RGASPI", "558")], False),
    "pagedump_filippov_1952-02-03.txt": ("pagedump", "1952-02-03-stalin-to-krasovsky", ("Stalin", "Krasovsky"),
                                         [("APRF", "45"), ("AVPRF", "059a"), ("RGASPI", "558")], True),
    "markdown_roshchin_1951-01-13.txt": ("markdown", "1951-01-13-roshchin-to-ussr-foreign-ministry", ("Roshchin", None),
                                         [("APRF", "45"), ("AVPRF", "059a")], False),
    "markdown_filippov_1951-09-10.txt": ("markdown", "1951-09-10-stalin-to-mao-zedong", ("Stalin", "Mao Zedong"),
                                         [("APRF", "45")], False),
}


def x(tree, path: str):
    return tree.xpath(path, namespaces=NS)



@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    return build_edition(tmp_path_factory.mktemp("real"), [REAL / name for name in REAL_DOCS])


@pytest.fixture(scope="module")
def docs(edition):
    return read_documents(edition)


def test_every_real_source_is_in_the_table():
    newest = ["newsite_filippov_1952-02-23.txt"]  # the archive's newest page, tested in test_newsite.py
    assert sorted(p.name for p in REAL.glob("*.txt")) == sorted([*REAL_DOCS, *MORE_REAL_SOURCES, *newest])


@pytest.mark.parametrize("name", sorted(REAL_DOCS))
def test_a_real_page_is_read_in_its_layout_with_nothing_lost(name):
    assert detect(read_source(REAL / name)) == REAL_DOCS[name][0]
    converted = convert_source(REAL / name, Authorities(None))
    assert [c.stem for c in converted] == [REAL_DOCS[name][1]]
    assert [f for c in converted for f in c.failures] == []


def test_every_real_document_is_valid_tei_all(edition, tei_all):
    files = documents_of(edition)
    assert len(files) == len(REAL_DOCS)
    assert jing_errors(tei_all, files) == []


def test_every_real_document_keeps_the_editions_own_rules(edition, tei_all):
    assert editio_errors(edition, tei_all) == []


@pytest.mark.parametrize("name", sorted(REAL_DOCS))
def test_header_facts_are_those_of_the_page(docs, name):
    _, stem, (sender, recipient), copies, rights = REAL_DOCS[name]
    tree = docs[stem]
    date = stem[:10]
    assert x(tree, "string(//tei:profileDesc/tei:creation/tei:date/@when)") == date
    sent = x(tree, "//tei:correspAction[@type='sent']")[0]
    assert " ".join(x(sent, "string(tei:persName)").split()) == sender
    assert x(sent, "string(tei:date/@when)").startswith(date)
    if recipient:
        received = x(tree, "//tei:correspAction[@type='received']")[0]
        assert " ".join(x(received, "string(tei:persName)").split()) == recipient
    found = [(x(ms, "string(tei:repository)"), x(ms, "string(tei:idno[@type='fond'])"))
             for ms in x(tree, "//tei:sourceDesc/tei:msDesc/tei:msIdentifier")]
    assert found == copies
    assert (RIGHTS in x(tree, "string(//tei:availability)")) is rights


def test_a_telegrams_header_lines_stay_out_of_the_message(docs):
    """Office, cable number, station, receipt and series lines above the addressee are transmission data."""
    tree = docs["1951-06-13-roshchin-to-stalin"]
    abs_ = x(tree, "//tei:div[@type='transmission']/tei:ab")
    transmission = [" ".join("".join(ab.itertext()).split()) for ab in abs_]
    assert "SECOND MAIN ADMINISTRATION OF THE GENERAL STAFF OF THE SOVIET ARMY" in transmission
    assert "From BEIJING" in transmission
    message = x(tree, "//tei:div[@type='message']")[0]
    assert x(message, "string(tei:opener/tei:salute)").startswith("To Comrade FILIPPOV")
    assert x(tree, "string(//tei:correspAction[@subtype='received']/tei:date/@when)") == "1951-06-13T19:55:00"
    assert x(tree, "string(//tei:correspAction[@type='sent']/tei:placeName)") == "BEIJING"


def test_an_omission_mark_is_a_gap_not_supplied_text(docs):
    tree = docs["1952-02-03-stalin-to-krasovsky"]
    assert len(x(tree, "//tei:text//tei:gap[@reason='omitted']")) == 2
    assert x(tree, "//tei:text//tei:supplied") == []


def test_a_time_after_a_date_is_not_read_as_another_date(docs):
    """'8 October 1950   11.20': the year 1950 is no time 19:50, so 11.20 is no day.month."""
    tree = docs["1950-10-08-shtykov-to-ussr-council-of-ministers"]
    assert [d.get("when") for d in x(tree, "//tei:div[@type='transmission']//tei:date")] == ["1950-10-08"]


def test_the_unlabelled_source_line_under_document_information_is_the_archival_reference(docs):
    tree = docs["1950-10-12-roshchin-to-stalin"]
    assert x(tree, "//tei:notesStmt/tei:note[contains(., 'Document Information')]") == []
    assert x(tree, "string(//tei:msIdentifier/tei:idno[@type='delo'])") == "334"
