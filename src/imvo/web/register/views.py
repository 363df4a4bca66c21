"""Thin views: read through ``queries``, validate with ``forms``, write through ``actions``.

Every organisation page is wrapped in ``organisation_view`` (non-members get 404; read-only roles get
403 on writes). Pages that change data accept POST only from editors and owners.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Paginator
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseRedirect,
    JsonResponse,
    QueryDict,
)
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_tables2 import RequestConfig  # type: ignore[import-untyped]

from imvo.core.suppliers import InputError
from imvo.web.audit.presentation import describe as describe_audit_events
from imvo.web.organisations.access import Access, organisation_view
from imvo.web.organisations.page_cache import cached_part
from imvo.web.organisations.roles import Role
from imvo.web.register import actions, exports, forms, mapping, overview, queries, resolve, scales
from imvo.web.register.filters import FollowUpFilterSet, RiskFilterSet
from imvo.web.register.models import MeasureKind, RiskArea, RiskStatus, Scan, ScanStatus
from imvo.web.register.report import build_report_content, render_report_html
from imvo.web.register.tables import RiskTable
from imvo.web.upload_limits import file_limits

RISKS_PER_PAGE = 50
ROWS_PER_PAGE = 100
#: Rows not recognised offered for correction at once (the rest once the corrected list is merged).
UNMATCHED_PER_PAGE = 50


def _url(name: str, org: str, **kwargs: Any) -> str:
    return reverse(f"register:{name}", kwargs={"org": org, **kwargs})


def _form_page(
    request: HttpRequest, form: Any, title: str, cancel_url: str, *, multipart: bool = False, intro: str = ""
) -> HttpResponse:
    status = 400 if request.method == "POST" else 200  # an invalid POST is re-shown with its errors
    context = {"form": form, "title": title, "cancel_url": cancel_url, "multipart": multipart, "intro": intro}
    return render(request, "register/record_form.html", context, status=status)


# --- Overview ---------------------------------------------------------------------------------
@require_GET
@organisation_view(Role.VIEWER)
def progress_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    if access.organisation.kind == "monitor":
        # A monitor's home is its monitoring workspace; it keeps no register of its own.
        return redirect("monitoring:overview", org=org)
    if access.organisation.kind == "covenant":
        # A covenant's home is its covenant workspace; it keeps no register of its own.
        return redirect("covenants:overview", org=org)
    body = cached_part(
        access,
        "overview",
        "",
        lambda: render_to_string(
            "register/includes/overview_body.html", {"overview": overview.build_overview(access)}
        ),
    )
    return render(request, "register/progress.html", {"overview_body": body})


# --- Step 1 ---------------------------------------------------------------------------------------
@require_GET
@organisation_view(Role.VIEWER)
def policy_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    return render(request, "register/policy.html", {"policies": queries.policies(access.organisation)})


@require_http_methods(["GET", "POST"])
@organisation_view(Role.EDITOR)
def policy_create_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    form = forms.PolicyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        actions.create_policy(request.user, access.organisation, form.cleaned_fields())
        messages.success(request, _("The policy was saved."))
        return HttpResponseRedirect(_url("policy", org))
    return _form_page(request, form, _("New policy"), _url("policy", org), multipart=True)


@require_http_methods(["GET", "POST"])
@organisation_view(Role.EDITOR)
def policy_edit_view(request: HttpRequest, access: Access, org: str, policy_id: int) -> HttpResponse:
    policy = queries.policy(access.organisation, policy_id)
    form = forms.PolicyForm(request.POST or None, request.FILES or None, instance=policy)
    if request.method == "POST" and form.is_valid():
        actions.update_policy(
            request.user,
            access.organisation,
            queries.policy(access.organisation, policy_id),
            form.cleaned_fields(),
        )
        messages.success(request, _("The policy was saved."))
        return HttpResponseRedirect(_url("policy", org))
    return _form_page(request, form, _("Edit policy"), _url("policy", org), multipart=True)


@require_GET
@organisation_view(Role.VIEWER)
def policy_document_view(request: HttpRequest, access: Access, org: str, policy_id: int) -> HttpResponseBase:
    """The uploaded policy document, for members only (uploads are never served directly)."""
    policy = queries.policy(access.organisation, policy_id)
    if not policy.document:
        raise Http404
    return FileResponse(
        policy.document.open("rb"),
        as_attachment=True,
        filename=policy.document_name or policy.document.name or "policy",
    )


# --- Step 2: scans --------------------------------------------------------------------------------
@require_GET
@organisation_view(Role.VIEWER)
def scans_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    scans = queries.scans(access.organisation)[:ROWS_PER_PAGE]
    return render(request, "register/scans.html", {"scans": scans, "form": forms.SupplierListForm()})


@require_http_methods(["GET", "POST"])
@organisation_view(Role.EDITOR)
def scan_upload_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    if request.method == "GET":  # the upload form lives on the scans page
        return HttpResponseRedirect(_url("scans", org))
    form = forms.SupplierListForm(request.POST, request.FILES)
    if not form.is_valid():
        scans = queries.scans(access.organisation)[:ROWS_PER_PAGE]
        return render(request, "register/scans.html", {"scans": scans, "form": form}, status=400)
    upload = form.cleaned_data["file"]
    with _local_copy(upload) as path:
        choose_columns = mapping.needs_column_choice(path, upload.name or "", file_limits())
    if choose_columns:  # the headers are not recognised: the person chooses the columns first
        stored = actions.store_supplier_list(request.user, access.organisation, upload)
        return HttpResponseRedirect(_url("scan_columns", org, upload_id=stored.pk))
    scan = actions.upload_and_scan_supplier_list(request.user, access.organisation, upload)
    messages.success(request, _("The supplier list was uploaded; the scan is running."))
    return HttpResponseRedirect(_url("scan_detail", org, scan_id=scan.pk))


@contextlib.contextmanager
def _local_copy(upload: UploadedFile) -> Iterator[Path]:
    """The uploaded file as a path (a large upload already is one; a small one is written out)."""
    if hasattr(upload, "temporary_file_path"):
        yield Path(upload.temporary_file_path())
        return
    suffix = Path(upload.name or "list.csv").suffix[:10]
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
        handle.flush()
        upload.seek(0)
        yield Path(handle.name)


@require_http_methods(["GET", "POST"])
@organisation_view(Role.EDITOR)
def scan_columns_view(request: HttpRequest, access: Access, org: str, upload_id: int) -> HttpResponse:
    """Choose which column holds what, seeing the first rows; then the list is scanned."""
    stored = queries.supplier_upload(access.organisation, upload_id)
    try:
        preview = mapping.read_preview(Path(stored.file.path), stored.original_name, file_limits())
    except InputError:
        messages.error(request, _("The list can no longer be read. Upload it again."))
        return HttpResponseRedirect(_url("scans", org))
    initial = {field: index for field, index in preview.detected.items()}
    form = forms.ColumnMapForm(request.POST or None, headers=preview.headers, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            # The copy is made while the page waits: bounded like every file read in a request.
            content = mapping.mapped_copy(
                Path(stored.file.path), stored.original_name, form.indexes(), _request_limits()
            )
        except InputError as error:
            context = {"upload": stored, "preview": preview, "form": form}
            return _copy_refused(request, "register/scan_columns.html", error, context)
        scan = resolve.scan_copy(request.user, access.organisation, stored, content, "columns")
        messages.success(request, _("The columns are chosen; the scan is running."))
        return HttpResponseRedirect(_url("scan_detail", org, scan_id=scan.pk))
    context = {"upload": stored, "preview": preview, "form": form}
    return render(
        request, "register/scan_columns.html", context, status=400 if request.method == "POST" else 200
    )


def _request_limits() -> Any:
    return file_limits("IMVO_MAX_FORM_ROWS")


def _copy_refused(
    request: HttpRequest, template: str, error: InputError, context: dict[str, Any]
) -> HttpResponse:
    """A list too large (or no longer readable) to copy while the page waits: said, nothing scanned."""
    problem = error.problems[0] if error.problems else error
    messages.error(request, str(getattr(problem, "message", problem)))
    return render(request, template, context, status=400)


def _scan_context(access: Access, scan: Scan) -> dict[str, Any]:
    """The scan and what may follow it: rows not recognised to correct (a merged list), columns to
    choose (a list that failed because its headers were not recognised)."""
    choose_columns = (
        access.can_edit
        and scan.status == ScanStatus.FAILED
        and mapping.needs_column_choice(Path(scan.upload.file.path), scan.upload.original_name, file_limits())
    )
    unmatched = 0
    if scan.status == ScanStatus.DONE:
        unmatched = queries.unmatched_suppliers(access.organisation, scan).count()
    return {
        "scan": scan,
        "can_edit": access.can_edit,
        "unmatched": unmatched,
        "choose_columns": choose_columns,
    }


@require_GET
@organisation_view(Role.VIEWER)
def scan_detail_view(request: HttpRequest, access: Access, org: str, scan_id: int) -> HttpResponse:
    scan = queries.scan(access.organisation, scan_id)
    return render(request, "register/scan_detail.html", _scan_context(access, scan))


@require_http_methods(["GET", "POST"])
@organisation_view(Role.EDITOR)
def scan_unmatched_view(request: HttpRequest, access: Access, org: str, scan_id: int) -> HttpResponse:
    """The rows of a merged list whose country or product was not recognised, to correct; the
    corrected list is then scanned again and reviewed like any list."""
    scan = queries.scan(access.organisation, scan_id)
    suppliers = list(queries.unmatched_suppliers(access.organisation, scan)[:UNMATCHED_PER_PAGE])
    initial = [{"input_row": supplier.input_row} for supplier in suppliers]
    formset = forms.RowCorrectionFormSet(request.POST or None, initial=initial)
    if request.method == "POST" and formset.is_valid():
        corrections = {
            row["input_row"]: mapping.Correction(row.get("country", ""), row.get("product", "").strip())
            for row in formset.cleaned_data
            if row and (row.get("country") or row.get("product", "").strip())
        }
        if not corrections:
            messages.error(request, _("Correct at least one country or product."))
        else:
            path = Path(scan.upload.file.path)
            try:
                content = mapping.corrected_copy(
                    path, scan.upload.original_name, corrections, _request_limits()
                )
            except InputError as error:
                rows = list(zip(suppliers, formset.forms, strict=False))
                context = {"scan": scan, "rows": rows, "formset": formset}
                return _copy_refused(request, "register/scan_unmatched.html", error, context)
            new_scan = resolve.scan_copy(request.user, access.organisation, scan.upload, content, "corrected")
            messages.success(request, _("The corrected list is being scanned; review it, then merge it."))
            return HttpResponseRedirect(_url("scan_detail", org, scan_id=new_scan.pk))
    rows = list(zip(suppliers, formset.forms, strict=False))
    context = {"scan": scan, "rows": rows, "formset": formset}
    return render(
        request, "register/scan_unmatched.html", context, status=400 if request.method == "POST" else 200
    )


@require_POST
@organisation_view(Role.EDITOR)
def scan_apply_view(request: HttpRequest, access: Access, org: str, scan_id: int) -> HttpResponse:
    """Confirm a reviewed scan: merge it into the register the way the person chose."""
    scan = queries.scan(access.organisation, scan_id)
    form = forms.MergeForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, _("Choose how to merge the list: replace the supplier list or add these suppliers.")
        )
    elif actions.request_apply_scan(request.user, access.organisation, scan, form.cleaned_data["mode"]):
        messages.success(request, _("The list is being merged into the register."))
    else:
        messages.info(request, _("This list is no longer waiting for review."))
    return HttpResponseRedirect(_url("scan_detail", org, scan_id=scan_id))


@require_POST
@organisation_view(Role.EDITOR)
def scan_discard_view(request: HttpRequest, access: Access, org: str, scan_id: int) -> HttpResponse:
    scan = queries.scan(access.organisation, scan_id)
    if actions.discard_scan(request.user, access.organisation, scan):
        messages.success(request, _("The list was discarded; the register was not changed."))
    return HttpResponseRedirect(_url("scans", org))


@require_GET
@organisation_view(Role.VIEWER)
def scan_status_view(request: HttpRequest, access: Access, org: str, scan_id: int) -> HttpResponse:
    """htmx partial polled while the scan runs."""
    scan = queries.scan(access.organisation, scan_id)
    return render(request, "register/scan_status.html", _scan_context(access, scan))


@require_GET
@organisation_view(Role.VIEWER)
def suppliers_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    latest = queries.latest_completed_scan(access.organisation)
    rows = queries.suppliers(access.organisation)
    page = Paginator(rows.order_by("name", "id"), ROWS_PER_PAGE).get_page(request.GET.get("page"))
    unmatched = queries.unmatched_suppliers(access.organisation, latest).count() if latest else 0
    context = {"page": page, "scan": latest, "unmatched": unmatched, "can_edit": access.can_edit}
    return render(request, "register/suppliers.html", context)


# --- Step 2: risks --------------------------------------------------------------------------------
def _risk_filterset(request: HttpRequest, access: Access) -> RiskFilterSet:
    """The filters of the query string over the organisation's register (the list, the view per
    supplier, the heat map and the exports all read the same one)."""
    return RiskFilterSet(request.GET, queryset=queries.risks(access.organisation))


def _query_without(request: HttpRequest, *names: str) -> str:
    """The query string without ``names`` (page links and view switches keep the filter)."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def _heat_map(request: HttpRequest, counts: dict[tuple[int, int], int]) -> dict[str, Any]:
    """Likelihood (columns) × severity (rows, most severe on top): counts per cell, each cell a link
    to the list filtered on it, coloured by the salience band of its likelihood and severity."""
    base = _query_without(request, "page", "likelihood", "severity")
    rows = []
    for severity in range(5, 0, -1):
        cells = []
        for likelihood in range(1, 6):
            cell_query = urlencode({"likelihood": likelihood, "severity": severity})
            salience = scales.salience(scales.level_to_percent(likelihood), scales.level_to_percent(severity))
            count = counts.get((likelihood, severity), 0)
            cells.append(
                {
                    "likelihood": likelihood,
                    "count": count,
                    "band": scales.salience_band(salience),
                    "query": f"{base}&{cell_query}" if base else cell_query,
                    "label": _("Likelihood %(likelihood)s, severity %(severity)s: %(count)s risks")
                    % {"likelihood": likelihood, "severity": severity, "count": count},
                }
            )
        rows.append({"severity": severity, "cells": cells})
    return {"rows": rows, "levels": range(1, 6)}


