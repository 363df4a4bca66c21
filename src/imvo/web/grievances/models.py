"""Grievance mechanisms, their cases, and everything logged about a case.

Personal data of a complainant live only in ``GrievanceCase.complainant_*`` fields, in the texts they
write, and in attachments; :func:`imvo.web.grievances.actions.erase_personal_data` clears all three
when the mechanism's retention period has passed, and keeps the anonymised case for the figures.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from imvo.core.grievances import DEFAULT_DEADLINE_DAYS, Phase, Variant
from imvo.core.grievances import days_overdue as core_days_overdue
from imvo.core.grievances.phases import deadline_for
from imvo.web.country_choices import country_choices
from imvo.web.grievances.languages import LANGUAGE_NAMES, PUBLIC_LANGUAGES, default_languages
from imvo.web.organisations.models import Organisation

#: Caps on free text (characters), checked by the forms and by ``full_clean``/the actions: a
#: complaint is read by people, and 20 000 characters are some ten pages.
MAX_DESCRIPTION = 20_000
MAX_MESSAGE = 10_000
MAX_SHORT_TEXT = 5_000


class MechanismVariant(models.TextChoices):
    NCP = Variant.NCP.value, _("Company mechanism (NCP-style procedure)")
    COMMITTEE = Variant.COMMITTEE.value, _("Covenant complaints committee (binding decisions)")


class CasePhase(models.TextChoices):
    RECEIVED = Phase.RECEIVED.value, _("Received")
    INITIAL_ASSESSMENT = Phase.INITIAL_ASSESSMENT.value, _("Initial assessment")
    GOOD_OFFICES = Phase.GOOD_OFFICES.value, _("Dialogue, good offices or mediation")
    OUTCOME = Phase.OUTCOME.value, _("Outcome")
    FOLLOW_UP = Phase.FOLLOW_UP.value, _("Follow-up")
    CLOSED = Phase.CLOSED.value, _("Closed")


class Outcome(models.TextChoices):
    NOT_ADMISSIBLE = "not_admissible", _("Not admissible")
    AGREEMENT = "agreement", _("Agreement")
    FINAL_STATEMENT = "final_statement", _("Final statement")
    DECISION_UPHELD = "decision_upheld", _("Committee decision: complaint upheld")
    DECISION_REJECTED = "decision_rejected", _("Committee decision: complaint rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Theme(models.TextChoices):
    CHILD_LABOUR = "child_labour", _("Child labour")
    FORCED_LABOUR = "forced_labour", _("Forced labour")
    WAGES = "wages", _("Wages and working hours")
    HEALTH_SAFETY = "health_safety", _("Health and safety")
    FREEDOM_OF_ASSOCIATION = "freedom_of_association", _("Freedom of association")
    DISCRIMINATION = "discrimination", _("Discrimination and harassment")
    LAND = "land", _("Land and community rights")
    ENVIRONMENT = "environment", _("Environment")
    CORRUPTION = "corruption", _("Corruption")
    OTHER = "other", _("Other")


def new_mechanism_slug() -> str:
    return secrets.token_hex(4)


def validate_languages(value: object) -> None:
    """A mechanism's public languages: a non-empty list of the codes in ``PUBLIC_LANGUAGES``."""
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Choose at least one language."), code="no_language")
    unknown = [str(code) for code in value if code not in LANGUAGE_NAMES]
    if unknown:
        raise ValidationError(
            _("Unknown language: %(codes)s."), code="unknown_language", params={"codes": ", ".join(unknown)}
        )


