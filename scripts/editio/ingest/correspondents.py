"""Who wrote to whom: the correspondents named in a document's title ("Filippov [Stalin] to Zhou Enlai or
Mao Zedong (via Roshchin)"), with the editor's identification of cover names and without office titles.

A title that does not say it (a record of a conversation, a journal, "Ambassador to the DPRK") names no one:
a wrong sender in the header is worse than none. The title's grammar words are in data/titles.tsv."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

# "(via Roshchin)", "[via Roshchin]", or "via Roshchin" closing the title or a comma-separated part of it
_VIA = re.compile(r"\(\s*(?i:via)\s+(?P<via>[^)]+)\)|\[\s*(?i:via)\s+(?P<sq>[^\]]+)\]"
                  r"|\s+(?i:via)\s+(?P<bare>[A-Z][^,()]*?)\s*(?=,|$)")
_PLACE = re.compile(r"\s+(?:in|at)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?$")  # "Roshchin in Beijing"
_IDENT = re.compile(r"^(?P<surface>.*?)\s*(?:\[(?P<b>[^\]]+)\]|\((?P<p>[^)]+)\))\s*$")
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")


# a quoted title inside the title ("Cable from X, 'Request for Instructions on …'"): not read for correspondents
_QUOTED = re.compile(r",\s*['‘\"“]")


@dataclass(frozen=True)
class TitleWords:
    record: tuple[str, ...]
    post_to: tuple[str, ...]
    remark: frozenset[str]
    not_a_party: frozenset[str]
    kind: frozenset[str]


@cache
def _title_words() -> TitleWords:
    rows: dict[str, list[str]] = {"record": [], "post-to": [], "remark": [], "not-a-party": [], "kind": []}
    text = resources.files("editio.ingest").joinpath("data/titles.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, phrase = line.split("\t")
            rows[kind].append(phrase.strip().lower())
    return TitleWords(tuple(rows["record"]), tuple(rows["post-to"]), frozenset(rows["remark"]),
                      frozenset(rows["not-a-party"]), frozenset(rows["kind"]))


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
    rest = " " + " ".join(tokens[: len(tokens) - len(name)]).lower()
    if name and any(rest.endswith(f" {post} to") for post in _title_words().post_to):
        return text.strip()  # "the Soviet Envoy to Finland": the post's place, not a name — the office as printed
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


def _without_remarks(title: str) -> str:
    """The title without the editors' remarks on it ("(Excerpt)", "[Excerpts]") and without a quoted title
    inside it, whose words ("'Agree to the Postponement …'") name no correspondent."""
    words = _title_words()

    def drop(m: re.Match[str]) -> str:
        return "" if m.group(1).strip().lower() in words.remark else m.group(0)

    title = re.sub(r"\s*[\[(]([^\])]*)[\])]", drop, title)
    quoted = _QUOTED.search(title)
    return (title[: quoted.start()] if quoted else title).strip().rstrip(",").strip()


def _is_record(title: str) -> bool:
    """A record of a conversation, a journal, minutes: its title names participants, not correspondents."""
    lower = title.lower()
    return any(lower == r or lower.startswith(r + " ") or lower.startswith(r + ",") or lower.startswith(r + ":")
               for r in _title_words().record)


def _recipient_cut(title: str) -> int | None:
    """Where " to " introduces the recipient: outside brackets, after some capital, and not after a post
    ("Ambassador to the DPRK") or a journey ("Visit to Our Embassy")."""
    depth = 0
    for i, ch in enumerate(title):
        depth += (ch in "([" and 1) or ((ch in ")]" and -1) or 0)
        if depth == 0 and title[i : i + 4].lower() == " to " and re.search(r"[A-Z]", title[:i]):
            before = " " + re.sub(r"[^\w\s.é-]", " ", title[:i]).lower().rstrip()
            if not any(before.endswith(" " + post) for post in _title_words().post_to):
                return i
    return None


def _without_kind(text: str) -> str:
    """'Draft Telegram Shtykov' → 'Shtykov': the document's kind and number are not the sender's name."""
    tokens = text.split()
    while tokens and (tokens[0].lower().strip(",") in _title_words().kind or re.fullmatch(r"\d+,?", tokens[0])):
        tokens.pop(0)
    return " ".join(tokens)


def _listed(after: str) -> str:
    """The recipients' part of what follows " to ": up to the first comma, or a whole list that ends in
    ", and X" ("Mao Zedong, Liu Shaoqi, and CCP Central Committee")."""
    parts = _split_depth0(after, (", ",))
    if not parts:
        return after
    for k, part in enumerate(parts[1:], start=1):
        if part.lower().startswith("and ") and all(p[:1].isupper() or p.lower().startswith("the ")
                                                   for p in parts[1:k]):
            return " and ".join([*parts[:k], part[4:]])
    return parts[0]


_TOPIC = re.compile(r"\s+(?:approved|transmitting|regarding|concerning|containing|on|about)\s", re.I)


def _parties(text: str) -> list[Party]:
    named = [party(p) for p in _split_depth0(text, (" and ", " or "))]
    return [p for p in named if p.name.strip().lower() not in _title_words().not_a_party]


def parse_title(title: str) -> Correspondence:
    """Senders, recipients and intermediaries named in a title; empty lists where the title names none."""
    result = Correspondence()
    title = _without_remarks(title)
    if _is_record(title):
        return result
    via = _VIA.search(title)
    if via:
        named = via.group("via") or via.group("sq") or via.group("bare")
        result.via = _parties(named.replace(", ", " and "))
        title = title[: via.start()] + title[via.end() :]
    cut = _recipient_cut(title)
    if cut is None:
        sender = re.search(r"(?<=\S)\s+from\s+(?P<who>.+)$", title, re.I)
        if sender and not _without_kind(title[: sender.start()].replace(",", " ")):
            # "Ciphered Telegram No. 32616 from Savel'yev in Urumchi": the document's kind, then its sender
            who = _TOPIC.split(_split_depth0(sender.group("who"), (", ",))[0])[0]
            if not _is_record(re.sub(r"^(?i:the)\s+", "", who)):
                result.senders = _parties(who)
        return _cased_parties(result)
    before, after = title[:cut], title[cut + 4 :]
    m = list(re.finditer(r"\bfrom\s+", before, re.I))
    if m:  # "Telegram from X to Y"
        before = before[m[-1].end() :]
        parts = _split_depth0(before, (", ",))
        if len(parts) > 1:  # "Cable from the CCP Central Committee, reply to Zhou Enlai's cable": no recipient
            result.senders = _parties(parts[0])
            return _cased_parties(result)
    elif before.strip():  # "Cable No. 25187, X to Y"
        before = _without_kind(_split_depth0(before, (", ",))[-1])
    after = _listed(after) if after.strip() else after
    swapped = re.search(r"\s+from\s+", after, re.I)
    if not m and swapped:  # "Telegram to Y from X"
        before, after = after[swapped.end() :], after[: swapped.start()]
    after = _TOPIC.split(after)[0]
    after = re.sub(r",?\s*\d{1,2}(?:\s*\[\d+\])?\s+[A-Z][a-z]+\s+\d{4}.*$", "", after)
    result.senders = _parties(before)
    result.recipients = _parties(after)
    return _cased_parties(result)


def _cased_parties(result: Correspondence) -> Correspondence:
    for parties in (result.senders, result.recipients, result.via):
        parties[:] = [Party(p.printed, p.surface, _cased(p.name) if p.kind == "person" else p.name, p.kind)
                      for p in parties]
    return result


def slug(text: str) -> str:
    """A file-name part: 'Kim Il Sung' → 'kim-il-sung'; initials are dropped."""
    words = [w for w in text.split() if not _INITIALS.match(w)]
    ascii_ = unicodedata.normalize("NFKD", " ".join(words)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
