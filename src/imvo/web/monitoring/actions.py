"""Every write of the monitoring workspace, named by verb and audit-logged."""

from __future__ import annotations

import atexit
import tempfile
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePath
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from imvo.core.assessment import CRITERION_IDS, Assessment, DisclosureAssessor, DisclosureError
from imvo.core.monitoring import (
    DEFAULT_CRITERIA_SETS,
    DUTCH_IMVO_SIZE_CRITERIA,
    MONITORING_VERDICTS,
    PopulationCompany,
    SizeCriteria,
    checked_criteria_sets,
    match_company,
    merge_verdicts,
    monitoring_verdicts,
    nap_class,
    read_population,
    segment,
    steps_evidenced,
)
from imvo.core.monitoring.criteria_sets import NOT_FOUND, endorses
from imvo.core.monitoring.figures import DUTCH_ENDORSEMENT_TARGET
from imvo.web.audit.trail import record_audit_event
from imvo.web.audit.vocabulary import AuditAction
from imvo.web.jobs.models import Job
from imvo.web.jobs.queue import enqueue
from imvo.web.monitoring.models import (
    AssessmentSource,
    CompanyAssessment,
    Disclosure,
    MonitoredCompany,
    MonitoringRound,
    ProgrammeSizeCriteria,
    ReferencePoint,
    RegisterSharingConsent,
    ReviewDecision,
    ReviewStatus,
)
from imvo.web.monitoring.register_source import has_consent, verdicts_from_register
from imvo.web.organisations.models import Organisation
from imvo.web.upload_limits import file_budget, file_limits

ASSESS_JOB = "assess_disclosures"
MAX_CITATIONS = 3


def _core_company(company: MonitoredCompany) -> PopulationCompany:
    return PopulationCompany(
        name=company.name,
        registration_number=company.registration_number,
        sector_code=company.sector_code,
        employees=company.employees,
        assets=company.assets,
        turnover=company.turnover,
        website=company.website,
    )


# --- size criteria --------------------------------------------------------------------------------
def size_criteria_of(organisation: Organisation) -> SizeCriteria:
    """The organisation's programme size criteria; the Dutch IMVO criteria until it sets its own."""
    row = ProgrammeSizeCriteria.objects.filter(organisation=organisation).first()
    if row is None:
        return DUTCH_IMVO_SIZE_CRITERIA
    return SizeCriteria(
        name=str(organisation.name),
        employees_over=row.employees_over,
        assets_over=row.assets_over,
        turnover_over=row.turnover_over,
        required=row.required,
    )


def set_size_criteria(
    actor: Any,
    organisation: Organisation,
    employees_over: int | None,
    assets_over: float | None,
    turnover_over: float | None,
    required: int | None,
) -> tuple[SizeCriteria, int]:
    """Store the programme's size criteria and recompute which companies are in scope.

    ``required`` is how many of the thresholds in use must be exceeded (None: all). Raises
    :class:`ValidationError` for an impossible rule. Returns the criteria and how many companies
    changed scope."""
    try:
        criteria = SizeCriteria(
            name=str(organisation.name),
            employees_over=employees_over,
            assets_over=assets_over,
            turnover_over=turnover_over,
            required=required,
        )
    except ValueError as error:
        raise ValidationError(
            _("The number of thresholds to exceed must lie between 1 and the number of thresholds set.")
        ) from error
    before = size_criteria_of(organisation)
    with transaction.atomic():
        ProgrammeSizeCriteria.objects.update_or_create(
            organisation=organisation,
            defaults={
                "employees_over": employees_over,
                "assets_over": assets_over,
                "turnover_over": turnover_over,
                "required": required,
            },
        )
        changed = recompute_in_scope(organisation, criteria)
        record_audit_event(
            actor,
            organisation,
            AuditAction.UPDATE,
            object_type="size_criteria",
            changes={
                "employees_over": [before.employees_over, employees_over],
                "assets_over": [before.assets_over, assets_over],
                "turnover_over": [before.turnover_over, turnover_over],
                "required": [before.required, required],
                "companies_changing_scope": changed,
            },
        )
    return criteria, changed


