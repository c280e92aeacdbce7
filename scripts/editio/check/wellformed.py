"""Layer 1: read each file once and parse it with a hardened parser, refusing anything unsafe before parsing.

Unsafe is decided from the bytes, before any XML parser (ours or jing's Xerces) sees them: a DOCTYPE that
declares an external entity (XXE), a parameter entity or an entity whose text refers to other entities
("billion laughs"), or that points at an external DTD, is refused with one clear error, so nothing is ever
fetched and no expansion can blow up. Plain internal entities (&mdash; → "—", common in older TEI) are
expanded, as jing expands them. What is left is parsed by lxml with DTD loading and network access off and
libxml2's size limits on; only files that pass go on to the other layers.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from editio.check.problems import Problem

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
LAYER = "wellformed"

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_ENTITY_DECL = re.compile(r"<!ENTITY\s+(%\s+)?([^\s\"'>]+)\s*(?:(SYSTEM|PUBLIC)\b|\"([^\"]*)\"|'([^']*)')?", re.S)
_ENTITY_REF = re.compile(r"&(?!#)|%")  # a reference to another entity inside a replacement text
MAX_ENTITY_TEXT = 64 * 1024  # all internal replacement texts together, in characters
MAX_EXPANSION = 16 * 1024 * 1024  # characters all entity references of a file may expand to
_local = threading.local()


@dataclass
class Source:
    """One input: a file, or standard input (path None)."""

    display: str  # how reports name it
    path: Path | None
    data: bytes | None = None  # read lazily by read_source unless given (standard input)


@dataclass
class Parsed:
    source: Source
    tree: etree._ElementTree | None = None
    problems: list[Problem] = field(default_factory=list)
    text_lines: list[str] | None = None  # decoded lines, to find columns for our own rules
    entities: bool = False  # the DOCTYPE declares internal entities (jing then names no file for errors in them)
    expanded: bytes | None = None  # the text with its XIncludes expanded (xinclude.py): what the layers judge
    linemap: object | None = None  # xinclude.LineMap: which file and line each line of `expanded` came from

    @property
    def ok(self) -> bool:
        return self.tree is not None

    def same_file(self) -> Path | None:
        """The file another parser (Saxon) may read itself and build the very tree lxml built: read from disk,
        with no DOCTYPE (nothing to fetch or expand) and no XInclude expanded; None otherwise."""
        if self.source.path is None or self.source.data is not None or self.expanded is not None:
            return None
        return None if self.tree is None or self.tree.docinfo.doctype else self.source.path


def _parser() -> etree.XMLParser:
    # lxml parsers must not be shared between threads: one per thread.
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities="internal",  # plain internal entities only: unsafe ones never get here
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            attribute_defaults=False,
            huge_tree=False,  # keep libxml2's limits on depth and node sizes
            remove_blank_text=False,
            collect_ids=False,
        )
        _local.parser = parser
    return parser


def _error(src: Source, line: int, column: int, message: str, rule: str) -> Problem:
    return Problem(src.display, line, column, "error", message, rule, LAYER)


def _decode_for_scan(data: bytes) -> str:
    """Text good enough to find markup in the prolog: every XML markup character is ASCII."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    if data[:2] in (b"<\x00", b"\x00<"):
        return data.decode("utf-16-le" if data[0] == 0x3C else "utf-16-be", errors="replace")
    return data.decode("latin-1")


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _doctype_span(text: str) -> tuple[int, int, int, int] | None:
    """(start, end, subset_start, subset_end) of the DOCTYPE declaration; subset offsets -1 if none."""
    start = text.find("<!DOCTYPE")
    if start < 0:
        return None
    root = re.search(r"<[A-Za-z_]", text)
    if root and root.start() < start:
        return None  # a "<!DOCTYPE" after the root element is character data, not a declaration
    i, n, quote = start + 9, len(text), ""
    sub_start = sub_end = -1
    while i < n:
        c = text[i]
        if quote:
            if c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c == "[" and sub_start < 0:
            sub_start = i + 1
            i = _subset_end(text, i + 1)
            sub_end = i
        elif c == ">":
            return start, i + 1, sub_start, sub_end
        i += 1
    return start, n, sub_start, sub_end


