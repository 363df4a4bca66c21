"""Forms of the covenant workspace and of the member companies' covenant page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from imvo.core.covenants import MINIMUM_MEMBERS_PER_CELL
from imvo.web.covenants.models import (
    Covenant,
    Criterion,
    DocumentKind,
    LocationDetail,
    MeetingDocument,
    Party,
    Project,
    Verdict,
    WithholdingReason,
)
from imvo.web.upload_limits import validate_upload

DATE = forms.DateInput(attrs={"type": "date"})
PLAN_EXTENSIONS = frozenset({".pdf", ".html", ".htm", ".txt", ".docx", ".xlsx"})


class CovenantForm(forms.ModelForm):
    class Meta:
        model = Covenant
        fields = ["sector", "starts_on", "ends_on", "minimum_members", "committee"]
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from imvo.web.grievances.models import GrievanceMechanism, MechanismVariant

        # Only the covenant's own grievance mechanisms of the committee variant.
        self.fields["committee"].queryset = GrievanceMechanism.objects.filter(  # type: ignore[attr-defined]
            organisation_id=self.instance.organisation_id, variant=MechanismVariant.COMMITTEE
        )
        self.fields["committee"].help_text = _(
            "A grievance mechanism of this covenant with the procedure "
            "“Covenant complaints committee (binding decisions)”."
        )

    def clean_minimum_members(self) -> int:
        value: int = self.cleaned_data["minimum_members"]
        if value < MINIMUM_MEMBERS_PER_CELL:
            raise forms.ValidationError(_("A figure needs at least 3 members."))
        return value


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["title", "description"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].required = True


class PartyForm(forms.ModelForm):
    class Meta:
        model = Party
        fields = ["kind", "name", "joined_on"]
        widgets = {"joined_on": DATE}


class LinkPartyForm(forms.Form):
    platform_slug = forms.SlugField(
        label=_("Short name of the company on the platform"),
        help_text=_("The company gives this covenant its consent first, in its own workspace."),
    )


class LeaveForm(forms.Form):
    left_on = forms.DateField(label=_("Left on"), widget=DATE)


class ProjectForm(forms.ModelForm):
    class Meta:
        model = Project
        fields = ["title", "description", "starts_on", "ends_on"]
        widgets = {"starts_on": DATE, "ends_on": DATE}


class ResultForm(forms.Form):
    recorded_on = forms.DateField(label=_("Date"), widget=DATE)
    description = forms.CharField(label=_("Result"), widget=forms.Textarea(attrs={"rows": 2}))


class ConsentForm(forms.Form):
    covenant = forms.SlugField(
        label=_("Short name of the covenant"),
        help_text=_("The covenant's secretariat tells you its short name."),
    )
    share_register = forms.BooleanField(
        label=_("Share my register"),
        required=False,
        initial=True,
        help_text=_("The secretariat may read your register for the assessment and count it in figures."),
    )
    publish_locations = forms.BooleanField(
        label=_("Publish my production locations"),
        required=False,
        help_text=_("Your production locations appear on the covenant's public list, without your name."),
    )
    named_on_list = forms.BooleanField(
        label=_("Name my company on the public list"),
        required=False,
        help_text=_("Only with the previous choice: your company's name is shown next to its locations."),
    )
    joint_action = forms.BooleanField(
        label=_("Show me other members at the same locations"),
        required=False,
        help_text=_(
            "For joint action: you see which other members who chose the same use your production "
            "locations, and they see you."
        ),
    )


class ConsentFlagsForm(ConsentForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["covenant"]


def _this_year() -> int:
    return timezone.localdate().year


class SubmitPlanForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, initial=_this_year)
    document = forms.FileField(
        label=_("Document (optional)"),
        required=False,
        help_text=_("Without a document, your plan is taken from your register (with your consent)."),
    )

    def clean_document(self) -> Any:
        upload = self.cleaned_data.get("document")
        if upload:
            validate_upload(upload, PLAN_EXTENSIONS)
        return upload


class AssessForm(forms.Form):
    """A verdict and a reason per criterion, and up to three improvements with deadlines."""

    IMPROVEMENTS = 3

    def __init__(self, *args: Any, criteria: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for key, label in criteria:
            self.fields[f"verdict_{key}"] = forms.ChoiceField(label=label, choices=Verdict.choices)
            self.fields[f"reason_{key}"] = forms.CharField(
                label=_("Reason: %(criterion)s") % {"criterion": label},
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        for number in range(1, self.IMPROVEMENTS + 1):
            self.fields[f"improvement_{number}"] = forms.CharField(
                label=_("Improvement %(number)s") % {"number": number}, required=False
            )
            self.fields[f"due_{number}"] = forms.DateField(
                label=_("Deadline of improvement %(number)s") % {"number": number},
                required=False,
                widget=DATE,
            )

    def verdicts(self) -> dict[str, dict[str, str]]:
        data = self.cleaned_data
        return {
            key: {"verdict": data[f"verdict_{key}"], "reason": data[f"reason_{key}"]}
            for key, _l in self.criteria
        }

    def improvements(self) -> list[dict[str, Any]]:
        data = self.cleaned_data
        return [
            {"description": data.get(f"improvement_{n}", ""), "due_on": data.get(f"due_{n}")}
            for n in range(1, self.IMPROVEMENTS + 1)
        ]


class DecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve: the member sees the assessment")), ("reject", _("Send back"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class LocationDetailForm(forms.ModelForm):
    class Meta:
        model = LocationDetail
        fields = ["address", "sector", "workers_band"]

    def __init__(self, *args: Any, suppliers: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["supplier"] = forms.ModelChoiceField(label=_("Supplier"), queryset=suppliers)
        self.order_fields(["supplier", "address", "sector", "workers_band"])


class PictureFilterForm(forms.Form):
    """A country among those the unfiltered picture shows (so the list itself reveals nothing new)."""

    country = forms.ChoiceField(label=_("Within country"), required=False)

    def __init__(self, *args: Any, countries: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries")), *countries]  # type: ignore[attr-defined]


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DATE)
    title = forms.CharField(label=_("Title"), max_length=200)


class DocumentForm(forms.ModelForm):
    class Meta:
        model = MeetingDocument
        fields = ["kind", "title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = DocumentKind.choices  # type: ignore[attr-defined]


class RedactionForm(forms.Form):
    """One choice per passage: publish it, or withhold it for a reason."""

    def __init__(self, *args: Any, passages: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("Publish")), *WithholdingReason.choices]
        for number, _passage in enumerate(passages, start=1):
            self.fields[f"passage_{number}"] = forms.ChoiceField(
                label=_("Passage %(number)s") % {"number": number}, choices=choices, required=False
            )

    def withheld(self) -> dict[int, str]:
        return {
            int(name.removeprefix("passage_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("passage_") and value
        }


class ApproveRedactionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve and publish")), ("reject", _("Send back"))],
        widget=forms.RadioSelect,
    )


class DocumentRequestForm(forms.Form):
    party = forms.ModelChoiceField(label=_("Party"), queryset=Party.objects.none())
    request = forms.CharField(label=_("Request"), widget=forms.Textarea(attrs={"rows": 2}))
    requested_on = forms.DateField(label=_("Requested on"), widget=DATE, initial=dt.date.today)

    def __init__(self, *args: Any, parties: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if parties is not None:
            self.fields["party"].queryset = parties  # type: ignore[attr-defined]


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 2}))
    answered_on = forms.DateField(label=_("Answered on"), widget=DATE, initial=dt.date.today)


class RulingLinkForm(forms.Form):
    """Tie a decided case of the covenant's committee to the member it binds (and its assessment)."""

    case = forms.ModelChoiceField(label=_("Committee case"), queryset=Party.objects.none())
    party = forms.ModelChoiceField(label=_("Member bound by the ruling"), queryset=Party.objects.none())
    assessment = forms.ModelChoiceField(
        label=_("The member's assessment it bears on"), queryset=Party.objects.none(), required=False
    )

    def __init__(self, *args: Any, cases: Any, parties: Any, assessments: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases  # type: ignore[attr-defined]
        self.fields["party"].queryset = parties  # type: ignore[attr-defined]
        self.fields["assessment"].queryset = assessments  # type: ignore[attr-defined]


class ImprovementDoneForm(forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=DATE)


class MemberRequestForm(forms.Form):
    request = forms.CharField(
        label=_("Which document do you ask for?"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class PopulationShareForm(forms.Form):
    covenant = forms.SlugField(
        label=_("Short name of the covenant"),
        help_text=_("The covenant's secretariat tells you its short name."),
    )
