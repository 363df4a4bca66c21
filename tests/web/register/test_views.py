from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from imvo.web.audit.models import AuditEvent
from imvo.web.register import actions
from imvo.web.register.models import Measure, Risk, RiskSource, Supplier

LIST_PAGES = [
    "progress",
    "policy",
    "scans",
    "suppliers",
    "risks",
    "stakeholders",
    "measures",
    "remediation",
    "reports",
    "report_preview",
]


def url(name: str, **kwargs: Any) -> str:
    return reverse(f"register:{name}", kwargs={"org": "acme", **kwargs})


@pytest.mark.parametrize("page", LIST_PAGES)
def test_every_role_reads_every_list_page(
    page: str, register: dict[str, Any], personas: dict[str, Any], client_for: Any
) -> None:
    for name in ("alice", "bob", "carol", "dave"):
        response = client_for(personas[name]).get(url(page))
        assert response.status_code == 200, (name, page)
    assert client_for(personas["charlie"]).get(url(page)).status_code == 404
    anonymous = client_for(None).get(url(page))
    assert anonymous.status_code == 302
    assert "/accounts/" in anonymous["Location"]


def test_detail_pages_render_and_hide_the_audit_trail_from_viewers(
    register: dict[str, Any], alice: Any, bob: Any, carol: Any, client_for: Any
) -> None:
    risk_url = url("risk_detail", risk_id=register["risk"].pk)
    owner_page = client_for(alice).get(risk_url).content.decode()
    assert "Works council report" in owner_page  # the judgement's why
    assert "Audit trail" in owner_page
    assert "Record a severity judgement" in owner_page
    assert "Audit trail" in client_for(carol).get(risk_url).content.decode()
    viewer_page = client_for(bob).get(risk_url).content.decode()
    assert "Audit trail" not in viewer_page
    assert "Record a severity judgement" not in viewer_page
    measure_page = (
        client_for(bob).get(url("measure_detail", measure_id=register["measure"].pk)).content.decode()
    )
    assert "Overtime hours per week" in measure_page


def test_editor_adds_a_manual_risk_judges_it_and_adds_a_measure(
    dave: Any, client_for: Any, acme: Any
) -> None:
    client = client_for(dave)
    response = client.post(
        url("risk_create"),
        {
            "title": "Unsafe use of our products downstream",
            "area": "downstream",
            "theme": "",
            "description": "",
            "country": "de",
            "likelihood_level": "3",
            "severity_level": "5",
            "status": "open",
        },
    )
    assert response.status_code == 302
    risk = Risk.objects.get(organisation=acme)
    assert (risk.source, risk.country, risk.likelihood, risk.severity, risk.salience) == (
        RiskSource.MANUAL,
        "DE",
        50,
        100,
        80,
    )
    response = client.post(
        url("risk_judge", risk_id=risk.pk), {"severity": "4", "rationale": "Injuries reported"}
    )
    assert response.status_code == 302
    assert risk.judgements.get().judged_by == dave
    response = client.post(
        url("measure_create", risk_id=risk.pk),
        {
            "kind": "use_leverage",
            "description": "Safety training for distributors",
            "owner": "Sales",
            "due_on": "2020-01-31",
            "status": "planned",
            "cost": "2500",
        },
    )
    assert response.status_code == 302
    measure = Measure.objects.get(risk=risk)
    assert measure.is_overdue
    assert "overdue" in client.get(url("measures")).content.decode()
    assert AuditEvent.objects.filter(organisation=acme, actor=dave).count() >= 3


