"""Two builds of one edition never run at once; a build killed outright leaves nothing that stops the next."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EDITIO = str(Path(sys.executable).with_name("editio"))
HOLD = """
import sys, time
from editio.build import lock
from editio.edition import load
from pathlib import Path
held = lock.hold(load(Path(sys.argv[1])))
print("held", flush=True)
time.sleep(120)
"""


@pytest.fixture
def edition(tmp_path, tei_all, monkeypatch) -> Path:
    shutil.copyfile(REPO / "edition.toml", tmp_path / "edition.toml")
    (tmp_path / "tei").mkdir()
    for name in ("persons.xml", "places.xml", "orgs.xml", "1950-08-28-stalin-to-kim-il-sung.xml"):
        shutil.copyfile(REPO / "tei" / name, tmp_path / "tei" / name)
    monkeypatch.setenv("EDITIO_TEI_ALL", str(tei_all))
    return tmp_path


def holder(edition: Path) -> subprocess.Popen:
    """Another build's process: it holds the edition's lock until it is killed."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(edition)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def build(edition: Path) -> subprocess.CompletedProcess:
    return subprocess.run([EDITIO, "--edition", str(edition), "build", "check"], capture_output=True, text=True,
                          timeout=300)


def test_a_second_build_while_one_runs_stops_at_once_and_says_why(edition):
    other = holder(edition)
    try:
        second = build(edition)
    finally:
        other.kill()
        other.wait()
    assert second.returncode == 1
    assert "another build of this edition is running" in second.stderr
    assert not (edition / "output" / "reports").exists()  # it wrote nothing


def test_a_build_killed_with_sigkill_leaves_no_lock_behind(edition):
    other = holder(edition)
    os.kill(other.pid, signal.SIGKILL)
    other.wait()
    after = build(edition)
    assert after.returncode == 0, after.stdout + after.stderr
    assert (edition / "output" / "reports" / "tei-check.json").is_file()
