"""A run that streams: files go to the executor's workers in chunks (judge.py: layer 1, the plan and the
in-process layers, each worker compiling its schemas once), and what comes back is only findings, so memory in
this process does not grow with the files, and a worker holds one chunk's trees at a time.

jing starts on a window of files as soon as their results are back (it only ever reads files layer 1 has
found safe): one JVM per grammar and window, the first window small to start the JVM early, each next one
twice as large, so that jing always has work while the workers go on and few JVMs start. A window's jing
findings are collected after the next window has started, so the JVM and the workers overlap all along.
A small run stays in this process (a worker's start and its compiling tei_all's Schematron cost more than
they save below POOL_FROM files).
"""

from __future__ import annotations

import contextlib
import time
from collections import deque
from pathlib import Path

from editio.build.executor import InProcess
from editio.check import relaxng, xinclude
from editio.check.declared import Planner
from editio.check.filecheck import Checker
from editio.check.jingruns import JingRuns, jing_validators
from editio.check.judge import FileResult, Settings, finish, judge_chunk
from editio.check.jvm.route import IN_PROCESS, Engines, use_engine
from editio.check.problems import CheckReport, CheckSetupError, Problem
from editio.check.schemas import Schema
from editio.check.verdicts import Verdicts
from editio.check.wellformed import Source

FIRST_WINDOW = 200
IN_PROCESS_WINDOW = 2000  # the largest window in one process, whose trees wait for jing's start: memory
WINDOW = 4000  # the largest window: each doubles the one before (a JVM start with tei_all costs ~0.4 s of CPU)
CHUNK = 25  # files per task sent to a worker: few round trips, yet the work spreads evenly
POOL_FROM = 400  # files from which workers pay off (bench/RESULTS.md)


def chunks(sources: list, size: int | None = None) -> list[list]:
    size = size or CHUNK
    return [sources[i:i + size] for i in range(0, len(sources), size)]


def _executor(files: int, jobs: int, workers: bool, alone: bool):
    """The build's executor when there is one, else with `workers` (--jobs N asked for) a local pool for a
    large run, else this process (always when schemas are fetched: one download per URL). Not a pool by
    default: on the shared 2-core machine it measured no faster than one process, for ~10 % more CPU and
    ~300 MiB more memory (bench/RESULTS.md) — it pays off where cores are free."""
    from editio.build.executor import current, open_executor

    found = current()
    if alone or files < POOL_FROM:
        return contextlib.nullcontext(InProcess())
    if not isinstance(found, InProcess) or jobs == 1 or not workers:
        return contextlib.nullcontext(found)
    return open_executor(jobs)


