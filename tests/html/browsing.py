"""Helpers of the browser tests: building an edition's site, watching what a page requests and logs, keeping
screenshots. Imported by conftest.py and the tests (tests/html is on sys.path while they run)."""

from __future__ import annotations

import contextlib
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
from lxml import etree

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


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve folder from a stdlib http.server thread on 127.0.0.1 (any free port); yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


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


def screenshot(page, name: str) -> Path:
    """Keep a picture of what the reader sees under output/screenshots/ (not part of the assertions)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


TEI = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@dataclass(frozen=True)
class Doc:
    id: str
    year: str
    sender: str  # @ref of the sender
    text: str  # the words of <text>
    tree: etree._ElementTree

    @property
    def page(self) -> str:
        return f"{self.id}.html"


def documents() -> list[Doc]:
    from editio.edition import load

    found = []
    for path in load(REPO).documents():
        tree = etree.parse(str(path))
        when = tree.xpath("string(//t:profileDesc/t:creation/t:date/@when)", namespaces=TEI) or \
            tree.xpath("string(//t:correspAction[@type='sent']/t:date/@when)", namespaces=TEI)
        sender = tree.xpath("string(//t:correspAction[@type='sent']/t:persName/@ref)", namespaces=TEI)
        text = " ".join(tree.xpath("//t:text//text()", namespaces=TEI))
        found.append(Doc(tree.getroot().get(XML_ID), when[:4], sender, text, tree))
    return found


def mao_cable() -> Doc:
    cables = [d for d in documents() if d.sender == "per:mao-zedong"]
    assert cables, "the edition has a cable of Mao Zedong"
    return cables[0]


def hrefs(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.map(e => e.getAttribute('href'))")
