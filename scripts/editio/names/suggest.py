"""Mentions no authority entry covers, found in the edition's documents: the raw material of proposals.

Two finders, one result: spaCy's small English pipeline (when installed, see ner.py) and the cues the corpus
teaches (a person's title before a word, a place cue, an editor's identification bracket). A candidate is
trimmed to the name (titles, "the", a possessive 's stay outside) and kept only when it looks like a name of
its kind: every word capitalised, no digit, not all common English words (so not "Front Command", nor a line
in capitals), not a title, quotation or gloss (data/title_contexts.tsv), not listed in data/not_names.tsv or
data/not_suggested.tsv.
Existing name tags are never looked into: what is tagged is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lxml import etree

from editio.names.authority import NS, TEI_NS, Authorities
from editio.names.candidates import EVERYDAY, JOINERS, find_candidates, is_common, is_initial, is_region, romanised_name
from editio.names.candidates import zipf as _zipf
from editio.names.matcher import in_unnamed_phrase
from editio.names.ner import Entity
from editio.names.normalize import APOSTROPHES, HYPHENS, Token, collapse_space, fold, tokenize
from editio.names.stream import BREAK, Stream, local
from editio.names.tables import _rows, edges, not_names, person_neighbours, place_cues, shapes, surnames, titles
from editio.names.tagging import _streams, tag_tree

LEADING = {"the", "a", "an", "of"}
# Zipf frequency (wordfreq) below which a capitalised English word may be a surname beside a person ("Eden and
# Smith": smith 4.9), above which it is a word of the text ("Party", 5.5; "Army", 5.1)
SURNAME_FREQUENCY = 5.0
CONNECTORS = {"of", "the", "and", "for", "de", "du", "von", "van", "al", "la", "le", "on", "in"}
_KIND_OF_REASON = (("after the title", "person"), ("after the person cue", "person"), ("after the initial", "person"),
                   ("after “", "place"), ("a region", "place"), ("a romanised name", "person"),
                   ("a place by its feature word", "place"))
# the editors' identification: "Kim Du-bong [Kim Tu Phong]" or "Filippov [Stalin]" — two forms, one entity
_IDENT = re.compile(r"([A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*){0,3}) \[([A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*){0,3})\]")


# a family name and its given names in parentheses: "Ho (Chi Minh)", "Wei (Guoqing)"
_COMPLETED = re.compile(r"(?<![\w'’\-])([A-Z][a-z]+) \(([A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+)?)\)")
_FOLLOWERS = re.compile(r"[-‐‑](?:ists?|ites?)$")
_ROMANISED = re.compile(r"\b[A-Z][a-z']*-[a-z']+\b|\b[A-Z']+-[A-Z']+\b")


@dataclass(slots=True)
class Found:
    """One mention a proposal is made of."""

    kind: str
    surface: str
    file: str
    line: int | None
    evidence: str
    context: str = ""
    same_as: str | None = None  # the other form of an identification bracket
    known: str | None = None  # the entry the editors' identification names ("Pak Heon-yeong [Pak Hon Yong]")


@dataclass(slots=True)
class Scan:
    found: list[Found] = field(default_factory=list)
    model: str | None = None  # None: the statistical model was used; else why not (what to install)


@cache
def not_suggested() -> frozenset[str]:
    return frozenset(fold(r[0]) for r in _rows("not_suggested.tsv")) | frozenset(not_names())


@cache
def title_contexts() -> tuple[str, ...]:
    return tuple(r[0] for r in _rows("title_contexts.tsv"))


def _in_title_context(s: Stream, a: int, b: int) -> bool:
    for el in (s.root, *s.spans):
        if not isinstance(el.tag, str) or local(el) is None:
            continue
        span = s.spans.get(el)
        if el is not s.root and (span is None or not (span[0] <= a and b <= span[1])):
            continue
        if any(el.xpath(f"self::{x}", namespaces=NS) for x in title_contexts()):
            return True
    return False


def trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The name inside [a, b): titles, articles and a possessive outside; None when nothing name-like is left."""
    toks = [t for t in tokenize(text[a:b]) if t.text not in ".,;:()[]\"“”«»"]
    title_words = titles()
    while toks and (toks[0].key in title_words or toks[0].key in LEADING or not toks[0].is_word):
        toks = toks[1:]
    while toks and (toks[-1].key in LEADING or toks[-1].key in ("'s", "’s") or not toks[-1].is_word
                    or toks[-1].text[0] in APOSTROPHES):
        toks = toks[:-1]
    if not toks:
        return None
    start, end = a + toks[0].start, a + toks[-1].end
    if text[end:end + 1] == ")" and end < b and text.count("(", start, end) > text.count(")", start, end):
        end += 1  # "Ho (Chi Minh)": the parenthesis closes a part of the name
    # a hyphenated word is one word: "Pak Heon|-yeong" → "Pak Heon-yeong"
    while end + 1 < len(text) and text[end] in HYPHENS and text[end + 1].isalnum():
        end += 1
        while end < len(text) and (text[end].isalnum() or text[end] in APOSTROPHES):
            end += 1
    return start, end


