"""A schema the engine cannot run as written fails at compile time, naming the element and its line."""

from __future__ import annotations

import pytest
from lxml import etree

from editio.check.schematron import Schematron, SchematronError

HEAD = (
    '<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" '
    'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" queryBinding="xslt2">'
    '<sch:ns prefix="c" uri="urn:c"/>\n'
)


def rule(inner: str, context: str = "c:a", extra: str = "") -> str:
    return f'<sch:pattern id="p"><sch:rule context="{context}"{extra}>\n{inner}</sch:rule></sch:pattern>'


ASSERT = '<sch:assert test="true()">x</sch:assert>'

CASES = {
    "bad XPath in a test": (
        rule('<sch:assert test="count(//c:b">x</sch:assert>'),
        r'sch:assert test="count\(//c:b" at <schema>:3 \(@test\): XPST0003',
    ),
    "bad rule context": (
        rule(ASSERT, context="c:a["),
        r'sch:rule context="c:a\[" at <schema>:2 \(@context\): XTSE0340',
    ),
    "context that is no XSLT pattern": (
        rule(ASSERT, context="count(c:a)"),
        r'sch:rule context="count\(c:a\)" at <schema>:2 \(@context\): XTSE0340',
    ),
    "bad value-of": (
        rule('<sch:assert test="1">x <sch:value-of select="@@"/></sch:assert>'),
        r'sch:value-of select="@@" at <schema>:3: XPST0003',
    ),
    "bad let": (
        rule('<sch:let name="v" value="1 +"/>' + ASSERT),
        r'sch:let name="v" at <schema>:3: XPST0003',
    ),
    "prefix not declared by sch:ns": (
        rule('<sch:assert test="q:b" xmlns:q="urn:q">x</sch:assert>'),
        r"XPST0081 Namespace prefix 'q' has not been declared",
    ),
    "unknown function": (
        rule('<sch:assert test="c:nope(.)">x</sch:assert>'),
        r"XPST0017 Cannot find a 1-argument function",
    ),
    "unknown property": (
        rule('<sch:assert test="1" properties="x">x</sch:assert>'),
        r"properties='x' names no sch:property",
    ),
    "xsl:template in the schema": (
        '<xsl:template match="/"/>',
        r"xsl:template at <schema>:2: foreign XSLT element xsl:template",
    ),
    "xsl:variable in a rule": (
        rule('<xsl:variable name="v" select="1"/>' + ASSERT),
        r"foreign XSLT element xsl:variable",
    ),
    "unknown diagnostic": (
        rule('<sch:assert test="1" diagnostics="nope">x</sch:assert>'),
        r"diagnostics='nope' names no sch:diagnostic",
    ),
    "unknown abstract rule": (
        rule('<sch:extends rule="nope"/>'),
        r"extends rule='nope' names no abstract rule",
    ),
    "unknown abstract pattern": (
        '<sch:pattern id="p" is-a="nope"/>',
        r"is-a='nope' names no abstract pattern",
    ),
    "@visit-each": (rule(ASSERT, extra=' visit-each="x"'), r"rule/@visit-each .* is not supported"),
    "pattern/@documents": (
        '<sch:pattern id="p" documents="x"><sch:rule context="c:a">' + ASSERT + "</sch:rule></sch:pattern>",
        r"pattern/@documents .* is not supported",
    ),
    "assert outside a rule": (
        '<sch:pattern id="p"><sch:assert test="1">x</sch:assert></sch:pattern>',
        r"sch:assert is not allowed in sch:pattern",
    ),
    "unknown Schematron element": (rule("<sch:frobnicate/>"), r"sch:frobnicate is not allowed in sch:rule"),
    "assert without test": (rule("<sch:assert>x</sch:assert>"), r"sch:assert needs @test"),
    "rule without context": (
        '<sch:pattern id="p"><sch:rule>' + ASSERT + "</sch:rule></sch:pattern>",
        r"a rule needs @context",
    ),
    "phase naming an unknown pattern": (
        '<sch:phase id="ph"><sch:active pattern="zz"/></sch:phase>' + rule(ASSERT),
        r'sch:active pattern="zz" at <schema>:2: names no pattern',
    ),
    "schema let declared twice": (
        '<sch:let name="a" value="1"/><sch:let name="a" value="2"/>',
        r"\$a is already declared",
    ),
    "include of a missing file": (
        '<sch:include href="nowhere.sch"/>',
        r"included file .*nowhere.sch does not exist",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_compile_error_names_the_construct(case):
    body, expected = CASES[case]
    with pytest.raises(SchematronError, match=expected):
        Schematron(etree.fromstring((HEAD + body + "</sch:schema>").encode()))


def test_unknown_query_binding_is_refused():
    with pytest.raises(SchematronError, match="queryBinding='xquery' is not supported"):
        Schematron(etree.fromstring(HEAD.replace("xslt2", "xquery").encode() + b"</sch:schema>"))


def test_compile_error_names_the_file_and_line_of_the_schema(tmp_path):
    path = tmp_path / "broken.sch"
    path.write_text(HEAD + rule('<sch:report test="@a eq">x</sch:report>') + "</sch:schema>")
    with pytest.raises(SchematronError, match=rf'sch:report test="@a eq" at {path}:3 \(@test\): XPST0003'):
        Schematron.from_file(path)


def test_error_in_an_included_file_names_that_file(tmp_path):
    (tmp_path / "part.sch").write_text(
        '<sch:pattern xmlns:sch="http://purl.oclc.org/dsdl/schematron" id="p">\n'
        '<sch:rule context="c:a">\n<sch:assert test="((">x</sch:assert></sch:rule></sch:pattern>'
    )
    (tmp_path / "main.sch").write_text(HEAD + '<sch:include href="part.sch"/></sch:schema>')
    with pytest.raises(SchematronError, match=rf'sch:assert test="\(\(" at {tmp_path / "part.sch"}:3'):
        Schematron.from_file(tmp_path / "main.sch")


def test_include_cycle_is_an_error(tmp_path):
    (tmp_path / "a.sch").write_text(
        '<sch:pattern xmlns:sch="http://purl.oclc.org/dsdl/schematron" id="p">'
        '<sch:rule context="c:a"><sch:include href="a.sch"/></sch:rule></sch:pattern>'
    )
    (tmp_path / "main.sch").write_text(HEAD + '<sch:include href="a.sch"/></sch:schema>')
    with pytest.raises(SchematronError, match="include cycle"):
        Schematron.from_file(tmp_path / "main.sch")


def test_a_file_that_is_not_a_schema_is_refused(tmp_path):
    path = tmp_path / "not.sch"
    path.write_text("<rules/>")
    with pytest.raises(SchematronError, match="not sch:schema"):
        Schematron.from_file(path)
