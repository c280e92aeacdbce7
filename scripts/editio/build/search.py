"""Full-text search for the static site: Pagefind (the binary the PyPI package `pagefind[bin]` ships) indexes the
built pages into html/pagefind/, a bundle of small files the browser fetches on demand — search on any static
host, no server code. What is indexed is said by the pages themselves: `data-pagefind-body` (the text),
`data-pagefind-meta` (document, date), `data-pagefind-filter` (year, person, place), `data-pagefind-ignore`."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from editio.build.targets import BuildError

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang=[\"']?([^\"'\s>]*)", re.IGNORECASE)
BUNDLE = "pagefind"  # the folder under the site; js/search.js loads pagefind/pagefind.js relative to the page


def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError as exc:
        raise BuildError("Pagefind is not installed: pip install 'pagefind[bin]'") from exc
    try:
        return get_executable()
    except FileNotFoundError as exc:
        raise BuildError(f"the Pagefind binary is missing ({exc}): pip install --force-reinstall 'pagefind[bin]'") \
            from exc


def site_language(html_dir: Path) -> str | None:
    """The edition's language as its home page declares it (<html lang>): every page is indexed in it, so one
    index answers a search from any page (a document with an original-language part is still an English page)."""
    home = html_dir / "index.html"
    if not home.is_file():
        return None
    # the first tag after the doctype, as xslt/html/common.xsl writes it (lxml.html only for this: ~20 ms of
    # imports in every build)
    with home.open(encoding="utf-8") as page:
        found = _HTML_LANG.search(page.read(4096))
    lang = found.group(1).strip() if found else ""
    return lang.split("-")[0].lower() or None


def search_key(html_dir: Path) -> str:
    """What the index depends on besides the pages: Pagefind's version and the language it indexes in."""
    from importlib.metadata import version

    return f"pagefind {version('pagefind_bin')} {site_language(html_dir)}"


# a character of a file name that Pagefind's glob (the wax crate) reads as itself
_GLOB_LITERAL = re.compile(r"[A-Za-z0-9._-]")


def pages_glob(pages: list[str]) -> str | None:
    """A glob of Pagefind that takes in every one of these pages (file names at the site's root): their longest
    common beginning and `*.html`, or None (every page) when they share none. Only the pages that have a
    `data-pagefind-body` are indexed whatever the glob, so pages it also takes in change nothing; what it leaves
    out is read no more: the pages that list every document (home, indexes, map, correspondence), which are not
    indexed but were parsed (a third of Pagefind's time at 13 files, bench/RESULTS.md)."""
    literal = ""
    stems = [page.removesuffix(".html") for page in pages]  # one page alone: its name, then *.html
    for chars in zip(*stems, strict=False):  # the names' characters side by side, as far as the shortest
        if len(set(chars)) > 1 or not _GLOB_LITERAL.fullmatch(chars[0]):
            break
        literal += chars[0]
    return f"{literal}*.html" if literal else None


def index_site(html_dir: Path, pages: list[str] | None = None) -> list[Path]:
    """Index every page of the built site under html_dir (pages: the names of those that hold what is searched,
    to read no others; None: every page); the files of the search bundle written (sorted)."""
    if not html_dir.is_dir():
        raise BuildError(f"{html_dir} is not a folder: nothing to index")
    bundle = html_dir / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)  # fragments of pages that no longer exist must not be found
    # keep-index-url: result links name index.html, so they also open from a static host without folder indexes
    command = [str(pagefind_executable()), "--site", str(html_dir), "--output-subdir", BUNDLE, "--keep-index-url",
               "--quiet"]
    glob = pages_glob(pages) if pages else None
    if glob:
        command += ["--glob", glob]
    language = site_language(html_dir)
    if language:
        command += ["--force-language", language]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not (bundle / "pagefind.js").is_file():
        output = (done.stderr or done.stdout).strip()
        raise BuildError(f"Pagefind could not index {html_dir} (exit {done.returncode}): {output}")
    return sorted(path for path in bundle.rglob("*") if path.is_file())
