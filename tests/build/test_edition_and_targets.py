"""An edition is a folder with its settings; build targets are found as plug-ins and run needs first."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from editio.build.targets import BuildError, Target, available, plan
from editio.cli import main
from editio.edition import EditionError, load


def test_the_bundled_corpus_is_an_edition_with_settings(repo_root):
    edition = load(repo_root)
    assert edition.title and edition.tei == repo_root / "tei"
    assert all(p.name not in {"persons.xml", "places.xml", "orgs.xml"} for p in edition.documents())
    params = edition.xslt_params()
    assert params["edition-title"] == edition.title and "edition-base-url" in params


def test_a_setting_the_edition_does_not_know_is_an_error_naming_the_file(tmp_path):
    (tmp_path / "edition.toml").write_text('[edition]\ntitel = "x"\n', encoding="utf-8")
    with pytest.raises(EditionError, match=r"edition\.toml: unknown setting\(s\) in \[edition\]: titel"):
        load(tmp_path)


def test_a_base_url_must_be_an_address_ending_in_a_slash(tmp_path):
    (tmp_path / "edition.toml").write_text('[edition]\nbase_url = "example.org"\n', encoding="utf-8")
    with pytest.raises(EditionError, match="base_url"):
        load(tmp_path)


def test_a_broken_settings_file_names_its_line(tmp_path):
    (tmp_path / "edition.toml").write_text('[edition]\ntitle = "unclosed\n', encoding="utf-8")
    with pytest.raises(EditionError, match=r"edition\.toml: .*line 2"):
        load(tmp_path)


def test_targets_are_planned_needs_first_each_once():
    def noop(edition, out):
        return []

    targets = {"check": Target("check", "", noop), "html": Target("html", "", noop, needs=("check",)),
               "pdf": Target("pdf", "", noop, needs=("check", "html"))}
    assert [t.name for t in plan(["pdf"], targets)] == ["check", "html", "pdf"]
    assert [t.name for t in plan([], targets)] == ["check", "html", "pdf"]
    with pytest.raises(BuildError, match="unknown build target 'epub'"):
        plan(["epub"], targets)


def test_the_check_target_is_registered_as_a_plug_in():
    assert "check" in available()


def test_init_makes_an_edition_that_builds(tmp_path, repo_root, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("editio.paths._chosen", None)  # --edition is process state: restored after the test
    runner = CliRunner()
    assert runner.invoke(main, ["init", "letters", "--title", 'Letters "home"']).exit_code == 0
    assert load(tmp_path / "letters").title == 'Letters "home"'
    source = repo_root / "sources" / "003_ef0383895012df34.txt"
    (tmp_path / "letters" / "sources" / source.name).write_bytes(source.read_bytes())
    result = runner.invoke(main, ["--edition", "letters", "build", "check"])
    assert result.exit_code == 0, result.output  # no documents yet: an empty edition is valid
    result = runner.invoke(main, ["--edition", "letters", "build"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "letters" / "tei" / "1950-08-28-stalin-to-kim-il-sung.xml").is_file()
    assert (tmp_path / "letters" / "output" / "reports" / "tei-check.json").is_file()
    assert runner.invoke(main, ["init", "letters"]).exit_code == 2  # never over an existing edition
