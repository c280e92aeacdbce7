"""Layer 1: unsafe or broken input gets one clear error; nothing is fetched or expanded; the run goes on."""

from __future__ import annotations

import csv
import http.server
import threading
from pathlib import Path
from typing import ClassVar

import pytest

HERE = Path(__file__).resolve().parent
SECURITY = HERE / "security"


def _cases() -> list[dict[str, str]]:
    with (SECURITY / "EXPECTED.tsv").open(encoding="utf-8") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


CASES = _cases()


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_unsafe_or_broken_file_gets_one_clear_error(case, check):
    report = check([SECURITY / case["file"]], profile="tei_all")
    assert [(p.rule_id, p.line, p.layer, p.severity) for p in report.problems] == [
        (case["rule"], int(case["line"]), "wellformed", "error")]
    assert not report.ok


def test_the_run_goes_on_with_the_other_files(check, edition_fixture):
    report = check([SECURITY, edition_fixture])
    assert report.files == len(CASES) + 5
    for case in CASES:
        assert len(report.for_path(str(SECURITY / case["file"]))) == 1
    fixture_errors = [p for p in report.problems if p.path.startswith(str(edition_fixture)) and p.severity == "error"]
    assert fixture_errors == []


def test_no_secret_is_read_into_a_message(check):
    report = check([SECURITY / "xxe-file.xml"], profile="tei_all")
    assert "root:" not in " ".join(p.message for p in report.problems)


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self):
        _Recorder.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'<!ENTITY x "fetched">')

    def log_message(self, *args):
        pass


def test_nothing_is_fetched_from_the_network(check, tmp_path):
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}"
        (tmp_path / "dtd.xml").write_text(
            f'<!DOCTYPE TEI SYSTEM "{url}/tei.dtd">\n<TEI xmlns="http://www.tei-c.org/ns/1.0"/>\n')
        (tmp_path / "entity.xml").write_text(
            f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "{url}/x">]>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">&x;</TEI>\n')
        (tmp_path / "param.xml").write_text(
            f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{url}/p"> %p;]>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"/>\n')
        report = check([tmp_path], profile="tei_all")
    finally:
        server.shutdown()
        server.server_close()
    assert _Recorder.requests == []
    assert sorted(p.rule_id for p in report.problems) == ["xml-external-dtd", "xml-external-entity",
                                                          "xml-external-entity"]


def test_a_file_over_the_size_limit_is_not_read(check, edition_fixture):
    report = check([edition_fixture / "places.xml"], profile="tei_all", max_bytes=100)
    assert [(p.rule_id, p.layer) for p in report.problems] == [("xml-too-large", "wellformed")]


def test_excessive_nesting_is_refused_not_followed(check, tmp_path):
    deep = tmp_path / "deep.xml"
    deep.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">' + "<p>" * 100_000 + "</p>" * 100_000 + "</TEI>")
    report = check([deep], profile="tei_all")
    assert [(p.rule_id, p.layer) for p in report.problems] == [("xml-wellformed", "wellformed")]


def test_a_plain_doctype_without_declarations_is_accepted(check, tmp_path, edition_fixture):
    text = (edition_fixture / "places.xml").read_text(encoding="utf-8")
    doc = tmp_path / "places.xml"
    doc.write_text(text.replace("<TEI ", "<!DOCTYPE TEI>\n<TEI ", 1), encoding="utf-8")
    report = check([doc], profile="tei_all")
    assert report.problems == []


def test_plain_internal_entities_are_expanded_as_jing_expands_them(check, tmp_path, edition_fixture):
    """Older TEI declares character entities (&mdash;): harmless, so the file is checked, not refused."""
    text = (edition_fixture / "places.xml").read_text(encoding="utf-8")
    doc = tmp_path / "places.xml"
    doc.write_text(text.replace("<TEI ", '<!DOCTYPE TEI [\n  <!ENTITY mdash "&#8212;">\n]>\n<TEI ', 1)
                   .replace("<placeName>Moscow</placeName>", "<placeName>Moscow &mdash; Kremlin</placeName>"),
                   encoding="utf-8")
    assert check([doc], profile="tei_all").problems == []


def test_many_references_to_a_large_entity_are_refused(check, tmp_path):
    doc = tmp_path / "flat.xml"
    doc.write_text(f'<!DOCTYPE TEI [<!ENTITY big "{"x" * 60_000}">]>\n'
                   f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>{"&big;" * 400}</p></TEI>\n')
    report = check([doc], profile="tei_all")
    assert [(p.rule_id, p.layer) for p in report.problems] == [("xml-entity-expansion", "wellformed")]
