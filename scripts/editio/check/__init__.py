"""tei-check: validation of the edition (RELAX NG, Schematron, the edition's own rules)."""
