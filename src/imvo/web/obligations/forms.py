"""Forms of the obligations app. An empty field means "unknown", never "no" or "0"."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from imvo.core.obligations import FactsError, ImportRecord, check_row, load_ruleset
from imvo.core.obligations.messages import message as coded_message
from imvo.core.obligations.messages import problem_text
from imvo.core.suppliers.problems import InputProblem
from imvo.web.country_choices import country_choices
from imvo.web.obligations.imports_file import IMPORT_FILE_EXTENSIONS, read_import_file
from imvo.web.obligations.models import (
    CONTRACTING_AUTHORITIES,
    ImportLine,
    ImportUpload,
    LegalValueChange,
    ObligationProfile,
    Tender,
)
from imvo.web.obligations.register_facts import open_child_labour_risks
from imvo.web.organisations.models import Organisation
from imvo.web.upload_limits import validate_upload

UNKNOWN = ("", _("Unknown"))


def _country_choices() -> list[tuple[str, Any]]:
    # Names in the page's language from the package's own ISO table (pycountry is build-time only).
    return [UNKNOWN, *country_choices()]


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

    def __init__(self, *args: Any, organisation: Organisation | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.sectors is not None:
            self.initial["sectors"] = ", ".join(self.instance.sectors)
        #: Open child-labour risks in the register: "no reasonable suspicion" cannot be declared.
        self.open_child_labour_risks = open_child_labour_risks(organisation) if organisation else 0

    @property
    def child_labour_warning(self) -> str:
        if not self.open_child_labour_risks:
            return ""
        return child_labour_warning(self.open_child_labour_risks)

    def clean_child_labour_reasonable_suspicion(self) -> bool | None:
        suspicion: bool | None = self.cleaned_data.get("child_labour_reasonable_suspicion")
        if suspicion is False and self.open_child_labour_risks:
            raise ValidationError(
                ngettext(
                    "Your register has %(count)s open child-labour risk, so “no reasonable suspicion” "
                    "cannot be declared. Investigate and close it in the register first, or answer “Yes” "
                    "or “Unknown”.",
                    "Your register has %(count)s open child-labour risks, so “no reasonable suspicion” "
                    "cannot be declared. Investigate and close them in the register first, or answer "
                    "“Yes” or “Unknown”.",
                    self.open_child_labour_risks,
                ),
                code="open_child_labour_risks",
                params={"count": self.open_child_labour_risks},
            )
        return suspicion

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


def child_labour_warning(count: int) -> str:
    """The warning shown beside the legal facts and the draft declaration while risks are open."""
    return ngettext(
        "Your register has %(count)s open child-labour risk: while it is open, the draft Wzk declaration "
        "cannot state that no reasonable suspicion of child labour was found.",
        "Your register has %(count)s open child-labour risks: while they are open, the draft Wzk "
        "declaration cannot state that no reasonable suspicion of child labour was found.",
        count,
    ) % {"count": count}


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
        choices=[UNKNOWN, *CONTRACTING_AUTHORITIES.items()],
    )

    class Meta:
        model = Tender
        fields = ["name", "category", "estimated_value_eur", "contracting_authority", "tender_date"]
        widgets = {"tender_date": forms.DateInput(attrs={"type": "date"})}

    def clean_category(self) -> str | None:
        return self.cleaned_data["category"] or None

    def clean_contracting_authority(self) -> str | None:
        return self.cleaned_data["contracting_authority"] or None


def _import_columns_help() -> SafeString:
    # The column names are what the file must say, in any language: shown as code, not translated.
    def names(columns: tuple[str, ...]) -> SafeString:
        return format_html_join(", ", "<code>{}</code>", ((column,) for column in columns))

    return format_html(
        gettext("Columns: {required}; optional {optional}."),
        required=names(("year", "cn_code", "quantity_kg", "country_of_origin")),
        optional=names(("taric_subdivision", "gold_concentration_percent")),
    )


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Import records (CSV or XLSX)"),
        help_text=lazy(_import_columns_help, SafeString)(),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.records: tuple[ImportRecord, ...] = ()
        self.problems: list[Any] = []

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        validate_upload(upload, IMPORT_FILE_EXTENSIONS)
        name_limit = ImportUpload._meta.get_field("original_name").max_length or 0
        if len(upload.name or "") > name_limit:
            raise ValidationError(
                _("The file name is longer than %(limit)s characters. Rename the file and upload it again."),
                code="name_too_long",
                params={"limit": name_limit},
            )
        file_name = upload.name or "imports.csv"
        try:
            self.records = read_import_file(file_name, upload.read())
        except FactsError as error:
            self.problems = error.problems
            raise _nothing_stored(len(error.problems)) from error
        # Every value is stored as written: a CN code written longer than the column holds is a problem
        # of the file, never cut.
        code_limit = ImportLine._meta.get_field("cn_code_as_given").max_length or 0
        self.problems = [
            _cn_code_too_long(file_name, record, code_limit)
            for record in self.records
            if len(record.cn_code_as_given) > code_limit
        ]
        if self.problems:
            self.records = ()
            raise _nothing_stored(len(self.problems))
        return upload


def _nothing_stored(count: int) -> ValidationError:
    return ValidationError(
        ngettext(
            "The file has %(count)s problem; nothing was stored.",
            "The file has %(count)s problems; nothing was stored.",
            count,
        ),
        params={"count": count},
    )


def _cn_code_too_long(file_name: str, record: ImportRecord, limit: int) -> InputProblem:
    params: dict[str, Any] = {"text": record.cn_code_as_given, "limit": limit}
    text, accepted = coded_message("imports.cn_code_too_long", **params)
    return InputProblem(
        file_name, record.line, "cn_code", text, accepted, code="imports.cn_code_too_long", params=params
    )


# --- Legal values (installation administrators) --------------------------------------------------------

#: The form's field per column of the core's check (the same columns as the legal values file).
_LEGAL_FIELDS = ("value", "valid_from", "valid_until", "act", "article", "oj_reference", "url", "note")


class LegalValueForm(forms.ModelForm):
    """A legal value with its citation; the core checks it exactly as it checks a row of the file."""

    url = forms.URLField(label=_("Address of the text"), max_length=500, assume_scheme="https")
    note = forms.CharField(
        label=_("Note"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )

    class Meta:
        model = LegalValueChange
        fields = [
            "value",
            "valid_from",
            "valid_until",
            "act",
            "article",
            "oj_reference",
            "url",
            "note",
            "override_verified",
        ]
        labels = {
            "value": _("Value"),
            "valid_from": _("Valid from"),
            "valid_until": _("Valid until"),
            "act": _("Act"),
            "article": _("Article"),
            "oj_reference": _("Official Journal reference"),
            "override_verified": _(
                "I know this replaces a value shipped as verified; show it as an override on every result"
            ),
        }
        help_texts = {
            "value": _(
                "A whole number (a threshold in kg or EUR, a number of employees or months) or a date."
            ),
            "act": _("e.g. Commission Delegated Regulation (EU) 2020/1588"),
            "article": _("e.g. Annex, or Art. 2(1)(a)"),
            "oj_reference": _("e.g. OJ L 360, 30.10.2020, p. 1–3"),
        }
        widgets = {
            "valid_from": forms.DateInput(attrs={"type": "date"}),
            "valid_until": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args: Any, rule_id: str = "", name: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for required in ("value", "act", "article", "oj_reference"):
            self.fields[required].required = True
        self.rule_id, self.name = rule_id, name
        self.row: Any = None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        fields = {
            "rule_id": self.rule_id,
            "name": self.name,
            **{name: _text(cleaned.get(name), self.data.get(name)) for name in _LEGAL_FIELDS},
            "override_verified": "yes" if cleaned.get("override_verified") else "",
        }
        self.row, problems = check_row(load_ruleset(), fields)
        # The core's coded problems in the page's language, a column named by its field's label.
        language = get_language() or "en"
        names = {name: f"“{field.label}”" for name, field in self.fields.items()}
        for problem in problems:
            field = problem.column if problem.column in self.fields else None
            if field is not None and field in self.errors:
                continue  # the field's own check already said what is wrong
            message, accepted = problem_text(problem, language[:2], names)
            self.add_error(field, f"{message} ({accepted})" if accepted else message)
        return cleaned


def _text(cleaned: Any, raw: Any) -> str:
    """A field's value as the core's check reads it: the cleaned value, else what was typed."""
    if isinstance(cleaned, date):
        return cleaned.isoformat()
    if cleaned is not None:
        return str(cleaned)
    return str(raw or "")


class LegalValueRejectForm(forms.ModelForm):
    """The second administrator's reason for rejecting a proposal (required)."""

    class Meta:
        model = LegalValueChange
        fields = ["decision_reason"]
        labels = {"decision_reason": _("Why you reject it (required to reject)")}
        widgets = {"decision_reason": forms.Textarea(attrs={"rows": 2})}


class LegalValueRevertForm(forms.ModelForm):
    """Why the administrators' value should go, so the shipped one applies again."""

    class Meta:
        model = LegalValueChange
        fields = ["note"]
        labels = {"note": _("Reason")}
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}
