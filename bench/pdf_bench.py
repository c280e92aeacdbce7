"""How fast the print edition is made: pages per second for the volume and for all per-document PDFs.

Run by hand:  python3 bench/pdf_bench.py [--scale N]
The bundled corpus, and with --scale N its ten documents copied N times (new xml:ids) for a longer volume. Prints
medians of REPEAT runs of each stage (wall clock, each run a fresh process) on this machine; results go to
bench/RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdf

from editio.build import pdf
from editio.build.executor import open_executor
from editio.build.print.volumes import plan
from editio.edition import load

REPO = Path(__file__).resolve().parents[1]
REPEAT = 3


def scaled_edition(scale: int, into: Path) -> Path:
    """The bundled edition with its documents copied `scale` times, each copy with its own ids."""
    (into / "tei").mkdir(parents=True)
    shutil.copy(REPO / "edition.toml", into / "edition.toml")
    for name in ("persons.xml", "places.xml", "orgs.xml"):
        shutil.copy(REPO / "tei" / name, into / "tei" / name)
    for copy in range(scale):
        for doc in load(REPO).documents():
            text = doc.read_text(encoding="utf-8").replace('"doc-', f'"doc-c{copy}-').replace("#doc-", f"#doc-c{copy}-")
            (into / "tei" / f"{doc.stem}-c{copy}.xml").write_text(text, encoding="utf-8")
    return into


def _cpu() -> float:
    """CPU seconds of this process, all its threads (user + system): steadier than wall time on a shared machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def once(root: Path, threads: int, tmp: Path) -> dict[str, float]:
    """Every stage once, in a fresh process (Typst memoises layouts within a process: a second run would be cached)."""
    edition = load(root)
    docs = edition.documents()
    out = tmp / "out"
    src = out / pdf.SOURCES
    times: dict[str, float] = {}

    def clock(name, fn):
        start, cpu = time.perf_counter(), _cpu()
        result = fn()
        times[name] = time.perf_counter() - start
        times[name + "_cpu"] = _cpu() - cpu
        return result

    src.mkdir(parents=True, exist_ok=True)
    shutil.copy(pdf.DESIGN, src / pdf.DESIGN.name)
    volume = plan(docs, len(docs))[0]  # the whole edition as one volume: what this benchmark has always measured
    authorities = tuple(edition.tei / name for name in edition.prefixes.values())
    typ = clock("xslt", lambda: pdf.write_sources(edition.xslt_params(), edition.tei, authorities, volume, src))
    clock("glyphs", lambda: pdf.check_glyphs([src / "edition.typ", *typ.values()], [*docs, *authorities], root))
    clock("volume", lambda: pdf.typeset(src / "edition.typ", out / "edition.pdf"))
    jobs = [(path, out / f"{doc}.pdf") for doc, path in typ.items()]
    with open_executor(threads):  # the document PDFs run on the build's executor (1: this process)
        clock("documents", lambda: pdf.compile_all(jobs))
    times["pages"] = len(pypdf.PdfReader(out / "edition.pdf").pages)
    times["doc_pages"] = sum(len(pypdf.PdfReader(p).pages) for _, p in jobs)
    times["docs"] = len(docs)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--once", type=int, metavar="THREADS", help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.once:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(once(args.root, args.once, Path(tmp))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = REPO if args.scale == 1 else scaled_edition(args.scale, Path(tmp) / "edition")
        runs = {threads: [json.loads(subprocess.run(
                    [sys.executable, __file__, "--once", str(threads), "--root", str(root)],
                    check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
                    for _ in range(REPEAT)] for threads in (1, 2)}
    med = {t: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for t, rs in runs.items()}
    m = med[2]
    print(f"{int(m['docs'])} documents; volume {int(m['pages'])} pages; per-document PDFs {int(m['doc_pages'])} pages")
    print("stage                            wall ms  pages/s   cpu ms  pages/cpu-s")

    def row(label: str, d: dict, key: str, pages: float) -> None:
        wall, cpu = d[key], d[key + "_cpu"]
        rate = f"{pages / wall:8.0f} {cpu * 1000:8.0f} {pages / cpu:11.0f}" if pages else f"{'':8} {cpu * 1000:8.0f}"
        print(f"{label:32} {wall * 1000:7.0f} {rate}")

    row("XSLT -> Typst sources", m, "xslt", 0)
    row("glyph coverage (fontTools)", m, "glyphs", 0)
    row("volume (layout, PDF)", m, "volume", m["pages"])
    for t in (1, 2):
        row(f"document PDFs, {t} thread(s)", med[t], "documents", med[t]["doc_pages"])


if __name__ == "__main__":
    main()
