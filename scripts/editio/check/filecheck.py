"""One file's in-process layers: parse (layer 1), XInclude, then each Schematron and XSD schema of its plan (and
libxml2's RELAX NG when there is no Java). A streaming run keeps a tree only while its file is checked, so
memory is bounded by one window of files.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from editio.check import relaxng, xinclude
from editio.check import schemas as schemas_mod
from editio.check.editio_profile import schematron_problems
from editio.check.problems import Problem
from editio.check.schemas import Schema, SchemaUnusable
from editio.check.wellformed import Parsed, Source, parse

UNMAPPED = frozenset({"wellformed", "xinclude"})  # layers whose lines are already those of the file as written


def unusable(display: str, schema: Schema, why: str) -> Problem:
    return Problem(display, schema.line, 0, "error", f"{schema.describe()} could not judge this file: {why}",
                   "schema-unusable", "schema")


def schematron_layer(schema: Schema) -> str:
    return "tei-schematron" if schema.tei_all else "schematron"


def grammar_names(schema: Schema) -> tuple[str, str]:
    """(rule id, layer) of a grammar's findings: tei_all keeps tei-check's historic names."""
    if schema.tei_all:
        return relaxng.RULE, relaxng.LAYER
    return ("xsd" if schema.kind == "xsd" else "rng"), "schema"


def xsd_problems(parsed: Parsed, schema) -> list[Problem]:
    found = []
    for err in schema.iter_errors(parsed.tree):
        elem = err.elem if isinstance(err.elem, etree._Element) else None
        index = getattr(err, "index", None)
        if elem is not None and isinstance(index, int) and 0 <= index < len(elem):
            elem = elem[index]  # "unexpected child": point at the child, not at its parent
        line = (elem.sourceline if elem is not None else None) or err.sourceline or 0
        reason = " ".join((err.reason or err.message).split())
        where = f"{etree.QName(elem).localname}: " if elem is not None and isinstance(elem.tag, str) else ""
        found.append(Problem(parsed.source.display, line, 0, "error", f"{where}{reason}", "xsd", "schema"))
    return found


def in_process(parsed: Parsed, plan_schemas: list[Schema], compiled: dict, lxml_validators: dict) -> list[Problem]:
    """The layers that run here for one parsed file: lxml RELAX NG fallback, Schematron, XSD."""
    found: list[Problem] = []
    for schema in plan_schemas:
        validator = lxml_validators.get(schema)
        if validator is not None:
            found += validator.validate(parsed.source.display, parsed.tree)
        if schema not in compiled:
            continue
        done = compiled[schema]
        if isinstance(done, str):
            found.append(unusable(parsed.source.display, schema, done))
        elif schema.kind == "xsd":
            found += xsd_problems(parsed, done)
        elif done is not None:
            failures = done.validate(parsed.tree, parsed.same_file())
            found += schematron_problems(parsed, failures, schematron_layer(schema))
    return found


def compile_all(plan_schemas) -> dict[Schema, object]:
    """Every Schematron and XSD schema among `plan_schemas`, compiled once per process: the compiled schema,
    None (a grammar that embeds no rules), or the reason it cannot be used (a string)."""
    compiled: dict[Schema, object] = {}
    for schema in plan_schemas:
        if schema in compiled or schema.kind not in ("schematron", "xsd"):
            continue
        try:
            compiled[schema] = schemas_mod.xsd(schema) if schema.kind == "xsd" else schemas_mod.schematron(schema)
        except SchemaUnusable as exc:
            compiled[schema] = str(exc)
    return compiled


class Checker:
    """Checks files one after another; compiled schemas are kept for the life of the process."""

    def __init__(self, max_bytes: int, xinclude_roots: list[Path]) -> None:
        self.max_bytes, self.roots = max_bytes, xinclude_roots
        self._compiled: dict[Schema, object] = {}

    def layer1(self, source: Source) -> Parsed:
        """Read and parse safely (layer 1), then expand the file's XIncludes."""
        parsed = parse(source, self.max_bytes)
        if parsed.ok and xinclude.has_includes(parsed):
            parsed = xinclude.expand(parsed, self.roots, self.max_bytes)
        return parsed

    def layers(self, parsed: Parsed, plan_schemas: list[Schema], lxml_validators: dict) -> list[Problem]:
        """The in-process layers of one parsed file, its findings placed in the files that hold their lines."""
        for schema in plan_schemas:
            if schema not in self._compiled and schema.kind in ("schematron", "xsd"):
                self._compiled.update(compile_all([schema]))
        return self.placed(parsed, in_process(parsed, plan_schemas, self._compiled, lxml_validators))

    @staticmethod
    def placed(parsed: Parsed, found: list[Problem]) -> list[Problem]:
        """Findings on an expanded text, placed in the files that hold their lines."""
        if parsed.linemap is None:
            return found
        return [xinclude.place(p, parsed.linemap) if p.layer not in UNMAPPED else p for p in found]
