"""The web edition as one ZIP for a library: the whole site, and the same site always gives the same bytes."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from editio.build.package import FIXED_TIME, write_zip


def make_site(root: Path) -> Path:
    files = {"index.html": "<p>home</p>", "doc-1950-a.html": "<p>a</p>", "css/edition.css": "p{}",
             "js/search.js": "//", "pagefind/fragment/en_1.pf_fragment": "\x00\x01", "tei/a.xml": "<TEI/>",
             ".DS_Store": "junk"}
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_the_zip_holds_every_file_of_the_site_and_nothing_else(tmp_path):
    site = make_site(tmp_path / "html")
    archive = write_zip(site, tmp_path / "edition-html.zip")
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert names == sorted(names)
        assert set(names) == {"index.html", "doc-1950-a.html", "css/edition.css", "js/search.js",
                              "pagefind/fragment/en_1.pf_fragment", "tei/a.xml"}
        for name in names:
            assert zf.read(name) == (site / name).read_bytes()
            assert zf.getinfo(name).date_time == FIXED_TIME


def test_the_same_site_gives_the_same_bytes_whenever_it_is_built(tmp_path):
    first = write_zip(make_site(tmp_path / "one"), tmp_path / "one.zip").read_bytes()
    second_site = make_site(tmp_path / "two")
    for path in second_site.rglob("*"):
        os.utime(path, (1_000_000_000, 1_000_000_000))  # built at another time
    assert write_zip(second_site, tmp_path / "two.zip").read_bytes() == first


def test_a_missing_site_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="editio build html"):
        write_zip(tmp_path / "nothing", tmp_path / "x.zip")
    assert not (tmp_path / "x.zip").exists()


def test_the_build_writes_the_whole_web_edition_as_output_edition_html_zip(site):
    archive = site.parent / "edition-html.zip"  # output/edition-html.zip beside output/html/
    assert archive.is_file(), "editio build html writes output/edition-html.zip"
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert names == sorted(names)
        on_disk = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        assert names == on_disk  # every page, stylesheet, script, TEI file and the search index
        assert "index.html" in names and "pagefind/pagefind.js" in names
        assert zf.read("index.html") == (site / "index.html").read_bytes()
        assert {zf.getinfo(n).date_time for n in names} == {FIXED_TIME}


def test_the_same_edition_built_twice_gives_the_same_files_byte_for_byte(fixture_site, tmp_path):
    """Every page, stylesheet, script and TEI file: the same bytes from the same TEI (no build time in them).
    Pagefind's own filter and metadata indexes are the exception (their names and order change from run to run,
    Pagefind/pagefind#638), so only pagefind/ may differ between the two ZIPs."""
    from browsing import FIXTURE_EDITION, build_html

    again = build_html(FIXTURE_EDITION, tmp_path / "again")
    first, second = fixture_site.parent / "edition-html.zip", again.parent / "edition-html.zip"
    with zipfile.ZipFile(first) as one, zipfile.ZipFile(second) as two:
        ours = sorted(n for n in one.namelist() if not n.startswith("pagefind/"))
        assert ours == sorted(n for n in two.namelist() if not n.startswith("pagefind/"))
        assert len(ours) > 10
        assert [n for n in ours if one.read(n) != two.read(n)] == []
        fragments = sorted(n for n in one.namelist() if n.startswith("pagefind/fragment/"))
        assert fragments == sorted(n for n in two.namelist() if n.startswith("pagefind/fragment/"))
