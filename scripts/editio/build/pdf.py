"""Target `pdf`: the print edition in output/pdf/ — its volumes (edition.pdf for an edition of one volume, else
edition-001.pdf … and the index volume edition-index.pdf: build/print/volumes.py), one <xml:id>.pdf per document
and pages.xml (where each document and passage stands, volume and page, for the web edition).

Engine: Typst (PyPI `typst`, the compiler as a library). xslt/print/edition.xsl writes one volume's Typst sources
from its TEI; xslt/print/index.xsl the index volume's from the volumes' page records; xslt/print/book.typ is the
design; Python only runs them, checks glyph coverage first and reads the layout back (page numbers come from
Typst's own layout query). Every PDF is tagged and conforms to PDF/A-2a (archival, accessible level) and PDF/UA-1;
fonts are the Linux Libertine O files shipped in xslt/print/fonts/, embedded.

Scale (bench/RESULTS.md, Scale): Typst holds the layout of a whole volume while it compiles it (~2 GiB at 600
pages, growing faster than the pages) and keeps it in a process-wide cache (comemo) afterwards. So the edition is
cut into volumes of at most `[print] volume_size` documents; each volume is one task of the build's executor
(volumes in parallel, `--jobs`): its XSLT run, its glyph check, and its layout passes, each pass in a child process
that ends with it (`typeset(apart=True)`), so no process holds more than one volume's layout and the build
process none (on Dask, whose workers are daemons that may not start processes, the passes run in the worker).
The document PDFs, small and independent, run on the executor after the volumes.

Incremental (manifest.py, in .work/pdf/ beside the output folder): a volume is keyed by its inputs (its documents'
TEI, its number and place, the authority files, the print stylesheets, the settings, the design, fonts and Typst),
so with nothing changed no XSLT and no Typst run; after one edit only that document's volume is written and laid out
again, then that document's PDF; pages.xml is rewritten when a volume's record changed, the index volume when the
pages of its names did.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

import click
from lxml import etree

from editio.build.executor import current
from editio.build.manifest import Manifest, key, stylesheet_files
from editio.build.print import glyphs, pages
from editio.build.print.volumes import INDEX, Volume, plan
from editio.build.targets import BuildError, Target
from editio.build.xslt import XSLT_DIR, XsltError, worker_stylesheets
from editio.edition import Edition
from editio.tei.files import atomic_write

PRINT = XSLT_DIR / "print"
FONTS = PRINT / "fonts"
DESIGN = PRINT / "book.typ"
STANDARDS = ["a-2a", "ua-1"]
MAX_PASSES = 4
SOURCES = "typst"  # under output/pdf/: the engine's input as the XSLT wrote it, kept for inspection
RECORDS = "volumes"  # under .work/pdf/: each volume's layout record (build/print/pages.py, compact)
_UNHANDLED = re.compile(r"editio-print-unhandled\|(?P<uri>[^|]+)\|(?P<path>[^|]+)\|(?P<name>[^|\s]+)")
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@dataclass(frozen=True)
class _VolumeJob:
    """What a worker needs to write one volume's sources and lay it out (plain values: it pickles)."""

    volume: Volume
    params: tuple[tuple[str, str], ...]
    tei: Path
    authorities: tuple[Path, ...]
    places: tuple[Path, ...]  # files the glyph check names lines of (besides the volume's documents)
    src: Path
    pdf: Path
    record: Path
    typeset: bool  # False: its PDF and record are fresh, only its documents' sources are wanted


