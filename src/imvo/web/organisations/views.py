"""Organisation overview, members, invitations and API tokens."""

from __future__ import annotations

from django.contrib import messages
from django.core.mail import send_mail
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from imvo.web.audit.models import AuditEvent
from imvo.web.audit.presentation import describe, object_type_label
from imvo.web.audit.trail import record_audit_event
from imvo.web.organisations.access import ROLE_CAN_SEE_AUDIT_TRAIL, organisation_view
from imvo.web.organisations.forms import ApiTokenForm, InvitationForm, RoleForm
from imvo.web.organisations.models import ApiToken, Invitation, Membership, Role
from imvo.web.site import absolute_reverse


@require_GET
@organisation_view("viewer")
def overview_view(request: HttpRequest, org: str) -> HttpResponse:
    return render(request, "organisations/overview.html")


@require_GET
@organisation_view("viewer")
def members_view(request: HttpRequest, org: str) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
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
@organisation_view("owner")
def invite_view(request: HttpRequest, org: str) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    form = InvitationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The invitation was not sent: check the e-mail address and role."))
        return redirect("organisations:members", org=org)
    email = form.cleaned_data["email"].strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        messages.info(request, _("%(email)s is already a member.") % {"email": email})
        return redirect("organisations:members", org=org)
    with transaction.atomic():
        invitation, token = Invitation.issue(organisation, email, form.cleaned_data["role"], request.user)
        record_audit_event(
            request.user, organisation, "invite", invitation, {"email": email, "role": invitation.role}
        )
    link = absolute_reverse("accounts:accept_invitation", token=token)
    body = render_to_string(
        "organisations/invitation_email.txt",
        {"organisation": organisation, "invitation": invitation, "link": link, "inviter": request.user},
    )
    send_mail(_("Invitation to %(name)s on imvo") % {"name": organisation.name}, body, None, [email])
    messages.success(request, _("An invitation was sent to %(email)s.") % {"email": email})
    return redirect("organisations:members", org=org)


@require_POST
@organisation_view("owner")
def revoke_invitation_view(request: HttpRequest, org: str, invitation_id: int) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    invitation = get_object_or_404(Invitation.objects.open(), pk=invitation_id, organisation=organisation)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    record_audit_event(request.user, organisation, "revoke", invitation, {"email": invitation.email})
    messages.success(request, _("The invitation was withdrawn."))
    return redirect("organisations:members", org=org)


def _owner_count(organisation_id: int) -> int:
    return Membership.objects.filter(organisation_id=organisation_id, role=Role.OWNER).count()


def _revoke_tokens(request: HttpRequest, membership: Membership, role: str | None, reason: str) -> int:
    """A member's API tokens end with the membership, or when the new role may not hold them."""
    revoked = ApiToken.revoke_for_member(membership.organisation_id, membership.user_id, role)
    for token in revoked:
        record_audit_event(
            request.user, membership.organisation, "revoke", token, {"name": token.name, "reason": reason}
        )
    return len(revoked)


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
@organisation_view("owner")
def change_role_view(request: HttpRequest, org: str, membership_id: int) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    membership = get_object_or_404(Membership, pk=membership_id, organisation=organisation)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid role."))
        return redirect("organisations:members", org=org)
    new_role = form.cleaned_data["role"]
    with transaction.atomic():
        if membership.role == Role.OWNER and new_role != Role.OWNER and _owner_count(organisation.pk) <= 1:
            messages.error(request, _("An organisation needs at least one owner."))
            return redirect("organisations:members", org=org)
        old_role = membership.role
        revoked = _revoke_tokens(request, membership, new_role, "role changed")
        membership.role = new_role
        membership.save(update_fields=["role"])
        record_audit_event(
            request.user, organisation, "change_role", membership, {"role": [old_role, new_role]}
        )
    messages.success(request, _("The role was changed."))
    _tell_revoked(request, revoked)
    return redirect("organisations:members", org=org)


@require_POST
@organisation_view("owner")
def remove_member_view(request: HttpRequest, org: str, membership_id: int) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    membership = get_object_or_404(
        Membership.objects.select_related("user"), pk=membership_id, organisation=organisation
    )
    with transaction.atomic():
        if membership.role == Role.OWNER and _owner_count(organisation.pk) <= 1:
            messages.error(request, _("An organisation needs at least one owner."))
            return redirect("organisations:members", org=org)
        record_audit_event(
            request.user,
            organisation,
            "remove",
            membership,
            {"email": membership.user.email, "role": membership.role},
        )
        revoked = _revoke_tokens(request, membership, None, "membership ended")
        membership.delete()
    messages.success(request, _("The member was removed."))
    _tell_revoked(request, revoked)
    return redirect("organisations:members", org=org)


@organisation_view("owner")
def api_tokens_view(request: HttpRequest, org: str) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    form = ApiTokenForm(request.POST or None)
    new_secret = None
    if request.method == "POST":
        if form.is_valid():
            token, new_secret = ApiToken.issue(
                organisation, form.cleaned_data["name"], form.cleaned_data["role"], request.user
            )
            record_audit_event(
                request.user, organisation, "create", token, {"name": token.name, "role": token.role}
            )
            form = ApiTokenForm()
    elif request.method != "GET":
        raise Http404
    tokens = ApiToken.objects.filter(organisation=organisation, revoked_at__isnull=True).select_related(
        "created_by"
    )
    return render(
        request, "organisations/api_tokens.html", {"form": form, "tokens": tokens, "new_secret": new_secret}
    )


@require_POST
@organisation_view("owner")
def revoke_api_token_view(request: HttpRequest, org: str, token_id: int) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    token = get_object_or_404(ApiToken, pk=token_id, organisation=organisation, revoked_at__isnull=True)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record_audit_event(request.user, organisation, "revoke", token, {"name": token.name})
    messages.success(request, _("The token was revoked."))
    return redirect("organisations:api_tokens", org=org)


# --- The audit trail page ---------------------------------------------------------------------------
# Here, not in the audit app: the audit app records events for every app and sits below them all;
# this page belongs to the organisation's workspace and its access rules.
AUDIT_PAGE_SIZE = 50


@require_GET
@organisation_view(roles=ROLE_CAN_SEE_AUDIT_TRAIL)
def audit_trail_view(request: HttpRequest, org: str) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
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
