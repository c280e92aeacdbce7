"""The tuned sets keep the issue's targets: the held-out set (tests/names/heldout/, 12 real documents), the
fourth set (tests/names/fourth/, 17 real documents gathered after the blind set) and the fifth set
(tests/names/fifth/, 16 real documents gathered after the fourth was tuned), each with hand-made gold. The
names benchmark is run on each as `bench/names_unseen.py --set NAME` runs it (its documents ingested beside
copies of the edition's authority files, every suggestion accepted as it stands), and its totals must stay at
or above the targets, which the rules made from their misses meet (bench/RESULTS.md; untuned the fourth set
stood at 89.3 % precision, 90.4 % recall, 90.0 % linked, 82.5 % found; the fifth at 93.5 %, 95.2 %, 93.8 %,
91.0 %). All three sets are tuned, not unseen: this
guards the rules, it does not estimate unseen documents. A change that loses names, tags wrong ones, links them
wrong or stops proposing them fails here. No time is asserted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# the targets (after accepting the suggestions; the suggestions alone before any editor's action)
TARGETS = {"precision": 0.97, "recall": 0.97, "linked": 0.95, "suggestions": 0.90}


@pytest.mark.parametrize(("name", "documents", "mentions"), [("heldout", 12, 192), ("fourth", 17, 240),
                                                               ("fifth", 16, 273)])
def test_a_tuned_set_meets_the_targets_after_accepting_the_suggestions(tmp_path: Path, name: str, documents: int,
                                                                        mentions: int) -> None:
    out = tmp_path / "totals.json"
    done = subprocess.run([sys.executable, str(REPO / "bench" / "names_unseen.py"), "--set", name,
                           "--json", str(out)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    totals = json.loads(out.read_text(encoding="utf-8"))
    assert totals["documents"] == documents and totals["mentions"] == mentions
    after = totals["after"]
    got = {"precision": after["P"], "recall": after["R"], "linked": after["link"],
           "suggestions": totals["suggestions_share"]}
    low = {k: round(v, 3) for k, v in got.items() if v < TARGETS[k]}
    assert not low, f"below the targets {TARGETS}: {low}\n{done.stderr[-3000:]}"
    assert after["R"] > totals["before"]["R"]  # accepting the suggestions adds names
