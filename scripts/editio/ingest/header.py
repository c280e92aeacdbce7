"""The TEI header of one document: everything the source says about the document, in the fields where a
repository looks for it (titleStmt, publicationStmt, sourceDesc/msDesc, profileDesc/correspDesc …)."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from lxml import etree

from editio.ingest import brackets
from editio.ingest.archives import ArchivalCopy
from editio.ingest.correspondents import Party
from editio.ingest.dates import DateMatch
from editio.ingest.facts import Facts, Relayed, Step
from editio.ingest.layouts.rules import layout_rules
from editio.ingest.model import SourceDocument
from editio.ingest.tables import read_tsv
from editio.tei import el

_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s\[\]<>\"{}|\\^`]+")
PREFIXES = (("per", "persons.xml"), ("pla", "places.xml"), ("org", "orgs.xml"))


@cache
def edition() -> dict[str, str]:
    with resources.files("editio.ingest").joinpath("data/edition.toml").open("rb") as fh:
        return tomllib.load(fh)


def language_name(code: str) -> str:
    """'ru' → 'Russian', 'ru-Latn' → 'Russian, in Latin transliteration', for langUsage."""
    base, _, script = code.partition("-")
    names = {c: n for n, c in ((r["name"], r["code"]) for r in read_tsv("languages.tsv"))}
    name = names.get(base, "a language the source does not name" if base == "und" else base)
    if base == "en" and not script:
        return "English (the text of this edition)"
    return f"{name}, in Latin transliteration" if script == "Latn" else name


def _date_el(parent: etree._Element, d: DateMatch | None, text: str | None = None) -> etree._Element | None:
    if d is None:
        return None
    attrs = {"when": d.when} if d.when else {k: v for k, v in (("notBefore", d.not_before),
                                                               ("notAfter", d.not_after)) if v}
    if d.cert:
        attrs["cert"] = d.cert
    return el("date", attrs, parent=parent, text=text)


def build_header(doc: SourceDocument, facts: Facts) -> etree._Element:
    """The header states what the source says (its fields, `doc`) and what was read from it once (`facts`)."""
    ed = edition()
    doc_id, prov = facts.doc_id, facts.provenance
    rules = layout_rules()[doc.layout]
    header = el("teiHeader")
    fd = el("fileDesc", parent=header)

    ts = el("titleStmt", parent=fd)
    assert doc.title is not None
    el("title", {"type": "main"}, parent=ts, text=doc.title.text)
    if doc.label:
        el("title", {"type": "sub"}, parent=ts, text=doc.label.text)
    if prov.funder:
        el("funder", parent=ts, text=prov.funder)
    rs = el("respStmt", parent=ts)
    el("resp", parent=rs, text=ed["encoding_resp"])
    el("orgName", {"ref": ed["publisher_ref"]}, parent=rs, text=ed["publisher"])
    if prov.translator:
        rs = el("respStmt", parent=ts)
        el("resp", parent=rs, text="translation into English")
        el("persName", parent=rs, text=prov.translator)

    ps = el("publicationStmt", parent=fd)
    pub = el("publisher", parent=ps)
    el("orgName", {"ref": ed["publisher_ref"]}, parent=pub, text=ed["publisher"])
    el("date", {"when": ed["date"]}, parent=ps, text=ed["date"])
    el("idno", {"type": "editio"}, parent=ps, text=doc_id)
    el("idno", {"type": "source-file"}, parent=ps, text=doc.path.name)
    if doc.url:
        el("idno", {"type": "URL"}, parent=ps, text=doc.url)
    av = el("availability", parent=ps)
    for f in doc.rights:
        el("p", parent=el("licence", parent=av), text=f.text)
    if not doc.rights:
        el("p", parent=av, text="The source gives no rights statement.")
        av.set("status", "unknown")
    lic = el("licence", {"target": ed["licence_target"]}, parent=av)
    el("p", parent=lic, text=ed["licence"])

    notes = [f for f in doc.notes]
    if doc.funding or notes:
        ns = el("notesStmt", parent=fd)
        if doc.funding:
            el("note", {"type": "funding"}, parent=ns, text=doc.funding.text)
        for f in notes:
            el("note", {"type": "source-furniture"}, parent=ns, text=f.text)

    sd = el("sourceDesc", parent=fd)
    _source_bibl(sd, doc, rules)
    if doc.text_language:  # "Translation - English": the language of the source's text
        el("textLang", {"mainLang": prov.text_language}, parent=sd[-1], text=doc.text_language.text)
    if doc.original_language:  # the language of the original document, as the source states it
        el("textLang", {"mainLang": prov.original_stated},
           parent=el("bibl", {"type": "original"}, parent=sd), text=doc.original_language.text)
    elif prov.original_inferred:  # not stated: inferred from the archive that holds the copy
        bibl = el("bibl", {"type": "original"}, parent=sd)
        el("textLang", {"mainLang": prov.original_inferred, "cert": "medium"}, parent=bibl,
           text=language_name(prov.original_inferred))
        el("note", {"resp": edition()["publisher_ref"]}, parent=bibl, text=(
            "The source does not state the original's language; it is taken to be the language of the archive "
            "that holds the cited copy (data/repositories.tsv), from which the translation was made."))
    for f in doc.archive:
        el("bibl", {"type": "archival"}, parent=sd, text=f.text)
    for copy in prov.copies:
        _ms_desc(sd, copy)

    enc = el("encodingDesc", parent=header)
    _editorial_decl(enc)
    lpd = el("listPrefixDef", parent=enc)
    for ident, target in PREFIXES:
        el("prefixDef", {"ident": ident, "matchPattern": r"([A-Za-z0-9_\-\.]+)",
                         "replacementPattern": f"{target}#$1"}, parent=lpd)

    pd = el("profileDesc", parent=header)
    if doc.summary:
        el("p", parent=el("abstract", parent=pd), text=doc.summary.text)
    creation = el("creation", parent=pd)
    made = _date_el(creation, facts.date, doc.date.text if doc.date else None)
    if made is not None and facts.date.note:  # why the date is read so (an editors' correction, a misprint)
        el("note", {"type": "date", "resp": edition()["publisher_ref"]}, parent=made, text=facts.date.note)
    # The languages the text of this edition uses (the source's own statements of its languages are in sourceDesc)
    lu = el("langUsage", parent=pd)
    for code in ["en", *[c for c in facts.languages if c != "en"]]:
        el("language", {"ident": code}, parent=lu, text=language_name(code))
    _corresp_desc(pd, facts, rules)
    if facts.hands:
        hn = el("handNotes", parent=pd)
        for k, desc in enumerate(facts.hands, 1):
            el("handNote", {"xml:id": f"{doc_id}-hand{k}"}, parent=hn, text=desc)

    rd = el("revisionDesc", parent=header)
    el("change", {"when": ed["date"], "who": ed["publisher_ref"]}, parent=rd,
       text=f"Generated by editio ingest from {doc.path.name} (layout: {doc.layout}; SHA-256 {facts.source_sha256}).")
    return header


def _source_bibl(sd: etree._Element, doc: SourceDocument, rules: dict) -> None:
    if doc.citation:
        bibl = el("bibl", {"type": "online"}, parent=sd, text=doc.citation.text)
        if doc.url and _URI.fullmatch(doc.url):  # a damaged address stays text in the citation, not a pointer
            el("ptr", {"target": doc.url}, parent=bibl)
        return
    if doc.article:
        bibl = el("bibl", {"type": "online"}, parent=sd)
        art = doc.article
        # the title ends where its byline begins ("…, article and translations by …"): the byline's words stay,
        # between the title and the author
        title = el("title", {"level": "a"}, parent=bibl, text=art.headline or art.title.text)
        if art.headline:
            title.tail = art.byline
        if doc.article.author:
            el("author", parent=bibl, text=doc.article.author)
        if doc.label:
            el("biblScope", {"unit": "document", "n": str(doc.ordinal)}, parent=bibl, text=doc.label.text)
        return
    kind = rules.get("source_kind", "online")  # a plain document's source may be anything: no kind is claimed
    bibl = el("bibl", {"type": kind} if kind else {}, parent=sd)
    el("title", parent=bibl, text=doc.title.text if doc.title else "")
    if doc.date:
        el("date", parent=bibl, text=doc.date.text)
    if rules.get("source_publisher"):
        el("publisher", parent=bibl, text=rules["source_publisher"])


def _ms_desc(sd: etree._Element, copy: ArchivalCopy) -> None:
    ms = el("msDesc", parent=sd)
    mi = el("msIdentifier", parent=ms)
    if copy.repository_name:
        el("institution", parent=mi, text=copy.repository_name)
    el("repository", parent=mi, text=copy.repository)
    for part, value in copy.parts:
        el("idno", {"type": part}, parent=mi, text=value)
    el("p", parent=ms, text=copy.text + (f" ({copy.note})" if copy.note and copy.note not in copy.text else ""))


def _gis(parent: etree._Element, names: list[str]) -> None:
    """' (<gi>sic</gi>, <gi>date</gi>)': the elements a convention uses, for readers and for tei-check."""
    for k, name in enumerate(names):
        el("gi", parent=parent, text=name).tail = ", " if k < len(names) - 1 else ")"


def _with_gis(parent: etree._Element, text: str, names: list[str]) -> None:
    parent.text = text + " ("
    _gis(parent, names)


def _editorial_decl(enc: etree._Element) -> None:
    ed = el("editorialDecl", parent=enc)
    el("p", parent=ed, text=(
        "Square brackets in the source transcription are editorial interventions of its editors and translators. "
        "Each becomes the markup of its convention below; the bracket marks and the labels that the markup "
        "stands for (\"Stamp:\", \"[SIC]\", \"- AM\") are not kept as text."))
    lst = el("list", {"type": "gloss"}, parent=el("p", parent=ed))
    for conv in brackets.conventions():
        el("label", parent=lst, text=conv.example)
        item = el("item", {"n": conv.id}, parent=lst)
        item.text = f"{conv.meaning}: "
        el("code", {"lang": "xml"}, parent=item, text=conv.tei).tail = " ("
        _gis(item, list(dict.fromkeys(re.findall(r"<(\w+)", conv.tei))))
    _with_gis(el("p", parent=ed), "Unpartnered brackets of the source are kept as characters, marked",
              ["c"])
    corr = el("correction", parent=ed)
    _with_gis(el("p", parent=corr), (
        "Errors of the source are kept as printed. Where a date is misprinted or incomplete, the date element "
        "carries the best reading in @when (with @cert where it is inferred) and a note by the edition "
        "(@resp org:editio) says why; a word run together by a slip is kept as printed and given the edition's "
        "reading"), ["date", "note", "choice", "sic", "corr"])
    norm = el("normalization", parent=ed)
    _with_gis(el("p", parent=norm), "Dates are given in ISO 8601 form in @when, @notBefore and @notAfter; the "
                                    "text keeps the printed form", ["date"])


def _party_tag(p) -> str:
    return "orgName" if p.kind == "org" else "persName"


def _when(action: etree._Element, d: DateMatch | None) -> None:
    """The action's date, and why it is read so when the reading is inferred (a misprint, an ambiguous order).

    A time of day printed without its day dates nothing: it stays in the step's printed note only."""
    if d is not None and ":" in ((d.when or d.not_before or "")[:3]):
        return
    _date_el(action, d)
    if d is not None and d.note:
        el("note", {"type": "date", "resp": edition()["publisher_ref"]}, parent=action, text=d.note)


