from __future__ import annotations

from django.urls import path

from imvo.web.obligations import legal_views, views

app_name = "obligations"

BASE = "o/<slug:org>/obligations/"

urlpatterns = [
    path(BASE, views.overview_view, name="overview"),
    path(BASE + "evaluate/", views.evaluate_view, name="evaluate"),
    path(BASE + "profile/", views.profile_view, name="profile"),
    path(BASE + "profile/edit/", views.profile_edit_view, name="profile_edit"),
    path(BASE + "tenders/new/", views.tender_create_view, name="tender_create"),
    path(BASE + "tenders/<int:tender_id>/delete/", views.tender_delete_view, name="tender_delete"),
    path(BASE + "imports/", views.imports_view, name="imports"),
    path(BASE + "imports/upload/", views.imports_upload_view, name="imports_upload"),
    path(BASE + "history/", views.history_view, name="history"),
    path(BASE + "legal-basis/", views.legal_basis_view, name="legal_basis"),
    path(BASE + "conflict-minerals/", views.cmr_view, name="cmr"),
    path(BASE + "declaration.md", views.declaration_view, name="declaration"),
    path(BASE + "result.json", views.result_json_view, name="result_json"),
    # The installation administrators' legal values (not an organisation's page).
    path("legal-values/", legal_views.legal_values_view, name="legal_values"),
    path("legal-values/propose/", legal_views.legal_value_propose_view, name="legal_value_propose"),
    path("legal-values/revert/", legal_views.legal_value_revert_view, name="legal_value_revert"),
    path(
        "legal-values/changes/<int:change_id>/",
        legal_views.legal_value_change_view,
        name="legal_value_change",
    ),
    path(
        "legal-values/changes/<int:change_id>/approve/",
        legal_views.legal_value_approve_view,
        name="legal_value_approve",
    ),
    path(
        "legal-values/changes/<int:change_id>/reject/",
        legal_views.legal_value_reject_view,
        name="legal_value_reject",
    ),
    path(
        "legal-values/changes/<int:change_id>/withdraw/",
        legal_views.legal_value_withdraw_view,
        name="legal_value_withdraw",
    ),
    path("legal-values/files/<int:batch_id>/", legal_views.legal_value_batch_view, name="legal_value_batch"),
    path(
        "legal-values/files/<int:batch_id>/approve/",
        legal_views.legal_value_batch_approve_view,
        name="legal_value_batch_approve",
    ),
]
