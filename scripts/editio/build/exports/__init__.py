"""The exchange formats of `editio export` (target `export`), one module each: what it writes and how it is
validated. The XSLT does the writing wherever the output is XML or text (xslt/export/); these modules run it,
turn the per-document records into data (JSON Lines, CSV), package the deposit and validate every file."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from editio.build import executor
from editio.build.xslt import XsltError, worker_stylesheets

REPO = Path(__file__).resolve().parents[4]
SCHEMAS = REPO / "schema"


def documents_param(documents: list[Path]) -> str:
    """The stylesheets' `documents` parameter: one file URI a line, in the edition's order."""
    return "\n".join(p.resolve().as_uri() for p in documents)


def doc_id(path: Path) -> str:
    """The document's xml:id (its stable name in every output), read from the root without parsing the whole file."""
    for _, el in etree.iterparse(str(path), events=("start",)):
        return el.get("{http://www.w3.org/XML/1998/namespace}id") or path.stem
    return path.stem


def _transform(job: tuple[str, tuple[tuple[str, str], ...], str, str]) -> str:
    stylesheet, params, source, target = job
    worker_stylesheets(dict(params)).transform(stylesheet, Path(source), Path(target))
    return target


def per_document(edition, out: Path, stylesheet: str, folder: str, suffix: str) -> list[Path]:
    """One file per document, <folder>/<xml:id><suffix>, written by the stylesheet, in the edition's order, by
    the build's executor (every core, or a Dask cluster)."""
    params = tuple(sorted(edition.xslt_params().items()))
    jobs = [(stylesheet, params, str(doc), str(out / folder / f"{doc_id(doc)}{suffix}"))
            for doc in edition.documents()]
    outcomes = list(executor.current().map(_transform, jobs, describe=lambda job: job[2],
                                            small=executor.SMALL))
    failed = [o.error for o in outcomes if not o.ok]
    if failed:
        raise XsltError("; ".join(failed))
    return [Path(o.value) for o in outcomes]