def _day(d: DateMatch | None) -> str | None:
    """The day (YYYY-MM-DD) a date names, when it names one day."""
    value = d and (d.when or (d.not_before if d.not_before and d.not_before[:10] == (d.not_after or "")[:10] else None))
    return value[:10] if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]) else None


def _parties(action: etree._Element, parties: list[Party]) -> None:
    for p in parties:
        attrs = {k: v for k, v in (("ref", p.ref), ("cert", p.cert)) if v and p.ref}
        el(_party_tag(p), attrs, parent=action, text=p.name)


_AT_TAG = {"person": "persName", "org": "orgName", "place": "placeName"}


def _instant(d: DateMatch | None) -> str | None:
    """The earliest moment a date names, when it names a time of day (ISO strings compare in time order)."""
    value = d and (d.when or d.not_before)
    return value if value and "T" in value else None


def _step(cd: etree._Element, step: Step, before: Step | None) -> None:
    """A step of the way between sender and addressee: who or where it names, when, and the step as printed.

    A step printed after another but timed before it is the source's inconsistency: both stay as printed, and a
    note by the edition says so.
    """
    action = el("correspAction", {"type": "transmitted", "subtype": step.step}, parent=cd)
    if step.at and step.at_kind:
        el(_AT_TAG[step.at_kind], parent=action, text=step.at)
    _when(action, step.date)
    el("note", parent=action, text=step.text)
    mine, theirs = _instant(step.date), _instant(before.date if before else None)
    if before is not None and mine and theirs and mine < theirs:
        el("note", {"type": "inconsistency", "resp": edition()["publisher_ref"]}, parent=action, text=(
            f"the source prints this step after \"{before.text}\" but times it earlier ({mine[11:16]} before "
            f"{theirs[11:16]}); both times are kept as printed"))


