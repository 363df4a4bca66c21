"""Goods in the reader's language on the register: the filter names them in Dutch, and a Dutch name
finds a good stored in English."""

from __future__ import annotations

import pytest
from django.utils import translation

from imvo.web.register.filters import RiskFilterSet
from imvo.web.register.models import Risk, RiskSource

pytestmark = pytest.mark.django_db


@pytest.fixture
def risks(acme):
    cocoa = Risk.objects.create(
        organisation=acme, source=RiskSource.SCAN, title="Child labour: Cocoa (CI)", theme="child_labour",
        good="Cocoa", country="CI",
    )  # fmt: skip
    cotton = Risk.objects.create(
        organisation=acme, source=RiskSource.SCAN, title="Forced labour: Cotton (UZ)", theme="forced_labour",
        good="Cotton", country="UZ",
    )  # fmt: skip
    return {"cocoa": cocoa, "cotton": cotton}


def test_the_good_filter_names_goods_in_dutch(acme, risks):
    with translation.override("nl"):
        choices = dict(
            RiskFilterSet(queryset=Risk.objects.filter(organisation=acme)).filters["good"].extra["choices"]
        )
    assert choices == {"Cocoa": "Cacao", "Cotton": "Katoen"}


@pytest.mark.parametrize(
    ("term", "found"), [("cacao", {"cocoa"}), ("Katoen", {"cotton"}), ("cocoa", {"cocoa"})]
)
def test_a_dutch_or_english_name_finds_the_good(acme, risks, term, found):
    filtered = RiskFilterSet({"q": term}, queryset=Risk.objects.filter(organisation=acme)).qs
    assert set(filtered) == {risks[name] for name in found}
