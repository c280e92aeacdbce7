"""Tasks for the executor tests: module-level, so a pool or a Dask worker can import them."""

from __future__ import annotations

import os
import signal
from pathlib import Path


def square(n: int) -> int:
    return n * n


def square_unless_seven(n: int) -> int:
    if n == 7:
        raise ValueError("seven is refused")
    return n * n


def die_on_three(n: int) -> int:
    """The worker process is killed outright (as by kill -9 or the OOM killer) while working on 3."""
    if n == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * n


def tei_title(path: str) -> str:
    """A real per-document task: the document's title, read with lxml in the worker."""
    from lxml import etree

    tree = etree.parse(path)
    return " ".join(tree.xpath("string(//*[local-name()='titleStmt']/*[local-name()='title'][1])").split())


def worker_pid(_: object) -> int:
    return os.getpid()


def write_file(job: tuple[str, str]) -> str:
    path, text = job
    Path(path).write_text(text, encoding="utf-8")
    return path
