"""The grievance mechanism and access to remedy (OECD due diligence step 6)."""

from __future__ import annotations

from typing import Any, cast

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from imvo.web.organisations.sections import REMEDY, NavSection


class GrievancesConfig(AppConfig):
    name = "imvo.web.grievances"
    label = "grievances"
    verbose_name = _("Grievance mechanism")
    default_auto_field = "django.db.models.BigAutoField"

    # Read by imvo.web.organisations.navigation: step 6 of a company (a covenant lists its committee
    # among its covenant pages; a monitor handles no complaints).
    nav_sections = (NavSection(_("Grievances"), "grievances:overview", REMEDY, kinds=("company",)),)

    def ready(self) -> None:
        from imvo.web.grievances.queries import remedy_summary
        from imvo.web.register.report import add_report_figures

        def figures(organisation: Any) -> dict[str, int] | None:
            """Step 6 in the public report: aggregate figures only, never a case."""
            summary = remedy_summary(organisation)
            return summary if summary["cases_received"] else None

        add_report_figures("grievances", figures)
        # Step 6 on the company's overview: open complaints and the deadlines of their phases.
        from imvo.web.grievances.overview import contribution
        from imvo.web.register.overview import add_overview_contribution

        add_overview_contribution("grievances", contribution)
        # Not figures but the address of each open complaint form, rendered into the published
        # report (register/report_public_body.html) in the report's language.
        add_report_figures("complaint_forms", cast(Any, complaint_forms))
        # The cases, without anything about the complainant, in the JSON API (/api/v1/grievances/).
        from imvo.web.grievances.api import router
        from imvo.web.register.api import api

        api.add_router("", router)


def complaint_forms(organisation: Any) -> list[dict[str, str]]:
    """The organisation's open grievance mechanisms: the label and absolute address of each form."""
    from django.utils.translation import gettext

    from imvo.web.grievances.models import GrievanceMechanism
    from imvo.web.site import absolute_reverse

    return [
        {
            "label": gettext("Make a complaint — %(name)s") % {"name": mechanism.name},
            "url": absolute_reverse("grievances:intake", mechanism=mechanism.slug),
        }
        for mechanism in GrievanceMechanism.objects.filter(organisation=organisation, is_open=True)
    ]
