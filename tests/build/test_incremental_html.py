"""Incremental web builds: after one edit exactly what depends on it is made again, and the result is the cold
build's, byte for byte (Pagefind's index excepted: it varies between any two builds, Pagefind/pagefind#638)."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from editio.build import html, xslt
from editio.edition import load

REPO = Path(__file__).resolve().parents[2]
SITE_PAGE = "index.html"


def make_edition(folder: Path) -> Path:
    folder.mkdir()
    shutil.copyfile(REPO / "edition.toml", folder / "edition.toml")
    shutil.copytree(REPO / "tei", folder / "tei")
    return folder


def build(folder: Path) -> dict[str, tuple[str, int]]:
    """Build the web edition; every file of output/html (outside pagefind/) → (content hash, mtime)."""
    edition = load(folder)
    html.run(edition, edition.output / "html")
    out = edition.output / "html"
    return {p.relative_to(out).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(out.rglob("*")) if p.is_file() and "pagefind" not in p.relative_to(out).parts}


def rewritten(before: dict, after: dict) -> set[str]:
    return {name for name in after if before.get(name, (None, None))[1] != after[name][1]}


def edit_one_document(folder: Path) -> Path:
    path = sorted((folder / "tei").glob("19*.xml"))[3]
    text = path.read_text(encoding="utf-8")
    changed = re.sub(r"(<p\b[^>]*>[^<]*?) the ", r"\1 the very ", text, count=1)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    return path


@pytest.fixture
def xslt_copy(tmp_path, monkeypatch) -> Path:
    """The stylesheets as a copy the test may change, used by the html target."""
    copy = tmp_path / "xslt"
    shutil.copytree(xslt.XSLT_DIR, copy)
    monkeypatch.setattr(xslt, "XSLT_DIR", copy)
    monkeypatch.setattr(html, "XSLT_DIR", copy)
    return copy


def pages_of(files: dict) -> set[str]:
    return {name for name in files if name.startswith("doc-") and name.endswith(".html")}


def test_one_tei_change_remakes_that_page_and_equals_a_cold_build(tmp_path, xslt_copy):
    folder = make_edition(tmp_path / "ed")
    first = build(folder)
    docs = pages_of(first)
    assert len(docs) == 10
    again = build(folder)
    assert rewritten(first, again) == set()  # nothing changed: no file written again
    changed = edit_one_document(folder)
    after = build(folder)
    page = f"doc-{changed.stem}.html"
    assert rewritten(again, after) & docs == {page}
    # a word of a paragraph is not in the document's summary: the site pages, made from the summaries, stay
    assert SITE_PAGE not in rewritten(again, after)
    assert {"tei/" + changed.name} == {n for n in rewritten(again, after) if n.startswith("tei/")}
    cold = make_edition(tmp_path / "cold")
    shutil.copyfile(changed, cold / "tei" / changed.name)
    assert {n: h for n, (h, _) in build(cold).items()} == {n: h for n, (h, _) in after.items()}


def test_a_change_to_a_documents_summary_remakes_the_site_pages_and_equals_a_cold_build(tmp_path, xslt_copy):
    folder = make_edition(tmp_path / "ed")
    before = build(folder)
    path = sorted((folder / "tei").glob("19*.xml"))[2]
    text = path.read_text(encoding="utf-8")
    retitled = re.sub(r'(<title type="main"[^>]*>)', r"\1Retitled: ", text, count=1)
    assert retitled != text
    path.write_text(retitled, encoding="utf-8")
    after = build(folder)
    assert SITE_PAGE in rewritten(before, after)  # the home page lists every document's title
    assert "Retitled: " in (folder / "output" / "html" / SITE_PAGE).read_text(encoding="utf-8")
    cold = make_edition(tmp_path / "cold")
    shutil.copyfile(path, cold / "tei" / path.name)
    assert {n: h for n, (h, _) in build(cold).items()} == {n: h for n, (h, _) in after.items()}


def test_a_change_to_the_document_stylesheet_remakes_every_document_page_and_a_site_stylesheet_none(tmp_path,
                                                                                                     xslt_copy):
    folder = make_edition(tmp_path / "ed")
    first = build(folder)
    docs = pages_of(first)
    with (xslt_copy / "html" / "site.xsl").open("a", encoding="utf-8") as f:
        f.write("<!-- changed -->\n")
    after_site = build(folder)
    assert rewritten(first, after_site) & docs == set()
    with (xslt_copy / "html" / "apparatus.xsl").open("a", encoding="utf-8") as f:  # imported by document.xsl
        f.write("<!-- changed -->\n")
    after_doc = build(folder)
    assert rewritten(after_site, after_doc) & docs == docs


def test_a_page_damaged_since_the_last_build_is_made_again(tmp_path, xslt_copy):
    folder = make_edition(tmp_path / "ed")
    first = build(folder)
    page = sorted(pages_of(first))[0]
    damaged = folder / "output" / "html" / page
    damaged.write_bytes(damaged.read_bytes()[:100])  # as a build killed while writing it would leave it
    after = build(folder)
    assert after[page][0] == first[page][0]
