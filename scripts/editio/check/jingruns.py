"""jing over the files of each grammar: one JVM run per grammar (a few for many files), at most `jobs` at a time,
started as early as possible and collected at the end; and which validator each grammar gets (jing, or libxml2
without Java), chosen once per process."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from editio.check import relaxng
from editio.check.filecheck import grammar_names, unusable
from editio.check.problems import CheckSetupError, Problem
from editio.check.schemas import Schema, stamp
from editio.check.wellformed import Parsed


@functools.lru_cache(maxsize=32)
def _validator_cached(key: tuple[str, int, int], java: str | None, compact: bool, rule: str,
                      layer: str) -> relaxng.JingValidator | relaxng.LxmlValidator:
    """jing if Java is there (nothing to compile here), else libxml2's RELAX NG compiled once per process."""
    return relaxng.validator(Path(key[0]), java, compact, rule, layer)


def validator_for(schema: Schema, java: str | None) -> relaxng.JingValidator | relaxng.LxmlValidator | None:
    """The validator of one grammar in this process, None when it cannot be used (the main process reports why)."""
    try:
        return _validator_cached(stamp(schema.path), java, schema.kind == "rnc",
                                 *grammar_names(schema))
    except (relaxng.RelaxNGUnavailable, OSError):
        return None


def jing_validators(grammars, problems_for) -> tuple[dict[Schema, object], list[Problem]]:
    """A validator per grammar; a grammar that cannot be used is one problem per file (`problems_for(schema)`
    gives the files' display names), except the profile's own tei_all, without which nothing can run."""
    java = relaxng.java_executable()
    validators: dict[Schema, object] = {}
    problems: list[Problem] = []
    for schema in grammars:
        try:
            validators[schema] = _validator_cached(stamp(schema.path), java, schema.kind == "rnc",
                                                   *grammar_names(schema))
        except (relaxng.RelaxNGUnavailable, OSError) as exc:
            if schema.tei_all and not schema.line:
                raise CheckSetupError(str(exc)) from exc
            problems += [unusable(display, schema, str(exc)) for display in problems_for(schema)]
    if any(isinstance(v, relaxng.LxmlValidator) for v in validators.values()):
        problems.append(Problem("tei-check", 0, 0, "warning", relaxng.FALLBACK_WARNING, "no-java", "tei"))
    return validators, problems


def jing_targets(members: list[Parsed], tmp: Path) -> list[relaxng.Target]:
    """What jing reads for each file: the file itself, or a private copy of an expanded text or standard input."""
    targets = []
    for p in members:
        targets.append(target(p.source.display, p.source.path, p.expanded if p.expanded is not None else
                              (p.source.data if p.source.path is None else None), p.entities, tmp))
    return targets


def target(display: str, path: Path | None, data: bytes | None, alone: bool, tmp: Path) -> relaxng.Target:
    if data is not None or path is None:
        path = tmp / f"{hashlib.sha1(display.encode('utf-8')).hexdigest()}.xml"  # the same in every worker
        if not path.exists():
            path.write_bytes(data or b"")
    return relaxng.Target(path, display, alone=alone)


class JingRuns:
    """One jing run per grammar, at most `jobs` JVMs at a time, started now and collected at the end."""

    def __init__(self, validators: dict, groups: dict[Schema, list[relaxng.Target]], jobs: int) -> None:
        self._runs: list[tuple[Schema, list[relaxng.Target], relaxng.JingRun]] = []
        self._pending = [(schema, targets) for schema, targets in groups.items()
                         if targets and isinstance(validators.get(schema), relaxng.JingValidator)]
        self._jobs, self._validators = jobs, validators
        self._start_some()

    def _start_some(self) -> None:
        # one core stays with Python when there is more than one grammar to run
        while self._pending and sum(r.running for _, _, r in self._runs) < max(1, self._jobs - 1):
            schema, targets = self._pending.pop(0)
            chunks = self._jobs if len(self._pending) == 0 and not self._runs else 1
            self._runs.append((schema, targets, self._validators[schema].start(targets, chunks)))

    def kill(self) -> None:
        self._pending.clear()
        for _, _, run in self._runs:
            run.kill()

    def collect(self, timeout: float) -> list[Problem]:
        found: list[Problem] = []
        i = 0
        while i < len(self._runs) or self._pending:
            if i >= len(self._runs):
                self._start_some()
            schema, targets, run = self._runs[i]
            try:
                for problems in run.collect(timeout=timeout).values():
                    found.extend(problems)
            except relaxng.RelaxNGUnavailable as exc:
                if schema.tei_all and not schema.line:
                    self.kill()
                    raise CheckSetupError(str(exc)) from exc
                found.extend(unusable(t.display, schema, str(exc)) for t in targets)
            i += 1
            self._start_some()
        return found
