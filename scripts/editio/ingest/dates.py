"""Dates and times in the running text of the telegrams, read to W3C/ISO values for TEI ``@when`` & co.

The printed text is never changed: a match only points at it (``text[start:end]``). Every inference (a year or
century taken from the document's date, a day/month order chosen, a time that cannot be read) is stated in
``note`` and graded in ``cert``. Month names and cue words come from the tables in ``data/``.

Values are those TEI's ``teidata.temporal.w3c`` accepts: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``,
``--MM-DD`` (day and month without a knowable year), ``YYYY-MM-DDThh:mm:ss`` and ``hh:mm:ss``
(xs:dateTime and xs:time require seconds; the seconds of a printed hh:mm are ``00``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from editio.ingest.tables import read_tsv

__all__ = ["DateMatch", "find_dates", "parse_date"]


@dataclass(frozen=True)
class DateMatch:
    """One printed date or time: where it is, what it means, and how sure the reading is."""

    start: int
    end: int
    when: str | None
    not_before: str | None
    not_after: str | None
    cert: str | None
    note: str | None
    corrected: str | None = None  # the day as printed (ISO) when the editors' bracket correction replaces it


# ---------------------------------------------------------------------------------------------- tables




@dataclass(frozen=True)
class _Tables:
    months: dict[str, int]  # printed form (as in the table or in capitals, no final dot) -> month number
    roman: dict[str, int]
    names: tuple[str, ...]  # full names (and capitals): a bare month after a cue is only a full name
    abbrs: tuple[str, ...]  # abbreviations (and capitals): a final "." may follow
    cues: dict[str, frozenset[str]]  # lower-case cue -> roles


@cache
def _tables() -> _Tables:
    months: dict[str, int] = {}
    roman: dict[str, int] = {}
    names: list[str] = []
    abbrs: list[str] = []
    for row in read_tsv("months.tsv"):
        number, form, kind = int(row["month"]), row["form"], row["kind"]
        if kind == "roman":
            roman[form] = number
            continue
        months[form] = months[form.upper()] = number
        (names if kind == "name" else abbrs).extend(dict.fromkeys((form, form.upper())))
    cues = {
        row["cue"].lower(): frozenset(r.strip() for r in row["roles"].split(",")) for row in read_tsv("date-cues.tsv")
    }
    return _Tables(months, roman, tuple(names), tuple(abbrs), cues)


def _alternation(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


# ---------------------------------------------------------------------------------------------- patterns

_H = r"[^\S\n]"  # horizontal space: a date never runs over a line break
_DASH = r"[-–—]"
_NUM_BEFORE = r"(?<![\w.,/:\-#№º])"  # a number glued to other characters ("P78/73", "#1298") is no date
_NUM_AFTER = r"(?![\w/:\-]|[.,]\d)"
_DAY_CORE = r"(?:[\"“«„]\d{1,2}[\"”»“]|\d{1,2}(?:st|nd|rd|th)?(?![\w]|[.:]\d))"
_DAY = rf"(?<![\w.,/:\-]){_DAY_CORE}"
_Y4 = r"\d{4}(?!\d|[.,:/]\d)"
_Y2 = r"\d{2}(?!\d|[.,:/\-]\d)"


@dataclass(frozen=True)
class _Patterns:
    named: tuple[tuple[str, re.Pattern[str]], ...]
    bare_month: re.Pattern[str]
    numeric: tuple[tuple[str, re.Pattern[str]], ...]
    cue_tail: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    t = _tables()
    month = rf"(?:{_alternation(list(t.names))})|(?:{_alternation(list(t.abbrs))})\.?"
    m1, m2 = (rf"(?P<{g}>{month})(?![A-Za-z])" for g in ("m1", "m2"))
    d1, d2 = rf"(?P<d1>{_DAY})", rf"(?P<d2>{_DAY_CORE})"  # "October 1-2": the second day follows a dash
    md_gap = rf"(?:{_H}+|(?<=\.))"  # "Sept. 16", "Sept.16"
    year = rf"(?:,?{_H}+|,)(?P<y>{_Y4})"
    dash = rf"{_H}*{_DASH}{_H}*"
    named = (
        ("dmdm", rf"{d1}{_H}+{m1}{dash}{d2}{_H}+{m2}(?:{year})?"),
        ("ddm", rf"{d1}{dash}{d2}{_H}+{m1}(?:{year})?"),
        ("mdmd", rf"{m1}{md_gap}{d1}{dash}{m2}{md_gap}{d2}(?:{year})?"),
        ("mdd", rf"{m1}{md_gap}{d1}{dash}{d2}(?:{year})?"),
        ("dbm", rf"{d1}{_H}*\[(?P<d2>\d{{1,2}})\]{_H}+{m1}(?:{year})?"),  # "26 [27] September 1950"
        ("dm", rf"{d1}\.{m1}\.(?:(?P<y>{_Y4})|(?P<y2>{_Y2}))(?!\d)"),  # "13.June.1951"
        ("dm", rf"{d1}{_H}+{m1}(?:{year}|{_H}+(?P<y2>{_Y2}))?"),
        ("md", rf"{m1}{md_gap}{d1}(?:{year})?"),
        ("mmy", rf"{m1}{dash}{m2}{year}"),
        ("my", rf"{m1}{year}"),
    )
    roman = _alternation(list(t.roman))
    numeric = (
        ("dot", rf"{_NUM_BEFORE}(?P<a>\d{{1,2}})\.(?P<b>\d{{1,2}})\.(?P<y>\d{{4}}|\d{{2}}){_NUM_AFTER}"),
        ("slash", rf"{_NUM_BEFORE}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}|\d{{2}}){_NUM_AFTER}"),
        (
            "roman",
            rf"{_NUM_BEFORE}(?P<a>\d{{1,2}})\.(?P<r>{roman})(?![A-Za-z])(?:\.(?P<y>\d{{4}}|\d{{2}}))?"
            rf"{_NUM_AFTER}",
        ),
        ("iso", rf"{_NUM_BEFORE}(?P<y>\d{{4}})-(?P<b>\d{{2}})-(?P<a>\d{{2}}){_NUM_AFTER}"),
        ("short", rf"{_NUM_BEFORE}(?P<a>\d{{1,2}})\.(?P<b>\d{{1,2}}){_NUM_AFTER}"),
        ("year", rf"{_NUM_BEFORE}(?P<y>1[89]\d\d|20\d\d)(?:{dash}(?P<y2>\d{{4}}|\d{{2}}))?{_NUM_AFTER}"),
    )
    bare = rf"(?P<m1>{_alternation(list(t.names))})(?![A-Za-z])"
    cue_alt = _alternation(sorted(t.cues))
    return _Patterns(
        named=tuple((k, re.compile(p)) for k, p in named),
        bare_month=re.compile(bare),
        numeric=tuple((k, re.compile(p)) for k, p in numeric),
        cue_tail=re.compile(rf"(?:^|(?<=\W))(?P<cue>{cue_alt}){_H}+$", re.IGNORECASE),
    )


_AMPM = r"[aApP]\.?[ \t]?[mM]\.?(?![A-Za-z])"
_CLOCK_BEFORE = r"(?<![\w:.])"
_RANGE_RE = re.compile(
    rf"{_CLOCK_BEFORE}(?P<h>\d{{1,2}}):(?P<mi>\d{{2}})(?!\d)(?:{_H}*(?P<ap>{_AMPM}))?{_H}*{_DASH}{_H}*"
    rf"(?P<h2>\d{{1,2}}):(?P<mi2>\d{{2}})(?!\d)(?:{_H}*(?P<ap2>{_AMPM}))?"
)
_BAD_RE = re.compile(rf"{_CLOCK_BEFORE}(?P<h>\d{{1,2}}):(?P<mi>\d{{3,}})(?:{_H}*(?P<ap>{_AMPM}))?")
_CLOCK_RE = re.compile(
    rf"{_CLOCK_BEFORE}(?P<h>\d{{1,2}}):(?P<mi>\d{{2}})(?::(?P<s>\d{{2}}))?(?![\d:])(?:{_H}*(?P<ap>{_AMPM}))?"
)
_HOUR_RE = re.compile(rf"{_CLOCK_BEFORE}(?P<h>\d{{1,2}}){_H}*(?P<ap>{_AMPM})")
_HHMM_BEFORE_RE = re.compile(rf"(?<![\w.,/:\-#№º])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d),?{_H}+(?:[oO]n{_H}+)?$")
_SEP_AFTER_RE = re.compile(rf",?{_H}+(?:[aA][tT]{_H}+)?")
_SEP_BEFORE_RE = re.compile(rf",?{_H}+(?:[oO]n{_H}+)?$")
_CLOCK_BEFORE_DATE_RE = re.compile(rf"\d:\d\d(?:{_H}*{_AMPM})?,?{_H}+(?:[oO]n{_H}+)?$")


# ---------------------------------------------------------------------------------------------- readings

_CERT_RANK = {None: 0, "medium": 1, "low": 2}


def _worst(*certs: str | None) -> str | None:
    return max(certs, key=lambda c: _CERT_RANK[c])


def least_certain(*certs: str | None) -> str | None:
    """The weakest of several @cert values (None = certain): a reading built on others is no surer than they."""
    return _worst(*certs)


def _iso(y: int | None, m: int, d: int | None = None) -> str:
    if y is None:
        return f"--{m:02d}-{d:02d}" if d is not None else f"--{m:02d}"
    return f"{y:04d}-{m:02d}" if d is None else f"{y:04d}-{m:02d}-{d:02d}"


def _valid(y: int | None, m: int, d: int | None) -> bool:
    if not 1 <= m <= 12:
        return False
    if d is None:
        return True
    try:
        dt.date(2000 if y is None else y, m, d)  # 2000 is a leap year: 29 February stays possible
    except ValueError:
        return False
    return True


@dataclass
class _Reading:
    """One calendar reading with the inferences that produced it."""

    year: int | None
    month: int
    day: int | None
    cert: str | None = None
    notes: list[str] = field(default_factory=list)


def _distance(y: int, m: int, d: int | None, ref: dt.date) -> int:
    if d is None:
        return abs((y * 12 + m) - (ref.year * 12 + ref.month))
    return abs((dt.date(y, m, d) - ref).days)


def _year_from_reference(m: int, d: int | None, ref: dt.date, forward: bool) -> int | None:
    """The year making day/month nearest to the reference, or (forward) the first on or after it."""
    years = [y for y in (ref.year - 1, ref.year, ref.year + 1) if _valid(y, m, d)]
    if not years:
        return None
    if forward:
        later = [y for y in years if (y, m, d or 31) >= (ref.year, ref.month, ref.day)]
        if later:
            return min(later)
    return min(years, key=lambda y: (_distance(y, m, d, ref), y != ref.year))


def _missing_year(m: int, d: int | None, ref: dt.date | None, forward: bool, printed: str) -> _Reading:
    if ref is None:
        return _Reading(None, m, d)
    year = _year_from_reference(m, d, ref, forward)
    if year is None:
        return _Reading(None, m, d, notes=[f'"{printed}" does not exist in the years around {ref.isoformat()}'])
    how = (
        f"the first such date on or after the document's date {ref.isoformat()}"
        if forward
        else f"the nearest to the document's date {ref.isoformat()}"
    )
    return _Reading(year, m, d, "medium", [f'the year of "{printed}" is not printed; {year} is taken as {how}'])


def _full_year(yy: str, ref: dt.date | None) -> tuple[int, str | None, str | None]:
    """A printed year: four digits as printed; two digits in the reference's century window."""
    if len(yy) == 4:
        return int(yy), None, None
    n = int(yy)
    if ref is None:
        return (
            1900 + n,
            "low",
            (f'the century of the year "{yy}" is not printed and there is no document date; read as {1900 + n}'),
        )
    century = ref.year // 100 * 100
    year = min((century - 100 + n, century + n, century + 100 + n), key=lambda y: (abs(y - ref.year), y))
    return year, None, None


