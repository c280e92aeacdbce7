"""A constructed edition for the print edition's volumes: the bundled documents copied (each copy its own file
name and xml:id, the text varied by a word so the copies differ) up to N documents, with `[print] volume_size`."""

from __future__ import annotations

import shutil
from pathlib import Path

from editio.edition import load

REPO = Path(__file__).resolve().parents[2]
AUTHORITY = ("persons.xml", "places.xml", "orgs.xml")
XML_ID = 'xml:id="doc-'


def make_edition(folder: Path, documents: int, volume_size: int) -> Path:
    """An edition in folder of `documents` TEI documents in date order (copies sort beside their original)."""
    (folder / "tei").mkdir(parents=True)
    settings = (REPO / "edition.toml").read_text(encoding="utf-8")
    (folder / "edition.toml").write_text(settings + f"\n[print]\nvolume_size = {volume_size}\n", encoding="utf-8")
    for name in AUTHORITY:
        shutil.copy(REPO / "tei" / name, folder / "tei" / name)
    originals = load(REPO).documents()
    for i in range(documents):
        original = originals[i % len(originals)]
        copy = i // len(originals)
        text = original.read_text(encoding="utf-8")
        stem = original.stem if copy == 0 else f"{original.stem}-{'abcdefghij'[copy]}"
        if copy:
            assert text.count(XML_ID + original.stem + '"') == 1
            text = text.replace("doc-" + original.stem, "doc-" + stem)  # its id, and the ids it prefixes
            body = text.index("<body")
            text = text[:body] + text[body:].replace(" the ", f" the {'very ' * copy}", 1)
        (folder / "tei" / f"{stem}.xml").write_text(text, encoding="utf-8")
    return folder
