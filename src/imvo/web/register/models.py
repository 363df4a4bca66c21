"""The register: one model per thing the OECD due-diligence guidance asks a company to record.

Step 1 Policy; step 2 SupplierUpload, Scan, Supplier, Risk, SeverityJudgement, StakeholderEngagement;
step 3 Measure; step 4 Indicator, FollowUp; step 5 PublishedReport; step 6 RemediationRecord.
Every row carries its organisation, so every query can (and does, see ``queries.py``) scope by it.
Writes go through ``actions.py`` only, which records the audit trail.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from imvo.core.register.facts import follow_up_is_overdue, measure_is_overdue
from imvo.web.organisations.models import Organisation


def new_public_id() -> str:
    # Unguessable: a published report is public, but its address should not be enumerable.
    return secrets.token_urlsafe(12)


def policy_document_path(instance: Policy, filename: str) -> str:
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"policies/{instance.organisation_id}/{secrets.token_hex(12)}.{suffix}"


def upload_path(instance: SupplierUpload, filename: str) -> str:
    # The stored name is random; the user's file name is kept in ``original_name`` only.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"supplier-lists/{instance.organisation_id}/{secrets.token_hex(12)}.{suffix}"


class OrganisationScoped(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


# --- Step 1: policy -------------------------------------------------------------------------------
class Policy(OrganisationScoped):
    title = models.CharField(_("title"), max_length=200)
    document_url = models.URLField(_("document URL"), blank=True, default="")
    # Stored outside the web root under a random name; served by a permission-checked view.
    document = models.FileField(_("document"), upload_to=policy_document_path, blank=True, default="")
    document_name = models.CharField(_("document file name"), max_length=255, blank=True, default="")
    adopted_on = models.DateField(_("adoption date"), null=True, blank=True)
    board_approved_on = models.DateField(_("board approval date"), null=True, blank=True)
    endorses_oecd_guidelines = models.BooleanField(_("endorses the OECD Guidelines"), default=False)
    endorses_ungps = models.BooleanField(_("endorses the UN Guiding Principles"), default=False)
    endorsed_on = models.DateField(_("endorsement date"), null=True, blank=True)
    endorsement_evidence_url = models.URLField(_("public evidence of endorsement"), blank=True, default="")
    responsible_officer = models.CharField(_("responsible officer"), max_length=200, blank=True, default="")
    management_system = models.TextField(
        _("management-system elements"),
        blank=True,
        default="",
        help_text=_("Roles, procedures, training, supplier code of conduct, contract clauses."),
    )

    class Meta:
        ordering = ["-adopted_on", "-id"]
        verbose_name = _("policy")
        verbose_name_plural = _("policies")

    def __str__(self) -> str:
        return self.title


# --- Step 2: identify and assess ------------------------------------------------------------------
class SupplierUpload(OrganisationScoped):
    file = models.FileField(_("file"), upload_to=upload_path)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("supplier list")

    def __str__(self) -> str:
        return self.original_name


class ScanStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    #: Scanned; the merge into the register waits for a person to review the preview and confirm.
    READY = "ready", _("Ready for review")
    APPLYING = "applying", _("Being applied")
    DONE = "done", _("Applied")
    DISCARDED = "discarded", _("Discarded")
    FAILED = "failed", _("Failed")


class MergeMode(models.TextChoices):
    """How a new list merges into the register (see :mod:`imvo.core.register.merge`)."""

    REPLACE = "replace", _("Replace the supplier list")
    ADD = "add", _("Add these suppliers")


class Scan(OrganisationScoped):
    upload = models.ForeignKey(SupplierUpload, on_delete=models.PROTECT, related_name="scans")
    job = models.ForeignKey("jobs.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    status = models.CharField(
        _("status"), max_length=16, choices=ScanStatus.choices, default=ScanStatus.QUEUED
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    suppliers_count = models.PositiveIntegerField(_("suppliers"), default=0)
    risks_count = models.PositiveIntegerField(_("risks"), default=0)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True, default="")
    #: What applying would do, per merge mode, and on which applied scan it was computed.
    preview = models.JSONField(_("preview"), default=dict, blank=True)
    mode = models.CharField(_("merge"), max_length=16, choices=MergeMode.choices, blank=True, default="")
    #: What applying did (the preview's counts for the chosen mode, as written).
    applied = models.JSONField(_("changes applied"), default=dict, blank=True)
    applied_at = models.DateTimeField(_("applied"), null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "status", "applied_at"], name="scan_org_applied")]
        verbose_name = _("scan")

    def __str__(self) -> str:
        return f"{_('Scan')} #{self.pk} ({self.upload.original_name})"


class Supplier(OrganisationScoped):
    """A supplier of the organisation, one row per supplier across all uploads (see
    :mod:`imvo.core.register.identity`); the descriptive fields are those of the last list naming it."""

    #: The last applied scan whose list named this supplier.
    scan = models.ForeignKey(Scan, on_delete=models.SET_NULL, null=True, blank=True, related_name="suppliers")
    key = models.CharField(_("identity"), max_length=400, default="")
    number_key = models.CharField(max_length=200, blank=True, default="")
    name_key = models.CharField(max_length=400, default="")
    supplier_number = models.CharField(_("supplier number"), max_length=100, blank=True, default="")
    first_scan = models.ForeignKey(Scan, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    #: Set when a list replacing the supplier list no longer named it; empty while it is on the list.
    removed_scan = models.ForeignKey(Scan, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    input_row = models.PositiveIntegerField(_("row"), null=True, blank=True)
    name = models.CharField(_("name"), max_length=300)
    country = models.CharField(_("country"), max_length=2, blank=True, default="")
    product = models.CharField(_("product"), max_length=300, blank=True, default="")
    hs_code = models.CharField(_("HS code"), max_length=12, blank=True, default="")
    tier = models.CharField(_("tier"), max_length=40, blank=True, default="")
    spend = models.DecimalField(_("spend"), max_digits=16, decimal_places=2, null=True, blank=True)
    scan_status = models.CharField(_("match status"), max_length=32, blank=True, default="")

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["organisation", "scan"], name="supplier_org_scan")]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "key"], name="supplier_org_key_unique")
        ]
        verbose_name = _("supplier")

    def __str__(self) -> str:
        return self.name


class RiskSource(models.TextChoices):
    SCAN = "scan", _("Scan")
    MANUAL = "manual", _("Manual")


class RiskArea(models.TextChoices):
    SUPPLY_CHAIN = "supply_chain", _("Supply chain")
    OWN_OPERATIONS = "own_operations", _("Own operations")
    DOWNSTREAM = "downstream", _("Downstream")


class RiskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ADDRESSED = "addressed", _("Being addressed")
    CLOSED = "closed", _("Closed")


class CloseReason(models.TextChoices):
    """Why a risk was closed; the first three are a scan's (:class:`imvo.core.register.merge.CloseReason`)."""

    SUPPLIER_REMOVED = "supplier_removed", _("Supplier no longer in the list")
    NOT_LISTED = "not_listed", _("No longer listed")
    PRODUCT_CHANGED = "product_changed", _("The supplier's products or country changed")
    BY_PERSON = "by_person", _("Closed by a person")


