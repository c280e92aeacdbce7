"""Two sources that make documents of the same date and correspondents: each file is named after its own id."""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import etree

from editio.ingest.command import run_ingest
from editio.tei import XML_ID

from .edition import AUTHORITY

REPO = Path(__file__).resolve().parents[2]


def test_a_second_document_of_the_same_name_gets_a_suffix_in_its_file_name_and_its_id(tmp_path):
    seed = REPO / "sources" / "000_9aaca6c7493c63cf.txt"
    sources = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for copy in sources:
        shutil.copyfile(seed, copy)
    tei = tmp_path / "tei"
    tei.mkdir()
    for name in AUTHORITY:
        shutil.copyfile(REPO / "tei" / name, tei / name)
    assert run_ingest(sources, tei, echo=lambda *a, **k: None) == 0
    made = sorted((p for p in tei.glob("*.xml") if p.name not in AUTHORITY), key=lambda p: len(p.stem))
    assert [p.stem for p in made] == [made[0].stem, f"{made[0].stem}-2"]
    for path in made:
        assert etree.parse(str(path)).getroot().get(XML_ID) == f"doc-{path.stem}"
