"""Layer 3: the edition's own rules, file by file: schema/editio.xsd (xmlschema) and schema/editio.sch.

Both are compiled once per run. XSD violations carry the xs:documentation of the declaration they break as
the fix hint; Schematron failures carry their assert's own message. Cross-file rules are in edition.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import xmlschema
from lxml import etree

from editio.check.columns import column_of, last_step, local_name
from editio.check.problems import Problem
from editio.check.schematron import Schematron, SchematronError, SchematronFailure
from editio.check.wellformed import Parsed
from editio.paths import project_root

LAYER = "editio"
XSD_RULE = "editio-schema"
XSD_NAME = "editio.xsd"
SCH_NAME = "editio.sch"
_CLARK = re.compile(r"\{http://www\.tei-c\.org/ns/1\.0\}")
_XML_NS = re.compile(r"\{http://www\.w3\.org/XML/1998/namespace\}")
_PREFIXED = re.compile(r"\btei:")


class ProfileUnavailable(RuntimeError):
    """The editio profile's schemas cannot be found or compiled (exit status 2)."""


def schema_dir(start: Path | None = None) -> Path | None:
    """schema/ of the edition's repository: the project around `start` (or the working folder), else ours."""
    candidates = [project_root(start) / "schema", Path(__file__).resolve().parents[3] / "schema"]
    return next((c for c in candidates if (c / SCH_NAME).is_file() and (c / XSD_NAME).is_file()), None)


def severity_of(role: str) -> str:
    """Schematron roles as written (error, fatal, warning, warn, nonfatal, info …) to error | warning."""
    return "error" if role.lower() in ("", "error", "fatal", "err") else "warning"


def schematron_problems(parsed: Parsed, failures: list[SchematronFailure], layer: str) -> list[Problem]:
    problems = []
    for f in failures:
        element, attribute = last_step(f.location)
        column = f.column or column_of(parsed.text_lines, f.line, element, attribute)
        problems.append(Problem(parsed.source.display, f.line, column, severity_of(f.role), f.message,
                                f.rule_id or f.pattern or "schematron", layer))
    return problems


class EditioProfile:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        try:
            self.xsd = xmlschema.XMLSchema11(str(folder / XSD_NAME))
        except (xmlschema.XMLSchemaException, OSError) as exc:
            raise ProfileUnavailable(f"cannot compile {folder / XSD_NAME}: {exc}") from exc
        try:
            self.sch = Schematron.from_file(folder / SCH_NAME)
        except SchematronError as exc:
            raise ProfileUnavailable(f"cannot compile {folder / SCH_NAME}: {exc}") from exc

    def problems(self, parsed: Parsed) -> list[Problem]:
        assert parsed.tree is not None
        failures = self.sch.validate(parsed.tree, parsed.same_file())
        return [*self._xsd(parsed), *schematron_problems(parsed, failures, LAYER)]

    def _xsd(self, parsed: Parsed) -> list[Problem]:
        found = []
        for err in self.xsd.iter_errors(parsed.tree):
            if "duplicated xs:ID" in (err.reason or ""):
                continue  # xml:id uniqueness in a file is tei_all's (jing reports it); across files, edition.py's
            elem = err.elem if isinstance(err.elem, etree._Element) else None
            index = getattr(err, "index", None)
            if elem is not None and isinstance(index, int) and 0 <= index < len(elem):
                elem = elem[index]  # "unexpected child": point at the child, not at its parent
            line = (elem.sourceline if elem is not None else None) or err.sourceline or 0
            name = local_name(elem.tag) if elem is not None else None
            attribute = getattr(err.validator, "local_name", None) if type(err.validator).__name__ == \
                "XsdAttribute" else None
            reason = _CLARK.sub("", err.reason or err.message)
            reason = _XML_NS.sub("xml:", _PREFIXED.sub("", reason))
            if attribute and err.obj is not None and isinstance(err.obj, str):
                reason = f'@{attribute}="{err.obj}": {reason}'
            hint = _hint(err.validator)
            reason = reason.rstrip(". ")
            message = f"{name}: {reason}" if name else reason
            if hint:
                message = f"{message}. {hint}"
            found.append(Problem(parsed.source.display, line, column_of(parsed.text_lines, line, name, attribute),
                                 "error", message, XSD_RULE, LAYER))
        return found


def _hint(component: object) -> str:
    """The xs:documentation of the nearest declaration around the broken component (the schema's fix hint)."""
    while component is not None:
        annotation = getattr(component, "annotation", None)
        if annotation is not None and annotation.documentation:
            return " ".join(" ".join(d.text.split()) for d in annotation.documentation if d.text)
        component = getattr(component, "parent", None)
    return ""
