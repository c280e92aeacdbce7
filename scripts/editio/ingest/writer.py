"""Writing TEI safely: atomic replacement, and never over an editor's hand-made changes.

`tei/.editio-generated.json` records the SHA-256 of every file as ingest (or the names layer) last wrote it.
A file whose bytes still match its fingerprint is ingest's own and may be replaced; a file that differs was
curated by hand and is kept unless --force.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from editio.tei.files import atomic_write

MANIFEST = ".editio-generated.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Manifest:
    """Fingerprints of generated files in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / MANIFEST
        try:
            self.entries: dict[str, str] = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.entries = {}

    def state(self, target: Path) -> str:
        """'new' (no file), 'generated' (unchanged since written by editio) or 'curated' (changed by hand)."""
        if not target.exists():
            return "new"
        recorded = self.entries.get(target.name)
        return "generated" if recorded == sha256(target.read_bytes()) else "curated"

    def record(self, target: Path, data: bytes) -> None:
        self.entries[target.name] = sha256(data)

    def save(self) -> None:
        data = (json.dumps(dict(sorted(self.entries.items())), indent=2) + "\n").encode()
        atomic_write(self.path, data)


def write_generated(target: Path, data: bytes, manifest: Manifest, force: bool = False) -> str:
    """Write one generated file; returns 'written', 'unchanged' or 'kept' (curated, not overwritten)."""
    state = manifest.state(target)
    if state != "new" and target.read_bytes() == data:
        manifest.record(target, data)
        return "unchanged"
    if state == "curated" and not force:
        return "kept"
    atomic_write(target, data)
    manifest.record(target, data)
    return "written"
