"""One stage runner for per-document work: in this process, a local process pool, or a Dask cluster, behind one `map`.

Why: every stage (ingest, check, html, exports) is independent per document up to its indexes. Issue 14 wants that
work on every core, and on a Dask cluster for corpora that outgrow one machine, through one interface so a stage
never knows which engine runs it. A task that fails, or whose worker process dies, is reported with the item it
was working on; the other items still run.

Per-worker set-up (stylesheets, schemas compiled once per worker) belongs in a module-level `functools.cache`
function that the task calls: it works alike in a pool worker, a Dask worker and this process.
"""

from __future__ import annotations

import contextlib
import os
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

if TYPE_CHECKING:  # the pool's modules are imported when a pool runs (a small build never starts one)
    from concurrent.futures import ProcessPoolExecutor

T = TypeVar("T")
R = TypeVar("R")

#: Where the Dask engine is asked for with `--scheduler local`: a cluster of worker processes on this machine.
LOCAL_CLUSTER = "local"

#: The one setting of "too few for workers", for every stage (`map(..., small=executor.SMALL)`, read when called):
#: up to this many documents a stage's work runs in the build's own process, because a worker imports the package,
#: loads Saxon and compiles its stylesheets or schemas (~1-2 s of CPU) before its first document, where a document
#: takes 1-30 ms. Measured at 100 documents on 2 shared cores (bench/RESULTS.md): html 15 s wall in process, 19 s on
#: a pool of two; an export ~1 ms a document.
SMALL = 200


@dataclass(frozen=True)
class Outcome(Generic[T, R]):
    """What one item gave: its value, or an error message that names the item and the cause."""

    item: T
    value: R | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class Executor(Protocol):
    jobs: int
    engine: str

    def map(self, fn: Callable[[T], R], items: Sequence[T], *, describe: Callable[[T], str] = str,
            small: int = 0) -> Iterator[Outcome[T, R]]:
        """Outcomes in the order of `items`; `fn` must be a module-level function (picklable). Up to `small`
        items run in this process: for cheap tasks, starting workers costs more than the work."""
        ...

    def close(self) -> None: ...


def _failed(item: Any, describe: Callable[[Any], str], exc: BaseException) -> Outcome:
    where = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    at = f" (at {where[0].filename}:{where[0].lineno})" if where else ""
    return Outcome(item, error=f"{describe(item)}: {type(exc).__name__}: {exc}{at}")


class InProcess:
    """Runs each task here, one after the other: `--jobs 1`, and the default outside `editio build`."""

    jobs, engine = 1, "in process"

    def map(self, fn, items, *, describe=str, small=0):
        for item in items:
            try:
                yield Outcome(item, fn(item))
            except Exception as exc:  # the item's outcome; the others still run
                yield _failed(item, describe, exc)

    def close(self) -> None:
        pass


# The start flags of the running map, one byte per item (0 waiting, 1 started, 2 finished), shared with the
# workers so that when one dies we know which items were in its hands.
_flags: Any = None


def _init_worker(flags: Any) -> None:
    global _flags
    _flags = flags


def _run_flagged(fn: Callable[[Any], Any], index: int, item: Any) -> Any:
    _flags[index] = 1
    try:
        return fn(item)
    finally:
        _flags[index] = 2


