"""The sentence-reading rules of issue 14, one class of wording at a time, each in several phrasings.

The sentences are written for these tests from Cal. Civ. Code § 1714.43(c), the LegalBench coding
instructions and the wording companies use; none is taken from a LegalBench statement. Each class
is a general rule (list negation, statutory headings, plans, purpose, whose practice …), so every
class is tested with phrasings that differ in subject, verb, order and language.
"""

# ruff: noqa: E501  (one example sentence per line keeps the tables readable)
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imvo.core.assessment import LEGALBENCH_MEASURES, Polarity, Verdict, assess_text
from imvo.core.assessment.scope import analyse

FOUND = Verdict.FOUND
NOT_DONE = Verdict.EXPLICITLY_NOT_DONE
NOT_FOUND = Verdict.NOT_FOUND

VERIFICATION = LEGALBENCH_MEASURES["verification"]
AUDITS = LEGALBENCH_MEASURES["audits"]
CERTIFICATION = LEGALBENCH_MEASURES["certification"]
ACCOUNTABILITY = LEGALBENCH_MEASURES["accountability"]
TRAINING = LEGALBENCH_MEASURES["training"]


def verdict(text: str, criterion_id: str) -> Verdict:
    return assess_text(text).result(criterion_id).verdict


def check(text: str, expected: dict[str, Verdict]) -> None:
    assessment = assess_text(text)
    for criterion_id, wanted in expected.items():
        result = assessment.result(criterion_id)
        assert result.verdict is wanted, (criterion_id, [(c.cue, c.polarity.value) for c in result.citations])
        if wanted is not NOT_FOUND:
            assert result.citations, "every verdict but not_found cites its passage"


# --- negation over lists and long sentences ---------------------------------------------------

LIST_NEGATIONS = [
    "Acme does not verify its product supply chains, audit its suppliers for compliance with company standards, or require direct suppliers to certify that materials comply with anti-slavery laws.",
    "We do not at present verify our supply chain, conduct audits of our vendors or ask them to certify their compliance with laws on human trafficking.",
    "The company neither verifies its supply chains nor audits its suppliers, nor does it require supplier certifications.",
    "Wij verifiëren onze keten niet, voeren geen audits uit en vragen leveranciers niet om een schriftelijke verklaring over dwangarbeid.",
    "Wir überprüfen unsere Lieferkette nicht, führen keine Audits durch und verlangen keine schriftliche Bestätigung zu Zwangsarbeit von Lieferanten.",
]


@pytest.mark.parametrize("text", LIST_NEGATIONS)
def test_a_negation_covers_every_item_of_a_list(text: str) -> None:
    check(text, {VERIFICATION: NOT_DONE, AUDITS: NOT_DONE, CERTIFICATION: NOT_DONE})


@pytest.mark.parametrize(
    "text",
    [
        "We do not currently provide our employees and managers who are responsible for sourcing with formal training on slavery and trafficking.",
        "Harbor does not, at this stage and given the size of its purchasing team, offer any specific training on human trafficking to its buyers.",
        "The Company has not, to date, provided employees or management with direct responsibility for supply chain management training on forced labour.",
        "Onze medewerkers en managers in de inkoop hebben tot nu toe geen specifieke training over mensenhandel gekregen.",
        "Unseren Einkäufern und Führungskräften bieten wir derzeit keine eigenen Schulungen zu Menschenhandel an.",
    ],
)
def test_a_negation_reaches_over_a_long_noun_phrase(text: str) -> None:
    check(text, {TRAINING: NOT_DONE})


@pytest.mark.parametrize(
    ("text", "criterion_id"),
    [
        ("We do not tolerate forced labour and audit our suppliers against our code every year.", AUDITS),
        (
            "We will not do business with vendors who use forced labour, and require all vendors to certify that their goods are made without it.",
            CERTIFICATION,
        ),
        ("We found no evidence of forced labour in the audits we carried out this year.", AUDITS),
        ("Our audits have not identified any cases of trafficking in our supply chain.", AUDITS),
        ("Audits did not reveal any instances of child labour in 2024.", AUDITS),
        ("Suppliers that do not comply with our standards will be audited more often.", AUDITS),
        (
            "Vendors who do not sign our Code of Conduct acknowledgement are not approved for production.",
            CERTIFICATION,
        ),
        ("We not only audit our suppliers but also visit their factories without notice.", AUDITS),
        ("Wir auditieren nicht nur unsere Lieferanten, sondern auch deren Unterauftragnehmer.", AUDITS),
        ("Wij tolereren geen kinderarbeid en auditen onze leveranciers jaarlijks.", AUDITS),
    ],
)
def test_a_negation_that_is_about_something_else_leaves_the_practice_affirmed(
    text: str, criterion_id: str
) -> None:
    check(text, {criterion_id: FOUND})


@pytest.mark.parametrize(
    ("text", "criterion_id"),
    [
        (
            "Our verification was not conducted by a third party; it is carried out by our sourcing team.",
            VERIFICATION,
        ),
        (
            "Acme audits its direct suppliers; these audits are not independent and are announced in advance.",
            AUDITS,
        ),
        ("Our supplier audits are not unannounced.", AUDITS),
        ("Supply chain verification is performed internally and not by an outside firm.", VERIFICATION),
        (
            "De verificatie van onze keten wordt intern uitgevoerd en niet door een derde partij.",
            VERIFICATION,
        ),
        ("Die Überprüfung unserer Lieferkette erfolgt intern und nicht durch Dritte.", VERIFICATION),
    ],
)
def test_a_negated_qualifier_is_not_a_negated_practice(text: str, criterion_id: str) -> None:
    # The statute asks companies to say exactly this: "shall specify if the verification was not
    # conducted by a third party" (§ 1714.43(c)(1)); the practice itself exists.
    check(text, {criterion_id: FOUND})


@pytest.mark.parametrize(
    ("text", "criterion_id"),
    [
        ("Audits of suppliers are not conducted at this time.", AUDITS),
        ("Written certifications from suppliers regarding forced labour are not requested.", CERTIFICATION),
        ("Training on slavery and trafficking is not provided to our employees.", TRAINING),
        ("Audits bei Lieferanten führen wir nicht durch.", AUDITS),
        ("Eine Risikoanalyse unserer Lieferkette haben wir bisher nicht durchgeführt.", VERIFICATION),
        ("Sociale audits worden door ons niet uitgevoerd.", AUDITS),
        ("Unsere Lieferverträge enthalten keine Klauseln zu Zwangsarbeit.", CERTIFICATION),
        (
            "In onze contracten met leveranciers zijn geen bepalingen over dwangarbeid opgenomen.",
            CERTIFICATION,
        ),
    ],
)
def test_a_negation_after_the_practice_negates_it(text: str, criterion_id: str) -> None:
    check(text, {criterion_id: NOT_DONE})


# --- statutory headings, descriptions of the law, questions -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Verification of product supply chains to evaluate and address risks of human trafficking and slavery\n\nAuditing company suppliers\n\nCertification by direct suppliers\n\nInternal accountability standards\n\nTraining of employees and management\n\nFor more information please contact us.",
        "VERIFICATION\n\nAUDITS\n\nCERTIFICATION\n\nINTERNAL ACCOUNTABILITY\n\nTRAINING\n\nAcme opposes slavery and human trafficking.",
        "Conducts audits of suppliers to evaluate supplier compliance with company standards for trafficking and slavery in supply chains.\n\nRequires direct suppliers to certify that materials incorporated into the product comply with the laws regarding slavery and human trafficking.\n\nProvides company employees and management, who have direct responsibility for supply chain management, training on human trafficking and slavery.",
        "Verificatie van productieketens om risico's van mensenhandel en slavernij te evalueren en aan te pakken\n\nAudits bij leveranciers\n\nOpleiding en training",
        "Durchführung regelmäßiger Risikoanalysen\n\nAudits bei Lieferanten\n\nAus- und Weiterbildung",
    ],
)
def test_headings_and_the_statutes_own_list_are_not_evidence(text: str) -> None:
    assessment = assess_text(text)
    for criterion_id in LEGALBENCH_MEASURES.values():
        assert assessment.result(criterion_id).verdict is NOT_FOUND, criterion_id


@pytest.mark.parametrize(
    "text",
    [
        "The Act requires retailers and manufacturers to disclose to what extent they verify their supply chains, audit suppliers, require certification, maintain internal accountability and train employees.",
        "Companies subject to the Act must disclose to what extent, if any, they (1) engage in verification, (2) conduct audits of suppliers, (3) require direct suppliers to certify, (4) maintain internal accountability standards and (5) provide training.",
        "The California Transparency in Supply Chains Act of 2010 (SB 657) requires disclosure of efforts to verify, audit and certify supply chains and to train employees.",
        "Das Gesetz verlangt von Unternehmen offenzulegen, ob sie ihre Lieferanten auditieren und ihre Einkäufer schulen.",
        "De wet verplicht bedrijven te melden of zij hun leveranciers auditen en hun inkopers trainen.",
    ],
)
def test_a_description_of_the_law_is_not_evidence(text: str) -> None:
    assessment = assess_text(text)
    for criterion_id in LEGALBENCH_MEASURES.values():
        assert assessment.result(criterion_id).verdict is NOT_FOUND, criterion_id


def test_the_company_speaking_after_the_law_is_evidence_again() -> None:
    text = "The Act requires us to disclose whether we audit suppliers: we conduct unannounced audits of all tier 1 factories."
    check(text, {AUDITS: FOUND})


@pytest.mark.parametrize(
    "text",
    [
        "Does the company audit its suppliers?",
        "How does Acme verify its supply chain?",
        "Hoe trainen wij onze inkopers?",
        "Wie schulen wir unsere Einkäufer?",
    ],
)
def test_questions_are_not_evidence(text: str) -> None:
    assessment = assess_text(text)
    for criterion_id in LEGALBENCH_MEASURES.values():
        assert assessment.result(criterion_id).verdict is NOT_FOUND


@pytest.mark.parametrize(
    ("text", "criterion_id"),
    [
        (
            "Verification: Summit Brands does not use third parties to verify its product supply chains.",
            VERIFICATION,
        ),
        ("Audits\nWe do not currently audit our suppliers.", AUDITS),
        (
            "Supplier certification – we do not ask suppliers to certify compliance with anti-trafficking laws.",
            CERTIFICATION,
        ),
        ("Schulungen: Unsere Einkäufer erhalten derzeit keine Schulungen zu Menschenhandel.", TRAINING),
    ],
)
def test_a_label_before_the_text_does_not_outweigh_what_the_text_says(text: str, criterion_id: str) -> None:
    check(text, {criterion_id: NOT_DONE})


def test_a_wrapped_line_or_a_sentence_before_a_colon_is_not_a_label() -> None:
    wrapped = (
        "Acme conducts unannounced social compliance audits of supplier factories in\n"
        "Asia and Latin America every year to check working conditions."
    )
    check(wrapped, {AUDITS: FOUND})
    check("Acme conducts supplier audits in three regions: Asia, Africa and Latin America.", {AUDITS: FOUND})


def test_a_list_after_a_colon_is_evidence_even_without_verbs() -> None:
    text = "Our programme includes:\n\nUnannounced third-party audits of all tier 1 factories\n\nAnnual training of buyers on forced labour"
    check(text, {AUDITS: FOUND, TRAINING: FOUND})


# --- plans and possibilities ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "criterion_id"),
    [
        ("We intend to evaluate the risks of forced labour in our supply chain next year.", VERIFICATION),
        (
            "A consultancy will assist us with the development of a risk assessment methodology for our suppliers.",
            VERIFICATION,
        ),
        ("These steps may include third-party audits of selected suppliers.", AUDITS),
        ("In the future, we may consider unannounced audits of suppliers in high-risk regions.", AUDITS),
        (
            "A supplier declaration on human trafficking will be introduced during the coming year.",
            CERTIFICATION,
        ),
        (
            "We are developing internal accountability standards relating to human trafficking.",
            ACCOUNTABILITY,
        ),
        ("Training for our procurement team on forced labour is planned for 2025.", TRAINING),
        ("Wij zijn van plan om in 2025 een risicoanalyse van onze keten uit te voeren.", VERIFICATION),
        (
            "Een clausule over dwangarbeid wordt volgend jaar in onze leverancierscontracten opgenomen.",
            CERTIFICATION,
        ),
        ("Wir planen, ab 2025 Schulungen zu Menschenhandel für unsere Einkäufer anzubieten.", TRAINING),
        ("Ein Auditprogramm für Lieferanten befindet sich im Aufbau.", AUDITS),
    ],
)
def test_plans_and_possibilities_are_not_practice(text: str, criterion_id: str) -> None:
    result = assess_text(text).result(criterion_id)
    assert result.verdict is NOT_DONE
    assert {citation.polarity for citation in result.citations} == {Polarity.PLANNED}


