"""The facts the rules engine needs that the register does not hold, and the stored evaluations.

Every fact is nullable: an empty field is an *unknown* fact, never "no" or "0", so the engine can say
which fact it needs instead of guessing.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from imvo.web.audit.vocabulary import action_label
from imvo.web.organisations.models import Organisation


class ObligationProfile(models.Model):
    """The organisation's legal facts (one per organisation)."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="+")
    country = models.CharField(
        _("country of registration"),
        max_length=2,
        null=True,
        blank=True,
        help_text=_("Where the registered office is."),
    )
    employees = models.PositiveIntegerField(
        _("employees (worldwide)"),
        null=True,
        blank=True,
        help_text=_("Average number over the last financial year, worldwide."),
    )
    employees_in_germany = models.PositiveIntegerField(
        _("employees in Germany"),
        null=True,
        blank=True,
        help_text=_("German Supply Chain Act § 1: including employees posted abroad."),
    )
    temp_workers_in_germany_over_six_months = models.PositiveIntegerField(
        _("agency workers in Germany for more than six months"), null=True, blank=True
    )
    has_german_branch = models.BooleanField(_("branch in Germany (§ 13d HGB)"), null=True, blank=True)
    net_turnover_worldwide_eur = models.PositiveBigIntegerField(
        _("net turnover worldwide (EUR)"), null=True, blank=True
    )
    net_turnover_eu_eur = models.PositiveBigIntegerField(
        _("net turnover in the EU (EUR)"), null=True, blank=True
    )
    balance_sheet_total_eur = models.PositiveBigIntegerField(
        _("balance-sheet total (EUR)"), null=True, blank=True
    )
    sectors = models.JSONField(_("sectors"), null=True, blank=True)
    sells_to_dutch_end_users = models.BooleanField(
        _("sells or supplies goods or services to Dutch end users"), null=True, blank=True
    )
    applies_for_government_support = models.BooleanField(
        _("applies for Dutch government business support"), null=True, blank=True
    )
    financial_year_end = models.CharField(
        _("end of the financial year (MM-DD)"), max_length=5, null=True, blank=True
    )
    no_mineral_imports = models.BooleanField(
        _("imports no Annex I minerals or metals (EU 2017/821)"),
        null=True,
        blank=True,
        help_text=_("Answer only when no import records are uploaded."),
    )
    child_labour_reasonable_suspicion = models.BooleanField(
        _("reasonable suspicion of child labour found"), null=True, blank=True
    )
    child_labour_action_plan_date = models.DateField(
        _("child-labour action plan adopted on"), null=True, blank=True
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    #: The facts a user edits and the rules read, in form order; everything but bookkeeping.
    FACT_FIELDS = (
        "country",
        "employees",
        "employees_in_germany",
        "temp_workers_in_germany_over_six_months",
        "has_german_branch",
        "net_turnover_worldwide_eur",
        "net_turnover_eu_eur",
        "balance_sheet_total_eur",
        "sectors",
        "sells_to_dutch_end_users",
        "applies_for_government_support",
        "financial_year_end",
        "no_mineral_imports",
        "child_labour_reasonable_suspicion",
        "child_labour_action_plan_date",
    )

    class Meta:
        verbose_name = _("organisation profile")

    def __str__(self) -> str:
        return str(_("Legal facts"))


class ImportUpload(models.Model):
    """One uploaded file of import records; the latest upload holds the current records."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    original_name = models.CharField(_("file name"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    records_count = models.PositiveIntegerField(_("records"), default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import file")

    def __str__(self) -> str:
        return self.original_name


class ImportLine(models.Model):
    """One release for free circulation, as the core's import parser read it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    upload = models.ForeignKey(ImportUpload, on_delete=models.CASCADE, related_name="lines")
    line = models.PositiveIntegerField(_("line"))
    year = models.PositiveSmallIntegerField(_("year"))
    cn_code = models.CharField(_("CN code"), max_length=10)
    cn_code_as_given = models.CharField(_("CN code as given"), max_length=40)
    quantity_kg = models.DecimalField(_("quantity (kg)"), max_digits=20, decimal_places=3)
    country_of_origin = models.CharField(_("country of origin"), max_length=2, null=True, blank=True)
    taric_subdivision = models.CharField(_("TARIC subdivision"), max_length=2, null=True, blank=True)
    gold_concentration_percent = models.DecimalField(
        _("gold concentration (%)"), max_digits=7, decimal_places=4, null=True, blank=True
    )

    class Meta:
        ordering = ["line", "id"]
        verbose_name = _("import record")

    def __str__(self) -> str:
        return f"{self.year} {self.cn_code_as_given} {self.quantity_kg} kg"


#: Who puts a tender out: the international social conditions bind central government's tenders.
CONTRACTING_AUTHORITIES = {
    "central_government": _("Central government"),
    "other": _("Another authority"),
}


class Tender(models.Model):
    """A public tender the organisation takes part in (international social conditions)."""

    #: How the audit trail shows the codes of fields without choices (imvo.web.audit.presentation).
    audit_value_labels = {"contracting_authority": CONTRACTING_AUTHORITIES}

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("tender"), max_length=200)
    category = models.CharField(_("product category"), max_length=120, null=True, blank=True)
    estimated_value_eur = models.PositiveBigIntegerField(
        _("estimated value (EUR, excl. VAT)"), null=True, blank=True
    )
    contracting_authority = models.CharField(_("contracting authority"), max_length=40, null=True, blank=True)
    tender_date = models.DateField(_("date"), null=True, blank=True)

    @property
    def contracting_authority_label(self) -> str:
        return str(
            CONTRACTING_AUTHORITIES.get(self.contracting_authority or "", self.contracting_authority or "")
        )

    class Meta:
        ordering = ["tender_date", "id"]
        verbose_name = _("tender")

    def __str__(self) -> str:
        return self.name


