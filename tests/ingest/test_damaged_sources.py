"""Real pages arrive damaged. What is there is converted faithfully and what is missing is marked (a gap with a
reason, a warning naming the file); a source that cannot be read at all is refused with an error naming the file
and the line, nothing of it is written, the other sources still convert, and the command exits with status 1.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from editio.check.api import check_paths
from editio.cli import main
from editio.ingest.command import run_ingest
from editio.ingest.layouts import detect
from editio.ingest.model import SourceError
from editio.ingest.pipeline import Authorities, Converted, convert_source, serialize
from editio.ingest.reader import read_source
from editio.tei import NS, TEI_NS

from .jing import jing_errors

SOURCES = Path(__file__).resolve().parent / "sources"
REPO = Path(__file__).resolve().parents[2]
AUTHORITY = ("persons.xml", "places.xml", "orgs.xml")


def x(tree, path: str):
    return tree.xpath(path, namespaces=NS)


def texts(tree, path: str) -> list[str]:
    return [" ".join("".join(e.itertext()).split()) for e in x(tree, path)]


def convert(name: str) -> list[Converted]:
    converted = convert_source(SOURCES / name, Authorities(None))
    assert [f for c in converted for f in c.failures] == []  # nothing lost, nothing added
    return converted


def warnings_of(converted: list[Converted]) -> list[str]:
    return [str(w) for c in converted for w in c.warnings]


def _quiet(*args, **kwargs) -> None:
    pass


def says(message: str, path: Path, line: int, kind: str = "warning") -> bool:
    """The message reads like a compiler's, "FILE:LINE: kind: …", and FILE is this source (as typed or relative)."""
    shown, sep, _ = message.partition(f":{line}: {kind}: ")
    return bool(sep) and "\n" not in shown and Path(shown).resolve() == path.resolve()


def said(output: str, path: Path, line: int, kind: str) -> bool:
    return any(says(m, path, line, kind) for m in output.splitlines())


# -- cut off ----------------------------------------------------------------------------------------------------

TRUNCATED = {
    # source: (layout, index of the cut document, last words of the source, line of the warning)
    "damaged_pagedump_truncated.txt": ("pagedump", 0, "should not be postponed later than the middle of", 9),
    "damaged_markdown_truncated.txt": ("markdown", 0, "another 2,000 trucks of the type", 29),
    "damaged_article_truncated.txt": ("article", 1, "is developing successfully in the direction of", 27),
}


@pytest.mark.parametrize("name", sorted(TRUNCATED))
def test_a_page_cut_off_mid_sentence_keeps_its_text_and_ends_in_a_gap(name):
    layout, k, last_words, line = TRUNCATED[name]
    assert detect(read_source(SOURCES / name)) == layout
    converted = convert(name)
    div = converted[k].tree.find(f".//{{{TEI_NS}}}div[@type='document']")
    (gap,) = x(div, ".//tei:gap[@reason='source-truncated']")
    assert x(gap, "following::node()[ancestor::tei:div[@type='document']]") == []  # the gap ends the document
    body = " ".join("".join(div.itertext()).split())
    assert body.endswith(last_words)
    cut = [w for w in warnings_of(converted) if "cut off" in w]
    assert cut and all(says(w, SOURCES / name, line) for w in cut)


def test_only_the_cut_document_of_an_article_is_marked():
    first, second = convert("damaged_article_truncated.txt")
    assert x(first.tree, "//tei:text//tei:gap[@reason='source-truncated']") == []
    assert x(first.tree, "//tei:sourceDesc/tei:msDesc/tei:msIdentifier/tei:idno[@type='listy']/text()") == ["102"]
    assert len(x(second.tree, "//tei:text//tei:gap[@reason='source-truncated']")) == 1
    assert x(second.tree, "//tei:sourceDesc/tei:msDesc") == []