SCAN_CLOSE_REASONS = frozenset(
    {CloseReason.SUPPLIER_REMOVED, CloseReason.NOT_LISTED, CloseReason.PRODUCT_CHANGED}
)


#: The register's order: most salient first (the OECD guidance: address the most severe impacts first),
#: then the scan's priority, then age.
RISK_ORDER = (models.F("salience").desc(nulls_last=True), models.F("priority").asc(nulls_last=True), "id")


def _day(value: Any) -> str:
    """A date in the reader's format (for labels built in Python, outside a template)."""
    from django.utils import formats

    return formats.date_format(value, "SHORT_DATE_FORMAT") if value else ""


def _reader_language() -> str:
    return (get_language() or "en")[:2]


def theme_shown(theme: str) -> str:
    """A theme id as its name in the reader's language."""
    from imvo.core.risk.themes import theme_label

    return theme_label(theme, _reader_language())


def good_shown(good: str) -> str:
    """A catalogue good (English, as stored) as its name in the reader's language."""
    from imvo.core.products.good_names import good_name

    return good_name(good, _reader_language())


class Risk(OrganisationScoped):
    """An actual or potential adverse impact, found by a scan or entered by hand."""

    #: How the audit trail shows the codes of fields without choices (imvo.web.audit.presentation).
    audit_value_labels = {"theme": theme_shown, "good": good_shown, "input_good": good_shown}

    source = models.CharField(
        _("source"), max_length=16, choices=RiskSource.choices, default=RiskSource.MANUAL
    )
    area = models.CharField(_("area"), max_length=20, choices=RiskArea.choices, default=RiskArea.SUPPLY_CHAIN)
    #: The scan that first found it; ``last_scan`` the last applied scan that found it.
    scan = models.ForeignKey(Scan, on_delete=models.SET_NULL, null=True, blank=True, related_name="risks")
    last_scan = models.ForeignKey(Scan, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    supplier = models.ForeignKey(
        Supplier, on_delete=models.SET_NULL, null=True, blank=True, related_name="risks"
    )
    #: (supplier, good, country, theme) as a digest (:func:`imvo.core.register.identity.risk_key`);
    #: unique per organisation, so no scan can ever add the same risk twice. Empty for manual risks.
    key = models.CharField(max_length=40, null=True, blank=True, default=None)
    title = models.CharField(_("title"), max_length=300)
    theme = models.CharField(_("theme"), max_length=64, blank=True, default="")
    description = models.TextField(_("description"), blank=True, default="")
    country = models.CharField(_("country"), max_length=2, blank=True, default="")
    good = models.CharField(_("good"), max_length=200, blank=True, default="")
    likelihood = models.PositiveSmallIntegerField(_("likelihood"), null=True, blank=True)
    severity = models.PositiveSmallIntegerField(_("severity"), null=True, blank=True)
    salience = models.PositiveSmallIntegerField(_("salience"), null=True, blank=True)
    priority = models.PositiveIntegerField(_("priority"), null=True, blank=True)
    evidence = models.TextField(_("evidence"), blank=True, default="")
    source_url = models.URLField(_("source"), max_length=500, blank=True, default="")
    dataset = models.CharField(_("dataset"), max_length=100, blank=True, default="")
    edition = models.CharField(_("edition"), max_length=200, blank=True, default="")
    record_id = models.CharField(_("record"), max_length=100, blank=True, default="")
    #: A finding about an input of the good (cotton of garments): the input, and its country when
    #: known ("" when the origin of the input is unknown).
    input_good = models.CharField(_("input"), max_length=200, blank=True, default="")
    input_country = models.CharField(_("country of the input"), max_length=2, blank=True, default="")
    #: The evidence as data (message ids and parameters, :mod:`imvo.core.risk.evidence`), so that it
    #: reads in the reader's language; ``evidence`` keeps the English text for exports and search.
    evidence_data = models.TextField(blank=True, default="")
    status = models.CharField(_("status"), max_length=16, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    closed_reason = models.CharField(
        _("reason for closing"), max_length=20, choices=CloseReason.choices, blank=True, default=""
    )
    #: For a listing that ended: the dataset and edition that no longer list it ("ILAB 2024").
    closed_detail = models.CharField(max_length=200, blank=True, default="")
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    confidential = models.BooleanField(_("confidential"), default=False)

    class Meta:
        # Salience first: the OECD guidance asks to address the most severe impacts first.
        ordering = [
            models.F("salience").desc(nulls_last=True),
            models.F("priority").asc(nulls_last=True),
            "id",
        ]
        indexes = [
            models.Index(fields=["organisation", "-salience", "id"], name="risk_org_salience"),
            models.Index(fields=["organisation", "status"], name="risk_org_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "key"],
                condition=models.Q(key__isnull=False),
                name="risk_org_key_unique",
            )
        ]
        verbose_name = _("risk")

    def __str__(self) -> str:
        return self.heading

    @property
    def heading(self) -> str:
        """The title in the reader's language: a found risk's is built from its data (theme, good,
        country, input), a risk a person added keeps the title they gave it."""
        if self.source != RiskSource.SCAN or not self.theme:
            return self.title
        from imvo.core.risk.headings import risk_heading

        language = (get_language() or "en")[:2]
        return risk_heading(
            self.theme, self.good, self.country, self.input_good, self.input_country, language
        )

    def audit_object_label(self) -> str:
        return self.heading

    @property
    def evidence_shown(self) -> str:
        """The evidence in the reader's language (stored English text when it has no data)."""
        from imvo.core.risk.evidence import render_evidence

        return render_evidence(self.evidence_data or self.evidence, (get_language() or "en")[:2])


class RiskEventKind(models.TextChoices):
    FOUND = "found", _("Found")
    CHANGED = "changed", _("Changed")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")
    STATUS = "status", _("Status changed")


class RiskEvent(models.Model):
    """One step in a risk's life: found, changed or closed by a scan (``scan`` set), or its status set
    by a person. The register as of a past date is read from these (``queries.register_as_of``)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="events")
    scan = models.ForeignKey(Scan, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    kind = models.CharField(max_length=16, choices=RiskEventKind.choices)
    #: Field → [before, after] for a change; empty otherwise.
    changes = models.JSONField(default=dict, blank=True)
    reason = models.CharField(max_length=20, choices=CloseReason.choices, blank=True, default="")
    detail = models.CharField(max_length=200, blank=True, default="")
    #: The risk's status after this event; "" when the event left the status as it was.
    status = models.CharField(max_length=16, choices=RiskStatus.choices, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["organisation", "created_at"], name="riskevent_org_time"),
            models.Index(fields=["risk", "created_at"], name="riskevent_risk_time"),
        ]
        verbose_name = _("risk event")

    def __str__(self) -> str:
        return f"{self.risk_id} {self.kind}"


class SeverityJudgement(OrganisationScoped):
    """A person's recorded judgement of how severe a risk is, and why (scale, scope, irremediability)."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="judgements")
    severity = models.PositiveSmallIntegerField(_("severity (1–5)"))
    scale = models.PositiveSmallIntegerField(_("scale (1–5)"), null=True, blank=True)
    scope = models.PositiveSmallIntegerField(_("scope (1–5)"), null=True, blank=True)
    irremediability = models.PositiveSmallIntegerField(_("irremediability (1–5)"), null=True, blank=True)
    rationale = models.TextField(_("why"))
    judged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("severity judgement")

    def __str__(self) -> str:
        return f"{self.severity}: {self.rationale[:40]}"


class StakeholderEngagement(OrganisationScoped):
    risk = models.ForeignKey(
        Risk, on_delete=models.SET_NULL, null=True, blank=True, related_name="engagements"
    )
    held_on = models.DateField(_("date"))
    stakeholder = models.CharField(_("stakeholder"), max_length=200)
    method = models.CharField(_("method"), max_length=200, blank=True, default="")
    summary = models.TextField(_("what was discussed"))
    outcome = models.TextField(_("outcome"), blank=True, default="")
    confidential = models.BooleanField(_("confidential"), default=False)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("stakeholder engagement")

    def __str__(self) -> str:
        return f"{self.held_on} {self.stakeholder}"

    def audit_object_label(self) -> str:
        return f"{_day(self.held_on)} {self.stakeholder}"


# --- Step 3: cease, prevent, mitigate -------------------------------------------------------------
class MeasureKind(models.TextChoices):
    PREVENT = "prevent", _("Prevent")
    MITIGATE = "mitigate", _("Mitigate")
    CEASE = "cease", _("Cease")
    USE_LEVERAGE = "use_leverage", _("Use leverage")
    DISENGAGE = "disengage", _("Responsible disengagement")


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Measure(OrganisationScoped):
    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="measures")
    kind = models.CharField(_("type"), max_length=16, choices=MeasureKind.choices)
    description = models.TextField(_("description"))
    owner = models.CharField(_("owner"), max_length=200)
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=MeasureStatus.choices, default=MeasureStatus.PLANNED
    )
    cost = models.DecimalField(_("cost (EUR)"), max_digits=14, decimal_places=2, null=True, blank=True)
    confidential = models.BooleanField(_("confidential"), default=False)

    class Meta:
        ordering = [models.F("due_on").asc(nulls_last=True), "id"]
        indexes = [models.Index(fields=["organisation", "status"], name="measure_org_status")]
        verbose_name = _("measure")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description[:60]}"

    @property
    def is_overdue(self) -> bool:
        return measure_is_overdue(self.status, self.due_on, timezone.localdate())


