"""The scale benchmark: a synthetic edition of N sources (bench/make_corpus.py), built cold and after one edit.

    python3 bench/run.py [--sizes 100,1000] [--seed 1] [--work DIR] [--out DIR] [--tei-all tei_all.rng]
                         [--builds cold,…] [--no-jing] [--pdf-alone]

For each N: `editio build` on a fresh copy (cold), then again after changing one source and one TEI file
(incremental), then once more with nothing changed, each as one whole process: wall seconds, CPU seconds (user +
system of the process and its children, from os.wait4, or from sampling the process tree where that saw more: a
forkserver's workers), peak resident memory of the largest process, and the
seconds of each stage read from the build's own "== stage" lines as they arrive. Then, on the same TEI files, plain
jing with tei_all.rng against `tei-check --profile tei_all`. Prints Markdown rows for bench/RESULTS.md and writes,
into --out (default: the work folder), results.md (the same table), results.json (the measurements) and scale.png:
time against N per stage, one panel per kind of build (matplotlib, a test dependency: CI runs this at N = 100 as a
smoke test, tests/bench/). Run by hand for figures; the smoke test asserts no time.

`--ingest ARGS` times only `editio ingest ARGS` (cold, then with nothing changed) at each size, with the CPU and
the resident memory of the whole process tree (the pool's workers with the parent) and the load average.
`--builds` runs only some of the three builds (a large edition's cold build alone), `--no-jing` skips the jing
comparison, and `--pdf-alone` adds, after the builds, `editio build pdf` alone with the print edition removed
(output/pdf and its record): the print stage's own CPU, memory and pages per second (every page of every PDF it
made, counted with pypdf), with the number of volumes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make

from editio.check.relaxng import JVM_OPTIONS, java_executable, jing_jar
from editio.check.tei_schema import locate

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
    peak_tree_mib: float = 0.0  # the whole process tree's resident memory at its largest sample


TICK = os.sysconf("SC_CLK_TCK")
PAGE_MIB = os.sysconf("SC_PAGE_SIZE") / 2**20


class TreeSampler(threading.Thread):
    """Every process under `pid`, sampled from /proc every half second: the CPU seconds each was last seen with and
    the largest resident set of any one of them. Why: the workers of a forkserver pool are children of the
    forkserver, which is never waited for, so os.wait4's accounting misses their CPU and memory (bench/check_cpu.py
    found the same for tei-check's pool). A process is missed for at most its last half second."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.cpu, self.peak_mib, self.done = pid, {}, 0.0, threading.Event()
        self.peak_tree_mib = 0.0  # the largest sum of the resident sets of the whole tree at one sample

    def run(self) -> None:
        while not self.done.wait(0.5):
            stats: dict[int, tuple[int, float, float]] = {}  # pid → (parent, cpu seconds, resident MiB)
            for entry in os.listdir("/proc"):
                if entry.isdigit():
                    try:
                        text = Path(f"/proc/{entry}/stat").read_text()
                    except OSError:
                        continue
                    fields = text[text.rindex(")") + 2:].split()
                    stats[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK,
                                         int(fields[21]) * PAGE_MIB)
            children: dict[int, list[int]] = {}
            for pid, (parent, _, _) in stats.items():
                children.setdefault(parent, []).append(pid)
            todo, tree = [self.pid], 0.0
            while todo:
                pid = todo.pop()
                if pid in stats:
                    self.cpu[pid] = stats[pid][1]
                    self.peak_mib = max(self.peak_mib, stats[pid][2])
                    tree += stats[pid][2]
                todo += children.get(pid, [])
            self.peak_tree_mib = max(self.peak_tree_mib, tree)


