"""The print edition in volumes, read back from its PDFs: an edition of 25 documents with `[print] volume_size = 10`
is three volumes of 10, 10 and 5 documents in date order, numbered throughout, each with its title page ("Volume II
of III", its documents and dates), its own contents and pages, and an index volume whose references give volume and
page ("II 34") of pages that print the name; pages.xml and the web edition's pages say the volume file and page; one
changed document lays out its volume again, no other; a build killed at random moments and run again gives the
same files, byte for byte, as one never interrupted."""

from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest
from lxml import etree, html
from tests.build.volumes_edition import make_edition

from editio.build import executor, pdf
from editio.build.print.volumes import plan
from editio.edition import EditionError, load

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
DOCUMENTS, SIZE = 25, 10
VOLUMES = ["edition-001", "edition-002", "edition-003"]
ROMAN = {1: "I", 2: "II", 3: "III"}
EDITIO = str(Path(sys.executable).with_name("editio"))


def letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def page_texts(path: Path) -> list[str]:
    """The text of each page (index 0 = page 1), without the note marks (small raised characters)."""
    import pdfplumber

    with pdfplumber.open(path) as doc:
        return [page.filter(lambda o: o.get("object_type") != "char" or o["size"] >= 7).extract_text() or ""
                for page in doc.pages]


