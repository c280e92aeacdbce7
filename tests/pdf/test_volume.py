"""The print edition keeps its promises, read back from the PDFs it made."""

from __future__ import annotations

import re
from collections import Counter

import pikepdf
import pypdf
from lxml import etree
from tests.pdf.conftest import REPO, TEI, block_text, letters

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
MM = 72 / 25.4


def docs(built):
    return [(p, etree.parse(str(p))) for p in built.edition.documents()]


def test_output_holds_the_volume_one_pdf_per_document_and_pages_xml(built):
    names = {p.name for p in built.files}
    assert {"edition.pdf", "pages.xml"} <= names
    for _, tree in docs(built):
        doc_pdf = built.out / f"{tree.getroot().get(XML_ID)}.pdf"
        assert doc_pdf.name in names and len(pypdf.PdfReader(doc_pdf).pages) >= 1


def test_every_document_opens_on_the_page_the_contents_give(built, page_texts):
    record = built.pages_xml()
    contents = "\n".join(t for t in page_texts[:12] if t.startswith("Contents") or "...." in t)
    for n, (_, tree) in enumerate(docs(built), 1):
        entry = record.find(f"doc[@id='{tree.getroot().get(XML_ID)}']")
        assert entry is not None and entry.get("n") == str(n)
        first = int(entry.get("first"))
        assert f"Document {n}" in page_texts[first - 1], f"document {n} does not open on page {first}"
        listed = re.search(rf"^{n}\. .*?\.{{3,}} ?(\d+)$", contents, re.M | re.S)
        assert listed and int(listed.group(1)) == first, f"contents: document {n} not at page {first}"


def test_pages_xml_anchors_stand_on_their_pages(built, page_texts):
    record = built.pages_xml()
    for _, tree in docs(built):
        doc = record.find(f"doc[@id='{tree.getroot().get(XML_ID)}']")
        pages = {a.get("id"): int(a.get("page")) for a in doc.findall("anchor")}
        blocks = tree.xpath("//tei:text//*[self::tei:p or self::tei:ab or self::tei:item or self::tei:head or "
                            "self::tei:opener or self::tei:closer or self::tei:postscript]"
                            "[not(ancestor::*[self::tei:p or self::tei:ab or self::tei:item or self::tei:head or "
                            "self::tei:opener or self::tei:closer or self::tei:postscript])]", namespaces=TEI)
        assert len(pages) == len(blocks)
        for n, block in enumerate(blocks, 1):
            page = pages[f"p{n}"]
            assert int(doc.get("first")) <= page <= int(doc.get("last"))
            start = letters(block_text(block))[:12]
            assert start in letters(page_texts[page - 1]), f"{doc.get('id')} p{n}: {start!r} not on page {page}"


def test_no_word_of_the_tei_text_is_lost(built, page_texts):
    record = built.pages_xml()
    for path, tree in docs(built):
        doc = record.find(f"doc[@id='{tree.getroot().get(XML_ID)}']")
        printed = "\n".join(page_texts[int(doc.get("first")) - 1:int(doc.get("last"))])
        words = Counter(w.lower() for w in re.findall(r"\w+", _tei_text(tree.find(".//tei:text", TEI))))
        # a word the line broke by hyphenation is joined again when the TEI has the whole word
        printed = re.sub(r"(\w+)[-\u2010\u00ad]\n(\w+)",
                         lambda m, whole=words: m[1] + m[2] if (m[1] + m[2]).lower() in whole else m[0],
                         printed)
        found = Counter(w.lower() for w in re.findall(r"\w+", printed))
        # a word broken at the foot of a page goes on at the head of a later line (after the notes, the running head)
        starts = {m.lower() for m in re.findall(r"^(\w+)", printed, re.M)}
        for head in re.findall(r"(\w+)[-\u2010\u00ad]$", printed, re.M):
            whole = next((head.lower() + tail for tail in starts if head.lower() + tail in words), None)
            if whole:
                found[whole] += 1
        lost = {w: n - found[w] for w, n in words.items() if found[w] < n}
        pages = f"{doc.get('first')}–{doc.get('last')}"
        assert not lost, f"{path.name}: words of the TEI missing from pages {pages}: {lost}"


# Elements whose edges the print edition marks (brackets, a line break, a note moved to the foot): word edges too.
_EDGES = {"supplied", "reg", "ex", "abbr", "expan", "lb", "note", "add", "stamp"}


