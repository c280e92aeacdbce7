"""A SaxonC processor whose XML parser takes TEI files of any size.

SaxonC's built-in parser (the JDK's, in native form) caps the *predefined* entity references of a document
(`&amp;`, `&lt;` …) at 100,000 in all (`jdk.xml.maxGeneralEntitySizeLimit`, `totalEntitySizeLimit`): a
dictionary, a large edition's corpus file or a 36 MB deposit fails with JAXP00010003 although it is plain,
well-formed XML. Those two size limits are lifted here; the limit on entity *expansions*
(`entityExpansionLimit`, what stops "billion laughs") stays, and the project parses untrusted files safely with
lxml before Saxon sees them anyway.
"""

from __future__ import annotations

from urllib.parse import quote

from saxonche import PySaxonProcessor

_JAXP = "http://www.oracle.com/xml/jaxp/properties/"
LIFTED_LIMITS = ("maxGeneralEntitySizeLimit", "totalEntitySizeLimit")


def new_processor() -> PySaxonProcessor:
    """A PySaxonProcessor (SaxonC-HE) with the entity size limits lifted (see the module's docstring)."""
    proc = PySaxonProcessor(license=False)
    for limit in LIFTED_LIMITS:
        proc.set_configuration_property(
            "http://saxon.sf.net/feature/parserProperty?uri=" + quote(_JAXP + limit, safe=""), "0"
        )
    return proc
