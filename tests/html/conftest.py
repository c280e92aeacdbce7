"""The web edition as its readers get it: built once per test session, served from 127.0.0.1, opened in a real
browser (Debian's chromium driven by Playwright).

The site is built by `editio --edition COPY build html` into a temporary copy of the repository's edition (its
edition.toml and tei/), never into the repository's output/: parallel test workers (pytest -n) each build their
own copy, and a test run never overwrites what a user built. Screenshots go to the repository's
output/screenshots/, where a person looks at them."""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURE_EDITION = Path(__file__).parent / "fixtures" / "edition"
SCREENSHOTS = REPO / "output" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def build_html(edition_src: Path, workdir: Path) -> Path:
    """Copy an edition folder (edition.toml, tei/) and run `editio build html` on the copy; its output/html/."""
    edition = workdir / "edition"
    edition.mkdir(parents=True)
    shutil.copy(edition_src / "edition.toml", edition / "edition.toml")
    shutil.copytree(edition_src / "tei", edition / "tei")
    done = subprocess.run([sys.executable, "-c", "from editio.cli import main; main()", "--edition", str(edition),
                           "build", "html"], capture_output=True, text=True, check=False)
    html = edition / "output" / "html"
    if done.returncode != 0 or not (html / "index.html").is_file():
        pytest.fail(f"`editio --edition {edition} build html` failed (exit {done.returncode}):\n"
                    f"{done.stdout}\n{done.stderr}")
    return html


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """output/html/ of the repository's edition, built once per session (per test worker)."""
    return build_html(REPO, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """output/html/ of the test edition in tests/html/fixtures/edition (script-in-text, every apparatus element)."""
    return build_html(FIXTURE_EDITION, tmp_path_factory.mktemp("fixture-site"))


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def served(site) -> Iterator[str]:
    """The built site served by a stdlib http.server thread on 127.0.0.1 (any free port): its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, headless, driven by Playwright (never a browser downloaded by `playwright install`)."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (or run bash .ci/system-packages as root)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is missing: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Watch:
    """What a page did: every request it made (those leaving the site are stopped and kept apart), every
    console error and uncaught exception."""

    allowed: str  # the site's origin ("http://127.0.0.1:PORT") or its folder as a file:// URL prefix
    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def inside(self, url: str) -> bool:
        if url.startswith(("data:", "blob:", "about:")):
            return True
        if self.allowed.startswith("file:"):
            return url.startswith(self.allowed)
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" == self.allowed

    def assert_clean(self) -> None:
        assert not self.outside, f"requests left the site: {self.outside}"
        assert not self.errors, f"console errors: {self.errors}"


def watched_context(browser, allowed: str, **options):
    """A browser context that records every request (stopping those to any other origin) and every error."""
    context = browser.new_context(**options)
    watch = Watch(allowed)

    def seen(request):
        watch.requests.append(request.url)
        if not watch.inside(request.url):
            watch.outside.append(request.url)

    def route(route):  # stops what leaves the site (file:// loads are not routed, but seen above)
        if watch.inside(route.request.url):
            route.continue_()
        else:
            route.abort()

    context.on("request", seen)
    context.route("**/*", route)

    def on_page(page):
        page.on("console", lambda msg: watch.errors.append(f"{page.url}: {msg.text}") if msg.type == "error"
                else None)
        page.on("pageerror", lambda exc: watch.errors.append(f"{page.url}: {exc}"))

    context.on("page", on_page)
    return context, watch


@pytest.fixture
def web(browser, served):
    """A fresh context on the served site: (context, watch, base URL); the watch is checked by the test."""
    origin = served.rstrip("/")
    context, watch = watched_context(browser, origin)
    try:
        yield context, watch, served
    finally:
        context.close()


def screenshot(page, name: str) -> Path:
    """Keep a picture of what the reader sees under output/screenshots/ (not part of the assertions)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