def _ruleset_label(version: str) -> str:
    from imvo.web.obligations.legal_queries import ruleset_label

    return ruleset_label(version)


def _facts_recorded(_fingerprint: str) -> str:
    return str(_("as recorded with the result"))


class ObligationSnapshot(models.Model):
    """One stored evaluation: what the law asked of the organisation on ``as_of`` under these facts."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    as_of = models.DateField(_("evaluation date"))
    ruleset_version = models.CharField(_("rule set version"), max_length=64)
    facts_hash = models.CharField(_("facts fingerprint"), max_length=64)
    result = models.JSONField(_("result"))

    #: The trail names the rule set as people read it; the facts' fingerprint only says they changed.
    audit_value_labels = {"ruleset_version": _ruleset_label, "facts_hash": _facts_recorded}

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("obligations snapshot")

    def __str__(self) -> str:
        return f"{self.as_of} {self.ruleset_version}/{self.facts_hash}"

    def audit_object_label(self) -> str:
        from django.utils import formats

        return formats.date_format(self.as_of, "DATE_FORMAT")


# --- Legal values set by the installation's administrators ---------------------------------------------


class LegalValueBatch(models.Model):
    """One file of legal values loaded by an administrator (``imvo legal load``); its rows are proposals."""

    file_name = models.CharField(_("file name"), max_length=255)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    loaded_by_label = models.CharField(max_length=254, blank=True, default="")
    loaded_at = models.DateTimeField(_("loaded"), auto_now_add=True)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    unchanged = models.PositiveIntegerField(_("rows unchanged"), default=0)

    class Meta:
        ordering = ["-loaded_at", "-id"]
        verbose_name = _("legal values file")

    def __str__(self) -> str:
        return self.file_name


class LegalValueChange(models.Model):
    """A legal value an installation administrator proposes; it takes effect once another one approves it.

    ``kind`` ``set`` gives a value (with its citation) for a rule value or an Annex I threshold and
    ``period``; ``revert`` removes the administrators' value so the shipped one applies again. The
    approved ``set`` changes that nothing superseded are the values in effect.
    """

    class Kind(models.TextChoices):
        SET = "set", _("set a value")
        REVERT = "revert", _("return to the shipped value")

    class State(models.TextChoices):
        PENDING = "pending", _("waiting for a second administrator")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")
        SUPERSEDED = "superseded", _("superseded by a later change")

    rule_id = models.CharField(_("rule"), max_length=40)
    name = models.CharField(_("value"), max_length=80)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SET)
    value = models.CharField(_("amount"), max_length=40, blank=True, default="")
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    act = models.CharField(_("act"), max_length=300, blank=True, default="")
    article = models.CharField(_("article"), max_length=200, blank=True, default="")
    oj_reference = models.CharField(_("Official Journal reference"), max_length=200, blank=True, default="")
    url = models.URLField(_("address"), max_length=500, blank=True, default="")
    note = models.TextField(_("note"), blank=True, default="")
    override_verified = models.BooleanField(_("overrides a value shipped as verified"), default=False)
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.PENDING, db_index=True
    )
    batch = models.ForeignKey(
        LegalValueBatch, on_delete=models.PROTECT, null=True, blank=True, related_name="changes"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_by_label = models.CharField(max_length=254, blank=True, default="")
    proposed_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by_label = models.CharField(max_length=254, blank=True, default="")
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_reason = models.TextField(_("reason"), blank=True, default="")
    ruleset_before = models.CharField(_("rule set before"), max_length=64, blank=True, default="")
    ruleset_after = models.CharField(_("rule set after"), max_length=64, blank=True, default="")
    impact = models.JSONField(_("effect on the organisations' results"), default=dict, blank=True)

    class Meta:
        ordering = ["-proposed_at", "-id"]
        verbose_name = _("legal value change")

    def __str__(self) -> str:
        period = ""
        if self.valid_from or self.valid_until:
            period = f" ({self.valid_from or '…'} – {self.valid_until or '…'})"
        what = self.value if self.kind == self.Kind.SET else str(self.Kind.REVERT.label)
        return f"{self.rule_id} {self.name}{period}: {what}"

    @property
    def key(self) -> tuple[str, str, Any, Any]:
        return (self.rule_id, self.name, self.valid_from, self.valid_until)


class LegalValueEvent(models.Model):
    """The installation's audit trail of legal values: every proposal, decision and file, append-only."""

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=254, blank=True, default="")
    action = models.CharField(_("action"), max_length=64)
    change = models.ForeignKey(
        LegalValueChange, on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    batch = models.ForeignKey(
        LegalValueBatch, on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    details = models.JSONField(_("details"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("legal value event")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    @property
    def action_label(self) -> str:
        return action_label(self.action)

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Like the organisations' audit trail: an event, once written, is evidence and is never rewritten.
        if self.pk is not None and not self._state.adding:
            raise PermissionError("Legal value events cannot be changed.")
        super().save(*args, **kwargs)
