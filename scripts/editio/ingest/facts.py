"""The facts of one document, gathered once: its date, its correspondents, each step of the cable's way, and the
letter it relays. The header builder states them; nothing else reads the transmission lines for facts.

Two rules an editor holds to: a receipt by an office (the cipher office "Received in Moscow …", "Arrived in the
8th Department …") is a step of the way, not the addressee's receipt; and a telegram that relays a letter written
by others has two events — the letter (its authors, its date) and the cable that carries it (its sender, place
and time).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache

from lxml import etree

from editio.ingest.correspondents import Correspondence, Party, parse_title
from editio.ingest.dates import DateMatch, find_dates, least_certain, parse_date
from editio.ingest.model import Line
from editio.ingest.provenance import Provenance
from editio.ingest.structure import units
from editio.ingest.tables import read_tsv
from editio.tei import NS

# A name in a step of the way: capitalised words (a number may open an office's name: "8th Department",
# "8 MDGS", "8D/GS"), "of", "the" and "and" between them.
_WORD = r"(?:[A-Z][A-Za-z'’./-]*|\d+(?:st|nd|rd|th)?(?=\s+[A-Z])|\d+[A-Z][\w/]*)"
NAME = rf"{_WORD}(?:\s+(?:(?i:of|the|and)\s+)*{_WORD})*"

# What a name is, as the authority files know it: 'person', 'org', 'place', or None (then it is not linked).
Resolver = Callable[[str], str | None]


@dataclass(frozen=True)
class StepRule:
    step: str
    action: str
    pattern: re.Pattern[str]


@cache
def step_rules() -> tuple[StepRule, ...]:
    return tuple(StepRule(r["step"], r["action"], re.compile(r["pattern"].replace("{name}", NAME)))
                 for r in read_tsv("steps.tsv"))


@cache
def relay_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((r["where"], re.compile(r["pattern"])) for r in read_tsv("relay.tsv"))


@dataclass(frozen=True)
class Step:
    """One step of the cable's way as a transmission line prints it."""

    step: str  # sent | received | arrived | deciphered | forwarded
    action: str  # sent | transmitted
    text: str  # the step as printed ("Received in Moscow on 09/30/50 at 23:32 p.m.")
    date: DateMatch | None = None
    at: str | None = None  # the person, office or place the step names ("8 MDGS", "Mikhaylenko", "Moscow")
    at_kind: str | None = None  # what the authority files know it as
    place: str | None = None  # the sending station, when the authority files know it as a place
    cover: str | None = None  # the sending station's cover designation ("CORRESPONDENT 13")


@dataclass
class Relayed:
    """The letter a telegram relays: written by others, on its own date."""

    authors: list[Party]
    addressees: list[Party]
    date: DateMatch | None
    in_title: bool  # the title's correspondents are the letter's ("X to Y (via Z)"); else the title is the cable's


