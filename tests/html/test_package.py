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


def test_a_zip_made_again_after_an_edit_reuses_the_unchanged_members_and_equals_a_cold_zip(tmp_path, monkeypatch):
    """After one page changed (one added, one removed), the ZIP written over the previous one copies the
    unchanged members' compressed bytes and is byte for byte the ZIP written from nothing."""
    import editio.build.package as package

    site = make_site(tmp_path / "html")
    (site / "big.html").write_text("<p>" + "a long page " * 2000 + "</p>", encoding="utf-8")
    archive = write_zip(site, tmp_path / "edition-html.zip")
    (site / "doc-1950-a.html").write_text("<p>a, edited</p>", encoding="utf-8")
    (site / "doc-1950-b.html").write_text("<p>b, new</p>", encoding="utf-8")
    (site / "tei" / "a.xml").unlink()
    compressed = []
    real = zipfile.ZipFile.writestr

    def writestr(self, info, data, **kw):
        compressed.append(getattr(info, "filename", info))
        return real(self, info, data, **kw)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", writestr)
    write_zip(site, archive)
    assert sorted(compressed) == ["doc-1950-a.html", "doc-1950-b.html"]  # every other member copied
    cold = write_zip(site, tmp_path / "cold.zip", reuse=False)
    assert archive.read_bytes() == cold.read_bytes()
    with zipfile.ZipFile(archive) as zf:
        assert zf.testzip() is None and zf.read("big.html") == (site / "big.html").read_bytes()
    # a ZIP this module did not write (or wrote with another compressor) is never reused
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("index.html", "<p>home</p>")
    compressed.clear()
    write_zip(site, other)
    assert len(compressed) == len(package.site_files(site))
    assert other.read_bytes() == cold.read_bytes()


def test_a_member_with_the_same_size_and_crc_but_other_bytes_is_compressed_again(tmp_path, monkeypatch):
    """The reuse compares the bytes themselves, not only the CRC and size the ZIP records (a CRC collision is
    made here by a CRC function that says the edited page has the old page's CRC)."""
    import types

    import editio.build.package as package

    site = make_site(tmp_path / "html")
    archive = write_zip(site, tmp_path / "edition-html.zip")
    with zipfile.ZipFile(archive) as zf:
        old_crc = zf.getinfo("index.html").CRC
    (site / "index.html").write_text("<p>HOME</p>", encoding="utf-8")  # the same size
    colliding = types.SimpleNamespace(**{k: getattr(package.zlib, k) for k in ("decompress", "MAX_WBITS",
                                                                             "ZLIB_RUNTIME_VERSION")})
    crc32 = package.zlib.crc32
    colliding.crc32 = lambda data, *a: old_crc if data == b"<p>HOME</p>" else crc32(data, *a)
    monkeypatch.setattr(package, "zlib", colliding)
    write_zip(site, archive)
    with zipfile.ZipFile(archive) as zf:
        assert zf.read("index.html") == b"<p>HOME</p>" and zf.testzip() is None


def test_after_one_edit_the_build_s_zip_is_the_cold_zip_of_its_site(tmp_path):
    """editio build html after one paragraph changed: the ZIP it writes over the previous one is byte for byte the
    ZIP written from nothing of the same site."""
    import subprocess
    import sys

    from browsing import FIXTURE_EDITION, build_html

    site = build_html(FIXTURE_EDITION, tmp_path / "build")
    edition = site.parents[1]
    tei = sorted(p for p in (edition / "tei").glob("*.xml") if p.name.startswith("19"))[0]
    text = tei.read_text(encoding="utf-8")
    header, body = text.split("<text", 1)
    edited = header + "<text" + body.replace("</p>", " (edited)</p>", 1)
    assert edited != text
    tei.write_text(edited, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", "from editio.cli import main; main()", "--edition", str(edition),
                           "build", "html"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    archive = edition / "output" / "edition-html.zip"
    with zipfile.ZipFile(archive) as zf:
        page = next(n for n in zf.namelist() if n.startswith("doc-") and "(edited)" in zf.read(n).decode())
    assert page
    assert archive.read_bytes() == write_zip(site, tmp_path / "cold.zip", reuse=False).read_bytes()
