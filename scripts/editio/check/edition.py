"""Rules that need the whole edition: xml:ids unique across files, pointers resolved in other files.

The edition is a folder: the files being checked plus every other *.xml beside them (the authority files
persons.xml, places.xml, orgs.xml and the sibling documents), so checking one changed file in a pre-commit
hook still catches an id that another document already uses, and two editions checked in one run stay apart.
Files that are only beside are parsed (safely) for their ids, never reported on. Pointers follow TEI's own
rules: "#id" is local, "pre:value" goes through the file's listPrefixDef (matchPattern /
replacementPattern), anything else is a URI relative to the file.

The rules work from a small summary of each file (`summarise`: its ids with their lines, its prefix declarations,
its pointers with their lines), not from its tree: a summary can be made where the file is parsed (a worker of the
build's executor) and is all that is kept of it, so the memory the rules need is that of the summaries. Only a
file with a problem is read again, for the column of each problem.
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


@dataclass(frozen=True)
class Pointer:
    """One pointer of a file: a token of a pointer attribute of a TEI element."""

    line: int
    tag: str  # the element's local name (for the column)
    attr: str
    token: str


@dataclass
class Summary:
    """What the rules across files need of one file: small, and picklable (made in a worker, sent back)."""

    display: str
    path: Path | None  # resolved; None for standard input
    ids: dict[str, int] = field(default_factory=dict)  # each xml:id and the line of its first element
    identified: list[tuple[str, int, str]] = field(default_factory=list)  # every element with an xml:id: id, line, tag
    prefixes: list[tuple[str, str, str]] = field(default_factory=list)  # each prefixDef: ident, match, replacement
    pointers: list[Pointer] = field(default_factory=list)
    checked: bool = True


def _prefixes(declared: list[tuple[str, str, str]]) -> dict[str, Prefix]:
    found: dict[str, Prefix] = {}
    for ident, match, repl in declared:  # in document order: a later declaration of an ident wins
        try:
            found[ident] = Prefix(ident, re.compile(match), repl)
        except re.error:
            continue  # an invalid matchPattern is reported by tei_all's own rules
    return found


def summarise(display: str, path: Path | None, tree: etree._ElementTree, checked: bool = True) -> Summary:
    """One pass over the tree: everything the rules across files will ask of this file."""
    root = tree.getroot()
    summary = Summary(display, path, checked=checked)
    attributes = pointer_attributes()
    for elem in root.iter():
        if not isinstance(elem.tag, str):
            continue
        line = elem.sourceline or 0
        value = elem.get(XML_ID)
        if value is not None:
            summary.identified.append((value, line, local_name(elem.tag)))
            summary.ids.setdefault(value, line)
        if not elem.tag.startswith(f"{{{TEI_NS}}}"):
            continue
        if elem.tag == f"{{{TEI_NS}}}prefixDef":
            ident, match, repl = elem.get("ident"), elem.get("matchPattern"), elem.get("replacementPattern")
            if ident and match is not None and repl is not None:
                summary.prefixes.append((ident, match, repl))
        for attr in attributes:
            tokens = elem.get(attr)
            if tokens:
                summary.pointers.extend(Pointer(line, local_name(elem.tag), attr, t) for t in tokens.split())
    return summary


def summarise_file(source: Source, max_bytes: int) -> Summary | None:
    """A task of the build's executor: one file parsed and summarised, its tree dropped (None: not well-formed,
    which its own check reports)."""
    parsed = parse(source, max_bytes)
    if parsed.tree is None:
        return None
    return summarise(source.display, source.path.resolve() if source.path else None, parsed.tree)


def text_lines(source: Source, max_bytes: int):
    """The file's lines as the check decoded them: for a problem's column, when a summary found one."""
    return lambda: parse(source, max_bytes).text_lines


@dataclass
class _Indexed:
    summary: Summary
    prefixes: dict[str, Prefix]

    @property
    def display(self) -> str:
        return self.summary.display

    @property
    def path(self) -> Path | None:
        return self.summary.path

    @property
    def ids(self) -> dict[str, int]:
        return self.summary.ids


class Edition:
    """The checked files and their neighbours, summarised once per run."""

    def __init__(self, checked: list[Parsed], max_bytes: int) -> None:
        self._init([summarise(p.source.display, p.source.path.resolve() if p.source.path else None, p.tree)
                    for p in checked if p.tree is not None], max_bytes)

    @classmethod
    def from_summaries(cls, checked: list[Summary], max_bytes: int) -> Edition:
        """The edition from the checked files' summaries alone (made wherever the files were parsed)."""
        edition = cls.__new__(cls)
        edition._init(checked, max_bytes)
        return edition

    def _init(self, checked: list[Summary], max_bytes: int) -> None:
        self.files: dict[Path, _Indexed] = {}
        self.stdin: list[_Indexed] = []
        self._order: list[_Indexed] = []
        for summary in checked:
            item = _Indexed(summary, _prefixes(summary.prefixes))
            if summary.path is None:
                self.stdin.append(item)
            else:
                self.files[summary.path] = item
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
                    summary = summarise(display, resolved, neighbour.tree, checked=False)
                    item = _Indexed(summary, _prefixes(summary.prefixes))
                    self.files[resolved] = item
                    self._order.append(item)
        # one folder is one edition: ids must be unique among the files of a folder (checked or beside)
        self._where: dict[tuple[Path | None, str], list[_Indexed]] = {}
        for item in self._order:
            folder = item.path.parent if item.path else None
            for ident in item.ids:
                self._where.setdefault((folder, ident), []).append(item)

    def problems(self, parsed: Parsed) -> list[Problem]:
        if parsed.tree is None:
            return []
        path = parsed.source.path.resolve() if parsed.source.path else None
        return self.problems_of(parsed.source.display, path, lambda: parsed.text_lines)

    def problems_of(self, display: str, path: Path | None, text_lines) -> list[Problem]:
        """The problems of one checked file, from the summaries; text_lines() gives the file's lines (for the
        columns), asked for only when there is a problem."""
        me = self.files.get(path) if path else next((i for i in self.stdin if i.display == display), None)
        if me is None:
            return []
        lines: list = []

        def problem(line: int, tag: str, rule_id: str, attribute: str | None, **values: str) -> Problem:
            if not lines:
                lines.append(text_lines())
            rule = edition_rules()[rule_id]
            column = column_of(lines[0], line, tag, attribute, values.get("value"))
            return Problem(display, line, column, rule.severity, rule.format(**values), rule_id, LAYER)

        return [*self._duplicates(me, problem), *self._pointers(me, problem)]

    def _duplicates(self, me: _Indexed, problem) -> list[Problem]:
        found = []
        folder = me.path.parent if me.path else None
        for ident, line, tag in me.summary.identified:
            others = [item for item in self._where.get((folder, ident), ()) if item is not me]
            if not others:
                continue  # duplicates inside one file are tei_all's (jing reports them)
            where = ", ".join(f"{o.display}:{o.ids[ident]}" for o in others[:MAX_PLACES])
            if len(others) > MAX_PLACES:
                where += f" and {len(others) - MAX_PLACES} more files"
            found.append(problem(line, tag, "editio-id-unique", "xml:id", id=ident, other=where))
        return found

    def _pointers(self, me: _Indexed, problem) -> list[Problem]:
        found: list[Problem] = []
        missing: dict[str, list[int]] = {}  # a missing file: reported once, at its first pointer, with a count
        for pointer in me.summary.pointers:
            got = self._resolve(me, pointer, problem)
            if got is None:
                continue
            found_problem, missing_file = got
            if missing_file is not None:
                seen = missing.setdefault(missing_file, [len(found), 0])
                seen[1] += 1
                if seen[1] > 1:
                    continue
            found.append(found_problem)
        for index, count in missing.values():
            if count > 1:
                first = found[index]
                found[index] = replace(first, message=f"{first.message} ({count} pointers in this file lead there)")
        return found

    def _resolve(self, me: _Indexed, pointer: Pointer, problem) -> tuple[Problem, str | None] | None:
        """None if the pointer resolves; else the problem, and the missing file's name if that is the cause."""
        token, attr = pointer.token, pointer.attr

        def fail(target: str, why: str, fix: str, missing_file: str | None = None) -> tuple[Problem, str | None]:
            return problem(pointer.line, pointer.tag, "editio-ref-resolves", attr, attr=attr, value=token,
                           target=target, why=why, fix=fix), missing_file

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
                return problem(pointer.line, pointer.tag, "editio-ref-prefix", attr, attr=attr, value=token,
                               prefix=scheme, advice=advice), None
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