def _subset_end(text: str, i: int) -> int:
    """Offset of the "]" closing an internal subset, skipping quoted strings and comments."""
    n, quote = len(text), ""
    while i < n:
        if quote:
            if text[i] == quote:
                quote = ""
        elif text.startswith("<!--", i):
            close = text.find("-->", i + 4)
            i = n if close < 0 else close + 2
        elif text[i] in "\"'":
            quote = text[i]
        elif text[i] == "]":
            return i
        i += 1
    return n


def unsafe_doctype(src: Source, data: bytes) -> Problem | None:
    """One error for a DOCTYPE that would make a parser fetch or expand something, else None."""
    text = _decode_for_scan(data[: 4 * 1024 * 1024])
    span = _doctype_span(text)
    if span is None:
        return None
    start, end, sub_start, sub_end = span
    line, column = _position(text, start)
    head = text[start:sub_start if sub_start >= 0 else end]
    subset = text[sub_start:sub_end] if sub_start >= 0 else ""
    declared = 0
    for m in _ENTITY_DECL.finditer(subset):
        name = m.group(2)
        eline, ecol = _position(text, sub_start + m.start())
        kind = "parameter entity" if m.group(1) else "entity"
        if m.group(3):
            return _error(src, eline, ecol,
                          f"external {kind} '{name}' declared in the DOCTYPE (XXE): it is not loaded; remove the "
                          "DOCTYPE and write the text into the file", "xml-external-entity")
        value = m.group(4) if m.group(4) is not None else m.group(5)
        declared += len(value or "")
        # A plain internal entity (&mdash; → "—") is harmless and common in older TEI; nesting is what
        # makes an expansion bomb, and parameter entities can rewrite the DTD: both are refused.
        if m.group(1) or value is None or _ENTITY_REF.search(value) or declared > MAX_ENTITY_TEXT:
            why = ("its text refers to other entities, as entity-expansion bombs ('billion laughs') do"
                   if value is not None and _ENTITY_REF.search(value) else
                   "parameter entities are not processed" if m.group(1) else
                   f"the entities' texts exceed {MAX_ENTITY_TEXT} characters" if declared > MAX_ENTITY_TEXT else
                   "its declaration cannot be read")
            return _error(src, eline, ecol, f"{kind} '{name}' declared in the DOCTYPE is not expanded: {why}; "
                          "write the characters directly", "xml-entity-expansion")
    if declared:
        body = _decode_for_scan(data)[end:]
        expanded = sum(len(m.group(4) if m.group(4) is not None else m.group(5) or "") *
                       body.count(f"&{m.group(2)};") for m in _ENTITY_DECL.finditer(subset))
        if expanded > MAX_EXPANSION:
            return _error(src, line, column, f"the entities of this file would expand to {expanded} characters, "
                          f"more than {MAX_EXPANSION}: not expanded; write the characters directly",
                          "xml-entity-expansion")
    m = re.search(r"\b(SYSTEM|PUBLIC)\b(.*)", head, re.S)
    if m:
        target = re.findall(r"\"([^\"]*)\"|'([^']*)'", m.group(2))
        url = next((a or b for a, b in reversed(target)), "") if target else ""
        return _error(src, line, column,
                      f"DOCTYPE points at an external DTD ({url or m.group(1)}): it is not fetched and TEI is "
                      "validated against its schemas, not a DTD; remove the DOCTYPE", "xml-external-dtd")
    return None


