"""Target `html`: the web edition in output/html/, made by XSLT 3.0 (xslt/html/) from tei/ only.

Three stages, so that a parallel or incremental runner can schedule them: (1) per document, summary.xsl writes
a small XML summary (then one call collects them: site.xml, and each document's context — its neighbours);
(2) per document, document.xsl writes its page <xml:id>.html from the TEI, its context, its citation and its
print pages, never from anything that grows with the edition; (3) site.xsl writes the home page, the indexes,
the map, the correspondence view, the archive list and the search page from the summaries and the authority
files. Python orchestrates: it copies the TEI, the PDFs of the print edition, the CSS and JS, and makes the
citations (data) with citeproc-py.

Incremental: every output has a key, the hash of what it is made from (manifest.py) — a document's summary,
citation and page; the site pages (from site.xml, the authority files and the stylesheets); the search index
(from every page); the ZIP (from every file of the site). An output whose key is the recorded one and whose file
is as recorded is not made again, so a build with nothing changed transforms nothing, and one edit of a
paragraph remakes that page, the search index and the ZIP. Every file is made in a staging folder (or beside
itself) and renamed into place, so a killed build leaves no half page; build products are not fsync'ed (the
manifest's hashes find a file the system lost, and it is made again)."""

from __future__ import annotations

import functools
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import click
from lxml import etree

from editio.build import executor
from editio.build.executor import current
from editio.build.manifest import Manifest, key, stylesheet_files
from editio.build.package import site_files, write_zip
from editio.build.progress import Progress
from editio.build.search import BUNDLE, index_site, search_key
from editio.build.targets import BuildError, Target
from editio.build.xslt import XSLT_DIR, Stylesheets, XsltError
from editio.edition import Edition
from editio.tei import XML_ID

ASSETS = ("css", "js")
LABELS = XSLT_DIR / "html" / "labels.xml"  # the interface's words in each language (common.xsl, editio:label)


def _doc_id(tei: Path) -> str:
    # the root element's attributes only: no need to parse the whole document for its address
    for _, el in etree.iterparse(str(tei), events=("start",)):
        doc_id = el.get(XML_ID)
        break
    else:
        doc_id = None
    if not doc_id:
        raise BuildError(f"{tei}: the TEI element has no xml:id, so the document has no address")
    return doc_id


