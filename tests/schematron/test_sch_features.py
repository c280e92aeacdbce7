"""Each ISO Schematron feature the engine promises, shown on fixtures/catalogue.xml with exact failures."""

from __future__ import annotations

import pytest
from lxml import etree

from editio.check.schematron import Schematron, SchematronError

SCH = "http://purl.oclc.org/dsdl/schematron"


def schema(body: str, **attrs: str) -> etree._Element:
    extra = "".join(f' {k}="{v}"' for k, v in {"queryBinding": "xslt2", **attrs}.items())
    return etree.fromstring(
        f'<sch:schema xmlns:sch="{SCH}"{extra}>'
        f'<sch:ns prefix="c" uri="urn:example:catalogue"/>{body}</sch:schema>'.encode()
    )


def catalogue(content: str) -> etree._Element:
    return etree.fromstring(f'<catalogue xmlns="urn:example:catalogue">{content}</catalogue>'.encode())


def test_ns_and_let_at_schema_pattern_and_rule_level(run):
    assert run("ns_let.sch") == [
        ("assert", "error", "book-rule", 4, "Id b1 is used by 2 of the 3 books."),
        ("assert", "error", "year-numeric", 8, 'Year "19x0" of book b2 is not a number.'),
        ("report", "error", "book-rule", 14, "Book b1 is dated 1851, before 1900."),
        ("assert", "error", "book-rule", 14, "Id b1 is used by 2 of the 3 books."),
    ]


def test_first_matching_rule_of_a_pattern_takes_the_node_other_patterns_still_see_it(run):
    assert run("first_rule.sch") == [
        ("report", "error", "any-title", 5, "A title: First book."),
        ("report", "error", "empty-title", 9, "An empty title."),  # not also "A title: ."
        ("assert", "error", "title-again", 9, "Title missing."),
        ("report", "error", "any-title", 15, "A title: Third book."),
    ]


def test_assert_report_roles_names_and_contexts_of_every_node_kind(run):
    assert run("assert_report.sch") == [
        ("assert", "error", "pattern1-rule1-assert1", 8, "book b2 has no pages."),
        ("report", "fatal", "pattern1-rule3-report1", 10, 'Stamp text "SECRET".'),  # a text() context
        ("report", "info", "copy", 14, "This book is copy 2; its first child is title."),  # sch:name/@path
        # an attribute context reports its element's line; role inherited from the rule
        ("assert", "warning", "pattern1-rule2-assert1", 14, "Only 80 pages (attribute pages of book)."),
        ("report", "error", "pattern1-rule4-report1", 17, "To do: check the third book"),  # a PI context
    ]


def test_failure_carries_test_location_and_pattern(fixtures):
    (first, *_) = Schematron.from_file(fixtures / "ns_let.sch").validate(fixtures / "catalogue.xml")
    assert first.test == "$same = 1"
    assert first.pattern == "books"
    assert first.location == "/Q{urn:example:catalogue}catalogue[1]/Q{urn:example:catalogue}book[1]"
    assert first.column == 0


def test_default_phase_comes_from_defaultPhase(run):
    expected = [
        ("assert", "error", "unique-ids", 4, "Duplicate id b1."),
        ("assert", "error", "unique-ids", 14, "Duplicate id b1."),
    ]
    assert run("phases.sch") == expected
    assert run("phases.sch", phase="#DEFAULT") == expected


def test_named_phase_runs_its_active_patterns_with_its_own_let(run):
    assert run("phases.sch", phase="content") == [
        ("assert", "error", "titles", 8, "Book b2 has no title."),
        ("assert", "error", "years", 8, "Book b2: bad year."),
    ]


def test_phase_all_runs_every_pattern():
    rules = (
        '<sch:pattern id="a"><sch:rule context="c:book"><sch:report test="true()">a</sch:report>'
        '</sch:rule></sch:pattern>'
        '<sch:pattern id="b"><sch:rule context="c:title"><sch:report test="true()">b</sch:report>'
        '</sch:rule></sch:pattern><sch:phase id="only-a"><sch:active pattern="a"/></sch:phase>'
    )
    doc = catalogue("<book><title/></book>")
    assert [f.message for f in Schematron(schema(rules, defaultPhase="only-a")).validate(doc)] == ["a"]
    everything = Schematron(schema(rules, defaultPhase="only-a"), phase="#ALL")
    assert [f.message for f in everything.validate(doc)] == ["a", "b"]


