from __future__ import annotations

from django.urls import path

from imvo.web.organisations import views

app_name = "organisations"

urlpatterns = [
    path("o/<slug:org>/", views.overview_view, name="overview"),
    path("o/<slug:org>/members/", views.members_view, name="members"),
    path("o/<slug:org>/members/invite/", views.invite_view, name="invite"),
    path("o/<slug:org>/members/<int:membership_id>/role/", views.change_role_view, name="change_role"),
    path("o/<slug:org>/members/<int:membership_id>/remove/", views.remove_member_view, name="remove_member"),
    path(
        "o/<slug:org>/invitations/<int:invitation_id>/revoke/",
        views.revoke_invitation_view,
        name="revoke_invitation",
    ),
    path("o/<slug:org>/api-tokens/", views.api_tokens_view, name="api_tokens"),
    path("o/<slug:org>/audit/", views.audit_trail_view, name="audit_trail"),
    path(
        "o/<slug:org>/api-tokens/<int:token_id>/revoke/", views.revoke_api_token_view, name="revoke_api_token"
    ),
]
