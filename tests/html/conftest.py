"""The web edition as its readers get it: built once per test session, served from 127.0.0.1, opened in a real
browser (Debian's chromium driven by Playwright).

The site is built by `editio --edition COPY build html` into a temporary copy of the repository's edition (its
edition.toml and tei/), never into the repository's output/: parallel test workers (pytest -n) each build their
own copy, and a test run never overwrites what a user built. Screenshots go to the repository's
output/screenshots/, where a person looks at them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import CHROMIUM, CHROMIUM_ARGS, FIXTURE_EDITION, REPO, build_html, serve, watched_context


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """output/html/ of the repository's edition, built once per session (per test worker)."""
    return build_html(REPO, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """output/html/ of the test edition in tests/html/fixtures/edition (script-in-text, every apparatus element)."""
    return build_html(FIXTURE_EDITION, tmp_path_factory.mktemp("fixture-site"))


@pytest.fixture(scope="session")
def served(site) -> Iterator[str]:
    """The built site served by a stdlib http.server thread on 127.0.0.1 (any free port): its base URL."""
    with serve(site) as base:
        yield base


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


@pytest.fixture
def web(browser, served):
    """A fresh context on the served site: (context, watch, base URL); the watch is checked by the test."""
    origin = served.rstrip("/")
    context, watch = watched_context(browser, origin)
    try:
        yield context, watch, served
    finally:
        context.close()
