"""Every write of the obligations app, named by verb and recorded in the audit trail."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from imvo.core.obligations import ImportRecord
from imvo.web.audit.records import create_audited, snapshot
from imvo.web.audit.trail import field_changes, record_audit_event
from imvo.web.audit.vocabulary import AuditAction
from imvo.web.obligations import queries
from imvo.web.obligations.models import (
    ImportLine,
    ImportUpload,
    ObligationProfile,
    ObligationSnapshot,
    Tender,
)
from imvo.web.organisations.models import Organisation

PROFILE_FIELDS = ObligationProfile.FACT_FIELDS


@transaction.atomic
def update_profile(actor: Any, organisation: Organisation, data: Mapping[str, Any]) -> ObligationProfile:
    """Store the legal facts; empty values stay unknown. Audit-logged with the changed fields."""
    profile, created = ObligationProfile.objects.select_for_update().get_or_create(organisation=organisation)
    before = {} if created else snapshot(profile, list(PROFILE_FIELDS))
    for name in PROFILE_FIELDS:
        if name in data:
            setattr(profile, name, data[name])
    profile.save()
    after = snapshot(profile, list(PROFILE_FIELDS))
    changes = field_changes(before, after)
    if changes or created:
        record_audit_event(
            actor, organisation, AuditAction.CREATE if created else AuditAction.UPDATE, profile, changes
        )
    return profile


def _check_fits(model: Any, field: str, values: Sequence[str]) -> None:
    limit = model._meta.get_field(field).max_length or 0
    if any(len(value) > limit for value in values):
        raise ValueError(f"{model.__name__}.{field} holds at most {limit} characters.")


@transaction.atomic
def upload_imports(
    actor: Any, organisation: Organisation, original_name: str, records: Sequence[ImportRecord]
) -> ImportUpload:
    """Store a validated import file; its records become the current import records.

    The upload form refuses names and codes that do not fit their columns; nothing is cut here.
    """
    _check_fits(ImportUpload, "original_name", [original_name])
    _check_fits(ImportLine, "cn_code_as_given", [record.cn_code_as_given for record in records])
    upload = ImportUpload.objects.create(
        organisation=organisation,
        original_name=original_name,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
        records_count=len(records),
    )
    ImportLine.objects.bulk_create(
        ImportLine(
            organisation=organisation,
            upload=upload,
            line=record.line,
            year=record.year,
            cn_code=record.cn_code,
            cn_code_as_given=record.cn_code_as_given,
            quantity_kg=record.quantity_kg.quantize(Decimal("0.001")),
            country_of_origin=record.country_of_origin,
            taric_subdivision=record.taric_subdivision,
            gold_concentration_percent=(
                record.gold_concentration_percent.quantize(Decimal("0.0001"))
                if record.gold_concentration_percent is not None
                else None
            ),
        )
        for record in records
    )
    record_audit_event(
        actor, organisation, AuditAction.UPLOAD, upload, {"file": original_name, "records": len(records)}
    )
    return upload


@transaction.atomic
def add_tender(actor: Any, organisation: Organisation, data: Mapping[str, Any]) -> Tender:
    tender: Tender = create_audited(actor, organisation, Tender, data)
    return tender


@transaction.atomic
def delete_tender(actor: Any, organisation: Organisation, tender: Tender) -> None:
    if tender.organisation != organisation:
        raise ValueError("the tender belongs to another organisation")
    record_audit_event(actor, organisation, AuditAction.DELETE, tender, {"name": tender.name})
    tender.delete()


@transaction.atomic
def record_snapshot(actor: Any, organisation: Organisation, as_of: date) -> tuple[ObligationSnapshot, bool]:
    """Evaluate and store the result, unless the latest snapshot already says the same.

    Returns the snapshot and whether it is new. "The same" means same evaluation date, rule set and
    facts: a change of law (rule set version) or of facts always gives a new version.
    """
    evaluation = queries.evaluate_organisation(organisation, as_of)
    result = evaluation.result
    latest = queries.snapshots(organisation).first()
    if (
        latest is not None
        and latest.as_of == as_of
        and latest.ruleset_version == result.ruleset_version
        and latest.facts_hash == result.facts_hash
    ):
        return latest, False
    snapshot = ObligationSnapshot.objects.create(
        organisation=organisation,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        as_of=as_of,
        ruleset_version=result.ruleset_version,
        facts_hash=result.facts_hash,
        result=result.to_dict(),
    )
    record_audit_event(
        actor,
        organisation,
        AuditAction.EVALUATE,
        snapshot,
        {
            "as_of": as_of.isoformat(),
            "ruleset_version": result.ruleset_version,
            "facts_hash": result.facts_hash,
        },
    )
    return snapshot, True
