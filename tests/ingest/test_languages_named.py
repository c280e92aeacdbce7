"""The languages of a source are said in words wherever the header names them: a reader of the TEI (and of every
edition made from it) sees "Russian", not an empty element with a code, also where the edition infers it."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from editio.ingest.header import language_name

REPO = Path(__file__).resolve().parents[2]
NS = {"t": "http://www.tei-c.org/ns/1.0"}


def test_every_textlang_of_the_edition_names_its_language_in_words():
    langs = [(p.name, t) for p in sorted((REPO / "tei").glob("19*.xml"))
             for t in etree.parse(str(p)).iterfind(".//t:sourceDesc//t:textLang", NS)]
    assert any(t.get("cert") for _, t in langs)  # the edition has inferred languages: the rule is exercised
    for name, t in langs:
        assert " ".join("".join(t.itertext()).split()), f"{name}: textLang {t.get('mainLang')} is empty"
        if t.get("cert"):  # inferred: the name comes from the language table, for its code
            assert "".join(t.itertext()) == language_name(t.get("mainLang")), name


def test_a_code_is_named_from_the_language_table():
    assert language_name("ru") == "Russian" and language_name("zh") == "Chinese" and language_name("ko") == "Korean"
