"""CMIF: one correspDesc per document that names its sender, addressee and places by their authority URIs, in
the specification's date forms; valid against tei_all, the SIG's RELAX NG and the specification's rules."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from editio.build.exports import cmif, validate

from .conftest import BASE, NO_RECIPIENT, NS, UNDATED, authority_uris, doc_id, expected_uri, own_actions

DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def test_cmif_is_valid_tei(seed_exports, published_exports):
    assert validate.relaxng([seed_exports / cmif.FILE, published_exports / cmif.FILE]) == []


def test_a_published_edition_keeps_every_cmif_rule(published_exports):
    assert validate.relaxng([published_exports / cmif.FILE], cmif.RNG) == []
    assert validate.schematron(published_exports / cmif.FILE, cmif.SCH) == []
    tree = etree.parse(str(published_exports / cmif.FILE))
    assert tree.findtext(".//t:publicationStmt/t:idno[@type='url']", namespaces=NS) == BASE + "cmif.xml"
    refs = tree.xpath("//t:correspDesc/@ref", namespaces=NS)
    assert refs and all(r.startswith(BASE + "doc-") and r.endswith(".html") for r in refs)


def test_without_a_base_url_only_the_address_is_missing(seed_exports):
    rng = validate.relaxng([seed_exports / cmif.FILE], cmif.RNG)
    assert len(rng) == 1 and '"idno"' in rng[0]
    assert validate.schematron(seed_exports / cmif.FILE, cmif.SCH, cmif.UNPUBLISHED) == []
    full = validate.schematron(seed_exports / cmif.FILE, cmif.SCH)
    assert [line.rsplit("[", 1)[1] for line in full] == ["cmif-idno-url]"]
    assert not etree.parse(str(seed_exports / cmif.FILE)).xpath("//t:correspDesc/@ref", namespaces=NS)


def test_every_document_is_a_correspdesc_that_agrees_with_its_tei(seed_edition, seed_exports):
    tree = etree.parse(str(seed_exports / cmif.FILE))
    descs = {d.get("key"): d for d in tree.iterfind(".//t:correspDesc", NS)}
    docs = seed_edition.documents()
    assert sorted(descs) == sorted(doc_id(p) for p in docs)
    uris = authority_uris(seed_edition.tei)
    for path in docs:
        tei = etree.parse(str(path))
        desc = descs[doc_id(path)]
        # the document's own correspondence, not a letter it relays or covers
        own = tei.xpath("(//t:correspDesc[not(@type)] | //t:correspDesc)[1]", namespaces=NS)[0]
        for kind in ("sent", "received"):
            source = own.xpath(f"t:correspAction[@type='{kind}']/*[self::t:persName or self::t:orgName "
                               "or self::t:placeName]", namespaces=NS)
            written = desc.xpath(f"t:correspAction[@type='{kind}']/*[not(self::t:date)]", namespaces=NS)
            assert [etree.QName(e).localname for e in written] == [etree.QName(e).localname for e in source], path
            for src, out in zip(source, written, strict=True):
                want = expected_uri(uris.get(src.get("ref"), {}))
                assert out.get("ref") == want, f"{path.name}: {src.get('ref')} should be {want}"
                assert out.text and out.text.strip()
        sent = own.xpath("t:correspAction[@type='sent']/t:date/@when", namespaces=NS)
        written = desc.xpath("t:correspAction[@type='sent']/t:date/@when", namespaces=NS)
        assert written == [w[:10] for w in sent]
    for value in tree.xpath("//t:correspAction/t:date/@*[name() != 'cert']", namespaces=NS):
        assert DAY.match(value), value
    assert set(tree.xpath("//t:correspAction/@type", namespaces=NS)) == {"sent", "received"}


def test_places_with_a_geonames_id_carry_its_uri(seed_edition, seed_exports):
    tree = etree.parse(str(seed_exports / cmif.FILE))
    ids = authority_uris(seed_edition.tei)
    checked = 0
    for path in seed_edition.documents():
        tei = etree.parse(str(path))
        desc = tree.xpath("//t:correspDesc[@key = $k]", k=doc_id(path), namespaces=NS)[0]
        for kind in ("sent", "received"):
            source = [p for a in own_actions(tei, kind) for p in a.xpath("t:placeName", namespaces=NS)]
            written = desc.xpath("t:correspAction[@type=$k]/t:placeName", k=kind, namespaces=NS)
            for src, out in zip(source, written, strict=True):
                geonames = ids.get(src.get("ref"), {}).get("geonames")
                if geonames:
                    assert out.get("ref") == f"http://www.geonames.org/{geonames}", (path.name, src.get("ref"))
                    checked += 1
    assert checked


def test_an_undated_document_and_an_unnamed_recipient_are_written_as_cmif_says(published_edition, published_exports):
    tree = etree.parse(str(published_exports / cmif.FILE))
    tei = published_edition.tei
    undated = tree.xpath("//t:correspDesc[@key = $k]", k=doc_id(tei / UNDATED), namespaces=NS)[0]
    assert undated.xpath("t:correspAction[@type='sent']/t:persName", namespaces=NS)
    assert not undated.xpath(".//t:date", namespaces=NS)  # "unknown date should be skipped"
    unnamed = tree.xpath("//t:correspDesc[@key = $k]", k=doc_id(tei / NO_RECIPIENT), namespaces=NS)[0]
    assert [n.text for n in unnamed.xpath("t:correspAction[@type='received']/*", namespaces=NS)] == ["Unknown"]


@pytest.mark.parametrize(("change", "rule"), [
    (lambda t: t.xpath("//t:correspAction/t:date", namespaces=NS)[0].set("when", "1950-09-29T20:23:00"),
     "cmif-date-form"),
    (lambda t: t.xpath("//t:correspAction", namespaces=NS)[0].set("type", "transmitted"), "cmif-action-type"),
    (lambda t: t.xpath("//t:correspDesc", namespaces=NS)[0].set("source", "#elsewhere"), "cmif-source"),
    (lambda t: t.xpath("//t:licence", namespaces=NS)[0].set("target", "https://example.org/all-rights"),
     "cmif-licence-target"),
    (lambda t: [a.remove(n) for a in t.xpath("//t:correspAction[@type='received']", namespaces=NS)[:1]
                for n in a.xpath("t:persName | t:orgName", namespaces=NS)], "cmif-action-party"),
])
def test_the_rules_catch_what_the_specification_forbids(published_exports, tmp_path, change, rule):
    tree = etree.parse(str(published_exports / cmif.FILE))
    change(tree)
    bad = tmp_path / "bad.xml"
    tree.write(str(bad), encoding="UTF-8")
    assert any(line.endswith(f"[{rule}]") for line in validate.schematron(bad, cmif.SCH))


def test_the_bibl_id_is_a_stable_uuid_that_is_an_xml_id(seed_edition):
    first = cmif.bibl_id(seed_edition)
    assert first == cmif.bibl_id(seed_edition)
    assert re.fullmatch(r"[a-f][0-9a-f]{7}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", first)
