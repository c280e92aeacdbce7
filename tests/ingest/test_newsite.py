"""The archive's newest record page (a variant of layout 1): toolbar, summary run into the citation, texts under
'<Language> HTML' — read from a real page."""

from __future__ import annotations

from pathlib import Path

import pytest

from editio.ingest.layouts import detect
from editio.ingest.pipeline import Authorities, convert_source
from editio.ingest.reader import read_source
from editio.tei import NS

from .jing import jing_errors

SOURCE = Path(__file__).parent / "sources" / "real" / "newsite_filippov_1952-02-23.txt"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def doc():
    (converted,) = convert_source(SOURCE, Authorities(REPO / "tei"))
    return converted


def x(tree, path):
    return tree.xpath(path, namespaces=NS)


def test_the_newest_record_page_is_recognised_by_its_shape():
    assert detect(read_source(SOURCE)) == "newsite"


def test_nothing_is_lost_and_the_file_is_named_from_the_citation_date_and_the_title(doc):
    assert doc.failures == []
    assert doc.stem == "1952-02-23-stalin-to-mao-zedong"


def test_summary_citation_url_translator_and_archival_copy_reach_the_header(doc):
    t = doc.tree
    assert x(t, "normalize-space(//tei:abstract)").startswith("Stalin promises support")
    assert x(t, "string(//tei:sourceDesc/tei:bibl/tei:ptr/@target)") == "https://digitalarchive.wilsoncenter.org/document/123148"
    assert x(t, "normalize-space(//tei:respStmt[tei:resp='translation into English']/tei:persName)") == "Mark Kramer"
    assert x(t, "string(//tei:msIdentifier/tei:repository)") == "RGASPI"
    assert x(t, "//tei:msIdentifier/tei:idno/@type") == ["fond", "opis", "delo", "listy"]
    assert x(t, "//tei:langUsage/tei:language/@ident") == ["en", "ru"]


def test_the_translation_is_the_text_and_the_transcription_its_original(doc):
    t = doc.tree
    assert "To Comrade Mao Zedong" in x(t, "string(//tei:div[@type='message'])")
    original = x(t, "//tei:div[@type='original']")
    assert len(original) == 1 and original[0].get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    assert "Товарищу" in "".join(original[0].itertext())


def test_the_output_is_valid_tei_all(doc, tei_all, tmp_path):
    from editio.ingest.pipeline import serialize

    out = tmp_path / f"{doc.stem}.xml"
    out.write_bytes(serialize(doc.tree))
    assert jing_errors(tei_all, [out]) == []
