"""A member company's covenant page: its consent, its submissions, its assessments and agreed
improvements, the production locations it describes, and the covenant's collective risk picture."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from imvo.web.covenants import actions, evaluation, forms, queries
from imvo.web.covenants.models import DocumentRequest
from imvo.web.covenants.picture import shared_locations
from imvo.web.covenants.views import picture_context
from imvo.web.organisations.access import Access, organisation_view
from imvo.web.organisations.models import Organisation
from imvo.web.organisations.roles import Role
from imvo.web.register.models import Supplier


def member_view(min_role: str = Role.VIEWER) -> Callable[..., Callable[..., HttpResponseBase]]:
    """:func:`organisation_view` for a company's covenant page: other kinds of organisation get 404."""

    def decorate(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
        @wraps(view)
        def wrapper(request: HttpRequest, access: Access, *args: Any, **kwargs: Any) -> HttpResponseBase:
            queries.require_company(access.organisation)
            return view(request, access, *args, **kwargs)

        return organisation_view(min_role)(wrapper)

    return decorate


def _home(org: str) -> str:
    return reverse("covenants:member_home", kwargs={"org": org})


def _memberships(company: Organisation) -> list[dict[str, Any]]:
    rows = []
    for party in queries.memberships_of(company):
        rows.append(
            {
                "party": party,
                "assessments": party.assessments.all(),
                "shared_locations": shared_locations(party.organisation, company),
                "submit_form": forms.SubmitPlanForm(prefix=f"s{party.pk}"),
                "request_form": forms.MemberRequestForm(prefix=f"d{party.pk}"),
                "requests": DocumentRequest.objects.filter(party=party),
            }
        )
    return rows


@require_GET
@member_view()
def home_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    company = access.organisation
    consents = list(queries.consents_given(company))
    context = {
        "consents": consents,
        "flag_forms": {
            consent.pk: forms.ConsentFlagsForm(
                initial={name: getattr(consent, name) for name in actions.CONSENT_FLAGS},
                prefix=f"c{consent.pk}",
            )
            for consent in consents
            if consent.revoked_at is None
        },
        "consent_form": forms.ConsentForm(),
        "memberships": _memberships(company),
    }
    return render(request, "covenants/member_home.html", context)


@require_POST
@member_view(Role.OWNER)
def consent_grant_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    form = forms.ConsentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the form: the covenant's short name is needed."))
        return HttpResponseRedirect(_home(org))
    covenant = Organisation.objects.filter(slug=form.cleaned_data["covenant"], kind="covenant").first()
    if covenant is None:
        messages.error(request, _("There is no covenant with that short name."))
        return HttpResponseRedirect(_home(org))
    try:
        actions.grant_consent(request.user, access.organisation, covenant, form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your consent is recorded. You can change or revoke it at any time."))
    return HttpResponseRedirect(_home(org))


@require_POST
@member_view(Role.OWNER)
def consent_update_view(
    request: HttpRequest, access: Access, org: str, member_consent_id: int
) -> HttpResponse:
    consent = queries.consent_given(access.organisation, member_consent_id)
    form = forms.ConsentFlagsForm(request.POST, prefix=f"c{consent.pk}")
    if form.is_valid():
        try:
            actions.update_consent(request.user, consent, form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your consent is changed."))
    return HttpResponseRedirect(_home(org))


@require_POST
@member_view(Role.OWNER)
def consent_revoke_view(
    request: HttpRequest, access: Access, org: str, member_consent_id: int
) -> HttpResponse:
    consent = queries.consent_given(access.organisation, member_consent_id)
    actions.revoke_consent(request.user, consent)
    messages.success(
        request, _("Consent revoked: your company no longer counts in the covenant's figures and lists.")
    )
    return HttpResponseRedirect(_home(org))


@require_POST
@member_view(Role.EDITOR)
def submit_view(request: HttpRequest, access: Access, org: str, party_id: int) -> HttpResponse:
    party = queries.membership_of(access.organisation, party_id)
    form = forms.SubmitPlanForm(request.POST, request.FILES, prefix=f"s{party.pk}")
    if form.is_valid():
        try:
            actions.submit_plan(
                request.user,
                access.organisation,
                party,
                form.cleaned_data["year"],
                form.cleaned_data["document"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your plan is submitted to the secretariat."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return HttpResponseRedirect(_home(org))


@require_GET
@member_view()
def assessment_view(
    request: HttpRequest, access: Access, org: str, member_assessment_id: int
) -> HttpResponse:
    """The member's own assessment: the verdicts and improvements once a second person approved them."""
    assessment = queries.own_assessment(access.organisation, member_assessment_id)
    approved = assessment.status == "approved"
    criteria = queries.criteria(assessment.organisation)
    context = {
        "assessment": assessment,
        "approved": approved,
        "levels": evaluation.snapshot_levels(assessment.snapshot),
        "verdict_rows": evaluation.verdict_rows(criteria, assessment.verdicts) if approved else [],
        "improvements": queries.improvements(assessment) if approved else [],
    }
    return render(request, "covenants/member_assessment.html", context)


@require_http_methods(["GET", "POST"])
@member_view(Role.EDITOR)
def locations_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    company = access.organisation
    suppliers = Supplier.objects.filter(organisation=company, removed_scan__isnull=True).order_by("name")
    form = forms.LocationDetailForm(request.POST or None, suppliers=suppliers)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        supplier = data.pop("supplier")
        actions.describe_location(request.user, company, supplier, data)
        messages.success(request, _("The production location is saved."))
        return HttpResponseRedirect(reverse("covenants:member_locations", kwargs={"org": org}))
    from imvo.web.covenants.models import LocationDetail

    context = {
        "form": form,
        "details": LocationDetail.objects.filter(organisation=company).select_related("supplier"),
    }
    return render(
        request, "covenants/member_locations.html", context, status=400 if request.method == "POST" else 200
    )


@require_GET
@member_view()
def picture_view(request: HttpRequest, access: Access, org: str, party_id: int) -> HttpResponse:
    """The collective risk picture of a covenant the company is a current, consenting member of."""
    party = queries.membership_of(access.organisation, party_id)
    covenant = party.organisation
    if not queries.contributing_members(covenant).filter(pk=party.pk).exists():
        messages.error(request, _("Only members that share their register see the collective risk picture."))
        return HttpResponseRedirect(_home(org))
    context = picture_context(request, covenant)
    context["party"] = party
    return render(request, "covenants/picture.html", context)


@require_POST
@member_view(Role.EDITOR)
def request_view(request: HttpRequest, access: Access, org: str, party_id: int) -> HttpResponse:
    party = queries.membership_of(access.organisation, party_id)
    form = forms.MemberRequestForm(request.POST, prefix=f"d{party.pk}")
    if form.is_valid():
        try:
            actions.request_document(request.user, access.organisation, party, form.cleaned_data["request"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your request is sent to the secretariat and logged."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return HttpResponseRedirect(_home(org))