def recompute_in_scope(organisation: Organisation, criteria: SizeCriteria) -> int:
    """Set ``in_scope`` of every company of the population by ``criteria``; returns how many changed."""
    changed = []
    for company in MonitoredCompany.objects.filter(organisation=organisation).only(
        "pk", "name", "employees", "assets", "turnover", "in_scope"
    ):
        scope = criteria.includes(_core_company(company))
        if scope != company.in_scope:
            company.in_scope = scope
            changed.append(company)
    MonitoredCompany.objects.bulk_update(changed, ["in_scope"], batch_size=2000)
    return len(changed)


# --- population -----------------------------------------------------------------------------------
def import_population(actor: Any, organisation: Organisation, upload: UploadedFile) -> tuple[int, int]:
    """Read a population file and add or update its companies (matched by registration number, else
    name). Raises :class:`imvo.core.suppliers.InputError` naming every bad row; nothing is written then.
    Returns (created, updated)."""
    suffix = PurePath(upload.name or "population.csv").suffix.lower() or ".csv"
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"{PurePath(upload.name or 'population').stem[:80]}{suffix}"
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        rows = read_population(path, limits=file_limits("IMVO_MAX_FORM_ROWS"))
    criteria = size_criteria_of(organisation)
    existing = {
        (c.registration_number or c.name.lower()): c
        for c in MonitoredCompany.objects.filter(organisation=organisation)
    }
    created, updated = [], []
    fields = [
        "name",
        "registration_number",
        "sector_code",
        "employees",
        "assets",
        "turnover",
        "website",
        "in_scope",
    ]
    for row in rows:
        values = {
            "name": row.name[:255],
            "registration_number": row.registration_number[:64],
            "sector_code": row.sector_code[:32],
            "employees": row.employees,
            "assets": row.assets,
            "turnover": row.turnover,
            "website": row.website[:500],
            "in_scope": criteria.includes(row),
        }
        current = existing.get(row.registration_number or row.name.lower())
        if current is None:
            created.append(MonitoredCompany(organisation=organisation, **values))
        else:
            for name, value in values.items():
                setattr(current, name, value)
            updated.append(current)
    with transaction.atomic():
        MonitoredCompany.objects.bulk_create(created, batch_size=2000)
        MonitoredCompany.objects.bulk_update(updated, fields, batch_size=2000)
        record_audit_event(
            actor,
            organisation,
            AuditAction.IMPORT,
            object_type="population",
            changes={"file": upload.name, "created": len(created), "updated": len(updated)},
        )
    return len(created), len(updated)


def link_platform_organisation(
    actor: Any, organisation: Organisation, company: MonitoredCompany, platform_slug: str
) -> MonitoredCompany:
    """Say which platform organisation a monitored company is: only one that has consented to share
    its register with this monitor.

    An organisation that does not exist and one that has not consented get the same answer from the
    same single query, so the form cannot be used to probe other organisations' short names.
    """
    consenting = RegisterSharingConsent.objects.filter(monitor=organisation, revoked_at__isnull=True)
    platform = Organisation.objects.filter(
        slug=platform_slug, kind="company", pk__in=consenting.values("organisation")
    ).first()
    if platform is None:
        raise ValidationError(
            _(
                "No organisation with that short name shares its register with you. A company links up "
                "by giving your organisation consent under “Register sharing” in its own workspace."
            )
        )
    company.platform_organisation = platform
    company.save(update_fields=["platform_organisation"])
    record_audit_event(
        actor, organisation, AuditAction.LINK, company, {"platform_organisation": platform.slug}
    )
    return company


# --- rounds ---------------------------------------------------------------------------------------
def _criteria_sets(keys: Iterable[str]) -> list[str]:
    try:
        return list(checked_criteria_sets(keys))
    except ValueError as error:
        raise ValidationError(_("Choose at least one of the shipped criteria sets.")) from error


def create_round(
    actor: Any,
    organisation: Organisation,
    name: str,
    population_size: int | None = None,
    target: float = DUTCH_ENDORSEMENT_TARGET,
    criteria_sets: Iterable[str] = DEFAULT_CRITERIA_SETS,
) -> MonitoringRound:
    if MonitoringRound.objects.filter(organisation=organisation, name=name).exists():
        raise ValidationError(_("A round with this name exists already."))
    chosen = _criteria_sets(criteria_sets)
    monitoring_round = MonitoringRound.objects.create(
        organisation=organisation,
        name=name,
        population_size=population_size,
        target=target,
        criteria_sets=chosen,
    )
    record_audit_event(
        actor,
        organisation,
        AuditAction.CREATE,
        monitoring_round,
        {"name": name, "population_size": population_size, "criteria_sets": chosen},
    )
    return monitoring_round


