"""bench/run.py reads back the rows it printed (`--plot-from`): a run stopped before its end still gives its plot."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

import run  # noqa: E402  (bench/ is not a package)

ROWS = [
    {"sources": 100, "documents": 200, "build": "cold", "wall": 790.2, "cpu": 112.4, "peak_mib": 2120.0,
     "stages": {"ingest": 129.8, "check": 44.3, "pdf": 314.4}, "exit": 0},
    {"sources": 1000, "documents": 2000, "build": "after 1 source + 1 TEI edit", "wall": 61.5, "cpu": 20.0,
     "peak_mib": 791.0, "stages": {"ingest": 7.6}, "exit": 1},
]


def test_the_printed_rows_are_read_back_as_measured():
    printed = "\n".join(["some line", run.HEADER, *(run.row(r) for r in ROWS), "N = 100: jing …"])
    assert run.rows_from(printed) == ROWS


def test_plot_from_a_log_writes_the_png(tmp_path):
    log = tmp_path / "log.txt"
    log.write_text("\n".join([run.HEADER, *(run.row(r) for r in ROWS)]) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(REPO / "bench" / "run.py"), "--plot-from", str(log), "--out",
                           str(tmp_path / "out")], capture_output=True, text=True, check=True)
    assert "2 rows plotted" in done.stdout
    assert (tmp_path / "out" / "scale.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
