"""One source file → its TEI documents (in memory), each checked for fidelity before anything is written."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from editio.ingest import fidelity
from editio.ingest.brackets import join_open_brackets
from editio.ingest.correspondents import Correspondence, parse_title, slug
from editio.ingest.dates import DateMatch, find_dates, parse_date
from editio.ingest.facts import gather, title_without_relayed_letter, transmission_lines
from editio.ingest.header import build_header
from editio.ingest.inline import Context, encode
from editio.ingest.layouts import read_documents
from editio.ingest.model import SourceDocument, SourceError, Warning_
from editio.ingest.provenance import read_provenance
from editio.ingest.reader import read_source
from editio.ingest.structure import build_document
from editio.tei import TEI_NS, el, q

# Elements whose content is only elements: the serialiser may indent inside them without touching the text.
STRUCTURAL = {
    "TEI", "teiHeader", "fileDesc", "titleStmt", "respStmt", "publicationStmt", "availability", "licence",
    "notesStmt", "sourceDesc", "msDesc", "msIdentifier", "encodingDesc", "editorialDecl", "correction",
    "normalization", "listPrefixDef", "profileDesc", "abstract", "creation", "langUsage", "correspDesc",
    "correspAction", "handNotes", "revisionDesc", "text", "body", "div", "list", "opener", "closer",
    "floatingText", "choice", "publisher",
}


@dataclass
class Converted:
    """One TEI document made from a source, ready to be written (or the reason it may not be)."""

    stem: str
    source: Path
    tree: etree._ElementTree | None
    warnings: list[Warning_] = field(default_factory=list)
    failures: list[fidelity.Failure] = field(default_factory=list)
    error: SourceError | None = None  # this document could not be converted (the others of its source were)


class Authorities:
    """The names layer as ingest sees it: optional; when the authority files exist, names come out linked."""

    def __init__(self, tei_dir: Path | None) -> None:
        self.auth = None
        if tei_dir is not None and (tei_dir / "persons.xml").exists():
            from editio.names.authority import load_authorities

            self.auth = load_authorities(tei_dir)

    def person_id(self, name: str) -> str | None:
        return self.auth.match_person(name) if self.auth else None

    def org_id(self, name: str) -> str | None:
        return self.auth.match_org(name) if self.auth else None

    def place_known(self, name: str) -> bool:
        return bool(self.auth and self.auth.match_place(name))

    def kind_of(self, name: str) -> str | None:
        """'person', 'org' or 'place' when the authority files know the name (in that order), else None."""
        if self.person_id(name):
            return "person"
        if self.org_id(name):
            return "org"
        return "place" if self.place_known(name) else None

    def entity_id(self, name: str) -> str | None:
        return self.person_id(name) or self.org_id(name)

    def named(self, root: etree._Element) -> etree._Element:
        """A copy of the text with its names linked, to read facts from (who signed, who is addressed); the
        document itself is tagged once, header and text together (tag)."""
        out = copy.deepcopy(root)
        if self.auth is not None:
            from editio.names.tagging import tag_tree

            tag_tree(etree.ElementTree(out), self.auth)
        return out

    def tag(self, tree: etree._ElementTree) -> None:
        if self.auth is not None:
            from editio.names.tagging import tag_tree

            tag_tree(tree, self.auth)


def document_date(doc: SourceDocument) -> DateMatch:
    """The document's date: its date line, else the last date in its title, else the first in its text."""
    if doc.date and (d := parse_date(doc.date.text.strip("*# "))):
        return d
    if doc.title:
        title = title_without_relayed_letter(doc.title.text)  # "…, transmitting 16 November 1950 letter …"
        # "26 [27] September 1950": the editors' correction of the day stands (dates.py); other brackets are not
        # part of a date
        for text in (title, re.sub(r"\s*\[[^\]]*\]", "", title)):
            found = [d for d in find_dates(text) if d.when and len(d.when) >= 10]
            if found:
                return found[-1]
    for line in doc.body[:12]:
        found = [d for d in find_dates(line.text) if d.when and len(d.when) >= 10]
        if found:
            doc.warn(line.no, "the document's date is taken from its text (no date line, none in the title)")
            return found[0]
    for line in doc.body[12:]:  # a dateline under the signature ("29 September 1950")
        d = parse_date(line.text.strip().strip('"“”'))
        if d and d.when and len(d.when) >= 10:
            doc.warn(line.no, "the document's date is taken from its closing dateline (none above it)")
            return d
    raise SourceError(doc.path, doc.title.line if doc.title else 1,
                      "the document has no date (no date line, none in its title, opening lines or closing "
                      "dateline); the date is needed for its file name and header")


def stem_for(doc: SourceDocument, when: str, corr: Correspondence, auth: Authorities) -> str:
    def who(parties) -> str:
        if not parties:
            return "unknown"
        p = parties[0]
        if p.kind == "org":
            return auth.org_id(p.name) or slug(p.name) or "unknown"
        return auth.person_id(p.name) or auth.person_id(p.surface) or slug(p.name) or "unknown"

    if not corr.senders and not corr.recipients:  # a record, not a letter: named by its title's first words
        words = slug(doc.title.text if doc.title else "").split("-")[:6]
        return f"{when[:10]}-{'-'.join(w for w in words if w) or 'untitled'}"
    return f"{when[:10]}-{who(corr.senders)}-to-{who(corr.recipients)}"


