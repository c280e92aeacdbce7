"""editio ingest: source transcriptions to TEI documents (reading, parsing of dates, archival citations, layout)."""
