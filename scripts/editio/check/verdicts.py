"""Incremental checking: a file's findings kept under the hash of what judged them, so an unchanged file is not
validated again (`editio build` with nothing changed, issue 14).

A file's key is the hash of the text the layers judge (the file as read, or with its XIncludes expanded, so a
changed included file changes it), of every schema that judged it (the bytes of its file and of every local file
it includes, imports or extends: a changed schema, or a changed part of one, re-checks every file it judges),
and of tei-check's own code (a changed rule re-checks everything). Stored
are the findings of the layers that cost: jing's, the Schematron and XSD layers', the edition's per-file
rules. Layer 1 and the plan run on every file every time (they make the key), and rules across files
(`Edition`) are never cached: they depend on the other files. The store is written once, atomically, at
the end of a run; a run that stops half-way leaves the previous one.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from editio.check import relaxng
from editio.check.problems import Problem
from editio.check.schema_refs import local_closure
from editio.check.wellformed import Parsed
from editio.tei.files import atomic_write

VERSION = "2"  # bump when what goes into a key, or the stored form, changes


@functools.cache
def _code() -> str:
    """tei-check's own code: its modules and data files, so that a changed rule never reuses a stale verdict."""
    h = hashlib.sha256(VERSION.encode())
    root = Path(__file__).resolve().parent
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".tsv", ".xml", ".xsl")):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


@functools.lru_cache(maxsize=64)
def _file_hash(path: str, size: int, mtime: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def file_hash(path: Path) -> str:
    """A file's content hash, read once per process while its size and time stay the same."""
    st = path.stat()
    return _file_hash(str(path.resolve()), st.st_size, st.st_mtime_ns)


def schema_hash(path: Path) -> str:
    """A schema's hash with every local file it reads (RELAX NG includes, XSD imports, Schematron includes …),
    so that editing a shared part re-checks what the schema judges; a missing part counts as absent."""
    parts = local_closure(path)
    if len(parts) == 1:
        return file_hash(path)
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part).encode() + b"\0" + (file_hash(part).encode() if part.is_file() else b"absent") + b"\0")
    return h.hexdigest()


def key(text: bytes, judges: Iterable[tuple[str, Path]], context: str = "") -> str:
    """The key of a text judged by `judges` ((description, file) of each schema or rule set) in `context`."""
    h = hashlib.sha256(_code().encode() + context.encode())
    h.update(hashlib.sha256(text).digest())
    for described, path in judges:
        h.update(b"\0" + described.encode() + b"\0" + (schema_hash(path).encode() if path.is_file() else b"absent"))
    return h.hexdigest()


EDITIO_RULES = "the edition's per-file rules"


def text_of(parsed: Parsed) -> bytes:
    """What the layers judge: the file as read, or with its XIncludes expanded."""
    return "\n".join(parsed.text_lines or []).encode("utf-8")


def judges(plan_schemas) -> list[tuple[str, Path]]:
    """What judged a file, for its key: each schema's kind, phase and role, and its file."""
    return [(f"{s.kind}|{s.phase}|{s.embedded}|{s.tei_all}|{s.describe()}", s.path) for s in plan_schemas]


def run_context() -> str:
    """What else decides a verdict: with Java, jing judges RELAX NG; without, libxml2 (fewer errors)."""
    return "jing" if relaxng.java_executable() and relaxng.jing_jar() else "libxml2"


class Verdicts:
    """display name → (key, findings) from the last run, and what this run found."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._old: dict[str, tuple[str, list[list]]] = {}
        self._new: dict[str, tuple[str, list[list]]] = {}
        if path is not None and path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("version") == VERSION:
                    self._old = {k: (v[0], v[1]) for k, v in data["files"].items()}
            except (OSError, ValueError, KeyError, TypeError, IndexError):
                self._old = {}  # unreadable: everything is checked again, and the store rewritten

    @property
    def enabled(self) -> bool:
        return self.path is not None

    def known(self, display: str) -> str | None:
        """The key this file had when it was last judged."""
        found = self._old.get(display)
        return found[0] if found else None

    def reuse(self, display: str, file_key: str) -> list[Problem] | None:
        """The stored findings when the file's key is the stored one (and keeps them for the next run)."""
        found = self._old.get(display)
        if not self.enabled or found is None or found[0] != file_key:
            return None
        self._new[display] = found
        return [Problem(*row) for row in found[1]]

    def record(self, display: str, file_key: str, problems: Iterable[Problem]) -> None:
        """Keep a file's findings; not when a schema could not judge it (that is a state of the run, not a
        verdict: it is tried again next time)."""
        problems = list(problems)
        if self.enabled and not any(p.rule_id == "schema-unusable" for p in problems):
            rows = [[p.path, p.line, p.column, p.severity, p.message, p.rule_id, p.layer] for p in problems]
            self._new[display] = (file_key, rows)

    def save(self) -> None:
        """Only this run's files are kept: a file gone from the run is forgotten."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": VERSION, "files": {k: [v[0], v[1]] for k, v in sorted(self._new.items())}}
        atomic_write(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