def _tei_text(el) -> str:
    """The words of a TEI element in reading order; the edition's corrections (given in notes) left out."""
    name = etree.QName(el).localname
    if name == "corr":
        return ""
    edge = " " if name in _EDGES else ""
    inner = (el.text or "") + "".join(_tei_text(c) + (c.tail or "") for c in el if isinstance(c.tag, str))
    return edge + inner + edge


def test_note_marks_and_their_notes_share_a_page(built):
    import pdfplumber

    record = built.pages_xml()
    tei_notes = sum(len(tree.xpath("//tei:text//tei:note | //tei:text//tei:sic[not(parent::tei:choice)]"
                                   " | //tei:text//tei:choice[tei:sic and tei:corr] | //tei:text//tei:add"
                                   " | //tei:text//tei:stamp | //tei:text//tei:gap"
                                   " | //tei:text//tei:c[@type='unmatched-bracket']", namespaces=TEI))
                    for _, tree in docs(built))
    total = 0
    with pdfplumber.open(built.volume) as volume:
        for doc in record:
            for number in range(int(doc.get("first")), int(doc.get("last")) + 1):
                page = volume.pages[number - 1]
                rules = [line["top"] for line in page.lines if line["x1"] - line["x0"] < page.width * 0.3]
                foot = max(rules) if rules else page.height
                body_marks = [c["text"] for c in sorted(page.chars, key=lambda c: (round(c["top"]), c["x0"]))
                              if c["size"] < 7 and c["top"] < foot]
                foot_marks = _entry_marks(page, foot)
                assert "".join(body_marks) == "".join(foot_marks), f"page {number}: {body_marks} vs {foot_marks}"
                total += len(foot_marks)
    assert total >= tei_notes  # every note of the TEI is printed (a mark may have two characters: aa, 10)


def _entry_marks(page, foot: float) -> list[str]:
    """The marks that open the note entries below the footnote rule (small characters at the left margin)."""
    marks = [c for c in page.chars if c["top"] > foot and c["size"] < 6.5]
    return [c["text"] for c in sorted(marks, key=lambda c: (round(c["top"]), c["x0"]))]


def test_textual_notes_are_lettered_and_explanatory_notes_numbered_per_document(built):
    text = (built.out / "typst" / "doc-1951-10-24-mao-zedong-to-stalin.typ").read_text(encoding="utf-8")
    textual = re.findall(r'#tnote\("([^"]+)"', text)
    explanatory = re.findall(r'#enote\("([^"]+)"', text)
    assert textual[:3] == ["a", "b", "c"] and explanatory[:2] == ["1", "2"]
    other = (built.out / "typst" / "doc-1950-09-29-kim-il-sung-to-stalin.typ").read_text(encoding="utf-8")
    assert re.findall(r'#enote\("([^"]+)"', other)[0] == "1"  # restarts with each document


def test_index_page_numbers_point_at_pages_that_name_the_entry(built, page_texts):
    import pdfplumber

    forms = {}
    for name, prefix in (("persons.xml", "per"), ("places.xml", "pla"), ("orgs.xml", "org")):
        for entry in etree.parse(str(built.edition.tei / name)).xpath("//tei:person | //tei:place | //tei:org",
                                                                      namespaces=TEI):
            forms[f"{prefix}:{entry.get(XML_ID)}"] = [n.xpath("string()") for n in entry.xpath(
                "tei:persName | tei:placeName | tei:orgName", namespaces=TEI)]
    # every printed surface of each entry (the text of its mentions), first word
    surfaces: dict[str, set[str]] = {}
    for _, tree in docs(built):
        for el in tree.xpath("//*[@ref][self::tei:persName or self::tei:placeName or self::tei:orgName]",
                             namespaces=TEI):
            words = el.xpath("string()").split()
            if words:
                surfaces.setdefault(el.get("ref").split()[0], set()).add(letters(words[0]))
    checked = 0
    with pdfplumber.open(built.volume) as volume:
        for number, text in enumerate(page_texts, 1):
            if not text.startswith("Index of"):
                continue
            page = volume.pages[number - 1]
            for half in (page.crop((0, 0, page.width / 2, page.height)),
                         page.crop((page.width / 2, 0, page.width, page.height))):
                for label, pages in _index_lines(half):
                    ref = next((r for r, f in forms.items() if _label_matches(label, f)), None)
                    assert ref, f"index entry {label!r} names no entry of the authority files"
                    for p in pages:
                        assert any(s in letters(page_texts[p - 1]) for s in surfaces[ref]), (label, p)
                        checked += 1
    assert checked > 100


