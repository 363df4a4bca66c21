"""Organisation overview, members, invitations and API tokens."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from imvo.web.audit.models import AuditEvent
from imvo.web.audit.presentation import describe, object_type_label
from imvo.web.organisations import actions
from imvo.web.organisations.access import AUDIT_TRAIL_ROLES, Access, organisation_view
from imvo.web.organisations.forms import ApiTokenForm, InvitationForm, RoleForm
from imvo.web.organisations.models import ApiToken, Invitation, Membership
from imvo.web.organisations.roles import Role


@require_GET
@organisation_view(Role.VIEWER)
def overview_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    return render(request, "organisations/overview.html")


@require_GET
@organisation_view(Role.VIEWER)
def members_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    organisation = access.organisation
    memberships = (
        Membership.objects.filter(organisation=organisation).select_related("user").order_by("user__email")
    )
    context = {
        "memberships": memberships,
        "invitations": Invitation.objects.open().filter(organisation=organisation),
        "invitation_form": InvitationForm(),
        "roles": Role.choices,
    }
    return render(request, "organisations/members.html", context)


@require_POST
@organisation_view(Role.OWNER)
def invite_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    form = InvitationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The invitation was not sent: check the e-mail address and role."))
        return redirect("organisations:members", org=org)
    email = form.cleaned_data["email"].strip().lower()
    if Membership.objects.filter(organisation=access.organisation, user__email__iexact=email).exists():
        messages.info(request, _("%(email)s is already a member.") % {"email": email})
        return redirect("organisations:members", org=org)
    actions.invite_member(request.user, access.organisation, email, form.cleaned_data["role"])
    messages.success(request, _("An invitation was sent to %(email)s.") % {"email": email})
    return redirect("organisations:members", org=org)


@require_POST
@organisation_view(Role.OWNER)
def revoke_invitation_view(
    request: HttpRequest, access: Access, org: str, invitation_id: int
) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation.objects.open(), pk=invitation_id, organisation=access.organisation
    )
    actions.revoke_invitation(request.user, access.organisation, invitation)
    messages.success(request, _("The invitation was withdrawn."))
    return redirect("organisations:members", org=org)


def _tell_revoked(request: HttpRequest, count: int) -> None:
    if count:
        messages.info(
            request,
            ngettext(
                "%(count)s API token this member made was revoked.",
                "%(count)s API tokens this member made were revoked.",
                count,
            )
            % {"count": count},
        )


@require_POST
@organisation_view(Role.OWNER)
def change_role_view(request: HttpRequest, access: Access, org: str, membership_id: int) -> HttpResponse:
    membership = get_object_or_404(Membership, pk=membership_id, organisation=access.organisation)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid role."))
        return redirect("organisations:members", org=org)
    try:
        revoked = actions.change_role(
            request.user, access.organisation, membership, form.cleaned_data["role"]
        )
    except actions.LastOwnerError:
        messages.error(request, _("An organisation needs at least one owner."))
        return redirect("organisations:members", org=org)
    messages.success(request, _("The role was changed."))
    _tell_revoked(request, revoked)
    return redirect("organisations:members", org=org)


@require_POST
@organisation_view(Role.OWNER)
def remove_member_view(request: HttpRequest, access: Access, org: str, membership_id: int) -> HttpResponse:
    membership = get_object_or_404(
        Membership.objects.select_related("user"), pk=membership_id, organisation=access.organisation
    )
    try:
        revoked = actions.remove_member(request.user, access.organisation, membership)
    except actions.LastOwnerError:
        messages.error(request, _("An organisation needs at least one owner."))
        return redirect("organisations:members", org=org)
    messages.success(request, _("The member was removed."))
    _tell_revoked(request, revoked)
    return redirect("organisations:members", org=org)


@organisation_view(Role.OWNER)
def api_tokens_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    new_secret = None
    if request.method == "POST":
        if form.is_valid():
            _token, new_secret = actions.create_api_token(
                request.user, access.organisation, form.cleaned_data["name"], form.cleaned_data["role"]
            )
            form = ApiTokenForm()
    elif request.method != "GET":
        raise Http404
    tokens = ApiToken.objects.filter(
        organisation=access.organisation, revoked_at__isnull=True
    ).select_related("created_by")
    return render(
        request, "organisations/api_tokens.html", {"form": form, "tokens": tokens, "new_secret": new_secret}
    )


@require_POST
@organisation_view(Role.OWNER)
def revoke_api_token_view(request: HttpRequest, access: Access, org: str, token_id: int) -> HttpResponse:
    token = get_object_or_404(
        ApiToken, pk=token_id, organisation=access.organisation, revoked_at__isnull=True
    )
    actions.revoke_api_token(request.user, access.organisation, token)
    messages.success(request, _("The token was revoked."))
    return redirect("organisations:api_tokens", org=org)


# --- The audit trail page ---------------------------------------------------------------------------
# Here, not in the audit app: the audit app records events for every app and sits below them all;
# this page belongs to the organisation's workspace and its access rules.
AUDIT_PAGE_SIZE = 50


@require_GET
@organisation_view(roles=AUDIT_TRAIL_ROLES)
def audit_trail_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    organisation = access.organisation
    events = AuditEvent.objects.filter(organisation=organisation)
    object_type = request.GET.get("type", "").strip()
    if object_type:
        events = events.filter(object_type=object_type)
    object_types = (
        AuditEvent.objects.filter(organisation=organisation)
        .order_by("object_type")
        .values_list("object_type", flat=True)
        .distinct()
    )
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/trail.html",
        {
            "page": page,
            "rows": describe(page),
            "object_types": [(name, object_type_label(name)) for name in object_types],
            "selected_type": object_type,
        },
    )
