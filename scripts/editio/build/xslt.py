"""XSLT 3.0 for every output: one Saxon processor per build, each stylesheet compiled once, the edition's settings
passed to every stylesheet as parameters (`edition-title`, `edition-base-url`, …)."""

from __future__ import annotations

import functools
import time
from collections.abc import Mapping
from pathlib import Path

from saxonche import PySaxonApiError, PyXdmValue

from editio.tei.saxon import new_processor

XSLT_DIR = Path(__file__).resolve().parents[3] / "xslt"


class XsltError(RuntimeError):
    """A stylesheet failed to compile or to run; the message names the stylesheet and the input."""


class Stylesheets:
    """Compiled stylesheets of one build. Use as a context manager; compile() caches by path."""

    def __init__(self, params: Mapping[str, str] | None = None) -> None:
        self._proc = new_processor()
        self._xslt = self._proc.new_xslt30_processor()
        self._params = dict(params or {})
        self._compiled: dict[Path, object] = {}

    def __enter__(self) -> Stylesheets:
        return self

    def __exit__(self, *exc) -> None:
        self._compiled.clear()

    def compile(self, stylesheet: Path | str):
        path = Path(stylesheet) if Path(stylesheet).is_absolute() else XSLT_DIR / stylesheet
        exe = self._compiled.get(path)
        if exe is None:
            try:
                exe = self._xslt.compile_stylesheet(stylesheet_file=str(path))
            except PySaxonApiError as exc:
                raise XsltError(f"{path}: {exc}") from exc
            if exe is None:
                raise XsltError(f"{path}: {self._xslt.error_message or 'did not compile'}")
            self._compiled[path] = exe
        return exe

    def _prepared(self, stylesheet: Path | str, params: Mapping[str, object]):
        exe = self.compile(stylesheet)
        exe.clear_parameters()
        for name, value in {**self._params, **params}.items():
            exe.set_parameter(name, self.xdm(value))
        return exe

    def parse(self, path: Path):
        """A document parsed once, to pass to many transformations as a parameter (as a value of a dict: a map)."""
        try:
            return self._proc.parse_xml(xml_file_name=str(path))
        except PySaxonApiError as exc:
            raise XsltError(f"{path}: {exc}") from exc

    def evaluate(self, expression: str, context):
        """An XPath 3.1 expression on a parsed document (parse()): a value made once for many transformations."""
        xpath = self._proc.new_xpath_processor()
        xpath.declare_namespace("map", "http://www.w3.org/2005/xpath-functions/map")
        xpath.set_context(xdm_item=context)
        try:
            return xpath.evaluate(expression)
        except PySaxonApiError as exc:
            raise XsltError(f"{expression}: {exc}") from exc

    def xdm(self, value: object):
        """A parameter's value as Saxon takes it: made once, it can be passed to many transformations."""
        if isinstance(value, str):
            return self._proc.make_string_value(value)
        if isinstance(value, PyXdmValue):  # a parsed document (parse()), or a value made by xdm(), as it is
            return value
        if isinstance(value, dict):  # string keys → values: an XDM map
            return self._proc.make_map2({str(k): self.xdm(v) for k, v in value.items()})
        if isinstance(value, bool):
            return self._proc.make_boolean_value(value)
        if isinstance(value, int):
            return self._proc.make_integer_value(value)
        return self._proc.make_string_value(str(value))


    def transform(self, stylesheet: Path | str, source: Path, output: Path | None = None,
                  **params: object) -> str | None:
        """Apply the stylesheet to source; to output (and its xsl:result-documents beside it) or as a string."""
        exe = self._prepared(stylesheet, params)
        try:
            if output is not None:
                output.parent.mkdir(parents=True, exist_ok=True)
                exe.set_base_output_uri(output.resolve().as_uri())
                exe.transform_to_file(source_file=str(source), output_file=str(output))
                return None
            return exe.transform_to_string(source_file=str(source))
        except PySaxonApiError as exc:
            raise XsltError(f"{stylesheet} on {source}: {exc}") from exc

    def call(self, stylesheet: Path | str, output: Path | None = None, template: str | None = None,
             **params: object) -> str | None:
        """Run a named template (default xsl:initial-template), e.g. for pages made from many documents."""
        exe = self._prepared(stylesheet, params)
        try:
            if output is not None:
                output.parent.mkdir(parents=True, exist_ok=True)
                exe.set_base_output_uri(output.resolve().as_uri())
                exe.call_template_returning_file(template, output_file=str(output))
                return None
            return exe.call_template_returning_string(template)
        except PySaxonApiError as exc:
            raise XsltError(f"{stylesheet} ({template or 'xsl:initial-template'}): {exc}") from exc


@functools.lru_cache(maxsize=4)
def _worker_stylesheets(params: tuple[tuple[str, str], ...], stamp: tuple) -> Stylesheets:
    return Stylesheets(dict(params))


_stamp: list = [float("-inf"), ()]  # when the stylesheets on disk were last looked at, and what they were


def _xslt_stamp() -> tuple:
    """What the stylesheets on disk are now (each file's path, size and time), looked at once a second at most:
    a long-lived worker (Dask, or `editio serve`'s own process) compiles again after an edit instead of keeping
    what it compiled before."""
    if time.monotonic() - _stamp[0] > 1.0:
        _stamp[:] = [time.monotonic(), tuple((str(p), st.st_size, st.st_mtime_ns) for p in sorted(XSLT_DIR.rglob("*"))
                                             if p.is_file() and (st := p.stat()))]
    return _stamp[1]


def worker_stylesheets(params: Mapping[str, str]) -> Stylesheets:
    """This process's compiled stylesheets for these parameters: what a task run by the build's executor uses
    (build/executor.py), so each stylesheet is compiled once per worker, not once per document."""
    return _worker_stylesheets(tuple(sorted(params.items())), _xslt_stamp())
