"""Turn an ISO Schematron schema as written into a flat one the compiler can translate rule by rule.

Three ISO macro steps, in the standard's order: sch:include is replaced by the included element, abstract
patterns are instantiated (``is-a`` + sch:param, ``$name`` substituted in attribute values), abstract rules
are inlined where sch:extends points to them. Then the structure is checked against what the compiler
understands, so that nothing unknown is skipped silently: every unsupported construct is a SchematronError.
Every Schematron/XSLT element is stamped with its origin ("file:line") first, so that errors after copying
and including still name the place the author wrote.
"""

from __future__ import annotations

import re
from copy import deepcopy
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from lxml import etree

from editio.check.schematron.model import SCH_NS, XSL_NS, SchematronError

ORIGIN = "{urn:x-editio:schematron:origin}at"


def sch(local: str) -> str:
    return f"{{{SCH_NS}}}{local}"


def safe_parser() -> etree.XMLParser:
    """No DTD, no entity expansion, no network: schemas and documents are data, not programs."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


def local_name(elem: etree._Element) -> str:
    return etree.QName(elem).localname


def is_sch(elem: object, name: str | None = None) -> bool:
    if not isinstance(elem, etree._Element) or not isinstance(elem.tag, str):
        return False
    q = etree.QName(elem)
    return q.namespace == SCH_NS and (name is None or q.localname == name)


def is_xsl(elem: object) -> bool:
    return (
        isinstance(elem, etree._Element)
        and isinstance(elem.tag, str)
        and etree.QName(elem).namespace == XSL_NS
    )


def origin(elem: etree._Element) -> str:
    return elem.get(ORIGIN) or f"line {elem.sourceline or '?'}"


_KEY_ATTRIBUTES = ("context", "test", "select", "path", "name", "value", "id", "href", "rule", "pattern")


def describe(elem: etree._Element) -> str:
    """`sch:assert (test="…") at rules.sch:12` — how errors name a Schematron element."""
    q = etree.QName(elem)
    prefix = "sch" if q.namespace == SCH_NS else "xsl" if q.namespace == XSL_NS else f"{{{q.namespace}}}"
    key = next((a for a in _KEY_ATTRIBUTES if elem.get(a) is not None), None)
    what = f' {key}="{elem.get(key)}"' if key else ""
    return f"{prefix}:{q.localname}{what} at {origin(elem)}"


def stamp_origin(root: etree._Element, source: str) -> None:
    """Record where each Schematron/XSLT element was written, before any copying loses it."""
    for elem in root.iter():
        if (is_sch(elem) or is_xsl(elem)) and elem.get(ORIGIN) is None:
            elem.set(ORIGIN, f"{source}:{elem.sourceline or '?'}")


def source_name(elem: etree._Element) -> tuple[str, str | None]:
    """(name for messages, base URL for includes) of an element's document."""
    url = elem.getroottree().docinfo.URL or elem.base
    if not url:
        return "<schema>", None
    parsed = urlparse(url)
    if parsed.scheme == "":
        return url, Path(url).resolve().as_uri()
    if parsed.scheme == "file":
        return unquote(parsed.path), url
    return url, url


# --------------------------------------------------------------------------------------------- includes

def resolve_includes(root: etree._Element, base: str | None, chain: tuple[str, ...] = ()) -> etree._Element:
    """Replace every sch:include below (or at) root by the element it points to, recursively."""
    for inc in list(root.iter(sch("include"))):
        href = inc.get("href")
        if not href:
            raise SchematronError(f"{describe(inc)}: sch:include needs @href")
        target = _load_include(inc, href, base, chain)
        parent = inc.getparent()
        if parent is None:
            root = target
            continue
        target.tail = inc.tail
        parent.replace(inc, target)
    return root


