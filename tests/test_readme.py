"""The README matches the code: its two opening commands, and the bracket conventions table."""

from __future__ import annotations

from pathlib import Path

from editio.ingest.brackets import conventions

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_the_readme_opens_with_exactly_two_commands_build_and_test():
    block = README.split("```")[1].strip().splitlines()
    assert len(block) == 2
    assert block[0].rstrip().endswith("editio build")
    assert "pytest" in block[1]


def test_every_bracket_convention_is_in_the_readme_table():
    for conv in conventions():
        assert f"| `{conv.id}` | `{conv.example}` | `{conv.tei}` | {conv.meaning} |" in README, conv.id


def test_ci_runs_the_readme_test_command():
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert "README.md" in ci and "sed -n 2p" in ci
