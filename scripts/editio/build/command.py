"""`editio build [TARGET…]`: without targets, the whole pipeline — ingest sources/ into tei/, then every target
(check, then the editions); with targets, only those and what they need, from tei/ as it stands."""

from __future__ import annotations

import sys
import time

import click

from editio.build import lock as build_lock
from editio.build.targets import BuildError, available, plan
from editio.edition import EditionError
from editio.paths import current_edition


@click.command()
@click.argument("targets", nargs=-1)
@click.option("--force", is_flag=True, help="Let ingest overwrite TEI files edited by hand.")
@click.option("--list", "list_targets", is_flag=True, help="List the build targets and exit.")
def build(targets: tuple[str, ...], force: bool, list_targets: bool) -> None:
    """Ingest sources/ into tei/, check the edition, and build its editions into output/."""
    known = available()
    if list_targets:
        for t in plan([], known):
            needs = f" (needs {', '.join(t.needs)})" if t.needs else ""
            click.echo(f"{t.name:<8} output/{t.folder or t.name}/  {t.description}{needs}")
        return
    try:
        edition = current_edition()
        order = plan(targets, known)
    except (EditionError, BuildError) as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        lock = build_lock.hold(edition)  # noqa: F841 — held for the whole build, released when the process ends
    except BuildError as exc:
        click.echo(f"build stopped: {exc}", err=True)
        sys.exit(1)
    if not targets:
        from editio.ingest.command import run_ingest

        click.echo("== ingest")
        if run_ingest(sorted(edition.sources.glob("*.txt")), edition.tei, force, report_orphans=True):
            click.echo("build stopped: ingest reported errors", err=True)
            sys.exit(1)
    for target in order:
        click.echo(f"== {target.name}")
        started = time.perf_counter()
        try:
            written = target.run(edition, edition.output / (target.folder or target.name))
        except BuildError as exc:
            click.echo(f"build stopped: {exc} (target {target.name})", err=True)
            sys.exit(1)
        click.echo(f"{target.name}: {len(written)} file(s) in output/{target.folder or target.name}/ "
                   f"({time.perf_counter() - started:.1f} s)")
    click.echo(f"edition built: {', '.join(t.name for t in order)}")
