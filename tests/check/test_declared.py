"""Each file is judged by the schemas it declares in <?xml-model?>: a project's own customisation, not tei_all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from jing_lines import jing_lines

from editio.check.catalog import load as load_catalog

HERE = Path(__file__).resolve().parent
ELTEC_RNG = HERE / "schemas" / "eltec" / "eltec-1.rng"
ELTEC_FILES = sorted((HERE / "foreign-tei").glob("eltec-*.xml"))
DRACOR = HERE / "foreign-tei" / "dracor-menander-dyskolos.xml"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSD_NS = "http://www.w3.org/2001/XMLSchema"

TEI_DOC = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
           "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>\n"
           "<text><body><p>{body}</p></body></text></TEI>\n")


def pi(href: str, ns: str | None = None, phase: str | None = None) -> str:
    extra = (f' schematypens="{ns}"' if ns else "") + (f' phase="{phase}"' if phase else "")
    return f'<?xml-model href="{href}" type="application/xml"{extra}?>\n'


@pytest.fixture
def eltec(tmp_path: Path) -> Path:
    """ELTeC's own layout: the novels in ELTeC-eng/level1/, the schema in Schemas/ (their href: ../../Schemas/)."""
    (tmp_path / "Schemas").mkdir()
    shutil.copy(ELTEC_RNG, tmp_path / "Schemas")
    novels = tmp_path / "ELTeC-eng" / "level1"
    novels.mkdir(parents=True)
    for f in ELTEC_FILES:
        shutil.copy(f, novels / f.name.removeprefix("eltec-"))
    return tmp_path


def _declared(check, paths, **kwargs):
    return check(paths, profile="tei_all", by_declaration=True, **kwargs)


def test_eltec_novels_are_valid_under_the_eltec_schema_they_declare(check, eltec):
    assert len(ELTEC_FILES) == 3
    report = _declared(check, [eltec / "ELTeC-eng"])
    assert report.files == 3 and report.problems == []
    for names in report.judged.values():
        assert names == ["../../Schemas/eltec-1.rng (RELAX NG)", "../../Schemas/eltec-1.rng (embedded Schematron)"]


def test_the_same_novels_judged_by_tei_all_fail_on_eltec_extensions(check, eltec):
    # what tei-check did before it read xml-model: ELTeC's valid extension elements reported as errors
    report = check([eltec / "ELTeC-eng"], profile="tei_all")
    assert report.errors and any("authorGender" in p.message for p in report.problems)


def test_a_broken_eltec_copy_fails_where_jing_says(check, eltec):
    novel = next((eltec / "ELTeC-eng" / "level1").glob("*.xml"))
    text = novel.read_text(encoding="utf-8")
    broken = novel.with_name("broken.xml")
    broken.write_text(text.replace("</titleStmt>", "<bogus/></titleStmt>", 1), encoding="utf-8")
    report = _declared(check, [broken])
    ours = [(p.line, p.column, p.message) for p in report.problems if p.rule_id == "rng"]
    assert ours and ours == jing_lines(eltec / "Schemas" / "eltec-1.rng", broken)


def test_eltecs_embedded_schematron_rules_run(check, eltec):
    novel = next((eltec / "ELTeC-eng" / "level1").glob("*.xml"))
    lines = novel.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if "</titleStmt>" in line)
    lines[at] = lines[at].replace("</titleStmt>", '<respStmt><resp><date when="1887" notBefore="1886">1887</date>'
                                  "</resp><name>x</name></respStmt></titleStmt>", 1)
    broken = novel.with_name("dates.xml")
    broken.write_text("\n".join(lines), encoding="utf-8")
    report = _declared(check, [broken])
    found = [(p.layer, p.line) for p in report.problems]
    assert ("schematron", at + 1) in found, report.problems
    assert all(p.layer == "schematron" for p in report.problems)


def test_a_remote_schema_is_reported_once_and_the_other_schemas_still_judge(check, eltec, tmp_path):
    files = []
    for name in ("a.xml", "b.xml"):
        f = tmp_path / name
        f.write_text(pi("https://example.org/schemas/project.rng", RNG_NS) + pi("Schemas/eltec-1.rng", SCH_NS) +
                     TEI_DOC.format(body='<date when="1887" notBefore="1886">x</date>'), encoding="utf-8")
        files.append(f)
    report = _declared(check, files)
    remote = [p for p in report.problems if p.rule_id == "xml-model-remote"]
    assert len(remote) == 1 and remote[0].path == "tei-check" and remote[0].severity == "warning"
    assert "https://example.org/schemas/project.rng" in remote[0].message and "2 files" in remote[0].message
    # ELTeC's embedded rule still ran on both files
    assert sorted(p.path for p in report.problems if "@when" in p.message) == [str(f) for f in files]


