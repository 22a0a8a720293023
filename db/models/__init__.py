"""All ORM models, imported here so `Base.metadata` is complete for Alembic and tests."""

from db.models.alerts import (
    AlertEvent,
    AlertSnapshot,
    DigestSubscription,
    OpsAlert,
    Webhook,
    WebhookDelivery,
)
from db.models.asset_listing import AssetListing
from db.models.assignments import (
    Assignee,
    Assignment,
    Assignor,
    DocumentId,
    Entity,
    Representative,
)
from db.models.auth import MfaBackupCode, UserToken
from db.models.classification_overrides import ClassificationOverride, OrgClassificationOverride
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
from db.models.pipeline_scope import OrgPipelineScope
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
from db.models.shares import ShareAccessLog, ShareLink, ShareLinkAsset
from db.models.summary_facts import SummaryAssetFacts
from db.models.tenancy import AuditLog, Organization, User

__all__ = [
    "AlertEvent",
    "AlertSnapshot",
    "ApplicationRelation",
    "Asset",
    "AssetDiagram",
    "AssetListing",
    "AssetOwnership",
    "Assignee",
    "Assignment",
    "Assignor",
    "AuditLog",
    "BrokenTitleChain",
    "ClassificationOverride",
    "Company",
    "CpcClassification",
    "DashboardItem",
    "DataSource",
    "DigestSubscription",
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
    "OpsAlert",
    "OrgAssignment",
    "OrgClassificationOverride",
    "OrgEntityGroup",
    "OrgPipelineScope",
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
    "ShareAccessLog",
    "ShareLink",
    "ShareLinkAsset",
    "SummaryAssetFacts",
    "SummaryMetric",
    "TimelineEntry",
    "User",
    "UserToken",
    "Webhook",
    "WebhookDelivery",
    "WorkerProbe",
]
