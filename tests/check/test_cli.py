"""The tei-check command: compiler-style lines, a summary, exit status 0 / 1 / 2, JSON and JUnit, stdin."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

HERE = Path(__file__).resolve().parent
LINE = r"^.+:\d+(:\d+)?: (error|warning): .+ \[[\w.-]+\]$"


@pytest.fixture
def run(tei_all, tmp_path):
    def tei_check(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
        env = {**os.environ, "EDITIO_TEI_ALL": str(tei_all), "XDG_CACHE_HOME": str(tmp_path / "cache")}
        return subprocess.run([sys.executable, "-m", "editio.check", *args], input=stdin, capture_output=True,
                              cwd=cwd, env=env, check=False)

    return tei_check


def test_valid_files_exit_0_with_a_summary(run, edition_fixture):
    done = run(str(edition_fixture / "1950-07-13-stalin-to-zhou-enlai.xml"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode() == "1 file, 0 errors, 0 warnings\n"


def test_invalid_files_exit_1_with_one_line_per_problem(run):

    done = run("--profile", "tei_all", str(HERE / "security"))
    assert done.returncode == 1
    lines = done.stdout.decode().splitlines()
    assert lines[-1] == "7 files, 7 errors, 0 warnings"
    assert all(re.match(LINE, line) for line in lines[:-1]), lines


def test_missing_path_and_bad_usage_exit_2(run, tmp_path):
    assert run(str(tmp_path / "nowhere.xml")).returncode == 2
    assert run("--profile", "nonsense", str(tmp_path)).returncode == 2
    assert run("--tei-schema", str(tmp_path / "missing.rng"), str(tmp_path)).returncode == 2


def test_standard_input(run, edition_fixture):
    data = (edition_fixture / "places.xml").read_bytes()
    done = run("--profile", "tei_all", "-", stdin=data)
    assert (done.returncode, done.stdout.decode()) == (0, "1 file, 0 errors, 0 warnings\n")
    broken = run("--profile", "tei_all", "-", stdin=data.replace(b"</TEI>", b""))
    assert broken.returncode == 1
    assert broken.stdout.decode().startswith("<stdin>:")


def test_folders_are_searched_recursively(run, edition_fixture, tmp_path):
    shutil.copytree(edition_fixture, tmp_path / "a" / "b")
    (tmp_path / "a" / "notes.txt").write_text("not XML, not checked")
    done = run("--profile", "tei_all", str(tmp_path / "a"))
    assert done.stdout.decode().splitlines()[-1] == "5 files, 0 errors, 0 warnings"


def test_json_report(run):
    done = run("--format", "json", "--profile", "tei_all", str(HERE / "security" / "xxe-file.xml"))
    data = json.loads(done.stdout)
    assert (data["files"], data["errors"], data["ok"]) == (1, 1, False)
    problem = data["problems"][0]
    assert set(problem) == {"path", "line", "column", "severity", "message", "rule_id", "layer"}
    assert problem["rule_id"] == "xml-external-entity"


def test_junit_report_fails_the_invalid_files_only(run, edition_fixture, tmp_path):
    report = tmp_path / "junit.xml"
    done = run("--format", "junit", "-o", str(report), "--profile", "tei_all", str(HERE / "security" / "empty.xml"),
               str(edition_fixture / "places.xml"))
    assert done.returncode == 1
    assert done.stderr.decode().strip().endswith("2 files, 1 error, 0 warnings")
    suite = etree.parse(str(report)).getroot().find("testsuite")
    cases = {c.get("name"): c.find("failure") is not None for c in suite.iter("testcase")}
    assert cases == {str(HERE / "security" / "empty.xml"): True, str(edition_fixture / "places.xml"): False}


def test_quiet_drops_warnings_but_not_their_count(run, edition_fixture):
    done = run("-q", str(edition_fixture))
    assert done.stdout.decode() == "5 files, 0 errors, 1 warning\n"


def test_inside_the_repository_the_editio_profile_is_the_default(run, repo_root, tmp_path):
    bad = HERE / "bad" / "editio-title.xml"
    inside = run(str(bad), cwd=repo_root)
    assert b"[editio-title]" in inside.stdout
    outside = run(str(bad), cwd=tmp_path)
    assert b"[editio-" not in outside.stdout


def test_editio_check_is_also_a_subcommand_of_editio():
    from click.testing import CliRunner

    from editio.cli import main

    result = CliRunner().invoke(main, ["check", "--help"])
    assert result.exit_code == 0
    assert "--profile" in result.output


def test_the_readme_lists_every_rule_as_the_rules_say(repo_root):
    from editio.check.editio_profile import schema_dir
    from editio.check.rules import all_rules, markdown_table

    section = (repo_root / "README.md").read_text(encoding="utf-8")
    assert markdown_table(all_rules(schema_dir(repo_root))) in section


def test_list_rules_names_the_rules_of_every_layer(run, repo_root):
    table = run("--list-rules", cwd=repo_root).stdout.decode()
    for rule in ("xml-external-entity", "tei-rng", "editio-schema", "editio-brackets", "editio-id-unique"):
        assert f"`{rule}`" in table


def test_the_readme_option_table_names_every_option_of_the_command(repo_root):
    from editio.check.cli import main

    section = (repo_root / "README.md").read_text(encoding="utf-8").split("## Checking: `tei-check`")[1]
    table = section[section.index("| option | meaning |"):].split("\n\n")[0]
    first_column = [re.split(r"(?<!\\)\|", row)[1] for row in table.splitlines()[2:]]
    documented = {opt for cell in first_column for opt in re.findall(r"(?<![\w-])--?[A-Za-z][\w-]*", cell)}
    options = {name for p in main.params for name in p.opts if name.startswith("--")} - {"--help"}
    assert options <= documented, options - documented
    assert documented <= options | {opt for p in main.params for opt in p.opts}, documented - options


def test_the_report_says_which_schemas_judged_each_file(run, tmp_path):
    rng = HERE / "schemas" / "eltec" / "eltec-1.rng"
    novel = tmp_path / "novel.xml"
    novel.write_bytes((HERE / "foreign-tei" / "eltec-ENG18872_Lyall.xml").read_bytes()
                      .replace(b"../../Schemas/eltec-1.rng", str(rng).encode()))
    plain = tmp_path / "plain.xml"
    plain.write_bytes((HERE / "foreign-tei" / "dracor-menander-dyskolos.xml").read_bytes())
    done = run(str(novel), str(plain), cwd=tmp_path)
    assert done.returncode == 0, done.stdout
    lines = done.stdout.decode().splitlines()
    assert lines == [f"judged by {rng} (RELAX NG); {rng} (embedded Schematron): 1 file ({novel})",
                     f"judged by tei_all.rng (RELAX NG); tei_all.rng (embedded Schematron): 1 file ({plain})",
                     "2 files, 0 errors, 0 warnings"]
    verbose = run("-v", str(novel), cwd=tmp_path).stdout.decode().splitlines()
    assert verbose[0] == f"{novel}: judged by {rng} (RELAX NG); {rng} (embedded Schematron)"
    data = json.loads(run("--format", "json", str(novel), cwd=tmp_path).stdout)
    assert data["schemas"] == {str(novel): [f"{rng} (RELAX NG)", f"{rng} (embedded Schematron)"]}


def test_a_projects_catalogue_is_read_from_its_edition_toml(run, tmp_path):
    url = "https://github.com/COST-ELTEC/Schemas/raw/master/eltec-1.rng"
    (tmp_path / "edition.toml").write_text('[check]\ncatalog = "schemas.map"\n', encoding="utf-8")
    shutil.copy(HERE / "schemas" / "eltec" / "eltec-1.rng", tmp_path / "eltec-1.rng")
    (tmp_path / "schemas.map").write_text(f"{url}  eltec-1.rng\n", encoding="utf-8")
    novel = tmp_path / "novel.xml"
    novel.write_bytes((HERE / "foreign-tei" / "eltec-ENG18872_Lyall.xml").read_bytes()
                      .replace(b"../../Schemas/eltec-1.rng", url.encode()))
    done = run("--profile", "tei_all", "-v", str(novel), cwd=tmp_path)  # --profile: tei_all judges, catalogue unused
    assert b"authorGender" in done.stdout
    done = run("-v", str(novel), cwd=tmp_path)
    assert done.returncode == 0, done.stdout
    assert done.stdout.decode().splitlines()[0] == f"{novel}: judged by {url} (RELAX NG); {url} (embedded Schematron)"
