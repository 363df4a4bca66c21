"""ILAB 2022 Findings on the Worst Forms of Child Labor → ``ilab_findings.json``.

One record per country or territory (143: 131 full profiles and 12 goods-only countries). Kept: codes,
flags, statistics, counts, ages, the country page URL and ILAB project links. Dropped as third-party
prose: ``Description``, ``Suggested_Actions`` texts (only their number per area is kept) and project
titles. Every quirk listed in ``ilab/README.md`` is handled here; see ``docs/data.md``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree  # noqa: S405 - local, checksummed public-domain files
from pathlib import Path
from typing import Any

from imvo.core.refdata.sources import BuildError, BuiltDataset, json_records_bytes, raw_file_entry, trimmed
from imvo.core.refdata.sources.ilab_goods import FLAG_ELEMENTS, LIST_FILE, parse_listings, yes_no
from imvo.core.refdata.sources.iso3166 import CROSSWALK, read_ilab_crosswalk

FINDINGS_FILE = "ilab/child-labor-findings-2022.xml"
OUTPUT = "ilab_findings.json"
EDITION = "reporting year 2022, published 26 Sep 2023"
FINDINGS_URL = "https://www.dol.gov/agencies/ilab/resources/reports/child-labor/findings"

# Published token → our token. Anything else in a flag position is a build error.
TOKENS = {"Yes": "yes", "No": "no", "N/A": "n/a", "Unknown": "unknown", "Unavailable": "unavailable"}

CONVENTIONS = {
    "C_138_Ratified": "ILO C138",
    "C_182_Ratified": "ILO C182",
    "Convention_on_the_Rights_of_the_Child_Ratified": "CRC",
    "CRC_Armed_Conflict_Ratified": "CRC-OPAC",
    "CRC_Commercial_Sexual_Exploitation_of_Children_Ratified": "CRC-OPSC",
    "Palermo_Ratified": "Palermo",
}

# Element names are kept in snake case; ILAB's typos are corrected in our keys only.
LEGAL_STANDARDS = {
    "Free_Public_Education": "free_public_education",
    "Minimum_Work": "minimum_work",
    "Minimum_Hazardous_Work": "minimum_hazardous_work",
    "Types_Hazardous_Work": "types_hazardous_work",
    "Prohibition_Forced_Labor": "prohibition_forced_labor",
    "Prohibition_Child_Trafficking": "prohibition_child_trafficking",
    "Prohibition_CSEC": "prohibition_csec",
    "Prohibition_Illicit_Activities": "prohibition_illicit_activities",
    "Minimum_Compulsory_Military": "minimum_compulsory_military",
    "Minumum_Voluntary_Military": "minimum_voluntary_military",
    "Minumum_Non_State_Military": "minimum_non_state_military",
    "Compulsory_Education": "compulsory_education",
}

ENFORCEMENTS = {
    "Labor_Funding": "labor_funding",
    "Labor_Inspectors": "labor_inspectors",
    "Authorized_Access_Penalties": "authorized_access_penalties",
    "Labor_New_Employee_Training": "labor_new_employee_training",
    "Labor_Inspections": "labor_inspections",
    "Labor_Violations": "labor_violations",
    "Labor_Penalties_Imposed": "labor_penalties_imposed",
    "Labor_Penalties_Collected": "labor_penalties_collected",
    "Labor_Routine_Inspections_Conducted": "labor_routine_inspections_conducted",
    "Labor_Routine_Inspections_Targeted": "labor_routine_inspections_targeted",
    "Labor_Unannounced_Inspections_Premitted": "labor_unannounced_inspections_permitted",
    "Labor_Unannounced_Inspections_Conducted": "labor_unannounced_inspections_conducted",
    "Labor_Complaint_Mechanism": "labor_complaint_mechanism",
    "Labor_Referral_Mechanism": "labor_referral_mechanism",
    "Labor_Inspectors_Intl_Standards": "labor_inspectors_intl_standards",
    "Criminal_New_Employee_Training": "criminal_new_employee_training",
    "Criminal_Investigations": "criminal_investigations",
    "Criminal_Prosecutions": "criminal_prosecutions",
    "Criminal_Convictions": "criminal_convictions",
    "Criminal_Referral_Mechanism": "criminal_referral_mechanism",
    "Criminal_Penalties_for_WFCL": "criminal_penalties_for_wfcl",
}

MECHANISMS = {"Program": "program", "Policy": "policy", "Coordination": "coordination"}
ACTION_AREAS = {
    "Legal_Framework": "legal_framework",
    "Enforcement": "enforcement",
    "Coordination": "coordination",
    "Government_Policies": "government_policies",
    "Social_Programs": "social_programs",
}

_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?")
_MILLIONS = re.compile(r"\$ ?([0-9]+(?:\.[0-9]+)?) million")


def token(value: str, where: str) -> str | None:
    """A flag or count: ``yes``/``no``/``n/a``/``unknown``/``unavailable``, digits as published, or None."""
    if value == "":
        return None
    if value in TOKENS:
        return TOKENS[value]
    if _NUMBER.fullmatch(value):
        return value
    raise BuildError(f"{where}: unexpected value {value!r}")


def fraction(value: str, where: str) -> float | None:
    """Statistics are fractions (0.12 = 12 %); ``Unavailable`` and empty mean no statistic."""
    if value in ("", "Unavailable", "N/A"):
        return None
    if not _NUMBER.fullmatch(value):
        raise BuildError(f"{where}: expected a fraction, found {value!r}")
    return float(value)


def funding_usd(value: str) -> int | None:
    """``Labor_Funding`` is ``1550000`` or ``$3.5 million``; presumably US dollars as in the report."""
    if value.isascii() and value.isdigit():
        return int(value)
    match = _MILLIONS.fullmatch(value)
    if match:
        return round(float(match.group(1)) * 1_000_000)
    return None


def territory_view(element: ElementTree.Element, where: str) -> ElementTree.Element:
    """Somalia nests every legal-standard and enforcement value in one ``All Territories`` block."""
    territories = element.findall("Territory")
    if not territories:
        return element
    if len(territories) != 1 or trimmed(territories[0].findtext("Territory_Name")) != "All Territories":
        raise BuildError(f"{where}: expected exactly one 'All Territories' block")
    return territories[0]


def leaf_text(element: ElementTree.Element, where: str) -> str:
    view = territory_view(element, where)
    if view is element:
        return trimmed(element.text)
    return trimmed(view.findtext("Enforcement"))


def single_values(block: ElementTree.Element | None, tag: str) -> list[str]:
    return [] if block is None else [trimmed(element.text) for element in block.findall(tag)]


def parse_statistics(country: ElementTree.Element, name: str, notes: list[str]) -> dict[str, Any]:
    where = f"{FINDINGS_FILE}: {name}"
    statistics = country.find("Country_Statistics")
    work = None if statistics is None else statistics.find("Children_Work_Statistics")
    attendance = None if statistics is None else statistics.find("Education_Statistics_Attendance_Statistics")
    studying = None if statistics is None else statistics.find("Children_Working_and_Studying_7-14_yrs_old")
    completion = None if statistics is None else statistics.find("UNESCO_Primary_Completion_Rate")

    def one(block: ElementTree.Element | None, tag: str, label: str) -> str:
        values = single_values(block, tag)
        if len(set(values)) == 1:
            return values[0]  # Somalia repeats its age ranges; identical repeats are harmless
        if len(values) > 1:
            notes.append(
                f"{label}: {len(values)} unlabelled values published ({', '.join(values)}); none used"
            )
            return ""
        return values[0] if values else ""

    age_range = one(work, "Age_Range", "working children age range")
    share = fraction(one(work, "Total_Percentage_of_Working_Children", "working children"), where)
    if share is not None and not age_range:
        # Montserrat: 0.968 with no age range, identical to its completion rate (README: data-entry error).
        notes.append(f"working children share published as {share} without an age range; not used")
        share = None
    population = one(work, "Total_Working_Population", "working population")
    studying_share = fraction(one(studying, "Total", "working and studying"), where)
    if studying_share is not None and studying_share > 1:
        # Malawi: 2.84 is not a fraction (probably 2.84 %); we do not guess which.
        notes.append(f"working and studying share published as {studying_share} (not a fraction); not used")
        studying_share = None
    return {
        "working_children_age_range": age_range or None,
        "working_children_share": share,
        "working_children_count": int(population) if population.isascii() and population.isdigit() else None,
        "children_in_agriculture": fraction(one(work, "Agriculture", "agriculture"), where),
        "children_in_industry": fraction(one(work, "Industry", "industry"), where),
        "children_in_services": fraction(one(work, "Services", "services"), where),
        "school_attendance_age_range": one(attendance, "Age_Range", "attendance age range") or None,
        "school_attendance": fraction(one(attendance, "Percentage", "school attendance"), where),
        "working_and_studying_age_range": one(studying, "Age_Range", "working and studying age range")
        or None,
        "working_and_studying_share": studying_share,
        "primary_completion_rate": fraction(one(completion, "Rate", "primary completion rate"), where),
    }


def parse_conventions(country: ElementTree.Element, where: str) -> dict[str, str | None]:
    block = country.find("Conventions")
    conventions: dict[str, str | None] = {}
    for element_name, key in CONVENTIONS.items():
        # Zimbabwe publishes the six elements twice; accept repeats only when they agree.
        values = {token(value, f"{where}/{element_name}") for value in single_values(block, element_name)}
        if len(values) > 1:
            raise BuildError(
                f"{where}/{element_name}: conflicting repeated values {sorted(map(str, values))}"
            )
        conventions[key] = values.pop() if values else None
    return conventions


def parse_legal_standards(country: ElementTree.Element, where: str) -> dict[str, dict[str, str | None]]:
    block = country.find("Legal_Standards")
    standards: dict[str, dict[str, str | None]] = {}
    if block is None:
        return standards
    for element_name, key in LEGAL_STANDARDS.items():
        element = block.find(element_name)
        if element is None:
            continue
        view = territory_view(element, f"{where}/{element_name}")
        age = trimmed(view.findtext("Age"))
        standards[key] = {
            "standard": token(trimmed(view.findtext("Standard")), f"{where}/{element_name}"),
            # Ages are text: "15", "17.5", "12/13"; "N/A" means no age applies.
            "age": None if age in ("", "N/A") else age,
        }
    return standards


def parse_enforcement(country: ElementTree.Element, where: str) -> tuple[dict[str, str | None], str | None]:
    block = country.find("Enforcements")
    values: dict[str, str | None] = {}
    funding_text: str | None = None
    if block is None:
        return values, funding_text
    for element_name, key in ENFORCEMENTS.items():
        element = block.find(element_name)
        if element is None:
            # Cabo Verde lacks two elements, Saint Helena all Criminal_* ones: unknown, not "no".
            values[key] = None
            continue
        text = leaf_text(element, f"{where}/{element_name}")
        if element_name == "Labor_Funding":
            funding_text = text or None
            amount = funding_usd(text)
            values[key] = str(amount) if amount is not None else token(text, f"{where}/{element_name}")
        else:
            values[key] = token(text, f"{where}/{element_name}")
    return values, funding_text


def parse_country(country: ElementTree.Element, crosswalk: dict[str, str]) -> dict[str, Any]:
    name = trimmed(country.findtext("Name"))
    where = f"{FINDINGS_FILE}: {name}"
    if name not in crosswalk:
        raise BuildError(f"{where}: country not in {CROSSWALK}")
    notes: list[str] = []
    multiple = trimmed(country.findtext("Multiple_Territories"))
    covered = country.find("Country_Statistics") is not None
    enforcement, funding_text = parse_enforcement(country, where)
    actions = country.find("Suggested_Actions")
    action_counts = {
        key: sum(
            1
            for action_name in ([] if actions is None else actions.findall(f"{element_name}/Action/Name"))
            if trimmed(action_name.text) not in ("", "Not applicable")
        )
        for element_name, key in ACTION_AREAS.items()
    }
    return {
        "ilab_name": name,
        "alpha2": crosswalk[name],
        "webpage": trimmed(country.findtext("Webpage")),
        "region": trimmed(country.findtext("Region")),
        "covered_by_findings": covered,
        "multiple_territories": yes_no(multiple, f"{where}/Multiple_Territories") if multiple else None,
        "advancement_level": trimmed(country.findtext("Advancement_Level")) or None,
        "statistics": parse_statistics(country, name, notes) if covered else None,
        "conventions": parse_conventions(country, where) if covered else None,
        "legal_standards": parse_legal_standards(country, where) if covered else None,
        "enforcement": enforcement if covered else None,
        "labor_funding_text": funding_text,
        "mechanisms": {
            key: token(trimmed(country.findtext(f"Mechanisms/{tag}")), where)
            for tag, key in MECHANISMS.items()
        }
        if covered
        else None,
        "suggested_action_counts": action_counts if covered else None,
        "ilab_project_links": [
            trimmed(link.text) for link in country.findall("ILAB_Projects/Project/Link") if trimmed(link.text)
        ],
        "notes": notes,
    }


def check_goods_agree(
    root: ElementTree.Element, listings: list[dict[str, Any]], crosswalk: dict[str, str]
) -> None:
    """The README says the goods in the Findings equal the List; if that ever changes, stop."""
    from_list = {
        (listing["good"], listing["alpha2"]): tuple(listing[key] for key in FLAG_ELEMENTS)
        for listing in listings
    }
    from_findings: dict[tuple[str, str], tuple[bool, ...]] = {}
    for country in root.findall("Country"):
        alpha2 = crosswalk[trimmed(country.findtext("Name"))]
        for good in country.findall("Goods/Good"):
            good_name = trimmed(good.findtext("Good_Name"))
            from_findings[(good_name, alpha2)] = tuple(
                yes_no(trimmed(good.findtext(element)), f"{FINDINGS_FILE}: {good_name}")
                for element in FLAG_ELEMENTS.values()
            )
    if from_findings != from_list:
        difference = sorted(set(from_findings.items()) ^ set(from_list.items()))[:5]
        raise BuildError(f"goods in {FINDINGS_FILE} differ from {LIST_FILE}, e.g. {difference}")


def build(source_dir: Path) -> BuiltDataset:
    crosswalk = read_ilab_crosswalk(source_dir)
    root = ElementTree.parse(source_dir / FINDINGS_FILE).getroot()  # noqa: S314 - trusted local file
    check_goods_agree(root, parse_listings(source_dir), crosswalk)
    records = [parse_country(country, crosswalk) for country in root.findall("Country")]
    if len(records) != 143 or sum(1 for record in records if record["covered_by_findings"]) != 131:
        raise BuildError(f"{FINDINGS_FILE}: expected 143 records with 131 full profiles")
    metadata = {
        "id": "ilab-child-labor-findings",
        "title": "Findings on the Worst Forms of Child Labor",
        "edition": EDITION,
        "publisher": "U.S. Department of Labor, Bureau of International Labor Affairs (ILAB)",
        "source_urls": [
            FINDINGS_URL,
            "https://github.com/USDepartmentofLabor/Child-Labor/blob/48678c8e66b96c7b9070c631c1c9cb832c42ed51/"
            "Child%20Labor/countries_2016.xml",
        ],
        "licence": "U.S. federal government work, public domain in the U.S. (17 U.S.C. § 105); "
        "prose (descriptions, suggested actions, project titles) not copied",
        "raw_files": [raw_file_entry(source_dir, FINDINGS_FILE), raw_file_entry(source_dir, CROSSWALK)],
        "record_counts": {
            "records": len(records),
            "full_profiles": sum(1 for record in records if record["covered_by_findings"]),
            "project_links": sum(len(record["ilab_project_links"]) for record in records),
        },
    }
    return BuiltDataset(metadata=metadata, files={OUTPUT: json_records_bytes(records)})
