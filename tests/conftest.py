"""Shared test fixtures: the official tei_all schema comes from EDITIO_TEI_ALL, never from a fixed path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def tei_all() -> Path:
    """Path to tei_all.rng (TEI P5 4.9.0). The README's test command sets EDITIO_TEI_ALL."""
    value = os.environ.get("EDITIO_TEI_ALL")
    if not value:
        pytest.fail("EDITIO_TEI_ALL is not set: point it at tei_all.rng (TEI P5 4.9.0), "
                    "as the README's test command does")
    path = Path(value)
    if not path.is_file():
        pytest.fail(f"EDITIO_TEI_ALL={value} is not a file")
    return path
