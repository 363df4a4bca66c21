"""The organisation's section navigation shown in ``base.html``, grouped by the six OECD steps.

An app adds sections by giving its AppConfig a ``nav_sections`` attribute: a sequence of
:class:`imvo.web.organisations.sections.NavSection` (labels marked with gettext_lazy, URL patterns
taking only ``org``), each in one of the navigation's groups and optionally only for some roles and
kinds of organisation (company, monitor, covenant).
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from imvo.web.organisations.access import access_of
from imvo.web.organisations.sections import GROUPS


def organisation_sections(organisation_slug: str, role: str, kind: str = "company") -> list[dict[str, str]]:
    """The sections this member sees, in the groups' order (within a group, as the apps list them)."""
    order = {key: index for index, (key, _step, _heading) in enumerate(GROUPS)}
    sections: list[dict[str, str]] = []
    positions: list[tuple[int, int]] = []
    for config in apps.get_app_configs():
        for section in getattr(config, "nav_sections", ()):
            if (section.roles is not None and role not in section.roles) or (
                section.kinds is not None and kind not in section.kinds
            ):
                continue
            try:
                url = reverse(section.url_name, kwargs={"org": organisation_slug})
            except NoReverseMatch:
                continue
            label = str(section.label)
            sections.append(
                {"label": label, "url": url, "url_name": section.url_name, "group": section.group}
            )
            positions.append((order[section.group], section.position))
    return [section for _, section in sorted(zip(positions, sections, strict=True), key=lambda pair: pair[0])]


def grouped(sections: list[dict[str, str]]) -> list[dict[str, Any]]:
    """The sections under their group's heading and step number, groups without sections left out."""
    return [
        {"key": key, "step": step, "heading": str(heading), "sections": members}
        for key, step, heading in GROUPS
        if (members := [section for section in sections if section["group"] == key])
    ]


def organisation_navigation(request: HttpRequest) -> dict[str, Any]:
    """Context processor: the current organisation, the membership and the sections."""
    access = access_of(request)
    organisation = access.organisation if access is not None else None
    membership = access.membership if access is not None else None
    context: dict[str, Any] = {"current_organisation": organisation, "current_membership": membership}
    if organisation is not None and membership is not None:
        sections = organisation_sections(organisation.slug, membership.role, organisation.kind)
        # The section whose URL is the longest prefix of this page is the current one. The
        # organisation's own address (/o/<org>/, "Overview") is a prefix of every page, so it is
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
        context["organisation_nav_groups"] = grouped(sections)
    return context
