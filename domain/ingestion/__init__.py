"""Pure parsers and normalizers for every external source (ingestion.md)."""