def _choose(readings: list[_Reading], ref: dt.date | None, printed: str) -> _Reading | None:
    """Among the valid readings of an ambiguous form, the nearest to the reference (else the first)."""
    valid = [r for r in readings if _valid(r.year, r.month, r.day)]
    distinct = list({(r.year, r.month, r.day): r for r in valid}.values())
    if not distinct:
        return None
    if len(distinct) == 1:
        return distinct[0]
    options = " or ".join(f"{_iso(r.year, r.month, r.day)}" for r in distinct)
    if ref is not None and all(r.year is not None for r in distinct):
        best = min(distinct, key=lambda r: _distance(r.year, r.month, r.day, ref))  # type: ignore[arg-type]
        why, cert = f"the reading nearest to the document's date {ref.isoformat()} is taken", "medium"
    else:
        best, why, cert = (
            distinct[0],
            "there is no document date to decide; the default order is taken",
            "low",
        )
    note = f'"{printed}" can be read as {options} (day and month order); {why}'
    return _Reading(best.year, best.month, best.day, _worst(best.cert, cert), [*best.notes, note])


# ---------------------------------------------------------------------------------------------- atoms


@dataclass
class _Date:
    start: int
    end: int
    when: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    cert: str | None = None
    notes: list[str] = field(default_factory=list)
    day: _Reading | None = None  # set when the date names one day: a time may join it
    corrected: str | None = None  # the printed day the editors' correction replaces ("26 [27] September")


