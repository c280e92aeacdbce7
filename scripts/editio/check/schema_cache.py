"""Remote schemas, fetched only when the user asks (`--fetch-schemas`), into a cache keyed by URL and verified by hash.

A file's `<?xml-model href="https://…"?>` is never fetched by default: checking must work offline and must
not phone home. When asked, each URL is fetched once over http(s), size-limited, together with the files it
includes by relative reference (a customisation's RELAX NG that includes shared modules, a Schematron that
includes its patterns: see schema_refs), and stored under the user's cache folder as
`<sha256 of the URL>/site/<host>/<path of each URL>`, so the relative references resolve between the copies as
they did on the server. An index records each file's URL and SHA-256; every later use re-hashes them all and
refetches (or refuses, offline) if one no longer matches, so a cached schema is exactly what the URLs gave.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlparse

from editio.check.schema_refs import MAX_FILES, references
from editio.check.tei_schema import cache_dir, sha256_of

FETCH_TIMEOUT = 30  # seconds
MAX_SCHEMA_BYTES = 32 * 1024 * 1024
INDEX = "index.json"
LAYOUT = 2  # the index's form: every fetched file under site/<host>/<path>, each with its hash


class FetchError(RuntimeError):
    """A remote schema that could not be had: reported for the files declaring it, the run goes on."""


def default_cache() -> Path:
    return cache_dir() / "schemas"


def _entry(cache: Path, url: str) -> Path:
    return cache / hashlib.sha256(url.encode("utf-8")).hexdigest()


def _place(url: str) -> Path:
    """Where url's copy lies inside an entry: site/<host>/<path>, never outside it."""
    parsed = urlparse(url)
    parts = [part for part in parsed.path.split("/") if part]
    if not parts or parsed.path.endswith("/"):
        parts.append("schema")
    if any(part in (".", "..") for part in parts) or not parsed.netloc or "/" in parsed.netloc:
        raise FetchError(f"{url}: not a path a schema can be kept under")
    return Path("site", parsed.netloc, *parts)


def cached(url: str, cache: Path | None = None) -> Path | None:
    """The verified cached copy of url, or None (absent, or a file's bytes no longer have the recorded hash)."""
    entry = _entry(cache or default_cache(), url)
    try:
        index = json.loads((entry / INDEX).read_text(encoding="utf-8"))
        files = index["files"]
        if index.get("layout") != LAYOUT or index.get("url") != url:
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    for rel, digest in files.items():
        path = entry / rel
        if not path.is_file() or sha256_of(path) != digest:
            return None
    return entry / index["file"]


def _download(url: str, timeout: float) -> bytes:
    if urlparse(url).scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http and https schemas are fetched")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = response.read(MAX_SCHEMA_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise FetchError(f"cannot fetch {url}: {exc}") from exc
    if len(data) > MAX_SCHEMA_BYTES:
        raise FetchError(f"{url} is larger than {MAX_SCHEMA_BYTES} bytes: not used")
    return data


def _write(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(content)
    os.replace(tmp, target)


def fetch(url: str, cache: Path | None = None, timeout: float = FETCH_TIMEOUT) -> Path:
    """The schema at url, from the verified cache or fetched into it with the files it includes by relative
    reference on the same host (an absolute reference elsewhere stays the validator's affair)."""
    hit = cached(url, cache)
    if hit is not None:
        return hit
    entry = _entry(cache or default_cache(), url)
    origin = urlparse(url)
    fetched: dict[str, bytes] = {}  # url → bytes, in the order met
    todo = [url]
    while todo:
        current = todo.pop(0)
        if current in fetched:
            continue
        if len(fetched) >= MAX_FILES:
            raise FetchError(f"{url}: includes more than {MAX_FILES} files: not used")
        data = fetched[current] = _download(current, timeout)
        for href in references(data, compact=current.endswith(".rnc")):
            target = urljoin(current, href)
            same_site = urlparse(target)[:2] == origin[:2]
            if same_site and urlparse(href).scheme == "" and not href.startswith("//"):
                todo.append(target.split("#", 1)[0])
    files = {}
    for current, data in fetched.items():
        rel = _place(current)
        _write(entry / rel, data)
        files[str(rel)] = hashlib.sha256(data).hexdigest()
    _write(entry / INDEX, json.dumps({"layout": LAYOUT, "url": url, "file": str(_place(url)),
                                      "files": files}).encode())
    return entry / _place(url)
