"""The secretariat's covenant workspace (organisations of kind "covenant"): thin views over actions
and queries. The member companies' pages are in :mod:`imvo.web.covenants.member_views`, the public
pages in :mod:`imvo.web.covenants.public_views`."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from imvo.web.covenants import actions, evaluation, forms, queries
from imvo.web.covenants.labels import criterion_label, criterion_rows
from imvo.web.covenants.models import AssessmentStatus
from imvo.web.covenants.picture import location_list, picture
from imvo.web.organisations.access import Access, organisation_view
from imvo.web.organisations.roles import Role


def covenant_view(min_role: str = Role.VIEWER) -> Callable[..., Callable[..., HttpResponseBase]]:
    """:func:`organisation_view` for the covenant workspace: other kinds of organisation get 404."""

    def decorate(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
        @wraps(view)
        def wrapper(request: HttpRequest, access: Access, *args: Any, **kwargs: Any) -> HttpResponseBase:
            queries.require_covenant(access.organisation)
            return view(request, access, *args, **kwargs)

        return organisation_view(min_role)(wrapper)

    return decorate


def _url(name: str, org: str, **kwargs: Any) -> str:
    return reverse(f"covenants:{name}", kwargs={"org": org, **kwargs})


def _invalid(request: HttpRequest, form: Any) -> None:
    problems = [str(error) for errors in form.errors.values() for error in errors]
    messages.error(request, " ".join(problems) or _("The form could not be read."))


# --- overview: settings, criteria, parties, plan of action ----------------------------------------
def _overview_context(access: Access) -> dict[str, Any]:
    organisation = access.organisation
    covenant = queries.covenant_of(organisation)
    consents = {consent.organisation_id: consent for consent in queries.consents_in_force(organisation)}
    return {
        "covenant": covenant,
        "criteria": criterion_rows(queries.criteria(organisation)),
        "parties": [
            {
                "party": party,
                "consent": consents.get(party.member_id) if party.member_id else None,
                "link_form": forms.LinkPartyForm(prefix=f"p{party.pk}"),
                "leave_form": forms.LeaveForm(prefix=f"p{party.pk}"),
            }
            for party in queries.parties(organisation)
        ],
        "projects": [
            {"project": project, "result_form": forms.ResultForm(prefix=f"r{project.pk}")}
            for project in queries.projects(organisation)
        ],
        "covenant_form": forms.CovenantForm(instance=covenant),
        "criterion_form": forms.CriterionForm(prefix="criterion"),
        "party_form": forms.PartyForm(prefix="party"),
        "project_form": forms.ProjectForm(prefix="project"),
        "rulings": queries.rulings(organisation),
        "ruling_form": _ruling_form(organisation),
    }


def _ruling_form(organisation: Any, data: Any = None) -> forms.RulingLinkForm:
    return forms.RulingLinkForm(
        data,
        cases=queries.committee_cases(organisation),
        parties=queries.parties(organisation).filter(kind="company"),
        assessments=queries.assessments(organisation),
    )


@require_GET
@covenant_view()
def overview_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    return render(request, "covenants/overview.html", _overview_context(access))


def _post(
    request: HttpRequest, form: Any, do: Callable[[Any], Any], success: str, redirect_to: str
) -> HttpResponse:
    """Validate ``form``; call ``do(cleaned_data)``; a ValidationError becomes a message."""
    if form.is_valid():
        try:
            do(form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, success)
    else:
        _invalid(request, form)
    return HttpResponseRedirect(redirect_to)


@require_POST
@covenant_view(Role.EDITOR)
def settings_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    form = forms.CovenantForm(request.POST, instance=queries.covenant_of(access.organisation))
    return _post(
        request,
        form,
        lambda data: actions.update_covenant(request.user, access.organisation, data),
        _("The covenant's settings are saved."),
        _url("overview", org),
    )


@require_POST
@covenant_view(Role.EDITOR)
def criterion_add_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    return _post(
        request,
        forms.CriterionForm(request.POST, prefix="criterion"),
        lambda d: actions.add_criterion(request.user, access.organisation, d["title"], d["description"]),
        _("The criterion is added."),
        _url("overview", org),
    )


@require_POST
@covenant_view(Role.EDITOR)
def party_add_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    return _post(
        request,
        forms.PartyForm(request.POST, prefix="party"),
        lambda data: actions.add_party(request.user, access.organisation, data),
        _("The party is added."),
        _url("overview", org),
    )


@require_POST
@covenant_view(Role.EDITOR)
def party_link_view(request: HttpRequest, access: Access, org: str, party_id: int) -> HttpResponse:
    party = queries.party(access.organisation, party_id)
    return _post(
        request,
        forms.LinkPartyForm(request.POST, prefix=f"p{party.pk}"),
        lambda d: actions.link_party(request.user, access.organisation, party, d["platform_slug"]),
        _("The member is linked to its organisation on the platform."),
        _url("overview", org),
    )


@require_POST
@covenant_view(Role.EDITOR)
def party_leave_view(request: HttpRequest, access: Access, org: str, party_id: int) -> HttpResponse:
    party = queries.party(access.organisation, party_id)
    return _post(
        request,
        forms.LeaveForm(request.POST, prefix=f"p{party.pk}"),
        lambda d: actions.party_leaves(request.user, access.organisation, party, d["left_on"]),
        _("The party's leaving date is recorded."),
        _url("overview", org),
    )


@require_POST
@covenant_view(Role.EDITOR)
def project_add_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    return _post(
        request,
        forms.ProjectForm(request.POST, prefix="project"),
        lambda data: actions.add_project(request.user, access.organisation, data),
        _("The project is added."),
        _url("overview", org),
    )


@require_POST
@covenant_view(Role.EDITOR)
def result_add_view(request: HttpRequest, access: Access, org: str, project_id: int) -> HttpResponse:
    project = queries.project(access.organisation, project_id)
    return _post(
        request,
        forms.ResultForm(request.POST, prefix=f"r{project.pk}"),
        lambda d: actions.add_result(
            request.user, access.organisation, project, d["recorded_on"], d["description"]
        ),
        _("The result is recorded."),
        _url("overview", org),
    )


@require_POST
@covenant_view(Role.EDITOR)
def ruling_link_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    organisation = access.organisation
    return _post(
        request,
        _ruling_form(organisation, request.POST),
        lambda d: actions.link_ruling(request.user, organisation, d["case"], d["party"], d["assessment"]),
        _("The ruling is linked to the member."),
        _url("overview", org),
    )


# --- members' assessments -------------------------------------------------------------------------
@require_GET
@covenant_view()
def assessments_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    organisation = access.organisation
    context = {
        "assessments": queries.assessments(organisation),
        "progress": evaluation.progress_per_member(organisation),
    }
    return render(request, "covenants/assessments.html", context)


def _assessment_context(
    request: HttpRequest, access: Access, assessment_id: int, **forms_: Any
) -> dict[str, Any]:
    organisation = access.organisation
    assessment = queries.assessment(organisation, assessment_id)
    criteria = queries.criteria(organisation)
    choices = [(str(criterion.pk), str(criterion_label(criterion))) for criterion in criteria]
    proposal = (
        actions.pending_proposal(assessment)
        if assessment.status == AssessmentStatus.AWAITING_SECOND
        else None
    )
    return {
        "assessment": assessment,
        "levels": evaluation.snapshot_levels(assessment.snapshot),
        "verdict_rows": evaluation.verdict_rows(criteria, assessment.verdicts),
        "proposal": proposal,
        "proposal_rows": evaluation.verdict_rows(criteria, proposal.verdicts) if proposal else [],
        "improvements": [
            {"item": item, "done_form": forms.ImprovementDoneForm(prefix=f"i{item.pk}")}
            for item in queries.improvements(assessment)
        ],
        "reviews": assessment.reviews.select_related("reviewer"),
        "can_decide": proposal is not None and proposal.reviewer_id != request.user.pk,
        "assess_form": forms_.get("assess_form") or forms.AssessForm(criteria=choices),
        "decide_form": forms_.get("decide_form") or forms.DecideForm(),
        "rulings": assessment.rulings.select_related("case"),
    }


@require_GET
@covenant_view()
def assessment_view(
    request: HttpRequest, access: Access, org: str, member_assessment_id: int
) -> HttpResponse:
    context = _assessment_context(request, access, member_assessment_id)
    return render(request, "covenants/assessment.html", context)


@require_GET
@covenant_view()
def assessment_document_view(
    request: HttpRequest, access: Access, org: str, member_assessment_id: int
) -> HttpResponseBase:
    """The member's uploaded plan, for the secretariat only (uploads are never served directly)."""
    assessment = queries.assessment(access.organisation, member_assessment_id)
    if not assessment.document:
        raise Http404
    return FileResponse(
        assessment.document.open("rb"), as_attachment=True, filename=assessment.document_name or "plan"
    )


