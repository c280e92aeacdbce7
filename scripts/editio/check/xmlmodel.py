"""The schemas a file declares in `<?xml-model?>` processing instructions (W3C "Associating Schemas with XML
documents 1.0").

This is how Oxygen, TEI Publisher, ELTeC, DraCor and most TEI projects say which customisation judges a file,
so it is what a file must be checked against: judging an ELTeC novel by tei_all reports its valid extension
elements as errors. The schema language comes from `schematypens` (the namespace of the schema language), else
from `type` (the compact syntax has its own media type), else from the file name's extension, as Oxygen does.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
SCH1_NS = "http://www.ascc.net/xml/schematron"
XSD_NS = "http://www.w3.org/2001/XMLSchema"

# schematypens → the kind of schema we run ("rng", "rnc", "schematron", "xsd"); data, not an if-chain
KIND_BY_NAMESPACE = {RNG_NS: "rng", SCH_NS: "schematron", SCH1_NS: "schematron", XSD_NS: "xsd"}
KIND_BY_TYPE = {"application/relax-ng-compact-syntax": "rnc"}
KIND_BY_EXTENSION = {".rng": "rng", ".rnc": "rnc", ".sch": "schematron", ".xsd": "xsd"}
# Oxygen's own older PI (`<?oxygen RNGSchema="…" type="xml"?>`, still in EpiDoc and papyri.info files)
OXYGEN_KINDS = {("RNGSchema", "xml"): "rng", ("RNGSchema", "compact"): "rnc", ("SCHSchema", None): "schematron"}
KIND_NAMES = {"rng": "RELAX NG", "rnc": "RELAX NG compact", "schematron": "Schematron", "xsd": "XML Schema"}


@dataclass(frozen=True)
class Declaration:
    """One `<?xml-model?>`: what it points at, in which schema language, and where it stands in the file."""

    href: str
    kind: str | None  # "rng" | "rnc" | "schematron" | "xsd"; None when the language cannot be told
    line: int
    phase: str | None = None  # Schematron phase (#ALL, #DEFAULT or a phase id)
    schematypens: str | None = None
    type: str | None = None

    @property
    def remote(self) -> bool:
        return "://" in self.href and not self.href.startswith("file:")


def kind_of(href: str, schematypens: str | None, media_type: str | None) -> str | None:
    if schematypens:
        return KIND_BY_NAMESPACE.get(schematypens.strip())
    if media_type and media_type.strip() in KIND_BY_TYPE:
        return KIND_BY_TYPE[media_type.strip()]
    path = href.split("#", 1)[0].split("?", 1)[0].lower()
    return next((kind for ext, kind in KIND_BY_EXTENSION.items() if path.endswith(ext)), None)


def declarations(tree: etree._ElementTree | etree._Element) -> list[Declaration]:
    """Every xml-model PI in the prolog (before the root element: the only place the W3C note allows), in order;
    Oxygen's older `<?oxygen RNGSchema=… SCHSchema=…?>` counts the same."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    found = []
    for node in reversed(list(root.itersiblings(preceding=True))):
        if not isinstance(node, etree._ProcessingInstruction):
            continue
        if node.target == "oxygen":
            found += _oxygen(node)
            continue
        if node.target == "xml-model":
            found += _xml_model(node)
    return found


def _xml_model(node) -> list[Declaration]:
    attrib = node.attrib
    href = (attrib.get("href") or "").strip()
    if not href:
        return []
    return [Declaration(href=href, kind=kind_of(href, attrib.get("schematypens"), attrib.get("type")),
                        line=node.sourceline or 0, phase=attrib.get("phase"),
                        schematypens=attrib.get("schematypens"), type=attrib.get("type"))]


def _oxygen(node) -> list[Declaration]:
    attrib = node.attrib
    found = []
    for (name, syntax), kind in OXYGEN_KINDS.items():
        href = (attrib.get(name) or "").strip()
        if href and (syntax is None or (attrib.get("type") or "xml") == syntax):
            found.append(Declaration(href=href, kind=kind, line=node.sourceline or 0, phase=attrib.get("phase")))
    return found
