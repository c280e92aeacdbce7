"""One warm JVM (CheckEngine.java) judging files by one grammar (jing) and one Schematron stylesheet (Saxon-HE),
a thread per core, fed file by file on its standard input while layer 1 goes on here.

Only files layer 1 found safe are sent. What comes back is per file: jing's findings, and the stylesheet's
report when it holds failures. A report is read here exactly as the SaxonC engine reads its own
(schematron.engine.failures): the file is parsed again by layer 1 — only files with failures, few in a valid
corpus — so the tree that locates each failure is the one SaxonC's run uses, and no tree waits here while the
JVM works: memory does not grow with the files in flight.

A JVM that dies is reported on the files it had begun and not finished ("stopped while judging this file");
the files it had not begun go to a new JVM, as a jing run goes on after a fatal file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import queue
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from editio.check.jvm.classes import MAIN, EngineUnavailable, Java
from editio.check.schematron.compiler import Compiled
from editio.check.wellformed import Source

JVM_OPTIONS = ("-Xss8m", "-XX:+UseSerialGC", "-Duser.language=en", "-Duser.country=US", "-Dfile.encoding=UTF-8",
               "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8")
RESTARTS = 3  # a JVM that keeps dying is not started again: the files left are reported
READY_TIMEOUT = 300.0
_UNESCAPE = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}


def unescape(field_: str) -> str:
    if "\\" not in field_:
        return field_
    out, i = [], 0
    while i < len(field_):
        c = field_[i]
        if c == "\\" and i + 1 < len(field_):
            out.append(_UNESCAPE.get(field_[i + 1], field_[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


@dataclass
class Job:
    """One file for the engine: what jing reads, what Saxon reads ('=': the same parse, '-': nothing)."""

    display: str
    source: Source
    jing: Path | None
    saxon: str
    base: str
    linemap: object | None = None


@dataclass
class Outcome:
    """What the engine said about one file."""

    job: Job
    jing: list[tuple[int, int, str, str]] = field(default_factory=list)  # line, column, severity, message
    report: str | None = None  # the stylesheet's report, when it holds failures
    error: str | None = None  # the file could not be judged


class EngineProcess:
    """A JVM judging by one grammar and one compiled Schematron; submit() files, outcomes() as they finish."""

    def __init__(self, java: Java, grammar: Path | None, compact: bool, xslt: Path | None, threads: int,
                 options: tuple[str, ...] = ()) -> None:
        self._cmd = [java.java, *JVM_OPTIONS, *options, *os.environ.get("EDITIO_CHECK_JVM_OPTIONS", "").split(),
                     "-cp", java.classpath, MAIN, str(grammar) if grammar else "-", "1" if compact else "0",
                     str(xslt) if xslt else "-", str(max(1, threads))]
        self._done: queue.Queue[Outcome] = queue.Queue()
        self._jobs: dict[int, Job] = {}  # submitted to the running JVM, not yet done
        self._begun: set[int] = set()
        self._next = 0
        self.restarts = 0
        self.stopped: list[Outcome] = []  # files a dying JVM was on
        self._start()

    def _start(self) -> None:
        self._proc = subprocess.Popen(self._cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, bufsize=1 << 16)
        self._ready = threading.Event()
        self._setup: str | None = None
        self._ended = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._stderr: list[bytes] = []
        self._err_reader = threading.Thread(target=lambda: self._stderr.extend(self._proc.stderr), daemon=True)
        self._err_reader.start()

    def ready(self) -> None:
        """Wait until the schemas are compiled; EngineUnavailable if the JVM cannot judge by them."""
        if not self._ready.wait(READY_TIMEOUT):
            self.kill()
            raise EngineUnavailable(f"the check engine did not start within {READY_TIMEOUT:.0f} s")
        if self._setup is not None:
            raise EngineUnavailable(self._setup)

    @property
    def started(self) -> bool:
        """Whether the JVM has said READY or why it cannot start (ready() then returns or raises at once)."""
        return self._ready.is_set()

    def _read(self) -> None:
        current: dict[int, Outcome] = {}
        for raw in self._proc.stdout:
            parts = raw.decode("utf-8", errors="replace").rstrip("\n").split("\t")
            kind = parts[0]
            if kind == "READY":
                self._ready.set()
                continue
            if kind == "SETUP":
                self._setup = f"the check engine cannot compile its schemas: {unescape(parts[1])}"
                self._ready.set()
                continue
            if kind == "END":
                self._ended = True
                continue
            key = int(parts[1])
            job = self._jobs.get(key)
            if job is None:
                continue
            if kind == "B":
                self._begun.add(key)
                current[key] = Outcome(job)
            elif kind == "J":
                current[key].jing.append((int(parts[2]), int(parts[3]), parts[4], unescape(parts[5])))
            elif kind == "S":
                current[key].report = unescape(parts[2])
            elif kind == "X":
                current[key].error = unescape(parts[2])
            elif kind == "D":
                outcome = current.pop(key)
                self._begun.discard(key)
                del self._jobs[key]
                self._done.put(outcome)
        if self._setup is None and not self._ready.is_set():
            self._setup = f"the check engine stopped before it was ready: {self._why()}"
        self._ready.set()

    def _why(self) -> str:
        code = self._proc.wait()
        text = b"".join(self._stderr).decode("utf-8", errors="replace").strip().splitlines()
        detail = " | ".join(text[-3:])
        return f"exit status {code}" + (f": {detail}" if detail else "")

    def submit(self, job: Job) -> None:
        key, self._next = self._next, self._next + 1
        self._jobs[key] = job
        line = f"{key}\t{job.jing or '-'}\t{job.saxon}\t{job.base}\n".encode()
        try:
            self._proc.stdin.write(line)
        except (BrokenPipeError, OSError, ValueError):
            self._recover()

    def outcomes(self) -> list[Outcome]:
        """The files finished since the last call (without waiting)."""
        found = []
        while True:
            try:
                found.append(self._done.get_nowait())
            except queue.Empty:
                return found

    def finish(self, timeout: float) -> list[Outcome]:
        """Every file left, once the JVM has judged them all (a JVM that dies is replaced for the rest)."""
        while True:
            with contextlib.suppress(BrokenPipeError, OSError):
                self._proc.stdin.close()
            self._reader.join(timeout)
            if self._reader.is_alive():
                self.kill()
                self._reader.join()
            self._proc.wait()
            self._err_reader.join(5)
            if self._ended and not self._jobs:
                return self.outcomes()
            self._recover()
            if not self._jobs:
                return self.outcomes()

    def _recover(self) -> None:
        """The JVM died: its begun files are reported, the rest go to a new JVM (up to RESTARTS times)."""
        self._reader.join()
        self._err_reader.join(5)
        why = self._why()
        left, begun = sorted(self._jobs.items()), set(self._begun)
        self._jobs.clear()
        self._begun.clear()
        rest = []
        for key, job in left:
            if key in begun or self.restarts >= RESTARTS:
                self._done.put(Outcome(job, error=f"the check engine (Java) stopped while judging this file "
                                                  f"({why})"))
            else:
                rest.append(job)
        if rest:
            self.restarts += 1
            self._start()
            for job in rest:
                self.submit(job)

    def kill(self) -> None:
        if self._proc.poll() is None:
            self._proc.kill()
        self._proc.wait()


def xslt_file(compiled: Compiled, folder: Path) -> Path:
    """The generated stylesheet where the JVM can read it (keyed by its text: written once per run)."""
    path = folder / f"rules-{hashlib.sha1(compiled.xslt.encode('utf-8')).hexdigest()[:16]}.xsl"
    if not path.exists():
        path.write_text(compiled.xslt, encoding="utf-8")
    return path


def serialised(tree: etree._ElementTree, folder: Path, display: str) -> Path:
    """The tree as SaxonC's engine hands it to Saxon when Saxon cannot read the file itself (a DOCTYPE, an
    expanded XInclude, standard input): the same nodes, so fn:path() finds the same lxml node."""
    from editio.check.schematron.locate import top_level

    top = top_level(tree.getroot())
    path = folder / f"{hashlib.sha1(display.encode('utf-8')).hexdigest()}.saxon.xml"
    path.write_text("\n".join(etree.tostring(node, encoding="unicode", with_tail=False) for node in top),
                    encoding="utf-8")
    return path

