"""One unit of transcription text → TEI mixed content: bracket conventions, dates, line breaks.

Every bracket becomes the markup its convention names (brackets.py decides which); every date in the text
becomes <date> with an ISO value (dates.py reads it). Both are "annotations" over the raw string; they nest,
and this module renders the nesting. The source's characters reach the output unchanged, except the bracket
marks and the labels that the markup stands for ("Stamp:", "[SIC]", "- AM").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache

from lxml import etree

from editio.ingest import brackets
from editio.ingest.dates import DateMatch, find_dates
from editio.ingest.slips import find_slips
from editio.ingest.tables import read_tsv
from editio.tei import append_text, el


@dataclass
class Context:
    """What the text of one document needs to know while its lines are encoded."""

    doc_id: str
    line: int = 0  # source line of the unit being encoded, for messages
    reference: dt.date | None = None
    original_lang: str | None = None  # BCP 47 code of the original language ('ru'), for transliterated words
    hands: list[str] = field(default_factory=list)  # descriptions of additional hands, in order of appearance
    notes: list[tuple[int, str]] = field(default_factory=list)  # (line, warning) for the file (unbalanced brackets …)
    date_notes: list[tuple[str, str]] = field(default_factory=list)
    place_known: Callable[[str], bool] | None = None  # the authority files' places, for line roles ({place})

    def hand_id(self, description: str) -> str:
        self.hands.append(description)
        return f"{self.doc_id}-hand{len(self.hands)}"


@dataclass
class Ann:
    """An element over text[start:end]; its content is text[body_start:body_end] (the rest is consumed)."""

    start: int
    end: int
    body_start: int
    body_end: int
    render: Callable[[etree._Element, list[Ann]], None]
    rank: int = 0  # among equal spans, lower rank is outside

    def contains(self, other: Ann) -> bool:
        return self.start <= other.start and other.end <= self.end and self is not other


def _append(parent: etree._Element, text: str) -> None:
    """Text with its line breaks as <lb/> (lines joined by an open bracket)."""
    parts = text.split("\n")
    append_text(parent, parts[0])
    for part in parts[1:]:
        el("lb", parent=parent)
        append_text(parent, part)


@cache
def _offices() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r["pattern"]) for r in read_tsv("offices.tsv"))


class Encoder:
    def __init__(self, text: str, ctx: Context, offices: bool = False) -> None:
        self.text = text
        self.ctx = ctx
        self.with_offices = offices

    # -- rendering -------------------------------------------------------------------------------------------
    def emit(self, parent: etree._Element, start: int, end: int, anns: list[Ann]) -> None:
        inside = [a for a in anns if start <= a.start and a.end <= end]
        tops = [a for a in inside if not any(b.contains(a) or (b is not a and (b.start, b.end) == (a.start, a.end)
                                                                and b.rank < a.rank) for b in inside)]
        tops.sort(key=lambda a: a.start)
        pos = start
        for a in tops:
            _append(parent, self.text[pos : a.start])
            a.render(parent, [b for b in inside if a.contains(b) or (b is not a and (b.start, b.end) ==
                                                                     (a.start, a.end) and b.rank > a.rank)])
            pos = a.end
        _append(parent, self.text[pos:end])

    def wrap(self, tag: str, attrs: dict[str, str] | None, start: int, end: int) -> Callable:
        def render(parent: etree._Element, inner: list[Ann]) -> None:
            e = el(tag, attrs, parent=parent)
            self.emit(e, start, end, inner)

        return render

    # -- annotations -----------------------------------------------------------------------------------------
    def annotations(self) -> list[Ann]:
        parsed = brackets.parse(self.text)
        brackets.classify(parsed)
        anns: list[Ann] = []
        for g in parsed.all_groups():
            anns.append(self.bracket(g))
        for pos in parsed.stray:
            line = self.ctx.line + self.text[:pos].count("\n")
            self.ctx.notes.append((line, f"unbalanced bracket {self.text[pos]!r} kept as a character "
                                         "(c[@type='unmatched-bracket'])"))
            anns.append(Ann(pos, pos + 1, pos, pos + 1, self.wrap("c", {"type": "unmatched-bracket"}, pos, pos + 1)))
        anns += self.slips(anns)
        anns += self.dates(anns)
        if self.with_offices:
            anns += self.offices(anns)
        return anns

    def offices(self, anns: list[Ann]) -> list[Ann]:
        """An office the cable is addressed to by title ("SOVIET AMBASSADOR", data/offices.tsv): roleName."""
        out = []
        for pat in _offices():
            for m in pat.finditer(self.text):
                if any(not (m.end() <= a.start or a.end <= m.start()) for a in anns + out):
                    continue
                out.append(Ann(m.start(), m.end(), m.start(), m.end(),
                               self.wrap("roleName", {"type": "office"}, m.start(), m.end())))
        return out

    def slips(self, anns: list[Ann]) -> list[Ann]:
        """Run-together words as printed (sic) with the edition's reading (corr, resp org:editio)."""
        out = []
        for s in find_slips(self.text):
            if any(not (s.end <= a.start or a.end <= s.start) for a in anns):
                continue

            def render(parent: etree._Element, inner: list[Ann], s=s) -> None:
                ch = el("choice", parent=parent)
                el("sic", parent=ch, text=s.printed)
                el("corr", {"resp": "org:editio"}, parent=ch, text=s.reading)

            out.append(Ann(s.start, s.end, s.start, s.end, render))
        return out

    def bracket(self, g: brackets.Group) -> Ann:
        """The annotation of one bracket, made by the builder its convention's encoding names."""
        assert g.convention is not None and g.match is not None
        build = _BUILDERS.get(g.convention.encoding)
        if build is not None:
            return build(self, g)
        tag, attrs = SIMPLE[g.convention.encoding]
        attrs = {k: v.format(lang=self.ctx.original_lang or "und") for k, v in attrs.items()}
        b0, b1 = _body(g)
        return Ann(g.open, g.close + 1, b0, b1, self.wrap(tag, attrs, b0, b1))

    # -- one builder per encoding that is more than "this element around the bracket's words" --------------------
    def _sic(self, g: brackets.Group) -> Ann:
        """[SIC] marks the word before it: the sic element is that word; the marker is consumed."""
        tok = g.convention.before.search(self.text[: g.open]) if g.convention.before else None
        t0, t1 = (tok.start("token"), tok.end("token")) if tok else (g.open, g.open)
        return Ann(t0, g.close + 1, t0, t1, self.wrap("sic", None, t0, t1))

    def _expan(self, g: brackets.Group) -> Ann:
        """C[entral]: the printed letters and the editor's, one expan with ex."""
        tok = g.convention.before.search(self.text[: g.open]) if g.convention.before else None
        t0 = tok.start("token") if tok else g.open
        b0, b1 = _body(g)

        def render(parent: etree._Element, inner: list[Ann]) -> None:
            e = el("expan", parent=parent)
            _append(e, self.text[t0 : g.open])
            el("ex", parent=e, text=self.text[b0:b1])

        return Ann(t0, g.close + 1, t0, g.close, render)

    def _choice_abbr(self, g: brackets.Group) -> Ann:
        """IAD [fighter aviation division]: the abbreviation before the bracket and its expansion, a choice."""
        ab = g.convention.before.search(self.text[: g.open])
        a0, a1 = ab.start("abbr"), ab.start("abbr") + len(ab.group("abbr").rstrip())
        b0, b1 = _body(g)

        def render(parent: etree._Element, inner: list[Ann]) -> None:
            ch = el("choice", parent=parent)
            self.emit(el("abbr", parent=ch), a0, a1, [x for x in inner if a0 <= x.start and x.end <= a1])
            self.emit(el("expan", parent=ch), b0, b1, [x for x in inner if b0 <= x.start and x.end <= b1])

        return Ann(a0, g.close + 1, a0, g.close, render)

    def _add(self, g: brackets.Group) -> Ann:
        """[Handwritten at the top: …]: the place from the label, the hand described in the header."""
        m = g.match
        words = (m.group("place") or "").split()
        place = next((brackets.placements()[w] for w in reversed(words) if w in brackets.placements()), None)
        label = self.text[g.open + 1 : g.open + 1 + m.start("body")].strip().rstrip(":").strip()
        attrs = {"hand": "#" + self.ctx.hand_id(label)}
        if place:
            attrs["place"] = place
        b0, b1 = _body(g)
        return Ann(g.open, g.close + 1, b0, b1, self.wrap("add", attrs, b0, b1))

    def _gap(self, g: brackets.Group) -> Ann:
        """Something present in the original but not transcribed (a signature, an illegible word)."""
        m, c0 = g.match, g.open + 1
        reason = "-".join((m.group("reason") if "reason" in m.re.groupindex else g.convention.id).lower().split())

        def render(parent: etree._Element, inner: list[Ann]) -> None:
            gap = el("gap", {"reason": reason}, parent=parent)
            el("desc", parent=gap, text=self.text[c0 : g.close])

        return Ann(g.open, g.close + 1, c0, g.close, render)

    def _note_resp(self, g: brackets.Group) -> Ann:
        """[… - AM]: a note by the editor whose initials close it; the initials become @resp."""
        attrs = {"type": "editorial", "place": "inline", "resp": brackets.signatures()[g.match.group("sig")]}
        b0, b1 = _body(g)
        return Ann(g.open, g.close + 1, b0, b1, self.wrap("note", attrs, b0, b1))

    def dates(self, anns: list[Ann]) -> list[Ann]:
        """Dates found in a projection of the text without the bracket marks and labels."""
        consumed = [False] * len(self.text)
        removed = [False] * len(self.text)
        for a in anns:
            for i in range(a.start, a.end):
                if not (a.body_start <= i < a.body_end):
                    consumed[i] = True
            if a.body_end == a.end - len("[SIC]") and self.text[a.body_end : a.end].upper() == "[SIC]":
                for i in range(a.body_end, a.end):
                    removed[i] = True
        chars: list[str] = []
        where: list[int] = []
        for i, ch in enumerate(self.text):
            if removed[i]:
                continue
            chars.append("\n" if consumed[i] else ch)
            where.append(i)
        projection = "".join(chars)
        found = []
        for d in find_dates(projection, reference=self.ctx.reference):
            start, end = where[d.start], where[d.end - 1] + 1
            if all(self._nests(start, end, a) for a in anns):
                found.append((d, start, end))
        found = self._settled_by_gloss(found)
        return [Ann(start, end, start, end, self.render_date(d, start, end), rank=-1) for d, start, end in found]

    def _settled_by_gloss(self, found: list) -> list:
        """'5.7.50 [5 July 1950]': the editor's restatement right after a date settles its reading (the order of
        day and month, a missing year), so the date takes the gloss's day and loses its doubt."""
        out = list(found)
        for k in range(len(out) - 1):
            (d, s0, e0), (g, s1, _e1) = out[k], out[k + 1]
            gap = self.text[e0:s1]
            if not (d.cert or d.note) or g.cert or not g.when or len(g.when) < 10:
                continue
            if gap.strip() != "[" or not d.when:
                continue
            when = g.when[:10] + d.when[10:] if len(d.when) >= 10 else g.when
            out[k] = (replace(d, when=when, cert=None, note=None), s0, e0)
        return out

    def render_date(self, d: DateMatch, start: int, end: int) -> Callable:
        """<date> with the reading (<time> for a time of day printed without its day, so that no reader takes it
        for a dated moment); where the printed form needed interpretation, the edition's note after it."""
        value = d.when or d.not_before or ""
        wrap = self.wrap("time" if value[:2].isdigit() and value[2:3] == ":" else "date", _date_attrs(d), start, end)

        def render(parent: etree._Element, inner: list[Ann]) -> None:
            wrap(parent, inner)
            if d.note:
                self.ctx.date_notes.append((self.text[start:end], d.note))
                el("note", {"type": "date", "place": "inline", "resp": "org:editio"}, parent=parent, text=d.note)

        return render

    @staticmethod
    def _nests(start: int, end: int, a: Ann) -> bool:
        disjoint = end <= a.start or a.end <= start
        inside_body = a.body_start <= start and end <= a.body_end
        around = start <= a.start and a.end <= end
        return disjoint or inside_body or around


