"""CMIF for correspSearch: cmif.xml by xslt/export/cmif.xsl, checked against tei_all, the SIG's own RELAX NG
(schema/cmi-customization.rng) and the specification's rules (schema/cmif.sch). Each document's correspDesc is a
part (KIND), made with the document; cmif.xml is made from the parts."""

from __future__ import annotations

import uuid
from pathlib import Path

from editio.build.exports import SCHEMAS, documents_param
from editio.build.exports.parts import Kind
from editio.build.xslt import Stylesheets
from editio.edition import Edition

FILE = "cmif.xml"
SCH = SCHEMAS / "cmif.sch"
RNG = SCHEMAS / "cmi-customization.rng"
KIND = Kind("cmif", "export/cmif.xsl", "cmif", ".xml", published=False)
UNPUBLISHED = "unpublished"  # the Schematron phase without the rules that need the file's published address


def bibl_id(edition: Edition) -> str:
    """A stable UUID for the edition's bibl (CMIF: "a 'static' UUID … not re-generated every time"): UUID 5 of
    the edition's address, else its title. xml:id must be an NCName, so a UUID that would start with a digit is
    replaced by the next one of the same seed ("seed#1", "seed#2" …) — still a UUID, still always the same."""
    seed = edition.base_url or edition.title
    for n in range(1000):
        candidate = str(uuid.uuid5(uuid.NAMESPACE_URL, seed if n == 0 else f"{seed}#{n}"))
        if candidate[0].isalpha():
            return candidate
    raise AssertionError("no UUID starting with a letter in 1000 tries")  # 6/16 chance each: never happens


def params(edition: Edition) -> dict[str, object]:
    return {"cmif-bibl-id": bibl_id(edition), "cmif-file": FILE}


def write(edition: Edition, sheets: Stylesheets, path: Path, parts: list[Path]) -> Path:
    """cmif.xml from the documents' parts, in the edition's order."""
    sheets.call("export/cmif.xsl", output=path, parts=documents_param(parts), **params(edition))
    return path


def phase(edition: Edition) -> str | None:
    """All rules once the edition has an address; without one, all but the address rules (see cmif.sch)."""
    return None if edition.base_url else UNPUBLISHED
