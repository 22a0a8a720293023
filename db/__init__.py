"""Persistence: tables, engines, tenant-scoped sessions, repositories and bulk loaders."""
