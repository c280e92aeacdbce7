"""Where tei_all.rng comes from: flag, environment, the shipped copy, and a verified download only when asked;
never the network in tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from editio.check import tei_schema
from editio.check.tei_schema import SchemaUnavailable, locate


def test_the_shipped_copy_is_the_published_release(tei_all):
    assert tei_schema.shipped().is_file()
    assert tei_schema.sha256_of(tei_schema.shipped()) == tei_schema.TEI_ALL_SHA256


def test_without_flag_or_environment_the_shipped_copy_is_used(monkeypatch):
    monkeypatch.delenv(tei_schema.ENV_VAR, raising=False)
    assert locate(None) == tei_schema.shipped()


def test_nothing_is_downloaded_unless_asked(tmp_path, monkeypatch):
    monkeypatch.delenv(tei_schema.ENV_VAR, raising=False)
    monkeypatch.setattr(tei_schema, "download", lambda *a, **k: pytest.fail("downloaded without being asked"))
    with pytest.raises(SchemaUnavailable, match="missing"):
        locate(None, bundled=tmp_path / "gone.rng")


def test_a_damaged_shipped_copy_is_refused(tmp_path, monkeypatch):
    monkeypatch.delenv(tei_schema.ENV_VAR, raising=False)
    damaged = tmp_path / "tei_all.rng"
    damaged.write_text("<grammar/>")
    with pytest.raises(SchemaUnavailable, match="SHA-256"):
        locate(None, bundled=damaged)


def test_explicit_path_wins_over_the_environment(tmp_path, monkeypatch, tei_all):
    monkeypatch.setenv(tei_schema.ENV_VAR, str(tmp_path / "elsewhere.rng"))
    assert locate(tei_all) == Path(tei_all)


def test_the_environment_variable_is_used(monkeypatch, tei_all):
    monkeypatch.setenv(tei_schema.ENV_VAR, str(tei_all))
    assert locate(None) == Path(tei_all)


def test_a_named_file_that_does_not_exist_is_an_error(tmp_path, monkeypatch):
    monkeypatch.delenv(tei_schema.ENV_VAR, raising=False)
    with pytest.raises(SchemaUnavailable):
        locate(tmp_path / "missing.rng")


def test_download_is_verified_then_cached(tmp_path, monkeypatch, tei_all):
    monkeypatch.delenv(tei_schema.ENV_VAR, raising=False)
    cache = tmp_path / "cache"
    url = Path(tei_all).resolve().as_uri()  # a file: URL stands in for the TEI Vault
    got = locate(None, download_schema=True, url=url, cache=cache)
    assert got.parent == cache and got.read_bytes() == Path(tei_all).read_bytes()
    # the second time the verified cache answers: the source may be gone
    assert locate(None, download_schema=True, url=(tmp_path / "gone.rng").as_uri(), cache=cache) == got


def test_a_download_with_the_wrong_checksum_is_refused(tmp_path, monkeypatch):
    monkeypatch.delenv(tei_schema.ENV_VAR, raising=False)
    fake = tmp_path / "tei_all.rng"
    fake.write_text("<grammar/>")
    with pytest.raises(SchemaUnavailable, match="SHA-256"):
        locate(None, download_schema=True, url=fake.as_uri(), cache=tmp_path / "cache")
    assert not list((tmp_path / "cache").glob("*.rng"))


def test_a_tampered_cache_is_not_trusted(tmp_path, monkeypatch, tei_all):
    monkeypatch.delenv(tei_schema.ENV_VAR, raising=False)
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / f"tei_all-{tei_schema.TEI_VERSION}.rng").write_text("<grammar/>")
    got = locate(None, download_schema=True, url=Path(tei_all).resolve().as_uri(), cache=cache)
    assert hashlib.sha256(got.read_bytes()).hexdigest() == tei_schema.TEI_ALL_SHA256
