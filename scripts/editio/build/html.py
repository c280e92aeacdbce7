"""Target `html`: the web edition in output/html/, made by XSLT 3.0 (xslt/html/) from tei/ only.

Three stages, so that a parallel or incremental runner can schedule them: (1) per document, summary.xsl writes
a small XML summary (then one call collects them: site.xml, and each document's context — its neighbours);
(2) per document, document.xsl writes its page <xml:id>.html from the TEI, its context and its citation, never
from anything that grows with the edition; (3) site.xsl writes the home
page, the indexes, the map, the correspondence view, the archive list and the search page from the summaries
and the authority files. Python orchestrates: it copies the TEI, the PDFs of the print edition, the CSS and JS,
and makes the citations (data) with citeproc-py. Incremental: a document whose inputs (TEI, context, citation,
stylesheets, authority files, parameters) hash as in output/.work/html/manifest.json keeps its summary, citation
and page; every file is made in a staging folder and moved into place, so a killed build leaves no half page."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import click
from lxml import etree

from editio.build.manifest import Manifest, key, stylesheet_files
from editio.build.package import write_zip
from editio.build.progress import Progress
from editio.build.search import index_site
from editio.build.targets import BuildError, Target
from editio.build.xslt import XSLT_DIR, Stylesheets, XsltError
from editio.edition import Edition
from editio.tei import XML_ID
from editio.tei.files import atomic_write

ASSETS = ("css", "js")


def _doc_id(tei: Path) -> str:
    doc_id = etree.parse(str(tei)).getroot().get(XML_ID)
    if not doc_id:
        raise BuildError(f"{tei}: the TEI element has no xml:id, so the document has no address")
    return doc_id


def _copy(src: Path, dest: Path) -> Path:
    """Copy unless the copy is already byte for byte the same (an unchanged file keeps its time)."""
    data = src.read_bytes()
    if not (dest.is_file() and dest.read_bytes() == data):
        atomic_write(dest, data)
    return dest


def _sweep(folder: Path, keep: set[Path], pattern: str = "*") -> None:
    """Files of an earlier build that this one did not make (a document removed, a PDF gone)."""
    for path in folder.glob(pattern):
        if path.is_file() and path not in keep:
            path.unlink()


def _publish(staged: Path, dest: Path) -> Path:
    """A file made in the staging folder takes its place in one rename: a killed build leaves no half page."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    os.replace(staged, dest)
    return dest