def test_a_missing_local_schema_is_one_error_at_its_declaration(check, eltec, tmp_path):
    f = tmp_path / "missing.xml"
    f.write_text(pi("nowhere/custom.rng", RNG_NS) + pi("nowhere/custom.rng", SCH_NS) + pi("Schemas/eltec-1.rng", SCH_NS)
                 + TEI_DOC.format(body='<date when="1887" notBefore="1886">x</date>'), encoding="utf-8")
    report = _declared(check, [f])
    missing = [p for p in report.problems if p.rule_id == "xml-model-missing"]
    assert [(p.line, p.severity) for p in missing] == [(1, "error")]
    assert "nowhere/custom.rng" in missing[0].message
    assert any("@when" in p.message for p in report.problems)


def test_two_conflicting_grammars_are_said_and_both_judge(check, eltec, tmp_path, tei_all):
    f = tmp_path / "two.xml"
    f.write_text(pi(str(tei_all), RNG_NS) + pi("Schemas/eltec-1.rng", RNG_NS) +
                 TEI_DOC.format(body="<bogus/>"), encoding="utf-8")
    report = _declared(check, [f])
    conflict = [p for p in report.problems if p.rule_id == "xml-model-conflict"]
    assert [(p.line, p.severity) for p in conflict] == [(2, "warning")]
    assert {"tei-rng", "rng"} <= {p.rule_id for p in report.problems if p.line == 4}


def test_a_declaration_of_the_wrong_language_is_refused(check, eltec, tmp_path):
    f = tmp_path / "wrong.xml"
    f.write_text(pi("Schemas/eltec-1.rng", XSD_NS) + pi("Schemas/eltec-1.rng", RNG_NS) + TEI_DOC.format(body="x"),
                 encoding="utf-8")
    report = _declared(check, [f])
    assert [(p.rule_id, p.line) for p in report.problems if p.layer == "schema" and p.rule_id != "rng"] == \
        [("xml-model-type", 1)]
    assert report.judged[str(f)][0].startswith("Schemas/eltec-1.rng (RELAX NG)")


def test_a_schematron_with_an_unknown_query_binding_is_one_line_and_relaxng_still_runs(check, eltec, tmp_path):
    (tmp_path / "odd.sch").write_text(
        f'<schema xmlns="{SCH_NS}" queryBinding="xquery99"><pattern><rule context="*">'
        '<assert test="true()">x</assert></rule></pattern></schema>', encoding="utf-8")
    f = tmp_path / "odd.xml"
    f.write_text(pi("odd.sch", SCH_NS) + pi("Schemas/eltec-1.rng", RNG_NS) + TEI_DOC.format(body="<bogus/>"),
                 encoding="utf-8")
    report = _declared(check, [f])
    unusable = [p for p in report.problems if p.rule_id == "schema-unusable"]
    assert len(unusable) == 1 and unusable[0].line == 1 and "xquery99" in unusable[0].message
    assert 4 in [p.line for p in report.problems if p.rule_id == "rng"]


def test_a_standalone_schematron_runs_in_the_declared_phase(check, tmp_path):
    (tmp_path / "rules.sch").write_text(
        f'<schema xmlns="{SCH_NS}" queryBinding="xslt2"><ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>'
        '<phase id="strict"><active pattern="p-strict"/></phase><phase id="lax"><active pattern="p-lax"/></phase>'
        '<pattern id="p-strict"><rule context="tei:p"><assert id="no-bogus" test="not(tei:bogus)">no bogus'
        '</assert></rule></pattern><pattern id="p-lax"><rule context="tei:title"><report id="title" '
        'test="true()">a title</report></rule></pattern></schema>', encoding="utf-8")
    strict, lax = tmp_path / "strict.xml", tmp_path / "lax.xml"
    strict.write_text(pi("rules.sch", SCH_NS, "strict") + TEI_DOC.format(body="<bogus/>"), encoding="utf-8")
    lax.write_text(pi("rules.sch", SCH_NS, "lax") + TEI_DOC.format(body="<bogus/>"), encoding="utf-8")
    report = _declared(check, [strict, lax])
    assert [(p.rule_id, p.line) for p in report.for_path(str(strict))] == [("no-bogus", 3)]
    assert [(p.rule_id, p.line) for p in report.for_path(str(lax))] == [("title", 2)]
    assert report.judged[str(strict)] == ["rules.sch (Schematron, phase strict)"]


