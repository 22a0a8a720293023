"""Field extraction for ST.32 v2.5 grants (root ``PATDOC``, 2002-2004; ingestion.md §2.2).

B-tag paths: B110 number, B130 kind, B140 date, B210/B211US/B220 application, B300
priorities, B540 title, B570 claims, B472 term, B600 related documents, B720 inventors,
B730 assignees (+ B732US type), B740 agents. Text sits in ``PDAT`` leaves (and
``STEXT`` for mixed content), so values are read with ``itertext``.
"""

from __future__ import annotations

from typing import Any

from domain.ingestion.biblio_records import (
    Party,
    PatentDocumentRecord,
    RelatedDocument,
)
from domain.ingestion.normalize import (
    normalize_application_number,
    normalize_grant_number,
    normalize_kind_code,
    normalize_pct_number,
    parse_date,
)
from domain.ingestion.uspto_xml import (
    count_independent_claims,
    int_of,
    text_of,
)
from domain.ingestion.xml_fields import (
    DocIdPaths,
    PartyPaths,
    PriorityPaths,
    checked_number,
    read_party,
    read_priority_claims,
    read_related,
    required,
)

# B6xx groups of ST.32 (INID 61-65 and the US provisional B680US). Within B630 the US
# DTD separates continuations (B631) from continuations-in-part (B632).
_RELATIONS = {
    "B610": "addition",
    "B620": "division",
    "B631": "continuation",
    "B632": "continuation-in-part",
    "B633": "continuing-reissue",
    "B640": "reissue",
    "B641US": "reissue",
    "B645": "reexamination",
    "B680US": "us-provisional-application",
}

# ST.32 paths relative to a party (PARTY-US or the B721/B731/B741 itself), a DOC and a B300.
_PARTY_PATHS = PartyPaths(
    first="NAM/FNM",
    middle="NAM/MNM",
    last="NAM/SNM",
    suffix="NAM/SFX",
    orgname=("NAM/ONM",),
    city="ADR/CITY",
    state="ADR/STATE",
    country="ADR/CTRY",
)
_DOC_ID_PATHS = DocIdPaths(country="CTRY", kind="KIND", date="DATE")
_PRIORITY_PATHS = PriorityPaths(
    claims="B300", number="B310/DNUM", country="B330/CTRY", date="B320/DATE"
)


def extract_v25(root: Any, generation: str) -> PatentDocumentRecord:
    """Build a PatentDocumentRecord from a ``PATDOC`` root (§2.2 v2.5 paths)."""
    sdobi = required(root.find("SDOBI"), "SDOBI block")
    raw_number = required(text_of(sdobi, "B100/B110/DNUM"), "B110 document number")
    number, warnings = checked_number(
        raw_number, normalize_grant_number(raw_number), "document number"
    )
    series = text_of(sdobi, "B200/B211US")
    app_raw = text_of(sdobi, "B200/B210/DNUM")
    claims = root.findall("SDOCL/CL/CLM")
    return PatentDocumentRecord(
        patent_type="grant",
        doc_number=number,
        doc_number_raw=raw_number,
        kind=normalize_kind_code(text_of(sdobi, "B100/B130")),
        publication_date=parse_date(text_of(sdobi, "B100/B140/DATE")),
        dtd_version=generation,
        country=text_of(sdobi, "B100/B190") or "US",
        appno_doc_num=normalize_application_number(app_raw, series),
        appno_doc_num_raw=app_raw,
        appno_date=parse_date(text_of(sdobi, "B200/B220/DATE")),
        series_code=series,
        title=text_of(sdobi, "B500/B540"),
        claims_count=int_of(sdobi, "B500/B570/B577"),
        independent_claims_count=count_independent_claims(claims, ".//CLREF"),
        term_extension_days=int_of(sdobi, "B400/B472/B474US"),
        length_of_grant=int_of(sdobi, "B400/B472/B474"),
        disclaimer=sdobi.find("B400/B472/B473US") is not None,
        inventors=_people(sdobi.findall("B700/B720/B721"), "inventor"),
        assignees=_assignees(sdobi),
        agents=_people(sdobi.findall("B700/B740/B741"), "agent"),
        related_documents=_related(sdobi),
        priority_claims=read_priority_claims(sdobi, _PRIORITY_PATHS),
        file_attr=None,
        warnings=tuple(warnings),
    )


def _party(el: Any, role: str, sequence: int, assignee_type: str | None = None) -> Party:
    party = el.find("PARTY-US")
    if party is None:
        party = el
    return read_party(party, party, _PARTY_PATHS, role, sequence, assignee_type=assignee_type)


def _people(elements: list[Any], role: str) -> tuple[Party, ...]:
    return tuple(_party(el, role, i) for i, el in enumerate(elements, start=1))


def _assignees(sdobi: Any) -> tuple[Party, ...]:
    out: list[Party] = []
    # One B730 per assignee: the B732US type code belongs to the B731 beside it.
    for group in sdobi.findall("B700/B730"):
        assignee_type = text_of(group, "B732US")
        for el in group.findall("B731"):
            out.append(_party(el, "assignee", len(out) + 1, assignee_type))
    return tuple(out)


def _related(sdobi: Any) -> tuple[RelatedDocument, ...]:
    out: list[RelatedDocument] = []
    b600 = sdobi.find("B600")
    if b600 is None:
        return ()
    for el in b600.iter():
        relation = _RELATIONS.get(el.tag) if isinstance(el.tag, str) else None
        if relation is None:
            continue
        for holder in el.findall("PARENT-US") or [el]:
            doc = holder.find("PDOC/DOC")
            if doc is None:
                doc = holder.find("DOC")
            raw = text_of(doc, "DNUM")
            if raw is None:
                continue
            child_raw = text_of(holder, "CDOC/DOC/DNUM")
            grant_raw = text_of(holder, "PPUB/DOC/DNUM")
            out.append(
                read_related(
                    doc,
                    _DOC_ID_PATHS,
                    relation=relation,
                    doc_number=normalize_application_number(raw)
                    or normalize_pct_number(raw)
                    or raw,
                    doc_number_raw=raw,
                    parent_status=text_of(holder, "PSTA"),
                    parent_grant_doc_num=normalize_grant_number(grant_raw) or grant_raw,
                    child_doc_number=normalize_application_number(child_raw) or child_raw,
                )
            )
    return tuple(out)