def run(edition: Edition, out: Path) -> list[Path]:
    from editio.build.citation import citation_xml

    docs = edition.documents()
    if not docs:
        raise BuildError(f"{edition.tei}: no TEI documents to publish")
    work = edition.output / ".work" / "html"
    (work / "summaries").mkdir(parents=True, exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    staging = work / "staging"  # beside output/html on the same file system, so that os.replace is atomic
    shutil.rmtree(staging, ignore_errors=True)
    for stray in out.rglob(".*.tmp"):  # atomic_write's temporary files, left by a build killed while writing
        stray.unlink()
    # what each page was made from (manifest.py): unchanged documents are not transformed again
    made = Manifest(work / "manifest.json", edition.output)
    written: list[Path] = []

    for folder in ASSETS:
        copies = [_copy(asset, out / folder / asset.name) for asset in sorted((XSLT_DIR / "html" / folder).glob("*"))]
        _sweep(out / folder, set(copies))
        written.extend(copies)
    copies = [_copy(tei, out / "tei" / tei.name) for tei in sorted(edition.tei.glob("*.xml"))]
    _sweep(out / "tei", set(copies))
    written.extend(copies)
    ids = {tei: _doc_id(tei) for tei in docs}
    pdfs = {}
    for doc_id in ids.values():
        pdf = edition.output / "pdf" / f"{doc_id}.pdf"
        if pdf.is_file():
            pdfs[doc_id] = _copy(pdf, out / "pdf" / pdf.name)
            written.append(pdfs[doc_id])
    _sweep(out / "pdf", set(pdfs.values()))
    pages = edition.output / "pdf" / "pages.xml"
    volume = edition.output / "pdf" / "edition.pdf"
    if volume.is_file():
        written.append(_copy(volume, out / "pdf" / volume.name))
    params = sorted(edition.xslt_params().items())
    authority = key(sorted(set(edition.tei.glob("*.xml")) - set(docs)))  # hashed once, not once per document

    base = edition.base_url
    citations = work / "citations"
    for tei in docs:
        target = citations / f"{ids[tei]}.xml"
        cite_key = key(tei, repr(sorted(edition.settings.items())), base)
        if not made.fresh(target, cite_key):
            doc_id, xml = citation_xml(tei, edition.settings, lambda i: f"{base}{i}.html" if base else "")
            atomic_write(target, xml)
            made.record(target, cite_key)
    _sweep(citations, {citations / f"{i}.xml" for i in ids.values()})
    site = work / "site.xml"

    try:
        with Stylesheets(edition.xslt_params()) as xslt:
            summary_xsl = key(stylesheet_files(XSLT_DIR / "html" / "summary.xsl"))
            summaries = Progress(docs, "html: summary")
            for tei in summaries:
                target = work / "summaries" / f"{ids[tei]}.xml"
                summary_key = key(tei, summary_xsl, authority, repr(params))
                if not made.fresh(target, summary_key):
                    xslt.transform("html/summary.xsl", tei, staging / target.name)
                    made.record(_publish(staging / target.name, target), summary_key)
                    summaries.done(tei.name)
            _sweep(work / "summaries", {work / "summaries" / f"{i}.xml" for i in ids.values()})
            xslt.call("html/summary.xsl", site, template="collect",
                      summaries=(work / "summaries").resolve().as_uri() + "/")
            document_xsl = key(stylesheet_files(XSLT_DIR / "html" / "document.xsl"))
            pages_made = Progress(docs, "html: page")
            for tei in pages_made:
                doc_id = ids[tei]
                page = out / f"{doc_id}.html"
                context, citation = work / "context" / f"{doc_id}.xml", citations / f"{doc_id}.xml"
                page_params = {"pdf-href": f"pdf/{doc_id}.pdf" if doc_id in pdfs else "",
                               "tei-href": f"tei/{tei.name}"}
                page_key = key(tei, context, citation, pages, document_xsl, authority, repr(params),
                               repr(sorted(page_params.items())))
                written.append(page)
                if made.fresh(page, page_key):
                    continue
                xslt.transform("html/document.xsl", tei, staging / page.name,
                               context=context.resolve().as_uri(), citations=citation.resolve().as_uri(),
                               pages=pages.resolve().as_uri() if pages.is_file() else "", **page_params)
                made.record(_publish(staging / page.name, page), page_key)
                pages_made.done(page.name)
            # the site pages are made from the summaries of every document: always again (staged, then moved)
            site_staging = staging / "site"
            xslt.call("html/site.xsl", site_staging / "index.html", site=site.resolve().as_uri(),
                      tei=edition.tei.resolve().as_uri() + "/",
                      **{"search-script": (XSLT_DIR / "html" / "js" / "search.js").is_file(),
                         "volume-href": "pdf/edition.pdf" if volume.is_file() else ""})
    except XsltError as exc:
        raise BuildError(str(exc)) from exc
    site_pages = sorted(_publish(p, out / p.relative_to(site_staging)) for p in sorted(site_staging.rglob("*"))
                        if p.is_file())
    _sweep(out, {out / f"{i}.html" for i in ids.values()} | set(site_pages), "*.html")
    shutil.rmtree(staging)
    written.extend(site_pages)
    click.echo(f"html: site pages {', '.join(p.name for p in site_pages)}")

    written.extend(index_site(out))
    written.append(write_zip(out, edition.output / "edition-html.zip"))
    made.save()  # last: a build killed before this point leaves the previous manifest, which the files' hashes check
    click.echo(f"html: {len(written)} files in {out}")
    return written


TARGET = Target(name="html", description="the web edition (XSLT 3.0): a page per document, indexes, map, search",
                run=run, needs=("check", "pdf"))
