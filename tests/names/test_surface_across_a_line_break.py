"""A name wrapped onto the next line (an lb inside it) is counted with a space between its words."""

from __future__ import annotations

from lxml import etree

from editio.names.occurrences import occurrences_in


def test_a_line_break_inside_a_name_is_a_space_in_its_surface():
    tree = etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="transmission"><ab>'
        '<orgName ref="org:x">General Staff of the<lb/>Armed Forces</orgName></ab></div></body></text></TEI>')
    assert [o.surface for o in occurrences_in(etree.ElementTree(tree), "d")] == ["General Staff of the Armed Forces"]
