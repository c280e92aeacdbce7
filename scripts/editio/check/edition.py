"""Rules that need the whole edition: xml:ids unique across files, pointers resolved in other files.

The edition is a folder: the files being checked plus every other *.xml beside them (the authority files
persons.xml, places.xml, orgs.xml and the sibling documents), so checking one changed file in a pre-commit
hook still catches an id that another document already uses, and two editions checked in one run stay apart.
Files that are only beside are parsed (safely) for their ids, never reported on. Pointers follow TEI's own
rules: "#id" is local, "pre:value" goes through the file's listPrefixDef (matchPattern /
replacementPattern), anything else is a URI relative to the file.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from editio.check.columns import column_of, local_name
from editio.check.problems import Problem
from editio.check.tables import edition_rules, external_schemes, pointer_attributes
from editio.check.wellformed import Parsed, Source, parse

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
LAYER = "editio"
MAX_PLACES = 3  # other places named in an editio-id-unique message
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):(.*)$", re.S)


@dataclass
class Prefix:
    ident: str
    match: re.Pattern[str]
    replacement: str

    def expand(self, value: str) -> str | None:
        m = self.match.fullmatch(value)
        if m is None:
            return None
        # TEI replacementPattern uses $1…$9 for the groups of matchPattern.
        return re.sub(r"\$(\d)", lambda g: m.group(int(g.group(1))) or "", self.replacement)


@dataclass
class Indexed:
    """What the edition knows of one file: its ids (with lines) and its prefix declarations."""

    display: str
    path: Path | None  # resolved; None for standard input
    ids: dict[str, int] = field(default_factory=dict)
    prefixes: dict[str, Prefix] = field(default_factory=dict)
    checked: bool = True


def _prefixes(root: etree._Element) -> dict[str, Prefix]:
    found: dict[str, Prefix] = {}
    for pd in root.iter(f"{{{TEI_NS}}}prefixDef"):
        ident, match, repl = pd.get("ident"), pd.get("matchPattern"), pd.get("replacementPattern")
        if not ident or match is None or repl is None:
            continue
        try:
            found[ident] = Prefix(ident, re.compile(match), repl)
        except re.error:
            continue  # an invalid matchPattern is reported by tei_all's own rules
    return found


def index_tree(display: str, path: Path | None, tree: etree._ElementTree, checked: bool = True) -> Indexed:
    root = tree.getroot()
    ids: dict[str, int] = {}
    for elem in root.iter():
        value = elem.get(XML_ID) if isinstance(elem.tag, str) else None
        if value is not None and value not in ids:
            ids[value] = elem.sourceline or 0
    return Indexed(display, path, ids, _prefixes(root), checked)


class Edition:
    """The checked files and their neighbours, indexed once per run."""

    def __init__(self, checked: list[Parsed], max_bytes: int) -> None:
        self.files: dict[Path, Indexed] = {}
        self.stdin: list[Indexed] = []
        self._order: list[Indexed] = []
        for parsed in checked:
            if parsed.tree is None:
                continue
            path = parsed.source.path.resolve() if parsed.source.path else None
            item = index_tree(parsed.source.display, path, parsed.tree)
            if path is None:
                self.stdin.append(item)
            else:
                self.files[path] = item
            self._order.append(item)
        shown: dict[Path, str] = {}  # folder → how the user named it, so neighbours are shown the same way
        for path, item in self.files.items():
            shown.setdefault(path.parent, os.path.dirname(item.display))
        for folder in sorted(shown):
            for sibling in sorted(folder.glob("*.xml")):
                resolved = sibling.resolve()
                if resolved in self.files or not resolved.is_file():
                    continue
                neighbour = parse(Source(str(sibling), sibling), max_bytes)
                if neighbour.tree is not None and neighbour.tree.getroot().tag == f"{{{TEI_NS}}}TEI":
                    display = os.path.join(shown[folder], sibling.name)
                    item = index_tree(display, resolved, neighbour.tree, checked=False)
                    self.files[resolved] = item
                    self._order.append(item)
        # one folder is one edition: ids must be unique among the files of a folder (checked or beside)
        self._where: dict[tuple[Path | None, str], list[Indexed]] = {}
        for item in self._order:
            folder = item.path.parent if item.path else None
            for ident in item.ids:
                self._where.setdefault((folder, ident), []).append(item)

    def problems(self, parsed: Parsed) -> list[Problem]:
        if parsed.tree is None:
            return []
        path = parsed.source.path.resolve() if parsed.source.path else None
        me = self.files.get(path) if path else next((i for i in self.stdin if i.display == parsed.source.display),
                                                    None)
        if me is None:
            return []
        return [*self._duplicates(parsed, me), *self._pointers(parsed, me)]

    def _problem(self, parsed: Parsed, elem: etree._Element, rule_id: str, attribute: str | None,
                 **values: str) -> Problem:
        rule = edition_rules()[rule_id]
        line = elem.sourceline or 0
        column = column_of(parsed.text_lines, line, local_name(elem.tag), attribute, values.get("value"))
        return Problem(parsed.source.display, line, column, rule.severity, rule.format(**values), rule_id, LAYER)

    def _duplicates(self, parsed: Parsed, me: Indexed) -> list[Problem]:
        found = []
        for elem in parsed.tree.getroot().iter():
            ident = elem.get(XML_ID) if isinstance(elem.tag, str) else None
            if ident is None:
                continue
            folder = me.path.parent if me.path else None
            others = [item for item in self._where.get((folder, ident), ()) if item is not me]
            if not others:
                continue  # duplicates inside one file are tei_all's (jing reports them)
            where = ", ".join(f"{o.display}:{o.ids[ident]}" for o in others[:MAX_PLACES])
            if len(others) > MAX_PLACES:
                where += f" and {len(others) - MAX_PLACES} more files"
            found.append(self._problem(parsed, elem, "editio-id-unique", "xml:id", id=ident, other=where))
        return found

    def _pointers(self, parsed: Parsed, me: Indexed) -> list[Problem]:
        found: list[Problem] = []
        missing: dict[str, list[int]] = {}  # a missing file: reported once, at its first pointer, with a count
        attributes = pointer_attributes()
        for elem in parsed.tree.getroot().iter(f"{{{TEI_NS}}}*"):
            for attr in attributes:
                value = elem.get(attr)
                if not value:
                    continue
                for token in value.split():
                    got = self._resolve(parsed, me, elem, attr, token)
                    if got is None:
                        continue
                    problem, missing_file = got
                    if missing_file is not None:
                        seen = missing.setdefault(missing_file, [len(found), 0])
                        seen[1] += 1
                        if seen[1] > 1:
                            continue
                    found.append(problem)
        for index, count in missing.values():
            if count > 1:
                first = found[index]
                found[index] = replace(first, message=f"{first.message} ({count} pointers in this file lead there)")
        return found

    def _resolve(self, parsed: Parsed, me: Indexed, elem: etree._Element, attr: str,
                 token: str) -> tuple[Problem, str | None] | None:
        """None if `token` resolves; else the problem, and the missing file's name if that is the cause."""

        def fail(target: str, why: str, fix: str, missing_file: str | None = None) -> tuple[Problem, str | None]:
            return self._problem(parsed, elem, "editio-ref-resolves", attr, attr=attr, value=token, target=target,
                                 why=why, fix=fix), missing_file

        uri = token
        m = _SCHEME.match(token)
        if m and not token.startswith("#"):
            scheme, rest = m.group(1), m.group(2)
            prefix = me.prefixes.get(scheme)
            if prefix is None:
                if scheme.lower() in external_schemes():
                    return None  # a web address or the like: outside the edition
                declared = ", ".join(f"{p}:" for p in me.prefixes)
                advice = (f"use one of {declared} or add a prefixDef for it" if declared else
                          "add teiHeader/encodingDesc/listPrefixDef with a prefixDef for it")
                return self._problem(parsed, elem, "editio-ref-prefix", attr, attr=attr, value=token, prefix=scheme,
                                     advice=advice), None
            expanded = prefix.expand(rest)
            if expanded is None:
                return fail(f'prefix "{scheme}:"', f'but "{rest}" does not match its matchPattern '
                            f"{prefix.match.pattern}", "write the id as the prefixDef expects")
            uri = expanded
            if _SCHEME.match(uri) and not uri.startswith("#"):
                return None  # the prefix leads outside the edition
        target_part, _, fragment = uri.partition("#")
        fragment = urllib.parse.unquote(fragment)
        if not target_part:
            if fragment and fragment not in me.ids:
                return fail(f'"#{fragment}"', "but no element of this file has that xml:id",
                            "add the xml:id or fix the pointer")
            return None
        if me.path is None:
            return None  # standard input has no folder to resolve a file name against
        file = (me.path.parent / urllib.parse.unquote(target_part)).resolve()
        other = self.files.get(file)
        if other is None:
            if file.is_file():
                return None  # not TEI (an image, a PDF): existing is all we can check
            return fail(f"{target_part}", "but that file is not in the edition's folder",
                        f"create {target_part} beside {me.path.name} or fix the pointer", str(file))
        if fragment and fragment not in other.ids:
            return fail(f"{target_part}#{fragment}", f'but {other.display} has no xml:id "{fragment}"',
                        f"add the entry to {target_part} or fix the pointer")
        return None