def looks_like(kind: str, surface: str) -> bool:
    toks: list[Token] = [t for t in tokenize(surface) if t.is_word]
    if not toks or BREAK in surface or "\n" in surface or len(surface) < 2:
        return False
    if fold(surface) in not_suggested() or any(ch.isdigit() for ch in surface):
        return False
    if _FOLLOWERS.search(surface):  # "Guomindang-ists": a party's followers, no name of its own
        return False
    written = [w.strip(".,;:()") for w in surface.split()]  # "Du-bong" is one written word
    words = [w for w in written if w and fold(w) not in CONNECTORS]
    if not words or not all(w[0].isupper() for w in words):
        return False
    if kind != "org" and any(fold(w) in titles() for w in words):
        return False
    if kind == "person" and any(fold(w) in JOINERS - {"a", "an", "of"} for w in written):
        return False  # two persons joined ("Kadar and Marosan"), or a name and its context
    # all common words ("Front Command", "Extremely Urgent", "TOP SECRET" in a transmission line): no name;
    # a romanised name's syllables may each be a word ("Kim Du-bong"), but not one joined by a hyphen
    if _ROMANISED.search(surface) or _shaped_place(kind, words) or (kind == "place" and _state_of(surface)) \
            or (kind == "person" and romanised_name(words)):
        return True
    named = [t for t in toks if t.key not in CONNECTORS]
    if not all(is_common(t.text) for t in named):
        return True
    # every word is in an English word list: a person or a place still, when none is an everyday word
    # ("Malik", "Mun Il", "Li"), not when one is ("Front Command", "Extremely Urgent", "NEW YORK" is lost)
    return kind != "org" and max(_zipf(t.key) for t in named) < EVERYDAY


def _shaped_place(kind: str, words: list[str]) -> bool:
    """A place by its shape, however common its words: a state's abbreviation ("PRC"), a state's name ("Chinese
    Peoples Republic"), a region ("Northern China"), or a name the GeoNames data knows as one place ("NEW YORK")."""
    if kind != "place":
        return False
    if (len(words) == 1 and words[0] in shapes("state")) or (len(words) == 2 and words[0] in shapes("state-prefix")):
        return True
    if (len(words) > 1 and fold(words[-1]) in shapes("state-head")) or is_region(words) \
            or fold(" ".join(words)) in shapes("region-name") or fold(" ".join(words)) in shapes("place-name") \
            or (len(words) > 1 and fold(words[-1]) in shapes("feature")):  # "Red River": a river, however common
        return True
    from editio.names.geonames import named_place

    # a name of several words ("NEW YORK"): one everyday word that some town bears ("North") is no sign
    return len(words) > 1 and named_place(" ".join(words)) is not None


def _state_of(surface: str) -> bool:
    """A state's full name: a state's head word, "of" and a capitalised name ("Democratic People's Republic of
    Korea", "United Kingdom of Great Britain"), whatever the tagger says."""
    m = re.search(r"\b([A-Z][a-z]+) of (?:the )?[A-Z]", surface)
    return bool(m) and fold(m.group(1)) in shapes("state-head")


