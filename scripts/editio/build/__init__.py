"""Stage 4: build the editions from the TEI (after ingest, names and check)."""