def run(edition: Edition, out: Path) -> list[Path]:
    import typst

    docs = edition.documents()
    if not docs:
        raise BuildError(f"{edition.tei}: no TEI documents to print")
    src, work = out / SOURCES, out.parent / ".work" / "pdf"
    src.mkdir(parents=True, exist_ok=True)
    for stray in (*out.glob(".*.tmp"), *src.glob(".*.tmp"), *work.rglob(".*.tmp")):  # left by a killed build
        stray.unlink()
    if not (src / DESIGN.name).is_file() or (src / DESIGN.name).read_bytes() != DESIGN.read_bytes():
        atomic_write(src / DESIGN.name, DESIGN.read_bytes())
    made = Manifest(work / "manifest.json", out.parent)
    design = key(DESIGN, sorted(FONTS.glob("*.otf")), typst.__version__, repr(STANDARDS), str(MAX_PASSES))
    params = tuple(sorted(edition.xslt_params().items()))
    authorities = tuple(p for p in (edition.tei / name for name in edition.prefixes.values()) if p.is_file())
    places = (*authorities, *([edition.root / "edition.toml"] if (edition.root / "edition.toml").is_file() else []))
    shared = key(stylesheet_files(PRINT / "edition.xsl"), list(authorities), design, repr(params))
    volumes = plan(docs, edition.volume_size)
    ids = {p: _doc_id(p) for p in docs}

    # (1) the volumes whose PDF, record or documents' PDFs are not as the last build left them, on the executor
    jobs, keys = [], {}
    for volume in volumes:
        vkey = keys[volume.name] = key(shared, repr((volume.name, volume.number, volume.volumes, volume.first)),
                                       list(volume.documents))
        pdf, record = out / f"{volume.name}.pdf", work / RECORDS / f"{volume.name}.json"
        fresh = made.fresh(pdf, vkey) and made.fresh(record, vkey)
        documents_fresh = all(made.kept(out / f"{ids[p]}.pdf") for p in volume.documents)
        if not (fresh and documents_fresh):
            jobs.append(_VolumeJob(volume, params, edition.tei, authorities, places, src, pdf, record, not fresh))
    sources: dict[str, str] = {}  # document id → key of its PDF, for the documents of the volumes written again
    errors = []
    for outcome in current().map(_volume, jobs, describe=lambda job: f"volume {job.volume.name}", small=1):
        if not outcome.ok or "error" in outcome.value:
            errors.append(outcome.error or outcome.value["error"])
            continue
        job = outcome.item
        if job.typeset:
            made.record(job.pdf, keys[job.volume.name])
            made.record(job.record, keys[job.volume.name])
        sources.update({doc: key(source_key, design) for doc, source_key in outcome.value["sources"].items()})
    if errors:
        made.save()  # the volumes that were laid out are kept for the next build (every entry checked by its hash)
        raise BuildError("\n".join(errors))

    # (2) the document PDFs whose source changed, on the executor
    documents = [out / f"{ids[p]}.pdf" for p in docs]
    stale = [(src / f"{pdf.stem}.typ", pdf) for pdf in documents
             if pdf.stem in sources and not made.fresh(pdf, sources[pdf.stem])]
    for pdf in compile_all(stale):
        made.record(pdf, sources[pdf.stem])

    # (3) pages.xml, and the index volume of an edition in several volumes, from the volumes' records
    records = [work / RECORDS / f"{v.name}.json" for v in volumes]
    pages_xml = out / "pages.xml"
    pages_key = key(records)
    if not made.fresh(pages_xml, pages_key):
        made.record(pages.write(records, pages_xml), pages_key)
    outputs = [*(out / f"{v.name}.pdf" for v in volumes), pages_xml]
    if len(volumes) > 1:
        outputs.append(_index_volume(edition, records, src, out, made, design, params, authorities, places))
    for old in set(out.glob("*.pdf")) - {*outputs, *documents}:  # a volume or document no longer in the edition
        old.unlink()
    for old in set((work / RECORDS).glob("*.json")) - set(records):
        old.unlink()
    wanted = {v.name for v in volumes} | set(ids.values()) | {DESIGN.stem} | ({INDEX} if len(volumes) > 1 else set())
    for old in src.iterdir():  # the sources (and page-break lists) of volumes and documents no longer printed
        if old.is_file() and old.name.split(".")[0] not in wanted:
            old.unlink()
    made.save()
    laid_out = sum(job.typeset for job in jobs)
    click.echo(f"print edition: {len(volumes)} volume(s) of at most {edition.volume_size} documents "
               f"({laid_out} laid out, the others unchanged), {len(documents)} document PDFs ({len(stale)} typeset), "
               "pages.xml" + (", the index volume" if len(volumes) > 1 else ""))
    return [*outputs, *documents]


def _doc_id(path: Path) -> str:
    """A document's xml:id, read from its root element only."""
    for _, root in etree.iterparse(str(path), events=("start",)):
        return root.get(XML_ID) or path.stem
    return path.stem