def reshape(kind: str, surface: str) -> str:
    """The kind a name's shape says, over a statistical tagger's guess (data/shapes.tsv): a state's abbreviation
    or name is a place, a one-word name with a surname's ending a person unless the GeoNames data has a place
    so named."""
    words = surface.split()
    key = fold(surface)
    if (len(words) == 1 and surface in shapes("state")) or _state_of(surface) or \
            (len(words) == 2 and words[0] in shapes("state-prefix")) or \
            (len(words) > 1 and fold(words[-1]) in shapes("state-head")) or key in shapes("place-name"):
        return "place"
    if kind == "place" and len(words) > 2 and " of " in surface and \
            (fold(words[0]) in shapes("body-of") or fold(words[0]) in shapes("post")):
        return "org"  # "Presidium of the CC KWP", "Ministry of Foreign Affairs": a body, not a place
    if kind == "place" and len(words) > 1 and is_initial(words[0].rstrip(".")) and words[0].endswith("."):
        return "person"  # "F. Kuznetsov": initials make a person's name
    if kind == "person" and len(words) > 1 and fold(words[0]) not in surnames() and not words[0].endswith("."):
        from editio.names.geonames import named_place

        if named_place(surface) is not None:
            return "place"  # "Dien Bien Phu": a name of several words that the GeoNames data gives one place
    if len(words) == 1 and any(key.endswith(e) and len(key) > len(e) + 2 for e in shapes("org-ending")):
        return "org"  # "Guomindang": a party, whatever the model says
    if kind == "person" and len(words) == 1 and surface.isupper() and len(surface) <= 4 and key not in surnames():
        return "org"  # "DVO", "GRU": an office's abbreviation, not a person
    if kind == "person" and len(words) > 1 and all(w.isalpha() and w.isupper() and len(w) <= 4 and not _spoken(w)
                                                   and fold(w) not in surnames() for w in words):
        return "org"  # "CPSU CC": a body and its organ, each an abbreviation; not "KIM IL SUNG"
    if kind != "person" and romanised_name(words):
        return "person"  # "Jiang Jieshi": a family name and a given name
    if kind in ("org", "place") and len(words) == 1 and surface[:1].isupper() and not is_common(surface):
        key = fold(surface)
        # a place cue before a surname ("[via Kuznetsov]": a cable relayed by a person) does not make it a place;
        # "-in" ends Chinese places the GeoNames data lacks as well, so it counts against an org only
        endings = [e for e in shapes("surname-ending") if kind == "org" or not e.startswith("in")]
        if any(key.endswith(e) and len(key) > len(e) + 2 for e in endings):
            from editio.names.geonames import named_place

            return kind if named_place(surface) else "person"  # "Seisin", "Harbin": places so ending
    return kind


def _kind_of(reason: str) -> str | None:
    for start, kind in _KIND_OF_REASON:
        if reason.startswith(start):
            return kind
    return None


def scan_documents(files: list[Path], use_model: bool = True, auth: Authorities | None = None) -> Scan:
    """Untagged name-like mentions in the documents; with `auth`, each is tagged first (in memory) so that
    what the authority files know is not proposed again."""
    docs = []
    for path in files:
        tree = etree.parse(str(path))
        if auth is not None:
            tag_tree(tree, auth)
        docs.append((path.name, tree.getroot()))
    return scan_trees(docs, use_model)


@dataclass(frozen=True)
class ModelRead:
    """What the statistical model found in one document's blocks (the texts it read, its entities in each), made
    where the document is made (an ingest task on a worker, ingest/tasks.py), so the model's cost — most of the
    scan's — is spread over the executor instead of paid in one process; it pickles."""

    texts: tuple[str, ...]
    entities: tuple[tuple[Entity, ...], ...]


def _blocks(root: etree._Element) -> list[Stream]:
    return [s for s in _streams(root) if s.text.strip(BREAK + " \n")]


def _model_text(s: Stream) -> str:
    # a tagged name or a date reads as a comma; a name in capitals in running text as a name in mixed case
    return truecase(s.text.replace(BREAK, ","))


def read_with_model(root: etree._Element) -> ModelRead | None:
    """The model's entities of one document (None when the model is not installed: the scan then says why)."""
    from editio.names import ner

    if ner.available() is not None:
        return None
    texts = [_model_text(s) for s in _blocks(root)]
    return ModelRead(tuple(texts), tuple(tuple(found) for found in ner.entities(texts)))


def scan_trees(docs: list[tuple[str, etree._Element]], use_model: bool = True,
               read: list[ModelRead | None] | None = None) -> Scan:
    """Untagged name-like mentions in (file name, TEI root) documents. `read`: what the model found in each
    document, made beforehand (read_with_model); a document's entry is used only when its texts are those of
    the document given here, and the model reads the others."""
    from editio.names import ner

    blocks: list[tuple[str, Stream]] = []
    texts: list[str] = []
    ents: list[list] = []
    unread: list[int] = []  # indices (in blocks) of the blocks the model has still to read
    scan = Scan()
    scan.model = ner.available() if use_model else "the statistical model was not asked for"
    for k, (name, root) in enumerate(docs):
        streams = _blocks(root)
        mine = [_model_text(s) for s in streams]
        before = read[k] if read is not None and k < len(read) else None
        usable = scan.model is None and before is not None and list(before.texts) == mine
        for j, s in enumerate(streams):
            blocks.append((name, s))
            texts.append(mine[j])
            ents.append(list(before.entities[j]) if usable else [])
            if scan.model is None and not usable:
                unread.append(len(blocks) - 1)
    if unread:
        for index, found in zip(unread, ner.entities([texts[i] for i in unread]), strict=True):
            ents[index] = found
    for (file, s), text, found in zip(blocks, texts, ents, strict=True):
        scan.found.extend(_in_block(file, s, text, found))
    scan.found.extend(_surnames(blocks, scan.found))
    scan.found.extend(_beside_persons(blocks, scan.found))
    scan.found.extend(_note_forms(scan.found))
    return scan