@pytest.mark.parametrize(
    ("text", "criterion_id"),
    [
        ("We reserve the right to audit any supplier with or without notice.", AUDITS),
        ("Kestrel may conduct announced or unannounced audits of its vendors' facilities.", AUDITS),
        ("We will continue to audit all of our tier 1 suppliers every year.", AUDITS),
        (
            "Violations of our forced labour policy may result in disciplinary action, up to and including termination.",
            ACCOUNTABILITY,
        ),
        (
            "Any supplier that fails to comply with our Code of Conduct may face termination of the business relationship.",
            ACCOUNTABILITY,
        ),
        ("Wij behouden ons het recht voor om leveranciers op elk moment te auditen.", AUDITS),
    ],
)
def test_a_reserved_right_and_a_stated_consequence_are_practice(text: str, criterion_id: str) -> None:
    check(text, {criterion_id: FOUND})


# --- purpose: the statute is about slavery and trafficking ------------------------------------


@pytest.mark.parametrize(
    ("text", "criterion_id"),
    [
        (
            "Our suppliers' facilities are audited for product quality and food safety by an accredited body.",
            AUDITS,
        ),
        (
            "As a C-TPAT partner we conduct security audits of our logistics providers to protect cargo.",
            AUDITS,
        ),
        (
            "ISO 9001 audits of our supplier plants confirmed the effectiveness of their quality management.",
            AUDITS,
        ),
        (
            "Suppliers must certify that toys meet the product safety requirements of the CPSIA.",
            CERTIFICATION,
        ),
        (
            "Each supplier represents that its goods are made in accordance with good manufacturing practices and food safety regulations.",
            CERTIFICATION,
        ),
        ("Our suppliers hold ISO 14001 certification and our coffee is Fairtrade certified.", CERTIFICATION),
        (
            "Our quality team verifies that supplier components meet our technical specifications.",
            VERIFICATION,
        ),
        (
            "Our sales employees and store managers receive training on customer service and product knowledge.",
            TRAINING,
        ),
        ("Onze leveranciers worden jaarlijks geaudit op voedselveiligheid en productkwaliteit.", AUDITS),
        (
            "Unsere Lieferanten werden jährlich auf Lebensmittelsicherheit und Produktqualität auditiert.",
            AUDITS,
        ),
    ],
)
def test_another_purpose_is_not_the_practice(text: str, criterion_id: str) -> None:
    check(text, {criterion_id: NOT_FOUND})


def test_a_purpose_word_beside_the_labour_purpose_does_not_veto() -> None:
    check(
        "Our audits of supplier factories cover quality, safety and labour practices, including forced labour.",
        {AUDITS: FOUND},
    )
    check(
        "Audits: Summit conducts announced audits of its direct suppliers through its own quality and compliance staff.",
        {AUDITS: FOUND},
    )


# --- accountability: § 1714.43(c)(4), employees or contractors --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Suppliers found to be using forced labour will have their contracts terminated.",
        "We reserve the right to terminate our relationship with any supplier that violates our standards on slavery.",
        "Employees and contractors are held accountable for complying with our Human Rights Policy.",
        "Failure to comply with our standards on slavery and human trafficking will result in corrective action and, where necessary, the end of the relationship.",
        "Any employee who violates this policy will be terminated, and any vendor who violates it will have its contract terminated.",
        "Where an audit reveals forced labour and the supplier does not correct the violation, we cancel outstanding orders.",
        "Our Chief Compliance Officer oversees our programme against slavery and reports to the Board.",
        "Als een leverancier de gedragscode schendt, beëindigen wij de samenwerking.",
        "Mitarbeitende, die gegen den Verhaltenskodex verstoßen, müssen mit disziplinarischen Maßnahmen rechnen.",
    ],
)
def test_accountability_includes_consequences_for_employees_and_suppliers(text: str) -> None:
    check(text, {ACCOUNTABILITY: FOUND})


@pytest.mark.parametrize(
    "text",
    [
        "We require our suppliers to comply with all applicable laws, including laws against forced labour.",
        "Suppliers must provide documentation of their compliance with our standards on request.",
        "We provide training on slavery to employees and managers with direct responsibility for supply chain management.",
        "Vendors shall not discipline workers for exercising their right to freedom of association.",
        "Termination of the lease on our former head office in the supply chain district was completed in 2023.",
    ],
)
def test_requiring_suppliers_to_comply_is_not_accountability(text: str) -> None:
    check(text, {ACCOUNTABILITY: NOT_FOUND})


# --- certification wording: § 1714.43(c)(3) ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Our standard terms and conditions of purchase require suppliers to comply with laws prohibiting slavery and human trafficking.",
        "Suppliers acknowledge in writing that they have read and will comply with our Supplier Code of Conduct.",
        "We require suppliers to adhere to our Code of Conduct, which prohibits forced and prison labour.",
        "Our legally binding contracts with suppliers include a clause on compliance with anti-slavery laws.",
        "Each supplier completes an annual compliance questionnaire in which it confirms that it does not use forced labour.",
        "By accepting a purchase order, vendors represent and warrant that their goods are made without trafficked labour.",
        "Every new supplier signs a declaration of compliance with our policy on forced labour.",
        "Leveranciers ondertekenen bij aanvang van de samenwerking onze gedragscode, die dwangarbeid verbiedt.",
        "Unser Verhaltenskodex für Lieferanten ist Bestandteil aller Lieferverträge.",
    ],
)
def test_certification_wording(text: str) -> None:
    check(text, {CERTIFICATION: FOUND})


@pytest.mark.parametrize(
    "text",
    [
        "All employees sign our Code of Business Conduct when they join the company.",
        "We expect our suppliers to comply with all applicable laws and regulations.",
        "Suppliers agree in their contracts that we may inspect their production sites at any time.",
        "Suppliers found to be using forced labour will have their contracts terminated.",
        "Employment contracts of our staff are reviewed each year.",
    ],
)
def test_what_is_not_certification(text: str) -> None:
    check(text, {CERTIFICATION: NOT_FOUND})


# --- verification (c)(1) and audits (c)(2) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected_verification", "expected_audits"),
    [
        (
            "We assess every new supplier for the risk of forced labour by country and sector.",
            FOUND,
            NOT_FOUND,
        ),
        (
            "We review the U.S. Department of Labor's List of Goods Produced by Child Labor or Forced Labor to identify high-risk suppliers.",
            FOUND,
            NOT_FOUND,
        ),
        (
            "Independent auditors visit our tier 1 factories to evaluate compliance with our code.",
            NOT_FOUND,
            FOUND,
        ),
        ("We reserve the right to conduct unannounced audits of our suppliers.", NOT_FOUND, FOUND),
        (
            "We verify our suppliers' compliance with our standards against forced labour through regular audits.",
            FOUND,
            FOUND,
        ),
        (
            "Suppliers rated high risk in our annual risk assessment are audited by a third party.",
            FOUND,
            FOUND,
        ),
    ],
)
def test_the_boundary_between_verification_and_audits(
    text: str, expected_verification: Verdict, expected_audits: Verdict
) -> None:
    check(text, {VERIFICATION: expected_verification, AUDITS: expected_audits})


def test_training_content_is_not_verification() -> None:
    text = "Our sourcing teams were trained on how to identify and mitigate risks of human trafficking."
    check(text, {VERIFICATION: NOT_FOUND, TRAINING: FOUND})


# --- whose practice -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "criterion_id"),
    [
        ("We require our suppliers to train their workers on health and safety.", TRAINING),
        ("Suppliers must provide their employees with adequate health and safety training.", TRAINING),
        (
            "Suppliers are required to audit their own sub-suppliers for compliance with local labour law.",
            AUDITS,
        ),
        ("Vendors must verify the age of every worker and keep copies of proof of age.", VERIFICATION),
        ("Leveranciers moeten ervoor zorgen dat hun personeel een veiligheidstraining volgt.", TRAINING),
        ("Lieferanten müssen sicherstellen, dass ihr Personal eine Sicherheitsschulung erhält.", TRAINING),
    ],
)
def test_what_suppliers_must_do_themselves_is_not_the_companys_practice(text: str, criterion_id: str) -> None:
    check(text, {criterion_id: NOT_FOUND})


@pytest.mark.parametrize(
    ("text", "criterion_id"),
    [
        ("All new factories must pass an initial social audit before production can start.", AUDITS),
        ("Suppliers must allow us or our agents to inspect their facilities with or without notice.", AUDITS),
        ("Vendors that fail an audit are required to attend our training on forced labour.", TRAINING),
        (
            "We expect suppliers to comply with our standards and may conduct audits to check compliance.",
            AUDITS,
        ),
    ],
)
def test_what_suppliers_must_let_the_company_do_is_the_companys_practice(
    text: str, criterion_id: str
) -> None:
    check(text, {criterion_id: FOUND})


# --- citations ------------------------------------------------------------------------------------


def test_every_verdict_keeps_its_citation_with_offsets() -> None:
    text = (
        "Supply Chain Transparency\n\nVerification\nKestrel does not use a third party to verify its supply chain.\n\n"
        "Audits\nKestrel audits its key suppliers every year."
    )
    assessment = assess_text(text)
    for criterion_id, wanted in ((VERIFICATION, NOT_DONE), (AUDITS, FOUND)):
        result = assessment.result(criterion_id)
        assert result.verdict is wanted
        for citation in result.citations:
            assert text[citation.start : citation.end] == citation.snippet
            assert text[citation.cue_start : citation.cue_end] == citation.cue
            assert citation.snippet.strip() not in ("Verification", "Audits")


def test_the_analysis_marks_list_negation_spans() -> None:
    sentence = "We do not verify our supply chain, audit suppliers or train buyers, but we publish a report."
    analysis = analyse(sentence)
    for word in ("verify", "audit", "train"):
        position = sentence.index(word)
        assert analysis.polarity(position, position + len(word)) is Polarity.NEGATED
    position = sentence.index("publish")
    assert analysis.polarity(position, position + len("publish")) is Polarity.AFFIRMED


# --- properties -------------------------------------------------------------------------------------

# Positive statements of a practice, each with the measure it evidences; written for these tests.
POSITIVES: list[tuple[str, str]] = [
    ("conduct unannounced audits of our suppliers' factories", AUDITS),
    ("audit our direct suppliers for compliance with our forced labour standards", AUDITS),
    ("verify our product supply chains for risks of human trafficking", VERIFICATION),
    ("assess our suppliers for the risk of forced labour", VERIFICATION),
    (
        "require direct suppliers to certify compliance with laws on slavery and human trafficking",
        CERTIFICATION,
    ),
    ("provide training on human trafficking to our buyers", TRAINING),
    ("train our procurement staff on forced labour risks", TRAINING),
    (
        "maintain internal accountability standards for employees who fail to meet our standards on slavery",
        ACCOUNTABILITY,
    ),
]
SUBJECTS = ["We", "The Company", "Acme Inc.", "Our company"]
NEGATORS = ["do not", "do not currently", "have not yet begun to", "do not at this time", "never"]
PLANNERS = ["plan to", "intend to", "are considering whether to", "aim to", "are developing a programme to"]
PREFIXES = ["", "Slavery and human trafficking have no place in our supply chain. ", "Supply chain\n\n"]
SUFFIXES = ["", ", and we do not plan to do so", " at any of our sites"]


def _negated(subject: str, negator: str, phrase: str) -> str:
    verb = phrase
    if subject != "We" and negator.startswith("do not"):
        negator = negator.replace("do not", "does not", 1)
    if subject != "We" and negator.startswith("have not"):
        negator = negator.replace("have not", "has not", 1)
    return f"{subject} {negator} {verb}"


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(POSITIVES),
    st.sampled_from(SUBJECTS),
    st.sampled_from(NEGATORS),
    st.sampled_from(PREFIXES),
    st.sampled_from(SUFFIXES),
)
def test_negating_a_positive_statement_never_yields_found(
    positive: tuple[str, str], subject: str, negator: str, prefix: str, suffix: str
) -> None:
    phrase, criterion_id = positive
    affirmed = f"{prefix}{subject} {'' if subject == 'We' else ''}{phrase}{suffix}."
    negated = f"{prefix}{_negated(subject, negator, phrase)}{suffix}."
    if not suffix.startswith(", and we do not"):
        assert verdict(affirmed.replace(f"{subject} ", f"{subject} ", 1), criterion_id) is not NOT_DONE
    result = assess_text(negated).result(criterion_id)
    assert result.verdict is not FOUND, negated
    assert result.verdict is NOT_DONE, negated


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(POSITIVES),
    st.sampled_from(SUBJECTS),
    st.sampled_from(PLANNERS),
    st.sampled_from(PREFIXES),
)
def test_a_plan_never_yields_found(
    positive: tuple[str, str], subject: str, planner: str, prefix: str
) -> None:
    phrase, criterion_id = positive
    planner = (
        planner
        if subject == "We"
        else planner.replace("are ", "is ", 1)
        .replace("plan to", "plans to")
        .replace("intend to", "intends to")
        .replace("aim to", "aims to")
    )
    text = f"{prefix}{subject} {planner} {phrase}."
    result = assess_text(text).result(criterion_id)
    assert result.verdict is NOT_DONE, text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from([phrase for phrase, _ in POSITIVES]), min_size=2, max_size=4, unique=True),
    st.sampled_from(["do not", "do not currently", "have not"]),
)
def test_a_negated_list_never_yields_found_for_any_item(phrases: list[str], negator: str) -> None:
    # "We do not verify …, audit … or train …": every listed practice is negated.
    listed = ", ".join(phrases[:-1]) + " or " + phrases[-1]
    text = f"We {negator} {listed}."
    assessment = assess_text(text)
    for phrase, criterion_id in POSITIVES:
        if phrase in phrases:
            assert assessment.result(criterion_id).verdict is not FOUND, (criterion_id, text)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(POSITIVES),
    st.sampled_from(["Audits", "Verification", "Training", "Certification", "Internal Accountability"]),
)
def test_a_heading_line_changes_nothing(positive: tuple[str, str], heading: str) -> None:
    phrase, criterion_id = positive
    sentence = f"We {phrase}."
    assert verdict(f"{heading}\n\n{sentence}", criterion_id) is verdict(sentence, criterion_id)
    assert verdict(f"{heading}\n{sentence}", criterion_id) is verdict(sentence, criterion_id)


