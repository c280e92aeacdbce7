"""The shape of a telegram: transmission data, distribution list, the message (opener, text, closer),
embedded letters and attachments — found from the roles of its lines (data/lines.tsv), in source order.

Nothing is reordered: the document's divisions follow the source line by line, so the words of the TEI text
are the words of the source in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from lxml import etree

from editio.ingest.dates import parse_date
from editio.ingest.inline import Context, encode
from editio.ingest.model import Line
from editio.ingest.slips import find_slips
from editio.ingest.tables import read_tsv
from editio.tei import el

SHORT_WORDS = 8  # a line of at most this many words without closing punctuation is a heading or address line


@dataclass(frozen=True)
class Unit:
    line: Line
    role: str
    n: str | None = None

    @property
    def text(self) -> str:
        return self.line.text


# {place} in a row of lines.tsv: a capitalised name that must be a place the authority files know (any name when
# the edition has no authority files).
PLACE = r"(?P<place>[A-Z][\w'’-]+)"
PlaceKnown = Callable[[str], bool] | None


@cache
def _roles() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rows = read_tsv("lines.tsv")
    return tuple((r["role"], re.compile(r["pattern"].replace("{place}", PLACE))) for r in rows)


@cache
def _wraps() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r["pattern"]) for r in read_tsv("wraps.tsv"))


def role_of(text: str, place_known: PlaceKnown = None) -> tuple[str, str | None]:
    t = text.strip()
    if parse_date(t) is not None or parse_date(t.strip('"“”')) is not None:  # '"21" September 1950', '16.11.50"'
        return "dateline", None
    for role, pat in _roles():
        m = pat.search(t)
        if m and ("place" not in pat.groupindex or place_known is None or place_known(m.group("place"))):
            return role, (m.group("n") if "n" in pat.groupindex else None)
    words = t.split()
    if len(words) <= SHORT_WORDS and not re.search(r"[.;?!:]$", t):  # "I report:" introduces text: prose
        return "short", None
    return "prose", None


def wrapped(lines: list[Line], place_known: PlaceKnown = None) -> list[Line]:
    """A heading or address line broken before its end ("8th Department of the General Staff of the" /
    "Armed Forces of the USSR") is one line, the break kept as '\n' (an lb): data/wraps.tsv says which line
    ends cannot end a line of the form."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (prev is not None and "\n" not in prev.text and any(p.search(prev.text.rstrip()) for p in _wraps())
                and role_of(prev.text, place_known)[0] not in ("prose", "item", "dash", "dateline")
                and line.text.strip() and not line.text.strip()[:1].islower()
                and role_of(line.text, place_known)[0] not in ("prose", "item", "dash", "separator")):
            out[-1] = Line(prev.no, f"{prev.text.rstrip()}\n{line.text.strip()}")
            continue
        out.append(line)
    return out


def split_slips(lines: list[Line], place_known: PlaceKnown = None) -> list[Line]:
    """Two lines of the form run together by a slip ("SOVIET AMBASSADORSent 03:15 13.7.50": the address and the
    time of sending): where a word in capitals runs into a word that opens a step of the cable's way, the line is
    split there and the first part says so in the edition's note; the print is kept character for character."""
    out: list[Line] = []
    for line in lines:
        for slip in find_slips(line.text):
            head, rest = line.text[: slip.start + len(slip.reading.split()[0])], line.text[slip.start + len(
                slip.reading.split()[0]):]
            if slip.printed[:1].isupper() and role_of(rest, place_known)[0] == "transmission":
                note = (f'the source runs this line and the next together ("{slip.printed}"); they are read as two '
                        "lines")
                out += [Line(line.no, head, note), Line(line.no, rest)]
                break
        else:
            out.append(line)
    return out


def units(lines: list[Line], place_known: PlaceKnown = None) -> list[Unit]:
    out: list[Unit] = []
    head: Unit | None = None
    for line in wrapped(split_slips(lines, place_known), place_known):
        role, n = role_of(line.text, place_known)
        unit = Unit(line, role, n)
        if head is not None and role != "distribution" and _continues_distribution(unit, head, out[-1]):
            unit = Unit(line, "distribution-item")
        elif role == "distribution":
            head = unit
        else:
            head = None
        out.append(unit)
    return out


# -- segmentation ---------------------------------------------------------------------------------------------

