"""The demo covenant: five sharing members, a published location list, a redacted minute, a ruling."""

from __future__ import annotations

import pytest
from django.urls import reverse

from imvo.web.covenants import queries
from imvo.web.covenants.demo import DEMO_NAME, seed_covenant
from imvo.web.covenants.models import DocumentStatus, MeetingDocument, RulingLink

pytestmark = pytest.mark.django_db


def test_the_demo_covenant_has_what_the_issue_asks_for(alice, client, client_for):
    covenant = seed_covenant(alice)
    assert covenant.name == DEMO_NAME
    assert seed_covenant(alice) == covenant  # idempotent
    assert queries.contributing_members(covenant).count() == 5
    minutes = MeetingDocument.objects.get(organisation=covenant, kind="minutes")
    assert minutes.status == DocumentStatus.PUBLISHED
    assert [mark["reason"] for mark in minutes.withheld] == ["competition", "personal"]
    link = RulingLink.objects.get(organisation=covenant)
    assert link.assessment is not None
    public = client.get(reverse("covenants:public", kwargs={"covenant": covenant.slug})).content.decode()
    assert "inkoopprijs" not in public
    assert "ontslag van vakbondsvertegenwoordigers" in public
    locations = client.get(
        reverse("covenants:public_locations_export", kwargs={"covenant": covenant.slug, "fmt": "csv"})
    )
    assert locations.status_code == 200
    assert "Dhaka Knit Composite Ltd" in locations.content.decode()
    owner = client_for(alice)
    for name in ("overview", "assessments", "picture", "locations", "meetings", "evaluation"):
        response = owner.get(reverse(f"covenants:{name}", kwargs={"org": covenant.slug}))
        assert response.status_code == 200, name
    evaluation = owner.get(reverse("covenants:evaluation", kwargs={"org": covenant.slug})).content.decode()
    assert "Upheld" in evaluation


def test_a_ruling_can_only_be_linked_from_the_covenants_own_committee(alice, client_for):
    from django.core.exceptions import ValidationError

    from imvo.web.covenants import actions
    from imvo.web.grievances.models import GrievanceCase

    covenant = seed_covenant(alice)
    link = RulingLink.objects.get(organisation=covenant)
    other_party = queries.parties(covenant).filter(kind="company").exclude(pk=link.party_id).first()
    with pytest.raises(ValidationError, match="another member"):
        actions.link_ruling(alice, covenant, link.case, other_party, link.assessment)
    foreign = GrievanceCase.objects.exclude(mechanism_id=queries.covenant_of(covenant).committee_id).first()
    if foreign is not None:
        with pytest.raises(ValidationError):
            actions.link_ruling(alice, covenant, foreign, other_party, None)
    page = (
        client_for(alice).get(reverse("covenants:overview", kwargs={"org": covenant.slug})).content.decode()
    )
    assert "Link a ruling to a member" in page
    assessment_page = client_for(alice).get(
        reverse(
            "covenants:assessment", kwargs={"org": covenant.slug, "member_assessment_id": link.assessment.pk}
        )
    )
    assert "Committee decision: complaint upheld" in assessment_page.content.decode()


def test_an_agreed_improvement_is_recorded_as_done(alice, client_for):
    from imvo.web.covenants.models import Improvement

    covenant = seed_covenant(alice)
    improvement = Improvement.objects.get(organisation=covenant)
    url = reverse(
        "covenants:improvement_done", kwargs={"org": covenant.slug, "improvement_id": improvement.pk}
    )
    assert client_for(alice).post(url, {f"i{improvement.pk}-done_on": "2026-05-01"}).status_code == 302
    improvement.refresh_from_db()
    assert str(improvement.done_on) == "2026-05-01"


def test_the_evaluation_figures_of_the_demo(alice):
    from imvo.web.covenants import evaluation

    covenant = seed_covenant(alice)
    figures = evaluation.figures(covenant)
    assert figures["complaints"] == {"received": 1, "handled": 1, "upheld": 1}
    assert figures["members_over_time"][0] == {"year": 2023, "members": 2}
    assert figures["members_over_time"][-1]["members"] == 5
    assert figures["latest_year"] == 2025
    for row in figures["levels"]:
        assert sum(share["count"] for share in row["shares"]) == 1  # one plan from a register in 2025
    assert (figures["projects"], figures["results"], figures["assessed"]) == (1, 1, 1)


