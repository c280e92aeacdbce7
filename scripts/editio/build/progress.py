"""Progress of a long stage: a bar on a terminal (tqdm: done / total, rate, time left), plain lines otherwise.

Plain lines are what CI logs and pipes want: one line per item actually worked on, as `label n/total name`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TextIO, TypeVar

import click

T = TypeVar("T")


def on_terminal(stream: TextIO) -> bool:
    return stream.isatty() and not os.environ.get("CI")


class Progress:
    """Iterate over the items; call .done(item, name) for each one worked on (skipped ones only advance the bar)."""

    def __init__(self, items: Sequence[T], label: str, stream: TextIO | None = None) -> None:
        self.items, self.label = items, label
        self.stream = stream or sys.stderr
        self.bar = None
        if on_terminal(self.stream):  # tqdm only for a bar (its import is a tenth of a small build's start-up)
            from tqdm import tqdm

            self.bar = tqdm(total=len(items), desc=label, unit="doc", file=self.stream, dynamic_ncols=True)
        self._n = 0

    def __iter__(self) -> Iterator[T]:
        try:
            for n, item in enumerate(self.items, 1):
                self._n = n
                yield item
                if self.bar is not None:
                    self.bar.update(1)
        finally:
            if self.bar is not None:
                self.bar.close()

    def done(self, name: str, echo: Callable[[str], None] = click.echo) -> None:
        if self.bar is None:
            echo(f"{self.label} {self._n}/{len(self.items)} {name}")
