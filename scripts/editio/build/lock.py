"""One build at a time per edition: two builds writing the same output/ would mix their files.

The lock is an operating-system file lock (filelock) on output/.work/build.lock: it goes with the process that
holds it, so a build killed with `kill -9` leaves no lock behind that would stop the next one.
"""

from __future__ import annotations

from filelock import FileLock, Timeout

from editio.build.targets import BuildError
from editio.edition import Edition


def hold(edition: Edition) -> FileLock:
    """The edition's build lock, held until the returned lock is released or the process ends."""
    path = edition.output / ".work" / "build.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path, is_singleton=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise BuildError(f"another build of this edition is running (it holds {path}); "
                         "wait for it to finish, then build again") from None
    return lock
