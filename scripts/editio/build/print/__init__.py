"""Helpers of the pdf target: glyph coverage of the fonts, the layout record (pages.xml), Typst runs."""