class _CountedPaginator(Paginator):
    """A paginator told its count (the heat map's query counted the rows already)."""

    def __init__(self, object_list: Any, per_page: int, *, known_count: int) -> None:
        super().__init__(object_list, per_page)
        self.known_count = known_count

    @property
    def count(self) -> int:
        return self.known_count


def _page_number(request: HttpRequest, count: int) -> int:
    """The page asked for, within the pages there are (like ``Paginator.get_page``)."""
    try:
        number = int(request.GET.get("page", 1))
    except ValueError:
        return 1
    return min(max(number, 1), max(1, -(-count // RISKS_PER_PAGE)))


def _partial(request: HttpRequest) -> bool:
    # htmx filter requests replace only the results (a history restore needs the whole page).
    return bool(request.headers.get("HX-Request") and not request.headers.get("HX-History-Restore-Request"))


@dataclass(frozen=True)
class QueryOnly:
    """What a cached part may know of the request: its query string (part of the cache key)."""

    GET: QueryDict


def _register_part(
    request: HttpRequest,
    access: Access,
    name: str,
    templates: tuple[str, str],
    build: Callable[[], dict[str, Any]],
) -> HttpResponse:
    """A view of the register: the results alone for an htmx filter request, else the whole page;
    the part is rendered without the request and kept until the register changes (page_cache)."""
    partial = _partial(request)
    part_template, page_template = templates

    def render_part() -> str:
        context = {
            **build(),
            "current_organisation": access.organisation,
            "current_membership": access.membership,
            # The sort links (django-tables2's querystring tag) read the query, and only the query.
            "request": QueryOnly(request.GET),
        }
        return render_to_string(part_template if partial else f"register/includes/{name}_body.html", context)

    variant = f"{'results' if partial else 'page'}?{request.GET.urlencode()}"
    html = cached_part(access, name, variant, render_part)
    if partial:
        return HttpResponse(html)
    return render(request, page_template, {"body": html})


@require_GET
@organisation_view(Role.VIEWER)
def risks_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    def build() -> dict[str, Any]:
        filterset = _risk_filterset(request, access)
        counts = queries.likelihood_severity_counts(filterset.qs)
        count = sum(counts.values())
        table = RiskTable(filterset.qs, organisation_slug=org)
        RequestConfig(request, paginate=False).configure(table)  # the order asked for
        table.paginate(
            paginator_class=_CountedPaginator,
            per_page=RISKS_PER_PAGE,
            page=_page_number(request, count),
            known_count=count,
        )
        return {
            "filterset": filterset,
            "table": table,
            "page": table.page,
            "heat_map": _heat_map(request, counts),
            "country_theme": queries.country_theme_heat_map(filterset.qs),
            "query": _query_without(request, "page"),
            "filter_query": _query_without(request, "page", "sort"),
            "sort": request.GET.get("sort", ""),
            "view": "list",
        }

    return _register_part(
        request, access, "risks", ("register/risk_table.html", "register/risks.html"), build
    )


@require_GET
@organisation_view(Role.VIEWER)
def risks_by_supplier_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    """One row per supplier with its risks (as filtered) grouped under it, most salient first."""

    def build() -> dict[str, Any]:
        filterset = _risk_filterset(request, access)
        page = Paginator(queries.supplier_groups(filterset.qs), ROWS_PER_PAGE // 4).get_page(
            request.GET.get("page")
        )
        groups = list(page.object_list)
        risks = queries.risks_of_suppliers(filterset.qs, [group["supplier_id"] for group in groups])
        for group in groups:
            group["risks"] = risks[group["supplier_id"]]
            group["band"] = scales.salience_band(group["top_salience"])
        return {
            "filterset": filterset,
            "page": page,
            "groups": groups,
            "query": _query_without(request, "page"),
            "filter_query": _query_without(request, "page", "sort"),
            "view": "suppliers",
        }

    templates = ("register/supplier_groups.html", "register/risks_by_supplier.html")
    return _register_part(request, access, "risks_by_supplier", templates, build)


@require_GET
@organisation_view(Role.VIEWER)
def risks_export_view(request: HttpRequest, access: Access, org: str, file_format: str) -> HttpResponse:
    """The filtered (and sorted) register as CSV or XLSX: what the list shows, every page of it."""
    if file_format not in exports.FORMATS:
        raise Http404
    table = RiskTable(_risk_filterset(request, access).qs, organisation_slug=org)
    RequestConfig(request, paginate=False).configure(table)
    risks = table.data.data
    if file_format == "xlsx" and risks.count() > exports.XLSX_MAX_ROWS:
        messages.error(request, _("Too many risks for one spreadsheet: filter the list or export it as CSV."))
        return HttpResponseRedirect(_url("risks", org) + "?" + _query_without(request, "page"))
    response = HttpResponse(
        exports.export(risks, file_format), content_type=exports.CONTENT_TYPES[file_format]
    )
    filename = f"{org}-risks-{timezone.localdate():%Y-%m-%d}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@organisation_view(Role.VIEWER)
def register_as_of_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    """The register as it stood at a period end: what was known, judged and done by then."""
    form = forms.PeriodEndForm(
        request.GET if "date" in request.GET else None, initial={"date": timezone.localdate()}
    )
    end_date = form.cleaned_data["date"] if form.is_valid() else timezone.localdate()
    end = timezone.make_aware(dt.datetime.combine(end_date, dt.time.max))
    page = Paginator(queries.register_as_of(access.organisation, end), RISKS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "form": form,
        "end_date": end_date,
        "page": page,
        "summary": queries.register_summary_as_of(access.organisation, end),
        "query": urlencode({"date": end_date.isoformat()}),
    }
    return render(request, "register/register_as_of.html", context)


@require_http_methods(["GET", "POST"])
@organisation_view(Role.EDITOR)
def risk_create_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    form = forms.RiskForm(request.POST or None, initial={"area": RiskArea.OWN_OPERATIONS})
    if request.method == "POST" and form.is_valid():
        risk = actions.create_manual_risk(request.user, access.organisation, form.cleaned_data)
        messages.success(request, _("The risk was added to the register."))
        return HttpResponseRedirect(_url("risk_detail", org, risk_id=risk.pk))
    return _form_page(
        request,
        form,
        _("New risk"),
        _url("risks", org),
        intro=_(
            "Risks in your own operations and downstream are entered here; scans add supply-chain risks."
        ),
    )


@require_GET
@organisation_view(Role.VIEWER)
def risk_detail_view(request: HttpRequest, access: Access, org: str, risk_id: int) -> HttpResponse:
    risk = queries.risk(access.organisation, risk_id)
    context = {
        "risk": risk,
        "judgements": queries.judgements_of(risk),
        "measures": queries.measures_of(risk),
        "remediations": queries.remediations_of(risk),
        "engagements": queries.engagements_of(risk),
        "scan_history": queries.scan_history_of(risk),
        "judgement_form": forms.SeverityJudgementForm(),
        "can_edit": access.can_edit,
        "audit_events": describe_audit_events(queries.audit_trail_of(access.organisation, risk)[:50])
        if access.may_see_audit_trail
        else None,
    }
    return render(request, "register/risk_detail.html", context)


@require_http_methods(["GET", "POST"])
@organisation_view(Role.EDITOR)
def risk_edit_view(request: HttpRequest, access: Access, org: str, risk_id: int) -> HttpResponse:
    risk = queries.risk(access.organisation, risk_id)
    form_class = forms.RiskForm if risk.source == "manual" else forms.RiskStatusForm
    form = form_class(request.POST or None, instance=risk)
    if request.method == "POST" and form.is_valid():
        actions.update_risk(
            request.user, access.organisation, queries.risk(access.organisation, risk_id), form.cleaned_data
        )
        messages.success(request, _("The risk was saved."))
        return HttpResponseRedirect(_url("risk_detail", org, risk_id=risk_id))
    return _form_page(request, form, _("Edit risk"), _url("risk_detail", org, risk_id=risk_id))


@require_POST
@organisation_view(Role.EDITOR)
def risk_reopen_view(request: HttpRequest, access: Access, org: str, risk_id: int) -> HttpResponse:
    risk = queries.risk(access.organisation, risk_id)
    if risk.status == RiskStatus.CLOSED:
        actions.reopen_risk(request.user, access.organisation, risk)
        messages.success(request, _("The risk was reopened."))
    return HttpResponseRedirect(_url("risk_detail", org, risk_id=risk_id))


@require_POST
@organisation_view(Role.EDITOR)
def risk_judge_view(request: HttpRequest, access: Access, org: str, risk_id: int) -> HttpResponse:
    risk = queries.risk(access.organisation, risk_id)
    form = forms.SeverityJudgementForm(request.POST)
    if not form.is_valid():
        return _form_page(request, form, _("Judge severity"), _url("risk_detail", org, risk_id=risk_id))
    actions.judge_severity(request.user, access.organisation, risk, form.cleaned_data)
    messages.success(request, _("The severity judgement was recorded."))
    return HttpResponseRedirect(_url("risk_detail", org, risk_id=risk_id))


@require_http_methods(["GET", "POST"])
@organisation_view(Role.EDITOR)
def measure_create_view(request: HttpRequest, access: Access, org: str, risk_id: int) -> HttpResponse:
    risk = queries.risk(access.organisation, risk_id)
    form = forms.MeasureForm(request.POST or None, initial={"kind": MeasureKind.PREVENT})
    if request.method == "POST" and form.is_valid():
        measure = actions.add_measure(request.user, access.organisation, risk, form.cleaned_data)
        messages.success(request, _("The measure was added."))
        return HttpResponseRedirect(_url("measure_detail", org, measure_id=measure.pk))
    return _form_page(
        request,
        form,
        _("New measure for: %(risk)s") % {"risk": risk.heading},
        _url("risk_detail", org, risk_id=risk_id),
    )


@require_http_methods(["GET", "POST"])
@organisation_view(Role.EDITOR)
def remediation_create_view(request: HttpRequest, access: Access, org: str, risk_id: int) -> HttpResponse:
    risk = queries.risk(access.organisation, risk_id)
    form = forms.RemediationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.record_remediation(request.user, access.organisation, risk, form.cleaned_data)
        messages.success(request, _("The remediation record was saved."))
        return HttpResponseRedirect(_url("risk_detail", org, risk_id=risk_id))
    return _form_page(
        request,
        form,
        _("Remediation for: %(risk)s") % {"risk": risk.heading},
        _url("risk_detail", org, risk_id=risk_id),
    )


# --- Step 2: stakeholders -------------------------------------------------------------------------
@require_GET
@organisation_view(Role.VIEWER)
def stakeholders_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    page = Paginator(queries.engagements(access.organisation), ROWS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "register/stakeholders.html", {"page": page})


@require_http_methods(["GET", "POST"])
@organisation_view(Role.EDITOR)
def stakeholder_create_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    form = forms.StakeholderEngagementForm(request.POST or None, risks=queries.risks(access.organisation))
    if request.method == "POST" and form.is_valid():
        actions.log_stakeholder_engagement(request.user, access.organisation, form.cleaned_data)
        messages.success(request, _("The engagement was logged."))
        return HttpResponseRedirect(_url("stakeholders", org))
    return _form_page(request, form, _("Log stakeholder engagement"), _url("stakeholders", org))


@require_http_methods(["GET", "POST"])
@organisation_view(Role.EDITOR)
def stakeholder_edit_view(request: HttpRequest, access: Access, org: str, engagement_id: int) -> HttpResponse:
    engagement = queries.engagement(access.organisation, engagement_id)
    form = forms.StakeholderEngagementForm(
        request.POST or None, instance=engagement, risks=queries.risks(access.organisation)
    )
    if request.method == "POST" and form.is_valid():
        actions.update_stakeholder_engagement(
            request.user,
            access.organisation,
            queries.engagement(access.organisation, engagement_id),
            form.cleaned_data,
        )
        messages.success(request, _("The engagement was saved."))
        return HttpResponseRedirect(_url("stakeholders", org))
    return _form_page(request, form, _("Edit stakeholder engagement"), _url("stakeholders", org))


# --- Steps 3 and 4: measures, indicators, follow-ups ---------------------------------------------
@require_GET
@organisation_view(Role.VIEWER)
def measures_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    page = Paginator(queries.measures(access.organisation), ROWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "register/measures.html", {"page": page})


@require_GET
@organisation_view(Role.VIEWER)
def follow_ups_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    filterset = FollowUpFilterSet(request.GET or None, queryset=queries.follow_ups(access.organisation))
    page = Paginator(filterset.qs, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filter": filterset, "page": page, "query": query.urlencode(), "today": timezone.localdate()}
    return render(request, "register/follow_ups.html", context)


@require_GET
@organisation_view(Role.VIEWER)
def measure_detail_view(request: HttpRequest, access: Access, org: str, measure_id: int) -> HttpResponse:
    measure = queries.measure(access.organisation, measure_id)
    indicators = queries.indicators_of(measure)
    context = {
        "measure": measure,
        "indicators": indicators,
        "follow_ups": queries.follow_ups_of(measure),
        "indicator_form": forms.IndicatorForm(),
        "follow_up_form": forms.FollowUpForm(indicators=indicators),
        "can_edit": access.can_edit,
        "audit_events": describe_audit_events(queries.audit_trail_of(access.organisation, measure)[:50])
        if access.may_see_audit_trail
        else None,
    }
    return render(request, "register/measure_detail.html", context)


@require_http_methods(["GET", "POST"])
@organisation_view(Role.EDITOR)
def measure_edit_view(request: HttpRequest, access: Access, org: str, measure_id: int) -> HttpResponse:
    measure = queries.measure(access.organisation, measure_id)
    form = forms.MeasureForm(request.POST or None, instance=measure)
    if request.method == "POST" and form.is_valid():
        actions.update_measure(
            request.user,
            access.organisation,
            queries.measure(access.organisation, measure_id),
            form.cleaned_data,
        )
        messages.success(request, _("The measure was saved."))
        return HttpResponseRedirect(_url("measure_detail", org, measure_id=measure_id))
    return _form_page(request, form, _("Edit measure"), _url("measure_detail", org, measure_id=measure_id))


@require_POST
@organisation_view(Role.EDITOR)
def indicator_create_view(request: HttpRequest, access: Access, org: str, measure_id: int) -> HttpResponse:
    measure = queries.measure(access.organisation, measure_id)
    form = forms.IndicatorForm(request.POST)
    if not form.is_valid():
        return _form_page(
            request, form, _("New indicator"), _url("measure_detail", org, measure_id=measure_id)
        )
    actions.add_indicator(request.user, access.organisation, measure, form.cleaned_data)
    messages.success(request, _("The indicator was added."))
    return HttpResponseRedirect(_url("measure_detail", org, measure_id=measure_id))


@require_POST
@organisation_view(Role.EDITOR)
def follow_up_create_view(request: HttpRequest, access: Access, org: str, measure_id: int) -> HttpResponse:
    measure = queries.measure(access.organisation, measure_id)
    form = forms.FollowUpForm(request.POST, indicators=queries.indicators_of(measure))
    if not form.is_valid():
        return _form_page(
            request, form, _("New follow-up"), _url("measure_detail", org, measure_id=measure_id)
        )
    actions.record_follow_up(request.user, access.organisation, measure, form.cleaned_data)
    messages.success(request, _("The follow-up was recorded."))
    return HttpResponseRedirect(_url("measure_detail", org, measure_id=measure_id))


@require_http_methods(["GET", "POST"])
@organisation_view(Role.EDITOR)
def follow_up_edit_view(request: HttpRequest, access: Access, org: str, follow_up_id: int) -> HttpResponse:
    follow_up = queries.follow_up(access.organisation, follow_up_id)
    measure_url = _url("measure_detail", org, measure_id=follow_up.measure_id)
    form = forms.FollowUpForm(
        request.POST or None, instance=follow_up, indicators=queries.indicators_of(follow_up.measure)
    )
    if request.method == "POST" and form.is_valid():
        actions.update_follow_up(
            request.user,
            access.organisation,
            queries.follow_up(access.organisation, follow_up_id),
            form.cleaned_data,
        )
        messages.success(request, _("The follow-up was saved."))
        return HttpResponseRedirect(measure_url)
    return _form_page(request, form, _("Edit follow-up"), measure_url)


# --- Step 6 ---------------------------------------------------------------------------------------
@require_GET
@organisation_view(Role.VIEWER)
def remediation_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    page = Paginator(queries.remediations(access.organisation), ROWS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "register/remediation.html", {"page": page})


@require_http_methods(["GET", "POST"])
@organisation_view(Role.EDITOR)
def remediation_edit_view(
    request: HttpRequest, access: Access, org: str, remediation_id: int
) -> HttpResponse:
    remediation = queries.remediation(access.organisation, remediation_id)
    form = forms.RemediationForm(request.POST or None, instance=remediation)
    if request.method == "POST" and form.is_valid():
        actions.update_remediation(
            request.user,
            access.organisation,
            queries.remediation(access.organisation, remediation_id),
            form.cleaned_data,
        )
        messages.success(request, _("The remediation record was saved."))
        return HttpResponseRedirect(_url("remediation", org))
    return _form_page(request, form, _("Edit remediation record"), _url("remediation", org))


# --- Step 5 ---------------------------------------------------------------------------------------
@require_GET
@organisation_view(Role.VIEWER)
def reports_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    organisation = access.organisation
    context = {
        "reports": queries.published_reports(organisation),
        "form": forms.PublishReportForm(
            initial={"title": _("Due-diligence report %(name)s") % {"name": organisation.name}}
        ),
    }
    return render(request, "register/reports.html", context)


@require_GET
@organisation_view(Role.VIEWER)
def report_preview_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    content = build_report_content(
        access.organisation, title=_("Preview"), version=0, published_at=timezone.now()
    )
    return render(request, "register/report_preview.html", {"body": render_report_html(content)})


@require_POST
@organisation_view(Role.OWNER)
def report_publish_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    form = forms.PublishReportForm(request.POST)
    if not form.is_valid():
        context = {"reports": queries.published_reports(access.organisation), "form": form}
        return render(request, "register/reports.html", context, status=400)
    report = actions.publish_report(request.user, access.organisation, form.cleaned_data["title"])
    messages.success(request, _("Version %(version)s was published.") % {"version": report.version})
    return HttpResponseRedirect(reverse("register:public_report", kwargs={"public_id": report.public_id}))


def _public(view: Any) -> Any:
    view.public_view = True  # read by the permission test: published reports are meant for everyone
    return view


@_public
@require_GET
def public_report_view(request: HttpRequest, public_id: str) -> HttpResponse:
    report = queries.published_report_by_public_id(public_id)
    response = render(request, "register/report_public.html", {"report": report})
    response["Cache-Control"] = "public, max-age=3600"
    return response


@_public
@require_GET
def public_report_pdf_view(request: HttpRequest, public_id: str) -> HttpResponse:
    report = queries.published_report_by_public_id(public_id)
    if not report.pdf:
        raise Http404
    response = HttpResponse(bytes(report.pdf), content_type="application/pdf")
    filename = f"{report.organisation.slug}-report-v{report.version}-{report.published_at:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@_public
@require_GET
def openapi_schema_view(request: HttpRequest) -> HttpResponse:
    """The API's OpenAPI schema: public documentation, like any API reference."""
    from imvo.web.register.api import api

    return JsonResponse(api.get_openapi_schema(path_prefix="/api/v1/"))
