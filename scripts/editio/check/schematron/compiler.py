"""Translate a flat ISO Schematron schema (see expand.py) into one XSLT 3.0 stylesheet.

Shape of the stylesheet (why): all rules become templates of one mode, with priorities falling in schema
order; a node meets its matching rules best-first through xsl:next-match, and a template stays silent if a
rule of its own pattern already fired on the node, which is ISO's "first matching rule of a pattern wins".
The last template (lowest priority) matches every node and walks on to its attributes and children, so
each node is visited once, in document order, and failures come out in document order without sorting.
(A mode per pattern would apply every pattern to every node: 5x slower on TEI's 91 patterns.)
A failure is written as a small element carrying the index of the assertion (its static facts stay on the
Python side), the fn:path() of the context node and the evaluated message. Each test runs inside xsl:try,
so a dynamic error in one test (say xs:float('n/a')) is reported where it happened instead of aborting the
whole validation. Generated XSLT elements carry an index into `sources`, so that Saxon's compile errors
(given by line of the generated stylesheet) are reported against the Schematron the author wrote.
"""

from __future__ import annotations

import re
from collections import Counter
from copy import deepcopy
from dataclasses import dataclass

from lxml import etree

from editio.check.schematron.expand import ORIGIN, describe, is_sch, is_xsl, local_name, sch
from editio.check.schematron.model import XSL_NS, AssertionInfo, SchematronError

INTERNAL_NS = "urn:x-editio:schematron"
ERR_NS = "http://www.w3.org/2005/xqt-errors"
SRC = f"{{{INTERNAL_NS}}}src"

# queryBinding values run by this engine; XPath 1 schemas run unchanged under XPath 3.1 (see README notes).
QUERY_BINDINGS = {"xslt", "xslt1", "exslt", "xpath", "xslt2", "xslt3", "xpath2", "xpath3", "xpath31"}

# Prefixes XPath authors expect without declaring them; bound only if the schema does not bind them itself.
CONVENIENCE_NS = {
    "xs": "http://www.w3.org/2001/XMLSchema",
    "math": "http://www.w3.org/2005/xpath-functions/math",
    "map": "http://www.w3.org/2005/xpath-functions/map",
    "array": "http://www.w3.org/2005/xpath-functions/array",
}


@dataclass(frozen=True)
class Compiled:
    xslt: str
    assertions: tuple[AssertionInfo, ...]
    sources: tuple[str, ...]  # index (esch:src) → description of the Schematron element
    patterns: tuple[str, ...]  # active patterns, by id or generated label
    rule_count: int


def xsl(local: str) -> str:
    return f"{{{XSL_NS}}}{local}"


def _unused_prefix(base: str, taken: set[str]) -> str:
    prefix, n = base, 1
    while prefix in taken:
        n += 1
        prefix = f"{base}{n}"
    taken.add(prefix)
    return prefix


def _strip_origins(elem: etree._Element) -> etree._Element:
    for e in elem.iter():
        if isinstance(e.tag, str) and ORIGIN in e.attrib:
            del e.attrib[ORIGIN]
    return elem


