"""A build killed outright (SIGKILL, at random moments, several times) leaves no half-written page, and the next
build finishes the job: the same web edition, byte for byte, as a build never interrupted (Pagefind's index
excepted: it varies between any two builds, Pagefind/pagefind#638)."""

from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EDITIO = str(Path(sys.executable).with_name("editio"))
KILLS = 3


@pytest.fixture
def env(tei_all) -> dict[str, str]:
    return {**os.environ, "EDITIO_TEI_ALL": str(tei_all)}


def make_edition(folder: Path) -> Path:
    folder.mkdir()
    shutil.copyfile(REPO / "edition.toml", folder / "edition.toml")
    shutil.copytree(REPO / "tei", folder / "tei")
    return folder


def start(folder: Path, env) -> subprocess.Popen:
    # a session of its own: the kill reaches the build and every process it started (jing, Pagefind)
    return subprocess.Popen([EDITIO, "--edition", str(folder), "build", "html"], env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def site(folder: Path) -> dict[str, str]:
    out = folder / "output" / "html"
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file() and "pagefind" not in p.relative_to(out).parts}


def test_a_build_killed_at_random_moments_leaves_whole_files_and_the_next_build_gives_the_same_site(tmp_path, env):
    reference = make_edition(tmp_path / "reference")
    started = time.monotonic()
    done = start(reference, env)
    assert done.wait(timeout=600) == 0, done.stderr.read()
    duration = time.monotonic() - started
    expected = site(reference)

    folder = make_edition(tmp_path / "killed")
    moments = random.Random(14)
    for _ in range(KILLS):
        build = start(folder, env)
        time.sleep(moments.uniform(0.2, duration))
        os.killpg(build.pid, signal.SIGKILL)
        build.wait()
        for name, digest in site(folder).items():
            if not Path(name).name.startswith("."):  # atomic_write's temporary files: swept by the next build
                assert digest == expected.get(name), f"{name}: written only in part, or not as a whole build does"
    final = start(folder, env)
    assert final.wait(timeout=600) == 0, final.stderr.read()
    assert site(folder) == expected


class Died(BaseException):
    """The build process dying in the middle of writing a page (as far as the files can tell)."""


def test_a_page_being_written_when_the_build_dies_is_never_seen_half_written(tmp_path, monkeypatch):
    from editio.build import html, xslt
    from editio.edition import load

    folder = make_edition(tmp_path / "ed")
    out = folder / "output" / "html"
    html.run(load(folder), out)
    before = {p.name: p.read_bytes() for p in out.glob("doc-*.html")}
    edited = sorted((folder / "tei").glob("19*.xml"))[0]
    text = edited.read_text(encoding="utf-8")
    head, body = text.split("<body", 1)
    edited.write_text(head + "<body" + re.sub(r"(<p\b[^>]*>[^<]*?) the ", r"\1 the very ", body, count=1),
                      encoding="utf-8")
    transform = xslt.Stylesheets.transform

    def dies_while_writing(self, stylesheet, source, output=None, **params):
        if stylesheet == "html/document.xsl":
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_bytes(b"<!DOCTYPE html><html><body><p>half a pa")
            raise Died
        return transform(self, stylesheet, source, output, **params)

    monkeypatch.setattr(xslt.Stylesheets, "transform", dies_while_writing)
    with pytest.raises(Died):
        html.run(load(folder), out)
    assert {p.name: p.read_bytes() for p in out.glob("doc-*.html")} == before
    monkeypatch.setattr(xslt.Stylesheets, "transform", transform)
    html.run(load(folder), out)
    after = {p.name: p.read_bytes() for p in out.glob("doc-*.html")}
    assert {name for name in after if after[name] != before[name]} == {f"doc-{edited.stem}.html"}