@dataclass
class _Time:
    start: int
    end: int
    kind: str  # clock | range | bad
    first: str | None = None  # hh:mm:ss
    last: str | None = None
    notes: list[str] = field(default_factory=list)
    marked: bool = False  # a.m./p.m. printed, or a range: a time even without a cue
    cert: str | None = None  # a reading of a misprinted time


def _cue_roles(text: str, start: int) -> frozenset[str]:
    m = _patterns().cue_tail.search(text, max(0, start - 40), start)
    return _tables().cues.get(m.group("cue").lower(), frozenset()) if m else frozenset()


def _day_number(printed: str) -> int:
    return int(re.search(r"\d+", printed).group())  # type: ignore[union-attr]


def _month_number(printed: str) -> int:
    return _tables().months[printed.rstrip(".")]


def _from_reading(start: int, end: int, r: _Reading) -> _Date:
    return _Date(
        start,
        end,
        when=_iso(r.year, r.month, r.day),
        cert=r.cert,
        notes=list(r.notes),
        day=r if r.day is not None else None,
    )


def _no_value(start: int, end: int, printed: str) -> _Date:
    """A date-shaped text that names no calendar day ("31 September 1950"): kept, explained, no value."""
    return _Date(start, end, notes=[f'"{printed}" is not a calendar date; it is left without a value'])


