"""Forms for the register pages. They only validate; saving is done by ``actions.py``."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from imvo.web.country_choices import CountryField
from imvo.web.register import scales
from imvo.web.register.models import (
    FollowUp,
    Indicator,
    Measure,
    MergeMode,
    Policy,
    RemediationRecord,
    Risk,
    SeverityJudgement,
    StakeholderEngagement,
)
from imvo.web.upload_limits import EVIDENCE_EXTENSIONS, SUPPLIER_LIST_EXTENSIONS, validate_upload


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


ONE_TO_FIVE = [("", "—")] + [(str(n), str(n)) for n in range(1, 6)]


class PolicyForm(forms.ModelForm):
    document = forms.FileField(
        label=_("Policy document"),
        required=False,
        help_text=_("PDF, Word, OpenDocument or text; or give the document's URL below."),
    )
    # Declared here for the https default; the column's length limit is kept, never cut.
    document_url = forms.URLField(
        label=_("document URL"),
        required=False,
        assume_scheme="https",
        max_length=Policy._meta.get_field("document_url").max_length,
    )
    endorsement_evidence_url = forms.URLField(
        label=_("public evidence of endorsement"),
        required=False,
        assume_scheme="https",
        max_length=Policy._meta.get_field("endorsement_evidence_url").max_length,
    )

    class Meta:
        model = Policy
        fields = [
            "title",
            "document",
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

    def clean_document(self) -> Any:
        document = self.cleaned_data.get("document")
        if isinstance(document, UploadedFile):
            validate_upload(document, EVIDENCE_EXTENSIONS)
            limit = Policy._meta.get_field("document_name").max_length or 0
            if len(document.name or "") > limit:
                # The name is stored as given: refuse a name that does not fit rather than cut it.
                raise ValidationError(
                    _(
                        "The file name is longer than %(limit)s characters. Rename the file and upload it "
                        "again."
                    ),
                    code="name_too_long",
                    params={"limit": limit},
                )
        return document

    def cleaned_fields(self) -> dict[str, Any]:
        """The values to save: a new upload also records its file name; no upload keeps the old file."""
        fields = dict(self.cleaned_data)
        document = fields.pop("document", None)
        if isinstance(document, UploadedFile):
            fields["document"] = document
            fields["document_name"] = document.name or ""
        return fields


class SupplierListForm(forms.Form):
    file = forms.FileField(
        label=_("Supplier list (CSV or XLSX)"),
        help_text=_("Columns for supplier, country and product are recognised in Dutch, English and German."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        validate_upload(upload, SUPPLIER_LIST_EXTENSIONS)
        return upload


class MergeForm(forms.Form):
    """How a reviewed list merges into the register (:class:`imvo.web.register.models.MergeMode`)."""

    mode = forms.ChoiceField(choices=MergeMode.choices, widget=forms.RadioSelect)


class PeriodEndForm(forms.Form):
    """The date the register is looked at as of (a reporting period's end)."""

    date = forms.DateField(label=_("Period end"), widget=DateInput())

    def clean_date(self) -> Any:
        end = self.cleaned_data["date"]
        if end > timezone.localdate():
            raise ValidationError(_("Choose today or a date in the past."))
        return end


LEVEL_CHOICES = [(n, str(n)) for n in range(1, 6)]


class RiskForm(forms.ModelForm):
    """A manual risk; likelihood and severity are judged 1–5 and stored on the register's 0–100 scale."""

    likelihood_level = forms.TypedChoiceField(
        label=_("Likelihood (1–5)"),
        choices=[("", "—"), *LEVEL_CHOICES],
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("1 = unlikely, 5 = almost certain."),
    )
    severity_level = forms.TypedChoiceField(
        label=_("Severity (1–5)"),
        choices=[("", "—"), *LEVEL_CHOICES],
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("1 = minor, 5 = grave and irremediable."),
    )

    class Meta:
        model = Risk
        fields = ["title", "area", "theme", "description", "country", "status", "confidential"]
        help_texts = {
            "country": _("Two-letter ISO code, e.g. NL."),
            "confidential": _("Confidential risks are left out of the public report."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial.setdefault("likelihood_level", scales.percent_to_level(self.instance.likelihood))
            self.initial.setdefault("severity_level", scales.percent_to_level(self.instance.severity))

    def clean_country(self) -> str:
        country: str = self.cleaned_data.get("country", "").strip().upper()
        if country and (len(country) != 2 or not country.isalpha()):
            raise ValidationError(_("Use a two-letter ISO country code."))
        return country

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        likelihood_level = data.pop("likelihood_level", None)
        severity_level = data.pop("severity_level", None)
        data["likelihood"] = None if likelihood_level is None else scales.level_to_percent(likelihood_level)
        data["severity"] = None if severity_level is None else scales.level_to_percent(severity_level)
        data["salience"] = scales.salience(data["likelihood"], data["severity"])
        return data


class RiskStatusForm(forms.ModelForm):
    class Meta:
        model = Risk
        fields = ["status", "confidential"]


class SeverityJudgementForm(forms.ModelForm):
    """Overall severity 1–5, optionally with the UNGP components that determine it."""

    severity = forms.TypedChoiceField(label=_("Severity (1–5)"), choices=ONE_TO_FIVE, coerce=int)
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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["severity"].help_text = _(
            "With all three components given, the overall severity may differ by at most %(tolerance)s "
            "level from the level they imply."
        ) % {"tolerance": scales.SEVERITY_TOLERANCE}

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        severity = data.get("severity")
        components = [data.get(name) for name in ("scale", "scope", "irremediability")]
        if severity is None or any(value is None for value in components):
            return data
        scale, scope, irremediability = (int(value) for value in components)  # type: ignore[arg-type]
        implied = scales.implied_severity_level(scale, scope, irremediability)
        if abs(int(severity) - implied) > scales.SEVERITY_TOLERANCE:
            self.add_error(
                "severity",
                ValidationError(
                    _(
                        "Scale %(scale)s, scope %(scope)s and irremediability %(irremediability)s imply "
                        "severity %(implied)s; an overall severity of %(severity)s contradicts them. Choose "
                        "%(low)s to %(high)s, or change the components."
                    ),
                    code="contradicts_components",
                    params={
                        "scale": scale,
                        "scope": scope,
                        "irremediability": irremediability,
                        "implied": implied,
                        "severity": severity,
                        "low": max(1, implied - scales.SEVERITY_TOLERANCE),
                        "high": min(5, implied + scales.SEVERITY_TOLERANCE),
                    },
                ),
            )
        return data


class StakeholderEngagementForm(forms.ModelForm):
    def __init__(self, *args: Any, risks: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["risk"].queryset = risks if risks is not None else Risk.objects.none()  # type: ignore[attr-defined]
        self.fields["risk"].required = False

    class Meta:
        model = StakeholderEngagement
        fields = ["held_on", "stakeholder", "method", "summary", "outcome", "risk", "confidential"]
        widgets = {"held_on": DateInput()}
        labels = {"risk": _("Risk")}


class MeasureForm(forms.ModelForm):
    class Meta:
        model = Measure
        fields = ["kind", "description", "owner", "due_on", "status", "cost", "confidential"]
        widgets = {"due_on": DateInput()}

    def clean_cost(self) -> Any:
        cost = self.cleaned_data.get("cost")
        if cost is not None and cost < 0:
            raise ValidationError(_("A cost cannot be negative."))
        return cost


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "target", "unit"]


class FollowUpForm(forms.ModelForm):
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

    def clean_done_on(self) -> date | None:
        done_on: date | None = self.cleaned_data.get("done_on")
        if done_on is not None and done_on > timezone.localdate():
            raise ValidationError(
                _("The date done cannot be in the future; plan it with the planned date instead."),
                code="future",
            )
        return done_on


class RemediationForm(forms.ModelForm):
    class Meta:
        model = RemediationRecord
        fields = ["description", "affected", "provided_on", "status", "confidential"]
        widgets = {"provided_on": DateInput()}


class PublishReportForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    confirm = forms.BooleanField(
        label=_("I understand that a published version is public and cannot be changed."), required=True
    )


# --- Choosing a list's columns; correcting rows not recognised -----------------------------------
#: The fields of a supplier list (:data:`imvo.core.suppliers.ALL_FIELDS`) as people name them.
FIELD_LABELS = {
    "supplier": _("Supplier name"),
    "supplier_id": _("Supplier number"),
    "country": _("Country"),
    "product": _("Product"),
    "hs_code": _("HS code"),
    "spend": _("Spend"),
    "tier": _("Tier"),
    "city": _("City"),
}


class ColumnMapForm(forms.Form):
    """Which column of the list holds each field: the web form of the command line's column map."""

    def __init__(self, *args: Any, headers: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("— not in the list —"))] + [
            (str(index), _("Column %(number)s: %(header)s") % {"number": index + 1, "header": header or "—"})
            for index, header in enumerate(headers)
        ]
        for field, label in FIELD_LABELS.items():
            self.fields[field] = forms.TypedChoiceField(
                label=label, choices=choices, required=False, coerce=int, empty_value=None
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        chosen = {field: index for field, index in cleaned.items() if index is not None}
        for field in ("supplier", "country"):
            if field not in chosen:
                self.add_error(field, _("Choose the column that holds this; the scan needs it."))
        if "product" not in chosen and "hs_code" not in chosen:
            self.add_error("product", _("Choose the column with the product or the one with the HS code."))
        seen: dict[int, str] = {}
        for field, index in chosen.items():
            if index in seen:
                self.add_error(
                    field,
                    _("This column is already chosen for “%(other)s”; choose each column once.")
                    % {"other": FIELD_LABELS[seen[index]]},
                )
            seen[index] = field
        return cleaned

    def indexes(self) -> dict[str, int]:
        return {field: index for field, index in self.cleaned_data.items() if index is not None}


class RowCorrectionForm(forms.Form):
    """A corrected country or product for one row of a list that was not recognised."""

    input_row = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    country = CountryField(label=_("Country"), blank_label=_("— as in the list —"), required=False)
    product = forms.CharField(label=_("Product"), max_length=300, required=False)


RowCorrectionFormSet = forms.formset_factory(RowCorrectionForm, extra=0, max_num=1000)
