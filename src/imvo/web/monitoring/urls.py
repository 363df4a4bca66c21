from __future__ import annotations

from django.urls import path

from imvo.web.monitoring import views

app_name = "monitoring"

BASE = "o/<slug:org>/monitoring/"

urlpatterns = [
    path(BASE, views.overview_view, name="overview"),
    path(BASE + "population/", views.population_view, name="population"),
    path(BASE + "population/export.csv", views.population_export_view, name="population_export"),
    path(BASE + "population/import/", views.population_import_view, name="population_import"),
    path(BASE + "companies/<int:company_id>/link/", views.company_link_view, name="company_link"),
    path(BASE + "size-criteria/", views.size_criteria_view, name="size_criteria"),
    path(BASE + "rounds/new/", views.round_create_view, name="round_create"),
    path(BASE + "reference/new/", views.reference_create_view, name="reference_create"),
    path(BASE + "rounds/<int:round_id>/", views.round_view, name="round"),
    path(BASE + "rounds/<int:round_id>/disclosures/", views.disclosure_upload_view, name="disclosure_upload"),
    path(
        BASE + "disclosures/<int:disclosure_id>/remove/",
        views.disclosure_remove_view,
        name="disclosure_remove",
    ),
    path(
        BASE + "disclosures/<int:disclosure_id>/replace/",
        views.disclosure_replace_view,
        name="disclosure_replace",
    ),
    path(
        BASE + "rounds/<int:round_id>/criteria-sets/",
        views.round_criteria_sets_view,
        name="round_criteria_sets",
    ),
    path(BASE + "rounds/<int:round_id>/registers/", views.assess_registers_view, name="assess_registers"),
    path(BASE + "rounds/<int:round_id>/complete/", views.complete_round_view, name="complete_round"),
    path(BASE + "assessments/<int:assessment_id>/", views.assessment_view, name="assessment"),
    path(BASE + "assessments/<int:assessment_id>/propose/", views.propose_review_view, name="propose_review"),
    path(BASE + "assessments/<int:assessment_id>/decide/", views.decide_review_view, name="decide_review"),
    path(BASE + "dashboard/", views.dashboard_view, name="dashboard"),
    path(BASE + "dashboard/export.<str:fmt>", views.export_view, name="export"),
    path(BASE + "sharing/", views.consents_view, name="consents"),
    path(BASE + "sharing/grant/", views.consent_grant_view, name="consent_grant"),
    path(BASE + "sharing/<int:consent_id>/revoke/", views.consent_revoke_view, name="consent_revoke"),
]