def _body(g: brackets.Group) -> tuple[int, int]:
    """Offsets of the words a bracket's element holds: the 'body' group of its convention, else all of it."""
    m, c0 = g.match, g.open + 1
    if "body" in m.re.groupindex:
        return c0 + m.start("body"), c0 + m.end("body")
    return c0, g.close


# Encodings that are one element around the bracket's words: encoding → (element, attributes).
SIMPLE: dict[str, tuple[str, dict[str, str]]] = {
    "stamp": ("stamp", {}),
    "note": ("note", {"type": "editorial", "place": "inline"}),
    "gloss": ("note", {"type": "gloss", "place": "inline"}),
    "identification": ("note", {"type": "identification", "place": "inline"}),
    "gloss-word": ("gloss", {}),
    "reg": ("reg", {}),
    "supplied": ("supplied", {}),
    "supplied-token": ("supplied", {}),
    "foreign": ("foreign", {"xml:lang": "{lang}-Latn"}),
}
_BUILDERS: dict[str, Callable[[Encoder, brackets.Group], Ann]] = {
    "sic": Encoder._sic,
    "expan": Encoder._expan,
    "choice-abbr": Encoder._choice_abbr,
    "add": Encoder._add,
    "gap": Encoder._gap,
    "note-resp": Encoder._note_resp,
}


def _date_attrs(d: DateMatch) -> dict[str, str]:
    attrs: dict[str, str] = {}
    if d.when:
        attrs["when"] = d.when
    else:
        if d.not_before:
            attrs["notBefore"] = d.not_before
        if d.not_after:
            attrs["notAfter"] = d.not_after
    if d.cert:
        attrs["cert"] = d.cert
    return attrs


def encode(parent: etree._Element, text: str, ctx: Context, offices: bool = False) -> None:
    """Append the TEI encoding of `text` to parent; with `offices`, the offices it names by title are marked (the
    address in a cable's form)."""
    enc = Encoder(text, ctx, offices)
    anns = enc.annotations()
    enc.emit(parent, 0, len(text), anns)

