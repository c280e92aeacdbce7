"""The schemas and files on which our Schematron verdicts are compared with SchXslt's (the reference engine):
shared by bench/schematron_reference.py, which runs both engines, and test_sch_reference.py, which replays
SchXslt's recorded verdicts against ours."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from lxml import etree

from editio.check.schematron import extract_embedded
from editio.check.schematron.expand import safe_parser
from editio.check.wellformed import Source, parse

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
FIXTURES = TESTS / "schematron" / "fixtures"
REFERENCE = TESTS / "schematron" / "reference"
SCHEMAS = TESTS / "check" / "schemas"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
VERDICTS = REFERENCE / "VERDICTS-schxslt.tsv"

# feature fixtures (tests/schematron/fixtures) and the phase each is run in
FEATURES = {
    "ns_let.sch": None, "phases.sch": "content", "abstract_pattern.sch": None, "abstract_pattern_no_let.sch": None,
    "abstract_rule.sch": None, "assert_report.sch": None, "diagnostics.sch": None, "first_rule.sch": None,
    "foreign_xsl.sch": None, "include.sch": None, "properties.sch": None,
}


def _xml(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.xml"))


@dataclass
class Case:
    name: str
    source: Path  # the .sch, or the RELAX NG schema whose embedded rules are taken
    documents: list[Path]
    phase: str | None = None
    embedded: bool = False

    @cached_property
    def schema(self) -> etree._Element:
        root = etree.parse(str(self.source), safe_parser()).getroot()
        return extract_embedded(root) if self.embedded else root

    @staticmethod
    def parse(doc: Path) -> etree._ElementTree:
        """As tei-check reads it (hardened parser, internal entities expanded)."""
        parsed = parse(Source(str(doc), doc))
        assert parsed.tree is not None, parsed.problems
        return parsed.tree


def cases() -> Iterator[Case]:
    tei_all = ROOT / "schema" / "tei_all.rng"
    tei_docs = [*_xml(TESTS / "check" / "foreign"), *_xml(TESTS / "check" / "foreign-tei"),
                *_xml(FIXTURES / "tei"), *_xml(TESTS / "check" / "fixtures" / "edition"), *_xml(REFERENCE / "tei")]
    yield Case("tei_all", tei_all, tei_docs, embedded=True)
    yield Case("eltec-1", SCHEMAS / "eltec" / "eltec-1.rng",
               [*sorted((TESTS / "check" / "foreign-tei").glob("eltec-*.xml")), *_xml(REFERENCE / "eltec")],
               embedded=True)
    yield Case("lex0", SCHEMAS / "lex0" / "lex0.rng", [SCHEMAS / "lex0" / "examples.xml"], embedded=True)
    yield Case("epidoc", SCHEMAS / "epidoc" / "tei-epidoc.rng",
               [TESTS / "check" / "foreign" / "papyri-bgu.1.10.xml", *_xml(REFERENCE / "epidoc")], embedded=True)
    yield Case("teilite", SCHEMAS / "teipublisher" / "teilite.rng",
               [SCHEMAS / "teipublisher" / "CIDTC-3823-cortez.xml", *_xml(REFERENCE / "teipublisher")], embedded=True)
    yield Case("editio.sch", ROOT / "schema" / "editio.sch",
               [*_xml(TESTS / "check" / "bad"), *_xml(TESTS / "check" / "fixtures" / "edition")])
    for name, phase in FEATURES.items():
        yield Case(name, FIXTURES / name, [FIXTURES / "catalogue.xml"], phase=phase)
