"""Arq worker: job facade, ingestion jobs, per-org pipeline, alerts and schedules."""
