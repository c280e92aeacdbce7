"""Each export checked against its own schema or rules, by the validator made for it: jing (tei_all and the
CMIF RELAX NG, through tei-check), the edition's Schematron engine (CMIF rules), xmlschema (oai_dc), jsonschema
(JSON Lines, CITATION.cff) and bagit (the deposit). Every function returns the problems as lines, [] when valid."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from editio.build.exports import SCHEMAS

DC_NS = "http://purl.org/dc/elements/1.1/"


class Verdicts:
    """What each validator said of each export, kept by the key of what it judged (the file's hash and the
    schema's): an export that did not change is not validated again, and its problems and warnings are said again
    as they were. Written whole at the end; an entry can only be reused for the same bytes, so a build killed
    before that leaves nothing wrong, only work to do again."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.old: dict[str, dict] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.old = {}
        self.new: dict[str, dict] = {}

    def known(self, name: str, verdict_key: str) -> list[str] | None:
        entry = self.old.get(name)
        if entry is None or entry["key"] != verdict_key:
            return None
        self.new[name] = entry
        return list(entry["problems"])

    def judge(self, name: str, verdict_key: str, validator) -> list[str]:
        """The validator's lines for this export: kept ones when the key is the same, else validator()."""
        known = self.known(name, verdict_key)
        if known is not None:
            return known
        return self.keep(name, verdict_key, validator())

    def keep(self, name: str, verdict_key: str, problems: list[str]) -> list[str]:
        self.new[name] = {"key": verdict_key, "problems": problems}
        return problems

    def save(self) -> None:
        from editio.tei.files import atomic_write

        atomic_write(self.path, json.dumps(self.new, indent=0, sort_keys=True).encode())


def relaxng(paths: Sequence[Path], schema: Path | None = None) -> list[str]:
    """TEI conformance as tei-check's tei_all profile sees it (jing + the schema's embedded Schematron)."""
    from editio.check.api import check_paths

    report = check_paths(list(paths), profile="tei_all", tei_schema=schema)
    return [f"{p.path}:{p.line}:{p.column}: {p.severity}: {p.message} [{p.rule_id}]"
            for p in report.problems if p.severity == "error"]


def schematron(path: Path, schema: Path, phase: str | None = None) -> list[str]:
    from editio.check.schematron import Schematron

    failures = Schematron.from_file(schema, phase=phase).validate(path)
    return [f"{path}:{f.line}: {f.role or 'error'}: {f.message} [{f.rule_id}]" for f in failures]


def errors_only(lines: list[str]) -> list[str]:
    return [line for line in lines if ": warning:" not in line and ": warn:" not in line]


def oai_dc_schema():
    """The official oai_dc.xsd; the simpledc schema it imports from dublincore.org is our local copy
    (xmlschema's locations), and nothing is ever fetched (allow='local')."""
    import xmlschema

    return xmlschema.XMLSchema(str(SCHEMAS / "oai_dc.xsd"), allow="local",
                               locations={DC_NS: (SCHEMAS / "simpledc20021212.xsd").as_uri()})


def xml_schema(paths: Sequence[Path], schema) -> list[str]:
    return [f"{p}: {err.reason} at {err.path}" for p in paths for err in schema.iter_errors(str(p))]


def json_validator(schema_path: Path):
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads(schema_path.read_text(encoding="utf-8")))


def json_line(path: Path, n: int, line: str, validator) -> list[str]:
    """Line n of a JSON Lines file against the schema (a line is judged alone: kept verdicts are per line)."""
    return [f"{path}:{n}: {err.message} at {'/'.join(map(str, err.absolute_path)) or '(record)'}"
            for err in validator.iter_errors(json.loads(line))]


def json_lines(path: Path, schema_path: Path) -> list[str]:
    validator = json_validator(schema_path)
    return [problem for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            for problem in json_line(path, n, line, validator)]


def citation_cff(path: Path) -> list[str]:
    """CITATION.cff against the official Citation File Format 1.2.0 JSON Schema (draft-07), read as YAML."""
    import yaml
    from jsonschema import Draft7Validator, FormatChecker

    schema = json.loads((SCHEMAS / "citation-cff-1.2.0.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    validator = Draft7Validator(schema, format_checker=FormatChecker())
    return [f"{path}: {err.message} at {'/'.join(map(str, err.absolute_path)) or '(root)'}"
            for err in validator.iter_errors(data)]


def bag(path: Path) -> list[str]:
    import bagit

    try:
        bagit.Bag(str(path)).validate(processes=1)
    except bagit.BagError as exc:
        details = getattr(exc, "details", None) or []
        return [f"{os.path.relpath(path)}: {exc}", *(f"  {d}" for d in details)]
    return []