# --- engine 2.1.0: patterns found by the held-out batch 4 (sentences written for these tests) ---


@pytest.mark.parametrize(
    "text",
    [
        "Wenn ein Zulieferer die vereinbarten Korrekturmaßnahmen nicht umsetzt, beenden wir die Zusammenarbeit.",
        "Hält ein Zulieferer unsere Sozialstandards nicht ein, beenden wir die Geschäftsbeziehung.",
        "Indien een leverancier de afspraken over dwangarbeid niet naleeft, beëindigen wij het contract.",
    ],
)
def test_a_negation_in_a_fronted_conditional_clause_leaves_the_main_clause_affirmed(text: str) -> None:
    assert verdict(text, ACCOUNTABILITY) is FOUND


@pytest.mark.parametrize(
    ("text", "criterion_id"),
    [
        ("De sociale audits zijn niet onaangekondigd en worden door onze eigen medewerkers gedaan.", AUDITS),
        (
            "Unsere Sozialaudits sind nicht unabhängig, sondern werden vom eigenen Einkauf durchgeführt.",
            AUDITS,
        ),
        ("Wij auditen niet iedere leverancier op arbeidsomstandigheden, wel alle naaiateliers.", AUDITS),
        ("Wir auditieren nicht alle Lieferanten auf Zwangsarbeit, aber jede Gerberei.", AUDITS),
    ],
)
def test_a_negated_dutch_or_german_qualifier_or_quantifier_is_not_a_negated_practice(
    text: str, criterion_id: str
) -> None:
    assert verdict(text, criterion_id) is FOUND


@pytest.mark.parametrize(
    ("text", "criterion_id"),
    [
        ("Next year, we will screen all new vendors for forced labour risk.", VERIFICATION),
        ("From 2026 onwards the company will audit its tier-two suppliers for forced labour.", AUDITS),
        ("Social audits of our suppliers might be introduced in a later phase.", AUDITS),
        (
            "Ab 2026 soll ein Sanktionsverfahren für Lieferanten, die gegen den Verhaltenskodex verstoßen, eingeführt werden.",
            ACCOUNTABILITY,
        ),
    ],
)
def test_more_plans_are_plans(text: str, criterion_id: str) -> None:
    assert verdict(text, criterion_id) is NOT_DONE


@pytest.mark.parametrize(
    "text",
    [
        "We are audited twice a year by several of our retail customers on labour standards.",
        "Wij worden zelf door onze klanten geaudit op arbeidsomstandigheden.",
        "Unser Unternehmen wird regelmäßig von Kunden zu Sozialstandards auditiert.",
    ],
)
def test_audits_of_the_company_itself_are_not_supplier_audits(text: str) -> None:
    assert verdict(text, AUDITS) is NOT_FOUND


@pytest.mark.parametrize(
    ("text", "criterion_id"),
    [
        (
            "Das Lieferkettensorgfaltspflichtengesetz verpflichtet Unternehmen zu Risikoanalysen und Audits.",
            VERIFICATION,
        ),
        ("De nieuwe Europese richtlijn verplicht bedrijven tot risicoanalyses in de keten.", VERIFICATION),
        (
            "A disclosure on audits should describe how auditors are selected and how often audits take place.",
            AUDITS,
        ),
    ],
)
def test_descriptions_of_laws_and_of_good_disclosures_are_not_evidence(text: str, criterion_id: str) -> None:
    assert verdict(text, criterion_id) is NOT_FOUND


def test_german_training_compounds_count_only_with_a_relevant_purpose() -> None:
    assert (
        verdict(
            "Alle Einkäufer absolvieren jährlich eine Pflichtschulung zu Zwangsarbeit in der Lieferkette.",
            TRAINING,
        )
        is FOUND
    )
    assert verdict("Unser Lagerpersonal nimmt an Sicherheitsschulungen teil.", TRAINING) is NOT_FOUND


# --- engine 2.2.0: Dutch and German practices in plain verbs (sentences written for these tests) ---


@pytest.mark.parametrize(
    ("text", "criterion_id"),
    [
        (
            "Wij gaan bij elke nieuwe leverancier na hoe groot het risico op kinderarbeid in zijn sector is.",
            VERIFICATION,
        ),
        ("Wir werten die Angaben unserer Zulieferer zu Menschenrechtsrisiken jährlich aus.", VERIFICATION),
        (
            "Wir gleichen die Herkunftsländer unserer Rohstoffe mit einem Index für Zwangsarbeit ab.",
            VERIFICATION,
        ),
        ("Onze inkopers bezoeken de leveranciers in Vietnam elk kwartaal.", AUDITS),
        ("Wij controleren bij de leverancier steekproefsgewijs de loonadministratie op dwangarbeid.", AUDITS),
        ("Die Einkäufer kontrollieren in den Betrieben der Lieferanten die Arbeitszeiten.", AUDITS),
        (
            "Leveranciers verbinden zich ertoe dat zij geen kinderarbeid inzetten, conform onze gedragscode.",
            CERTIFICATION,
        ),
        ("Jeder Lieferant sichert vertraglich zu, Zwangsarbeit auszuschließen.", CERTIFICATION),
        ("Verstöße von Zulieferern gegen den Kodex werden konsequent geahndet.", ACCOUNTABILITY),
        (
            "Een leverancier die onze gedragscode overtreedt, wordt van de leverancierslijst verwijderd.",
            ACCOUNTABILITY,
        ),
        ("Alle inkopers volgen een module over mensenrechten in de keten.", TRAINING),
        ("Unsere Einkäufer werden regelmäßig zu Menschenrechten in der Lieferkette fortgebildet.", TRAINING),
    ],
)
def test_plain_verb_practices_in_dutch_and_german(text: str, criterion_id: str) -> None:
    assert verdict(text, criterion_id) is FOUND


@pytest.mark.parametrize(
    ("text", "criterion_id"),
    [
        ("Wij gaan na of onze klanten op de sanctielijst staan.", VERIFICATION),
        ("Wir gleichen unsere Kunden mit den Sanktionslisten der UN ab.", ACCOUNTABILITY),
        ("De kwaliteitsafdeling controleert de fabriek op productfouten.", AUDITS),
        ("Wir prüfen anhand von Länderdaten das Risiko von Zwangsarbeit bei neuen Lieferanten.", AUDITS),
    ],
)
def test_plain_verbs_without_the_measures_subject_are_not_evidence(text: str, criterion_id: str) -> None:
    assert verdict(text, criterion_id) is NOT_FOUND


@pytest.mark.parametrize(
    ("text", "criterion_id"),
    [
        ("Eine Risikoanalyse oder Audits bei Zulieferern führen wir bisher nicht durch.", VERIFICATION),
        (
            "Onze keten wordt noch door een auditbureau noch door onszelf op risico's onderzocht.",
            VERIFICATION,
        ),
    ],
)
def test_dutch_and_german_trailing_negation_over_a_fronted_list(text: str, criterion_id: str) -> None:
    assert verdict(text, criterion_id) is NOT_DONE


@pytest.mark.parametrize(
    "text",
    [
        "Leveranciers die de gedragscode overtreden, krijgen geen nieuwe orders meer van ons.",
        "Lieferanten, die gegen unseren Kodex verstoßen, erhalten keine neuen Aufträge mehr.",
    ],
)
def test_no_new_orders_is_a_consequence_not_a_negation(text: str) -> None:
    assert verdict(text, ACCOUNTABILITY) is FOUND


