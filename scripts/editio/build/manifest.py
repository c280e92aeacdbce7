"""Incremental builds: what each output was made from, as content hashes, so that an unchanged output is not made
again.

An output's key is the hash of everything it is made from (its inputs' bytes, the stylesheets it imports, the
parameters); the manifest records, for each output, that key and the hash of the file written. An output is
fresh when its key is the recorded one and the file on disk still has the recorded hash — so a file half
written by a killed build, or edited by hand, is made again. The manifest itself is written last, atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from lxml import etree

from editio.tei.files import atomic_write

XSL_NS = "http://www.w3.org/1999/XSL/Transform"
VERSION = "1"  # bump when what goes into a key changes


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def key(*parts: bytes | str | Path | Iterable[Path] | None) -> str:
    """One hash of all the parts: bytes and strings as they are, a path by its content (absent: nothing)."""
    h = hashlib.sha256(VERSION.encode())
    for part in parts:
        paths = [part] if isinstance(part, Path) else part if isinstance(part, list | tuple) else None
        if paths is not None:
            for p in paths:
                h.update(str(p.name).encode() + b"\0")
                h.update(p.read_bytes() if p.is_file() else b"\1absent")
        elif isinstance(part, bytes):
            h.update(part)
        else:
            h.update(str(part).encode())
        h.update(b"\0\0")
    return h.hexdigest()


def stat_listing(root: Path, names: Iterable[str]) -> bytes:
    """The files under root as they are on disk now, one line each: name, size, modification time. What a group
    of many small outputs (a document's DTS tree) is recorded by, so that it is checked without reading every
    file: a file deleted, replaced or edited since has another line (files are renamed into place whole)."""
    lines, folder = [], str(root)
    for name in names:
        try:
            st = os.stat(os.path.join(folder, name))
            lines.append(f"{name}\t{st.st_size}\t{st.st_mtime_ns}\n")
        except OSError:
            lines.append(f"{name}\tabsent\n")
    return "".join(lines).encode()


@cache
def stylesheet_files(stylesheet: Path) -> tuple[Path, ...]:
    """The stylesheet and every module it imports or includes, transitively: what a change to must rebuild."""
    seen: list[Path] = []
    todo = [stylesheet.resolve()]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.append(path)
        for el in etree.parse(str(path)).getroot().iter(f"{{{XSL_NS}}}import", f"{{{XSL_NS}}}include"):
            todo.append((path.parent / el.get("href")).resolve())
    return tuple(sorted(seen))


class Manifest:
    """output (relative to the manifest's folder root) → {key, sha} of the last build that finished."""

    def __init__(self, path: Path, root: Path) -> None:
        self.path, self.root = path, root.resolve()
        try:
            self.old: dict[str, dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.old = {}
        self.new: dict[str, dict[str, str]] = {}

    def _name(self, output: Path) -> str:
        # resolve() only when needed: it costs a system call per path part, per output (8 s at 2,000 documents)
        try:
            return output.relative_to(self.root).as_posix()
        except ValueError:
            return output.resolve().relative_to(self.root).as_posix()

    def fresh(self, output: Path, output_key: str) -> bool:
        """The output exists as the last build made it from the same inputs; it is then kept in the manifest."""
        entry = self.old.get(self._name(output))
        if not entry or entry["key"] != output_key or not output.is_file():
            return False
        if _sha(output.read_bytes()) != entry["sha"]:
            return False
        self.new[self._name(output)] = entry
        return True

    def kept(self, output: Path) -> bool:
        """The output is as the last build made it, whatever its key was (a step that re-keys it decides later
        whether it must be made again); it is then kept in the manifest."""
        entry = self.old.get(self._name(output))
        return entry is not None and self.fresh(output, entry["key"])

    def record(self, output: Path, output_key: str) -> None:
        self.new[self._name(output)] = {"key": output_key, "sha": _sha(output.read_bytes())}

    def made_with(self, output_key: str) -> list[Path]:
        """The outputs the last build made from output_key (a group made by one step: the site pages, the
        search index), to check with fresh() whether the step must run again."""
        return [self.root / name for name, entry in self.old.items() if entry["key"] == output_key]

    def sha(self, output: Path) -> str:
        """The hash of an output this build has kept or made (what a step made from it is keyed by)."""
        return self.new[self._name(output)]["sha"]

    def save(self) -> None:
        atomic_write(self.path, json.dumps(self.new, indent=0, sort_keys=True).encode())
