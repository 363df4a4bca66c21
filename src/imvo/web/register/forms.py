"""Forms for the register pages. They only validate; saving is done by ``actions.py``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from imvo.web.register.models import (
    FollowUp,
    Indicator,
    Measure,
    Policy,
    RemediationRecord,
    Risk,
    SeverityJudgement,
    StakeholderEngagement,
)
from imvo.web.upload_limits import SUPPLIER_LIST_EXTENSIONS, validate_upload


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


ONE_TO_FIVE = [("", "—")] + [(str(n), str(n)) for n in range(1, 6)]


class PolicyForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Policy
        fields = [
            "title",
            "document_url",
            "adopted_on",
            "board_approved_on",
            "endorses_oecd_guidelines",
            "endorses_ungps",
            "endorsed_on",
            "endorsement_evidence_url",
            "responsible_officer",
            "management_system",
        ]
        widgets = {"adopted_on": DateInput(), "board_approved_on": DateInput(), "endorsed_on": DateInput()}


class SupplierListForm(forms.Form):
    file = forms.FileField(
        label=_("Supplier list (CSV or XLSX)"),
        help_text=_("Columns for supplier, country and product are recognised in Dutch, English and German."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        validate_upload(upload, SUPPLIER_LIST_EXTENSIONS)
        return upload


class RiskForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Risk
        fields = ["title", "area", "theme", "description", "country", "likelihood", "severity", "status", "confidential"]
        help_texts = {
            "country": _("Two-letter ISO code, e.g. NL."),
            "likelihood": _("1 (unlikely) to 5 (almost certain)."),
            "severity": _("1 (minor) to 5 (grave, irremediable)."),
            "confidential": _("Confidential risks are left out of the public report."),
        }

    def clean_country(self) -> str:
        country: str = self.cleaned_data.get("country", "").strip().upper()
        if country and (len(country) != 2 or not country.isalpha()):
            raise ValidationError(_("Use a two-letter ISO country code."))
        return country

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        for name in ("likelihood", "severity"):
            value = data.get(name)
            if value is not None and not 1 <= value <= 5:
                self.add_error(name, _("Choose a value from 1 to 5."))
        if data.get("likelihood") and data.get("severity"):
            data["salience"] = data["likelihood"] * data["severity"]
        return data


class RiskStatusForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Risk
        fields = ["status", "confidential"]


class SeverityJudgementForm(forms.ModelForm):  # type: ignore[type-arg]
    severity = forms.TypedChoiceField(label=_("Severity (1–5)"), choices=ONE_TO_FIVE[1:], coerce=int)
    scale = forms.TypedChoiceField(
        label=_("Scale (1–5)"), choices=ONE_TO_FIVE, coerce=int, required=False, empty_value=None
    )
    scope = forms.TypedChoiceField(
        label=_("Scope (1–5)"), choices=ONE_TO_FIVE, coerce=int, required=False, empty_value=None
    )
    irremediability = forms.TypedChoiceField(
        label=_("Irremediability (1–5)"), choices=ONE_TO_FIVE, coerce=int, required=False, empty_value=None
    )

    class Meta:
        model = SeverityJudgement
        fields = ["severity", "scale", "scope", "irremediability", "rationale"]
        help_texts = {"rationale": _("Why: the facts and sources the judgement rests on.")}


class StakeholderEngagementForm(forms.ModelForm):  # type: ignore[type-arg]
    def __init__(self, *args: Any, risks: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["risk"].queryset = risks if risks is not None else Risk.objects.none()  # type: ignore[attr-defined]
        self.fields["risk"].required = False

    class Meta:
        model = StakeholderEngagement
        fields = ["held_on", "stakeholder", "method", "summary", "outcome", "risk", "confidential"]
        widgets = {"held_on": DateInput()}


class MeasureForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Measure
        fields = ["kind", "description", "owner", "due_on", "status", "cost", "confidential"]
        widgets = {"due_on": DateInput()}

    def clean_cost(self) -> Any:
        cost = self.cleaned_data.get("cost")
        if cost is not None and cost < 0:
            raise ValidationError(_("A cost cannot be negative."))
        return cost


class IndicatorForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Indicator
        fields = ["name", "target", "unit"]


class FollowUpForm(forms.ModelForm):  # type: ignore[type-arg]
    def __init__(self, *args: Any, indicators: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = (  # type: ignore[attr-defined]
            indicators if indicators is not None else Indicator.objects.none()
        )
        self.fields["indicator"].required = False

    class Meta:
        model = FollowUp
        fields = ["kind", "indicator", "planned_on", "done_on", "value", "result"]
        widgets = {"planned_on": DateInput(), "done_on": DateInput()}


class RemediationForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = RemediationRecord
        fields = ["description", "affected", "provided_on", "status", "confidential"]
        widgets = {"provided_on": DateInput()}


class PublishReportForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    confirm = forms.BooleanField(
        label=_("I understand that a published version is public and cannot be changed."), required=True
    )
