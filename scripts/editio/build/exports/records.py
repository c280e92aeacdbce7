"""The documents as data: xslt/export/record.xsl extracts one record per document (XML); here the records
become JSON Lines (one object per document, schema/editio-record.schema.json) and the correspondence network
as CSV for Gephi (nodes: Id, Label …; edges: Source, Target, Type, Weight …). No fact is read here that the
stylesheet did not extract. Each document's record is a part, made with the document; these files are made
from the parts."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from pathlib import Path

from lxml import etree

from editio.build.exports import SCHEMAS
from editio.build.exports.parts import Kind
from editio.tei.files import atomic_write

JSONL = "documents.jsonl"
NODES = "network/nodes.csv"
EDGES = "network/edges.csv"
SCHEMA = SCHEMAS / "editio-record.schema.json"
KIND = Kind("record", "export/record.xsl", "records", ".xml", published=False)
DATE_ATTRIBUTES = ("when", "notBefore", "notAfter", "from", "to")
LISTS = {  # JSON key: record element
    "sender": "sender", "recipient": "recipient", "intermediaries": "intermediary", "persons": "person",
    "organisations": "organisation", "places": "place-mentioned",
}


def records(parts: list[Path]) -> etree._Element:
    """The records of the documents (each a part made with its document, KIND), in the edition's order."""
    recs = etree.Element("records")
    for part in parts:
        recs.append(etree.parse(str(part)).getroot())
    return recs


def _entity(el: etree._Element) -> dict[str, object]:
    return {"name": (el.text or "").strip(), "kind": el.get("kind"), "ref": el.get("ref"), "uri": el.get("uri")}


def as_json(record: etree._Element) -> dict[str, object]:
    date = record.find("date")
    obj: dict[str, object] = {
        "id": record.get("id"),
        "file": record.get("file"),
        "title": record.findtext("title"),
        "date": None if date is None else {k: date.get(k) for k in DATE_ATTRIBUTES if date.get(k)},
    }
    for key, tag in LISTS.items():
        obj[key] = [_entity(el) for el in record.findall(tag)]
    obj["correspondence_places"] = [{**_entity(el), "action": el.get("role")} for el in record.findall("place")]
    obj["archival_ids"] = [el.text for el in record.findall("archival-id")]
    obj["summary"] = record.findtext("summary")
    obj["source_url"] = record.findtext("source-url")
    obj["web_page"] = record.findtext("web-url")
    return obj


def jsonl(recs: etree._Element) -> str:
    return "".join(json.dumps(as_json(r), ensure_ascii=False, sort_keys=False) + "\n" for r in recs)


def _node_id(el: etree._Element) -> str:
    return el.get("ref") or "name:" + (el.text or "").strip()


def network(recs: etree._Element) -> tuple[str, str]:
    """Nodes: every sender and recipient (person or office); edges: sender → recipient, one row per pair with
    the number of documents (Weight) and their ids and dates. Unknown parties are no node."""
    nodes: dict[str, dict[str, object]] = {}
    edges: dict[tuple[str, str], list[etree._Element]] = defaultdict(list)
    for rec in recs:
        parties = {"sender": rec.findall("sender"), "recipient": rec.findall("recipient")}
        for el in parties["sender"] + parties["recipient"]:
            node = nodes.setdefault(_node_id(el), {"Id": _node_id(el), "Label": (el.text or "").strip(),
                                                   "Kind": el.get("kind"), "Authority": el.get("uri") or "",
                                                   "Sent": 0, "Received": 0})
            node["Sent" if el in parties["sender"] else "Received"] += 1
        for s in parties["sender"]:
            for r in parties["recipient"]:
                edges[(_node_id(s), _node_id(r))].append(rec)
    node_csv = _csv(["Id", "Label", "Kind", "Authority", "Sent", "Received"], nodes.values())
    rows = []
    for n, ((source, target), docs) in enumerate(sorted(edges.items()), 1):
        days = sorted(d.get(k) for d in (r.find("date") for r in docs) if d is not None
                      for k in DATE_ATTRIBUTES if d.get(k))
        rows.append({"Id": f"e{n}", "Source": source, "Target": target, "Type": "Directed", "Weight": len(docs),
                     "Label": f"{len(docs)} document(s)", "Documents": " ".join(r.get("id") for r in docs),
                     "First": days[0] if days else "", "Last": days[-1] if days else ""})
    edge_csv = _csv(["Id", "Source", "Target", "Type", "Weight", "Label", "Documents", "First", "Last"], rows)
    return node_csv, edge_csv


def _csv(columns: list[str], rows) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def write(out: Path, parts: list[Path]) -> list[Path]:
    recs = records(parts)
    node_csv, edge_csv = network(recs)
    written = []
    for name, text in ((JSONL, jsonl(recs)), (NODES, node_csv), (EDGES, edge_csv)):
        atomic_write(out / name, text.encode("utf-8"))
        written.append(out / name)
    return written
