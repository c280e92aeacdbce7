"""Tagging a TEI document in place: every mention of an authority entry becomes persName/placeName/orgName
with @ref (per:…, pla:…, org:…).

Promises: no character of text changes; an existing name element is never removed or re-tagged (it only gets
a @ref when it has none and its text names one entry); tagging twice equals tagging once. What it cannot
decide is reported, not guessed: a form listed for two entries is tagged only when the document names exactly
one of them elsewhere (then with cert="medium"), else left untagged and reported.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from editio.names.authority import KIND_BY_NAME, KIND_BY_PREFIX, KINDS, NS, TEI_NS, Authorities, Entry
from editio.names.candidates import find_candidates
from editio.names.matcher import Match
from editio.names.normalize import collapse_space
from editio.names.stream import BREAK, Stream, kind_of, local
from editio.names.tables import edges, scope

_WORD = re.compile(r"[^\W\d_][\w'’]*")


@dataclass(slots=True)
class Mention:
    ref: str
    surface: str
    element: str
    line: int | None
    part: str  # "header" or "text"
    action: str  # "added", "ref-added" or "existing"


@dataclass(slots=True)
class Report:
    surface: str
    context: str
    line: int | None
    reason: str


@dataclass(slots=True)
class TagResult:
    mentions: list[Mention] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    prefixes_added: list[str] = field(default_factory=list)

    @property
    def added(self) -> list[Mention]:
        return [m for m in self.mentions if m.action != "existing"]

    @property
    def changed(self) -> bool:
        return bool(self.added or self.prefixes_added)

    def counts(self) -> Counter[str]:
        return Counter(m.ref for m in self.mentions)


def _roots(root: etree._Element) -> list[etree._Element]:
    found: list[etree._Element] = []
    for xpath, _mode in scope():
        found.extend(root.xpath(xpath, namespaces=NS))
    chosen = []
    seen = set(found)
    for el in found:
        if any(anc in seen for anc in el.iterancestors()):
            continue
        if el not in chosen:
            chosen.append(el)
    return chosen


def _streams(root: etree._Element) -> list[Stream]:
    """All blocks under the scope roots, each as one searchable string."""
    out: list[Stream] = []
    todo = _roots(root)
    while todo:
        el = todo.pop(0)
        if local(el) is None:
            continue
        s = Stream(el).build()
        out.append(s)
        todo[0:0] = s.blocks
    return out


def _part(el: etree._Element) -> str:
    return "header" if any(local(a) == "teiHeader" for a in el.iterancestors()) else "text"


def _context(text: str, a: int, b: int, width: int = 40) -> str:
    left = text[max(0, a - width) : a].replace(BREAK, " ")
    right = text[b : b + width].replace(BREAK, " ")
    return collapse_space(f"{left}[{text[a:b]}]{right}")


def _resolves(ref: str, authorities: Authorities) -> bool:
    return authorities.get(ref) is not None


def _entry_for_name_element(el: etree._Element, authorities: Authorities) -> Entry | None:
    kind_name = kind_of(el)
    text = collapse_space("".join(el.itertext()))
    if kind_name == "any":
        return authorities.match(text)
    entry = authorities.match(text, KIND_BY_NAME[kind_name])
    return entry


def tag_tree(tree: etree._ElementTree | etree._Element, authorities: Authorities) -> TagResult:
    """Tag (in place) every mention of an authority entry in the scope parts of one TEI document."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    result = TagResult()
    streams = _streams(root)

    # 1. existing names: keep, give a @ref where missing and unambiguous; they tell the document's context
    context: Counter[str] = Counter()
    for s in streams:
        for el in s.names:
            ref = el.get("ref")
            surface = collapse_space("".join(el.itertext()))
            if ref:
                if ref.split(":", 1)[0] in KIND_BY_PREFIX and not _resolves(ref, authorities):
                    result.reports.append(Report(surface, surface, el.sourceline, f"@ref {ref} resolves to no entry"))
                else:
                    context[ref] += 1
                    result.mentions.append(Mention(ref, surface, local(el) or "", el.sourceline, _part(el), "existing"))
                continue
            entry = _entry_for_name_element(el, authorities)
            if entry is None:
                if surface:
                    result.reports.append(
                        Report(surface, surface, el.sourceline, f"<{local(el)}> names no single entry")
                    )
                continue
            el.set("ref", entry.ref)
            context[entry.ref] += 1
            result.mentions.append(Mention(entry.ref, surface, local(el) or "", el.sourceline, _part(el), "ref-added"))

    # 2. find forms in every block; unambiguous ones first, so they can settle the ambiguous ones
    found: list[tuple[Stream, list[Match]]] = []
    for s in streams:
        matches, rejected = authorities.matcher.scan(s.text)
        matches = _side_by_side(s, matches)
        found.append((s, matches))
        for r in rejected:
            result.reports.append(Report(r.surface, _context(s.text, r.start, r.end), s.root.sourceline, r.reason))
        for m in matches:
            if not m.ambiguous:
                context[m.entries[0].ref] += 1

    for ref in list(context):
        entry = authorities.get(ref)
        for parent in entry.parents if entry else ():
            context[parent] += context[ref]

    lowercase = {w.casefold() for s in streams for w in _WORD.findall(s.text) if w[:1].islower()}

    # 3. wrap, last match first so that earlier offsets stay valid
    for s, matches in found:
        # A form the authority files list is never an unknown-name candidate, wrapped or not: when it is left
        # untagged, its own report (ambiguous, partly covered) says why.
        covered: list[tuple[int, int]] = [span for el, span in s.spans.items() if el in s.names]
        covered += [(m.start, m.end) for m in matches]
        for m in reversed(matches):
            entry, cert = _choose(m, context)
            if entry is None:
                refs = ", ".join(e.ref for e in m.entries)
                result.reports.append(
                    Report(m.surface, _context(s.text, m.start, m.end), s.root.sourceline,
                           f"ambiguous: {refs}; none or several named elsewhere in the document")
                )
                continue
            container = s.container(m.start, m.end)
            if container is None and s.split_across(m.start, m.end, edges()):
                container = s.container(m.start, m.end)  # the name begins or ends inside the editors' words
            if container is None:
                result.reports.append(
                    Report(m.surface, _context(s.text, m.start, m.end), s.root.sourceline,
                           "inline markup only partly covers the name: not wrapped")
                )
                continue
            wrapper = etree.Element(f"{{{TEI_NS}}}{entry.kind.name_element}")
            wrapper.set("ref", entry.ref)
            if cert:
                wrapper.set("cert", cert)
            s.wrap(container, m.start, m.end, wrapper)
            result.mentions.append(
                Mention(entry.ref, collapse_space(m.surface), entry.kind.name_element,
                        container.sourceline or s.root.sourceline, _part(s.root), "added")
            )
        for c in find_candidates(s.text, covered, lowercase):
            result.reports.append(Report(c.surface, _context(s.text, c.start, c.end), s.root.sourceline, c.reason))

    result.prefixes_added = ensure_prefix_defs(root, {m.ref.split(":", 1)[0] for m in result.mentions})
    return result


