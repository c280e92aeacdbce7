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


def unknown_summary(trees: list[tuple[str, object]], use_model: bool = True, read: list | None = None) -> str | None:
    """One line for the end of ingest: how many name-like mentions of the new documents no entry covers (the
    statistical model when installed and asked for, the corpus cues always). `read`: what the model found in
    each document, made by the ingest tasks (names/suggest.py, ModelRead)."""
    from editio.names.suggest import scan_trees

    found = scan_trees([(name, tree.getroot()) for name, tree in trees], use_model=use_model, read=read).found
    if not found:
        return None
    forms = sorted({f.surface for f in found})
    shown = ", ".join(forms[:6]) + (" …" if len(forms) > 6 else "")
    return (f"names: {len(found)} mention(s) no authority entry covers ({shown}): "
            "run `editio names --suggest` to review proposals")
