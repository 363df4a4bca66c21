"""A sector covenant (an organisation of kind "covenant"), its parties, criteria, plan of action, the
members' consent and annual assessments, the production locations members describe, and the steering
group's documents.

Records of the covenant carry ``organisation`` = the covenant; records a member company keeps (its
consent, the details of its production locations) carry ``organisation`` = the company. See
``docs/covenants.md``.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from imvo.core.covenants import MINIMUM_MEMBERS_PER_CELL, WORKERS_BANDS
from imvo.web.organisations.models import Organisation


def document_path(instance: MemberAssessment, filename: str) -> str:
    # The stored name is random; the member's file name is kept in ``document_name`` only.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "txt"
    return f"covenants/{instance.organisation_id}/{secrets.token_hex(12)}.{suffix}"


class Covenant(models.Model):
    """The covenant's own settings; one per organisation of kind "covenant"."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="+")
    sector = models.CharField(_("sector"), max_length=200, blank=True, default="")
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    minimum_members = models.PositiveSmallIntegerField(
        _("minimum number of members per figure"),
        default=MINIMUM_MEMBERS_PER_CELL,
        help_text=_("A figure about fewer members than this is never shown (at least 3)."),
    )
    locations_published_at = models.DateTimeField(null=True, blank=True)
    committee = models.ForeignKey(
        "grievances.GrievanceMechanism",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("complaints and disputes committee"),
    )

    class Meta:
        verbose_name = _("covenant")

    def __str__(self) -> str:
        return str(self.organisation)


class Criterion(models.Model):
    """A commitment members are assessed against; by default the six OECD due-diligence steps."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # 1-6: the OECD step (its title is shown in the reader's language); empty for the covenant's own.
    step = models.PositiveSmallIntegerField(_("OECD step"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300, blank=True, default="")
    description = models.TextField(_("description"), blank=True, default="")

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("criterion")

    def __str__(self) -> str:
        return self.title or str(_("step %(step)s") % {"step": self.step})

    def audit_object_label(self) -> str:
        return str(self)


class PartyKind(models.TextChoices):
    COMPANY = "company", _("Member company")
    UNION = "union", _("Trade union")
    NGO = "ngo", _("NGO")
    GOVERNMENT = "government", _("Government")
    SECRETARIAT = "secretariat", _("Secretariat")


class Party(models.Model):
    """A party to the covenant. A member company may be linked to its organisation on the platform."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=16, choices=PartyKind.choices, default=PartyKind.COMPANY)
    name = models.CharField(_("name"), max_length=200)
    member = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation on the platform"),
    )
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        ordering = ["kind", "name", "id"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self) -> str:
        return self.name


class MemberConsent(models.Model):
    """A member company's consent to the covenant: what the covenant may read and publish."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")  # the company
    covenant = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    share_register = models.BooleanField(_("share my register"), default=True)
    publish_locations = models.BooleanField(_("publish my production locations"), default=False)
    named_on_list = models.BooleanField(_("name my company on the public list"), default=False)
    joint_action = models.BooleanField(_("show me other members at the same locations"), default=False)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-granted_at", "id"]
        verbose_name = _("covenant consent")

    def __str__(self) -> str:
        return f"{self.organisation} → {self.covenant}"


class Project(models.Model):
    """A collective project of the plan of action."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, default="")
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    ends_on = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        ordering = ["starts_on", "title", "id"]
        verbose_name = _("collective project")

    def __str__(self) -> str:
        return self.title


class ProjectResult(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="results")
    recorded_on = models.DateField(_("date"))
    description = models.TextField(_("result"))

    class Meta:
        ordering = ["recorded_on", "id"]
        verbose_name = _("project result")

    def __str__(self) -> str:
        return f"{self.project}: {self.recorded_on}"

    def audit_object_label(self) -> str:
        return f"{self.project}: {formats.date_format(self.recorded_on, 'SHORT_DATE_FORMAT')}"


class AssessmentSource(models.TextChoices):
    REGISTER = "register", _("Shared register")
    DOCUMENT = "document", _("Uploaded document")


class AssessmentStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted, to assess")
    AWAITING_SECOND = "awaiting_second", _("Awaiting second assessor")
    APPROVED = "approved", _("Assessed")