def timed(cmd: list[str], cwd: Path | None = None) -> Run:
    """One whole process and every process under it: CPU and peak memory from the operating system's accounting of
    the finished child, or from sampling the process tree where that saw more (a forkserver's workers)."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sampler = TreeSampler(proc.pid)
    sampler.start()
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
    sampler.done.set()
    sampler.join()
    if current:
        stages[current] = end - since
    return Run(end - started, max(usage.ru_utime + usage.ru_stime, sum(sampler.cpu.values())),
               max(usage.ru_maxrss / 1024, sampler.peak_mib), proc.returncode, stages, "".join(lines[-3:]),
               max(usage.ru_maxrss / 1024, sampler.peak_tree_mib))


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


HEADER = ("| sources | TEI documents | build | wall | cpu | peak RSS | documents/s | stages (wall) | exit |\n"
          "| ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: |")
BUILDS = ("cold", "after 1 source + 1 TEI edit", "nothing changed")


def row(r: dict) -> str:
    """One Markdown row of the table."""
    stages = ", ".join(f"{s} {t:.1f} s" for s, t in r["stages"].items())
    return (f"| {r['sources']} | {r['documents']} | {r['build']} | {r['wall']:.1f} s | {r['cpu']:.1f} s | "
            f"{r['peak_mib']:.0f} MiB | {r['documents'] / r['wall']:.1f} | {stages} | {r['exit']} |")


def pdf_alone(edition: Path, editio: list[str]) -> str:
    """`editio build pdf` with the print edition removed: its own figures, as a note."""
    import pypdf

    for folder in (edition / "output" / "pdf", edition / "output" / ".work" / "pdf"):
        shutil.rmtree(folder, ignore_errors=True)
    load = os.getloadavg()
    run = timed([*editio, "build", "pdf"])
    out = edition / "output" / "pdf"
    volumes = [p for p in out.glob("edition*.pdf")]
    pages = {p.name: len(pypdf.PdfReader(p).pages) for p in sorted(out.glob("*.pdf"))}
    in_volumes = sum(pages[p.name] for p in volumes)
    total = sum(pages.values())
    stage = run.stages.get("pdf", run.wall)
    return (f"`editio build pdf` alone (exit {run.code}), load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
            f"at its start, {os.getloadavg()[0]:.1f} at its end: {run.wall:.1f} s wall (pdf stage {stage:.1f} s), "
            f"{run.cpu:.1f} CPU-s (all processes), largest process {run.peak_mib:.0f} MiB; {len(volumes)} volume "
            f"files with {in_volumes} pages, {len(pages) - len(volumes)} document PDFs with {total - in_volumes} "
            f"pages: {total / stage:.1f} pages/s of the pdf stage's wall, {total / run.cpu:.1f} pages per CPU-s")


def bench(n: int, seed: int, work: Path, tei_all: Path | None, notes: list[str],
          builds: tuple[str, ...] = BUILDS, alone: bool = False) -> list[dict]:
    """The three builds of one size (printed as they finish); their measurements. The jing comparison goes to
    notes."""
    edition = work / f"n{n}"
    if edition.exists():
        shutil.rmtree(edition)
    make(n, seed, edition)
    editio = [str(Path(sys.executable).with_name("editio")), "--edition", str(edition)]
    print(HEADER, flush=True)
    rows = []
    for label in builds:
        if label == BUILDS[1]:
            touch_one_source(edition)
            touch_one_tei(edition)
        run = timed([*editio, "build"])
        docs = len(list((edition / "tei").glob(DOCUMENT_FILES)))
        rows.append({"sources": n, "documents": docs, "build": label, "wall": run.wall, "cpu": run.cpu,
                     "peak_mib": run.peak_mib, "stages": run.stages, "exit": run.code,
                     "load": os.getloadavg()[0]})
        print(row(rows[-1]), flush=True)
        if run.code:
            print(run.tail, file=sys.stderr)
    if alone:
        notes.append(f"N = {n}: " + pdf_alone(edition, editio))
        print(f"\n{notes[-1]}", flush=True)
    java, jar = java_executable(), jing_jar()
    if tei_all and java and jar:
        files = [str(p) for p in sorted((edition / "tei").glob("*.xml"))]
        jing = timed([java, *JVM_OPTIONS, "-jar", str(jar), str(tei_all), *files])
        check = timed([sys.executable, "-m", "editio.check", "--tei-schema", str(tei_all), "--profile", "tei_all",
                       "-q", *files])
        notes.append(f"N = {n}, {len(files)} TEI files: jing (tei-check's JVM options) {jing.wall:.2f} s wall, "
                     f"{jing.cpu:.2f} s cpu, {jing.peak_mib:.0f} MiB (exit {jing.code}); tei-check --profile "
                     f"tei_all {check.wall:.2f} s wall, {check.cpu:.2f} s cpu, {check.peak_mib:.0f} MiB "
                     f"(exit {check.code})")
        print(f"\n{notes[-1]}", flush=True)
    return rows


INGEST_HEADER = ("| sources | TEI documents | `editio ingest` | wall | cpu | largest process | process tree | "
                 "load at start → end | exit |\n| ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: |")


def bench_ingest(n: int, seed: int, work: Path, args: list[str]) -> list[str]:
    """`editio ingest` alone on a fresh edition of n sources, cold and then with nothing changed: Markdown rows
    (CPU and memory of the whole process tree, the load average at start and end)."""
    edition = work / f"ingest-n{n}"
    if edition.exists():
        shutil.rmtree(edition)
    make(n, seed, edition)
    editio = [str(Path(sys.executable).with_name("editio")), "--edition", str(edition), "ingest", *args]
    rows = []
    for label in ("cold", "nothing changed"):
        load = os.getloadavg()[0]
        run = timed(editio)
        docs = len(list((edition / "tei").glob(DOCUMENT_FILES)))
        rows.append(f"| {n} | {docs} | {label} {' '.join(args)} | {run.wall:.1f} s | {run.cpu:.1f} s | "
                    f"{run.peak_mib:.0f} MiB | {run.peak_tree_mib:.0f} MiB | {load:.1f} → {os.getloadavg()[0]:.1f} | "
                    f"{run.code} |")
        print(rows[-1], flush=True)
        if run.code:
            print(run.tail, file=sys.stderr)
    return rows


def plot(rows: list[dict], png: Path) -> None:
    """Wall seconds against N (sources), one line per stage and one for the whole build, a panel per kind of build."""
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt

    fig, panels = plt.subplots(1, len(BUILDS), figsize=(5 * len(BUILDS), 4.2), sharey=True, squeeze=False)
    for panel, build in zip(panels[0], BUILDS, strict=True):
        runs = sorted((r for r in rows if r["build"] == build), key=lambda r: r["sources"])
        stages = sorted({s for r in runs for s in r["stages"]})
        for stage in stages:
            points = [(r["sources"], r["stages"][stage]) for r in runs if stage in r["stages"]]
            panel.plot(*zip(*points, strict=True), marker="o", label=stage)
        whole = [r for r in runs if r["exit"] == 0]  # a build stopped or failed has stage points only
        if whole:
            panel.plot([r["sources"] for r in whole], [r["wall"] for r in whole], marker="s", color="black",
                       linewidth=2, label="whole build")
        panel.set_xscale("log")
        panel.set_yscale("log")
        panel.set_title(build)
        panel.set_xlabel("sources (N)")
        panel.grid(True, which="both", alpha=0.3)
    panels[0][0].set_ylabel("wall seconds")
    panels[0][0].legend(loc="upper left", fontsize="small")  # the cold builds: every stage ran
    fig.suptitle("editio build: time against N per stage")
    fig.tight_layout()
    png.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(png, dpi=100)
    plt.close(fig)


def save(rows: list[dict], notes: list[str], machine: str, out: Path) -> None:
    """results.md, results.json and scale.png in out."""
    out.mkdir(parents=True, exist_ok=True)
    table = "\n".join([HEADER, *(row(r) for r in rows)])
    (out / "results.md").write_text("\n\n".join([machine, table, *notes]) + "\n", encoding="utf-8")
    (out / "results.json").write_text(json.dumps({"machine": machine, "rows": rows, "notes": notes}, indent=1)
                                      + "\n", encoding="utf-8")
    plot(rows, out / "scale.png")
    print(f"\nwritten: {out / 'results.md'}, {out / 'results.json'}, {out / 'scale.png'}")


ROW = re.compile(r"^\| (?P<sources>\d+) \| (?P<documents>\d+) \| (?P<build>[^|]+?) \| (?P<wall>[\d.]+) s \| "
                 r"(?P<cpu>[\d.]+) s \| (?P<peak>[\d.]+) MiB \| [\d.]+ \| (?P<stages>[^|]*) \| (?P<exit>-?\d+) \|$")


def rows_from(text: str) -> list[dict]:
    """The rows of a table this script printed (its output as it went, for a run stopped before `save`)."""
    rows = []
    for line in text.splitlines():
        m = ROW.match(line.strip())
        if m:
            stages = {s.rsplit(" ", 2)[0]: float(s.rsplit(" ", 2)[1]) for s in m["stages"].split(", ") if s}
            rows.append({"sources": int(m["sources"]), "documents": int(m["documents"]), "build": m["build"],
                         "wall": float(m["wall"]), "cpu": float(m["cpu"]), "peak_mib": float(m["peak"]),
                         "stages": stages, "exit": int(m["exit"])})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/editio-bench"))
    parser.add_argument("--out", type=Path, default=None, help="folder for results.md/json and scale.png "
                        "(default: the work folder)")
    parser.add_argument("--tei-all", type=Path, default=None, help="tei_all.rng for the jing comparison (default: "
                        "as tei-check finds it: EDITIO_TEI_ALL, else the bundled schema/tei_all.rng)")
    parser.add_argument("--builds", default=",".join(BUILDS), help="which of the builds to run, in their order: "
                        + ", ".join(BUILDS))
    parser.add_argument("--no-jing", action="store_true", help="skip the comparison of jing and tei-check")
    parser.add_argument("--pdf-alone", action="store_true", help="then `editio build pdf` alone (see above)")
    parser.add_argument("--plot-from", type=Path, nargs="+", default=None, metavar="LOG",
                        help="only plot the rows printed in these outputs of earlier runs into --out/scale.png")
    parser.add_argument("--ingest", default=None, metavar="ARGS", help="only `editio ingest ARGS` (e.g. '--jobs 1'; "
                        "'' for the defaults), cold and with nothing changed, at each size")
    args = parser.parse_args()
    if args.ingest is not None:
        print(describe_machine())
        print(INGEST_HEADER)
        for n in (int(s) for s in args.sizes.split(",")):
            bench_ingest(n, args.seed, args.work, args.ingest.split())
        return
    if args.plot_from:
        rows = [r for log in args.plot_from for r in rows_from(log.read_text(encoding="utf-8"))]
        plot(rows, (args.out or args.work) / "scale.png")
        print(f"{len(rows)} rows plotted: {(args.out or args.work) / 'scale.png'}")
        return
    machine = describe_machine()
    print(machine)
    rows, notes = [], []
    for n in (int(s) for s in args.sizes.split(",")):
        builds = tuple(b for b in BUILDS if b in args.builds.split(","))
        rows += bench(n, args.seed, args.work, None if args.no_jing else args.tei_all or locate(None), notes,
                      builds, args.pdf_alone)
    save(rows, notes, machine, args.out or args.work)
    sys.exit(1 if any(r["exit"] for r in rows) else 0)


if __name__ == "__main__":
    main()
