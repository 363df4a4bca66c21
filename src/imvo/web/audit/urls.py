from __future__ import annotations

from django.urls import path

from imvo.web.audit import views

app_name = "audit"

urlpatterns = [path("o/<slug:org>/audit/", views.trail_view, name="trail")]
