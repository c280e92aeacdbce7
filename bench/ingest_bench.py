"""How fast `editio ingest` converts: the five seed sources copied N times (ten documents each round).

Run by hand: `python3 bench/ingest_bench.py [N]`; results go to bench/RESULTS.md by hand. Not a test.
"""

from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from editio.ingest.command import run_ingest

REPO = Path(__file__).resolve().parents[1]


def main(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "sources"
        src.mkdir()
        for k in range(rounds):
            for p in sorted((REPO / "sources").glob("*.txt")):
                shutil.copy(p, src / f"{k:04d}-{p.name}")
        out = Path(tmp) / "tei"
        out.mkdir()
        for name in ("persons.xml", "places.xml", "orgs.xml"):
            shutil.copy(REPO / "tei" / name, out / name)
        t0 = time.perf_counter()
        errors = run_ingest(sorted(src.glob("*.txt")), out, echo=lambda *a, **k: None)
        elapsed = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        docs = len(list(out.glob("19*.xml")))
        print(f"{rounds * 5} sources, {docs} documents, {errors} errors: {elapsed:.2f} s "
              f"({elapsed / docs * 1000:.0f} ms per document), peak resident memory {peak:.0f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
