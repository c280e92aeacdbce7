"""CI runs the scale benchmark at N = 100 as a smoke test: bench/run.py builds its synthetic edition cold, after one
edit and with nothing changed, and writes its table and its plot. No time is asserted (figures are measured by hand
and kept in bench/RESULTS.md); what is asserted is that the benchmark runs and every build in it succeeds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# three whole builds of 200 documents: 4–8 minutes on a free 2-core machine, 16 on one loaded by other work; the
# suite-wide 900 s timeout is for hangs, not for this benchmark
pytestmark = pytest.mark.timeout(3600)

REPO = Path(__file__).resolve().parents[2]
BUILDS = ["cold", "after 1 source + 1 TEI edit", "nothing changed"]
STAGES = {"ingest", "check", "export", "pdf", "html"}
PNG = b"\x89PNG\r\n\x1a\n"


def test_the_benchmark_at_n_100_builds_every_time_and_writes_its_table_and_plot(tmp_path):
    out = tmp_path / "results"
    done = subprocess.run([sys.executable, str(REPO / "bench" / "run.py"), "--sizes", "100", "--work",
                           str(tmp_path / "work"), "--out", str(out)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]

    table = (out / "results.md").read_text(encoding="utf-8")
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in table.splitlines()
            if line.startswith("| 100 |")]
    assert [r[2] for r in rows] == BUILDS
    assert {r[1] for r in rows} == {"200"}  # 100 sources, 200 TEI documents (the article source holds six)
    assert {r[-1] for r in rows} == {"0"}  # every build exits 0
    assert "jing" in table and "tei-check --profile tei_all" in table

    measured = json.loads((out / "results.json").read_text(encoding="utf-8"))["rows"]
    assert [set(r["stages"]) for r in measured] == [STAGES] * 3

    plot = (out / "scale.png").read_bytes()
    assert plot.startswith(PNG)
    import matplotlib.image

    height, width = matplotlib.image.imread(str(out / "scale.png")).shape[:2]
    assert width > 1000 and height > 300  # three panels side by side
