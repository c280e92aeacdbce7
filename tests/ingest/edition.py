"""A fresh edition for the tests: sources ingested into a temporary folder beside copies of the project's authority
files, as `editio build` does it."""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import etree

from editio.check.api import check_paths
from editio.ingest.command import run_ingest

REPO = Path(__file__).resolve().parents[2]
AUTHORITY = ("persons.xml", "places.xml", "orgs.xml")


def build_edition(out: Path, sources: list[Path]) -> Path:
    for name in AUTHORITY:
        shutil.copy(REPO / "tei" / name, out / name)
    assert run_ingest(sources, out, echo=lambda *args, **kwargs: None) == 0
    return out


def read_documents(folder: Path) -> dict[str, etree._ElementTree]:
    """Each document of the folder (not the authority files) by its file stem."""
    return {p.stem: etree.parse(str(p)) for p in sorted(folder.glob("*.xml")) if p.name not in AUTHORITY}


def editio_errors(folder: Path, tei_all: Path) -> list[tuple[str, int, str]]:
    """The edition's own rules on a built edition: (file, line, rule) of every error."""
    report = check_paths([folder], "editio", tei_schema=tei_all)
    return [(Path(p.path).name, p.line, p.rule_id) for p in report.problems if p.severity == "error"]


def documents_of(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.xml") if p.name not in AUTHORITY)