# --- engine 2.3: practices, consequences and look-alikes in plain words (sentences written for these
# tests, one class of wording per group, each group in several phrasings and languages) ------------
# fmt: off
PLAIN_WORDING: list[tuple[str, str, Verdict]] = [
    # plain verbs in English (engine 2.3.0)
    ("Twice a year our sourcing team walks through each cut-and-sew workshop and talks with workers about their hours and wages.", AUDITS, FOUND),
    ("Our buyers drop in on supplier plants without warning to check working hours and pay slips.", AUDITS, FOUND),
    ("An outside firm we hire shows up at our suppliers' mills unannounced and examines time records for excessive overtime.", AUDITS, FOUND),
    ("Before we place a first order we look at the supplier's country, sector and workforce to gauge the likelihood of forced labour.", VERIFICATION, FOUND),
    ("We compare our vendor list with NGO and press reports of trafficking to decide which vendors need a closer look.", VERIFICATION, FOUND),
    ("We trace the origin of the cotton in our yarn with laboratory tests to keep out fibre from regions with forced labour.", VERIFICATION, FOUND),
    ("Vendors caught using child labour are struck off our approved supplier list.", ACCOUNTABILITY, FOUND),
    ("Managers who ignore signs of trafficking at a supplier are held to account.", ACCOUNTABILITY, FOUND),
    ("We check that every new supplier has signed our code of conduct.", AUDITS, NOT_FOUND),
    ("We look at country risk indices for forced labour when choosing suppliers.", AUDITS, NOT_FOUND),
    ("Staff who turn a blind eye to red flags of trafficking at a supplier face disciplinary action.", VERIFICATION, NOT_FOUND),
    ("We may in future ask suppliers to sign an anti-slavery declaration.", CERTIFICATION, NOT_DONE),
    # Dutch and German commitments, refusals, plans and purposes (2.3.0)
    ("Alle Lieferanten verpflichten sich vertraglich, auf Kinderarbeit zu verzichten.", CERTIFICATION, FOUND),
    ("Auf Lieferantenaudits verzichten wir derzeit aus Kostengründen.", AUDITS, NOT_DONE),
    ("Leveranciers verklaren schriftelijk dat zij geen gedwongen arbeid inzetten.", CERTIFICATION, FOUND),
    ("Wij vragen leveranciers een CO2-verklaring te ondertekenen.", CERTIFICATION, NOT_FOUND),
    ("Lieferanten unterschreiben bei uns eine RoHS-Konformitätserklärung.", CERTIFICATION, NOT_FOUND),
    ("Het is de bedoeling dat er een sanctiebeleid komt voor leveranciers die kinderarbeid toelaten.", ACCOUNTABILITY, NOT_DONE),
    ("De komende jaren willen wij onze leveranciers vragen schriftelijk te bevestigen dat zij onze gedragscode naleven.", CERTIFICATION, NOT_DONE),
    ("Für das kommende Geschäftsjahr planen wir Audits bei Lieferanten in Risikoländern.", AUDITS, NOT_DONE),
    ("Wir lassen Lieferanten in Risikoländern durch ein Prüfunternehmen auf die Einhaltung unseres Verhaltenskodex kontrollieren.", AUDITS, FOUND),
    ("Vor der Freigabe prüfen wir anhand von Länder- und Branchenindizes, wie hoch das Risiko von Zwangsarbeit bei einem Lieferanten ist.", VERIFICATION, FOUND),
    # consequences, questionnaires and whose audit (2.3.1)
    ("Suppliers found using bonded labour lose their approved status.", ACCOUNTABILITY, FOUND),
    ("We stop buying from any supplier where forced labour is confirmed.", ACCOUNTABILITY, FOUND),
    ("Factories that refuse to remediate child labour are phased out.", ACCOUNTABILITY, FOUND),
    ("A breach of our anti-trafficking rules by agency workers ends their assignment.", ACCOUNTABILITY, FOUND),
    ("Leveranciers die kinderarbeid toestaan, faseren wij uit.", ACCOUNTABILITY, FOUND),
    ("Bij schending van onze gedragscode kunnen wij de overeenkomst opzeggen.", ACCOUNTABILITY, FOUND),
    ("Bei Verstößen gegen das Verbot der Kinderarbeit nehmen wir den Betrieb aus dem Lieferantenpool.", ACCOUNTABILITY, FOUND),
    ("Betriebe mit Befunden zu Zwangsarbeit erhalten keine neuen Aufträge.", ACCOUNTABILITY, FOUND),
    ("Our supplier contracts contain no termination right for forced labour.", CERTIFICATION, NOT_FOUND),
    ("Verstöße gegen unseren Kodex haben für Lieferanten keine vertraglichen Konsequenzen.", ACCOUNTABILITY, NOT_DONE),
    ("Verstöße gegen unseren Kodex haben für Lieferanten keine vertraglichen Konsequenzen.", CERTIFICATION, NOT_FOUND),
    ("In onze contracten met leveranciers staat geen ontbindingsclausule voor kinderarbeid.", CERTIFICATION, NOT_FOUND),
    ("Suppliers fill in a questionnaire covering recruitment fees and working hours before we buy.", VERIFICATION, FOUND),
    ("Each supplier completes a compliance questionnaire confirming that it does not use forced labour.", VERIFICATION, NOT_FOUND),
    ("Direct suppliers renew their anti-slavery certification every year.", CERTIFICATION, FOUND),
    ("Our customers audit our plants against their codes on forced labour.", AUDITS, NOT_FOUND),
    ("Suppliers must audit their own sub-suppliers for child labour.", AUDITS, NOT_FOUND),
    # learning staff, visits, weighing and questionnaires (2.3.2)
    ("Our sourcing staff learn in yearly sessions how to recognise signs of forced labour.", TRAINING, FOUND),
    ("If we learn that a supplier uses child labour, we end the relationship.", TRAINING, NOT_FOUND),
    ("We visit every workshop we buy from twice a year to check working conditions for forced labour.", TRAINING, NOT_FOUND),
    ("We visit every workshop we buy from twice a year to check working conditions for forced labour.", AUDITS, FOUND),
    ("We require suppliers to sign our code, we train our buyers on trafficking risks and we audit high-risk sites.", TRAINING, FOUND),
    ("Onze inkopers gaan onaangekondigd langs bij de fabrieken om te kijken of er kinderarbeid is.", AUDITS, FOUND),
    ("Bij de keuze van leveranciers wegen we mee hoe groot het risico op dwangarbeid in hun land is.", VERIFICATION, FOUND),
    ("Leveranciers die niet meewerken aan herstel van misstanden, faseren we uit.", ACCOUNTABILITY, FOUND),
    ("Einmal im Jahr fahren wir zu unserer Weberei und schauen uns die Arbeitsbedingungen an.", AUDITS, FOUND),
    ("Lieferanten, die an der Abhilfe nicht mitwirken, erhalten keine neuen Aufträge.", ACCOUNTABILITY, FOUND),
    ("Neue Lieferanten füllen einen Fragebogen zu Anwerbegebühren und Arbeitszeiten aus.", VERIFICATION, FOUND),
    ("Unsere Lieferanten unterschreiben den Supplier Code of Conduct, der Zwangsarbeit verbietet.", CERTIFICATION, FOUND),
    # certification by confirmation and what only looks like it (2.3.3)
    ("During the next financial year we will start asking suppliers to certify compliance with anti-slavery laws.", CERTIFICATION, NOT_DONE),
    ("Each year our suppliers confirm in the same questionnaire that they comply with the forced-labour laws of their countries.", CERTIFICATION, FOUND),
    ("Buyers are trained to recognise signs of forced labour before a contract is signed.", CERTIFICATION, NOT_FOUND),
    # procedures for violations, consequences said to be absent, relative clauses, plans (2.3.4)
    ("We have a written procedure for handling breaches of our anti-slavery policy by staff.", ACCOUNTABILITY, FOUND),
    ("We have no separate procedure for dealing with violations of our forced-labour standard.", ACCOUNTABILITY, NOT_DONE),
    ("There are procedures for reporting suspected violations of our trafficking policy.", ACCOUNTABILITY, FOUND),
    ("So far, suppliers that violated our code on child labour have gone unpunished.", ACCOUNTABILITY, NOT_DONE),
    ("Voor schendingen van onze code tegen kinderarbeid hebben wij een vaste procedure met sancties.", ACCOUNTABILITY, FOUND),
    ("Een aparte procedure voor overtredingen van ons mensenrechtenbeleid bestaat niet.", ACCOUNTABILITY, NOT_DONE),
    ("Overtredingen van onze gedragscode door leveranciers bleven tot nu toe zonder gevolgen.", ACCOUNTABILITY, NOT_DONE),
    ("Een inkoper die signalen van kinderarbeid niet doorgeeft, krijgt een officiële waarschuwing.", ACCOUNTABILITY, FOUND),
    ("Wij werken aan een sanctieregeling voor leveranciers die mensenrechten schenden.", ACCOUNTABILITY, NOT_DONE),
    ("Für Verstöße gegen unseren Kodex zu Zwangsarbeit gibt es ein festgelegtes Verfahren mit abgestuften Sanktionen.", ACCOUNTABILITY, FOUND),
    ("Ein eigenes Verfahren bei Verstößen gegen unsere Menschenrechtsrichtlinie haben wir nicht.", ACCOUNTABILITY, NOT_DONE),
    ("Verletzungen unseres Lieferantenkodex zu Kinderarbeit blieben bisher folgenlos.", ACCOUNTABILITY, NOT_DONE),
    ("Abgestufte Sanktionen für Lieferanten, die Kinderarbeit dulden, sind für das Jahr 2027 geplant.", ACCOUNTABILITY, NOT_DONE),
    ("Ein Verfahren für Einkäufer, die Hinweise auf Zwangsarbeit ignorieren, gibt es allerdings noch nicht.", ACCOUNTABILITY, NOT_DONE),
    ("Wir arbeiten an einem Sanktionskonzept für Lieferanten, die gegen Menschenrechte verstoßen.", ACCOUNTABILITY, NOT_DONE),
    ("Die Risikoanalyse übernimmt unser eigenes Compliance-Team.", ACCOUNTABILITY, NOT_FOUND),
    ("Die Anforderungen des § 1714.43(c)(4) betreffen interne Verfahren für Beschäftigte, die gegen Standards zu Sklaverei verstoßen.", ACCOUNTABILITY, NOT_FOUND),
    ("Wij weten niet welke spinnerijen onze weverijen gebruiken en hebben ook niet in kaart gebracht of daar dwangarbeid een risico is.", VERIFICATION, NOT_DONE),
    # German and Dutch consequences in compounds, separable verbs and plain words (2.3.5)
    ("Setzt ein Zulieferer Kinder ein, kündigen wir den Rahmenvertrag mit sofortiger Wirkung.", ACCOUNTABILITY, FOUND),
    ("Wird bei einem Lieferanten Zwangsarbeit festgestellt, setzen wir laufende Aufträge bis zur Klärung aus.", ACCOUNTABILITY, FOUND),
    ("Lieferanten, die gegen unser Verbot von Zwangsarbeit verstoßen, werden für neue Ausschreibungen gesperrt.", ACCOUNTABILITY, FOUND),
    ("Bei wiederholten Qualitätsmängeln sperren wir den Lieferanten für neue Bestellungen.", ACCOUNTABILITY, NOT_FOUND),
    ("Wir überlegen, Händler, die Kinderarbeit dulden, künftig von unserer Bezugsliste zu streichen.", ACCOUNTABILITY, NOT_DONE),
    ("Een regeling waarmee leveranciers bij mensenrechtenschendingen worden uitgesloten, wordt momenteel voorbereid.", ACCOUNTABILITY, NOT_DONE),
    ("Eine Regel, nach der Händler bei Verstößen gegen unseren Kodex zu Zwangsarbeit gesperrt werden, wird derzeit ausgearbeitet.", ACCOUNTABILITY, NOT_DONE),
    ("Wij zetten de samenwerking stop met producenten die kinderen laten werken.", ACCOUNTABILITY, FOUND),
    ("Inkopers die signalen van dwangarbeid negeren, kunnen disciplinair worden aangepakt.", ACCOUNTABILITY, FOUND),
    ("Ateliers waar uitbuiting wordt vastgesteld, verliezen hun orders.", ACCOUNTABILITY, FOUND),
    ("Komt kinderarbeid aan het licht en wordt dit niet hersteld, dan zeggen wij het contract op.", ACCOUNTABILITY, FOUND),
    ("Een procedure voor het opschorten van leveringsrelaties bij uitbuiting ontbreekt nog.", ACCOUNTABILITY, NOT_DONE),
    ("We have no formal penalties for buyers who ignore signs of trafficking.", ACCOUNTABILITY, NOT_DONE),
    ("We are revising our staff handbook with a view to adding sanctions for employees who breach our anti-slavery rules.", ACCOUNTABILITY, NOT_DONE),
    # German and Dutch verification, certification and training wording; plans by date and season (2.3.5)
    ("Die Gesellschaft nimmt derzeit keine Verifizierung ihrer Lieferketten auf Zwangsarbeit vor.", VERIFICATION, NOT_DONE),
    ("Alle Direktlieferanten wurden nach ihrem Risiko für Kinderarbeit kartiert.", VERIFICATION, FOUND),
    ("Een inventarisatie van de risico's op dwangarbeid in onze keten is nog niet gemaakt.", VERIFICATION, NOT_DONE),
    ("Een formele risicoanalyse op kinderarbeid hebben wij nooit uitgevoerd.", VERIFICATION, NOT_DONE),
    ("Wij zijn voornemens onze grondstofketens te screenen op risico's van dwangarbeid.", VERIFICATION, NOT_DONE),
    ("Die Händler haben sich vertraglich verpflichtet, die Gesetze gegen Zwangsarbeit einzuhalten.", CERTIFICATION, FOUND),
    ("Ab Frühjahr sollen alle Zulieferer eine Erklärung gegen Kinderarbeit unterzeichnen.", CERTIFICATION, NOT_DONE),
    ("Eine Bestätigung der Lieferanten, dass sie Gesetze gegen Menschenhandel einhalten, wird nicht verlangt.", CERTIFICATION, NOT_DONE),
    ("Schriftliche Erklärungen zu Zwangsarbeit haben wir von unseren Lieferanten bislang nicht eingeholt, von Audits haben wir ebenfalls abgesehen.", AUDITS, NOT_DONE),
    ("We do not, however, ask suppliers to certify compliance with anti-slavery laws.", CERTIFICATION, NOT_DONE),
    ("We would like to start training our buyers on forced labour next year.", TRAINING, NOT_DONE),
    ("Die Einkäuferinnen bilden wir regelmäßig zu Risiken von Menschenhandel weiter.", TRAINING, FOUND),
    ("Für 2027 ist geplant, die Geschäftsführung zu Zwangsarbeit in Lieferketten zu schulen.", TRAINING, NOT_DONE),
    ("Eine Schulung des Einkaufs zu Kinderarbeit steht noch aus.", TRAINING, NOT_DONE),
    ("Nach dem Gesetz ist anzugeben, ob Einkäufer zu Sklaverei geschult werden.", TRAINING, NOT_FOUND),
    # clause shapes, indicators as topic, language of short sentences, signed statements (2.3.6)
    ("Wij bezoeken onze leveranciers in Marokko onaangekondigd om na te gaan of er geen kinderen werken.", AUDITS, FOUND),
    ("Sancties voor onze inkopers, die signalen van kinderarbeid negeren, ontbreken tot nu toe.", ACCOUNTABILITY, NOT_DONE),
    ("Drie kwekerijen zijn vorig jaar uit ons leveranciersbestand verwijderd omdat zij kinderarbeid toelieten.", ACCOUNTABILITY, FOUND),
    ("Een leverancier die kinderarbeid toestaat, krijgt van ons geen opdrachten meer.", ACCOUNTABILITY, FOUND),
    ("Het gebruik van dwangarbeid is grond voor directe ontbinding van de raamovereenkomst.", ACCOUNTABILITY, FOUND),
    ("Die Kündigung des Liefervertrags ist als letztes Mittel vorgesehen, wenn ein Zulieferer Zwangsarbeit nicht beendet.", ACCOUNTABILITY, FOUND),
    ("Einkäufer, die Warnzeichen für Menschenhandel übergehen, können abgemahnt oder entlassen werden.", ACCOUNTABILITY, FOUND),
    ("Bei Verstößen gegen das Verbot von Kinderarbeit steht uns ein Sonderkündigungsrecht zu.", ACCOUNTABILITY, FOUND),
    ("Wir wollen für Lieferanten, die gegen die menschenrechtlichen Vorgaben unseres Kodex verstoßen, einen Sanktionskatalog einführen.", ACCOUNTABILITY, NOT_DONE),
    ("Die Näherei in Tunesien haben wir 2024 vor Ort besichtigt und dabei Arbeitszeiten, Löhne und einbehaltene Pässe geprüft.", AUDITS, FOUND),
    ("Volgens de nieuwe Europese richtlijn moeten bedrijven hun leveranciers laten verklaren dat zij geen dwangarbeid inzetten.", CERTIFICATION, NOT_FOUND),
    ("Every grower we buy from has signed a statement confirming that no forced or child labour is used on the farm.", CERTIFICATION, FOUND),
    ("Our direct suppliers recertify every two years that their materials comply with anti-trafficking laws.", CERTIFICATION, FOUND),
    ("Iedere teler moet een verklaring ondertekenen dat hij zich houdt aan de arbeidswetgeving en geen kinderarbeid toelaat.", CERTIFICATION, FOUND),
    ("De tien leveranciers met het hoogste risico op dwangarbeid zullen volgend jaar worden geaudit.", AUDITS, NOT_DONE),
    # another stated purpose: corruption, hygiene, customs origin, ISO; read over three words however long (2.3.7)
    ("All buyers complete an anti-bribery training every year.", TRAINING, NOT_FOUND),
    ("Alle inkopers volgen jaarlijks een training over slavernij in de keten.", TRAINING, FOUND),
    ("Inkopers die ons anticorruptiebeleid overtreden, krijgen een officiële waarschuwing.", ACCOUNTABILITY, NOT_FOUND),
    ("Buyers who breach our anti-corruption rules face disciplinary action.", ACCOUNTABILITY, NOT_FOUND),
    ("Buyers who breach our rules on forced labour face disciplinary action.", ACCOUNTABILITY, FOUND),
    ("Onze vleesleveranciers worden door de afdeling voedselveiligheid op hygiëne geaudit.", AUDITS, NOT_FOUND),
    ("Unsere Zulieferer für Verpackungen werden durch das Team Qualitätsmanagement zweimal jährlich auditiert.", AUDITS, NOT_FOUND),
    ("Unsere Zulieferer für Verpackungen werden durch das Team Sozialstandards zweimal jährlich auf Zwangsarbeit auditiert.", AUDITS, FOUND),
    ("Für jede Sendung legen die Lieferanten eine Lieferantenerklärung zum präferenziellen Ursprung vor.", CERTIFICATION, NOT_FOUND),
    ("With each invoice our vendors send a certificate of origin and a signed declaration that no child labour was used.", CERTIFICATION, FOUND),
    ("Onze drukkerijen hebben een ISO-certificering, en bij bezoeken bekijken wij de werktijden van de drukkers.", CERTIFICATION, NOT_FOUND),
    # plans: on the schedule, being worked on, a year ahead, a plan introducing a list (2.3.7)
    ("Een e-learning over uitbuiting voor onze inkopers staat voor volgend voorjaar op de planning.", TRAINING, NOT_DONE),
    ("Er wordt op dit moment gewerkt aan een procedure voor overtredingen van onze gedragscode door leveranciers.", ACCOUNTABILITY, NOT_DONE),
    ("Ein Verfahren für Verstöße von Lieferanten gegen das Verbot der Kinderarbeit ist in Ausarbeitung.", ACCOUNTABILITY, NOT_DONE),
    ("Ab dem kommenden Berichtsjahr führen wir für alle Zulieferer eine Risikoanalyse zu Menschenhandel durch.", VERIFICATION, NOT_DONE),
    ("Binnenkort gaan wij onze telers contractueel vragen te bevestigen dat zij geen kinderarbeid toestaan.", CERTIFICATION, NOT_DONE),
    ("Next year our priorities are to: screen all tier-one suppliers for forced-labour risk; train our sourcing team.", TRAINING, NOT_DONE),
    ("Next year our priorities are to: screen all tier-one suppliers for forced-labour risk; train our sourcing team.", VERIFICATION, NOT_DONE),
    ("Unser Aktionsplan 2026 umfasst: Schulungen der Einkäufer zu Zwangsarbeit; Audits bei Hochrisikolieferanten.", AUDITS, NOT_DONE),
    ("Bis Mitte 2024 hatten alle Zulieferer unseren Kodex gegen Kinderarbeit unterschrieben.", CERTIFICATION, FOUND),
    ("By the end of 2023, every factory had signed our anti-slavery declaration.", CERTIFICATION, FOUND),
    ("By the end of 2026, every factory will sign our anti-slavery declaration.", CERTIFICATION, NOT_DONE),
    # negation: "weder … noch" with the verb after, conditions and afterthoughts after the cue (2.3.7)
    ("Weder unsere Einkäufer noch das Management sind zu Menschenhandel geschult worden.", TRAINING, NOT_DONE),
    ("Weder werden Fabriken besucht, noch werden Schulungen zu Zwangsarbeit angeboten.", TRAINING, NOT_DONE),
    ("Wir tolerieren weder Zwangsarbeit noch Kinderarbeit und besuchen unsere Zulieferer unangekündigt.", AUDITS, FOUND),
    ("Wir haben keinen Verhaltenskodex für Lieferanten, schulen aber jedes Jahr unsere Einkäufer zu Zwangsarbeit.", TRAINING, FOUND),
    ("Wij beëindigen het contract met een leverancier als er na een waarschuwing geen verbetering zichtbaar is.", ACCOUNTABILITY, FOUND),
    ("Twee kwekers zijn geschorst nadat zij hun herstelplan tegen kinderarbeid niet hadden uitgevoerd.", ACCOUNTABILITY, FOUND),
    ("Als een teler niets aan de kinderarbeid op zijn bedrijf verandert, nemen wij afscheid van hem.", ACCOUNTABILITY, FOUND),
    ("Die Bewertung der Menschenrechtsrisiken unserer Lieferanten erfolgt intern, nicht durch einen externen Dienstleister.", VERIFICATION, FOUND),
    ("Die Bewertung der Menschenrechtsrisiken unserer Lieferanten erfolgt nicht.", VERIFICATION, NOT_DONE),
    ("Wij laten de fabrieken van onze leveranciers, al dan niet onaangekondigd, controleren op kinderarbeid.", AUDITS, FOUND),
    ("Whether or not announced, audits of our tanneries for child labour take place twice a year.", AUDITS, FOUND),
    # consequences and certification in more words; subcontractors and labour agencies as suppliers (2.3.7)
    ("Three vendors were delisted after forced labour was found at their mills.", ACCOUNTABILITY, FOUND),
    ("Stellt sich heraus, dass ein Zulieferer Zwangsarbeit zulässt, stellen wir die Belieferung ein.", ACCOUNTABILITY, FOUND),
    ("Bei Verstößen gegen das Verbot der Kinderarbeit trennen wir uns von dem betreffenden Händler.", ACCOUNTABILITY, FOUND),
    ("Ein Zulieferer, der Kinder beschäftigt, wird von künftigen Ausschreibungen ausgeschlossen.", ACCOUNTABILITY, FOUND),
    ("Wij hebben geen sanctiesysteem en geen escalatieprocedure voor schendingen door leveranciers.", ACCOUNTABILITY, NOT_DONE),
    ("Een producent die de gedragscode schendt, verliest de opdracht.", ACCOUNTABILITY, FOUND),
    ("De leverancier staat ervoor in dat de goederen zonder dwangarbeid zijn gemaakt.", CERTIFICATION, FOUND),
    ("Den Verhaltenskodex, der Zwangsarbeit und Menschenhandel verbietet, haben inzwischen alle Lieferanten unterschrieben.", CERTIFICATION, FOUND),
    ("Our sales contracts include a representation by each vendor that it complies with anti-trafficking laws, and a right for us to audit.", CERTIFICATION, FOUND),
    ("Alle Subunternehmer müssen schriftlich bestätigen, dass sie die Gesetze gegen Zwangsarbeit einhalten.", CERTIFICATION, FOUND),
    ("Elk uitzendbureau tekent een verklaring dat het de wetgeving tegen mensenhandel naleeft.", CERTIFICATION, FOUND),
    ("Each labour agency we use has signed our code against forced labour.", CERTIFICATION, FOUND),
    ("Contractors who ignore the provisions of our policy on trafficking are held accountable.", CERTIFICATION, NOT_FOUND),
    ("In 2024 zijn twee contracten met leveranciers ontbonden wegens kinderarbeid in hun werkplaatsen.", CERTIFICATION, NOT_FOUND),
    ("Die Verträge mit unseren Lieferanten geben uns ein Kündigungsrecht, falls Zwangsarbeit festgestellt wird.", CERTIFICATION, NOT_FOUND),
    ("Die Verträge mit unseren Lieferanten geben uns ein Kündigungsrecht, falls Zwangsarbeit festgestellt wird.", ACCOUNTABILITY, FOUND),
    # training words; questionnaires about the risk (2.3.7)
    ("Onze planners zijn nog niet opgeleid in het herkennen van uitbuiting in de keten.", TRAINING, NOT_DONE),
    ("Elk kwartaal organiseren wij een kennissessie over dwangarbeid voor de inkoopafdeling.", TRAINING, FOUND),
    ("Eine Qualifizierung unserer Einkäufer zu Kinderarbeit ist bislang nicht erfolgt.", TRAINING, NOT_DONE),
    ("Die Qualifizierung neuer Lieferanten erfolgt über unser Einkaufsportal.", TRAINING, NOT_FOUND),
    ("Für die Mitarbeitenden im Einkauf gibt es ein Modul zu Menschenhandel.", TRAINING, FOUND),
    ("Nieuwe leveranciers vullen een vragenlijst in over arbeidsomstandigheden en wervingskosten.", VERIFICATION, FOUND),
    # look-alikes: customers auditing us, suppliers' own suppliers, a supplier's commitment, tender prompts (2.3.7)
    ("Mehrere Kunden kontrollieren unsere Werke jährlich auf die Einhaltung ihrer Sozialstandards.", AUDITS, NOT_FOUND),
    ("Onze klanten controleren onze fabrieken jaarlijks op de naleving van hun gedragscode.", AUDITS, NOT_FOUND),
    ("Lieferanten müssen sicherstellen, dass ihre eigenen Vorlieferanten keine Kinder einsetzen, und diese Vorlieferanten selbst kontrollieren.", AUDITS, NOT_FOUND),
    ("Die Zulieferer verpflichten sich, ihre Belegschaft zu Arbeitnehmerrechten zu schulen.", TRAINING, NOT_FOUND),
    ("Bitte beschreiben Sie Ihre Audits und Schulungen zu Zwangsarbeit.", AUDITS, NOT_FOUND),
    ("Please describe the training your buyers receive on trafficking.", TRAINING, NOT_FOUND),
    ("Wir prüfen gerade, ob wir unseren Kodex um eine Pflicht zur Einhaltung der Gesetze gegen Zwangsarbeit erweitern.", AUDITS, NOT_FOUND),
    ("Wir prüfen bei jedem Besuch, ob unsere Lieferanten die Gesetze gegen Zwangsarbeit einhalten.", AUDITS, FOUND),
    ("Unser Jahresabschluss wird vom Wirtschaftsprüfer geprüft; zusätzlich beauftragen wir Sozialaudits bei den Nähereien.", AUDITS, FOUND),
    ("Unser Jahresabschluss wird jährlich von einem Wirtschaftsprüfer auditiert.", AUDITS, NOT_FOUND),
]
# fmt: on


