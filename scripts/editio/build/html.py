"""Target `html`: the web edition in output/html/, made by XSLT 3.0 (xslt/html/) from tei/ only.

Three stages, so that a parallel or incremental runner can schedule them: (1) per document, summary.xsl writes
a small XML summary (then one call collects them: site.xml, and each document's context — its neighbours);
(2) per document, document.xsl writes its page <xml:id>.html from the TEI, its context and its citation, never
from anything that grows with the edition; (3) site.xsl writes the home
page, the indexes, the map, the correspondence view, the archive list and the search page from the summaries
and the authority files. Python orchestrates: it copies the TEI, the PDFs of the print edition, the CSS and JS,
and makes the citations (data) with citeproc-py."""

from __future__ import annotations

import shutil
from pathlib import Path

import click
from lxml import etree

from editio.build.package import write_zip
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
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    return dest


def run(edition: Edition, out: Path) -> list[Path]:
    from editio.build.citation import citation_xml

    docs = edition.documents()
    if not docs:
        raise BuildError(f"{edition.tei}: no TEI documents to publish")
    work = edition.output / ".work" / "html"
    if out.exists():
        shutil.rmtree(out)
    if work.exists():
        shutil.rmtree(work)
    (work / "summaries").mkdir(parents=True)
    out.mkdir(parents=True)
    written: list[Path] = []

    for folder in ASSETS:
        for asset in sorted((XSLT_DIR / "html" / folder).glob("*")):
            written.append(_copy(asset, out / folder / asset.name))
    for tei in sorted(edition.tei.glob("*.xml")):
        written.append(_copy(tei, out / "tei" / tei.name))
    ids = {tei: _doc_id(tei) for tei in docs}
    pdfs = {}
    for doc_id in ids.values():
        pdf = edition.output / "pdf" / f"{doc_id}.pdf"
        if pdf.is_file():
            pdfs[doc_id] = _copy(pdf, out / "pdf" / pdf.name)
            written.append(pdfs[doc_id])
    pages = edition.output / "pdf" / "pages.xml"
    volume = edition.output / "pdf" / "edition.pdf"
    if volume.is_file():
        written.append(_copy(volume, out / "pdf" / volume.name))

    base = edition.base_url
    citations = work / "citations"
    for tei in docs:
        doc_id, xml = citation_xml(tei, edition.settings, lambda i: f"{base}{i}.html" if base else "")
        atomic_write(citations / f"{doc_id}.xml", xml)
    site = work / "site.xml"

    try:
        with Stylesheets(edition.xslt_params()) as xslt:
            for n, tei in enumerate(docs, 1):
                xslt.transform("html/summary.xsl", tei, work / "summaries" / f"{ids[tei]}.xml")
                click.echo(f"html: summary {n}/{len(docs)} {tei.name}")
            xslt.call("html/summary.xsl", site, template="collect",
                      summaries=(work / "summaries").resolve().as_uri() + "/")
            for n, tei in enumerate(docs, 1):
                doc_id = ids[tei]
                page = out / f"{doc_id}.html"
                xslt.transform("html/document.xsl", tei, page,
                               context=(work / "context" / f"{doc_id}.xml").resolve().as_uri(),
                               citations=(citations / f"{doc_id}.xml").resolve().as_uri(),
                               pages=pages.resolve().as_uri() if pages.is_file() else "",
                               **{"pdf-href": f"pdf/{doc_id}.pdf" if doc_id in pdfs else "",
                                  "tei-href": f"tei/{tei.name}"})
                written.append(page)
                click.echo(f"html: page {n}/{len(docs)} {page.name}")
            index = out / "index.html"
            xslt.call("html/site.xsl", index, site=site.resolve().as_uri(),
                      tei=edition.tei.resolve().as_uri() + "/",
                      **{"search-script": (XSLT_DIR / "html" / "js" / "search.js").is_file(),
                         "volume-href": "pdf/edition.pdf" if volume.is_file() else ""})
    except XsltError as exc:
        raise BuildError(str(exc)) from exc
    site_pages = sorted(p for p in out.glob("*.html") if p.stem not in set(ids.values()))
    written.extend(site_pages)
    click.echo(f"html: site pages {', '.join(p.name for p in site_pages)}")

    written.extend(index_site(out))
    written.append(write_zip(out, edition.output / "edition-html.zip"))
    click.echo(f"html: {len(written)} files in {out}")
    return written


TARGET = Target(name="html", description="the web edition (XSLT 3.0): a page per document, indexes, map, search",
                run=run, needs=("check", "pdf"))