def _note_forms(found: list[Found]) -> list[Found]:
    """The form an identification note gives ("Seo Cheon-ju <note>So Chon Ju</note>") is a form of the name
    even when no finder took it on its own: found too, unless it is already."""
    have = {(f.file, f.surface) for f in found}
    out = []
    for f in found:
        if f.evidence == "identified in the editors' note" and f.same_as and not f.known \
                and (f.file, f.same_as) not in have and looks_like(f.kind, f.same_as):
            have.add((f.file, f.same_as))
            out.append(Found(f.kind, f.same_as, f.file, f.line, "the editors' identification", f.context, f.surface))
    return out


_CAPS_RUN = re.compile(r"\b[A-Z][A-Z'’\-]*(?: [A-Z][A-Z'’\-]*)*\b(?!\()")


def _spoken(run: str) -> bool:
    """A run of words in capitals that reads as a word, not letters: four letters or more, more than a quarter
    of them vowels ("MANCHURIA", "KIM IL SUNG", "NEW YORK"; not "USSR", "DPRK", "PRC")."""
    letters = [c for c in run if c.isalpha()]
    return len(letters) >= 4 and sum(c in "AEIOUY" for c in letters) / len(letters) > 0.25


def truecase(text: str) -> str:
    """The statistical tagger reads a word in capitals as an abbreviation: on each line with a lowercase word
    (running text, an address "to NEW YORK"), a run of capitalised words that reads as words is given to it in
    mixed case ("Manchuria"); a line in capitals, "USSR", "VKP(b)" stay as written. Offsets are kept."""
    def word(w: str) -> str:
        if len(w) > 1 and fold(w) in JOINERS:
            return w.lower()  # "KHRUSHCHEV AND HO CHI MINH": the joining word is read as one, not as a name's
        if len(w) > 1 and (w in shapes("state") or not any(c in "AEIOUY" for c in w)):
            return w  # "DRV", "USSR": letters, not a word
        return w[:1] + w[1:].lower()

    def fix(m: re.Match) -> str:
        run = m.group()
        mixed = " ".join(word(w) for w in run.split(" "))
        return mixed if _spoken(run) and len(mixed) == len(run) else run

    def line(m: re.Match) -> str:
        ln = m.group()
        return _CAPS_RUN.sub(fix, ln) if re.search(r"\b[a-z]{2,}", ln) else ln
    return re.sub(r"[^\n]+", line, text)


def _surnames(blocks: list[tuple[str, Stream]], found: list[Found]) -> list[Found]:
    """A person named in full once is often named by one word of it later ("Li Zhou-yuan … toward Li"): the
    first or last word of a found person's name, written alone in the same document, is found too (an
    everyday English word is not; the proposals join it to the full name)."""
    words: dict[str, dict[str, str]] = {}
    for f in found:
        parts = [w for w in re.split(r"\s+", f.surface) if not (len(w) <= 2 and w.endswith("."))]
        if f.kind == "person" and len(parts) > 1:
            for w in (parts[0], parts[-1]):
                if "-" not in w and _zipf(fold(w)) < EVERYDAY:
                    words.setdefault(f.file, {})[w] = f.surface
    known = _known_words(blocks)
    spans = {(f.file, f.line, f.surface) for f in found}
    surfaces: dict[str, set[str]] = {}
    for f in found:
        surfaces.setdefault(f.file, set()).add(f.surface)
    out: list[Found] = []
    for file, s in blocks:
        wanted, tagged = words.get(file, {}), known.get(file, {})
        if not wanted and not tagged:
            continue
        # a possessive stays outside the word: "Premier Zhou's hotel suite" names Zhou
        for m in re.finditer(r"(?<![\w'’\-])([A-Z](?:[\w]|['’](?!s(?![\w'’])))*)(?:['’]s)?(?![\w'’\-])", s.text):
            full = wanted.get(m.group(1))
            ref = None
            if full is None and m.group(1) in tagged:
                full, ref = tagged[m.group(1)]
            if full is None:
                continue
            after = re.match(r" ([A-Z][\w'’\-]*)", s.text[m.end():])
            before = re.search(r"(?<![\w'’\-])([A-Z][\w'’\-]*) $", s.text[:m.start()])
            longer = surfaces.get(file, ())
            if in_unnamed_phrase(s.text, m.start(1), m.end(1)):
                continue  # "Viet Minh": a word of a phrase never proposed is no person's word
            if (after and any(f"{m.group(1)} {after.group(1)}" in x for x in longer)) or \
                    (before and any(f"{before.group(1)} {m.group(1)}" in x for x in longer)):
                continue  # part of a longer name ("Li Zhou-yuan" itself, "Kim Tu Phong")
            line = _line(s, m.start())
            if (file, line, m.group(1)) in spans:
                for f in found:  # found already (by the model): the known entry is what it names
                    if ref and f.file == file and f.line == line and f.surface == m.group(1) and not f.known:
                        f.known = ref
                continue
            context = collapse_space(s.text[max(0, m.start() - 40):m.start()] + "[" + m.group(1) + "]"
                                     + s.text[m.end():m.end() + 40])
            out.append(Found("person", m.group(1), file, line, f"a word of “{full}”, named in this document",
                             context, known=ref))
    return out