class _Builder:
    def __init__(self, schema: etree._Element, phase: str | None, base_uri: str | None) -> None:
        self.schema = schema
        self.base_uri = base_uri
        self.sources: list[str] = []
        self.assertions: list[AssertionInfo] = []
        self.rule_count = 0
        self.diagnostics = {
            d.get("id"): d for ds in schema.findall(sch("diagnostics")) for d in ds.findall(sch("diagnostic"))
        }
        self.properties = {
            p.get("id"): p for ps in schema.findall(sch("properties")) for p in ps.findall(sch("property"))
        }
        self.namespaces = self._namespaces()
        taken = set(self.namespaces)
        self.p_int = _unused_prefix("esch", taken)
        self.p_err = _unused_prefix("esch-err", taken)
        self.mode = f"{self.p_int}:check"
        self.priority = 0
        self.all_patterns = schema.findall(sch("pattern"))
        self.phase_elem, self.active = self._select_phase(phase)

    # ------------------------------------------------------------------------------------------ setup

    def _namespaces(self) -> dict[str, str]:
        binding = (self.schema.get("queryBinding") or "xslt").strip().lower()
        if binding not in QUERY_BINDINGS:
            raise SchematronError(
                f"queryBinding='{binding}' is not supported "
                f"(this engine runs {', '.join(sorted(QUERY_BINDINGS))})"
            )
        found: dict[str, str] = {}
        for ns in self.schema.findall(sch("ns")):
            prefix, uri = ns.get("prefix"), ns.get("uri")
            if not prefix or uri is None:
                raise SchematronError(f"{describe(ns)}: sch:ns needs @prefix and @uri")
            if found.get(prefix, uri) != uri:
                raise SchematronError(
                    f"{describe(ns)}: prefix '{prefix}' is bound to two URIs ({found[prefix]}, {uri})"
                )
            if prefix == "xsl" and uri != XSL_NS:
                raise SchematronError(f"{describe(ns)}: prefix 'xsl' must stay bound to XSLT's URI")
            found[prefix] = uri
        for prefix, uri in CONVENIENCE_NS.items():
            found.setdefault(prefix, uri)
        found["xsl"] = XSL_NS
        return found

    def _select_phase(
        self, phase: str | None
    ) -> tuple[etree._Element | None, list[tuple[int, etree._Element]]]:
        numbered = list(enumerate(self.all_patterns, start=1))
        ids = {p.get("id") for p in self.all_patterns}
        phases: dict[str, etree._Element] = {}
        for ph in self.schema.findall(sch("phase")):
            if not ph.get("id") or ph.get("id") in phases:
                raise SchematronError(f"{describe(ph)}: a sch:phase needs an @id of its own")
            phases[ph.get("id")] = ph
            for a in ph.findall(sch("active")):
                if a.get("pattern") not in ids:
                    raise SchematronError(f"{describe(a)}: names no pattern of this schema")
        wanted = phase if phase not in (None, "#DEFAULT") else (self.schema.get("defaultPhase") or "#ALL")
        if wanted == "#ALL":
            return None, numbered
        if wanted not in phases:
            known = ", ".join(sorted(k for k in phases if k)) or "none"
            source = "defaultPhase" if phase in (None, "#DEFAULT") else "phase"
            raise SchematronError(f"{source} '{wanted}' is not a sch:phase of this schema (phases: {known})")
        chosen = phases[wanted]
        active_ids = {a.get("pattern") for a in chosen.findall(sch("active"))}
        return chosen, [(i, p) for i, p in numbered if p.get("id") in active_ids]

    def src(self, target: etree._Element, elem: etree._Element, extra: str = "") -> None:
        self.sources.append(describe(elem) + extra)
        target.set(SRC, str(len(self.sources) - 1))

    # ------------------------------------------------------------------------------------------ build

    def build(self) -> Compiled:
        nsmap = {**self.namespaces, self.p_int: INTERNAL_NS, self.p_err: ERR_NS}
        root = etree.Element(
            xsl("stylesheet"), {"version": "3.0", "exclude-result-prefixes": "#all"}, nsmap=nsmap
        )
        if self.base_uri:
            # doc('x.xml') in a rule resolves against the schema's own location, as with a generated .xsl
            # lying beside the .sch file.
            root.set("{http://www.w3.org/XML/1998/namespace}base", self.base_uri)
        etree.SubElement(root, xsl("output"), method="xml", encoding="UTF-8", indent="no")
        for child in self.schema:
            if is_xsl(child):
                copy = _strip_origins(deepcopy(child))
                copy.tail = None
                self.src(copy, child)
                root.append(copy)

        global_names: Counter[str] = Counter()
        global_lets = self.schema.findall(sch("let"))
        if self.phase_elem is not None:
            global_lets += self.phase_elem.findall(sch("let"))
        for let in global_lets:
            if let.get("name") in global_names:
                raise SchematronError(f"{describe(let)}: ${let.get('name')} is already declared at "
                                      "schema or phase level")
            self._variable(root, let)
            global_names[let.get("name")] += 1

        pattern_let_names = Counter(
            let.get("name") for _, p in self.active for let in p.findall(sch("let"))
        )
        local_lets = {n for n, c in pattern_let_names.items() if c > 1 or n in global_names}

        labels: list[str] = []
        self.priority = sum(len(p.findall(sch("rule"))) for _, p in self.active)
        for number, pattern in self.active:
            labels.append(pattern.get("id") or f"pattern{number}")
            shared: list[etree._Element] = []
            for let in pattern.findall(sch("let")):
                if let.get("name") in local_lets:
                    shared.append(let)
                else:
                    self._variable(root, let)
            self._pattern(root, number, pattern, shared)

        top = etree.SubElement(root, xsl("template"), match="/")
        report = etree.SubElement(top, f"{{{INTERNAL_NS}}}report")
        etree.SubElement(report, xsl("apply-templates"), select=".", mode=self.mode)
        # Lowest priority: every node ends here after its rules, and the walk goes on to its attributes
        # and children — document order.
        # The walk visits only the kinds of node some rule can match: most rule sets match elements only, and
        # offering every text node and attribute to every pattern was a third of the transformation's time.
        walk = etree.SubElement(root, xsl("template"), match="/ | node() | @*", mode=self.mode, priority="0")
        contexts = [r.get("context") or "" for _, p in self.active for r in p.findall(sch("rule"))]
        etree.SubElement(walk, xsl("apply-templates"), select=walk_select(contexts), mode=self.mode)

        etree.indent(root, space=" ")
        text = etree.tostring(root, encoding="unicode")
        return Compiled(text, tuple(self.assertions), tuple(self.sources), tuple(labels), self.rule_count)

    def _variable(self, parent: etree._Element, let: etree._Element, root_context: bool = False) -> None:
        name = let.get("name")
        if not name:
            raise SchematronError(f"{describe(let)}: sch:let needs @name")
        var = etree.SubElement(parent, xsl("variable"), name=name)
        self.src(var, let)
        value = let.get("value")
        if let.get("as") is not None:
            var.set("as", let.get("as"))
        if value is None:
            # ISO 2016: the value is the let's own XML content (a temporary tree).
            if let.text and let.text.strip():
                etree.SubElement(var, xsl("text")).text = let.text
            for child in let:
                copy = _strip_origins(deepcopy(child))
                var.append(copy)
            return
        if root_context:
            # A pattern-level let is evaluated with the document node as context, as in ISO.
            var.set("as", let.get("as") or "item()*")
            each = etree.SubElement(var, xsl("for-each"), select="root(.)")
            etree.SubElement(each, xsl("sequence"), select=value)
        else:
            var.set("select", value)

    def _pattern(self, root: etree._Element, number: int, pattern: etree._Element,
                 shared: list[etree._Element]) -> None:
        """One template per rule, all in one mode, priorities falling in schema order.

        A node meets its matching rules best-first; each template passes on (xsl:next-match) the number of
        the pattern it belongs to, and a later rule of the same pattern then stays silent: the first
        matching rule of each pattern fires, as ISO requires. Patterns' rules are contiguous in priority,
        so "the last pattern that fired" is all a template needs to know.
        """
        fired = f"{self.p_int}:fired"
        for rule_no, rule in enumerate(pattern.findall(sch("rule")), start=1):
            self.rule_count += 1
            context = rule.get("context")
            if not context or not context.strip():
                raise SchematronError(f"{describe(rule)}: a rule needs @context")
            for let in shared:
                if re.search(rf"\${re.escape(let.get('name'))}(?![\w.\-])", context):
                    raise SchematronError(
                        f"{describe(rule)}: the context uses pattern variable ${let.get('name')}, "
                        "declared in several patterns; such a variable can only be used inside rules "
                        "(rename it)"
                    )
            template = etree.SubElement(root, xsl("template"), match=cheap_match(context), mode=self.mode,
                                        priority=str(self.priority))
            self.priority -= 1
            self.src(template, rule, " (@context)")
            etree.SubElement(template, xsl("param"), name=fired, select="0")
            body = etree.SubElement(template, xsl("if"), test=f"${fired} ne {number}")
            onwards = etree.SubElement(template, xsl("next-match"))
            etree.SubElement(onwards, xsl("with-param"), name=fired, select=str(number))
            checks = [c for c in rule if is_sch(c) and local_name(c) in ("assert", "report", "let")]
            guard = etree.SubElement(body, xsl("try"))
            for let in shared:
                self._variable(guard, let, root_context=True)
            indices: list[int] = []
            counter = 0
            for child in checks:
                if local_name(child) == "let":
                    self._variable(guard, child)
                    continue
                counter += 1
                indices.append(self._assertion(guard, child, rule, pattern, number, rule_no, counter))
            # A rule-level dynamic error (e.g. an eagerly evaluated let) reports against each of its tests.
            catch = etree.SubElement(guard, xsl("catch"))
            for index in indices:
                self._error_record(catch, index, rule)

    def _error_record(self, parent: etree._Element, index: int, rule: etree._Element) -> None:
        subject = rule.get("subject")
        rec = etree.SubElement(parent, f"{{{INTERNAL_NS}}}f", a=str(index),
                               loc=self._loc(subject),
                               err=f"{{local-name-from-QName(${self.p_err}:code)}}")
        msg = etree.SubElement(rec, f"{{{INTERNAL_NS}}}m")
        etree.SubElement(msg, xsl("value-of"), select=f"${self.p_err}:description")

    @staticmethod
    def _loc(subject: str | None) -> str:
        if subject:
            return f"{{path((({subject}), .)[1])}}"
        return "{path(.)}"

    def _assertion(self, parent: etree._Element, elem: etree._Element, rule: etree._Element,
                   pattern: etree._Element, number: int, rule_no: int, counter: int) -> int:
        kind = local_name(elem)
        test = elem.get("test")
        if test is None or not test.strip():
            raise SchematronError(f"{describe(elem)}: sch:{kind} needs @test")
        rule_id = (elem.get("id") or rule.get("id") or pattern.get("id")
                   or f"pattern{number}-rule{rule_no}-{kind}{counter}")
        role = (elem.get("role") or rule.get("role") or "error").strip()
        index = len(self.assertions)
        self.assertions.append(AssertionInfo(
            kind=kind, role=role, rule_id=rule_id, test=test, pattern=pattern.get("id") or "",
            context=rule.get("context") or "", origin=elem.get(ORIGIN) or "",
        ))
        guard = etree.SubElement(parent, xsl("try"))
        cond = etree.SubElement(guard, xsl("if"), test=f"not(({test}))" if kind == "assert" else test)
        self.src(cond, elem, " (@test)")
        subject = elem.get("subject") or rule.get("subject")
        rec = etree.SubElement(cond, f"{{{INTERNAL_NS}}}f", a=str(index), loc=self._loc(subject))
        self._text(etree.SubElement(rec, f"{{{INTERNAL_NS}}}m"), elem)
        for ref in (elem.get("diagnostics") or "").split():
            diag = self.diagnostics.get(ref)
            if diag is None:
                raise SchematronError(f"{describe(elem)}: diagnostics='{ref}' names no sch:diagnostic")
            self._text(etree.SubElement(rec, f"{{{INTERNAL_NS}}}d"), diag)
        for ref in (elem.get("properties") or "").split():
            prop = self.properties.get(ref)
            if prop is None:
                raise SchematronError(f"{describe(elem)}: properties='{ref}' names no sch:property")
            self._text(etree.SubElement(rec, f"{{{INTERNAL_NS}}}p", id=ref), prop)
        catch = etree.SubElement(guard, xsl("catch"))
        self._error_record(catch, index, rule if not elem.get("subject") else elem)
        return index

    def _text(self, target: etree._Element, elem: etree._Element) -> None:
        """The assertion's mixed content as XSLT: text, sch:name, sch:value-of, inline markup's text."""
        if elem.text:
            etree.SubElement(target, xsl("text")).text = elem.text
        for child in elem:
            if isinstance(child.tag, str):
                if is_sch(child, "name"):
                    path = child.get("path") or "."
                    out = etree.SubElement(target, xsl("value-of"), select=f"name({path})")
                    self.src(out, child)
                elif is_sch(child, "value-of"):
                    select = child.get("select")
                    if not select or not select.strip():
                        raise SchematronError(f"{describe(child)}: sch:value-of needs @select")
                    out = etree.SubElement(target, xsl("value-of"), select=select)
                    self.src(out, child)
                elif not is_xsl(child):
                    self._text(target, child)  # sch:emph/dir/span and foreign markup: their text
                else:
                    raise SchematronError(f"{describe(child)}: XSLT inside assertion text is not supported")
            if child.tail:
                etree.SubElement(target, xsl("text")).text = child.tail


