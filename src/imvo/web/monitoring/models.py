"""Populations, rounds, disclosures, assessments per company per round, and four-eyes reviews."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from imvo.core.monitoring import DEFAULT_CRITERIA_SETS, DUTCH_IMVO_SIZE_CRITERIA
from imvo.core.monitoring.figures import DUTCH_ENDORSEMENT_TARGET
from imvo.web.organisations.models import Organisation


def disclosure_path(instance: Disclosure, filename: str) -> str:
    # The stored name is random; the user's file name is kept in ``original_name`` only.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "txt"
    return f"disclosures/{instance.organisation_id}/{secrets.token_hex(12)}.{suffix}"


def default_criteria_sets() -> list[str]:
    return list(DEFAULT_CRITERIA_SETS)


class ProgrammeSizeCriteria(models.Model):
    """The size criteria of the programme a monitor organisation measures (one per organisation).

    Without a row the Dutch IMVO criteria apply; the defaults below are the same numbers.
    """

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="+")
    employees_over = models.PositiveIntegerField(
        _("more than this many employees"),
        null=True,
        blank=True,
        default=DUTCH_IMVO_SIZE_CRITERIA.employees_over,
    )
    assets_over = models.FloatField(
        _("more than this balance-sheet total (EUR)"),
        null=True,
        blank=True,
        default=DUTCH_IMVO_SIZE_CRITERIA.assets_over,
    )
    turnover_over = models.FloatField(
        _("more than this turnover (EUR)"),
        null=True,
        blank=True,
        default=DUTCH_IMVO_SIZE_CRITERIA.turnover_over,
    )
    # None: every threshold in use must be exceeded.
    required = models.PositiveSmallIntegerField(_("thresholds to exceed"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("programme size criteria")

    def __str__(self) -> str:
        return f"size criteria of {self.organisation_id}"


class MonitoredCompany(models.Model):
    """One company of the monitored population."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=255)
    registration_number = models.CharField(_("registration number"), max_length=64, blank=True, default="")
    sector_code = models.CharField(_("sector code"), max_length=32, blank=True, default="")
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    assets = models.FloatField(_("balance-sheet total (EUR)"), null=True, blank=True)
    turnover = models.FloatField(_("turnover (EUR)"), null=True, blank=True)
    website = models.CharField(_("website"), max_length=500, blank=True, default="")
    in_scope = models.BooleanField(_("meets the size criteria"), default=True)
    platform_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation on the platform"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("monitored company")
        verbose_name_plural = _("monitored companies")
        indexes = [models.Index(fields=["organisation", "registration_number"], name="monitored_org_regno")]

    def __str__(self) -> str:
        return self.name


def _criteria_set_label(key: str) -> str:
    from imvo.web.monitoring.labels import CRITERIA_SET_LABELS

    return str(CRITERIA_SET_LABELS.get(key, key))


class MonitoringRound(models.Model):
    """A measurement round, e.g. 2021."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("round"), max_length=40)
    population_size = models.PositiveIntegerField(
        _("population size"),
        null=True,
        blank=True,
        help_text=_("Fewer companies assessed than this: a sample, with intervals."),
    )
    target = models.FloatField(_("target share"), default=DUTCH_ENDORSEMENT_TARGET)
    # Keys of imvo.core.monitoring.CRITERIA_SETS the round reports.
    criteria_sets = models.JSONField(_("criteria sets"), default=default_criteria_sets)
    created_at = models.DateTimeField(auto_now_add=True)

    #: How the audit trail shows the criteria sets (imvo.web.audit.presentation).
    audit_value_labels = {"criteria_sets": _criteria_set_label}

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="monitoring_round_unique")
        ]
        verbose_name = _("monitoring round")

    def __str__(self) -> str:
        return self.name


class ReferencePoint(models.Model):
    """A historical headline figure entered by hand (e.g. 2017: 30 %), with its source."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    round_name = models.CharField(_("round"), max_length=40)
    share = models.FloatField(_("share endorsing (0-1)"))
    source = models.CharField(_("source"), max_length=500)

    class Meta:
        ordering = ["round_name", "id"]
        verbose_name = _("reference figure")

    def __str__(self) -> str:
        return f"{self.round_name}: {self.share:.0%}"


