"""Find the lxml node that an fn:path() string names, to read its line number.

SaxonC-HE has no saxon:line-number(), so the stylesheet reports fn:path() of each context node and we walk
the same tree in lxml (Saxon parsed a serialisation of this very lxml tree, so positions agree).
fn:path() steps: ``Q{uri}local[n]`` (element), ``@local`` / ``@Q{uri}local`` (attribute), ``text()[n]``,
``comment()[n]``, ``processing-instruction(name)[n]``, ``namespace::prefix``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

_STEP = re.compile(
    r"""(?P<elem>Q\{(?P<euri>[^}]*)\}(?P<elocal>[^/\[]+)\[(?P<epos>\d+)\])
      | (?P<attr>@(?:Q\{(?P<auri>[^}]*)\})?(?P<alocal>[^/\[]+))
      | (?P<text>text\(\)\[(?P<tpos>\d+)\])
      | (?P<comment>comment\(\)\[(?P<cpos>\d+)\])
      | (?P<pi>processing-instruction\((?P<pname>[^)]*)\)\[(?P<ppos>\d+)\])
      | (?P<ns>namespace::.*)""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Located:
    line: int
    element: etree._Element | None


def _children(parent: etree._Element | None, top: list[etree._Element]) -> list[etree._Element]:
    return top if parent is None else list(parent)


def _text_line(parent: etree._Element | None, top: list[etree._Element], pos: int) -> int:
    """Line of the n-th text node child: that of the element whose .text or .tail holds it."""
    if parent is None:
        return 0
    n = 0
    if parent.text:
        n += 1
        if n == pos:
            return parent.sourceline or 0
    for child in parent:
        if child.tail:
            n += 1
            if n == pos:
                return child.sourceline or parent.sourceline or 0
    return parent.sourceline or 0


def top_level(root: etree._Element) -> list[etree._Element]:
    """The document node's children: the element plus, for a whole document, its top-level comments/PIs."""
    if root.getparent() is not None:
        return [root]
    return [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]


def locate(path: str, top: list[etree._Element]) -> Located:
    """Resolve a fn:path() string against a document whose top-level nodes are `top` (see top_level).

    Unknown or unmatched steps stop the walk at the deepest node found (its line is still the best known);
    the document node itself counts as line 1.
    """
    current: etree._Element | None = None
    rest = path[1:] if path.startswith("/") else path
    while rest:
        m = _STEP.match(rest)
        if not m:
            break
        rest = rest[m.end():]
        rest = rest[1:] if rest.startswith("/") else rest
        if m.group("elem"):
            uri, local, pos = m.group("euri"), m.group("elocal"), int(m.group("epos"))
            tag = f"{{{uri}}}{local}" if uri else local
            found = [c for c in _children(current, top) if isinstance(c.tag, str) and c.tag == tag]
            if len(found) < pos:
                break
            current = found[pos - 1]
        elif m.group("comment"):
            found = [c for c in _children(current, top) if isinstance(c, etree._Comment)]
            pos = int(m.group("cpos"))
            if len(found) >= pos:
                return Located(found[pos - 1].sourceline or 0, found[pos - 1])
            break
        elif m.group("pi"):
            name = m.group("pname").strip("'\"")  # fn:path() writes it bare, other engines quoted
            found = [c for c in _children(current, top)
                     if isinstance(c, etree._ProcessingInstruction) and c.target == name]
            pos = int(m.group("ppos"))
            if len(found) >= pos:
                return Located(found[pos - 1].sourceline or 0, found[pos - 1])
            break
        elif m.group("text"):
            return Located(_text_line(current, top, int(m.group("tpos"))), current)
        else:  # attribute or namespace node: the line of its element
            break
    if current is None:
        return Located(1, None)
    return Located(current.sourceline or 0, current)