@dataclass
class Facts:
    """Everything the header states that is read rather than copied: built once per document (gather)."""

    date: DateMatch
    corr: Correspondence
    steps: list[Step] = field(default_factory=list)
    relayed: Relayed | None = None

    same_party: Callable[[str | None, Party], bool] = lambda name, party: False

    addressed: list[Party] = field(default_factory=list)  # named in the address of the document's own message
    signers: list[Party] = field(default_factory=list)  # named in its signature
    address: str = ""  # the words of that address, linked or not
    languages: list[str] = field(default_factory=list)  # every xml:lang the text uses, in order of appearance
    # The document in the edition, and where its text comes from
    doc_id: str = ""
    source_sha256: str = ""
    provenance: Provenance = field(default_factory=Provenance)
    hands: list[str] = field(default_factory=list)  # the hands the text distinguishes (handNote)
    signature: str = ""  # the words of the own message's signature ("Secretary of the Central Committee")
    decided_by: list[Party] = field(default_factory=list)  # the body whose decision the message records
    office: str | None = None  # an office the cable is addressed to by title ("SOVIET AMBASSADOR"), as printed

    @property
    def cable_addressees(self) -> list[Party]:
        """Whom the cable that relays a letter was itself addressed to (its address; the title's recipients when
        the title is the cable's): the letter reached its own addressees through them."""
        if self.relayed is None:
            return []
        if self.relayed.in_title:
            found = list(self.addressed)
        else:
            found = self.corr.recipients + ([] if self.covering else self.also_addressed)
        return [p for p in found if not any(self.same_party(p.name, a) for a in self.relayed.addressees)]

    @property
    def also_addressed(self) -> list[Party]:
        """Those the address names besides the title's correspondents."""
        named = self.corr.senders + self.corr.via + self.corr.recipients
        return [a for a in self.addressed if not any(self.same_party(a.name, p) for p in named)]

    @property
    def covering(self) -> bool:
        """The address names none of the title's recipients, only others: the document's own message covers the
        text the title names (a Politburo extract addressed to others than the directive attached to it). An
        address that names more than the title ("Ministry of Foreign Affairs of the USSR / To Comrade GROMYKO")
        names addressees, not a covering message."""
        if not self.also_addressed:
            return False
        recipients = self.corr.recipients
        address = self.address.lower()
        return not any(self.same_party(a.name, r) for a in self.addressed for r in recipients) \
            and not any(re.search(rf"\b{re.escape(w)}\b", address) for r in recipients
                        for w in {r.name.lower(), r.surface.lower()} if w)

    @property
    def destination(self) -> str | None:
        """Where the cable goes, as its form prints it above the message."""
        return next((s.place for s in self.steps if s.action == "destination"), None)

    @property
    def cable_sent(self) -> Step | None:
        """The cable's own sending (its station and time)."""
        return next((s for s in self.steps if s.action == "sent"), None)


def gather(title: str, body: etree._Element, transmission: list[str], date: DateMatch, corr: Correspondence,
           reference, resolve: Resolver, resolve_id: Callable[[str], str | None]) -> Facts:
    """The document's facts from its title, its (name-tagged) text and its transmission lines."""

    def same(name: str | None, party: Party) -> bool:
        if not name:
            return False
        if name.lower() in (party.name.lower(), party.surface.lower()):
            return True
        mine = resolve_id(name)
        return mine is not None and mine in (resolve_id(party.name), resolve_id(party.surface))

    steps = [_with_correction(s, date) for s in read_steps(transmission, reference, resolve)]
    own = _x(body, ".//tei:div[@type='document']/tei:div[@type='message'][1]")
    names = "tei:{0}/tei:{1}//tei:persName | tei:{0}/tei:{1}//tei:orgName"
    addressed = _named(own[0], names.format("opener", "salute")) if own else []
    signers = _named(own[0], names.format("closer", "signed")) if own else []
    address = " ".join(" ".join(t.itertext()) for t in _x(own[0], "tei:opener/tei:salute")) if own else ""
    languages = list(dict.fromkeys(body.xpath(".//tei:text//@xml:lang", namespaces=NS)))
    facts = Facts(date, corr, steps, relayed_letter(title, body, corr, same), same, addressed, signers,
                  " ".join(address.split()), languages)
    if own:
        signed = " ".join("".join(t.itertext()) for t in _x(own[0], "tei:closer/tei:signed"))
        facts.signature = " ".join(signed.split())
        facts.decided_by = _decided_by(own[0])
    offices = _x(body, ".//tei:div[@type='document']/tei:div[@type='transmission']//tei:roleName[@type='office']")
    facts.office = " ".join("".join(offices[0].itertext()).split()) if offices else None
    return facts


# A heading that names the minutes or the decision of a body ("Extract Minutes from Protocol #78 of the Meeting
# of the Politburo of the CC VKP(b) Decision dated …"): the body it names decided what the text records.
_DECISION = re.compile(r"\b(?i:protocol|minutes|decision|resolution)\b")


def _decided_by(message: etree._Element) -> list[Party]:
    """The body whose decision a message records: the first body named in a heading of minutes or a decision."""
    for head in _x(message, "tei:head"):
        if _DECISION.search(" ".join(head.itertext())):
            found = _named(head, ".//tei:orgName")
            if found:
                return found[:1]
    return []