def read_source(src: Source, max_bytes: int) -> bytes | Problem:
    if src.data is not None:
        data = src.data
    else:
        assert src.path is not None
        try:
            size = src.path.stat().st_size
            if size > max_bytes:
                return _error(src, 0, 0, f"file is {size} bytes, more than the limit of {max_bytes} bytes "
                              "(raise it with --max-size)", "xml-too-large")
            data = src.path.read_bytes()
        except OSError as exc:
            return Problem(src.display, 0, 0, "error", f"cannot read file: {exc.strerror or exc}", "io-error",
                           LAYER)
    if len(data) > max_bytes:
        return _error(src, 0, 0, f"input is {len(data)} bytes, more than the limit of {max_bytes} bytes "
                      "(raise it with --max-size)", "xml-too-large")
    return data


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS[1:]) or head[:2] in (b"<\x00", b"\x00<"):
        return False  # UTF-16 has NUL bytes by design
    return b"\x00" in head


def parse(src: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> Parsed:
    """Read and parse one source; a Parsed without tree carries the one error that stopped it."""
    got = read_source(src, max_bytes)
    if isinstance(got, Problem):
        return Parsed(src, problems=[got])
    data = got
    if not data.strip():
        return Parsed(src, problems=[_error(src, 1, 1, "file is empty: expected an XML document",
                                            "xml-wellformed")])
    if _looks_binary(data):
        return Parsed(src, problems=[_error(src, 1, 1, "binary content (NUL bytes), not an XML document",
                                            "xml-binary")])
    refused = unsafe_doctype(src, data)
    if refused is not None:
        return Parsed(src, problems=[refused])
    data = _lone_cr_to_lf(data)
    try:
        root = etree.fromstring(data, _parser(), base_url=str(src.path) if src.path else None)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno or 0, exc.offset or 0)
        message = re.sub(r", line \d+, column \d+$", "", exc.msg or str(exc))
        return Parsed(src, problems=[_error(src, line, column, f"not well-formed XML: {message}",
                                            "xml-wellformed")])
    tree = root.getroottree()
    dtd = tree.docinfo.internalDTD
    entities = dtd is not None and next(iter(dtd.iterentities()), None) is not None
    if entities:
        _repair_entity_content(root)
    encoding = tree.docinfo.encoding or "utf-8"
    try:
        text = data.decode(encoding, errors="replace")
    except LookupError:
        text = data.decode("utf-8", errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return Parsed(src, tree=tree, text_lines=text.split("\n"), entities=entities)


def _lone_cr_to_lf(data: bytes) -> bytes:
    """Old Mac line ends (CR alone): XML reads them as LF, and so do jing's line numbers, but libxml2's line
    numbers do not count them; normalising first (as the XML spec does) keeps every layer's lines jing's."""
    if b"\r" not in data or not re.search(rb"\r(?!\n)", data):
        return data
    for bom, codec in _BOMS[1:]:
        if data.startswith(bom):
            text = data[len(bom):].decode(codec).replace("\r\n", "\n").replace("\r", "\n")
            return bom + text.encode(codec)
    if data[:2] in (b"<\x00", b"\x00<"):
        codec = "utf-16-le" if data[0] == 0x3C else "utf-16-be"
        return data.decode(codec).replace("\r\n", "\n").replace("\r", "\n").encode(codec)
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def _repair_entity_content(root: etree._Element) -> None:
    """Elements that libxml2 built from an entity's replacement text lose their default namespace (their tag
    has none though the namespace is in scope) and carry line numbers counted inside the entity. Give them
    the in-scope namespace, as every other XML parser does, and the line of the element holding the reference."""
    repaired: set[etree._Element] = set()
    for elem in root.iter():
        if not isinstance(elem.tag, str) or elem.tag.startswith("{"):
            continue
        uri = elem.nsmap.get(None)
        if not uri:
            continue  # truly in no namespace (xmlns="")
        elem.tag = f"{{{uri}}}{elem.tag}"
        repaired.add(elem)
        holder = elem.getparent()
        while holder is not None and holder in repaired:
            holder = holder.getparent()
        if holder is not None and holder.sourceline:
            elem.sourceline = holder.sourceline