MESSAGE_START = {"salute", "prose", "item", "dash", "quote", "heading"}
CLOSER = {"signed", "dateline"}


def _quoted_runs(us: list[Unit]) -> list[tuple[int, int]]:
    """Runs of units from an opening quotation mark to its closing one (an embedded letter or message)."""
    runs = []
    i = 0
    while i < len(us):
        t = us[i].text.strip()
        if t[:1] in '"“' and (t.count('"') + t.count("“") + t.count("”")) % 2 == 1:
            for j in range(i + 1, len(us)):
                u = us[j].text.strip()
                if u[-1:] in '"”' and (u.count('"') + u.count("“") + u.count("”")) % 2 == 1:
                    runs.append((i, j))
                    i = j
                    break
        i += 1
    return runs


def build_document(div: etree._Element, lines: list[Line], ctx: Context) -> None:
    """Fill div[@type='document'] with the structure of the transcription's lines."""
    us = units(lines, ctx.place_known)
    parts: list[list[Unit]] = [[]]
    for u in us:
        if u.role == "separator":
            parts.append([])
        elif u.role == "attachment-head" and parts[-1] and len(parts) == 1:
            parts.append([u])  # "[Attachment to the Decision …]" without asterisks above it
        else:
            parts[-1].append(u)
    _build_part(div, parts[0], ctx)
    for part in parts[1:]:
        if part:
            att = el("div", {"type": "attachment"}, parent=div)
            if part[0].role == "attachment-head":  # "Attachment to / #73 (op) of the Politburo Protocol #78"
                ctx.line = part[0].line.no
                encode(el("head", parent=att), part[0].text.strip(), ctx)
                part = part[1:]
            _build_part(att, part, ctx)


def _build_part(div: etree._Element, us: list[Unit], ctx: Context) -> None:
    # A quoted run counts as one block of the message.
    blocks: list[list[Unit]] = []
    runs = {i: j for i, j in _quoted_runs(us)}
    i = 0
    while i < len(us):
        if i in runs:
            blocks.append(us[i : runs[i] + 1])
            i = runs[i] + 1
        else:
            blocks.append([us[i]])
            i += 1

    def role(b: list[Unit]) -> str:
        return "quote" if len(b) > 1 or (b[0].text.strip()[:1] in '"“' and b[0].text.strip()[-1:] in '"”'
                                         and len(b[0].text) > 80) else b[0].role

    roles = [role(b) for b in blocks]
    start = next((k for k, r in enumerate(roles) if r in MESSAGE_START), len(blocks))
    # Short lines and datelines right before the addressee belong to the opener ("Ministry of … / To Comrade …").
    # A name in capitals right before the text, with no salute, is its addressee ("FENG XI [STALIN]").
    first = start

    def opener_line(k: int) -> bool:
        return (roles[k] in ("dateline", "address")
                or (k + 1 < len(roles) and roles[k + 1] == "salute" and roles[k] == "short")
                or (k + 1 == first < len(roles) and roles[k] == "signed" and roles[first] != "salute"))

    while start > 0 and opener_line(start - 1):
        start -= 1
    last = max((k for k, r in enumerate(roles) if r in ("prose", "item", "dash", "quote")), default=start - 1)
    if last < start:  # no message text at all: everything is transmission data
        _zones(div, [u for b in blocks for u in b], ctx)
        return
    closer_end = last + 1
    # the signature, then the message's own number and dateline ("MAO ZEDONG / Nº 5281 / 24 October 1951")
    while closer_end < len(blocks) and (roles[closer_end] in CLOSER or (
            roles[closer_end] == "number" and roles[closer_end - 1] == "signed"
            and closer_end + 1 < len(blocks) and roles[closer_end + 1] == "dateline")):
        closer_end += 1
    _zones(div, [u for b in blocks[:start] for u in b], ctx, leading=True)
    msg = el("div", {"type": "message"}, parent=div)
    _message(msg, blocks[start:closer_end], roles[start:closer_end], ctx)
    _zones(div, [u for b in blocks[closer_end:] for u in b], ctx)


# What a line's role means in the transmission block (ab/@type); above the message a name in capitals is the
# address ("PYONGYANG", "SOVIET AMBASSADOR"), not a signature.
AB_TYPES = {"short": "note", "prose": "note", "distribution-item": "note", "attachment-head": "note",
            "number": "transmission"}
AB_TYPES_LEADING = {**AB_TYPES, "signed": "address"}