def _beside_persons(blocks: list[tuple[str, Stream]], found: list[Found]) -> list[Found]:
    """A capitalised word joined by "and" to a person named in the same block ("Eden and Smith are willing"), or
    followed by a phrase of data/person_neighbours.tsv ("Bidault and other members of the delegation"), is a
    person too, when no finder took it: not a word the document writes in lowercase, nor a title, nor part
    of a longer capitalised run, nor a word found as another kind."""
    persons: dict[str, set[str]] = {}
    taken: dict[str, set[str]] = {}
    lowercase: dict[str, set[str]] = {}
    for f in found:
        taken.setdefault(f.file, set()).add(f.surface)
        if f.kind == "person":
            persons.setdefault(f.file, set()).add(f.surface)
    for file, s in blocks:
        lowercase.setdefault(file, set()).update(fold(w) for w in re.findall(r"\b[a-z][\w'’]*", s.text))
    word = r"(?<![\w'’\-.])([A-Z][a-z][\w'’]+)"
    out: list[Found] = []
    for file, s in blocks:
        spans = [(m.start(), m.end()) for p in persons.get(file, ()) for m in
                 re.finditer(r"(?<![\w'’\-])" + re.escape(p) + r"(?![\w'’\-])", s.text)]
        spans += [s.spans[el] for el in s.names if local(el) == "persName"]
        hits = []
        for a, b in spans:
            hits += [(m.start(1) + b, m.end(1) + b) for m in [re.match(r" and " + word + r"(?![\w'’\-]| [A-Z])",
                                                                         s.text[b:])] if m]
            hits += [(m.start(1), m.end(1)) for m in [re.search(word + r" and $", s.text[:a])] if m]
        for phrase in person_neighbours():
            for m in re.finditer(word + r" " + re.escape(phrase) + r"\b", s.text, re.IGNORECASE):
                if m.group(1)[0].isupper():
                    hits.append((m.start(1), m.end(1)))
        for a, b in hits:
            w = s.text[a:b]
            model = [f for f in found if f.file == file and f.surface == w]
            if model and all(f.kind == "org" and f.evidence.startswith("statistical") for f in model):
                for f in model:  # the tagger's organisation is a person by its neighbours
                    f.kind = "person"
                continue
            if fold(w) in lowercase.get(file, ()) or fold(w) in titles() or fold(w) in not_suggested() \
                    or w in taken.get(file, set()) or _zipf(fold(w)) >= SURNAME_FREQUENCY:
                continue
            taken.setdefault(file, set()).add(w)
            context = collapse_space(s.text[max(0, a - 40):a] + "[" + w + "]" + s.text[b:b + 40])
            out.append(Found("person", w, file, _line(s, a), "named beside a person", context))
    return out


