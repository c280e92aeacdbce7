"""`editio serve`: what the editor saves is what the browser shows — the edited page rebuilt and reloaded, the errors
of a file that breaks the edition instead of stale pages — and stopping it leaves nothing behind."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from filelock import FileLock

from editio.build.serve import EVENTS, SCRIPT, Serve, _Snapshot
from editio.edition import load

REPO = Path(__file__).resolve().parents[2]
EDITION = REPO / "tests" / "html" / "fixtures" / "edition"  # two documents: a quick build
DOC = "1950-10-01-stalin-to-mao-zedong.xml"
PAGE = "doc-1950-10-01-stalin-to-mao-zedong.html"
SOURCE = "003_ef0383895012df34.txt"  # one telegram: Stalin to Kim Il Sung, 28 August 1950
CHROMIUM = Path("/usr/bin/chromium")
WAIT = 600  # seconds: a build on a loaded machine; a hang fails the test, no speed is asserted
POLL = 1.0  # seconds between looks at whether serve's watcher thread is still alive while waiting


def _copy(tmp: Path) -> Path:
    edition = tmp / "edition"
    shutil.copytree(EDITION, edition)
    return edition


class Session:
    """A serving session in a thread of the test process (as `editio serve` runs it, on any free port)."""

    def __init__(self, edition: Path) -> None:
        self.edition = edition
        self.serve = Serve(load(edition), port=0, echo=lambda *a, **k: None)
        self.url = self.serve.start()
        self.stop = threading.Event()
        self.died: BaseException | None = None
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()
        try:
            if not self.wait_for(lambda: self.serve.watching.wait(POLL)):
                pytest.fail("serve's watcher did not start")
        except BaseException:
            self.serve.close()
            raise

    def _watch(self) -> None:
        try:
            self.serve.watch(self.stop)
        except BaseException as exc:  # kept for the test's message, which names it
            self.died = exc

    def wait_for(self, done) -> bool:
        """Call `done` (which waits up to POLL seconds itself) until it is true, for up to WAIT seconds; fail at once
        when the watcher thread is no longer alive (it died at start or mid-test), instead of waiting it out."""
        for _ in range(int(WAIT / POLL)):
            if done():
                return True
            if not self.thread.is_alive() and not self.stop.is_set():
                pytest.fail(f"serve's watcher thread died: {self.died!r}")
        return False

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path, timeout=WAIT) as response:
            return response.read().decode("utf-8")

    def edit(self, name: str, old: str, new: str) -> int:
        """Change the TEI file and wait for the build it starts; the number of that build."""
        before = self.serve.builds.number
        path = self.edition / "tei" / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        if not self.wait_for(lambda: self.serve.builds.after(before, POLL) != before):
            pytest.fail(f"no build after {name} was changed")
        return self.serve.builds.number

    def close(self) -> None:
        self.stop.set()
        self.thread.join(WAIT)
        self.serve.close()


@pytest.fixture(scope="module")
def session(tmp_path_factory) -> Iterator[Session]:
    s = Session(_copy(tmp_path_factory.mktemp("serve")))
    try:
        yield s
    finally:
        s.close()


def test_the_pages_are_served_with_the_reload_script_under_the_same_csp(session):
    page = session.get(PAGE)
    assert f'<script src="{SCRIPT}" defer=""></script>' in page
    published = (REPO / "xslt" / "html" / "common.xsl").read_text(encoding="utf-8")
    assert "default-src 'self'; script-src 'self'" in page and "connect-src" not in page
    assert "connect-src" not in published  # the event stream is same-origin: default-src 'self' allows it
    script = session.get(SCRIPT.lstrip("/"))
    assert f'new EventSource("{EVENTS}")' in script


def test_an_edited_tei_file_is_rebuilt_into_its_page(session):
    session.edit(DOC, "characters of the source", "characters of the source (edited live)")
    assert "characters of the source (edited live)" in session.get(PAGE)


def test_a_tei_file_that_breaks_validation_shows_its_errors_instead_of_stale_pages(session):
    session.edit(DOC, "</p>", "<foo/></p>")
    for path in (PAGE, "index.html", ""):
        page = session.get(path)
        assert "The edition does not build" in page
        assert f"tei/{DOC}" in page
        assert re.search(r"line \d+, column \d+:", page) and 'element "foo" not allowed' in page
    session.edit(DOC, "<foo/></p>", "</p>")
    assert "The edition does not build" not in session.get(PAGE)


def test_the_event_stream_tells_each_finished_build(session):
    with urllib.request.urlopen(session.url + EVENTS.lstrip("/"), timeout=WAIT) as stream:
        first = _event(stream)
        number = session.edit(DOC, "characters of the source", "characters of the source, again")
        assert _event(stream) == number > first


def _event(stream) -> int:
    """The number of the next "build" event of a server-sent event stream."""
    event = None
    for raw in stream:
        line = raw.decode("utf-8").rstrip("\n")
        if line.startswith("event: "):
            event = line.removeprefix("event: ")
        elif line.startswith("data: ") and event == "build":
            return int(line.removeprefix("data: "))
    raise AssertionError("the event stream ended")


def test_an_edited_source_is_ingested_and_its_page_rebuilt(tmp_path):
    edition = tmp_path / "edition"
    (edition / "sources").mkdir(parents=True)
    shutil.copy(REPO / "sources" / SOURCE, edition / "sources" / SOURCE)
    (edition / "tei").mkdir()
    for name in ("persons.xml", "places.xml", "orgs.xml"):
        shutil.copy(REPO / "tei" / name, edition / "tei" / name)
    s = Session(edition)
    try:
        page = "doc-1950-08-28-stalin-to-kim-il-sung.html"
        assert "Verbally transmit" in s.get(page)
        before = s.serve.builds.number
        src = edition / "sources" / SOURCE
        src.write_text(src.read_text(encoding="utf-8").replace("Verbally transmit", "Verbally transmit at once", 1),
                       encoding="utf-8")
        if not s.wait_for(lambda: s.serve.builds.after(before, POLL) != before):
            pytest.fail("no build after the source was changed")
        assert "Verbally transmit at once" in s.get(page)
        assert "Verbally transmit at once" in (edition / "tei" / "1950-08-28-stalin-to-kim-il-sung.xml").read_text()
    finally:
        s.close()


def test_when_the_stylesheets_themselves_are_broken_the_message_is_served_as_text(tmp_path, monkeypatch):
    """An edit to xslt/html/ under way can break the errors page too: the editor still reads why."""
    from editio.build import serve as serving

    monkeypatch.setattr(serving, "ERRORS_XSL", "html/serve/no-such-stylesheet.xsl")
    session = Serve(load(_copy(tmp_path)), port=0, echo=lambda *a, **k: None)
    try:
        page = session._errors("html/document.xsl: a template is broken (target html)", checked=False)
    finally:
        session.close()
    assert page.suffix == ".txt"
    text = page.read_text(encoding="utf-8")
    assert "html/document.xsl: a template is broken (target html)" in text and "no-such-stylesheet.xsl" in text


def test_saving_the_same_text_again_is_no_change(tmp_path):
    (tmp_path / "tei").mkdir()
    doc = tmp_path / "tei" / DOC
    doc.write_text("<TEI/>", encoding="utf-8")
    snapshot = _Snapshot([tmp_path / "tei"])
    doc.write_text("<TEI/>", encoding="utf-8")
    os.utime(doc, ns=(1, 1))
    assert snapshot.changed({doc}) == set()
    doc.write_text("<TEI>edited</TEI>", encoding="utf-8")
    assert snapshot.changed({doc}) == {doc}
    assert snapshot.changed({doc}) == set()  # and it is known from then on


def test_the_open_page_reloads_in_the_browser_after_a_build(session):
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (or run bash .ci/system-packages as root)")
    failed: list[BaseException] = []

    def reader() -> None:
        try:
            _read_while_editing(session)
        except BaseException as exc:
            failed.append(exc)

    # a thread of its own: Playwright's sync API refuses to start where another one (the web edition's browser
    # tests, in the same worker) runs its event loop
    thread = threading.Thread(target=reader)
    thread.start()
    thread.join()
    if failed:
        raise failed[0]


def _read_while_editing(session: Session) -> None:
    """A reader has the page open while the editor saves a change: the page shows it, reloaded by its script."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"])
        try:
            page = browser.new_page()
            refused = []
            page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
            page.goto(session.url + PAGE)
            page.wait_for_load_state("load")
            while session.serve.builds.listeners < 1:  # the page's script listens to the build events
                page.wait_for_timeout(100)
            session.edit(DOC, "characters of the source", "characters of the source (seen in the browser)")
            expect(page.locator("main")).to_contain_text("source (seen in the browser)", timeout=WAIT * 1000)
            assert refused == []
        finally:
            browser.close()