def _zones(div: etree._Element, us: list[Unit], ctx: Context, leading: bool = False) -> None:
    """Transmission data and distribution lists, each run its own div, in source order."""
    k = 0
    while k < len(us):
        if us[k].role == "distribution-entry":  # "Copy No. 1 To Stalin": the distribution, one entry a line
            lst = el("list", {"type": "distribution"}, parent=el("div", {"type": "distribution"}, parent=div))
            while k < len(us) and us[k].role == "distribution-entry":
                ctx.line = us[k].line.no
                encode(el("item", parent=lst), us[k].text.strip(), ctx)
                k += 1
            continue
        if us[k].role == "distribution":
            j = k + 1
            while j < len(us) and us[j].role == "distribution-item":
                j += 1
            if j > k + 1 or _HEAD.match(us[k].text.strip()) is None or _HEAD.sub("", us[k].text.strip()):
                _distribution(el("div", {"type": "distribution"}, parent=div), us[k:j], ctx)
                k = j
                continue
        j = k + 1
        while j < len(us) and us[j].role not in ("distribution", "distribution-entry"):
            j += 1
        block = el("div", {"type": "transmission"}, parent=div)
        for u in us[k:j]:
            ctx.line = u.line.no
            ab = el("ab", {"type": (AB_TYPES_LEADING if leading else AB_TYPES).get(u.role, u.role)},
                    parent=block)
            encode(ab, u.text.strip(), ctx, offices=leading)  # above the message: the cable's address
            if u.line.note:
                el("note", {"type": "slip", "place": "inline", "resp": "org:editio"}, parent=ab, text=u.line.note)
        k = j


def _continues_distribution(u: Unit, head: Unit, prev: Unit) -> bool:
    t = u.text.strip()
    if re.match(r"(?i)to\s+cde\.?\s", t) and head.text.strip().lower().startswith("copies to"):
        return True
    if prev.text.rstrip().endswith(",") and re.fullmatch(_NAMES, t):  # "Copies: Stalin (2), Malenkov, Beria,"
        return True
    return bool(re.fullmatch(r"(?:[\w.' ]+?\s*(?:-\s*\d+|\(\d+\))\s*[,.]?\s*)+", t))


# A line that is nothing but a comma-separated list of short names ("Bulganin, Mikoyan, Khrushchev, File of 8th").
_NAMES = r"(?:[\w.'’()-]+(?: [\w.'’()-]+){0,3},\s*)+[\w.'’()-]+(?: [\w.'’()-]+){0,3}[,.]?"

_HEAD = re.compile(r"(?i)(?P<head>copies(?:\s+to)?|distribution\s+list(?:\s*-\s*\d+\s+copies)?|number of copies[^:]*)"
                   r"\s*:?\s*")


def _split_items(text: str) -> list[str]:
    """Comma-separated items, each keeping its comma; commas inside parentheses do not split."""
    items, depth, cur = [], 0, ""
    for ch in text:
        cur += ch
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            items.append(cur.strip())
            cur = ""
    if cur.strip():
        items.append(cur.strip())
    return items


def _distribution(div: etree._Element, us: list[Unit], ctx: Context) -> None:
    ctx.line = us[0].line.no
    lst = el("list", {"type": "distribution"}, parent=div)
    first = us[0].text.strip()
    m = _HEAD.match(first)
    head_text, rest = (first[: m.end()].rstrip(), first[m.end() :]) if m else (first, "")
    encode(el("head", parent=lst), head_text, ctx)
    texts = ([rest] if rest.strip() else []) + [u.text.strip() for u in us[1:]]
    for t in texts:
        parts = [t] if re.match(r"(?i)to\s+cde", t) else _split_items(t)
        for item in parts:
            encode(el("item", parent=lst), item, ctx)


