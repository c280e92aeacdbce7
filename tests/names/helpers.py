"""Small TEI documents and authority files written for the tests (not the seeds)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

TEI = "http://www.tei-c.org/ns/1.0"

# two bodies whose short form is the same ("Central Committee"), one nested in a party: the tagging tests' orgs
TWO_CENTRAL_COMMITTEES = """
<org xml:id="party"><orgName type="main" xml:lang="en">People's Labour Party</orgName>
  <org xml:id="party-cc"><orgName type="main" xml:lang="en">CC of the People's Labour Party</orgName>
    <orgName type="short" xml:lang="en">Central Committee</orgName></org></org>
<org xml:id="union-cc"><orgName type="main" xml:lang="en">CC of the Union</orgName>
  <orgName type="short" xml:lang="en">Central Committee</orgName></org>
"""


def tei_doc(body: str, header_title: str = "A test document") -> etree._ElementTree:
    xml = f"""<TEI xmlns="{TEI}" xml:id="doc-test" xml:lang="en"><teiHeader><fileDesc><titleStmt>
<title type="main">{header_title}</title></titleStmt><publicationStmt><p>test</p></publicationStmt>
<sourceDesc><p>test</p></sourceDesc></fileDesc></teiHeader><text><body><div type="document">{body}</div>
</body></text></TEI>"""
    return etree.ElementTree(etree.fromstring(xml))


def write_authorities(folder: Path, persons: str = "", places: str = "", orgs: str = "") -> Path:
    for file, wrapper, content in (("persons.xml", "listPerson", persons), ("places.xml", "listPlace", places),
                                   ("orgs.xml", "listOrg", orgs)):
        (folder / file).write_text(
            f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
            f"<publicationStmt><p>t</p></publicationStmt><sourceDesc><p>t</p></sourceDesc></fileDesc>"
            f"</teiHeader><standOff><{wrapper}>{content}</{wrapper}></standOff></TEI>",
            encoding="utf-8",
        )
    return folder


def names_in(tree: etree._ElementTree) -> list[tuple[str, str, str]]:
    """(element, @ref, text) of every name element, in document order."""
    out = []
    for el in tree.iter(f"{{{TEI}}}persName", f"{{{TEI}}}placeName", f"{{{TEI}}}orgName"):
        out.append((etree.QName(el).localname, el.get("ref"), "".join(el.itertext())))
    return out


def text_of(tree: etree._ElementTree) -> str:
    return "".join(tree.getroot().itertext())
