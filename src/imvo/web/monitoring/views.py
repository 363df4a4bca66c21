"""Thin views of the monitoring workspace: forms in, actions called, queries rendered."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_tables2 import RequestConfig  # type: ignore[import-untyped]

from imvo.core.assessment import CRITERION_IDS
from imvo.core.monitoring import (
    OECD_STEPS,
    SizeCriteria,
    figures_csv,
    figures_html,
    figures_xlsx,
    measures_reported,
    nap_elements,
)
from imvo.core.suppliers import InputError
from imvo.web.monitoring import actions, dashboard, forms, queries
from imvo.web.monitoring.filters import PopulationFilterSet
from imvo.web.monitoring.labels import (
    CRITERIA_SET_LABELS,
    CRITERION_LABELS,
    MEASURE_LABELS,
    NAP_ELEMENT_LABELS,
    STATUS_LABELS,
    VERDICT_LABELS,
    group_label,
)
from imvo.web.monitoring.models import ReviewStatus
from imvo.web.monitoring.pdf import monitoring_pdf
from imvo.web.monitoring.register_source import evidence_text
from imvo.web.monitoring.tables import PopulationTable, population_csv
from imvo.web.organisations.access import Access, organisation_view
from imvo.web.organisations.roles import Role

ROWS_PER_PAGE = 50
EXPORTS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "json": "application/json",
}


def _url(name: str, org: str, **kwargs: Any) -> str:
    return reverse(f"monitoring:{name}", kwargs={"org": org, **kwargs})


def _grouped(number: int) -> str:
    """A number grouped as the reader's language writes it (20.000.000 in Dutch)."""
    return formats.number_format(number, force_grouping=True)


def describe_size_criteria(criteria: SizeCriteria) -> str:
    """The criteria in the user's language, e.g. "all of: more than 500 employees, ..."."""
    parts = []
    if criteria.employees_over is not None:
        parts.append(_("more than %(count)s employees") % {"count": _grouped(criteria.employees_over)})
    if criteria.assets_over is not None:
        parts.append(
            _("more than €%(amount)s balance-sheet total") % {"amount": _grouped(round(criteria.assets_over))}
        )
    if criteria.turnover_over is not None:
        parts.append(
            _("more than €%(amount)s turnover") % {"amount": _grouped(round(criteria.turnover_over))}
        )
    if not parts:
        return _("no size thresholds: every company counts")
    if criteria.thresholds_required == len(parts):
        return _("all of: %(thresholds)s") % {"thresholds": "; ".join(parts)}
    return _("at least %(count)s of: %(thresholds)s") % {
        "count": criteria.thresholds_required,
        "thresholds": "; ".join(parts),
    }


def _overview_context(request: HttpRequest, access: Access, **forms_: Any) -> dict[str, Any]:
    organisation = access.organisation
    return {
        "size_criteria": describe_size_criteria(actions.size_criteria_of(organisation)),
        "rounds": queries.rounds(organisation),
        "reference_points": queries.reference_points(organisation),
        "population_count": queries.companies(organisation).count(),
        "in_scope_count": queries.companies(organisation).filter(in_scope=True).count(),
        "import_form": forms_.get("import_form") or forms.PopulationImportForm(),
        "round_form": forms_.get("round_form") or forms.RoundForm(),
        "reference_form": forms_.get("reference_form") or forms.ReferencePointForm(),
        "problems": forms_.get("problems", []),
        "is_monitor": organisation.kind == "monitor",
    }


@require_GET
@organisation_view(Role.VIEWER)
def overview_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    return render(request, "monitoring/overview.html", _overview_context(request, access))


def _population_table(request: HttpRequest, access: Access) -> tuple[PopulationFilterSet, PopulationTable]:
    """The filtered population in the order asked for (the table and its export read the same one)."""
    organisation = access.organisation
    filterset = PopulationFilterSet(
        request.GET, queryset=queries.population(organisation), organisation=organisation
    )
    table = PopulationTable(filterset.qs)
    RequestConfig(request, paginate=False).configure(table)
    return filterset, table