def test_invalid_form_is_shown_again_with_errors(dave: Any, client_for: Any) -> None:
    response = client_for(dave).post(url("risk_create"), {"title": "", "area": "nowhere", "country": "N1"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'role="alert"' in page
    assert "two-letter" in page


@pytest.mark.parametrize("persona", ["bob", "carol"])
def test_read_only_roles_cannot_write(
    persona: str, register: dict[str, Any], personas: dict[str, Any], client_for: Any
) -> None:
    client = client_for(personas[persona])
    risk = register["risk"]
    for target in (
        url("risk_create"),
        url("risk_judge", risk_id=risk.pk),
        url("measure_create", risk_id=risk.pk),
        url("report_publish"),
        url("policy_create"),
        url("scan_upload"),
    ):
        assert client.post(target, {"title": "x", "severity": "5", "rationale": "x"}).status_code == 403, (
            target
        )
    assert risk.judgements.count() == 1


def test_editor_cannot_publish_only_the_owner_can(
    register: dict[str, Any], dave: Any, alice: Any, client_for: Any
) -> None:
    assert client_for(dave).post(url("report_publish"), {"title": "R", "confirm": "on"}).status_code == 403
    response = client_for(alice).post(url("report_publish"), {"title": "R", "confirm": "on"})
    assert response.status_code == 302
    public = client_for(None).get(response["Location"])
    assert public.status_code == 200
    assert "Excessive overtime" in public.content.decode()
    pdf = client_for(None).get(response["Location"] + "report.pdf")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")


def test_unknown_public_report_is_404(client_for: Any, db: None) -> None:
    assert (
        client_for(None).get(reverse("register:public_report", kwargs={"public_id": "nope"})).status_code
        == 404
    )


def test_objects_of_another_organisation_are_404(
    register: dict[str, Any], charlie: Any, client_for: Any
) -> None:
    client = client_for(charlie)
    for name, kwargs in (
        ("risk_detail", {"risk_id": register["risk"].pk}),
        ("measure_detail", {"measure_id": register["measure"].pk}),
    ):
        assert client.get(reverse(f"register:{name}", kwargs={"org": "other", **kwargs})).status_code == 404
    response = client.post(
        reverse("register:risk_judge", kwargs={"org": "other", "risk_id": register["risk"].pk}),
        {"severity": "1", "rationale": "x"},
    )
    assert response.status_code == 404


def _many_risks(organisation: Any, count: int) -> None:
    start = Supplier.objects.filter(organisation=organisation).count()  # called more than once per test
    suppliers = Supplier.objects.bulk_create(
        [
            Supplier(
                organisation=organisation, name=f"Supplier {n}", country="IN", key=f"name:supplier {n}|IN"
            )
            for n in range(start, start + count)
        ]
    )
    Risk.objects.bulk_create(
        [
            Risk(
                organisation=organisation,
                source=RiskSource.SCAN,
                supplier=supplier,
                title=f"Risk {n}",
                salience=n % 100,
            )
            for n, supplier in enumerate(suppliers)
        ]
    )
    for risk in Risk.objects.filter(organisation=organisation)[:10]:
        actions.add_measure(None, organisation, risk, {"kind": "mitigate", "description": "d", "owner": "o"})


@pytest.mark.parametrize(
    "page", ["risks", "measures", "suppliers", "progress", "stakeholders", "remediation"]
)
def test_list_pages_cost_a_fixed_number_of_queries(
    page: str, acme: Any, alice: Any, client_for: Any, django_assert_max_num_queries: Any, settings: Any
) -> None:
    settings.IMVO_PAGE_CACHE_SECONDS = 0  # what rendering them costs, every time
    client = client_for(alice)
    _many_risks(acme, 10)
    client.get(url(page))  # warm up: session, content types
    with django_assert_max_num_queries(25) as small:
        client.get(url(page))
    _many_risks(acme, 120)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url(page)).status_code == 200


def test_risk_filter_returns_the_table_partial_for_htmx(
    register: dict[str, Any], alice: Any, acme: Any, client_for: Any
) -> None:
    actions.create_manual_risk(alice, acme, {"title": "Closed one", "status": "closed"})
    response = client_for(alice).get(url("risks"), {"status": "closed"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert page.startswith('<div id="risk-table">')
    assert "Closed one" in page
    assert "Excessive" not in page


def test_pages_are_in_dutch_for_dutch_browsers(register: dict[str, Any], alice: Any, client_for: Any) -> None:
    page = client_for(alice).get(url("progress"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Overzicht" in page
    assert "Beste volgende acties" in page
    assert "Kerncijfers" in page
    risk_page = client_for(alice).get(
        url("risk_detail", risk_id=register["risk"].pk), HTTP_ACCEPT_LANGUAGE="nl"
    )
    assert "Oordelen over de ernst" in risk_page.content.decode()


def test_risk_pages_keep_the_filter_in_page_links(acme: Any, alice: Any, client_for: Any) -> None:
    _many_risks(acme, 60)
    page = client_for(alice).get(url("risks"), {"area": "supply_chain"}).content.decode()
    assert "?area=supply_chain&amp;page=2" in page


def test_policy_document_is_uploaded_checked_and_served_to_members_only(
    alice: Any, bob: Any, charlie: Any, acme: Any, client_for: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from imvo.web.register.models import Policy

    client = client_for(alice)
    fake_pdf = SimpleUploadedFile("policy.pdf", b"MZ not a pdf")
    assert client.post(url("policy_create"), {"title": "RBC", "document": fake_pdf}).status_code == 400
    pdf = SimpleUploadedFile("mvo-beleid.pdf", b"%PDF-1.4 policy text")
    assert client.post(url("policy_create"), {"title": "RBC", "document": pdf}).status_code == 302
    policy = Policy.objects.get(organisation=acme)
    assert policy.document_name == "mvo-beleid.pdf"
    assert "mvo-beleid" not in policy.document.name  # stored under a random name
    download = client_for(bob).get(url("policy_document", policy_id=policy.pk))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 policy text"
    assert "mvo-beleid.pdf" in download["Content-Disposition"]
    stranger = client_for(charlie).get(url("policy_document", policy_id=policy.pk))
    assert stranger.status_code == 404
    audit = AuditEvent.objects.get(organisation=acme, object_type="policy", action="create")
    assert audit.changes["document_name"] == "mvo-beleid.pdf"
    # Editing without a new file keeps the document.
    assert client.post(url("policy_edit", policy_id=policy.pk), {"title": "RBC 2"}).status_code == 302
    policy.refresh_from_db()
    assert (policy.title, policy.document_name) == ("RBC 2", "mvo-beleid.pdf")


def test_risk_audit_trail_shows_old_and_new_values(acme: Any, alice: Any, client_for: Any) -> None:
    from imvo.web.register import actions

    risk = actions.create_manual_risk(alice, acme, {"title": "Excessive overtime", "salience": 40})
    actions.update_risk(alice, acme, risk, {"salience": 65})
    page = client_for(alice).get(f"/o/{acme.slug}/risks/{risk.pk}/").content.decode()
    assert "<del>40</del>" in page
    assert "<ins>65</ins>" in page
    assert "[40, 65]" not in page
