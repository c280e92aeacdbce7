"""The fourth set (tests/names/fourth/, 17 real documents with hand-made gold, gathered after the blind set) keeps
the level the rules reached on it: the names benchmark is run on it as `bench/names_unseen.py --set fourth` runs
it (its documents ingested beside copies of the edition's authority files, every suggestion accepted as it
stands), and its totals must stay at or above the issue's targets, which the rules made from its misses (and the
blind set's) meet (bench/RESULTS.md: untuned it stood at 89.3 % precision, 90.4 % recall, 90.0 % linked, 82.5 %
found). The set is tuned now, not unseen: this guards the rules, it does not estimate unseen documents. No time
is asserted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TARGETS = {"precision": 0.97, "recall": 0.97, "linked": 0.95, "suggestions": 0.90}


def test_the_fourth_set_meets_the_targets_after_accepting_the_suggestions(tmp_path: Path) -> None:
    out = tmp_path / "totals.json"
    done = subprocess.run([sys.executable, str(REPO / "bench" / "names_unseen.py"), "--set", "fourth",
                           "--json", str(out)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    totals = json.loads(out.read_text(encoding="utf-8"))
    assert totals["documents"] == 17 and totals["mentions"] == 240
    after = totals["after"]
    got = {"precision": after["P"], "recall": after["R"], "linked": after["link"],
           "suggestions": totals["suggestions_share"]}
    low = {k: round(v, 3) for k, v in got.items() if v < TARGETS[k]}
    assert not low, f"below the targets {TARGETS}: {low}\n{done.stderr[-3000:]}"
    assert after["R"] > totals["before"]["R"]  # accepting the suggestions adds names
