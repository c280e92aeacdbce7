"""`editio serve`: the web edition on localhost, rebuilt while the editor works, the open page reloaded.

It serves output/html/ (the standard library's threading HTTP server: static files, bound to localhost), watches
sources/, tei/ and xslt/ (watchfiles: the operating system's file events, debounced so one save is one build) and
rebuilds with the build's own pieces — ingest when a source changed (its record makes that cheap), then the html
target and what it needs, each under the build lock, as `editio build html` does; the html manifest remakes only
what changed. Its pages carry one extra stylesheet parameter, `live-reload`: the address of a small script
(xslt/html/serve/live-reload.js) that listens to the server's build events (server-sent events, same origin, so the
pages' Content-Security-Policy holds) and reloads the page after each build. The parameter is part of each page's
key, so the next `editio build` makes the published pages again, without it. While the edition does not build, every
page asked for is the page of its errors, made by XSLT (xslt/html/serve/errors.xsl) from the check's JUnit report in
output/reports/, never stale content.
"""

from __future__ import annotations

import hashlib
import signal
import threading
import time
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import click

from editio.build import lock as build_lock
from editio.build import xslt
from editio.build.executor import open_executor
from editio.build.manifest import stylesheet_files
from editio.build.targets import BuildError, available, plan
from editio.build.xslt import XSLT_DIR, Stylesheets, XsltError
from editio.edition import Edition
from editio.tei.files import atomic_write

EVENTS = "/_editio/events"  # server-sent events: "build" with the number of the last finished build
SCRIPT = "/_editio/live-reload.js"
RELOAD_JS = XSLT_DIR / "html" / "serve" / "live-reload.js"
ERRORS_XSL = "html/serve/errors.xsl"
TARGET = "html"
KEEPALIVE = 15.0  # seconds between comments on an idle event stream (a closed tab is noticed)


@dataclass(frozen=True)
class LiveEdition(Edition):
    """The edition as serve builds its pages: with the reload script; every other setting as the edition says."""

    def xslt_params(self) -> dict[str, str]:
        return {**super().xslt_params(), "live-reload": SCRIPT}


