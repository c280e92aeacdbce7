"""Which schemas judge each file: those given with --schema, else those it declares in `<?xml-model?>`, else the
profile's (tei_all, or editio inside the edition's repository).

A declaration is resolved, in order, through the user's catalogue, the schemas tei-check ships (the official
tei_all.rng for TEI's own URLs), the file's own folder (relative hrefs) and — only with --fetch-schemas — the
verified download cache. A remote schema that is not fetched is reported once per run, not once per file;
a declaration that cannot be used (missing file, unknown language, wrong language) is one clear line at the
PI, and the file's other schemas still judge it.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from editio.check.catalog import Catalog
from editio.check.problems import Problem
from editio.check.schema_cache import FetchError, fetch
from editio.check.schemas import Schema, root_kind
from editio.check.wellformed import Parsed
from editio.check.xmlmodel import KIND_NAMES, Declaration, declarations, kind_of

LAYER = "schema"
GRAMMARS = ("rng", "rnc", "xsd")
TOOL = "tei-check"


def known_schemas() -> dict[str, str]:
    """URL → name of a schema shipped with tei-check (data/known-schemas.tsv)."""
    with resources.files("editio.check").joinpath("data/known-schemas.tsv").open(encoding="utf-8") as fh:
        return {row["url"]: row["schema"] for row in csv.DictReader(fh, delimiter="\t")}


@dataclass
class Plan:
    schemas: list[Schema]
    editio: bool = False  # the edition's own rules (profile editio) judge the file too
    problems: list[Problem] = field(default_factory=list)
    declared: bool = False  # judged by its own declarations


class Planner:
    """Plans every file of one run; remembers remote schemas left unfetched to report each URL once."""

    def __init__(self, *, profile: str, tei_all: Callable[[], Path], by_declaration: bool = False,
                 overrides: Sequence[Path] = (), catalog: Catalog | None = None, fetch_schemas: bool = False,
                 cache: Path | None = None) -> None:
        self.profile, self._tei_all, self.by_declaration = profile, tei_all, by_declaration
        self.overrides = [Path(p) for p in overrides]
        self.catalog = catalog or Catalog()
        self.fetch_schemas, self.cache = fetch_schemas, cache
        self.unfetched: dict[str, list[str]] = {}  # URL → files declaring it
        self.fetch_failed: dict[str, tuple[str, list[str]]] = {}  # URL → (why, files)
        self._known = known_schemas()

    # ------------------------------------------------------------------------------------------ plans

    def plan(self, parsed: Parsed) -> Plan:
        found = declarations(parsed.tree) if self.by_declaration and not self.overrides else []
        return self.plan_for(parsed.source.display, parsed.source.path, found)

    def plan_for(self, display: str, path: Path | None, found: list[Declaration]) -> Plan:
        """The plan of a file shown as `display` at `path` that declares `found` (xmlmodel.declarations)."""
        if self.overrides:
            return Plan([s for p in self.overrides for s in self._schemas_of(p, str(p))])
        if not self.by_declaration or not found:
            return Plan(self.profile_schemas(), editio=self.profile == "editio")
        return self._declared(display, path, found)

    def tei_all_path(self) -> Path | None:
        """tei_all.rng, for a worker to plan as this planner does; None when it cannot be had (--schema runs)."""
        try:
            return self._tei_all()
        except Exception:  # CheckSetupError: only needed when no --schema is given, and then checked first
            return None

    def profile_schemas(self) -> list[Schema]:
        path = self._tei_all()
        return [Schema("rng", path, "tei_all.rng", tei_all=True),
                Schema("schematron", path, "tei_all.rng", embedded=True, tei_all=True)]

    def _schemas_of(self, path: Path, label: str, line: int = 0, kind: str | None = None,
                    phase: str | None = None) -> list[Schema]:
        """A grammar brings its embedded Schematron along; a Schematron declaration on a grammar means that."""
        kind = kind or kind_of(str(path), None, None) or root_kind(path)
        tei_all = self._is_tei_all(path)
        if kind == "rng":
            return [Schema("rng", path, label, line=line, tei_all=tei_all),
                    Schema("schematron", path, label, phase=phase, embedded=True, line=line, tei_all=tei_all)]
        if kind == "schematron":
            embedded = root_kind(path) in ("rng", "xsd")
            return [Schema("schematron", path, label, phase=phase, embedded=embedded, line=line, tei_all=tei_all)]
        if kind in ("rnc", "xsd"):
            return [Schema(kind, path, label, line=line)]
        raise ValueError(f"{label}: cannot tell the schema language (use .rng, .rnc, .sch or .xsd)")

    def _is_tei_all(self, path: Path) -> bool:
        try:
            return path.resolve() == self._tei_all().resolve()
        except Exception:  # no tei_all to compare with: then it is not tei_all
            return False

    def _declared(self, display: str, source: Path | None, found: list[Declaration]) -> Plan:
        plan = Plan([], declared=True)
        grammars: dict[Path, Declaration] = {}
        missing: set[Path] = set()
        for d in found:
            if d.kind is None:
                plan.problems.append(self._problem(display, d, "warning", "xml-model-unknown",
                                                   f"xml-model href=\"{d.href}\": the schema language cannot be "
                                                   "told (no schematypens, and neither the type nor the file "
                                                   "name says): not used"))
                continue
            path = self._locate(display, source, d)
            if path is None:
                continue
            if not path.is_file():
                if path in missing:
                    continue  # the same file declared for RELAX NG and its Schematron: one line is enough
                missing.add(path)
                plan.problems.append(self._problem(
                    display, d, "error", "xml-model-missing",
                    f"the {KIND_NAMES[d.kind]} schema this file declares is not there: {d.href} (looked for "
                    f"{path}); fix the href, map it with --catalog, or name a schema with --schema"))
                continue
            actual = root_kind(path) if d.kind != "rnc" else "rnc"
            if d.kind in ("rng", "xsd") and actual != d.kind:
                plan.problems.append(self._problem(
                    display, d, "error", "xml-model-type",
                    f"xml-model declares {d.href} as {KIND_NAMES[d.kind]}, but it is "
                    f"{KIND_NAMES.get(actual or '', 'not a schema')}: not used; fix schematypens"))
                continue
            if d.kind in GRAMMARS:
                other = next((o for p, o in grammars.items() if p != path.resolve()), None)
                grammars.setdefault(path.resolve(), d)
                if other is not None:
                    plan.problems.append(self._problem(
                        display, d, "warning", "xml-model-conflict",
                        f"a second grammar is declared: {d.href} ({KIND_NAMES[d.kind]}) beside {other.href} "
                        f"(line {other.line}); the file is checked against both"))
            for schema in self._schemas_of(path, d.href, d.line, d.kind, d.phase):
                if schema not in plan.schemas:
                    plan.schemas.append(schema)
        return plan

    def _locate(self, display: str, source: Path | None, d: Declaration) -> Path | None:
        """The local file a declaration names, or None when it is remote and not to be (or not) fetched."""
        mapped = self.catalog.resolve(d.href)
        if mapped is not None:
            return mapped
        if d.href in self._known:
            return self._shipped(self._known[d.href])
        base = source.resolve().as_uri() if source else Path.cwd().as_uri() + "/"
        url = urljoin(base, d.href)
        mapped = self.catalog.resolve(url)
        if mapped is not None:
            return mapped
        if urlparse(url).scheme == "file":
            return Path(unquote(urlparse(url).path))
        if not self.fetch_schemas:
            self.unfetched.setdefault(url, []).append(display)
            return None
        try:
            return fetch(url, self.cache)
        except FetchError as exc:
            self.fetch_failed.setdefault(url, (str(exc), []))[1].append(display)
            return None

    def _shipped(self, name: str) -> Path:
        if name == "tei_all":
            return self._tei_all()
        raise ValueError(f"known-schemas.tsv names an unknown shipped schema {name!r}")

    @staticmethod
    def _problem(display: str, d: Declaration, severity: str, rule: str, message: str) -> Problem:
        return Problem(display, d.line, 0, severity, message, rule, LAYER)

    # --------------------------------------------------------------------------------- once per run

    def run_problems(self) -> list[Problem]:
        """One warning per remote schema left unfetched or failed: the files are listed, not repeated."""
        found = []
        for url, files in self.unfetched.items():
            found.append(Problem(TOOL, 0, 0, "warning",
                                 f"{_files(files)} declare{'s' if len(files) == 1 else ''} the remote schema "
                                 f"{url}: not fetched (checking never goes online unless asked), so it did not "
                                 "judge them; use --fetch-schemas, map it to a local copy with --catalog, or "
                                 "choose --profile/--schema", "xml-model-remote", LAYER))
        for why, files in self.fetch_failed.values():
            found.append(Problem(TOOL, 0, 0, "warning", f"{why}: it did not judge {_files(files)}",
                                 "xml-model-fetch", LAYER))
        return found


def _files(files: list[str]) -> str:
    if len(files) == 1:
        return files[0]
    shown = ", ".join(files[:3])
    return f"{len(files)} files ({shown}{', …' if len(files) > 3 else ''})"
