"""The installation administrators' pages for legal values (``/legal-values/``).

Only administrators of the installation (Django staff or superusers) may open them; organisation users
get 403 and anonymous visitors the login page. Four eyes: a proposal takes effect only when a second
administrator approves it; the page shows its effect on every organisation's result before approval.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from imvo.core.obligations import load_ruleset
from imvo.core.obligations.engine import value_label
from imvo.core.obligations.legal_values import find_target
from imvo.web.obligations import forms, legal_actions, legal_queries, presentation
from imvo.web.obligations.models import LegalValueBatch, LegalValueChange


def installation_admin_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not legal_queries.is_installation_admin(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _target_or_404(rule_id: str, name: str) -> Any:
    target = find_target(load_ruleset(), rule_id, name)
    if target is None:
        raise Http404("No such legal value.")
    return target


def _target_view(target: Any, language: str) -> dict[str, Any]:
    label = value_label(target.name).text(language)
    if target.annex_line is not None:
        line = target.annex_line
        label += f" ({(line.item_nl or line.item) if language == 'nl' else line.item})"
    return {
        "rule_id": target.rule_id,
        "name": target.name,
        "label": label,
        "unit": presentation.unit_label(target.unit),
        "shipped": [presentation.legal_value_row(value, language) for value in target.shipped],
        "verified": any(value.status == "confirmed" and value.value is not None for value in target.shipped),
        "dated": target.dated,
    }


@require_GET
@installation_admin_view
def legal_values_view(request: HttpRequest) -> HttpResponse:
    language = presentation.user_language()
    effective = legal_queries.effective_ruleset()
    rows = []
    for row in legal_queries.target_rows():
        view = _target_view(row.target, language)
        view.update(
            approved=[presentation.change_summary(c) for c in row.approved],
            approved_changes=row.approved,
            pending=row.pending,
        )
        rows.append(view)
    context = {
        "rows": rows,
        "pending": _summaries(legal_queries.pending_changes()),
        "recent": _summaries(legal_queries.recent_changes(50)),
        "batches": list(legal_queries.batches()),
        "events": [
            {"event": event, "summary": presentation.change_summary(event.change) if event.change else ""}
            for event in legal_queries.events(100)
        ],
        "version": effective.version,
        "version_label": legal_queries.ruleset_label(effective.version),
        "base_version": effective.base_version,
        "base_version_label": legal_queries.ruleset_label(effective.base_version),
        "user_label": request.user.get_username(),
    }
    return render(request, "obligations/legal_values.html", context)


def _summaries(changes: Any) -> list[dict[str, Any]]:
    return [{"change": change, "summary": presentation.change_summary(change)} for change in changes]


@require_http_methods(["GET", "POST"])
@installation_admin_view
def legal_value_propose_view(request: HttpRequest) -> HttpResponse:
    rule_id = request.GET.get("rule", "") or request.POST.get("rule", "")
    name = request.GET.get("name", "") or request.POST.get("name", "")
    target = _target_or_404(rule_id, name)
    view = _target_view(target, presentation.user_language())
    form = forms.LegalValueForm(request.POST or None, rule_id=rule_id, name=name)
    if not target.dated:  # one value for all time: no period to give
        del form.fields["valid_from"], form.fields["valid_until"]
    if not view["verified"]:  # nothing verified to override
        del form.fields["override_verified"]
    if request.method == "POST" and form.is_valid():
        try:
            change = legal_actions.propose_value(request.user, form.row)
        except legal_actions.LegalValueRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Proposed. It takes effect once another administrator approves it."))
            return HttpResponseRedirect(reverse("obligations:legal_value_change", args=[change.pk]))
    context = {"form": form, "target": view}
    status = 400 if request.method == "POST" else 200
    return render(request, "obligations/legal_value_form.html", context, status=status)


@require_GET
@installation_admin_view
def legal_value_change_view(request: HttpRequest, change_id: int) -> HttpResponse:
    change = get_object_or_404(LegalValueChange, pk=change_id)
    pending = change.state == LegalValueChange.State.PENDING
    impact = legal_actions.preview(change) if pending else change.impact
    context = {
        "change": change,
        "summary": presentation.change_summary(change),
        "target": _target_view(_target_or_404(change.rule_id, change.name), presentation.user_language()),
        "impact": _impact_view(impact),
        "pending": pending,
        "own": legal_actions.is_proposer(request.user, change),
        "events": list(change.events.all()),
        "decision_form": forms.LegalValueRejectForm(),
    }
    return render(request, "obligations/legal_value_change.html", context)


def _impact_view(impact: dict[str, Any]) -> dict[str, Any]:
    organisations = []
    for item in impact.get("organisations", []):
        lines = [presentation.describe_change(_Change(**change)) for change in item.get("changes", [])]
        organisations.append({"name": item["name"], "slug": item["slug"], "changes": lines})
    return {
        "as_of": presentation.shown_day(impact.get("as_of", "")),
        "before": impact.get("ruleset_before", ""),
        "after": impact.get("ruleset_after", ""),
        "before_label": legal_queries.ruleset_label(impact.get("ruleset_before", "")),
        "after_label": legal_queries.ruleset_label(
            impact.get("ruleset_after", ""), _("the rules with this change")
        ),
        "organisations": organisations,
        "changed": sum(1 for item in organisations if item["changes"]),
    }


class _Change:
    """A stored change of a result (``Change.to_dict()``) read back for ``describe_change``."""

    def __init__(self, kind: str, rule_id: str, obligation_id: str | None, old: Any, new: Any) -> None:
        self.kind, self.rule_id, self.obligation_id, self.old, self.new = (
            kind,
            rule_id,
            obligation_id,
            old,
            new,
        )


def _decide(
    request: HttpRequest, change_id: int, decide: Callable[[LegalValueChange], Any], done: str
) -> HttpResponse:
    change = get_object_or_404(LegalValueChange, pk=change_id)
    try:
        decide(change)
    except legal_actions.LegalValueRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, done)
    return HttpResponseRedirect(reverse("obligations:legal_value_change", args=[change.pk]))


@require_POST
@installation_admin_view
def legal_value_approve_view(request: HttpRequest, change_id: int) -> HttpResponse:
    return _decide(
        request,
        change_id,
        lambda change: legal_actions.approve(request.user, change),
        _("Approved: the value is in effect and the rule set has a new version."),
    )


@require_POST
@installation_admin_view
def legal_value_reject_view(request: HttpRequest, change_id: int) -> HttpResponse:
    reason = request.POST.get("decision_reason", "")
    return _decide(
        request,
        change_id,
        lambda change: legal_actions.reject(request.user, change, reason),
        _("Rejected."),
    )


@require_POST
@installation_admin_view
def legal_value_withdraw_view(request: HttpRequest, change_id: int) -> HttpResponse:
    return _decide(
        request,
        change_id,
        lambda change: legal_actions.withdraw(request.user, change),
        _("Withdrawn."),
    )


@require_http_methods(["GET", "POST"])
@installation_admin_view
def legal_value_revert_view(request: HttpRequest) -> HttpResponse:
    rule_id = request.GET.get("rule", "") or request.POST.get("rule", "")
    name = request.GET.get("name", "") or request.POST.get("name", "")
    target = _target_or_404(rule_id, name)
    period = (
        request.GET.get("valid_from") or request.POST.get("valid_from") or None,
        request.GET.get("valid_until") or request.POST.get("valid_until") or None,
    )
    try:
        valid_from, valid_until = (date.fromisoformat(p) if p else None for p in period)
    except ValueError as error:
        raise Http404("No such period.") from error
    form = forms.LegalValueRevertForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            change = legal_actions.propose_revert(
                request.user, rule_id, name, valid_from, valid_until, form.cleaned_data["note"]
            )
        except legal_actions.LegalValueRefused as refused:
            form.add_error(None, str(refused))
        else:
            return HttpResponseRedirect(reverse("obligations:legal_value_change", args=[change.pk]))
    context = {
        "form": form,
        "target": _target_view(target, presentation.user_language()),
        "valid_from": valid_from,
        "valid_until": valid_until,
    }
    return render(request, "obligations/legal_value_revert.html", context, status=400 if form.errors else 200)


@require_GET
@installation_admin_view
def legal_value_batch_view(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = get_object_or_404(LegalValueBatch, pk=batch_id)
    changes = list(batch.changes.order_by("id"))
    context = {
        "batch": batch,
        "changes": [{"change": c, "summary": presentation.change_summary(c)} for c in changes],
        "pending": [c for c in changes if c.state == LegalValueChange.State.PENDING],
        "own": batch.loaded_by_id == request.user.pk,
    }
    return render(request, "obligations/legal_value_batch.html", context)


@require_POST
@installation_admin_view
def legal_value_batch_approve_view(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = get_object_or_404(LegalValueBatch, pk=batch_id)
    try:
        approved = legal_actions.approve_batch(request.user, batch)
    except legal_actions.LegalValueRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("%(count)s values approved.") % {"count": len(approved)})
    return HttpResponseRedirect(reverse("obligations:legal_value_batch", args=[batch.pk]))
