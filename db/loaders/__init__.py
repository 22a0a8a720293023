"""Bulk loaders: COPY into staging, set-based merges. They flush, never commit."""
