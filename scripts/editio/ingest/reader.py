"""Read a source file's bytes into lines, refusing what is not a text transcription."""

from __future__ import annotations

from pathlib import Path

from editio.ingest.model import SourceError

# A text transcription has no NUL bytes and few control characters; anything else is not ours to guess at.
_CONTROL_OK = {"\n", "\r", "\t", "\f"}


def read_source(path: Path) -> list[str]:
    """The file's lines (without line ends); SourceError names the file and line of the first problem.
    A .pdf gives the lines of its text layer (ingest/pdf.py)."""
    if path.suffix.lower() == ".pdf":
        from editio.ingest.pdf import read_pdf

        return read_pdf(path)[0]
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(path, 0, f"cannot read the file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise SourceError(path, 1, "the file is empty: there is no transcription to convert")
    for bom, name in ((b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16")):
        if data.startswith(bom):
            raise SourceError(path, 1, f"the file is {name}, not UTF-8: save it as UTF-8 and run ingest again")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise SourceError(path, line, "this is a binary file (it holds NUL bytes), not a text transcription")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(
            path,
            line,
            f"the file is not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8 and run ingest again",
        ) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for no, line in enumerate(lines, 1):
        bad = [c for c in line if ord(c) < 32 and c not in _CONTROL_OK]
        if len(bad) > max(3, len(line) // 10):
            raise SourceError(path, no, "this looks like a binary file (control characters), not a transcription")
    return lines
