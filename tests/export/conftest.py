"""The exports of the seed edition (made once per session) and of a published edition built for the tests: a
base URL, and two documents changed the way unseen documents may come — one without any date, one whose
recipient the source does not name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from editio.build import export
from editio.edition import load

REPO = Path(__file__).resolve().parents[2]
TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}
BASE = "https://example.org/korean-war/"
UNDATED = "1950-09-21-vasilevsky-to-stalin.xml"
NO_RECIPIENT = "1950-09-23-vasilevsky-to-stalin.xml"
PUBLISHED_DOCS = ("1950-07-13-stalin-to-zhou-enlai.xml", "1950-09-27-zakharov-to-stalin.xml", UNDATED, NO_RECIPIENT)


@pytest.fixture(scope="session")
def seed_edition():
    return load(REPO)


@pytest.fixture(scope="session")
def seed_exports(seed_edition, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "exports"
    export.run(seed_edition, out)
    return out


def _without_date(tree: etree._ElementTree) -> None:
    for date in tree.xpath("//t:profileDesc//t:date", namespaces=NS):
        date.getparent().remove(date)


def _without_recipient(tree: etree._ElementTree) -> None:
    (action,) = tree.xpath("//t:correspAction[@type='received']", namespaces=NS)
    for name in action.xpath("t:persName | t:orgName", namespaces=NS):
        action.remove(name)
    note = etree.SubElement(action, f"{{{TEI}}}note")
    note.text = "The source does not name the recipient."


@pytest.fixture(scope="session")
def published_edition(tmp_path_factory):
    root = tmp_path_factory.mktemp("published")
    (root / "tei").mkdir()
    settings = (REPO / "edition.toml").read_text(encoding="utf-8").replace('base_url = ""', f'base_url = "{BASE}"')
    (root / "edition.toml").write_text(settings, encoding="utf-8")
    (root / "README.md").write_text("# A test edition\n", encoding="utf-8")
    for name in ("persons.xml", "places.xml", "orgs.xml", *PUBLISHED_DOCS):
        shutil.copy(REPO / "tei" / name, root / "tei" / name)
    for name, change in ((UNDATED, _without_date), (NO_RECIPIENT, _without_recipient)):
        tree = etree.parse(str(root / "tei" / name))
        change(tree)
        tree.write(str(root / "tei" / name), encoding="UTF-8", xml_declaration=True)
    return load(root)


@pytest.fixture(scope="session")
def published_exports(published_edition) -> Path:
    out = published_edition.output / "exports"
    export.run(published_edition, out)
    return out


def doc_id(path: Path) -> str:
    return etree.parse(str(path)).getroot().get("{http://www.w3.org/XML/1998/namespace}id")


def own_actions(tei: etree._ElementTree, kind: str) -> list[etree._Element]:
    """The parties of one role in the document's own correspondence (not a letter it relays or covers), without
    the steps of the cable's way — what every export reports as sender, recipient and intermediaries."""
    descs = tei.xpath("//t:correspDesc", namespaces=NS)
    own = ([d for d in descs if d.get("type") is None] or descs)[:1]
    return [a for d in own for a in d.xpath("t:correspAction[@type=$k]", k=kind, namespaces=NS)
            if not (a.get("type") == "transmitted" and a.get("subtype") not in (None, "relayed", "addressed"))]


def authority_uris(tei: Path) -> dict[str, dict[str, str]]:
    """What the authority files say, read independently of the XSLT: ref → {idno type: value}."""
    found: dict[str, dict[str, str]] = {}
    for prefix, name in (("per", "persons.xml"), ("pla", "places.xml"), ("org", "orgs.xml")):
        for entry in etree.parse(str(tei / name)).xpath("//*[@xml:id][t:idno]", namespaces=NS):
            found[f"{prefix}:{entry.get('{http://www.w3.org/XML/1998/namespace}id')}"] = {
                i.get("type"): i.text.strip() for i in entry.findall(f"{{{TEI}}}idno")}
    return found


def expected_uri(ids: dict[str, str]) -> str | None:
    """The URI CMIF should carry: VIAF, GND, GeoNames before Wikidata (xslt/export/authorities.xml)."""
    forms = (("viaf", "http://viaf.org/viaf/"), ("gnd", "http://d-nb.info/gnd/"),
             ("geonames", "http://www.geonames.org/"), ("wikidata", "http://www.wikidata.org/entity/"))
    return next((prefix + ids[t] for t, prefix in forms if t in ids), None)
