"""Turn parsed grant/publication records into staging rows (pure; no I/O).

Tuples follow the column order of the stagings declared here. `content_hash` covers
everything the document says (not where it was read from), so an identical replay is
recognised in SQL and changes nothing (BR-059).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any

from db.loaders.copy_merge import Staging
from domain.ingestion.biblio_records import PatentDocumentRecord

STG_PATENTS = Staging(
    "stg_ref_patents",
    (
        ("ordinal", "int"),
        ("patent_type", "text"),
        ("appno_doc_num", "text"),
        ("grant_doc_num", "text"),
        ("pgpub_doc_num", "text"),
        ("title", "text"),
        ("appno_date", "date"),
        ("doc_date", "date"),
        ("kind", "text"),
        ("appl_type", "text"),
        ("series_code", "text"),
        ("claims_count", "int"),
        ("independent_claims_count", "int"),
        ("term_extension_days", "int"),
        ("length_of_grant", "int"),
        ("disclaimer", "boolean"),
        ("dtd_version", "text"),
        ("content_hash", "text"),
    ),
)
STG_INVENTORS = Staging(
    "stg_ref_inventors",
    (
        ("ordinal", "int"),
        ("sequence", "int"),
        ("name", "text"),
        ("first_name", "text"),
        ("middle_name", "text"),
        ("last_name", "text"),
        ("suffix", "text"),
        ("city", "text"),
        ("state", "text"),
        ("country", "text"),
    ),
)
STG_PARTIES = Staging(
    "stg_ref_parties",
    (
        ("ordinal", "int"),
        ("role", "text"),
        ("sequence", "int"),
        ("name", "text"),
        ("orgname", "text"),
        ("first_name", "text"),
        ("last_name", "text"),
        ("city", "text"),
        ("state", "text"),
        ("country", "text"),
        ("app_type", "text"),
        ("authority_category", "text"),
        ("assignee_type", "text"),
    ),
)
STG_PRIORITY = Staging(
    "stg_ref_priority",
    (
        ("ordinal", "int"),
        ("sequence", "int"),
        ("country", "text"),
        ("doc_number", "text"),
        ("kind", "text"),
        ("claim_date", "date"),
    ),
)
STG_RELATIONS = Staging(
    "stg_ref_relations",
    (
        ("ordinal", "int"),
        ("sequence", "int"),
        ("relation", "text"),
        ("child_appno", "text"),
        ("parent_appno", "text"),
        ("parent_appno_raw", "text"),
        ("parent_country", "text"),
        ("parent_kind", "text"),
        ("parent_date", "date"),
        ("parent_status", "text"),
        ("parent_grant_doc_num", "text"),
    ),
)
STG_DOC_CPC = Staging(
    "stg_ref_doc_cpc",
    (
        ("ordinal", "int"),
        ("cpc_code", "text"),
        ("cpc_level", "int"),
        ("is_inventive", "boolean"),
        ("is_main", "boolean"),
        ("position", "int"),
        ("version_date", "date"),
    ),
)
STG_ACCEPTED = Staging(
    "stg_ref_accepted",
    (("ordinal", "int"), ("patent_id", "uuid"), ("patent_doc_num", "text"), ("inserted", "bool")),
)
ALL_STAGINGS = (
    STG_PATENTS,
    STG_INVENTORS,
    STG_PARTIES,
    STG_PRIORITY,
    STG_RELATIONS,
    STG_DOC_CPC,
    STG_ACCEPTED,
)

Row = tuple[Any, ...]


@dataclass
class StagedDocuments:
    patents: list[Row] = field(default_factory=list)
    inventors: list[Row] = field(default_factory=list)
    parties: list[Row] = field(default_factory=list)
    priority: list[Row] = field(default_factory=list)
    relations: list[Row] = field(default_factory=list)
    cpc: list[Row] = field(default_factory=list)


def content_hash(rec: PatentDocumentRecord) -> str:
    """SHA-256 of the document's content, independent of file name and position."""
    bare = replace(rec, source_name="", document_index=0, warnings=(), file_attr=None)
    return hashlib.sha256(repr(bare).encode("utf-8")).hexdigest()


def document_key(rec: PatentDocumentRecord) -> str | None:
    """The patents upsert key (§2.2): the application number, else the grant number."""
    if rec.appno_doc_num:
        return rec.appno_doc_num
    return f"G:{rec.grant_doc_num}" if rec.grant_doc_num else None


def stage_documents(records: list[PatentDocumentRecord]) -> StagedDocuments:
    """Staging rows for `records` (one per key; `ordinal` ties children to parents)."""
    out = StagedDocuments()
    for n, rec in enumerate(records):
        out.patents.append(
            (
                n,
                rec.patent_type,
                rec.appno_doc_num,
                rec.grant_doc_num,
                rec.pgpub_doc_num,
                rec.title,
                rec.appno_date,
                rec.publication_date,
                rec.kind,
                rec.appl_type,
                rec.series_code,
                rec.claims_count,
                rec.independent_claims_count,
                rec.term_extension_days,
                rec.length_of_grant,
                rec.disclaimer,
                rec.dtd_version,
                content_hash(rec),
            )
        )
        for p in rec.inventors:
            out.inventors.append(
                (
                    n,
                    p.sequence,
                    p.name,
                    p.first_name,
                    p.middle_name,
                    p.last_name,
                    p.suffix,
                    p.city,
                    p.state,
                    p.country,
                )
            )
        for role, parties in (
            ("applicant", rec.applicants),
            ("assignee", rec.assignees),
            ("agent", rec.agents),
        ):
            for p in parties:
                out.parties.append(
                    (
                        n,
                        role,
                        p.sequence,
                        p.name,
                        p.orgname,
                        p.first_name,
                        p.last_name,
                        p.city,
                        p.state,
                        p.country,
                        p.app_type,
                        p.authority_category,
                        p.assignee_type,
                    )
                )
        for c in rec.priority_claims:
            out.priority.append((n, c.sequence, c.country, c.doc_number, c.kind, c.date))
        for i, r in enumerate(rec.related_documents, 1):
            out.relations.append(
                (
                    n,
                    i,
                    r.relation,
                    r.child_doc_number,
                    r.doc_number,
                    r.doc_number_raw,
                    r.country,
                    r.kind,
                    r.date,
                    r.parent_status,
                    r.parent_grant_doc_num,
                )
            )
        for code in rec.cpc:
            out.cpc.append(
                (
                    n,
                    code.code,
                    code.level,
                    code.is_inventive,
                    code.is_main,
                    code.position,
                    code.version_date,
                )
            )
    return out


def dedupe_documents(records: list[PatentDocumentRecord]) -> list[PatentDocumentRecord]:
    """One record per (type, key); the last one in file order wins (a re-listed document)."""
    by_key: dict[tuple[str, str], PatentDocumentRecord] = {}
    for rec in records:
        key = document_key(rec)
        if key is not None:
            by_key[(rec.patent_type, key)] = rec
    return list(by_key.values())
