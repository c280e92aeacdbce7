"""Incremental print builds: with nothing changed no PDF is typeset again; after one edit the volume (its pages
may move), that document's PDF and pages.xml if a page moved, only; a changed design remakes every PDF; a removed
document leaves no PDF."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from editio.build import pdf
from editio.edition import load

EDITION = Path(__file__).resolve().parents[1] / "html" / "fixtures" / "edition"  # two documents: a quick build
EDITED = "1950-10-01-stalin-to-mao-zedong"
OTHER = "1951-01-02-mao-zedong-to-stalin"


def build(folder: Path) -> dict[str, int]:
    """The print edition built; every file of output/pdf (outside the Typst sources) → its mtime."""
    edition = load(folder)
    out = edition.output / "pdf"
    pdf.run(edition, out)
    return {p.name: p.stat().st_mtime_ns for p in sorted(out.iterdir()) if p.is_file()}


def remade(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {name for name, mtime in after.items() if before.get(name) != mtime}


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    folder = tmp_path / "edition"
    shutil.copytree(EDITION, folder)
    return folder


def test_nothing_changed_typesets_nothing_and_one_edit_remakes_the_volume_and_its_document(edition):
    cold = build(edition)
    assert {"edition.pdf", "pages.xml", f"doc-{EDITED}.pdf", f"doc-{OTHER}.pdf"} <= set(cold)
    again = build(edition)
    assert remade(cold, again) == set()
    tei = edition / "tei" / f"{EDITED}.xml"
    text = tei.read_text(encoding="utf-8")
    body = text.index("<body")
    changed = text[:body] + text[body:].replace(" the ", " the very ", 1)  # a word of the printed text
    assert changed != text
    tei.write_text(changed, encoding="utf-8")
    pages_xml = edition / "output" / "pdf" / "pages.xml"
    record = pages_xml.read_bytes()
    edited = build(edition)
    # pages.xml is written again only when a page moved (the volume's layout record changed)
    moved = {"pages.xml"} if pages_xml.read_bytes() != record else set()
    assert remade(again, edited) == {"edition.pdf", f"doc-{EDITED}.pdf"} | moved


def test_a_pdf_changed_on_disk_is_made_again_and_a_removed_document_leaves_none(edition):
    cold = build(edition)
    volume = edition / "output" / "pdf" / "edition.pdf"
    volume.write_bytes(b"%PDF-1.7 spoiled")
    (edition / "tei" / f"{OTHER}.xml").unlink()
    after = build(edition)
    assert f"doc-{OTHER}.pdf" not in after
    assert "edition.pdf" in remade(cold, after) and volume.read_bytes().startswith(b"%PDF-")
    assert volume.stat().st_size > 1000


def test_a_changed_design_remakes_every_pdf(edition, tmp_path, monkeypatch):
    cold = build(edition)
    design = tmp_path / "book.typ"
    design.write_text(pdf.DESIGN.read_text(encoding="utf-8") + "\n// a change to the design\n", encoding="utf-8")
    monkeypatch.setattr(pdf, "DESIGN", design)
    after = build(edition)
    assert {"edition.pdf", f"doc-{EDITED}.pdf", f"doc-{OTHER}.pdf"} <= remade(cold, after)


def test_a_volume_process_that_dies_stops_the_build_with_a_message(edition, monkeypatch):
    """Killed for memory, say: a BuildError that says what died and why it may have, not a traceback."""
    monkeypatch.setattr(pdf, "_pass", _die)
    with pytest.raises(pdf.BuildError, match="the process laying out the volume died"):
        build(edition)


def _die(source, draft, breaks):
    import os
    import signal

    os.kill(os.getpid(), signal.SIGKILL)
