"""The records of the authority files: the kinds of named entity, an entry and its name forms.

Apart from authority.py (which reads the files and looks names up) so that the matcher can take the records
without importing their reader: entries ← matcher ← authority.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Kind:
    """One sort of named entity: its authority file, entry element, name element and ref prefix."""

    name: str
    file: str
    entry: str
    name_element: str
    prefix: str


PERSON = Kind("person", "persons.xml", "person", "persName", "per")
PLACE = Kind("place", "places.xml", "place", "placeName", "pla")
ORG = Kind("org", "orgs.xml", "org", "orgName", "org")
KINDS: tuple[Kind, ...] = (PERSON, PLACE, ORG)
KIND_BY_NAME = {k.name: k for k in KINDS}
KIND_BY_PREFIX = {k.prefix: k for k in KINDS}


@dataclass(frozen=True, slots=True)
class Form:
    text: str
    type: str
    lang: str | None
    key: tuple[str, ...]
    # which key tokens must be capitalised in the text (a lowercase "canton" is not Canton)
    caps: tuple[bool, ...]


@dataclass(slots=True)
class Entry:
    kind: Kind
    id: str
    main: str
    forms: list[Form] = field(default_factory=list)
    idnos: dict[str, str] = field(default_factory=dict)
    open_reason: str | None = None
    line: int | None = None
    # refs of the entries this one is part of (an org nested in an org: the Politburo in the CC VKP(b))
    parents: tuple[str, ...] = ()

    @property
    def ref(self) -> str:
        return f"{self.kind.prefix}:{self.id}"
