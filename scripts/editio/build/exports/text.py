"""Plain text per document (text/<xml:id>.txt, UTF-8) by xslt/export/txt.xsl: the reading view with a header
block of metadata, for text-mining users."""

from __future__ import annotations

from editio.build.exports.parts import Kind

FOLDER = "text"
KIND = Kind("text", "export/txt.xsl", FOLDER, ".txt", published=True)
