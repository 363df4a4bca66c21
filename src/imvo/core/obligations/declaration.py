"""Draft of the declaration under art. 4 of the Wet zorgplicht kinderarbeid, filled from the register.

A draft only: the Act is not in force and the supervisor has not published a form, so the text follows
what the Act requires (due diligence to prevent child labour, investigation of a reasonable suspicion,
an action plan where one exists) and marks every gap with ``[ONTBREEKT / MISSING: …]``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from imvo.core.obligations.facts import CompanyProfile

MISSING = "[ONTBREEKT / MISSING: {}]"
WARNING = "[LET OP / WARNING: {}]"


def _warning(open_child_labour_risks: int) -> list[str]:
    if open_child_labour_risks <= 0:
        return []
    return [
        WARNING.format(
            f"het register bevat {open_child_labour_risks} open risico('s) op kinderarbeid; zolang die "
            "open zijn kan niet worden verklaard dat geen redelijk vermoeden van kinderarbeid bestaat / "
            f"the register holds {open_child_labour_risks} open child-labour risk(s); while they are "
            "open, the draft cannot state that no reasonable suspicion of child labour exists"
        ),
        "",
    ]


def _outcome(suspicion: bool | None, action_plan: Any) -> tuple[str, str]:
    """The investigation's outcome in Dutch and in English."""
    if suspicion is True:
        plan = (
            "Er bestaat een redelijk vermoeden van kinderarbeid; het plan van aanpak is vastgesteld op "
            f"{action_plan}."
            if action_plan
            else "Er bestaat een redelijk vermoeden van kinderarbeid; "
            + MISSING.format("datum plan van aanpak / action plan date")
        )
        plan_en = "A reasonable suspicion of child labour exists; " + (
            f"the action plan was adopted on {action_plan}." if action_plan else "the action plan is missing."
        )
        return plan, plan_en
    if suspicion is False:
        return (
            "Uit het onderzoek is geen redelijk vermoeden van kinderarbeid gebleken.",
            "The investigation found no reasonable suspicion of child labour.",
        )
    return (
        MISSING.format("uitkomst onderzoek redelijk vermoeden / outcome of the investigation"),
        "Outcome of the investigation: missing.",
    )


def draft_wzk_declaration(
    profile: CompanyProfile,
    register: Mapping[str, Any],
    as_of: date,
    *,
    open_child_labour_risks: int = 0,
) -> str:
    """Markdown text in Dutch with an English translation, ready for review by the organisation.

    While the register has open child-labour risks the draft warns, and it refuses to state that no
    reasonable suspicion was found: that outcome is marked as missing until the risks are closed.
    """
    risk_date = register.get("risk_analysis_date")
    measures = register.get("measures_count")
    suspicion = register.get("child_labour_reasonable_suspicion")
    warning_lines = _warning(open_child_labour_risks)
    if warning_lines and suspicion is False:
        suspicion = None  # refused: shown as missing below, never as "no suspicion"
    endorsement = register.get("oecd_endorsement")
    measures_en = str(measures) if isinstance(measures, int) else "missing"
    risk_nl = f"op {risk_date}" if risk_date else MISSING.format("datum risicoanalyse / risk analysis date")
    measures_nl = (
        str(measures) if isinstance(measures, int) else MISSING.format("aantal maatregelen / measures")
    )
    plan, plan_en = _outcome(suspicion, register.get("child_labour_action_plan_date"))
    endorsement_nl = (
        "Wij onderschrijven de OESO-richtlijnen voor multinationale ondernemingen en de UN Guiding "
        "Principles."
        if endorsement is True
        else MISSING.format("onderschrijving OESO-richtlijnen / OECD endorsement")
    )
    return "\n".join(
        [
            f"# Verklaring gepaste zorgvuldigheid kinderarbeid — {profile.name}",
            "",
            f"*Concept van {as_of.isoformat()}. De Wet zorgplicht kinderarbeid (Stb. 2019, 401) is nog "
            "niet in werking; deze verklaring wordt pas verplicht na inwerkingtreding bij koninklijk "
            "besluit.*",
            "",
            *warning_lines,
            f"{profile.name} verklaart dat zij gepaste zorgvuldigheid betracht om te voorkomen dat de "
            "goederen en diensten die zij aan Nederlandse eindgebruikers levert met behulp van "
            "kinderarbeid tot stand zijn gekomen (art. 4 en 5 Wzk).",
            "",
            f"- {endorsement_nl}",
            f"- Wij hebben onderzocht of er een redelijk vermoeden bestaat van kinderarbeid in onze keten: "
            f"risicoanalyse {risk_nl}.",
            f"- Getroffen maatregelen: {measures_nl}.",
            f"- {plan}",
            "",
            "## English translation",
            "",
            f"{profile.name} declares that it exercises due diligence to prevent the goods and services it "
            "supplies to Dutch end users from having been produced with child labour (art. 4 and 5 Wzk).",
            "",
            f"- OECD Guidelines endorsed: {'yes' if endorsement is True else 'missing'}.",
            f"- Risk analysis: {risk_date or 'missing'}; measures: {measures_en}.",
            f"- {plan_en}",
            "",
        ]
    )
