"""Which authority files ingest tags names with, and saying so.

The documents of a folder are tagged with the authority files of that folder when it has them; a fresh
`--out` folder borrows those of an edition: the one named by `--authorities DIR`, else the edition the command
works on (its tei/), else the edition the source files belong to. Ingest always says which files it used, or
that it found none and tags nothing, so that no folder comes out silently untagged.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from editio.names.authority import KINDS
from editio.paths import project_root, tei_dir


def has_authorities(folder: Path) -> bool:
    return all((folder / k.file).is_file() for k in KINDS)


def choose_authorities(out: Path, given: Path | None, sources: Iterable[Path]) -> tuple[Path | None, str]:
    """(folder, sentence for the user). `given` must hold the three files: it is an error otherwise."""
    files = ", ".join(k.file for k in KINDS)
    if given is not None:
        if not has_authorities(given):
            missing = [k.file for k in KINDS if not (given / k.file).is_file()]
            raise FileNotFoundError(f"--authorities {given}: {', '.join(missing)} missing (needed: {files})")
        return given, f"names: tagged with the authority files of {given} (--authorities)"
    if has_authorities(out):
        return out, f"names: tagged with the authority files of {out}"
    tried = [out]
    for folder in (tei_dir(), *(tei_dir(project_root(src.resolve().parent)) for src in sources)):
        if folder in tried:
            continue
        tried.append(folder)
        if has_authorities(folder):
            return folder, f"names: tagged with the authority files of {folder} ({out} has none)"
    where = ", ".join(str(t) for t in tried)
    return None, (f"warning: names not tagged: no authority files ({files}) in {where}; "
                  "pass --authorities DIR (an edition's tei/ folder)")