def test_phase_variables_exist_only_in_their_phase(fixtures):
    with pytest.raises(SchematronError, match=r"phases\.sch:19.*XPST0008.*\$wanted"):
        Schematron.from_file(fixtures / "phases.sch", phase="#ALL")


def test_unknown_phase_is_a_compile_error(fixtures):
    with pytest.raises(SchematronError, match="phase 'nope' is not a sch:phase of this schema"):
        Schematron.from_file(fixtures / "phases.sch", phase="nope")


def test_abstract_pattern_instances_substitute_their_params(run):
    assert run("abstract_pattern.sch") == [
        ("assert", "error", "book-title", 8, "book needs a non-empty title."),
        ("assert", "error", "book-stamp", 8, "book needs a non-empty stamp."),
    ]


def test_abstract_rules_are_inlined_where_extended_and_never_run_alone(run):
    assert run("abstract_rule.sch") == [
        ("assert", "error", "needs-id", 5, "title has no id."),
        ("assert", "error", "book", 8, "book b2 is badly dated."),
        ("assert", "error", "needs-id", 9, "title has no id."),
        ("report", "error", "book", 14, "Few pages."),
        ("assert", "error", "needs-id", 15, "title has no id."),
    ]


def test_include_resolves_relative_hrefs_fragments_and_nested_includes(run):
    assert run("include.sch") == [
        ("assert", "error", "included-pattern", 9, "Empty title (rule from an included file)."),
        ("report", "error", "stamp-rule", 10, 'Stamp "SECRET" (report included twice removed).'),
    ]


def test_diagnostics_are_appended_to_the_message(run):
    assert run("diagnostics.sch") == [
        ("assert", "error", "years", 8, 'Bad year. Found "19x0" on book b2. Write four digits.'),
    ]


def test_xsl_function_and_key_from_the_schema_are_usable_in_tests(run):
    assert run("foreign_xsl.sch") == [
        ("assert", "error", "keys-and-functions", 4, "Id b1 is not unique."),
        ("assert", "error", "keys-and-functions", 8, "Book b2 is from century unknown."),
        ("assert", "error", "keys-and-functions", 14, "Id b1 is not unique."),
        ("assert", "error", "keys-and-functions", 14, "Book b1 is from century 19."),
    ]


def test_a_dynamic_error_is_reported_at_its_node_and_the_other_tests_still_run(run):
    assert run("dynamic_error.sch") == [
        ("assert", "error", "cast-year", 8,
         'cannot evaluate this assert (FORG0001): Cannot convert string "19x0" to an integer'),
    ]


BINDINGS = ["xslt", "xslt1", "exslt", "xslt2", "xslt3", "xpath2", "xpath3", "xpath31"]


@pytest.mark.parametrize("binding", BINDINGS)
def test_query_bindings_run_on_the_same_engine(binding):
    rules = ('<sch:pattern><sch:rule context="c:book"><sch:assert test="@id">no id</sch:assert>'
             '</sch:rule></sch:pattern>')
    doc = catalogue('<book/><book id="x"/>')
    found = Schematron(schema(rules, queryBinding=binding)).validate(doc)
    assert [(f.message, f.location) for f in found] == [
        ("no id", "/Q{urn:example:catalogue}catalogue[1]/Q{urn:example:catalogue}book[1]")
    ]


def test_subject_moves_the_reported_location():
    rules = ('<sch:pattern><sch:rule context="c:book" subject="c:title">'
             '<sch:assert test="normalize-space(c:title)">empty title</sch:assert></sch:rule></sch:pattern>')
    doc = catalogue("\n<book>\n<title/>\n</book>")
    (failure,) = Schematron(schema(rules)).validate(doc)
    assert (failure.line, failure.location.rsplit("/", 1)[-1]) == (3, "Q{urn:example:catalogue}title[1]")