def _query_without(request: HttpRequest, *names: str) -> str:
    """The query string without ``names`` (page links and the export keep the filter)."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def _partial(request: HttpRequest) -> bool:
    # htmx filter requests replace only the results (a history restore needs the whole page).
    return bool(request.headers.get("HX-Request") and not request.headers.get("HX-History-Restore-Request"))


@require_GET
@organisation_view(Role.VIEWER)
def population_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    filterset, table = _population_table(request, access)
    table.paginate(page=request.GET.get("page", 1), per_page=ROWS_PER_PAGE, orphans=0)
    context = {
        "filterset": filterset,
        "table": table,
        "page": table.page,
        "query": _query_without(request, "page"),
        "link_form": forms.LinkPlatformForm(),
    }
    template = "monitoring/population_table.html" if _partial(request) else "monitoring/population.html"
    return render(request, template, context)


@require_GET
@organisation_view(Role.VIEWER)
def population_export_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    """The filtered (and sorted) population as CSV: what the table shows, every page of it."""
    _filterset, table = _population_table(request, access)
    response = HttpResponse(population_csv(table.data.data.iterator()), content_type=EXPORTS["csv"])
    response["Content-Disposition"] = f'attachment; filename="{org}-population.csv"'
    return response


@require_POST
@organisation_view(Role.EDITOR)
def population_import_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    form = forms.PopulationImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            created, updated = actions.import_population(
                request.user, access.organisation, form.cleaned_data["file"]
            )
        except InputError as error:
            context = _overview_context(request, access, import_form=form, problems=error.problems)
            return render(request, "monitoring/overview.html", context, status=400)
        messages.success(
            request,
            _("%(created)s companies added, %(updated)s updated.") % {"created": created, "updated": updated},
        )
        return HttpResponseRedirect(_url("population", org))
    return render(
        request, "monitoring/overview.html", _overview_context(request, access, import_form=form), status=400
    )


@require_POST
@organisation_view(Role.EDITOR)
def company_link_view(request: HttpRequest, access: Access, org: str, company_id: int) -> HttpResponse:
    company = queries.company(access.organisation, company_id)
    form = forms.LinkPlatformForm(request.POST)
    if form.is_valid():
        try:
            actions.link_platform_organisation(
                request.user, access.organisation, company, form.cleaned_data["platform_slug"]
            )
            messages.success(request, _("The company is linked to its organisation on the platform."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Give the short name of an organisation."))
    return HttpResponseRedirect(_url("population", org))


@require_http_methods(["GET", "POST"])
def round_create_view(request: HttpRequest, org: str) -> HttpResponseBase:
    """The "New round" form lives on the overview: a GET (a bookmark, a reload) is sent there."""
    if request.method == "GET":
        return _round_form_redirect(request, org=org)
    return _round_create(request, org=org)


@organisation_view(Role.VIEWER)
def _round_form_redirect(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    return HttpResponseRedirect(_url("overview", org) + "#new-round")


@organisation_view(Role.EDITOR)
def _round_create(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    form = forms.RoundForm(request.POST)
    if form.is_valid():
        try:
            monitoring_round = actions.create_round(
                request.user,
                access.organisation,
                form.cleaned_data["name"].strip(),
                form.cleaned_data["population_size"],
                form.cleaned_data["target"] / 100,
                form.cleaned_data["criteria_sets"],
            )
        except ValidationError as error:
            form.add_error("name", error)
        else:
            return HttpResponseRedirect(_url("round", org, round_id=monitoring_round.pk))
    return render(
        request, "monitoring/overview.html", _overview_context(request, access, round_form=form), status=400
    )


@organisation_view(Role.EDITOR)
def size_criteria_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    """The programme's size criteria (owners and editors); saving recomputes who is in scope."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    organisation = access.organisation
    current = actions.size_criteria_of(organisation)
    status = 200
    if request.method == "POST":
        form = forms.SizeCriteriaForm(request.POST)
        if form.is_valid():
            try:
                _criteria, changed = actions.set_size_criteria(
                    request.user,
                    organisation,
                    form.cleaned_data["employees_over"],
                    form.cleaned_data["assets_over"],
                    form.cleaned_data["turnover_over"],
                    form.cleaned_data["required"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("The size criteria are saved; %(count)s companies changed scope.") % {"count": changed},
                )
                return HttpResponseRedirect(_url("overview", org))
        status = 400
    else:
        form = forms.SizeCriteriaForm(
            initial={
                "employees_over": current.employees_over,
                "assets_over": current.assets_over,
                "turnover_over": current.turnover_over,
                "required": ""
                if current.required is None or current.required == current.thresholds_in_use
                else str(current.required),
            }
        )
    context = {"form": form, "size_criteria": describe_size_criteria(current)}
    return render(request, "monitoring/size_criteria.html", context, status=status)


@require_POST
@organisation_view(Role.EDITOR)
def round_criteria_sets_view(request: HttpRequest, access: Access, org: str, round_id: int) -> HttpResponse:
    monitoring_round = queries.monitoring_round(access.organisation, round_id)
    form = forms.RoundCriteriaSetsForm(request.POST)
    if form.is_valid():
        try:
            actions.set_round_criteria_sets(
                request.user, monitoring_round, form.cleaned_data["criteria_sets"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The round's criteria sets are saved."))
    else:
        messages.error(request, _("Choose at least one criteria set."))
    return HttpResponseRedirect(_url("round", org, round_id=round_id))


@require_POST
@organisation_view(Role.EDITOR)
def reference_create_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    form = forms.ReferencePointForm(request.POST)
    if form.is_valid():
        actions.add_reference_point(
            request.user,
            access.organisation,
            form.cleaned_data["round_name"].strip(),
            form.cleaned_data["share"] / 100,
            form.cleaned_data["source"],
        )
        messages.success(request, _("The reference figure was added."))
        return HttpResponseRedirect(_url("overview", org))
    return render(
        request,
        "monitoring/overview.html",
        _overview_context(request, access, reference_form=form),
        status=400,
    )


def _round_context(
    request: HttpRequest, access: Access, round_id: int, upload_form: forms.DisclosureUploadForm | None = None
) -> dict[str, Any]:
    from imvo.web.jobs.models import Job

    organisation = access.organisation
    monitoring_round = queries.monitoring_round(organisation, round_id)
    measure = request.GET.get("measure", "")
    group = request.GET.get("group", "")
    if measure:
        rows = queries.assessments_behind(organisation, monitoring_round, measure, group)
        figure_label = f"{MEASURE_LABELS.get(measure, measure)}: {group_label(measure, group)}"
    else:
        rows = queries.assessments(organisation, monitoring_round)
        figure_label = ""
    status = request.GET.get("status", "")
    if status in ReviewStatus.values:
        rows = rows.filter(status=status)
    page = Paginator(rows.order_by("company__name", "id"), ROWS_PER_PAGE).get_page(request.GET.get("page"))
    jobs = Job.objects.filter(
        organisation=organisation, kind=actions.ASSESS_JOB, payload__round_id=monitoring_round.pk
    )
    return {
        "round": monitoring_round,
        "page": page,
        "figure_label": figure_label,
        "measure": measure,
        "group": group,
        "status": status,
        "statuses": ReviewStatus.choices,
        "disclosures": queries.disclosures(organisation, monitoring_round)[:ROWS_PER_PAGE],
        "disclosure_count": queries.disclosures(organisation, monitoring_round).count(),
        "job": jobs.order_by("-created_at", "-id").first(),
        "upload_form": upload_form or forms.DisclosureUploadForm(),
        "replace_form": forms.DisclosureReplaceForm(),
        "failed_disclosures": queries.disclosures(organisation, monitoring_round)
        .filter(assessed_at__isnull=False)
        .exclude(error="")[:ROWS_PER_PAGE],
        "criteria_set_labels": [CRITERIA_SET_LABELS.get(key, key) for key in monitoring_round.criteria_sets],
        "criteria_sets_form": forms.RoundCriteriaSetsForm(
            initial={"criteria_sets": list(monitoring_round.criteria_sets)}
        ),
    }


@require_GET
@organisation_view(Role.VIEWER)
def round_view(request: HttpRequest, access: Access, org: str, round_id: int) -> HttpResponse:
    return render(request, "monitoring/round.html", _round_context(request, access, round_id))


@require_POST
@organisation_view(Role.EDITOR)
def disclosure_upload_view(request: HttpRequest, access: Access, org: str, round_id: int) -> HttpResponse:
    monitoring_round = queries.monitoring_round(access.organisation, round_id)
    form = forms.DisclosureUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(
            request, "monitoring/round.html", _round_context(request, access, round_id, form), status=400
        )
    actions.upload_disclosures(
        request.user, access.organisation, monitoring_round, form.cleaned_data["files"]
    )
    messages.success(request, _("The disclosures were uploaded; their assessment is running."))
    return HttpResponseRedirect(_url("round", org, round_id=round_id))


@require_POST
@organisation_view(Role.EDITOR)
def disclosure_remove_view(
    request: HttpRequest, access: Access, org: str, disclosure_id: int
) -> HttpResponse:
    disclosure = queries.disclosure(access.organisation, disclosure_id)
    round_id, name = disclosure.monitoring_round_id, disclosure.original_name
    actions.remove_disclosure(request.user, disclosure)
    messages.success(request, _("The disclosure %(name)s was removed.") % {"name": name})
    return HttpResponseRedirect(_url("round", org, round_id=round_id))


@require_POST
@organisation_view(Role.EDITOR)
def disclosure_replace_view(
    request: HttpRequest, access: Access, org: str, disclosure_id: int
) -> HttpResponse:
    disclosure = queries.disclosure(access.organisation, disclosure_id)
    form = forms.DisclosureReplaceForm(request.POST, request.FILES)
    if not form.is_valid():
        context = _round_context(request, access, disclosure.monitoring_round_id)
        context["replace_form"], context["replace_id"] = form, disclosure.pk
        return render(request, "monitoring/round.html", context, status=400)
    name = disclosure.original_name
    actions.replace_disclosure(request.user, disclosure, form.cleaned_data["file"])
    messages.success(request, _("%(name)s was replaced; the new file is being assessed.") % {"name": name})
    return HttpResponseRedirect(_url("round", org, round_id=disclosure.monitoring_round_id))


@require_POST
@organisation_view(Role.EDITOR)
def assess_registers_view(request: HttpRequest, access: Access, org: str, round_id: int) -> HttpResponse:
    monitoring_round = queries.monitoring_round(access.organisation, round_id)
    count = actions.assess_from_registers(request.user, access.organisation, monitoring_round)
    messages.success(
        request, _("%(count)s companies assessed from their shared registers.") % {"count": count}
    )
    return HttpResponseRedirect(_url("round", org, round_id=round_id))


@require_POST
@organisation_view(Role.EDITOR)
def complete_round_view(request: HttpRequest, access: Access, org: str, round_id: int) -> HttpResponse:
    monitoring_round = queries.monitoring_round(access.organisation, round_id)
    count = actions.complete_round(request.user, access.organisation, monitoring_round)
    messages.success(request, _("%(count)s companies without a disclosure were added.") % {"count": count})
    return HttpResponseRedirect(_url("round", org, round_id=round_id))


def _assessment_context(
    request: HttpRequest, access: Access, assessment_id: int, **forms_: Any
) -> dict[str, Any]:
    assessment = queries.assessment(access.organisation, assessment_id)
    verdict_rows = [
        {
            "id": criterion,
            "label": CRITERION_LABELS.get(criterion, criterion),
            "verdict": VERDICT_LABELS.get(assessment.verdicts.get(criterion, "not_found"), ""),
            "evidence": [
                {**citation, "snippet": evidence_text(citation)}
                for citation in assessment.evidence.get(criterion, [])
            ],
        }
        for criterion in CRITERION_IDS
    ]
    elements = [
        {"element": NAP_ELEMENT_LABELS[element.value], "status": STATUS_LABELS[status.value]}
        for element, status in nap_elements(assessment.verdicts).items()
    ]
    proposal = (
        actions.pending_proposal(assessment) if assessment.status == ReviewStatus.AWAITING_SECOND else None
    )
    return {
        "assessment": assessment,
        "verdict_rows": verdict_rows,
        "steps": [(step, OECD_STEPS[step]) for step in assessment.step_numbers],
        "elements": elements,
        "nap_label": group_label("nap", assessment.nap_class),
        "segment_label": group_label("segment", assessment.segment),
        "decisions": assessment.decisions.select_related("reviewer"),
        "proposal": proposal,
        "proposal_rows": [
            (
                CRITERION_LABELS.get(c, c),
                VERDICT_LABELS.get(assessment.verdicts.get(c, ""), ""),
                VERDICT_LABELS.get(v, v),
            )
            for c, v in (proposal.corrections.items() if proposal else [])
        ],
        "can_decide": proposal is not None and proposal.reviewer_id != request.user.pk,
        "propose_form": forms_.get("propose_form") or forms.ProposeReviewForm(verdicts=assessment.verdicts),
        "decide_form": forms_.get("decide_form") or forms.DecideReviewForm(),
    }


@require_GET
@organisation_view(Role.VIEWER)
def assessment_view(request: HttpRequest, access: Access, org: str, assessment_id: int) -> HttpResponse:
    return render(request, "monitoring/assessment.html", _assessment_context(request, access, assessment_id))


@require_POST
@organisation_view(Role.EDITOR)
def propose_review_view(request: HttpRequest, access: Access, org: str, assessment_id: int) -> HttpResponse:
    assessment = queries.assessment(access.organisation, assessment_id)
    form = forms.ProposeReviewForm(request.POST, verdicts=assessment.verdicts)
    if form.is_valid():
        try:
            actions.propose_review(request.user, assessment, form.corrections(), form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your review is recorded; a second person must now approve it."))
            return HttpResponseRedirect(_url("assessment", org, assessment_id=assessment_id))
    context = _assessment_context(request, access, assessment_id, propose_form=form)
    return render(request, "monitoring/assessment.html", context, status=400)


@require_POST
@organisation_view(Role.EDITOR)
def decide_review_view(request: HttpRequest, access: Access, org: str, assessment_id: int) -> HttpResponse:
    assessment = queries.assessment(access.organisation, assessment_id)
    form = forms.DecideReviewForm(request.POST)
    if form.is_valid():
        try:
            actions.decide_review(
                request.user,
                assessment,
                form.cleaned_data["decision"] == "approve",
                form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The decision is recorded."))
            return HttpResponseRedirect(_url("assessment", org, assessment_id=assessment_id))
    context = _assessment_context(request, access, assessment_id, decide_form=form)
    return render(request, "monitoring/assessment.html", context, status=400)


@require_GET
@organisation_view(Role.VIEWER)
def dashboard_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    organisation = access.organisation
    figures = queries.figures(organisation)
    round_rows = list(queries.rounds(organisation))
    round_ids = {r.name: r.pk for r in round_rows}
    criteria_sets = {r.name: r.criteria_sets for r in round_rows}
    selected = request.GET.get("round") or (figures.rounds[-1] if figures.rounds else "")
    if selected and selected not in figures.rounds:
        raise Http404("No such round.")
    context: dict[str, Any] = {"figures": figures, "selected": selected, "rounds": figures.rounds}
    if selected:
        measures = measures_reported(criteria_sets.get(selected, ()))
        context.update(dashboard.build(org, figures, selected, round_ids, measures))
    return render(request, "monitoring/dashboard.html", context)


@require_GET
@organisation_view(Role.VIEWER)
def export_view(request: HttpRequest, access: Access, org: str, fmt: str) -> HttpResponse:
    if fmt not in EXPORTS:
        raise Http404("No such export format.")
    figures = queries.figures(access.organisation)
    title = _("Monitoring figures: %(organisation)s") % {"organisation": access.organisation.name}
    body: bytes | str
    if fmt == "csv":
        body = figures_csv(figures)
    elif fmt == "xlsx":
        body = figures_xlsx(figures)
    elif fmt == "pdf":
        body = monitoring_pdf(figures, title, access.organisation.name)
    elif fmt == "html":
        body = figures_html(figures, title)
    else:
        import json

        body = json.dumps(figures.to_dict(), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type=EXPORTS[fmt])
    response["Content-Disposition"] = f'attachment; filename="monitoring-{org}.{fmt}"'
    return response


@require_GET
@organisation_view(Role.OWNER)
def consents_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    return render(
        request,
        "monitoring/consents.html",
        {"consents": queries.consents_given(access.organisation), "form": forms.ConsentForm()},
    )


@require_POST
@organisation_view(Role.OWNER)
def consent_grant_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    form = forms.ConsentForm(request.POST)
    if form.is_valid():
        try:
            actions.grant_register_consent(request.user, access.organisation, form.cleaned_data["monitor"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Consent recorded: this monitor may now read your register."))
        return HttpResponseRedirect(_url("consents", org))
    context = {"consents": queries.consents_given(access.organisation), "form": form}
    return render(request, "monitoring/consents.html", context, status=400)


@require_POST
@organisation_view(Role.OWNER)
def consent_revoke_view(request: HttpRequest, access: Access, org: str, consent_id: int) -> HttpResponse:
    consent = queries.consent(access.organisation, consent_id)
    actions.revoke_register_consent(request.user, consent)
    messages.success(request, _("Consent revoked."))
    return HttpResponseRedirect(_url("consents", org))
