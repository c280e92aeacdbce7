"""`editio names`: --unknown writes nothing and lists what stays open; --index lists occurrences."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from tests.names.helpers import tei_doc

from editio.names.command import names

REPO = Path(__file__).resolve().parents[2]


def _edition(tmp_path: Path) -> Path:
    for f in ("persons.xml", "places.xml", "orgs.xml"):
        shutil.copy(REPO / "tei" / f, tmp_path / f)
    tei_doc("<p>Comrade Shtykov met Colonel Zverev in the area of Pyongyang.</p>").write(str(tmp_path / "d.xml"))
    return tmp_path


def test_unknown_lists_unresolved_names_and_open_entries_and_writes_nothing(tmp_path: Path) -> None:
    tei = _edition(tmp_path)
    before = (tei / "d.xml").read_bytes()
    out = CliRunner().invoke(names, ["--tei", str(tei), "--unknown"])
    assert out.exit_code == 0, out.output
    assert "d.xml\t3\tZverev\tafter the title “Colonel”" in out.output  # line 3 of the file
    assert "pla:ansyu\tAnsyu:" in out.output
    assert (tei / "d.xml").read_bytes() == before


def test_tagging_then_index(tmp_path: Path) -> None:
    tei = _edition(tmp_path)
    assert CliRunner().invoke(names, ["--tei", str(tei)]).exit_code == 0
    out = CliRunner().invoke(names, ["--tei", str(tei), "--index"])
    rows = [r.split("\t") for r in out.output.splitlines()[1:]]
    assert [r[0] for r in rows] == ["per:shtykov", "pla:pyongyang"]
    assert rows[0][1] == "doc-test"