def run(sources: list[Source], planner: Planner, report: CheckReport, timings: dict[str, float], jobs: int,
        max_bytes: int, roots: list[Path], tmp: Path, stored: Verdicts, workers: bool = True) -> list[Problem]:
    problems: list[Problem] = []
    fresh: dict[str, tuple[str, list[Problem]]] = {}  # file judged this run → (key, its findings so far)
    settings = Settings(planner.profile, planner.tei_all_path(), planner.by_declaration, tuple(planner.overrides),
                        planner.catalog, max_bytes, tuple(roots), tmp, planner.fetch_schemas, planner.cache)
    validators: dict[Schema, object] = {}
    in_flight: deque[JingRuns] = deque()
    linemaps: dict[str, object] = {}  # files with expanded includes: where jing's lines come from
    window: dict[Schema, list[relaxng.Target]] = {}
    waiting = 0  # files in `window`
    fallback = False
    size = FIRST_WINDOW

    def placed(found: list[Problem]) -> list[Problem]:
        return [xinclude.place(p, linemaps[p.path]) if p.path in linemaps else p for p in found]

    def jing_found(found: list[Problem]) -> None:
        for problem in placed(found):
            if problem.path in fresh:
                fresh[problem.path][1].append(problem)
            else:
                problems.append(problem)

    def engine_found(found: list[Problem]) -> None:
        for problem in found:  # already placed in the files that hold their lines
            if problem.path in fresh:
                fresh[problem.path][1].append(problem)
            else:
                problems.append(problem)

    def launch() -> None:
        new = [s for s in window if s not in validators]
        found, unusable_problems = jing_validators(new, lambda s: [t.display for t in window[s]])
        validators.update(found)
        jing_found(unusable_problems)
        in_flight.append(JingRuns(validators, dict(window), jobs))
        window.clear()

    timings.update({"workers": 0.0, "jing wait": 0.0})
    deferred: list[FileResult] = []  # in this process: files whose in-process layers wait for jing's start

    def here(f: FileResult) -> int:
        """A file for this process's jing runs and in-process layers; 1 if it waits in the window."""
        for schema, target in f.grammars:
            window.setdefault(schema, []).append(target)
        if f.deferred is not None:
            deferred.append(f)
        return int(bool(f.grammars) or f.deferred is not None)

    def finish_window() -> None:
        for f in deferred:
            found = finish(f)
            if f.display in fresh:
                fresh[f.display][1].extend(found)
            else:
                problems.extend(found)
        deferred.clear()  # the window's trees go: memory does not grow with the number of files

    t = time.perf_counter()
    engines: Engines | None = None
    report.engine = IN_PROCESS
    try:
        with _executor(len(sources), jobs, workers, planner.fetch_schemas) as executor:
            timings["jobs"] = float(executor.jobs)
            defer = isinstance(executor, InProcess)
            if defer and use_engine(len(sources)):  # the JVM engine judges what it can while layer 1 goes on here
                engines = Engines(tmp, jobs, Checker(max_bytes, list(roots)), len(sources))
                if planner.profile == "tei_all" and not planner.by_declaration and not planner.overrides:
                    engines.prestart(planner.profile_schemas())
            tasks = [(settings, chunk, {s.display: k for s in chunk if (k := stored.known(s.display))}
                      if stored.enabled else None, defer) for chunk in chunks(sources)]
            for outcome in executor.map(judge_chunk, tasks, describe=_describe):
                if outcome.error is not None:
                    problems.extend(Problem(s.display, 0, 0, "error", f"could not be checked: {outcome.error}",
                                            "check-failed", "wellformed") for s in outcome.item[1])
                    continue
                done = outcome.value
                if done.setup_error is not None:
                    raise CheckSetupError(done.setup_error)
                for url, files in done.unfetched.items():
                    planner.unfetched.setdefault(url, []).extend(files)
                for url, (why, files) in done.fetch_failed.items():
                    planner.fetch_failed.setdefault(url, (why, []))[1].extend(files)
                for f in done.files:
                    problems.extend(f.problems)
                    if f.linemap is not None:
                        linemaps[f.display] = f.linemap
                    if f.judged is None:
                        continue
                    report.judged[f.display] = f.judged
                    report.by_declaration |= f.declared
                    fallback |= f.fallback
                    reused = stored.reuse(f.display, f.key) if f.stored and f.key else None
                    if reused is not None:
                        problems.extend(reused)
                        continue
                    if f.key:
                        fresh[f.display] = (f.key, list(f.judged_problems))
                    else:
                        problems.extend(f.judged_problems)
                    report.rechecked.append(f.display)
                    if engines is not None and engines.take(f):
                        continue
                    waiting += here(f)
                if engines is not None:
                    engine_found(engines.drain())
                    for f in engines.given_back():
                        waiting += here(f)
                if waiting >= size:
                    launch()
                    finish_window()
                    waiting, size = 0, min(2 * size, WINDOW if not defer else IN_PROCESS_WINDOW)
                    while len(in_flight) > 1:
                        jing_found(in_flight.popleft().collect(timeout=120 + 2 * WINDOW))
            if engines is not None:
                for f in engines.given_back(wait=True):
                    waiting += here(f)
            if window:
                launch()
            finish_window()
        timings["workers"] = time.perf_counter() - t
        t = time.perf_counter()
        while in_flight:
            jing_found(in_flight.popleft().collect(timeout=120 + 2 * WINDOW))
        timings["jing wait"] = time.perf_counter() - t
        t = time.perf_counter()
        if engines is not None:
            engine_found(engines.finish(timeout=120 + 2 * len(sources)))
            report.engine = engines.describe()
            timings["engine files"] = float(engines.judged)
        timings["engine wait"] = time.perf_counter() - t
    except BaseException:
        for runs in in_flight:
            runs.kill()  # never leave a JVM behind
        if engines is not None:
            engines.kill()
        raise
    for display, (file_key, found) in fresh.items():
        problems.extend(found)
        stored.record(display, file_key, found)
    problems.extend(planner.run_problems())
    if fallback:
        problems.append(Problem("tei-check", 0, 0, "warning", relaxng.FALLBACK_WARNING, "no-java", "tei"))
    return problems


def _describe(task: tuple) -> str:
    files = task[1]
    return files[0].display if len(files) == 1 else f"{files[0].display} … {files[-1].display} ({len(files)} files)"
