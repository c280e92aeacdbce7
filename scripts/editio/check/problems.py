"""What a check finds: one Problem per finding, gathered in a CheckReport for a run."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

LAYERS = ("wellformed", "xinclude", "schema", "tei", "tei-schematron", "schematron", "editio")
SEVERITIES = ("error", "warning")

# rule ids of findings that are no verdict on a file but a failure to read it (exit status 2, like a usage error)
IO_RULES = frozenset({"io-error"})


class CheckSetupError(RuntimeError):
    """The check cannot run at all (no schema, broken schema, unknown profile): exit status 2."""


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, located like a compiler message: path:line:column (0 = unknown)."""

    path: str
    line: int
    column: int
    severity: str  # 'error' | 'warning'
    message: str
    rule_id: str
    layer: str  # one of LAYERS

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class CheckReport:
    """The outcome of one run: every problem, in file order then line order."""

    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    paths: list[str] = field(default_factory=list)  # every file checked, as shown in the report
    profile: str = "editio"
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per phase, for bench/
    judged: dict[str, list[str]] = field(default_factory=dict)  # file → the schemas that judged it
    by_declaration: bool = False  # some file was judged by what it declares (or all by --schema), not a profile
    rechecked: list[str] = field(default_factory=list)  # files validated this run (the rest: stored verdicts)
    engine: str = "jing and SaxonC (in process)"  # what judged the run: the JVM engine, or the in-process ones

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity == "warning")

    @property
    def ok(self) -> bool:
        return self.errors == 0

    @property
    def io_failed(self) -> bool:
        """True when a file could not be read at all (the CLI exits 2, not 1)."""
        return any(p.rule_id in IO_RULES for p in self.problems)

    def for_path(self, path: str) -> list[Problem]:
        return [p for p in self.problems if p.path == path]

    def as_dict(self) -> dict[str, object]:
        return {
            "files": self.files,
            "errors": self.errors,
            "warnings": self.warnings,
            "ok": self.ok,
            "profile": self.profile,
            "engine": self.engine,
            "paths": list(self.paths),
            "schemas": {path: list(names) for path, names in self.judged.items()},
            "problems": [p.as_dict() for p in self.problems],
        }
