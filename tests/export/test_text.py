"""Plain text: one UTF-8 file per document, a header block of metadata, then the reading view — the edited
reading of every choice, supplied words as text, notes as numbered endnotes — and no word of the text lost."""

from __future__ import annotations

import re
import shutil

from lxml import etree

from editio.build.exports import text
from editio.build.xslt import Stylesheets

from .conftest import NO_RECIPIENT, NS, REPO, TEI, UNDATED, doc_id

WORD = re.compile(r"\w+")
IN_CHOICE = {"sic", "abbr", "orig"}  # readings a choice holds that the text view replaces by corr, expan, reg
LEFT_OUT = {"del", "note"}  # deleted text; notes go to the endnotes


BLOCKS = {"p", "ab", "item", "head", "salute", "dateline", "signed", "opener", "closer", "label", "list", "div"}


def reading_words(el: etree._Element) -> list[str]:
    """The words of the reading view, computed from the TEI here, without the stylesheet."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        name = etree.QName(node).localname
        parent = node.getparent()
        in_choice = parent is not None and etree.QName(parent).localname == "choice"
        if name in LEFT_OUT or (name in IN_CHOICE and in_choice):
            return
        if name == "gap":
            parts.append(" " + node.findtext(f"{{{TEI}}}desc", default="") + " ")
            return
        sep = " " if name in BLOCKS or name == "lb" else ""
        parts.append(sep + (node.text or ""))
        for child in node:
            walk(child)
            parts.append(child.tail or "")
        parts.append(sep)

    walk(el)
    return WORD.findall("".join(parts))


def test_every_document_has_its_text_with_a_header(seed_edition, seed_exports):
    files = {p.stem: p for p in (seed_exports / text.FOLDER).glob("*.txt")}
    assert sorted(files) == sorted(doc_id(p) for p in seed_edition.documents())
    for path in seed_edition.documents():
        tei = etree.parse(str(path))
        out = files[doc_id(path)].read_text(encoding="utf-8")
        header, body = out.split("\n-----\n", 1)
        title = " ".join(tei.xpath("string(//t:titleStmt/t:title[@type='main'])", namespaces=NS).split())
        assert f"Title: {title}\n" in header
        when = tei.xpath("//t:correspAction[@type='sent']/t:date/@when", namespaces=NS)[0]
        assert f"Date: {when[:10]}\n" in header
        assert re.search(r"^From: .+$", header, re.M) and re.search(r"^To: .+$", header, re.M)
        assert "<" not in body.replace("<https://", "")  # no markup left


def test_no_word_of_the_text_is_lost(seed_edition, seed_exports):
    for path in seed_edition.documents():
        tei = etree.parse(str(path))
        out = (seed_exports / text.FOLDER / f"{doc_id(path)}.txt").read_text(encoding="utf-8")
        body = out.split("\n-----\n", 1)[1].split("\n-----\n\nNotes\n", 1)[0]
        want = reading_words(tei.find(f"{{{TEI}}}text"))
        body = re.sub(r"^Original text \(.*\)$", " ", body, flags=re.M)  # the heading of an original text
        assert WORD.findall(re.sub(r"\[\d+\]", " ", body)) == want, path.name


def test_the_reading_view_of_constructed_markup(tmp_path):
    for name in ("persons.xml", "places.xml", "orgs.xml"):
        shutil.copy(REPO / "tei" / name, tmp_path / name)
    doc = etree.parse(str(REPO / "tei" / UNDATED))
    body = doc.find(f".//{{{TEI}}}div[@type='message']")
    for child in list(body):
        body.remove(child)
    body.append(etree.fromstring(
        f'<p xmlns="{TEI}">The <choice><sic>greatsuccesses</sic><corr>great successes</corr></choice> of the '
        "<choice><abbr>IAD</abbr><expan>fighter aviation division</expan></choice> near "
        "<choice><orig>BEIJING</orig><reg>Beijing</reg></choice>, <supplied>the situation</supplied> "
        '<gap reason="omitted"><desc>...</desc></gap> Filippov <note type="identification">Stalin</note>'
        "<del>struck</del>.</p>"))
    (tmp_path / "doc.xml").write_bytes(etree.tostring(doc, xml_declaration=True, encoding="UTF-8"))
    with Stylesheets() as sheets:
        out = sheets.transform("export/txt.xsl", tmp_path / "doc.xml")
    assert ("The great successes of the fighter aviation division near Beijing, the situation [...] Filippov [1]."
            in out)
    assert out.rstrip().endswith("[1] Stalin")
    assert "greatsuccesses" not in out and "IAD" not in out and "struck" not in out


def test_no_date_and_no_recipient_are_said(published_edition, published_exports):
    folder = published_exports / text.FOLDER
    undated = (folder / f"{doc_id(published_edition.tei / UNDATED)}.txt").read_text(encoding="utf-8")
    assert "\nDate: undated\n" in undated
    unnamed = (folder / f"{doc_id(published_edition.tei / NO_RECIPIENT)}.txt").read_text(encoding="utf-8")
    assert "\nTo: not named\n" in unnamed
    assert "\nWeb: https://example.org/korean-war/doc-" in unnamed