def _side_by_side(s: Stream, matches: list[Match]) -> list[Match]:
    """Two forms of one person side by side, one space apart and in the same element ("STALIN Iosif
    Vissarionovich": the surname, then the given names), are one mention; "FENG XI <supplied>FYN SI</supplied>",
    an editor's addition, stays two."""
    out: list[Match] = []
    for m in matches:
        prev = out[-1] if out else None
        same = prev is not None and len(m.entries) == 1 and prev.entries == m.entries
        if (same and m.entries[0].kind.name == "person" and s.text[prev.end : m.start] == " "
                and s.container(prev.start, prev.end) is s.container(m.start, m.end)
                and s.container(prev.start, m.end) is not None):
            out[-1] = Match(prev.start, m.end, s.text[prev.start : m.end], m.entries, prev.form)
        else:
            out.append(m)
    return out


def _choose(m: Match, context: Counter[str]) -> tuple[Entry | None, str | None]:
    """An ambiguous form is settled when the document names exactly one of its entries (or a part of it)."""
    if not m.ambiguous:
        return m.entries[0], None
    named = [e for e in m.entries if context[e.ref]]
    if len(named) == 1:
        return named[0], "medium"
    return None, None


def ensure_prefix_defs(root: etree._Element, prefixes: set[str]) -> list[str]:
    """Declare per/pla/org in encodingDesc/listPrefixDef when the document uses them and lacks them."""
    header = root.find("tei:teiHeader", NS)
    if header is None or not prefixes:
        return []
    declared = {p.get("ident") for p in header.iterfind(".//tei:prefixDef", NS)}
    missing = [k for k in KINDS if k.prefix in prefixes and k.prefix not in declared]
    if not missing:
        return []
    enc = header.find("tei:encodingDesc", NS)
    if enc is None:
        enc = etree.Element(f"{{{TEI_NS}}}encodingDesc")
        file_desc = header.find("tei:fileDesc", NS)
        file_desc.addnext(enc) if file_desc is not None else header.insert(0, enc)
    lpd = enc.find("tei:listPrefixDef", NS)
    if lpd is None:
        lpd = etree.SubElement(enc, f"{{{TEI_NS}}}listPrefixDef")
    for k in missing:
        pd = etree.SubElement(lpd, f"{{{TEI_NS}}}prefixDef")
        pd.set("ident", k.prefix)
        pd.set("matchPattern", r"([A-Za-z0-9_\-\.]+)")
        pd.set("replacementPattern", f"{k.file}#$1")
    return [k.prefix for k in missing]
