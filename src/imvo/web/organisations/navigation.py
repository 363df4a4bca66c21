"""The organisation's section navigation shown in ``base.html``.

An app adds sections by giving its AppConfig a ``nav_sections`` attribute: a list of
``(label, url_name)`` pairs (labels marked with gettext_lazy, URL patterns taking only ``org``),
optionally ``(label, url_name, roles)`` to show a section only to some roles, and
``(label, url_name, roles, kinds)`` to show it only to some kinds of organisation (company, monitor).
An AppConfig's ``nav_organisation_kinds`` gives the kinds for all its sections at once.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from imvo.web.organisations.access import access_of


def organisation_sections(organisation_slug: str, role: str, kind: str = "company") -> list[dict[str, str]]:
    sections: list[dict[str, str]] = []
    # The platform's own sections (members, jobs, audit) come after the register's steps.
    configs = sorted(apps.get_app_configs(), key=lambda config: config.label == "organisations")
    for config in configs:
        for entry in getattr(config, "nav_sections", ()):
            label, url_name = entry[0], entry[1]
            roles = entry[2] if len(entry) > 2 else None
            kinds = entry[3] if len(entry) > 3 else getattr(config, "nav_organisation_kinds", None)
            if (roles is not None and role not in roles) or (kinds is not None and kind not in kinds):
                continue
            try:
                url = reverse(url_name, kwargs={"org": organisation_slug})
            except NoReverseMatch:
                continue
            sections.append({"label": str(label), "url": url, "url_name": url_name})
    return sections


def organisation_navigation(request: HttpRequest) -> dict[str, Any]:
    """Context processor: the current organisation, the membership and the sections."""
    access = access_of(request)
    organisation = access.organisation if access is not None else None
    membership = access.membership if access is not None else None
    context: dict[str, Any] = {"current_organisation": organisation, "current_membership": membership}
    if organisation is not None and membership is not None:
        sections = organisation_sections(organisation.slug, membership.role, organisation.kind)
        # The section whose URL is the longest prefix of this page is the current one. The
        # organisation's own address (/o/<org>/, "Where are we") is a prefix of every page, so it is
        # current only on itself: a page without a section of its own marks none.
        home = reverse("organisations:overview", kwargs={"org": organisation.slug})
        matching = [
            section
            for section in sections
            if request.path == section["url"]
            or (request.path.startswith(section["url"]) and section["url"] != home)
        ]
        current = max(matching, key=lambda section: len(section["url"]), default=None)
        for section in sections:
            section["current"] = "page" if section is current else ""
        context["organisation_sections"] = sections
    return context
