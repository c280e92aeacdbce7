"""`editio build`: the whole pipeline on the bundled corpus — ingest, then check; an invalid edition is not
published."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from editio.ingest.command import run_ingest
from editio.paths import project_root


@click.command()
@click.option("--force", is_flag=True, help="Let ingest overwrite TEI files edited by hand.")
@click.option("--jobs", type=int, default=None, help="Parallel checks (default: one per core).")
def build(force: bool, jobs: int | None) -> None:
    """Ingest sources/ into tei/, check the edition, and build the outputs."""
    root = project_root()
    sources = sorted((root / "sources").glob("*.txt"))
    click.echo("== ingest")
    if run_ingest(sources, root / "tei", force, report_orphans=True):
        click.echo("build stopped: ingest reported errors", err=True)
        sys.exit(1)
    click.echo("== check")
    from editio.check.api import CheckSetupError, check_paths
    from editio.check.report import format_text

    try:
        # As the user would type it, so each problem reads "tei/<file>.xml:line:col: …".
        report = check_paths([Path(os.path.relpath(root / "tei"))], profile="editio", jobs=jobs)
    except CheckSetupError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(format_text(report))
    reports = _write_reports(root / "output" / "reports", report)
    click.echo(f"check reports: {', '.join(os.path.relpath(p) for p in reports)}")
    if not report.ok:
        click.echo("build stopped: the edition is not valid, nothing is published", err=True)
        sys.exit(1)
    click.echo("edition built: tei/ is valid")


def _write_reports(folder: Path, report) -> list[Path]:
    """The check's findings for people (text), programs (JSON) and CI systems (JUnit XML)."""
    from editio.check.report import format_json, format_junit, format_text
    from editio.ingest.writer import atomic_write

    written = []
    for name, text in (("tei-check.txt", format_text(report)), ("tei-check.json", format_json(report)),
                       ("tei-check.junit.xml", format_junit(report))):
        atomic_write(folder / name, (text.rstrip("\n") + "\n").encode("utf-8"))
        written.append(folder / name)
    return written
