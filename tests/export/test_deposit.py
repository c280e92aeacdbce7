"""The deposit package: a BagIt bag that bagit validates, holding every TEI file, the schemas, the README, the
licence, a valid CITATION.cff and the whole edition as one teiCorpus valid against tei_all."""

from __future__ import annotations

import shutil

import yaml
from lxml import etree

from editio.build.exports import SCHEMAS, deposit, validate

from .conftest import BASE, NS, TEI, doc_id


def test_the_bag_is_valid_and_holds_the_edition(seed_edition, seed_exports):
    bag = seed_exports / deposit.FOLDER
    assert validate.bag(bag) == []
    data = bag / "data"
    tei_files = [*seed_edition.documents(), *deposit.authority_files(seed_edition)]
    assert sorted(p.name for p in (data / "tei").iterdir()) == sorted(p.name for p in tei_files)
    for path in tei_files:
        assert (data / "tei" / path.name).read_bytes() == path.read_bytes()
    assert sorted(p.name for p in (data / "schema").iterdir()) == sorted(p.name for p in SCHEMAS.iterdir())
    for name in ("README.md", deposit.LICENCE, deposit.CITATION, deposit.CORPUS):
        assert (data / name).is_file(), name
    assert "Creative Commons Attribution 4.0 International Public License" in (data / deposit.LICENCE).read_text()
    info = (bag / "bag-info.txt").read_text(encoding="utf-8")
    assert "Source-Organization: editio" in info and "Payload-Oxum:" in info


def test_a_changed_file_fails_the_bag(seed_exports, tmp_path):
    bag = tmp_path / "bag"
    shutil.copytree(seed_exports / deposit.FOLDER, bag)
    victim = next((bag / "data" / "tei").glob("1950-*.xml"))
    victim.write_text(victim.read_text(encoding="utf-8").replace("Stalin", "Stalyn", 1), encoding="utf-8")
    assert validate.bag(bag)


def test_the_citation_is_valid_cff_and_says_what_the_settings_say(seed_edition, seed_exports, published_exports):
    for out in (seed_exports, published_exports):
        assert validate.citation_cff(out / deposit.FOLDER / "data" / deposit.CITATION) == []
    cff = yaml.safe_load((seed_exports / deposit.FOLDER / "data" / deposit.CITATION).read_text(encoding="utf-8"))
    assert cff["title"] == seed_edition.title and cff["type"] == "dataset" and cff["license"] == "CC-BY-4.0"
    assert [a["name"] for a in cff["authors"]] == seed_edition.settings["editors"]
    assert "url" not in cff  # no base URL yet: no address invented
    published = yaml.safe_load((published_exports / deposit.FOLDER / "data" / deposit.CITATION).read_text("utf-8"))
    assert published["url"] == BASE


def test_a_broken_citation_is_caught(tmp_path):
    bad = tmp_path / "CITATION.cff"
    bad.write_text("cff-version: 1.2.0\nmessage: x\ntitle: x\nauthors: []\nlicense: CC-BY-4\n", encoding="utf-8")
    assert validate.citation_cff(bad)


def test_the_corpus_wraps_every_document_under_one_header(seed_edition, seed_exports):
    corpus = seed_exports / deposit.FOLDER / "data" / deposit.CORPUS
    assert validate.relaxng([corpus]) == []
    root = etree.parse(str(corpus)).getroot()
    assert root.tag == f"{{{TEI}}}teiCorpus"
    assert root.findtext("t:teiHeader/t:fileDesc/t:titleStmt/t:title", namespaces=NS) == seed_edition.title
    members = [t.get("{http://www.w3.org/XML/1998/namespace}id") for t in root.findall("t:TEI", NS)]
    documents = [doc_id(p) for p in seed_edition.documents()]
    assert members == [*documents, "persons", "places", "orgs"]
    quantity = root.find("t:teiHeader/t:fileDesc/t:extent/t:measure", NS).get("quantity")
    assert int(quantity) == len(documents)