def set_round_criteria_sets(
    actor: Any, monitoring_round: MonitoringRound, criteria_sets: Iterable[str]
) -> MonitoringRound:
    """Choose which shipped criteria sets the round reports (its dashboard and exports)."""
    chosen = _criteria_sets(criteria_sets)
    before = list(monitoring_round.criteria_sets)
    if chosen != before:
        monitoring_round.criteria_sets = chosen
        monitoring_round.save(update_fields=["criteria_sets"])
        record_audit_event(
            actor,
            monitoring_round.organisation,
            AuditAction.UPDATE,
            monitoring_round,
            {"criteria_sets": [before, chosen]},
        )
    return monitoring_round


def add_reference_point(
    actor: Any, organisation: Organisation, round_name: str, share: float, source: str
) -> ReferencePoint:
    if not 0.0 <= share <= 1.0:
        raise ValidationError(_("The share must lie between 0 and 1."))
    point = ReferencePoint.objects.create(
        organisation=organisation, round_name=round_name, share=share, source=source
    )
    record_audit_event(
        actor,
        organisation,
        AuditAction.CREATE,
        point,
        {"round": round_name, "share": share, "source": source},
    )
    return point


# --- assessments ----------------------------------------------------------------------------------
def _derived(verdicts: Mapping[str, str]) -> dict[str, Any]:
    return {
        "endorses": endorses(verdicts),
        "steps": sum(1 << (step - 1) for step in steps_evidenced(verdicts)),
        "nap_class": nap_class(verdicts).value,
        "segment": segment(verdicts).value,
    }


def _evidence_of(assessment: Assessment, source: str) -> dict[str, list[dict[str, Any]]]:
    evidence: dict[str, list[dict[str, Any]]] = {}
    for result in assessment.results:
        for citation in result.citations[:MAX_CITATIONS]:
            evidence.setdefault(result.criterion_id, []).append(
                {
                    "snippet": citation.snippet,
                    "page": citation.page,
                    "polarity": citation.polarity.value,
                    "source": source,
                }
            )
    return evidence


def store_assessment(
    monitoring_round: MonitoringRound,
    company: MonitoredCompany,
    source: str,
    verdicts: Mapping[str, str],
    evidence: Mapping[str, list[dict[str, Any]]],
) -> CompanyAssessment:
    """Create or refresh the company's assessment in the round. A reviewed assessment is never
    overwritten by a machine: the reviewers' decision stands."""
    full = {criterion: verdicts.get(criterion, NOT_FOUND) for criterion in CRITERION_IDS}
    existing = CompanyAssessment.objects.filter(monitoring_round=monitoring_round, company=company).first()
    if existing is not None and existing.status != ReviewStatus.TO_REVIEW:
        return existing
    values = {"source": source, "verdicts": full, "evidence": dict(evidence), **_derived(full)}
    if existing is None:
        return CompanyAssessment.objects.create(
            organisation=monitoring_round.organisation,
            monitoring_round=monitoring_round,
            company=company,
            **values,
        )
    for name, value in values.items():
        setattr(existing, name, value)
    existing.save()
    return existing


