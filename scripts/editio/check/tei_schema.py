"""Where the official tei_all.rng comes from: --tei-schema, EDITIO_TEI_ALL, the copy shipped in schema/, or
(only when asked) the TEI Vault.

The project ships tei_all.rng in schema/ so that a fresh clone checks with no network; the shipped copy is
verified against the published SHA-256 before use. A download happens only when the user asks for it
(`tei-check --download-schema`), is verified the same way and kept in the user's cache folder; a file named by
the user is taken as is.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import urllib.request
from pathlib import Path

from platformdirs import user_cache_dir

TEI_VERSION = "4.9.0"
TEI_ALL_URL = f"https://www.tei-c.org/Vault/P5/{TEI_VERSION}/xml/tei/custom/schema/relaxng/tei_all.rng"
TEI_ALL_SHA256 = "7a18b359f214244ee406e5d4424707856cfca5536b3322202caed567a88070d2"
ENV_VAR = "EDITIO_TEI_ALL"
DOWNLOAD_TIMEOUT = 60  # seconds
MAX_DOWNLOAD = 16 * 1024 * 1024


class SchemaUnavailable(RuntimeError):
    """The tei_all schema cannot be had: a usage or I/O error (exit status 2)."""


def cache_dir() -> Path:
    return Path(user_cache_dir("editio", appauthor=False))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def download(url: str, dest: Path, sha256: str, timeout: float = DOWNLOAD_TIMEOUT) -> Path:
    """Fetch url to dest, atomically, only if its SHA-256 is the expected one."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = response.read(MAX_DOWNLOAD + 1)
    except (OSError, ValueError) as exc:
        raise SchemaUnavailable(
            f"cannot download tei_all.rng from {url}: {exc}; pass --tei-schema PATH or set {ENV_VAR}") from exc
    if len(data) > MAX_DOWNLOAD:
        raise SchemaUnavailable(f"download from {url} is larger than {MAX_DOWNLOAD} bytes: refused")
    got = hashlib.sha256(data).hexdigest()
    if got != sha256:
        raise SchemaUnavailable(
            f"tei_all.rng downloaded from {url} has SHA-256 {got}, expected {sha256}: not used")
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".tei_all-", suffix=".part")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, dest)
    return dest


def shipped() -> Path:
    """The copy of tei_all.rng in the project's schema/ folder."""
    return Path(__file__).resolve().parents[3] / "schema" / "tei_all.rng"


def locate(explicit: Path | str | None = None, *, download_schema: bool = False, url: str = TEI_ALL_URL,
           sha256: str = TEI_ALL_SHA256, cache: Path | None = None, bundled: Path | None = None) -> Path:
    """The tei_all.rng to use, in order: explicit path, $EDITIO_TEI_ALL, the shipped copy (verified), then —
    only with download_schema — the verified cache or a verified download."""
    for value, origin in ((explicit, "--tei-schema"), (os.environ.get(ENV_VAR), ENV_VAR)):
        if value:
            path = Path(value).expanduser()
            if not path.is_file():
                raise SchemaUnavailable(f"{origin}: {path} is not a file")
            return path
    own = bundled or shipped()
    if not download_schema:
        if not own.is_file():
            raise SchemaUnavailable(f"the shipped schema {own} is missing: restore it from the repository, "
                                    f"pass --tei-schema PATH, set {ENV_VAR} or use --download-schema")
        if sha256_of(own) != sha256:
            raise SchemaUnavailable(f"the shipped schema {own} does not have the published SHA-256 {sha256}: "
                                    "restore it from the repository (it must be byte for byte the TEI release)")
        return own
    cached = (cache or cache_dir()) / f"tei_all-{TEI_VERSION}.rng"
    if cached.is_file() and sha256_of(cached) == sha256:
        return cached
    return download(url, cached, sha256)
