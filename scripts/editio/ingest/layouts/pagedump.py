"""Layout 1: a Wilson Center Digital Archive page saved as text.

Shape: [site navigation · another record's teaser (date · title · summary)] · date · title · [funding line] ·
body · summary · furniture headings ("Author(s):", "Associated Places", …, "Rights" + rights text). The
archive's newer pages put labelled fields above the text instead (Citation · Summary · Original Language ·
Contents, then the body, then Document Information …). Real pages arrive cut off: with no furniture after the
body, the body runs to the end of the file and the document is marked truncated.
"""

from __future__ import annotations

from pathlib import Path

from editio.ingest.correspondents import parse_title
from editio.ingest.layouts.common import (
    Items,
    as_body,
    furniture_kind,
    is_date_line,
    is_furniture_heading,
    is_navigation,
    numbered,
    read_furniture,
)
from editio.ingest.layouts.rules import fullmatch, layout_rules
from editio.ingest.model import Field, SourceDocument, SourceError
from editio.ingest.structure import role_of


def _rules() -> dict:
    return layout_rules()["pagedump"]


def _value(text: str, kind: str) -> str:
    """The line without a leading label of this kind ("Date: May 17, 1951" → "May 17, 1951")."""
    m = fullmatch("pagedump", "label", text)
    if m and _rules()["labels"].get(m.group("label").strip()) == kind:
        return m.group("value").strip()
    return text.strip()


def _is_date(text: str) -> bool:
    return is_date_line(_value(text, "date"))


def _content(items: Items) -> list[int]:
    """Indexes of the items that are not site navigation."""
    return [k for k, (_, t) in enumerate(items) if not is_navigation(t)]


def recognise(lines: list[str]) -> bool:
    items = numbered(lines)
    head = [items[k][1] for k in _content(items)[: _rules()["date_window"]]]
    return any(_is_date(t) for t in head) or any(is_furniture_heading(t) for t in lines)


def _record_date(items: Items) -> int | None:
    """Index of the record's own date line: the first date near the top, unless a site date follows it
    within a teaser's length (date · title · summary · date …): then that one, and so on."""
    content = _content(items)
    date_at = next((k for k in content[: _rules()["date_window"]] if _is_date(items[k][1])), None)
    while date_at is not None:
        after = [k for k in content if k > date_at][1 : 1 + _rules()["teaser_span"]]
        later = next((k for k in after if fullmatch("pagedump", "site_date", _value(items[k][1], "date"))), None)
        if later is None:
            break
        date_at = later
    return date_at


def _title_above_date(items: Items, date_at: int | None, title_at: int) -> int | None:
    """The line above the date when it names correspondents ("X to Y") and the line below the date is already
    the telegram (its cable number, a stamp, an addressee): that page prints its title above its date."""
    if not date_at or title_at >= len(items):
        return None
    below = _value(items[title_at][1], "title")
    if role_of(below)[0] not in ("transmission", "annotation", "salute", "distribution"):
        return None
    if (c := parse_title(below)).senders and c.recipients:  # "Ciphered Telegram No. 3777, X to Y" is a title
        return None
    prev = next((k for k in range(date_at - 1, -1, -1) if not is_navigation(items[k][1])), None)
    if prev is None:
        return None
    corr = parse_title(_value(items[prev][1], "title"))
    return prev if corr.senders and corr.recipients else None


def read(path: Path, lines: list[str]) -> list[SourceDocument]:
    doc = SourceDocument(path=path, layout="pagedump", raw_lines=lines)
    items = numbered(lines)
    date_at = _record_date(items)
    if date_at is None:
        # No date line: the title is the first line that is not navigation; the date must come from the title
        # or the body.
        title_at = next(iter(_content(items)), 0)
        doc.warn(items[title_at][0], "no date line at the top of the page; the date is taken from the title or the "
                                     "text")
    else:
        doc.date = Field(_value(items[date_at][1], "date"), items[date_at][0])
        title_at = date_at + 1
        while title_at < len(items) and is_navigation(items[title_at][1]):
            title_at += 1
    body_at = title_at + 1
    above = _title_above_date(items, date_at, title_at)
    if above is not None:  # "Telegram from X to Y" · date · CIPHERED TELEGRAM …: the title stands above the date
        title_at, body_at = above, date_at + 1
    for k, (no, text) in enumerate(items[: date_at if date_at is not None else title_at]):
        if is_navigation(text) or k == title_at:
            continue  # site navigation: web furniture
        doc.notes.append(Field(text.strip(), no))
        doc.warn(no, "text before the date line (site furniture or another record's summary) kept as a header note")
    if title_at >= len(items):
        raise SourceError(path, items[-1][0], "the page has a date but no title and no text")
    doc.title = Field(_value(items[title_at][1], "title"), items[title_at][0])
    rest = items[body_at:]
    if rest and fullmatch("pagedump", "funding", rest[0][1]):
        doc.funding = Field(rest[0][1].strip(), rest[0][0])
        rest = rest[1:]

    contents_at = next((k for k, (_, t) in enumerate(rest)
                        if is_furniture_heading(t) and furniture_kind(t) == "contents"), None)
    if contents_at is not None:
        body_items = _read_labelled_page(doc, rest, contents_at)
    else:
        body_items = _read_classic_page(doc, rest)
    if body_items and fullmatch("pagedump", "text_language", body_items[0][1]):
        doc.text_language = Field(body_items[0][1].strip(), body_items[0][0])
        body_items = body_items[1:]
    doc.body = as_body(body_items)
    if not doc.body:
        doc.warn(doc.title.line, "the page has no transcription text")
    return [doc]


def _read_classic_page(doc: SourceDocument, rest: Items) -> Items:
    """Body, then its summary line, then the furniture headings; no furniture means the page was cut off."""
    furniture_at = next((k for k, (_, t) in enumerate(rest) if is_furniture_heading(t)), None)
    if furniture_at is None:
        _cut_off(doc, rest)
        return rest
    body_items = rest[:furniture_at]
    # The summary is a sentence of prose after the text; a page without one ends with the telegram's own last
    # line (a copy list, a number, a signature, a date), which stays in the text.
    if len(body_items) >= 2 and role_of(body_items[-1][1])[0] == "prose":
        no, text = body_items[-1]
        doc.summary = Field(text.strip(), no)
        body_items = body_items[:-1]
    elif body_items:
        doc.warn(body_items[-1][0], "the page has no summary line after the text")
    read_furniture(doc, rest[furniture_at:])
    return body_items


def _read_labelled_page(doc: SourceDocument, rest: Items, contents_at: int) -> Items:
    """The newer page: buttons and labelled fields above "Contents", the text under it, furniture after it."""
    first = next(k for k, (_, t) in enumerate(rest) if is_furniture_heading(t))
    for no, text in rest[:first]:
        if fullmatch("pagedump", "buttons", text):
            continue  # the page's buttons: web furniture
        doc.notes.append(Field(text.strip(), no))
        doc.warn(no, "text between the title and the page's fields kept as a header note")
    read_furniture(doc, rest[first:contents_at])
    after = rest[contents_at + 1 :]
    end = next((k for k, (_, t) in enumerate(after) if is_furniture_heading(t)), None)
    if end is None:
        _cut_off(doc, after)
        return after
    read_furniture(doc, after[end:])
    return after[:end]


def _cut_off(doc: SourceDocument, body: Items) -> None:
    doc.truncated = True
    assert doc.title is not None
    last = body[-1][0] if body else doc.title.line
    doc.warn(last, "the page ends without its closing furniture (Author(s):, Rights …): the text may be cut off")