def _load_include(inc: etree._Element, href: str, base: str | None, chain: tuple[str, ...]) -> etree._Element:
    doc_ref, _, fragment = href.partition("#")
    url = urljoin(base or Path.cwd().as_uri() + "/", doc_ref)
    parsed = urlparse(url)
    if parsed.scheme not in ("", "file"):
        raise SchematronError(f"{describe(inc)}: only local files can be included, not {url}")
    path = Path(unquote(parsed.path))
    if str(path) in chain:
        raise SchematronError(f"{describe(inc)}: include cycle through {path}")
    if not path.is_file():
        raise SchematronError(f"{describe(inc)}: included file {path} does not exist")
    try:
        tree = etree.parse(str(path), safe_parser())
    except etree.XMLSyntaxError as exc:
        raise SchematronError(f"{describe(inc)}: included file is not well-formed: {exc}") from exc
    target = tree.getroot()
    if fragment:
        found = tree.xpath("//*[@id = $f or @xml:id = $f]", f=fragment)
        if not found:
            raise SchematronError(f"{describe(inc)}: no element with id '{fragment}' in {path}")
        target = found[0]
    target = deepcopy(target)
    stamp_origin(target, str(path))
    return resolve_includes(target, path.as_uri(), (*chain, str(path)))


# ------------------------------------------------------------------------------------ abstract patterns

def _substitute(text: str, params: dict[str, str]) -> str:
    # Longest names first, and never inside a longer name: $a must not touch $ab.
    for name in sorted(params, key=len, reverse=True):
        text = re.sub(rf"\${re.escape(name)}(?![\w.\-])", lambda _m, v=params[name]: v, text)
    return text


def instantiate_abstract_patterns(schema: etree._Element) -> None:
    patterns = schema.findall(sch("pattern"))
    abstract: dict[str, etree._Element] = {}
    for p in patterns:
        if p.get("abstract") == "true":
            if not p.get("id"):
                raise SchematronError(f"{describe(p)}: an abstract pattern needs an @id")
            abstract[p.get("id")] = p
    for p in patterns:
        isa = p.get("is-a")
        if isa is None:
            continue
        if isa not in abstract:
            raise SchematronError(f"{describe(p)}: is-a='{isa}' names no abstract pattern of this schema")
        params: dict[str, str] = {}
        for child in p:
            if is_sch(child, "param"):
                name, value = child.get("name"), child.get("value")
                if not name or value is None:
                    raise SchematronError(f"{describe(child)}: sch:param needs @name and @value")
                params[name] = value
            elif is_sch(child, "rule") or is_sch(child, "let"):
                raise SchematronError(f"{describe(child)}: a pattern with @is-a may only hold sch:param")
        instance = etree.Element(sch("pattern"), {k: v for k, v in p.attrib.items() if k != "is-a"},
                                 nsmap=p.nsmap)
        for child in abstract[isa]:
            if not isinstance(child.tag, str):
                continue
            copy = deepcopy(child)
            for elem in copy.iter():
                for attr, value in elem.attrib.items():
                    if attr != ORIGIN and "$" in value:
                        elem.set(attr, _substitute(value, params))
            instance.append(copy)
        instance.tail = p.tail
        schema.replace(p, instance)
    for p in abstract.values():
        schema.remove(p)


# --------------------------------------------------------------------------------------- abstract rules

def inline_abstract_rules(schema: etree._Element) -> None:
    everywhere: dict[str, etree._Element] = {}
    for r in schema.iter(sch("rule")):
        if r.get("abstract") == "true":
            if not r.get("id"):
                raise SchematronError(f"{describe(r)}: an abstract rule needs an @id")
            everywhere.setdefault(r.get("id"), r)
    for pattern in schema.findall(sch("pattern")):
        local = {r.get("id"): r for r in pattern.findall(sch("rule")) if r.get("abstract") == "true"}
        for rule in pattern.findall(sch("rule")):
            if rule.get("abstract") != "true":
                _expand_extends(rule, local, everywhere, ())
    for r in [r for r in schema.iter(sch("rule")) if r.get("abstract") == "true"]:
        r.getparent().remove(r)


def _expand_extends(rule: etree._Element, local: dict, everywhere: dict, chain: tuple[str, ...]) -> None:
    for ext in rule.findall(sch("extends")):
        if ext.get("href") is not None:
            raise SchematronError(f"{describe(ext)}: sch:extends/@href (external rules) is not supported")
        ref = ext.get("rule")
        target = local[ref] if ref in local else everywhere.get(ref)
        if target is None:
            raise SchematronError(f"{describe(ext)}: extends rule='{ref}' names no abstract rule")
        if ref in chain:
            raise SchematronError(f"{describe(ext)}: abstract rules extend each other in a cycle ({ref})")
        body = deepcopy(target)
        _expand_extends(body, local, everywhere, (*chain, ref))
        index = rule.index(ext)
        rule.remove(ext)
        for offset, child in enumerate(c for c in body if isinstance(c.tag, str)):
            rule.insert(index + offset, child)


