"""The one SaxonC processor of this process, and compilation of generated XSLT with errors made readable.

SaxonC wants one PySaxonProcessor per process; creating a second one is slow and unsupported, so every user
in the project should take it from `processor()`. A compiled PyXsltExecutable is not thread-safe: callers
run a `clone()` of it (cheap) per transformation.
"""

from __future__ import annotations

import re
import threading

from lxml import etree
from saxonche import PySaxonApiError, PySaxonProcessor, PyXsltExecutable

from editio.check.schematron.compiler import SRC, Compiled
from editio.check.schematron.model import SchematronError
from editio.tei.saxon import new_processor

_lock = threading.Lock()
_processor: PySaxonProcessor | None = None


def processor() -> PySaxonProcessor:
    global _processor
    with _lock:
        if _processor is None:
            _processor = new_processor()
        return _processor


def compile_xslt(compiled: Compiled) -> PyXsltExecutable:
    proc = processor()
    with _lock:
        xslt = proc.new_xslt30_processor()
        try:
            return xslt.compile_stylesheet(stylesheet_text=compiled.xslt)
        except PySaxonApiError as exc:
            raise SchematronError(explain(str(exc), compiled)) from None


_BLOCK = re.compile(r"^(?:Error|Fatal error|Static error)", re.MULTILINE)
_LINE = re.compile(r"on line (\d+)")
_CODE = re.compile(r"^\s*([A-Z]{4}\d{4})\s+(.*)$", re.MULTILINE)


def explain(saxon_message: str, compiled: Compiled) -> str:
    """Saxon reports lines of the generated stylesheet; report the Schematron elements they came from."""
    lines: dict[int, int] = {}
    try:
        for elem in etree.fromstring(compiled.xslt.encode()).iter():
            if isinstance(elem.tag, str) and elem.get(SRC) is not None:
                lines.setdefault(elem.sourceline, int(elem.get(SRC)))
    except etree.XMLSyntaxError:  # pragma: no cover - we generate it, it parses
        pass
    starts = sorted(lines)

    def source(line: int) -> str | None:
        before = [n for n in starts if n <= line]
        return compiled.sources[lines[before[-1]]] if before else None

    starts_at = [m.start() for m in _BLOCK.finditer(saxon_message)] or [0]
    problems: list[str] = []
    for begin, end in zip(starts_at, [*starts_at[1:], len(saxon_message)], strict=True):
        block = saxon_message[begin:end].strip()
        if not block:
            continue
        where = _LINE.search(block)
        code = _CODE.search(block)
        detail = f"{code.group(1)} {code.group(2).strip()}" if code else " ".join(block.split())
        origin = source(int(where.group(1))) if where else None
        problems.append(f"{origin}: {detail}" if origin else detail)
    if not problems:
        problems.append(" ".join(saxon_message.split()))
    return "Schematron schema does not compile:\n  " + "\n  ".join(problems)
