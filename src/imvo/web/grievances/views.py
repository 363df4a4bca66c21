"""Thin views: the public intake and follow-up pages, and the handlers' pages."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from imvo.core.export import neutralise_formula
from imvo.core.grievances import Phase, redact
from imvo.core.grievances.figures import EffectivenessFigures, bar_chart_svg, figures_rows
from imvo.web.accounts.throttle import client_ip
from imvo.web.grievances import actions, case_page, languages, queries
from imvo.web.grievances.figures_pdf import figures_pdf
from imvo.web.grievances.forms import (
    ComplaintForm,
    FollowForm,
    GrantForm,
    LinkForm,
    MechanismForm,
    OutcomeForm,
    RemedyForm,
    ReplyForm,
    SatisfactionForm,
    TransitionForm,
    UpdateForm,
)
from imvo.web.grievances.models import AccessKind, CasePhase, GrievanceCase, GrievanceMechanism, IdentityGrant
from imvo.web.organisations.access import Access, organisation_view
from imvo.web.organisations.models import Membership
from imvo.web.organisations.roles import Role
from imvo.web.security import public_error_text

_Response = TypeVar("_Response", bound=HttpResponseBase)
SESSION_KEY = "grievance_cases"  # {mechanism slug: case id} the visitor proved the access code for


def _no_store(response: _Response) -> _Response:
    # Pages with a complaint or an identity: no browser or proxy may keep a copy.
    response["Cache-Control"] = "no-store"
    return response


# --- public pages ---------------------------------------------------------------------------------
# Each public page is rendered in a language the mechanism offers (see languages.choose), not in the
# workspace's Dutch or English: the menu on the page lists only the mechanism's languages.


def _public_context(mechanism: GrievanceMechanism, language: str) -> dict[str, Any]:
    return {
        "mechanism": mechanism,
        "public_language": language,
        "public_languages": languages.menu(mechanism, language),
        "language_query": f"?{languages.PARAMETER}={language}",
        "introduction": mechanism.introduction_in(language),
    }


def _in_language(language: str, page: Callable[[], _Response]) -> _Response:
    """Run a public page in ``language``; the response says which (Content-Language)."""
    with translation.override(language):
        response = page()
    response["Content-Language"] = language
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def intake(request: HttpRequest, mechanism: str) -> HttpResponseBase:
    found = queries.public_mechanism(mechanism)
    language = languages.choose(request, found)
    return _in_language(language, lambda: _intake(request, found, language))


def _intake(request: HttpRequest, found: GrievanceMechanism, language: str) -> HttpResponseBase:
    context = _public_context(found, language)
    if not found.is_open:
        return render(request, "grievances/public_closed.html", context)
    form = ComplaintForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        client = actions.client_hash(client_ip(request))
        if not actions.submission_allowed(client):
            context["form"] = form
            context["rate_limited"] = True
            return render(request, "grievances/public_intake.html", context, status=429)
        if form.is_bot():
            # Answer like a success so a bot learns nothing; nothing is stored.
            actions.record_public_attempt(client, "submit", True)
            return _no_store(render(request, "grievances/public_received.html", {**context, "case": None}))
        if form.is_valid():
            # Only a complaint that is filed counts: someone correcting their form is not locked out.
            actions.record_public_attempt(client, "submit", True)
            fields = {
                name: value
                for name, value in form.cleaned_data.items()
                if name not in {"attachments", "website"}
            }
            # The page's language is the complainant's: their case page and e-mails keep it.
            case, code = actions.submit_complaint(found, fields, form.cleaned_data["attachments"], language)
            # The code is shown once, on this response only; it is never stored in clear text.
            return _no_store(
                render(
                    request, "grievances/public_received.html", {**context, "case": case, "access_code": code}
                )
            )
    context["form"] = form
    return render(request, "grievances/public_intake.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def follow(request: HttpRequest, mechanism: str) -> HttpResponseBase:
    found = queries.public_mechanism(mechanism)
    language = languages.choose(request, found)
    return _in_language(language, lambda: _follow(request, found, language))


def _follow(request: HttpRequest, found: GrievanceMechanism, language: str) -> HttpResponseBase:
    form = FollowForm(request.POST or None)
    context: dict[str, Any] = {**_public_context(found, language), "form": form}
    if request.method == "POST" and form.is_valid():
        client = actions.client_hash(client_ip(request))
        if not actions.code_attempt_allowed(client):
            # Said before any lookup: the answer cannot tell whether the reference exists.
            context["error"] = _("Too many attempts. Please try again in an hour.")
            return render(request, "grievances/public_follow.html", context, status=429)
        result = actions.open_case_with_code(
            found, form.cleaned_data["reference"], form.cleaned_data["access_code"]
        )
        actions.record_public_attempt(client, "code", result.case is not None)
        if result.case is not None:
            request.session.cycle_key()  # a new session id once the code is proven
            cases = dict(request.session.get(SESSION_KEY, {}))
            cases[found.slug] = result.case.pk
            request.session[SESSION_KEY] = cases
            return redirect("grievances:public_case", mechanism=found.slug)
        context["error"] = _("The reference and access code do not match a case.")
        return render(request, "grievances/public_follow.html", context, status=403)
    return render(request, "grievances/public_follow.html", context)


def _followed_case(request: HttpRequest, mechanism: GrievanceMechanism) -> GrievanceCase | None:
    case_id = request.session.get(SESSION_KEY, {}).get(mechanism.slug)
    if case_id is None:
        return None
    return GrievanceCase.objects.filter(mechanism=mechanism, pk=case_id).first()


@never_cache
@require_http_methods(["GET", "POST"])
def public_case(request: HttpRequest, mechanism: str) -> HttpResponseBase:
    found = queries.public_mechanism(mechanism)
    case = _followed_case(request, found)
    if case is None:
        return redirect("grievances:follow", mechanism=found.slug)
    language = languages.choose(request, found, case.language)
    return _in_language(language, lambda: _public_case(request, found, case, language))


def _case_post(request: HttpRequest, case: GrievanceCase) -> HttpResponseBase | ReplyForm | SatisfactionForm:
    """A post on the complainant's case page: a redirect when done, else the form with its errors."""
    back = redirect("grievances:public_case", mechanism=case.mechanism.slug)
    if "set_language" in request.POST:
        chosen = request.POST["set_language"]
        if chosen in languages.offered(case.mechanism):
            actions.set_case_language(case, chosen)  # the case page and e-mails follow from now on
        return back
    if "satisfaction" in request.POST:
        satisfaction_form = SatisfactionForm(request.POST)
        if not satisfaction_form.is_valid():
            return satisfaction_form
        actions.record_satisfaction(case, satisfaction_form.cleaned_data["satisfaction"])
        messages.success(request, _("Thank you for your answer."))
        return back
    reply_form = ReplyForm(request.POST, request.FILES)
    client = actions.client_hash(client_ip(request))
    if not actions.reply_allowed(client):
        messages.error(request, _("Too many attempts. Please try again in an hour."))
        return back
    if not reply_form.is_valid():
        return reply_form
    actions.record_public_attempt(client, "reply", True)
    actions.add_complainant_reply(
        case, reply_form.cleaned_data["body"], reply_form.cleaned_data["attachments"]
    )
    messages.success(request, _("Your reply was sent."))
    return back


