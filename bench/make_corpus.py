"""A synthetic edition of N source documents for the benchmarks, made by varying the bundled sources.

Each new source is one of the bundled ones (taken in turn, so all three layouts — Wilson Center page, article,
Markdown — occur in equal shares) with its dates shifted by one offset (every full date, in every notation the
sources use, so a document stays consistent with itself), its principal persons exchanged for others of the
authority file (by the same kind of form: short, capitals, full), the long paragraphs of each run reordered (a
numbered paragraph keeps its number), and a few editorial brackets added, every class of data/brackets.tsv
occurring in the corpus (bench/corpus-brackets.tsv holds one snippet per class; a class without one stops the
script). Deterministic: the same N and seed give the same files byte for byte.

    python3 bench/make_corpus.py N [--seed S] [--out DIR]

writes DIR/sources/*.txt, DIR/tei/ with the edition's authority files, and DIR/edition.toml: an edition that
`editio --edition DIR build` builds. Not a test; the benchmark (bench/run.py) calls it.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import random
import re
import shutil
from pathlib import Path

from lxml import etree

from editio.ingest import brackets
from editio.tei import NS

REPO = Path(__file__).resolve().parents[1]
AUTHORITY_FILES = ("persons.xml", "places.xml", "orgs.xml")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_MONTH = "|".join(MONTHS)
# the full dates of the sources, each with the groups that give day, month, year
DATE_FORMS = (
    re.compile(rf"\b(?P<month>{_MONTH}) (?P<day>\d{{1,2}}), (?P<year>\d{{4}})\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}}) (?P<month>{_MONTH}) (?P<year>\d{{4}})\b"),
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{2})(?![\d.])"),
)
PARAGRAPH_MIN = 150  # characters: a line this long is a paragraph of the text, not a header line
NUMBER = re.compile(r"^(\d{1,2}[.)]\s+|-\s+)?(.*)$", re.S)
FORM_KINDS = ("main", "short", "caps")
BRACKETS_PER_DOCUMENT = (2, 5)


def principals(persons_file: Path) -> dict[str, dict[str, str]]:
    """Persons of the authority file with a short and a capitals form: the ones a telegram addresses by name."""
    tree = etree.parse(str(persons_file))
    found: dict[str, dict[str, str]] = {}
    for person in tree.iterfind(".//tei:person", NS):
        forms = {}
        for name in person.iterfind("tei:persName", NS):
            kind = name.get("type")
            if kind in FORM_KINDS and kind not in forms and name.text:
                forms[kind] = name.text.strip()
        if {"short", "caps"} <= forms.keys():
            found[person.get("{http://www.w3.org/XML/1998/namespace}id")] = forms
    return found


def bracket_snippets(table: Path) -> list[tuple[str, str]]:
    """One snippet per bracket class, checked: the ingest's own classifier must give it that class."""
    with table.open(encoding="utf-8") as f:
        rows = [(r["id"], r["snippet"]) for r in csv.DictReader(f, delimiter="\t")]
    wanted = {c.id for c in brackets.conventions()}
    missing = wanted - {cid for cid, _ in rows}
    if missing:
        raise SystemExit(f"{table}: no snippet for the bracket class(es) {', '.join(sorted(missing))}")
    for cid, snippet in rows:
        parsed = brackets.parse(snippet)
        brackets.classify(parsed)
        got = {g.convention.id for g in parsed.all_groups() if g.convention}
        if cid not in got:
            raise SystemExit(f"{table}: the snippet for {cid} is classified as {sorted(got) or 'nothing'}")
    return rows


def shift_dates(text: str, days: int) -> str:
    delta = dt.timedelta(days=days)

    def named(m: re.Match[str]) -> str:
        d = dt.date(int(m["year"]), MONTHS.index(m["month"]) + 1, int(m["day"])) + delta
        return m.group(0).replace(m["month"], MONTHS[d.month - 1]).replace(m["day"], str(d.day), 1) \
            .replace(m["year"], str(d.year))

    def dotted(m: re.Match[str]) -> str:
        try:
            d = dt.date(1900 + int(m["year"]), int(m["month"]), int(m["day"])) + delta
        except ValueError:
            return m.group(0)
        day = f"{d.day:02d}" if len(m["day"]) == 2 else str(d.day)
        month = f"{d.month:02d}" if len(m["month"]) == 2 else str(d.month)
        return f"{day}.{month}.{d.year % 100:02d}"

    for k, form in enumerate(DATE_FORMS):
        text = form.sub(dotted if k == 2 else named, text)
    return text


