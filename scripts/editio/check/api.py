"""check_paths(): every layer of tei-check over a set of files, as one report (used by the CLI and `editio build`).

Work is arranged so that nothing is done twice: the schemas judging each file are planned (declared.py) and
each compiled once; jing gets all files of a grammar in one JVM call (or a few for large sets) and runs while
Python checks the trees.

Two ways through, one per need. The editio profile's rules work across files: they judge from a small summary of
each file (edition.py), so its run (`_edition_pass`) parses each file, keeps its summary and drops its tree, starts
jing on every file, and parses the files again a few at a time for the per-file layers. Every other run streams
(stream.py): files are taken in windows, jing starts on a window as soon as layer 1 has found its files safe,
Python judges the same trees meanwhile and drops them. Either way memory is bounded by a window of trees whatever
the number of files.
"""

from __future__ import annotations

import functools
import os
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from editio.build import executor
from editio.build.executor import InProcess, current
from editio.check import relaxng, stream, xinclude
from editio.check.catalog import Catalog
from editio.check.declared import Planner
from editio.check.editio_profile import EditioProfile, ProfileUnavailable, schema_dir
from editio.check.edition import Edition, Summary, summarise
from editio.check.filecheck import UNMAPPED, Checker, compile_all, in_process
from editio.check.inputs import collect
from editio.check.jingruns import JingRuns, jing_validators
from editio.check.jingruns import target as jing_target
from editio.check.problems import LAYERS, CheckReport, CheckSetupError, Problem
from editio.check.schemas import Schema
from editio.check.tei_schema import SchemaUnavailable
from editio.check.tei_schema import locate as locate_tei_all
from editio.check.verdicts import EDITIO_RULES, Verdicts, judges, key, run_context, text_of
from editio.check.wellformed import DEFAULT_MAX_BYTES, Parsed, Source, parse

__all__ = ["PROFILES", "CheckReport", "CheckSetupError", "Problem", "check_paths"]

PROFILES = ("editio", "tei_all")
TOOL = "tei-check"  # the "path" of findings about the run itself
PARSE_WINDOW = 64  # files parsed at a time by the editio profile's passes: their trees are all it holds


def _stamp(*paths: Path) -> tuple[tuple[str, int, int], ...]:
    """What a compiled schema depends on: its files, by name, size and modification time."""
    stats = [(str(p.resolve()), p.stat()) for p in paths]
    return tuple((name, st.st_size, st.st_mtime_ns) for name, st in stats)


@functools.lru_cache(maxsize=4)
def _editio_profile_cached(stamp: tuple[tuple[str, int, int], ...]) -> EditioProfile:
    return EditioProfile(Path(stamp[0][0]).parent)


def _sort_key(order: dict[str, int]):
    rank = {layer: i for i, layer in enumerate(LAYERS)}

    def key(p: Problem) -> tuple[int, int, int, int, str]:
        return order.get(p.path, -1), p.line, p.column, rank.get(p.layer, 9), p.rule_id

    return key


def check_paths(paths: Sequence[Path | str], profile: str = "editio", tei_schema: Path | str | None = None,
                jobs: int | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: bytes | None = None,
                download_schema: bool = False, schema_folder: Path | None = None, by_declaration: bool = False,
                schemas: Sequence[Path | str] = (), catalog: Catalog | None = None, fetch_schemas: bool = False,
                cache: Path | None = None, xinclude_roots: Sequence[Path | str] = (),
                verdicts: Path | None = None) -> CheckReport:
    """Check files/folders/"-" with every layer; raises CheckSetupError if it cannot run.

    Each file is judged by `schemas` if given, else (with by_declaration) by the schemas its xml-model PIs
    declare, else by `profile`'s. XIncludes are expanded first, inside the file's project folder or
    `xinclude_roots`. With `verdicts` (a file), a file judged before by the same schemas and unchanged since
    gets the findings stored there instead of being validated again (verdicts.py).
    """
    started = time.perf_counter()
    timings: dict[str, float] = {}
    if profile not in PROFILES:
        raise CheckSetupError(f"unknown profile {profile!r}: use one of {', '.join(PROFILES)}")
    for given in schemas:
        if not Path(given).is_file():
            raise CheckSetupError(f"--schema: {given} is not a file")
    workers = jobs is not None and jobs > 1  # worker processes only when asked for (stream.py, bench/RESULTS.md)
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
    roots = [Path(r) for r in xinclude_roots]
    stored = Verdicts(Path(verdicts) if verdicts is not None else None)
    with tempfile.TemporaryDirectory(prefix="tei-check-") as tmp:
        if profile == "editio" and not schemas:
            found = _edition_pass(sources, planner, report, timings, jobs, max_bytes, roots, schema_folder,
                                  Path(tmp), stored)
        else:
            found = stream.run(sources, planner, report, timings, jobs, max_bytes, roots, Path(tmp), stored,
                               workers)
    stored.save()
    order = {s.display: i for i, s in enumerate(sources)}
    report.problems = sorted([*problems, *found], key=_sort_key(order))
    report.seconds = time.perf_counter() - started
    report.timings = timings
    return report


