"""check_paths(): every layer of tei-check over a set of files, as one report (used by the CLI and `editio build`).

Work is arranged so that nothing is done twice: each file is read and parsed once (layer 1) and that tree
serves every in-process layer; the schemas judging each file are planned (declared.py), each compiled once;
jing gets all safe files of a grammar in one JVM call (or a few for large sets) and runs while Python compiles
the Schematron and XSD schemas and checks the trees in a thread pool.
"""

from __future__ import annotations

import functools
import os
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lxml import etree

from editio.check import relaxng, xinclude
from editio.check import schemas as schemas_mod
from editio.check.catalog import Catalog
from editio.check.declared import Planner
from editio.check.editio_profile import EditioProfile, ProfileUnavailable, schema_dir, schematron_problems
from editio.check.edition import Edition
from editio.check.inputs import collect
from editio.check.problems import LAYERS, CheckReport, Problem
from editio.check.schemas import Schema, SchemaUnusable
from editio.check.tei_schema import SchemaUnavailable
from editio.check.tei_schema import locate as locate_tei_all
from editio.check.wellformed import DEFAULT_MAX_BYTES, Parsed, parse

__all__ = ["PROFILES", "CheckReport", "CheckSetupError", "Problem", "check_paths"]

PROFILES = ("editio", "tei_all")
TOOL = "tei-check"  # the "path" of findings about the run itself
UNMAPPED = frozenset({"wellformed", "xinclude"})  # layers whose lines are already those of the file as written


class CheckSetupError(RuntimeError):
    """The check cannot run at all (no schema, broken schema, unknown profile): exit status 2."""


def _stamp(*paths: Path) -> tuple[tuple[str, int, int], ...]:
    """What a compiled schema depends on: its files, by name, size and modification time."""
    stats = [(str(p.resolve()), p.stat()) for p in paths]
    return tuple((name, st.st_size, st.st_mtime_ns) for name, st in stats)


@functools.lru_cache(maxsize=4)
def _editio_profile_cached(stamp: tuple[tuple[str, int, int], ...]) -> EditioProfile:
    return EditioProfile(Path(stamp[0][0]).parent)


@functools.lru_cache(maxsize=32)
def _validator_cached(stamp: tuple[tuple[str, int, int], ...], java: str | None, compact: bool, rule: str,
                      layer: str) -> relaxng.JingValidator | relaxng.LxmlValidator:
    """jing if Java is there (nothing to compile here), else libxml2's RELAX NG compiled once per process."""
    return relaxng.validator(Path(stamp[0][0]), java, compact, rule, layer)


def _names(schema: Schema) -> tuple[str, str]:
    """(rule id, layer) of a grammar's findings: tei_all keeps tei-check's historic names."""
    if schema.tei_all:
        return relaxng.RULE, relaxng.LAYER
    return ("xsd" if schema.kind == "xsd" else "rng"), "schema"


def _schematron_layer(schema: Schema) -> str:
    return "tei-schematron" if schema.tei_all else "schematron"


def _unusable(display: str, schema: Schema, why: str) -> Problem:
    return Problem(display, schema.line, 0, "error", f"{schema.describe()} could not judge this file: {why}",
                   "schema-unusable", "schema")


def _sort_key(order: dict[str, int]):
    rank = {layer: i for i, layer in enumerate(LAYERS)}

    def key(p: Problem) -> tuple[int, int, int, int, str]:
        return order.get(p.path, -1), p.line, p.column, rank.get(p.layer, 9), p.rule_id

    return key


