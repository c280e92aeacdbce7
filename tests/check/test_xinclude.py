"""A file assembled with xi:include is judged as expanded, safely, and each finding names the line that holds it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PROJECT = HERE / "xinclude" / "project"
INSCRIPTION = Path("inscriptions") / "ISic000001.xml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the I.Sicily-style project, marked as a project folder as a clone would be."""
    copy = tmp_path / "isicily"
    shutil.copytree(PROJECT, copy)
    (copy / ".git").mkdir()
    return copy


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line)


def test_an_inscription_with_its_authority_lists_included_is_valid(check, project):
    report = check([project / "inscriptions"], profile="tei_all")
    assert report.files == 1 and report.problems == []


def test_without_expansion_it_would_fail_tei_all(check, project, tmp_path):
    # the same text, the includes no longer XInclude elements: what a validator that does not expand sees
    flat = tmp_path / "flat.xml"
    flat.write_text((project / INSCRIPTION).read_text(encoding="utf-8")
                    .replace("http://www.w3.org/2001/XInclude", "urn:not-xinclude"), encoding="utf-8")
    assert {p.rule_id for p in check([flat], profile="tei_all").problems} == {"tei-rng"}


def test_an_error_in_an_included_file_is_placed_at_both_lines(check, project):
    chars = project / "alists" / "charDecl.xml"
    _edit(chars, '<localProp name="Name" value="Interpunct"/>', '<localProp name="Name" value="Interpunct"/><bogus/>')
    report = check([project / INSCRIPTION], profile="tei_all")
    (problem,) = report.problems
    assert problem.path == str(project / INSCRIPTION)
    assert problem.line == _line_of(project / INSCRIPTION, 'xpointer="glyphs"')
    line = _line_of(chars, "<bogus/>")
    column = chars.read_text().split("\n")[line - 1].index("<bogus/>") + len("<bogus/>") + 1  # jing: after the tag
    assert problem.message.endswith(f"(in {project / 'alists' / 'charDecl.xml'}:{line}:{column})")
    assert 'element "bogus" not allowed' in problem.message


def test_lines_after_an_include_keep_their_numbers_and_columns(check, project):
    inscription = project / INSCRIPTION
    _edit(inscription, "<ab>res ", "<ab>res <bogus/>")
    report = check([inscription], profile="tei_all")
    (problem,) = report.problems
    line = _line_of(inscription, "<bogus/>")
    assert (problem.line, problem.column) == (line, inscription.read_text().split("\n")[line - 1].index("<bogus/>")
                                              + len("<bogus/>") + 1)
    assert "(in " not in problem.message


def test_the_embedded_schematron_sees_the_included_content_and_places_its_findings(check, project):
    taxonomies = project / "alists" / "taxonomies.xml"
    _edit(taxonomies, "<catDesc>stone</catDesc>", '<catDesc><date when="1887" notBefore="1886">x</date></catDesc>')
    report = check([project / INSCRIPTION], profile="tei_all")
    (problem,) = report.problems
    assert problem.layer == "tei-schematron"
    assert problem.line == _line_of(project / INSCRIPTION, "taxonomies.xml")
    assert f"alists/taxonomies.xml:{_line_of(taxonomies, 'notBefore')}" in problem.message


def test_a_missing_file_takes_its_fallback(check, project):
    (project / "alists" / "taxonomies.xml").unlink()
    assert check([project / INSCRIPTION], profile="tei_all").problems == []


def test_a_missing_file_without_fallback_is_one_error_at_the_include(check, project):
    (project / "alists" / "charDecl.xml").unlink()
    report = check([project / INSCRIPTION], profile="tei_all")
    assert [(p.rule_id, p.line) for p in report.problems] == [
        ("xinclude-missing", _line_of(project / INSCRIPTION, "charDecl.xml"))]


@pytest.mark.parametrize(("href", "rule"), [
    ("https://example.org/alists/charDecl.xml", "xinclude-remote"),
    ("../../outside.xml", "xinclude-outside"),
    ("ISic000001.xml", "xinclude-loop"),
])
def test_unsafe_includes_are_refused_and_the_rest_is_still_checked(check, project, href, rule):
    (project.parent / "outside.xml").write_text('<p xmlns="http://www.tei-c.org/ns/1.0">secret</p>')
    inscription = project / INSCRIPTION
    _edit(inscription, 'href="../alists/charDecl.xml"', f'href="{href}"')
    _edit(inscription, "<ab>res ", "<ab>res <bogus/>")
    report = check([inscription], profile="tei_all")
    assert [p.rule_id for p in report.problems] == [rule, "tei-rng"]
    assert report.problems[0].line == _line_of(inscription, href)