@pytest.mark.parametrize(
    "text",
    [
        "Our purchase contracts give us the right to audit supplier factories for forced labour at any time.",
        "In onze contracten staat dat wij de fabrieken van leveranciers onaangekondigd mogen controleren op kinderarbeid.",
        "In unseren Lieferverträgen behalten wir uns das Recht vor, Produktionsstätten jederzeit auf Kinderarbeit zu kontrollieren.",
    ],
)
def test_a_contract_that_only_grants_audit_rights_is_not_a_certification(text: str) -> None:
    assert verdict(text, CERTIFICATION) is NOT_FOUND
    assert verdict(text, AUDITS) is FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Two mills were removed from our supplier list last spring. Both had earlier signed our declaration that they comply with anti-slavery laws.",
        "Wij beoordelen onze leveranciers op risico's. Een schriftelijke bevestiging van naleving van de wet tegen kinderarbeid vragen wij niet.",
        "Alle Zulieferer wurden bewertet. Sämtliche neuen Verträge enthalten Zusicherungen zur Einhaltung der Gesetze gegen Zwangsarbeit.",
    ],
)
def test_the_suppliers_a_certification_concerns_may_be_named_in_the_sentence_before(text: str) -> None:
    # (2.3.7) certification needs the sentence to be about suppliers; "both", "wij" and "Verträge"
    # refer back to the suppliers of the sentence before
    assert verdict(text, CERTIFICATION) is not NOT_FOUND


def test_an_endorsement_still_needs_its_own_subject() -> None:
    text = "We source cotton from 40 mills. The OECD Guidelines were updated in 2023."
    assert verdict(text, LEGALBENCH_MEASURES["verification"]) is NOT_FOUND
    assert verdict(text, "oecd_endorsement") is NOT_FOUND


