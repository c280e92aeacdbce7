"""Long stages show their progress: a bar on a terminal, one plain line per document worked on otherwise."""

from __future__ import annotations

import io

from editio.build.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(stream, monkeypatch, ci: bool = False) -> list[str]:
    if ci:
        monkeypatch.setenv("CI", "1")
    else:
        monkeypatch.delenv("CI", raising=False)
    lines: list[str] = []
    progress = Progress(["a.xml", "b.xml", "c.xml"], "html: page", stream=stream)
    for name in progress:
        if name != "b.xml":  # b is unchanged: skipped, not worked on
            progress.done(name, echo=lines.append)
    return lines


def test_not_on_a_terminal_each_document_worked_on_is_one_plain_line(monkeypatch):
    stream = io.StringIO()
    assert run(stream, monkeypatch) == ["html: page 1/3 a.xml", "html: page 3/3 c.xml"]
    assert stream.getvalue() == ""


def test_on_a_terminal_a_bar_counts_every_document_with_its_rate_and_no_plain_lines(monkeypatch):
    stream = Terminal()
    assert run(stream, monkeypatch) == []
    shown = stream.getvalue()
    assert "html: page" in shown and "3/3" in shown and "doc/s" in shown


def test_in_ci_even_on_a_terminal_plain_lines(monkeypatch):
    stream = Terminal()
    assert run(stream, monkeypatch, ci=True) == ["html: page 1/3 a.xml", "html: page 3/3 c.xml"]
