"""What each document gives the exports, made per document and kept: its Dublin Core record, its plain text and
its DTS files (published as they are), its CMIF correspDesc, its data record and its DTS collection entry (parts,
kept in the work folder, from which the aggregates are made). Each is keyed by its TEI file, the stylesheets it is
made by, the authority files and the settings (manifest.py): an edit remakes that document's parts, a changed
stylesheet the parts it makes, and nothing changed makes nothing.

A part is written in a staging folder by the build's executor (any engine) and renamed into place by the build
process, which records it in the manifest; the manifest is saved last, so a build killed at any moment leaves whole
files and a manifest that does not vouch for anything it did not finish.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from editio.build import executor
from editio.build.manifest import Manifest, key, stat_listing, stylesheet_files
from editio.build.progress import Progress
from editio.build.xslt import XSLT_DIR, XsltError, worker_stylesheets


@dataclass(frozen=True)
class Kind:
    """One kind of per-document output: the stylesheet applied to the document, where its file goes (`folder`
    under output/exports when published, else under the work folder's parts/), and, for a stylesheet that also
    writes a tree of files (xsl:result-document), the folder under output/exports that tree is published in."""

    name: str
    stylesheet: str
    folder: str
    suffix: str
    published: bool
    tree: str = ""


@dataclass(frozen=True)
class _Job:
    """What a worker needs to make one document's stale parts (paths as strings: any engine can pickle them)."""

    params: tuple[tuple[str, str], ...]
    tei: str
    staging: str
    kinds: tuple[tuple[str, str, tuple[tuple[str, object], ...]], ...]  # (name, stylesheet, extra parameters)


MAIN = "main"  # the staged file of a part, beside the tree its stylesheet writes


def _make(job: _Job) -> _Job:
    """A task of the build's executor: the document's stale parts, into its staging folder."""
    sheets = worker_stylesheets(dict(job.params))
    for name, stylesheet, extra in job.kinds:
        sheets.transform(stylesheet, Path(job.tei), Path(job.staging) / name / MAIN, **dict(extra))
    return job


class Parts:
    """The per-document parts of one build: which are stale, making them, and where each one is."""

    def __init__(self, kinds: Iterable[Kind], out: Path, work: Path, made: Manifest, params: dict[str, str],
                 authority: str) -> None:
        self.kinds = {k.name: k for k in kinds}
        self.out, self.work, self.made = out, work, made
        self.params = tuple(sorted(params.items()))
        self.staging = work / "staging" / "parts"
        self._sheet_keys = {k.name: key(stylesheet_files(XSLT_DIR / k.stylesheet)) for k in self.kinds.values()}
        self._base = key(authority, repr(self.params))
        self._removed = False  # a file of a tree was removed: folders may be left empty

    def path(self, kind: str, doc_id: str) -> Path:
        k = self.kinds[kind]
        return (self.out if k.published else self.work / "parts") / k.folder / f"{doc_id}{k.suffix}"

    def listing(self, kind: str, doc_id: str) -> Path:
        """The files of the document's tree (name, size, time): what says they are still as this build made them."""
        return self.work / "parts" / self.kinds[kind].folder / f"{doc_id}.files"

    def _fresh(self, kind: str, doc_id: str, part_key: str) -> bool:
        if not self.made.fresh(self.path(kind, doc_id), part_key):
            return False
        if not self.kinds[kind].tree:
            return True
        listing = self.listing(kind, doc_id)
        if not self.made.fresh(listing, part_key):
            return False
        names = listing.read_text(encoding="utf-8").splitlines()
        return stat_listing(self.out / self.kinds[kind].tree, [n.split("\t")[0] for n in names]) == \
            listing.read_bytes()

    def make(self, docs: dict[Path, str], tei_keys: dict[Path, str],
             extra: dict[str, dict[str, object]]) -> int:
        """Every stale part of every document made and published; returns how many documents were worked on."""
        shutil.rmtree(self.staging, ignore_errors=True)
        keys: dict[tuple[Path, str], str] = {}
        jobs = []
        for tei, doc_id in docs.items():
            stale = []
            for name, kind in self.kinds.items():
                part_key = key(tei_keys[tei], self._sheet_keys[name], self._base,
                               repr(sorted(extra.get(name, {}).items())))
                keys[(tei, name)] = part_key
                if not self._fresh(name, doc_id, part_key):
                    stale.append((name, kind.stylesheet, tuple(sorted(extra.get(name, {}).items()))))
            if stale:
                jobs.append(_Job(self.params, str(tei), str(self.staging / doc_id), tuple(stale)))
        progress = Progress(jobs, "exports")
        failed = []
        outcomes = executor.current().map(_make, jobs, describe=lambda j: Path(j.tei).name, small=executor.SMALL)
        for job, outcome in zip(progress, outcomes, strict=True):
            if not outcome.ok:
                failed.append(outcome.error)
                continue
            tei = Path(job.tei)
            for name, _, _ in job.kinds:
                self._publish(name, docs[tei], Path(job.staging) / name, keys[(tei, name)])
            progress.done(tei.name)
        if failed:
            raise XsltError("; ".join(failed))
        self._sweep(set(docs.values()))
        shutil.rmtree(self.staging, ignore_errors=True)
        return len(jobs)

    def _publish(self, name: str, doc_id: str, staged: Path, part_key: str) -> None:
        kind = self.kinds[name]
        if kind.tree:  # the tree first, its listing next, the part last: what the manifest checks comes after
            root = self.out / kind.tree
            listing = self.listing(name, doc_id)
            old = set(_names(listing))
            new = []
            for folder, _, files in os.walk(staged):  # strings, not Paths: a document has ~150 DTS files
                rel_folder = os.path.relpath(folder, staged)
                os.makedirs(os.path.join(root, rel_folder), exist_ok=True)
                for file in files:
                    rel = file if rel_folder == "." else f"{rel_folder}/{file}"
                    if rel != MAIN:
                        os.replace(os.path.join(staged, rel), os.path.join(root, rel))
                        new.append(rel)
            new.sort()
            for rel in old - set(new):  # a passage the document no longer has
                (root / rel).unlink(missing_ok=True)
                self._removed = True
            _replace(listing, stat_listing(root, new))
            self.made.record(listing, part_key)
        dest = self.path(name, doc_id)
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged / MAIN, dest)
        self.made.record(dest, part_key)

    def _sweep(self, ids: set[str]) -> None:
        """The parts and files of documents no longer in the edition."""
        for name, kind in self.kinds.items():
            folder = self.path(name, "x").parent
            for path in folder.glob(f"*{kind.suffix}"):
                if path.name.removesuffix(kind.suffix) not in ids:
                    path.unlink()
            if kind.tree:
                for listing in self.listing(name, "x").parent.glob("*.files"):
                    if listing.stem not in ids:
                        for rel in _names(listing):
                            (self.out / kind.tree / rel).unlink(missing_ok=True)
                        listing.unlink()
                        self._removed = True
                if self._removed:
                    _prune(self.out / kind.tree)


def _names(listing: Path) -> list[str]:
    return [line.split("\t")[0] for line in listing.read_text(encoding="utf-8").splitlines()] \
        if listing.is_file() else []


def _replace(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _prune(root: Path) -> None:
    """Folders left empty by a removed document or passage."""
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