# Engine 2.3.8: classes of wording from batch 11's errors, each in new sentences written for these tests
# fmt: off
MORE_PLAIN_WORDING = [
    # an overview whose labels name the measures and whose answers say how far they are done
    ("Sorgfaltsmaßnahmen im Überblick\nLieferantenaudits – nein\nRisikobewertung – ja (zweimal jährlich)", AUDITS, NOT_DONE),
    ("Sorgfaltsmaßnahmen im Überblick\nLieferantenaudits – nein\nRisikobewertung – ja (zweimal jährlich)", VERIFICATION, FOUND),
    ("Our measures on forced labour\n- Training of buyers: not yet introduced.\n- Social audits: 14 in 2024.", TRAINING, NOT_DONE),
    ("Our measures on forced labour\n- Training of buyers: not yet introduced.\n- Social audits: 14 in 2024.", AUDITS, FOUND),
    ("Maatregelen tegen uitbuiting\n- Sanctieregeling voor leveranciers: gepland voor 2026.", ACCOUNTABILITY, NOT_DONE),
    ("Maatregelen tegen uitbuiting\n- Risicoanalyse: per productgroep, door een extern bureau (geen eigen team).", VERIFICATION, FOUND),
    ("Leveranciersaudits – Jansen Textiel B.V.\nWij kopen garens in bij twaalf spinnerijen.", AUDITS, NOT_FOUND),
    # a heading of plans makes the items of its list plans; what already exists stays done
    ("Next steps for 2026:\n- introduce unannounced audits at spinning mills\n- train all merchandisers on forced labour", AUDITS, NOT_DONE),
    ("Next steps for 2026:\n- introduce unannounced audits at spinning mills\n- train all merchandisers on forced labour", TRAINING, NOT_DONE),
    ("Vervolgstappen\n1. Inkopers trainen in het herkennen van uitbuiting.\n2. De bestaande risicoanalyse uitbreiden naar verpakkingsleveranciers.", TRAINING, NOT_DONE),
    ("Vervolgstappen\n1. Inkopers trainen in het herkennen van uitbuiting.\n2. De bestaande risicoanalyse uitbreiden naar verpakkingsleveranciers.", VERIFICATION, FOUND),
    ("Our measures in 2024:\n- unannounced audits at spinning mills on forced labour", AUDITS, FOUND),
    # plans: an object put first, "the plan is", "during the coming year", a time after the practice,
    # something being worked out now, a target year, a plan stated with "sollen"
    ("Sociale audits bij onze telers overwegen wij voor 2026.", AUDITS, NOT_DONE),
    ("Sociale audits bij onze telers voeren wij elk jaar uit.", AUDITS, FOUND),
    ("Schulungen zu Kinderarbeit wollen wir für den Einkauf im Herbst einführen.", TRAINING, NOT_DONE),
    ("Het plan is om alle inkopers een training over mensenhandel te geven.", TRAINING, NOT_DONE),
    ("Geplant ist, alle Einkäufer zu Zwangsarbeit zu schulen.", TRAINING, NOT_DONE),
    ("During the coming year we will map our cocoa suppliers for child labour risk.", VERIFICATION, NOT_DONE),
    ("Audits of our leather suppliers on forced labour will start next year.", AUDITS, NOT_DONE),
    ("From the 2026 financial year onwards, supplier contracts will contain an anti-slavery clause.", CERTIFICATION, NOT_DONE),
    ("Momenteel wordt een sanctiebeleid voor leveranciers die kinderarbeid toelaten uitgewerkt.", ACCOUNTABILITY, NOT_DONE),
    ("Wij streven ernaar dat vóór 2027 al onze leveranciers op dwangarbeid zijn geaudit.", AUDITS, NOT_DONE),
    ("Op basis van de uitkomsten willen wij bepalen welke leveranciers een risicobeoordeling nodig hebben.", VERIFICATION, NOT_DONE),
    ("Bis 2027 sollen alle Disponenten eine Schulung zu Zwangsarbeit abgeschlossen haben.", TRAINING, NOT_DONE),
    ("Eine Bewertung der Risiken von Kinderarbeit bei unseren Zulieferern ist für 2026 vorgesehen.", VERIFICATION, NOT_DONE),
    ("Wir beabsichtigen, Zulieferer auf Zwangsarbeit zu bewerten und sie bei Bedarf vor Ort auditieren zu lassen.", AUDITS, NOT_DONE),
    # negation: "evenmin", verbs of refusal and absence first in their clause, a clause read past, a fronted
    # subordinate clause, "geen gebruik van gemaakt", a finding of no high risks, "without", "not part of", "nor"
    ("Onze inkopers hebben evenmin een training over mensenhandel gehad.", TRAINING, NOT_DONE),
    ("Aus Kostengründen verzichten wir auf Sozialaudits und auf Schulungen zu Zwangsarbeit.", AUDITS, NOT_DONE),
    ("Aus Kostengründen verzichten wir auf Sozialaudits und auf Schulungen zu Zwangsarbeit.", TRAINING, NOT_DONE),
    ("Obwohl alle Einkäufer zu Menschenhandel geschult sind, fehlt noch ein Verfahren für Verstöße von Lieferanten.", TRAINING, FOUND),
    ("Obwohl alle Einkäufer zu Menschenhandel geschult sind, fehlt noch ein Verfahren für Verstöße von Lieferanten.", ACCOUNTABILITY, NOT_DONE),
    ("Een leveranciersverklaring waarin staat dat er geen kinderarbeid wordt ingezet, vragen wij niet.", CERTIFICATION, NOT_DONE),
    ("Een auditprogramma om kinderarbeid bij telers op te sporen hebben wij niet.", AUDITS, NOT_DONE),
    ("Lieferanten, die unsere Sozialaudits nicht bestehen, werden gesperrt.", AUDITS, FOUND),
    ("Wij behouden ons het recht voor telers ter plaatse te controleren op kinderarbeid, al is daar dit jaar geen gebruik van gemaakt.", AUDITS, FOUND),
    ("Omdat onze risicoanalyse van de keten geen verhoogde risico's liet zien, hebben wij geen audits laten doen.", VERIFICATION, FOUND),
    ("Ohne unterschriebene Erklärung gegen Kinderarbeit erhält kein Lieferant einen Auftrag.", CERTIFICATION, FOUND),
    ("Een clausule tegen dwangarbeid maakt geen deel uit van onze leveringsvoorwaarden.", CERTIFICATION, NOT_DONE),
    ("The group neither asks vendors to sign a code on forced labour nor inspects their plants.", AUDITS, NOT_DONE),
    # consequences in more words: separable verbs, "wie" / "wer", a reprimand, rules on consequences said
    # to be missing, zu-infinitives, an entitlement to terminate, removal from an approved list
    ("Leveranciers die kinderen laten werken, sluiten wij voortaan uit van nieuwe orders.", ACCOUNTABILITY, FOUND),
    ("Blijft een kweker kinderarbeid toestaan, dan bouwen wij de samenwerking stapsgewijs af.", ACCOUNTABILITY, FOUND),
    ("Wie de regels over uitbuiting niet naleeft, ziet zijn opdracht direct beëindigd.", ACCOUNTABILITY, FOUND),
    ("Een projectleider die misstanden bij een onderaannemer verzwijgt, krijgt een berisping.", ACCOUNTABILITY, FOUND),
    ("Interne regels over de gevolgen van schendingen van mensenrechten door medewerkers hebben wij niet.", ACCOUNTABILITY, NOT_DONE),
    ("Wer als Subunternehmer Beschäftigten den Lohn einbehält, wird aus unserem Dienstleisterpool ausgeschlossen.", ACCOUNTABILITY, FOUND),
    ("Stellen wir Zwangsarbeit fest, behalten wir uns vor, die Lieferbeziehung auszusetzen.", ACCOUNTABILITY, FOUND),
    ("Bei falschen Angaben zu Kinderarbeit sind wir zur fristlosen Kündigung berechtigt.", ACCOUNTABILITY, FOUND),
    ("Es fehlt eine Regelung darüber, welche Folgen ein Verstoß eines Lieferanten gegen das Verbot der Kinderarbeit hat.", ACCOUNTABILITY, NOT_DONE),
    ("Agencies that charge workers recruitment fees are removed from our approved list.", ACCOUNTABILITY, FOUND),
    ("Contractors face no consequences if they breach our forced-labour standards.", ACCOUNTABILITY, NOT_DONE),
    ("Growers that refuse to stop using child labour will be dropped.", ACCOUNTABILITY, FOUND),
    ("Our framework agreements allow us to terminate if a supplier is found using forced labour.", ACCOUNTABILITY, FOUND),
    ("Our framework agreements allow us to terminate if a supplier is found using forced labour.", CERTIFICATION, NOT_FOUND),
    ("Bij twijfel laten wij vezels testen om uit te sluiten dat katoen uit regio's met dwangarbeid komt.", ACCOUNTABILITY, NOT_FOUND),
    # audits in more words, and audits that are not of suppliers or not about labour
    ("Bei Auffälligkeiten finden bei den Subunternehmern Kontrollen vor Ort statt.", AUDITS, FOUND),
    ("Wir behalten uns vor, die Einhaltung des Verhaltenskodex jederzeit ohne Vorankündigung vor Ort zu überprüfen.", AUDITS, FOUND),
    ("Op onze bouwplaatsen controleren wij de loonstroken van de werknemers van onderaannemers.", AUDITS, FOUND),
    ("Onze eigen vestigingen worden jaarlijks op arbeidsomstandigheden geaudit.", AUDITS, NOT_FOUND),
    ("Unsere eigenen Werke werden von Kunden aus der Lebensmittelbranche regelmäßig auf Sozialstandards auditiert.", AUDITS, NOT_FOUND),
    ("Lieferanten werden im Rahmen von VDA-6.3-Prozessaudits regelmäßig bewertet.", AUDITS, NOT_FOUND),
    ("Our course explains how to notice warning signs of forced labour during factory tours.", AUDITS, NOT_FOUND),
    ("Werden Ihre Zulieferer auf Zwangsarbeit auditiert? – so lautet eine typische Frage unserer Kunden.", AUDITS, NOT_FOUND),
    ("Unser Kodex verpflichtet die Lieferanten, seine Anforderungen an ihre eigenen Unterlieferanten weiterzugeben und deren Einhaltung zu überprüfen.", AUDITS, NOT_FOUND),
    # certification named after the document it concerns, or by the supplier as agent
    ("Our supplier code, which every vendor signs, prohibits forced labour.", CERTIFICATION, FOUND),
    ("The anti-slavery declaration is signed by all direct suppliers.", CERTIFICATION, FOUND),
    ("Vendors agree in writing to our standards on trafficking.", CERTIFICATION, FOUND),
    ("De gedragscode, met daarin het verbod op kinderarbeid en de plicht de wet na te leven, wordt door alle leveranciers ondertekend.", CERTIFICATION, FOUND),
    ("Onze leveringsvoorwaarden geven ons het recht om, zonder aankondiging en via een auditor, de werkplaatsen van leveranciers op kinderarbeid te bezoeken.", CERTIFICATION, NOT_FOUND),
    ("Vertragliche Zusicherungen gegen Zwangsarbeit verlangen wir in unseren Rahmenverträgen nicht.", CERTIFICATION, NOT_DONE),
    # verification: the noun before the risks, Dutch separable verbs, a training's topic, descriptions of a law
    ("Eine Analyse der Risiken von Zwangsarbeit in unserer Lieferkette haben wir bisher nicht durchgeführt.", VERIFICATION, NOT_DONE),
    ("Een extern bureau heeft voor ons nagegaan bij welke onderaannemers het risico op uitbuiting het grootst is.", VERIFICATION, FOUND),
    ("Wij vragen leveranciers een vragenlijst in te vullen om het risico op dwangarbeid in te schatten.", VERIFICATION, FOUND),
    ("Wir prüfen derzeit, ob wir eine Schulung zu Menschenrechtsrisiken für Disponenten anbieten.", VERIFICATION, NOT_FOUND),
    ("§ 5 LkSG verpflichtet Unternehmen zu einer jährlichen Risikoanalyse ihrer Lieferanten.", VERIFICATION, NOT_FOUND),
    ("Op grond van de CSDDD moeten grote bedrijven de risico's in hun keten in kaart brengen.", VERIFICATION, NOT_FOUND),
    ("France's duty of vigilance law obliges companies to map the risks in their supply chains.", VERIFICATION, NOT_FOUND),
    # training: briefings and practice sessions on the risk; a budget, a module of an audit and suppliers'
    # own workforce are not; the law's requirements as a training topic; the statute's words in a sentence
    ("Our executive team received a briefing on forced-labour risks in seafood supply chains.", TRAINING, FOUND),
    ("De inkopers oefenden tijdens twee sessies met het herkennen van signalen van mensenhandel.", TRAINING, FOUND),
    ("Ons opleidingsbudget voor de inkoopafdeling ging dit jaar volledig naar leiderschap.", TRAINING, NOT_FOUND),
    ("Under our code, vendors ensure that subcontractors respect workers' rights, and they train their own workforce on the code.", TRAINING, NOT_FOUND),
    ("Audits: bei Hochrisikolieferanten, mit einem Modul zu Zwangsarbeit.", TRAINING, NOT_FOUND),
    ("Alle Einkäufer wurden zu den Anforderungen des LkSG und zu Kinderarbeit geschult.", TRAINING, FOUND),
    ("Training on slavery is provided to all staff with direct responsibility for supply chain management.", TRAINING, FOUND),
]
# fmt: on

