"""Who wrote to whom: the correspondents named in a document's title ("Filippov [Stalin] to Zhou Enlai or
Mao Zedong (via Roshchin)"), with the editor's identification of cover names and without office titles."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

# "(via Roshchin)", or "via Roshchin" closing the title or a comma-separated part of it
_VIA = re.compile(r"\(\s*(?i:via)\s+(?P<via>[^)]+)\)|\s+(?i:via)\s+(?P<bare>[A-Z][^,()]*?)\s*(?=,|$)")
_PLACE = re.compile(r"\s+(?:in|at)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?$")  # "Roshchin in Beijing"
_IDENT = re.compile(r"^(?P<surface>.*?)\s*(?:\[(?P<b>[^\]]+)\]|\((?P<p>[^)]+)\))\s*$")
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")


@dataclass(frozen=True)
class Party:
    printed: str  # as in the title: 'Cde. Filippov [Stalin]'
    surface: str  # the name as printed, without title or identification: 'Filippov'
    name: str  # the identified person: 'Stalin' (= surface when there is no identification)
    kind: str = "person"  # or "org": an institution ("USSR Foreign Ministry")
    ref: str | None = None  # the authority entry, where the text's own linked name settles it
    cert: str | None = None  # how sure that link is, as the text's name says


@dataclass
class Correspondence:
    senders: list[Party] = field(default_factory=list)
    recipients: list[Party] = field(default_factory=list)
    via: list[Party] = field(default_factory=list)


@cache
def _role_words() -> frozenset[str]:
    text = resources.files("editio.ingest").joinpath("data/roles.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def strip_roles(text: str) -> str:
    """The name at the end of a description: 'Soviet Defense Minister A.M. Vasilevsky' → 'A.M. Vasilevsky'."""
    tokens = text.split()
    name: list[str] = []
    for tok in reversed(tokens):
        if tok.lower() in _role_words() or not (tok[:1].isupper() or _INITIALS.match(tok)):
            break
        name.insert(0, tok)
    return " ".join(name) or text.strip()


def _split_depth0(text: str, seps: tuple[str, ...]) -> list[str]:
    """Split at the separators outside brackets; " and "/" to " match in any case (titles in capitals)."""
    out, depth, cur, i = [], 0, "", 0
    lower = text.lower()
    while i < len(text):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if depth == 0:
            sep = next((s for s in seps if lower.startswith(s.lower(), i)), None)
            if sep:
                out.append(cur)
                cur, i = "", i + len(sep)
                continue
        cur += ch
        i += 1
    out.append(cur)
    return [s.strip() for s in out if s.strip()]


@cache
def _institution_words() -> frozenset[str]:
    text = resources.files("editio.ingest").joinpath("data/institutions.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def party(printed: str) -> Party:
    printed = printed.strip().strip(",")
    words = {w.strip(".,()[]").lower() for w in printed.split()}
    if words & _institution_words() and not _IDENT.match(printed):
        name = re.sub(r"^(?i:the)\s+", "", printed)
        return Party(printed, name, name, "org")
    printed = _PLACE.sub("", printed) or printed  # where the correspondent was is not part of the name
    m = _IDENT.match(printed)
    if m and m.group("surface"):
        ident = m.group("b") or m.group("p")
        surface = strip_roles(m.group("surface"))
        return Party(printed, surface, strip_roles(ident))
    name = strip_roles(printed)
    return Party(printed, name, name)


def _cased(name: str) -> str:
    """A name printed in capitals ('MAO ZEDONG', from a title in capitals) in the form the header uses."""
    return " ".join(w.capitalize() for w in name.split()) if name.isupper() else name


def parse_title(title: str) -> Correspondence:
    """Senders, recipients and intermediaries named in a title; empty lists where the title names none."""
    result = Correspondence()
    via = _VIA.search(title)
    if via:
        result.via = [party(p) for p in _split_depth0(via.group("via") or via.group("bare"), (" and ", " or ", ", "))]
        title = title[: via.start()] + title[via.end() :]
    depth = 0
    cut = None
    for i, ch in enumerate(title):
        depth += (ch in "([" and 1) or ((ch in ")]" and -1) or 0)
        if depth == 0 and title[i : i + 4].lower() == " to " and re.search(r"[A-Z]", title[:i]):
            cut = i
            break
    if cut is None:
        return result
    before, after = title[:cut], title[cut + 4 :]
    m = list(re.finditer(r"\bfrom\s+", before, re.I))
    if m:  # "Telegram from X to Y"
        before = before[m[-1].end() :]
    elif before.strip():  # "Cable No. 25187, X to Y"
        before = _split_depth0(before, (", ",))[-1]
    after = _split_depth0(after, (", ",))[0] if after.strip() else after
    swapped = re.search(r"\s+from\s+", after, re.I)
    if not m and swapped:  # "Telegram to Y from X"
        before, after = after[swapped.end() :], after[: swapped.start()]
    after = re.split(r"\s+(?:approved|transmitting|regarding|concerning|on|about)\s", after, flags=re.I)[0]
    after = re.sub(r",?\s*\d{1,2}(?:\s*\[\d+\])?\s+[A-Z][a-z]+\s+\d{4}.*$", "", after)
    result.senders = [party(p) for p in _split_depth0(before, (" and ", " or "))]
    result.recipients = [party(p) for p in _split_depth0(after, (" and ", " or "))]
    for parties in (result.senders, result.recipients, result.via):
        parties[:] = [Party(p.printed, p.surface, _cased(p.name) if p.kind == "person" else p.name, p.kind)
                      for p in parties]
    return result


def slug(text: str) -> str:
    """A file-name part: 'Kim Il Sung' → 'kim-il-sung'; initials are dropped."""
    words = [w for w in text.split() if not _INITIALS.match(w)]
    ascii_ = unicodedata.normalize("NFKD", " ".join(words)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
