"""Shared test fixtures: the official tei_all schema is the copy the project ships (EDITIO_TEI_ALL overrides)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def tei_all() -> Path:
    """Path to tei_all.rng (TEI P5 4.9.0): as the tool finds it (schema/tei_all.rng unless EDITIO_TEI_ALL)."""
    from editio.check.tei_schema import SchemaUnavailable, locate

    try:
        return locate(None)
    except SchemaUnavailable as exc:
        pytest.fail(str(exc))
