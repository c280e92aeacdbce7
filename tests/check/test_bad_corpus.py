"""Every rule has a bad file that fails exactly that rule, at the expected line (tests/check/bad/EXPECTED.tsv)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from lxml import etree

from editio.check.tables import edition_rules

HERE = Path(__file__).resolve().parent
BAD = HERE / "bad"
SCH = HERE.parents[1] / "schema" / "editio.sch"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"


def _cases() -> list[dict[str, str]]:
    with (BAD / "EXPECTED.tsv").open(encoding="utf-8") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


CASES = _cases()


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_bad_file_fails_exactly_its_rule_at_its_line(case, check, scratch_edition):
    target = scratch_edition / case["check_as"]
    shutil.copy(BAD / case["file"], target)
    report = check([target])
    got = [(p.rule_id, p.line, p.severity) for p in report.problems]
    assert got == [(case["rule"], int(case["line"]), case["severity"])], "\n".join(p.message for p in report.problems)
    assert report.ok == (case["severity"] == "warning")


def _schematron_rule_ids() -> set[str]:
    tree = etree.parse(str(SCH))
    return {e.get("id") for e in tree.iter(f"{{{SCH_NS}}}assert", f"{{{SCH_NS}}}report")}


def test_every_editio_rule_has_a_bad_file():
    rules = _schematron_rule_ids() | set(edition_rules()) | {"editio-schema"}
    covered = {c["rule"] for c in CASES}
    assert rules - covered == set()


def test_every_layer_has_a_bad_file():
    rules = {c["rule"] for c in CASES}
    assert "tei-rng" in rules
    assert any(r.startswith("tei_all-") for r in rules)  # a rule embedded in tei_all.rng


def test_every_schematron_rule_says_how_to_fix():
    tree = etree.parse(str(SCH))
    for test in tree.iter(f"{{{SCH_NS}}}assert", f"{{{SCH_NS}}}report"):
        assert test.get("id", "").startswith("editio-")
        assert test.get("role") in ("error", "warning")
        assert len(" ".join("".join(test.itertext()).split())) > 40, test.get("id")