def _public_case(
    request: HttpRequest, found: GrievanceMechanism, case: GrievanceCase, language: str
) -> HttpResponseBase:
    reply_form = ReplyForm()
    satisfaction_form = SatisfactionForm()
    if request.method == "POST":
        if "leave" in request.POST:
            request.session.pop(SESSION_KEY, None)
            return redirect("grievances:follow", mechanism=found.slug)
        outcome = _case_post(request, case)
        if isinstance(outcome, ReplyForm):
            reply_form = outcome
        elif isinstance(outcome, SatisfactionForm):
            satisfaction_form = outcome
        else:
            return outcome
    context = {
        **_public_context(found, language),
        "case": case,
        "updates": case.messages.filter(visible_to_complainant=True),
        "statement": actions.redacted_statement(case) if case.statement_published_at else "",
        "transitions": case.transitions.all(),
        "reply_form": reply_form,
        "satisfaction_form": satisfaction_form,
    }
    return _no_store(render(request, "grievances/public_case.html", context))


@require_GET
def statements(request: HttpRequest, mechanism: str) -> HttpResponse:
    found = queries.public_mechanism(mechanism)
    language = languages.choose(request, found)
    # Never the case reference: it is half of the complainant's key (finding 5 of issue 17).

    def page() -> HttpResponse:
        countries = dict(languages.public_country_choices())
        published = [
            {
                "case": case,
                "text": actions.redacted_statement(case),
                "country": countries.get(case.country, case.country),
            }
            for case in queries.published_statements(found)
        ]
        return render(
            request,
            "grievances/public_statements.html",
            {**_public_context(found, language), "published": published},
        )

    return _in_language(language, page)