def _known_words(blocks: list[tuple[str, Stream]]) -> dict[str, dict[str, tuple[str, str]]]:
    """The first and last word of each known person's name tagged in a document (header included): "Zhou" alone
    in a telegram whose title names Zhou Enlai is a new form of that entry. A word two entries share, a word of
    the English lexicon or a hyphenated one is left out."""
    out: dict[str, dict[str, tuple[str, str]]] = {}
    seen: set[str] = set()
    for file, s in blocks:
        if file in seen:
            continue
        seen.add(file)
        owners: dict[str, dict[str, str]] = {}
        for el in s.root.getroottree().getroot().iter(f"{{{TEI_NS}}}persName"):
            ref = el.get("ref") or ""
            text = collapse_space("".join(el.itertext()))
            parts = [w for w in text.split() if not (len(w) <= 3 and w.endswith("."))]
            if not ref.startswith("per:") or len(parts) < 2:
                continue
            for w in (parts[0], parts[-1]):
                if "-" not in w and w[:1].isupper() and _zipf(fold(w)) < EVERYDAY and not is_common(w):
                    owners.setdefault(w, {})[ref] = text  # not "Telegram" of a tag "Telegram Shtykov"
        out[file] = {w: (next(iter(r.values())), next(iter(r))) for w, r in owners.items() if len(r) == 1}
    return out


def _line(s: Stream, offset: int) -> int | None:
    """The source line of the deepest element around the offset (lxml knows elements' lines only)."""
    best, line = None, s.root.sourceline
    for el, (a, b) in s.spans.items():
        if a <= offset < b and isinstance(el.tag, str) and (best is None or b - a < best):
            best, line = b - a, el.sourceline or line
    return line


def _in_block(file: str, s: Stream, text: str, found: list) -> list[Found]:
    """The candidates of one block: identification brackets, the model's entities, then the corpus cues; a
    stretch of text gives at most one candidate."""
    out: list[Found] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, a: int, b: int, evidence: str, same_as: str | None = None) -> None:
        span = trim(s.text, a, b)
        if span is None:
            return
        a, b = _within_edges(s, *span)
        if a >= b or (span := trim(s.text, a, b)) is None:
            return
        a, b = span
        of = re.match(r" of (?:the )?[A-Z][a-z][\w'’\-]*(?: [A-Z][a-z][\w'’\-]*)?", s.text[b:])
        if of and fold(s.text[a:b].split()[-1]) in shapes("state-head"):
            b += of.end()  # "People’s Republic" + " of China": a state's full name is one name
        follow = re.match(r"\.?(?: [A-Z][a-z]?\.)+ [A-Z][a-z][\w'’\-]*", s.text[b:]) if kind == "person" else None
        if follow and (s.text[b:b + 1] != "." or _written_out(s, a, b)) and _name_words(s.text[a:b]):
            b += follow.end()  # "Boris" + " A. Lyubimtsev", "P[avel]" + ". S. Gorshkov": one name
        given = re.search(r"(?<![\w'’\-.])([A-Z][a-z'’\-]+) $", s.text[:a]) if _INITIAL.match(s.text[a:b]) else None
        if given and _name_words(given.group(1)):
            a = given.start(1)  # "Nikolai T. Fedorenko": a given name before the initials is the name's
        expanded = re.search(r"(?<![\w'’\-.])([A-Z])([a-z]+)\. $", s.text[:a]) if _INITIAL.match(s.text[a:b]) \
            else None
        if expanded and _written_out(s, expanded.start(1), expanded.end(2)):
            a = expanded.start(1)  # "I[van]. V. Kovalev": an initial the editors wrote out (markup) is the name's
        cut = _after_post(s.text, a, b)
        if cut is not None:  # "Embassy Counsellor Petrov": the person is named after the post
            a, kind = cut, (kind if kind == "place" else "person")
        toks = [t for t in tokenize(s.text[a:b]) if t.is_word]
        if len(toks) >= 3 and _russian_surname(toks[0].text) and romanised_name([t.text for t in toks[1:]]):
            add(kind, a, a + toks[0].end, evidence)  # "ARKHIPOV LIU SHAOQI": two persons side by side
            add("person", a + toks[1].start, b, evidence)
            return
        head = re.match(r"([A-Z]{2,5}) (?=[A-Z])", s.text[a:b]) if kind == "org" else None
        if head and head.group(1) in shapes("state"):  # "PRC Ministry of Foreign Affairs": the state, then the body
            add("place", a, a + head.end(1), evidence)
            add(kind, a + head.end(), b, evidence)
            return
        at = re.search(r" in (?=[A-Z])", s.text[a:b]) if kind == "org" else None
        if at:  # "Political Consultative Conference in BEIPING": the place is no part of the body's name
            b = a + at.start()
        surface = collapse_space(s.text[a:b])
        kind = reshape(kind, surface)
        if kind == "place" and (_names_a_body(s.text, a, b) or fold(surface.split()[-1]) in shapes("event")):
            return  # "Geneva Conference" is an event, "Geneva" in it no place mention
        if not looks_like(kind, surface) or _in_title_context(s, a, b) or any(x < b and a < y for x, y in taken) \
                or in_unnamed_phrase(s.text, a, b):
            return
        taken.append((a, b))
        context = collapse_space(text[max(0, a - 40):a] + "[" + surface + "]" + text[b:b + 40])
        out.append(Found(kind, surface, file, _line(s, a), evidence, context, same_as))

    for el, (pos, _) in s.spans.items():  # ingest's identification notes pair two forms too
        if local(el) == "note" and el.get("type") == "identification" and el in s.blocks:
            _identified(s, el, pos, found, add, out)
    for m in _COMPLETED.finditer(s.text):  # "Ho (Chi Minh)": the text completes the name in parentheses
        if romanised_name([m.group(1), *m.group(2).split()]):
            add("person", m.start(1), m.end(), "a name the text completes in parentheses")
    for m in _IDENT.finditer(s.text):  # identification brackets first: they pair two forms
        kind = _pair_shape(s.text, m.start(1), m.group(1), m.group(2)) \
            or next((e.kind for e in found if e.start <= m.start(1) < e.end), None) \
            or pair_kind(m.group(1), m.group(2))
        add(kind, m.start(1), m.end(1), "identified in the editors' bracket", m.group(2))
        add(kind, m.start(2), m.end(2), "the editors' identification", m.group(1))
    for c in find_candidates(s.text, [], set()):  # a cue says the kind better than the model does
        shaped = reshape("org", c.surface)
        kind = _kind_of(c.reason) or (shaped in ("person", "place") and shaped) or None
        if kind:
            add(kind, c.start, c.end, c.reason if _kind_of(c.reason) else
                f"a {'surname' if kind == 'person' else 'place name'}'s shape, in no authority file")
    for e in found:
        add(e.kind, e.start, e.end, "statistical tagger (spaCy)")
    return out