def check_paths(paths: Sequence[Path | str], profile: str = "editio", tei_schema: Path | str | None = None,
                jobs: int | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: bytes | None = None,
                download_schema: bool = False, schema_folder: Path | None = None, by_declaration: bool = False,
                schemas: Sequence[Path | str] = (), catalog: Catalog | None = None, fetch_schemas: bool = False,
                cache: Path | None = None, xinclude_roots: Sequence[Path | str] = ()) -> CheckReport:
    """Check files/folders/"-" with every layer; raises CheckSetupError if it cannot run.

    Each file is judged by `schemas` if given, else (with by_declaration) by the schemas its xml-model PIs
    declare, else by `profile`'s. XIncludes are expanded first, inside the file's project folder or
    `xinclude_roots`.
    """
    started = time.perf_counter()
    timings: dict[str, float] = {}
    if profile not in PROFILES:
        raise CheckSetupError(f"unknown profile {profile!r}: use one of {', '.join(PROFILES)}")
    for given in schemas:
        if not Path(given).is_file():
            raise CheckSetupError(f"--schema: {given} is not a file")
    jobs = max(1, jobs or os.cpu_count() or 1)

    @functools.cache
    def tei_all() -> Path:
        try:
            return locate_tei_all(tei_schema, download_schema=download_schema)
        except SchemaUnavailable as exc:
            raise CheckSetupError(str(exc)) from exc

    planner = Planner(profile=profile, tei_all=tei_all, by_declaration=by_declaration,
                      overrides=[Path(s) for s in schemas], catalog=catalog, fetch_schemas=fetch_schemas, cache=cache)
    if not schemas:
        tei_all()  # without its fallback schema the run stops before reading anything
    sources, problems = collect(paths, stdin)
    report = CheckReport(files=len(sources), paths=[s.display for s in sources], profile=profile,
                         by_declaration=bool(schemas))

    with ThreadPoolExecutor(max_workers=jobs) as pool, tempfile.TemporaryDirectory(prefix="tei-check-") as tmp:
        t = time.perf_counter()
        parsed: list[Parsed] = list(pool.map(lambda s: parse(s, max_bytes), sources))
        roots = [Path(r) for r in xinclude_roots]
        parsed = [xinclude.expand(p, roots, max_bytes) if xinclude.has_includes(p) else p for p in parsed]
        linemaps = {p.source.display: p.linemap for p in parsed if p.linemap is not None}
        timings["parse"] = time.perf_counter() - t
        for p in parsed:
            problems.extend(p.problems)
        good = [p for p in parsed if p.ok]
        try:
            plans = {p.source.display: planner.plan(p) for p in good}
        except ValueError as exc:
            raise CheckSetupError(str(exc)) from exc
        problems.extend(planner.run_problems())
        report.by_declaration |= any(plan.declared for plan in plans.values())
        for p in good:
            plan = plans[p.source.display]
            problems.extend(plan.problems)
            report.judged[p.source.display] = [s.describe() for s in plan.schemas] + \
                (["the edition's rules (editio.xsd, editio.sch, across files)"] if plan.editio else [])

        # layer 2a: jing runs in its own processes (one group of files per grammar) while the rest is done here
        groups: dict[Schema, list[Parsed]] = {}
        for p in good:
            for schema in plans[p.source.display].schemas:
                if schema.kind in ("rng", "rnc"):
                    groups.setdefault(schema, []).append(p)
        java = relaxng.java_executable()
        validators: dict[Schema, relaxng.JingValidator | relaxng.LxmlValidator] = {}
        for schema in groups:
            try:
                validators[schema] = _validator_cached(_stamp(schema.path), java, schema.kind == "rnc",
                                                       *_names(schema))
            except relaxng.RelaxNGUnavailable as exc:
                if schema.tei_all and not schema.line:
                    raise CheckSetupError(str(exc)) from exc
                problems.extend(_unusable(p.source.display, schema, str(exc)) for p in groups.pop(schema))
        runs = _JingRuns(validators, groups, Path(tmp), jobs)
        if any(isinstance(v, relaxng.LxmlValidator) for v in validators.values()):
            problems.append(Problem(TOOL, 0, 0, "warning", relaxng.FALLBACK_WARNING, "no-java", "tei"))

        t = time.perf_counter()
        try:
            compiled = _compile_in_process(plans.values())
            editio = None
            if any(plan.editio for plan in plans.values()):
                folder = schema_folder or schema_dir()
                if folder is None:
                    raise CheckSetupError("the editio profile needs the edition's schema/ folder (editio.xsd, "
                                          "editio.sch): run inside the repository or use --profile tei_all")
                editio = _editio_profile_cached(_stamp(folder / "editio.xsd", folder / "editio.sch"))
                edition = Edition([p for p in good if plans[p.source.display].editio], max_bytes)
        except (ProfileUnavailable, relaxng.RelaxNGUnavailable) as exc:
            runs.kill()
            raise CheckSetupError(str(exc)) from exc
        except BaseException:
            runs.kill()
            raise
        timings["compile"] = time.perf_counter() - t

        def per_file(p: Parsed) -> list[Problem]:
            found: list[Problem] = []
            plan = plans[p.source.display]
            for schema in plan.schemas:
                validator = validators.get(schema)
                if isinstance(validator, relaxng.LxmlValidator):
                    found += validator.validate(p.source.display, p.tree)
                if schema not in compiled:
                    continue
                done = compiled[schema]
                if isinstance(done, str):
                    found.append(_unusable(p.source.display, schema, done))
                elif schema.kind == "xsd":
                    found += _xsd_problems(p, done)
                elif done is not None:
                    found += schematron_problems(p, done.validate(p.tree), _schematron_layer(schema))
            if plan.editio and editio is not None:
                found += editio.problems(p)
                found += edition.problems(p)
            return found

        t = time.perf_counter()
        try:
            for found in pool.map(per_file, good):
                problems.extend(found)
        except BaseException:
            runs.kill()  # never leave a JVM behind
            raise
        timings["in-process layers"] = time.perf_counter() - t

        t = time.perf_counter()
        problems.extend(runs.collect(timeout=120 + 2 * len(good)))
        timings["jing wait"] = time.perf_counter() - t

    if linemaps:  # findings on an expanded text, placed in the files that hold their lines
        problems = [xinclude.place(p, linemaps[p.path]) if p.path in linemaps and p.layer not in UNMAPPED else p
                    for p in problems]
    order = {s.display: i for i, s in enumerate(sources)}
    report.problems = sorted(problems, key=_sort_key(order))
    report.seconds = time.perf_counter() - started
    report.timings = timings
    return report