def test_a_complete_markdown_export_is_not_taken_for_a_cut_one():
    for name in ("markdown_filippov_1951.txt", "markdown_kim_1952.txt", "markdown_zhou_1953.txt",
                 "damaged_crlf_markdown.txt"):
        converted = convert(name)
        assert x(converted[0].tree, "//tei:text//tei:gap[@reason='source-truncated']") == [], name
        assert not [w for w in warnings_of(converted) if "cut off" in w], name


# -- what stands before the record -----------------------------------------------------------------------------


def test_site_navigation_and_another_records_teaser_do_not_hide_the_record():
    (doc,) = convert("damaged_pagedump_navigation.txt")
    t = doc.tree
    assert doc.stem == "1951-08-21-razuvaev-to-vyshinsky"
    assert texts(t, "//tei:titleStmt/tei:title[@type='main']") == [
        "Ciphered Telegram No. 3874 from Razuvaev to Vyshinsky"]
    assert x(t, "string(//tei:creation/tei:date/@when)") == "1951-08-21"
    tei = etree.tostring(t, encoding="unicode")
    for navigation in ("Skip to main content", "Advanced Search", "Log in", "Search the archive"):
        assert navigation not in tei
    teaser = ["July 30, 1951", "Telegram from Gromyko to Poskrebyshev, relaying a letter from Kim Il Sung",
              "Gromyko relays a letter on the shipment of lead ore from North Korea to the Soviet Union."]
    assert texts(t, "//tei:notesStmt/tei:note") == teaser
    assert "Poskrebyshev" not in " ".join(texts(t, "//tei:text"))
    path = SOURCES / "damaged_pagedump_navigation.txt"
    before = [w for w in warnings_of([doc]) if "before the date line" in w]
    assert [says(w, path, n) for w, n in zip(before, (11, 12, 13), strict=True)] == [True] * 3


def test_another_records_teaser_above_a_markdown_export_does_not_hide_the_record():
    (doc,) = convert("damaged_markdown_teaser.txt")
    t = doc.tree
    assert doc.stem == "1951-01-07-razuvaev-to-stalin"
    assert texts(t, "//tei:titleStmt/tei:title[@type='main']") == [
        "Ciphered telegram from Razuvaev to Filippov [Stalin]"]
    assert x(t, "//tei:creation/tei:date/@when") == ["1951-01-07"]
    notes = texts(t, "//tei:notesStmt/tei:note")
    assert "July 30, 1951" in notes and "Poskrebyshev" not in " ".join(texts(t, "//tei:text"))
    assert len([w for w in warnings_of([doc]) if says(w, SOURCES / "damaged_markdown_teaser.txt", 7)]) == 1


def test_an_article_pages_furniture_above_its_title_is_not_the_title():
    first, second = convert("damaged_article_navigation.txt")
    for doc in (first, second):
        assert texts(doc.tree, "//tei:sourceDesc/tei:bibl/tei:title[@level='a']") == [
            "The Kaesong Talks, July 1951: Two Telegrams"]  # the title ends where its byline begins
        assert texts(doc.tree, "//tei:sourceDesc/tei:bibl/tei:author") == ["Sergei N. Volkov"]
    assert [first.stem, second.stem] == ["1951-07-11-razuvaev-to-vyshinsky", "1951-07-12-vyshinsky-to-razuvaev"]


def test_a_later_page_of_an_article_converts_without_the_article_title():
    converted = convert("damaged_article_page2.txt")
    assert [c.stem for c in converted] == ["1951-07-09-razuvaev-to-stalin", "1951-07-10-stalin-to-razuvaev"]
    assert [x(c.tree, "string(//tei:titleStmt/tei:title[@type='sub'])") for c in converted] == [
        "Document 4", "Document 5"]
    for c in converted:
        assert x(c.tree, "//tei:sourceDesc/tei:bibl/tei:title[@level='a']") == []
        assert x(c.tree, "//tei:text//tei:gap[@reason='source-truncated']") == []
        body = " ".join(texts(c.tree, "//tei:text"))
        assert "Download" not in body and "Size" not in body
    path = SOURCES / "damaged_article_page2.txt"
    missing = [w for w in warnings_of(converted) if "no article title" in w]
    assert [says(w, path, n) for w, n in zip(missing, (5, 16), strict=True)] == [True, True]


