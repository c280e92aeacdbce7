"""python -m editio.check: the tei-check command."""

from editio.check.cli import main

main()