def _named(kind: str, m: re.Match[str], text: str, ref: dt.date | None) -> _Date | None:
    g = m.groupdict()
    start, end = m.span()
    forward = "forward" in _cue_roles(text, start)
    printed = m.group()
    m1 = _month_number(g["m1"])
    m2 = _month_number(g["m2"]) if g.get("m2") else m1
    if kind in ("my", "mmy"):
        year = int(g["y"])
        if kind == "my":
            return _Date(start, end, when=_iso(year, m1))
        return _Date(start, end, not_before=_iso(year, m1), not_after=_iso(year, m2))
    d1 = _day_number(g["d1"])
    d2 = _day_number(g["d2"]) if g.get("d2") else None
    notes: list[str] = []
    cert: str | None = None
    year: int | None = None
    if g.get("y"):
        year = int(g["y"])
    elif g.get("y2"):
        yy = g["y2"]
        expanded, cert, century_note = _full_year(yy, ref)
        counts = re.match(rf"{_H}+[a-z]", text[m.end("y2") :])  # "3 October 15 divisions": a count, no year
        repeats_day = int(yy) == d1 and (ref is None or abs(expanded - ref.year) > 1)
        far = ref is not None and abs(expanded - ref.year) > 1
        if counts or (far and not repeats_day):
            end, cert = m.start("y2"), None
            end = len(text[:end].rstrip())
        elif repeats_day:
            if ref is not None and (year := _year_from_reference(m1, d1, ref, forward)) is not None:
                cert = "medium"
                notes.append(
                    f'the year is printed as "{yy}", which repeats the day; {year} is taken from the '
                    f"document's date {ref.isoformat()}"
                )
            else:
                cert = None
                notes.append(f'the year is printed as "{yy}", which repeats the day; the year is not known')
        else:
            year = expanded
            if century_note:
                notes.append(century_note)
    printed = text[start:end]
    if kind == "dm" or kind == "md":
        if year is None and not notes:
            r = _missing_year(m1, d1, ref, forward, printed)
        else:
            r = _Reading(year, m1, d1, cert, notes)
        if not _valid(r.year, r.month, r.day):
            return _no_value(start, end, printed)
        return _from_reading(start, end, r)
    assert d2 is not None
    if kind == "dbm":
        # "26 [27] September 1950": the editors correct the printed day; their reading stands, the print stays.
        # The reading is the editors' day, so it alone must exist: a printed day that does not ("31 [30]
        # September") is often why they corrected it.
        r1 = _Reading(year, m1, d2) if year is not None else _missing_year(m1, d2, ref, forward, printed)
        if (r1.year is None and ref is not None) or not 1 <= d1 <= 31 or not _valid(r1.year, m1, d2):
            return _no_value(start, end, printed)
        note = (f'the day is printed as "{g["d1"]}"; the editors correct it to "{d2}" in square brackets, and '
                "their reading is taken")
        return _Date(start, end, when=_iso(r1.year, m1, d2), cert=_worst(r1.cert, "medium"), notes=[*r1.notes, note],
                     day=_Reading(r1.year, m1, d2, r1.cert),
                     corrected=_iso(r1.year, m1, d1) if _valid(r1.year, m1, d1) else None)
    # ranges: "October 1-2", "1-2 October 1950", "Sept. 16-Oct. 15, 1950"
    if year is None:
        first = _missing_year(m1, d1, ref, forward, printed)
        y1 = first.year
        cert, notes = first.cert, first.notes
    else:
        y1 = year
    y2 = y1
    if y1 is not None and (m2, d2) < (m1, d1):
        if year is not None:  # the printed year belongs to the end of the range
            y1 = year - 1
            notes = [*notes, f'the range "{printed}" crosses a new year; its start is taken in {y1}']
        else:
            y2 = y1 + 1
    if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
        return _no_value(start, end, printed)
    return _Date(start, end, not_before=_iso(y1, m1, d1), not_after=_iso(y2, m2, d2), cert=cert, notes=notes)