# Engine 2.3.9: classes of wording from batch 13's errors, each in new sentences written for these tests
# (the rows that expect not_found, and a few that expect found, are controls that 2.3.8 already met)
# fmt: off
WORDING_239 = [
    # compounds of the topic and supplier words, and more names for subcontractors and service providers
    ("Bij de eerste bestelling ondertekenen al onze meubelleveranciers de gedragscode, die dwangarbeid verbiedt.", CERTIFICATION, FOUND),
    ("Twee keer per jaar herzien wij onze risicoscan van de herkomstlanden.", VERIFICATION, FOUND),
    ("De hoogrisicofabrieken in Vietnam zijn dit jaar door een externe auditor bezocht.", AUDITS, FOUND),
    ("Bij ingehuurde schoonmaakbedrijven bekijken wij de arbeids- en rusttijden ter plaatse.", AUDITS, FOUND),
    ("Bei unseren Nachunternehmern kontrollieren wir stichprobenartig die Lohnabrechnungen.", AUDITS, FOUND),
    ("Erklärungen der Nachunternehmer zur Einhaltung des Mindestlohns verlangen wir nicht.", CERTIFICATION, NOT_DONE),
    ("De logistieke dienstverleners leveren onze pakketten binnen een dag af.", AUDITS, NOT_FOUND),
    # plans: a long "willen", resolutions and intentions, work towards, an instrument still to be introduced
    ("In 2026 willen we voor al onze grondstoffen – suiker, cacao en vanille – een risicoanalyse op kinderarbeid uitvoeren.", VERIFICATION, NOT_DONE),
    ("Wij nemen ons voor om de telers met het hoogste risico op dwangarbeid te laten auditen.", AUDITS, NOT_DONE),
    ("Wir haben uns vorgenommen, alle Einkäufer zu Kinderarbeit zu schulen.", TRAINING, NOT_DONE),
    ("It is our intention to train every merchandiser on forced labour indicators.", TRAINING, NOT_DONE),
    ("The audit committee has asked the sourcing director to consider a disciplinary procedure for buyers who ignore trafficking risks.", ACCOUNTABILITY, NOT_DONE),
    ("We are working towards screening every tier-two supplier for forced labour risk.", VERIFICATION, NOT_DONE),
    ("A new supplier contract, to be introduced in the spring, will require vendors to certify compliance with anti-slavery laws.", CERTIFICATION, NOT_DONE),
    ("Wir werden den Einkäufern in Asien Schulungen zu Kinderarbeit anbieten.", TRAINING, NOT_DONE),
    ("Zusicherungen der Lieferanten gegen Kinderarbeit sollen bei der nächsten Vertragsverlängerung ergänzt werden.", CERTIFICATION, NOT_DONE),
    ("Eine Schulung zu Menschenhandel erhalten die Disponenten voraussichtlich noch in diesem Jahr.", TRAINING, NOT_DONE),
    ("Een e-learning over uitbuiting voor planners wordt in de loop van het jaar ingevoerd.", TRAINING, NOT_DONE),
    ("Für 2026 sind Sozialaudits bei drei Gerbereien geplant.", AUDITS, NOT_DONE),
    ("Voor 2026 staan sociale audits bij twee looierijen gepland.", AUDITS, NOT_DONE),
    ("De nieuwe inkoopvoorwaarden, die vanaf 1 juli 2026 worden ingevoerd, bevatten een verklaring tegen dwangarbeid die leveranciers ondertekenen.", CERTIFICATION, NOT_DONE),
    ("Ein Subunternehmer, der Pässe von Arbeitern einbehielt, wurde für künftige Aufträge gesperrt.", ACCOUNTABILITY, FOUND),
    # possibilities and open questions
    ("Na de verhuizing volgen onze inkopers mogelijk ook een workshop over mensenhandel.", TRAINING, NOT_DONE),
    ("Perspektivisch könnten wir Sozialaudits bei Zulieferern in Asien beauftragen.", AUDITS, NOT_DONE),
    ("Eventuell lassen wir einzelne Zulieferer durch eine Prüfgesellschaft auf Kinderarbeit auditieren.", AUDITS, NOT_DONE),
    ("Subject to board approval, modern slavery training may be added to the induction for buyers.", TRAINING, NOT_DONE),
    ("Of medewerkers die misstanden bij leveranciers negeren een berisping krijgen, wordt in het najaar besloten.", ACCOUNTABILITY, NOT_DONE),
    ("Ob Einkäufer, die Hinweise auf Zwangsarbeit übergehen, abgemahnt werden, wird mit dem Betriebsrat beraten.", ACCOUNTABILITY, NOT_DONE),
    ("Wij bezoeken zo veel mogelijk leveranciers onaangekondigd om de arbeidsomstandigheden te controleren.", AUDITS, FOUND),
    ("Of the 40 factories we audited for forced labour, 12 were visited unannounced.", AUDITS, FOUND),
    # refraining from a practice; a negated form of the harm is no negation of the practice
    ("Wegen der geringen Größe unserer Lieferkette sehen wir von Sozialaudits ab.", AUDITS, NOT_DONE),
    ("Wij zien voorlopig af van audits bij onze leveranciers.", AUDITS, NOT_DONE),
    ("We refrain from auditing our distributors for forced labour.", AUDITS, NOT_DONE),
    ("Unsere Lieferanten versichern in einer unterschriebenen Erklärung, keine Form von Zwangsarbeit zu dulden.", CERTIFICATION, FOUND),
    ("Leveranciers ondertekenen een verklaring dat zij geen enkele vorm van dwangarbeid toestaan.", CERTIFICATION, FOUND),
    # consequences in more words
    ("Telers die kinderen laten werken, komen niet meer in aanmerking voor contracten.", ACCOUNTABILITY, FOUND),
    ("Met een weverij die onze gedragscode herhaaldelijk negeerde, is het contract niet verlengd.", ACCOUNTABILITY, FOUND),
    ("Bij kinderarbeid wordt de inkoop bij de betreffende teler direct opgeschort.", ACCOUNTABILITY, FOUND),
    ("Onderaannemers die het verbod op dwangarbeid overtreden, krijgen een boete.", ACCOUNTABILITY, FOUND),
    ("Uitzendbureaus die de afspraken over huisvesting schenden, worden niet meer ingeschakeld.", ACCOUNTABILITY, FOUND),
    ("Schendingen van de gedragscode door inkopers hebben gevolgen voor hun jaarlijkse beoordeling.", ACCOUNTABILITY, FOUND),
    ("Verstöße gegen den Verhaltenskodex führen zur Auslistung des Lieferanten.", ACCOUNTABILITY, FOUND),
    ("Die Rahmenverträge, die wir mit Spediteuren schließen, können wir bei Verstößen gegen das Verbot der Zwangsarbeit jederzeit fristlos kündigen.", ACCOUNTABILITY, FOUND),
    ("Verstöße gegen die Menschenrechtsrichtlinie wirken sich auf den Bonus der Einkaufsleitung aus.", ACCOUNTABILITY, FOUND),
    ("Bleibt die Abhilfe aus, wird die Lieferbeziehung abgebrochen.", ACCOUNTABILITY, FOUND),
    ("Vendors that obstruct our labour checks may be excluded from future tenders.", ACCOUNTABILITY, FOUND),
    ("Factories that refuse to remediate child labour are deactivated in our sourcing system.", ACCOUNTABILITY, FOUND),
    ("Breaches of the modern slavery policy by buyers reduce their annual bonus.", ACCOUNTABILITY, FOUND),
    ("Suppliers that fail our product quality inspections are excluded from future tenders.", ACCOUNTABILITY, NOT_FOUND),
    # rules on consequences said to be missing or still to be made
    ("Welke sancties er volgen als een teler kinderarbeid toelaat, is nog niet vastgelegd.", ACCOUNTABILITY, NOT_DONE),
    ("Welche Konsequenzen ein Verstoß eines Dienstleisters gegen den Kodex hat, ist bisher nicht festgelegt.", ACCOUNTABILITY, NOT_DONE),
    ("Sancties voor onderaannemers die lonen niet uitbetalen zijn niet vastgelegd.", ACCOUNTABILITY, NOT_DONE),
    ("Afspraken over de gevolgen wanneer een leverancier dwangarbeid toelaat, zijn er nog niet.", ACCOUNTABILITY, NOT_DONE),
    ("Over de gevolgen voor telers die kinderen laten werken, zijn geen afspraken gemaakt.", ACCOUNTABILITY, NOT_DONE),
    ("Wie mit Einkäufern verfahren wird, die Hinweise auf Zwangsarbeit ignorieren, soll 2026 geklärt werden.", ACCOUNTABILITY, NOT_DONE),
    ("Interne Vorgaben für den Umgang mit Verstößen gegen das Verbot der Kinderarbeit gibt es nicht.", ACCOUNTABILITY, NOT_DONE),
    ("We intend to set out the sanctions that will apply if a supplier breaches our forced labour clause.", ACCOUNTABILITY, NOT_DONE),
    # certification: signing off, having signed the standards, accepting the ban, assuring
    ("Bij elke contractverlenging moeten kwekers onze gedragscode opnieuw aftekenen.", CERTIFICATION, FOUND),
    ("Iedere leverancier heeft onze arbeidsnormen, inclusief het verbod op kinderarbeid, ondertekend.", CERTIFICATION, FOUND),
    ("Onderaannemers aanvaarden bij de aanbesteding het verbod op dwangarbeid en mensenhandel.", CERTIFICATION, FOUND),
    ("Wij accepteren geen kinderarbeid bij onze leveranciers.", CERTIFICATION, NOT_FOUND),
    ("In allen Werkverträgen sichern die Dienstleister zu, das Verbot der Zwangsarbeit einzuhalten.", CERTIFICATION, FOUND),
    ("Die Nachunternehmer haben die Einhaltung des Verbots von Zwangsarbeit schriftlich zugesichert.", CERTIFICATION, FOUND),
    ("Alle Erzeuger akzeptieren unseren Verhaltenskodex gegen Kinderarbeit.", CERTIFICATION, FOUND),
    ("Wir akzeptieren keine Zwangsarbeit bei unseren Lieferanten.", CERTIFICATION, NOT_FOUND),
    ("No certification is requested from suppliers on forced labour.", CERTIFICATION, NOT_DONE),
    # verification: hotspot analyses, media screening, supply-chain mapping and risk scores in compounds
    ("Een hotspotanalyse liet zien dat kinderarbeid vooral speelt bij vanille en cacao.", VERIFICATION, FOUND),
    ("Elke maand draait een mediascan op berichten over dwangarbeid bij onze leveranciers.", VERIFICATION, FOUND),
    ("We run continuous media screening for trafficking allegations.", VERIFICATION, FOUND),
    ("Für die Kakaolieferkette haben wir eine Lieferkettenkartierung bis zur Farm erstellt, bei der Kinderarbeitsrisiken sichtbar wurden.", VERIFICATION, FOUND),
    ("Aus dem Selbstbewertungsbogen und den Länderrisiken berechnen wir für jeden Lieferanten einen Risikoscore.", VERIFICATION, FOUND),
    ("Elke ochtend maakt de communicatieafdeling een mediascan van het nieuws over ons merk.", VERIFICATION, NOT_FOUND),
    # audits by auditing firms and checks named as nouns
    ("Eine externe Prüfgesellschaft hat 2024 zwölf Zulieferer auf Zwangsarbeit untersucht.", AUDITS, FOUND),
    ("Bei zwei Logistikdienstleistern haben wir eigene Prüfungen der Unterkünfte und Arbeitszeiten der Fahrer durchgeführt.", AUDITS, FOUND),
]
# fmt: on


