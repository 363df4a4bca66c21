"""``python -m imvo.web.manage erase_expired_grievance_data``: apply each mechanism's retention period.

Run it daily (cron or systemd timer): closed cases past the retention period lose the complainant's
identity, contact details, attachments and names in texts; the anonymised case stays for the figures.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from imvo.web.grievances.actions import erase_expired_personal_data


class Command(BaseCommand):
    help = "Erase personal data of closed grievance cases past their mechanism's retention period."

    def handle(self, *args: Any, **options: Any) -> None:
        erased = erase_expired_personal_data()
        self.stdout.write(f"Personal data erased in {erased} case(s).")