_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
# anything in a pattern (outside its predicates) that may match a node other than an element or attribute,
# or whose matches cannot be told from the text: then every node is visited
_ANY_NODE = re.compile(r"text\s*\(|node\s*\(|comment\s*\(|processing-instruction|namespace|document-node|"
                       r"key\s*\(|id\s*\(|element-with-id|doc\s*\(|root\s*\(|\$|^\s*\.\s*$|\|\s*\.\s*(\||$)")
_ATTRIBUTE = re.compile(r"@|attribute\s*::|attribute\s*\(")


def _without_predicates(pattern: str) -> str:
    text, depth, out = _QUOTED.sub("''", pattern), 0, []
    for c in text:
        if c == "[":
            depth += 1
        elif c == "]":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(c)
    return "".join(out)


# `prefix:*` followed by predicates only: a namespace wildcard, which Saxon-HE tests on every element by
# comparing namespace URIs as strings (a new String per test, a fifth of the transformation on tei_all).
_NS_WILDCARD = re.compile(r"^\s*([A-Za-z_][\w.\-]*):\*\s*(\[.*\])\s*$", re.S)
_FOCUS = re.compile(r"position\s*\(|last\s*\(")
_BOOLEAN_CALL = re.compile(r"^(?:fn:)?(?:not|exists|empty|boolean|starts-with|ends-with|contains|matches|true|"
                           r"false)\s*\(")