# --- Step 4: track --------------------------------------------------------------------------------
class Indicator(OrganisationScoped):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=200)
    target = models.CharField(_("target"), max_length=200, blank=True, default="")
    unit = models.CharField(_("unit"), max_length=40, blank=True, default="")

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("indicator")

    def __str__(self) -> str:
        return self.name


class FollowUpKind(models.TextChoices):
    AUDIT = "audit", _("Audit")
    VISIT = "visit", _("Site visit")
    KPI = "kpi", _("KPI measurement")
    OTHER = "other", _("Other")


class FollowUp(OrganisationScoped):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="follow_ups")
    indicator = models.ForeignKey(
        Indicator, on_delete=models.SET_NULL, null=True, blank=True, related_name="follow_ups"
    )
    kind = models.CharField(_("type"), max_length=16, choices=FollowUpKind.choices)
    planned_on = models.DateField(_("planned date"))
    done_on = models.DateField(_("date done"), null=True, blank=True)
    value = models.CharField(_("measured value"), max_length=100, blank=True, default="")
    result = models.TextField(_("result"), blank=True, default="")

    class Meta:
        ordering = ["planned_on", "id"]
        verbose_name = _("follow-up")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.planned_on}"

    def audit_object_label(self) -> str:
        return f"{self.get_kind_display()} {_day(self.planned_on)}"

    @property
    def is_overdue(self) -> bool:
        return follow_up_is_overdue(self.done_on, self.planned_on, timezone.localdate())


