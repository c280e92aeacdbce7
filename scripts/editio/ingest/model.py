"""The reader's view of a source: what each layout extracts, before any TEI is made."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


def _shown(path: Path | str) -> str:
    """A path relative to the working folder when it is below it (messages read like a compiler's)."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class SourceError(Exception):
    """A source that cannot be read at all: names the file and the line, like a compiler."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        super().__init__(f"{_shown(path)}:{line}: error: {message}")
        self.path = Path(path)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Warning_:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{_shown(self.path)}:{self.line}: warning: {self.message}"


@dataclass(frozen=True)
class Line:
    """One unit of the transcription: a physical source line (or several joined by an open bracket)."""

    no: int  # 1-based line number in the source file of the first physical line
    text: str  # may hold '\n' where an open bracket joined physical lines
    note: str | None = None  # the edition's note on how the line was read (two lines run together by a slip)


@dataclass
class Field:
    """A metadata value and the source line it came from (for the nothing-lost check)."""

    text: str
    line: int


@dataclass
class Article:
    """The publication a document was printed in (article layout)."""

    title: Field  # as printed, byline and all
    author: str | None = None  # e.g. 'Alexandre Y. Mansourov' from '… article and translations by …'
    translator: str | None = None
    headline: str | None = None  # the title alone: a title ends where its byline begins
    byline: str = ""  # the words between title and author (", article and translations by ")


@dataclass
class SourceDocument:
    path: Path
    layout: str
    raw_lines: list[str]
    ordinal: int | None = None  # 'Document 3' in an article
    label: Field | None = None  # 'Document 3' as printed
    title: Field | None = None
    date: Field | None = None
    summary: Field | None = None
    citation: Field | None = None
    url: str | None = None
    original_language: Field | None = None
    text_language: Field | None = None  # 'Translation - English'
    rights: list[Field] = field(default_factory=list)
    archive: list[Field] = field(default_factory=list)  # archival location statements ('[Source: …]')
    funding: Field | None = None
    notes: list[Field] = field(default_factory=list)  # other metadata kept in the header (preamble, furniture values)
    article: Article | None = None
    body: list[Line] = field(default_factory=list)
    original_body: list[Line] = field(default_factory=list)  # the original-language text, where the page has it
    truncated: bool = False
    warnings: list[Warning_] = field(default_factory=list)

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(Warning_(self.path, line, message))

    def metadata_fields(self) -> list[tuple[str, Field]]:
        """Every metadata value with its name: the words of each must reach the TEI header."""
        named: list[tuple[str, Field | None]] = [
            ("label", self.label),
            ("title", self.title),
            ("date", self.date),
            ("summary", self.summary),
            ("citation", self.citation),
            ("original language", self.original_language),
            ("text language", self.text_language),
            ("funding", self.funding),
        ]
        named += [("rights", f) for f in self.rights]
        named += [("archive", f) for f in self.archive]
        named += [("note", f) for f in self.notes]
        if self.article:
            named.append(("article", self.article.title))
        return [(n, f) for n, f in named if f is not None]