def _compile_in_process(plans) -> dict[Schema, object]:
    """Every Schematron and XSD schema of the run, compiled once: the compiled schema, None (a grammar that
    embeds no rules), or the reason it cannot be used (a string)."""
    compiled: dict[Schema, object] = {}
    for plan in plans:
        for schema in plan.schemas:
            if schema in compiled or schema.kind not in ("schematron", "xsd"):
                continue
            try:
                compiled[schema] = schemas_mod.xsd(schema) if schema.kind == "xsd" else \
                    schemas_mod.schematron(schema)
            except SchemaUnusable as exc:
                compiled[schema] = str(exc)
    return compiled


def _xsd_problems(parsed: Parsed, schema) -> list[Problem]:
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


class _JingRuns:
    """One jing run per grammar, at most `jobs` JVMs at a time, started now and collected at the end."""

    def __init__(self, validators: dict, groups: dict[Schema, list[Parsed]], tmp: Path, jobs: int) -> None:
        self._runs: list[tuple[Schema, list[Parsed], relaxng.JingRun]] = []
        self._pending: list[tuple[Schema, list[Parsed]]] = []
        self._tmp, self._jobs, self._validators = tmp, jobs, validators
        for schema, members in groups.items():
            if isinstance(validators.get(schema), relaxng.JingValidator):
                self._pending.append((schema, members))
        self._start_some()

    def _targets(self, members: list[Parsed]) -> list[relaxng.Target]:
        targets = []
        for p in members:
            path = p.source.path
            if p.expanded is not None or path is None:  # expanded includes, standard input: a private copy
                path = self._tmp / f"{abs(hash(p.source.display))}.xml"
                if not path.exists():
                    path.write_bytes(p.expanded if p.expanded is not None else p.source.data or b"")
            targets.append(relaxng.Target(path, p.source.display, alone=p.entities))
        return targets

    def _start_some(self) -> None:
        # one core stays with Python when there is more than one grammar to run
        while self._pending and sum(r.running for _, _, r in self._runs) < max(1, self._jobs - 1):
            schema, members = self._pending.pop(0)
            chunks = self._jobs if len(self._pending) == 0 and not self._runs else 1
            run = self._validators[schema].start(self._targets(members), chunks)
            self._runs.append((schema, members, run))

    def kill(self) -> None:
        self._pending.clear()
        for _, _, run in self._runs:
            run.kill()

    def collect(self, timeout: float) -> list[Problem]:
        found: list[Problem] = []
        i = 0
        while i < len(self._runs) or self._pending:
            if i >= len(self._runs):
                self._start_some()
            schema, members, run = self._runs[i]
            try:
                for problems in run.collect(timeout=timeout).values():
                    found.extend(problems)
            except relaxng.RelaxNGUnavailable as exc:
                if schema.tei_all and not schema.line:
                    self.kill()
                    raise CheckSetupError(str(exc)) from exc
                found.extend(_unusable(p.source.display, schema, str(exc)) for p in members)
            i += 1
            self._start_some()
        return found