class Builds:
    """The number and outcome of the last finished build, and a way to wait for the next one."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.number = 0
        self.failed: Path | None = None  # the errors page while the edition does not build
        self.stopping = False
        self.listeners = 0  # open event streams (pages that will reload)

    def finished(self, failed: Path | None) -> None:
        with self._changed:
            self.number += 1
            self.failed = failed
            self._changed.notify_all()

    def after(self, number: int | None, timeout: float) -> int:
        """The number of the last build once it differs from `number` (or after timeout, or at stop)."""
        with self._changed:
            self._changed.wait_for(lambda: self.number != number or self.stopping, timeout)
            return self.number

    def listen(self, change: int) -> None:
        with self._changed:
            self.listeners += change

    def stop(self) -> None:
        with self._changed:
            self.stopping = True
            self._changed.notify_all()


class _Handler(SimpleHTTPRequestHandler):
    """output/html/ as files; the event stream and the reload script; the errors page while a build fails."""

    builds: Builds

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path == EVENTS:
            self._events()
        elif path == SCRIPT:
            self._file(RELOAD_JS, "text/javascript")
        elif self.builds.failed is not None and (path.endswith("/") or path.endswith(".html")):
            kind = "text/html" if self.builds.failed.suffix == ".html" else "text/plain"
            self._file(self.builds.failed, f"{kind}; charset=utf-8")
        else:
            super().do_GET()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # a reload shows the page as last built
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        """Quiet: the console is for the builds."""

    def _file(self, path: Path, kind: str) -> None:
        data = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        told = None
        self.builds.listen(+1)
        try:
            while not self.builds.stopping:
                number = self.builds.after(told, KEEPALIVE)
                if number == told:
                    self.wfile.write(b": waiting\n\n")
                else:
                    self.wfile.write(f"event: build\ndata: {number}\n\n".encode())
                    told = number
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return
        finally:
            self.builds.listen(-1)


class _Snapshot:
    """The content hashes of the watched files: a file event is a change only when the content differs (an editor
    saving the same text, the build's own writes to tei/, are not)."""

    def __init__(self, roots: list[Path]) -> None:
        self.known: dict[Path, tuple[tuple[int, int], str]] = {}
        self.update(_files(roots))

    def _state(self, path: Path) -> tuple[tuple[int, int], str] | None:
        try:
            stat = path.stat()
            sig = (stat.st_mtime_ns, stat.st_size)
            old = self.known.get(path)
            return old if old and old[0] == sig else (sig, hashlib.sha256(path.read_bytes()).hexdigest())
        except OSError:  # gone (or a folder)
            return None

    def changed(self, paths: set[Path]) -> set[Path]:
        """Those of `paths` whose content differs from the last known, recorded now as known."""
        found = {p for p in paths if (self._state(p) or (0, ""))[1] != (self.known.get(p) or (0, ""))[1]}
        self.update(found)
        return found

    def update(self, paths) -> None:
        for path in paths:
            state = self._state(path)
            if state is None:
                self.known.pop(path, None)
            else:
                self.known[path] = state


def _files(roots: list[Path]) -> set[Path]:
    return {p for root in roots for p in root.rglob("*") if p.is_file() and _watched(p)}


def _watched(path: Path) -> bool:
    """Not the edition's own bookkeeping nor a temporary file (.editio-*.json, .x.tmp, editors' swap files)."""
    return not path.name.startswith(".") and not path.name.endswith(("~", ".swp", ".tmp"))


class Serve:
    """One serving session: build, serve, and rebuild on every change until stopped."""

    def __init__(self, edition: Edition, host: str = "127.0.0.1", port: int = 8000, echo=click.echo,
                 jobs: int | None = None) -> None:
        self.edition = edition
        self.jobs = jobs
        self.echo = echo
        self.builds = Builds()
        self.roots = [p for p in (edition.sources, edition.tei, XSLT_DIR) if p.is_dir()]
        handler = type("Handler", (_Handler,), {"builds": self.builds})
        self.html = edition.output / TARGET
        self.html.mkdir(parents=True, exist_ok=True)
        self.httpd = ThreadingHTTPServer((host, port), partial(handler, directory=str(self.html)))
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None
        self.watching = threading.Event()  # set once the watcher sees file events (tests wait for it)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def start(self) -> str:
        """The first build (ingest included), then the server in a thread; returns its address."""
        self.build(ingest=True)
        self._snapshot = _Snapshot(self.roots)  # what the pages were built from
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="editio-serve", daemon=True)
        self._thread.start()
        return self.url

    def watch(self, stop: threading.Event) -> None:
        """Rebuild on every change of sources/, tei/ or xslt/ until `stop` is set (or Ctrl-C)."""
        import watchfiles

        snapshot = self._snapshot
        waiting: set[Path] = set()  # changes not built yet (another build held the lock)
        for events in watchfiles.watch(*self.roots, watch_filter=lambda _, p: _watched(Path(p)), stop_event=stop,
                                       debounce=300, rust_timeout=1000, yield_on_timeout=True):
            paths = {Path(p) for _, p in events}
            if not self.watching.is_set():  # watched from now on: what changed since the build, before that?
                paths |= set(snapshot.known) | _files(self.roots)
                self.watching.set()
            waiting |= snapshot.changed(paths)
            if not waiting:
                continue
            if any(p.is_relative_to(XSLT_DIR) for p in waiting):  # compiled or followed before the edit
                stylesheet_files.cache_clear()
                xslt._worker_stylesheets.cache_clear()
            shown = ", ".join(sorted(str(p.relative_to(p.parent.parent)) for p in waiting)[:5])
            self.echo(f"serve: changed {shown}{' …' if len(waiting) > 5 else ''}")
            ingest = any(p.is_relative_to(self.edition.sources) for p in waiting)
            if self.build(ingest) is not None:
                waiting.clear()
            if ingest:  # what ingest wrote into tei/ is the build's own doing, not an edit to build again
                tei = self.edition.tei
                snapshot.update({p for p in snapshot.known if p.is_relative_to(tei)} | _files([tei]))

    def build(self, ingest: bool) -> bool | None:
        """One build as `editio build html` makes it (ingest first when a source changed); True when it
        published, False when it stopped (its errors are served), None when another build held the lock."""
        started = time.perf_counter()
        try:
            lock = build_lock.hold(self.edition)
        except BuildError as exc:
            self.echo(f"serve: {exc}; building when it is done", err=True)
            return None
        try:
            # per build, as `editio build` opens it: a worker's compiled stylesheets never outlive an edited one
            with open_executor(self.jobs):
                failed = self._stages(ingest)
        finally:
            lock.release()
        self.builds.finished(failed)
        took = f"{time.perf_counter() - started:.1f} s"
        self.echo(f"serve: built in {took}" if failed is None else
                  f"serve: the edition does not build ({took}); its errors are served instead of its pages")
        return failed is None

    def _stages(self, ingest: bool) -> Path | None:
        """None when every stage ran, else the errors page."""
        edition = self.edition
        if ingest and any(edition.sources.glob("*.txt")):
            from editio.ingest.command import run_ingest

            self.echo("== ingest")
            if run_ingest(sorted(edition.sources.glob("*.txt")), edition.tei, False, report_orphans=True):
                self.echo("serve: ingest reported errors (above); the pages show tei/ as it stands", err=True)
        live = LiveEdition(edition.root, edition.settings, edition.prefixes)
        try:
            order = plan([TARGET], available())
        except BuildError as exc:
            return self._errors(str(exc), checked=False)
        for target in order:
            self.echo(f"== {target.name}")
            try:
                target.run(live if target.name == TARGET else edition, edition.output / (target.folder or target.name))
            except BuildError as exc:
                self.echo(f"build stopped: {exc} (target {target.name})", err=True)
                return self._errors(f"{exc} (target {target.name})", checked=target.name == "check")
        return None

    def _errors(self, stopped: str, checked: bool) -> Path:
        """The errors page: from the check's report when the check stopped the build, else the build's message.
        When the stylesheets themselves are what is broken (an edit to xslt/html/ being made), the message as
        plain text: the editor still sees why, and the next save builds again."""
        page = self.edition.output / ".work" / "serve" / "errors.html"
        report = self.edition.output / "reports" / "tei-check.junit.xml"
        params = {**self.edition.xslt_params(), "live-reload": SCRIPT}
        try:
            with Stylesheets(params) as sheets:
                sheets.call(ERRORS_XSL, page, stopped=stopped,
                            report=report.resolve().as_uri() if checked and report.is_file() else "")
            return page
        except XsltError as exc:
            text = page.with_suffix(".txt")
            atomic_write(text, f"The edition does not build: {stopped}\n\nThe errors page could not be made "
                               f"either: {exc}\n".encode())
            return text

    def close(self) -> None:
        """Stop serving; the lock is held only while building, so nothing is left behind."""
        self.builds.stop()
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread.join()
        self.httpd.server_close()


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


@click.command()
@click.option("--port", type=int, default=8000, show_default=True, help="Port on localhost (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for per-document work (default: every core; 1: no pool).")
def serve(port: int, host: str, jobs: int | None) -> None:
    """Serve output/html/ on localhost, rebuild it when sources/, tei/ or xslt/ change, and reload the page."""
    from editio.edition import EditionError
    from editio.paths import current_edition

    try:
        edition = current_edition()
    except EditionError as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        session = Serve(edition, host, port, jobs=jobs)
    except OSError as exc:
        raise click.UsageError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    signal.signal(signal.SIGTERM, _interrupt)  # stopped by a service manager: as cleanly as by Ctrl-C
    try:
        url = session.start()
        click.echo(f"serving {url} — watching sources/, tei/ and xslt/; Ctrl-C stops")
        session.watch(threading.Event())
    except KeyboardInterrupt:
        click.echo("serve: stopped")
    finally:
        session.close()
