"""Layout 1, newest variant: the archive's current record page saved as text.

Shape: title (often in capitals) · toolbar ("CITATION SHARE DOWNLOAD-", "get citation") · the summary run into
the citation ('… "Cable, Filippov (Stalin) to Mao Zedong," February 23, 1952, … https://…') · "VIEW DOCUMENT IN" ·
each text of the record under its heading ("English HTML", then e.g. "RUSSIAN (TRANSCRIPTION) HTML") · possibly
the older page's furniture headings. The English text is the translation; another text is the original-language
transcription, kept as the document's original.
"""

from __future__ import annotations

from pathlib import Path

from editio.ingest.dates import find_dates
from editio.ingest.layouts.common import as_body, is_furniture_heading, is_navigation, numbered, read_furniture
from editio.ingest.layouts.rules import any_fullmatch, fullmatch, pattern
from editio.ingest.model import Field, SourceDocument, SourceError

TRANSLATION = "english"


def recognise(lines: list[str]) -> bool:
    return any(fullmatch("newsite", "toolbar", line) for line in lines if line.strip())


def read(path: Path, lines: list[str]) -> list[SourceDocument]:
    doc = SourceDocument(path=path, layout="newsite", raw_lines=lines)
    items = numbered(lines)
    bar = next(k for k, (_, t) in enumerate(items) if fullmatch("newsite", "toolbar", t))
    head = [(no, t) for no, t in items[:bar] if not is_navigation(t)]
    if not head:
        raise SourceError(path, items[bar][0], "the record page has no title above its citation toolbar")
    doc.title = Field(head[-1][1].strip(), head[-1][0])
    for no, text in head[:-1]:
        doc.notes.append(Field(text.strip(), no))
        doc.warn(no, "text above the record's title (site furniture or another record) kept as a header note")

    sections: list[tuple[str, str | None, list[tuple[int, str]]]] = []
    furniture_at = None
    for k, (no, text) in enumerate(items[bar + 1 :], bar + 1):
        if is_furniture_heading(text) and (sections or doc.citation):
            furniture_at = k
            break
        if (sec := fullmatch("newsite", "section", text)) is not None:
            sections.append((sec.group("lang"), sec.group("kind"), []))
        elif sections:
            sections[-1][2].append((no, text))
        elif any_fullmatch("newsite", "furniture", text):
            continue
        elif doc.citation is None and (cit := fullmatch("newsite", "citation", text)) is not None:
            _read_citation(doc, no, cit.group("summary"), cit.group("citation"))
        else:
            doc.notes.append(Field(text.strip(), no))
            doc.warn(no, "a line of the record page that is neither citation nor text, kept as a header note")
    if furniture_at is not None:
        read_furniture(doc, items[furniture_at:])

    english = [s for s in sections if s[0].lower() == TRANSLATION]
    others = [s for s in sections if s[0].lower() != TRANSLATION]
    if english:
        doc.text_language = Field(english[0][0], english[0][2][0][0] - 1 if english[0][2] else doc.title.line)
        doc.body = as_body(english[0][2])
    if others:
        lang, _kind, text = others[0]
        doc.original_language = Field(lang.capitalize(), text[0][0] - 1 if text else doc.title.line)
        doc.original_body = as_body(text)
        for lang2, _, text2 in others[1:]:
            doc.notes += [Field(f"{lang2}: {t.strip()}", no) for no, t in text2]
    if not doc.body:
        doc.truncated = True
        doc.warn(items[-1][0], "the record page holds no English text")
    elif furniture_at is None and _cut(lines):
        doc.truncated = True
        doc.warn(items[-1][0], "the record page ends mid-text: it may be cut off")
    return [doc]


def _read_citation(doc: SourceDocument, no: int, summary: str, citation: str) -> None:
    if summary.strip():
        doc.summary = Field(summary.strip(), no)
    doc.citation = Field(citation.strip(), no)
    if (url := pattern("newsite", "url").search(citation)) is not None:
        doc.url = url.group("url")
    # The date follows the quoted title: '"Cable, …," February 23, 1952, …'.
    close = max(citation.find(',"'), citation.find(',”'), citation.find('",'), citation.find('”,'))
    after = citation[close + 2 :] if close >= 0 else citation
    found = [d for d in find_dates(after) if d.when and len(d.when) >= 10]
    if found:
        d = found[0]
        doc.date = Field(after[d.start : d.end], no)


def _cut(lines: list[str]) -> bool:
    last = next((line.strip() for line in reversed(lines) if line.strip()), "")
    return "\ufffd" in last or last[-1:] not in '.!?"»”)'
