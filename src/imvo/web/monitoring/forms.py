"""Forms of the monitoring workspace: labelled fields, validated uploads."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from imvo.core.assessment import CRITERION_IDS
from imvo.core.monitoring import CRITERIA_SETS, DEFAULT_CRITERIA_SETS
from imvo.web.monitoring.labels import CRITERIA_SET_LABELS, CRITERION_LABELS, VERDICT_LABELS
from imvo.web.upload_limits import validate_upload

POPULATION_EXTENSIONS = frozenset({".csv", ".txt", ".tsv", ".xlsx"})
DISCLOSURE_EXTENSIONS = frozenset({".pdf", ".html", ".htm", ".txt"})
MAX_DISCLOSURES_PER_UPLOAD = 200

VERDICT_CHOICES = list(VERDICT_LABELS.items())


class PopulationImportForm(forms.Form):
    file = forms.FileField(
        label=_("Population file"),
        help_text=_(
            "CSV or XLSX with name, registration number, sector code, employees, assets, turnover, website."
        ),
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        validate_upload(upload, POPULATION_EXTENSIONS)
        return upload


def criteria_sets_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=_("Criteria sets reported"),
        choices=[(key, CRITERIA_SET_LABELS.get(key, CRITERIA_SETS[key].label)) for key in CRITERIA_SETS],
        initial=list(DEFAULT_CRITERIA_SETS),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The dashboard and the exports show only the figures of the chosen sets."),
    )


class SizeCriteriaForm(forms.Form):
    """The programme's size criteria: each threshold optional, and how many must be exceeded."""

    employees_over = forms.IntegerField(label=_("More than this many employees"), required=False, min_value=0)
    assets_over = forms.FloatField(
        label=_("More than this balance-sheet total (EUR)"), required=False, min_value=0
    )
    turnover_over = forms.FloatField(label=_("More than this turnover (EUR)"), required=False, min_value=0)
    required = forms.TypedChoiceField(
        label=_("Rule"),
        choices=[
            ("", _("All thresholds set must be exceeded")),
            ("1", _("At least one threshold must be exceeded")),
            ("2", _("At least two thresholds must be exceeded")),
        ],
        coerce=int,
        empty_value=None,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        required = cleaned.get("required")
        in_use = sum(
            cleaned.get(name) is not None for name in ("employees_over", "assets_over", "turnover_over")
        )
        if required is not None and required > in_use:
            raise forms.ValidationError(
                _("The rule asks for more thresholds than are set: set more or choose another rule.")
            )
        return cleaned


class RoundCriteriaSetsForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["criteria_sets"] = criteria_sets_field()


class RoundForm(forms.Form):
    name = forms.CharField(label=_("Round"), max_length=40, help_text=_("For example 2021."))
    population_size = forms.IntegerField(
        label=_("Population size"),
        required=False,
        min_value=1,
        help_text=_("Fill in when the round assesses a sample: the figures then get 95 % intervals."),
    )
    target = forms.IntegerField(label=_("Target (%)"), min_value=0, max_value=100, initial=90)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["criteria_sets"] = criteria_sets_field()


class ReferencePointForm(forms.Form):
    round_name = forms.CharField(label=_("Round"), max_length=40)
    share = forms.IntegerField(label=_("Share endorsing (%)"), min_value=0, max_value=100)
    source = forms.CharField(label=_("Source"), max_length=500)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field taking several files at once (Django's documented pattern)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class DisclosureUploadForm(forms.Form):
    # Django's form metaclass moves declared fields into base_fields, so this does not shadow
    # BaseForm.files (the uploaded files) at run time; the type checker cannot know that.
    files = MultipleFileField(  # type: ignore[assignment]
        label=_("Disclosures"),
        help_text=_(
            "PDF, HTML or text. Each file is matched to a company by the registration number in its file "
            "name, else by the company name at its start (e.g. 12345678_report.pdf or acme-2021.pdf)."
        ),
    )

    def clean_files(self) -> list[UploadedFile]:
        uploads: list[UploadedFile] = self.cleaned_data["files"]
        if not uploads:
            raise forms.ValidationError(_("Choose at least one file."))
        if len(uploads) > MAX_DISCLOSURES_PER_UPLOAD:
            raise forms.ValidationError(_("At most 200 files per upload."))
        for upload in uploads:
            validate_upload(upload, DISCLOSURE_EXTENSIONS)
        return uploads


class DisclosureReplaceForm(forms.Form):
    """One file in place of a disclosure's file (e.g. one that could not be read)."""

    file = forms.FileField(label=_("New file"), help_text=_("PDF, HTML or text."))

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        validate_upload(upload, DISCLOSURE_EXTENSIONS)
        return upload


class ProposeReviewForm(forms.Form):
    """First review: one verdict per criterion (pre-filled with the machine's), and a reason."""

    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)

    def __init__(self, *args: Any, verdicts: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for criterion in CRITERION_IDS:
            self.fields[f"verdict_{criterion}"] = forms.ChoiceField(
                label=str(CRITERION_LABELS.get(criterion, criterion)),  # the form lives for one request
                choices=VERDICT_CHOICES,
                initial=(verdicts or {}).get(criterion, "not_found"),
            )
        self.order_fields([f"verdict_{c}" for c in CRITERION_IDS] + ["reason"])

    def corrections(self) -> dict[str, str]:
        return {criterion: self.cleaned_data[f"verdict_{criterion}"] for criterion in CRITERION_IDS}


class DecideReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class LinkPlatformForm(forms.Form):
    platform_slug = forms.SlugField(label=_("Short name of the company's organisation on the platform"))


class ConsentForm(forms.Form):
    monitor: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Monitoring organisation"),
        queryset=None,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from imvo.web.monitoring.queries import monitor_organisations

        self.fields["monitor"].queryset = monitor_organisations()  # type: ignore[attr-defined]
