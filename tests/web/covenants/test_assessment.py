"""The member's annual assessment: submission from the register or a document, four-eyes assessment by
the secretariat, and what the member sees (only once a second person approved)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imvo.web.covenants import actions, queries
from imvo.web.covenants.models import AssessmentStatus, Improvement
from imvo.web.register.models import Policy

pytestmark = pytest.mark.django_db


def _verdicts(covenant: Any, verdict: str = "met") -> dict[str, dict[str, str]]:
    return {
        str(c.pk): {"verdict": verdict, "reason": f"Reason {c.position}"} for c in queries.criteria(covenant)
    }


def test_the_default_criteria_are_the_six_oecd_steps(covenant):
    assert [c.step for c in queries.criteria(covenant)] == [1, 2, 3, 4, 5, 6]


def test_a_plan_from_the_register_carries_the_register_levels(covenant, members):
    company, owner, party = members[0]["company"], members[0]["owner"], members[0]["party"]
    Policy.objects.create(organisation=company, title="RBC policy")
    assessment = actions.submit_plan(owner, company, party, 2025)
    assert assessment.source == "register"
    assert assessment.snapshot["levels"]["1"] == 1  # a policy recorded: step 1 started
    assert assessment.snapshot["risks"] == 2


def test_a_plan_from_the_register_needs_consent(covenant, members):
    company, owner, party = members[0]["company"], members[0]["owner"], members[0]["party"]
    actions.revoke_consent(owner, queries.consent_of(company, covenant))
    with pytest.raises(ValidationError):
        actions.submit_plan(owner, company, party, 2025)
    upload = SimpleUploadedFile("plan.txt", b"Our due-diligence plan.")
    assessment = actions.submit_plan(owner, company, party, 2025, upload)
    assert assessment.source == "document"
    assert assessment.document_name == "plan.txt"


def test_four_eyes_and_what_the_member_sees(covenant, members, alice, dave, client_for):
    company, owner, party = members[0]["company"], members[0]["owner"], members[0]["party"]
    assessment = actions.submit_plan(owner, company, party, 2025)
    member_url = reverse(
        "covenants:member_assessment", kwargs={"org": company.slug, "member_assessment_id": assessment.pk}
    )
    with pytest.raises(ValidationError, match="every criterion"):
        actions.propose_assessment(alice, assessment, dict(list(_verdicts(covenant).items())[:2]), [])
    improvements = [
        {"description": "Map tier-2 suppliers", "due_on": __import__("datetime").date(2026, 6, 30)}
    ]
    actions.propose_assessment(alice, assessment, _verdicts(covenant, "partly"), improvements)
    assert client_for(owner).get(member_url).content.decode().count("Reason 1") == 0
    with pytest.raises(PermissionDenied):
        actions.decide_assessment(alice, assessment, True, "Looks right")
    actions.decide_assessment(dave, assessment, True, "Agreed")
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.APPROVED
    assert Improvement.objects.get(assessment=assessment).description == "Map tier-2 suppliers"
    body = client_for(owner).get(member_url).content.decode()
    assert "Reason 1" in body
    assert "Map tier-2 suppliers" in body
    # Another member company cannot open it.
    other = client_for(members[1]["owner"]).get(
        reverse(
            "covenants:member_assessment", kwargs={"org": "kleding-2", "member_assessment_id": assessment.pk}
        )
    )
    assert other.status_code == 404


def test_the_assessment_through_the_pages(covenant, members, alice, dave, client_for):
    company, owner, party = members[0]["company"], members[0]["owner"], members[0]["party"]
    response = client_for(owner).post(
        reverse("covenants:submit", kwargs={"org": company.slug, "party_id": party.pk}),
        {f"s{party.pk}-year": 2025},
    )
    assert response.status_code == 302
    assessment = queries.assessments(covenant).get()
    url_kwargs = {"org": "convenant", "member_assessment_id": assessment.pk}
    data: dict[str, Any] = {}
    for criterion in queries.criteria(covenant):
        data[f"verdict_{criterion.pk}"] = "met"
        data[f"reason_{criterion.pk}"] = "Evidenced in the register"
    data.update(improvement_1="Publish the report", due_1="2026-03-01")
    assert (
        client_for(alice).post(reverse("covenants:assessment_propose", kwargs=url_kwargs), data).status_code
        == 302
    )
    refused = client_for(alice).post(
        reverse("covenants:assessment_decide", kwargs=url_kwargs), {"decision": "approve", "reason": "ok"}
    )
    assert refused.status_code in {400, 403}
    approved = client_for(dave).post(
        reverse("covenants:assessment_decide", kwargs=url_kwargs), {"decision": "approve", "reason": "ok"}
    )
    assert approved.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == "approved"
    evaluation = client_for(alice).get(reverse("covenants:assessments", kwargs={"org": "convenant"}))
    assert "6 of 6" in evaluation.content.decode() or "6 van 6" in evaluation.content.decode()


def test_revoking_consent_erases_the_register_snapshot(covenant, members):
    company, owner, party = members[0]["company"], members[0]["owner"], members[0]["party"]
    assessment = actions.submit_plan(owner, company, party, 2025)
    assert assessment.snapshot
    actions.revoke_consent(owner, queries.consent_of(company, covenant))
    assessment.refresh_from_db()
    assert assessment.snapshot == {}


def test_linking_needs_the_companys_consent(covenant, alice):
    from imvo.web.organisations.models import Organisation

    Organisation.objects.create(name="Stranger", slug="stranger", kind="company")
    party = actions.add_party(
        alice,
        covenant,
        {"kind": "company", "name": "Stranger", "joined_on": __import__("datetime").date(2024, 1, 1)},
    )
    with pytest.raises(ValidationError, match="consent"):
        actions.link_party(alice, covenant, party, "stranger")
    with pytest.raises(ValidationError, match="consent"):
        actions.link_party(alice, covenant, party, "does-not-exist")


def test_the_covenants_home_is_its_workspace(covenant, alice, client_for):
    response = client_for(alice).get(reverse("register:progress", kwargs={"org": covenant.slug}))
    assert response.status_code == 302
    assert response["Location"] == reverse("covenants:overview", kwargs={"org": covenant.slug})


def test_progress_over_the_years_per_member_and_for_the_covenant(covenant, members, alice, dave):
    from imvo.web.covenants import evaluation

    for year, verdict in ((2024, "not_met"), (2025, "met")):
        for member in members[:2]:
            assessment = actions.submit_plan(member["owner"], member["company"], member["party"], year)
            actions.propose_assessment(alice, assessment, _verdicts(covenant, verdict), [])
            actions.decide_assessment(dave, assessment, True, "ok")
    progress = evaluation.progress_per_member(covenant)
    assert progress["years"] == [2024, 2025]
    cells = {row["party"].pk: row["cells"] for row in progress["rows"]}
    assert [(cell["met"], cell["total"]) for cell in cells[members[0]["party"].pk]] == [(0, 6), (6, 6)]
    assert [(cell["met"], cell["total"]) for cell in progress["totals"]] == [(0, 12), (12, 12)]
    assert cells[members[2]["party"].pk][0]["met"] is None  # member 3 submitted nothing