def _numeric(kind: str, m: re.Match[str], text: str, ref: dt.date | None, relaxed: bool) -> _Date | None:
    g = m.groupdict()
    start, end = m.span()
    printed = m.group()
    roles = _cue_roles(text, start)
    if kind == "year":
        if not (relaxed or "year" in roles):
            return None
        y = int(g["y"])
        if g.get("y2"):
            y2 = int(g["y2"]) if len(g["y2"]) == 4 else y // 100 * 100 + int(g["y2"])
            if y2 <= y:
                return None
            return _Date(start, end, not_before=f"{y:04d}", not_after=f"{y2:04d}")
        return _Date(start, end, when=f"{y:04d}")
    a = int(g["a"])
    forward = "forward" in roles
    if kind in ("roman", "iso"):
        month = _tables().roman[g["r"]] if kind == "roman" else int(g["b"])
        if g.get("y"):
            year, cert, note = _full_year(g["y"], ref)
            r = _Reading(year, month, a, cert, [note] if note else [])
        else:
            r = _missing_year(month, a, ref, forward, printed)
        if _valid(r.year, r.month, r.day):
            return _from_reading(start, end, r)
        return _no_value(start, end, printed)
    b = int(g["b"])
    if kind == "short" and not (relaxed or "short" in roles or _time_touches(text, start, end)):
        return None
    orders = [(a, b), (b, a)] if kind in ("dot", "short") else [(b, a), (a, b)]  # (day, month); default first
    readings = []
    for day, month in orders:
        if not _valid(None, month, day):
            continue
        if g.get("y"):
            year, cert, note = _full_year(g["y"], ref)
            readings.append(_Reading(year, month, day, cert, [note] if note else []))
        else:
            readings.append(_missing_year(month, day, ref, forward, printed))
    r = _choose(readings, ref, printed)
    if r is not None and r.day is not None:
        return _from_reading(start, end, r)
    if kind != "short" and a <= 31 and b <= 31 and min(a, b) <= 12:  # date-shaped, but no such day
        return _no_value(start, end, printed)
    return None


