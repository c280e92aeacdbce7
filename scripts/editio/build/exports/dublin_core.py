"""Dublin Core (oai_dc) per document: dc/<xml:id>.xml by xslt/export/dc.xsl, valid against the official
oai_dc.xsd (schema/, its simpledc import mapped to the local copy)."""

from __future__ import annotations

from editio.build.exports.parts import Kind

FOLDER = "dc"
KIND = Kind("dc", "export/dc.xsl", FOLDER, ".xml", published=True)
