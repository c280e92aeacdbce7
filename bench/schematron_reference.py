"""Our Schematron verdicts against SchXslt's, the XSLT reference implementation of ISO Schematron, on the same
schemas and files: the same failed asserts and successful reports at the same nodes.

SchXslt is not a dependency and is never committed: bring a copy of its XSLT 2.0 pipeline yourself (public GitHub
`schxslt/schxslt`, folder `core/src/main/resources/xslt/2.0`) and name it:

    python3 bench/schematron_reference.py --schxslt /tmp/schxslt/core/src/main/resources/xslt/2.0 [--record FILE]

SchXslt compiles each schema (include → expand → compile-for-svrl) to XSLT, which SaxonC runs to SVRL; each
failed-assert/successful-report location (SchXslt's own XPath for the node) is turned into a line with the same
path walker our engine uses, and compared with our failures as (file, line, kind, test). Embedded rules are taken
out of their RELAX NG schema by our extract_embedded() for both engines (SchXslt reads sch:schema documents only).
With --record, SchXslt's verdicts are written as a TSV that tests/schematron/test_sch_reference.py replays
against our engine, with the SchXslt commit in its header.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests" / "schematron"))

from reference_cases import SVRL_NS, cases  # noqa: E402

from editio.check.schematron import Schematron  # noqa: E402
from editio.check.schematron.locate import locate, top_level  # noqa: E402
from editio.check.schematron.saxon import processor  # noqa: E402


def schxslt_compile(pipeline: Path, case, tmp: Path):
    """The schema compiled by SchXslt's pipeline, as a SaxonC executable."""
    proc = processor()
    phase = case.phase
    source = case.source  # a .sch is read where it is (its includes are relative to it)
    if case.embedded:
        source = tmp / f"{case.name}.sch"
        source.write_bytes(etree.tostring(case.schema))
    xslt = proc.new_xslt30_processor()
    if phase:
        xslt.set_parameter("phase", proc.make_string_value(phase))
    compiled = xslt.transform_to_string(source_file=str(source), stylesheet_file=str(pipeline))
    return proc.new_xslt30_processor().compile_stylesheet(stylesheet_text=compiled)


def schxslt_verdicts(executable, doc: Path, tree: etree._ElementTree) -> Counter:
    proc = processor()
    text = "\n".join(etree.tostring(n, encoding="unicode", with_tail=False) for n in top_level(tree.getroot()))
    builder = proc.new_document_builder()
    builder.set_base_uri(doc.resolve().as_uri())  # as our engine does: rules may read base-uri()
    xdm = builder.parse_xml(xml_text=text)
    svrl = etree.fromstring(executable.transform_to_string(xdm_node=xdm).encode())
    found = Counter()
    top = top_level(tree.getroot())
    for kind, tag in (("assert", "failed-assert"), ("report", "successful-report")):
        for f in svrl.iter(f"{{{SVRL_NS}}}{tag}"):
            found[(doc.name, locate(f.get("location") or "", top).line, kind, " ".join(f.get("test").split()))] += 1
    return found


def ours(schema: Schematron, doc: Path, tree: etree._ElementTree) -> Counter:
    return Counter((doc.name, f.line, f.kind, " ".join(f.test.split())) for f in schema.validate(tree))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--schxslt", type=Path, required=True, help="SchXslt's xslt/2.0 folder")
    ap.add_argument("--record", type=Path, help="write the agreed verdicts here (TSV)")
    ap.add_argument("--commit", default="", help="SchXslt commit, written into the recorded file's header")
    args = ap.parse_args()
    pipeline = args.schxslt / "pipeline-for-svrl.xsl"
    rows, differ, refused = [], 0, []
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases():
            t = time.perf_counter()
            try:
                theirs_x = schxslt_compile(pipeline, case, Path(tmp))
            except Exception as exc:  # SaxonC's error type differs between editions
                print(f"{case.name}: SchXslt refuses the schema: {' '.join(str(exc).split())}")
                refused.append(case.name)
                continue
            ours_x = Schematron(case.schema, case.phase)
            agreed, reference = Counter(), Counter()
            for doc in case.documents:
                tree = case.parse(doc)
                a, b = ours(ours_x, doc, tree), schxslt_verdicts(theirs_x, doc, tree)
                if a != b:
                    differ += 1
                    print(f"  DIFFER {case.name} {doc.name}: only ours {sorted((a - b).elements())[:5]} "
                          f"only SchXslt {sorted((b - a).elements())[:5]}")
                agreed += a & b
                reference += b
            total = sum(agreed.values())
            print(f"{case.name}: {len(case.documents)} files, {total} verdicts agreed, "
                  f"{time.perf_counter() - t:.1f} s")
            rows += [(case.name, *key, n) for key, n in sorted(reference.items())]
    if args.record:
        with args.record.open("w", encoding="utf-8") as fh:
            fh.write(f"# Verdicts of SchXslt {args.commit} on SaxonC-HE "
                     "(bench/schematron_reference.py --record); replayed by test_sch_reference.py\n")
            fh.write(f"# SchXslt refused to compile: {', '.join(refused) or 'none'}\n")
            fh.write("case\tfile\tline\tkind\ttest\tcount\n")
            for row in rows:
                fh.write("\t".join(str(x) for x in row) + "\n")
    print(f"{differ} file(s) where the engines differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
