"""The per-organization pipeline DAG (D15, business-rules §10)."""
