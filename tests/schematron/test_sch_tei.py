"""All ISO Schematron rules embedded in the official tei_all.rng: extracted whole, compiled, and run."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from editio.check.schematron import Schematron, extract_embedded

SCH = "http://purl.oclc.org/dsdl/schematron"
TEI_FIXTURES = Path(__file__).parent / "fixtures" / "tei"


@pytest.fixture(scope="module")
def rng(tei_all) -> etree._ElementTree:
    return etree.parse(str(tei_all))


@pytest.fixture(scope="module")
def tei_rules(rng) -> Schematron:
    return Schematron(extract_embedded(rng))


def counts(root: etree._Element) -> Counter[str]:
    return Counter(etree.QName(e).localname for e in root.iter(f"{{{SCH}}}*"))


def test_every_embedded_schematron_element_is_extracted(rng):
    in_rng = counts(rng.getroot())
    extracted = extract_embedded(rng)
    in_schema = counts(extracted)
    assert in_rng["rule"] > 0 and in_rng["assert"] > 0 and in_rng["report"] > 0
    for kind in ("pattern", "rule", "assert", "report", "let", "value-of", "name"):
        assert in_schema[kind] == in_rng[kind], kind
    declared = {(ns.get("prefix"), ns.get("uri")) for ns in rng.getroot().iter(f"{{{SCH}}}ns")}
    assert {(ns.get("prefix"), ns.get("uri")) for ns in extracted.iter(f"{{{SCH}}}ns")} == declared


def test_every_embedded_rule_and_test_is_compiled(rng, tei_rules):
    in_rng = counts(rng.getroot())
    assert tei_rules.rule_count == in_rng["rule"]
    assert len(tei_rules.assertions) == in_rng["assert"] + in_rng["report"]
    assert len(tei_rules.patterns) == in_rng["pattern"]
    assert Counter(a.kind for a in tei_rules.assertions) == {"assert": in_rng["assert"], "report": in_rng["report"]}


def test_a_valid_tei_document_has_no_failures(tei_rules):
    assert tei_rules.validate(TEI_FIXTURES / "valid.xml") == []


def test_known_tei_rules_fire_at_the_lines_that_break_them(tei_rules):
    found = [
        (f.line, f.kind, f.role, f.rule_id, f.message) for f in tei_rules.validate(TEI_FIXTURES / "violations.xml")
    ]
    assert found == [
        (
            19,
            "report",
            "nonfatal",
            "tei_all-att.datable.w3c-att-datable-w3c-when-constraint-rule-2",
            "The @when attribute cannot be used with any other att.datable.w3c attributes.",
        ),
        (
            20,
            "report",
            "error",
            "tei_all-ptr-ptrAtts-constraint-rule-18",
            "Only one of the attributes @target and @cRef may be supplied on ptr.",
        ),
        (
            21,
            "assert",
            "error",
            "tei_all-subst-substContents1-constraint-rule-50",
            "subst must have at least one child add and at least one child del or surplus",
        ),
        (
            23,
            "assert",
            "error",
            "tei_all-att.spanning-spanTo-spanTo-points-to-following-constraint-rule-8",
            "The element indicated by @spanTo (#before) must follow the current addSpan element",
        ),
        (
            24,
            "assert",
            "warning",
            "tei_all-shift-shiftNew-constraint-rule-30",
            'The @new attribute should always be supplied; use the special value "normal" to indicate that the '
            "feature concerned ceases to be remarkable at this point.",
        ),
        # this pattern, its rule and its report have no id in tei_all: a positional one is made
        (
            27,
            "report",
            "error",
            "pattern66-rule1-report1",
            "An element reference is not repeatable when part of a schema specification (and thus this "
            "<elementRef> should not have @minOccurs or @maxOccurs).",
        ),
        (
            30,
            "assert",
            "error",
            "tei_all-relation-ref-or-key-or-name-constraint-rule-53",
            "One of the attributes @name, @ref or @key must be supplied",
        ),
        (
            30,
            "report",
            "error",
            "tei_all-relation-active-mutual-constraint-rule-54",
            "Only one of the attributes @active and @mutual may be supplied",
        ),
        (
            32,
            "report",
            "error",
            "tei_all-span-tonotfrom-constraint-rule-34",
            "If @to is supplied on span, @from must be supplied as well",
        ),
    ]


def test_foreign_tei_files_run_through_every_rule(tei_all, tei_rules, record_property):
    files = sorted((Path(__file__).parents[1] / "check" / "foreign-tei").glob("*.xml"))
    assert len(files) == 4
    summary = {}
    for path in files:
        failures = tei_rules.validate(path)
        assert all(f.line > 0 and f.rule_id and f.message for f in failures), path.name
        summary[path.name] = Counter(f.rule_id for f in failures)
    record_property("schematron_failures", {name: dict(c) for name, c in summary.items()})
    # DraCor's file is valid against tei_all 4.9.0 (tests/check/foreign-tei/README.md): the embedded rules agree.
    assert summary.get("dracor-menander-dyskolos.xml", Counter()) == Counter()
