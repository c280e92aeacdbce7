"""ingest(): source files → TEI documents in a folder, as one report (used by `editio ingest` and `editio build`).

Nothing here prints: each source's outcome (what was written, kept or refused, and why) goes into the report,
and the commands say it their own way. One source is converted by `ingest_source` alone, so a caller may decide
per source whether to convert it at all (an incremental run skips sources whose bytes it has seen).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from editio.ingest import fidelity
from editio.ingest.layouts.plain import Given
from editio.ingest.layouts.plain import read as read_plain
from editio.ingest.manifest import IngestRecord, unique_stem
from editio.ingest.model import SourceError, Warning_
from editio.ingest.names_step import choose_authorities, unknown_summary
from editio.ingest.pdf import read_pdf
from editio.ingest.pipeline import Authorities, Converted, convert_source, serialize
from editio.ingest.writer import Manifest, write_generated
from editio.tei import XML_ID

__all__ = ["SAID", "Given", "IngestReport", "Run", "SourceReport", "Written", "ingest", "ingest_source", "open_run"]


# What became of a document's file, as the commands say it.
SAID = {"written": "written", "unchanged": "unchanged",
        "kept": "kept: edited by hand since it was generated (use --force to overwrite)"}


@dataclass(frozen=True)
class Written:
    """One TEI document of a source and what became of its file."""

    stem: str
    target: Path
    state: str  # 'written' | 'unchanged' | 'kept' (edited by hand since it was generated; not overwritten)
    renamed_from: str | None = None  # the name it would have had, taken already by another document


@dataclass
class SourceReport:
    """What one source gave: its documents' files, or why nothing (or not everything) of it was written."""

    source: Path
    text_layer: list[Warning_] = field(default_factory=list)  # what reading a PDF's text layer may have lost
    error: SourceError | None = None  # the source could not be read at all
    refused: list[tuple[str, SourceError]] = field(default_factory=list)  # documents that could not be converted
    warnings: list[Warning_] = field(default_factory=list)  # of the documents converted, in reading order
    said: list[str] = field(default_factory=list)  # a source skipped as unchanged: its warnings of last time
    failures: list[tuple[str, fidelity.Failure]] = field(default_factory=list)  # nothing-lost: source not written
    written: list[Written] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return int(self.error is not None) + len(self.refused) + int(bool(self.failures))

    def problems(self, prefix: str) -> list[str]:
        """Its errors and warnings, each a line like a compiler's (file:line: …); `prefix` names the source in
        the lines about the whole source ("[2/5] sources/002.txt")."""
        out = [str(w) for w in self.text_layer]
        if self.error is not None:
            return [*out, str(self.error)]
        for stem, error in self.refused:
            out += [str(error), f"{prefix}: {stem} not written; the other documents of this source are"]
        out += [str(w) for w in self.warnings] + self.said
        if self.failures:
            out += [f"{self.source}:{f.line}: error: {f.message} [nothing-lost] (document {stem})"
                    for stem, f in self.failures]
            out.append(f"{prefix}: not written: the conversion failed the nothing-lost check")
        out += [f"{self.source}:1: warning: a document named {w.renamed_from} exists already; this one is {w.stem}"
                for w in self.written if w.renamed_from]
        return out


@dataclass
class IngestReport:
    out: Path
    total: int  # sources asked for
    setup_error: str | None = None  # nothing could be ingested (no sources, authority files missing)
    authorities: Path | None = None  # the folder whose authority files tagged the names
    authorities_said: str = ""  # which ones, or that none were found, in a sentence
    sources: list[SourceReport] = field(default_factory=list)
    orphans: list[Path] = field(default_factory=list)  # generated earlier, made by no source now
    unknown_names: str | None = None  # name-like mentions no authority entry covers, in a sentence

    @property
    def errors(self) -> int:
        return 1 if self.setup_error else sum(s.errors for s in self.sources)

    def counts(self) -> dict[str, int]:
        counts = {"written": 0, "unchanged": 0, "kept": 0}
        for s in self.sources:
            for w in s.written:
                counts[w.state] += 1
        return counts

    def orphan_warnings(self, shown: Callable[[Path], str] = str) -> list[str]:
        return [f"{shown(path)}:1: warning: generated earlier but made by no source now (renamed or removed "
                "source?): delete it if it is obsolete" for path in self.orphans]

    def summary(self) -> str:
        counts = self.counts()
        return (f"{self.total} sources, {sum(counts.values())} documents: {counts['written']} written, "
                f"{counts['unchanged']} unchanged, {counts['kept']} kept as edited; {self.errors} errors")