def _time_touches(text: str, start: int, end: int) -> bool:
    """A time printed right after or right before a bare day.month makes it a date ("18.11 4:03-19:35")."""
    sep = _SEP_AFTER_RE.match(text, end)
    if sep and any(p.match(text, sep.end()) for p in (_RANGE_RE, _BAD_RE, _CLOCK_RE, _HOUR_RE)):
        return True
    head = text[max(0, start - 40) : start]
    hhmm = _HHMM_BEFORE_RE.search(head)
    if hhmm and _year_position(head[: hhmm.start()]):  # "8 October 1950 11.20": 1950 is a year, not 19:50
        hhmm = None
    return bool(hhmm or _CLOCK_BEFORE_DATE_RE.search(head))


@cache
def _year_after() -> re.Pattern[str]:
    t = _tables()
    return re.compile(rf"(?:(?:{_alternation(list(t.names))})|(?:{_alternation(list(t.abbrs))}))\.?,?{_H}*$")


def _year_position(before: str) -> bool:
    """Four figures printed right after a month name stand where a date's year stands."""
    return _year_after().search(before) is not None


def _date_atoms(text: str, ref: dt.date | None, relaxed: bool) -> list[_Date]:
    p = _patterns()
    candidates: list[tuple[int, int, int, _Date]] = []
    for order, (kind, rx) in enumerate(p.named):
        for m in rx.finditer(text):
            d = _named(kind, m, text, ref)
            if d is not None:
                candidates.append((d.start, -(d.end - d.start), order, d))
    for order, (kind, rx) in enumerate(p.numeric, start=len(p.named)):
        for m in rx.finditer(text):
            d = _numeric(kind, m, text, ref, relaxed)
            if d is not None:
                candidates.append((d.start, -(d.end - d.start), order, d))
    for m in p.bare_month.finditer(text):
        if relaxed or "month" in _cue_roles(text, m.start()):
            month = _month_number(m.group("m1"))
            forward = "forward" in _cue_roles(text, m.start())
            r = _missing_year(month, None, ref, forward, m.group())
            candidates.append(
                (
                    m.start(),
                    -(m.end() - m.start()),
                    99,
                    _Date(m.start(), m.end(), when=_iso(r.year, month), cert=r.cert, notes=r.notes),
                )
            )
    chosen: list[_Date] = []
    taken_until = -1
    for start, _, _, d in sorted(candidates, key=lambda c: c[:3]):
        if start >= taken_until:
            chosen.append(d)
            taken_until = d.end
    return chosen


def _clock(h: int, mi: int, s: int, ap: str | None, printed: str) -> tuple[str | None, list[str]]:
    """hh:mm:ss in 24 hours, or None when the printed figures are no time of day."""
    if h > 23 or mi > 59 or s > 59:
        return None, []
    notes: list[str] = []
    if ap:
        pm = ap[0] in "pP"
        if 1 <= h <= 11 and pm:
            h += 12
        elif h == 12 and not pm:
            h = 0
        elif (h > 12 and not pm) or (h == 0 and pm):
            notes.append(f'"{printed}" gives a 24-hour time with "{ap.strip()}"; read as {h:02d}:{mi:02d}')
    return f"{h:02d}:{mi:02d}:{s:02d}", notes