def _index_lines(column) -> list[tuple[str, list[int]]]:
    """(label, pages) of each entry of an index column; a line indented past the column's edge continues one."""
    lines = column.extract_text_lines()
    left = Counter(round(line["x0"]) for line in lines).most_common(1)[0][0] if lines else 0  # the column's edge
    entries: list[tuple[str, list[int]]] = []
    for row in lines:
        if row["x0"] < left - 3 or row["chars"][0]["size"] > 11:  # a stray character, the chapter's title
            continue
        text = row["text"]
        m = re.match(r"^(.*?),((?: \d+,?)+)$", text)
        name, pages = ("", text) if re.fullmatch(r"[\d, ]+", text) else (m[1], m[2]) if m else (text, "")
        numbers = [int(n) for n in re.findall(r"\d+", pages)]
        if row["x0"] > left + 3 and entries:  # a wrapped entry: more of its name, or more pages
            entries[-1] = ((entries[-1][0] + " " + name).strip(), entries[-1][1] + numbers)
        else:
            entries.append((name, numbers))
    return [(name, pages) for name, pages in entries if name]


def _label_matches(label: str, forms: list[str]) -> bool:
    parts = label.split(", ", 1)
    wanted = {letters(label), letters(" ".join(reversed(parts)))}
    return any(letters(f) in wanted for f in forms)


def test_bookmarks_name_every_document(built):
    outline = pypdf.PdfReader(built.volume).outline
    titles = [item.title for level in outline for item in (level if isinstance(level, list) else [level])]
    for n in range(1, len(built.edition.documents()) + 1):
        assert any(t.startswith(f"{n}. ") for t in titles), f"no bookmark for document {n}"
    assert {"Introduction", "Index of persons", "Index of places", "Index of organisations",
            "List of sources"} <= set(titles)


def test_metadata_title_author_language(built):
    settings = built.edition.settings
    with pikepdf.open(built.volume) as pdf:
        assert str(pdf.docinfo["/Title"]) == settings["title"]
        assert str(pdf.docinfo["/Author"]) == "; ".join(settings["editors"]) or str(pdf.docinfo["/Author"]) == \
            ", ".join(settings["editors"])
        assert str(pdf.Root.Lang) == settings["language"]


def test_page_size_is_royal_octavo_and_text_keeps_the_margins(built):
    import pdfplumber

    with pdfplumber.open(built.volume) as volume:
        for page in volume.pages:
            assert round(page.width / MM) == 156 and round(page.height / MM) == 234
            inside, outside = (21, 25) if page.page_number % 2 else (25, 21)
            for c in page.chars:
                # 5 pt: Typst hangs punctuation and hyphens into the margin (optical margin alignment)
                assert c["x0"] >= inside * MM - 5 and c["x1"] <= page.width - outside * MM + 5, (page.page_number, c)


def test_fonts_are_embedded_and_are_the_book_face(built):
    for path in [built.volume, *(built.out.glob("doc-*.pdf"))]:
        with pikepdf.open(path) as pdf:
            fonts = {}
            for page in pdf.pages:
                for _, font in (page.Resources.get("/Font") or {}).items():
                    fonts[str(font.get("/BaseFont"))] = font
            assert fonts, path
            for name, font in fonts.items():
                assert "LinLibertine" in name, f"{path.name}: {name} is not the book face"
                descriptor = (font.DescendantFonts[0] if "/DescendantFonts" in font else font).FontDescriptor
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), f"{name} not embedded"


def test_archival_and_accessible_pdf_a2a_and_pdf_ua1(built):
    for path in [built.volume, next(built.out.glob("doc-*.pdf"))]:
        with pikepdf.open(path) as pdf:
            assert not pdf.is_encrypted
            meta = pdf.open_metadata()
            assert meta.get("pdfaid:part") == "2" and meta.get("pdfaid:conformance") == "A"
            assert meta.get("pdfuaid:part") == "1"
            intents = pdf.Root.OutputIntents
            assert len(intents) >= 1 and str(intents[0].S) == "/GTS_PDFA1" and "/DestOutputProfile" in intents[0]
            assert bool(pdf.Root.MarkInfo.Marked) is True and "/StructTreeRoot" in pdf.Root


