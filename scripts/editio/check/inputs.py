"""What to check: files, folders (recursively, *.xml) and "-" for standard input, each once, in order."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from editio.check.problems import Problem
from editio.check.wellformed import Source

STDIN = "-"
STDIN_DISPLAY = "<stdin>"


def _xml_files(folder: Path) -> list[Path]:
    """*.xml below folder, sorted, skipping hidden folders (.git, .venv …)."""
    found = []
    for path in sorted(folder.rglob("*.xml")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts[:-1]) or not path.is_file():
            continue
        found.append(path)
    return found


def collect(paths: Iterable[Path | str], stdin: bytes | None = None) -> tuple[list[Source], list[Problem]]:
    """Sources to check, and an io-error problem for each path that does not exist."""
    sources: list[Source] = []
    problems: list[Problem] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            sources.append(Source(str(path), path))

    for item in paths:
        if str(item) == STDIN:
            if not any(s.path is None for s in sources):
                data = stdin if stdin is not None else sys.stdin.buffer.read()
                sources.append(Source(STDIN_DISPLAY, None, data))
            continue
        path = Path(item)
        if path.is_dir():
            for file in _xml_files(path):
                add(file)
        elif path.is_file():
            add(path)
        else:
            problems.append(Problem(str(path), 0, 0, "error", "no such file or folder", "io-error", "wellformed"))
    return sources, problems
