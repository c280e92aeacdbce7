"""Target `pdf`: the print edition in output/pdf/ — edition.pdf (the volume), one <xml:id>.pdf per document and
pages.xml (where each document and passage stands in the volume, for the web edition).

Engine: Typst (PyPI `typst`, the compiler as a library). xslt/print/edition.xsl writes the Typst sources from the
TEI; xslt/print/book.typ is the design; Python only runs them, checks glyph coverage first and reads the layout
back (page numbers come from Typst's own layout query). Every PDF is tagged and conforms to PDF/A-2a (archival,
accessible level) and PDF/UA-1; fonts are the Linux Libertine O files shipped in xslt/print/fonts/, embedded.

Memory (bench/RESULTS.md, Scale): Typst holds the layout of a whole document while it compiles it and keeps it in a
process-wide cache (comemo) afterwards; for the volume that is the whole edition (~2 GiB at 600 pages). So each
pass over the volume runs in a child process that ends with it (`typeset(apart=True)`), and the PDF is written
before the layout record is read. The document PDFs, small and independent, run on the build's executor (each
process's cache is evicted as it goes: typst-py evicts after every compile).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import click
from lxml import etree

from editio.build.executor import current
from editio.build.manifest import Manifest, key
from editio.build.print import glyphs, pages
from editio.build.targets import BuildError, Target
from editio.build.xslt import XSLT_DIR, Stylesheets, XsltError
from editio.edition import Edition

PRINT = XSLT_DIR / "print"
FONTS = PRINT / "fonts"
DESIGN = PRINT / "book.typ"
STANDARDS = ["a-2a", "ua-1"]
MAX_PASSES = 4
SOURCES = "typst"  # under output/pdf/: the engine's input as the XSLT wrote it, kept for inspection
_UNHANDLED = re.compile(r"editio-print-unhandled\|(?P<uri>[^|]+)\|(?P<path>[^|]+)\|(?P<name>[^|\s]+)")


def run(edition: Edition, out: Path) -> list[Path]:
    """The Typst sources are written again each build (one XSLT run); a PDF is typeset again only when its source,
    the design, the fonts or Typst changed (manifest.py, in .work/pdf/ beside the output folder): after one edit
    the volume and that document's PDF, with nothing changed no Typst at all."""
    import typst

    docs = edition.documents()
    if not docs:
        raise BuildError(f"{edition.tei}: no TEI documents to print")
    src = out / SOURCES
    if src.exists():
        shutil.rmtree(src)
    for stray in out.glob(".*.tmp"):  # a draft left by a build killed while typesetting
        stray.unlink()
    typ = write_sources(edition, docs, src)
    check_glyphs(edition, [src / "edition.typ", *typ.values(), DESIGN], docs)
    made = Manifest(out.parent / ".work" / "pdf" / "manifest.json", out.parent)
    design = key(DESIGN, sorted(FONTS.glob("*.otf")), typst.__version__, repr(STANDARDS), str(MAX_PASSES))
    volume, pages_xml = out / "edition.pdf", out / "pages.xml"
    volume_key = key(src / "edition.typ", design)
    if not (made.fresh(volume, volume_key) and made.fresh(pages_xml, volume_key)):
        pages.write(typeset(src / "edition.typ", volume, apart=True), pages_xml)
        made.record(volume, volume_key)
        made.record(pages_xml, volume_key)
    documents = {out / f"{doc}.pdf": (source, key(source, design)) for doc, source in typ.items()}
    stale = [(source, pdf) for pdf, (source, pdf_key) in documents.items() if not made.fresh(pdf, pdf_key)]
    for pdf in compile_all(stale):
        made.record(pdf, documents[pdf][1])
    for old in set(out.glob("*.pdf")) - {volume, *documents}:  # a document removed from the edition leaves no PDF
        old.unlink()
    made.save()
    click.echo(f"print edition: {volume} ({len(typ)} documents), {len(documents)} document PDFs "
               f"({len(stale)} typeset, the others unchanged), pages.xml")
    return [volume, pages_xml, *documents]


def write_sources(edition: Edition, docs: list[Path], src: Path) -> dict[str, Path]:
    """The Typst sources (edition.typ, <xml:id>.typ) and the design beside them; id → per-document source."""
    src.mkdir(parents=True, exist_ok=True)
    shutil.copy(DESIGN, src / DESIGN.name)
    try:
        with Stylesheets(edition.xslt_params()) as sheets:
            sheets.call("print/edition.xsl", output=src / ".run",
                        documents=" ".join(p.resolve().as_uri() for p in docs),
                        edition=edition.tei.resolve().as_uri() + "/")
    except XsltError as exc:
        raise BuildError(_explain(str(exc))) from exc
    (src / ".run").unlink(missing_ok=True)
    ids = [etree.parse(str(p)).getroot().get("{http://www.w3.org/XML/1998/namespace}id") for p in docs]
    return {i: src / f"{i}.typ" for i in ids}


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


def check_glyphs(edition: Edition, sources: list[Path], docs: list[Path]) -> None:
    """Stop when a character to be printed is missing from a face (character, code point, where it occurs)."""
    fonts = glyphs.coverage(sorted(FONTS.glob("*.otf")))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    where = [*docs, *(edition.tei / name for name in edition.prefixes.values()), edition.root / "edition.toml"]
    lacking = glyphs.missing(texts, fonts, [p for p in where if p.is_file()], root=edition.root)
    if lacking:
        lines = "\n".join(f"  {m}" for m in lacking)
        raise BuildError(f"the print fonts lack {len(lacking)} character(s) of the text, nothing was typeset:\n{lines}")


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


TARGET = Target(name="pdf", description="the print edition: the volume, one PDF per document, pages.xml (Typst)",
                run=run, needs=("check",))
