"""Target `export` (also `editio export`): the edition's data in the forms other repositories take, each
validated before the build goes on — CMIF for correspSearch, Dublin Core (oai_dc) per document, JSON Lines and
the correspondence network (CSV), plain text per document, Distributed Text Services as static files, and a BagIt
deposit package with a teiCorpus of the whole edition and a CITATION.cff. All from tei/, into output/exports/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import click

from editio.build.exports import cmif, deposit, dts, dublin_core, records, text, validate
from editio.build.targets import BuildError, Target
from editio.build.xslt import Stylesheets, XsltError
from editio.edition import Edition


def run(edition: Edition, out: Path) -> list[Path]:
    if not edition.documents():
        raise BuildError(f"{edition.tei} holds no TEI documents: nothing to export")
    if out.exists():
        shutil.rmtree(out)  # every export is made anew from tei/: no file of an earlier run is left behind
    out.mkdir(parents=True)
    written: list[Path] = []
    try:
        with Stylesheets(edition.xslt_params()) as sheets:
            written.append(cmif.write(edition, sheets, out))
            written += records.write(edition, sheets, out)
            written += dublin_core.write(edition, out)
            written += text.write(edition, out)
            written += dts.write(edition, sheets, out)
            written += deposit.write(edition, sheets, out)
    except XsltError as exc:
        raise BuildError(str(exc)) from exc
    _check(edition, out)
    click.echo(f"exports: {', '.join(sorted({os.path.relpath(p, out).split(os.sep)[0] for p in written}))}")
    return written


def _check(edition: Edition, out: Path) -> None:
    """Errors stop the build. Until the edition has a base URL, cmif.xml cannot carry the address CMIF requires
    (idno type="url"): the rules that need it are left out of the Schematron run (phase "unpublished") and
    what the CMIF schema says is shown as warnings."""
    bag = out / deposit.FOLDER
    problems = validate.relaxng([out / cmif.FILE, bag / "data" / deposit.CORPUS])
    cmif_rng = validate.relaxng([out / cmif.FILE], cmif.RNG)
    rules = validate.schematron(out / cmif.FILE, cmif.SCH, cmif.phase(edition))
    if edition.base_url:
        problems += cmif_rng
    else:
        for line in cmif_rng:
            click.echo(f"warning (CMIF schema, no base_url yet): {line}")
        click.echo(f"warning: {cmif.FILE} has no idno type=\"url\" and no letter addresses (@ref): edition.toml "
                   "has no base_url yet; correspSearch takes the file once the edition is published")
    for line in rules:
        click.echo(line)
    problems += validate.errors_only(rules)
    problems += validate.json_lines(out / records.JSONL, records.SCHEMA)
    problems += validate.xml_schema(sorted((out / dublin_core.FOLDER).glob("*.xml")), validate.oai_dc_schema())
    problems += validate.citation_cff(bag / "data" / deposit.CITATION)
    problems += validate.bag(bag)
    if problems:
        for line in problems:
            click.echo(line, err=True)
        raise BuildError(f"{len(problems)} problem(s) in the exports: nothing invalid is published")


@click.command("export")
@click.argument("what", type=click.Choice(["all"]), default="all")
def export(what: str) -> None:
    """Write every exchange format into output/exports/ (`editio export all`, the same as `editio build export`)."""
    from editio.build.command import build

    click.get_current_context().invoke(build, targets=("export",))


TARGET = Target(name="export", description="CMIF, Dublin Core, JSON Lines, network CSV, plain text, DTS, BagIt deposit",
                run=run, needs=("check",), folder="exports")
