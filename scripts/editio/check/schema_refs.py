"""The other files a schema reads: RELAX NG `include`/`externalRef`, XSD `include`/`import`/`redefine`/
`override`, Schematron `include`/`extends`, XSLT `include`/`import`, and the compact syntax's `include`/
`external`.

A schema is more than its own file: a project's ODD-compiled RELAX NG or its Schematron often pulls in shared
parts. Two things need that whole set — the key under which a verdict is kept (a changed included file must
re-check the files it judges) and a fetched schema's cache (its relative includes must be fetched beside it, or
the fetched copy cannot be used offline).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import urlparse

from lxml import etree

RNG = "http://relaxng.org/ns/structure/1.0"
XSD = "http://www.w3.org/2001/XMLSchema"
SCH = "http://purl.oclc.org/dsdl/schematron"
XSL = "http://www.w3.org/1999/XSL/Transform"
# (namespace, local name, attribute holding the reference)
REFERENCES = (
    (RNG, "include", "href"), (RNG, "externalRef", "href"),
    (XSD, "include", "schemaLocation"), (XSD, "import", "schemaLocation"),
    (XSD, "redefine", "schemaLocation"), (XSD, "override", "schemaLocation"),
    (SCH, "include", "href"), (SCH, "extends", "href"),
    (XSL, "include", "href"), (XSL, "import", "href"),
)
_XPATH = etree.XPath(" | ".join(f"//*[namespace-uri()='{ns}' and local-name()='{name}']/@{attr}"
                                for ns, name, attr in REFERENCES))
_COMPACT = re.compile(r"""^\s*(?:include|[\w.-]+\s*=\s*external|external)\s+(?:"([^"]+)"|'([^']+)')""", re.M)
# an element that may name another file: without one, the schema is not parsed at all (tei_all: 1 MB, no include)
_MAYBE = re.compile(rb"<(?:[\w.-]+:)?(?:include|externalRef|import|redefine|override|extends)[\s/>]")
MAX_FILES = 256  # a schema set larger than this is not followed further


def references(data: bytes, compact: bool = False) -> list[str]:
    """The hrefs a schema's text names, in document order, without fragments; [] for what does not parse."""
    if compact:
        found = [a or b for a, b in _COMPACT.findall(data.decode("utf-8", "replace"))]
    elif not _MAYBE.search(data):
        return []
    else:
        try:
            root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
        except etree.XMLSyntaxError:
            return []
        found = [str(v) for v in _XPATH(root)]
    hrefs = []
    for href in found:
        href = href.split("#", 1)[0].strip()
        if href and href not in hrefs:
            hrefs.append(href)
    return hrefs


def is_local(href: str) -> bool:
    """A relative or file: reference (a remote one is the validator's affair, never followed here)."""
    return urlparse(href).scheme in ("", "file")


@functools.lru_cache(maxsize=256)
def _local_refs(path: str, size: int, mtime: int) -> tuple[str, ...]:
    p = Path(path)
    out = []
    for href in references(p.read_bytes(), compact=p.suffix == ".rnc"):
        if not is_local(href):
            continue
        target = Path(urlparse(href).path) if href.startswith("file:") else p.parent / href
        out.append(str(target.resolve()))
    return tuple(out)


def local_closure(path: Path) -> list[Path]:
    """The schema and every local file it reads, directly or through others, each once, first the schema."""
    seen: dict[str, None] = {}
    todo = [str(path.resolve())]
    while todo and len(seen) < MAX_FILES:
        current = todo.pop(0)
        if current in seen:
            continue
        seen[current] = None
        p = Path(current)
        try:
            st = p.stat()
        except OSError:
            continue
        if p.is_file():
            todo.extend(_local_refs(current, st.st_size, st.st_mtime_ns))
    return [Path(p) for p in seen]
