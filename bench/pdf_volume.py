"""How the print volume's cost grows with its length: one layout pass (compile, then the layout record) over the
volume of the first K documents of an edition, each pass in a fresh process, so its peak memory is the pass's own.

    python3 bench/pdf_volume.py EDITION [K ...]

For each K: the Typst sources of the first K documents (xslt/print/edition.xsl), then passes until no note is apart
from its mark (as the pdf target does), each printed as one JSON line: documents, pages, CPU seconds and peak
resident memory of the pass's process, MiB per page and pages per CPU-second. Results: bench/RESULTS.md, Scale.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import shutil
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pypdf

from editio.build import pdf
from editio.build.print.volumes import plan
from editio.edition import load


def one_pass(source: str, draft: str, breaks: list[str]) -> tuple[dict, float, float]:
    """In the pass's own process: the layout record, its CPU seconds and its peak RSS (MiB)."""
    record = pdf._pass(Path(source), Path(draft), breaks)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return record, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(edition_root: Path, k: int | None, work: Path) -> None:
    edition = load(edition_root)
    docs = edition.documents()[:k] if k else edition.documents()
    src = work / "typst"
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    shutil.copy(pdf.DESIGN, src / pdf.DESIGN.name)
    authorities = tuple(edition.tei / name for name in edition.prefixes.values())
    pdf.write_sources(edition.xslt_params(), edition.tei, authorities, plan(docs, len(docs))[0], src)
    breaks: list[str] = []
    for n in range(1, pdf.MAX_PASSES + 1):
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("forkserver")) as pool:
            record, cpu, peak = pool.submit(one_pass, str(src / "edition.typ"), str(work / "edition.pdf"),
                                            breaks).result()
        pages = len(pypdf.PdfReader(work / "edition.pdf").pages)
        print(json.dumps({"documents": len(docs), "pass": n, "pages": pages, "cpu": round(cpu, 1),
                          "peak_mib": round(peak), "mib_per_page": round(peak / pages, 2),
                          "pages_per_cpu_s": round(pages / cpu, 1)}), flush=True)
        stray = sorted(pdf.stray_notes(record) - set(breaks))
        if not stray:
            return
        breaks = sorted({*breaks, *stray})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("edition", type=Path)
    parser.add_argument("sizes", type=int, nargs="*", help="numbers of documents (default: all)")
    args = parser.parse_args()
    for k in args.sizes or [None]:
        with tempfile.TemporaryDirectory(prefix="editio-volume-") as tmp:
            measure(args.edition, k, Path(tmp))
    sys.exit(0)


if __name__ == "__main__":
    main()
