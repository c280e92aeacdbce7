"""The `editio` command: one subcommand per pipeline stage (ingest → names → check → build)."""

from __future__ import annotations

import click

from editio import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="editio")
def main() -> None:
    """Turn archival transcriptions into a validated TEI edition and its web, print and export editions."""


def _register() -> None:
    # Each stage owns its command in its own package; the group only lists them.
    from editio.build.command import build
    from editio.check.cli import main as check
    from editio.ingest.command import ingest
    from editio.names.command import names

    main.add_command(ingest)
    main.add_command(names)
    main.add_command(check, name="check")
    main.add_command(build)


_register()
