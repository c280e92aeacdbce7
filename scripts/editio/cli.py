"""The `editio` command: one subcommand per pipeline stage (init, ingest → names → check → build)."""

from __future__ import annotations

from pathlib import Path

import click

from editio import __version__
from editio.paths import choose_edition


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="editio")
@click.option("--edition", "edition", type=click.Path(path_type=Path, file_okay=False, exists=True), default=None,
              help="The edition folder to work on (default: the one around the working folder).")
def main(edition: Path | None) -> None:
    """Turn archival transcriptions into a validated TEI edition and its web, print and export editions."""
    choose_edition(edition)


def _register() -> None:
    # Each stage owns its command in its own package; the group only lists them.
    from editio.build.command import build
    from editio.build.export import export
    from editio.build.init import init
    from editio.build.serve import serve
    from editio.check.cli import main as check
    from editio.ingest.command import ingest
    from editio.names.command import names

    main.add_command(init)
    main.add_command(ingest)
    main.add_command(names)
    main.add_command(check, name="check")
    main.add_command(build)
    main.add_command(export)
    main.add_command(serve)


_register()
