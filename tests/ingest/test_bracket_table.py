"""The bracket conventions are data: every row of brackets.tsv can be built, and its example converts as it says."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from editio.ingest.brackets import classify, conventions, parse
from editio.ingest.inline import _BUILDERS, SIMPLE, Context, encode
from editio.tei import el


@pytest.mark.parametrize("conv", conventions(), ids=lambda c: c.id)
def test_every_convention_has_a_builder(conv):
    assert conv.encoding in _BUILDERS or conv.encoding in SIMPLE


@pytest.mark.parametrize("conv", conventions(), ids=lambda c: c.id)
def test_every_example_in_the_table_is_read_as_its_own_convention(conv):
    example = conv.example.replace("…", "x")
    parsed = parse(example)
    classify(parsed)
    assert conv.id in [g.convention.id for g in parsed.all_groups() if g.convention]


@pytest.mark.parametrize("conv", conventions(), ids=lambda c: c.id)
def test_every_example_becomes_the_element_the_table_names(conv):
    example = conv.example.replace("…", "x")
    p = el("p")
    encode(p, example, Context("doc-test", original_lang="ru"))
    first = re.match(r"<(\w+)", conv.tei).group(1)
    assert p.find(f".//{{http://www.tei-c.org/ns/1.0}}{first}") is not None, etree.tostring(p)
    assert "[" not in "".join(p.itertext()) or p.find(".//{http://www.tei-c.org/ns/1.0}c") is not None
