"""Where the edition's folders are: the edition named by `--edition DIR`, else the nearest folder holding an
edition.toml, else the nearest project folder holding `sources/` or `tei/`."""

from __future__ import annotations

from pathlib import Path

_chosen: Path | None = None


def choose_edition(folder: Path | None) -> None:
    """Set by `editio --edition DIR`: every command then works on that edition."""
    global _chosen
    _chosen = folder.resolve() if folder is not None else None


def project_root(start: Path | None = None) -> Path:
    """The chosen edition, or the working folder, or its nearest parent that looks like an edition."""
    if _chosen is not None and start is None:
        return _chosen
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "edition.toml").is_file():
            return folder
        if (folder / "pyproject.toml").is_file() and ((folder / "sources").is_dir() or (folder / "tei").is_dir()):
            return folder
    return here


def current_edition():
    """The Edition (settings and folders) the command works on."""
    from editio.edition import load

    return load(project_root())


def sources_dir(root: Path | None = None) -> Path:
    return (root or project_root()) / "sources"


def tei_dir(root: Path | None = None) -> Path:
    return (root or project_root()) / "tei"


def output_dir(root: Path | None = None) -> Path:
    return (root or project_root()) / "output"
