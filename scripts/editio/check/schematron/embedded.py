"""Collect the ISO Schematron embedded in a RELAX NG schema (e.g. TEI's tei_all.rng) into one sch:schema.

RELAX NG validators (jing) skip these annotations; TEI puts its co-occurrence constraints there
("@when cannot be used with any other att.datable.w3c attributes"). Everything Schematron is taken:
sch:ns, sch:pattern, and sch:rule/let/phase/diagnostics standing outside a pattern; xsl:function and xsl:key
found outside Schematron elements come along as foreign top-level elements. Anything Schematron that cannot
be placed (an assert outside any rule, Schematron 1.x elements) is an error, never dropped in silence.

A modular schema keeps rules in its parts too: a local `include` or `externalRef` is followed (once per file,
never remote), and the rules of a definition that the including `include` overrides are left with it, as the
grammar leaves the definition.
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from lxml import etree

from editio.check.schematron.expand import (
    ORIGIN,
    describe,
    is_sch,
    is_xsl,
    local_name,
    safe_parser,
    sch,
    source_name,
)
from editio.check.schematron.model import SCH_NS, SchematronError

SCHEMATRON_1 = "http://www.ascc.net/xml/schematron"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
_REFS = (f"{{{RNG_NS}}}include", f"{{{RNG_NS}}}externalRef")
_DEFINE = f"{{{RNG_NS}}}define"

# TEI's ODD processor writes its rules for the XSLT 2 query binding.
DEFAULT_QUERY_BINDING = "xslt2"


def extract_embedded(rng_root: etree._Element | etree._ElementTree,
                     query_binding: str = DEFAULT_QUERY_BINDING) -> etree._Element:
    """A new sch:schema holding every Schematron construct embedded in the RELAX NG schema `rng_root`."""
    if isinstance(rng_root, etree._ElementTree):
        rng_root = rng_root.getroot()
    name, base = source_name(rng_root)
    schema = etree.Element(sch("schema"), {"queryBinding": query_binding}, nsmap={"sch": SCH_NS})
    namespaces: dict[str, str] = {}
    groups: dict[str, list[etree._Element]] = {
        kind: [] for kind in ("ns", "let", "xsl", "pattern", "phase", "diagnostics")
    }
    loose = 0

    seen = {base}

    def take(elem: etree._Element, name: str) -> etree._Element:
        copy = deepcopy(elem)
        copy.tail = None
        for e in copy.iter():
            if (is_sch(e) or is_xsl(e)) and e.get(ORIGIN) is None:
                e.set(ORIGIN, f"{name}:{e.sourceline or '?'}")
        return copy

    def follow(ref: etree._Element, base: str | None, name: str) -> None:
        """Walk the grammar a local include/externalRef names, once."""
        href = (ref.get("href") or "").split("#", 1)[0]
        url = urljoin(base or Path.cwd().as_uri() + "/", href)
        if not href or urlparse(url).scheme not in ("", "file") or url in seen:
            return
        seen.add(url)
        path = Path(unquote(urlparse(url).path))
        try:
            part = etree.parse(str(path), safe_parser()).getroot()
        except (OSError, etree.XMLSyntaxError) as exc:
            raise SchematronError(f"{name}:{ref.sourceline}: {local_name(ref)} {href} cannot be read "
                                  f"for its Schematron: {exc}") from exc
        overridden = {d.get("name") for d in ref.iter(_DEFINE)} if ref.tag == _REFS[0] else set()
        walk(part, url, str(path), overridden)

    def walk(elem: etree._Element, base: str | None = base, name: str = name,
             overridden: frozenset[str] | set[str] = frozenset()) -> None:
        nonlocal loose
        for child in elem:
            if not isinstance(child.tag, str):
                continue
            if child.tag == _DEFINE and child.get("name") in overridden:
                continue
            if child.tag in _REFS:
                follow(child, base, name)
            if etree.QName(child).namespace == SCHEMATRON_1:
                raise SchematronError(f"{name}:{child.sourceline}: Schematron 1.x element {child.tag} "
                                      "is not supported (only ISO Schematron)")
            if is_sch(child):
                kind = local_name(child)
                if kind == "ns":
                    prefix, uri = child.get("prefix"), child.get("uri")
                    if namespaces.get(prefix, uri) != uri:
                        raise SchematronError(f"{name}:{child.sourceline}: sch:ns prefix '{prefix}' is bound "
                                              f"to {namespaces[prefix]} and to {uri}")
                    if prefix not in namespaces:
                        namespaces[prefix] = uri
                        ns = take(child, name)
                        groups["ns"].append(ns)
                elif kind in ("pattern", "let", "phase", "diagnostics"):
                    groups[kind].append(take(child, name))
                elif kind == "rule":
                    loose += 1
                    pattern = etree.Element(sch("pattern"), {"id": f"embedded-rule-{loose}"})
                    pattern.set(ORIGIN, f"{name}:{child.sourceline or '?'}")
                    pattern.append(take(child, name))
                    groups["pattern"].append(pattern)
                elif kind in ("title", "p"):
                    continue
                else:
                    raise SchematronError(f"{describe(child)} ({name}:{child.sourceline}): sch:{kind} cannot "
                                          "stand outside its Schematron parent in a RELAX NG schema")
            elif is_xsl(child) and local_name(child) in ("function", "key"):
                groups["xsl"].append(take(child, name))
            else:
                walk(child, base, name, overridden)

    walk(rng_root)
    for kind in ("ns", "let", "xsl", "phase", "pattern", "diagnostics"):
        for elem in groups[kind]:
            schema.append(elem)
    return schema
