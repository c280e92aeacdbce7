"""Fixtures of the Schematron engine's tests: small .sch schemas run against fixtures/catalogue.xml."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from editio.check.schematron import Schematron

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def run() -> Callable[..., list[tuple[str, str, str, int, str]]]:
    """run(schema, phase=None, doc="catalogue.xml") → [(kind, role, rule_id, line, message), …]."""

    def _run(schema: str, phase: str | None = None, doc: str = "catalogue.xml") -> list[tuple]:
        failures = Schematron.from_file(FIXTURES / schema, phase=phase).validate(FIXTURES / doc)
        return [(f.kind, f.role, f.rule_id, f.line, f.message) for f in failures]

    return _run
