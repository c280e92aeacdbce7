"""Whole-process timings that count every process a command starts, run by hand (Linux: reads /proc).

    python3 bench/check_cpu.py -n 3 -- 'tei-check --profile tei_all /tmp/cb/c1000' 'sh jing.sh /tmp/cb/c1000'

Why not `/usr/bin/time` alone: a process pool's workers are children of its forkserver, which nobody waits for,
so their CPU never reaches the command's rusage (a pool burning 3 CPU-seconds shows 0.08 s). This runs each
command in a session of its own and polls /proc every 20 ms: CPU is the sum over every process of the session of
its own user + system time when last seen; peak is the largest sum of the session's resident sets. The commands
run in turn (A B A B …) so the machine's drift hits both; figures are medians, with the load average.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import time
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def _session(sid: int) -> dict[int, tuple[float, int]]:
    """pid → (own cpu seconds, resident bytes) of every process in session `sid`."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[3]) != sid:  # field 6 of stat: the session id
            continue
        found[int(entry.name)] = ((int(fields[11]) + int(fields[12])) / TICK, int(fields[21]) * PAGE)
    return found


def measure(command: str) -> dict[str, float]:
    start = time.monotonic()
    proc = subprocess.Popen(shlex.split(command), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    cpu: dict[int, float] = {}
    peak = 0
    while proc.poll() is None:
        seen = _session(proc.pid)
        for pid, (seconds, _) in seen.items():
            cpu[pid] = max(cpu.get(pid, 0.0), seconds)
        peak = max(peak, sum(rss for _, rss in seen.values()))
        time.sleep(0.02)
    wall = time.monotonic() - start
    leftover = _session(proc.pid)  # a pool's forkserver may outlive its parent by a moment
    for pid, (seconds, _) in leftover.items():
        cpu[pid] = max(cpu.get(pid, 0.0), seconds)
    return {"wall": wall, "cpu": sum(cpu.values()), "peak MiB": peak / 2**20, "processes": len(cpu),
            "exit": proc.returncode}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3, help="runs of each command")
    parser.add_argument("commands", nargs="+", help="commands, each one string")
    args = parser.parse_args()
    runs: dict[str, list[dict[str, float]]] = {c: [] for c in args.commands}
    load = [os.getloadavg()[0]]
    for _ in range(args.n):
        for command in args.commands:
            runs[command].append(measure(command))
            load.append(os.getloadavg()[0])
    print(f"load average (1 min) during the runs: {min(load):.1f}–{max(load):.1f}, {os.cpu_count()} cores")
    for command, results in runs.items():
        row = {k: statistics.median(r[k] for r in results) for k in ("wall", "cpu", "peak MiB", "processes")}
        spread = f"wall {min(r['wall'] for r in results):.2f}–{max(r['wall'] for r in results):.2f}"
        print(f"{command}\n  median wall {row['wall']:.2f} s, cpu {row['cpu']:.2f} s, peak {row['peak MiB']:.0f} MiB "
              f"(whole session, {row['processes']:.0f} processes; {spread}; exits {[r['exit'] for r in results]})")
    if len(args.commands) == 2:
        a, b = (runs[c] for c in args.commands)
        for key in ("wall", "cpu"):
            ratios = [x[key] / y[key] for x, y in zip(a, b, strict=True)]
            pairs = ", ".join(f"{r:.2f}" for r in ratios)
            print(f"  ratio A/B {key}: median {statistics.median(ratios):.2f} (pairs {pairs})")


if __name__ == "__main__":
    main()
