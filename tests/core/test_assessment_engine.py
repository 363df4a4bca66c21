"""The assessment engine: verdicts, citations, polarity rules, serialisation, robustness."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fpdf import FPDF
from hypothesis import given, settings
from hypothesis import strategies as st

from imvo.core.assessment import (
    CRITERION_IDS,
    ENGINE_VERSION,
    Assessment,
    Polarity,
    Verdict,
    assess_file,
    assess_text,
    detect_language,
    extract_file,
)
from imvo.core.assessment.engine import polarity_of

FIXTURES = Path(__file__).parent / "fixtures" / "disclosures"


def test_full_english_statement_finds_every_criterion_with_citations() -> None:
    path = FIXTURES / "en_human_rights_statement.txt"
    assessment = assess_file(path)
    document = extract_file(path)
    assert assessment.language == "en"
    assert [result.criterion_id for result in assessment.results] == list(CRITERION_IDS)
    for result in assessment.results:
        assert result.verdict is Verdict.FOUND, result.criterion_id
        assert 0.0 < result.confidence <= 1.0
        for citation in result.citations:
            assert document.text[citation.start : citation.end] == citation.snippet
            assert document.text[citation.cue_start : citation.cue_end] == citation.cue
            assert citation.start <= citation.cue_start < citation.cue_end <= citation.end
            assert citation.page is None


def test_minimal_statement_distinguishes_not_done_from_silence() -> None:
    assessment = assess_file(FIXTURES / "en_minimal_statement.txt")
    verdicts = {result.criterion_id: result.verdict for result in assessment.results}
    assert verdicts["supplier_audits"] is Verdict.EXPLICITLY_NOT_DONE
    assert verdicts["supplier_certification"] is Verdict.EXPLICITLY_NOT_DONE
    assert verdicts["training"] is Verdict.EXPLICITLY_NOT_DONE
    assert verdicts["risk_assessment"] is Verdict.EXPLICITLY_NOT_DONE  # considering a verification process
    assert verdicts["oecd_endorsement"] is Verdict.NOT_FOUND
    assert verdicts["grievance_mechanism"] is Verdict.NOT_FOUND
    planned = assessment.result("risk_assessment").citations[0]
    assert planned.polarity is Polarity.PLANNED
    labels = assessment.legalbench_labels()
    assert labels["best_practice_audits"] is False
    assert labels["disclosed_audits"] is True
    assert labels["disclosed_accountability"] is False


def test_dutch_html_report() -> None:
    assessment = assess_file(FIXTURES / "nl_imvo_verslag.html")
    verdicts = {result.criterion_id: result.verdict for result in assessment.results}
    assert assessment.language == "nl"
    assert verdicts["oecd_endorsement"] is Verdict.FOUND
    assert verdicts["supplier_audits"] is Verdict.EXPLICITLY_NOT_DONE
    # "Klokkenluidersregeling" sits in the site footer only; the report says there is no mechanism yet.
    assert verdicts["grievance_mechanism"] is Verdict.EXPLICITLY_NOT_DONE
    assert verdicts["training"] is Verdict.FOUND


def test_german_cp1252_statement() -> None:
    assessment = assess_file(FIXTURES / "de_grundsatzerklaerung_cp1252.txt")
    verdicts = {result.criterion_id: result.verdict for result in assessment.results}
    assert assessment.language == "de"
    assert verdicts["oecd_endorsement"] is Verdict.FOUND
    assert verdicts["supplier_audits"] is Verdict.EXPLICITLY_NOT_DONE
    assert verdicts["remediation"] is Verdict.FOUND
    assert verdicts["supplier_certification"] is Verdict.NOT_FOUND


def test_pdf_citation_carries_the_right_page(tmp_path: Path) -> None:
    pages = [
        "Letter from the CEO. 2024 was a year of growth for the group and its customers.",
        "Financial review. The audit committee met six times to review the financial statements.",
        "Human rights. We endorse the OECD Guidelines for Multinational Enterprises.",
        "Supply chain. We conduct unannounced audits of our suppliers' factories.",
    ]
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    path = tmp_path / "annual-report.pdf"
    pdf.output(str(path))
    assessment = assess_file(path)
    document = extract_file(path)
    assert assessment.pages == 4
    endorsement = assessment.result("oecd_endorsement")
    audits = assessment.result("supplier_audits")
    assert endorsement.verdict is Verdict.FOUND
    assert audits.verdict is Verdict.FOUND
    assert [citation.page for citation in endorsement.citations] == [3]
    assert [citation.page for citation in audits.citations] == [4]  # not the audit committee on page 2
    for citation in (*endorsement.citations, *audits.citations):
        assert document.text[citation.start : citation.end] == citation.snippet


@pytest.mark.parametrize(
    ("sentence", "cue", "expected"),
    [
        ("We do not currently conduct audits of suppliers.", "audits", Polarity.NEGATED),
        (
            "It is not feasible for us to verify product supply chains or audit suppliers.",
            "audit",
            Polarity.NEGATED,
        ),
        (
            "It is not feasible to audit every supplier, but we inspect high-risk factories.",
            "inspect",
            Polarity.AFFIRMED,
        ),
        ("Suppliers that do not comply with our code will be audited.", "audited", Polarity.AFFIRMED),
        ("We not only audit suppliers but also train them.", "audit", Polarity.AFFIRMED),
        ("We reserve the right to audit suppliers.", "audit", Polarity.AFFIRMED),
        ("We plan to introduce supplier audits in 2026.", "audits", Polarity.PLANNED),
        ("We are considering whether to adopt formal audits.", "audits", Polarity.PLANNED),
        ("Audits are not carried out at this stage.", "Audits", Polarity.NEGATED),
        ("Wij auditen onze leveranciers niet.", "auditen", Polarity.NEGATED),
        ("Wir auditieren nicht nur Lieferanten, sondern schulen auch.", "auditieren", Polarity.AFFIRMED),
        ("We have zero tolerance for child labour and audit our suppliers.", "audit", Polarity.AFFIRMED),
    ],
)
def test_polarity_rules(sentence: str, cue: str, expected: Polarity) -> None:
    start = sentence.index(cue)
    assert polarity_of(sentence, start, start + len(cue)) is expected


def test_a_new_subject_after_a_comma_ends_the_negation() -> None:
    sentence = "While we do not audit every supplier, we audit all high-risk factories twice a year."
    second = sentence.rindex("audit")
    assert polarity_of(sentence, second, second + len("audit")) is Polarity.AFFIRMED
    assert assess_text(sentence).result("supplier_audits").verdict is Verdict.FOUND


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We require our suppliers to train their workers on health and safety.", Verdict.NOT_FOUND),
        ("Training shall be provided to all workers and management on health and safety.", Verdict.NOT_FOUND),
        ("We trained our major vendors on human trafficking and forced labour in 2024.", Verdict.FOUND),
        ("We provide training to our purchasing staff on forced labour in the supply chain.", Verdict.FOUND),
    ],
)
def test_training_is_the_companys_own_practice(text: str, expected: Verdict) -> None:
    assert assess_text(text).result("training").verdict is expected


def test_requiring_suppliers_to_comply_is_not_internal_accountability() -> None:
    text = "We require all suppliers to comply with our code of conduct and with laws against forced labour."
    assert assess_text(text).result("internal_accountability").verdict is Verdict.NOT_FOUND
    staff = "Our buyers are also expected to comply with this policy on forced labour."
    assert assess_text(staff).result("internal_accountability").verdict is Verdict.FOUND


def test_lowercasing_keeps_offsets_for_characters_that_grow() -> None:
    text = "İstanbul office. We conduct audits of our suppliers' factories in İzmir."
    citation = assess_text(text).result("supplier_audits").citations[0]
    assert text[citation.cue_start : citation.cue_end] == "audits"


def test_found_outweighs_a_negated_mention_but_lowers_confidence() -> None:
    clean = assess_text("We conduct audits of our suppliers' factories.").result("supplier_audits")
    mixed = assess_text(
        "We do not audit our suppliers' warehouses in Europe. We conduct audits of our suppliers' factories."
    ).result("supplier_audits")
    assert clean.verdict is Verdict.FOUND
    assert mixed.verdict is Verdict.FOUND
    assert mixed.confidence < clean.confidence
    assert all(citation.polarity is Polarity.AFFIRMED for citation in mixed.citations)


def test_headings_alone_are_not_evidence() -> None:
    assessment = assess_text(
        "Supplier audits\n\nTraining\n\nGrievance mechanism\n\nOur products are sold worldwide."
    )
    assert {result.verdict for result in assessment.results} == {Verdict.NOT_FOUND}


def test_a_short_sentence_is_evidence_but_a_heading_is_not() -> None:
    assert assess_text("Wij auditen leveranciers.").result("supplier_audits").verdict is Verdict.FOUND
    assert assess_text("Leveranciers auditen\n\nOnze producten").result("supplier_audits").verdict is (
        Verdict.NOT_FOUND
    )


def test_a_section_title_with_a_full_stop_does_not_outweigh_the_negation() -> None:
    text = (
        "Audits. We do not conduct audits of our suppliers. "
        "Training. We do not train our buyers on forced labour."
    )
    assessment = assess_text(text)
    assert assessment.result("supplier_audits").verdict is Verdict.EXPLICITLY_NOT_DONE
    assert assessment.result("training").verdict is Verdict.EXPLICITLY_NOT_DONE


def test_negation_carries_over_to_a_later_cue_in_the_same_clause() -> None:
    text = (
        "Zenith does not engage in verification of its product supply chains to evaluate and address "
        "risks of human trafficking and slavery."
    )
    result = assess_text(text).result("risk_assessment")
    assert result.verdict is Verdict.EXPLICITLY_NOT_DONE
    assert {citation.polarity for citation in result.citations} == {Polarity.NEGATED}


def test_user_documentation_defines_every_criterion() -> None:
    documentation = (Path(__file__).parents[2] / "docs" / "assessment.md").read_text(encoding="utf-8")
    for criterion_id in CRITERION_IDS:
        assert f"| `{criterion_id}` |" in documentation


def test_mention_of_frameworks_without_commitment_is_not_endorsement() -> None:
    text = (
        "The OECD Guidelines for Multinational Enterprises set out recommendations from governments. "
        "The UN Guiding Principles on Business and Human Rights were adopted in 2011."
    )
    assert assess_text(text).result("oecd_endorsement").verdict is Verdict.NOT_FOUND


def test_criteria_selection_and_unknown_criteria() -> None:
    assessment = assess_text("We train our buyers on forced labour.", criteria=["training"])
    assert [result.criterion_id for result in assessment.results] == ["training"]
    with pytest.raises(ValueError, match="unknown criteria: nonsense"):
        assess_text("text", criteria=["nonsense"])


def test_assessment_serialises_to_json_with_stable_ids_and_version() -> None:
    assessment = assess_file(FIXTURES / "en_human_rights_statement.txt")
    loaded = json.loads(assessment.to_json())
    assert loaded["engine_version"] == ENGINE_VERSION
    assert [result["criterion_id"] for result in loaded["results"]] == list(CRITERION_IDS)
    citation = loaded["results"][0]["citations"][0]
    assert set(citation) == {"snippet", "page", "start", "end", "cue", "cue_start", "cue_end", "polarity"}
    assert loaded["results"][0]["verdict"] == "found"


def test_stored_assessment_round_trips() -> None:
    assessment = assess_file(FIXTURES / "nl_imvo_verslag.html")
    stored = json.loads(assessment.to_json())
    assert Assessment.from_dict(stored) == assessment


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We conduct audits of our suppliers and train our staff on human rights.", "en"),
        ("Wij voeren audits uit bij onze leveranciers en trainen onze medewerkers.", "nl"),
        ("Wir führen Audits bei unseren Lieferanten durch und schulen unsere Mitarbeiter.", "de"),
        ("12345 67890", "und"),
    ],
)
def test_language_detection(text: str, language: str) -> None:
    assert detect_language(text) == language


_VOCABULARY = (
    "we our do not no audit audits suppliers train training OECD Guidelines endorse verify risk geen niet "
    "leveranciers keine nicht Lieferanten Schulung . , ; : but however grievance remedy report annually "
    "human rights forced labour plan to introduce"
)
_WORDS = st.sampled_from([*_VOCABULARY.split(" "), "\n", "\n\n"])


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(max_size=400),
        st.lists(_WORDS, max_size=80).map(" ".join),
    )
)
def test_engine_never_raises_and_every_found_has_a_slicing_citation(text: str) -> None:
    assessment = assess_text(text)
    for result in assessment.results:
        if result.verdict is Verdict.NOT_FOUND:
            assert result.citations == ()
            continue
        assert result.citations
        for citation in result.citations:
            assert text[citation.start : citation.end] == citation.snippet
            assert text[citation.cue_start : citation.cue_end] == citation.cue
        if result.verdict is Verdict.FOUND:
            assert result.citations[0].polarity is Polarity.AFFIRMED
    json.dumps(assessment.to_dict())
