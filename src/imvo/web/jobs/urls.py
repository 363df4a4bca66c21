from __future__ import annotations

from django.urls import path

from imvo.web.jobs import views

app_name = "jobs"

urlpatterns = [
    path("o/<slug:org>/jobs/", views.job_list_view, name="list"),
    path("o/<slug:org>/jobs/<int:job_id>/progress", views.progress_view, name="progress"),
    path("o/<slug:org>/jobs/<int:job_id>/retry/", views.retry_view, name="retry"),
]