@dataclass
class Run:
    """What every source of one run shares: the output folder, its fingerprints, the names taken so far."""

    out: Path
    auth: Authorities
    manifest: Manifest
    force: bool = False
    reader: Callable | None = None  # replaces layout detection (--plain)
    stems: dict[str, Path] = field(default_factory=dict)
    trees: list[tuple[str, etree._ElementTree]] = field(default_factory=list)  # every document written
    record: IngestRecord | None = None  # the sources converted before under the same rules (manifest.py)


def open_run(out: Path, auth_folder: Path | None, force: bool = False, plain: Given | None = None) -> Run:
    reader = (lambda p, lines: read_plain(p, lines, plain)) if plain else None
    return Run(out, Authorities(auth_folder), Manifest(out), force, reader,
               record=IngestRecord(out, auth_folder, plain))


def ingest(sources: list[Path], out: Path, *, force: bool = False, report_orphans: bool = False,
           authorities: Path | None = None, names_model: bool = False, plain: Given | None = None,
           on_progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Convert and write every source; `on_progress(report)` is called once the authority files are chosen and
    after each source, so a command may say what happened as it happens. With `plain`, every source is one
    plain document with the given title and date (layouts/plain.py)."""
    report = IngestReport(out, len(sources))
    if not sources:
        report.setup_error = "no source files to ingest"
        return report
    try:
        report.authorities, report.authorities_said = choose_authorities(out, authorities, sources)
    except FileNotFoundError as exc:
        report.setup_error = str(exc)
        return report
    if on_progress:
        on_progress(report)
    run = open_run(out, report.authorities, force, plain)
    for src in sources:
        report.sources.append(ingest_source(src, run))
        if on_progress:
            on_progress(report)
    if report_orphans and not report.errors:
        made = {f"{stem}.xml" for stem in run.stems}
        report.orphans = [out / name for name in sorted(set(run.manifest.entries) - made) if (out / name).exists()]
    run.manifest.save()
    if run.record is not None:
        run.record.save()
    if report.authorities is not None and run.trees:
        report.unknown_names = unknown_summary(run.trees, names_model)
    return report


def ingest_source(src: Path, run: Run) -> SourceReport:
    """One source: read, convert, check that nothing is lost, write its documents (or none of them). A source the
    run's record knows as converted before under the same rules, its files untouched, is not converted again."""
    result = SourceReport(src)
    known = run.record.unchanged(src, run.stems, run.manifest) if run.record is not None else None
    if known is not None:  # said again, not converted again
        result.said = list(known.said)
        result.written = [Written(name[:-4], run.out / name, "unchanged", base if base != name[:-4] else None)
                          for name, base in known.files]
        return result
    try:
        if src.suffix.lower() == ".pdf":  # what reading its text layer may have lost is said first
            result.text_layer = read_pdf(src)[1]
        converted = convert_source(src, run.auth, run.reader)
        if run.record is not None:
            run.record.converted(src, converted)
    except SourceError as exc:
        result.error = exc
        return result
    result.refused = [(c.stem, c.error) for c in converted if c.error is not None]
    converted = [c for c in converted if c.error is None]
    for c in converted:
        result.warnings += c.warnings
    result.failures = [(c.stem, f) for c in converted for f in c.failures]
    if result.failures:
        return result
    for c in converted:
        base = _unique_stem(c, run.stems)
        target = run.out / f"{c.stem}.xml"
        state = write_generated(target, serialize(c.tree), run.manifest, run.force)
        run.trees.append((target.name, c.tree))
        result.written.append(Written(c.stem, target, state, base if base != c.stem else None))
    return result


def _unique_stem(c: Converted, stems: dict[str, Path]) -> str:
    """Give the document a name no other document of the run has ('…-2'); returns the name it was made with."""
    base = c.stem
    c.stem = unique_stem(base, stems)
    if c.stem != base:
        root = c.tree.getroot()
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
    return base
