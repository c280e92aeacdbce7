"""jing's own report on a file, as (line, column, message) triples: what tei-check must reproduce."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from editio.check.relaxng import java_executable, jing_jar

JING_LINE = re.compile(r"^(?P<path>.*?):(?P<line>\d+):(?P<col>\d+): (?:error|fatal): (?P<msg>.*)$")


def jing_lines(tei_all: Path, file: Path) -> list[tuple[int, int, str]]:
    java, jar = java_executable(), jing_jar()
    if not (java and jar):
        pytest.fail("no Java runtime to run jing for the comparison: apt-get install default-jre-headless")
    out = subprocess.run([java, "-jar", str(jar), str(tei_all), str(file)], capture_output=True, text=True,
                         check=False).stdout
    found = []
    for line in out.splitlines():
        m = JING_LINE.match(line)
        assert m, line
        found.append((int(m["line"]), int(m["col"]), m["msg"]))
    return found
