"""Thin views: read through ``queries``, present with ``presentation``, write through ``actions``.

Every page is wrapped in ``organisation_view``: non-members get 404, read-only roles get 403 on writes.
GET never writes; the page evaluates live and only an editor's POST (or a change of facts) stores a
snapshot.
"""

from __future__ import annotations

import json
from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from imvo.core.obligations.declaration import draft_wzk_declaration
from imvo.web.obligations import actions, forms, legal_queries, presentation, queries, summary
from imvo.web.obligations.models import Tender
from imvo.web.obligations.register_facts import open_child_labour_risks
from imvo.web.organisations.access import Access, organisation_view
from imvo.web.organisations.roles import Role


def _url(name: str, org: str) -> str:
    return reverse(f"obligations:{name}", kwargs={"org": org})


def _as_of(raw: str | None) -> date:
    """The evaluation date asked for (``?as_of=YYYY-MM-DD``), else today."""
    if raw:
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    return timezone.localdate()


@require_GET
@organisation_view(Role.VIEWER)
def overview_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    as_of = _as_of(request.GET.get("as_of"))
    evaluation = queries.evaluate_organisation(access.organisation, as_of)
    changes = queries.changes_since_last_snapshot(access.organisation, evaluation.result)
    open_risks = open_child_labour_risks(access.organisation)
    law = legal_queries.changes_by_ruleset(
        str(c.new) for c in changes or [] if c.kind == "ruleset_version_changed"
    )
    context = {
        "child_labour_warning": forms.child_labour_warning(open_risks) if open_risks else "",
        "as_of": as_of,
        "result": evaluation.result,
        "glance": summary.at_a_glance(evaluation, org, as_of),
        "groups": presentation.obligations_overview(evaluation, org),
        "provisional_note": presentation.provisional_note(),
        "changes": [presentation.describe_change(c, law) for c in changes] if changes else [],
        "never_recorded": changes is None,
        "can_edit": access.can_edit,
        "imports_known": evaluation.imports is not None,
    }
    return render(request, "obligations/overview.html", context)


@require_POST
@organisation_view(Role.EDITOR)
def evaluate_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    snapshot, created = actions.record_snapshot(
        request.user, access.organisation, _as_of(request.POST.get("as_of"))
    )
    if created:
        messages.success(request, _("The evaluation was recorded."))
    else:
        messages.info(request, _("Nothing changed since the last recorded evaluation."))
    return HttpResponseRedirect(_url("history", org))


@require_GET
@organisation_view(Role.VIEWER)
def profile_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    profile = queries.profile_of(access.organisation)
    form = forms.ProfileForm(instance=profile)
    facts = []
    for name in actions.PROFILE_FIELDS:
        value = getattr(profile, name) if profile is not None else None
        if isinstance(value, list):
            value = ", ".join(value)
        if name == "country" and value:
            value = dict(form.fields["country"].choices).get(value, value)  # type: ignore[attr-defined]
        facts.append({"name": name, "label": form.fields[name].label, "value": value})
    context = {"facts": facts, "tenders": queries.tenders(access.organisation), "can_edit": access.can_edit}
    return render(request, "obligations/profile.html", context)


@require_http_methods(["GET", "POST"])
@organisation_view(Role.EDITOR)
def profile_edit_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    form = forms.ProfileForm(
        request.POST or None,
        instance=queries.profile_of(access.organisation),
        organisation=access.organisation,
    )
    if request.method == "POST" and form.is_valid():
        actions.update_profile(request.user, access.organisation, form.cleaned_data)
        actions.record_snapshot(request.user, access.organisation, timezone.localdate())
        messages.success(request, _("The legal facts were saved."))
        return HttpResponseRedirect(_url("overview", org))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "obligations/form.html",
        {
            "form": form,
            "title": _("Edit the legal facts"),
            "cancel_url": _url("profile", org),
            "warning": form.child_labour_warning,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@organisation_view(Role.EDITOR)
def tender_create_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    form = forms.TenderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.add_tender(request.user, access.organisation, form.cleaned_data)
        actions.record_snapshot(request.user, access.organisation, timezone.localdate())
        messages.success(request, _("The tender was added."))
        return HttpResponseRedirect(_url("profile", org) + "#tenders")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "obligations/form.html",
        {"form": form, "title": _("Add a public tender"), "cancel_url": _url("profile", org)},
        status=status,
    )


