"""Tests of the ingest stage."""