def _volume(job: _VolumeJob) -> dict:
    """A task of the build's executor: one volume's sources (its documents' too), the glyph check, and — when its
    PDF is not fresh — its layout passes and record. Gives the key of each document's source; an error the editor
    must fix is given as {"error": message}, not raised, so the message reaches them as it is."""
    volume = job.volume
    try:
        typ = write_sources(dict(job.params), job.tei, job.authorities, volume, job.src)
        source = job.src / f"{volume.name}.typ"
        check_glyphs([source, *typ.values(), DESIGN], [*volume.documents, *job.places], job.tei.parent)
        if job.typeset:
            record = typeset(source, job.pdf, apart=not multiprocessing.current_process().daemon)
            pages.write_record(pages.compact(record, volume), job.record)
    except BuildError as exc:
        return {"error": str(exc)}
    return {"sources": {doc: key(path) for doc, path in typ.items()}}


def write_sources(params: dict[str, str], tei: Path, authorities: tuple[Path, ...], volume: Volume,
                  src: Path) -> dict[str, Path]:
    """One volume's Typst sources ({volume.name}.typ and <xml:id>.typ of each of its documents, in src; the design
    must be there too) from one XSLT run in this process's compiled stylesheets; id → the document's source."""
    try:
        worker_stylesheets(params).call(
            "print/edition.xsl", output=src / f".{volume.name}.run",
            documents=" ".join(p.resolve().as_uri() for p in volume.documents), edition=tei.resolve().as_uri() + "/",
            authorities=" ".join(p.resolve().as_uri() for p in authorities), volume=volume.number,
            volumes=volume.volumes, **{"first-number": volume.first, "volume-name": volume.name})
    except XsltError as exc:
        raise BuildError(_explain(str(exc))) from exc
    finally:
        (src / f".{volume.name}.run").unlink(missing_ok=True)
    return {_doc_id(p): src / f"{_doc_id(p)}.typ" for p in volume.documents}


def _index_volume(edition: Edition, records: list[Path], src: Path, out: Path, made: Manifest, design: str,
                  params: tuple, authorities: tuple[Path, ...], places: tuple[Path, ...]) -> Path:
    """The index volume (xslt/print/index.xsl), laid out again only when its data (the names' pages in every
    volume, the volumes' numbers, files, documents and years), the authority files, stylesheets or design changed."""
    data, pdf = src / f"{INDEX}.xml", out / f"{INDEX}.pdf"
    body = pages.index_data(records)
    if not data.is_file() or data.read_bytes() != body:
        atomic_write(data, body)
    index_key = key(data, stylesheet_files(PRINT / "index.xsl"), list(authorities), design, repr(params))
    if made.fresh(pdf, index_key):
        return pdf
    source = src / f"{INDEX}.typ"
    try:
        worker_stylesheets(dict(params)).call(
            "print/index.xsl", output=source, index=data.resolve().as_uri(),
            edition=edition.tei.resolve().as_uri() + "/",
            authorities=" ".join(p.resolve().as_uri() for p in authorities), **{"volume-name": INDEX})
    except XsltError as exc:
        raise BuildError(_explain(str(exc))) from exc
    check_glyphs([source, DESIGN], list(places), edition.root)
    typeset(source, pdf, apart=True)
    made.record(pdf, index_key)
    return pdf


def _explain(message: str) -> str:
    """A TEI element the print stylesheets do not handle: named with its file and line."""
    found = _UNHANDLED.search(message)
    if not found:
        return f"print stylesheets failed: {message}"
    path = Path(found["uri"].removeprefix("file://"))
    xpath = re.sub(r"Q\{http://www\.tei-c\.org/ns/1\.0\}", "tei:", found["path"])
    line = "?"
    try:
        hits = etree.parse(str(path)).xpath(xpath, namespaces={"tei": "http://www.tei-c.org/ns/1.0"})
        line = str(hits[0].sourceline) if hits else "?"
    except (OSError, etree.Error):
        pass
    return (f"{os.path.relpath(path)}:{line}: error: the print edition has no rule for <{found['name']}> "
            f"(add a template in mode print:text to xslt/print/text.xsl)")


def check_glyphs(sources: list[Path], where: list[Path], root: Path) -> None:
    """Stop when a character to be printed is missing from a face (character, code point, where it occurs)."""
    fonts = _coverage(tuple(sorted(FONTS.glob("*.otf"))))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    lacking = glyphs.missing(texts, fonts, [p for p in where if p.is_file()], root=root)
    if lacking:
        lines = "\n".join(f"  {m}" for m in lacking)
        raise BuildError(f"the print fonts lack {len(lacking)} character(s) of the text; this volume was not "
                         f"typeset:\n{lines}")


