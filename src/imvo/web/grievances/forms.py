"""Forms of the public intake and of the handlers."""

from __future__ import annotations

import functools
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from imvo.core.grievances import Phase, allowed_transitions
from imvo.web.country_choices import CountryField
from imvo.web.grievances.actions import IDENTITY_FIELDS, recordable_outcomes
from imvo.web.grievances.languages import PUBLIC_LANGUAGES, normalise, public_country_choices
from imvo.web.grievances.models import (
    MAX_DESCRIPTION,
    MAX_MESSAGE,
    MAX_SHORT_TEXT,
    CasePhase,
    GrievanceAttachment,
    GrievanceCase,
    GrievanceMechanism,
    Outcome,
    RemedyAction,
)
from imvo.web.upload_limits import EVIDENCE_EXTENSIONS, validate_upload

MAX_ATTACHMENT_SIZE = 10 * 1024 * 1024
MAX_ATTACHMENTS = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True
    # A button and a "no file chosen" in the page's language, not the browser's (files.js).
    template_name = "grievances/widgets/file_picker.html"


class AttachmentsField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(_("Attach at most %(count)s files."), params={"count": MAX_ATTACHMENTS})
        for upload in files:
            validate_upload(upload, EVIDENCE_EXTENSIONS, MAX_ATTACHMENT_SIZE)
            _check_stored_lengths(upload)
        return list(files)


def _check_stored_lengths(upload: Any) -> None:
    """The file's name and type are stored as given: refuse what does not fit rather than cut it."""
    name_limit = GrievanceAttachment._meta.get_field("original_name").max_length or 0
    if len(upload.name or "") > name_limit:
        raise ValidationError(
            _(
                "The file name %(name)s is longer than %(limit)s characters. Please rename the file and "
                "attach it again."
            ),
            code="name_too_long",
            params={"name": upload.name, "limit": name_limit},
        )
    type_limit = GrievanceAttachment._meta.get_field("content_type").max_length or 0
    if len(upload.content_type or "") > type_limit:
        raise ValidationError(
            _("The type of the file %(name)s is not recognised."),
            code="bad_content_type",
            params={"name": upload.name},
        )


def _countries_with_blank(blank_label: Any) -> list[tuple[str, Any]]:
    return [("", blank_label), *public_country_choices()]


class PublicCountryField(CountryField):
    """The country select of the public pages: country names in every public language (CLDR)."""

    def __init__(self, *, blank_label: Any, **kwargs: Any) -> None:
        super().__init__(blank_label=blank_label, **kwargs)
        self.choices = functools.partial(_countries_with_blank, blank_label)


class ComplaintForm(forms.ModelForm):
    attachments = AttachmentsField(
        label=_("Documents or photos (optional)"),
        required=False,
        help_text=_(
            "PDF, Word, OpenDocument, text, spreadsheet or photo (PNG, JPEG); at most 5 files of 10 MB."
        ),
    )
    country = PublicCountryField(
        label=_("Country where it happened (optional)"),
        blank_label=_("Choose a country (optional)"),
        required=False,
    )
    # The honeypot: hidden from people (CSS and aria-hidden), filled in by bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    class Meta:
        model = GrievanceCase
        fields = [
            "subject",
            "description",
            "desired_outcome",
            "theme",
            "country",
            "anonymous",
            "complainant_name",
            "complainant_organisation",
            "complainant_email",
            "complainant_phone",
        ]
        labels = {
            "subject": _("In a few words, what is your complaint about?"),
            "description": _("What happened? Where and when? Who was affected?"),
            "anonymous": _("I want to stay anonymous"),
        }
        help_texts = {
            "description": _("Write in your own words. You do not need to know any laws or rules."),
            "anonymous": _(
                "If you stay anonymous we do not ask your name, organisation or telephone number. You can "
                "still follow your case with the code you get after sending."
            ),
            "complainant_email": _("Optional. We only use it to tell you that your case has news."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "desired_outcome": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # intake.js disables these while "anonymous" is ticked (and they are empty).
        for name in IDENTITY_FIELDS:
            self.fields[name].widget.attrs["data-identity"] = "true"
        self.fields["anonymous"].widget.attrs["data-anonymous-toggle"] = "true"

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        if data.get("anonymous"):
            # Never drop what the complainant typed: ask them to choose instead.
            for name in IDENTITY_FIELDS:
                if str(data.get(name) or "").strip():
                    self.add_error(
                        name,
                        ValidationError(
                            _(
                                "You chose to stay anonymous but filled in this field. Clear it, or untick "
                                "“I want to stay anonymous” if we may know who you are."
                            ),
                            code="anonymous_with_identity",
                        ),
                    )
        return data

    def is_bot(self) -> bool:
        return bool(self.data.get("website"))


class FollowForm(forms.Form):
    reference = forms.CharField(label=_("Case reference"), max_length=40)
    access_code = forms.CharField(
        label=_("Access code"), max_length=80, widget=forms.PasswordInput(attrs={"autocomplete": "off"})
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 4}), max_length=MAX_MESSAGE
    )
    attachments = AttachmentsField(label=_("Documents or photos (optional)"), required=False)


