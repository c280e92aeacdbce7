"""Time the Schematron engine on TEI's embedded rules: extraction, compilation, validation per document.

Run by hand:  EDITIO_TEI_ALL=/path/to/tei_all.rng python3 bench/schematron_bench.py [more.xml …]
Documents timed: the edition's tei/*.xml, the TEI fixtures of tests/schematron, the foreign TEI files beside
the schema folder (../foreign-tei) if present, and any files named on the command line.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lxml import etree

from editio.check.schematron import Schematron, extract_embedded
from editio.check.schematron.expand import safe_parser

REPO = Path(__file__).resolve().parents[1]
REPEAT = 7


def timed(fn, repeat: int = 1) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(argv: list[str]) -> int:
    tei_all = os.environ.get("EDITIO_TEI_ALL")
    if not tei_all or not Path(tei_all).is_file():
        print("set EDITIO_TEI_ALL to tei_all.rng", file=sys.stderr)
        return 2
    start = time.perf_counter()
    rng = etree.parse(tei_all, safe_parser())
    parsed = time.perf_counter() - start
    extract, sch = timed(lambda: extract_embedded(rng), REPEAT)
    first, schema = timed(lambda: Schematron(sch))  # includes creating the SaxonC processor
    again, schema = timed(lambda: Schematron(sch), REPEAT)
    print(f"tei_all.rng parse {parsed * 1000:.0f} ms; extract {extract * 1000:.1f} ms; "
          f"compile first {first * 1000:.0f} ms, warm median {again * 1000:.0f} ms "
          f"({schema.rule_count} rules, {len(schema.assertions)} tests, {len(schema.patterns)} patterns)")

    foreign = Path(tei_all).resolve().parent.parent / "foreign-tei"
    docs = [*sorted((REPO / "tei").glob("*.xml")), *sorted((REPO / "tests/schematron/fixtures/tei").glob("*.xml")),
            *sorted(foreign.glob("*.xml")), *map(Path, argv)]
    print(f"{'document':48} {'elements':>8} {'attrs':>6} {'failures':>8} {'first ms':>9} {'median ms':>9}")
    total = 0.0
    trees = []
    for path in docs:
        tree = etree.parse(str(path), safe_parser())
        trees.append(tree)
        elements = sum(1 for e in tree.iter() if isinstance(e.tag, str))
        attrs = sum(len(e.attrib) for e in tree.iter() if isinstance(e.tag, str))
        cold, failures = timed(lambda t=tree: schema.validate(t))
        warm, _ = timed(lambda t=tree: schema.validate(t), REPEAT)
        total += warm
        print(f"{path.name[:48]:48} {elements:>8} {attrs:>6} {len(failures):>8} "
              f"{cold * 1000:>9.1f} {warm * 1000:>9.1f}")
    if trees:
        print(f"sum of medians over {len(trees)} documents: {total * 1000:.0f} ms")
        for workers in (1, 2, 4):
            with ThreadPoolExecutor(max_workers=workers) as pool:
                start = time.perf_counter()
                list(pool.map(schema.validate, trees * 3))
                wall = time.perf_counter() - start
            print(f"{workers} thread(s): {len(trees) * 3} validations in {wall * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
