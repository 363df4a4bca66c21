"""Per criterion and language: a positive, a negative and an explicitly-not-done example.

The sentences are written from the criterion definitions in docs/assessment.md, not taken from the
development set, so they test the definitions rather than memorised wording.
"""

# ruff: noqa: E501  (one example sentence per line keeps the table readable)
from __future__ import annotations

import pytest

from imvo.core.assessment import CRITERION_IDS, Verdict, assess_text

FOUND = Verdict.FOUND
NOT_FOUND = Verdict.NOT_FOUND
NOT_DONE = Verdict.EXPLICITLY_NOT_DONE

CASES: list[tuple[str, str, str, Verdict]] = [
    # oecd_endorsement
    ("oecd_endorsement", "en", "We endorse the OECD Guidelines for Multinational Enterprises.", FOUND),
    ("oecd_endorsement", "en", "Our human rights policy is aligned with the UN Guiding Principles on Business and Human Rights.", FOUND),
    ("oecd_endorsement", "en", "The OECD Guidelines for Multinational Enterprises were updated in 2023.", NOT_FOUND),
    ("oecd_endorsement", "en", "We have not yet formally endorsed the OECD Guidelines for Multinational Enterprises.", NOT_DONE),
    ("oecd_endorsement", "nl", "Wij onderschrijven de OESO-richtlijnen voor multinationale ondernemingen.", FOUND),
    ("oecd_endorsement", "nl", "De OESO-richtlijnen zijn in 2023 herzien door de lidstaten van de OESO.", NOT_FOUND),
    ("oecd_endorsement", "nl", "Wij hebben de OESO-richtlijnen nog niet onderschreven.", NOT_DONE),
    ("oecd_endorsement", "de", "Wir bekennen uns zu den UN-Leitprinzipien für Wirtschaft und Menschenrechte.", FOUND),
    ("oecd_endorsement", "de", "Die OECD-Leitsätze für multinationale Unternehmen wurden 2023 aktualisiert.", NOT_FOUND),
    ("oecd_endorsement", "de", "Zu den OECD-Leitsätzen haben wir uns bisher nicht bekannt.", NOT_DONE),
    # risk_assessment
    ("risk_assessment", "en", "Every year we assess the human rights risks in our supply chain by country and product.", FOUND),
    ("risk_assessment", "en", "Credit risk and liquidity risk are assessed monthly by the treasury department.", NOT_FOUND),
    ("risk_assessment", "en", "We do not verify our supply chain for risks of forced labour.", NOT_DONE),
    ("risk_assessment", "nl", "Wij brengen de risico's op kinderarbeid in onze keten jaarlijks in kaart.", FOUND),
    ("risk_assessment", "nl", "Het kredietrisico wordt maandelijks beoordeeld door de afdeling financiën.", NOT_FOUND),
    ("risk_assessment", "nl", "Wij hebben nog geen risicoanalyse van onze keten uitgevoerd.", NOT_DONE),
    ("risk_assessment", "de", "Im Rahmen unserer Risikoanalyse bewerten wir die Menschenrechtsrisiken unserer Lieferanten.", FOUND),
    ("risk_assessment", "de", "Unser Umsatz stieg im Geschäftsjahr um vier Prozent.", NOT_FOUND),
    ("risk_assessment", "de", "Eine Risikoanalyse unserer Lieferkette haben wir noch nicht durchgeführt.", NOT_DONE),
    # supplier_audits
    ("supplier_audits", "en", "We reserve the right to conduct unannounced audits of our suppliers' factories.", FOUND),
    ("supplier_audits", "en", "The audit committee reviewed the financial statements with the external auditor.", NOT_FOUND),
    ("supplier_audits", "en", "We do not currently conduct third-party audits of our suppliers.", NOT_DONE),
    ("supplier_audits", "nl", "Wij laten onze leveranciers jaarlijks auditen door een onafhankelijke partij.", FOUND),
    ("supplier_audits", "nl", "De auditcommissie heeft de jaarrekening besproken met de accountant.", NOT_FOUND),
    ("supplier_audits", "nl", "Wij voeren geen audits uit bij onze leveranciers.", NOT_DONE),
    ("supplier_audits", "de", "Wir führen regelmäßig Vor-Ort-Audits bei unseren Lieferanten durch.", FOUND),
    ("supplier_audits", "de", "Der Prüfungsausschuss hat den Jahresabschluss mit dem Abschlussprüfer erörtert.", NOT_FOUND),
    ("supplier_audits", "de", "Wir führen keine Audits bei unseren Lieferanten durch.", NOT_DONE),
    # supplier_certification
    ("supplier_certification", "en", "All direct suppliers must certify in writing that they comply with laws on slavery and human trafficking.", FOUND),
    ("supplier_certification", "en", "Our head office is ISO 14001 certified.", NOT_FOUND),
    ("supplier_certification", "en", "We do not require our suppliers to certify compliance with these laws.", NOT_DONE),
    ("supplier_certification", "nl", "Onze gedragscode voor leveranciers is onderdeel van alle inkoopcontracten.", FOUND),
    ("supplier_certification", "nl", "Wij kopen onze grondstoffen bij leveranciers in Europa en Azië.", NOT_FOUND),
    ("supplier_certification", "nl", "Wij vragen leveranciers niet om een schriftelijke verklaring over kinderarbeid.", NOT_DONE),
    ("supplier_certification", "de", "Unser Verhaltenskodex für Lieferanten ist Vertragsbestandteil.", FOUND),
    ("supplier_certification", "de", "Wir beziehen unsere Rohstoffe von Lieferanten in Europa und Asien.", NOT_FOUND),
    ("supplier_certification", "de", "Schriftliche Zusicherungen unserer Lieferanten holen wir nicht ein.", NOT_DONE),
    # internal_accountability
    ("internal_accountability", "en", "Employees who violate our Code of Conduct on forced labour are subject to disciplinary action.", FOUND),
    ("internal_accountability", "en", "We require our suppliers to comply with all applicable laws and our supplier code.", NOT_FOUND),
    ("internal_accountability", "en", "We do not maintain internal accountability procedures on slavery and human trafficking.", NOT_DONE),
    ("internal_accountability", "nl", "De raad van bestuur is eindverantwoordelijk voor het mensenrechtenbeleid.", FOUND),
    ("internal_accountability", "nl", "Wij verwachten van leveranciers dat zij de wet naleven.", NOT_FOUND),
    ("internal_accountability", "nl", "Er zijn geen disciplinaire maatregelen voor medewerkers die de gedragscode overtreden.", NOT_DONE),
    ("internal_accountability", "de", "Der Vorstand hat eine Menschenrechtsbeauftragte benannt, die für die Einhaltung der Menschenrechtsstrategie verantwortlich ist.", FOUND),
    ("internal_accountability", "de", "Wir erwarten von unseren Lieferanten die Einhaltung aller Gesetze.", NOT_FOUND),
    ("internal_accountability", "de", "Disziplinarische Maßnahmen bei Verstößen gegen unsere Menschenrechtsstandards gibt es bei uns noch nicht.", NOT_DONE),
    # training
    ("training", "en", "All buyers receive annual training on forced labour and human trafficking in supply chains.", FOUND),
    ("training", "en", "We require our suppliers to train their workers on health and safety.", NOT_FOUND),
    ("training", "en", "We are developing a training programme on human rights for our procurement staff.", NOT_DONE),
    ("training", "nl", "Alle inkopers volgen jaarlijks een training over mensenrechten in de keten.", FOUND),
    ("training", "nl", "Leveranciers moeten hun werknemers opleiden in veiligheid.", NOT_FOUND),
    ("training", "nl", "Onze medewerkers krijgen nog geen training over mensenrechten.", NOT_DONE),
    ("training", "de", "Unsere Einkäufer werden jährlich zu Menschenrechten in der Lieferkette geschult.", FOUND),
    ("training", "de", "Lieferanten müssen ihre Arbeiter in Arbeitssicherheit unterweisen.", NOT_FOUND),
    ("training", "de", "Schulungen zu Menschenrechten bieten wir unseren Mitarbeitenden noch nicht an.", NOT_DONE),
    # grievance_mechanism
    ("grievance_mechanism", "en", "Workers in our supply chain can raise complaints through our grievance mechanism.", FOUND),
    ("grievance_mechanism", "en", "Our products are sold in 40 countries.", NOT_FOUND),
    ("grievance_mechanism", "en", "We do not have a grievance mechanism for workers in our supply chain.", NOT_DONE),
    ("grievance_mechanism", "nl", "Medewerkers en derden kunnen misstanden melden via onze klokkenluidersregeling.", FOUND),
    ("grievance_mechanism", "nl", "Onze producten worden in veertig landen verkocht.", NOT_FOUND),
    ("grievance_mechanism", "nl", "Wij hebben nog geen klachtenmechanisme voor werknemers in de keten.", NOT_DONE),
    ("grievance_mechanism", "de", "Hinweise können über unser Hinweisgebersystem anonym abgegeben werden.", FOUND),
    ("grievance_mechanism", "de", "Unsere Produkte werden in vierzig Ländern verkauft.", NOT_FOUND),
    ("grievance_mechanism", "de", "Ein Beschwerdeverfahren für Arbeiter in der Lieferkette haben wir nicht.", NOT_DONE),
    # remediation
    ("remediation", "en", "Where we have caused or contributed to adverse impacts we provide remedy to affected workers.", FOUND),
    ("remediation", "en", "The remediation of the former factory site's soil was completed in 2023.", NOT_FOUND),
    ("remediation", "en", "We have no process to remediate adverse impacts on workers in our supply chain.", NOT_DONE),
    ("remediation", "nl", "Bij overtredingen stellen wij samen met de leverancier een verbeterplan op.", FOUND),
    ("remediation", "nl", "De bodemsanering van de oude fabriekslocatie is in 2023 afgerond.", NOT_FOUND),
    ("remediation", "nl", "Wij bieden geen genoegdoening aan getroffen werknemers in de keten.", NOT_DONE),
    ("remediation", "de", "Werden Verstöße festgestellt, vereinbaren wir mit dem Lieferanten Abhilfemaßnahmen.", FOUND),
    ("remediation", "de", "Unser Umsatz stieg im Geschäftsjahr um vier Prozent.", NOT_FOUND),
    ("remediation", "de", "Abhilfemaßnahmen für betroffene Arbeiter in der Lieferkette gibt es bei uns noch nicht.", NOT_DONE),
    # public_reporting
    ("public_reporting", "en", "We report annually on our progress in our sustainability report.", FOUND),
    ("public_reporting", "en", "Our products are sold in 40 countries.", NOT_FOUND),
    ("public_reporting", "en", "We do not publish the results of our supplier audits.", NOT_DONE),
    ("public_reporting", "nl", "Wij rapporteren jaarlijks over onze voortgang in ons duurzaamheidsverslag.", FOUND),
    ("public_reporting", "nl", "Onze producten worden in veertig landen verkocht.", NOT_FOUND),
    ("public_reporting", "nl", "De resultaten van onze ketenanalyse publiceren wij niet.", NOT_DONE),
    ("public_reporting", "de", "Über die Ergebnisse berichten wir jährlich in unserem Nachhaltigkeitsbericht.", FOUND),
    ("public_reporting", "de", "Unsere Produkte werden in vierzig Ländern verkauft.", NOT_FOUND),
    ("public_reporting", "de", "Die Ergebnisse unserer Risikoanalyse veröffentlichen wir nicht.", NOT_DONE),
]  # fmt: skip


