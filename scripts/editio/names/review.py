"""The editor's review of proposals: suggest (find and write names/proposals.tsv), merge, accept, reject, apply."""

from __future__ import annotations

from pathlib import Path

from editio.names import proposals as P
from editio.names.accept import add_entries
from editio.names.authority import load_authorities
from editio.names.occurrences import document_files
from editio.names.suggest import scan_documents


def suggest(tei: Path, root: Path, files: list[Path] | None = None, use_model: bool = True) -> \
        tuple[list[P.Proposal], str | None]:
    """Scan the documents, refresh the proposals file; (open proposals, why the model was not used)."""
    auth = load_authorities(tei)
    scan = scan_documents(files or document_files(tei), use_model, auth)
    rows = P.refresh(P.path_for(root), scan.found, auth)
    return [p for p in rows if p.status == "proposed"], scan.model


def decide(root: Path, ids: list[str], status: str) -> list[str]:
    """Mark proposals (ids, or "all" open ones) accepted or rejected; returns unknown ids."""
    path = P.path_for(root)
    rows = P.read(path)
    by_id = {p.id: p for p in rows}
    unknown = [i for i in ids if i != "all" and i not in by_id]
    for p in rows:
        if (p.id in ids) or ("all" in ids and p.status == "proposed"):
            p.status = status
    P.write(path, rows)
    return unknown


def apply(tei: Path, root: Path) -> list[str]:
    """Write every accepted proposal that has no entry yet into the authority files; returns the refs added."""
    rows = [p for p in P.read(P.path_for(root)) if p.status == "accepted"]
    return add_entries(tei, rows)


class ReviewError(ValueError):
    """A review step the proposals file does not allow: the message says why."""


def merge(root: Path, keep: str, other: str) -> P.Proposal:
    """Two open proposals name one entity: `other`'s forms, evidence and occurrences join `keep` (its id, kind and
    GeoNames id stay; a place without one takes `other`'s), and `other`'s row goes. Its forms are then `keep`'s:
    they are not proposed on their own again."""
    path = P.path_for(root)
    rows = P.read(path)
    by_id = {p.id: p for p in rows}
    for pid in (keep, other):
        if pid not in by_id:
            raise ReviewError(f"no such proposal in {path}: {pid}")
        if by_id[pid].status != "proposed":
            raise ReviewError(f"{pid} is {by_id[pid].status} already: only open proposals are merged")
    if keep == other:
        raise ReviewError(f"{keep} cannot be merged with itself")
    a, b = by_id[keep], by_id[other]
    a.forms += [f for f in b.forms if f not in a.forms]
    a.evidence = sorted({*a.evidence, *b.evidence})
    a.occurs = sorted({*a.occurs, *b.occurs})
    if a.kind == "place" == b.kind and not a.geonames:
        a.geonames, a.coordinates = b.geonames, b.coordinates
    P.write(path, [p for p in rows if p is not b])
    return a