def test_an_xsd_declaration_is_checked_with_lines(check, tmp_path):
    (tmp_path / "note.xsd").write_text(
        f'<xs:schema xmlns:xs="{XSD_NS}"><xs:element name="note"><xs:complexType><xs:sequence>'
        '<xs:element name="to" type="xs:string"/></xs:sequence></xs:complexType></xs:element></xs:schema>',
        encoding="utf-8")
    good, bad = tmp_path / "good.xml", tmp_path / "bad.xml"
    good.write_text(pi("note.xsd", XSD_NS) + "<note>\n<to>x</to>\n</note>\n", encoding="utf-8")
    bad.write_text(pi("note.xsd", XSD_NS) + "<note>\n<to>x</to>\n<from>y</from>\n</note>\n", encoding="utf-8")
    report = _declared(check, [good, bad])
    assert report.for_path(str(good)) == []
    assert [(p.rule_id, p.layer, p.line) for p in report.for_path(str(bad))] == [("xsd", "schema", 4)]


def test_a_folder_of_mixed_projects_judges_each_file_by_its_own_declaration(check, eltec, tmp_path):
    shutil.copy(DRACOR, eltec / "dracor.xml")  # declares nothing: the profile's tei_all judges it
    report = _declared(check, [eltec])
    assert report.problems == []
    judged = {Path(path).name: names[0] for path, names in report.judged.items()}
    assert judged.pop("dracor.xml") == "tei_all.rng (RELAX NG)"
    assert set(judged.values()) == {"../../Schemas/eltec-1.rng (RELAX NG)"} and len(judged) == 3


def test_schemas_given_on_the_command_line_override_declarations(check, eltec, tei_all):
    report = check([eltec / "ELTeC-eng"], profile="tei_all", schemas=[tei_all])
    assert any("authorGender" in p.message for p in report.problems)
    assert {tuple(n) for n in report.judged.values()} == {(f"{tei_all} (RELAX NG)",
                                                            f"{tei_all} (embedded Schematron)")}


@pytest.mark.parametrize("form", ["oasis", "mapping"])
def test_a_catalogue_maps_a_declared_url_to_the_local_copy(check, eltec, tmp_path, form):
    url = "https://github.com/COST-ELTEC/Schemas/raw/master/eltec-1.rng"
    if form == "oasis":
        catalog = tmp_path / "catalog.xml"
        catalog.write_text('<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">'
                           '<rewriteURI uriStartString="https://github.com/COST-ELTEC/Schemas/raw/master/" '
                           'rewritePrefix="Schemas/"/></catalog>', encoding="utf-8")
    else:
        catalog = tmp_path / "schemas.map"
        catalog.write_text(f"# ELTeC\n{url}  Schemas/eltec-1.rng\n", encoding="utf-8")
    novel = next((eltec / "ELTeC-eng" / "level1").glob("*.xml"))
    novel.write_text(novel.read_text(encoding="utf-8").replace("../../Schemas/eltec-1.rng", url), encoding="utf-8")
    report = _declared(check, [novel], catalog=load_catalog(catalog))
    assert report.problems == []
    assert report.judged[str(novel)][0] == f"{url} (RELAX NG)"


def test_tei_s_own_urls_are_served_by_the_shipped_tei_all(check, tmp_path):
    f = tmp_path / "tei.xml"
    f.write_text(pi("http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng", RNG_NS) +
                 TEI_DOC.format(body="<bogus/>"), encoding="utf-8")
    report = _declared(check, [f])
    assert [(p.rule_id, p.line) for p in report.problems] == [("tei-rng", 3)]


EPIDOC_URL = "http://www.stoa.org/epidoc/schema/latest/tei-epidoc.rng"
EPIDOC_RNG = HERE / "schemas" / "epidoc" / "tei-epidoc.rng"


def _epidoc_catalog(tmp_path: Path):
    mapping = tmp_path / "epidoc.map"
    mapping.write_text(f"{EPIDOC_URL}  {EPIDOC_RNG}\n", encoding="utf-8")
    return load_catalog(mapping)


