"""ISO Schematron with XPath 2/3 rules, compiled to XSLT 3.0 and run by SaxonC-HE, with line numbers."""

from editio.check.schematron.embedded import extract_embedded
from editio.check.schematron.engine import Schematron
from editio.check.schematron.model import AssertionInfo, SchematronError, SchematronFailure

__all__ = ["AssertionInfo", "Schematron", "SchematronError", "SchematronFailure", "extract_embedded"]