class Disclosure(models.Model):
    """An uploaded public disclosure of a company for a round; assessed by a background job."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    monitoring_round = models.ForeignKey(
        MonitoringRound, on_delete=models.CASCADE, related_name="disclosures"
    )
    company = models.ForeignKey(
        MonitoredCompany, on_delete=models.SET_NULL, null=True, blank=True, related_name="disclosures"
    )
    file = models.FileField(_("file"), upload_to=disclosure_path)
    original_name = models.CharField(_("file name"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    assessed_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(default=dict, blank=True)  # Assessment.to_dict() of the text engine
    error = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["original_name", "id"]
        verbose_name = _("disclosure")

    def __str__(self) -> str:
        return self.original_name

    @property
    def status(self) -> str:
        """``waiting`` (not read yet), ``failed`` (unreadable; ``error`` says why) or ``assessed``."""
        if self.assessed_at is None:
            return "waiting"
        return "failed" if self.error else "assessed"


class AssessmentSource(models.TextChoices):
    DISCLOSURE = "disclosure", _("Public disclosure")
    REGISTER = "register", _("Shared register")
    NONE = "none", _("No disclosure found")


class ReviewStatus(models.TextChoices):
    TO_REVIEW = "to_review", _("To review")
    AWAITING_SECOND = "awaiting_second", _("Awaiting second reviewer")
    REVIEWED = "reviewed", _("Reviewed")


class CompanyAssessment(models.Model):
    """One company in one round: verdict per criterion, the evidence, and derived figures' inputs."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    monitoring_round = models.ForeignKey(
        MonitoringRound, on_delete=models.CASCADE, related_name="assessments"
    )
    company = models.ForeignKey(MonitoredCompany, on_delete=models.CASCADE, related_name="assessments")
    source = models.CharField(_("source"), max_length=16, choices=AssessmentSource.choices)
    verdicts = models.JSONField(_("verdicts"), default=dict, blank=True)
    evidence = models.JSONField(_("evidence"), default=dict, blank=True)  # criterion → list of citations
    status = models.CharField(
        _("review status"), max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.TO_REVIEW
    )
    # Derived from the verdicts whenever they change, so the dashboard aggregates plain columns.
    endorses = models.BooleanField(default=False)
    steps = models.PositiveSmallIntegerField(default=0)  # bit n-1 set: step n evidenced
    nap_class = models.CharField(max_length=32, default="not_compliant")
    segment = models.CharField(max_length=16, default="laggards")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["company__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["monitoring_round", "company"], name="assessment_unique_company_round"
            )
        ]
        indexes = [models.Index(fields=["organisation", "monitoring_round"], name="assessment_org_round")]
        verbose_name = _("company assessment")

    def __str__(self) -> str:
        return f"{self.company} ({self.monitoring_round})"

    @property
    def step_numbers(self) -> list[int]:
        return [step for step in range(1, 7) if self.steps >> (step - 1) & 1]


class ReviewDecision(models.Model):
    """One reviewer's decision on an assessment: confirm as is, or correct verdicts, with a reason.

    Four-eyes: a first decision proposes, a second decision by another person approves (or rejects);
    only an approved decision changes the assessment.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    assessment = models.ForeignKey(CompanyAssessment, on_delete=models.CASCADE, related_name="decisions")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(
        _("decision"), max_length=16
    )  # propose_confirm | propose_correct | approve | reject
    corrections = models.JSONField(_("corrections"), default=dict, blank=True)  # criterion → verdict
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("review decision")

    def __str__(self) -> str:
        return f"{self.kind} by {self.reviewer}"


class RegisterSharingConsent(models.Model):
    """A company organisation's consent that a monitor organisation reads its register."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")  # the company
    monitor = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-granted_at", "id"]
        verbose_name = _("register-sharing consent")

    def __str__(self) -> str:
        return f"{self.organisation} → {self.monitor}"
