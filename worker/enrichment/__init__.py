"""Company enrichment (domain and logo), ingestion.md §2.11."""
