"""The organisation's section navigation shown in ``base.html``.

An app adds sections by giving its AppConfig a ``nav_sections`` attribute: a list of
``(label, url_name)`` pairs (labels marked with gettext_lazy, URL patterns taking only ``org``),
optionally ``(label, url_name, roles)`` to show a section only to some roles.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from imvo.web.organisations.access import organisations_of


def organisation_sections(organisation_slug: str, role: str) -> list[dict[str, str]]:
    sections: list[dict[str, str]] = []
    # The platform's own sections (members, jobs, audit) come after the register's steps.
    configs = sorted(apps.get_app_configs(), key=lambda config: config.label == "organisations")
    for config in configs:
        for entry in getattr(config, "nav_sections", ()):
            label, url_name = entry[0], entry[1]
            roles = entry[2] if len(entry) > 2 else None
            if roles is not None and role not in roles:
                continue
            try:
                url = reverse(url_name, kwargs={"org": organisation_slug})
            except NoReverseMatch:
                continue
            sections.append({"label": str(label), "url": url, "url_name": url_name})
    return sections


def organisation_navigation(request: HttpRequest) -> dict[str, Any]:
    """Context processor: the current organisation, the user's organisations and the sections."""
    organisation = getattr(request, "organisation", None)
    membership = getattr(request, "membership", None)
    user = getattr(request, "user", None)
    context: dict[str, Any] = {"current_organisation": organisation, "current_membership": membership}
    if user is not None and user.is_authenticated:
        context["user_organisations"] = lambda: organisations_of(user)  # evaluated only if shown
    if organisation is not None and membership is not None:
        sections = organisation_sections(organisation.slug, membership.role)
        current_path = request.path
        for section in sections:
            section["current"] = "page" if current_path.startswith(section["url"]) else ""
        context["organisation_sections"] = sections
    return context
