"""The editio profile keeps no tree it is done with: while the per-file layers and the rules across files judge,
only the few files being judged are parsed in memory, not every file of the edition (their summaries and findings
are all that stays) — and the findings are those of the files, defects of several layers among them."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from editio.check import api

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "edition"
ZHOU = "1950-07-13-stalin-to-zhou-enlai"
AUTHORITY = ("persons.xml", "places.xml", "orgs.xml")
COPIES = 40
DEFECTS = (  # (what is replaced, by what) in one copy: a finding of editio.sch, and one across files
    ('<date when="1950-07-13">13 July 1950</date>', '<date when="1950-07-23">13 July 1950</date>'),
    ('who="org:editio"', 'who="org:nobody-known"'),
)


def _corpus(folder: Path) -> list[Path]:
    folder.mkdir()
    for name in AUTHORITY:
        (folder / name).write_bytes((FIXTURE / name).read_bytes())
    text = (FIXTURE / f"{ZHOU}.xml").read_text(encoding="utf-8")
    for k in range(COPIES):
        copy = text.replace(ZHOU, f"{ZHOU}-c{k}")
        if k < len(DEFECTS):
            copy = copy.replace(*DEFECTS[k], 1)
        (folder / f"{ZHOU}-c{k}.xml").write_text(copy, encoding="utf-8")
    return sorted(folder.glob(f"{ZHOU}-c*.xml"))


def test_the_per_file_layers_and_the_rules_across_files_hold_a_few_trees_not_all(tmp_path, tei_all, monkeypatch):
    files = _corpus(tmp_path / "tei")
    parsed_refs: list[weakref.ref] = []  # every file parsed in the run

    def alive() -> int:  # how many of them something still holds
        return sum(ref() is not None for ref in parsed_refs)

    seen: dict[str, list[int]] = {"per-file layers": [], "rules across files": []}
    real_parse, real_in_process = api.parse, api.in_process
    real_edition = api.Edition.from_summaries

    def parse(source, max_bytes):
        parsed = real_parse(source, max_bytes)
        parsed_refs.append(weakref.ref(parsed))
        return parsed

    def in_process(parsed, *args):
        seen["per-file layers"].append(alive())
        return real_in_process(parsed, *args)

    def from_summaries(summaries, max_bytes):
        gc.collect()
        seen["rules across files"].append(alive())
        return real_edition(summaries, max_bytes)

    monkeypatch.setattr(api, "parse", parse)
    monkeypatch.setattr(api, "in_process", in_process)
    monkeypatch.setattr(api.Edition, "from_summaries", from_summaries)
    report = api.check_paths(files, profile="editio", tei_schema=tei_all, jobs=2)
    assert len(seen["per-file layers"]) == COPIES  # every file judged, each parsed again for it
    assert max(seen["per-file layers"]) <= 4  # the files in the threads' hands, not the edition
    assert seen["rules across files"] == [0]  # from summaries alone
    rules = {(p.path.rsplit("/", 1)[-1], p.rule_id) for p in report.problems}
    assert (f"{ZHOU}-c0.xml", "editio-date-text") in rules
    assert (f"{ZHOU}-c1.xml", "editio-ref-resolves") in rules
    assert {path for path, _ in rules} == {f"{ZHOU}-c0.xml", f"{ZHOU}-c1.xml"}
