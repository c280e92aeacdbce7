"""Dublin Core: one oai_dc record per document, valid against the official oai_dc.xsd (its simpledc import
resolved to the copy in schema/, nothing fetched), saying the document's title, date, sender and source."""

from __future__ import annotations

from lxml import etree

from editio.build.exports import dublin_core, validate

from .conftest import NO_RECIPIENT, NS, UNDATED, doc_id, own_actions

DC = {"dc": "http://purl.org/dc/elements/1.1/", "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/"}


def records(out):
    return {p.stem: etree.parse(str(p)) for p in sorted((out / dublin_core.FOLDER).glob("*.xml"))}


def test_every_record_is_valid_oai_dc(seed_exports, published_exports):
    schema = validate.oai_dc_schema()
    for out in (seed_exports, published_exports):
        assert validate.xml_schema(sorted((out / dublin_core.FOLDER).glob("*.xml")), schema) == []


def test_the_schema_rejects_what_is_not_dublin_core(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text(f'<oai_dc:dc xmlns:oai_dc="{DC["oai_dc"]}" xmlns:dc="{DC["dc"]}"><dc:author>x</dc:author>'
                   "</oai_dc:dc>", encoding="utf-8")
    assert validate.xml_schema([bad], validate.oai_dc_schema())


def test_each_record_says_what_its_tei_says(seed_edition, seed_exports):
    got = records(seed_exports)
    assert sorted(got) == sorted(doc_id(p) for p in seed_edition.documents())
    for path in seed_edition.documents():
        tei = etree.parse(str(path))
        dc = got[doc_id(path)]
        title = " ".join(tei.xpath("string(//t:titleStmt/t:title[@type='main'])", namespaces=NS).split())
        assert dc.findtext("dc:title", namespaces=DC) == title
        when = next(w for a in own_actions(tei, "sent") for w in a.xpath("t:date/@when", namespaces=NS))
        assert dc.findtext("dc:date", namespaces=DC) == when[:10]
        senders = [n for a in own_actions(tei, "sent") for n in a.xpath("t:persName | t:orgName", namespaces=NS)]
        assert len(dc.findall("dc:creator", DC)) == len(senders) > 0
        assert doc_id(path) in [i.text for i in dc.findall("dc:identifier", DC)]
        assert dc.findtext("dc:type", namespaces=DC) == "Text"


def test_no_date_and_no_recipient(published_edition, published_exports):
    got = records(published_exports)
    assert got[doc_id(published_edition.tei / UNDATED)].find("dc:date", DC) is None
    desc = got[doc_id(published_edition.tei / NO_RECIPIENT)].findtext("dc:description", namespaces=DC)
    assert desc.endswith("to an unnamed recipient.")
