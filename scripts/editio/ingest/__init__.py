"""editio ingest: source transcriptions to TEI documents (reading, dates, archival citations, layout)."""