@require_POST
@organisation_view(Role.EDITOR)
def tender_delete_view(request: HttpRequest, access: Access, org: str, tender_id: int) -> HttpResponse:
    tender = get_object_or_404(Tender, organisation=access.organisation, pk=tender_id)
    actions.delete_tender(request.user, access.organisation, tender)
    actions.record_snapshot(request.user, access.organisation, timezone.localdate())
    messages.success(request, _("The tender was removed."))
    return HttpResponseRedirect(_url("profile", org) + "#tenders")


@require_GET
@organisation_view(Role.VIEWER)
def imports_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    uploads = list(queries.import_uploads(access.organisation)[:20])
    latest = uploads[0] if uploads else None
    context = {
        "latest": latest,
        "lines": list(queries.import_lines(latest)) if latest else [],
        "earlier": uploads[1:],
        "profile": queries.profile_of(access.organisation),
        "can_edit": access.can_edit,
    }
    return render(request, "obligations/imports.html", context)


@require_http_methods(["GET", "POST"])
@organisation_view(Role.EDITOR)
def imports_upload_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    form = forms.ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        actions.upload_imports(request.user, access.organisation, upload.name, form.records)
        actions.record_snapshot(request.user, access.organisation, timezone.localdate())
        messages.success(request, _("%(count)s import records were stored.") % {"count": len(form.records)})
        return HttpResponseRedirect(_url("imports", org))
    status = 400 if request.method == "POST" else 200
    return render(
        request, "obligations/imports_upload.html", {"form": form, "problems": form.problems}, status=status
    )


@require_GET
@organisation_view(Role.VIEWER)
def history_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    history = queries.history(access.organisation)
    law = legal_queries.changes_by_ruleset(entry.snapshot.ruleset_version for entry in history)
    entries = [
        {
            "entry": entry,
            "changes": [presentation.describe_change(c, law) for c in entry.changes],
            "ruleset": legal_queries.ruleset_label(entry.snapshot.ruleset_version),
        }
        for entry in history
    ]
    return render(request, "obligations/history.html", {"entries": entries, "can_edit": access.can_edit})


@require_GET
@organisation_view(Role.VIEWER)
def legal_basis_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    ruleset = legal_queries.effective_ruleset()
    language = presentation.user_language()
    context = {
        "rules": presentation.legal_basis_rules(ruleset, language),
        "annex": [presentation.annex_row(line, language) for line in ruleset.annex],
        "version": ruleset.version,
        "version_label": legal_queries.ruleset_label(ruleset.version),
        "base_version": ruleset.base_version,
        "base_version_label": legal_queries.ruleset_label(ruleset.base_version),
        "operator_values": len(ruleset.operator_values),
        "is_installation_admin": legal_queries.is_installation_admin(request.user),
    }
    return render(request, "obligations/legal_basis.html", context)


@require_GET
@organisation_view(Role.VIEWER)
def cmr_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    """The Conflict Minerals Regulation for an importer: kilograms per year and Annex I line."""
    as_of = _as_of(request.GET.get("as_of"))
    evaluation = queries.evaluate_organisation(access.organisation, as_of)
    context = {
        **presentation.cmr_page(evaluation, org),
        "as_of": as_of,
        "provisional_note": presentation.provisional_note(),
        "imports_known": evaluation.imports is not None,
        "can_edit": access.can_edit,
    }
    return render(request, "obligations/cmr.html", context)


@require_GET
@organisation_view(Role.VIEWER)
def declaration_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    as_of = _as_of(request.GET.get("as_of"))
    evaluation = queries.evaluate_organisation(access.organisation, as_of)
    text = draft_wzk_declaration(
        evaluation.company,
        evaluation.register.values,
        as_of,
        open_child_labour_risks=open_child_labour_risks(access.organisation),
    )
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="wzk-declaration-{org}-{as_of.isoformat()}.md"'
    return response


@require_GET
@organisation_view(Role.VIEWER)
def result_json_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    as_of = _as_of(request.GET.get("as_of"))
    result = queries.evaluate_organisation(access.organisation, as_of).result
    response = HttpResponse(
        json.dumps(result.to_dict(), indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="obligations-{org}-{as_of.isoformat()}.json"'
    return response