def _message(msg: etree._Element, blocks: list[list[Unit]], roles: list[str], ctx: Context) -> None:
    o = 0
    while o < len(roles) and roles[o] in ("salute", "short", "dateline", "signed", "address"):
        o += 1
    c = len(roles)
    while c > o and (roles[c - 1] in CLOSER or roles[c - 1] == "number"):
        c -= 1
    if o:
        opener = el("opener", parent=msg)
        for b, r in zip(blocks[:o], roles[:o], strict=True):
            ctx.line = b[0].line.no
            if r == "address":  # the addressee's address, not where the letter was written
                encode(el("addrLine", parent=el("address", parent=opener)), b[0].text.strip(), ctx)
                continue
            tag = "dateline" if r == "dateline" else "salute"
            encode(el(tag, parent=opener), b[0].text.strip(), ctx)
    k = o
    last_n: int | None = None  # the number of the last numbered point of the current series
    while k < c:
        r, b = roles[k], blocks[k]
        ctx.line = b[0].line.no
        if r == "quote":
            _embedded(msg, b, ctx)
        elif r == "dash":
            lst = el("list", {"rend": "dash"}, parent=msg)
            while k < c and roles[k] == "dash":
                text = re.sub(r"^[-–•*]\s+", "", blocks[k][0].text.strip())
                encode(el("item", parent=lst), text, ctx)
                k += 1
            continue
        elif r == "heading":  # a heading of the message: head while no text came before it
            top = all(etree.QName(c).localname in ("opener", "head") for c in msg)
            encode(el("head", parent=msg) if top else el("ab", {"type": "heading"}, parent=msg), b[0].text.strip(),
                   ctx)
        elif r == "item" and b[0].n and last_n is not None and int(b[0].n) <= last_n:
            # a second numbered series in the same message (points 1–2, then requests 1–4): its own list, so
            # that no two blocks of the division share a number
            lst = el("list", {"type": "numbered"}, parent=msg)
            while k < c and roles[k] == "item":
                ctx.line = blocks[k][0].line.no
                encode(el("item", {"n": blocks[k][0].n or ""}, parent=lst), blocks[k][0].text.strip(), ctx)
                k += 1
            last_n = None
            continue
        elif r == "item":
            encode(el("p", {"n": b[0].n or ""}, parent=msg), b[0].text.strip(), ctx)
            last_n = int(b[0].n) if b[0].n else last_n
        elif r in ("prose", "salute", "signed", "dateline"):
            encode(el("p", parent=msg), b[0].text.strip(), ctx)
        else:
            encode(el("ab", {"type": r if r not in ("short",) else "heading"}, parent=msg), b[0].text.strip(), ctx)
        k += 1
    if c < len(roles):
        closer = el("closer", parent=msg)
        for b, r in zip(blocks[c:], roles[c:], strict=True):
            ctx.line = b[0].line.no
            text = b[0].text.strip()
            if r == "dateline":
                encode(el("dateline", parent=closer), text, ctx)
            elif r == "number":
                encode(el("seg", {"type": "number"}, parent=closer), text, ctx)
            else:
                _signed(closer, text, ctx)


@cache
def _closer_parts() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((r["part"], re.compile(r["pattern"])) for r in read_tsv("closers.tsv"))


_PART_TAGS = {"salute": ("salute", {}), "number": ("seg", {"type": "number"})}


def _signed(closer: etree._Element, text: str, ctx: Context) -> None:
    """A signature line: its closing formula (salute) and the message's number (seg) before the name, each its own
    element, so that signed holds the signature only (data/closers.tsv)."""
    rest = text
    matched = True
    while matched and rest:
        matched = False
        for part, pat in _closer_parts():
            m = pat.match(rest)
            if m:
                tag, attrs = _PART_TAGS[part]
                encode(el(tag, attrs, parent=closer), m.group(0), ctx)
                rest, matched = rest[m.end():].strip(), True
                break
    if rest:
        encode(el("signed", parent=closer), rest, ctx)


def _embedded(msg: etree._Element, block: list[Unit], ctx: Context) -> None:
    """A quoted letter or message inside the telegram: its own opener, text and closer, quotes as @rend."""
    first, last = block[0].line, block[-1].line
    inner = [Line(u.line.no, u.text) for u in block]
    inner[0] = Line(first.no, re.sub(r'^\s*["“]', "", first.text))
    inner[-1] = Line(inner[-1].no, re.sub(r'["”]\s*$', "", inner[-1].text if len(inner) > 1 else inner[0].text))
    del last
    ft = el("floatingText", {"type": "embedded", "rend": "quoted"}, parent=msg)
    body = el("body", parent=ft)
    us = units(inner, ctx.place_known)
    roles = [u.role for u in us]
    if not any(r in ("prose", "item", "dash") for r in roles):
        roles = ["prose" if r in ("short", "signed", "dateline", "salute") else r for r in roles]
    sub = el("div", {"type": "message"}, parent=body)
    _message(sub, [[u] for u in us], roles, ctx)
