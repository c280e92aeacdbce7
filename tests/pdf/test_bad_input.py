"""What the print edition cannot set stops the build with file and line: never a tofu box, never a silent gap."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from editio.build import pdf
from editio.build.print import glyphs
from editio.build.targets import BuildError
from editio.edition import load

REPO = Path(__file__).resolve().parents[2]
DOC = "1950-09-23-vasilevsky-to-stalin.xml"


def edition_with(tmp_path: Path, old: str, new: str) -> Path:
    """A one-document edition in tmp_path whose document has `old` replaced by `new` (once)."""
    (tmp_path / "tei").mkdir()
    shutil.copy(REPO / "edition.toml", tmp_path / "edition.toml")
    for name in ("persons.xml", "places.xml", "orgs.xml"):
        shutil.copy(REPO / "tei" / name, tmp_path / "tei" / name)
    text = (REPO / "tei" / DOC).read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "tei" / DOC).write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_a_character_no_font_has_stops_the_build_naming_it_and_where(tmp_path):
    # a Korean name in Hangul, which Linux Libertine does not cover
    root = edition_with(tmp_path, "the commander of the aviation corps", "the commander (한) of the aviation corps")
    with pytest.raises(BuildError) as err:
        pdf.run(load(root), root / "output" / "pdf")
    message = str(err.value)
    assert "'한' U+D55C HANGUL SYLLABLE HAN" in message
    assert f"tei/{DOC}:{line_of(root / 'tei' / DOC, '한')}" in message
    assert not (root / "output" / "pdf" / "edition.pdf").exists()


def test_the_corpus_characters_are_all_in_the_book_face():
    fonts = glyphs.coverage(sorted(pdf.FONTS.glob("*.otf")))
    corpus = "".join(p.read_text(encoding="utf-8") for p in (REPO / "tei").glob("*.xml"))
    assert {"Ó", "ó", "ŏ", "’", "“", "”", "–", "—", "…", "№"} & set(corpus)  # the corpus has such characters
    russian = "Шифротелеграмма Сталину"  # original-language texts are Cyrillic
    assert glyphs.missing([corpus, russian, "Ó ŏ ’"], fonts) == []


def test_an_element_the_stylesheets_do_not_handle_is_an_error_with_file_and_line(tmp_path):
    root = edition_with(tmp_path, "Colonel <persName ref=\"per:noga\">Noga</persName>",
                        "Colonel <unclear reason=\"faded\"><persName ref=\"per:noga\">Noga</persName></unclear>")
    with pytest.raises(BuildError) as err:
        pdf.run(load(root), root / "output" / "pdf")
    line = line_of(root / "tei" / DOC, "<unclear")
    assert f"{DOC}:{line}: error: the print edition has no rule for <unclear>" in str(err.value)
