"""Target `export` (also `editio export`): the edition's data in the forms other repositories take, each
validated before the build goes on — CMIF for correspSearch, Dublin Core (oai_dc) per document, JSON Lines and
the correspondence network (CSV), plain text per document, Distributed Text Services as static files, and a BagIt
deposit package with a teiCorpus of the whole edition and a CITATION.cff. All from tei/, into output/exports/.

Incremental, like the pdf and html stages (manifest.py, in .work/exports/ beside the output folder): each document's
parts (exports/parts.py) are made again only when its TEI file, their stylesheets, the authority files or the
settings changed; cmif.xml, the JSON Lines and network files and the DTS collection are made from those parts (not
from every document) and only when one of them changed; the deposit, which holds every document, only when a file
it holds changed; and each validator judges only what changed (validate.Verdicts). The result is byte for byte
what a build from nothing makes (tests/export/test_incremental_exports.py)."""

from __future__ import annotations

import os
import shutil
from importlib.metadata import version
from pathlib import Path

import click

from editio.build.exports import SCHEMAS, cmif, deposit, doc_id, dts, dublin_core, records, text, validate
from editio.build.exports.parts import Parts
from editio.build.manifest import Manifest, key, stat_listing, stylesheet_files
from editio.build.targets import BuildError, Target
from editio.build.xslt import XSLT_DIR, XsltError, worker_stylesheets
from editio.edition import Edition

KINDS = (dublin_core.KIND, text.KIND, cmif.KIND, records.KIND, dts.KIND)
DEPOSIT_LISTING = "deposit.files"  # in the work folder: the deposit's files by name, size and time