# Further wording seen in modern-slavery and due-diligence statements, written for these tests.
CASES += [
    ("risk_assessment", "en", "We have mapped our tier 1 and tier 2 suppliers and categorised them by modern slavery risk.", FOUND),
    ("risk_assessment", "en", "We use the Global Slavery Index to prioritise suppliers for further review.", FOUND),
    ("risk_assessment", "en", "We review our suppliers against the U.S. Department of Labor's List of Goods Produced by Child Labor or Forced Labor.", FOUND),
    ("supplier_audits", "en", "Independent auditors carry out SMETA audits at high-risk sites every two years.", FOUND),
    ("supplier_audits", "en", "Our quality team visits suppliers' facilities and checks working conditions during these visits.", FOUND),
    ("supplier_certification", "en", "Our employees sign our Code of Conduct when they join the company.", NOT_FOUND),
    ("supplier_certification", "en", "Our contracts with suppliers include a clause prohibiting the use of forced or child labour.", FOUND),
    ("internal_accountability", "en", "The Board has overall responsibility for ensuring our supply chains are free from slavery.", FOUND),
    ("training", "en", "In 2024, 95% of our procurement team completed our modern slavery e-learning module.", FOUND),
    ("training", "en", "We invest in the training and development of our sales employees.", NOT_FOUND),
    ("grievance_mechanism", "en", "Workers can report concerns confidentially via our Speak Up line, available in 20 languages.", FOUND),
    ("grievance_mechanism", "en", "Customer complaints decreased by 12% thanks to the new complaints handling process.", NOT_FOUND),
    ("remediation", "en", "Where we find that workers paid recruitment fees, we require suppliers to repay the fees in full.", FOUND),
    ("public_reporting", "en", "We publish a list of our tier 1 factories on our website, updated twice a year.", FOUND),
    ("public_reporting", "en", "We report our financial results quarterly.", NOT_FOUND),
    ("oecd_endorsement", "en", "The UNGPs require businesses to respect human rights.", NOT_FOUND),
    ("oecd_endorsement", "en", "Acme supports the UN Global Compact.", NOT_FOUND),
    ("oecd_endorsement", "en", "Acme Inc. endorses the OECD Guidelines for Multinational Enterprises.", FOUND),
    ("oecd_endorsement", "de", "Unser Handeln richtet sich nach den OECD-Leitsätzen für multinationale Unternehmen.", FOUND),
    ("oecd_endorsement", "nl", "Ons beleid is gebaseerd op de OESO-richtlijnen voor multinationale ondernemingen.", FOUND),
    ("risk_assessment", "de", "Dabei wurden als priorisierte Risiken Kinderarbeit und Verstöße gegen den Arbeitsschutz identifiziert.", FOUND),
    ("supplier_audits", "nl", "Wij bezoeken onze belangrijkste leveranciers jaarlijks en controleren de arbeidsomstandigheden.", FOUND),
    ("supplier_certification", "de", "Unsere Lieferanten verpflichten sich vertraglich zur Einhaltung unseres Lieferantenkodex.", FOUND),
    ("internal_accountability", "nl", "Binnen de directie is de CFO verantwoordelijk voor ons IMVO-beleid.", FOUND),
    ("remediation", "de", "Bei festgestellten Verletzungen ergreifen wir unverzüglich angemessene Abhilfemaßnahmen.", FOUND),
    ("remediation", "nl", "Samen met de leverancier hebben wij de schade voor de getroffen werknemers hersteld.", FOUND),
    ("training", "de", "Schulungen zu Menschenrechten für unsere Einkäufer sind für 2025 geplant.", NOT_DONE),
    ("grievance_mechanism", "nl", "Een klachtenprocedure voor werknemers in de keten is nog in ontwikkeling.", NOT_DONE),
    ("supplier_audits", "de", "Audits bei Lieferanten führen wir bislang nicht durch.", NOT_DONE),
]  # fmt: skip


@pytest.mark.parametrize(
    ("criterion_id", "language", "text", "expected"),
    CASES,
    ids=[f"{case[0]}-{case[1]}-{case[3].value}-{index}" for index, case in enumerate(CASES)],
)
def test_verdict_per_criterion_and_language(
    criterion_id: str, language: str, text: str, expected: Verdict
) -> None:
    result = assess_text(text, criteria=[criterion_id]).result(criterion_id)
    assert result.verdict is expected, [citation.cue for citation in result.citations]
    if expected is not NOT_FOUND:
        assert result.citations, "a verdict other than not_found must cite a passage"


def test_every_criterion_has_cases_in_every_language() -> None:
    covered = {(case[0], case[1], case[3]) for case in CASES}
    for criterion_id in CRITERION_IDS:
        for language in ("en", "nl", "de"):
            for verdict in (FOUND, NOT_FOUND, NOT_DONE):
                assert (criterion_id, language, verdict) in covered
