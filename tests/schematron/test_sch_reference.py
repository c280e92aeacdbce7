"""Our Schematron verdicts are the reference engine's: SchXslt's failed asserts and successful reports, recorded
by bench/schematron_reference.py (reference/README.md says which SchXslt and how), at the same lines, as many."""

from __future__ import annotations

import csv
from collections import Counter

import pytest
from reference_cases import VERDICTS, cases

from editio.check.schematron import Schematron


def _recorded() -> tuple[dict[str, Counter], set[str]]:
    lines = VERDICTS.read_text(encoding="utf-8").splitlines()
    refused = {name.strip() for name in lines[1].split(":", 1)[1].split(",")} - {"none"}
    table: dict[str, Counter] = {}
    for row in csv.DictReader([line for line in lines if not line.startswith("#")], delimiter="\t"):
        table.setdefault(row["case"], Counter())[(row["file"], int(row["line"]), row["kind"], row["test"])] = \
            int(row["count"])
    return table, refused


RECORDED, REFUSED = _recorded()
CASES = list(cases())


def test_every_case_was_judged_by_the_reference_or_refused_by_it():
    assert set(RECORDED) | REFUSED <= {c.name for c in CASES}
    # the reference found something in each real project's rules, not silence everywhere
    assert all(sum(RECORDED.get(name, Counter()).values()) for name in ("tei_all", "eltec-1", "epidoc",
                                                                        "editio.sch"))


@pytest.mark.parametrize("case", [c for c in CASES if c.name not in REFUSED], ids=lambda c: c.name)
def test_our_verdicts_are_schxslts(case):
    engine = Schematron(case.schema, case.phase)
    ours = Counter()
    for doc in case.documents:
        for f in engine.validate(case.parse(doc)):
            ours[(doc.name, f.line, f.kind, " ".join(f.test.split()))] += 1
    assert ours == RECORDED.get(case.name, Counter())


def test_where_schxslt_refuses_a_schema_ours_runs_it():
    # abstract_pattern.sch instantiates one abstract pattern twice, with a pattern-level let: SchXslt compiles
    # pattern lets to global variables and stops ("multiply defined"). ISO does not make a pattern's variables
    # global, and an abstract pattern meant to be instantiated more than once needs its own per instance: ours
    # scopes them to the pattern. Its verdicts are asserted rule by rule in test_sch_features.py, and the same
    # schema without the let (abstract_pattern_no_let.sch) agrees with SchXslt.
    assert {"abstract_pattern.sch"} == REFUSED
    (case,) = [c for c in CASES if c.name == "abstract_pattern.sch"]
    assert Schematron(case.schema).validate(case.parse(case.documents[0]))
