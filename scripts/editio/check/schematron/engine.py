"""Run a compiled Schematron against documents and return located failures.

Compile once (expand → XSLT 3.0 → SaxonC executable) per Schematron; validate() any number of documents.
validate() is thread-safe: each call runs its own clone of the executable. Documents are parsed by lxml
only (safely: no DTD, no entities, no network) and Saxon is handed a serialisation of that very tree, so
the two trees agree node for node and fn:path() from Saxon finds the lxml node whose line we report.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from lxml import etree
from saxonche import PySaxonApiError

from editio.check.schematron.compiler import INTERNAL_NS, Compiled, compile_schema
from editio.check.schematron.expand import expand, safe_parser, source_name
from editio.check.schematron.locate import locate, top_level
from editio.check.schematron.model import AssertionInfo, SchematronError, SchematronFailure
from editio.check.schematron.saxon import compile_xslt, processor

Document = etree._ElementTree | etree._Element | str | os.PathLike | bytes


class Schematron:
    """An ISO Schematron schema (queryBinding xslt2/xslt3/xpath2/3/31; XPath 1 bindings run the same way)."""

    def __init__(self, schema: etree._Element | etree._ElementTree, phase: str | None = None) -> None:
        if isinstance(schema, etree._ElementTree):
            schema = schema.getroot()
        self.phase = phase
        self._compiled: Compiled = compile_schema(expand(schema), phase, source_name(schema)[1])
        self._executable = compile_xslt(self._compiled)
        self._lock = threading.Lock()

    @classmethod
    def from_file(cls, path: str | os.PathLike, phase: str | None = None) -> Schematron:
        try:
            tree = etree.parse(str(path), safe_parser())
        except (OSError, etree.XMLSyntaxError) as exc:
            raise SchematronError(f"cannot read Schematron schema {path}: {exc}") from exc
        return cls(tree.getroot(), phase)

    @property
    def xslt(self) -> str:
        """The generated XSLT 3.0 stylesheet (for debugging and for the curious)."""
        return self._compiled.xslt

    @property
    def assertions(self) -> tuple[AssertionInfo, ...]:
        """Every sch:assert/sch:report compiled for the active phase, in schema order."""
        return self._compiled.assertions

    @property
    def patterns(self) -> tuple[str, ...]:
        """Active patterns (id, or 'patternN' for one without id), in schema order."""
        return self._compiled.patterns

    @property
    def rule_count(self) -> int:
        return self._compiled.rule_count

    def validate(self, doc: Document, same_file: str | os.PathLike | None = None) -> list[SchematronFailure]:
        """Failures of `doc`, in document order of their context nodes.

        `doc`: an lxml tree or element parsed with line numbers (by the caller, safely), or a path / bytes
        that are parsed here safely. An element that is not its document's root is validated as if it were
        a document of its own. `same_file`: the file `doc` was parsed from, when the caller knows Saxon reads
        the very same tree from it (no DOCTYPE, nothing expanded): Saxon then parses the file itself, which
        spares serialising the tree and parsing that text (a third of this call's time, bench/RESULTS.md).
        """
        root, url = _as_root(doc)
        if next(root.iter(etree.Entity), None) is not None:
            raise SchematronError("the document holds unresolved entity references; parse it with entities "
                                  "resolved (internal subset only) or remove them")
        top = top_level(root)
        proc = processor()
        builder = proc.new_document_builder()
        if url:
            builder.set_base_uri(url)
        xdm = None
        if same_file is not None and root.getparent() is None:
            try:
                xdm = builder.parse_xml(xml_file_name=os.fspath(same_file))
            except PySaxonApiError:  # changed or gone since it was read: judge the tree we have
                xdm = None
        if xdm is None:
            text = "\n".join(etree.tostring(node, encoding="unicode", with_tail=False) for node in top)
            xdm = builder.parse_xml(xml_text=text, encoding="UTF-8")
        with self._lock:
            executable = self._executable.clone()
        output = executable.transform_to_string(xdm_node=xdm)
        return self._failures(output, top)

    def _failures(self, output: str, top: list[etree._Element]) -> list[SchematronFailure]:
        return failures(self._compiled, output, top)


def failures(compiled: Compiled, output: str, top: list[etree._Element]) -> list[SchematronFailure]:
    """The failures a compiled schema's stylesheet reported in `output` (its report, as text), located in the
    document whose top-level nodes are `top`; whichever Saxon ran it (SaxonC here, Saxon-HE in the JVM
    engine), the same records give the same failures."""
    report = etree.fromstring(output.encode("utf-8"), safe_parser())
    found: list[SchematronFailure] = []
    m_tag, d_tag, p_tag = f"{{{INTERNAL_NS}}}m", f"{{{INTERNAL_NS}}}d", f"{{{INTERNAL_NS}}}p"
    for rec in report.iter(f"{{{INTERNAL_NS}}}f"):
        info = compiled.assertions[int(rec.get("a"))]
        loc = rec.get("loc") or ""
        message = _normalise(rec.findtext(m_tag) or "")
        if rec.get("err") is not None:
            message = f"cannot evaluate this {info.kind} ({rec.get('err')}): {message}"
            role = "error"
        else:
            diagnostics = [_normalise("".join(d.itertext())) for d in rec.iter(d_tag)]
            message = " ".join(part for part in (message, *diagnostics) if part)
            role = info.role
        found.append(SchematronFailure(
            kind=info.kind, role=role, rule_id=info.rule_id, message=message,
            line=locate(loc, top).line, column=0, location=loc, test=info.test, pattern=info.pattern,
            properties=tuple((p.get("id"), _normalise("".join(p.itertext()))) for p in rec.iter(p_tag)),
        ))
    return found


def _uri(url: str | None) -> str | None:
    if not url:
        return None
    return url if "://" in url or url.startswith("file:") else Path(url).resolve().as_uri()


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _as_root(doc: Document) -> tuple[etree._Element, str | None]:
    if isinstance(doc, etree._ElementTree):
        return doc.getroot(), _uri(doc.docinfo.URL)
    if isinstance(doc, etree._Element):
        return doc, _uri(doc.getroottree().docinfo.URL)
    if isinstance(doc, bytes):
        return etree.fromstring(doc, safe_parser()), None
    path = Path(doc)
    tree = etree.parse(str(path), safe_parser())
    return tree.getroot(), path.resolve().as_uri()
