"""The held-out set (tests/names/heldout/, 12 real documents with hand-made gold) keeps the issue's targets: the
names benchmark is run on it as `bench/names_unseen.py --set heldout` runs it (its documents ingested beside
copies of the edition's authority files, every suggestion accepted as it stands), and its totals must stay at
or above the targets, which the rules meet today (bench/RESULTS.md). A change that loses names, tags wrong
ones, links them wrong or stops proposing them fails here. No time is asserted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# the targets (after accepting the suggestions; the suggestions alone before any editor's action)
TARGETS = {"precision": 0.97, "recall": 0.97, "linked": 0.95, "suggestions": 0.90}


def test_the_held_out_set_meets_the_targets_after_accepting_the_suggestions(tmp_path: Path) -> None:
    out = tmp_path / "totals.json"
    done = subprocess.run([sys.executable, str(REPO / "bench" / "names_unseen.py"), "--set", "heldout",
                           "--json", str(out)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    totals = json.loads(out.read_text(encoding="utf-8"))
    assert totals["documents"] == 12 and totals["mentions"] == 192
    after = totals["after"]
    got = {"precision": after["P"], "recall": after["R"], "linked": after["link"],
           "suggestions": totals["suggestions_share"]}
    low = {k: round(v, 3) for k, v in got.items() if v < TARGETS[k]}
    assert not low, f"below the targets {TARGETS}: {low}\n{done.stderr[-3000:]}"
    assert after["R"] > totals["before"]["R"]  # accepting the suggestions adds names