def test_a_page_without_a_summary_keeps_its_last_line_in_the_text():
    (doc,) = convert("damaged_pagedump_nosummary.txt")
    assert x(doc.tree, "//tei:abstract") == []
    assert texts(doc.tree, "//tei:list[@type='distribution']/tei:item") == [
        "Stalin (2),", "Molotov,", "Malenkov,", "Bulganin,", "Vasilevsky"]
    assert [says(w, SOURCES / "damaged_pagedump_nosummary.txt", 9) for w in warnings_of([doc])] == [True]


# -- the archive's newer pages ----------------------------------------------------------------------------------


def test_a_markdown_export_with_its_title_above_its_date():
    (doc,) = convert("damaged_markdown_titlefirst.txt")
    t = doc.tree
    assert doc.stem == "1950-12-01-kim-il-sung-to-stalin"
    assert texts(t, "//tei:titleStmt/tei:title[@type='main']") == [
        "Ciphered telegram from Kim Il Sung to Filippov [Stalin] (via Shtykov)"]
    assert x(t, "//tei:creation/tei:date/@when") == ["1950-12-01"]
    assert texts(t, "//tei:correspAction[@type='transmitted']/tei:persName") == ["Shtykov"]
    assert texts(t, "//tei:closer/tei:signed") == ["KIM IL SUNG", "SHTYKOV"]
    assert texts(t, "//tei:closer/tei:salute") == ["With deep respect"]
    assert warnings_of([doc]) == []


def test_a_page_that_labels_its_date_and_title():
    (doc,) = convert("damaged_pagedump_labelled.txt")
    t = doc.tree
    assert doc.stem == "1950-09-12-shtykov-to-stalin"
    assert texts(t, "//tei:titleStmt/tei:title[@type='main']") == [
        "Ciphered Telegram from Shtykov to Filippov [Stalin] on the defense of Seoul"]
    assert texts(t, "//tei:creation/tei:date") == ["September 12, 1950"]
    assert x(t, "//tei:creation/tei:date/@when") == ["1950-09-12"]
    assert "Title:" not in etree.tostring(t, encoding="unicode")
    assert warnings_of([doc]) == []


def test_a_newer_page_with_labelled_fields_above_the_text():
    (doc,) = convert("damaged_pagedump_newsite.txt")
    t = doc.tree
    assert doc.stem == "1950-12-12-shtykov-to-vyshinsky"
    assert texts(t, "(//tei:div[@type='transmission'])[1]/tei:ab[1]") == ["CIPHERED TELEGRAM No. 9921"]
    assert x(t, "//tei:div[@type='message']/tei:p/@n") == ["1", "2", "3"]
    assert texts(t, "//tei:abstract")[0].startswith("Shtykov reports that the government offices of the DPRK")
    assert x(t, "//tei:sourceDesc/tei:bibl[@type='original']/tei:textLang/@mainLang") == ["ru"]
    assert x(t, "string(//tei:sourceDesc/tei:bibl[@type='online']/tei:ptr/@target)") == (
        "https://digitalarchive.example.org/document/900104")
    assert any(lic.startswith("The History and Public Policy Program welcomes reuse")
               for lic in texts(t, "//tei:availability/tei:licence"))
    assert "Record ID 900104" in texts(t, "//tei:notesStmt/tei:note")
    tei = etree.tostring(t, encoding="unicode")
    for furniture in (">Download<", ">Share<", "Skip to content", "Document Information"):
        assert furniture not in tei
    body = " ".join(texts(t, "//tei:text"))
    for field in ("Citation", "Summary", "Original Language", "Contents", "Translation - English"):
        assert field not in body


