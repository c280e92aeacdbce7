"""Real pages arrive damaged in ways no list foresees: cut anywhere, lines lost or doubled, stray brackets.
Whatever the damage, ingest never crashes, loses nothing, and what it writes is valid TEI."""

from __future__ import annotations

import random
from pathlib import Path

from editio.ingest.model import SourceError
from editio.ingest.pipeline import Authorities, convert_source, serialize

from .jing import jing_errors

HERE = Path(__file__).parent
REPO = HERE.parents[1]
SOURCES = sorted((REPO / "sources").glob("*.txt")) + sorted((HERE / "sources" / "real").glob("*.txt"))
MUTATIONS = ("cut", "cut-middle", "drop-line", "double-line", "stray-bracket")


def damage(text: str, how: str, rng: random.Random) -> str:
    lines = text.split("\n")
    if how == "cut":
        return text[: rng.randrange(1, len(text))]
    if how == "cut-middle":
        i = rng.randrange(len(text))
        return text[:i] + text[min(len(text), i + rng.randrange(1, 400)) :]
    if how == "drop-line":
        del lines[rng.randrange(len(lines))]
        return "\n".join(lines)
    if how == "double-line":
        k = rng.randrange(len(lines))
        lines.insert(k, lines[k])
        return "\n".join(lines)
    i = rng.randrange(len(text))
    return text[:i] + rng.choice(["[", "]", "[x", "y]", "[[", "]]"]) + text[i:]


def test_randomly_damaged_sources_convert_faithfully_into_valid_tei(tmp_path, tei_all):
    rng = random.Random(20261123)  # fixed: the same damage every run
    auth = Authorities(REPO / "tei")
    written = []
    for n in range(80):
        src, how = rng.choice(SOURCES), rng.choice(MUTATIONS)
        path = tmp_path / f"{n:03d}-{how}-{src.name}"
        path.write_text(damage(src.read_text(encoding="utf-8"), how, rng), encoding="utf-8")
        try:
            converted = convert_source(path, auth)
        except SourceError:
            continue  # a clear refusal (file and line) is a correct answer to damage
        for k, c in enumerate(converted):
            if c.error is not None:
                continue
            assert c.failures == [], (path.name, c.failures[0])
            out = tmp_path / "out" / f"{n:03d}-{k}.xml"
            out.parent.mkdir(exist_ok=True)
            out.write_bytes(serialize(c.tree))
            written.append(out)
    assert len(written) > 50
    assert jing_errors(tei_all, written) == []
