"""The layout readers share the site's page furniture through layouts/common.py, never through one another."""

from __future__ import annotations

import ast
from pathlib import Path

from editio.ingest.layouts import LAYOUTS

LAYOUT_DIR = Path(__file__).resolve().parents[2] / "scripts" / "editio" / "ingest" / "layouts"


def _imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) for every name a module imports from another."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found += [(node.module, a.name) for a in node.names]
    return found


def test_no_layout_reader_reaches_into_another_layout_reader():
    readers = {name for name, _, _ in LAYOUTS} | {"plain"}
    for name in sorted(readers):
        for module, imported in _imports(LAYOUT_DIR / f"{name}.py"):
            other = module.rsplit(".", 1)[-1]
            assert not (module == "editio.ingest.layouts" and imported in readers), (name, imported)
            assert other not in readers or other == name, f"layouts/{name}.py imports from layouts/{other}.py"


def test_the_site_furniture_is_read_the_same_by_every_layout_that_carries_it():
    from editio.ingest.layouts.common import is_furniture_heading, read_furniture
    from editio.ingest.model import SourceDocument

    doc = SourceDocument(path=Path("x.txt"), layout="pagedump", raw_lines=[])
    items = [(1, "Original Archive"), (2, "Archive of the President of the Russian Federation (APRF)"),
             (3, "Rights"), (4, "The History and Public Policy Program welcomes reuse of this document.")]
    assert is_furniture_heading("Original Archive") and not is_furniture_heading("Moscow, Kremlin.")
    read_furniture(doc, items)
    assert [f.text for f in doc.archive] == [items[1][1]] and [f.line for f in doc.rights] == [4]
