"""Reading the authority files (tei/persons.xml, places.xml, orgs.xml) into name forms the tagger can look up.

Every `persName`/`placeName`/`orgName` child of a `person`/`place`/`org` is a form; an editor who adds an entry
or a form and re-runs tagging gets its mentions tagged. Nothing about particular people lives in code.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from pathlib import Path

from lxml import etree

from editio.names.entries import (
    KIND_BY_NAME,
    KIND_BY_PREFIX,
    KINDS,
    ORG,
    PERSON,
    PLACE,
    Entry,
    Form,
    Kind,
)
from editio.names.matcher import Matcher
from editio.names.normalize import collapse_space, form_key, tokenize
from editio.tei import NS, TEI_NS, XML_NS

# the records are defined in entries.py; the stages take them from here too
__all__ = [
    "KINDS",
    "KIND_BY_NAME",
    "KIND_BY_PREFIX",
    "NS",
    "ORG",
    "PERSON",
    "PLACE",
    "TEI_NS",
    "XML_NS",
    "Authorities",
    "Entry",
    "Form",
    "Kind",
    "load_authorities",
    "read_entries",
]


def _text(el: etree._Element) -> str:
    return collapse_space("".join(el.itertext()))


def _forms(entry_el: etree._Element, kind: Kind) -> Iterable[Form]:
    for name_el in entry_el.findall(f"tei:{kind.name_element}", NS):
        text = _text(name_el)
        if not text:
            continue
        tokens = tokenize(text)
        yield Form(
            text=text,
            type=name_el.get("type", "variant"),
            lang=name_el.get(f"{{{XML_NS}}}lang"),
            key=tuple(t.key for t in tokens),
            caps=tuple(t.capitalised for t in tokens),
        )


def read_entries(path: Path, kind: Kind) -> list[Entry]:
    """All entries of one authority file, in document order."""
    tree = etree.parse(str(path))
    entries = []
    for el in tree.iter(f"{{{TEI_NS}}}{kind.entry}"):
        xml_id = el.get(f"{{{XML_NS}}}id")
        if not xml_id:
            continue
        forms = list(_forms(el, kind))
        main = next((f.text for f in forms if f.type == "main"), forms[0].text if forms else xml_id)
        idnos = {i.get("type", ""): _text(i) for i in el.findall("tei:idno", NS)}
        open_note = el.find("tei:note[@type='open']", NS)
        parents = tuple(
            f"{kind.prefix}:{a.get(f'{{{XML_NS}}}id')}"
            for a in el.iterancestors(f"{{{TEI_NS}}}{kind.entry}")
            if a.get(f"{{{XML_NS}}}id")
        )
        entries.append(
            Entry(kind, xml_id, main, forms, idnos, _text(open_note) if open_note is not None else None,
                  el.sourceline, parents)
        )
    return entries


class Authorities:
    """The edition's persons, places and organisations, with look-up by name form."""

    def __init__(self, entries: Iterable[Entry], folder: Path | None = None) -> None:
        self.folder = folder
        self.entries: dict[str, Entry] = {}
        for entry in entries:
            self.entries[entry.ref] = entry

    def __len__(self) -> int:
        return len(self.entries)

    def of_kind(self, kind: Kind) -> list[Entry]:
        return [e for e in self.entries.values() if e.kind is kind]

    def get(self, ref: str) -> Entry | None:
        return self.entries.get(ref)

    @cached_property
    def matcher(self):
        return Matcher(self.entries.values())

    def match(self, surface: str, kind: Kind | None = None) -> Entry | None:
        """The one entry a surface such as "Deputy Foreign Minister Andrei Gromyko" or "Kim Il Sung's" names.

        The surface is matched like running text; it names an entry when all its mentions (of `kind`, if
        given) point to one entry. Titles, possessives and brackets around the name do not matter.
        """
        found = {
            m.entries[0].ref
            for m in self.matcher.find_all(surface)
            if len(m.entries) == 1 and (kind is None or m.entries[0].kind is kind)
        }
        ambiguous = [
            m for m in self.matcher.find_all(surface)
            if len(m.entries) > 1 and (kind is None or any(e.kind is kind for e in m.entries))
        ]
        if len(found) == 1 and not ambiguous:
            return self.entries[found.pop()]
        return None

    def match_person(self, surface: str) -> str | None:
        entry = self.match(surface, PERSON)
        return entry.id if entry else None

    def match_place(self, surface: str) -> str | None:
        entry = self.match(surface, PLACE)
        return entry.id if entry else None

    def match_org(self, surface: str) -> str | None:
        entry = self.match(surface, ORG)
        return entry.id if entry else None


def load_authorities(tei_dir: Path | str) -> Authorities:
    """Read whichever of persons.xml, places.xml and orgs.xml exist in `tei_dir`."""
    folder = Path(tei_dir)
    entries: list[Entry] = []
    for kind in KINDS:
        path = folder / kind.file
        if path.is_file():
            entries.extend(read_entries(path, kind))
    return Authorities(entries, folder)


def authority_files(tei_dir: Path) -> list[Path]:
    return [tei_dir / k.file for k in KINDS]


__all__ = [
    "KINDS", "ORG", "PERSON", "PLACE", "Authorities", "Entry", "Form", "Kind", "form_key", "load_authorities",
]
