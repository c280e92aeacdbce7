"""How validate() takes documents and finds lines: inputs, trees, threads, safety, fn:path() mapping."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from lxml import etree

from editio.check.schematron import Schematron, SchematronError
from editio.check.schematron.locate import locate, top_level

SCH = "http://purl.oclc.org/dsdl/schematron"
C = "Q{urn:example:catalogue}"


def facts(failures):
    return [(f.rule_id, f.line, f.location, f.message) for f in failures]


@pytest.fixture(scope="module")
def ns_let(fixtures):
    return Schematron.from_file(fixtures / "ns_let.sch")


def test_path_bytes_tree_and_element_give_the_same_failures(ns_let, fixtures):
    path = fixtures / "catalogue.xml"
    tree = etree.parse(str(path))
    expected = facts(ns_let.validate(path))
    assert len(expected) == 4
    assert facts(ns_let.validate(str(path))) == expected
    assert facts(ns_let.validate(path.read_bytes())) == expected
    assert facts(ns_let.validate(tree)) == expected
    assert facts(ns_let.validate(tree.getroot())) == expected


def test_an_inner_element_is_validated_as_a_document_of_its_own(ns_let, fixtures):
    tree = etree.parse(str(fixtures / "catalogue.xml"))
    second_book = tree.getroot()[1]
    assert facts(ns_let.validate(second_book)) == [
        ("year-numeric", 8, f"/{C}book[1]", 'Year "19x0" of book b2 is not a number.')
    ]


def test_a_tree_parsed_without_blank_text_maps_text_nodes_to_their_lines(fixtures):
    schema = Schematron.from_file(fixtures / "assert_report.sch")
    tree = etree.parse(str(fixtures / "catalogue.xml"), etree.XMLParser(remove_blank_text=True))
    stamps = [f for f in schema.validate(tree) if f.message.startswith("Stamp")]
    assert [(f.line, f.location.rsplit("/", 1)[-1]) for f in stamps] == [(10, "text()[1]")]


def test_validate_from_many_threads_gives_each_caller_its_own_answer(ns_let, fixtures):
    path = fixtures / "catalogue.xml"
    one_book = b'<catalogue xmlns="urn:example:catalogue"><book id="z" year="1999"/></catalogue>'
    inputs = [path.read_bytes() if i % 2 else one_book for i in range(16)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda doc: len(ns_let.validate(doc)), inputs))
    assert results == [4 if i % 2 else 0 for i in range(16)]


def test_the_callers_schema_element_is_left_as_it_was(fixtures):
    root = etree.parse(str(fixtures / "abstract_rule.sch")).getroot()
    before = etree.tostring(root)
    Schematron(root)
    assert etree.tostring(root) == before


def test_documents_are_read_without_dtd_or_entities(tmp_path):
    schema = Schematron(
        etree.fromstring(
            f'<sch:schema xmlns:sch="{SCH}" queryBinding="xslt2"><sch:pattern><sch:rule context="a">'
            '<sch:report test="true()">[<sch:value-of select="."/>]</sch:report>'
            "</sch:rule></sch:pattern></sch:schema>".encode()
        )
    )
    doc = tmp_path / "doc.xml"
    doc.write_text('<!DOCTYPE a SYSTEM "http://example.invalid/never-fetched.dtd">\n<a>plain</a>')
    assert [(f.line, f.message) for f in schema.validate(doc)] == [(2, "[plain]")]
    with_entity = tmp_path / "entity.xml"
    with_entity.write_text('<!DOCTYPE a [<!ENTITY e "expanded">]>\n<a>&e;</a>')
    with pytest.raises(SchematronError, match="unresolved entity references"):
        schema.validate(with_entity)


def test_introspection_of_a_compiled_schema(ns_let):
    assert ns_let.patterns == ("books",)
    assert ns_let.rule_count == 1
    assert [a.kind for a in ns_let.assertions] == ["assert", "report", "assert"]
    assert ns_let.assertions[0].origin.endswith("ns_let.sch:11")
    assert "xsl:stylesheet" in ns_let.xslt


DOC = b"""<?pi first?>
<!-- top comment -->
<r xmlns="urn:r">
  <a x="1">one<b/>two<!-- c --><b/>three</a>
  <a
     y="2"/>
  <n xmlns=""><m/></n>
</r>
<!-- after -->"""


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ("/", 1),
        ("/processing-instruction(pi)[1]", 1),
        ("/comment()[1]", 2),
        ("/comment()[2]", 9),
        ("/Q{urn:r}r[1]", 3),
        ("/Q{urn:r}r[1]/Q{urn:r}a[1]", 4),
        ("/Q{urn:r}r[1]/Q{urn:r}a[1]/@x", 4),
        ("/Q{urn:r}r[1]/Q{urn:r}a[2]/@y", 6),  # libxml2 counts the line where the start tag ends
        ("/Q{urn:r}r[1]/Q{urn:r}a[1]/text()[3]", 4),
        ("/Q{urn:r}r[1]/Q{urn:r}a[1]/comment()[1]", 4),
        ("/Q{urn:r}r[1]/Q{}n[1]/Q{}m[1]", 7),
        ("/Q{urn:r}r[1]/Q{urn:r}a[9]", 3),  # no such node: the deepest one found
    ],
)
def test_locate_maps_fn_path_steps_to_lines(path, line):
    root = etree.fromstring(DOC)
    assert locate(path, top_level(root)).line == line


def test_doc_resolves_beside_the_schema_and_base_uri_is_the_documents(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "ids.xml").write_text("<ids><id>known</id></ids>")
    (tmp_path / "rules" / "ids.sch").write_text(
        f'<sch:schema xmlns:sch="{SCH}" queryBinding="xslt2"><sch:pattern><sch:rule context="ref">'
        "<sch:assert test=\"@id = doc('ids.xml')//id\">unknown id <sch:value-of select=\"@id\"/> in "
        '<sch:value-of select="tokenize(base-uri(/), \'/\')[last()]"/></sch:assert>'
        "</sch:rule></sch:pattern></sch:schema>"
    )
    (tmp_path / "doc.xml").write_text('<refs>\n<ref id="known"/>\n<ref id="other"/>\n</refs>')
    schema = Schematron.from_file(tmp_path / "rules" / "ids.sch")
    expected = [(3, "unknown id other in doc.xml")]
    assert [(f.line, f.message) for f in schema.validate(tmp_path / "doc.xml")] == expected
    tree = etree.parse(str(tmp_path / "doc.xml"))
    assert [(f.line, f.message) for f in schema.validate(tree)] == expected
