"""E-mail to handlers (new cases, replies, deadlines) and to complainants who left an address.

Mail goes through Django's mail API, so the console backend in the demo and SMTP in production need
no change here. Mails never contain the access code or the complaint's text: only the reference and
where to look (an absolute link built from ``IMVO_SITE_URL``), because e-mail may be read by others.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from imvo.web.grievances.languages import PARAMETER
from imvo.web.grievances.models import GrievanceCase, GrievanceMechanism
from imvo.web.organisations.models import Membership
from imvo.web.organisations.roles import EDITING_ROLES
from imvo.web.site import absolute_reverse


def handler_addresses(mechanism: GrievanceMechanism) -> list[str]:
    if mechanism.handler_email:
        return [mechanism.handler_email]
    return sorted(
        Membership.objects.filter(organisation_id=mechanism.organisation_id, role__in=EDITING_ROLES)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )


def _send_later(subject: str, body: str, recipients: Iterable[str]) -> None:
    addresses = [address for address in recipients if address]
    if not addresses:
        return
    # After the commit: no mail about a case that was rolled back.
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, addresses, fail_silently=True)
    )


def _case_link(case: GrievanceCase) -> str:
    return absolute_reverse("grievances:case", org=case.organisation.slug, case_id=case.pk)


def notify_handlers_of_new_case(case: GrievanceCase) -> None:
    _send_later(
        _("New grievance %(reference)s") % {"reference": case.reference},
        _(
            "A new complaint was received by %(mechanism)s. Reference: %(reference)s. Please acknowledge it."
            "\n\nOpen the case (after signing in): %(link)s"
        )
        % {"mechanism": case.mechanism.name, "reference": case.reference, "link": _case_link(case)},
        handler_addresses(case.mechanism),
    )


def notify_handlers_of_reply(case: GrievanceCase) -> None:
    _send_later(
        _("Reply in grievance %(reference)s") % {"reference": case.reference},
        _("The complainant replied in case %(reference)s.\n\nOpen the case (after signing in): %(link)s")
        % {"reference": case.reference, "link": _case_link(case)},
        handler_addresses(case.mechanism),
    )


def notify_handlers_of_overdue(mechanism: GrievanceMechanism, references: list[str]) -> None:
    link = absolute_reverse("grievances:cases", org=mechanism.organisation.slug)
    _send_later(
        _("Overdue grievance cases: %(count)s") % {"count": len(references)},
        _(
            "These cases are past the indicative deadline of their phase: %(references)s"
            "\n\nThe cases (after signing in): %(link)s"
        )
        % {"references": ", ".join(references), "link": link},
        handler_addresses(mechanism),
    )


def notify_complainant(case: GrievanceCase, what: Promise, **params: Any) -> None:
    """Tell the complainant (if an address was given) that something happened, in their language.

    ``what`` is a lazy translation, rendered in the complainant's language rather than the handler's.
    """
    if not case.has_contact:
        return
    language = case.language or settings.LANGUAGE_CODE
    link = absolute_reverse("grievances:follow", mechanism=case.mechanism.slug)
    if language != settings.LANGUAGE_CODE:
        # The follow-up page opens in the complainant's language, whatever their browser says.
        link += f"?{PARAMETER}={language}"
    with translation.override(language):
        text = str(what) % params if params else str(what)
        subject = _("Your complaint %(reference)s") % {"reference": case.reference}
        body = _("%(what)s\n\nFollow your case with its reference and your access code at %(link)s") % {
            "what": text,
            "link": link,
        }
    _send_later(subject, body, [case.complainant_email])
