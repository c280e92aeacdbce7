"""Build targets plug in like Sphinx builders: each has a name, the targets it needs, and a run that writes its
folder under output/. Built-in and added targets alike are entry points of the group `editio.targets`
(pyproject.toml), so `editio build [TARGET…]` finds a new output without a change here."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path

from editio.edition import Edition

GROUP = "editio.targets"


class BuildError(RuntimeError):
    """A target cannot be built; the message says what is wrong and where. The build stops."""


@dataclass(frozen=True)
class Target:
    name: str
    description: str
    run: Callable[[Edition, Path], list[Path]]  # (edition, its output folder) → the files written
    needs: tuple[str, ...] = field(default=())
    folder: str = ""  # under output/; default the target's name


def available() -> dict[str, Target]:
    """Every registered target by name."""
    found = {}
    for ep in entry_points(group=GROUP):
        target = ep.load()
        if not isinstance(target, Target):
            raise BuildError(f"entry point {ep.name} ({ep.value}) is not an editio Target")
        found[target.name] = target
    return found


def plan(names: Iterable[str], targets: dict[str, Target]) -> list[Target]:
    """The named targets with what they need, each once, needs first (all targets when names is empty)."""
    wanted = list(names) or sorted(targets)
    order: list[Target] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name not in targets:
            raise BuildError(f"unknown build target {name!r}: known are {', '.join(sorted(targets))}")
        if any(t.name == name for t in order):
            return
        if name in visiting:
            raise BuildError(f"build targets need each other in a circle: {name}")
        visiting.add(name)
        for need in targets[name].needs:
            visit(need)
        order.append(targets[name])

    for name in wanted:
        visit(name)
    return order
