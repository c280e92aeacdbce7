"""Names on unseen documents (tests/names/unseen/, heldout/, blind/, fourth/ and fifth/): precision and recall of
tagging and of linking, before and after accepting every suggestion, next to spaCy's small English pipeline alone; and
the share of the names left untagged that the suggestions find. Run by hand: `python
bench/names_unseen.py [--set old|new|all|heldout|blind|fourth|fifth] [--json FILE]` ("old": the first 10 documents of
tests/names/unseen, on which the rules were developed; "new": its 7 held out until the end of that work; "all":
those 17; "heldout": the 12 documents of tests/names/heldout, gathered later and measured before any rule was made
on them; "blind": the 12 documents of tests/names/blind, on which no rule was ever made; "fourth": the 17 documents of
tests/names/fourth, gathered after the blind set and measured before any rule was made on them; "fifth": the 16
documents of tests/names/fifth, gathered after the fourth set was tuned and measured before any rule was made on
them; default all). `--json` also writes the totals, for tests/names/test_tuned_sets.py.

Counted: person and place mentions of <text> (the header is left out: the gold files annotate the text).
Tagging: (kind, surface) as a multiset. Linking: a tagged mention is right when its ref is the gold entity; for
an entity the authority files did not know (gold "new:…"), when its ref is the one ref most of that entity's
mentions got and no mention of another entity has it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
UNSEEN = REPO / "tests" / "names" / "unseen"
HELDOUT_SET = REPO / "tests" / "names" / "heldout"
BLIND_SET = REPO / "tests" / "names" / "blind"
FOURTH_SET = REPO / "tests" / "names" / "fourth"
FIFTH_SET = REPO / "tests" / "names" / "fifth"
SETS = {"heldout": HELDOUT_SET, "blind": BLIND_SET, "fourth": FOURTH_SET, "fifth": FIFTH_SET}
# the documents held out while the rules were changed (tests/names/unseen/README.md)
HELD_OUT = ("stalin_1949-01-06", "filippov_1949-09-02", "savelyev_1949-10-20", "grigoryan_1949-11-01",
            "filippov_1950-08-27", "kim-il-sung_1950-10-09", "stalin_1950-11-20")
TEI = "{http://www.tei-c.org/ns/1.0}"
KIND = {"persName": "person", "placeName": "place"}


def gold(path: Path) -> list[tuple[str, str, str]]:
    rows = [r.split("\t") for r in path.read_text(encoding="utf-8").splitlines() if r and not r.startswith("#")]
    return [(k, s, e) for s, k, e in rows[1:]]


def tagged(doc: Path) -> list[tuple[str, str, str]]:
    text = etree.parse(str(doc)).getroot().find(f"{TEI}text")
    return [(KIND[etree.QName(e).localname], " ".join("".join(e.itertext()).split()), e.get("ref") or "")
            for e in text.iter(f"{TEI}persName", f"{TEI}placeName")]


def spacy_alone(doc: Path) -> list[tuple[str, str, str]]:
    from editio.names import ner

    text = etree.parse(str(doc)).getroot().find(f"{TEI}text")
    words = " ".join("".join(text.itertext()).split())
    labels = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place"}
    nlp = ner._pipeline()
    return [(labels[e.label_], e.text, "") for e in nlp(words).ents if e.label_ in labels]


def scores(found: list[tuple[str, str, str]], expected: list[tuple[str, str, str]]) -> dict[str, float]:
    f, e = Counter((k, s) for k, s, _ in found), Counter((k, s) for k, s, _ in expected)
    hit = sum((f & e).values())
    out = {"P": hit / max(1, sum(f.values())), "R": hit / max(1, sum(e.values()))}
    # linking: map each new gold entity to the ref most of its mentions got
    refs_by_surface: dict[tuple[str, str], list[str]] = {}
    for k, s, r in found:
        refs_by_surface.setdefault((k, s), []).append(r)
    new_ref: dict[str, str] = {}
    for ent in {g for _, _, g in expected if g.startswith("new:")}:
        got = Counter(r for k, s, g in expected if g == ent for r in refs_by_surface.get((k, s), [])[:1])
        if got:
            new_ref[ent] = got.most_common(1)[0][0]
    owners = Counter(new_ref.values())
    right = 0
    pool = {key: list(v) for key, v in refs_by_surface.items()}
    for k, s, g in expected:
        if not pool.get((k, s)):
            continue
        r = pool[(k, s)].pop(0)
        want = new_ref.get(g) if g.startswith("new:") else g
        if r and r == want and (not g.startswith("new:") or owners[r] == 1):
            right += 1
    out["link"] = right / max(1, sum(e.values()))
    return out


def main(argv: list[str]) -> int:
    from editio.ingest.command import run_ingest
    from editio.names import review

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("old", "new", "all", *SETS), default="all", dest="which")
    parser.add_argument("--json", type=Path, default=None, help="also write the totals to this file")
    args = parser.parse_args(argv)
    which = args.which
    if which in SETS:
        sources = sorted(SETS[which].glob("*.txt"))
    else:
        sources = [s for s in sorted(UNSEEN.glob("*.txt"))
                   if which == "all" or (s.stem in HELD_OUT) == (which == "new")]
    rows = []
    totals: dict[str, tuple[list, list]] = {k: ([], []) for k in ("before", "after", "spacy")}
    found_untagged = [0, 0]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        tei = root / "tei"
        tei.mkdir()
        for name in ("persons.xml", "places.xml", "orgs.xml"):
            shutil.copy(REPO / "tei" / name, tei / name)
        made: dict[str, Path] = {}
        for src in sources:
            before = set(tei.glob("*.xml"))
            assert run_ingest([src], tei, echo=lambda *a, **k: None) == 0, src
            [doc] = set(tei.glob("*.xml")) - before
            made[src.stem] = doc
        snapshot = {stem: (tagged(doc), spacy_alone(doc)) for stem, doc in made.items()}
        proposals, model = review.suggest(tei, root)
        if model:
            print(f"warning: {model}", file=sys.stderr)
        proposed = Counter((p.kind, f) for p in proposals for f in p.forms for _ in p.occurs)
        review.decide(root, ["all"], "accepted")
        review.apply(tei, root)
        from editio.names.command import _tag_files
        from editio.names.occurrences import document_files

        _tag_files(document_files(tei), tei, write=True)
        for src in sources:
            stem = src.stem
            g = gold(src.parent / f"{stem}.gold.tsv")
            before, spacy = snapshot[stem]
            after = tagged(made[stem])
            untagged = Counter((k, s) for k, s, _ in g) - Counter((k, s) for k, s, _ in before)
            found_here = sum(n for key, n in untagged.items() if proposed[key])
            found_untagged[0] += found_here
            found_untagged[1] += sum(untagged.values())
            row = {"doc": stem, "gold": len(g), "found": (found_here, sum(untagged.values()))}
            for label, found in (("before", before), ("after", after), ("spacy", spacy)):
                row[label] = scores(found, g)
                totals[label][0].extend((k, s, r) for k, s, r in found)
                totals[label][1].extend(g)
            rows.append(row)
            misses = Counter((k, s) for k, s, _ in g) - Counter((k, s) for k, s, _ in after)
            extras = Counter((k, s) for k, s, _ in after) - Counter((k, s) for k, s, _ in g)
            if misses or extras:
                print(f"{stem}: missed after accepting {sorted(misses.elements())}, "
                      f"extra {sorted(extras.elements())}", file=sys.stderr)
            refs = Counter((k, s, r) for k, s, r in after)
            golds = Counter((k, s, e) for k, s, e in g if not e.startswith("new:"))
            wrong = sorted((golds - refs).elements())
            if wrong:
                print(f"{stem}: known entries not linked right after accepting {wrong}", file=sys.stderr)
    print("| document | mentions | before: P / R / linked | after accepting: P / R / linked | spaCy alone: P / R "
          "| suggestions find |")
    print("| --- | ---: | --- | --- | --- | ---: |")
    for row in rows:
        b, a, s = row["before"], row["after"], row["spacy"]
        print(f"| {row['doc']} | {row['gold']} | {b['P']:.0%} / {b['R']:.0%} / {b['link']:.0%} | "
              f"{a['P']:.0%} / {a['R']:.0%} / {a['link']:.0%} | {s['P']:.0%} / {s['R']:.0%} | "
              f"{row['found'][0]} of {row['found'][1]} |")
    b, a, s = (scores(*totals[k]) for k in ("before", "after", "spacy"))
    print(f"| **all** | {len(totals['before'][1])} | {b['P']:.1%} / {b['R']:.1%} / {b['link']:.1%} | "
          f"{a['P']:.1%} / {a['R']:.1%} / {a['link']:.1%} | {s['P']:.1%} / {s['R']:.1%} | "
          f"{found_untagged[0]} of {found_untagged[1]} |")
    share = found_untagged[0] / max(1, found_untagged[1])
    print(f"\nsuggestions alone find {found_untagged[0]} of the {found_untagged[1]} mentions left untagged "
          f"({share:.1%})")
    if args.json:
        args.json.write_text(json.dumps({
            "set": which, "documents": len(rows), "mentions": len(totals["before"][1]),
            "before": b, "after": a, "spacy": s, "suggestions_found": found_untagged[0],
            "untagged": found_untagged[1], "suggestions_share": share}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
