"""Remote schemas, fetched only when the user asks (`--fetch-schemas`), into a cache keyed by URL and verified by hash.

A file's `<?xml-model href="https://…"?>` is never fetched by default: checking must work offline and must
not phone home. When asked, each URL is fetched once over http(s), size-limited, and stored under the user's
cache folder as `<sha256 of the URL>/<file name>` with an index recording the URL and the SHA-256 of what was
fetched; every later use re-hashes the file and refetches (or refuses, offline) if it no longer matches, so a
cached schema is exactly what the URL gave. The file keeps its own name so that relative includes between
schemas fetched from one folder still resolve beside it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

from editio.check.tei_schema import cache_dir, sha256_of

FETCH_TIMEOUT = 30  # seconds
MAX_SCHEMA_BYTES = 32 * 1024 * 1024
INDEX = "index.json"


class FetchError(RuntimeError):
    """A remote schema that could not be had: reported for the files declaring it, the run goes on."""


def default_cache() -> Path:
    return cache_dir() / "schemas"


def _entry(cache: Path, url: str) -> Path:
    return cache / hashlib.sha256(url.encode("utf-8")).hexdigest()


def cached(url: str, cache: Path | None = None) -> Path | None:
    """The verified cached copy of url, or None (absent, or its bytes no longer have the recorded hash)."""
    entry = _entry(cache or default_cache(), url)
    try:
        index = json.loads((entry / INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    path = entry / index.get("file", "")
    if index.get("url") != url or not path.is_file() or sha256_of(path) != index.get("sha256"):
        return None
    return path


def fetch(url: str, cache: Path | None = None, timeout: float = FETCH_TIMEOUT) -> Path:
    """The schema at url, from the verified cache or fetched into it."""
    hit = cached(url, cache)
    if hit is not None:
        return hit
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http and https schemas are fetched")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = response.read(MAX_SCHEMA_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise FetchError(f"cannot fetch {url}: {exc}") from exc
    if len(data) > MAX_SCHEMA_BYTES:
        raise FetchError(f"{url} is larger than {MAX_SCHEMA_BYTES} bytes: not used")
    entry = _entry(cache or default_cache(), url)
    entry.mkdir(parents=True, exist_ok=True)
    name = Path(parsed.path).name or "schema"
    for target, content in ((entry / name, data),
                            (entry / INDEX, json.dumps({"url": url, "file": name,
                                                        "sha256": hashlib.sha256(data).hexdigest()}).encode())):
        fd, tmp = tempfile.mkstemp(dir=entry, prefix=".part-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        os.replace(tmp, target)
    return entry / name