def _write(dest: Path, data: bytes) -> Path:
    """Write beside dest, then rename over it (readers never see half a file); no fsync: a build product."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, dest)
    return dest


def _copy(src: Path, dest: Path) -> Path:
    """Copy unless the copy is already byte for byte the same (an unchanged file keeps its time)."""
    data = src.read_bytes()
    if not (dest.is_file() and dest.stat().st_size == len(data) and dest.read_bytes() == data):
        _write(dest, data)
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


@functools.lru_cache(maxsize=1)
def _saxon(params: tuple[tuple[str, str], ...], authority_files: tuple[Path, ...],
           version: str) -> tuple[Stylesheets, dict]:
    """One Saxon processor, the compiled stylesheets and the parsed authority files per process (per worker),
    kept while the parameters, the stylesheets and the authority files (version: their hash) stay the same — a
    long-running process (editio serve) that builds again after a stylesheet was edited compiles it again.
    The authority files go to every transformation as the parameter `authorities` (xslt/html/common.xsl):
    parsed once, where doc() would parse them in each (a third of a summary's time); so are the interface's
    words (xslt/html/labels.xml), as the map `label-entries` (key → entry) that a key() would index again in
    every transformation."""
    xslt = Stylesheets(dict(params))
    parsed = [xslt.parse(path) for path in authority_files]
    labels = xslt.evaluate("map:merge(/labels/label ! map { string(@key): . })", xslt.parse(LABELS))
    return xslt, {"authorities": xslt.xdm({node.base_uri: node for node in parsed}), "label-entries": labels}


@functools.lru_cache(maxsize=1)
def _cards(saxon_key: tuple, cards: Path, version: str):
    """The cards of every authority entry (cards.xsl), made once for the build and parsed once per worker: a
    page copies the cards of the names it uses. version: the hash of what the cards were made from."""
    return _saxon(*saxon_key)[0].parse(cards)


def _print_pages(edition: Edition, ids: list[str], work: Path) -> dict[str, Path]:
    """The print edition's pages.xml split into one small file per document (work/pages/<id>.xml), so that a
    page reads only its own record, never the whole volume's (which grows with the edition); a record is
    rewritten only when it changed, so its page is made again only then."""
    pages = edition.output / "pdf" / "pages.xml"
    folder = work / "pages"
    records: dict[str, Path] = {}
    if pages.is_file():
        for doc in etree.parse(str(pages)).getroot().iter("doc"):
            if doc.get("id") in ids:
                top = etree.Element("pages")
                top.append(doc)
                records[doc.get("id")] = _write_if_changed(folder / f"{doc.get('id')}.xml",
                                                           etree.tostring(top, encoding="UTF-8"))
    if folder.is_dir():
        _sweep(folder, set(records.values()))
    return records


@dataclass(frozen=True)
class _DocumentJob:
    """What a worker needs to make one document's citation and summary (paths in the staging folder)."""

    saxon: tuple
    tei: Path
    doc_id: str
    settings: dict
    base_url: str
    citation: Path | None
    summary: Path | None


@dataclass(frozen=True)
class _PageJob:
    saxon: tuple
    tei: Path
    staged: Path
    params: dict
    cards: tuple[Path, str]  # cards.xml and the key it was made with


def _document_data(job: _DocumentJob) -> _DocumentJob:
    """A task of the build's executor: one document's citation and summary, written to the staging folder."""
    if job.citation:
        from editio.build.citation import citation_xml

        base = job.base_url
        _, xml = citation_xml(job.tei, job.settings, lambda i: f"{base}{i}.html" if base else "")
        _write(job.citation, xml)
    if job.summary:
        xslt, shared = _saxon(*job.saxon)
        xslt.transform("html/summary.xsl", job.tei, job.summary, **shared)
    return job


def _page(job: _PageJob) -> _PageJob:
    """A task of the build's executor: one document's page, written to the staging folder."""
    xslt, shared = _saxon(*job.saxon)
    xslt.transform("html/document.xsl", job.tei, job.staged, **job.params, **shared,
                   cards=_cards(job.saxon, *job.cards))
    return job


def _run(task, jobs: list, label: str):
    """The jobs through the build's executor (build/executor.py: this process, a pool, or Dask), in order,
    with progress; the first failure stops the build with every failed document named."""
    progress = Progress(jobs, label)
    failed = []
    for job, outcome in zip(progress, current().map(task, jobs, describe=lambda j: j.tei.name, small=executor.SMALL),
                            strict=True):
        if outcome.ok:
            progress.done(job.tei.name)
            yield job
        else:
            failed.append(outcome.error)
    if failed:
        raise BuildError(f"{label}: " + "; ".join(failed))


def _write_if_changed(dest: Path, data: bytes) -> Path:
    if not (dest.is_file() and dest.read_bytes() == data):
        _write(dest, data)
    return dest


def run(edition: Edition, out: Path) -> list[Path]:
    docs = edition.documents()
    if not docs:
        raise BuildError(f"{edition.tei}: no TEI documents to publish")
    work = edition.output / ".work" / "html"
    (work / "summaries").mkdir(parents=True, exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    staging = work / "staging"  # beside output/html on the same file system, so that os.replace is atomic
    shutil.rmtree(staging, ignore_errors=True)
    for stray in (*out.rglob(".*.tmp"), *work.rglob(".*.tmp")):  # left by a build killed while writing
        stray.unlink()
    # what each output was made from (manifest.py): unchanged outputs are not made again
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
    volume = edition.output / "pdf" / "edition.pdf"
    # the print edition's volumes (edition.pdf, or edition-001.pdf … and edition-index.pdf: build/print/volumes.py)
    volumes = [_copy(v, out / "pdf" / v.name) for v in sorted((edition.output / "pdf").glob("edition*.pdf"))]
    written.extend(volumes)
    _sweep(out / "pdf", set(pdfs.values()) | set(volumes))
    print_pages = _print_pages(edition, list(ids.values()), work)
    params = tuple(sorted(edition.xslt_params().items()))
    authority = key(sorted(set(edition.tei.glob("*.xml")) - set(docs)))  # hashed once, not once per document

    base = edition.base_url
    citations = work / "citations"
    site = work / "site.xml"
    summary_xsl = key(stylesheet_files(XSLT_DIR / "html" / "summary.xsl"), LABELS)
    document_xsl = key(stylesheet_files(XSLT_DIR / "html" / "document.xsl"), LABELS)
    site_xsl = key(stylesheet_files(XSLT_DIR / "html" / "site.xsl"), LABELS)
    authority_files = tuple(sorted(set(edition.tei.glob("*.xml")) - set(docs)))
    saxon_key = (params, authority_files, key(summary_xsl, document_xsl, site_xsl, authority))
    cards, cards_key = work / "cards.xml", key(summary_xsl, authority, repr(params))  # summary.xsl imports cards.xsl
    if not made.fresh(cards, cards_key):
        xslt, shared = _saxon(*saxon_key)
        xslt.call("html/summary.xsl", staging / cards.name, template="cards", **shared)
        made.record(_publish(staging / cards.name, cards), cards_key)
    saxon = functools.partial(_saxon, *saxon_key)
    tei_keys = {tei: key(tei) for tei in docs}  # each TEI read and hashed once
    settings = repr(sorted(edition.settings.items()))

    try:
        # (1) per document: its citation (citeproc-py) and its summary (summary.xsl), in the build's workers
        summary_keys, jobs = {}, []
        for tei in docs:
            doc_id = ids[tei]
            citation, summary = citations / f"{doc_id}.xml", work / "summaries" / f"{doc_id}.xml"
            cite_key = key(tei_keys[tei], settings, base)
            summary_key = key(tei_keys[tei], summary_xsl, authority, repr(params))
            summary_keys[tei] = summary_key
            cite = not made.fresh(citation, cite_key)
            summarise = not made.fresh(summary, summary_key)
            if cite or summarise:
                jobs.append(_DocumentJob(saxon_key, tei, doc_id, edition.settings, base,
                                         staging / "citations" / citation.name if cite else None,
                                         staging / "summaries" / summary.name if summarise else None))
        for job in _run(_document_data, jobs, "html: summary"):
            if job.citation:
                made.record(_publish(job.citation, citations / job.citation.name), key(tei_keys[job.tei], settings,
                                                                                        base))
            if job.summary:
                made.record(_publish(job.summary, work / "summaries" / job.summary.name),
                            summary_keys[job.tei])
        _sweep(citations, {citations / f"{i}.xml" for i in ids.values()})
        _sweep(work / "summaries", {work / "summaries" / f"{i}.xml" for i in ids.values()})
        # site.xml and every document's context, from all the summaries: again only when one of them changed
        collect_key = key(summary_xsl, repr(params), *summary_keys.values())
        contexts = [work / "context" / f"{i}.xml" for i in ids.values()]
        if not (made.fresh(site, collect_key) and all(made.fresh(c, collect_key) for c in contexts)):
            saxon()[0].call("html/summary.xsl", site, template="collect",
                            summaries=(work / "summaries").resolve().as_uri() + "/")
            for output in (site, *contexts):
                made.record(output, collect_key)
        _sweep(work / "context", set(contexts))
        # (2) per document: its page (document.xsl), in the build's workers
        jobs, page_keys = [], {}
        work_uri = work.resolve().as_uri()  # resolve() once: it costs a system call per part of the path
        for tei in docs:
            doc_id = ids[tei]
            page = out / f"{doc_id}.html"
            context, citation = work / "context" / f"{doc_id}.xml", citations / f"{doc_id}.xml"
            print_record = print_pages.get(doc_id)
            page_params = {"context": f"{work_uri}/context/{doc_id}.xml",
                           "citations": f"{work_uri}/citations/{doc_id}.xml",
                           "pages": f"{work_uri}/pages/{doc_id}.xml" if print_record else "",
                           "pdf-href": f"pdf/{doc_id}.pdf" if doc_id in pdfs else "", "tei-href": f"tei/{tei.name}"}
            page_key = key(tei_keys[tei], context, citation, print_record, document_xsl, authority, cards_key,
                           repr(params), repr(sorted((k, v) for k, v in page_params.items() if k.endswith("-href"))))
            written.append(page)
            if not made.fresh(page, page_key):
                page_keys[page.name] = page_key
                jobs.append(_PageJob(saxon_key, tei, staging / page.name, page_params, (cards, cards_key)))
        for job in _run(_page, jobs, "html: page"):
            made.record(_publish(job.staged, out / job.staged.name), page_keys[job.staged.name])
        parts = None if len(docs) < executor.SMALL else \
            ["home", *(path.name for path in authority_files), "map", "correspondence", "archives", "search"]
        site_pages = _site_pages(edition, out, work, made, saxon, key(site_xsl, authority, repr(params)),
                                 volume.is_file(), parts)
    except XsltError as exc:
        raise BuildError(str(exc)) from exc
    _sweep(out, {out / f"{i}.html" for i in ids.values()} | set(site_pages), "*.html")
    shutil.rmtree(staging, ignore_errors=True)
    written.extend(site_pages)

    pages = sorted(out / f"{i}.html" for i in ids.values()) + site_pages
    written.extend(_search_index(out, made, pages, [f"{i}.html" for i in ids.values()]))
    zip_path = edition.output / "edition-html.zip"
    zip_key = key(*(f"{rel.as_posix()} {(st := (out / rel).stat()).st_size} {st.st_mtime_ns}"
                    for rel in site_files(out)))
    if not made.fresh(zip_path, zip_key):
        made.record(write_zip(out, zip_path), zip_key)
    written.append(zip_path)
    made.save()  # last: a build killed before this point leaves the previous manifest, which the files' hashes check
    click.echo(f"html: {len(written)} files in {out}")
    return written


def _site_pages(edition: Edition, out: Path, work: Path, made: Manifest, saxon, inputs: str,
                has_volume: bool, parts: list[str] | None = None) -> list[Path]:
    """The home page, indexes, map, correspondence, archives and search page: made again only when site.xml,
    the authority files, the first document's prefixes, the stylesheets or the parameters changed. parts: None,
    all in one transformation (a small edition: the cheapest); else the parts of site.xsl, one transformation
    each (a large edition: the memory of one page at a time)."""
    site = work / "site.xml"
    first = next(iter(etree.parse(str(site)).getroot().iter("doc")), None)
    first_tei = edition.tei / first.get("source") if first is not None else None
    search_script = (XSLT_DIR / "html" / "js" / "search.js").is_file()
    site_key = key(site, first_tei, inputs, repr((search_script, has_volume)))
    kept = made.made_with(site_key)
    if kept and all(made.fresh(p, site_key) for p in kept):
        click.echo(f"html: site pages unchanged ({len(kept)})")
        return sorted(kept)
    site_staging = work / "staging" / "site"
    xslt, shared = saxon()
    params = {"tei": edition.tei.resolve().as_uri() + "/", "search-script": search_script,
              "volume-href": "pdf/edition.pdf" if has_volume else "", **shared}
    if parts is None:
        xslt.call("html/site.xsl", site_staging / "index.html", site=site.resolve().as_uri(), **params)
    else:
        # one transformation per page, on one parsed site.xml: a page's trees are freed before the next is made
        # (at 2,000 documents one transformation for all of them held 215 MiB; bench/RESULTS.md)
        tree = xslt.parse(site)
        for part in parts:
            principal = site_staging / ("index.html" if part == "home" else f".{part}.principal")
            xslt.call("html/site.xsl", principal, part=part, **{"site-tree": tree}, **params)
            if part != "home":
                principal.unlink(missing_ok=True)  # the page is a result document; the principal result is empty
    site_pages = sorted(_publish(p, out / p.relative_to(site_staging)) for p in sorted(site_staging.rglob("*"))
                        if p.is_file())
    for p in site_pages:
        made.record(p, site_key)
    click.echo(f"html: site pages {', '.join(p.name for p in site_pages)}")
    return site_pages


def _search_index(out: Path, made: Manifest, pages: list[Path], documents: list[str]) -> list[Path]:
    """Pagefind's index of every page (documents: the pages searched, the others are not read): again only when
    a page changed (or the index was damaged)."""
    index_key = key(search_key(out), *(made.sha(p) for p in pages))
    kept = made.made_with(index_key)
    if kept and all(made.fresh(p, index_key) for p in kept) and \
            {p for p in (out / BUNDLE).rglob("*") if p.is_file()} == set(kept):
        return sorted(kept)
    bundle = index_site(out, documents)
    for p in bundle:
        made.record(p, index_key)
    return bundle


TARGET = Target(name="html", description="the web edition (XSLT 3.0): a page per document, indexes, map, search",
                run=run, needs=("check", "pdf"))
