"""Root URLconf. Organisation-scoped pages live under ``/o/<org>/``, accounts under ``/accounts/``."""

from __future__ import annotations

import importlib.util

from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="accounts:home", permanent=False), name="root"),
    path("accounts/", include("imvo.web.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]
if importlib.util.find_spec("imvo.web.register.urls") is not None:
    # Before the platform's own patterns, so the register may own /o/<org>/ (its progress view).
    urlpatterns.append(path("", include("imvo.web.register.urls")))
if importlib.util.find_spec("imvo.web.register.api") is not None:
    # The JSON API at the top level, so django-ninja's own reverse("api:...") finds its namespace.
    from imvo.web.register.api import api

    urlpatterns.append(path("api/v1/", api.urls))
urlpatterns += [
    path("", include("imvo.web.organisations.urls")),
    path("", include("imvo.web.jobs.urls")),
    path("", include("imvo.web.obligations.urls")),
    path("", include("imvo.web.grievances.urls")),
    path("", include("imvo.web.monitoring.urls")),
    path("", include("imvo.web.covenants.urls")),
]