def run(edition: Edition, out: Path) -> list[Path]:
    """The exports, made or kept; returns their files (each document's DTS tree as the listing that records it)."""
    docs = edition.documents()
    if not docs:
        raise BuildError(f"{edition.tei} holds no TEI documents: nothing to export")
    work = out.parent / ".work" / out.name
    staging = work / "staging"
    shutil.rmtree(staging, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    for stray in (*out.glob(".*.tmp"), *work.rglob(".*.tmp")):  # left by a build killed while writing
        stray.unlink()
    made = Manifest(work / "manifest.json", out.parent)
    params = edition.xslt_params()
    authorities = deposit.authority_files(edition)
    ids = {tei: doc_id(tei) for tei in docs}
    tei_keys = {tei: key(tei) for tei in docs}  # each TEI file read and hashed once
    parts = Parts(KINDS, out, work, made, params, key(authorities))
    try:
        worked = parts.make(ids, tei_keys, {cmif.KIND.name: cmif.params(edition),
                                            dts.KIND.name: {"total-documents": len(docs)}})
        sheets = worker_stylesheets(params)  # compiled only when an aggregate is made again
        order = list(ids.values())
        shas = {k.name: [made.sha(parts.path(k.name, i)) for i in order] for k in KINDS}
        written = [parts.path(k.name, i) for k in KINDS if k.published for i in order]
        written += _aggregate(made, staging, out, [out / cmif.FILE],
                              key(stylesheet_files(XSLT_DIR / cmif.KIND.stylesheet), repr(sorted(params.items())),
                                  repr(cmif.params(edition)), *shas[cmif.KIND.name]),
                              lambda folder: [cmif.write(edition, sheets, folder / cmif.FILE,
                                                         [parts.path(cmif.KIND.name, i) for i in order])])
        written += _aggregate(made, staging, out, [out / records.JSONL, out / records.NODES, out / records.EDGES],
                              key(Path(records.__file__), *shas[records.KIND.name]),
                              lambda folder: records.write(folder, [parts.path(records.KIND.name, i) for i in order]))
        written += _aggregate(made, staging, out / dts.FOLDER, dts.root_files(out / dts.FOLDER),
                              key(stylesheet_files(XSLT_DIR / dts.KIND.stylesheet), repr(sorted(params.items())),
                                  str(len(docs)), *shas[dts.KIND.name]),
                              lambda folder: dts.write(sheets, folder, [parts.path(dts.KIND.name, i) for i in order],
                                                       len(docs)))
        # each document's DTS tree (~150 files) by its listing: a Path for each of those files cost more than
        # everything else of a build with nothing changed (1.9 of 9.3 CPU-s at 200 documents, profiled)
        written += [parts.listing(dts.KIND.name, i) for i in order]
        written += _deposit(edition, sheets, out, work, made, [tei_keys[t] for t in docs], authorities)
    except XsltError as exc:
        raise BuildError(str(exc)) from exc
    # the files are whole and as their inputs say: recorded before they are judged, so that exports found invalid
    # are not made again (only judged again, the same way) by the next build; a build killed before this point
    # leaves the previous manifest, which the files' hashes check
    made.save()
    shutil.rmtree(staging, ignore_errors=True)
    verdicts = validate.Verdicts(work / "verdicts.json")
    try:
        _check(edition, out, work, verdicts, order)
    finally:
        verdicts.save()
    prefix = len(str(out)) + 1
    folders = {str(p)[prefix:].split(os.sep)[0] for p in written if p.is_relative_to(out)} | {dts.FOLDER}
    click.echo(f"exports: {', '.join(sorted(folders))} "
               f"({worked} of {len(docs)} documents exported again)")
    return written


def _listed(listing: Path) -> list[str]:
    return [line.split("\t")[0] for line in listing.read_text(encoding="utf-8").splitlines()]


def _aggregate(made: Manifest, staging: Path, dest: Path, outputs: list[Path], aggregate_key: str,
               make) -> list[Path]:
    """Files made together from the parts (make(folder) writes them into folder): made again only when their key
    changed or one of them is not as recorded; each written in staging, then renamed into place if it changed."""
    if all(made.fresh(p, aggregate_key) for p in outputs):
        return outputs
    folder = staging / "aggregate" / dest.relative_to(made.root).as_posix().replace("/", "_")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    staged = {p.relative_to(folder) for p in make(folder)}
    expected = {p.relative_to(dest) for p in outputs}
    if staged != expected:
        raise BuildError(f"the exports made {sorted(map(str, staged))}, expected {sorted(map(str, expected))}")
    for rel in sorted(staged):
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        if not ((dest / rel).is_file() and (dest / rel).read_bytes() == (folder / rel).read_bytes()):
            os.replace(folder / rel, dest / rel)  # a file the same as before is left as it is (and its time)
        made.record(dest / rel, aggregate_key)
    return outputs


def _deposit(edition: Edition, sheets, out: Path, work: Path, made: Manifest, tei_keys: list[str],
             authorities: list[Path]) -> list[Path]:
    """The deposit holds every document (and a corpus of them all), so it is made again whole when any file it
    holds changed, in staging, and put in place of the old one; with nothing changed it is kept (its files checked
    by name, size and time)."""
    bag = out / deposit.FOLDER
    readme = edition.root / "README.md"
    deposit_key = key(*tei_keys, authorities, sorted(SCHEMAS.rglob("*")), readme,
                      stylesheet_files(XSLT_DIR / "export/corpus.xsl"), repr(sorted(edition.settings.items())),
                      repr(sorted(edition.xslt_params().items())), Path(deposit.__file__), version("bagit"))
    listing = work / DEPOSIT_LISTING
    if made.fresh(listing, deposit_key):
        names = _listed(listing)
        if stat_listing(bag, names) == listing.read_bytes():
            return [bag / n for n in names]
    staged = work / "staging" / deposit.FOLDER
    files = deposit.write(edition, sheets, staged.parent)  # a bag made anew, in staging/deposit
    names = sorted(Path(os.path.relpath(p, staged)).as_posix() for p in files)  # bagit's paths are absolute
    old = work / "staging" / "deposit-old"
    shutil.rmtree(old, ignore_errors=True)
    if bag.exists():
        os.replace(bag, old)
    os.replace(staged, bag)
    shutil.rmtree(old, ignore_errors=True)
    tmp = listing.with_name(f".{listing.name}.tmp")
    tmp.write_bytes(stat_listing(bag, names))
    os.replace(tmp, listing)
    made.record(listing, deposit_key)
    return [bag / n for n in names]


def _check(edition: Edition, out: Path, work: Path, verdicts: validate.Verdicts, order: list[str]) -> None:
    """Errors stop the build. Until the edition has a base URL, cmif.xml cannot carry the address CMIF requires
    (idno type="url"): the rules that need it are left out of the Schematron run (phase "unpublished") and
    what the CMIF schema says is shown as warnings. Each validator judges only what changed since it last did
    (the key: the file's name and bytes, the schema's)."""
    bag = out / deposit.FOLDER
    cmif_file, corpus = out / cmif.FILE, bag / "data" / deposit.CORPUS

    def judged(name: str, target: Path, schema: str, validator) -> list[str]:
        return verdicts.judge(name, key(str(target), target, schema), validator)

    tei_all = {path: key(str(path), path, "tei_all") for path in (cmif_file, corpus)}
    stale = [p for p, k in tei_all.items() if verdicts.known(f"tei_all {p.name}", k) is None]
    found = validate.relaxng(stale) if stale else []  # one jing run for both
    problems = []
    for path, verdict_key in tei_all.items():
        name = f"tei_all {path.name}"
        problems += verdicts.keep(name, verdict_key, [line for line in found if line.startswith(f"{path}:")]) \
            if path in stale else verdicts.new[name]["problems"]
    cmif_rng = judged("cmif rng", cmif_file, key(cmif.RNG), lambda: validate.relaxng([cmif_file], cmif.RNG))
    phase = cmif.phase(edition)
    rules = judged(f"cmif sch {phase}", cmif_file, key(cmif.SCH, str(phase)),
                   lambda: validate.schematron(cmif_file, cmif.SCH, phase))
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
    jsonl, json_schema, validator = out / records.JSONL, key(records.SCHEMA), []

    def line_problems(n: int, line: str) -> list[str]:
        if not validator:  # made once, and only when a line is to be judged
            validator.append(validate.json_validator(records.SCHEMA))
        return validate.json_line(jsonl, n, line, validator[0])

    for n, line in enumerate(jsonl.read_text(encoding="utf-8").splitlines(), 1):  # ~25 ms a record: line by line
        problems += verdicts.judge(f"jsonl {n}", key(str(jsonl), line, json_schema),
                                   lambda n=n, line=line: line_problems(n, line))
    schema: list = []  # oai_dc.xsd, loaded once, and only when a record is to be judged

    def dc_problems(path: Path) -> list[str]:
        if not schema:
            schema.append(validate.oai_dc_schema())
        return validate.xml_schema([path], schema[0])

    dc_schemas = key(sorted(SCHEMAS.glob("*dc*.xsd")))
    for i in order:
        path = out / dublin_core.FOLDER / f"{i}.xml"
        problems += judged(f"dc {i}", path, dc_schemas, lambda path=path: dc_problems(path))
    citation = bag / "data" / deposit.CITATION
    problems += judged("citation", citation, key(SCHEMAS / "citation-cff-1.2.0.schema.json"),
                       lambda: validate.citation_cff(citation))
    problems += verdicts.judge("bag", key(str(bag), work / DEPOSIT_LISTING, version("bagit")),
                               lambda: validate.bag(bag))
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