# --- handlers: figures (all members) --------------------------------------------------------------
def _phase_labels() -> dict[Phase, str]:
    return {Phase(value): str(label) for value, label in CasePhase.choices}


def _mechanism_filter(request: HttpRequest, access: Access) -> GrievanceMechanism | None:
    raw = request.GET.get("mechanism", "")
    if not raw.isdigit():
        return None
    return queries.mechanism_of(access.organisation, int(raw))


def _charts(figures: EffectivenessFigures) -> list[dict[str, str]]:
    labels = _phase_labels()
    return [
        {"title": _("Cases by theme"), "svg": bar_chart_svg(_("Cases by theme"), figures.by_theme)},
        {"title": _("Cases by country"), "svg": bar_chart_svg(_("Cases by country"), figures.by_country)},
        {
            "title": _("Median days per phase"),
            "svg": bar_chart_svg(
                _("Median days per phase"),
                [(labels[time.phase], time.median_days or 0) for time in figures.phase_times],
            ),
        },
    ]


@organisation_view(Role.VIEWER)
@require_GET
def overview(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    organisation = access.organisation
    mechanism = _mechanism_filter(request, access)
    figures = queries.effectiveness_of(organisation, mechanism)
    labels = _phase_labels()
    context = {
        "mechanisms": queries.mechanisms_of(organisation),
        "selected": mechanism,
        "figures": figures,
        "phase_times": [(labels[time.phase], time) for time in figures.phase_times],
        "charts": _charts(figures),
        "summary": queries.remedy_summary(organisation),
        "can_handle": access.can_edit,
        "is_owner": access.is_owner,
    }
    return render(request, "grievances/overview.html", context)


@organisation_view(Role.VIEWER)
@require_GET
def figures_export(request: HttpRequest, access: Access, org: str, fmt: str) -> HttpResponse:
    mechanism = _mechanism_filter(request, access)
    figures = queries.effectiveness_of(access.organisation, mechanism)
    filename = f"grievance-figures-{org}-{timezone.localdate():%Y%m%d}"
    if fmt == "pdf":
        body = figures_pdf(access.organisation, mechanism, figures, _phase_labels())
        response = HttpResponse(body, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
        return response
    return _table_response(figures_rows(figures, _phase_labels()), filename, fmt)


def _table_response(rows: list[list[str]], filename: str, fmt: str) -> HttpResponse:
    if fmt == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    elif fmt == "csv":
        text = io.StringIO()
        csv.writer(text).writerows(rows)
        response = HttpResponse(text.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


# --- handlers: cases (owners and editors) ---------------------------------------------------------
@organisation_view(Role.EDITOR)
@require_GET
def case_list(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    organisation = access.organisation
    phase = request.GET.get("phase", "open")
    cases = list(
        queries.cases_of(organisation, phase=phase if phase in {*CasePhase.values, "open"} else "")[:500]
    )
    return _no_store(
        render(
            request,
            "grievances/case_list.html",
            {"cases": cases, "phase": phase, "phases": CasePhase.choices},
        )
    )


@organisation_view(Role.EDITOR)
@require_GET
def cases_export(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    """Cases without identity or contact details; free texts redacted."""
    organisation = access.organisation
    actions.log_case_access(request.user, organisation, None, AccessKind.EXPORT)
    rows = [
        [
            "reference",
            "mechanism",
            "received",
            "phase",
            "theme",
            "country",
            "subject",
            "outcome",
            "substantiated",
        ]
    ]
    for case in queries.cases_of(organisation):
        names = [case.complainant_name, case.complainant_organisation]
        rows.append(
            [
                case.reference,
                case.mechanism.name,
                f"{case.received_at:%Y-%m-%d}",
                case.get_phase_display(),
                case.get_theme_display(),
                case.country,
                redact(case.subject, names),
                case.get_outcome_display() if case.outcome else "",
                "" if case.substantiated is None else str(case.substantiated).lower(),
            ]
        )
    safe = [[neutralise_formula(str(cell)) for cell in row] for row in rows]
    return _no_store(_table_response(safe, f"grievance-cases-{org}", "csv"))


@organisation_view(Role.EDITOR)
@require_GET
def case_detail(request: HttpRequest, access: Access, org: str, case_id: int) -> HttpResponse:
    organisation = access.organisation
    case = queries.case_of(organisation, case_id)
    show_identity = queries.can_view_identity(request.user, organisation)
    actions.log_case_access(request.user, organisation, case, AccessKind.VIEW)
    if show_identity and not case.anonymous:
        actions.log_case_access(request.user, organisation, case, AccessKind.VIEW_IDENTITY)
    names = [case.complainant_name, case.complainant_organisation]

    def shown(text: str) -> str:
        # Without the identity permission the complainant's name is redacted from free texts too.
        return text if show_identity else redact(text, names)

    context = {
        "case": case,
        "show_identity": show_identity,
        "description": shown(case.description),
        "desired_outcome": shown(case.desired_outcome),
        "case_messages": [(message, shown(message.body)) for message in case.messages.all()],
        # The real file name may name the complainant: only with the identity permission.
        "attachments": [
            {
                "attachment": attachment,
                "name": attachment.original_name if show_identity else "",
                "kind": attachment.kind_label,
            }
            for attachment in case.attachments.all()
        ],
        # Driven by the phase: where the case stands, what this phase asks, and only its actions.
        "phases": case_page.phase_bar(case),
        "task": case_page.phase_task(case),
        "moves": case_page.moves(case),
        "can": case_page.allowed_actions(case),
        "update_form": UpdateForm(),
        "outcome_applies": actions.outcome_applies(case),
        "remedy_applies": actions.remedy_applies(case),
        "outcome_form": OutcomeForm(
            case=case,
            initial={
                "outcome": case.outcome,
                "statement": case.public_statement,
                "substantiated": case.substantiated,
            },
        ),
        "remedy_form": RemedyForm(),
        "link_form": LinkForm(
            organisation=organisation,
            initial={"supplier": case.supplier, "risk": case.risk, "measure": case.measure},
        ),
        "redacted_statement": actions.redacted_statement(case),
        "accesses": case.accesses.all()[:20],
        # Named in itself ("বাংলা"): handlers see in which language to write updates.
        "case_language": languages.LANGUAGE_NAMES.get(case.language, ""),
        "is_owner": access.is_owner,
        "today": timezone.localdate(),
    }
    # Handlers' pages hold the complaint (and maybe the complainant's identity): never cached.
    return _no_store(render(request, "grievances/case_detail.html", context))


def _back(case: GrievanceCase) -> HttpResponseBase:
    return redirect(reverse("grievances:case", kwargs={"org": case.organisation.slug, "case_id": case.pk}))


@organisation_view(Role.EDITOR)
@require_POST
def case_move(request: HttpRequest, access: Access, org: str, case_id: int) -> HttpResponseBase:
    case = queries.case_of(access.organisation, case_id)
    form = TransitionForm(request.POST, case=case)
    if form.is_valid():
        try:
            actions.move_case(
                request.user, case, Phase(form.cleaned_data["to_phase"]), form.cleaned_data["reason"]
            )
        except actions.TransitionError as error:
            messages.error(request, public_error_text(str(error)))
        else:
            messages.success(
                request, _("The case moved to: %(phase)s.") % {"phase": case.get_phase_display()}
            )
    else:
        messages.error(request, _("Choose a phase and give a reason."))
    return _back(case)


@organisation_view(Role.EDITOR)
@require_POST
def case_update(request: HttpRequest, access: Access, org: str, case_id: int) -> HttpResponseBase:
    case = queries.case_of(access.organisation, case_id)
    form = UpdateForm(request.POST)
    if form.is_valid():
        actions.post_update(
            request.user,
            case,
            form.cleaned_data["body"],
            visible_to_complainant=form.cleaned_data["visible_to_complainant"],
        )
        messages.success(request, _("The message was saved."))
    else:
        messages.error(
            request,
            _("The message was not saved: %(errors)s")
            % {"errors": " ".join(str(error) for errors in form.errors.values() for error in errors)},
        )
    return _back(case)


@organisation_view(Role.EDITOR)
@require_POST
def case_outcome(request: HttpRequest, access: Access, org: str, case_id: int) -> HttpResponseBase:
    case = queries.case_of(access.organisation, case_id)
    if not actions.outcome_applies(case):
        messages.error(
            request, _("An outcome is recorded in the outcome or follow-up phase; move the case there first.")
        )
        return _back(case)
    form = OutcomeForm(request.POST, case=case)
    if form.is_valid():
        try:
            actions.record_outcome(
                request.user,
                case,
                outcome=form.cleaned_data["outcome"],
                statement=form.cleaned_data["statement"],
                substantiated=form.cleaned_data["substantiated"],
            )
        except actions.TransitionError as error:
            messages.error(request, public_error_text(str(error)))
        else:
            messages.success(request, _("The outcome was saved."))
    else:
        messages.error(request, _("Choose one of the outcomes offered for this mechanism."))
    return _back(case)


@organisation_view(Role.EDITOR)
@require_POST
def case_publish(request: HttpRequest, access: Access, org: str, case_id: int) -> HttpResponseBase:
    case = queries.case_of(access.organisation, case_id)
    try:
        actions.publish_statement(request.user, case)
    except actions.TransitionError as error:
        messages.error(request, public_error_text(str(error)))
    else:
        messages.success(request, _("The redacted statement is published."))
    return _back(case)


@organisation_view(Role.EDITOR)
@require_POST
def case_link(request: HttpRequest, access: Access, org: str, case_id: int) -> HttpResponseBase:
    organisation = access.organisation
    case = queries.case_of(organisation, case_id)
    form = LinkForm(request.POST, organisation=organisation)
    if form.is_valid():
        try:
            actions.link_to_register(request.user, case, **form.cleaned_data)
        except actions.TransitionError as error:
            messages.error(request, public_error_text(str(error)))
        else:
            messages.success(request, _("The links to the register were saved."))
    return _back(case)


@organisation_view(Role.EDITOR)
@require_POST
def case_remedy(request: HttpRequest, access: Access, org: str, case_id: int) -> HttpResponseBase:
    case = queries.case_of(access.organisation, case_id)
    if not actions.remedy_applies(case):
        messages.error(
            request, _("A remedy is agreed in the outcome or follow-up phase; move the case there first.")
        )
        return _back(case)
    form = RemedyForm(request.POST)
    if form.is_valid():
        actions.add_remedy(request.user, case, form.cleaned_data)
        messages.success(request, _("The remedy was added."))
    else:
        messages.error(request, _("Choose the kind of remedy and describe it."))
    return _back(case)


@organisation_view(Role.EDITOR)
@require_POST
def remedy_complete(request: HttpRequest, access: Access, org: str, remedy_id: int) -> HttpResponseBase:
    remedy = queries.remedy_of(access.organisation, remedy_id)
    if remedy.completed_on is None:
        try:
            actions.complete_remedy(request.user, remedy, timezone.localdate())
        except actions.TransitionError as error:
            messages.error(request, public_error_text(str(error)))
        else:
            messages.success(request, _("The remedy is recorded as delivered."))
    return _back(remedy.case)


@organisation_view(Role.OWNER)
@require_POST
def case_erase(request: HttpRequest, access: Access, org: str, case_id: int) -> HttpResponseBase:
    case = queries.case_of(access.organisation, case_id)
    actions.erase_personal_data(request.user, case)
    messages.success(request, _("The personal data of this case were erased."))
    return _back(case)


@organisation_view(Role.EDITOR)
@require_GET
def attachment_download(
    request: HttpRequest, access: Access, org: str, attachment_id: int
) -> HttpResponseBase:
    organisation = access.organisation
    attachment = queries.attachment_of(organisation, attachment_id)
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    actions.log_case_access(request.user, organisation, attachment.case, AccessKind.DOWNLOAD)
    # The real file name may name the complainant: only with the identity permission.
    filename = (
        attachment.original_name
        if queries.can_view_identity(request.user, organisation)
        else attachment.anonymous_name
    )
    # Always a download, never rendered inline: an uploaded HTML or SVG cannot run in our origin.
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type="application/octet-stream"
    )
    return _no_store(response)


# --- owners: mechanisms and the identity permission -----------------------------------------------
@organisation_view(Role.OWNER)
@require_http_methods(["GET", "POST"])
def mechanism_new(request: HttpRequest, access: Access, org: str) -> HttpResponseBase:
    form = MechanismForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.create_mechanism(request.user, access.organisation, form.cleaned_data)
        return redirect("grievances:overview", org=org)
    return render(request, "grievances/mechanism_form.html", {"form": form, "mechanism": None})


@organisation_view(Role.OWNER)
@require_http_methods(["GET", "POST"])
def mechanism_edit(request: HttpRequest, access: Access, org: str, mechanism_id: int) -> HttpResponseBase:
    mechanism = queries.mechanism_of(access.organisation, mechanism_id)
    original = GrievanceMechanism.objects.get(pk=mechanism.pk)
    form = MechanismForm(request.POST or None, instance=mechanism)
    if request.method == "POST" and form.is_valid():
        actions.update_mechanism(request.user, original, form.cleaned_data)
        return redirect("grievances:overview", org=org)
    return render(request, "grievances/mechanism_form.html", {"form": form, "mechanism": mechanism})


@organisation_view(Role.OWNER)
@require_http_methods(["GET", "POST"])
def identity_access(request: HttpRequest, access: Access, org: str) -> HttpResponseBase:
    organisation = access.organisation
    form = GrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        membership = (
            Membership.objects.filter(
                organisation=organisation, user__email__iexact=form.cleaned_data["email"]
            )
            .select_related("user")
            .first()
        )
        if membership is None:
            form.add_error("email", _("No member of this organisation has that address."))
        else:
            actions.grant_identity_access(request.user, organisation, membership.user)
            return redirect("grievances:identity_access", org=org)
    return _no_store(
        render(
            request,
            "grievances/identity_access.html",
            {"form": form, "grants": queries.identity_grants_of(organisation)},
        )
    )


@organisation_view(Role.OWNER)
@require_POST
def identity_revoke(request: HttpRequest, access: Access, org: str, grant_id: int) -> HttpResponseBase:
    grant = IdentityGrant.objects.filter(organisation=access.organisation, pk=grant_id).first()
    if grant is None:
        raise Http404
    actions.revoke_identity_access(request.user, grant)
    return redirect("grievances:identity_access", org=org)