_NODE_PATH = re.compile(r"^(?:@|attribute::|child::|self::|parent::|ancestor::|ancestor-or-self::|"
                        r"descendant::|descendant-or-self::|\.\./?|\./)?[A-Za-z_*][\w.\-]*(?::[\w.\-*]+)?"
                        r"(?:\s*/{1,2}\s*(?:@|[a-z\-]+::)?[A-Za-z_*][\w.\-]*(?::[\w.\-*]+)?)*$")
_OPERATOR = re.compile(r"(?<![\w.\-/@:$])(?:and|or|eq|ne|lt|le|gt|ge|is)(?![\w.\-:(])|!=|<<|>>|<=|>=|=(?!>)|<|(?<!=)>")


def _predicates(text: str) -> list[str] | None:
    """The predicates of `[p1][p2]…` (strings already blanked), or None if it is not only predicates."""
    found, depth, start = [], 0, -1
    for i, c in enumerate(text):
        if c == "[":
            if depth == 0:
                start = i + 1
            depth += 1
        elif c == "]":
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                found.append(text[start:i])
        elif depth == 0 and not c.isspace():
            return None
    return found if depth == 0 and found else None


def _top_level(text: str) -> str:
    """`text` without what its parentheses and brackets hold."""
    out, depth = [], 0
    for c in text:
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(c)
    return "".join(out)