def _reparse(source: Source, max_bytes: int, roots: list[Path]) -> Parsed:
    """The file parsed as the first pass parsed it (its XIncludes expanded): again, where its tree is needed."""
    parsed = parse(source, max_bytes)
    return xinclude.expand(parsed, roots, max_bytes) if xinclude.has_includes(parsed) else parsed


def _edition_pass(sources, planner: Planner, report: CheckReport, timings: dict[str, float], jobs: int,
                  max_bytes: int, roots: list[Path], schema_folder: Path | None, tmp: Path,
                  verdicts: Verdicts) -> list[Problem]:
    """The editio profile, its rules across files judged from small per-file summaries (edition.py), so no tree
    is kept: a first pass parses each file once for its plan, its key, its summary and what jing reads, and drops
    its tree; jing then starts on every file to judge while a second pass parses each file not judged before
    again, for the per-file layers, and drops it (in this process, a few at a time, or in the build's workers).
    Memory does not grow with the number of files beyond the summaries and findings. A file whose key is in
    `verdicts` gets its stored per-file findings; only the rules across files judge it again."""
    parse_found: list[Problem] = []
    plan_found: list[Problem] = []
    stored_found: list[Problem] = []
    problems: list[Problem] = []
    linemaps: dict[str, object] = {}
    folder = schema_folder or schema_dir()

    def placed(found: list[Problem]) -> list[Problem]:
        """Findings on an expanded text, placed in the files that hold their lines."""
        return [xinclude.place(p, linemaps[p.path]) if p.path in linemaps and p.layer not in UNMAPPED else p
                for p in found]

    keys: dict[str, str] = {}
    fresh: list[tuple[Source, list[Schema], bool]] = []  # judged this run: the file, its schemas, editio's rules
    across: list[Source] = []  # the files the rules across files judge
    summaries: list[Summary] = []
    groups: dict[Schema, list[relaxng.Target]] = {}  # what jing reads, per grammar
    any_editio = False
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        t = time.perf_counter()
        for window in stream.chunks(sources, PARSE_WINDOW):  # a window of trees alive at a time
            for p in pool.map(lambda s: _reparse(s, max_bytes, roots), window):
                if p.linemap is not None:
                    linemaps[p.source.display] = p.linemap
                parse_found.extend(placed(p.problems))
                if not p.ok:
                    continue
                try:
                    plan = planner.plan(p)
                except ValueError as exc:
                    raise CheckSetupError(str(exc)) from exc
                display = p.source.display
                plan_found.extend(placed(plan.problems))
                report.by_declaration |= plan.declared
                report.judged[display] = judged_names(plan)
                if plan.editio:
                    any_editio = True
                    across.append(p.source)
                    summaries.append(summarise(display, p.source.path.resolve() if p.source.path else None, p.tree))
                if verdicts.enabled:
                    rules = [(EDITIO_RULES, folder / name) for name in ("editio.xsd", "editio.sch")] \
                        if plan.editio and folder is not None else []
                    keys[display] = key(text_of(p), [*judges(plan.schemas), *rules], run_context())
                    stored = verdicts.reuse(display, keys[display])
                    if stored is not None:
                        stored_found.extend(stored)
                        continue
                fresh.append((p.source, plan.schemas, plan.editio))
                for schema in plan.schemas:
                    if schema.kind in ("rng", "rnc"):
                        groups.setdefault(schema, []).append(jing_target(
                            display, p.source.path, p.expanded if p.expanded is not None else
                            (p.source.data if p.source.path is None else None), p.entities, tmp))
            p = None  # the window's last tree goes with the others
        timings["parse"] = time.perf_counter() - t
        problems += [*parse_found, *planner.run_problems(), *plan_found, *stored_found]
        report.rechecked = [source.display for source, _, _ in fresh]

        # layer 2a: jing runs in its own processes (one group of files per grammar) while the rest is done here
        validators, unusable_problems = jing_validators(list(groups),
                                                        lambda schema: [t.display for t in groups[schema]])
        runs = JingRuns(validators, groups, jobs)
        lxml_validators = {s: v for s, v in validators.items() if isinstance(v, relaxng.LxmlValidator)}

        t = time.perf_counter()
        try:
            compiled = compile_all(s for _, schemas, _ in fresh for s in schemas)
            editio = None
            if any_editio:
                if folder is None:
                    raise CheckSetupError("the editio profile needs the edition's schema/ folder (editio.xsd, "
                                          "editio.sch): run inside the repository or use --profile tei_all")
                editio = _editio_profile_cached(_stamp(folder / "editio.xsd", folder / "editio.sch"))
                edition = Edition.from_summaries(summaries, max_bytes)
        except (ProfileUnavailable, relaxng.RelaxNGUnavailable) as exc:
            runs.kill()
            raise CheckSetupError(str(exc)) from exc
        except BaseException:
            runs.kill()
            raise
        timings["compile"] = time.perf_counter() - t

        def per_file(item: tuple[Source, list[Schema], bool]) -> list[Problem]:
            source, schemas, by_editio = item
            p = _reparse(source, max_bytes, roots)
            if not p.ok:  # changed on disk since the first pass read it: say so, as layer 1 would
                return p.problems
            found = in_process(p, schemas, compiled, lxml_validators)
            if by_editio and editio is not None:
                found += editio.problems(p)
            return found

        t = time.perf_counter()
        by_file: dict[str, list[Problem]] = {source.display: [] for source, _, _ in fresh}
        for problem in unusable_problems:
            by_file.setdefault(problem.path, []).append(problem)
        build = current()
        # the build's engine (a pool, Dask) when it has one; without Java the libxml2 RELAX NG stays here
        far = not isinstance(build, InProcess) and not lxml_validators and len(fresh) > executor.SMALL
        timings["editio jobs"] = float(build.jobs if far else 1)
        try:
            if far:
                stamp = _stamp(folder / "editio.xsd", folder / "editio.sch") if editio is not None else None
                tasks = [(max_bytes, tuple(roots), stamp, [(_portable(source), schemas, by_editio)
                                                           for source, schemas, by_editio in chunk])
                         for chunk in stream.chunks(fresh)]
                for outcome in build.map(judge_files, tasks, describe=_describe_files):
                    for (source, _, _), found in zip(outcome.item[3], outcome.value or [], strict=False):
                        by_file[source.display] += placed(found)
                    if not outcome.ok:
                        for source, _, _ in outcome.item[3]:
                            by_file[source.display].append(Problem(
                                source.display, 0, 0, "error", f"could not be checked: {outcome.error}",
                                "check-failed", "wellformed"))
            else:
                for window in stream.chunks(fresh, PARSE_WINDOW):
                    for (source, _, _), found in zip(window, pool.map(per_file, window), strict=True):
                        by_file[source.display] += placed(found)
            if editio is not None:  # the rules across files: never stored, they depend on the other files
                for source in across:
                    path = source.path.resolve() if source.path else None
                    problems.extend(placed(edition.problems_of(
                        source.display, path, functools.partial(_lines, source, max_bytes, roots))))
        except BaseException:
            runs.kill()  # never leave a JVM behind
            raise
        timings["in-process layers"] = time.perf_counter() - t

        t = time.perf_counter()
        for problem in placed(runs.collect(timeout=120 + 2 * len(fresh))):
            by_file.setdefault(problem.path, []).append(problem)
        timings["jing wait"] = time.perf_counter() - t
    for display, found in by_file.items():
        problems.extend(found)
        if display in keys:
            verdicts.record(display, keys[display], found)
    return problems