def test_a_published_build_after_serving_has_no_reload_script(session, tmp_path):
    """The parameter is part of each page's key: `editio build html` makes the pages again, without it."""
    edition = tmp_path / "edition"
    shutil.copytree(session.edition, edition, ignore=shutil.ignore_patterns("build.lock"))
    done = subprocess.run([str(Path(sys.executable).with_name("editio")), "--edition", str(edition), "build",
                           "html"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    pages = sorted((edition / "output" / "html").glob("*.html"))
    assert pages and not [p.name for p in pages if SCRIPT in p.read_text(encoding="utf-8")]
    assert not (edition / "output" / "html" / "_editio").exists()


def test_ctrl_c_while_building_stops_serve_and_leaves_no_lock(tmp_path):
    edition = _copy(tmp_path)
    proc = subprocess.Popen([str(Path(sys.executable).with_name("editio")), "--edition", str(edition), "serve",
                             "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    said = []
    try:
        for line in proc.stdout:
            said.append(line)
            if line.startswith("serving http://"):
                break
        doc = edition / "tei" / DOC
        text = doc.read_text(encoding="utf-8")
        doc.write_text(text.replace("of the source", "of the source (stopped)", 1), encoding="utf-8")
        for line in proc.stdout:
            said.append(line)
            if line.startswith("== check"):  # a build under way: it holds the lock
                proc.send_signal(signal.SIGINT)
                break
        rest, _ = proc.communicate(timeout=WAIT)
    finally:
        if proc.poll() is None:
            proc.kill()
    said.append(rest)
    assert proc.returncode == 0, "".join(said)
    assert "serve: stopped" in "".join(said)
    lock = FileLock(edition / "output" / ".work" / "build.lock")
    lock.acquire(timeout=0)  # no build holds it any more: the next one may start
    lock.release()
    assert [p for p in (edition / "output").rglob("*.tmp")] == []


def test_the_session_fails_at_once_when_the_watcher_thread_dies_at_start(tmp_path, monkeypatch):
    """The fixture's own guard: a watcher that dies is a failure with its cause, not a wait of WAIT seconds."""
    def broken(self, stop):
        raise OSError("no inotify watches left")

    monkeypatch.setattr(Serve, "watch", broken)
    with pytest.raises(pytest.fail.Exception, match="watcher thread died: OSError"):
        Session(_copy(tmp_path))