_fonts: dict[tuple[Path, ...], dict[str, set[int]]] = {}


def _coverage(fonts: tuple[Path, ...]) -> dict[str, set[int]]:
    """The fonts' code points, read once per process (a worker checks many volumes)."""
    if fonts not in _fonts:
        _fonts[fonts] = glyphs.coverage(fonts)
    return _fonts[fonts]


def typeset(source: Path, pdf: Path, *, apart: bool = False) -> dict:
    """Compile a Typst source and read its layout record back. Typst can leave a note on the page before its mark
    when widow/orphan control moves the line after the note was placed (typst/typst#5314): the record shows it, and
    the page is then broken before that block and the source typeset again (LaTeX-style: a short page, never a note
    away from its mark). The PDF is put in place only once its notes are with their marks.

    With `apart`, each pass runs in a child process of its own that ends with it (forkserver: it inherits no Saxon
    or JVM): Typst's layout of the whole volume is given back to the system after each pass instead of being held
    by the build for the rest of its stages, and two passes' layouts are never held at once (measured at 600 pages:
    2.1 GiB for one pass, 3.0 GiB for two in one process)."""
    breaks: set[str] = set()
    draft = pdf.with_name(f".{pdf.name}.tmp")
    context = multiprocessing.get_context("forkserver")
    try:
        for _ in range(MAX_PASSES):
            if apart:
                try:
                    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
                        record = pool.submit(_pass, source, draft, sorted(breaks)).result()
                except BrokenProcessPool as exc:
                    raise BuildError(f"{source}: the process laying out the volume died (killed, out of memory or "
                                     "crashed): Typst holds the whole volume's layout, ~2 GiB at 600 pages and "
                                     "growing faster than the pages (bench/RESULTS.md, Scale)") from exc
            else:
                record = _pass(source, draft, sorted(breaks))
            stray = stray_notes(record) - breaks
            if not stray:
                os.replace(draft, pdf)
                return record
            breaks |= stray
    finally:
        draft.unlink(missing_ok=True)
    raise BuildError(f"{source}: notes still apart from their marks after {MAX_PASSES} passes: {sorted(stray)}")


def _pass(source: Path, draft: Path, breaks: list[str]) -> dict:
    """One pass: the PDF written with these page breaks, then the layout record queried from the same layout
    (memoised: ~1 % of the pass; a query before the compile held a second layout, 3.7 GiB at 600 pages). Typst's
    cache is shared by the compilers of a process, so a later pass in the same process re-lays out only what the
    breaks move."""
    import typst

    listed = source.with_name(f"{source.stem}.breaks.txt")
    listed.write_text("\n".join(breaks), encoding="utf-8")
    compiler = typst.Compiler(str(source), root=str(source.parent), font_paths=[str(FONTS)],
                              ignore_system_fonts=True, sys_inputs={"editio-breaks": listed.name})
    try:
        compiler.compile(output=str(draft), pdf_standards=STANDARDS)
        return json.loads(compiler.query("<editio-pages>", field="value", one=True))
    except typst.TypstError as exc:
        raise BuildError(f"{source}: Typst: {exc}") from exc


def stray_notes(record: dict) -> set[str]:
    """The blocks (doc-…#pN) with a note whose entry is not on the page of its mark."""
    entries = {(key, mark): page for key, mark, page in record["entries"]}
    return {key for key, mark, page in record["calls"] if entries.get((key, mark), page) != page}


def _document_pdf(job: tuple[str, str]) -> str:
    """A task of the build's executor: one document's PDF (module-level, so it pickles)."""
    source, pdf = job
    typeset(Path(source), Path(pdf))
    return pdf


def compile_all(jobs: list[tuple[Path, Path]]) -> list[Path]:
    """The per-document PDFs (source → pdf), independent of one another, on the build's executor (this process,
    every core, or a Dask cluster); the first failures stop the build, every failed document named."""
    outcomes = list(current().map(_document_pdf, [(str(s), str(p)) for s, p in jobs],
                                  describe=lambda job: Path(job[0]).name))
    failed = [o.error for o in outcomes if not o.ok]
    if failed:
        raise BuildError("document PDFs: " + "; ".join(failed))
    return [Path(o.value) for o in outcomes]


TARGET = Target(name="pdf", description="the print edition: its volumes, one PDF per document, pages.xml (Typst)",
                run=run, needs=("check",))