def _stray_digit(m: re.Match[str]) -> _Time | None:
    """'8:101 a.m.': a time with one figure too many after its minutes (a stray digit, often a footnote mark)
    is read as the time its first two minute figures give, with low certainty and a note."""
    if len(m["mi"]) != 3:
        return None
    t, notes = _clock(int(m["h"]), int(m["mi"][:2]), 0, m["ap"], m.group())
    if t is None:
        return None
    note = (f'the time is printed as "{m.group().strip()}", with one figure too many; it is read as {t[:5]}, '
            f'the last figure "{m["mi"][2]}" taken as a stray digit')
    return _Time(*m.span(), "clock", t, notes=[*notes, note], marked=bool(m["ap"]), cert="low")


def _time_atoms(text: str, dates: list[_Date]) -> list[_Time]:
    busy = [(d.start, d.end) for d in dates]
    found: list[_Time] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in busy)

    for m in _RANGE_RE.finditer(text):
        if not free(*m.span()):
            continue
        t1, n1 = _clock(int(m["h"]), int(m["mi"]), 0, m["ap"], m.group())
        t2, n2 = _clock(int(m["h2"]), int(m["mi2"]), 0, m["ap2"], m.group())
        if t1 and t2:
            found.append(_Time(*m.span(), "range", t1, t2, [*n1, *n2], marked=True))
            busy.append(m.span())
    for m in _BAD_RE.finditer(text):
        if free(*m.span()):
            found.append(_stray_digit(m) or _Time(*m.span(), "bad"))
            busy.append(m.span())
    for rx in (_CLOCK_RE, _HOUR_RE):
        for m in rx.finditer(text):
            if not free(*m.span()):
                continue
            mi = int(m["mi"]) if "mi" in m.groupdict() else 0
            s = int(m["s"]) if m.groupdict().get("s") else 0
            t, notes = _clock(int(m["h"]), mi, s, m["ap"], m.group())
            if t is None:
                found.append(_Time(*m.span(), "bad"))
            else:
                found.append(_Time(*m.span(), "clock", t, notes=notes, marked=bool(m["ap"])))
            busy.append(m.span())
    return sorted(found, key=lambda t: t.start)


# ---------------------------------------------------------------------------------------------- joining


def _join(d: _Date, t: _Time, text: str) -> _Date:
    """A date and the time printed with it become one dateTime (or a range of two)."""
    day = d.day
    assert day is not None
    start, end = min(d.start, t.start), max(d.end, t.end)
    printed_time = text[t.start : t.end]
    out = _Date(start, end, when=d.when, cert=_worst(d.cert, t.cert), notes=[*d.notes, *t.notes], day=day,
                corrected=d.corrected)
    if t.kind == "bad":
        out.notes.append(f'the time printed as "{printed_time}" cannot be read; only the date is given')
        return out
    if day.year is None:
        out.notes.append(f'the time "{printed_time}" is not in the value: a time needs the year of the date')
        return out
    if t.kind == "clock":
        out.when = f"{_iso(day.year, day.month, day.day)}T{t.first}"
        return out
    first_day = dt.date(day.year, day.month, day.day)  # type: ignore[arg-type]
    last_day = first_day + dt.timedelta(days=1) if (t.last or "") < (t.first or "") else first_day
    out.when = None
    out.not_before = f"{first_day.isoformat()}T{t.first}"
    out.not_after = f"{last_day.isoformat()}T{t.last}"
    out.notes.append(
        f'the time is printed as the span "{printed_time}"'
        + ("; its end is taken on the next day" if last_day != first_day else "")
    )
    return out


def _hhmm_before(text: str, d: _Date, taken_until: int) -> _Time | None:
    """'received at 1940 24 October 1951': four figures right before a day are the time (19:40)."""
    head_start = max(taken_until, d.start - 40, 0)
    m = _HHMM_BEFORE_RE.search(text, head_start, d.start)
    if not m:
        return None
    return _Time(m.start(), m.start("mi") + 2, "clock", f"{m['h']}:{m['mi']}:00")


