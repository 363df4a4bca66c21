from __future__ import annotations

from django.urls import path

from imvo.web.obligations import views

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
    path(BASE + "declaration.md", views.declaration_view, name="declaration"),
    path(BASE + "result.json", views.result_json_view, name="result_json"),
]
