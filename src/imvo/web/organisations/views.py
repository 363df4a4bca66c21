"""Organisation overview, members, invitations and API tokens."""

from __future__ import annotations

from django.contrib import messages
from django.core.mail import send_mail
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from imvo.web.audit.trail import record_audit_event
from imvo.web.organisations.access import organisation_view
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
        membership.role = new_role
        membership.save(update_fields=["role"])
        record_audit_event(
            request.user, organisation, "change_role", membership, {"role": [old_role, new_role]}
        )
    messages.success(request, _("The role was changed."))
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
        membership.delete()
    messages.success(request, _("The member was removed."))
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
