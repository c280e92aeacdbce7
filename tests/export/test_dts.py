"""DTS 1.0 (Level 0) from static files: a client that knows only the entry point expands its URI templates
(RFC 6570, by the uritemplate package; numbers given as strings, as it expands 0 as empty) and finds every
collection, resource, citation tree and passage — the passages being the edition's own (p1, p2 … of
xslt/common/addresses.xsl)."""

from __future__ import annotations

import json

import uritemplate
from lxml import etree

from editio.build.exports import dts

from .conftest import BASE, TEI, doc_id

BLOCKS = {"p", "ab", "item", "head", "opener", "closer", "postscript"}
ENTRY_KEYS = {"@context", "@id", "@type", "dtsVersion", "collection", "navigation", "document"}
RESOURCE_KEYS = {"@id", "@type", "title", "totalParents", "collection", "navigation", "document", "citationTrees"}


def blocks(tei: etree._ElementTree) -> list[etree._Element]:
    """The passages, counted here without the stylesheet: blocks of the text not inside another block."""
    text = tei.find(f"{{{TEI}}}text")

    def is_block(el):
        return (isinstance(el.tag, str) and etree.QName(el).localname in BLOCKS
                and not any(etree.QName(a).localname in BLOCKS for a in el.iterancestors() if a is not text
                            and text in a.iterancestors()))
    return [el for el in text.iter() if is_block(el)]


def fetch(folder, address: str):
    path = folder / address.removeprefix(BASE + "dts/")
    assert path.is_file(), f"a client asking for {address} finds nothing"
    return json.loads(path.read_text(encoding="utf-8")) if path.suffix == ".json" else etree.parse(str(path))


def test_a_client_walks_the_edition_from_the_entry_point(seed_edition, seed_exports):
    folder = seed_exports / dts.FOLDER
    entry = fetch(folder, dts.ENTRY)
    assert set(entry) >= ENTRY_KEYS and entry["@type"] == "EntryPoint" and entry["dtsVersion"] == "1.0"
    root = fetch(folder, uritemplate.expand(entry["collection"]))
    assert root["@type"] == "Collection" and root["totalParents"] == 0
    docs = {doc_id(p): p for p in seed_edition.documents()}
    assert [m["@id"] for m in root["member"]] == list(docs) and root["totalChildren"] == len(docs)
    assert fetch(folder, uritemplate.expand(entry["collection"], id=root["@id"], nav="parents"))["member"] == []
    for member in root["member"]:
        resource = fetch(folder, uritemplate.expand(member["collection"]))
        assert set(resource) >= RESOURCE_KEYS and resource["@type"] == "Resource"
        parents = fetch(folder, uritemplate.expand(member["collection"], nav="parents"))
        assert [p["@id"] for p in parents["member"]] == [root["@id"]]
        tei = etree.parse(str(docs[member["@id"]]))
        passages = blocks(tei)
        tree = fetch(folder, uritemplate.expand(member["navigation"], down="-1"))
        assert tree["@type"] == "Navigation" and tree["resource"]["@id"] == member["@id"]
        units = tree["member"]
        assert [u["identifier"] for u in units] == [f"p{n}" for n in range(1, len(passages) + 1)]
        assert all(u["level"] == 1 and u["parent"] is None and u["@type"] == "CitableUnit" for u in units)
        assert fetch(folder, uritemplate.expand(member["navigation"], down="1"))["member"] == units
        whole = fetch(folder, uritemplate.expand(member["document"]))
        assert etree.tostring(whole) == etree.tostring(tei)
        for unit, block in zip(units, passages, strict=True):
            ref = unit["identifier"]
            alone = fetch(folder, uritemplate.expand(member["navigation"], ref=ref))
            assert alone["ref"] == unit and "member" not in alone
            assert fetch(folder, uritemplate.expand(member["navigation"], ref=ref, down="0"))["member"] == units
            assert fetch(folder, uritemplate.expand(member["navigation"], ref=ref, down="1"))["member"] == [unit]
            passage = fetch(folder, uritemplate.expand(member["document"], ref=ref))
            assert passage.getroot().tag == f"{{{TEI}}}TEI"
            (wrapped,) = passage.getroot().find("{https://w3id.org/api/dts#}wrapper")
            assert (wrapped.tag, dict(wrapped.attrib), "".join(wrapped.itertext())) == \
                (block.tag, dict(block.attrib), "".join(block.itertext()))


def test_a_published_edition_gives_absolute_addresses(published_exports):
    entry = json.loads((published_exports / dts.FOLDER / dts.ENTRY).read_text(encoding="utf-8"))
    assert all(entry[k].startswith(BASE + "dts/") for k in ("@id", "collection", "navigation", "document"))
    root = fetch(published_exports / dts.FOLDER, uritemplate.expand(entry["collection"]))
    assert all(m["download"].startswith(BASE + "doc-") for m in root["member"])
