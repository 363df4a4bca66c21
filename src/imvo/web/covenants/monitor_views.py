"""A monitor organisation's page: sharing its population with covenants for their evaluation."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from imvo.web.covenants import actions, forms, queries
from imvo.web.organisations.access import Access, organisation_view
from imvo.web.organisations.models import Organisation
from imvo.web.organisations.roles import Role


def _require_monitor(access: Access) -> None:
    if access.organisation.kind != "monitor":
        raise Http404("Not a monitor.")


def _page(org: str) -> str:
    return reverse("covenants:population_shares", kwargs={"org": org})


@require_GET
@organisation_view(Role.OWNER)
def shares_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    _require_monitor(access)
    context = {"shares": queries.population_shares(access.organisation), "form": forms.PopulationShareForm()}
    return render(request, "covenants/population_shares.html", context)


@require_POST
@organisation_view(Role.OWNER)
def share_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    _require_monitor(access)
    form = forms.PopulationShareForm(request.POST)
    covenant = None
    if form.is_valid():
        covenant = Organisation.objects.filter(slug=form.cleaned_data["covenant"], kind="covenant").first()
    if covenant is None:
        messages.error(request, _("There is no covenant with that short name."))
        return HttpResponseRedirect(_page(org))
    try:
        actions.share_population(request.user, access.organisation, covenant)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The covenant may now compare its members with your population."))
    return HttpResponseRedirect(_page(org))


@require_POST
@organisation_view(Role.OWNER)
def stop_view(request: HttpRequest, access: Access, org: str, monitor_share_id: int) -> HttpResponse:
    _require_monitor(access)
    actions.stop_sharing_population(
        request.user, queries.population_share(access.organisation, monitor_share_id)
    )
    messages.success(request, _("Sharing stopped."))
    return HttpResponseRedirect(_page(org))