def _with_correction(step: Step, date: DateMatch) -> Step:
    """The cable's own sending printed on the day the editors corrected in the document's date ("26 [27] September
    1950" above "Sent … 26.9.50"): their correction stands for the sending too, with @cert and the edition's note;
    the print stays in the text. Receipts and other steps keep their own days."""
    d = step.date
    if step.action != "sent" or d is None or not date.corrected or not date.when:
        return step
    value = d.when or d.not_before or ""
    if value[:10] != date.corrected:
        return step
    fixed = date.when[:10]
    note = (f"the sending is printed on {date.corrected}, the day the editors correct in the document's date; "
            f"their reading ({fixed}) is taken")
    return replace(step, date=replace(
        d, when=d.when and fixed + d.when[10:], not_before=d.not_before and fixed + d.not_before[10:],
        not_after=d.not_after and (fixed + d.not_after[10:] if d.not_after[:10] == date.corrected else d.not_after),
        cert=least_certain(d.cert, date.cert, "medium"), note="; ".join(n for n in (d.note, note) if n)))


def transmission_lines(lines: list[Line], place_known: Callable[[str], bool] | None) -> list[str]:
    """The lines that print the cable's way (transmission blocks, datelines, short lines), as read_steps reads them;
    the line roles are the text's (structure.py), so the header and the text agree on what each line is."""
    return [u.text for u in units(lines, place_known) if u.role in ("transmission", "dateline", "short")]


def _clean(text: str) -> str:
    return text.replace("[", " ").replace("]", " ")


def read_steps(texts: list[str], reference, resolve: Resolver) -> list[Step]:
    """Every step of the way in the transmission lines, in order, each with the date printed in its stretch.

    A station line ("From Pyongyang") gives the place of the sending that follows it; a step whose date wrapped
    onto the next line ("… Received" / "13.9. 13:15") is dated from that line.
    """
    steps: list[Step] = []
    station: str | None = None
    cover: str | None = None
    for i, raw in enumerate(texts):
        text = _clean(raw)
        dates = find_dates(text, reference=reference)
        nxt_text = _clean(texts[i + 1]) if i + 1 < len(texts) else ""
        hits = sorted(((m.start(), m.end(), rule, m) for rule in step_rules() for m in rule.pattern.finditer(text)),
                      key=lambda h: h[0])
        kept: list[tuple[int, int, StepRule, re.Match[str]]] = []
        for h in hits:  # one step per stretch of text: 'Sent to …' is a forwarding, not also a sending
            if not any(k[0] <= h[0] < k[1] for k in kept):
                kept.append(h)
        for k, (start, end, rule, m) in enumerate(kept):
            groups = m.groupdict()
            place = groups.get("place")
            place = place if place and resolve(place) == "place" else None
            if rule.step == "sent-from":
                station = station or place
                continue
            if rule.step == "cover":
                cover = cover or groups.get("cover")
                continue
            if rule.action == "destination":
                if place:
                    steps.append(Step(rule.step, rule.action, " ".join(text.split()), place=place))
                continue
            nxt = next((h[0] for h in kept[k + 1:] if h[2].step not in ("sent-from", "cover")), len(text))
            date = next((d for d in dates if end <= d.start < nxt), None)
            printed = text[start:nxt].strip(" ,;")
            if date is None and nxt == len(text) and not text[end:].strip() and nxt_text:
                word = text[start:end]
                joined = find_dates(f"{word} {nxt_text}", reference=reference)
                date = next((d for d in joined if len(word) < d.start <= len(word) + 3), None)
                if date is not None:
                    printed = f"{printed} {nxt_text.strip()}"
            at = groups.get("at")
            code = None
            if rule.action == "sent":
                place, station, code, cover = place or station, None, cover, None
            steps.append(Step(rule.step, rule.action, " ".join(printed.split()), date, at,
                              resolve(at) if at else None, place, code))
    if station and not any(s.action == "sent" for s in steps):
        steps.insert(0, Step("sent", "sent", "", None, None, None, station))
    return steps