class LocalPool:
    """A pool of worker processes on this machine (forkserver: workers never inherit a running Saxon or JVM).

    A dying worker breaks a ProcessPoolExecutor for every pending task; the items it broke are run again in a
    fresh pool, the ones that were in a worker's hands one at a time, so only the item that kills its worker
    is reported as failed."""

    engine = "local process pool"

    def __init__(self, jobs: int | None = None) -> None:
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self._context: Any = None

    def _pool(self, flags: Any, workers: int) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=workers, mp_context=self._context,
                                   initializer=_init_worker, initargs=(flags,))

    def map(self, fn, items, *, describe=str, small=0):
        items = list(items)
        if len(items) <= small:
            yield from InProcess().map(fn, items, describe=describe)
            return
        import multiprocessing
        from concurrent.futures.process import BrokenProcessPool

        if self._context is None:
            self._context = multiprocessing.get_context("forkserver")
        results: dict[int, Outcome] = {}
        flags = self._context.Array("b", len(items), lock=False)
        waiting = list(range(len(items)))
        alone: list[int] = []
        next_out = 0
        while waiting or alone:
            if waiting:
                batch, workers, waiting = waiting, min(self.jobs, len(waiting)), []
            else:  # suspects of a dead worker, one per pool: only the culprit dies again
                batch, workers = [alone.pop(0)], 1
            broken: list[int] = []
            with self._pool(flags, workers) as pool:
                futures = {i: pool.submit(_run_flagged, fn, i, items[i]) for i in batch}
                for i in batch:
                    try:
                        results[i] = Outcome(items[i], futures[i].result())
                    except BrokenProcessPool:
                        broken.append(i)
                    except Exception as exc:
                        results[i] = _failed(items[i], describe, exc)
                    while next_out in results:
                        yield results.pop(next_out)
                        next_out += 1
            if broken and len(batch) == 1:
                i = batch[0]
                results[i] = Outcome(items[i], error=f"{describe(items[i])}: the worker process died while "
                                                      "working on it (killed, out of memory or crashed)")
            else:
                alone += [i for i in broken if flags[i] == 1]
                waiting += [i for i in broken if flags[i] != 1]
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1

    def close(self) -> None:
        pass


class DaskCluster:
    """The same map on a Dask cluster (`dask.distributed`): `--scheduler tcp://host:port`, or `local` for a
    cluster of `jobs` worker processes on this machine. Dask retries a task whose worker died and then gives up
    on it (KilledWorker), also on the tasks that only shared the worker: each is run once more alone, and only
    the one that kills its worker again is reported; the others still run."""

    engine = "dask"

    def __init__(self, scheduler: str, jobs: int | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise RuntimeError("the Dask engine needs dask.distributed: pip install 'dask[distributed]'") from exc
        self._cluster = None
        if scheduler == LOCAL_CLUSTER:
            self._cluster = LocalCluster(n_workers=max(1, jobs or os.cpu_count() or 1), threads_per_worker=1,
                                         processes=True, dashboard_address=None)
            self._client = Client(self._cluster)
        else:
            self._client = Client(scheduler)
        self.jobs = max(1, sum(self._client.nthreads().values()))
        self.scheduler = scheduler

    def map(self, fn, items, *, describe=str, small=0):
        from distributed import KilledWorker

        items = list(items)
        if len(items) <= small:
            yield from InProcess().map(fn, items, describe=describe)
            return
        futures = self._client.map(fn, items, pure=False)
        for item, future in zip(items, futures, strict=True):
            try:
                yield Outcome(item, future.result())
            except KilledWorker:
                # its worker died, perhaps for another task it held: once more alone, then it is the culprit
                try:
                    yield Outcome(item, self._client.submit(fn, item, pure=False).result())
                except KilledWorker:
                    yield Outcome(item, error=f"{describe(item)}: the worker process died while working on it "
                                              "(killed, out of memory or crashed)")
                except Exception as exc:
                    yield _failed(item, describe, exc)
            except Exception as exc:
                yield _failed(item, describe, exc)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def make(jobs: int | None = None, scheduler: str | None = None) -> Executor:
    """The engine asked for: Dask when a scheduler is given, this process for one job, else a local pool."""
    if scheduler:
        return DaskCluster(scheduler, jobs)
    if jobs == 1:
        return InProcess()
    return LocalPool(jobs)


_current: ContextVar[Executor | None] = ContextVar("editio_executor", default=None)


@contextlib.contextmanager
def open_executor(jobs: int | None = None, scheduler: str | None = None) -> Iterator[Executor]:
    """An executor for the duration of a build, made current so every stage uses it (see `current`)."""
    executor = make(jobs, scheduler)
    token = _current.set(executor)
    try:
        yield executor
    finally:
        _current.reset(token)
        executor.close()


def current() -> Executor:
    """The build's executor; outside a build (a target run from a test or a library call) this process."""
    return _current.get() or InProcess()
