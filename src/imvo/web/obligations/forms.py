"""Forms of the obligations app. An empty field means "unknown", never "no" or "0"."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from imvo.core.countries import country_codes, country_name
from imvo.core.obligations import FactsError, ImportRecord, load_ruleset
from imvo.web.obligations.imports_file import IMPORT_FILE_EXTENSIONS, read_import_file
from imvo.web.obligations.models import ObligationProfile, Tender
from imvo.web.upload_limits import validate_upload

UNKNOWN = ("", _("Unknown"))


def _country_choices() -> list[tuple[str, Any]]:
    # Names in the page's language from the package's own ISO table (pycountry is build-time only).
    language = "nl" if (get_language() or "en").startswith("nl") else "en"
    names = [(code, country_name(code, language)) for code in country_codes()]
    return [UNKNOWN, *sorted(names, key=lambda pair: pair[1])]


class ProfileForm(forms.ModelForm):
    country = forms.ChoiceField(label=_("country of registration"), choices=_country_choices, required=False)
    sectors = forms.CharField(
        label=_("sectors"),
        required=False,
        help_text=_("Separate sectors with commas. Leave empty if unknown."),
    )

    class Meta:
        model = ObligationProfile
        fields = list(ObligationProfile.FACT_FIELDS)
        widgets = {"child_labour_action_plan_date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.sectors is not None:
            self.initial["sectors"] = ", ".join(self.instance.sectors)

    def clean_country(self) -> str | None:
        return self.cleaned_data["country"] or None

    def clean_sectors(self) -> list[str] | None:
        text = self.cleaned_data["sectors"].strip()
        if not text:
            return None
        return [part.strip() for part in text.split(",") if part.strip()]

    def clean_financial_year_end(self) -> str | None:
        text = (self.cleaned_data.get("financial_year_end") or "").strip()
        if not text:
            return None
        match = re.fullmatch(r"(\d{2})-(\d{2})", text)
        if match is None or not _is_month_day(int(match[1]), int(match[2])):
            raise ValidationError(_("Give the month and day as MM-DD, for example 12-31."))
        return text


def _is_month_day(month: int, day: int) -> bool:
    try:
        date(2024, month, day)  # a leap year, so 02-29 is accepted, as the core's profile parser does
    except ValueError:
        return False
    return True


def _isv_category_choices() -> list[tuple[str, Any]]:
    categories: list[str] = []
    for rule in load_ruleset().rules:
        categories.extend(rule.risk_categories)
    return [UNKNOWN] + [(c, c) for c in categories] + [("other", _("Another category"))]


class TenderForm(forms.ModelForm):
    category = forms.ChoiceField(label=_("product category"), choices=_isv_category_choices, required=False)
    contracting_authority = forms.ChoiceField(
        label=_("contracting authority"),
        required=False,
        choices=[UNKNOWN, ("central_government", _("Central government")), ("other", _("Another authority"))],
    )

    class Meta:
        model = Tender
        fields = ["name", "category", "estimated_value_eur", "contracting_authority", "tender_date"]
        widgets = {"tender_date": forms.DateInput(attrs={"type": "date"})}

    def clean_category(self) -> str | None:
        return self.cleaned_data["category"] or None

    def clean_contracting_authority(self) -> str | None:
        return self.cleaned_data["contracting_authority"] or None


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Import records (CSV or XLSX)"),
        help_text=_(
            "Columns: year, cn_code, quantity_kg, country_of_origin; optional taric_subdivision, "
            "gold_concentration_percent."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.records: tuple[ImportRecord, ...] = ()
        self.problems: list[Any] = []

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        validate_upload(upload, IMPORT_FILE_EXTENSIONS)
        try:
            self.records = read_import_file(upload.name or "imports.csv", upload.read())
        except FactsError as error:
            self.problems = error.problems
            raise ValidationError(
                _("The file has %(count)s problem(s); nothing was stored."),
                params={"count": len(error.problems)},
            ) from error
        return upload
