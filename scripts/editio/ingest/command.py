"""`editio ingest`: sources/*.txt → tei/*.xml, one TEI document per archival document (the work is api.py's;
this module only reads the options and says what happened)."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from editio.build.executor import open_executor
from editio.build.progress import on_terminal
from editio.ingest.api import SAID, Given, IngestReport, SourceReport
from editio.ingest.api import ingest as ingest_sources
from editio.paths import sources_dir, tei_dir


def run_ingest(sources: list[Path], out: Path, force: bool = False, echo=click.echo,
               report_orphans: bool = False, authorities: Path | None = None, names_model: bool = False,
               plain: Given | None = None, bar: bool = False) -> int:
    """Ingest (api.ingest) and say what happened, source by source as it happens; returns the number of errors.
    With `bar` (a terminal): the progress bar while the sources convert, then each source's problems and the
    files kept as edited (a line per file written or unchanged would only push the bar up the screen)."""
    printer = _Printer(echo, bar)
    report = ingest_sources(sources, out, force=force, report_orphans=report_orphans, authorities=authorities,
                            names_model=names_model, plain=plain, on_progress=printer, progress=bar)
    printer.finish(report)
    return report.errors


class _Printer:
    """Formats a report as it grows: the authority files chosen, then each source in turn, then the totals."""

    def __init__(self, echo, bar: bool = False) -> None:
        self.echo = echo
        self.bar = bar
        self.started = False
        self.shown = 0

    def __call__(self, report: IngestReport) -> None:
        if not self.started:
            self.started = True
            self.echo(report.authorities_said, err=report.authorities is None)
        if self.bar:  # said once the bar is gone (finish)
            return
        self._sources(report)

    def _sources(self, report: IngestReport) -> None:
        for k in range(self.shown, len(report.sources)):
            self.source(f"[{k + 1}/{report.total}] {_shown(report.sources[k].source)}", report.sources[k])
        self.shown = len(report.sources)

    def source(self, prefix: str, s: SourceReport) -> None:
        for line in s.problems(prefix):
            self.echo(line, err=True)
        for w in s.written:
            if not self.bar or w.state == "kept":
                self.echo(f"{prefix} → {_shown(w.target)} ({SAID[w.state]})")

    def finish(self, report: IngestReport) -> None:
        self._sources(report)
        if report.setup_error:
            self.echo(f"error: {report.setup_error}", err=True)
            return
        for line in report.orphan_warnings(_shown):
            self.echo(line, err=True)
        if report.unknown_names:
            self.echo(report.unknown_names)
        self.echo(report.summary())


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


@click.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder for the TEI files (default: tei/).")
@click.option("--force", is_flag=True, help="Overwrite files that were edited by hand since they were generated.")
@click.option("--authorities", "authorities", type=click.Path(path_type=Path, file_okay=False, exists=True),
              default=None, help="Folder whose persons.xml, places.xml and orgs.xml tag the names (default: the "
              "output folder's, else the edition's tei/).")
@click.option("--plain", is_flag=True, help="Take each FILE as one plain document (a page no layout reader "
              "recognises, an OCR text): every line is text; give --title and --date.")
@click.option("--title", default=None, help="With --plain: the document's title ('X to Y, 13 January 1951').")
@click.option("--date", "date_", default=None, help="With --plain: the document's date (1951-01-13).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes converting the sources (default: every core; 1: no pool).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Convert on a Dask cluster (tcp://host:port), or 'local' for one on this machine.")
def ingest(sources: tuple[Path, ...], out: Path | None, force: bool, authorities: Path | None, plain: bool,
           title: str | None, date_: str | None, jobs: int | None, scheduler: str | None) -> None:
    """Convert source transcriptions (default: every sources/*.txt) into TEI documents."""
    if plain and (not sources or not title or not date_):
        raise click.UsageError("--plain needs the FILE(s), --title and --date")
    if (title or date_) and not plain:
        raise click.UsageError("--title and --date go with --plain")
    srcs = list(sources) or sorted(sources_dir().glob("*.txt"))
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(open_executor(jobs, scheduler))
        except OSError as exc:  # a Dask scheduler that cannot be reached
            click.echo(f"ingest stopped: cannot reach the Dask scheduler {scheduler}: {exc}", err=True)
            sys.exit(1)
        errors = run_ingest(srcs, out or tei_dir(), force, report_orphans=not sources, authorities=authorities,
                            names_model=True, plain=Given(title, date_) if plain else None,
                            bar=on_terminal(sys.stderr))
    sys.exit(1 if errors else 0)
