"""Public intake under the short address /g/<mechanism>/; handlers under /o/<org>/grievances/."""

from __future__ import annotations

from django.urls import path

from imvo.web.grievances import views

app_name = "grievances"

urlpatterns = [
    path("g/<slug:mechanism>/", views.intake, name="intake"),
    path("g/<slug:mechanism>/follow/", views.follow, name="follow"),
    path("g/<slug:mechanism>/case/", views.public_case, name="public_case"),
    path("g/<slug:mechanism>/statements/", views.statements, name="statements"),
    path("o/<slug:org>/grievances/", views.overview, name="overview"),
    path("o/<slug:org>/grievances/figures.<str:fmt>", views.figures_export, name="figures_export"),
    path("o/<slug:org>/grievances/cases/", views.case_list, name="cases"),
    path("o/<slug:org>/grievances/cases.csv", views.cases_export, name="cases_export"),
    path("o/<slug:org>/grievances/cases/<int:case_id>/", views.case_detail, name="case"),
    path("o/<slug:org>/grievances/cases/<int:case_id>/move/", views.case_move, name="case_move"),
    path("o/<slug:org>/grievances/cases/<int:case_id>/update/", views.case_update, name="case_update"),
    path("o/<slug:org>/grievances/cases/<int:case_id>/outcome/", views.case_outcome, name="case_outcome"),
    path("o/<slug:org>/grievances/cases/<int:case_id>/publish/", views.case_publish, name="case_publish"),
    path("o/<slug:org>/grievances/cases/<int:case_id>/link/", views.case_link, name="case_link"),
    path("o/<slug:org>/grievances/cases/<int:case_id>/remedies/", views.case_remedy, name="case_remedy"),
    path("o/<slug:org>/grievances/cases/<int:case_id>/erase/", views.case_erase, name="case_erase"),
    path(
        "o/<slug:org>/grievances/remedies/<int:remedy_id>/complete/",
        views.remedy_complete,
        name="remedy_complete",
    ),
    path(
        "o/<slug:org>/grievances/attachments/<int:attachment_id>/",
        views.attachment_download,
        name="attachment",
    ),
    path("o/<slug:org>/grievances/mechanisms/new/", views.mechanism_new, name="mechanism_new"),
    path(
        "o/<slug:org>/grievances/mechanisms/<int:mechanism_id>/", views.mechanism_edit, name="mechanism_edit"
    ),
    path("o/<slug:org>/grievances/access/", views.identity_access, name="identity_access"),
    path(
        "o/<slug:org>/grievances/access/<int:grant_id>/revoke/", views.identity_revoke, name="identity_revoke"
    ),
]
