"""Fixtures for tei-check's tests: the mini-edition, a scratch copy of it, and a runner bound to tei_all."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from editio.check.api import check_paths
from editio.check.problems import CheckReport

HERE = Path(__file__).resolve().parent
EDITION = HERE / "fixtures" / "edition"
AUTHORITY = ("persons.xml", "places.xml", "orgs.xml")


@pytest.fixture(scope="session")
def edition_fixture() -> Path:
    return EDITION


@pytest.fixture
def scratch_edition(tmp_path: Path) -> Path:
    """A copy of the fixture's authority files in an empty folder: add the documents a test needs."""
    folder = tmp_path / "tei"
    folder.mkdir()
    for name in AUTHORITY:
        shutil.copy(EDITION / name, folder / name)
    return folder


@pytest.fixture
def check(tei_all: Path) -> Callable[..., CheckReport]:
    def run(paths, **kwargs) -> CheckReport:
        kwargs.setdefault("tei_schema", tei_all)
        return check_paths([str(p) for p in paths], **kwargs)

    return run