# Engine 2.3.10: classes of wording from batches 14 and 15's errors, each in new sentences written for
# these tests (14 rows are controls that 2.3.9 already met: the practice stated plainly beside the
# look-alike, or the look-alike without the new rule's trigger)
# fmt: off
WORDING_2310 = [
    # quality checks whose labour purpose is denied; shipment and finished-goods inspections; timber legality
    ("Our quality engineers inspect incoming components at the plant; these inspections concern product quality only and do not assess labour conditions.", AUDITS, NOT_FOUND),
    ("Pre-shipment inspections at the factory check carton markings and product dimensions.", AUDITS, NOT_FOUND),
    ("Our merchandisers carry out inspections of finished goods at each vendor, limited to workmanship.", AUDITS, NOT_FOUND),
    ("We audit our suppliers for forced labour and working conditions, and separately inspect product quality.", AUDITS, FOUND),
    ("Leveranciers worden door ons niet geaudit op arbeidsomstandigheden; de fabrieksbezoeken van onze kwaliteitsmanagers gaan alleen over productkwaliteit.", AUDITS, NOT_DONE),
    ("Our furniture suppliers hold FSC certificates, and we verify chain-of-custody records to confirm that the wood was legally harvested.", VERIFICATION, NOT_FOUND),
    ("Onze papierleveranciers zijn gecertificeerd; wij controleren de herkomst van het FSC-hout via hun certificaten.", VERIFICATION, NOT_FOUND),
    ("Bei unseren Holzlieferanten wird jede Lieferung nach der EU-Holzhandelsverordnung auf legale Herkunft geprüft.", VERIFICATION, NOT_FOUND),
    ("We verify the origin of our cotton for forced labour risks with an independent traceability provider.", VERIFICATION, FOUND),
    ("De accountant heeft de jaarrekening gecontroleerd en een goedkeurende verklaring afgegeven over het inkoopproces.", CERTIFICATION, NOT_FOUND),
    # the company's own operations and its internal audit function
    ("Our company-owned knitting plants are audited every year by an outside firm against our code of conduct.", AUDITS, NOT_FOUND),
    ("Onze eigen fabriek in Zwolle is vorig jaar door een extern bureau geaudit op arbeidsomstandigheden.", AUDITS, NOT_FOUND),
    ("De interne auditdienst heeft de betaalprocessen van de inkoopafdeling doorgelicht.", AUDITS, NOT_FOUND),
    ("Onze interne auditdienst auditeert jaarlijks twintig leveranciers op dwangarbeid.", AUDITS, FOUND),
    # workshops where goods are made, products named after training, trained auditors, sessions on the topic
    ("Our cabinets are assembled in our own workshop in Oregon and by two partner factories abroad.", TRAINING, NOT_FOUND),
    ("The stone is cut in workshops near Jaipur that supply our importer.", TRAINING, NOT_FOUND),
    ("Our company makes footballs and training gear, and we audit our suppliers for forced labour.", TRAINING, NOT_FOUND),
    ("Factories are visited by trained auditors who interview workers in private.", TRAINING, NOT_FOUND),
    ("We ran a workshop on forced labour indicators for our merchandisers in March.", TRAINING, FOUND),
    ("Each new sourcing manager completes a one-hour session on recognising signs of forced labour.", TRAINING, FOUND),
    ("Buyers join an annual session about debt bondage and trafficking in supply chains.", TRAINING, FOUND),
    ("Quarterly sessions on the sales targets are held for the account managers.", TRAINING, NOT_FOUND),
    # suppliers named by their role as partners, and evaluated with a longer object
    ("Our team evaluates each manufacturing partner for forced labour and trafficking risk when it is onboarded.", VERIFICATION, FOUND),
    ("Every production partner signs our code of conduct and certifies that the goods it supplies comply with anti-slavery laws.", CERTIFICATION, FOUND),
    ("We assess every grower, mill and contract manufacturer we source from for the risk of child labour each year.", VERIFICATION, FOUND),
    ("We assess each sourcing partner and each of its subcontracted sewing units for forced labour risk.", VERIFICATION, FOUND),
    ("During the year our compliance staff carried out on-site assessments of dye houses and weaving mills, checking wage slips and working hours for signs of forced labour.", VERIFICATION, NOT_FOUND),
    ("We monitor news and NGO reports for allegations of forced labour at our suppliers.", VERIFICATION, FOUND),
    ("Een extern bureau scant doorlopend media en ngo-rapporten op signalen van dwangarbeid bij onze leveranciers.", VERIFICATION, FOUND),
    ("Ein Dienstleister durchsucht täglich Nachrichtenquellen nach Hinweisen auf Kinderarbeit bei unseren Lieferanten.", VERIFICATION, FOUND),
    ("Bei Kaffee lassen wir die Lieferketten bis zur Kooperative durch einen externen Dienstleister auf Risiken von Kinderarbeit in Anbau und Ernte überprüfen.", VERIFICATION, FOUND),
    # plans being chosen, drafted or hoped for; possibilities to begin something
    ("We are planning a project to map our tier-two suppliers and assess their forced labour risk.", VERIFICATION, NOT_DONE),
    ("We are comparing software tools that would let us screen suppliers for slavery risks.", VERIFICATION, NOT_DONE),
    ("We are revising our purchase agreement so that suppliers will be required to certify compliance with anti-trafficking laws.", CERTIFICATION, NOT_DONE),
    ("We are assessing a programme of unannounced audits for our riskiest vendors.", AUDITS, NOT_DONE),
    ("Social audits which we hope to begin next year will cover our cocoa suppliers.", AUDITS, NOT_DONE),
    ("We expect the supplier declaration on forced labour to be in place by the autumn.", CERTIFICATION, NOT_DONE),
    ("We may provide anti-trafficking training to our buyers, depending on the results of our review.", TRAINING, NOT_DONE),
    ("We would like our sourcing team to understand forced labour risks better.", VERIFICATION, NOT_DONE),
    ("We may audit any supplier at any time without notice.", AUDITS, FOUND),
    ("Wij werken aan een escalatieprotocol dat vastlegt welke sancties volgen als een leverancier kinderarbeid toestaat.", ACCOUNTABILITY, NOT_DONE),
    ("Ons plan van aanpak voor 2026 bevat een verklaring over dwangarbeid voor alle leveranciers.", CERTIFICATION, NOT_DONE),
    ("Daarna gaan wij de gedragscode door al onze kwekers laten ondertekenen.", CERTIFICATION, NOT_DONE),
    ("Een verklaring tegen kinderarbeid nemen we vanaf 2027 op in alle inkoopcontracten.", CERTIFICATION, NOT_DONE),
    ("Vorgesehen sind eine Risikobewertung aller Zulieferer und Schulungen für den Einkauf.", VERIFICATION, NOT_DONE),
    ("Schulungen zu Zwangsarbeit sind für die Disponenten im kommenden Geschäftsjahr vorgesehen.", TRAINING, NOT_DONE),
    ("Audits bei unseren Lieferanten in Asien beauftragen wir ab dem nächsten Berichtszeitraum.", AUDITS, NOT_DONE),
    ("Die Risikoanalyse für unsere Spediteure wird die Nachhaltigkeitsabteilung im Herbst durchführen.", VERIFICATION, NOT_DONE),
    ("Wir werden unsere Einkaufsbedingungen im laufenden Jahr um eine Klausel gegen Kinderarbeit ergänzen, die Lieferanten unterschreiben.", CERTIFICATION, NOT_DONE),
    ("Unser Ziel für 2027: Wir wollen die Risiken von Zwangsarbeit bei allen Zulieferern erfassen.", VERIFICATION, NOT_DONE),
    ("Mit dem nächsten Update unseres Lernportals wird ein Modul zu Zwangsarbeit für alle Einkäufer freigeschaltet.", TRAINING, NOT_DONE),
    # no steps taken, no need seen
    ("No steps have been taken to assess the risk of forced labour in our supply chains.", VERIFICATION, NOT_DONE),
    ("No measures were taken to audit our suppliers during the year.", AUDITS, NOT_DONE),
    ("Weil wir nur bei regionalen Erzeugern einkaufen, sehen wir keine Notwendigkeit, unsere Lieferkette auf Kinderarbeit zu untersuchen.", VERIFICATION, NOT_DONE),
    ("Wij zien geen noodzaak om onze leveranciers te auditen op dwangarbeid.", AUDITS, NOT_DONE),
    # a section of the law as the subject; the company named inside what the law asks
    ("The Act requires that we disclose whether we audit suppliers and whether the audits are unannounced.", AUDITS, NOT_FOUND),
    ("Subsection (c)(5) asks whether a retailer gives supply chain managers training on trafficking.", TRAINING, NOT_FOUND),
    ("Nach § 5 LkSG haben Unternehmen jährlich eine Risikoanalyse bei ihren unmittelbaren Zulieferern durchzuführen.", VERIFICATION, NOT_FOUND),
    ("Volgens de afspraken in het convenant moeten deelnemende bedrijven jaarlijks een risicoanalyse van hun keten maken.", VERIFICATION, NOT_FOUND),
    ("Volgens de OESO-richtlijnen wordt van bedrijven verwacht dat zij gepaste zorgvuldigheid betrachten in hun keten.", VERIFICATION, NOT_FOUND),
    ("The Act requires companies to disclose their audits; we audit every supplier once a year.", AUDITS, FOUND),
    # due diligence named as what a training or a report is about
    ("Alle inkopers hebben de e-learning 'Due diligence voor inkopers' gevolgd, over dwangarbeid bij leveranciers.", VERIFICATION, NOT_FOUND),
    ("Die Einkäufer absolvierten ein E-Learning zu den Sorgfaltspflichten des LkSG mit Beispielen zu Kinderarbeit.", VERIFICATION, NOT_FOUND),
    ("Wir haben unsere Sorgfaltspflichten mit einer Risikoanalyse aller Lieferanten umgesetzt.", VERIFICATION, FOUND),
    # consequences in more verbs; procedures on the response to failures
    ("If a factory refuses to remediate forced labour, we will stop placing orders with it.", ACCOUNTABILITY, FOUND),
    ("We may suspend or terminate any supplier found using child labour.", ACCOUNTABILITY, FOUND),
    ("A vendor that fails to correct a trafficking violation will see its production moved to another supplier.", ACCOUNTABILITY, FOUND),
    ("We terminate vendors that breach our prohibition on forced labour.", ACCOUNTABILITY, FOUND),
    ("Mills that do not remediate bonded labour findings are exited.", ACCOUNTABILITY, FOUND),
    ("Our procedure sets out the steps we take when a supplier fails to meet our standards on slavery.", ACCOUNTABILITY, FOUND),
    ("A written protocol describes how the company responds when a vendor breaches our forced labour policy.", ACCOUNTABILITY, FOUND),
    ("We are developing a procedure that will set out the steps we will take if an employee or supplier fails to meet our forced labour standards.", ACCOUNTABILITY, NOT_DONE),
    ("We have no defined consequences for non-compliance with our forced labour policy.", ACCOUNTABILITY, NOT_DONE),
    ("We moved production of our winter range to another supplier in Portugal to shorten lead times.", ACCOUNTABILITY, NOT_FOUND),
    # who is trained, who does a step, who acknowledges a code; contract manufacturers are no contract
    ("Training on trafficking goes to the employees who are directly responsible for managing our supply chain.", ACCOUNTABILITY, NOT_FOUND),
    ("The supplier risk review is carried out by our internal compliance team.", ACCOUNTABILITY, NOT_FOUND),
    ("Our internal compliance team investigates every breach of the forced labour policy by staff.", ACCOUNTABILITY, FOUND),
    ("Our code of conduct, which all employees acknowledge each year, covers gifts and conflicts of interest; buyers also receive training on trafficking.", CERTIFICATION, NOT_FOUND),
    ("Vendors acknowledge our code of conduct, which prohibits forced labour, before the first order.", CERTIFICATION, FOUND),
    ("Vendors accept our Vendor Expectations, which prohibit forced labour, as part of our purchase terms.", CERTIFICATION, FOUND),
    ("We audit our contract manufacturers against our ethical sourcing standard.", CERTIFICATION, NOT_FOUND),
    # what a training teaches; what suppliers are expected to do with their own suppliers
    ("Buyers attend a yearly workshop on how to recognise warning signs when visiting suppliers.", AUDITS, NOT_FOUND),
    ("Wir erwarten von unseren Lieferanten, dass sie ihre Vorlieferanten auf Zwangsarbeit auditieren.", AUDITS, NOT_FOUND),
    # labelled overviews: numbered labels and answers that say no
    ("4. Audits: We audit vendors for forced labour.\n5. Training: We do not yet provide formal training on trafficking to our employees.", TRAINING, NOT_DONE),
    ("Audits: We audit vendors for forced labour.\nTraining: None at this time.", TRAINING, NOT_DONE),
    ("Verification: We screen vendors for forced labour risk.\nSupplier certification: Not currently required.", CERTIFICATION, NOT_DONE),
    ("Training: Not only buyers but all merchandisers are trained on forced labour each year.", TRAINING, FOUND),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "criterion_id", "expected"), PLAIN_WORDING + MORE_PLAIN_WORDING + WORDING_239 + WORDING_2310
)
def test_plain_wording_of_practices_consequences_and_look_alikes(
    text: str, criterion_id: str, expected: Verdict
) -> None:
    assert verdict(text, criterion_id) is expected
