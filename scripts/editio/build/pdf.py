"""Target `pdf`: the print edition in output/pdf/ — edition.pdf (the volume), one <xml:id>.pdf per document and
pages.xml (where each document and passage stands in the volume, for the web edition).

Engine: Typst (PyPI `typst`, the compiler as a library). xslt/print/edition.xsl writes the Typst sources from the
TEI; xslt/print/book.typ is the design; Python only runs them, checks glyph coverage first and reads the layout
back (page numbers come from Typst's own layout query). Every PDF is tagged and conforms to PDF/A-2a (archival,
accessible level) and PDF/UA-1; fonts are the Linux Libertine O files shipped in xslt/print/fonts/, embedded.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import click
from lxml import etree

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
    docs = edition.documents()
    if not docs:
        raise BuildError(f"{edition.tei}: no TEI documents to print")
    src = out / SOURCES
    if src.exists():
        shutil.rmtree(src)
    for old in out.glob("*.pdf"):  # a document removed from the edition leaves no PDF behind
        old.unlink()
    typ = write_sources(edition, docs, src)
    check_glyphs(edition, [src / "edition.typ", *typ.values(), DESIGN], docs)
    volume = out / "edition.pdf"
    record = typeset(src / "edition.typ", volume)
    written = [volume, pages.write(record, out / "pages.xml")]
    jobs = [(typ[doc], out / f"{doc}.pdf") for doc in typ]
    written += compile_all(jobs, os.cpu_count() or 1)
    click.echo(f"print edition: {volume} ({len(record['docs'])} documents), {len(jobs)} document PDFs, pages.xml")
    return written


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


def typeset(source: Path, pdf: Path) -> dict:
    """Compile a Typst source and read its layout record back. Typst can leave a note on the page before its mark
    when widow/orphan control moves the line after the note was placed (typst/typst#5314): the record shows it, and
    the page is then broken before that block and the source typeset again (LaTeX-style: a short page, never a note
    away from its mark)."""
    import typst

    breaks: set[str] = set()
    listed = source.with_name(f"{source.stem}.breaks.txt")
    compiler = typst.Compiler(str(source), root=str(source.parent), font_paths=[str(FONTS)],
                              ignore_system_fonts=True, sys_inputs={"editio-breaks": listed.name})
    for _ in range(MAX_PASSES):
        listed.write_text("\n".join(sorted(breaks)), encoding="utf-8")
        try:
            record = json.loads(compiler.query("<editio-pages>", field="value", one=True))
            apart = stray_notes(record) - breaks
            if not apart:  # the layout is memoised: writing the PDF now costs only the export
                compiler.compile(output=str(pdf), pdf_standards=STANDARDS)
                return record
        except typst.TypstError as exc:
            raise BuildError(f"{source}: Typst: {exc}") from exc
        breaks |= apart
    raise BuildError(f"{source}: notes still apart from their marks after {MAX_PASSES} passes: {sorted(apart)}")


def stray_notes(record: dict) -> set[str]:
    """The blocks (doc-…#pN) with a note whose entry is not on the page of its mark."""
    entries = {(key, mark): page for key, mark, page in record["entries"]}
    return {key for key, mark, page in record["calls"] if entries.get((key, mark), page) != page}


def compile_all(jobs: list[tuple[Path, Path]], workers: int) -> list[Path]:
    """The per-document PDFs (source → pdf), independent of one another, in threads (Typst releases the GIL)."""
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(jobs)))) as pool:
        return list(pool.map(lambda job: typeset(*job) and job[1], jobs))


TARGET = Target(name="pdf", description="the print edition: the volume, one PDF per document, pages.xml (Typst)",
                run=run, needs=("check",))