def convert_document(doc: SourceDocument, stem: str, when: DateMatch, corr: Correspondence, sha: str,
                     auth: Authorities) -> Converted:
    doc_id = f"doc-{stem}"
    reference = dt.date.fromisoformat(when.when[:10]) if when.when else None
    prov = read_provenance(doc)
    orig = prov.original_language
    ctx = Context(doc_id=doc_id, reference=reference, original_lang=orig,
                  place_known=auth.place_known if auth.auth is not None else None)
    joined = join_open_brackets(doc.body)

    root = el("TEI", {"xml:id": doc_id, "xml:lang": "en"})
    text = el("text", {"type": "translation"}, parent=root)
    body = el("body", parent=text)
    div = el("div", {"type": "document"}, parent=body)
    if joined:
        build_document(div, joined, ctx)
    original = join_open_brackets(doc.original_body)
    if original:  # the page's original-language text (a transcription): a part of the document of its own
        odiv = el("div", {"type": "original", "xml:lang": orig or "und"}, parent=div)
        for unit in original:
            ctx.line = unit.no
            encode(el("p", parent=odiv), unit.text.strip(), ctx)
    if doc.truncated or not joined:
        # The gap ends the text where it stops: inside the last division (the document holds only divisions).
        last = div
        while (inner := last.findall(q("div"))):
            last = inner[-1]
        if last is div:
            last = el("div", {"type": "message"}, parent=div)
        el("gap", {"reason": "source-truncated" if joined else "no-text"}, parent=last)
    facts = gather(doc.title.text if doc.title else "", auth.named(root), transmission_lines(joined, ctx.place_known),
                   when, corr, ctx.reference, auth.kind_of, auth.entity_id)
    facts.doc_id, facts.source_sha256, facts.provenance, facts.hands = doc_id, sha, prov, list(ctx.hands)
    header = build_header(doc, facts)
    root.insert(0, header)
    tree = etree.ElementTree(root)
    auth.tag(tree)
    out = Converted(stem, doc.path, tree, list(doc.warnings))
    for line, note in ctx.notes:
        out.warnings.append(Warning_(doc.path, line, note))
    out.failures = fidelity.check(doc, joined + original, root)
    return out


def convert_source(path: Path, auth: Authorities, reader=None) -> list[Converted]:
    """All documents of one source; SourceError if the file cannot be read at all (or its only document
    cannot be converted). A document of several that cannot be converted comes back with `error` set.
    `reader(path, lines)` replaces layout detection (the plain layout the editor asks for)."""
    lines = read_source(path)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    docs = (reader or read_documents)(path, lines)
    results: list[Converted] = []
    for doc in docs:
        try:
            when = document_date(doc)
        except SourceError as exc:
            if len(docs) == 1:
                raise
            # One undated document of several: refuse it alone, the others of the page still convert.
            results.append(Converted(f"document-{doc.ordinal or len(results) + 1}", path, None, error=exc))
            continue
        corr = _places_are_not_people(parse_title(doc.title.text) if doc.title else Correspondence(), auth)
        if not corr.senders and not corr.recipients:
            doc.warn(doc.title.line if doc.title else 1, "the title names no sender and no recipient (a record, "
                                                         "not 'X to Y'); the file name is made from the title")
        elif not corr.senders or not corr.recipients:
            doc.warn(doc.title.line if doc.title else 1, "the title names no sender or no recipient "
                                                         "(expected 'X to Y'); the file name says 'unknown'")
        stem = stem_for(doc, when.when or "undated", corr, auth)
        results.append(convert_document(doc, stem, when, corr, sha, auth))
    return results


def _places_are_not_people(corr: Correspondence, auth: Authorities) -> Correspondence:
    """'Razuvaev (Pyongyang)': a bracket after a name that the authority files know as a place (and not as a
    person) says where the correspondent was, not who they were."""
    from editio.ingest.correspondents import Party

    def fix(parties: list[Party]) -> list[Party]:
        return [
            Party(p.printed, p.surface, p.surface, p.kind)
            if p.name != p.surface and auth.place_known(p.name) and not auth.person_id(p.name)
            else p
            for p in parties
        ]

    return Correspondence(fix(corr.senders), fix(corr.recipients), fix(corr.via))


def serialize(tree: etree._ElementTree) -> bytes:
    """Deterministic bytes: indentation only inside element-only containers, so no text changes."""
    root = tree.getroot()
    _indent(root, 0)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"


def _indent(e: etree._Element, level: int) -> None:
    name = etree.QName(e).localname
    if name not in STRUCTURAL or not len(e) or (e.text and e.text.strip()):
        return
    if any(c.tail and c.tail.strip() for c in e):
        return  # mixed content: leave as is
    pad = "\n" + "  " * (level + 1)
    e.text = pad
    for c in e:
        c.tail = pad
        if isinstance(c.tag, str):
            _indent(c, level + 1)
    e[-1].tail = "\n" + "  " * level


__all__ = ["TEI_NS", "Authorities", "Converted", "convert_source", "q", "serialize"]