NO_SENDER, NO_RECIPIENT = "The source names no sender.", "The source names no recipient."


def _corresp_desc(pd: etree._Element, facts: Facts, rules: dict) -> None:
    """Who wrote to whom, when, and each step of the way (see facts.py for the two rules it keeps). What is said
    of a party not named is the layout's (a plain document's parties were not read at all: data/layouts.toml)."""
    corr, relayed, cable = facts.corr, facts.relayed, facts.cable_sent
    same = facts.same_party
    if relayed is not None and relayed.in_title:  # "X to Y (via Z)": the letter, carried by Z's cable
        _letter(pd, relayed, relayer=corr.via, cable=cable, steps=facts.steps, same=same,
                cable_addressees=facts.cable_addressees, office=facts.office)
        return
    cd = el("correspDesc", parent=pd)
    sent = el("correspAction", {"type": "sent"}, parent=cd)
    _parties(sent, corr.senders)
    if not corr.senders:
        el("note", parent=sent, text=rules.get("unnamed_sender", NO_SENDER))
    if cable and cable.place:
        el("placeName", parent=sent, text=cable.place)
    _when(sent, cable.date if cable and cable.date else facts.date)
    if cable and cable.cover:
        el("note", {"type": "cover"}, parent=sent,
           text=f"The cable's station is printed by its cover designation: {cable.cover}.")
    for k, p in enumerate(corr.via):
        tr = el("correspAction", {"type": "transmitted"}, parent=cd)
        _parties(tr, [p])
        if k == 0:  # the cable went to the relayer ("BEIJING Only by ciphered telegraph"), by office if so printed
            _office(tr, facts.office)
            if facts.destination:
                el("placeName", parent=tr, text=facts.destination)
    unsettled = bool(facts.office) and not corr.via
    if unsettled:  # the destination is the office's place, not the addressee's
        _office_unsettled(cd, facts.office, facts.destination)
    others, covering = facts.also_addressed, facts.covering
    recipients = corr.recipients + ([] if covering else others)
    _way_and_receipt(cd, facts.steps, recipients, same,
                     none_named=rules.get("unnamed_recipient", NO_RECIPIENT) if not recipients else None,
                     place=None if corr.via or unsettled else facts.destination)
    if covering:
        cover = el("correspDesc", {"type": "covering"}, parent=pd)
        sent = el("correspAction", {"type": "sent"}, parent=cover)
        # an extract of minutes is the deciding body's; the secretary's signature attests it
        _parties(sent, facts.decided_by or facts.signers)
        if not facts.decided_by and not facts.signers:
            el("note", parent=sent, text=NO_SENDER)
        _when(sent, facts.date)
        if facts.decided_by and facts.signature:
            el("note", {"type": "signed"}, parent=sent, text=(
                f"The text records a decision of the body its heading names; it is signed \"{facts.signature}\"."))
        _parties(el("correspAction", {"type": "received"}, parent=cover), others)
    if relayed is not None:  # the title is the cable's; the letter it relays is a correspondence of its own
        _letter(pd, relayed, relayer=corr.senders, cable=cable, steps=[], same=same, kind="relayed",
                cable_addressees=facts.cable_addressees)