def _boolean(predicate: str) -> bool:
    """Whether a predicate (strings blanked) surely filters by truth, never by position: it cannot be a number
    and does not read the focus's position or size. Anything not surely so is not rewritten."""
    if _FOCUS.search(predicate):
        return False
    text = predicate.strip()
    if _BOOLEAN_CALL.match(text) and _top_level(text).strip().endswith(
            tuple(n for n in ("not", "exists", "empty", "boolean", "starts-with", "ends-with", "contains",
                              "matches", "true", "false"))):
        return True  # one call of a boolean function, nothing after its closing parenthesis
    if _NODE_PATH.match(text):
        return True  # a path of names: nodes, whose truth is their existence
    return bool(_OPERATOR.search(_top_level(text)))  # a comparison, `and`, `or` at the top: a boolean


def cheap_match(context: str) -> str:
    """The rule's context as the template's match pattern, matching exactly the same nodes: `p:*[A][B]` is
    written `*[A][B][self::p:*]` when A and B are surely boolean (so their position among the siblings
    cannot differ), which tests the cheap predicates first and the namespace only on the few elements they
    let through."""
    m = _NS_WILDCARD.match(context)
    if not m:
        return context
    predicates = _predicates(_QUOTED.sub(lambda q: "'" + "x" * (len(q.group(0)) - 2) + "'", m.group(2)))
    if predicates is None or not all(_boolean(p) for p in predicates):
        return context
    return f"*{m.group(2).strip()}[self::{m.group(1)}:*]"


