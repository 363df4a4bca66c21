"""Sign-in (with throttling and the optional second factor), sign-up by invitation, 2FA enrolment."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from imvo.web.accounts import actions, throttle, totp
from imvo.web.accounts.forms import LoginForm, SignUpForm, TotpCodeForm
from imvo.web.accounts.models import User
from imvo.web.organisations.access import organisations_of
from imvo.web.organisations.models import Invitation, hash_token
from imvo.web.site import site_url

PENDING_USER_KEY = "imvo_pending_user"
PENDING_SINCE_KEY = "imvo_pending_since"
PENDING_NEXT_KEY = "imvo_pending_next"
SECOND_FACTOR_SECONDS = 300  # a password check is good for five minutes of entering the code
TOTP_SETUP_SESSION_KEY = "imvo_totp_setup"


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse(settings.LOGIN_REDIRECT_URL)


@sensitive_post_parameters("password")
@never_cache
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    form = LoginForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].strip().lower()
        # The attempt is reserved (counted) before the password is checked: parallel guesses
        # cannot all pass the count first.
        attempt = throttle.reserve_attempt(email, throttle.client_ip(request))
        if attempt is None:
            form.add_error(None, _("Too many failed attempts. Wait a quarter of an hour and try again."))
            status = 429
        else:
            user = authenticate(request, username=email, password=form.cleaned_data["password"])
            if user is None:
                form.add_error(None, _("The e-mail address or the password is wrong."))
            elif isinstance(user, User) and user.totp_enabled:
                throttle.release_attempt(attempt)
                # The password was right; the session is not logged in until the code is checked.
                request.session.cycle_key()
                request.session[PENDING_USER_KEY] = user.pk
                request.session[PENDING_SINCE_KEY] = time.time()
                request.session[PENDING_NEXT_KEY] = _safe_next(request, next_url)
                return redirect("accounts:login_verify")
            else:
                throttle.clear_failures(email)
                login(request, user)
                return HttpResponseRedirect(_safe_next(request, next_url))
    return render(request, "accounts/login.html", {"form": form, "next": next_url}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def login_verify_view(request: HttpRequest) -> HttpResponse:
    user_id = request.session.get(PENDING_USER_KEY)
    since = float(request.session.get(PENDING_SINCE_KEY, 0))
    if user_id is None or time.time() - since > SECOND_FACTOR_SECONDS:
        request.session.pop(PENDING_USER_KEY, None)
        messages.info(request, _("Please sign in again."))
        return redirect("accounts:login")
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return redirect("accounts:login")
    form = TotpCodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        attempt = throttle.reserve_attempt(user.email, throttle.client_ip(request))
        if attempt is None:
            form.add_error(None, _("Too many failed attempts. Wait a quarter of an hour and try again."))
            status = 429
        elif totp.verify_and_consume(user, form.cleaned_data["code"]):
            next_url = request.session.get(PENDING_NEXT_KEY) or reverse(settings.LOGIN_REDIRECT_URL)
            for key in (PENDING_USER_KEY, PENDING_SINCE_KEY, PENDING_NEXT_KEY):
                request.session.pop(key, None)
            throttle.clear_failures(user.email)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return HttpResponseRedirect(next_url)
        else:
            form.add_error("code", _("This code is not valid. Check the time on your phone and try again."))
    return render(request, "accounts/login_verify.html", {"form": form}, status=status)


@login_required
def home_view(request: HttpRequest) -> HttpResponse:
    organisations = organisations_of(request.user)
    if len(organisations) == 1 and "all" not in request.GET:
        return redirect("organisations:overview", org=organisations[0].slug)
    return render(request, "accounts/home.html", {"organisations": organisations})


@sensitive_post_parameters("password1", "password2")
@never_cache
@require_http_methods(["GET", "POST"])
def accept_invitation_view(request: HttpRequest, token: str) -> HttpResponse:
    invitation = (
        Invitation.objects.open().select_related("organisation").filter(token_hash=hash_token(token)).first()
    )
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    existing = User.objects.filter(email__iexact=invitation.email).first()
    if existing is not None:
        # Someone who already has an account joins after signing in as that account.
        if not request.user.is_authenticated:
            messages.info(
                request, _("Sign in with %(email)s to accept the invitation.") % {"email": invitation.email}
            )
            return redirect(f"{reverse('accounts:login')}?next={request.path}")
        if request.user.pk != existing.pk:
            return render(request, "accounts/invitation_invalid.html", {"wrong_account": True}, status=403)
        if request.method == "POST":
            actions.accept_invitation(invitation, existing)
            messages.success(request, _("You joined %(name)s.") % {"name": invitation.organisation.name})
            return redirect("organisations:overview", org=invitation.organisation.slug)
        return render(request, "accounts/invitation_join.html", {"invitation": invitation})
    form = SignUpForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        user = actions.sign_up_by_invitation(
            invitation,
            form.cleaned_data["password1"],
            form.cleaned_data["first_name"],
            form.cleaned_data["last_name"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome to %(name)s.") % {"name": invitation.organisation.name})
        return redirect("organisations:overview", org=invitation.organisation.slug)
    return render(request, "accounts/signup.html", {"form": form, "invitation": invitation})


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_view(request: HttpRequest) -> HttpResponse:
    """Enrol (scan a secret, confirm one code) or switch off the second factor (with a code)."""
    user = request.user
    assert isinstance(user, User)
    form = TotpCodeForm(request.POST or None)
    context: dict[str, Any] = {"form": form}
    if user.totp_enabled:
        if request.method == "POST" and form.is_valid():
            if totp.verify_and_consume(user, form.cleaned_data["code"]):
                actions.disable_two_factor(user)
                messages.success(request, _("Two-factor authentication is off."))
                return redirect("accounts:two_factor")
            form.add_error("code", _("This code is not valid."))
        return render(request, "accounts/two_factor.html", context)
    secret = request.session.get(TOTP_SETUP_SESSION_KEY) or totp.new_secret()
    request.session[TOTP_SETUP_SESSION_KEY] = secret
    if request.method == "POST" and form.is_valid():
        counter = totp.matching_counter(secret, form.cleaned_data["code"])
        if counter is not None:
            actions.enable_two_factor(user, secret, counter)
            request.session.pop(TOTP_SETUP_SESSION_KEY, None)
            messages.success(
                request, _("Two-factor authentication is on. You will be asked for a code at sign-in.")
            )
            return redirect("accounts:two_factor")
        form.add_error("code", _("This code is not valid. Check the time on your phone and try again."))
    context.update({"secret": secret, "provisioning_uri": totp.provisioning_uri(user, secret)})
    return render(request, "accounts/two_factor.html", context)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset view, with the link in the e-mail built from ``IMVO_SITE_URL``.

    Django would take the host from the request; the configured address is what people use (and
    what a proxy's ``Host`` header may not be).
    """

    def form_valid(self, form: Any) -> HttpResponse:
        self.extra_email_context = {**(self.extra_email_context or {}), "site_url": site_url()}
        return super().form_valid(form)