def _scan(text: str, ref: dt.date | None, relaxed: bool) -> list[DateMatch]:
    dates = _date_atoms(text, ref, relaxed)
    times = _time_atoms(text, dates)
    used: set[int] = set()
    joined: list[_Date] = []
    by_start = {t.start: t for t in times}
    by_end = {t.end: t for t in times}
    last_end = 0
    for d in dates:
        if d.day is not None:
            sep = _SEP_AFTER_RE.match(text, d.end)
            after = by_start.get(sep.end()) if sep else None
            if after is not None and id(after) not in used:
                used.add(id(after))
                d = _join(d, after, text)
            else:
                before_sep = _SEP_BEFORE_RE.search(text, max(last_end, d.start - 20), d.start)
                before = by_end.get(before_sep.start()) if before_sep else None
                if before is not None and id(before) not in used and before.start >= last_end:
                    used.add(id(before))
                    d = _join(d, before, text)
                elif (hhmm := _hhmm_before(text, d, last_end)) is not None:
                    d = _join(d, hhmm, text)
        joined.append(d)
        last_end = d.end
    for t in times:
        if id(t) in used or t.kind == "bad":
            continue
        if not (relaxed or t.marked or "time" in _cue_roles(text, t.start)):
            continue
        if any(t.start < d.end and d.start < t.end for d in joined):
            continue
        if t.kind == "clock":
            joined.append(_Date(t.start, t.end, when=t.first, cert=t.cert, notes=list(t.notes)))
        else:
            notes = list(t.notes)
            if (t.last or "") < (t.first or ""):
                notes.append(f'the span "{text[t.start : t.end]}" ends after midnight')
            joined.append(_Date(t.start, t.end, not_before=t.first, not_after=t.last, notes=notes))
    for d in joined:
        _zone_note(text, d)
    return [_public(d) for d in sorted(joined, key=lambda d: d.start)]


# "12:35pm, Pyongyang time", "at 19:00, local time": a time of another zone than the reader would assume.
_ZONE_RE = re.compile(rf",?{_H}*(?P<zone>(?i:local)|[A-Z][\w'’-]+){_H}+(?i:time)\b")


def _zone_note(text: str, d: _Date) -> None:
    """A time printed with its zone ('Pyongyang time', 'local time'): say so, since the value states no offset."""
    values = [v for v in (d.when, d.not_before) if v]
    m = _ZONE_RE.match(text, d.end)
    if m and values and ":" in values[0]:
        local = m["zone"].lower() == "local"
        where = "the local time of the place of writing" if local else "the time of the place named"
        d.notes.append(f"the time is printed as {where} (the words after it), not necessarily that of the receiving "
                       "office; the value states no time zone, as the source gives no offset")


def _public(d: _Date) -> DateMatch:
    return DateMatch(d.start, d.end, d.when, d.not_before, d.not_after, d.cert, "; ".join(d.notes) or None,
                     d.corrected)


def find_dates(text: str, *, reference: dt.date | None = None) -> list[DateMatch]:
    """All dates and times printed in `text`, non-overlapping and in order.

    `reference` is the document's own date: it supplies a missing year or century and decides an ambiguous
    day/month order (the reading nearest to it wins, with `cert` and a `note`). Bare numbers are never dates:
    a four-figure year needs a cue such as "in" or "since", a day.month without year needs a cue ("Received")
    or a time next to it.
    """
    return _scan(text, reference, relaxed=False)


def parse_date(text: str, *, reference: dt.date | None = None) -> DateMatch | None:
    """The one date (or time) that `text` consists of, cues not needed; None if it is not exactly one date.

    Surrounding white space and a final full stop or comma are allowed; offsets are into `text`.
    """
    body = text.strip().rstrip(".,;").rstrip()
    if not body:
        return None
    lead = len(text) - len(text.lstrip())
    matches = _scan(text, reference, relaxed=True)
    # the date may take a final stop as its own ("16 Sept."); what follows it is only stops, commas and space
    if (
        len(matches) == 1
        and matches[0].start == lead
        and matches[0].end >= lead + len(body)
        and not text[matches[0].end :].strip(".,; \t\n")
    ):
        return matches[0]
    return None
