"""The schemas that judge a file, and each one compiled once per process (keyed by its files' size and time).

A `Schema` is what the report names and what a layer runs: a RELAX NG grammar (XML or compact syntax, run by
jing), the Schematron rules embedded in a RELAX NG or XSD schema (a compiled ODD's `sch:` rules), a standalone
ISO Schematron file with its phase, or a W3C XML Schema (xmlschema). tei_all is one schema among these: a
project's customisation gets exactly the treatment tei_all gets.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import xmlschema
from lxml import etree

from editio.check.schema_refs import local_closure
from editio.check.schematron import Schematron, SchematronError, extract_embedded
from editio.check.schematron.compiler import Compiled, compile_schema
from editio.check.schematron.expand import expand, safe_parser, source_name
from editio.check.xmlmodel import KIND_NAMES, RNG_NS, SCH_NS, XSD_NS

SCH_PATTERN = f"{{{SCH_NS}}}pattern"
ROOT_KINDS = {RNG_NS: "rng", SCH_NS: "schematron", XSD_NS: "xsd"}  # what a schema file is, by its root's namespace
VC_NS = "http://www.w3.org/2007/XMLSchema-versioning"


class SchemaUnusable(RuntimeError):
    """A schema that cannot be read or compiled: one clear problem for each file it was to judge."""


@dataclass(frozen=True)
class Schema:
    kind: str  # "rng" | "rnc" | "schematron" | "xsd"
    path: Path
    label: str = field(compare=False)  # how the report names it: the href as declared, or the path given
    phase: str | None = None
    embedded: bool = False  # Schematron rules embedded in a RELAX NG / XSD schema
    # line of the xml-model PI that declared it (0: given on the command line or by a profile)
    line: int = field(default=0, compare=False)
    tei_all: bool = False  # the official tei_all.rng: its findings keep tei-check's historic layer names

    def describe(self) -> str:
        what = "embedded Schematron" if self.embedded else KIND_NAMES[self.kind]
        if self.phase and self.kind == "schematron":
            what += f", phase {self.phase}"
        return f"{self.label} ({what})"


def stamp(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return str(path.resolve()), st.st_size, st.st_mtime_ns


def parts(path: Path) -> tuple[tuple[str, int, int], ...]:
    """The stamps of the local files a schema reads besides itself: part of a compiled schema's cache key, so a
    long-lived process (serve, a Dask worker) compiles again after a shared part is edited."""
    return tuple(stamp(p) for p in local_closure(path)[1:] if p.is_file())


def _parse(path: Path) -> etree._ElementTree:
    try:
        return etree.parse(str(path), safe_parser())
    except (OSError, etree.XMLSyntaxError) as exc:
        raise SchemaUnusable(f"cannot read schema {path}: {exc}") from exc


@functools.lru_cache(maxsize=64)
def _root_kind(key: tuple[str, int, int]) -> str | None:
    """'rng' | 'schematron' | 'xsd' | None, from the namespace of the root element (read up to it only)."""
    try:
        for _, elem in etree.iterparse(key[0], events=("start",), resolve_entities=False, no_network=True,
                                       load_dtd=False):
            return ROOT_KINDS.get(etree.QName(elem).namespace or "")
    except (OSError, etree.XMLSyntaxError):
        return None
    return None


def root_kind(path: Path) -> str | None:
    return _root_kind(stamp(path))


@functools.lru_cache(maxsize=32)
def _embedded(key: tuple[str, int, int], phase: str | None, _parts: tuple = ()) -> Schematron | None:
    root = _parse(Path(key[0])).getroot()
    try:
        schema = extract_embedded(root)
        if schema.find(SCH_PATTERN) is None:
            return None
        return Schematron(schema, phase)
    except SchematronError as exc:
        raise SchemaUnusable(f"the Schematron embedded in {key[0]} does not compile: {exc}") from exc


@functools.lru_cache(maxsize=32)
def _standalone(key: tuple[str, int, int], phase: str | None, _parts: tuple = ()) -> Schematron:
    try:
        return Schematron(_parse(Path(key[0])).getroot(), phase)
    except SchematronError as exc:
        raise SchemaUnusable(f"{key[0]}: {exc}") from exc


def schematron(schema: Schema) -> Schematron | None:
    """The compiled rules of a Schematron schema; None for a grammar that embeds none."""
    compile_ = _embedded if schema.embedded else _standalone
    try:
        return compile_(stamp(schema.path), schema.phase, parts(schema.path))
    except OSError as exc:
        raise SchemaUnusable(f"cannot read schema {schema.path}: {exc.strerror or exc}") from exc


@functools.lru_cache(maxsize=32)
def _rules(key: tuple[str, int, int], phase: str | None, embedded: bool, _parts: tuple = ()) -> Compiled | None:
    root = _parse(Path(key[0])).getroot()
    try:
        schema = extract_embedded(root) if embedded else root
        if embedded and schema.find(SCH_PATTERN) is None:
            return None
        return compile_schema(expand(schema), phase, source_name(schema)[1])
    except SchematronError as exc:
        where = f"the Schematron embedded in {key[0]} does not compile" if embedded else key[0]
        raise SchemaUnusable(f"{where}: {exc}") from exc


def rules(schema: Schema) -> Compiled | None:
    """A Schematron schema's generated XSLT and side tables, for an engine other than SaxonC in this process
    (the JVM engine runs the very stylesheet this gives); None for a grammar that embeds no rules."""
    try:
        return _rules(stamp(schema.path), schema.phase, schema.embedded, parts(schema.path))
    except OSError as exc:
        raise SchemaUnusable(f"cannot read schema {schema.path}: {exc.strerror or exc}") from exc


@functools.lru_cache(maxsize=16)
def _xsd(key: tuple[str, int, int], _parts: tuple = ()) -> xmlschema.XMLSchemaBase:
    path = Path(key[0])
    version = _parse(path).getroot().get(f"{{{VC_NS}}}minVersion", "1.0")
    cls = xmlschema.XMLSchema11 if version.startswith("1.1") else xmlschema.XMLSchema10
    try:
        # imports and includes from the disk only: a schema never makes the check go online
        return cls(str(path), allow="local", defuse="always")
    except (xmlschema.XMLSchemaException, OSError) as exc:
        raise SchemaUnusable(f"cannot compile XML Schema {path}: {exc}") from exc


def xsd(schema: Schema) -> xmlschema.XMLSchemaBase:
    try:
        return _xsd(stamp(schema.path), parts(schema.path))
    except OSError as exc:
        raise SchemaUnusable(f"cannot read schema {schema.path}: {exc.strerror or exc}") from exc
