"""The names index the editions build on comes from the TEI by XSLT: every entry lists the documents it occurs in."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from saxonche import PySaxonProcessor

REPO = Path(__file__).resolve().parents[1]


def index() -> etree._Element:
    with PySaxonProcessor(license=False) as proc:
        xslt = proc.new_xslt30_processor()
        exe = xslt.compile_stylesheet(stylesheet_file=str(REPO / "xslt" / "lib" / "names-index.xsl"))
        exe.set_parameter("edition", proc.make_string_value((REPO / "tei").as_uri() + "/"))
        out = exe.call_template_returning_string(None)
    return etree.fromstring(out.encode())


def test_every_entry_lists_the_documents_where_it_occurs():
    idx = index()
    docs = {e.get("ref"): set(e.get("docs").split()) for e in idx}
    assert "doc-1950-11-17-shtykov-to-gromyko" in docs["per:shtykov"]
    assert "doc-1950-09-29-shtykov-to-gromyko" in docs["per:shtykov"]
    assert "doc-1951-10-24-mao-zedong-to-stalin" in docs["pla:beijing"]
    assert all(d.startswith("doc-") for ds in docs.values() for d in ds)


def test_the_index_agrees_with_the_names_layer():
    from editio.names.occurrences import occurrences

    by_python = {ref: {o.doc for o in occ} for ref, occ in occurrences(REPO / "tei").items()}
    by_xslt = {e.get("ref"): set(e.get("docs").split()) for e in index()}
    for ref, found in by_python.items():
        assert by_xslt.get(ref, set()) == {d if d.startswith("doc-") else f"doc-{d}" for d in found}, ref
