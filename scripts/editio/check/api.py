"""check_paths(): every layer of tei-check over a set of files, as one report (used by the CLI and `editio build`).

Work is arranged so that nothing is done twice: each file is read and parsed once (layer 1) and that tree
serves every in-process layer; jing gets all safe files in one JVM call (or a few for large sets) and runs
while Python compiles the Schematron schemas and checks the trees in a thread pool.
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

from editio.check import relaxng
from editio.check.editio_profile import EditioProfile, ProfileUnavailable, schema_dir, schematron_problems
from editio.check.edition import Edition
from editio.check.inputs import collect
from editio.check.problems import LAYERS, CheckReport, Problem
from editio.check.schematron import Schematron, SchematronError, extract_embedded
from editio.check.tei_schema import SchemaUnavailable
from editio.check.tei_schema import locate as locate_tei_all
from editio.check.wellformed import DEFAULT_MAX_BYTES, Parsed, parse

__all__ = ["PROFILES", "CheckReport", "CheckSetupError", "Problem", "check_paths"]

PROFILES = ("editio", "tei_all")
TOOL = "tei-check"  # the "path" of findings about the run itself


class CheckSetupError(RuntimeError):
    """The check cannot run at all (no schema, broken schema, unknown profile): exit status 2."""


def _stamp(*paths: Path) -> tuple[tuple[str, int, int], ...]:
    """What a compiled schema depends on: its files, by name, size and modification time."""
    stats = [(str(p.resolve()), p.stat()) for p in paths]
    return tuple((name, st.st_size, st.st_mtime_ns) for name, st in stats)


@functools.lru_cache(maxsize=4)
def _tei_schematron_cached(stamp: tuple[tuple[str, int, int], ...]) -> Schematron | None:
    return _tei_schematron(Path(stamp[0][0]))


@functools.lru_cache(maxsize=4)
def _editio_profile_cached(stamp: tuple[tuple[str, int, int], ...]) -> EditioProfile:
    return EditioProfile(Path(stamp[0][0]).parent)


@functools.lru_cache(maxsize=4)
def _validator_cached(stamp: tuple[tuple[str, int, int], ...],
                      java: str | None) -> relaxng.JingValidator | relaxng.LxmlValidator:
    """jing if Java is there (nothing to compile here), else libxml2's RELAX NG compiled once per process."""
    return relaxng.validator(Path(stamp[0][0]), java)


def _tei_schematron(schema: Path) -> Schematron | None:
    """The Schematron rules embedded in tei_all.rng, compiled once; None if the schema embeds none."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.parse(str(schema), parser).getroot()
        embedded = extract_embedded(root)
        if not len(embedded.findall("{http://purl.oclc.org/dsdl/schematron}pattern")):
            return None
        return Schematron(embedded)
    except (OSError, etree.XMLSyntaxError, SchematronError) as exc:
        raise CheckSetupError(f"cannot compile the Schematron rules embedded in {schema}: {exc}") from exc


def _sort_key(order: dict[str, int]):
    rank = {layer: i for i, layer in enumerate(LAYERS)}

    def key(p: Problem) -> tuple[int, int, int, int, str]:
        return order.get(p.path, -1), p.line, p.column, rank.get(p.layer, 9), p.rule_id

    return key


def check_paths(paths: Sequence[Path | str], profile: str = "editio", tei_schema: Path | str | None = None,
                jobs: int | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: bytes | None = None,
                download_schema: bool = False, schema_folder: Path | None = None) -> CheckReport:
    """Check files/folders/"-" with every layer of `profile`; raises CheckSetupError if it cannot run."""
    started = time.perf_counter()
    timings: dict[str, float] = {}
    if profile not in PROFILES:
        raise CheckSetupError(f"unknown profile {profile!r}: use one of {', '.join(PROFILES)}")
    jobs = max(1, jobs or os.cpu_count() or 1)
    try:
        rng_path = locate_tei_all(tei_schema, download_schema=download_schema)
    except SchemaUnavailable as exc:
        raise CheckSetupError(str(exc)) from exc
    sources, problems = collect(paths, stdin)
    report = CheckReport(files=len(sources), paths=[s.display for s in sources], profile=profile)

    with ThreadPoolExecutor(max_workers=jobs) as pool, tempfile.TemporaryDirectory(prefix="tei-check-") as tmp:
        t = time.perf_counter()
        parsed: list[Parsed] = list(pool.map(lambda s: parse(s, max_bytes), sources))
        timings["parse"] = time.perf_counter() - t
        for p in parsed:
            problems.extend(p.problems)
        good = [p for p in parsed if p.ok]

        # layer 2a: jing runs in its own process while the rest is done here
        try:
            validator = _validator_cached(_stamp(rng_path), relaxng.java_executable()) if good else None
        except relaxng.RelaxNGUnavailable as exc:
            raise CheckSetupError(str(exc)) from exc
        run = None
        if isinstance(validator, relaxng.JingValidator):
            targets = []
            for p in good:
                path = p.source.path
                if path is None:  # standard input: jing reads a private copy
                    path = Path(tmp) / "stdin.xml"
                    path.write_bytes(p.source.data or b"")
                targets.append(relaxng.Target(path, p.source.display, alone=p.entities))
            run = validator.start(targets, jobs)
        elif validator is not None:
            problems.append(Problem(TOOL, 0, 0, "warning", relaxng.FALLBACK_WARNING, "no-java", "tei"))

        t = time.perf_counter()
        try:
            # compiled once per process and schema version: `editio build` and tests check many times
            tei_sch = _tei_schematron_cached(_stamp(rng_path)) if good else None
            editio = None
            if profile == "editio" and good:
                folder = schema_folder or schema_dir()
                if folder is None:
                    raise CheckSetupError("the editio profile needs the edition's schema/ folder (editio.xsd, "
                                          "editio.sch): run inside the repository or use --profile tei_all")
                editio = _editio_profile_cached(_stamp(folder / "editio.xsd", folder / "editio.sch"))
                edition = Edition(good, max_bytes)
        except (ProfileUnavailable, relaxng.RelaxNGUnavailable) as exc:
            _stop(run)
            raise CheckSetupError(str(exc)) from exc
        except CheckSetupError:
            _stop(run)
            raise
        timings["compile"] = time.perf_counter() - t

        def per_file(p: Parsed) -> list[Problem]:
            found: list[Problem] = []
            if isinstance(validator, relaxng.LxmlValidator):
                found += validator.validate(p.source.display, p.tree)
            if tei_sch is not None:
                found += schematron_problems(p, tei_sch.validate(p.tree), "tei-schematron")
            if editio is not None:
                found += editio.problems(p)
                found += edition.problems(p)
            return found

        t = time.perf_counter()
        try:
            for found in pool.map(per_file, good):
                problems.extend(found)
        except BaseException:
            _stop(run)  # never leave a JVM behind
            raise
        timings["in-process layers"] = time.perf_counter() - t

        t = time.perf_counter()
        if run is not None:
            try:
                for found in run.collect(timeout=120 + 2 * len(good)).values():
                    problems.extend(found)
            except relaxng.RelaxNGUnavailable as exc:
                raise CheckSetupError(str(exc)) from exc
        timings["jing wait"] = time.perf_counter() - t

    order = {s.display: i for i, s in enumerate(sources)}
    report.problems = sorted(problems, key=_sort_key(order))
    report.seconds = time.perf_counter() - started
    report.timings = timings
    return report


def _stop(run: relaxng.JingRun | None) -> None:
    if run is not None:
        run.kill()