# -- the relayed letter ---------------------------------------------------------------------------------------

def _x(node: etree._Element, path: str) -> list:
    return node.xpath(path, namespaces=NS)


_ENCLOSED = ".//tei:floatingText | .//tei:div[@type='attachment']"


def _letter_date(enclosed: etree._Element) -> DateMatch | None:
    """The enclosed letter's own date: the dateline of its closing."""
    for d in _x(enclosed, ".//tei:closer/tei:dateline"):
        found = parse_date(" ".join("".join(d.itertext()).split()).strip('"“”'))
        if found and found.when and len(found.when) >= 10:
            return found
    return None


def _named(node: etree._Element, path: str) -> list[Party]:
    """The persons and offices named (and linked) in one part of a message: its signature, its address."""
    out: list[Party] = []
    seen: set[str] = set()
    for n in _x(node, path):
        ref = n.get("ref")
        name = " ".join("".join(n.itertext()).split())
        if not ref or ref in seen or not name:
            continue
        seen.add(ref)
        kind = "org" if etree.QName(n).localname == "orgName" else "person"
        shown = name.title() if kind == "person" and name.isupper() else name  # 'GROMYKO' → 'Gromyko'; 'CC' stays
        out.append(Party(name, name, shown, kind, ref, n.get("cert")))
    return out


def _cable_text(body: etree._Element) -> str:
    """The words of the cable's own message: not those of the letter it encloses."""
    parts = _x(body, ".//tei:div[@type='message']//tei:p[not(ancestor::tei:floatingText or "
                     "ancestor::tei:div[@type='attachment'])]")
    return "\n".join(" ".join("".join(p.itertext()).split()) for p in parts)


def _title_letter(title: str) -> tuple[Correspondence, DateMatch | None] | None:
    for where, pat in relay_rules():
        if where != "title" or not (m := pat.search(title)):
            continue
        clause = m.group("letter")
        dates = [d for d in find_dates(clause) if d.when and len(d.when) >= 10]
        for d in reversed(find_dates(clause)):
            clause = clause[: d.start] + clause[d.end:]
        clause = re.sub(r"^[\s,]*(?:[a-z][\w'’-]*\s+)*", "", clause)  # "message from Kim …": the kind of text
        corr = parse_title(clause)
        if corr.senders and corr.recipients:
            return corr, dates[0] if dates else None
    return None


def title_without_relayed_letter(title: str) -> str:
    """The title without the clause that describes the letter it relays: that clause's date is the letter's."""
    for where, pat in relay_rules():
        if where == "title" and (m := pat.search(title)):
            return title[: m.start()]
    return title


def relayed_letter(title: str, body: etree._Element, corr: Correspondence,
                   same: Callable[[str | None, Party], bool]) -> Relayed | None:
    """The letter the telegram relays, when its title or its own words say it relays one (data/relay.tsv)."""
    enclosed = _x(body, _ENCLOSED)
    letter = enclosed[-1] if enclosed else None
    in_title = _title_letter(title)
    if in_title is not None:
        lcorr, ldate = in_title
        return Relayed(lcorr.senders, lcorr.recipients, ldate or (_letter_date(letter) if letter is not None else None),
                       in_title=False)
    cue = any(where == "text" and pat.search(_cable_text(body)) for where, pat in relay_rules())
    if not cue or letter is None:
        return None
    signers = _named(letter, ".//tei:closer/tei:signed//tei:persName | .//tei:closer/tei:signed//tei:orgName")
    if corr.via and corr.senders:  # "X to Y (via Z)": the title names the letter's correspondents
        extra = [s for s in signers if not any(same(s.name, p) for p in corr.senders)]
        return Relayed(corr.senders + extra, corr.recipients, _letter_date(letter), in_title=True)
    addressees = _named(letter, ".//tei:opener/tei:salute//tei:persName | .//tei:opener/tei:salute//tei:orgName")
    if not signers or not addressees:
        return None  # the letter's correspondents are not stated: say nothing rather than guess
    return Relayed(signers, addressees, _letter_date(letter), in_title=False)
