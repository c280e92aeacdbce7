"""JSON Lines and the correspondence network: one object per document that says what its TEI says, valid
against schema/editio-record.schema.json; a network Gephi reads (nodes Id, Label; edges Source, Target, Type,
Weight)."""

from __future__ import annotations

import csv
import json

import pytest
from jsonschema import Draft202012Validator
from lxml import etree

from editio.build.exports import records, validate

from .conftest import NO_RECIPIENT, NS, UNDATED, authority_uris, doc_id, own_actions

SCHEMA = json.loads(records.SCHEMA.read_text(encoding="utf-8"))


def lines(out):
    return [json.loads(line) for line in (out / records.JSONL).read_text(encoding="utf-8").splitlines()]


def test_every_line_is_valid_against_the_schema(seed_exports, published_exports):
    assert validate.json_lines(seed_exports / records.JSONL, records.SCHEMA) == []
    assert validate.json_lines(published_exports / records.JSONL, records.SCHEMA) == []


@pytest.mark.parametrize(("change", "why"), [
    (lambda r: r["date"].update(when="1950-9-1"), "a date not in ISO form"),
    (lambda r: r.pop("sender"), "a record without its sender"),
    (lambda r: r["places"].append({"name": "Nowhere", "kind": "place", "ref": None, "uri": "geonames:1"}),
     "an authority id that is no URI"),
])
def test_the_schema_rejects_a_broken_record(seed_exports, change, why):
    record = lines(seed_exports)[0]
    change(record)
    assert list(Draft202012Validator(SCHEMA).iter_errors(record)), why


def test_the_json_lines_and_the_tei_agree_for_every_document(seed_edition, seed_exports):
    got = {r["id"]: r for r in lines(seed_exports)}
    docs = seed_edition.documents()
    assert list(got) == [doc_id(p) for p in docs]  # the edition's order, none dropped
    uris = authority_uris(seed_edition.tei)
    for path in docs:
        tei = etree.parse(str(path))
        record = got[doc_id(path)]
        for key, kind in (("sender", "sent"), ("recipient", "received"), ("intermediaries", "transmitted")):
            refs = [r for a in own_actions(tei, kind) for r in a.xpath("(t:persName | t:orgName)/@ref", namespaces=NS)]
            assert [e["ref"] for e in record[key]] == refs, (path.name, key)
        mentioned = set(tei.xpath("//t:text//t:placeName/@ref", namespaces=NS))
        assert mentioned <= {p["ref"] for p in record["places"]}
        for place in record["places"]:
            ids = uris.get(place["ref"], {})
            if "geonames" in ids:
                assert place["uri"] == "http://www.geonames.org/" + ids["geonames"], place
        when = [w for a in own_actions(tei, "sent") for w in a.xpath("t:date/@when", namespaces=NS)]
        assert record["date"] == {"when": when[0][:10]}
        title = tei.xpath("string(//t:titleStmt/t:title[@type='main'])", namespaces=NS)
        assert record["title"] == " ".join(title.split())
        idnos = tei.xpath("//t:msIdentifier/t:idno", namespaces=NS)
        assert all(f"{i.get('type')} {i.text}" in " ".join(record["archival_ids"]) for i in idnos)


def test_no_date_and_no_recipient_are_said_not_dropped(published_edition, published_exports):
    got = {r["id"]: r for r in lines(published_exports)}
    assert len(got) == len(published_edition.documents())
    assert got[doc_id(published_edition.tei / UNDATED)]["date"] is None
    assert got[doc_id(published_edition.tei / NO_RECIPIENT)]["recipient"] == []
    assert all(r["web_page"].startswith("https://example.org/korean-war/doc-") for r in got.values())


def test_the_network_is_gephi_ready_and_counts_every_letter(seed_exports):
    with (seed_exports / records.NODES).open(encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with (seed_exports / records.EDGES).open(encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert list(nodes[0])[:2] == ["Id", "Label"]
    assert list(edges[0])[:5] == ["Id", "Source", "Target", "Type", "Weight"]
    ids = {n["Id"] for n in nodes}
    assert all(e["Source"] in ids and e["Target"] in ids and e["Type"] == "Directed" for e in edges)
    pairs = sum(len(r["sender"]) * len(r["recipient"]) for r in lines(seed_exports))
    assert sum(int(e["Weight"]) for e in edges) == pairs
    stalin = next(n for n in nodes if n["Id"] == "per:stalin")
    assert stalin["Authority"] == "http://www.wikidata.org/entity/Q855"
    sent = sum(any(s["ref"] == "per:stalin" for s in r["sender"]) for r in lines(seed_exports))
    assert int(stalin["Sent"]) == sent > 0