def test_a_newer_markdown_export_with_date_and_title_labels():
    (doc,) = convert("damaged_markdown_newsite.txt")
    t = doc.tree
    assert doc.stem == "1951-05-17-krasovsky-to-stalin"
    assert texts(t, "//tei:titleStmt/tei:title[@type='main']") == [
        "Ciphered telegram from Krasovsky to Filippov [Stalin]"]
    assert x(t, "//tei:creation/tei:date/@when") == ["1951-05-17"]
    assert texts(t, "//tei:creation/tei:date") == ["May 17, 1951"]
    assert texts(t, "//tei:abstract") == [
        "Krasovsky reports on the training of Chinese jet fighter divisions at Mukden."]
    assert x(t, "//tei:div[@type='message']/tei:p/@n") == ["1", "2"]
    assert warnings_of([doc]) == []
    assert "Date:" not in etree.tostring(t, encoding="unicode")


# -- encodings and line ends ------------------------------------------------------------------------------------


def test_crlf_line_ends_change_nothing(tmp_path):
    crlf = SOURCES / "damaged_crlf_markdown.txt"
    assert b"\r\n" in crlf.read_bytes()
    lf = tmp_path / crlf.name
    lf.write_bytes(crlf.read_bytes().replace(b"\r\n", b"\n"))
    (a,) = convert_source(crlf, Authorities(None))
    (b,) = convert_source(lf, Authorities(None))
    assert a.stem == b.stem == "1950-08-03-shtykov-to-stalin"
    assert etree.tostring(a.tree.getroot()[1]) == etree.tostring(b.tree.getroot()[1])  # <text>
    assert b"\r" not in serialize(a.tree)
    assert texts(a.tree, "//tei:abstract") == texts(b.tree, "//tei:abstract")


def test_a_byte_order_mark_does_not_hide_the_date_line():
    src = SOURCES / "damaged_bom_pagedump.txt"
    assert src.read_bytes().startswith(b"\xef\xbb\xbf")
    (doc,) = convert(src.name)
    assert doc.stem == "1950-09-04-shtykov-to-gromyko"
    assert x(doc.tree, "//tei:creation/tei:date/@when") == ["1950-09-04"]
    assert "\ufeff".encode() not in serialize(doc.tree)


# -- missing parts ----------------------------------------------------------------------------------------------


def test_a_document_without_any_date_is_refused_with_a_clear_error_naming_file_and_line():
    """The date names the file and heads the header: a document without one is a clear error, not a guess."""
    with pytest.raises(SourceError) as err:
        convert_source(SOURCES / "damaged_nodate_pagedump.txt", Authorities(None))
    assert err.value.path.name == "damaged_nodate_pagedump.txt" and err.value.line >= 1
    assert "has no date" in str(err.value)


def test_unbalanced_brackets_are_kept_as_characters_with_a_warning_each():
    (doc,) = convert("damaged_unbalanced_brackets.txt")
    assert x(doc.tree, "//tei:text//tei:c[@type='unmatched-bracket']/text()") == ["]", "["]
    path = SOURCES / "damaged_unbalanced_brackets.txt"
    unbalanced = [w for w in warnings_of([doc]) if "unbalanced" in w]
    assert len(unbalanced) == 2
    assert says(unbalanced[0], path, 6) and unbalanced[0].endswith("unbalanced bracket ']' kept as a character "
                                                                   "(c[@type='unmatched-bracket'])")
    assert says(unbalanced[1], path, 7) and "'['" in unbalanced[1]
    body = " ".join(texts(doc.tree, "//tei:text"))
    assert "The Chinese comrades [PENG DEHUAI and his staff agree with this order of deliveries." in body


CONVERTIBLE = ["damaged_pagedump_truncated.txt", "damaged_markdown_truncated.txt", "damaged_article_truncated.txt",
               "damaged_pagedump_navigation.txt", "damaged_pagedump_newsite.txt", "damaged_markdown_newsite.txt",
               "damaged_crlf_markdown.txt", "damaged_bom_pagedump.txt", "damaged_unbalanced_brackets.txt",
               "damaged_article_navigation.txt", "damaged_article_page2.txt", "damaged_pagedump_labelled.txt",
               "damaged_pagedump_nosummary.txt", "damaged_markdown_teaser.txt", "damaged_markdown_titlefirst.txt"]


