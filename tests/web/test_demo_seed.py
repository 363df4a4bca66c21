"""seed_demo: the demo organisation and its owner, idempotent, with a printed random password."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command

from imvo.web.accounts.models import User
from imvo.web.organisations.models import Membership, Organisation
from imvo.web.register.management.commands.seed_demo import seed_demo_organisation

pytestmark = pytest.mark.django_db


def test_seed_demo_prints_a_working_login(client):
    output = StringIO()
    call_command("seed_demo", "--without-register", stdout=output)
    text = output.getvalue()
    password = re.search(r"with password: (\S+)", text).group(1)
    assert "demo@example.org" in text
    organisation = Organisation.objects.get(name="Voorbeeld Import B.V.")
    owner = User.objects.get(email="demo@example.org")
    assert Membership.objects.get(user=owner, organisation=organisation).role == "owner"
    response = client.post("/accounts/login/", {"email": "demo@example.org", "password": password})
    assert response.status_code == 302


def test_seeding_twice_keeps_one_organisation_and_resets_the_password():
    _org, _owner, first = seed_demo_organisation()
    organisation, owner, second = seed_demo_organisation()
    assert first != second
    assert Organisation.objects.filter(slug=organisation.slug).count() == 1
    owner.refresh_from_db()
    assert owner.check_password(second)
    assert not owner.check_password(first)
