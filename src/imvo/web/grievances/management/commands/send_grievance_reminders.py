"""``python -m imvo.web.manage send_grievance_reminders``: mail handlers their overdue cases (daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from imvo.web.grievances.actions import send_deadline_reminders


class Command(BaseCommand):
    help = "E-mail each mechanism's handlers the cases past the deadline of their phase."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            listed = send_deadline_reminders()
        self.stdout.write(f"{listed} overdue case(s) reported.")