def _letter(pd: etree._Element, relayed: Relayed, relayer: list[Party], cable: Step | None, steps: list[Step],
            same, kind: str | None = None, cable_addressees: list[Party] = (), office: str | None = None) -> None:
    cd = el("correspDesc", {"type": kind} if kind else {}, parent=pd)
    sent = el("correspAction", {"type": "sent"}, parent=cd)
    _parties(sent, relayed.authors)
    _when(sent, relayed.date)
    if relayed.date is None:
        day = _day(cable.date) if cable else None
        if day:  # written no later than the cable that relays it was sent: the only date the text gives it
            el("date", {"notAfter": day, **({"cert": cable.date.cert} if cable.date.cert else {})}, parent=sent)
            el("note", parent=sent, text="The letter's own date is not printed; it was written on or before the day "
                                         "the cable relaying it was sent.")
        else:
            el("note", parent=sent, text="The letter's own date is not printed.")
    if relayer or cable:
        tr = el("correspAction", {"type": "transmitted", "subtype": "relayed"}, parent=cd)
        _parties(tr, relayer)
        if relayer and relayed.in_title:  # "(via Z)" and the cable's form addresses Z by office
            _office(tr, office)
        if cable and cable.place:
            el("placeName", parent=tr, text=cable.place)
        _when(tr, cable.date if cable else None)
        if not relayer:
            el("note", parent=tr, text="The source does not name who relayed the letter.")
    if cable_addressees:  # the relaying cable's own address: the letter reached its addressees through them
        to = el("correspAction", {"type": "transmitted", "subtype": "addressed"}, parent=cd)
        _parties(to, cable_addressees)
    _way_and_receipt(cd, [s for s in steps if s.action != "sent"], relayed.addressees, same)


