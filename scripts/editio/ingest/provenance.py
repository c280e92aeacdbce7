"""Where a document's text comes from, as its source states it: the archival copies, the original's language (or
the archive's, when unstated), the language of the text given, the translator and the funder.

Read once per document, before any TEI is made: the original's language is needed to encode the text
(transliterated words), and the header states all of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from editio.ingest.archives import ArchivalCopy, parse_archival_citation, repository_languages
from editio.ingest.layouts.rules import layout_rules
from editio.ingest.model import SourceDocument
from editio.ingest.tables import read_tsv

_FUNDER = re.compile(r"support from (?P<f>.+?)\.?$")


@cache
def languages() -> dict[str, str]:
    return {r["name"].lower(): r["code"] for r in read_tsv("languages.tsv")}


def text_language_code(statement: str) -> str:
    """The language a statement of the source's text names, wherever the word stands ("Translation - English",
    "English Transcription", "English Translation"): the last capitalised word data/languages.tsv knows, else
    'und'."""
    known = [languages()[w.lower()] for w in re.findall(r"[A-Z][a-z]+", statement) if w.lower() in languages()]
    return known[-1] if known else "und"


def language_code(name: str | None) -> str | None:
    """'Russian' → 'ru': the first capitalised word of a language statement (data/languages.tsv)."""
    if not name:
        return None
    m = re.search(r"[A-Z][a-z]+", name)
    return languages().get(m.group(0).lower()) if m else None


@dataclass
class Provenance:
    copies: list[ArchivalCopy] = field(default_factory=list)
    original_language: str | None = None  # the original's language code, stated or inferred
    original_stated: str | None = None  # its code as the source states it ('und' when stated but not known)
    original_inferred: str | None = None  # its code when the edition infers it from the archive of the copy
    text_language: str | None = None  # the code of "Translation - English": the language of the source's text
    translator: str | None = None
    funder: str | None = None  # "… with support from X." → X


def archival_copies(statements: list[str]) -> list[ArchivalCopy]:
    """Each archival copy once, from the citation and the archive statements together.

    The same copy cited twice (citation and "Original Archive") is one msDesc; a bare archive name without
    fond/opis/delo identifies no copy and stays in the header as the statement it is (bibl type="archival").
    """
    found = [c for text in statements for c in parse_archival_citation(text)]
    unique: dict[tuple, ArchivalCopy] = {}
    for c in found:
        if c.parts:
            unique.setdefault((c.repository, c.parts), c)
    return list(unique.values())


def read_provenance(doc: SourceDocument) -> Provenance:
    copies = archival_copies([f.text for f in ([doc.citation] if doc.citation else []) + doc.archive])
    out = Provenance(copies)
    if doc.original_language:
        out.original_language = language_code(doc.original_language.text)
        out.original_stated = out.original_language or "und"
    else:  # not stated: the language of the archive that holds the copy the translation was made from
        found = {repository_languages().get(c.repository) for c in copies} - {None}
        if len(found) == 1:
            out.original_language = out.original_inferred = found.pop()
    if doc.text_language:
        out.text_language = text_language_code(doc.text_language.text)
    out.translator = doc.article.translator if doc.article else None
    if out.translator is None and doc.citation:
        m = re.search(layout_rules()["citation"]["translator"], doc.citation.text)
        out.translator = m.group("translator") if m else None
    if doc.funding:
        m = _FUNDER.search(doc.funding.text)
        out.funder = m.group("f") if m else doc.funding.text
    return out
