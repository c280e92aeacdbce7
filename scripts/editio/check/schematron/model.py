"""What the Schematron engine hands back: failures found in a document, and errors found in a schema."""

from __future__ import annotations

from dataclasses import dataclass

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"


class SchematronError(ValueError):
    """A schema that cannot be compiled as written: bad XPath, an unsupported construct, a dangling reference.

    Raised at compile time, never half-way through a validation; the message names the Schematron element,
    its file and line, so the author can fix the schema.
    """


@dataclass(frozen=True)
class SchematronFailure:
    """One failed sch:assert or fired sch:report, located in the validated document."""

    kind: str  # "assert" | "report"
    role: str  # @role of the assert/report, else of its rule, else "error"; as written ("warn", "nonfatal"…)
    rule_id: str  # assert/report @id, else rule @id, else pattern @id, else a generated positional id
    message: str  # assertion text, sch:value-of / sch:name evaluated, + diagnostics; whitespace-normalised
    line: int  # line of the context node (an attribute or text node → its element), 0 if unknown
    column: int  # 0: libxml2 gives no columns
    location: str  # XPath of the context node, as fn:path() gives it
    test: str  # the @test expression as written
    pattern: str  # pattern @id or ''
    properties: tuple[tuple[str, str], ...] = ()  # (property id, its evaluated text) for @properties (ISO 2016)


@dataclass(frozen=True)
class AssertionInfo:
    """Static facts about one compiled sch:assert/sch:report; failures point back here by index."""

    kind: str
    role: str
    rule_id: str
    test: str
    pattern: str
    context: str  # the enclosing rule's @context
    origin: str  # "file:line" of the sch:assert/sch:report