# --- Step 6: remedy -------------------------------------------------------------------------------
class RemediationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    PROVIDED = "provided", _("Provided")
    VERIFIED = "verified", _("Verified with those affected")


class RemediationRecord(OrganisationScoped):
    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="remediations")
    description = models.TextField(_("remedy"))
    affected = models.CharField(_("who was affected"), max_length=300, blank=True, default="")
    provided_on = models.DateField(_("date provided"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=RemediationStatus.choices, default=RemediationStatus.OPEN
    )
    confidential = models.BooleanField(_("confidential"), default=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("remediation record")

    def __str__(self) -> str:
        return self.description[:60]


# --- Step 5: communicate --------------------------------------------------------------------------
class PublishedReport(models.Model):
    """One published version of the public report: written once, never changed."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    public_id = models.CharField(max_length=32, unique=True, default=new_public_id)
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=300)
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    content = models.JSONField(_("content"), default=dict)
    html = models.TextField()
    pdf = models.BinaryField()
    sha256: models.CharField[str, str] = models.CharField(max_length=64)

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "version"], name="report_org_version_unique")
        ]
        verbose_name = _("published report")

    def __str__(self) -> str:
        return f"{self.title} v{self.version}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None and not self._state.adding:
            raise ValueError("A published report is immutable.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]
