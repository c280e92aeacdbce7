"""`editio build [TARGET…]`: without targets, the whole pipeline — ingest sources/ into tei/, then every target
(check, then the editions); with targets, only those and what they need, from tei/ as it stands."""

from __future__ import annotations

import contextlib
import sys
import time

import click

from editio.build import lock as build_lock
from editio.build.executor import open_executor
from editio.build.targets import BuildError, available, plan
from editio.edition import EditionError
from editio.paths import current_edition


@click.command()
@click.argument("targets", nargs=-1)
@click.option("--force", is_flag=True, help="Let ingest overwrite TEI files edited by hand.")
@click.option("--list", "list_targets", is_flag=True, help="List the build targets and exit.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for per-document work (default: every core; 1: no pool).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Run per-document work on a Dask cluster (tcp://host:port), or 'local' for one on this machine.")
def build(targets: tuple[str, ...], force: bool, list_targets: bool, jobs: int | None,
          scheduler: str | None) -> None:
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
        lock = build_lock.hold(edition)
    except BuildError as exc:
        click.echo(f"build stopped: {exc}", err=True)
        sys.exit(1)
    with contextlib.ExitStack() as stack:
        stack.callback(lock.release)  # also when a stage stops the build: the next build in this process may start
        try:
            executor = stack.enter_context(open_executor(jobs, scheduler))
        except OSError as exc:  # a Dask scheduler that cannot be reached
            click.echo(f"build stopped: cannot reach the Dask scheduler {scheduler}: {exc}", err=True)
            sys.exit(1)
        if executor.jobs > 1:
            click.echo(f"per-document work: {executor.engine}, {executor.jobs} workers")
        _build(edition, order, ingest_first=not targets, force=force)


def _build(edition, order, *, ingest_first: bool, force: bool) -> None:
    """Ingest (for a whole build), then each target in order; a stage that fails stops the build (exit 1)."""
    if ingest_first:
        click.echo("== ingest")
        if _ingest(edition, force):
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


def _ingest(edition, force: bool) -> int:
    """sources/ → tei/ through the ingest library (not its command): its problems, then one line of totals."""
    from editio.ingest.api import SAID, ingest

    report = ingest(sorted(edition.sources.glob("*.txt")), edition.tei, force=force, report_orphans=True,
                    progress=True)
    if report.setup_error:
        click.echo(f"error: {report.setup_error}", err=True)
        return report.errors
    if report.authorities is None:
        click.echo(report.authorities_said, err=True)
    for k, source in enumerate(report.sources, 1):
        for line in source.problems(f"[{k}/{report.total}] {source.source.name}"):
            click.echo(line, err=True)
        for w in source.written:  # a file not replaced is worth a line; one unchanged is not
            if w.state != "unchanged":
                click.echo(f"{edition.tei.name}/{w.target.name} ({SAID[w.state]})")
    for line in report.orphan_warnings():
        click.echo(line, err=True)
    click.echo(f"ingest: {report.summary()}")
    return report.errors