_NAMED_ATTRIBUTE = re.compile(r"^(?:@|attribute\s*::\s*)([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)$")


def _branches(pattern: str) -> list[str]:
    """The alternatives of a pattern (predicates removed) split at its top-level `|` and `union`."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(pattern):
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return [b for part in out for b in re.split(r"\s+union\s+", part)]


def _attribute_names(steps: list[str]) -> list[str] | None:
    """The names of the attributes the rules can match when every alternative that matches attributes ends in
    a named attribute step (`tei:rt/@target`); None when any may match others (`@*`, `(@a | @b)`, …)."""
    names: list[str] = []
    for step in steps:
        for branch in _branches(step):
            if not _ATTRIBUTE.search(branch):
                continue
            last = re.split(r"/+", branch.strip())[-1].strip()
            m = _NAMED_ATTRIBUTE.match(last)
            if m is None or _ATTRIBUTE.search(branch.strip()[:-len(last)] if last else branch):
                return None
            if m.group(1) not in names:
                names.append(m.group(1))
    return names


def walk_select(contexts: list[str]) -> str:
    """What the walk must visit for rules with these contexts: elements only, elements and the attributes the
    rules name, elements and every attribute, or every node when a context may match anything else (or cannot
    be told). Offering an attribute no rule can match to every pattern costs as much as an element."""
    steps = [_without_predicates(c) for c in contexts]
    if any(_ANY_NODE.search(s) for s in steps):
        return "@* | node()"
    if not any(_ATTRIBUTE.search(s) for s in steps):
        return "*"
    names = _attribute_names(steps)
    return "@* | *" if names is None else " | ".join([*(f"@{n}" for n in names), "*"])


def compile_schema(flat: etree._Element, phase: str | None = None, base_uri: str | None = None) -> Compiled:
    """XSLT 3.0 text (and its side tables) for an expanded schema (expand.expand).

    `base_uri`: where the schema lives, the static base URI of the stylesheet.
    """
    return _Builder(flat, phase, base_uri).build()