class Verdict(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not_met", _("Not met")


class MemberAssessment(models.Model):
    """A member company's due-diligence plan for one year and the secretariat's assessment of it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")  # covenant
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="assessments")
    year = models.PositiveSmallIntegerField(_("year"))
    source = models.CharField(_("source"), max_length=16, choices=AssessmentSource.choices)
    # From the register: the level per OECD step (0-3) and the key counts, when submitted.
    snapshot = models.JSONField(default=dict, blank=True)
    document = models.FileField(_("document"), upload_to=document_path, blank=True, default="")
    document_name = models.CharField(_("file name"), max_length=255, blank=True, default="")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=16, choices=AssessmentStatus.choices, default=AssessmentStatus.SUBMITTED
    )
    # criterion id (as text) → {"verdict": ..., "reason": ...}; set when the second person approves.
    verdicts = models.JSONField(default=dict, blank=True)
    assessed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-year", "party__name", "id"]
        constraints = [models.UniqueConstraint(fields=["party", "year"], name="covenant_assessment_year")]
        verbose_name = _("member assessment")

    def __str__(self) -> str:
        return f"{self.party} {self.year}"


class AssessmentReview(models.Model):
    """Four-eyes: a proposal (verdicts with reasons, improvements) and another person's decision."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    assessment = models.ForeignKey(MemberAssessment, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=16)  # propose | approve | reject
    verdicts = models.JSONField(default=dict, blank=True)
    improvements = models.JSONField(default=list, blank=True)  # [{"description", "due_on"}]
    reason = models.TextField(_("reason"), blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} by {self.reviewer_id}"


class Improvement(models.Model):
    """An improvement agreed with the member, with its deadline."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")  # covenant
    assessment = models.ForeignKey(MemberAssessment, on_delete=models.CASCADE, related_name="improvements")
    description = models.TextField(_("improvement"))
    due_on = models.DateField(_("deadline"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("agreed improvement")

    def __str__(self) -> str:
        return self.description[:60]


WORKERS_BAND_CHOICES = [(band, band) for band in WORKERS_BANDS]


class LocationDetail(models.Model):
    """What a member company tells the covenant about one of its suppliers' production locations."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")  # company
    supplier = models.OneToOneField("register.Supplier", on_delete=models.CASCADE, related_name="+")
    address = models.CharField(_("address"), max_length=300)
    sector = models.CharField(_("sector or product type"), max_length=200, blank=True, default="")
    workers_band = models.CharField(
        _("number of workers"), max_length=16, choices=WORKERS_BAND_CHOICES, blank=True, default=""
    )

    class Meta:
        ordering = ["supplier__name", "id"]
        verbose_name = _("production location")

    def __str__(self) -> str:
        return f"{self.supplier_id}: {self.address}"


# --- steering group -------------------------------------------------------------------------------
class Meeting(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    held_on = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        ordering = ["-held_on", "id"]
        verbose_name = _("steering-group meeting")

    def __str__(self) -> str:
        return self.title


class DocumentKind(models.TextChoices):
    AGENDA = "agenda", _("Agenda")
    MINUTES = "minutes", _("Minutes")
    DECISION = "decision", _("Decision")


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AWAITING_SECOND = "awaiting_second", _("Awaiting approval of the redaction")
    PUBLISHED = "published", _("Published")


class WithholdingReason(models.TextChoices):
    COMPETITION = "competition", _("Competition-sensitive information")
    PERSONAL = "personal", _("Personal opinion")


class MeetingDocument(models.Model):
    """An agenda, minutes or a decision. ``text`` stays internal; ``published_text`` is what the public
    sees after the redaction was approved by a second person."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=16, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), help_text=_("Separate passages with an empty line."))
    status = models.CharField(max_length=16, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT)
    # [{"passage": n (1-based), "reason": WithholdingReason}]: what is withheld and why, never the content.
    withheld = models.JSONField(default=list, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_text = models.TextField(blank=True, default="")
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["meeting", "kind", "id"]
        verbose_name = _("steering-group document")

    def __str__(self) -> str:
        return self.title


class DocumentRequest(models.Model):
    """A party's request for a document, and the answer; both stay on the log."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="+", verbose_name=_("party"))
    request = models.TextField(_("request"))
    requested_on = models.DateField(_("requested on"))
    answer = models.TextField(_("answer"), blank=True, default="")
    answered_on = models.DateField(_("answered on"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_on", "-id"]
        verbose_name = _("document request")

    def __str__(self) -> str:
        return f"{self.party}: {self.requested_on}"

    def audit_object_label(self) -> str:
        return f"{self.party}: {formats.date_format(self.requested_on, 'SHORT_DATE_FORMAT')}"


class RulingLink(models.Model):
    """A committee ruling (a closed case of the covenant's committee) tied to the member it binds and,
    where it bears on it, that member's assessment."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey("grievances.GrievanceCase", on_delete=models.CASCADE, related_name="+")
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="+", verbose_name=_("member"))
    assessment = models.ForeignKey(
        MemberAssessment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rulings",
        verbose_name=_("member assessment"),
    )

    class Meta:
        ordering = ["-id"]
        constraints = [models.UniqueConstraint(fields=["case"], name="covenant_ruling_case")]
        verbose_name = _("committee ruling")

    def __str__(self) -> str:
        return f"{self.case_id} → {self.party_id}"


class MonitorShare(models.Model):
    """A monitor organisation's consent that a covenant compares its members with the monitor's
    population (aggregates of the monitor's latest round only; see docs/covenants.md, section 7)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")  # monitor
    covenant = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-granted_at", "id"]
        verbose_name = _("population shared with a covenant")

    def __str__(self) -> str:
        return f"{self.organisation} → {self.covenant}"
