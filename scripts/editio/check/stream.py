"""A run that streams: files are taken in windows, and a window's trees are dropped as soon as it is judged, so
memory is bounded by one window whatever the number of files (the editio profile, whose rules work across
files, keeps them all).

For each window: layer 1 (and XInclude) reads every file, its schemas are planned, jing starts on the window's
safe files (one JVM per grammar: jing only ever reads files layer 1 has found safe), and while it runs Python
judges the same trees by the in-process layers (Schematron, XSD). A window's jing findings are collected after
the next window's Python work, so the JVM and Python overlap all along. The first window is small, to start
the JVM early; later ones are large, so that few JVMs start.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from editio.check import relaxng, xinclude
from editio.check.declared import Planner
from editio.check.filecheck import Checker
from editio.check.jingruns import JingRuns, jing_validators, target
from editio.check.problems import CheckReport, CheckSetupError, Problem
from editio.check.schemas import Schema
from editio.check.wellformed import Source

FIRST_WINDOW = 200
WINDOW = 2000  # files per jing JVM once the first is running (a JVM start with tei_all costs ~0.4 s)


def windows(sources: list[Source]) -> Iterator[list[Source]]:
    start, size = 0, FIRST_WINDOW
    while start < len(sources):
        yield sources[start:start + size]
        start, size = start + size, WINDOW


def run(sources: list[Source], planner: Planner, report: CheckReport, timings: dict[str, float], jobs: int,
        max_bytes: int, roots: list[Path], tmp: Path) -> list[Problem]:
    problems: list[Problem] = []
    checker = Checker(max_bytes, roots)
    validators: dict[Schema, object] = {}
    in_flight: deque[JingRuns] = deque()
    linemaps: dict[str, object] = {}  # files with expanded includes: where jing's lines come from

    def placed(found: list[Problem]) -> list[Problem]:
        return [xinclude.place(p, linemaps[p.path]) if p.path in linemaps else p for p in found]

    timings.update({"parse": 0.0, "in-process layers": 0.0, "jing wait": 0.0})
    try:
        for window in windows(sources):
            t = time.perf_counter()
            parsed = [checker.layer1(s) for s in window]
            good = [p for p in parsed if p.ok]
            for p in parsed:
                problems.extend(p.problems)
                if p.linemap is not None:
                    linemaps[p.source.display] = p.linemap
            try:
                plans = [planner.plan(p) for p in good]
            except ValueError as exc:
                raise CheckSetupError(str(exc)) from exc
            groups: dict[Schema, list[relaxng.Target]] = {}
            for p, plan in zip(good, plans, strict=True):
                problems.extend(plan.problems)
                report.judged[p.source.display] = [s.describe() for s in plan.schemas]
                report.by_declaration |= plan.declared
                for schema in plan.schemas:
                    if schema.kind in ("rng", "rnc"):
                        groups.setdefault(schema, []).append(target(
                            p.source.display, p.source.path, p.expanded if p.expanded is not None else
                            (p.source.data if p.source.path is None else None), p.entities, tmp))
            new = [s for s in groups if s not in validators]
            found, unusable_problems = jing_validators(new, lambda s, g=groups: [t.display for t in g[s]])
            validators.update(found)
            problems.extend(unusable_problems)
            in_flight.append(JingRuns(validators, groups, jobs))
            timings["parse"] += time.perf_counter() - t

            t = time.perf_counter()
            lxml = {s: v for s, v in validators.items() if isinstance(v, relaxng.LxmlValidator)}
            for p, plan in zip(good, plans, strict=True):
                problems.extend(checker.layers(p, plan.schemas, lxml))
            del parsed, good  # the window's trees go: memory does not grow with the number of files
            timings["in-process layers"] += time.perf_counter() - t

            t = time.perf_counter()
            while len(in_flight) > 1:
                problems.extend(placed(in_flight.popleft().collect(timeout=120 + 2 * WINDOW)))
            timings["jing wait"] += time.perf_counter() - t
        t = time.perf_counter()
        while in_flight:
            problems.extend(placed(in_flight.popleft().collect(timeout=120 + 2 * WINDOW)))
        timings["jing wait"] += time.perf_counter() - t
    except BaseException:
        for runs in in_flight:
            runs.kill()  # never leave a JVM behind
        raise
    problems.extend(planner.run_problems())
    return problems
