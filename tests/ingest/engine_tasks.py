"""A conversion task for the engine tests: module-level, so a pool or a Dask worker imports it. It converts as
ingest's own task does, except the sources named to fail: one raises, one kills its worker outright (as kill -9
or the OOM killer would)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from editio.ingest import tasks
from editio.ingest.tasks import convert  # bound here: a test puts convert_or_fail in its place

RAISES = "raises.txt"
DIES = "dies.txt"


def convert_or_fail(job: tasks.Job) -> tasks.Made:
    name = Path(job.path).name
    if name.endswith(RAISES):
        raise RuntimeError("a fault in the conversion")
    if name.endswith(DIES):
        os.kill(os.getpid(), signal.SIGKILL)
    return convert(job)
