"""Corpora for timing tei-check against plain jing at scale (whole processes, same files), run by hand.

    python3 bench/check_scale.py OUT_FOLDER      # writes OUT/c13, OUT/c1000, OUT/c10000 and prints the commands

c13 is the edition's tei/ (13 files); c1000 and c10000 are its files copied under numbered folders (profile
tei_all: copies may share xml:ids across files, which tei_all does not look at). Each printed `farm-bench` line
times tei-check (A) against plain jing (B) in turn, whole processes, medians; EDITIO_CHECK_ENGINE=jvm or
in-process before it picks the engine (by default the JVM engine from 1,000 files). `bench/check_cpu.py` sums the
CPU of every process of a session, for runs with worker processes. Results in bench/RESULTS.md.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from editio.check.relaxng import java_executable, jing_jar
from editio.check.tei_schema import locate

REPO = Path(__file__).resolve().parents[1]


def corpus(out: Path, n: int) -> Path:
    folder = out / f"c{n}"
    if folder.exists():
        shutil.rmtree(folder)
    files = sorted((REPO / "tei").glob("*.xml"))
    for i in range(n):
        source = files[i % len(files)]
        target = folder / f"{i // 1000:02d}" / f"{i:05d}-{source.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return folder


def main() -> None:
    out = Path(sys.argv[1]).resolve()
    java, jar, tei_all = java_executable(), jing_jar(), locate()
    for n in (13, 1000, 10000):
        folder = corpus(out, n)
        files = " ".join(str(p) for p in sorted(folder.rglob("*.xml")))
        runs = 5 if n < 10000 else 1
        print(f"# {n} files")
        print(f"tei-check --profile tei_all {folder}")
        print(f"{java} -jar {jar} {tei_all} {files[:200]}{' …' if len(files) > 200 else ''}")
        print(f"farm-bench -n {runs} --timeout 3600 --vs \"sh -c '{java} -jar {jar} {tei_all} {folder}/*/*.xml'\" "
              f"-- sh -c 'exec tei-check --profile tei_all {folder}'")


if __name__ == "__main__":
    main()
