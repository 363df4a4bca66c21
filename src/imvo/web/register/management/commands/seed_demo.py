"""``python -m imvo.web.manage seed_demo``: the demo organisation, its owner and its register.

In the register app, not the organisations app: it seeds register data, and the platform apps
sit below the register (``[tool.importlinter]`` in pyproject.toml)."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from imvo.web.accounts.models import User
from imvo.web.organisations.models import Membership, Organisation, Role

DEMO_ORGANISATION_NAME = "Voorbeeld Import B.V."
DEMO_ORGANISATION_SLUG = "voorbeeld-import"
DEMO_OWNER_EMAIL = "demo@example.org"


def seed_demo_organisation(password: str | None = None) -> tuple[Organisation, User, str]:
    """Create (or reset) the demo organisation and its owner; returns them with the password."""
    password = password or secrets.token_urlsafe(12)
    with transaction.atomic():
        organisation, _created = Organisation.objects.get_or_create(
            slug=DEMO_ORGANISATION_SLUG, defaults={"name": DEMO_ORGANISATION_NAME, "kind": "company"}
        )
        owner = User.objects.filter(email=DEMO_OWNER_EMAIL).first()
        if owner is None:
            owner = User.objects.create_user_with_email(DEMO_OWNER_EMAIL, password, first_name="Demo")
        else:
            owner.set_password(password)
            owner.save(update_fields=["password"])
        Membership.objects.update_or_create(
            user=owner, organisation=organisation, defaults={"role": Role.OWNER}
        )
    return organisation, owner, password


class Command(BaseCommand):
    help = "Create the demo organisation 'Voorbeeld Import B.V.' with the owner demo@example.org."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--password", default=None, help="Owner password (default: a random one).")
        parser.add_argument("--without-register", action="store_true", help="Do not add register data.")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation, owner, password = seed_demo_organisation(options["password"])
        if not options["without_register"]:
            from imvo.web.register.demo import seed_register

            seed_register(organisation)
        self.stdout.write(f"Demo organisation: {organisation.name} (/o/{organisation.slug}/)")
        self.stdout.write(f"Sign in as {owner.email} with password: {password}")
