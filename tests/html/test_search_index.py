"""The search index is Pagefind's, made from the built pages: what the pages mark is what is found, and an old
index never answers for pages that are gone."""

from __future__ import annotations

import pytest

from editio.build.search import index_site, pages_glob, site_language
from editio.build.targets import BuildError

PAGE = ('<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        '<nav data-pagefind-ignore>menu words</nav><main data-pagefind-body><h1>{title}</h1><p>{text}</p>'
        '<span data-pagefind-filter="year">{year}</span></main></body></html>')


def make_page(root, name, title, text, year, lang="en"):
    (root / name).write_text(PAGE.format(lang=lang, title=title, text=text, year=year), encoding="utf-8")


def test_the_site_is_indexed_in_the_home_pages_language_and_a_stale_bundle_is_replaced(tmp_path):
    make_page(tmp_path, "index.html", "Home", "The documents of the edition.", "1950")
    make_page(tmp_path, "doc-a.html", "A report", "The bridge at Andong.", "1950", lang="ru")
    stale = tmp_path / "pagefind" / "fragment" / "en_old.pf_fragment"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"a page that no longer exists")
    files = index_site(tmp_path)
    assert site_language(tmp_path) == "en"
    names = {f.relative_to(tmp_path).as_posix() for f in files}
    assert "pagefind/pagefind.js" in names and "pagefind/pagefind-entry.json" in names
    assert not stale.exists()
    # one index for the whole site (the page in another language is indexed in the edition's language)
    assert {n.split("/")[-1].split("_")[0] for n in names if n.startswith("pagefind/fragment/")} == {"en"}
    assert len([n for n in names if n.startswith("pagefind/fragment/")]) == 2
    assert all(f.is_file() and f.is_relative_to(tmp_path / "pagefind") for f in files)


def test_a_missing_site_is_a_build_error(tmp_path):
    with pytest.raises(BuildError, match="not a folder"):
        index_site(tmp_path / "nothing")


@pytest.mark.parametrize(("pages", "glob"), [
    (["doc-1950-a.html", "doc-1951-b.html"], "doc-195*.html"),
    (["doc-a.html"], "doc-a*.html"),  # one page alone: its name, not "doc-a.html*.html"
    (["alpha.html", "beta.html"], None),  # nothing in common: every page is read
    (["x[1].html", "x[2].html"], "x*.html"),  # a character the glob would read otherwise ends the beginning
])
def test_the_glob_of_the_searched_pages_takes_in_each_of_them(pages, glob):
    assert pages_glob(pages) == glob


def test_the_pages_named_are_indexed_and_the_others_not_read(tmp_path):
    make_page(tmp_path, "doc-a.html", "A report", "The bridge at Andong.", "1950")
    make_page(tmp_path, "doc-b.html", "A telegram", "Pyongyang.", "1951")
    # a page outside the glob is not read, so even a page with a body there is not found
    make_page(tmp_path, "index.html", "Home", "Every document listed.", "1950")
    names = {f.relative_to(tmp_path).as_posix() for f in index_site(tmp_path, ["doc-a.html", "doc-b.html"])}
    assert len([n for n in names if n.startswith("pagefind/fragment/")]) == 2
    everything = {f.relative_to(tmp_path).as_posix() for f in index_site(tmp_path)}
    assert len([n for n in everything if n.startswith("pagefind/fragment/")]) == 3
