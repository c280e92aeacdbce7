"""Target `check`: the gate every edition passes — tei-check (profile editio) on tei/, its findings kept in
output/reports/ as text, JSON and JUnit; an invalid edition stops the build, so nothing invalid is published."""

from __future__ import annotations

import os
from pathlib import Path

import click

from editio.build.targets import BuildError, Target
from editio.edition import Edition


def run(edition: Edition, out: Path) -> list[Path]:
    from editio.check.api import CheckSetupError, check_paths
    from editio.check.report import format_json, format_junit, format_text
    from editio.tei.files import atomic_write

    try:
        # As the user would type it, so each problem reads "tei/<file>.xml:line:col: …".
        # Incremental: an unchanged file judged by unchanged schemas keeps its stored findings (issue 14).
        report = check_paths([Path(os.path.relpath(edition.tei))], profile="editio",
                             verdicts=edition.output / ".work" / "check" / "verdicts.json")
    except CheckSetupError as exc:
        raise BuildError(str(exc)) from exc
    click.echo(format_text(report))
    written = []
    for name, text in (("tei-check.txt", format_text(report)), ("tei-check.json", format_json(report)),
                       ("tei-check.junit.xml", format_junit(report))):
        atomic_write(out / name, (text.rstrip("\n") + "\n").encode("utf-8"))
        written.append(out / name)
    click.echo(f"check reports: {', '.join(os.path.relpath(p) for p in written)}")
    if not report.ok:
        raise BuildError("the edition is not valid, nothing is published")
    return written


TARGET = Target(name="check", description="validate tei/ (tei_all + the edition's rules); reports in output/reports",
                run=run, folder="reports")
