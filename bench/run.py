"""The scale benchmark: a synthetic edition of N sources (bench/make_corpus.py), built cold and after one edit.

    python3 bench/run.py [--sizes 100,1000] [--seed 1] [--work DIR] [--tei-all tei_all.rng]

For each N: `editio build` on a fresh copy (cold), then again after changing one source and one TEI file
(incremental), each as one whole process: wall seconds, CPU seconds (user + system of the process and its
children, from os.wait4), peak resident memory of the largest process, and the seconds of each stage read from the
build's own "== stage" lines as they arrive. Then, on the same TEI files, plain jing with tei_all.rng against
`tei-check --profile tei_all`. Prints Markdown rows for bench/RESULTS.md. Run by hand; never a test.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make

from editio.check.relaxng import JVM_OPTIONS, java_executable, jing_jar

STAGE = re.compile(r"^== (?P<stage>\S+)")
DOCUMENT_FILES = "19*.xml"


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mib: float
    code: int
    stages: dict[str, float] = field(default_factory=dict)
    tail: str = ""


def timed(cmd: list[str], cwd: Path | None = None) -> Run:
    """One whole process, measured by the operating system's accounting of the finished child."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    stages: dict[str, float] = {}
    current, since, lines = None, started, []
    for line in proc.stdout:
        now = time.monotonic()
        lines.append(line)
        m = STAGE.match(line)
        if m:
            if current:
                stages[current] = now - since
            current, since = m["stage"], now
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    end = time.monotonic()
    if current:
        stages[current] = end - since
    return Run(end - started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode, stages,
               "".join(lines[-3:]))


def touch_one_source(edition: Path) -> None:
    """An editor's correction in one source: a word changed in its longest line."""
    path = sorted((edition / "sources").glob("*.txt"))[len(list((edition / "sources").glob("*.txt"))) // 2]
    lines = path.read_text(encoding="utf-8").split("\n")
    k = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[k] = lines[k].replace(" the ", " the very ", 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def touch_one_tei(edition: Path) -> None:
    """An editor's correction in one TEI file: a word changed in a paragraph."""
    path = sorted((edition / "tei").glob(DOCUMENT_FILES))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(<p\b[^>]*>[^<]*?) the ", r"\1 the very ", text, count=1), encoding="utf-8")


def describe_machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next(int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
               if line.startswith("MemTotal"))
    return (f"{os.cpu_count()} × {cpu}, {mem / 1024:.1f} GiB, Python {platform.python_version()}, "
            f"load average {os.getloadavg()[0]:.1f} at the start")


def bench(n: int, seed: int, work: Path, tei_all: Path | None) -> None:
    edition = work / f"n{n}"
    if edition.exists():
        shutil.rmtree(edition)
    make(n, seed, edition)
    editio = [str(Path(sys.executable).with_name("editio")), "--edition", str(edition)]
    print("| sources | TEI documents | build | wall | cpu | peak RSS | documents/s | stages (wall) | exit |")
    print("| ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: |", flush=True)
    for label, edit in (("cold", None), ("after 1 source + 1 TEI edit", "edit"), ("nothing changed", None)):
        if edit:
            touch_one_source(edition)
            touch_one_tei(edition)
        run = timed([*editio, "build"])
        docs = len(list((edition / "tei").glob(DOCUMENT_FILES)))
        stages = ", ".join(f"{s} {t:.1f} s" for s, t in run.stages.items())
        print(f"| {n} | {docs} | {label} | {run.wall:.1f} s | {run.cpu:.1f} s | {run.peak_mib:.0f} MiB | "
              f"{docs / run.wall:.1f} | {stages} | {run.code} |", flush=True)
        if run.code:
            print(run.tail, file=sys.stderr)
    java, jar = java_executable(), jing_jar()
    if tei_all and java and jar:
        files = [str(p) for p in sorted((edition / "tei").glob("*.xml"))]
        jing = timed([java, *JVM_OPTIONS, "-jar", str(jar), str(tei_all), *files])
        check = timed([sys.executable, "-m", "editio.check", "--tei-schema", str(tei_all), "--profile", "tei_all",
                       "-q", *files])
        print(f"\n{len(files)} TEI files: jing (tei-check's JVM options) {jing.wall:.2f} s wall, {jing.cpu:.2f} s "
              f"cpu, {jing.peak_mib:.0f} MiB (exit {jing.code}); tei-check --profile tei_all {check.wall:.2f} s "
              f"wall, {check.cpu:.2f} s cpu, {check.peak_mib:.0f} MiB (exit {check.code})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/editio-bench"))
    parser.add_argument("--tei-all", type=Path, default=os.environ.get("EDITIO_TEI_ALL"))
    args = parser.parse_args()
    print(describe_machine())
    for n in (int(s) for s in args.sizes.split(",")):
        bench(n, args.seed, args.work, args.tei_all)


if __name__ == "__main__":
    main()
