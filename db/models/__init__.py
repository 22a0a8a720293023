"""All ORM models, imported here so `Base.metadata` is complete for Alembic and tests."""

from db.models.assignments import (
    Assignee,
    Assignment,
    Assignor,
    DocumentId,
    Entity,
    Representative,
)
from db.models.auth import MfaBackupCode, UserToken
from db.models.derived import (
    AssetDiagram,
    AssetOwnership,
    BrokenTitleChain,
    DashboardItem,
    OpenLienRow,
    OwnershipTreeNode,
    SummaryMetric,
    TimelineEntry,
)
from db.models.ingestion import DataSource, IngestionError, IngestionJob
from db.models.jobs import WorkerProbe
from db.models.pipeline import (
    OrgAssignment,
    OrgEntityGroup,
    OrgPipelineState,
    ProcessingJob,
    ProcessingStep,
)
from db.models.portfolio import Asset, Company
from db.models.reference import (
    ApplicationRelation,
    CpcClassification,
    DocumentParty,
    Inventor,
    Patent,
    PatentCpcCode,
    PatentPriorityClaim,
)
from db.models.reference_fees import (
    FamilyLookup,
    FamilyPriorityClaim,
    MaintenanceEventCode,
    MaintenanceFeeEvent,
    MaintenanceFeeStatus,
    PatentFamily,
    PatentFamilyMember,
)
from db.models.tenancy import AuditLog, Organization, User

__all__ = [
    "ApplicationRelation",
    "Asset",
    "AssetDiagram",
    "AssetOwnership",
    "Assignee",
    "Assignment",
    "Assignor",
    "AuditLog",
    "BrokenTitleChain",
    "Company",
    "CpcClassification",
    "DashboardItem",
    "DataSource",
    "DocumentId",
    "DocumentParty",
    "Entity",
    "FamilyLookup",
    "FamilyPriorityClaim",
    "IngestionError",
    "IngestionJob",
    "Inventor",
    "MaintenanceEventCode",
    "MaintenanceFeeEvent",
    "MaintenanceFeeStatus",
    "MfaBackupCode",
    "OpenLienRow",
    "OrgAssignment",
    "OrgEntityGroup",
    "OrgPipelineState",
    "Organization",
    "OwnershipTreeNode",
    "Patent",
    "PatentCpcCode",
    "PatentFamily",
    "PatentFamilyMember",
    "PatentPriorityClaim",
    "ProcessingJob",
    "ProcessingStep",
    "Representative",
    "SummaryMetric",
    "TimelineEntry",
    "User",
    "UserToken",
    "WorkerProbe",
]
