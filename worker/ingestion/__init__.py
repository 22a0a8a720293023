"""Ingestion per source: download, parse in batches, load, record, fan out (§1.1)."""
