"""Where the edition's folders are: the project root is the nearest folder holding `sources/` or `tei/`."""

from __future__ import annotations

from pathlib import Path


def project_root(start: Path | None = None) -> Path:
    """The working folder, or the nearest parent that looks like an editio project."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file() and ((folder / "sources").is_dir() or (folder / "tei").is_dir()):
            return folder
    return here


def sources_dir(root: Path | None = None) -> Path:
    return (root or project_root()) / "sources"


def tei_dir(root: Path | None = None) -> Path:
    return (root or project_root()) / "tei"


def output_dir(root: Path | None = None) -> Path:
    return (root or project_root()) / "output"