def test_let_may_hold_its_value_as_xml_content():
    rules = ('<sch:pattern><sch:let name="allowed"><v>a</v><v>b</v></sch:let>'
             '<sch:rule context="c:book"><sch:assert test="@kind = $allowed//v">kind '
             '<sch:value-of select="@kind"/> is not one of <sch:value-of select="$allowed//v"/></sch:assert>'
             '</sch:rule></sch:pattern>')
    doc = catalogue('<book kind="a"/><book kind="c"/>')
    assert [f.message for f in Schematron(schema(rules)).validate(doc)] == ["kind c is not one of a b"]


def test_pattern_let_of_the_same_name_in_two_patterns_keeps_each_value():
    rules = "".join(
        f'<sch:pattern id="{n}"><sch:let name="v" value="\'{n}\'"/><sch:rule context="c:book">'
        f'<sch:report test="true()"><sch:value-of select="$v"/></sch:report></sch:rule></sch:pattern>'
        for n in ("one", "two")
    )
    doc = catalogue("<book/>")
    assert [f.message for f in Schematron(schema(rules)).validate(doc)] == ["one", "two"]


def test_properties_are_evaluated_at_the_failing_node_beside_the_message(fixtures):
    failures = Schematron.from_file(fixtures / "properties.sch").validate(fixtures / "catalogue.xml")
    assert [(f.line, f.message, f.properties) for f in failures] == [
        (8, "Book b2 has no page count.", (("severity", "low"), ("where", "book b2, year 19x0"))),
    ]


def test_namespace_wildcard_contexts_match_as_written_whatever_the_compiler_reorders():
    """`c:*[…]` contexts are compiled with the namespace test last when their predicates are surely boolean;
    a positional predicate keeps its meaning (the n-th element *of the namespace*), and so does every other."""
    doc = etree.fromstring(b'<c:catalogue xmlns:c="urn:example:catalogue" xmlns:o="urn:other">'
                           b'<o:x a="1"/><c:book a="1"/><c:book/><o:y a="2"/><c:book a="2"/></c:catalogue>')
    rules = {
        "first": "c:catalogue/c:*[1]", "second-with-a": "c:catalogue/c:*[@a][2]", "with-a": "c:*[@a]",
        "a-is-2": "c:*[@a = '2']", "not-last": "c:*[not(@b)][position() lt last()]", "count": "c:*[count(@a)]",
    }
    body = "".join(f'<sch:pattern><sch:rule context="{context}"><sch:report id="{name}" test="true()">'
                   f'<sch:name/></sch:report></sch:rule></sch:pattern>' for name, context in rules.items())
    found = Schematron(schema(body)).validate(etree.ElementTree(doc))
    got = sorted((f.rule_id, f.location.rsplit("/", 1)[-1]) for f in found)
    book = "Q{urn:example:catalogue}book"
    assert got == sorted([
        ("first", f"{book}[1]"), ("second-with-a", f"{book}[3]"),  # the n-th of the namespace's elements
        ("with-a", f"{book}[1]"), ("with-a", f"{book}[3]"), ("a-is-2", f"{book}[3]"),  # not o:x, o:y
        ("not-last", f"{book}[1]"), ("not-last", f"{book}[2]"),  # the catalogue is the last of its c:*
        ("count", f"{book}[1]"),  # a number: the position among c:* siblings (1), not truth
    ])


def test_attribute_contexts_each_named_attribute_is_visited_and_a_wildcard_visits_all():
    """The walk offers only the attributes the rules name (`c:book/@a`, `@b` in a union) — or all of them when a
    context may match any (`@*`)."""
    doc = etree.ElementTree(catalogue('<book a="1" b="2" c="3"/><book c="4"/>'))

    def reported(*contexts: str) -> list[str]:
        body = "".join(f'<sch:pattern><sch:rule context="{c}"><sch:report test="true()">'
                       f'<sch:value-of select="name()"/>=<sch:value-of select="."/></sch:report></sch:rule>'
                       f'</sch:pattern>' for c in contexts)
        return sorted(f.message for f in Schematron(schema(body)).validate(doc))

    assert reported("c:book/@a", "c:nothing | c:book/@b") == ["a=1", "b=2"]
    assert reported("c:book/@a", "@*[. = '4']") == ["a=1", "c=4"]