def stream_texts(path: Path) -> list[str]:
    """The text of each page in the order it was set (a column after the other, where pdfplumber reads across)."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(path)
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def build(folder: Path) -> Path:
    edition = load(folder)
    with executor.open_executor(2):  # the volumes on a pool of two workers, as `editio build` runs them
        pdf.run(edition, edition.output / "pdf")
    return edition.output / "pdf"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = make_edition(tmp_path_factory.mktemp("volumes") / "edition", DOCUMENTS, SIZE)
    build(folder)
    return folder


@pytest.fixture(scope="module")
def texts(built) -> dict[str, list[str]]:
    out = built / "output" / "pdf"
    return {name: page_texts(out / f"{name}.pdf") for name in [*VOLUMES, "edition-index"]}


def record(built) -> etree._Element:
    return etree.parse(str(built / "output" / "pdf" / "pages.xml")).getroot()


def test_volume_size_is_read_from_edition_toml_and_must_be_a_whole_number(tmp_path):
    assert load(tmp_path).volume_size == 100  # no edition.toml: the default
    (tmp_path / "edition.toml").write_text("[print]\nvolume_size = 7\n", encoding="utf-8")
    assert load(tmp_path).volume_size == 7
    for bad in ("0", "2.5", '"ten"'):
        (tmp_path / "edition.toml").write_text(f"[print]\nvolume_size = {bad}\n", encoding="utf-8")
        with pytest.raises(EditionError, match="volume_size"):
            load(tmp_path)
    (tmp_path / "edition.toml").write_text("[print]\nvolumes = 3\n", encoding="utf-8")
    with pytest.raises(EditionError, match=r"unknown setting\(s\) in \[print\]: volumes"):
        load(tmp_path)


def test_the_documents_are_cut_into_volumes_in_their_order_every_volume_but_the_last_full():
    docs = [Path(f"{i:02d}.xml") for i in range(DOCUMENTS)]
    volumes = plan(docs, SIZE)
    assert [v.name for v in volumes] == VOLUMES
    assert [(v.first, v.last) for v in volumes] == [(1, 10), (11, 20), (21, 25)]
    assert [d for v in volumes for d in v.documents] == docs
    assert [v.name for v in plan(docs, DOCUMENTS)] == ["edition"]  # one volume keeps the name edition.pdf


def test_the_print_edition_is_three_volumes_and_an_index_volume_each_a_valid_pdf(built):
    out = built / "output" / "pdf"
    volumes = sorted(p.name for p in out.glob("edition*.pdf"))
    assert volumes == [f"{v}.pdf" for v in VOLUMES] + ["edition-index.pdf"]
    for name in volumes:
        reader = pypdf.PdfReader(out / name)
        assert len(reader.pages) > 4
        assert "pdfaid:part" in reader.xmp_metadata.rdf_root.toxml()  # declared PDF/A, as every PDF of the edition


def test_each_volume_holds_its_documents_in_date_order_numbered_throughout(built, texts):
    docs = load(built).documents()
    ids = [etree.parse(str(p)).getroot().get(XML_ID) for p in docs]
    entries = list(record(built).iter("doc"))
    assert [e.get("id") for e in entries] == ids
    assert [int(e.get("n")) for e in entries] == list(range(1, DOCUMENTS + 1))
    for n, entry in enumerate(entries, 1):
        k = (n - 1) // SIZE + 1
        assert (entry.get("volume"), entry.get("file"), entry.get("volumes")) == (str(k), f"{VOLUMES[k - 1]}.pdf", "3")
        first, last = int(entry.get("first")), int(entry.get("last"))
        pages = texts[VOLUMES[k - 1]]
        assert f"Document {n}" in pages[first - 1], f"document {n} does not open on page {first} of volume {k}"
        title = etree.parse(str(docs[n - 1])).xpath("string(//tei:titleStmt/tei:title[@type='main'])",
                                                    namespaces=TEI)
        assert letters(title)[:30] in letters(" ".join(pages[first - 1:last]))
    for k, name in enumerate(VOLUMES, 1):  # each volume prints its own documents' headings, no other's
        mine = {e.get("n") for e in entries if e.get("volume") == str(k)}
        printed = set(re.findall(r"^Document (\d+)$", "\n".join(texts[name]), re.M))
        assert printed == mine, (name, sorted(printed ^ mine))


def test_each_volume_has_a_title_page_saying_which_volume_and_what_it_holds_and_its_own_contents(built, texts):
    entries = list(record(built).iter("doc"))
    for k, name in enumerate(VOLUMES, 1):
        pages = texts[name]
        mine = [e for e in entries if e.get("volume") == str(k)]
        a, b = mine[0].get("n"), mine[-1].get("n")
        title = next(t for t in pages[:4] if "Edited by" in t)
        assert f"Volume {ROMAN[k]} of III".lower() in title.lower().replace("\r\n", " ")
        assert f"Documents {a}–{b}" in title
        contents = next(t for t in pages[:8] if t.lstrip().lower().startswith("contents"))
        listed = re.findall(r"^(\d+)\. ", contents, re.M)
        assert listed[0] == a and str(int(b)) in listed  # its own documents, with their numbers in the edition
        for e in mine:  # the contents give the page in this volume, which opens with that document
            m = re.search(rf"^{e.get('n')}\. .*?\.{{3,}} ?(\d+)\s*$", contents, re.M | re.S)
            assert m and int(m.group(1)) == int(e.get("first")), (name, e.get("n"))
        first = int(mine[0].get("first"))
        assert first < 20 and pages[first - 1].strip().splitlines()[-1].strip() == str(first)  # pages begin again


def test_the_index_volume_gives_volume_and_page_and_each_page_prints_the_name(built, texts):
    out = built / "output" / "pdf"
    tei = built / "tei"
    surfaces: dict[str, set[str]] = {}  # the first word of each printed mention of an entry
    for path in load(built).documents():
        for el in etree.parse(str(path)).xpath("//*[@ref][self::tei:persName or self::tei:placeName or "
                                               "self::tei:orgName]", namespaces=TEI):
            words = el.xpath("string()").split()
            if words:
                surfaces.setdefault(el.get("ref").split()[0], set()).add(letters(words[0]))
    labels = {}
    for name, prefix in (("persons.xml", "per"), ("places.xml", "pla"), ("orgs.xml", "org")):
        for entry in etree.parse(str(tei / name)).xpath("//tei:person | //tei:place | //tei:org", namespaces=TEI):
            labels[f"{prefix}:{entry.get(XML_ID)}"] = entry
    data = etree.parse(str(out / "typst" / "edition-index.xml")).getroot()
    index = letters(" ".join(stream_texts(out / "edition-index.pdf")))  # its two columns one after the other
    checked = 0
    for ref in data.iter("ref"):
        assert ref.get("id") in labels
        refs = []
        for at in ref.iter("at"):
            k, pages = int(at.get("volume")), [int(p) for p in at.get("pages").split()]
            refs.append(f"{ROMAN[k]} {', '.join(map(str, pages))}")
            for page in pages:
                assert any(s in letters(texts[VOLUMES[k - 1]][page - 1]) for s in surfaces[ref.get("id")]), \
                    (ref.get("id"), k, page)
                checked += 1
        # the index volume prints the references as the volumes laid them out: "I 12, 13; II 4"
        assert letters("; ".join(refs)) in index, ref.get("id")
    assert checked > 100
    assert len({at.get("volume") for at in data.iter("at")}) == 3
    assert any(t.startswith("Index of persons") for t in texts["edition-index"])


def test_the_web_edition_links_each_document_to_its_volume_at_its_page(built, tmp_path):
    from editio.build import html as html_target

    folder = tmp_path / "edition"
    shutil.copytree(built, folder)
    edition = load(folder)
    html_target.run(edition, edition.output / "html")
    site = edition.output / "html"
    for entry in record(built).iter("doc"):
        page = html.parse(str(site / f"{entry.get('id')}.html")).getroot()
        link = page.xpath("//dd[@class='meta-print']/a")
        assert [a.get("href") for a in link] == [f"pdf/{entry.get('file')}#page={entry.get('first')}"]
        assert link[0].text_content().startswith(f"Volume {ROMAN[int(entry.get('volume'))]}, document "
                                                  f"{entry.get('n')}, p")
    for name in [*VOLUMES, "edition-index"]:
        assert (site / "pdf" / f"{name}.pdf").read_bytes() == (edition.output / "pdf" / f"{name}.pdf").read_bytes()


def mtimes(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in sorted(out.iterdir()) if p.is_file()}


def test_one_changed_document_lays_out_its_volume_again_and_no_other(built, tmp_path):
    folder = tmp_path / "edition"
    shutil.copytree(built, folder)
    out = folder / "output" / "pdf"
    before = mtimes(out)
    build(folder)
    assert mtimes(out) == before  # nothing changed: nothing written
    entry = list(record(built).iter("doc"))[12]  # document 13, in volume II
    tei = next(p for p in (folder / "tei").glob("*.xml") if etree.parse(str(p)).getroot().get(XML_ID)
               == entry.get("id"))
    text = tei.read_text(encoding="utf-8")
    body = text.index("<body")
    changed = text[:body] + text[body:].replace(" the ", " thy ", 1)
    assert changed != text
    tei.write_text(changed, encoding="utf-8")
    old_data = (out / "typst" / "edition-index.xml").read_bytes()
    build(folder)
    remade = {name for name, t in mtimes(out).items() if before.get(name) != t}
    expected = {"edition-002.pdf", f"{entry.get('id')}.pdf"}
    # the index volume is laid out again only if the pages of its names moved (here a word in a line: they did not)
    assert (out / "typst" / "edition-index.xml").read_bytes() == old_data
    assert remade == expected
    assert "thy" in " ".join(page_texts(out / "edition-002.pdf")[int(entry.get("first")) - 1:
                                                                 int(entry.get("last"))])


def files(out: Path) -> dict[str, str]:
    if not out.is_dir():
        return {}
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir())
            if p.is_file() and not p.name.startswith(".")}


def test_a_build_killed_at_random_moments_gives_the_same_volumes_when_run_again(built, tmp_path, tei_all):
    """`editio build pdf` (check, then the volumes on the pool) killed outright three times, then run to its end:
    every PDF and pages.xml byte for byte those of a build never interrupted; no half-written file is ever seen."""
    expected = files(built / "output" / "pdf")
    folder = tmp_path / "edition"
    folder.mkdir()
    shutil.copy(built / "edition.toml", folder / "edition.toml")
    shutil.copytree(built / "tei", folder / "tei")
    env = {**os.environ, "EDITIO_TEI_ALL": str(tei_all)}

    def start() -> subprocess.Popen:
        return subprocess.Popen([EDITIO, "--edition", str(folder), "build", "pdf"], env=env, start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    moments = random.Random(14)
    for _ in range(3):  # each time in the pdf stage (its sources folder is there), at a random moment of it
        running = start()
        deadline = time.monotonic() + 600
        while not (folder / "output" / "pdf" / "typst").is_dir() and running.poll() is None:
            assert time.monotonic() < deadline, "the pdf stage did not start"
            time.sleep(0.1)
        time.sleep(moments.uniform(0.2, 6.0))
        if running.poll() is None:
            os.killpg(running.pid, signal.SIGKILL)
        else:  # it finished first (what earlier runs left made it short): as a build must
            assert running.returncode == 0, running.stderr.read()
        running.wait()
        for name, digest in files(folder / "output" / "pdf").items():
            assert digest == expected.get(name), f"{name}: written only in part, or not as a whole build does"
    final = start()
    assert final.wait(timeout=900) == 0, final.stderr.read()
    assert files(folder / "output" / "pdf") == expected


def test_a_volume_that_cannot_be_set_stops_the_build_naming_it_and_the_others_are_kept(built, tmp_path):
    """A character no font has, in a document of volume III: the build stops with the character and its line; the
    volumes laid out meanwhile are kept, so the build after the fix lays out volume III only."""
    folder = tmp_path / "edition"
    folder.mkdir()
    shutil.copy(built / "edition.toml", folder / "edition.toml")
    shutil.copytree(built / "tei", folder / "tei")
    last = load(folder).documents()[-1]  # document 25, in volume III
    text = last.read_text(encoding="utf-8")
    body = text.index("<body")
    spoiled = text[:body] + text[body:].replace(" the ", " the (한) ", 1)
    assert spoiled != text
    last.write_text(spoiled, encoding="utf-8")
    with pytest.raises(pdf.BuildError) as err:
        build(folder)
    assert "'한' U+D55C HANGUL SYLLABLE HAN" in str(err.value) and f"tei/{last.name}:" in str(err.value)
    out = folder / "output" / "pdf"
    assert not (out / "edition-003.pdf").exists()
    before = mtimes(out)
    assert {"edition-001.pdf", "edition-002.pdf"} <= set(before)
    last.write_text(text, encoding="utf-8")
    build(folder)
    after = mtimes(out)
    assert all(after[f"{v}.pdf"] == before[f"{v}.pdf"] for v in VOLUMES[:2])
    assert files(out)["edition-003.pdf"] == files(built / "output" / "pdf")["edition-003.pdf"]


def test_on_a_dask_cluster_the_volumes_are_the_same_byte_for_byte(built, tmp_path):
    """The volumes on the Dask engine (a local cluster of two workers) as on the local pool."""
    folder = tmp_path / "edition"
    folder.mkdir()
    shutil.copy(built / "edition.toml", folder / "edition.toml")
    shutil.copytree(built / "tei", folder / "tei")
    edition = load(folder)
    with executor.open_executor(2, executor.LOCAL_CLUSTER):
        pdf.run(edition, edition.output / "pdf")
    assert files(edition.output / "pdf") == files(built / "output" / "pdf")