def upload_disclosures(
    actor: Any, organisation: Organisation, monitoring_round: MonitoringRound, uploads: Sequence[UploadedFile]
) -> Job:
    """Store the files, match each to a company by the documented file-name rule, and queue their
    assessment as a background job."""
    population = list(MonitoredCompany.objects.filter(organisation=organisation))
    core = [_core_company(company) for company in population]
    names: list[str] = []
    for upload in uploads:
        matched = match_company(upload.name or "", core)
        company = population[core.index(matched)] if matched is not None else None
        disclosure = Disclosure(
            organisation=organisation,
            monitoring_round=monitoring_round,
            company=company,
            original_name=(upload.name or "disclosure")[:255],
            uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        disclosure.file.save(upload.name or "disclosure.txt", upload, save=False)
        disclosure.save()
        names.append(disclosure.original_name)
    record_audit_event(actor, organisation, AuditAction.UPLOAD, monitoring_round, {"disclosures": names})
    return start_assessment_job(organisation, monitoring_round)


# --- disclosure files: each read within its budget; a failed file is removed or replaced -----------
_assessor: DisclosureAssessor | None = None
_assessor_lock = threading.Lock()


def _close_assessor() -> None:
    global _assessor
    if _assessor is not None:
        _assessor.close()
        _assessor = None


atexit.register(_close_assessor)


def read_disclosure(disclosure: Disclosure) -> tuple[dict[str, Any], str]:
    """The assessment of one disclosure file as stored data, or ``({}, reason)`` when the file cannot
    be read. Never raises for the file itself: a file over the install's time or memory budget
    (``IMVO_FILE_SECONDS``, ``IMVO_FILE_MEMORY_MB``), a file that breaks the reader, a missing file
    fail this file only, so the rest of the round is still assessed (issue 17, findings 2 and 4).

    The reader runs in a child process kept between files (:class:`DisclosureAssessor`)."""
    global _assessor
    budget = file_budget()
    with _assessor_lock:
        if _assessor is None or _assessor.budget != budget:
            _close_assessor()
            _assessor = DisclosureAssessor(budget)
        try:
            result = _assessor.assess(disclosure.file.path)
        except DisclosureError as error:
            return {}, error.message[:2000]
        except Exception as error:  # the reader process itself failed: this file is not assessed
            _close_assessor()
            return {}, f"the file cannot be read ({type(error).__name__}: {str(error)[:300]})"
    payload = result.to_dict()
    payload["source"] = disclosure.original_name
    return payload, ""


def _after_disclosure_change(monitoring_round: MonitoringRound, company: MonitoredCompany | None) -> None:
    """Merge the company's remaining disclosures again; with none left, a machine assessment from
    disclosures that nobody has reviewed yet goes too (a reviewed one stands)."""
    if company is None:
        return
    remaining = Disclosure.objects.filter(monitoring_round=monitoring_round, company=company).exclude(
        result={}
    )
    if remaining.exists():
        reassess_company_from_disclosures(monitoring_round, company)
        return
    CompanyAssessment.objects.filter(
        monitoring_round=monitoring_round,
        company=company,
        source=AssessmentSource.DISCLOSURE,
        status=ReviewStatus.TO_REVIEW,
    ).delete()


def remove_disclosure(actor: Any, disclosure: Disclosure) -> None:
    """Delete a disclosure and its file (e.g. one that cannot be read), audit-logged; the company's
    assessment is merged again from what remains."""
    monitoring_round, company = disclosure.monitoring_round, disclosure.company
    stored = disclosure.file.name
    storage = disclosure.file.storage
    with transaction.atomic():
        record_audit_event(
            actor,
            disclosure.organisation,
            AuditAction.REMOVE_DISCLOSURE,
            monitoring_round,
            {"file": disclosure.original_name, "error": disclosure.error[:500], "disclosure": disclosure.pk},
        )
        had_result = bool(disclosure.result)
        disclosure.delete()
        if had_result:
            _after_disclosure_change(monitoring_round, company)
    if stored:
        transaction.on_commit(lambda: storage.delete(stored))


def replace_disclosure(actor: Any, disclosure: Disclosure, upload: UploadedFile) -> Job:
    """Put a new file in place of a disclosure's file (same company, same round) and assess it
    again; the old file is deleted. Audit-logged with the old file's name and error."""
    old_name, old_error, old_stored = disclosure.original_name, disclosure.error, disclosure.file.name
    storage = disclosure.file.storage
    had_result = bool(disclosure.result)
    with transaction.atomic():
        disclosure.file.save(upload.name or "disclosure.txt", upload, save=False)
        disclosure.original_name = (upload.name or "disclosure")[:255]
        disclosure.result = {}
        disclosure.error = ""
        disclosure.assessed_at = None
        disclosure.uploaded_by = actor if getattr(actor, "is_authenticated", False) else None
        disclosure.save(
            update_fields=["file", "original_name", "result", "error", "assessed_at", "uploaded_by"]
        )
        record_audit_event(
            actor,
            disclosure.organisation,
            AuditAction.REPLACE_DISCLOSURE,
            disclosure.monitoring_round,
            {
                "file": [old_name, disclosure.original_name],
                "error": old_error[:500],
                "disclosure": disclosure.pk,
            },
        )
        if had_result:
            _after_disclosure_change(disclosure.monitoring_round, disclosure.company)
    if old_stored and old_stored != disclosure.file.name:
        transaction.on_commit(lambda: storage.delete(old_stored))
    return start_assessment_job(disclosure.organisation, disclosure.monitoring_round)


def start_assessment_job(organisation: Organisation, monitoring_round: MonitoringRound) -> Job:
    return enqueue(ASSESS_JOB, organisation, {"round_id": monitoring_round.pk})


def reassess_company_from_disclosures(
    monitoring_round: MonitoringRound, company: MonitoredCompany
) -> CompanyAssessment:
    """Merge every assessed disclosure of the company in the round into its assessment."""
    assessments = [
        Assessment.from_dict(disclosure.result)
        for disclosure in Disclosure.objects.filter(monitoring_round=monitoring_round, company=company)
        if disclosure.result
    ]
    verdicts = merge_verdicts([monitoring_verdicts(assessment) for assessment in assessments])
    evidence: dict[str, list[dict[str, Any]]] = {}
    for assessment in assessments:
        for criterion, citations in _evidence_of(assessment, assessment.source).items():
            evidence.setdefault(criterion, []).extend(citations)
    return store_assessment(monitoring_round, company, AssessmentSource.DISCLOSURE, verdicts, evidence)


def assess_from_registers(actor: Any, organisation: Organisation, monitoring_round: MonitoringRound) -> int:
    """Assess every monitored company that is on the platform and has consented to share its register.

    Companies without recorded (unrevoked) consent are skipped: their register is never read.
    """
    count = 0
    linked = MonitoredCompany.objects.filter(organisation=organisation, platform_organisation__isnull=False)
    for company in linked.select_related("platform_organisation"):
        platform = company.platform_organisation
        assert platform is not None
        if not has_consent(platform, organisation):
            continue
        verdicts, evidence = verdicts_from_register(platform)
        store_assessment(monitoring_round, company, AssessmentSource.REGISTER, verdicts, evidence)
        count += 1
    record_audit_event(actor, organisation, AuditAction.ASSESS, monitoring_round, {"from_registers": count})
    return count


def complete_round(actor: Any, organisation: Organisation, monitoring_round: MonitoringRound) -> int:
    """Give every in-scope company without an assessment one with nothing found (no public disclosure
    means no public endorsement), so the round's denominator is the whole population."""
    missing = MonitoredCompany.objects.filter(organisation=organisation, in_scope=True).exclude(
        assessments__monitoring_round=monitoring_round
    )
    created = [
        CompanyAssessment(
            organisation=organisation,
            monitoring_round=monitoring_round,
            company=company,
            source=AssessmentSource.NONE,
            verdicts=dict.fromkeys(CRITERION_IDS, NOT_FOUND),
            **_derived({}),
        )
        for company in missing
    ]
    CompanyAssessment.objects.bulk_create(created, batch_size=2000)
    record_audit_event(
        actor, organisation, AuditAction.COMPLETE, monitoring_round, {"without_disclosure": len(created)}
    )
    return len(created)


# --- four-eyes review -----------------------------------------------------------------------------
def _clean_corrections(corrections: Mapping[str, str]) -> dict[str, str]:
    cleaned: dict[str, str] = {}
    for criterion, verdict in corrections.items():
        if criterion not in CRITERION_IDS or verdict not in MONITORING_VERDICTS:
            raise ValidationError(_("Unknown criterion or verdict in the corrections."))
        cleaned[criterion] = verdict
    return cleaned


def _require_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Give a reason for the decision."))
    return reason


def propose_review(
    actor: Any, assessment: CompanyAssessment, corrections: Mapping[str, str], reason: str
) -> ReviewDecision:
    """First pair of eyes: confirm the assessment as is (no corrections) or propose corrections."""
    if assessment.status != ReviewStatus.TO_REVIEW:
        raise ValidationError(_("This assessment is not waiting for a first review."))
    cleaned = {
        criterion: verdict
        for criterion, verdict in _clean_corrections(corrections).items()
        if assessment.verdicts.get(criterion) != verdict
    }
    with transaction.atomic():
        decision = ReviewDecision.objects.create(
            organisation=assessment.organisation,
            assessment=assessment,
            reviewer=actor,
            kind="propose_correct" if cleaned else "propose_confirm",
            corrections=cleaned,
            reason=_require_reason(reason),
        )
        assessment.status = ReviewStatus.AWAITING_SECOND
        assessment.save(update_fields=["status", "updated_at"])
        record_audit_event(
            actor,
            assessment.organisation,
            AuditAction.PROPOSE_REVIEW,
            assessment,
            {
                "corrections": {c: [assessment.verdicts.get(c), v] for c, v in cleaned.items()},
                "reason": decision.reason,
            },
        )
    return decision


def pending_proposal(assessment: CompanyAssessment) -> ReviewDecision | None:
    return (
        assessment.decisions.filter(kind__in=["propose_confirm", "propose_correct"])
        .order_by("-created_at", "-id")
        .first()
    )


def decide_review(actor: Any, assessment: CompanyAssessment, approve: bool, reason: str) -> ReviewDecision:
    """Second pair of eyes: another person approves (the corrections take effect) or rejects."""
    if assessment.status != ReviewStatus.AWAITING_SECOND:
        raise ValidationError(_("This assessment is not waiting for a second review."))
    proposal = pending_proposal(assessment)
    if proposal is None:
        raise ValidationError(_("There is no proposal to decide on."))
    if proposal.reviewer_id == actor.pk:
        raise PermissionDenied(_("The second review must be done by another person (four-eyes principle)."))
    with transaction.atomic():
        decision = ReviewDecision.objects.create(
            organisation=assessment.organisation,
            assessment=assessment,
            reviewer=actor,
            kind="approve" if approve else "reject",
            reason=_require_reason(reason),
        )
        changes: dict[str, Any] = {"reason": decision.reason, "proposal": proposal.pk}
        if approve:
            before = dict(assessment.verdicts)
            verdicts = {**before, **proposal.corrections}
            assessment.verdicts = verdicts
            for name, value in _derived(verdicts).items():
                setattr(assessment, name, value)
            assessment.status = ReviewStatus.REVIEWED
            changes["verdicts"] = {c: [before.get(c), v] for c, v in proposal.corrections.items()}
        else:
            assessment.status = ReviewStatus.TO_REVIEW
        assessment.save()
        record_audit_event(
            actor,
            assessment.organisation,
            AuditAction.APPROVE_REVIEW if approve else AuditAction.REJECT_REVIEW,
            assessment,
            changes,
        )
    return decision


# --- consent (given by the company organisation) --------------------------------------------------
def grant_register_consent(
    actor: Any, organisation: Organisation, monitor: Organisation
) -> RegisterSharingConsent:
    if monitor.kind != "monitor" or monitor.pk == organisation.pk:
        raise ValidationError(_("Consent can only be given to a monitoring organisation."))
    existing = RegisterSharingConsent.objects.filter(
        organisation=organisation, monitor=monitor, revoked_at__isnull=True
    ).first()
    if existing is not None:
        return existing
    consent = RegisterSharingConsent.objects.create(
        organisation=organisation, monitor=monitor, granted_by=actor
    )
    record_audit_event(actor, organisation, AuditAction.GRANT_CONSENT, consent, {"monitor": monitor.slug})
    return consent


@transaction.atomic
def revoke_register_consent(actor: Any, consent: RegisterSharingConsent) -> RegisterSharingConsent:
    """Revoke the consent and remove what the monitor derived from the register under it.

    Every assessment the monitor made from this company's register (source "register": verdicts and
    evidence such as counts of risks, confidential ones included) is deleted with its review
    decisions, and the monitor's companies are unlinked from the organisation. Assessments from
    public disclosures stay. See docs/monitoring.md.
    """
    if consent.revoked_at is not None:
        return consent
    consent.revoked_at = timezone.now()
    consent.save(update_fields=["revoked_at"])
    removed = 0
    if not RegisterSharingConsent.objects.filter(
        organisation=consent.organisation, monitor=consent.monitor, revoked_at__isnull=True
    ).exists():
        companies = MonitoredCompany.objects.filter(
            organisation=consent.monitor, platform_organisation=consent.organisation
        )
        derived = CompanyAssessment.objects.filter(
            organisation=consent.monitor, company__in=companies, source=AssessmentSource.REGISTER
        )
        removed = derived.count()
        derived.delete()
        companies.update(platform_organisation=None)
        record_audit_event(
            None,
            consent.monitor,
            AuditAction.REMOVE_REGISTER_EVIDENCE,
            object_type="registersharingconsent",
            object_id=consent.pk,
            changes={"reason": "consent revoked", "assessments_removed": removed},
        )
    record_audit_event(
        actor,
        consent.organisation,
        AuditAction.REVOKE_CONSENT,
        consent,
        {"monitor": consent.monitor.slug, "assessments_removed": removed},
    )
    return consent


def company_ids_of(assessments: Iterable[CompanyAssessment]) -> list[int]:
    return [assessment.company_id for assessment in assessments]
