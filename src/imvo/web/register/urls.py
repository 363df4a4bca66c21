from __future__ import annotations

from django.urls import path

from imvo.web.register import views
from imvo.web.register.api import api

app_name = "register"

O = "o/<slug:org>/"

urlpatterns = [
    path(O, views.progress_view, name="progress"),
    path(O + "policy/", views.policy_view, name="policy"),
    path(O + "policy/new/", views.policy_create_view, name="policy_create"),
    path(O + "policy/<int:policy_id>/edit/", views.policy_edit_view, name="policy_edit"),
    path(O + "scans/", views.scans_view, name="scans"),
    path(O + "scans/upload/", views.scan_upload_view, name="scan_upload"),
    path(O + "scans/<int:scan_id>/", views.scan_detail_view, name="scan_detail"),
    path(O + "scans/<int:scan_id>/status/", views.scan_status_view, name="scan_status"),
    path(O + "suppliers/", views.suppliers_view, name="suppliers"),
    path(O + "risks/", views.risks_view, name="risks"),
    path(O + "risks/new/", views.risk_create_view, name="risk_create"),
    path(O + "risks/<int:risk_id>/", views.risk_detail_view, name="risk_detail"),
    path(O + "risks/<int:risk_id>/edit/", views.risk_edit_view, name="risk_edit"),
    path(O + "risks/<int:risk_id>/judge/", views.risk_judge_view, name="risk_judge"),
    path(O + "risks/<int:risk_id>/measures/new/", views.measure_create_view, name="measure_create"),
    path(O + "risks/<int:risk_id>/remediation/new/", views.remediation_create_view, name="remediation_create"),
    path(O + "stakeholders/", views.stakeholders_view, name="stakeholders"),
    path(O + "stakeholders/new/", views.stakeholder_create_view, name="stakeholder_create"),
    path(O + "stakeholders/<int:engagement_id>/edit/", views.stakeholder_edit_view, name="stakeholder_edit"),
    path(O + "measures/", views.measures_view, name="measures"),
    path(O + "measures/<int:measure_id>/", views.measure_detail_view, name="measure_detail"),
    path(O + "measures/<int:measure_id>/edit/", views.measure_edit_view, name="measure_edit"),
    path(O + "measures/<int:measure_id>/indicators/new/", views.indicator_create_view, name="indicator_create"),
    path(O + "measures/<int:measure_id>/follow-ups/new/", views.follow_up_create_view, name="follow_up_create"),
    path(O + "follow-ups/<int:follow_up_id>/edit/", views.follow_up_edit_view, name="follow_up_edit"),
    path(O + "remediation/", views.remediation_view, name="remediation"),
    path(O + "remediation/<int:remediation_id>/edit/", views.remediation_edit_view, name="remediation_edit"),
    path(O + "reports/", views.reports_view, name="reports"),
    path(O + "reports/preview/", views.report_preview_view, name="report_preview"),
    path(O + "reports/publish/", views.report_publish_view, name="report_publish"),
    path("r/<str:public_id>/", views.public_report_view, name="public_report"),
    path("r/<str:public_id>/report.pdf", views.public_report_pdf_view, name="public_report_pdf"),
    path("api/v1/", api.urls),
]
