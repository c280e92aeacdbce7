"""A document keeps the name it was made with — its file, xml:id and web address — when the authority files or
the rules change (an editor accepts names, a rule improves): the edition never publishes it a second time under
another name. Deleting the file is how an editor takes the new name."""

from __future__ import annotations

import shutil
from pathlib import Path

from editio.ingest.command import run_ingest

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "sources" / "003_ef0383895012df34.txt"  # Stalin to Kim Il Sung, 28 August 1950
FIRST = "1950-08-28-stalin-to-kim-il-sung"
RENAMED = "1950-08-28-iosif-stalin-to-kim-il-sung"


def _edition(tmp_path: Path) -> Path:
    out = tmp_path / "tei"
    out.mkdir()
    for name in ("persons.xml", "places.xml", "orgs.xml"):
        shutil.copy(REPO / "tei" / name, out / name)
    return out


def _documents(out: Path) -> list[str]:
    return sorted(p.stem for p in out.glob("*.xml") if p.stem not in ("persons", "places", "orgs"))


def _rename_stalin(out: Path) -> None:
    """The editor's authority file now calls Stalin's entry by another id: today's rules would name the letter
    after it."""
    for name in ("persons.xml", "orgs.xml", "places.xml"):
        path = out / name
        path.write_text(path.read_text(encoding="utf-8").replace('xml:id="stalin"', 'xml:id="iosif-stalin"')
                        .replace("per:stalin\"", "per:iosif-stalin\"").replace("#stalin\"", "#iosif-stalin\""),
                        encoding="utf-8")


def test_a_document_keeps_its_name_when_the_authority_files_change(tmp_path: Path) -> None:
    out = _edition(tmp_path)
    said: list[str] = []
    assert run_ingest([SEED], out, echo=lambda *a, **k: None) == 0
    assert _documents(out) == [FIRST]
    _rename_stalin(out)
    assert run_ingest([SEED], out, echo=lambda line="", **k: said.append(str(line))) == 0
    assert _documents(out) == [FIRST]  # not a second copy under the new name
    assert (out / f"{FIRST}.xml").read_text(encoding="utf-8").count('ref="per:iosif-stalin"') > 0  # re-tagged
    assert any(f"{FIRST} keeps the name it was made with" in line and RENAMED in line for line in said)


def test_deleting_the_file_takes_the_new_name(tmp_path: Path) -> None:
    out = _edition(tmp_path)
    assert run_ingest([SEED], out, echo=lambda *a, **k: None) == 0
    _rename_stalin(out)
    (out / f"{FIRST}.xml").unlink()
    assert run_ingest([SEED], out, echo=lambda *a, **k: None) == 0
    assert _documents(out) == [RENAMED]
