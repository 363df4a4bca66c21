"""Covenant fixtures: a covenant run by a secretariat of two (alice, dave) with bob as viewer, and
five member companies whose registers share some suppliers, countries, goods and themes.

Each member company has its own owner (``owner_<n>``). Member 1 alone uses "Solo Sewing Ltd"
(its own, unshared supplier); "Shared Mill" is used by members 1-4; "Pair Dyeing" by members 1 and 2.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import PERSONA_PASSWORD

MEMBER_NAMES = [
    "Kleding Een B.V.",
    "Kleding Twee B.V.",
    "Kleding Drie B.V.",
    "Kleding Vier B.V.",
    "Kleding Vijf B.V.",
]
#: supplier name → (country, product, members 1-based)
SUPPLIERS: dict[str, tuple[str, str, tuple[int, ...]]] = {
    "Shared Mill": ("BD", "cotton fabric", (1, 2, 3, 4)),
    "Pair Dyeing": ("BD", "dyed yarn", (1, 2)),
    "Solo Sewing Ltd": ("VN", "garments", (1,)),
    "Turkey Knits": ("TR", "cotton fabric", (2, 3, 5)),
    "Everyone Trims": ("IN", "buttons", (1, 2, 3, 4, 5)),
}


@pytest.fixture(autouse=True)
def media_root(tmp_path: Path, settings: Any) -> Path:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def covenant(alice: Any, dave: Any, bob: Any) -> Any:
    from imvo.web.covenants import actions
    from imvo.web.organisations.models import Membership, Organisation

    organisation = Organisation.objects.create(name="Convenant Test", slug="convenant", kind="covenant")
    Membership.objects.create(user=alice, organisation=organisation, role="owner")
    Membership.objects.create(user=dave, organisation=organisation, role="editor")
    Membership.objects.create(user=bob, organisation=organisation, role="viewer")
    actions.setup_covenant(alice, organisation)
    return organisation


def add_supplier(company: Any, name: str, country: str, product: str) -> Any:
    from imvo.core.register.identity import supplier_name_key
    from imvo.web.register.models import Supplier

    key = supplier_name_key(name, country)
    return Supplier.objects.create(
        organisation=company, name=name, country=country, product=product, key=key, name_key=key
    )


def make_member(number: int) -> tuple[Any, Any]:
    from imvo.web.accounts.models import User
    from imvo.web.organisations.models import Membership, Organisation
    from imvo.web.register.models import Risk

    company = Organisation.objects.create(
        name=MEMBER_NAMES[number - 1], slug=f"kleding-{number}", kind="company"
    )
    owner = User.objects.create_user_with_email(f"owner{number}@example.org", PERSONA_PASSWORD)
    Membership.objects.create(user=owner, organisation=company, role="owner")
    for name, (country, product, members) in SUPPLIERS.items():
        if number in members:
            add_supplier(company, name, country, product)
    Risk.objects.create(organisation=company, title="Wages", theme="forced_labour", country="BD", good="")
    if number == 1:
        Risk.objects.create(
            organisation=company, title="Solo", theme="child_labour", country="VN", good="garments"
        )
    return company, owner


def join(covenant: Any, actor: Any, company: Any, owner: Any, **flags: bool) -> Any:
    """The company consents and the secretariat adds and links it as a member party."""
    from imvo.web.covenants import actions

    consent_flags = {"share_register": True, **flags}
    actions.grant_consent(owner, company, covenant, consent_flags)
    party = actions.add_party(
        actor, covenant, {"kind": "company", "name": company.name, "joined_on": dt.date(2024, 1, 1)}
    )
    return actions.link_party(actor, covenant, party, company.slug)


@pytest.fixture
def members(covenant: Any, alice: Any) -> list[dict[str, Any]]:
    """Five member companies that share their registers (no publication, no joint action yet)."""
    result = []
    for number in range(1, 6):
        company, owner = make_member(number)
        party = join(covenant, alice, company, owner)
        result.append({"company": company, "owner": owner, "party": party})
    return result
