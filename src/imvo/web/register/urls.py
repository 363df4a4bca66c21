from __future__ import annotations

from django.urls import path

from imvo.web.register import api_docs, views
from imvo.web.register.api import api

app_name = "register"

ORG = "o/<slug:org>/"

urlpatterns = [
    path(ORG, views.progress_view, name="progress"),
    path(ORG + "policy/", views.policy_view, name="policy"),
    path(ORG + "policy/new/", views.policy_create_view, name="policy_create"),
    path(ORG + "policy/<int:policy_id>/edit/", views.policy_edit_view, name="policy_edit"),
    path(ORG + "policy/<int:policy_id>/document/", views.policy_document_view, name="policy_document"),
    path(ORG + "scans/", views.scans_view, name="scans"),
    path(ORG + "scans/upload/", views.scan_upload_view, name="scan_upload"),
    path(ORG + "scans/lists/<int:upload_id>/columns/", views.scan_columns_view, name="scan_columns"),
    path(ORG + "scans/<int:scan_id>/", views.scan_detail_view, name="scan_detail"),
    path(ORG + "scans/<int:scan_id>/unmatched/", views.scan_unmatched_view, name="scan_unmatched"),
    path(ORG + "scans/<int:scan_id>/status/", views.scan_status_view, name="scan_status"),
    path(ORG + "scans/<int:scan_id>/apply/", views.scan_apply_view, name="scan_apply"),
    path(ORG + "scans/<int:scan_id>/discard/", views.scan_discard_view, name="scan_discard"),
    path(ORG + "suppliers/", views.suppliers_view, name="suppliers"),
    path(ORG + "risks/", views.risks_view, name="risks"),
    path(ORG + "risks/new/", views.risk_create_view, name="risk_create"),
    path(ORG + "risks/by-supplier/", views.risks_by_supplier_view, name="risks_by_supplier"),
    path(ORG + "risks/export.<str:file_format>", views.risks_export_view, name="risks_export"),
    path(ORG + "risks/as-of/", views.register_as_of_view, name="register_as_of"),
    path(ORG + "risks/<int:risk_id>/", views.risk_detail_view, name="risk_detail"),
    path(ORG + "risks/<int:risk_id>/edit/", views.risk_edit_view, name="risk_edit"),
    path(ORG + "risks/<int:risk_id>/judge/", views.risk_judge_view, name="risk_judge"),
    path(ORG + "risks/<int:risk_id>/reopen/", views.risk_reopen_view, name="risk_reopen"),
    path(ORG + "risks/<int:risk_id>/measures/new/", views.measure_create_view, name="measure_create"),
    path(
        ORG + "risks/<int:risk_id>/remediation/new/", views.remediation_create_view, name="remediation_create"
    ),
    path(ORG + "stakeholders/", views.stakeholders_view, name="stakeholders"),
    path(ORG + "stakeholders/new/", views.stakeholder_create_view, name="stakeholder_create"),
    path(
        ORG + "stakeholders/<int:engagement_id>/edit/", views.stakeholder_edit_view, name="stakeholder_edit"
    ),
    path(ORG + "measures/", views.measures_view, name="measures"),
    path(ORG + "measures/<int:measure_id>/", views.measure_detail_view, name="measure_detail"),
    path(ORG + "measures/<int:measure_id>/edit/", views.measure_edit_view, name="measure_edit"),
    path(
        ORG + "measures/<int:measure_id>/indicators/new/",
        views.indicator_create_view,
        name="indicator_create",
    ),
    path(
        ORG + "measures/<int:measure_id>/follow-ups/new/",
        views.follow_up_create_view,
        name="follow_up_create",
    ),
    path(ORG + "follow-ups/", views.follow_ups_view, name="follow_ups"),
    path(ORG + "follow-ups/<int:follow_up_id>/edit/", views.follow_up_edit_view, name="follow_up_edit"),
    path(ORG + "remediation/", views.remediation_view, name="remediation"),
    path(
        ORG + "remediation/<int:remediation_id>/edit/", views.remediation_edit_view, name="remediation_edit"
    ),
    path(ORG + "reports/", views.reports_view, name="reports"),
    path(ORG + "reports/preview/", views.report_preview_view, name="report_preview"),
    path(ORG + "reports/publish/", views.report_publish_view, name="report_publish"),
    path("r/<str:public_id>/", views.public_report_view, name="public_report"),
    path("r/<str:public_id>/report.pdf", views.public_report_pdf_view, name="public_report_pdf"),
    # GET only (ninja's own schema view answers any method); shadows ninja's route of the same path.
    path("api/v1/openapi.json", views.openapi_schema_view, name="api_schema"),
    path("api-reference/", api_docs.api_docs_view, name="api_docs"),
    path("api/v1/", api.urls),
]
