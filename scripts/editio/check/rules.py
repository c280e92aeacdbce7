"""Every rule tei-check applies, for `tei-check --list-rules` and the README's table: read from the rules' sources."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from editio.check.tables import edition_rules, rows

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XS_NS = "http://www.w3.org/2001/XMLSchema"


@dataclass(frozen=True)
class Rule:
    id: str
    layer: str
    severity: str
    summary: str
    source: str


def _text(elem: etree._Element) -> str:
    """An assert's message with its computed parts shown as "…"."""
    parts = [elem.text or ""]
    for child in elem:
        parts.append("…" if etree.QName(child).localname in ("value-of", "name") else "".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def editio_rules(schema_folder: Path) -> list[Rule]:
    found: list[Rule] = []
    xsd = etree.parse(str(schema_folder / "editio.xsd")).getroot()
    summary = xsd.findtext(f"{{{XS_NS}}}annotation/{{{XS_NS}}}documentation") or "schema/editio.xsd"
    found.append(Rule("editio-schema", "editio", "error", " ".join(summary.split()), "schema/editio.xsd"))
    sch = etree.parse(str(schema_folder / "editio.sch"))
    for test in sch.iter(f"{{{SCH_NS}}}assert", f"{{{SCH_NS}}}report"):
        found.append(Rule(test.get("id", ""), "editio", test.get("role", "error"), _text(test), "schema/editio.sch"))
    for rule in edition_rules().values():
        found.append(Rule(rule.id, "editio", rule.severity, rule.summary, "tei-check (across files)"))
    return found


def all_rules(schema_folder: Path | None) -> list[Rule]:
    base = [Rule(r["id"], r["layer"], r["severity"], r["summary"], "tei-check") for r in rows("rules.tsv")]
    return base + (editio_rules(schema_folder) if schema_folder else [])


def markdown_table(rules: list[Rule]) -> str:
    lines = ["| rule | layer | severity | what it asks |", "| --- | --- | --- | --- |"]
    for r in rules:
        summary = r.summary.replace("|", "\\|")
        lines.append(f"| `{r.id}` | {r.layer} | {r.severity} | {summary} |")
    return "\n".join(lines) + "\n"