@pytest.fixture(scope="module")
def converted_damage(tmp_path_factory) -> Path:
    """The convertible damaged pages ingested beside copies of the authority files (as the edition is built)."""
    out = tmp_path_factory.mktemp("damaged")
    for name in AUTHORITY:
        (out / name).write_bytes((REPO / "tei" / name).read_bytes())
    assert run_ingest([SOURCES / n for n in CONVERTIBLE], out, echo=_quiet) == 0
    return out


def test_what_is_converted_from_damaged_pages_is_valid_tei_all(converted_damage, tei_all):
    files = sorted(p for p in converted_damage.glob("*.xml") if p.name not in AUTHORITY)
    assert len(files) == len(CONVERTIBLE) + 3  # three of the articles hold two documents
    assert jing_errors(tei_all, files) == []


def test_what_is_converted_from_damaged_pages_keeps_the_editions_own_rules(converted_damage, tei_all):
    report = check_paths([converted_damage], "editio", tei_schema=tei_all)
    assert [(Path(p.path).name, p.line, p.rule_id) for p in report.problems if p.severity == "error"] == []


# -- unreadable sources -----------------------------------------------------------------------------------------

UNREADABLE = {
    # source: (line, words of the message)
    "damaged_empty.txt": (1, "the file is empty"),
    "damaged_blank.txt": (1, "the file is empty"),
    "damaged_binary.txt": (1, "binary file"),
    "damaged_cp1252.txt": (5, "not UTF-8"),
    "damaged_unrecognised.txt": (1, "cannot recognise the layout"),
    "damaged_article_duplicate.txt": (21, "Document 2 appears twice (first at line 12)"),
}


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_an_unreadable_source_is_refused_naming_the_file_and_the_line(name):
    line, words = UNREADABLE[name]
    with pytest.raises(SourceError) as caught:
        convert_source(SOURCES / name, Authorities(None))
    err = caught.value
    assert (err.path, err.line) == (SOURCES / name, line)
    assert says(str(err), SOURCES / name, line, "error")
    assert words in err.message


def test_an_unreadable_source_leaves_no_partial_output(tmp_path):
    # the duplicate article holds two good documents before the one that makes it unreadable
    errors = []
    assert run_ingest([SOURCES / "damaged_article_duplicate.txt"], tmp_path, echo=lambda m, **k: errors.append(m)) == 1
    assert sorted(tmp_path.glob("*.xml")) == []
    assert any(says(m, SOURCES / "damaged_article_duplicate.txt", 21, "error") for m in errors)


def test_the_command_converts_the_other_sources_and_exits_with_status_1(tmp_path):
    good = ["pagedump_roshchin_1950.txt", "damaged_pagedump_truncated.txt", "article_aviation_1950.txt"]
    bad = ["damaged_cp1252.txt", "damaged_binary.txt", "damaged_article_duplicate.txt"]
    order = [good[0], bad[0], good[1], bad[1], bad[2], good[2]]
    result = CliRunner().invoke(main, ["ingest", *(str(SOURCES / n) for n in order), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    written = sorted(p.stem for p in tmp_path.glob("*.xml"))
    assert written == ["1950-10-08-roshchin-to-stalin", "1950-11-15-zakharov-to-stalin",
                       "1950-11-16-stalin-to-zakharov", "1951-01-19-razuvaev-to-stalin"]
    for name in bad:
        line = UNREADABLE[name][0]
        assert said(result.output, SOURCES / name, line, "error"), name
    assert said(result.output, SOURCES / "damaged_pagedump_truncated.txt", 9, "warning")
    assert "3 errors" in result.output


def test_no_source_of_any_kind_crashes_the_command(tmp_path):
    every = sorted(SOURCES.glob("*.txt"))
    result = CliRunner().invoke(main, ["ingest", *map(str, every), "--out", str(tmp_path)])
    assert isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 1
    refused = len(UNREADABLE) + 1  # … and the document without a date
    assert f"{len(every)} sources" in result.output and f"; {refused} errors" in result.output
