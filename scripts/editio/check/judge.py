"""One worker's share of a streaming run: layer 1, the plan and the in-process layers (Schematron, XSD) of a
chunk of files, in whichever process the executor gives it (this one, a pool worker, a Dask worker).

Why here and not in the main process: SaxonC does not run in parallel within one process, and on a 2-core
machine the Schematron layer (~2 ms a file) costs more than jing's ~1.3 ms. Spread over worker processes it
shares the cores with the JVM instead of queueing behind it. A worker sends back only what the main process
needs — the findings, which schemas judged each file, and what jing must read — never a tree, so the main
process holds nothing that grows with the files. Each worker compiles a schema once (the caches in
schemas.py live as long as the worker).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from editio.check import relaxng, verdicts
from editio.check.catalog import Catalog
from editio.check.declared import Planner
from editio.check.filecheck import Checker
from editio.check.jingruns import target, validator_for
from editio.check.problems import CheckSetupError, Problem
from editio.check.schemas import Schema
from editio.check.wellformed import Source


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs to judge files as the main process would (picklable)."""

    profile: str
    tei_all: Path | None  # resolved by the main process; None when --schema made it unnecessary
    by_declaration: bool
    overrides: tuple[Path, ...]
    catalog: Catalog | None
    max_bytes: int
    roots: tuple[Path, ...]
    tmp: Path  # where expanded texts are written for jing to read
    fetch_schemas: bool = False  # only ever in one process (stream.py): one download per URL
    cache: Path | None = None


@dataclass
class FileResult:
    display: str
    problems: list[Problem]  # layer 1's and the plan's (already placed in included files)
    judged_problems: list[Problem] = field(default_factory=list)  # the in-process layers' (stored as verdicts)
    key: str | None = None  # verdicts.key of the file and what judged it
    stored: bool = False  # its key is the stored one: nothing was validated, the stored verdict stands
    judged: list[str] | None = None  # the schemas that judged it; None when layer 1 refused it
    declared: bool = False
    grammars: list[tuple[Schema, relaxng.Target]] = field(default_factory=list)  # what jing must read
    linemap: object | None = None  # to place jing's findings on an expanded text
    fallback: bool = False  # RELAX NG was checked here by libxml2 (no Java): the run says so once
    deferred: tuple | None = None  # with defer: what `finish` needs (never pickled: this process only)


@dataclass
class ChunkResult:
    files: list[FileResult]
    unfetched: dict[str, list[str]]  # remote schema URL → files declaring it (reported once by the main process)
    fetch_failed: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    setup_error: str | None = None  # a plan that cannot be made stops the whole run, as in one process


def _tei_all(settings: Settings):
    def locate() -> Path:
        if settings.tei_all is None:
            raise CheckSetupError("tei_all.rng is not available")
        return settings.tei_all
    return locate


def judge_chunk(task: tuple[Settings, list[Source], dict[str, str] | None, bool]) -> ChunkResult:
    """Judge each file of a chunk by every layer that runs in-process, except those whose key is the one
    `known` (display → stored key; None: no verdicts are kept, no key is made) holds; module-level, so it
    pickles. With `defer` (this process only) the in-process layers are left for `finish`, so that jing can
    start on the files first and run beside them."""
    settings, sources, known, defer = task
    planner = Planner(profile=settings.profile, tei_all=_tei_all(settings), by_declaration=settings.by_declaration,
                      overrides=list(settings.overrides), catalog=settings.catalog,
                      fetch_schemas=settings.fetch_schemas, cache=settings.cache)
    checker = Checker(settings.max_bytes, list(settings.roots))
    context = verdicts.run_context()
    java = relaxng.java_executable()  # once per chunk: it searches PATH
    validators: dict[Schema, object] = {}  # once per chunk: finding one stats and resolves the schema's path
    results: list[FileResult] = []
    for source in sources:
        parsed = checker.layer1(source)
        result = FileResult(source.display, list(parsed.problems), linemap=parsed.linemap)
        results.append(result)
        if not parsed.ok:
            continue
        try:
            plan = planner.plan(parsed)
        except ValueError as exc:
            return ChunkResult(results, planner.unfetched, planner.fetch_failed, setup_error=str(exc))
        result.problems += checker.placed(parsed, plan.problems)
        result.judged, result.declared = [s.describe() for s in plan.schemas], plan.declared
        if known is not None:
            result.key = verdicts.key(verdicts.text_of(parsed), verdicts.judges(plan.schemas), context)
            if known.get(source.display) == result.key:
                result.stored = True
                continue
        lxml: dict[Schema, object] = {}
        for schema in plan.schemas:
            if schema.kind not in ("rng", "rnc"):
                continue
            if schema not in validators:
                validators[schema] = validator_for(schema, java)
            found = validators[schema]
            if isinstance(found, relaxng.LxmlValidator):
                lxml[schema] = found  # no Java: libxml2's RELAX NG runs here, on the tree already parsed
                result.fallback = True
            else:
                data = parsed.expanded if parsed.expanded is not None else (
                    source.data if source.path is None else None)
                result.grammars.append((schema, target(source.display, source.path, data, parsed.entities,
                                                       settings.tmp)))
        if defer:
            result.deferred = (checker, parsed, plan.schemas, lxml)
        else:
            result.judged_problems = checker.layers(parsed, plan.schemas, lxml)
    return ChunkResult(results, planner.unfetched, planner.fetch_failed)


def finish(result: FileResult) -> list[Problem]:
    """The in-process layers of a file judged with `defer`; its tree goes with them."""
    if result.deferred is None:
        return []
    checker, parsed, schemas, lxml = result.deferred
    result.deferred = None
    return checker.layers(parsed, schemas, lxml)