def exchange_names(text: str, persons: dict[str, dict[str, str]], rng: random.Random) -> str:
    """Each principal named in the text becomes another principal, form for form; the rest stays."""
    ids = sorted(persons)
    others = ids[:]
    rng.shuffle(others)
    swap = dict(zip(ids, others, strict=True))
    replacement: dict[str, str] = {}
    for pid, forms in persons.items():
        new = persons[swap[pid]]
        for kind, form in forms.items():
            replacement.setdefault(form, new.get(kind) or new["short"])
    # a form may run over a line end ("Kim Il  \nSung" in the Markdown sources): any white space between words
    alternatives = (r"\s+".join(map(re.escape, f.split())) for f in sorted(replacement, key=len, reverse=True))
    pattern = re.compile(r"\b(" + "|".join(alternatives) + r")\b")
    return pattern.sub(lambda m: replacement[" ".join(m.group(1).split())], text)


def _movable(line: str) -> bool:
    return (len(line) >= PARAGRAPH_MIN and line.count('"') % 2 == 0 and line.count("[") == line.count("]")
            and not line.lstrip().startswith(("#", "*", ">", "|")))


def reorder_paragraphs(text: str, rng: random.Random) -> str:
    """Within each run of long paragraph lines (blank lines between them allowed), the texts change places."""
    lines = text.split("\n")
    runs: list[list[int]] = [[]]
    for k, line in enumerate(lines):
        if _movable(line):
            runs[-1].append(k)
        elif line.strip():
            runs.append([])
    for run in runs:
        if len(run) < 2:
            continue
        parts = [NUMBER.match(lines[k]).groups() for k in run]
        bodies = [body for _, body in parts]
        rng.shuffle(bodies)
        for k, (prefix, _), body in zip(run, parts, bodies, strict=True):
            lines[k] = (prefix or "") + body
    return "\n".join(lines)


def add_brackets(text: str, snippets: list[str], rng: random.Random) -> str:
    """Each snippet goes after a sentence of a long paragraph."""
    lines = text.split("\n")
    places = [k for k, line in enumerate(lines) if _movable(line) and ". " in line]
    for snippet in snippets:
        if not places:
            break
        k = rng.choice(places)
        ends = [m.end() for m in re.finditer(r"\. (?=[A-Z])", lines[k])]
        if not ends:
            continue
        at = rng.choice(ends)
        lines[k] = f"{lines[k][:at]}{snippet} {lines[k][at:]}"
    return "\n".join(lines)


def make(n: int, seed: int, out: Path, bundled: Path = REPO / "sources", tei: Path = REPO / "tei") -> list[Path]:
    originals = sorted(bundled.glob("*.txt"))
    persons = principals(tei / "persons.xml")
    snippets = [s for _, s in bracket_snippets(Path(__file__).with_name("corpus-brackets.tsv"))]
    sources = out / "sources"
    if sources.exists():
        shutil.rmtree(sources)
    sources.mkdir(parents=True)
    (out / "tei").mkdir(exist_ok=True)
    for name in AUTHORITY_FILES:
        shutil.copyfile(tei / name, out / "tei" / name)
    settings = (REPO / "edition.toml").read_text(encoding="utf-8")
    (out / "edition.toml").write_text(re.sub(r'(?m)^title = ".*"$', f'title = "Benchmark edition: {n} sources, '
                                             f'seed {seed}"', settings, count=1), encoding="utf-8")
    written = []
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        original = originals[i % len(originals)]
        text = original.read_text(encoding="utf-8")
        if i >= len(originals):  # the first round is the bundled sources as they are
            first = rng.randrange(len(snippets))
            chosen = [snippets[(first + i) % len(snippets)]]  # every class in turn, plus a few at random
            chosen += rng.sample(snippets, rng.randint(*BRACKETS_PER_DOCUMENT) - 1)
            text = add_brackets(text, chosen, rng)
            text = reorder_paragraphs(text, rng)
            text = exchange_names(text, persons, rng)
            text = shift_dates(text, rng.randint(-300, 300))
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        path = sources / f"{i:05d}_{digest}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of source documents")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None, help="edition folder (default /tmp/editio-bench-N-sS)")
    args = parser.parse_args()
    out = args.out or Path(f"/tmp/editio-bench-{args.n}-s{args.seed}")
    written = make(args.n, args.seed, out)
    print(f"{len(written)} sources in {out / 'sources'}")


if __name__ == "__main__":
    main()
