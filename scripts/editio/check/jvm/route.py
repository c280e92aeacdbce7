"""Which files of a streaming run the JVM engine judges, and its outcomes as the same Problems the in-process
engines give (jing's lines as jing's command line reports them, Schematron failures read and located by
schematron.engine.failures).

A file goes to the engine when its plan is at most one grammar (RELAX NG, XML or compact) and at most one
Schematron (embedded or standalone) — tei_all's plan, and most projects' declared ones; anything else (XSD,
several grammars, libxml2's RELAX NG without Java) stays with the in-process engines, as does every file when
the engine cannot start (no Saxon-HE jar: the report names the engine that judged the run).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from lxml import etree

from editio.check import schemas as schemas_mod
from editio.check import xinclude
from editio.check.editio_profile import schematron_problems
from editio.check.filecheck import Checker, grammar_names, schematron_layer
from editio.check.jvm import classes
from editio.check.jvm.engine import EngineProcess, Job, Outcome, serialised, xslt_file
from editio.check.problems import Problem
from editio.check.schemas import Schema, SchemaUnusable
from editio.check.schematron.engine import failures
from editio.check.schematron.locate import top_level

MAX_ENGINES = 4  # distinct plans with a JVM of their own; a folder of many projects' schemas uses the rest
IN_PROCESS = "jing and SaxonC (in process)"
ENGINE_ENV = "EDITIO_CHECK_ENGINE"  # auto (default) | jvm | in-process
ENGINE_FROM = 1000  # files from which the JVM engine pays for compiling the Schematron in a cold JVM (bench/RESULTS.md)
C2_FROM = 3000  # files from which the JVM's optimising compiler pays for its own cost (bench/RESULTS.md)
HOLD = 1000  # files (and trees) held here at most while a JVM compiles its schemas; then layer 1 waits for it


def use_engine(files: int) -> bool:
    """Whether a run of `files` files asks the JVM engine: from ENGINE_FROM files, or always / never as
    $EDITIO_CHECK_ENGINE says (jvm, in-process)."""
    mode = os.environ.get(ENGINE_ENV, "auto").strip().lower()
    if mode in ("jvm", "in-process"):
        return mode == "jvm"
    return files >= ENGINE_FROM


@functools.lru_cache(maxsize=256)
def _folder(folder: str) -> Path:
    return Path(folder).resolve()


def _uri(url: str | None) -> str:
    """The document's base URI as the SaxonC engine gives it (the resolved path), resolving each folder once."""
    if not url:
        return ""
    if "://" in url or url.startswith("file:"):
        return url
    if os.path.islink(url):
        return Path(url).resolve().as_uri()
    head, name = os.path.split(os.path.abspath(url))
    return (_folder(head) / name).as_uri()


