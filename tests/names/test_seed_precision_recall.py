"""Precision and recall of tagging and linking on the ten seed documents, against the hand-checked list in
tests/data/mentions.tsv. The documents are made by the edition's own ingest (in memory, with its call of the
tagger switched off, so the names layer starts from untagged TEI) and then tagged; the tei/ files, when present,
are measured too."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from lxml import etree

from editio.names.authority import load_authorities
from editio.names.normalize import collapse_space
from editio.names.occurrences import document_files, occurrences_in
from editio.names.tagging import tag_tree

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "data" / "mentions.tsv"


def gold() -> list[tuple[str, str, str, str]]:
    lines = [ln for ln in GOLD.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return [tuple(ln.split("\t")) for ln in lines[1:]]  # type: ignore[misc]


def measure(found: list[tuple[str, str, str, str]], expected: list[tuple[str, str, str, str]]) -> dict[str, float]:
    """Tagging counts (document, part, kind, surface); linking also the ref. Multisets: repeats count."""
    def tagging(rows):
        return Counter((d, p, r.split(":")[0], collapse_space(s)) for d, p, r, s in rows)

    def linking(rows):
        return Counter((d, p, r, collapse_space(s)) for d, p, r, s in rows)

    out = {}
    for name, key in (("tagging", tagging), ("linking", linking)):
        f, e = key(found), key(expected)
        hit = sum((f & e).values())
        out[f"{name} precision"] = hit / max(1, sum(f.values()))
        out[f"{name} recall"] = hit / max(1, sum(e.values()))
        out[f"{name} misses"] = sorted((e - f).elements())[:10]
        out[f"{name} extras"] = sorted((f - e).elements())[:10]
    return out


def _ingested() -> list[tuple[str, etree._ElementTree]]:
    from editio.ingest import pipeline
    auth = pipeline.Authorities(REPO / "tei")
    auth.tag = lambda tree: None  # ingest as usual (file names, header places), but leave the tagging to us
    return [(c.stem, c.tree) for source in sorted((REPO / "sources").glob("*.txt"))
            for c in pipeline.convert_source(source, auth)]


def _report(label: str, scores: dict) -> None:
    print(f"\n[names] {label}: " + ", ".join(
        f"{k} {v:.1%}" for k, v in scores.items() if isinstance(v, float)))
    for k, v in scores.items():
        if isinstance(v, list) and v:
            print(f"[names]   {k}: {v}")


def test_seed_documents_tagged_from_scratch_reach_full_precision_and_recall() -> None:
    auth = load_authorities(REPO / "tei")
    found = []
    docs = _ingested()
    assert len(docs) == 10
    for stem, tree in docs:
        tag_tree(tree, auth)
        found += [(stem, o.part, o.ref, o.surface) for o in occurrences_in(tree, stem)]
    scores = measure(found, gold())
    _report("seeds, ingest without names + tag_tree", scores)
    for k in ("tagging precision", "tagging recall", "linking precision", "linking recall"):
        assert scores[k] == 1.0, (k, scores)


def test_the_edition_files_on_disk_reach_full_precision_and_recall() -> None:
    files = document_files(REPO / "tei")
    assert files, "tei/ holds no documents (run editio ingest)"
    found = []
    for path in files:
        tree = etree.parse(str(path))
        found += [(path.stem, o.part, o.ref, o.surface) for o in occurrences_in(tree, path.stem)]
    scores = measure(found, gold())
    _report("tei/*.xml as written", scores)
    for k in ("tagging precision", "tagging recall", "linking precision", "linking recall"):
        assert scores[k] == 1.0, (k, scores)
