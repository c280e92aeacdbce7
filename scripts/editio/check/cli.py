"""The `tei-check` command: exit status 0 valid, 1 invalid, 2 usage or I/O error."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import click

from editio.check.api import PROFILES, CheckSetupError, check_paths
from editio.check.catalog import Catalog, CatalogError
from editio.check.catalog import load as load_catalog
from editio.check.editio_profile import schema_dir
from editio.check.report import FORMATS, format_text, summary
from editio.check.rules import all_rules, markdown_table
from editio.check.tei_schema import ENV_VAR
from editio.check.wellformed import DEFAULT_MAX_BYTES
from editio.paths import project_root, tei_dir


def project_catalog(given: Path | None) -> Catalog | None:
    """--catalog, else `[check] catalog = "…"` in the project's edition.toml (relative to it), else none."""
    if given is not None:
        return load_catalog(given)
    config = project_root() / "edition.toml"
    if not config.is_file():
        return None
    try:
        value = tomllib.loads(config.read_text(encoding="utf-8")).get("check", {}).get("catalog")
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CatalogError(f"cannot read {config}: {exc}") from exc
    return load_catalog(config.parent / value) if value else None


def default_profile() -> str:
    """editio inside the edition's repository (its schema/ is found from here), tei_all anywhere else."""
    root = project_root()
    return "editio" if (root / "schema" / "editio.sch").is_file() else "tei_all"


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--profile", type=click.Choice(PROFILES), default=None,
              help="editio: TEI conformance + the edition's rules (default inside the repository); "
                   "tei_all: TEI conformance only (for files from other projects).")
@click.option("--tei-schema", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=f"tei_all.rng to use (else ${ENV_VAR}, else the copy shipped in schema/).")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="text: one compiler-style line per problem; json; junit (JUnit XML for CI).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to this file instead of standard output.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Files checked in parallel (default: one per CPU).")
@click.option("--max-size", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES // (1024 * 1024),
              show_default=True, help="Largest file accepted, in MiB.")
@click.option("--download-schema", is_flag=True,
              help="Use tei_all.rng from the TEI Vault (verified, cached) instead of the shipped copy.")
@click.option("--schema", "schemas", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Judge every file by this schema (.rng, .rnc, .sch, .xsd; repeatable) instead of what it declares.")
@click.option("--catalog", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="OASIS XML catalog or 'URL PATH' mapping file: declared schema URLs to local copies "
                   "(else [check] catalog in edition.toml).")
@click.option("--fetch-schemas", is_flag=True,
              help="Fetch remote schemas that files declare, into a cache verified by hash (never done unless asked).")
@click.option("--xinclude-root", "xinclude_roots", multiple=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="A folder XIncludes may read from (repeatable; default: the file's project folder, "
                   "the nearest holding .git or edition.toml).")
@click.option("--verdicts", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Keep each file's findings in this file and reuse them while the file and the schemas that "
                   "judged it are unchanged (an incremental check).")
@click.option("-v", "--verbose", is_flag=True, help="Text format: name the schemas that judged each file.")
@click.option("-q", "--quiet", is_flag=True, help="Text format: print only errors and the summary.")
@click.option("--list-rules", is_flag=True, help="Print every rule (id, layer, severity, what it asks) and exit.")
def main(paths: tuple[str, ...], profile: str | None, tei_schema: Path | None, fmt: str, output: Path | None,
         jobs: int | None, max_size: int, download_schema: bool, schemas: tuple[Path, ...], catalog: Path | None,
         fetch_schemas: bool, xinclude_roots: tuple[Path, ...], verdicts: Path | None, verbose: bool, quiet: bool,
         list_rules: bool) -> None:
    """Check TEI files: well-formed and safe, valid against the schemas each file declares (xml-model: RELAX NG
    + its embedded Schematron, Schematron, XSD), else TEI P5 (tei_all RELAX NG + its Schematron) and the
    edition's own rules.

    PATHS are files, folders (searched recursively for *.xml) or "-" for standard input; without PATHS,
    the edition's tei/ folder.
    """
    by_declaration = profile is None and not schemas
    profile = profile or default_profile()
    if list_rules:
        click.echo(markdown_table(all_rules(schema_dir() if profile == "editio" else None)), nl=False)
        return
    if not paths:
        folder = tei_dir()
        if not folder.is_dir():
            raise click.UsageError("no PATH given and no tei/ folder here: name the files or folders to check")
        paths = (str(folder),)
    try:
        report = check_paths(list(paths), profile=profile, tei_schema=tei_schema, jobs=jobs,
                             max_bytes=max_size * 1024 * 1024, download_schema=download_schema,
                             schema_folder=schema_dir() if profile == "editio" else None,
                             by_declaration=by_declaration, schemas=schemas, catalog=project_catalog(catalog),
                             fetch_schemas=fetch_schemas, xinclude_roots=xinclude_roots,
                             verdicts=verdicts)
    except (CheckSetupError, CatalogError) as exc:
        click.echo(f"tei-check: {exc}", err=True)
        sys.exit(2)
    text = format_text(report, verbose) if fmt == "text" else FORMATS[fmt](report)
    if quiet and fmt == "text":
        text = "".join(line for line in text.splitlines(keepends=True) if ": warning: " not in line)
    if output is not None:
        output.write_text(text, encoding="utf-8")
        click.echo(summary(report), err=True)
    else:
        click.echo(text, nl=False)
    sys.exit(2 if report.io_failed else 0 if report.ok else 1)
