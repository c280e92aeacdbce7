"""A stand-in for `java` in the check engine's tests: every other command runs the real java unchanged; the
engine's JVM runs behind a relay that logs each file sent to it (EDITIO_TEST_JOBS_LOG) and kills the JVM
(SIGKILL, as the kernel's OOM killer would) as soon as it begins a file whose path holds EDITIO_TEST_KILL_ON."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

REAL_JAVA = os.environ["EDITIO_TEST_REAL_JAVA"]


def main() -> None:
    args = sys.argv[1:]
    if "CheckEngine" not in args:
        os.execv(REAL_JAVA, [REAL_JAVA, *args])
    kill_on = os.environ.get("EDITIO_TEST_KILL_ON") or None
    log = open(os.environ["EDITIO_TEST_JOBS_LOG"], "a", encoding="utf-8")  # noqa: SIM115 - lives with the relay
    jvm = subprocess.Popen([REAL_JAVA, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    paths: dict[str, str] = {}

    def feed() -> None:
        for line in sys.stdin.buffer:
            fields = line.decode("utf-8").rstrip("\n").split("\t")
            paths[fields[0]] = "\t".join(fields[1:3])
            log.write(line.decode("utf-8"))
            log.flush()
            try:
                jvm.stdin.write(line)
                jvm.stdin.flush()
            except BrokenPipeError:
                return
        jvm.stdin.close()

    threading.Thread(target=feed, daemon=True).start()
    for line in jvm.stdout:
        fields = line.decode("utf-8").rstrip("\n").split("\t")
        sys.stdout.buffer.write(line)
        sys.stdout.buffer.flush()
        if kill_on and fields[0] == "B" and kill_on in paths.get(fields[1], ""):  # it said so, then died
            jvm.send_signal(signal.SIGKILL)
            jvm.wait()
            sys.exit(137)
    sys.exit(jvm.wait())


if __name__ == "__main__":
    main()