def test_a_folder_outside_the_project_can_be_allowed(check, project):
    common = project.parent / "common-lists"  # a folder beside the project, e.g. authority lists several use
    common.mkdir()
    shutil.move(project / "alists" / "charDecl.xml", common / "charDecl.xml")
    _edit(project / INSCRIPTION, 'href="../alists/charDecl.xml"', 'href="../../common-lists/charDecl.xml"')
    assert [p.rule_id for p in check([project / INSCRIPTION], profile="tei_all").problems] == ["xinclude-outside"]
    assert check([project / INSCRIPTION], profile="tei_all", xinclude_roots=[project, common]).problems == []


def test_parse_text_includes_the_characters(check, project):
    (project / "alists" / "note.txt").write_text("a < b & c\nsecond line", encoding="utf-8")
    _edit(project / INSCRIPTION, "<ab>res ", '<ab>res <xi:include href="../alists/note.txt" parse="text"/>')
    assert check([project / INSCRIPTION], profile="tei_all").problems == []


def test_includes_nest_and_an_error_two_levels_down_names_the_whole_way(check, project):
    tax = project / "alists" / "taxonomies.xml"
    (project / "alists" / "materials.xml").write_text(
        '<category xmlns="http://www.tei-c.org/ns/1.0" xml:id="material.wood">\n  <bogus/>\n</category>\n')
    _edit(tax, "</taxonomy>", '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="materials.xml"/>'
          "</taxonomy>")
    report = check([project / INSCRIPTION], profile="tei_all")
    (problem,) = report.problems
    assert problem.line == _line_of(project / INSCRIPTION, "taxonomies.xml")
    assert f"alists/materials.xml:2:11, included at {project / 'alists' / 'taxonomies.xml'}:" in problem.message


SAME_DOCUMENT = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>The shared title</title></titleStmt>
      <publicationStmt>
        <p>Unpublished.</p>
      </publicationStmt>
      <sourceDesc><p>Made for this test.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
      <p>The title again: <xi:include href="" xpointer="POINTER"/></p>
    </body>
  </text>
</TEI>
"""


def test_a_same_document_include_is_expanded_from_the_file_itself(check, project):
    doc = project / "same.xml"
    doc.write_text(SAME_DOCUMENT.replace("POINTER", "element(/1/1/1/1/1)"), encoding="utf-8")  # the title
    assert check([doc], profile="tei_all").problems == []

    doc.write_text(SAME_DOCUMENT.replace("POINTER", "element(/1/1/1/2)"), encoding="utf-8")  # publicationStmt
    errors = [p for p in check([doc], profile="tei_all").problems if p.rule_id == "tei-rng"]
    assert errors and errors[0].line == _line_of(doc, "<publicationStmt>")  # where the included element is written


def test_a_same_document_include_of_its_own_ancestor_is_a_loop(check, project):
    doc = project / "same.xml"
    doc.write_text(SAME_DOCUMENT.replace("POINTER", "element(/1/2/1)"), encoding="utf-8")  # the body
    [problem] = [p for p in check([doc], profile="tei_all").problems if p.layer == "xinclude"]
    assert problem.rule_id == "xinclude-loop" and problem.line == _line_of(doc, "<xi:include")


def _expanded(path: Path):
    from editio.check import xinclude
    from editio.check.wellformed import Source, parse

    parsed = xinclude.expand(parse(Source(str(path), path)), [path.parent], 10**7)
    assert parsed.tree is not None and not parsed.problems
    return parsed.tree.getroot()


def _two_files(tmp_path: Path, included_attrs: str = "") -> Path:
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "list.xml").write_text(
        f'<listPlace xmlns="http://www.tei-c.org/ns/1.0" xml:id="places"{included_attrs}>'
        '<place><graphic url="maps/sicily.png"/></place></listPlace>\n')
    main = tmp_path / "main.xml"
    main.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">\n'
                    '<xi:include href="parts/list.xml"/>\n'
                    '<note>shared</note>\n<xi:include href="" xpointer="element(/1/2)"/>\n</TEI>\n')
    return main


TEI = "{http://www.tei-c.org/ns/1.0}"


def test_an_element_from_another_file_keeps_its_base_uri(tmp_path):
    """XInclude base URI fixup: a relative pointer in included content still resolves where it was written."""
    root = _expanded(_two_files(tmp_path))
    (listed,) = root.iter(f"{TEI}listPlace")
    assert listed.get("{http://www.w3.org/XML/1998/namespace}base") == "parts/list.xml"
    graphic = next(root.iter(f"{TEI}graphic"))
    assert Path(graphic.base).parent / graphic.get("url") == tmp_path / "parts" / "maps" / "sicily.png"


def test_a_same_document_include_gets_no_base_and_an_own_base_is_joined(tmp_path):
    root = _expanded(_two_files(tmp_path, ' xml:base="archive/"'))
    notes = list(root.iter(f"{TEI}note"))
    assert len(notes) == 2 and all(n.get("{http://www.w3.org/XML/1998/namespace}base") is None for n in notes)
    (listed,) = root.iter(f"{TEI}listPlace")
    assert listed.get("{http://www.w3.org/XML/1998/namespace}base") == "parts/archive/"
