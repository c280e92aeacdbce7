"""Load the layout vocabulary (data/layouts.toml) once and compile its patterns."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def layout_rules() -> dict[str, Any]:
    with resources.files("editio.ingest").joinpath("data/layouts.toml").open("rb") as fh:
        return tomllib.load(fh)


@cache
def pattern(layout: str, name: str, table: str = "patterns") -> re.Pattern[str]:
    return re.compile(layout_rules()[layout][table][name])


def fullmatch(layout: str, name: str, text: str, table: str = "patterns") -> re.Match[str] | None:
    return pattern(layout, name, table).fullmatch(text.strip())


def any_fullmatch(layout: str, table: str, text: str) -> str | None:
    """The name of the first pattern of `table` matching the whole line, if any."""
    for name in layout_rules()[layout][table]:
        if fullmatch(layout, name, text, table):
            return name
    return None
