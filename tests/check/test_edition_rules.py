"""Rules across files: ids unique in the whole edition, pointers resolved through listPrefixDef and file names."""

from __future__ import annotations

import shutil

ZHOU = "1950-07-13-stalin-to-zhou-enlai.xml"
MAO = "1951-10-24-mao-zedong-to-stalin.xml"


def _doc(edition_fixture, folder, old: str = "", new: str = "", name: str = ZHOU):
    text = (edition_fixture / name).read_text(encoding="utf-8")
    if old:
        assert old in text
        text = text.replace(old, new)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def _rules(report):
    return [(p.rule_id, p.line) for p in report.problems if p.severity == "error"]


def test_checking_one_file_still_sees_the_ids_of_its_siblings(check, edition_fixture, scratch_edition):
    """A pre-commit hook checks the changed file only; an id another document already uses is still caught."""
    shutil.copy(edition_fixture / MAO, scratch_edition / MAO)
    taken = "doc-1951-10-24-mao-zedong-to-stalin-hand1"
    changed = _doc(edition_fixture, scratch_edition,
                   '<msDesc xml:id="doc-1950-07-13-stalin-to-zhou-enlai-ms2">', f'<msDesc xml:id="{taken}">')
    report = check([changed])
    problems = [p for p in report.problems if p.rule_id == "editio-id-unique"]
    assert len(problems) == 1
    assert MAO in problems[0].message and taken in problems[0].message


def test_both_files_are_told_when_both_are_checked(check, edition_fixture, scratch_edition):
    text = (scratch_edition / "places.xml").read_text(encoding="utf-8")
    (scratch_edition / "places.xml").write_text(text.replace('xml:id="moscow"', 'xml:id="stalin"'))
    report = check([scratch_edition / "places.xml", scratch_edition / "persons.xml"])
    assert sorted(p.path.rsplit("/", 1)[-1] for p in report.problems if p.rule_id == "editio-id-unique") == [
        "persons.xml", "places.xml"]


def test_local_pointers_resolve_in_the_same_file(check, edition_fixture, scratch_edition):
    good = _doc(edition_fixture, scratch_edition, "<p>Communicate your views.</p>",
                '<p>Communicate your views.<ptr target="#doc-1950-07-13-stalin-to-zhou-enlai-ms1"/></p>')
    assert _rules(check([good])) == []
    bad = _doc(edition_fixture, scratch_edition, "<p>Communicate your views.</p>",
               '<p>Communicate your views.<ptr target="#doc-1950-07-13-stalin-to-zhou-enlai-ms9"/></p>')
    assert [r for r, _ in _rules(check([bad]))] == ["editio-ref-resolves"]


def test_pointers_to_other_files_of_the_edition(check, edition_fixture, scratch_edition):
    shutil.copy(edition_fixture / MAO, scratch_edition / MAO)
    target = f"{MAO}#doc-1951-10-24-mao-zedong-to-stalin-hand1"
    good = _doc(edition_fixture, scratch_edition, "<p>Communicate your views.</p>",
                f'<p>Communicate your views. <ref target="{target}">See</ref></p>')
    assert _rules(check([good])) == []
    bad = _doc(edition_fixture, scratch_edition, "<p>Communicate your views.</p>",
               '<p>Communicate your views. <ref target="1950-01-01-nobody-to-nobody.xml">See</ref></p>')
    assert [r for r, _ in _rules(check([bad]))] == ["editio-ref-resolves"]


def test_web_addresses_are_outside_the_edition(check, edition_fixture, scratch_edition):
    doc = _doc(edition_fixture, scratch_edition, "<p>Communicate your views.</p>",
               '<p>Communicate your views. <ref target="https://example.org/x#y">See</ref></p>')
    assert _rules(check([doc])) == []


def test_a_value_the_prefix_pattern_does_not_match(check, edition_fixture, scratch_edition):
    doc = _doc(edition_fixture, scratch_edition, '<persName ref="per:molotov">', '<persName ref="per:molotov/x">')
    report = check([doc])
    assert [p.rule_id for p in report.problems] == ["editio-ref-resolves"]
    assert "matchPattern" in report.problems[0].message


def test_a_missing_authority_file_is_reported_once_with_a_count(check, edition_fixture, scratch_edition):
    (scratch_edition / "places.xml").unlink()
    report = check([_doc(edition_fixture, scratch_edition)])
    problems = [p for p in report.problems if p.rule_id == "editio-ref-resolves"]
    assert len(problems) == 1
    assert "places.xml" in problems[0].message and "pointers in this file" in problems[0].message


def test_resp_and_who_are_pointers_too(check, edition_fixture, scratch_edition):
    doc = _doc(edition_fixture, scratch_edition, '<change when="2025-01-15" who="org:editio">',
               '<change when="2025-01-15" who="org:edition">')
    assert [r for r, _ in _rules(check([doc]))] == ["editio-ref-resolves"]


def test_two_editions_checked_in_one_run_stay_apart(check, edition_fixture, tmp_path):
    for name in ("one", "two"):
        shutil.copytree(edition_fixture, tmp_path / name)
    report = check([tmp_path / "one", tmp_path / "two"])
    assert [p for p in report.problems if p.rule_id == "editio-id-unique"] == []


def test_a_duplicate_id_inside_one_file_is_left_to_tei_all(check, edition_fixture, scratch_edition):
    doc = _doc(edition_fixture, scratch_edition, 'xml:id="doc-1950-07-13-stalin-to-zhou-enlai-ms2"',
               'xml:id="doc-1950-07-13-stalin-to-zhou-enlai-ms1"')
    assert {p.rule_id for p in check([doc]).problems} == {"tei-rng"}
