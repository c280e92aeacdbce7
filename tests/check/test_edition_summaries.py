"""The rules across files judge from small per-file summaries, made wherever a file is parsed (in this process or
a worker of the build's executor): the same problems, at the same line and column, with the same message, as
from the trees — on the edition as it is and on constructed breaks of every rule."""

from __future__ import annotations

import functools
import pickle
import shutil
from pathlib import Path

import pytest

from editio.build.executor import open_executor
from editio.check.edition import Edition, Summary, summarise_file, text_lines
from editio.check.wellformed import DEFAULT_MAX_BYTES, Source, parse

REPO = Path(__file__).resolve().parents[2]
DOC = "1950-09-27-zakharov-to-stalin.xml"
OTHER = "1950-07-13-stalin-to-zhou-enlai.xml"
BREAKS = {  # rule → (what is written into DOC's text, before the first "</p>")
    "editio-ref-resolves person": '<persName ref="per:nobody-at-all">X</persName>',
    "editio-ref-resolves pattern": '<persName ref="per:not/a/name">X</persName>',
    "editio-ref-prefix": '<persName ref="xyz:someone">X</persName>',
    "editio-ref-resolves local": '<ref target="#no-such-anchor">X</ref>',
    "editio-ref-resolves file": '<ref target="missing.xml#a">X</ref> <ref target="missing.xml#b">Y</ref>',
}


def _edition(folder: Path, broken: bool) -> list[Path]:
    shutil.copytree(REPO / "tei", folder)
    if broken:
        doc = folder / DOC
        doc.write_text(doc.read_text(encoding="utf-8").replace("</p>", " ".join(BREAKS.values()) + "</p>", 1),
                       encoding="utf-8")
        other = folder / OTHER
        taken = "doc-1950-09-27-zakharov-to-stalin"
        other.write_text(other.read_text(encoding="utf-8").replace("<msDesc>", f'<msDesc xml:id="{taken}">', 1),
                         encoding="utf-8")  # an id the other document's root has
    return sorted(folder.glob("19*.xml"))


def _from_trees(files: list[Path]) -> dict[str, list]:
    parsed = [parse(Source(str(f), f)) for f in files]
    edition = Edition(parsed, DEFAULT_MAX_BYTES)
    return {p.source.display: edition.problems(p) for p in parsed}


def _from_summaries(files: list[Path], summaries: list[Summary]) -> dict[str, list]:
    edition = Edition.from_summaries(summaries, DEFAULT_MAX_BYTES)
    return {str(f): edition.problems_of(str(f), f.resolve(), text_lines(Source(str(f), f), DEFAULT_MAX_BYTES))
            for f in files}


@pytest.mark.parametrize("broken", [False, True], ids=["the edition", "constructed breaks"])
def test_summaries_made_in_workers_give_the_problems_the_trees_give(tmp_path, broken):
    files = _edition(tmp_path / "tei", broken)
    expected = _from_trees(files)
    with open_executor(2) as build:
        outcomes = list(build.map(functools.partial(summarise_file, max_bytes=DEFAULT_MAX_BYTES),
                                  [Source(str(f), f) for f in files], small=0))
    assert all(o.ok for o in outcomes), [o.error for o in outcomes if not o.ok]
    summaries = [o.value for o in outcomes]
    assert _from_summaries(files, summaries) == expected
    found = sorted((p.path.rsplit("/", 1)[-1], p.rule_id) for ps in expected.values() for p in ps)
    if not broken:
        assert found == []
        return
    assert found == sorted([(DOC, "editio-id-unique"), (OTHER, "editio-id-unique"), (DOC, "editio-ref-prefix"),
                            *[(DOC, "editio-ref-resolves")] * 4])
    messages = " ".join(p.message for p in expected[str(tmp_path / "tei" / DOC)])
    assert "per:nobody-at-all" in messages and "#no-such-anchor" in messages and "xyz:" in messages
    assert "(2 pointers in this file lead there)" in messages  # missing.xml: once, with the count
    lines = (tmp_path / "tei" / DOC).read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines, 1) if "per:nobody-at-all" in line)
    column = lines[at - 1].index('ref="per:nobody-at-all"') + 1
    assert any(p.line == at and p.column in (column, column + 5) for p in expected[str(tmp_path / "tei" / DOC)])


def test_a_summary_is_small_and_picklable_and_the_text_is_read_only_for_a_problem(tmp_path):
    files = _edition(tmp_path / "tei", broken=False)
    summaries = [summarise_file(Source(str(f), f), DEFAULT_MAX_BYTES) for f in files]
    assert all(pickle.loads(pickle.dumps(s)) == s for s in summaries)
    assert sum(len(pickle.dumps(s)) for s in summaries) < sum(f.stat().st_size for f in files) / 2
    edition = Edition.from_summaries(summaries, DEFAULT_MAX_BYTES)

    def never():
        raise AssertionError("a file without problems was read again")

    assert all(edition.problems_of(str(f), f.resolve(), never) == [] for f in files)
