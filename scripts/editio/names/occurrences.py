"""Where each authority entry occurs: the data the web and print indexes are built from."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from editio.names.authority import KINDS, NS, TEI_NS, XML_NS
from editio.names.normalize import collapse_space

NAME_ELEMENTS = ("persName", "placeName", "orgName", "name", "rs", "repository", "institution", "settlement",
                 "country", "region", "geogName")


@dataclass(frozen=True, slots=True)
class Occurrence:
    ref: str  # per:stalin
    doc: str  # the document's xml:id (doc-1950-09-21-vasilevsky-to-stalin)
    file: str  # file name in tei/
    surface: str  # the words as written
    part: str  # "header" or "text"
    xpath: str  # where in the document
    line: int | None
    place: str | None  # nearest enclosing division or header part: "message", "distribution", "titleStmt" …


def document_files(tei_dir: Path) -> list[Path]:
    """The edition's documents: every tei/*.xml except the authority files."""
    skip = {k.file for k in KINDS}
    return sorted(p for p in Path(tei_dir).glob("*.xml") if p.name not in skip)


def occurrences_in(tree: etree._ElementTree, file: str = "") -> list[Occurrence]:
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    doc = root.get(f"{{{XML_NS}}}id") or file
    xpath = " | ".join(f"//tei:{n}[@ref]" for n in NAME_ELEMENTS)
    out = []
    for el in root.xpath(xpath, namespaces=NS):
        ancestors = list(el.iterancestors())
        part = "header" if any(a.tag == f"{{{TEI_NS}}}teiHeader" for a in ancestors) else "text"
        place = None
        for a in ancestors:
            if a.tag == f"{{{TEI_NS}}}div" and a.get("type"):
                place = a.get("type")
                break
            if a.getparent() is not None and a.getparent().tag in (f"{{{TEI_NS}}}fileDesc",
                                                                   f"{{{TEI_NS}}}profileDesc"):
                place = etree.QName(a).localname
                break
        for ref in el.get("ref", "").split():
            out.append(Occurrence(ref, doc, file, _surface(el), part,
                                  tree.getpath(el) if isinstance(tree, etree._ElementTree) else "", el.sourceline,
                                  place))
    return out


def _surface(el: etree._Element) -> str:
    """The words of a name as written; a line break inside it (lb, a heading wrapped onto the next line) is a
    space between words, not nothing."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node is not el and isinstance(node.tag, str) and etree.QName(node).localname == "lb":
            parts.append(" ")
        elif isinstance(node.tag, str):
            parts.append(node.text or "")
            for child in node:
                walk(child)
        if node is not el:
            parts.append(node.tail or "")

    walk(el)
    return collapse_space("".join(parts))


def occurrences(tei_dir: Path | str, files: Iterable[Path] | None = None) -> dict[str, list[Occurrence]]:
    """ref → its occurrences in all documents of the edition, in file and document order."""
    index: dict[str, list[Occurrence]] = {}
    for path in files if files is not None else document_files(Path(tei_dir)):
        tree = etree.parse(str(path))
        for occ in occurrences_in(tree, path.name):
            index.setdefault(occ.ref, []).append(occ)
    return index
