"""TEI vocabulary shared by every stage: the namespace, element makers, text helpers."""

from __future__ import annotations

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NS = {"tei": TEI_NS}


def q(name: str) -> str:
    """Clark name of a TEI element: q('persName') → '{http://www.tei-c.org/ns/1.0}persName'."""
    return f"{{{TEI_NS}}}{name}"


XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"


def el(tag: str, attrib: dict[str, str] | None = None, text: str | None = None, parent=None) -> etree._Element:
    """A TEI element (optionally appended to parent) with attributes in document order and optional text."""
    attrs = {(XML_ID if k == "xml:id" else XML_LANG if k == "xml:lang" else k): v for k, v in (attrib or {}).items()}
    if parent is not None:
        e = etree.SubElement(parent, q(tag), attrs)
    else:
        e = etree.Element(q(tag), attrs, nsmap={None: TEI_NS})
    if text is not None:
        e.text = text
    return e


def append_text(parent: etree._Element, text: str) -> None:
    """Append text at the end of parent's content (its text, or the tail of its last child)."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
