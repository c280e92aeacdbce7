"""A remote schema is fetched only with --fetch-schemas, once, into a cache keyed by URL and verified by hash
(served here by a local HTTP server: tests never go online)."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path
from typing import ClassVar

import pytest

from editio.check import schema_cache

HERE = Path(__file__).resolve().parent
ELTEC_RNG = HERE / "schemas" / "eltec" / "eltec-1.rng"
ELTEC = HERE / "foreign-tei" / "eltec-ENG18872_Lyall.xml"


class _Counting(http.server.SimpleHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self):
        self.hits.append(self.path)
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture
def server(tmp_path):
    """A local HTTP server over a folder holding eltec-1.rng; yields (base URL, hits, folder)."""
    root = tmp_path / "www"
    root.mkdir()
    shutil.copy(ELTEC_RNG, root)
    _Counting.hits = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Counting, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/", _Counting.hits, root
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def novel(tmp_path, server):
    url = server[0] + "eltec-1.rng"
    doc = tmp_path / "novel.xml"
    doc.write_bytes(ELTEC.read_bytes().replace(b"../../Schemas/eltec-1.rng", url.encode()))
    return doc


def test_a_remote_schema_is_not_fetched_unless_asked(check, novel, server):
    report = check([novel], profile="tei_all", by_declaration=True)
    assert [p.rule_id for p in report.problems] == ["xml-model-remote"]
    assert server[1] == []  # nothing was requested
    assert report.judged[str(novel)] == []


def test_fetched_once_then_served_from_the_verified_cache(check, novel, server, tmp_path):
    cache = tmp_path / "cache"
    first = check([novel], profile="tei_all", by_declaration=True, fetch_schemas=True, cache=cache)
    assert first.problems == [] and server[1] == ["/eltec-1.rng"]
    second = check([novel], profile="tei_all", by_declaration=True, fetch_schemas=True, cache=cache)
    assert second.problems == [] and server[1] == ["/eltec-1.rng"]  # no second request
    cached = schema_cache.cached(server[0] + "eltec-1.rng", cache)
    assert cached is not None and cached.read_bytes() == ELTEC_RNG.read_bytes()


def test_a_tampered_cache_entry_is_not_used(check, novel, server, tmp_path):
    cache = tmp_path / "cache"
    url = server[0] + "eltec-1.rng"
    path = schema_cache.fetch(url, cache)
    path.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><notAllowed/></start></grammar>')
    assert schema_cache.cached(url, cache) is None
    report = check([novel], profile="tei_all", by_declaration=True, fetch_schemas=True, cache=cache)
    assert report.problems == [] and server[1] == ["/eltec-1.rng", "/eltec-1.rng"]  # fetched again, verified


def test_a_failed_fetch_is_reported_once_and_the_run_goes_on(check, tmp_path, server):
    doc = tmp_path / "gone.xml"
    doc.write_bytes(ELTEC.read_bytes().replace(b"../../Schemas/eltec-1.rng", (server[0] + "gone.rng").encode()))
    report = check([doc], profile="tei_all", by_declaration=True, fetch_schemas=True, cache=tmp_path / "c")
    assert [(p.rule_id, p.path) for p in report.problems] == [("xml-model-fetch", "tei-check")]
    assert "404" in report.problems[0].message


_MAIN = """<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <include href="modules/body.rng"/>
  <start><element name="doc"><ref name="body"/></element></start>
</grammar>
"""
_BODY = """<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <include href="../common/words.rng"/>
  <define name="body"><element name="p"><ref name="words"/></element></define>
</grammar>
"""
_WORDS = """<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <define name="words"><text/></define>
</grammar>
"""


@pytest.fixture
def modular(server):
    """A customisation split over three files on the server: odd/main.rng → modules/body.rng → ../common/words.rng."""
    base, hits, root = server
    (root / "odd" / "modules").mkdir(parents=True)
    (root / "odd" / "common").mkdir()
    (root / "odd" / "main.rng").write_text(_MAIN)
    (root / "odd" / "modules" / "body.rng").write_text(_BODY)
    (root / "odd" / "common" / "words.rng").write_text(_WORDS)
    return base + "odd/main.rng", hits, root


def _declaring(tmp_path: Path, url: str, body: str) -> Path:
    doc = tmp_path / "doc.xml"
    doc.write_text(f'<?xml-model href="{url}" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
                   f"<doc>{body}</doc>\n")
    return doc


def test_a_fetched_schema_brings_its_relative_includes_and_works_offline(check, modular, tmp_path):
    url, hits, root = modular
    cache = tmp_path / "cache"
    good = _declaring(tmp_path, url, "<p>words</p>")
    first = check([good], by_declaration=True, fetch_schemas=True, cache=cache)
    assert first.problems == []
    assert sorted(hits) == ["/odd/common/words.rng", "/odd/main.rng", "/odd/modules/body.rng"]
    shutil.rmtree(root)  # the server has nothing now: what judges next comes from the cache alone
    bad = _declaring(tmp_path, url, "<p><b>not text</b></p>")
    report = check([bad], by_declaration=True, fetch_schemas=True, cache=cache)
    assert [p.rule_id for p in report.problems] == ["rng"]
    assert len(hits) == 3  # nothing requested again


def test_a_tampered_included_part_refetches_the_whole_set(modular, tmp_path):
    url, hits, _ = modular
    cache = tmp_path / "cache"
    main = schema_cache.fetch(url, cache)
    words = main.parent / "common" / "words.rng"
    assert words.read_text() == _WORDS
    words.write_text(_WORDS.replace("<text/>", "<empty/>"))
    assert schema_cache.cached(url, cache) is None
    schema_cache.fetch(url, cache)
    assert words.read_text() == _WORDS and len(hits) == 6
