"""A CheckReport as compiler-style text, JSON, or JUnit XML for CI systems."""

from __future__ import annotations

import json

from lxml import etree

from editio.check.problems import CheckReport, Problem


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(report: CheckReport) -> str:
    return (f"{_plural(report.files, 'file')}, {_plural(report.errors, 'error')}, "
            f"{_plural(report.warnings, 'warning')}")


def format_problem(p: Problem) -> str:
    """path:line:column: severity: message [rule-id]; unknown line/column are left out."""
    where = p.path
    if p.line:
        where += f":{p.line}"
        if p.column:
            where += f":{p.column}"
    return f"{where}: {p.severity}: {p.message} [{p.rule_id}]"


def judged_lines(report: CheckReport, verbose: bool = False) -> list[str]:
    """Which schemas judged which files: per file (verbose), else one line per set of schemas."""
    if verbose:
        return [f"{path}: judged by {'; '.join(names) or 'no schema'}" for path, names in report.judged.items()]
    groups: dict[tuple[str, ...], list[str]] = {}
    for path, names in report.judged.items():
        groups.setdefault(tuple(names), []).append(path)
    lines = []
    for names, paths in groups.items():
        shown = ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
        lines.append(f"judged by {'; '.join(names) or 'no schema'}: {_plural(len(paths), 'file')} ({shown})")
    return lines


def format_text(report: CheckReport, verbose: bool = False) -> str:
    """Problems, then (when files were judged by what they declare, or always if verbose) which schemas
    judged them, then the summary."""
    lines = [format_problem(p) for p in report.problems]
    if report.by_declaration or verbose:
        lines += judged_lines(report, verbose)
    if verbose:
        lines.append(f"checked by {report.engine}")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def format_json(report: CheckReport) -> str:
    data = report.as_dict()
    data["summary"] = summary(report)
    data["seconds"] = round(report.seconds, 3)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def format_junit(report: CheckReport) -> str:
    """One testsuite per layer-independent run; one testcase per file, failing on its errors."""
    suites = etree.Element("testsuites", name="tei-check")
    suite = etree.SubElement(suites, "testsuite", name=f"tei-check ({report.profile})",
                             tests=str(len(report.paths)), time=f"{report.seconds:.3f}")
    failures = 0
    by_path: dict[str, list[Problem]] = {}
    for p in report.problems:
        by_path.setdefault(p.path, []).append(p)
    for path in [*report.paths, *[p for p in by_path if p not in report.paths]]:
        problems = by_path.get(path, [])
        case = etree.SubElement(suite, "testcase", classname="tei-check", name=path, file=path)
        if report.judged.get(path):
            properties = etree.SubElement(case, "properties")
            for name in report.judged[path]:
                etree.SubElement(properties, "property", name="schema", value=name)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            failures += 1
            failure = etree.SubElement(case, "failure", type=errors[0].rule_id,
                                       message=f"{_plural(len(errors), 'error')}: {errors[0].message}")
            failure.text = "\n".join(format_problem(p) for p in errors)
        warnings = [p for p in problems if p.severity == "warning"]
        if warnings:
            etree.SubElement(case, "system-out").text = "\n".join(format_problem(p) for p in warnings)
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suites.set("tests", suite.get("tests"))
    suites.set("failures", str(failures))
    return etree.tostring(suites, encoding="UTF-8", xml_declaration=True, pretty_print=True).decode("utf-8")


FORMATS = {"text": format_text, "json": format_json, "junit": format_junit}