def _office(action: etree._Element, office: str | None) -> None:
    """The office by which the cable's form addresses the relayer the title names: the title settles who held it."""
    if office:
        el("roleName", {"type": "office"}, parent=action, text=office)


def _office_unsettled(cd: etree._Element, office: str, place: str | None) -> None:
    """A cable addressed to an office whose holder neither its title nor its text names: the office as printed,
    unlinked, and the question left open."""
    action = el("correspAction", {"type": "transmitted", "subtype": "addressed"}, parent=cd)
    el("roleName", {"type": "office"}, parent=action, text=office)
    if place:
        el("placeName", parent=action, text=place)
    el("note", {"type": "open", "resp": edition()["publisher_ref"]}, parent=action, text=(
        f"The cable is addressed by office (\"{office}\"); neither its title nor its text says who held the office, "
        "so it is not linked to a person."))


def _way_and_receipt(cd: etree._Element, steps: list[Step], recipients: list[Party], same,
                     none_named: str | None = None, place: str | None = None) -> None:
    """Each office step as its own action; the addressees' receipt dated only by a step that reaches them."""
    delivery = before = None
    for step in steps:
        if step.action in ("sent", "destination"):
            continue
        if delivery is None and step.step == "forwarded" and any(same(step.at, p) for p in recipients):
            delivery = step
            continue
        _step(cd, step, before)
        before = step
    rec = el("correspAction", {"type": "received"}, parent=cd)
    _parties(rec, recipients)
    if place:
        el("placeName", parent=rec, text=place)
    if delivery is not None:
        _when(rec, delivery.date)
        el("note", parent=rec, text=delivery.text)
    if none_named:  # say so rather than leave the action without anyone
        el("note", parent=rec, text=none_named)
