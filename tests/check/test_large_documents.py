"""A large plain XML file is judged and transformed, never refused for the number of `&amp;` it holds.

SaxonC's parser caps predefined entity references at 100,000 per document by default; an edition's
corpus file, a deposit or a dictionary passes that easily (editio.tei.saxon lifts the cap, keeps the
limit on entity expansions).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from editio.build.xslt import Stylesheets
from editio.check.schematron import Schematron
from editio.tei.saxon import new_processor

SCH = "http://purl.oclc.org/dsdl/schematron"
REFS = 120_000  # beyond the parser's default cap of 100,000


def many_ampersands() -> str:
    return "<list>" + "<item>A &amp; B</item>" * REFS + "<item>last</item></list>"


def test_schematron_judges_a_document_with_more_entity_references_than_the_parsers_default_cap():
    schema = etree.fromstring(
        f'<sch:schema xmlns:sch="{SCH}" queryBinding="xslt2"><sch:pattern><sch:rule context="item[. = \'last\']">'
        '<sch:report test="true()">count: <sch:value-of select="count(preceding-sibling::item)"/></sch:report>'
        "</sch:rule></sch:pattern></sch:schema>".encode()
    )
    doc = etree.fromstring(many_ampersands().encode(), etree.XMLParser(huge_tree=True))
    assert [f.message for f in Schematron(schema).validate(doc)] == [f"count: {REFS}"]


def test_the_build_transforms_a_file_with_more_entity_references_than_the_parsers_default_cap(tmp_path: Path):
    source = tmp_path / "big.xml"
    source.write_text(many_ampersands(), encoding="utf-8")
    xsl = tmp_path / "count.xsl"
    xsl.write_text(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:template match="/"><n><xsl:value-of select="count(//item[. = \'A &amp; B\'])"/></n></xsl:template>'
        "</xsl:stylesheet>",
        encoding="utf-8",
    )
    with Stylesheets() as sheets:
        assert f"<n>{REFS}</n>" in sheets.transform(xsl, source)


def test_entity_expansions_stay_limited():
    laughs = ['<!ENTITY a "aaaaaaaaaa">'] + [
        f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in zip("abcdefg", "bcdefgh", strict=True)
    ]
    bomb = f'<?xml version="1.0"?><!DOCTYPE r [{"".join(laughs)}]><r>&h;</r>'
    with pytest.raises(Exception, match=r"entityExpansionLimit|entity expansions"):
        new_processor().new_document_builder().parse_xml(xml_text=bomb)