class SatisfactionForm(forms.Form):
    satisfaction = forms.TypedChoiceField(
        label=_("How satisfied are you with how your complaint was handled?"),
        coerce=int,
        choices=[
            (5, _("Very satisfied")),
            (4, _("Satisfied")),
            (3, _("Neutral")),
            (2, _("Unsatisfied")),
            (1, _("Very unsatisfied")),
        ],
    )


class MechanismForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages of the public pages"),
        choices=PUBLIC_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Complainants choose among these on the complaint form; their case page and e-mails follow "
            "their choice. The workspace stays in Dutch and English."
        ),
        error_messages={"required": _("Choose at least one language.")},
    )

    class Meta:
        model = GrievanceMechanism
        fields = [
            "name",
            "slug",
            "variant",
            "introduction",
            "introduction_language",
            "languages",
            "is_open",
            "handler_email",
            "received_days",
            "initial_assessment_days",
            "good_offices_days",
            "outcome_days",
            "follow_up_days",
            "retention_days",
        ]

    def clean_languages(self) -> list[str]:
        return normalise(self.cleaned_data.get("languages") or [])


class TransitionForm(forms.Form):
    to_phase = forms.ChoiceField(label=_("Move to phase"), choices=CasePhase.choices)
    reason = forms.CharField(
        label=_("Reason (kept in the case log)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MAX_SHORT_TEXT,
    )

    def __init__(self, *args: Any, case: GrievanceCase, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = {phase.value for phase in allowed_transitions(Phase(case.phase))}
        to_phase = self.fields["to_phase"]
        assert isinstance(to_phase, forms.ChoiceField)
        to_phase.choices = [(value, label) for value, label in CasePhase.choices if value in allowed]


class UpdateForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 3}), max_length=MAX_MESSAGE
    )
    # Internal by default: showing a message to the complainant is a deliberate act.
    visible_to_complainant = forms.BooleanField(
        label=_("Visible to the complainant"),
        required=False,
        initial=False,
        help_text=_("Unticked, the message stays internal to the handlers."),
    )


class OutcomeForm(forms.Form):
    """Only the outcomes the case's mechanism may record (see ``actions.recordable_outcomes``)."""

    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    statement = forms.CharField(
        label=_("Statement or decision (published redacted)"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=MAX_DESCRIPTION,
    )
    substantiated = forms.NullBooleanField(
        label=_("Was the complaint substantiated?"),
        required=False,
        widget=forms.Select(
            choices=[("unknown", _("Not established")), ("true", _("Yes")), ("false", _("No"))]
        ),
    )

    def __init__(self, *args: Any, case: GrievanceCase, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = set(recordable_outcomes(case.mechanism))
        outcome = self.fields["outcome"]
        assert isinstance(outcome, forms.ChoiceField)
        outcome.choices = [(value, label) for value, label in Outcome.choices if value in allowed]


class RemedyForm(forms.ModelForm):
    class Meta:
        model = RemedyAction
        fields = ["kind", "description", "due_on"]
        widgets = {
            "due_on": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 2}),
        }


class LinkForm(forms.Form):
    # The querysets are the organisation's own, set per form in __init__.
    supplier: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Supplier"),
        queryset=None,
        required=False,
    )
    risk: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Risk"),
        queryset=None,
        required=False,
    )
    measure: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Measure"),
        queryset=None,
        required=False,
    )

    def __init__(self, *args: Any, organisation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from imvo.web.register.models import Measure, Risk, Supplier

        self.fields["supplier"].queryset = Supplier.objects.filter(organisation=organisation)  # type: ignore[attr-defined]
        self.fields["risk"].queryset = Risk.objects.filter(organisation=organisation)  # type: ignore[attr-defined]
        self.fields["measure"].queryset = Measure.objects.filter(organisation=organisation)  # type: ignore[attr-defined]


class GrantForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of a member"))