def test_an_epidoc_papyrus_is_judged_by_epidoc_through_its_oxygen_pi_and_a_catalogue(check, tmp_path):
    papyrus = HERE / "foreign" / "papyri-bgu.1.10.xml"  # <?oxygen RNGSchema="…tei-epidoc.rng"?>
    report = _declared(check, [papyrus], catalog=_epidoc_catalog(tmp_path))
    assert report.problems == []
    assert report.judged[str(papyrus)] == [f"{EPIDOC_URL} (RELAX NG)", f"{EPIDOC_URL} (embedded Schematron)"]
    broken = tmp_path / "broken.xml"
    broken.write_text(papyrus.read_text(encoding="utf-8").replace("<ab>", "<ab><bogus/>", 1), encoding="utf-8")
    ours = [(p.line, p.column, p.message) for p in _declared(check, [broken], catalog=_epidoc_catalog(tmp_path))
            .problems if p.rule_id == "rng"]
    assert ours and ours == jing_lines(EPIDOC_RNG, broken)


def test_an_isicily_style_inscription_passes_epidoc_once_its_includes_are_expanded(check, tmp_path):
    project = tmp_path / "isicily"
    shutil.copytree(HERE / "xinclude" / "project", project)
    (project / ".git").mkdir()
    inscription = project / "inscriptions" / "ISic000001.xml"
    report = _declared(check, [inscription], catalog=_epidoc_catalog(tmp_path))
    assert report.problems == [] and report.judged[str(inscription)][0] == f"{EPIDOC_URL} (RELAX NG)"
    # unexpanded (the includes made foreign elements), EpiDoc rejects it, as it rejects I.Sicily's own files
    flat = project / "inscriptions" / "flat.xml"
    flat.write_text(inscription.read_text().replace("http://www.w3.org/2001/XInclude", "urn:x"), encoding="utf-8")
    assert {p.rule_id for p in _declared(check, [flat], catalog=_epidoc_catalog(tmp_path)).problems} == {"rng"}


def test_tei_lex0_examples_are_judged_by_lex0_as_jing_judges_them(check, tmp_path):
    # TEI Lex-0's layout: odd/examples/examples.xml declares ../../build/html/schema/lex0.rng (RELAX NG and
    # Schematron). The examples at the recorded commit lack entry/@type, which the deployed schema requires:
    # a real finding, and exactly jing's.
    examples = tmp_path / "odd" / "examples" / "examples.xml"
    schema = tmp_path / "build" / "html" / "schema" / "lex0.rng"
    examples.parent.mkdir(parents=True)
    schema.parent.mkdir(parents=True)
    shutil.copy(HERE / "schemas" / "lex0" / "examples.xml", examples)
    shutil.copy(HERE / "schemas" / "lex0" / "lex0.rng", schema)
    report = _declared(check, [examples])
    assert report.judged[str(examples)] == ["../../build/html/schema/lex0.rng (RELAX NG)",
                                            "../../build/html/schema/lex0.rng (embedded Schematron)"]
    ours = [(p.line, p.column, p.message) for p in report.problems]
    assert ours == jing_lines(schema, examples) and len(ours) == 16


def test_a_tei_publisher_letter_is_judged_by_the_odd_compiled_teilite_it_declares(check, tmp_path):
    # TEI Publisher's layout: data/demo/*.xml declare ../../resources/odd/teilite.rng (RELAX NG and Schematron)
    letter = tmp_path / "data" / "demo" / "CIDTC-3823-cortez.xml"
    schema = tmp_path / "resources" / "odd" / "teilite.rng"
    letter.parent.mkdir(parents=True)
    schema.parent.mkdir(parents=True)
    shutil.copy(HERE / "schemas" / "teipublisher" / "CIDTC-3823-cortez.xml", letter)
    shutil.copy(HERE / "schemas" / "teipublisher" / "teilite.rng", schema)
    report = _declared(check, [letter])
    assert report.problems == []
    assert report.judged[str(letter)][1] == "../../resources/odd/teilite.rng (embedded Schematron)"
    broken = letter.with_name("broken.xml")
    broken.write_text(letter.read_text(encoding="utf-8").replace("</titleStmt>", "<bogus/></titleStmt>", 1),
                      encoding="utf-8")
    ours = [(p.line, p.column, p.message) for p in _declared(check, [broken]).problems if p.rule_id == "rng"]
    assert ours and ours == jing_lines(schema, broken)