def pair_kind(a: str, b: str) -> str:
    """The kind of an identified pair no finder named: a place when the GeoNames data knows either form as one
    place ("Karasahr [Yanqi]"), else a person (the brackets name persons most)."""
    from editio.names.geonames import named_place

    return "place" if named_place(a) or named_place(b) else "person"


def _identified(s: Stream, note: etree._Element, pos: int, found: list, add, out: list[Found]) -> None:
    """The untagged name right before an identification note ("Kim Du-bong <note>Kim Tu Phong</note>"): one
    entity with the note's form, and the known entry itself when the note's name is tagged with a @ref."""
    before = s.text[:pos].rstrip()
    m = re.search(r"([A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*){0,3})$", before)
    state = re.search(r"([A-Z][\w'’\-]*(?: (?:of (?:the )?)?[A-Z][\w'’\-]*){1,5})$", before)
    if state and _state_of(state.group(1)):
        m = state  # "Democratic People's Republic of Korea [DPRK]": the state's full name is identified
    if not m:
        return
    named = collapse_space("".join(note.itertext()))
    span = trim(s.text, m.start(1), m.end(1))
    start = span and (_after_post(s.text, *span) or span[0])
    head = re.search(r"\b(\w+) of $", before[:start]) if start else None
    if head and fold(head.group(1)) in shapes("of-head"):
        return  # "the capital of Manchuria [Harbin]": the note names the phrase; each name is found on its own
    refs = {e.get("ref") for e in note.iter() if local(e) in ("persName", "placeName", "orgName") and e.get("ref")}
    kind = _pair_shape(s.text, m.start(1), m.group(1), named) \
        or next((e.kind for e in found if e.start <= m.start(1) < e.end and e.kind != "org"), None) \
        or pair_kind(m.group(1), named)
    n = len(out)
    add(kind, m.start(1), m.end(1), "identified in the editors' note", named)
    if len(out) > n and len(refs) == 1:
        out[-1].known = refs.pop()


def _pair_shape(text: str, start: int, a: str, b: str) -> str | None:
    """The kind an identified pair's shape or cue says, over the statistical tagger: a person when either form is
    a romanised name ("CKS [Jiang Jieshi]"), a place after a place cue ("reached Karasahr [Yanqi]")."""
    if romanised_name(a.split()) or romanised_name(b.split()):
        return "person"
    before = [t.key for t in tokenize(text[max(0, start - 40):start]) if t.is_word]
    if any(len(before) >= len(c) and tuple(before[-len(c):]) == c for c in place_cues()):
        return "place"
    return None


