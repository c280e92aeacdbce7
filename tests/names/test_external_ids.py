"""External identifiers (Wikidata, VIAF) and life dates in the authority files: well formed, sourced, unique.

These facts were read in public sources, never typed from memory; each one says where it was read (`@source`, a
URL) and the entry that holds it carries a `note[@type='source']` saying what the source pairs it with.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

import pytest
from lxml import etree

from editio.names.authority import KINDS, NS, XML_NS

TEI_DIR = Path(__file__).resolve().parents[2] / "tei"
FILES = [TEI_DIR / k.file for k in KINDS]
SHAPES = {"wikidata": re.compile(r"Q[1-9][0-9]*"), "viaf": re.compile(r"[1-9][0-9]*")}
ISO_DATE = re.compile(r"-?\d{4}(-\d{2}(-\d{2})?)?")


def _idnos(types: tuple[str, ...]) -> list[tuple[str, etree._Element]]:
    found = []
    for path in FILES:
        for idno in etree.parse(str(path)).iterfind(".//tei:idno", NS):
            if idno.get("type") in types:
                found.append((path.name, idno))
    return found


def _is_url(value: str | None) -> bool:
    parsed = urlparse(value or "")
    return parsed.scheme in ("http", "https") and bool(parsed.netloc) and bool(parsed.path.strip("/"))


def test_the_authority_files_carry_some_external_identifiers() -> None:
    assert _idnos(tuple(SHAPES)), "no Wikidata or VIAF identifier at all"


@pytest.mark.parametrize("kind", sorted(SHAPES))
def test_each_identifier_has_its_shape_and_a_source_url(kind: str) -> None:
    for name, idno in _idnos((kind,)):
        value = idno.text or ""
        assert SHAPES[kind].fullmatch(value), f"{name}: {kind} id {value!r} is not shaped like one"
        assert _is_url(idno.get("source")), f"{name}: {kind} {value} without a source URL"


def test_an_entry_with_an_identifier_says_what_its_source_pairs_it_with() -> None:
    for name, idno in _idnos(tuple(SHAPES)):
        entry = idno.getparent()
        notes = [" ".join(n.itertext()) for n in entry.findall("tei:note[@type='source']", NS)]
        assert any(idno.text in note for note in notes), (
            f"{name}: {entry.get(f'{{{XML_NS}}}id')} has {idno.get('type')} {idno.text} but no source note naming it")


@pytest.mark.parametrize("kind", sorted(SHAPES))
def test_no_two_entries_share_an_identifier(kind: str) -> None:
    holders: dict[str, set[str]] = defaultdict(set)
    for name, idno in _idnos((kind,)):
        holders[idno.text or ""].add(f"{name}#{idno.getparent().get(f'{{{XML_NS}}}id')}")
    shared = {value: sorted(who) for value, who in holders.items() if len(who) > 1}
    assert not shared, f"{kind} ids shared by several entries: {shared}"


def test_an_entry_has_at_most_one_identifier_of_each_kind() -> None:
    for path in FILES:
        for entry in etree.parse(str(path)).iter():
            if not isinstance(entry.tag, str) or entry.get(f"{{{XML_NS}}}id") is None:
                continue
            for kind in SHAPES:
                count = len(entry.findall(f"tei:idno[@type='{kind}']", NS))
                assert count <= 1, f"{path.name}: {entry.get(f'{{{XML_NS}}}id')} has {count} {kind} ids"


def test_life_dates_are_iso_sourced_and_in_order() -> None:
    for person in etree.parse(str(TEI_DIR / "persons.xml")).iterfind(".//tei:person", NS):
        pid = person.get(f"{{{XML_NS}}}id")
        dates = {}
        for event in ("birth", "death"):
            for el in person.findall(f"tei:{event}", NS):
                when = el.get("when")
                assert when and ISO_DATE.fullmatch(when), f"{pid}: {event} without an ISO @when"
                assert _is_url(el.get("source")), f"{pid}: {event} {when} without a source URL"
                dates[event] = when
        if len(dates) == 2:
            assert dates["birth"] < dates["death"], f"{pid}: born {dates['birth']} after dying {dates['death']}"