@require_POST
@covenant_view(Role.EDITOR)
def assessment_propose_view(
    request: HttpRequest, access: Access, org: str, member_assessment_id: int
) -> HttpResponse:
    assessment = queries.assessment(access.organisation, member_assessment_id)
    choices = [(str(c.pk), str(criterion_label(c))) for c in queries.criteria(access.organisation)]
    form = forms.AssessForm(request.POST, criteria=choices)
    if form.is_valid():
        try:
            actions.propose_assessment(request.user, assessment, form.verdicts(), form.improvements())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your assessment is recorded; a second person must now approve it."))
            return HttpResponseRedirect(_url("assessment", org, member_assessment_id=assessment.pk))
    context = _assessment_context(request, access, member_assessment_id, assess_form=form)
    return render(request, "covenants/assessment.html", context, status=400)


@require_POST
@covenant_view(Role.EDITOR)
def assessment_decide_view(
    request: HttpRequest, access: Access, org: str, member_assessment_id: int
) -> HttpResponse:
    assessment = queries.assessment(access.organisation, member_assessment_id)
    form = forms.DecideForm(request.POST)
    if form.is_valid():
        try:
            approve = form.cleaned_data["decision"] == "approve"
            actions.decide_assessment(request.user, assessment, approve, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The decision is recorded."))
            return HttpResponseRedirect(_url("assessment", org, member_assessment_id=assessment.pk))
    context = _assessment_context(request, access, member_assessment_id, decide_form=form)
    return render(request, "covenants/assessment.html", context, status=400)


@require_POST
@covenant_view(Role.EDITOR)
def improvement_done_view(
    request: HttpRequest, access: Access, org: str, improvement_id: int
) -> HttpResponse:
    found = queries.improvement(access.organisation, improvement_id)
    return _post(
        request,
        forms.ImprovementDoneForm(request.POST, prefix=f"i{found.pk}"),
        lambda d: actions.complete_improvement(request.user, access.organisation, found, d["done_on"]),
        _("The improvement is recorded as done."),
        _url("assessment", org, member_assessment_id=found.assessment_id),
    )


# --- collective risk picture and the location list -------------------------------------------------
@require_GET
@covenant_view()
def picture_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    return render(request, "covenants/picture.html", picture_context(request, access.organisation))


def picture_context(request: HttpRequest, covenant: Any) -> dict[str, Any]:
    """The picture, narrowed to a country when the visitor chose one of the countries it shows."""
    members, whole = picture(covenant)
    countries = [
        (row.key, row.label) for table in whole if table.dimension == "countries" for row in table.rows
    ]
    asked = request.GET.get("country", "").strip().upper()
    form = forms.PictureFilterForm({"country": asked}, countries=countries)
    country = form.cleaned_data["country"] if asked and form.is_valid() else ""
    tables = picture(covenant, country)[1] if country else whole
    return {
        "form": form,
        "country": country,
        "members": members,
        "tables": tables,
        "minimum": queries.covenant_of(covenant).minimum_members,
        "covenant_organisation": covenant,
    }


@require_GET
@covenant_view()
def locations_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    covenant = queries.covenant_of(access.organisation)
    context = {"covenant": covenant, "list": location_list(access.organisation, preview=True)}
    return render(request, "covenants/locations.html", context)


@require_POST
@covenant_view(Role.EDITOR)
def locations_publish_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    publish = request.POST.get("publish") == "1"
    actions.publish_locations(request.user, access.organisation, publish)
    if publish:
        messages.success(request, _("The production-location list is published."))
    else:
        messages.success(request, _("The production-location list is withdrawn."))
    return HttpResponseRedirect(_url("locations", org))


# --- evaluation -----------------------------------------------------------------------------------
@require_GET
@covenant_view()
def evaluation_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    return render(request, "covenants/evaluation.html", evaluation.figures(access.organisation))