def _lines(source: Source, max_bytes: int, roots: list[Path]) -> list[str]:
    """A checked file's lines, for the column of a problem the rules across files found in it."""
    return _reparse(source, max_bytes, roots).text_lines or []


def _portable(source: Source) -> Source:
    """The source as another process finds it: an absolute path (a worker's working folder may differ), the same
    display name."""
    return Source(source.display, source.path.resolve(), source.data) if source.path is not None else source


def _describe_files(task: tuple) -> str:
    files = task[3]
    first, last = files[0][0].display, files[-1][0].display
    return first if len(files) == 1 else f"{first} … {last} ({len(files)} files)"


def judge_files(task: tuple[int, tuple[Path, ...], tuple | None, list[tuple[Source, list[Schema], bool]]]
                ) -> list[list[Problem]]:
    """A task of the build's executor: the per-file layers of the editio profile (Schematron, XSD, the edition's
    own editio.xsd and editio.sch) for a chunk of files, each parsed again where the task runs (a tree does not
    pickle) exactly as the main process parsed it; the findings as `per_file` gives them, not yet placed. The
    schemas are compiled once per process (schemas.py's caches, `_editio_profile_cached`). Module-level, so it
    pickles."""
    max_bytes, roots, stamp, files = task
    checker = _checker(max_bytes, roots)
    editio = _editio_profile_cached(stamp) if stamp is not None else None
    compiled = compile_all(s for _, plan_schemas, _ in files for s in plan_schemas)
    found: list[list[Problem]] = []
    for source, plan_schemas, by_editio in files:
        parsed = checker.layer1(source)
        if not parsed.ok:  # changed on disk since the main process read it: say so, as layer 1 would
            found.append(parsed.problems)
            continue
        problems = in_process(parsed, plan_schemas, compiled, {})
        if by_editio and editio is not None:
            problems += editio.problems(parsed)
        found.append(problems)
    return found


@functools.lru_cache(maxsize=4)
def _checker(max_bytes: int, roots: tuple[Path, ...]) -> Checker:
    return Checker(max_bytes, list(roots))


def judged_names(plan) -> list[str]:
    return [s.describe() for s in plan.schemas] + \
        (["the edition's rules (editio.xsd, editio.sch, across files)"] if plan.editio else [])
