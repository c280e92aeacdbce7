"""`editio ingest`: sources/*.txt → tei/*.xml, one TEI document per archival document."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from editio.ingest.layouts.plain import Given
from editio.ingest.layouts.plain import read as read_plain
from editio.ingest.manifest import IngestRecord, unique_stem
from editio.ingest.model import SourceError
from editio.ingest.names_step import choose_authorities, unknown_summary
from editio.ingest.pdf import read_pdf
from editio.ingest.pipeline import Authorities, Converted, convert_source, serialize
from editio.ingest.writer import Manifest, write_generated
from editio.paths import sources_dir, tei_dir


def run_ingest(sources: list[Path], out: Path, force: bool = False, echo=click.echo,
               report_orphans: bool = False, authorities: Path | None = None, names_model: bool = False,
               plain: Given | None = None) -> int:
    """Convert and write; returns the number of errors (sources that could not be converted). With `plain`,
    every source is one plain document with the given title and date (layouts/plain.py)."""
    if not sources:
        echo("error: no source files to ingest", err=True)
        return 1
    try:
        folder, said = choose_authorities(out, authorities, sources)
    except FileNotFoundError as exc:
        echo(f"error: {exc}", err=True)
        return 1
    echo(said, err=folder is None)
    auth = Authorities(folder)
    manifest = Manifest(out)
    record = IngestRecord(out, folder, plain)  # sources converted before under the same rules are skipped
    errors = 0
    stems: dict[str, Path] = {}
    counts = {"written": 0, "unchanged": 0, "kept": 0}
    written: list = []
    for k, src in enumerate(sources, 1):
        prefix = f"[{k}/{len(sources)}] {_shown(src)}"
        if known := record.unchanged(src, stems, manifest):  # said again, not converted again
            for line in known.said:
                echo(line, err=True)
            for name, base in known.files:
                if base != name[:-4]:
                    echo(_renamed(src, base, name[:-4]), err=True)
                counts["unchanged"] += 1
                echo(f"{prefix} → {_shown(out / name)} (unchanged)")
            continue
        try:
            if src.suffix.lower() == ".pdf":  # what reading its text layer may have lost is said first
                for w in read_pdf(src)[1]:
                    echo(str(w), err=True)
            converted = convert_source(src, auth, (lambda p, lines: read_plain(p, lines, plain)) if plain else None)
            record.converted(src, converted)
        except SourceError as exc:
            echo(str(exc), err=True)
            errors += 1
            continue
        for c in converted:
            if c.error is not None:
                echo(f"{c.error}", err=True)
                echo(f"{prefix}: {c.stem} not written; the other documents of this source are", err=True)
                errors += 1
        converted = [c for c in converted if c.error is None]
        failed = [(c, f) for c in converted for f in c.failures]
        for c in converted:
            for w in c.warnings:
                echo(str(w), err=True)
        if failed:
            for c, f in failed:
                echo(f"{c.source}:{f.line}: error: {f.message} [nothing-lost] (document {c.stem})", err=True)
            echo(f"{prefix}: not written: the conversion failed the nothing-lost check", err=True)
            errors += 1
            continue
        for c in converted:
            _unique_stem(c, stems, echo)
            target = out / f"{c.stem}.xml"
            result = write_generated(target, serialize(c.tree), manifest, force)
            written.append((target.name, c.tree))
            counts[result] += 1
            note = {"written": "written", "unchanged": "unchanged",
                    "kept": "kept: edited by hand since it was generated (use --force to overwrite)"}[result]
            echo(f"{prefix} → {_shown(target)} ({note})")
    if report_orphans and not errors:
        for name in sorted(set(manifest.entries) - {f"{stem}.xml" for stem in stems}):
            if (out / name).exists():
                echo(f"{_shown(out / name)}:1: warning: generated earlier but made by no source now "
                     "(renamed or removed source?): delete it if it is obsolete", err=True)
    manifest.save()
    record.save()
    if folder is not None and written:
        summary = unknown_summary(written, names_model)
        if summary:
            echo(summary)
    echo(f"{len(sources)} sources, {sum(counts.values())} documents: {counts['written']} written, "
         f"{counts['unchanged']} unchanged, {counts['kept']} kept as edited; {errors} errors")
    return errors


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _renamed(source: Path, base: str, stem: str) -> str:
    return f"{source}:1: warning: a document named {base} exists already; this one is {stem}"


def _unique_stem(c: Converted, stems: dict[str, Path], echo) -> None:
    base = c.stem
    c.stem = unique_stem(base, stems)
    if c.stem != base:
        root = c.tree.getroot()
        echo(_renamed(c.source, base, c.stem), err=True)
        from editio.tei import XML_ID

        old = root.get(XML_ID)
        # every value naming the old id is rewritten, the root's own xml:id among them (set after the loop, a
        # new id containing the old one would be rewritten a second time: doc-x-2 → doc-x-2-2)
        for e in root.iter():
            if e.text == old:
                e.text = f"doc-{c.stem}"
            for k, v in e.attrib.items():
                if old and old in v:
                    e.set(k, v.replace(old, f"doc-{c.stem}"))
        root.set(XML_ID, f"doc-{c.stem}")
    stems[c.stem] = c.source


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
def ingest(sources: tuple[Path, ...], out: Path | None, force: bool, authorities: Path | None, plain: bool,
           title: str | None, date_: str | None) -> None:
    """Convert source transcriptions (default: every sources/*.txt) into TEI documents."""
    if plain and (not sources or not title or not date_):
        raise click.UsageError("--plain needs the FILE(s), --title and --date")
    if (title or date_) and not plain:
        raise click.UsageError("--title and --date go with --plain")
    srcs = list(sources) or sorted(sources_dir().glob("*.txt"))
    errors = run_ingest(srcs, out or tei_dir(), force, report_orphans=not sources, authorities=authorities,
                        names_model=True, plain=Given(title, date_) if plain else None)
    sys.exit(1 if errors else 0)