class Engines:
    """The JVMs of one run, one per plan (grammar, Schematron), started on first need and kept warm."""

    def __init__(self, folder: Path, threads: int, checker: Checker, files: int) -> None:
        self.folder, self.threads, self.checker = folder, max(1, threads), checker
        # a short run is over before C2 has paid for itself: the quick compiler only (as the jing runs do)
        self.jit = () if files >= C2_FROM else ("-XX:TieredStopAtLevel=1",)
        self.unavailable: str | None = classes.why_not()
        self._java: classes.Java | None = None
        self._running: dict[tuple[Schema | None, Schema | None], EngineProcess | None] = {}
        self._rules: dict[Schema, object] = {}
        self._grammar: dict[int, tuple] = {}
        self.judged = 0  # files the engine took
        self.setup_failed: list[str] = []  # plans whose schemas the JVM could not compile
        # files taken while their JVM compiles its schemas (its start, ~1.5 s with tei_all): layer 1 goes on
        # meanwhile instead of waiting, and they are sent once it is ready, or given back if it cannot start
        self._held: dict[tuple[Schema | None, Schema | None], list] = {}
        self._given_back: list = []

    @property
    def enabled(self) -> bool:
        return self.unavailable is None

    def describe(self) -> str:
        """The engine that judged the run, for the report."""
        if self.judged and self._java is not None:
            rest = f"; in process for the schemas it could not compile ({self.setup_failed[0]})" \
                if self.setup_failed else ""
            return f"jing and Saxon-HE ({self._java.saxon}) in one JVM, {self.threads} threads{rest}"
        if self.setup_failed:
            return f"{IN_PROCESS}; the JVM engine could not start: {self.setup_failed[0]}"
        return IN_PROCESS + (f"; the JVM engine was not used: {self.unavailable}" if self.unavailable else "")

    def plan_key(self, plan_schemas: list[Schema]) -> tuple[Schema | None, Schema | None] | None:
        grammars = [s for s in plan_schemas if s.kind in ("rng", "rnc")]
        rules = [s for s in plan_schemas if s.kind == "schematron"]
        if not plan_schemas or len(grammars) > 1 or len(rules) > 1 or len(grammars) + len(rules) != len(plan_schemas):
            return None
        return (grammars[0] if grammars else None, rules[0] if rules else None)

    def _compiled(self, schema: Schema):
        if schema not in self._rules:
            try:
                self._rules[schema] = schemas_mod.rules(schema)
            except SchemaUnusable as exc:
                self._rules[schema] = exc  # the in-process engine reports it, file by file
        return self._rules[schema]

    def _process(self, key: tuple[Schema | None, Schema | None]) -> EngineProcess | None:
        if key in self._running:
            return self._running[key]
        self._running[key] = None
        if len(self._running) > MAX_ENGINES or not self.enabled:
            return None
        grammar, rules = key
        compiled = self._compiled(rules) if rules is not None else None
        if isinstance(compiled, Exception):
            return None
        try:
            self._java = self._java or classes.java()
            xslt = xslt_file(compiled, self.folder) if compiled is not None else None
            if grammar is None and xslt is None:
                return None
            process = EngineProcess(self._java, grammar.path.resolve() if grammar else None,
                                    grammar is not None and grammar.kind == "rnc", xslt, self.threads, self.jit)
        except classes.EngineUnavailable as exc:
            self.unavailable = str(exc)
            return None
        self._running[key] = process
        return process

    def prestart(self, plan_schemas: list[Schema]) -> None:
        """Start the JVM of a plan known before any file is read (a profile's), so that it compiles its
        schemas while layer 1 reads the first files."""
        key = self.plan_key(plan_schemas)
        if key is not None:
            self._process(key)

    def take(self, result) -> bool:
        """Send a file (a judge.FileResult held back with `defer`) to its plan's JVM; False: not the engine's."""
        if not self.enabled or result.deferred is None:
            return False
        _, parsed, plan_schemas, lxml = result.deferred
        key = None if lxml else self.plan_key(plan_schemas)
        if key is None:
            return False
        if parsed.tree.docinfo.internalDTD is not None and next(parsed.tree.getroot().iter(etree.Entity), None) \
                is not None:
            return False  # unresolved entity references (only with a DOCTYPE): the in-process engine says why
        process = self._process(key)
        if process is None:
            return False
        held = self._held.setdefault(key, [])
        if not process.started and len(held) < HOLD:
            held.append(result)  # its tree stays until the JVM can read the file
            return True
        if not self._release(key):
            return False
        self._submit(key, process, result)
        return True

    def _release(self, key: tuple[Schema | None, Schema | None]) -> bool:
        """Wait for the plan's JVM; send the files held for it (True), or give them back when it cannot
        judge by its schemas (False: the in-process engines judge them and say why)."""
        process, held = self._running.get(key), self._held.pop(key, [])
        try:
            if process is None:
                raise classes.EngineUnavailable("")
            process.ready()
        except classes.EngineUnavailable as exc:  # this plan's schemas only: the in-process engines say why
            if process is not None:
                self.setup_failed.append(str(exc))
                self._running[key] = None
            self._given_back += held
            return False
        for result in held:
            self._submit(key, process, result)
        return True

    def given_back(self, wait: bool = False) -> list:
        """Files taken and then not judged here (their JVM could not start), for the in-process engines; with
        `wait`, after every JVM has started (the run's last files are read)."""
        for key in list(self._held):
            process = self._running.get(key)
            if wait or process is None or process.started:
                self._release(key)
        found, self._given_back = self._given_back, []
        return found

    def _submit(self, key: tuple[Schema | None, Schema | None], process: EngineProcess, result) -> None:
        _, parsed, _, _ = result.deferred
        grammar, rules = key
        jing = next((t.path for s, t in result.grammars if s == grammar), None) if grammar is not None else None
        jing_path = Path(os.path.abspath(jing)) if jing is not None else None
        compiled = self._compiled(rules) if rules is not None else None
        if compiled is None:
            saxon = "-"
        else:
            same = parsed.same_file()
            if same is not None and jing_path is not None and Path(os.path.abspath(same)) == jing_path:
                saxon = "="
            elif same is not None:
                saxon = os.path.abspath(same)
            else:
                saxon = str(serialised(parsed.tree, self.folder, parsed.source.display))
        job = Job(parsed.source.display, parsed.source, jing_path, saxon, _uri(parsed.tree.docinfo.URL),
                  parsed.linemap)
        self._grammar[id(job)] = (grammar, rules, compiled)
        process.submit(job)
        result.deferred = None  # the tree goes now: the JVM reads the file itself
        self.judged += 1

    def drain(self) -> list[Problem]:
        """The findings of the files finished so far."""
        return [p for process in self._running.values() if process is not None
                for outcome in process.outcomes() for p in self._problems(outcome)]

    def finish(self, timeout: float) -> list[Problem]:
        """The findings of every file sent (given_back(wait=True) first: no file is held any more)."""
        found: list[Problem] = []
        for process in self._running.values():
            if process is not None:
                found += [p for outcome in process.finish(timeout) for p in self._problems(outcome)]
        return found

    def kill(self) -> None:
        for process in self._running.values():
            if process is not None:
                process.kill()

    def _problems(self, outcome: Outcome) -> list[Problem]:
        job = outcome.job
        grammar, rules, compiled = self._grammar.pop(id(job))
        display = job.display
        found: list[Problem] = []
        if outcome.report is not None and compiled is not None:
            parsed = self.checker.layer1(job.source)  # the same tree layer 1 built: it locates the failures
            if parsed.ok:
                located = failures(compiled, outcome.report, top_level(parsed.tree.getroot()))
                found += self.checker.placed(parsed, schematron_problems(parsed, located, schematron_layer(rules)))
            else:  # changed on disk since layer 1 read it: say so, as layer 1 would
                found += parsed.problems
        if grammar is not None:
            rule, layer = grammar_names(grammar)
            for line, column, severity, message in outcome.jing:
                if severity == "fatal":
                    message = f"not well-formed for jing: {message}"
                problem = Problem(display, line, column, "warning" if severity == "warning" else "error", message,
                                  rule, layer)
                found.append(xinclude.place(problem, job.linemap) if job.linemap is not None else problem)
        if outcome.error is not None:
            found.append(Problem(display, 0, 0, "error", f"could not be checked: {outcome.error}", "check-failed",
                                 "wellformed"))
        return found
