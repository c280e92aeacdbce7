"""The export stage alone, cold, after one TEI edit and with nothing changed, as whole processes.

    python3 bench/export_bench.py EDITION [--code SCRIPTS_DIR] [--work DIR] [--builds cold,edit,none]

EDITION is an edition folder (bench/make_corpus.py N, then `editio ingest`); its tei/ and edition.toml are copied
into WORK, and there `export.run` is timed three times in a row, each in a fresh process on the build's executor
(default engine): from nothing (output/ removed), after one word changed in one paragraph of one TEI file
(run.py's touch_one_tei), and with nothing changed. CPU seconds and peak memory are sampled over the process
tree (run.py's TreeSampler: a forkserver pool's workers are not seen by os.wait4), with the load average at the
start and end of each row. --code runs another copy of the package (its scripts/ folder first on PYTHONPATH): the
code before a change, for before/after rows from the same corpus.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import timed, touch_one_tei


def stage(edition: Path) -> None:
    """In the child process: the export stage of the edition, as `editio build export` runs it after check."""
    from editio.build import export
    from editio.build.executor import open_executor
    from editio.edition import load

    ed = load(edition)
    with open_executor():
        export.run(ed, ed.output / "exports")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("edition", type=Path)
    parser.add_argument("--code", type=Path, default=None, help="scripts/ folder of the package to run")
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--builds", default="cold,edit,none")
    parser.add_argument("--stage", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        stage(args.edition)
        return
    work = args.work or Path(f"/tmp/editio-export-bench-{args.edition.name}")
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    shutil.copytree(args.edition / "tei", work / "tei")
    shutil.copyfile(args.edition / "edition.toml", work / "edition.toml")
    documents = len(list((work / "tei").glob("19*.xml")))
    env = dict(os.environ)
    if args.code:
        env["PYTHONPATH"] = str(args.code.resolve())
        os.environ["PYTHONPATH"] = env["PYTHONPATH"]  # timed() starts the child with this process's environment
    print("| code | documents | build | cpu | wall | peak RSS | load (start → end) | exit |")
    print("| --- | ---: | --- | ---: | ---: | ---: | --- | ---: |")
    for build in args.builds.split(","):
        if build == "cold":
            shutil.rmtree(work / "output", ignore_errors=True)
        elif build == "edit":
            touch_one_tei(work)
        load_before = Path("/proc/loadavg").read_text().split()[0]
        run = timed([sys.executable, __file__, "--stage", str(work)])
        load_after = Path("/proc/loadavg").read_text().split()[0]
        print(f"| {args.code or 'this branch'} | {documents} | {build} | {run.cpu:.1f} s | {run.wall:.1f} s | "
              f"{run.peak_mib:.0f} MiB | {load_before} → {load_after} | {run.code} |", flush=True)
        if run.code:
            print(run.tail, file=sys.stderr)


if __name__ == "__main__":
    main()
