"""XInclude: a file assembled from others (`xi:include`) is judged as its readers see it, with every finding
placed in the file that holds the offending line.

EpiDoc corpora such as I.Sicily include their authority lists this way: the files fail every schema until the
includes are expanded. Expansion is textual: the included element's own text (found by its tag span, so it
keeps its line breaks and columns) replaces the `xi:include` element, set on lines of its own and indented
to its original column. A `LineMap` then says, for each line of the expanded text, which file and line it came
from, so jing's, the Schematron engine's and xmlschema's lines map back exactly.

Safely: only local files (never a remote href), only inside the allowed folders (the project's, by default),
each included file passing the same hardened parser, at most MAX_DEPTH levels deep, never a loop, the whole
expansion within --max-size. `parse="text"`, `encoding`, `xpointer` (a shorthand id, `element(id)`,
`element(id/1/2)`, `element(/1/2)`, `xpointer(id('…'))`), same-document includes (href="" with an xpointer)
and `xi:fallback` are supported. Base URI fixup (XInclude §4.5.5) is done as xmllint and Xerces do it: an
element included from another file gets `xml:base` with the href it came by (joined with its own xml:base, if it
had one), so relative pointers in it (`@facs`, `@target`, `@url`) keep resolving against where it was written.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from lxml import etree

from editio.check.problems import Problem
from editio.check.wellformed import Parsed, Source, parse

XI_NS = "http://www.w3.org/2001/XInclude"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
XINCLUDE = f"{{{XI_NS}}}include"
FALLBACK = f"{{{XI_NS}}}fallback"
LAYER = "xinclude"
MAX_DEPTH = 8
PROJECT_MARKERS = (".git", "edition.toml")

# markup whose text is not elements: masked (same length, newlines kept) before tags are looked for
_NOT_TAGS = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>", re.S)
_TAG = re.compile(r"""<(/?)([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(/?)>""")
_SHORTHAND = re.compile(r"^[A-Za-z_][\w.-]*$")
_ELEMENT_SCHEME = re.compile(r"^element\(([^)]*)\)$")
_XPOINTER_ID = re.compile(r"""^xpointer\(id\(['"]([^'"]+)['"]\)\)$""")


class IncludeError(Exception):
    """An include that cannot be expanded; rule is the problem's rule id."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule


@dataclass(frozen=True)
class Run:
    """Lines first..first+count-1 of the expanded text come from `display`, starting at its line `origin`;
    `via` is the chain of includes that brought them, outermost first: ((file, line), …)."""

    first: int
    count: int
    display: str
    origin: int
    via: tuple[tuple[str, int], ...] = ()


@dataclass
class LineMap:
    runs: list[Run] = field(default_factory=list)

    def add(self, run: Run) -> None:
        if run.count > 0:
            self.runs.append(run)

    def where(self, line: int) -> tuple[str, int, tuple[tuple[str, int], ...]] | None:
        starts = [r.first for r in self.runs]
        i = bisect_right(starts, line) - 1
        if i < 0:
            return None
        r = self.runs[i]
        if line >= r.first + r.count:
            return None
        return r.display, r.origin + (line - r.first), r.via


def has_includes(parsed: Parsed) -> bool:
    return parsed.tree is not None and next(parsed.tree.getroot().iter(XINCLUDE), None) is not None


def project_folder(path: Path) -> Path:
    """The nearest folder above `path` that marks a project (.git, edition.toml), else the file's own folder."""
    for folder in path.resolve().parents:
        if any((folder / marker).exists() for marker in PROJECT_MARKERS):
            return folder
    return path.resolve().parent


def _mask(text: str) -> str:
    return _NOT_TAGS.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def element_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end of start tag, end) offsets of every element, in document order."""
    masked = _mask(text)
    spans: list[list[int]] = []
    stack: list[int] = []
    for m in _TAG.finditer(masked):
        if m.group(1):
            if stack:
                spans[stack.pop()][2] = m.end()
            continue
        spans.append([m.start(), m.end(), m.end()])
        if not m.group(4):
            stack.append(len(spans) - 1)
    return [(a, b, c) for a, b, c in spans]


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1)


@dataclass
class _Doc:
    """One file's text, tree and map, expanded."""

    text: str
    tree: etree._ElementTree
    map: LineMap


class Expander:
    def __init__(self, roots: list[Path], max_bytes: int) -> None:
        self.roots = [r.resolve() for r in roots]
        self.max_bytes = max_bytes
        self.problems: list[Problem] = []

    # ------------------------------------------------------------------------------------------- files

    def expand_file(self, display: str, path: Path | None, text: str, tree: etree._ElementTree,
                    via: tuple[tuple[str, int], ...], chain: tuple[Path, ...]) -> _Doc:
        lines = text.count("\n") + 1
        identity = LineMap([Run(1, lines, display, 1, via)])
        elements = [e for e in tree.getroot().iter() if isinstance(e.tag, str)]
        spans = element_spans(text)
        includes = [i for i, e in enumerate(elements) if e.tag == XINCLUDE
                    and not any(a.tag == XINCLUDE for a in e.iterancestors())]
        if not includes:
            return _Doc(text, tree, identity)
        if len(spans) != len(elements):
            raise IncludeError("xinclude-unsupported", f"{display}: the elements of this file cannot be matched to "
                               "its text (markup made by entities?): its includes are not expanded")
        pieces: list[str] = []
        out = LineMap()
        at, line_out = 0, 1  # offset in text, first line of the next piece in the output
        for index in includes:
            elem = elements[index]
            start, _, end = spans[index]
            xi_line, xi_col = _line_col(text, start)
            head = text[at:start]
            pieces.append(head)
            first_line = _line_col(text, at)[0]
            out.add(Run(line_out, head.count("\n") + 1, display, first_line, via))
            line_out += head.count("\n")
            try:
                replacement = self._replacement(display, path, elem, (*via, (display, xi_line)), chain,
                                                _Doc(text, tree, identity))
            except IncludeError as exc:
                self.problems.append(Problem(display, xi_line, xi_col + 1, "error", str(exc), exc.rule, LAYER))
                replacement = None
            if replacement is not None:
                rtext, rmap, rcol = replacement
                pieces.append("\n" + " " * rcol + rtext + "\n" + " " * _line_col(text, end)[1])
                for r in rmap.runs:
                    out.add(Run(line_out + r.first, r.count, r.display, r.origin, r.via))
                line_out += rtext.count("\n") + 2
            at = end
        tail = text[at:]
        pieces.append(tail)
        out.add(Run(line_out, tail.count("\n") + 1, display, _line_col(text, at)[0], via))
        expanded = "".join(pieces)
        if len(expanded.encode("utf-8")) > self.max_bytes:
            raise IncludeError("xinclude-too-large", f"{display}: with its includes expanded it is larger than "
                               f"{self.max_bytes} bytes (raise --max-size)")
        return _Doc(expanded, tree, _merge(out))

    def _replacement(self, display: str, path: Path | None, elem: etree._Element,
                     via: tuple[tuple[str, int], ...], chain: tuple[Path, ...],
                     here: _Doc) -> tuple[str, LineMap, int] | None:
        href = elem.get("href") or ""
        parse_as = elem.get("parse") or "xml"
        if parse_as not in ("xml", "text"):
            raise IncludeError("xinclude-unsupported", f'xi:include parse="{parse_as}": only "xml" and "text"')
        if not href:
            return self._same_document(elem, here, display)
        base = path.resolve().as_uri() if path else Path.cwd().as_uri() + "/"
        url = urljoin(base, href)
        if urlparse(url).scheme != "file":
            raise IncludeError("xinclude-remote", f'xi:include href="{href}" is remote: never fetched')
        target = Path(unquote(urlparse(url).path)).resolve()
        if not any(target.is_relative_to(root) for root in self.roots):
            raise IncludeError("xinclude-outside", f'xi:include href="{href}" points outside the project folder '
                               f"({', '.join(map(str, self.roots))}): not read; allow it with --xinclude-root")
        if target in chain:
            raise IncludeError("xinclude-loop", f'xi:include href="{href}" includes a file that includes it')
        if len(via) > MAX_DEPTH:
            raise IncludeError("xinclude-depth", f"includes nested more than {MAX_DEPTH} deep: not expanded")
        shown = _shown(display, path, target)
        if not target.is_file():
            fallback = elem.find(FALLBACK)
            if fallback is not None:
                return self._fallback(fallback, display)
            raise IncludeError("xinclude-missing", f'xi:include href="{href}": {shown} does not exist')
        if parse_as == "text":
            return self._text(target, elem.get("encoding") or "utf-8", shown, via)
        parsed = parse(Source(shown, target), self.max_bytes)
        if parsed.tree is None:
            first = parsed.problems[0]
            raise IncludeError("xinclude-wellformed", f"{first.message} (in {shown}:{first.line}:{first.column})")
        text = "\n".join(parsed.text_lines or [])
        doc = self.expand_file(shown, target, text, parsed.tree, via, (*chain, target))
        if doc.text is not text:
            doc.tree = etree.fromstring(doc.text.encode("utf-8"), _parser()).getroottree()
        return self._select(doc, elem.get("xpointer"), shown, base=href)

    def _same_document(self, elem: etree._Element, here: _Doc, display: str) -> tuple[str, LineMap, int]:
        """href="" with an xpointer: an element of this very file (as written), e.g. a shared note repeated."""
        xpointer = elem.get("xpointer")
        if not xpointer or (elem.get("parse") or "xml") != "xml":
            raise IncludeError("xinclude-unsupported", 'xi:include href="" needs an xpointer into this same '
                               'document (and parse="xml")')
        target = _point(here.tree, xpointer, display)
        if target is elem or any(a is target for a in elem.iterancestors()):
            raise IncludeError("xinclude-loop", f'xi:include xpointer="{xpointer}" includes an element that holds '
                               "the include itself")
        if next(target.iter(XINCLUDE), None) is not None:
            raise IncludeError("xinclude-unsupported", f'xi:include xpointer="{xpointer}": the element it points '
                               "at holds includes of its own, which a same-document include does not expand")
        return self._select(here, xpointer, display)

    def _text(self, target: Path, encoding: str, shown: str, via) -> tuple[str, LineMap, int]:
        try:
            data = target.read_bytes()
        except OSError as exc:
            raise IncludeError("xinclude-missing", f"cannot read {shown}: {exc.strerror or exc}") from exc
        if len(data) > self.max_bytes:
            raise IncludeError("xinclude-too-large", f"{shown} is larger than {self.max_bytes} bytes")
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise IncludeError("xinclude-wellformed", f"{shown} cannot be read as {encoding}: {exc}") from exc
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return escaped, LineMap([Run(1, escaped.count("\n") + 1, shown, 1, via)]), 0

    def _fallback(self, fallback: etree._Element, display: str) -> tuple[str, LineMap, int] | None:
        # the fallback's content is already in this file: shown as written, its lines are this file's
        content = (fallback.text or "") + "".join(etree.tostring(c, encoding="unicode") for c in fallback)
        if not content.strip():
            return None
        line = fallback.sourceline or 0
        return content, LineMap([Run(1, content.count("\n") + 1, display, line)]), 0

    def _select(self, doc: _Doc, xpointer: str | None, shown: str,
                base: str | None = None) -> tuple[str, LineMap, int]:
        elements = [e for e in doc.tree.getroot().iter() if isinstance(e.tag, str)]
        spans = element_spans(doc.text)
        if len(spans) != len(elements):
            raise IncludeError("xinclude-unsupported", f"{shown}: its elements cannot be matched to its text")
        target = doc.tree.getroot() if not xpointer else _point(doc.tree, xpointer, shown)
        index = elements.index(target)
        start, _, end = spans[index]
        line, col = _line_col(doc.text, start)
        snippet = doc.text[start:end]
        declare = _missing_namespaces(target)
        if base is not None:
            snippet, declare = _fix_base(snippet, target, base, declare)
        if declare:
            name_end = re.match(r"<[^\s/>]+", snippet).end()
            snippet = snippet[:name_end] + declare + snippet[name_end:]
        lines = snippet.count("\n") + 1
        runs = LineMap()
        for r in doc.map.runs:
            lo, hi = max(r.first, line), min(r.first + r.count, line + lines)
            if lo < hi:
                runs.add(Run(lo - line + 1, hi - lo, r.display, r.origin + (lo - r.first), r.via))
        return snippet, runs, col


def _point(tree: etree._ElementTree, xpointer: str, shown: str) -> etree._Element:
    """The element an XPointer names: shorthand id, element() scheme, or xpointer(id('…'))."""
    pointer = xpointer.strip()
    m = _XPOINTER_ID.match(pointer)
    ident, steps = (m.group(1), []) if m else (None, [])
    if ident is None and _SHORTHAND.match(pointer):
        ident = pointer
    elif ident is None:
        em = _ELEMENT_SCHEME.match(pointer)
        if not em:
            raise IncludeError("xinclude-xpointer", f'xpointer="{xpointer}": only shorthand ids, element() and '
                               "xpointer(id('…')) are supported")
        first, *steps = em.group(1).split("/")
        ident = first or None
    if ident is not None:
        found = tree.getroot().xpath("//*[@xml:id=$i or @id=$i]", i=ident)
        if not found:
            raise IncludeError("xinclude-xpointer", f'xpointer="{xpointer}": {shown} has no element with id "{ident}"')
        node = found[0]
    else:
        node = None
    for step in steps:
        children = [c for c in (node if node is not None else [tree.getroot()]) if isinstance(c.tag, str)]
        if not step.isdigit() or not 0 < int(step) <= len(children):
            raise IncludeError("xinclude-xpointer", f'xpointer="{xpointer}": no child {step} in {shown}')
        node = children[int(step) - 1]
    if node is None:
        raise IncludeError("xinclude-xpointer", f'xpointer="{xpointer}" names no element')
    return node


def _missing_namespaces(elem: etree._Element) -> str:
    """Namespace declarations the element relies on from its ancestors, written out for its new place."""
    parent = elem.getparent()
    if parent is None:
        return ""
    inherited = parent.nsmap
    own = {k: v for k, v in elem.nsmap.items() if inherited.get(k) != v}
    needed = {k: v for k, v in elem.nsmap.items() if k not in own}
    declare = "".join(f' xmlns="{v}"' if k is None else f' xmlns:{k}="{v}"' for k, v in needed.items())
    if None not in elem.nsmap:
        declare += ' xmlns=""'  # no default namespace where it was: none where it goes either
    return declare


_XML_BASE = re.compile(r"""(\sxml:base\s*=\s*)(["'])(.*?)\2""", re.S)


def _fix_base(snippet: str, target: etree._Element, href: str, declare: str) -> tuple[str, str]:
    """The included element with xml:base = the href it came by, joined with the xml:base it had (escaped as an
    attribute value); returns the snippet and the attributes still to add after the element's name."""
    own = target.get(XML_BASE)
    value = urljoin(href, own) if own is not None else href
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    if own is not None:
        tag_end = spans_start_tag_end(snippet)
        head = _XML_BASE.sub(lambda m: f'{m.group(1)}"{escaped}"', snippet[:tag_end], count=1)
        return head + snippet[tag_end:], declare
    return snippet, f' xml:base="{escaped}"' + declare


def spans_start_tag_end(snippet: str) -> int:
    """The offset just after the snippet's first start tag."""
    m = _TAG.match(_mask(snippet))
    return m.end() if m else 0


def _shown(display: str, path: Path | None, target: Path) -> str:
    """How reports name an included file: relative to the including file's display name when possible."""
    if path is None:
        return str(target)
    return os.path.normpath(os.path.join(os.path.dirname(display), os.path.relpath(target, path.resolve().parent)))


def _merge(m: LineMap) -> LineMap:
    merged = LineMap()
    for r in sorted(m.runs, key=lambda r: r.first):
        last = merged.runs[-1] if merged.runs else None
        if last and last.display == r.display and last.via == r.via and last.first + last.count == r.first \
                and last.origin + last.count == r.origin:
            merged.runs[-1] = Run(last.first, last.count + r.count, last.display, last.origin, last.via)
        elif last and last.first + last.count > r.first:  # a shared line: the later run keeps the rest
            merged.runs[-1] = Run(last.first, r.first - last.first, last.display, last.origin, last.via)
            merged.add(r)
        else:
            merged.add(r)
    return merged


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def expand(parsed: Parsed, roots: list[Path], max_bytes: int) -> Parsed:
    """The file with its includes expanded (a new Parsed whose `expanded` text the layers judge), or the file as
    it was plus the include problems when nothing could be expanded."""
    assert parsed.tree is not None
    path = parsed.source.path
    expander = Expander(roots or [project_folder(path) if path else Path.cwd()], max_bytes)
    text = "\n".join(parsed.text_lines or [])
    try:
        doc = expander.expand_file(parsed.source.display, path, text, parsed.tree, (),
                                   (path.resolve(),) if path else ())
    except IncludeError as exc:
        return Parsed(parsed.source, parsed.tree, [*parsed.problems, Problem(parsed.source.display, 0, 0, "error",
                                                                               str(exc), exc.rule, LAYER)],
                      parsed.text_lines, parsed.entities)
    problems = [*parsed.problems, *expander.problems]
    if doc.text is text:
        return Parsed(parsed.source, parsed.tree, problems, parsed.text_lines, parsed.entities)
    body = re.sub(r"^(<\?xml[^>]*?)\sencoding\s*=\s*(['\"])[^'\"]*\2", r"\1", doc.text, count=1)
    data = body.encode("utf-8")
    try:
        root = etree.fromstring(data, _parser(), base_url=str(path) if path else None)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else 0
        where = doc.map.where(line)
        origin = f" (in {where[0]}:{where[1]})" if where else ""
        return Parsed(parsed.source, None, [*problems, Problem(parsed.source.display, 0, 0, "error",
                      f"the file with its includes expanded is not well-formed: {exc.msg}{origin}",
                      "xinclude-wellformed", LAYER)])
    return Parsed(parsed.source, root.getroottree(), problems, body.split("\n"), parsed.entities,
                  expanded=data, linemap=doc.map)


def place(problem: Problem, linemap: LineMap) -> Problem:
    """A finding on the expanded text, placed in the file that holds its line: the including file's line of
    the (outermost) xi:include, and the included file's own line in the message."""
    if not problem.line:
        return problem
    where = linemap.where(problem.line)
    if where is None:
        return problem
    display, line, via = where
    if not via:
        return Problem(problem.path, line, problem.column, problem.severity, problem.message, problem.rule_id,
                       problem.layer)
    at = f"{display}:{line}" + (f":{problem.column}" if problem.column else "")
    chain = "".join(f", included at {d}:{n}" for d, n in reversed(via[1:]))
    return Problem(problem.path, via[0][1], 0, problem.severity, f"{problem.message} (in {at}{chain})",
                   problem.rule_id, problem.layer)
