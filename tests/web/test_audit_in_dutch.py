"""The audit trail and the jobs page in the reader's language: labels for codes, Dutch dates and numbers,
no Python reprs, no English exception text on a Dutch page."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from imvo.web.audit import record_audit_event
from imvo.web.jobs.models import Job
from imvo.web.jobs.presentation import describe_job
from imvo.web.register.models import Risk, RiskSource

pytestmark = pytest.mark.django_db

TRAIL = reverse("organisations:audit_trail", kwargs={"org": "acme"})


def _trail(client, language: str) -> str:
    return client.get(TRAIL, HTTP_ACCEPT_LANGUAGE=language).content.decode()


def test_codes_read_as_labels_and_dates_and_numbers_as_dutch(alice, acme, client_for):
    record_audit_event(
        alice,
        acme,
        "create",
        object_type="tender",
        object_id=1,
        changes={
            "contracting_authority": "central_government",
            "estimated_value_eur": 20000000,
            "tender_date": "2026-03-01",
        },
    )
    record_audit_event(
        alice, acme, "create", object_type="measure", object_id=2, changes={"kind": "use_leverage"}
    )
    client = client_for(alice)
    dutch, english = _trail(client, "nl"), _trail(client, "en")
    for page in (dutch, english):
        assert "central_government" not in page
        assert "use_leverage" not in page
    assert "Central government" in english
    assert "Use leverage" in english
    assert "20.000.000" in dutch
    assert "1-3-2026" in dutch
    assert "20,000,000" in english


def test_python_reprs_never_show_and_a_risk_is_named_in_the_readers_language(alice, acme, client_for):
    record_audit_event(alice, acme, "add_remedy", object_type="remedyaction", object_id=1)
    event = record_audit_event(alice, acme, "add_remedy", object_type="remedyaction", object_id=1)
    type(event).objects.filter(pk=event.pk).update(object_label="RemedyAction object (1)")
    risk = Risk.objects.create(
        organisation=acme,
        source=RiskSource.SCAN,
        title="Child labour: Cocoa (Côte d'Ivoire)",
        theme="child_labour",
        good="Cocoa",
        country="CI",
    )
    record_audit_event(alice, acme, "update", risk, {"salience": [91, 81]})
    client = client_for(alice)
    dutch = _trail(client, "nl")
    assert " object (" not in dutch
    assert "Kinderarbeid: Cacao (Ivoorkust)" in dutch
    assert "Child labour: Cocoa" not in dutch
    assert "Child labour: Cocoa" in _trail(client, "en")


def test_a_failed_job_says_why_in_dutch_without_the_english_exception(acme):
    stopped = Job.objects.create(
        organisation=acme, kind="test_kind", status="failed", result={"stopped": "time"}
    )
    crashed = Job.objects.create(
        organisation=acme, kind="test_kind", status="failed", error="ZeroDivisionError: division by zero"
    )
    with translation.override("nl"):
        reason = describe_job(stopped).display.error
        assert reason == "De taak duurde langer dan een taak mag duren en is gestopt."
        assert "ZeroDivisionError" not in describe_job(crashed).display.error
    with translation.override("en"):
        assert describe_job(crashed).display.error == "ZeroDivisionError: division by zero"


def test_every_job_kind_of_the_product_has_a_name():
    from imvo.web.jobs.queue import _HANDLERS, kind_label

    # The product's handlers live in the package; tests register their own kinds in the same process.
    product_kinds = [kind for kind, handler in _HANDLERS.items() if handler.__module__.startswith("imvo.")]
    assert product_kinds
    assert [kind for kind in product_kinds if kind_label(kind) is None] == []