# ------------------------------------------------------------------------------------ structure check

_TEXT = {"name", "value-of", "emph", "dir", "span"}
ALLOWED: dict[str, set[str]] = {
    "schema": {"title", "ns", "p", "let", "phase", "pattern", "diagnostics", "properties"},
    "pattern": {"title", "p", "let", "rule"},
    "rule": {"title", "p", "let", "assert", "report"},
    "phase": {"title", "p", "let", "active"},
    "diagnostics": {"diagnostic"},
    "properties": {"property"},
    "property": _TEXT,
    "assert": _TEXT,
    "report": _TEXT,
    "diagnostic": _TEXT,
    "emph": set(),
    "dir": _TEXT,
    "span": _TEXT,
    "name": set(),
    "value-of": set(),
    "ns": set(),
    "let": set(),
    "active": set(),
}
IGNORED = {"title", "p"}  # documentation only; their content is not looked at
UNSUPPORTED_ELEMENTS = {
    "group": "sch:group (Schematron 4th edition)",
    "rules": "sch:rules (Schematron 4th edition)",
    "library": "sch:library (Schematron 4th edition)",
}
UNSUPPORTED_ATTRIBUTES = {
    "pattern": {"documents": "pattern/@documents (validating other documents)"},
    "rule": {"visit-each": "rule/@visit-each (Schematron 4th edition)"},
}
XSL_TOP_LEVEL = {"function", "key"}


def check_structure(schema: etree._Element) -> None:
    if not is_sch(schema, "schema"):
        raise SchematronError(f"the root element is {schema.tag}, not sch:schema")
    _check(schema)


def _check(elem: etree._Element) -> None:
    name = local_name(elem)
    if name in UNSUPPORTED_ELEMENTS:
        raise SchematronError(f"{describe(elem)}: {UNSUPPORTED_ELEMENTS[name]} is not supported")
    for attr, what in UNSUPPORTED_ATTRIBUTES.get(name, {}).items():
        if elem.get(attr) is not None:
            raise SchematronError(f"{describe(elem)}: {what} is not supported")
    if name in IGNORED:
        return
    allowed = ALLOWED.get(name)
    if allowed is None:
        raise SchematronError(f"{describe(elem)}: sch:{name} is not allowed here")
    for child in elem:
        if not isinstance(child.tag, str):
            continue
        if is_sch(child):
            cname = local_name(child)
            if cname in UNSUPPORTED_ELEMENTS:
                raise SchematronError(f"{describe(child)}: {UNSUPPORTED_ELEMENTS[cname]} is not supported")
            if cname not in allowed:
                raise SchematronError(f"{describe(child)}: sch:{cname} is not allowed in sch:{name}")
            _check(child)
        elif is_xsl(child):
            if not (name == "schema" and local_name(child) in XSL_TOP_LEVEL):
                raise SchematronError(
                    f"{describe(child)}: foreign XSLT element xsl:{local_name(child)} is not supported here "
                    "(only xsl:function and xsl:key, as children of sch:schema)"
                )
        elif name == "let":
            continue  # a let without @value holds its value as foreign XML
        # other foreign elements are ignored, as ISO allows (their text still counts inside assertions)


def expand(schema: etree._Element) -> etree._Element:
    """A flat copy of the schema: includes resolved, abstract patterns and rules expanded, structure checked.

    The caller's element is never modified.
    """
    name, base = source_name(schema)
    flat = deepcopy(schema)
    stamp_origin(flat, name)
    flat = resolve_includes(flat, base)
    if not is_sch(flat, "schema"):
        raise SchematronError(f"the root element is {flat.tag}, not sch:schema")
    instantiate_abstract_patterns(flat)
    inline_abstract_rules(flat)
    check_structure(flat)
    return flat