def _within_edges(s: Stream, a: int, b: int) -> tuple[int, int]:
    """[a, b) cut at the edge of an element listed in data/edges.tsv that it runs across between two words;
    not when the element holds only a name's words ("Comrade [Liu] Shaoqi", "[U. Alexis] Johnson"): then the
    editors supplied part of the name itself; after a post the name words that end the element are the name's
    ("[Soviet Foreign Minister Vyacheslav M.] Molotov")."""
    for el, (ea, eb) in s.spans.items():
        if not isinstance(el.tag, str) or local(el) not in edges() or ea == eb or _name_words(s.text[ea:eb]) \
                or _state_head_of(s.text[ea:eb]):
            continue
        if ea <= a < eb < b and s.text[eb:eb + 1].isspace():
            a = max(a, _name_tail(s.text, ea, eb))  # "[Soviet Foreign Minister Vyacheslav M.] Molotov"
        elif a < ea < b <= eb and s.text[ea - 1:ea].isspace():
            b = ea
    return a, b


def _written_out(s: Stream, a: int, b: int) -> bool:
    """The word [a, b) is an initial the editors wrote out: its first letter the document's, the rest in an
    element of their own ("I<ex>van</ex>", "P<supplied>avel</supplied>")."""
    return b - a > 1 and any(span == (a + 1, b) and el is not s.root and local(el) is not None
                             for el, span in s.spans.items())


def _state_head_of(text: str) -> bool:
    """The editors' words begin a state's full name that the text ends ("[the Democratic Republic of] Vietnam")."""
    m = re.fullmatch(r"(?:the )?(?:[A-Z][\w'’]* )*([A-Z][a-z]+) of", text)
    return bool(m) and fold(m.group(1)) in shapes("state-head")


def _name_tail(text: str, ea: int, eb: int) -> int:
    """Where the name words that end the editors' words [ea, eb) begin ("Soviet Foreign Minister Vyacheslav M.":
    the given name and initial of the name that follows); eb when they end in no initial ("[French Ambassador to
    Switzerland] Jean Chauvel") or in a title's or a post's word."""
    start = eb
    if not _INITIAL.fullmatch(text[ea:eb].split()[-1] if text[ea:eb].split() else ""):
        return eb  # only a given name with its initials ("Nikolai T.") leads into the name that follows
    for m in reversed(list(re.finditer(r"\S+", text[ea:eb]))):
        if not _name_words(m.group()):
            break
        start = ea + m.start()
    return start


def _names_a_body(text: str, a: int, b: int) -> bool:
    """The place's name is part of an event's or a body's name (data/shapes.tsv): "Geneva Conference", "the
    Geneva accords", "Leningrad Institute", "Communist Party of Laos" — no place mention, as for known places."""
    after = re.match(r" ([A-Za-z]+)", text[b:])
    if after and (fold(after.group(1)) in shapes("event")
                  or (after.group(1)[0].isupper() and fold(after.group(1)) in shapes("facility"))):
        return True
    head = re.search(r"\b([A-Z][a-z]+) of $", text[:a])
    return bool(head) and fold(head.group(1)) in shapes("body-of")


_INITIAL = re.compile(r"[A-Z][a-z]?\.")


def _name_words(text: str) -> bool:
    """Initials ("U.", "Yu.") and words in mixed case that are no title, post or everyday English word ("Liu",
    "Ivan", "Alexis"), and at least one of them: a name's words, not a post's ("DPRK Minister of Construction")."""
    words = text.split()
    return bool(words) and all(
        _INITIAL.fullmatch(w) or (re.fullmatch(r"[A-Z][a-z'’\-]+", w)
                                  and not {fold(w), fold(w).removesuffix("s")} & (set(titles()) | set(shapes("post")))
                                  and _zipf(fold(w)) < EVERYDAY)  # nor a title's plural ("Counsellors")
        for w in words)


def _after_post(text: str, a: int, b: int) -> int | None:
    """Where a person's name begins after the last word of a post or a body's name inside [a, b) ("Chief of the
    Consular Department Seregin": data/shapes.tsv, rule "post"); None when no name follows such a word."""
    toks = [t for t in tokenize(text[a:b]) if t.is_word]
    posts = shapes("post")
    last = max((i for i, t in enumerate(toks) if t.key in posts), default=None)
    if last is None or last == len(toks) - 1:
        return None
    rest = toks[last + 1:]
    if all(is_common(t.text) for t in rest) and not romanised_name([t.text for t in rest]):
        return None
    return a + rest[0].start


def _russian_surname(word: str) -> bool:
    key = fold(word)
    return key not in surnames() and any(key.endswith(e) and len(key) > len(e) + 2 for e in shapes("surname-ending"))
