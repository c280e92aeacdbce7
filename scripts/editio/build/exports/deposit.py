"""The deposit package for Zenodo or an institutional repository: a BagIt bag (made by the `bagit` library)
holding tei/ (documents and authority files), the schemas, the README, the licence, a CITATION.cff and corpus.xml,
the whole edition as one teiCorpus (xslt/export/corpus.xsl)."""

from __future__ import annotations

import shutil
from pathlib import Path

import bagit
import click
import yaml
from lxml import etree

from editio.build.exports import SCHEMAS, documents_param
from editio.build.xslt import Stylesheets
from editio.edition import Edition

FOLDER = "deposit"
CORPUS = "corpus.xml"
CITATION = "CITATION.cff"
LICENCE = "LICENCE.txt"
LEGAL_CODE = {"https://creativecommons.org/licenses/by/4.0/": Path(__file__).with_name("CC-BY-4.0.txt")}
SPDX = {"https://creativecommons.org/licenses/by/4.0/": "CC-BY-4.0",
        "https://creativecommons.org/publicdomain/zero/1.0/": "CC0-1.0"}
TEI_NS = "http://www.tei-c.org/ns/1.0"


def authority_files(edition: Edition) -> list[Path]:
    return [edition.tei / name for name in dict.fromkeys(edition.prefixes.values()) if (edition.tei / name).is_file()]


def citation(edition: Edition, released: str) -> dict[str, object]:
    """CITATION.cff (Citation File Format 1.2.0) from the edition's settings."""
    settings = edition.settings
    cff: dict[str, object] = {
        "cff-version": "1.2.0",
        "message": "If you use these data, please cite them as below.",
        "type": "dataset",
        "title": edition.title,
        "authors": [{"name": str(name)} for name in settings["editors"] or [settings["publisher"] or edition.title]],
        "date-released": released,
    }
    if settings["subtitle"]:
        cff["abstract"] = str(settings["subtitle"])
    licence_url = str(settings["licence_url"])
    if licence_url in SPDX:
        cff["license"] = SPDX[licence_url]
    elif licence_url:
        cff["license-url"] = licence_url
    if edition.base_url:
        cff["url"] = edition.base_url
    return cff


def licence_text(edition: Edition) -> str:
    settings = edition.settings
    text = (f"{edition.title}\n\nThe TEI encoding of this edition and the data made from it are licensed under "
            f"{settings['licence']} ({settings['licence_url']}). Each document states the rights of its source in "
            "its header (publicationStmt/availability).\n")
    legal = LEGAL_CODE.get(str(settings["licence_url"]))
    return text + ("\n" + legal.read_text(encoding="utf-8") if legal else "")


def write(edition: Edition, sheets: Stylesheets, out: Path) -> list[Path]:
    bag_dir = out / FOLDER
    if bag_dir.exists():
        shutil.rmtree(bag_dir)
    (bag_dir / "tei").mkdir(parents=True)
    for path in [*edition.documents(), *authority_files(edition)]:
        shutil.copy2(path, bag_dir / "tei" / path.name)
    shutil.copytree(SCHEMAS, bag_dir / "schema")
    readme = edition.root / "README.md"
    if readme.is_file():
        shutil.copy2(readme, bag_dir / "README.md")
    else:
        click.echo(f"warning: {readme} does not exist: the deposit has no README")
    sheets.call("export/corpus.xsl", output=bag_dir / CORPUS, documents=documents_param(edition.documents()),
                **{"authority-files": documents_param(authority_files(edition))})
    released = etree.parse(str(bag_dir / CORPUS)).findtext(
        f"{{{TEI_NS}}}teiHeader/{{{TEI_NS}}}fileDesc/{{{TEI_NS}}}publicationStmt/{{{TEI_NS}}}date")
    (bag_dir / CITATION).write_text(yaml.safe_dump(citation(edition, released), sort_keys=False, allow_unicode=True),
                                    encoding="utf-8")
    (bag_dir / LICENCE).write_text(licence_text(edition), encoding="utf-8")
    bag = bagit.make_bag(str(bag_dir), bag_info={
        "Source-Organization": str(edition.settings["publisher"] or edition.title),
        "External-Description": f"{edition.title}: TEI P5 documents, authority files, schemas, teiCorpus",
        **({"External-Identifier": edition.base_url} if edition.base_url else {}),
    }, checksums=["sha256"], processes=1)
    return [Path(bag.path) / name for name in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt")] + \
        [bag_dir / rel for rel in sorted(bag.payload_files())]
