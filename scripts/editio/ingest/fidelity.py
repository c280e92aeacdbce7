"""Nothing lost, nothing added: the words of the source, in order, against the words of the TEI.

The transcription's words (bracket marks removed, and the labels that markup stands for, such as "Stamp:" or
"[SIC]") must be the words of <text> in the same order, except inside the edition's own marked additions
(elements with @resp="org:editio"). Every word of the title, citation, summary and other metadata must be in the
header. Checked after each conversion; ingest refuses to write a file that fails.

Comparing characters alone would let a tag cut a word in two ("<orgName>8th MDGS</orgName>2" keeps every
letter): so the words are compared as tokens too — every word of the TEI, read through its name tags, must be
one whole word on each side of a tag edge (see `split_words`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from editio.ingest import brackets
from editio.ingest.model import Line, SourceDocument
from editio.tei import TEI_NS, q

WORD = re.compile(r"\w+")
EDITION_RESP = "org:editio"


@dataclass(frozen=True)
class Word:
    text: str
    line: int


@dataclass(frozen=True)
class Failure:
    line: int
    message: str


def source_words(units: list[Line]) -> list[Word]:
    """Words of the transcription units, without bracket marks and the labels their markup stands for."""
    words: list[Word] = []
    for unit in units:
        text = unit.text
        parsed = brackets.parse(text)
        brackets.classify(parsed)
        drop = [False] * len(text)
        for g in parsed.all_groups():
            drop[g.open] = drop[g.close] = True
            if g.convention is None or g.match is None or "body" not in g.match.re.groupindex:
                if g.convention is not None and g.convention.encoding == "sic":
                    for i in range(g.open, g.close + 1):
                        drop[i] = True
                continue
            b0, b1 = g.open + 1 + g.match.start("body"), g.open + 1 + g.match.end("body")
            for i in range(g.open + 1, g.close):
                if not (b0 <= i < b1) and not any(c.open <= i <= c.close for c in g.children):
                    drop[i] = True
        masked = "".join(" " if d else ch for d, ch in zip(drop, text, strict=True))
        for m in WORD.finditer(masked):
            words.append(Word(m.group(0), unit.no + text[: m.start()].count("\n")))
    return words


def text_words(text_el: etree._Element) -> list[str]:
    """Words of <text> in document order, leaving out the edition's own additions."""
    out: list[str] = []

    def walk(e: etree._Element) -> None:
        if e.get("resp") == EDITION_RESP:
            return
        if e.text:
            out.extend(WORD.findall(e.text))
        for child in e:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                out.extend(WORD.findall(child.tail))

    walk(text_el)
    return out


def _stream(words: list[str]) -> str:
    return "".join(words)


def check(doc: SourceDocument, units: list[Line], tei: etree._Element) -> list[Failure]:
    """Compare the word characters of source and TEI text in order (element and bracket boundaries do not
    matter; a lost, added or moved letter does), then the header's coverage of each metadata field."""
    failures: list[Failure] = []
    text_el = tei.find(q("text"))
    header = tei.find(q("teiHeader"))
    assert text_el is not None and header is not None
    expected = source_words(units)
    got = _stream(text_words(text_el))
    pos = 0
    for w in expected:
        if got[pos : pos + len(w.text)] != w.text:
            ahead = got[pos : pos + len(w.text) + 10] or "the end of the text"
            failures.append(Failure(w.line, f"the word {w.text!r} of the source is missing from the TEI text "
                                            f"(found {ahead!r} in its place)"))
            break
        pos += len(w.text)
    else:
        if pos < len(got):
            last = expected[-1].line if expected else (units[0].no if units else 1)
            failures.append(Failure(last, f"the TEI text adds {got[pos:pos + 20]!r}, which is not in the source, "
                                          "outside a marked editorial element"))
    header_words = set(WORD.findall(" ".join(header.itertext())))
    for name, field in doc.metadata_fields():
        for m in WORD.finditer(field.text.replace("[", " ").replace("]", " ")):
            if m.group(0) not in header_words:
                failures.append(Failure(field.line, f"the word {m.group(0)!r} of the {name} is missing from the "
                                                    "TEI header"))
                break
    failures.extend(split_words(tei))
    return failures


NAME_TAGS = ("persName", "placeName", "orgName", "rs", "name")


def _before(e: etree._Element) -> str:
    """The text right before element e in reading order (its previous sibling's tail, else its parent's text)."""
    prev = e.getprevious()
    if prev is not None:
        return prev.tail or ""
    parent = e.getparent()
    return (parent.text or "") if parent is not None else ""


def split_words(tei: etree._Element) -> list[Failure]:
    """Name tags whose start or end falls inside a word: the token the source has is cut in two in the TEI."""
    out: list[Failure] = []
    for e in tei.iter(*(q(n) for n in NAME_TAGS)):
        inner = "".join(e.itertext())
        before, after = _before(e), e.tail or ""
        cut = None
        if inner and before and WORD.match(before[-1]) and WORD.match(inner[0]):
            cut = WORD.findall(before)[-1] + inner
        elif inner and after and WORD.match(inner[-1]) and WORD.match(after[0]):
            cut = WORD.findall(inner)[-1] + WORD.match(after).group(0)
        if cut:
            out.append(Failure(e.sourceline or 1, f"the <{etree.QName(e).localname}> tag around {inner!r} cuts "
                                                  f"the word {cut!r} of the source in two"))
    return out


__all__ = ["TEI_NS", "Failure", "check", "source_words", "split_words", "text_words"]