def test_the_covenant_pages_are_structurally_accessible(alice, client_for):
    """The accessibility walker's checks (tests/web/test_accessibility.py) on the demo's pages, where
    the forms of many rows share a page: every field labelled, and no id used twice."""
    from collections import Counter

    from imvo.web.covenants.models import MemberAssessment
    from tests.web.test_accessibility import PageStructure, _check

    covenant = seed_covenant(alice)
    assessment = MemberAssessment.objects.get(organisation=covenant)
    urls = [
        reverse(f"covenants:{name}", kwargs={"org": covenant.slug})
        for name in ("overview", "assessments", "picture", "locations", "meetings", "evaluation")
    ]
    urls += [
        reverse("covenants:assessment", kwargs={"org": covenant.slug, "member_assessment_id": assessment.pk}),
        reverse("covenants:member_home", kwargs={"org": "demo-kleding-1"}),
        reverse("covenants:member_locations", kwargs={"org": "demo-kleding-1"}),
        reverse("covenants:public", kwargs={"covenant": covenant.slug}),
    ]
    client = client_for(alice)
    problems = []
    for url in urls:
        html = client.get(url).content.decode()
        problems += _check(html, url)
        page = PageStructure()
        page.feed(html)
        ids = Counter(field.get("id") for field in page.fields if field.get("id"))
        problems += [f"{url}: id {name} used {count} times" for name, count in ids.items() if count > 1]
    assert problems == []


def test_the_dutch_pages_carry_no_english_of_this_app(alice, client_for):
    """Every English sentence of the covenant catalogue that has a different Dutch text must not
    appear on a Dutch page (a string outside gettext, or a missing translation, would)."""
    from pathlib import Path

    from babel.messages.pofile import read_po

    import imvo.web.covenants
    from imvo.web.covenants.models import MemberAssessment

    catalogue = Path(imvo.web.covenants.__file__).parent / "locale" / "nl" / "LC_MESSAGES" / "django.po"
    with catalogue.open("rb") as handle:
        messages = [
            m for m in read_po(handle) if isinstance(m.id, str) and len(m.id) > 12 and "%" not in m.id
        ]
    english = [m.id for m in messages if m.string and m.string != m.id]
    covenant = seed_covenant(alice)
    assessment = MemberAssessment.objects.get(organisation=covenant)
    urls = [
        reverse(f"covenants:{name}", kwargs={"org": covenant.slug})
        for name in ("overview", "assessments", "picture", "locations", "meetings", "evaluation")
    ]
    urls += [
        reverse("covenants:assessment", kwargs={"org": covenant.slug, "member_assessment_id": assessment.pk}),
        reverse("covenants:member_home", kwargs={"org": "demo-kleding-1"}),
        reverse(
            "covenants:member_assessment",
            kwargs={"org": "demo-kleding-1", "member_assessment_id": assessment.pk},
        ),
        reverse("covenants:public", kwargs={"covenant": covenant.slug}),
        reverse("covenants:public_locations", kwargs={"covenant": covenant.slug}),
    ]
    client = client_for(alice)
    client.cookies["django_language"] = "nl"
    found = []
    for url in urls:
        html = client.get(url).content.decode()
        assert 'lang="nl"' in html
        found += [(url, text) for text in english if text in html]
    assert found == []
    # The control: the same check does find the English on the English page.
    client.cookies["django_language"] = "en"
    html = client.get(urls[0]).content.decode()
    assert [text for text in english if text in html]


def test_the_demo_command_names_the_covenant_it_seeds():
    from imvo import demo
    from imvo.web.covenants.demo import DEMO_SLUG

    assert demo.COVENANT_SLUG == DEMO_SLUG


def test_a_published_ruling_redacts_the_members_name_but_not_common_words(alice, client):
    covenant = seed_covenant(alice)
    link = RulingLink.objects.get(organisation=covenant)
    case = link.case
    assert case.statement_published_at is not None
    name = link.party.name  # "Demo Kleding <n> B.V."
    core = name.removesuffix(" B.V.")
    case.public_statement = f"Een lid, {name}, verkoopt kleding van een leverancier. {core} rapporteert."
    case.save(update_fields=["public_statement"])
    page = client.get(reverse("covenants:public", kwargs={"covenant": covenant.slug})).content.decode()
    assert "Een lid, […], verkoopt kleding van een leverancier. […] rapporteert." in page
    assert core not in page
