"""A modular schema keeps Schematron in its parts: the rules embedded in an included RELAX NG module run too,
and the rules of a definition the include overrides go with that definition."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from editio.check.api import check_paths
from editio.check.schematron import extract_embedded

MAIN = """<grammar xmlns="http://relaxng.org/ns/structure/1.0" xmlns:sch="http://purl.oclc.org/dsdl/schematron">
  <include href="modules/letter.rng">
    <define name="closer">
      <element name="closer"><text/>
        <sch:pattern id="closer-signed"><sch:rule context="closer">
          <sch:assert test="normalize-space(.)">a closer is never empty</sch:assert>
        </sch:rule></sch:pattern>
      </element>
    </define>
  </include>
  <start><ref name="letter"/></start>
</grammar>
"""
MODULE = """<grammar xmlns="http://relaxng.org/ns/structure/1.0" xmlns:sch="http://purl.oclc.org/dsdl/schematron">
  <define name="letter">
    <element name="letter">
      <attribute name="when"><text/></attribute>
      <sch:pattern id="letter-when"><sch:rule context="letter">
        <sch:assert test="matches(@when, '^\\d{4}-\\d{2}-\\d{2}$')">@when is a full ISO date</sch:assert>
      </sch:rule></sch:pattern>
      <text/><ref name="closer"/>
    </element>
  </define>
  <define name="closer">
    <element name="closer"><text/>
      <sch:pattern id="closer-overridden"><sch:rule context="closer">
        <sch:report test="true()">a rule of the overridden definition</sch:report>
      </sch:rule></sch:pattern>
    </element>
  </define>
</grammar>
"""


def _schema(tmp_path: Path) -> Path:
    (tmp_path / "modules").mkdir()
    (tmp_path / "modules" / "letter.rng").write_text(MODULE)
    main = tmp_path / "main.rng"
    main.write_text(MAIN)
    return main


def test_rules_embedded_in_an_included_module_are_extracted(tmp_path):
    schema = extract_embedded(etree.parse(str(_schema(tmp_path))))
    ids = [p.get("id") for p in schema.iter("{http://purl.oclc.org/dsdl/schematron}pattern")]
    assert ids == ["letter-when", "closer-signed"]  # the module where the include stands, then its overrides


def test_an_included_modules_rule_fires_at_the_line_that_breaks_it(tmp_path):
    schema = _schema(tmp_path)
    doc = tmp_path / "letter.xml"
    doc.write_text('<letter when="1950-09">\ntext <closer>\n</closer></letter>\n')
    report = check_paths([str(doc)], schemas=[str(schema)])
    found = sorted((p.line, p.message) for p in report.problems)
    assert [line for line, _ in found] == [1, 2]
    assert "@when is a full ISO date" in found[0][1] and "a closer is never empty" in found[1][1]
    assert not any("overridden definition" in m for _, m in found)
