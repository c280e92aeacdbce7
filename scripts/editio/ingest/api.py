"""ingest(): source files → TEI documents in a folder, as one report (used by `editio ingest` and `editio build`).

Nothing here prints: each source's outcome (what was written, kept or refused, and why) goes into the report,
and the commands say it their own way. One source is converted by `ingest_source` alone, so a caller may decide
per source whether to convert it at all (an incremental run skips sources whose bytes it has seen).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from editio.build import executor
from editio.build.executor import InProcess, Outcome
from editio.build.progress import Progress
from editio.ingest import fidelity, tasks
from editio.ingest.layouts.plain import Given
from editio.ingest.manifest import IngestRecord, unique_stem
from editio.ingest.model import SourceError, Warning_
from editio.ingest.names_step import choose_authorities, unknown_summary
from editio.ingest.pipeline import serialize
from editio.ingest.writer import Manifest, write_generated
from editio.names.suggest import ModelRead
from editio.tei import XML_ID

__all__ = ["SAID", "Given", "IngestReport", "Run", "SourceReport", "Written", "ingest", "open_run"]

#: Up to this many sources to convert, the conversion runs in this process: a worker first imports ingest and the
#: names layer, loads the authority files and the word lists (~2.5 CPU-s before its first document is done), where a
#: source takes ~0.15 CPU-s (measured: bench/RESULTS.md, Scale, 2026-12-02 17:10–18:45): two workers gain their
#: start-up back from ~30 sources on.
SMALL = 30


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
    named_now: str | None = None  # the name today's rules would give it: it keeps the one it was published under


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
        out += [str(Warning_(self.source, 1, f"a document named {w.renamed_from} exists already; this one is "
                                             f"{w.stem}")) for w in self.written if w.renamed_from]
        out += [str(Warning_(self.source, 1, f"{w.stem} keeps the name it was made with (its address and citations "
                                             f"stay); today's rules and authority files would name it {w.named_now}:"
                                             f" delete {w.stem}.xml to take that name"))
                for w in self.written if w.named_now]
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
    authorities: Path | None
    manifest: Manifest
    force: bool = False
    plain: Given | None = None  # every source is one plain document (--plain)
    stems: dict[str, Path] = field(default_factory=dict)
    # every document converted, with what the statistical model found in it (tasks.py): for the names scan
    made: list[tuple[str, bytes, ModelRead | None]] = field(default_factory=list)
    record: IngestRecord | None = None  # the sources converted before under the same rules (manifest.py)


def open_run(out: Path, auth_folder: Path | None, force: bool = False, plain: Given | None = None) -> Run:
    return Run(out, auth_folder, Manifest(out), force, plain, record=IngestRecord(out, auth_folder, plain))


def ingest(sources: list[Path], out: Path, *, force: bool = False, report_orphans: bool = False,
           authorities: Path | None = None, names_model: bool = False, plain: Given | None = None,
           on_progress: Callable[[IngestReport], None] | None = None, progress: bool = False) -> IngestReport:
    """Convert and write every source; `on_progress(report)` is called once the authority files are chosen and
    after each source, so a command may say what happened as it happens. With `plain`, every source is one
    plain document with the given title and date (layouts/plain.py).

    The sources are converted as tasks of the build's executor (tasks.py; `executor.current()`: this process, a
    pool, or Dask), and taken back in source order: each document's name is made unique, its file written and
    recorded here, so the files are those a conversion in one process gives. A source the record knows as
    unchanged is not sent. With `progress` (a caller that does not say each source itself: `editio build`), the
    stage's progress as every stage gives it (build/progress.py): a bar on a terminal, else a line per source
    converted; without, nothing is printed."""
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
    record = run.record
    candidates = [record.candidate(src) if record is not None else None for src in sources]
    jobs = [tasks.job(src, run.authorities, plain, names_model) for src, known in zip(sources, candidates, strict=True)
            if known is None]
    outcomes = executor.current().map(tasks.convert, jobs, describe=_failed, small=SMALL)
    bar = Progress(sources, "ingest") if progress else None
    with contextlib.closing(outcomes):  # a stop here shuts a pool down
        for src, known in zip(bar if bar is not None else sources, candidates, strict=True):
            skipped = _skipped(src, known, run) if known is not None else None
            if skipped is not None:
                report.sources.append(skipped)
            else:  # a candidate whose names a source before it took after all is converted here, in its turn
                outcome = next(outcomes) if known is None else next(InProcess().map(
                    tasks.convert, [tasks.job(src, run.authorities, plain, names_model)], describe=_failed))
                report.sources.append(_take(src, outcome, run))
                if bar is not None:
                    bar.done(src.name)
            if on_progress:
                on_progress(report)
    if report_orphans and not report.errors:
        made = {f"{stem}.xml" for stem in run.stems}
        report.orphans = [out / name for name in sorted(set(run.manifest.entries) - made) if (out / name).exists()]
    run.manifest.save()
    if record is not None:
        record.save()
    if report.authorities is not None and run.made:
        report.unknown_names = unknown_summary([(name, etree.ElementTree(etree.fromstring(data, _PARSER)))
                                                for name, data, _ in run.made], names_model,
                                               [read for _, _, read in run.made])
    return report


# What a task that raised, or whose worker died, is said as (after the source's path and line 1).
def _failed(_job: tasks.Job) -> str:
    return "the conversion failed"


_PARSER = etree.XMLParser(huge_tree=True)


def _skipped(src: Path, known: dict, run: Run) -> SourceReport | None:
    """A source the record knows as converted before under the same rules, its files untouched, and whose
    documents keep their names: said again, not converted again. None: convert it."""
    said = run.record.unchanged(src, known, run.stems, run.manifest) if run.record is not None else None
    if said is None:
        return None
    result = SourceReport(src)
    result.said = list(said.said)
    result.written = [Written(name[:-4], run.out / name, "unchanged", base if base != name[:-4] else None)
                      for name, base in said.files]
    return result


def _take(src: Path, outcome: Outcome, run: Run) -> SourceReport:
    """One source as its task gave it: its documents named, checked and written (or none of them)."""
    result = SourceReport(src)
    if not outcome.ok:  # the task raised, or its worker died: the source is named, the others still convert
        result.error = SourceError(src, 1, outcome.error or "the conversion failed")
        return result
    made: tasks.Made = outcome.value
    result.text_layer = [Warning_(src, line, message) for line, message in made.text_layer]
    if made.error is not None:
        result.error = SourceError(src, *made.error)
        return result
    docs = made.documents
    if run.record is not None:
        run.record.converted(src, docs, [str(Warning_(src, *w)) for d in docs for w in d.warnings])
    result.refused = [(d.stem, SourceError(src, *d.error)) for d in docs if d.error is not None]
    docs = [d for d in docs if d.error is None]
    for d in docs:
        result.warnings += [Warning_(src, line, message) for line, message in d.warnings]
    result.failures = [(d.stem, f) for d in docs for f in d.failures]
    if result.failures:
        return result
    before = run.record.made_before(src, len(docs)) if run.record is not None else [None] * len(docs)
    for d, kept in zip(docs, before, strict=True):
        # a document keeps the name (file, xml:id, web address) it was made with while that file exists: accepting
        # names or a better rule must not publish it a second time under another name
        base = kept if kept and kept not in run.stems and (run.out / f"{kept}.xml").is_file() else d.stem
        stem = unique_stem(base, run.stems)
        run.stems[stem] = src
        data = d.data if stem == d.stem else _renamed(d.data, d.stem, stem)
        target = run.out / f"{stem}.xml"
        state = write_generated(target, data, run.manifest, run.force)
        if run.record is not None:
            run.record.named(src, base, target.name, data)
        run.made.append((target.name, data, d.model))
        result.written.append(Written(stem, target, state, base if stem != base else None,
                                      d.stem if base != d.stem else None))
    return result


def _renamed(data: bytes | None, base: str, stem: str) -> bytes:
    """The document made as `base` under the name `stem` another document left it ('…-2'): every value naming
    its old id is rewritten, the root's own xml:id among them (set after the loop, a new id containing the old
    one would be rewritten a second time: doc-x-2 → doc-x-2-2)."""
    assert data is not None
    root = etree.fromstring(data, _PARSER)
    old, new = root.get(XML_ID), f"doc-{stem}"
    for e in root.iter():
        if e.text == old:
            e.text = new
        for k, v in e.attrib.items():
            if old and old in v:
                e.set(k, v.replace(old, new))
    root.set(XML_ID, new)
    return serialize(etree.ElementTree(root))
