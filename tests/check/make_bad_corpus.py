"""Derive the bad-file corpus (tests/check/bad/) from the valid mini-edition fixture: one file per rule.

Each case is the fixture file with a few textual edits that break exactly one rule; `anchor` is a text that
occurs once in the result, on the line where tei-check must report the rule. Run it after changing the
fixture (`python3 tests/check/make_bad_corpus.py`), then review the diff: the corpus is committed, and
tests/check/test_bad_corpus.py checks every case against bad/EXPECTED.tsv.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "edition"
OUT = HERE / "bad"
ZHOU = "1950-07-13-stalin-to-zhou-enlai.xml"
DOC = "doc-1950-07-13-stalin-to-zhou-enlai"


@dataclass
class Case:
    rule: str
    edits: list[tuple[str, str]]
    anchor: str
    base: str = ZHOU
    check_as: str | None = None  # the file name it is checked under, beside the fixture's authority files
    severity: str = "error"
    name: str | None = None
    offset: int = 0  # the expected line is the anchor's line plus this
    everywhere: bool = False  # replace every occurrence of each edit's text, not exactly one


CASES = [
    # TEI conformance: one RELAX NG error, one error of the Schematron rules embedded in tei_all
    Case("tei-rng", [("          <p>Telegraph fulfillment.</p>\n          <closer>\n",
                      "          <closer>\n            <p>Telegraph fulfillment.</p>\n")],
         anchor="<p>Telegraph fulfillment.</p>"),
    Case("tei_all-ptr-ptrAtts-constraint-rule-18",
         [('<ptr target="https://wilson-center-digital-archive.dvincitest.com/document/110692"/>',
           '<ptr target="https://wilson-center-digital-archive.dvincitest.com/document/110692" cRef="110692"/>')],
         anchor='cRef="110692"', name="tei-schematron"),
    # the edition's schema (editio.xsd)
    Case("editio-schema", [('<idno type="delo">331</idno>', '<idno type="file">331</idno>')],
         anchor='<idno type="file">'),
    # the edition's Schematron rules (editio.sch)
    Case("editio-doc-id", [(DOC, DOC.replace("doc-", "document-"))], anchor="<TEI ", everywhere=True),
    Case("editio-doc-id-file", [], anchor="<TEI ", check_as="1950-07-14-stalin-to-zhou-enlai.xml"),
    Case("editio-doc-lang", [(' xml:lang="en">\n  <teiHeader>', ">\n  <teiHeader>")], anchor="<TEI "),
    Case("editio-id-prefix", [(f'xml:id="{DOC}-ms2"', 'xml:id="ms2"')], anchor='xml:id="ms2"'),
    Case("editio-title", [('<title type="main">', '<title type="sub">')], anchor="<titleStmt>"),
    Case("editio-publication-date", [('        <date when="2025-01-15"/>\n', "")], anchor="<publicationStmt>"),
    Case("editio-licence",
         [('<licence target="https://creativecommons.org/licenses/by/4.0/">The encoding is available under CC BY '
           "4.0; the translation is reused for research and education as the Wilson Center Digital Archive "
           "permits.</licence>", "<p>Free to reuse.</p>")],
         anchor="<publicationStmt>"),
    Case("editio-source-bibl", [("        <bibl>", "        <!-- no citation: "),
                                ('110692"/></bibl>', '110692"/> -->')], anchor="<sourceDesc>"),
    Case("editio-msdesc", [(f'        <msDesc xml:id="{DOC}-ms1">', "        <!--"),
                           ("        </msDesc>\n      </sourceDesc>", "        -->\n      </sourceDesc>")],
         anchor="<sourceDesc>", severity="warning"),
    Case("editio-msidentifier", [('            <idno type="fond">45</idno>\n'
                                  '            <idno type="opis">1</idno>\n'
                                  '            <idno type="delo">331</idno>\n'
                                  '            <idno type="listy">85</idno>\n', "")],
         anchor="<repository>APRF</repository>", offset=-1),
    Case("editio-editorialdecl", [("      <editorialDecl>", "      <!--"), ("</editorialDecl>", "-->")],
         anchor="<teiHeader>"),
    Case("editio-prefixdef",
         [('        <prefixDef ident="pla" matchPattern="([A-Za-z0-9_\\-\\.]+)" replacementPattern="places.xml#$1"/>\n',
           ""),
          (' ref="pla:beijing"', ""), (' ref="pla:moscow"', "")],
         anchor="<teiHeader>", everywhere=True),
    Case("editio-correspdesc",
         [('        <correspAction type="received">\n          <persName ref="per:zhou-enlai">Zhou Enlai</persName>\n'
           '          <persName ref="per:mao-zedong">Mao Zedong</persName>\n'
           '          <placeName ref="pla:beijing">Beijing</placeName>\n        </correspAction>\n', "")],
         anchor="<teiHeader>"),
    Case("editio-corresp-party", [('          <persName ref="per:roshchin">Roshchin</persName>\n', "")],
         anchor='<correspAction type="transmitted">'),
    Case("editio-corresp-unnamed", [('          <persName ref="per:roshchin">Roshchin</persName>\n',
                                      "          <note>The source names no intermediary.</note>\n")],
         anchor='<correspAction type="transmitted">', severity="warning"),
    Case("editio-sent-date", [('          <date when="1950-07-13T03:15:00"/>\n', "")],
         anchor='<correspAction type="sent">'),
    Case("editio-date-iso", [('<date when="1950-07-13">13 July 1950</date>', '<date when="--07-13">13 July</date>')],
         anchor='<date when="--07-13">'),
    Case("editio-brackets", [("FILIPPOV</persName> <supplied>Stalin</supplied>", "FILIPPOV</persName> [Stalin]")],
         anchor="[Stalin]</signed>"),
    Case("editio-editorial-described",
         [('<persName ref="per:molotov">Molotov</persName>',
           '<persName ref="per:molotov"><unclear>Molotov</unclear></persName>')],
         anchor="<unclear>"),
    Case("editio-sic-corr",
         [("Communicate your views.", "Communicate your <choice><sic>veiws</sic><orig>views</orig></choice>.")],
         anchor="<choice>"),
    Case("editio-hand", [("Only by ciphered telegraph", f'Only by ciphered telegraph <add hand="#{DOC}-hand1" '
                          'place="margin">urgent</add>')],
         anchor='<add hand='),
    Case("editio-distribution-list", [('<list type="distribution">', '<list type="copies">')],
         anchor='<div type="distribution">'),
    Case("editio-date-text", [('<date when="1950-07-13T03:15:00">03:15 13.7.50</date>',
                               '<date when="1950-07-14T03:15:00">03:15 13.7.50</date>')],
         anchor="03:15 13.7.50</date>"),
    # cross-file rules (check/data/edition-rules.tsv)
    Case("editio-ref-prefix", [('<persName ref="per:molotov">', '<persName ref="prs:molotov">')],
         anchor='ref="prs:molotov"'),
    Case("editio-ref-resolves", [('<persName ref="per:molotov">', '<persName ref="per:molotow">')],
         anchor='ref="per:molotow"'),
    # authority files
    Case("editio-authority-id", [('<person xml:id="lobov">', '<person xml:id="lobov·gen">')],
         anchor='xml:id="lobov·gen"', base="persons.xml", check_as="persons.xml"),
    Case("editio-authority-name",
         [('      <place xml:id="moscow">\n        <placeName>Moscow</placeName>\n',
           '      <place xml:id="moscow">\n        <note>Capital of the USSR.</note>\n')],
         anchor='<place xml:id="moscow">', base="places.xml", check_as="places.xml"),
    Case("editio-id-unique",
         [("    </listPlace>", '      <place xml:id="molotov">\n        <placeName>Molotov</placeName>\n'
                               "      </place>\n    </listPlace>")],
         anchor='<place xml:id="molotov">', base="places.xml", check_as="places.xml"),
]


def build(case: Case) -> tuple[str, str, int]:
    text = (FIXTURE / case.base).read_text(encoding="utf-8")
    for old, new in case.edits:
        if text.count(old) != 1 and not (case.everywhere and old in text):
            raise SystemExit(f"{case.rule}: edit target occurs {text.count(old)} times: {old!r}")
        text = text.replace(old, new)
    if text.count(case.anchor) != 1:
        raise SystemExit(f"{case.rule}: anchor occurs {text.count(case.anchor)} times: {case.anchor!r}")
    line = text[: text.index(case.anchor)].count("\n") + 1 + case.offset
    return case.name or case.rule, text, line


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.xml"):
        old.unlink()
    rows = []
    for case in CASES:
        name, text, line = build(case)
        (OUT / f"{name}.xml").write_text(text, encoding="utf-8")
        rows.append([f"{name}.xml", case.check_as or case.base, case.rule, case.severity, str(line)])
    with (OUT / "EXPECTED.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Generated by tests/check/make_bad_corpus.py: each file fails exactly one rule, at one line.\n")
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["file", "check_as", "rule", "severity", "line"])
        writer.writerows(rows)
    print(f"{len(rows)} cases written to {OUT}")


if __name__ == "__main__":
    main()
