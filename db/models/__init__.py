"""All ORM models, imported here so `Base.metadata` is complete for Alembic and tests."""

from db.models.jobs import WorkerProbe
from db.models.tenancy import AuditLog, Organization, User

__all__ = ["AuditLog", "Organization", "User", "WorkerProbe"]
