from __future__ import annotations

from django.urls import path

from imvo.web.covenants import member_views, monitor_views, public_views, steering_views, views

app_name = "covenants"

BASE = "o/<slug:org>/covenant/"  # the covenant's own workspace (kind "covenant")
MEMBER = "o/<slug:org>/covenants/"  # a member company's covenant page (kind "company")
PUBLIC = "covenants/<slug:covenant>/"

urlpatterns = [
    path(BASE, views.overview_view, name="overview"),
    path(BASE + "settings/", views.settings_view, name="settings"),
    path(BASE + "criteria/add/", views.criterion_add_view, name="criterion_add"),
    path(BASE + "parties/add/", views.party_add_view, name="party_add"),
    path(BASE + "parties/<int:party_id>/link/", views.party_link_view, name="party_link"),
    path(BASE + "parties/<int:party_id>/leave/", views.party_leave_view, name="party_leave"),
    path(BASE + "projects/add/", views.project_add_view, name="project_add"),
    path(BASE + "projects/<int:project_id>/results/add/", views.result_add_view, name="result_add"),
    path(BASE + "rulings/link/", views.ruling_link_view, name="ruling_link"),
    path(
        BASE + "improvements/<int:improvement_id>/done/", views.improvement_done_view, name="improvement_done"
    ),
    path(BASE + "assessments/", views.assessments_view, name="assessments"),
    path(BASE + "assessments/<int:member_assessment_id>/", views.assessment_view, name="assessment"),
    path(
        BASE + "assessments/<int:member_assessment_id>/document/",
        views.assessment_document_view,
        name="assessment_document",
    ),
    path(
        BASE + "assessments/<int:member_assessment_id>/propose/",
        views.assessment_propose_view,
        name="assessment_propose",
    ),
    path(
        BASE + "assessments/<int:member_assessment_id>/decide/",
        views.assessment_decide_view,
        name="assessment_decide",
    ),
    path(BASE + "picture/", views.picture_view, name="picture"),
    path(BASE + "locations/", views.locations_view, name="locations"),
    path(BASE + "locations/publish/", views.locations_publish_view, name="locations_publish"),
    path(BASE + "evaluation/", views.evaluation_view, name="evaluation"),
    path(BASE + "steering/", steering_views.meetings_view, name="meetings"),
    path(BASE + "steering/add/", steering_views.meeting_add_view, name="meeting_add"),
    path(BASE + "steering/<int:meeting_id>/", steering_views.meeting_view, name="meeting"),
    path(
        BASE + "steering/<int:meeting_id>/documents/add/",
        steering_views.document_add_view,
        name="document_add",
    ),
    path(BASE + "documents/<int:meeting_document_id>/", steering_views.document_view, name="document"),
    path(BASE + "documents/<int:meeting_document_id>/redact/", steering_views.redact_view, name="redact"),
    path(BASE + "documents/<int:meeting_document_id>/approve/", steering_views.approve_view, name="approve"),
    path(BASE + "requests/add/", steering_views.request_add_view, name="request_add"),
    path(
        BASE + "requests/<int:document_request_id>/answer/",
        steering_views.request_answer_view,
        name="request_answer",
    ),
    path(MEMBER, member_views.home_view, name="member_home"),
    path(MEMBER + "consent/", member_views.consent_grant_view, name="consent_grant"),
    path(
        MEMBER + "consent/<int:member_consent_id>/", member_views.consent_update_view, name="consent_update"
    ),
    path(
        MEMBER + "consent/<int:member_consent_id>/revoke/",
        member_views.consent_revoke_view,
        name="consent_revoke",
    ),
    path(MEMBER + "<int:party_id>/submit/", member_views.submit_view, name="submit"),
    path(MEMBER + "<int:party_id>/picture/", member_views.picture_view, name="member_picture"),
    path(MEMBER + "<int:party_id>/request/", member_views.request_view, name="member_request"),
    path(
        MEMBER + "assessments/<int:member_assessment_id>/",
        member_views.assessment_view,
        name="member_assessment",
    ),
    path(MEMBER + "locations/", member_views.locations_view, name="member_locations"),
    path("o/<slug:org>/covenant-sharing/", monitor_views.shares_view, name="population_shares"),
    path("o/<slug:org>/covenant-sharing/share/", monitor_views.share_view, name="population_share"),
    path(
        "o/<slug:org>/covenant-sharing/<int:monitor_share_id>/stop/",
        monitor_views.stop_view,
        name="population_share_stop",
    ),
    path(PUBLIC, public_views.covenant_page, name="public"),
    path(PUBLIC + "locations/", public_views.locations_page, name="public_locations"),
    path(PUBLIC + "locations.<str:fmt>", public_views.locations_export, name="public_locations_export"),
]