def test_each_document_pdf_holds_its_document_with_its_volume_number(built):
    import pdfplumber

    for n, (_, tree) in enumerate(docs(built), 1):
        path = built.out / f"{tree.getroot().get(XML_ID)}.pdf"
        with pdfplumber.open(path) as doc:
            text = letters("\n".join(page.filter(lambda o: o.get("object_type") != "char" or o["size"] >= 7)
                                      .extract_text() or "" for page in doc.pages))  # note marks left out
        assert letters(f"Document {n}") in text
        blocks = tree.xpath("//tei:text//tei:p | //tei:text//tei:ab", namespaces=TEI)
        for block in (blocks[0], blocks[-1]):  # its first and last words
            assert letters(block_text(block))[:12] in text and letters(block_text(block))[-12:] in text, path.name
        assert pypdf.PdfReader(path).outline, f"{path.name} has no bookmark"


def test_two_page_images_of_the_volume_are_saved_under_output(built):
    """A reader's look at the volume: the title page and the first page of the first document, as PNG under
    output/page-images/ (rendered by PDFium)."""
    import pypdfium2

    first_doc = int(built.pages_xml().find("doc").get("first"))
    folder = REPO / "output" / "page-images"
    folder.mkdir(parents=True, exist_ok=True)
    volume = pypdfium2.PdfDocument(str(built.volume))
    try:
        for name, index in (("title-page", 2), ("first-document", first_doc - 1)):
            image = volume[index].render(scale=150 / 72).to_pil()
            assert image.width > 800 and image.getextrema() != ((255, 255),) * len(image.getbands())  # not blank
            image.save(folder / f"{name}.png")
            assert (folder / f"{name}.png").stat().st_size > 10_000
    finally:
        volume.close()


def test_a_documents_heading_names_its_relaying_parties_after_one_via(built, page_texts):
    """"From X to Y via A and B": each heading line of parties says "via" once, however many parties relayed the
    message (a relayer and the office its cable was addressed to)."""
    text = "\n".join(page_texts)
    headings = [" ".join(m.split()) for m in re.findall(r"^From .+?(?=\n[A-Z]{2,}|\nWeb edition)", text, re.S | re.M)]
    assert any(" via " in h for h in headings)
    for heading in headings:
        assert heading.count(" via ") <= 1, heading


def test_a_documents_heading_names_the_offices_of_its_parties(built, page_texts):
    """An office the correspDesc gives beside a party ("Roshchin, SOVIET AMBASSADOR") is in the heading too, as
    the web edition's panel gives it: the print edition states the same facts."""
    text = " ".join(re.sub("\xad\\s*", "", " ".join(page_texts)).split())  # a word hyphenated at a line end
    offices = [" ".join(r.text.split()) for _, tree in docs(built)
               for r in tree.iterfind(".//tei:correspDesc/tei:correspAction/tei:roleName[@type='office']", TEI)]
    assert offices, "the bundled corpus has offices in its correspDesc"
    for office in offices:
        assert re.search(r"via [^\n]*?, " + re.escape(office), text), office


def test_the_list_of_sources_gives_each_citation_once_punctuated(built, page_texts):
    """Each entry of the list of sources reads as a citation: its parts separated (an author, then the document's
    number in the publication), a full stop before the transcription's file, and an address the citation's words
    already give not printed a second time."""
    first = next(i for i, t in enumerate(page_texts) if t.startswith("List of sources"))
    lines = []
    for page in page_texts[first:]:
        body = page.split("\n")
        if re.fullmatch(r"\d+ .+|.+ \d+", body[0]):  # the running head with its folio
            body = body[1:]
        if body and re.fullmatch(r"\d+", body[-1]):  # the folio at the foot
            body = body[:-1]
        lines += body
    text = " ".join(re.sub("\xad\\s*", "", " ".join(lines)).split())
    entries = re.split(r" (?=\d+\. )", text.removeprefix("List of sources").strip())
    citations = [e.split(" Transcription: ")[0] for e in entries if " Transcription: " in e]
    assert len(citations) == len(docs(built))
    for citation in citations:
        assert citation.endswith((".", ">.")), citation
        for url in set(re.findall(r"https?://\S+?(?=[.>]?(?:\s|$))", citation)):
            assert citation.replace(" ", "").count(url.replace(" ", "")) == 1, (url, citation)
    scopes = [" ".join(s.text.split()) for _, tree in docs(built)
              for s in tree.iterfind(".//tei:sourceDesc/tei:bibl/tei:biblScope", TEI)
              if s.getprevious() is not None and not (s.getprevious().tail or "").strip()]
    assert scopes, "the bundled corpus has a citation whose document number follows its author directly"
    for scope in scopes:
        assert ", " + scope in text, scope