class GrievanceMechanism(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="grievance_mechanisms"
    )
    # The short public URL: /g/<slug>/.
    slug = models.SlugField(
        _("short name in the public address"), max_length=40, unique=True, default=new_mechanism_slug
    )
    name = models.CharField(_("name"), max_length=200)
    variant = models.CharField(
        _("procedure"), max_length=16, choices=MechanismVariant.choices, default=MechanismVariant.NCP
    )
    introduction = models.TextField(
        _("introduction for complainants"),
        blank=True,
        default="",
        max_length=MAX_SHORT_TEXT,
        validators=[MaxLengthValidator(MAX_SHORT_TEXT)],
        help_text=_("Who may complain, about what, and what happens next — in plain language."),
    )
    introduction_language = models.CharField(
        _("language of the introduction"),
        max_length=8,
        blank=True,
        default="",
        choices=PUBLIC_LANGUAGES,
        help_text=_(
            "The introduction is shown only on the public pages in this language (not stated: on the "
            "Dutch and English pages)."
        ),
    )
    # The languages of the public pages and of the e-mails to complainants (codes of PUBLIC_LANGUAGES).
    languages = models.JSONField(
        _("languages of the public pages"),
        default=default_languages,
        validators=[validate_languages],
        help_text=_(
            "Complainants choose among these on the complaint form; their e-mails follow their choice. "
            "The workspace stays in Dutch and English."
        ),
    )
    is_open = models.BooleanField(_("accepting complaints"), default=True)
    handler_email = models.EmailField(
        _("handlers' e-mail address"),
        blank=True,
        default="",
        help_text=_("New cases, replies and deadlines are sent here."),
    )
    received_days = models.PositiveIntegerField(
        _("days to acknowledge"), default=DEFAULT_DEADLINE_DAYS[Phase.RECEIVED]
    )
    initial_assessment_days = models.PositiveIntegerField(
        _("days for the initial assessment"), default=DEFAULT_DEADLINE_DAYS[Phase.INITIAL_ASSESSMENT]
    )
    good_offices_days = models.PositiveIntegerField(
        _("days for dialogue or mediation"), default=DEFAULT_DEADLINE_DAYS[Phase.GOOD_OFFICES]
    )
    outcome_days = models.PositiveIntegerField(
        _("days for the outcome"), default=DEFAULT_DEADLINE_DAYS[Phase.OUTCOME]
    )
    follow_up_days = models.PositiveIntegerField(
        _("days for follow-up"), default=DEFAULT_DEADLINE_DAYS[Phase.FOLLOW_UP]
    )
    retention_days = models.PositiveIntegerField(
        _("retention of personal data (days after closing)"),
        default=730,
        help_text=_("Then identity, contact details and attachments are erased."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("grievance mechanism")

    def __str__(self) -> str:
        return self.name

    @property
    def is_committee(self) -> bool:
        return self.variant == MechanismVariant.COMMITTEE

    def introduction_in(self, language: str) -> str:
        """The introduction if it is written in ``language`` (a page has no other language on it)."""
        written_in = (self.introduction_language,) if self.introduction_language else ("nl", "en")
        return self.introduction if language in written_in else ""

    @property
    def deadline_days(self) -> dict[Phase, int]:
        return {
            Phase.RECEIVED: self.received_days,
            Phase.INITIAL_ASSESSMENT: self.initial_assessment_days,
            Phase.GOOD_OFFICES: self.good_offices_days,
            Phase.OUTCOME: self.outcome_days,
            Phase.FOLLOW_UP: self.follow_up_days,
        }


class GrievanceCase(models.Model):
    # The organisation is repeated from the mechanism so every query can be scoped in one step.
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="grievance_cases")
    mechanism = models.ForeignKey(GrievanceMechanism, on_delete=models.CASCADE, related_name="cases")
    reference = models.CharField(_("case reference"), max_length=20, unique=True)
    access_code_hash = models.CharField(max_length=64)

    phase = models.CharField(_("phase"), max_length=24, choices=CasePhase.choices, default=CasePhase.RECEIVED)
    phase_started_at = models.DateTimeField(default=timezone.now)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    theme = models.CharField(_("theme"), max_length=32, choices=Theme.choices, default=Theme.OTHER)
    # ISO 3166-1 alpha-2; the choices name every country in the active language.
    country = models.CharField(_("country"), max_length=2, blank=True, default="", choices=country_choices)
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(
        _("what happened"), max_length=MAX_DESCRIPTION, validators=[MaxLengthValidator(MAX_DESCRIPTION)]
    )
    desired_outcome = models.TextField(
        _("what you would like to happen"),
        blank=True,
        default="",
        max_length=MAX_SHORT_TEXT,
        validators=[MaxLengthValidator(MAX_SHORT_TEXT)],
    )
    # The complainant's language (a code of PUBLIC_LANGUAGES): their case page and e-mails use it.
    language = models.CharField(_("language of the complainant"), max_length=8, blank=True, default="")

    anonymous = models.BooleanField(_("anonymous"), default=True)
    complainant_name = models.CharField(_("name"), max_length=200, blank=True, default="")
    complainant_email = models.EmailField(_("e-mail address"), blank=True, default="")
    complainant_phone = models.CharField(_("telephone"), max_length=40, blank=True, default="")
    complainant_organisation = models.CharField(
        _("on behalf of (union, NGO)"), max_length=200, blank=True, default=""
    )
    personal_data_erased_at = models.DateTimeField(null=True, blank=True)

    admissible = models.BooleanField(_("admissible"), null=True, blank=True)
    admissibility_reasons = models.TextField(
        _("reasons of the initial assessment"),
        blank=True,
        default="",
        max_length=MAX_SHORT_TEXT,
        validators=[MaxLengthValidator(MAX_SHORT_TEXT)],
    )
    outcome = models.CharField(_("outcome"), max_length=24, choices=Outcome.choices, blank=True, default="")
    public_statement = models.TextField(
        _("public statement or decision"),
        blank=True,
        default="",
        max_length=MAX_DESCRIPTION,
        validators=[MaxLengthValidator(MAX_DESCRIPTION)],
        help_text=_("Published redacted: names and contact details are removed."),
    )
    statement_published_at = models.DateTimeField(null=True, blank=True)
    # The published statement's address on the statements page (#s-<id>): random, unrelated to the
    # case reference, which is never published (it is half of the complainant's key to the case).
    statement_id = models.CharField(max_length=32, blank=True, default="", db_index=True)
    substantiated = models.BooleanField(_("substantiated"), null=True, blank=True)
    satisfaction = models.PositiveSmallIntegerField(
        _("complainant satisfaction (1-5)"), null=True, blank=True
    )

    supplier = models.ForeignKey(
        "register.Supplier", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    risk = models.ForeignKey(
        "register.Risk", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    measure = models.ForeignKey(
        "register.Measure", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["organisation", "phase"], name="grievance_org_phase")]
        verbose_name = _("grievance case")

    def __str__(self) -> str:
        return self.reference

    @property
    def phase_enum(self) -> Phase:
        return Phase(self.phase)

    @property
    def is_closed(self) -> bool:
        return self.phase == CasePhase.CLOSED

    @property
    def deadline(self) -> datetime | None:
        return deadline_for(self.phase_enum, self.phase_started_at, self.mechanism.deadline_days)

    @property
    def days_overdue(self) -> int:
        return core_days_overdue(
            self.phase_enum, self.phase_started_at, timezone.now(), self.mechanism.deadline_days
        )

    @property
    def has_contact(self) -> bool:
        return bool(self.complainant_email) and self.personal_data_erased_at is None


class PhaseTransition(models.Model):
    """Every move of a case from one phase to the next: who, when, why."""

    case = models.ForeignKey(GrievanceCase, on_delete=models.CASCADE, related_name="transitions")
    from_phase = models.CharField(max_length=24, choices=CasePhase.choices, blank=True, default="")
    to_phase = models.CharField(max_length=24, choices=CasePhase.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=254, blank=True, default="")
    reason = models.TextField(
        _("reason"), max_length=MAX_SHORT_TEXT, validators=[MaxLengthValidator(MAX_SHORT_TEXT)]
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]


class MessageAuthor(models.TextChoices):
    COMPLAINANT = "complainant", _("Complainant")
    HANDLER = "handler", _("Handler")


class CaseMessage(models.Model):
    """An update from the handlers or a reply of the complainant; internal notes stay hidden."""

    case = models.ForeignKey(GrievanceCase, on_delete=models.CASCADE, related_name="messages")
    author_kind = models.CharField(max_length=16, choices=MessageAuthor.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = models.TextField(
        _("message"), max_length=MAX_MESSAGE, validators=[MaxLengthValidator(MAX_MESSAGE)]
    )
    visible_to_complainant = models.BooleanField(_("visible to the complainant"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]


def attachment_path(instance: GrievanceAttachment, filename: str) -> str:
    # A random name: the original file name may itself identify the complainant.
    return f"grievances/{instance.case.organisation_id}/{secrets.token_hex(16)}"


class GrievanceAttachment(models.Model):
    case = models.ForeignKey(GrievanceCase, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100, blank=True, default="")
    size = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    @property
    def kind_label(self) -> str:
        """What the file is, without its name: "PDF", "JPEG", "file"."""
        suffix = self.original_name.rsplit(".", 1)[-1] if "." in self.original_name else ""
        return suffix.upper()[:8] if suffix.isalnum() else "file"

    @property
    def anonymous_name(self) -> str:
        """The download name for a handler without the identity permission: "attachment-3.pdf"."""
        suffix = self.original_name.rsplit(".", 1)[-1].lower() if "." in self.original_name else ""
        return (
            f"attachment-{self.pk}.{suffix}"
            if suffix.isalnum() and len(suffix) <= 8
            else f"attachment-{self.pk}"
        )


class AccessKind(models.TextChoices):
    VIEW = "view", _("Viewed the case")
    VIEW_IDENTITY = "view_identity", _("Viewed the complainant's identity")
    DOWNLOAD = "download", _("Downloaded an attachment")
    EXPORT = "export", _("Exported cases")


class CaseAccess(models.Model):
    """Every view of a case by a handler (UNGP 31: rights-compatible, accountable handling)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(
        GrievanceCase, on_delete=models.CASCADE, null=True, blank=True, related_name="accesses"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    user_label = models.CharField(max_length=254, blank=True, default="")
    kind = models.CharField(max_length=16, choices=AccessKind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]


class IdentityGrant(models.Model):
    """The specific permission to see complainants' identity and contact details in one organisation."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="identity_grant_unique")]

    def __str__(self) -> str:
        return str(self.user)


class RemedyKind(models.TextChoices):
    COMPENSATION = "compensation", _("Compensation")
    REINSTATEMENT = "reinstatement", _("Reinstatement")
    APOLOGY = "apology", _("Apology")
    PROCESS_CHANGE = "process_change", _("Change of process or policy")
    OTHER = "other", _("Other")


class RemedyAction(models.Model):
    case = models.ForeignKey(GrievanceCase, on_delete=models.CASCADE, related_name="remedies")
    kind = models.CharField(_("kind of remedy"), max_length=20, choices=RemedyKind.choices)
    description = models.TextField(
        _("description"), max_length=MAX_SHORT_TEXT, validators=[MaxLengthValidator(MAX_SHORT_TEXT)]
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    completed_on = models.DateField(_("delivered on"), null=True, blank=True)
    remediation_record_id = models.BigIntegerField(null=True, blank=True)  # the register's step-6 record
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def is_delivered(self) -> bool:
        return self.completed_on is not None


class PublicAttempt(models.Model):
    """Submissions and access-code attempts per client, for rate limiting (hashed address, no IP kept)."""

    client_hash = models.CharField(max_length=64, db_index=True)
    kind = models.CharField(max_length=16)  # "submit" or "code"
    succeeded = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
