"""The print edition of the bundled corpus, built once per test session, and the PDF read back."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from editio.build import pdf
from editio.edition import Edition, load

REPO = Path(__file__).resolve().parents[2]
TEI = {"tei": "http://www.tei-c.org/ns/1.0"}


@dataclass
class Built:
    edition: Edition
    out: Path
    files: list[Path]

    @property
    def volume(self) -> Path:
        return self.out / "edition.pdf"

    def pages_xml(self) -> etree._Element:
        return etree.parse(str(self.out / "pages.xml")).getroot()


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Built:
    edition = load(REPO)
    out = tmp_path_factory.mktemp("pdf")
    return Built(edition, out, pdf.run(edition, out))


@pytest.fixture(scope="session")
def page_texts(built) -> list[str]:
    """The text of each page of the volume (index 0 = page 1), without the note marks (small raised characters)."""
    import pdfplumber

    with pdfplumber.open(built.volume) as doc:
        return [page.filter(lambda o: o.get("object_type") != "char" or o["size"] >= 7).extract_text() or ""
                for page in doc.pages]


def letters(text: str) -> str:
    """Letters and digits only, lower case, diacritics and apostrophes' kinds removed: text compared across line
    breaks, hyphenation and typography."""
    text = unicodedata.normalize("NFD", text)
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in text if not unicodedata.combining(c)).lower())


def block_text(el: etree._Element) -> str:
    """The text of a TEI block as it stands in the line (notes go to the foot of the page; a correction by the
    edition is given in a note)."""
    return " ".join(el.xpath(".//text()[not(ancestor::tei:note or ancestor::tei:corr)]", namespaces=TEI))
