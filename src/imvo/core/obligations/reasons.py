"""Why a rule applies, does not apply or cannot decide: one coded value, rendered in Dutch or English.

The engine never writes a sentence: it builds a :class:`Reason` (a code and its parameters) and this
module's single table :data:`REASON_TEMPLATES` holds the English and Dutch wording of every code. A
parameter may itself be a :class:`Reason` (a fragment such as "registered office in Germany") or a
tuple of them (joined with "; "), so a composed sentence is rendered in one language throughout.
Legal citations (article numbers, "Stb. 2019, 401") stay as in the source text in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Union

Language = Literal["en", "nl"]
LANGUAGES: tuple[Language, ...] = ("en", "nl")

ReasonParam = Union[str, int, "Reason", tuple["Reason", ...]]

REASON_TEMPLATES: dict[str, dict[Language, str]] = {
    # --- shared ---------------------------------------------------------------------------------------
    "text": {"en": "{en}", "nl": "{nl}"},
    "value_unknown": {
        "en": "cannot decide: {label} unknown (missing value: {rule_id} {name})",
        "nl": "niet te bepalen: {label} onbekend (ontbrekende waarde: {rule_id} {name})",
    },
    "provisional": {
        "en": "probably — {verdict} (based on {values}; not yet checked against {journal})",
        "nl": "waarschijnlijk — {verdict} (op basis van {values}; nog niet getoetst aan {journal})",
    },
    "provisional.value": {
        "en": "{label} {value} as reported by {sources}",
        "nl": "{label} {value} zoals gemeld door {sources}",
    },
    "journal.eu": {"en": "the Official Journal of the EU", "nl": "het Publicatieblad van de EU"},
    "journal.nl": {"en": "the Staatsblad or Staatscourant", "nl": "het Staatsblad of de Staatscourant"},
    "journal.de": {"en": "the Bundesgesetzblatt", "nl": "het Bundesgesetzblatt"},
    "operator_value": {
        "en": (
            "{label} {value}: set by this installation's administrators from {citation} (entered by "
            "{entered_by}, approved by {approved_by} on {approved_on})"
        ),
        "nl": (
            "{label} {value}: vastgesteld door de beheerders van deze installatie op basis van {citation} "
            "(ingevoerd door {entered_by}, goedgekeurd door {approved_by} op {approved_on})"
        ),
    },
    "operator_value_override": {
        "en": (
            "{label} {value}: set by this installation's administrators from {citation}, overriding the "
            "verified value shipped with imvo ({shipped}; {shipped_sources}) (entered by {entered_by}, "
            "approved by {approved_by} on {approved_on})"
        ),
        "nl": (
            "{label} {value}: vastgesteld door de beheerders van deze installatie op basis van {citation}, "
            "in plaats van de geverifieerde waarde die imvo meelevert ({shipped}; {shipped_sources}) "
            "(ingevoerd door {entered_by}, goedgekeurd door {approved_by} op {approved_on})"
        ),
    },
    "value.commencement": {"en": "commencement date", "nl": "datum van inwerkingtreding"},
    "value.employees_in_germany_minimum": {"en": "employee threshold", "nl": "drempel voor werknemers"},
    "value.employees_more_than": {
        "en": "employee threshold (more than)",
        "nl": "drempel voor werknemers (meer dan)",
    },
    "value.net_turnover_worldwide_more_than_eur": {
        "en": "worldwide net turnover threshold (more than)",
        "nl": "drempel voor wereldwijde netto-omzet (meer dan)",
    },
    "value.net_turnover_eu_more_than_eur": {
        "en": "net turnover threshold in the Union (more than)",
        "nl": "drempel voor netto-omzet in de Unie (meer dan)",
    },
    "value.application_date": {"en": "application date", "nl": "datum van toepassing"},
    "value.application_of_importer_obligations": {
        "en": "date from which the importer obligations apply",
        "nl": "datum vanaf wanneer de verplichtingen van importeurs gelden",
    },
    "value.central_government_supplies_services_threshold_eur": {
        "en": "EU threshold for central government supplies and services",
        "nl": "Europese drempel voor leveringen en diensten van de centrale overheid",
    },
    "value.declaration_months_after_commencement": {
        "en": "months after commencement for the declaration",
        "nl": "termijn voor de verklaring (maanden na inwerkingtreding)",
    },
    "value.report_months_after_financial_year_end": {
        "en": "months after the financial year for the report",
        "nl": "termijn voor het verslag (maanden na het boekjaar)",
    },
    "value.annex_i": {
        "en": "Annex I volume threshold of line {line_id}",
        "nl": "volumedrempel van bijlage I regel {line_id}",
    },
    "value.generic": {"en": "{name}", "nl": "{name}"},
    "value.boundary_rule": {"en": "at the threshold", "nl": "bij de drempel"},
    # Legal values that are a rule rather than a number, as a sentence.
    "value.is.below_threshold_not_applicable": {
        "en": "only a volume below the threshold is outside the Regulation; at the threshold it applies",
        "nl": "alleen een volume onder de drempel valt buiten de verordening; bij de drempel is zij van "
        "toepassing",
    },
    "fact_unknown": {
        "en": "cannot decide: {fact} is not known",
        "nl": "niet te bepalen: {fact} is niet bekend",
    },
    "country_unknown": {
        "en": "cannot decide: country of registration unknown",
        "nl": "niet te bepalen: land van vestiging onbekend",
    },
    "register_missing": {
        "en": "missing in the register: {requirement_en}",
        "nl": "ontbreekt in het register: {requirement_nl}",
    },
    "deadline.annual": {"en": "every year", "nl": "elk jaar"},
    "deadline.months_after_commencement": {
        "en": "{months} months after commencement ({date})",
        "nl": "{months} maanden na inwerkingtreding ({date})",
    },
    "deadline.commencement_unknown": {
        "en": "depends on the commencement date, which is not known",
        "nl": "hangt af van de datum van inwerkingtreding, die niet bekend is",
    },
    # --- German LkSG ----------------------------------------------------------------------------------
    "lksg.not_yet": {
        "en": "the LkSG applies from {date} (§ 1 LkSG)",
        "nl": "de LkSG geldt vanaf {date} (§ 1 LkSG)",
    },
    "lksg.branch_unknown": {
        "en": "registered in {country}; cannot decide whether there is a German branch (§ 13d HGB)",
        "nl": "gevestigd in {country}; niet te bepalen of er een Duitse nevenvestiging is (§ 13d HGB)",
    },
    "lksg.no_german_link": {
        "en": (
            "registered in {country} without a German branch: § 1(1) LkSG needs a seat or branch in Germany"
        ),
        "nl": (
            "gevestigd in {country} zonder Duitse nevenvestiging: § 1(1) LkSG vereist een zetel of "
            "nevenvestiging in Duitsland"
        ),
    },
    "lksg.link_seat": {
        "en": "registered office or head office in Germany (§ 1(1) sentence 1 no. 1)",
        "nl": "statutaire zetel of hoofdkantoor in Duitsland (§ 1(1), eerste zin, nr. 1)",
    },
    "lksg.link_branch": {
        "en": "branch in Germany under § 13d HGB (§ 1(1) sentence 2)",
        "nl": "nevenvestiging in Duitsland volgens § 13d HGB (§ 1(1), tweede zin)",
    },
    "lksg.employees_unknown": {
        "en": "{link}; cannot decide: employees in Germany unknown (threshold: at least {minimum})",
        "nl": (
            "{link}; niet te bepalen: aantal werknemers in Duitsland onbekend (drempel: ten minste {minimum})"
        ),
    },
    "lksg.count": {
        "en": "{employees} employees in Germany (including posted abroad)",
        "nl": "{employees} werknemers in Duitsland (inclusief naar het buitenland gedetacheerden)",
    },
    "lksg.count_with_agency_workers": {
        "en": (
            "{employees} employees in Germany (including posted abroad) + {agency_workers} agency workers "
            "deployed more than six months (§ 1(2)) = {counted}"
        ),
        "nl": (
            "{employees} werknemers in Duitsland (inclusief naar het buitenland gedetacheerden) + "
            "{agency_workers} uitzendkrachten die langer dan zes maanden zijn ingezet (§ 1(2)) = {counted}"
        ),
    },
    "lksg.applies": {
        "en": "{link}; {count}: at least {minimum} on {date} (§ 1(1) LkSG)",
        "nl": "{link}; {count}: ten minste {minimum} op {date} (§ 1(1) LkSG)",
    },
    "lksg.agency_workers_unknown": {
        "en": (
            "{link}; {count}, below {minimum}, but agency workers deployed more than six months also count "
            "(§ 1(2)) and their number is unknown"
        ),
        "nl": (
            "{link}; {count}, minder dan {minimum}, maar uitzendkrachten die langer dan zes maanden zijn "
            "ingezet tellen ook mee (§ 1(2)) en hun aantal is onbekend"
        ),
    },
    "lksg.below": {
        "en": "{link}; {count}: below {minimum} (§ 1(1) LkSG)",
        "nl": "{link}; {count}: minder dan {minimum} (§ 1(1) LkSG)",
    },
    # --- EU CSDDD -------------------------------------------------------------------------------------
    "csddd.groups_not_assessed": {
        "en": "groups (ultimate parent companies) and franchising (Art. 2(1)(b)-(c)) are not assessed",
        "nl": (
            "groepen (uiteindelijke moederondernemingen) en franchising (art. 2(1)(b)-(c)) zijn niet "
            "beoordeeld"
        ),
    },
    "csddd.test_eu": {
        "en": (
            "{employees} employees (more than {employees_minimum} needed) and EUR {turnover} worldwide "
            "turnover (more than {turnover_minimum} needed), Art. 2(1)(a)"
        ),
        "nl": (
            "{employees} werknemers (meer dan {employees_minimum} vereist) en € {turnover} wereldwijde "
            "omzet (meer dan {turnover_minimum} vereist), art. 2(1)(a)"
        ),
    },
    "csddd.test_non_eu": {
        "en": "EUR {turnover} turnover in the Union (more than {turnover_minimum} needed), Art. 2(2)(a)",
        "nl": "€ {turnover} omzet in de Unie (meer dan {turnover_minimum} vereist), art. 2(2)(a)",
    },
    "csddd.not_met": {"en": "{test}: not met", "nl": "{test}: niet voldaan"},
    "csddd.met_not_yet": {
        "en": "{test}: met; applies from {date} (Art. 37)",
        "nl": "{test}: voldaan; van toepassing vanaf {date} (art. 37)",
    },
    "csddd.met": {"en": "{test}: met", "nl": "{test}: voldaan"},
    # --- Dutch Wet zorgplicht kinderarbeid ------------------------------------------------------------
    "wzk.no_dutch_end_users": {
        "en": "does not sell or supply goods or services to Dutch end users (art. 4(1) Wzk)",
        "nl": "verkoopt of levert geen goederen of diensten aan Nederlandse eindgebruikers (art. 4(1) Wzk)",
    },
    "wzk.scope_sells": {
        "en": "sells or supplies goods or services to Dutch end users",
        "nl": "verkoopt of levert goederen of diensten aan Nederlandse eindgebruikers",
    },
    "wzk.scope_unknown": {
        "en": "whether it sells to Dutch end users is unknown",
        "nl": "onbekend of de organisatie aan Nederlandse eindgebruikers verkoopt",
    },
    "wzk.no_decree": {
        "en": (
            "{scope}; the Act is adopted (Stb. 2019, 401) but not in force: it commences on a date set by "
            "royal decree, and no such decree has been issued"
        ),
        "nl": (
            "{scope}; de wet is aangenomen (Stb. 2019, 401) maar niet in werking: zij treedt in werking op "
            "een bij koninklijk besluit te bepalen tijdstip, en dat besluit is niet genomen"
        ),
    },
    "wzk.commences_on": {
        "en": "{scope}; the Act commences on {date}",
        "nl": "{scope}; de wet treedt in werking op {date}",
    },
    "wzk.in_force": {
        "en": "{scope}; the Act is in force since {date}",
        "nl": "{scope}; de wet is in werking sinds {date}",
    },
    # --- EU Conflict Minerals Regulation --------------------------------------------------------------
    "cmr.imports_unknown": {
        "en": (
            "cannot decide: import records unknown (give the Union importer's imports per CN code, kg, "
            "origin and year)"
        ),
        "nl": (
            "niet te bepalen: invoergegevens onbekend (geef de invoer van de importeur in de Unie per "
            "GN-code, kg, land van oorsprong en jaar)"
        ),
    },
    "cmr.no_annex_imports": {
        "en": "no imports of Annex I minerals or metals",
        "nl": "geen invoer van mineralen of metalen uit bijlage I",
    },
    "cmr.line.before_2021": {
        "en": (
            "{year}, Annex I line {line_id} ({item}): Union importer obligations apply from 1 January 2021 "
            "(Art. 20)"
        ),
        "nl": (
            "{year}, bijlage I regel {line_id} ({item}): de verplichtingen van importeurs in de Unie gelden "
            "vanaf 1 januari 2021 (art. 20)"
        ),
    },
    "cmr.line.threshold_unknown": {
        "en": (
            "{year}, Annex I line {line_id} ({item}): cannot decide: threshold for {item} unknown (missing "
            "value: Annex I volume threshold of line {line_id}, {cn_code}); imported {kg} kg"
        ),
        "nl": (
            "{year}, bijlage I regel {line_id} ({item}): niet te bepalen: drempel voor {item} onbekend "
            "(ontbrekende waarde: volumedrempel van bijlage I regel {line_id}, {cn_code}); ingevoerd {kg} kg"
        ),
    },
    "cmr.line.threshold_unknown_possibly_more": {
        "en": (
            "{year}, Annex I line {line_id} ({item}): cannot decide: threshold for {item} unknown (missing "
            "value: Annex I volume threshold of line {line_id}, {cn_code}); imported {kg} kg, possibly "
            "{possible_kg} kg more"
        ),
        "nl": (
            "{year}, bijlage I regel {line_id} ({item}): niet te bepalen: drempel voor {item} onbekend "
            "(ontbrekende waarde: volumedrempel van bijlage I regel {line_id}, {cn_code}); ingevoerd {kg} "
            "kg, mogelijk {possible_kg} kg meer"
        ),
    },
    "cmr.line.at_threshold": {
        "en": (
            "{year}, Annex I line {line_id} ({item}, {cn_code}): {kg} kg imported, exactly at the threshold "
            "of {threshold} kg; Art. 1(3) excludes only volumes below the threshold{partial}{basis}"
        ),
        "nl": (
            "{year}, bijlage I regel {line_id} ({item}, {cn_code}): {kg} kg ingevoerd, precies gelijk aan de "
            "drempel van {threshold} kg; art. 1(3) sluit alleen volumes onder de drempel uit{partial}{basis}"
        ),
    },
    "cmr.line.above_threshold": {
        "en": (
            "{year}, Annex I line {line_id} ({item}, {cn_code}): {kg} kg imported, above the threshold of "
            "{threshold} kg; Art. 1(3) excludes only volumes below the threshold{partial}{basis}"
        ),
        "nl": (
            "{year}, bijlage I regel {line_id} ({item}, {cn_code}): {kg} kg ingevoerd, boven de drempel van "
            "{threshold} kg; art. 1(3) sluit alleen volumes onder de drempel uit{partial}{basis}"
        ),
    },
    "cmr.line.possibly_more": {
        "en": (
            "{year}, Annex I line {line_id} ({item}, {cn_code}): cannot decide: {kg} kg certainly on this "
            "line, below {threshold} kg, but {possible_kg} kg more may belong to it ({possible}){basis}"
        ),
        "nl": (
            "{year}, bijlage I regel {line_id} ({item}, {cn_code}): niet te bepalen: {kg} kg hoort zeker bij "
            "deze regel, minder dan {threshold} kg, maar {possible_kg} kg meer kan erbij horen "
            "({possible}){basis}"
        ),
    },
    "cmr.line.below": {
        "en": (
            "{year}, Annex I line {line_id} ({item}, {cn_code}): {kg} kg imported, below the threshold of "
            "{threshold} kg (Art. 1(3)){partial}{basis}"
        ),
        "nl": (
            "{year}, bijlage I regel {line_id} ({item}, {cn_code}): {kg} kg ingevoerd, onder de drempel van "
            "{threshold} kg (art. 1(3)){partial}{basis}"
        ),
    },
    "cmr.cn_code_unknown": {"en": "CN code unknown", "nl": "GN-code onbekend"},
    "cmr.threshold_reported": {
        "en": (
            " — probably: this threshold is reported by {sources} and not yet checked against the Official "
            "Journal of the EU"
        ),
        "nl": (
            " — waarschijnlijk: deze drempel wordt gemeld door {sources} en is nog niet getoetst aan het "
            "Publicatieblad van de EU"
        ),
    },
    "cmr.threshold_operator": {
        "en": " (threshold set by this installation's administrators from {citation})",
        "nl": " (drempel vastgesteld door de beheerders van deze installatie op basis van {citation})",
    },
    "cmr.threshold_operator_override": {
        "en": (
            " (threshold set by this installation's administrators from {citation}, overriding the verified "
            "threshold of {shipped} kg shipped with imvo)"
        ),
        "nl": (
            " (drempel vastgesteld door de beheerders van deze installatie op basis van {citation}, in "
            "plaats van de geverifieerde drempel van {shipped} kg die imvo meelevert)"
        ),
    },
    "cmr.year_incomplete": {
        "en": " (calendar year not yet complete)",
        "nl": " (kalenderjaar nog niet voorbij)",
    },
    "cmr.record_possibly_on_line": {
        "en": "line {record}: {why}",
        "nl": "regel {record}: {why}",
    },
    "cmr.match.no_cn_code": {
        "en": "Annex I line {line_id} ({item}) has no confirmed CN code",
        "nl": "bijlage I regel {line_id} ({item}) heeft geen bevestigde GN-code",
    },
    "cmr.match.less_detailed": {
        "en": "CN code '{cn_code_given}' is less detailed than Annex I line {line_id} ({cn_code})",
        "nl": "GN-code '{cn_code_given}' is minder gedetailleerd dan bijlage I regel {line_id} ({cn_code})",
    },
    "cmr.match.taric_unknown": {
        "en": "Annex I line {line_id} ({item}) is an 'ex' line whose TARIC subdivision is not confirmed",
        "nl": (
            "bijlage I regel {line_id} ({item}) is een 'ex'-regel waarvan de TARIC-onderverdeling niet "
            "bevestigd is"
        ),
    },
    "cmr.match.gold_concentration": {
        "en": (
            "heading 7108 is split by gold concentration (Annex I line {line_id}: {item}); give "
            "gold_concentration_percent"
        ),
        "nl": (
            "post 7108 is gesplitst naar goudgehalte (bijlage I regel {line_id}: {item}); geef "
            "gold_concentration_percent op"
        ),
    },
    "cmr.match.taric_needed": {
        "en": (
            "Annex I line {line_id} ({item}) covers only TARIC subdivision {taric} of {cn_code}; give the "
            "TARIC subdivision"
        ),
        "nl": (
            "bijlage I regel {line_id} ({item}) omvat alleen TARIC-onderverdeling {taric} van {cn_code}; "
            "geef de TARIC-onderverdeling op"
        ),
    },
    # --- Government support (IMVO check) --------------------------------------------------------------
    "support.not_applying": {
        "en": "does not apply for Dutch government business support",
        "nl": "vraagt geen Nederlandse overheidssteun voor bedrijven aan",
    },
    "support.applies": {
        "en": "applies for a Dutch government business-support instrument: the IMVO check is a condition",
        "nl": "vraagt een Nederlands steuninstrument voor bedrijven aan: de IMVO-toets is een voorwaarde",
    },
    # --- Public procurement (international social conditions) -----------------------------------------
    "isv.tenders_unknown": {
        "en": "cannot decide: government tenders unknown",
        "nl": "niet te bepalen: overheidsaanbestedingen onbekend",
    },
    "isv.no_tenders": {"en": "no government tenders", "nl": "geen overheidsaanbestedingen"},
    "isv.tender": {"en": "{tender}: {verdict}", "nl": "{tender}: {verdict}"},
    "isv.tender.not_central_government": {
        "en": (
            "not a central government tender: ISV is mandatory only for the Rijksoverheid (others may apply "
            "it voluntarily)"
        ),
        "nl": (
            "geen aanbesteding van de Rijksoverheid: de ISV zijn alleen voor de Rijksoverheid verplicht "
            "(andere aanbestedende diensten mogen ze vrijwillig toepassen)"
        ),
    },
    "isv.tender.facts_unknown": {
        "en": "category or estimated value unknown",
        "nl": "categorie of geraamde waarde onbekend",
    },
    "isv.tender.not_risk_category": {
        "en": "'{category}' is not one of the eight ISV risk categories",
        "nl": "'{category}' is geen van de acht ISV-risicocategorieën",
    },
    "isv.tender.earlier_category": {
        "en": (
            "cannot decide: '{category}' was one of the ten earlier ISV risk categories and is not named in "
            "the current eight; check under which category the contracting authority places the tender"
        ),
        "nl": (
            "niet te bepalen: '{category}' was een van de tien eerdere ISV-risicocategorieën en wordt in de "
            "huidige acht niet genoemd; ga na onder welke categorie de aanbestedende dienst de aanbesteding "
            "plaatst"
        ),
    },
    "isv.category_alias": {
        "en": "{name} (given as '{given}')",
        "nl": "{name} (opgegeven als '{given}')",
    },
    "isv.tender.threshold_unknown": {
        "en": (
            "cannot decide: EU threshold for {date} unknown (missing value: central government "
            "supplies/services threshold for that period)"
        ),
        "nl": (
            "niet te bepalen: Europese drempel voor {date} onbekend (ontbrekende waarde: drempel voor "
            "leveringen en diensten van de centrale overheid in die periode)"
        ),
    },
    "isv.tender.at_or_above_threshold": {
        "en": "{category}: EUR {value} at or above the EU threshold of EUR {threshold} ({sources})",
        # The source of the threshold is cited on the legal-basis page, in its own language.
        "nl": "{category}: € {value}, gelijk aan of boven de Europese drempel van € {threshold}",
    },
    "isv.tender.below_threshold": {
        "en": "{category}: EUR {value} below the EU threshold of EUR {threshold}",
        "nl": "{category}: € {value}, onder de Europese drempel van € {threshold}",
    },
    "isv.tender.authority_unknown": {
        "en": "{verdict}; contracting authority unknown",
        "nl": "{verdict}; aanbestedende dienst onbekend",
    },
}


@dataclass(frozen=True, eq=True)
class Reason:
    """A coded explanation; ``text(language)`` renders it from :data:`REASON_TEMPLATES`."""

    code: str
    params: Mapping[str, ReasonParam] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.code not in REASON_TEMPLATES:
            raise ValueError(f"unknown reason code {self.code!r}")

    def text(self, language: str = "en") -> str:
        """The sentence in ``language`` ("nl" or "en"; anything else falls back to English)."""
        chosen: Language = "nl" if language == "nl" else "en"
        rendered = {name: _render_param(value, chosen) for name, value in self.params.items()}
        if "sources" in rendered:
            rendered["sources"] = reported_sources_in(rendered["sources"], chosen)
        if "fact" in rendered and rendered["fact"] in FACT_NAMES:
            rendered["fact"] = FACT_NAMES[rendered["fact"]][chosen]
        if chosen == "nl":
            rendered = {name: _dutch_value(name, value) for name, value in rendered.items()}
        return REASON_TEMPLATES[self.code][chosen].format_map(rendered)

    def to_dict(self) -> dict[str, Any]:
        """Code, JSON parameters (nested reasons as ``{code, params}``) and both renderings."""
        return {
            "code": self.code,
            "params": {name: _param_to_json(value) for name, value in self.params.items()},
            "en": self.text("en"),
            "nl": self.text("nl"),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Reason:
        params = {name: _param_from_json(value) for name, value in dict(data.get("params") or {}).items()}
        return cls(str(data["code"]), params)


def render_reasons(reasons: tuple[Reason, ...] | list[Reason], language: str) -> list[str]:
    return [reason.text(language) for reason in reasons]


def stored_reasons(outcome: Mapping[str, Any], language: str) -> list[str]:
    """The reasons of a stored outcome (``RuleOutcome.to_dict()``) in ``language``.

    Results stored before reasons were coded have only English ``reasons``; those are shown as stored.
    """
    explanations = outcome.get("explanations")
    if isinstance(explanations, list) and explanations:
        chosen = "nl" if language == "nl" else "en"
        return [str(item.get(chosen) or item.get("en") or "") for item in explanations]
    return [str(reason) for reason in outcome.get("reasons", [])]


#: Who reported a value that is not yet read in the Official Journal (the rules' ``reported_by`` and
#: Annex I's ``reported_source``), in Dutch. The names of organisations and publications stay.
REPORTED_SOURCES_NL: Mapping[str, str] = {
    "the European Precious Metals Federation (EPMF)": "de European Precious Metals Federation (EPMF)",
    "the European Precious Metals Federation (EPMF), for refined gold": (
        "de European Precious Metals Federation (EPMF), voor geraffineerd goud"
    ),
    "a practitioner checklist": "een checklist uit de praktijk",
    "LexisNexis, Reclaim Finance (Dec. 2025), Council mandate of 23 June 2025": (
        "LexisNexis, Reclaim Finance (dec. 2025), onderhandelingsmandaat van de Raad van 23 juni 2025"
    ),
    "LexisNexis, Reclaim Finance (Dec. 2025)": "LexisNexis, Reclaim Finance (dec. 2025)",
    "Reclaim Finance (Dec. 2025)": "Reclaim Finance (dec. 2025)",
    "LexisNexis": "LexisNexis",
}


_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_AMOUNT = re.compile(r"(EUR )?(\d{5,})")
#: Parameters that hold an amount, a count or a quantity (not a line, a year or a code).
AMOUNT_PARAMS = frozenset(
    {
        "value",
        "threshold",
        "turnover",
        "turnover_minimum",
        "employees",
        "employees_minimum",
        "kg",
        "possible_kg",
    }
)


def _dutch_value(name: str, text: str) -> str:
    """A parameter as Dutch writes it: 1-3-2026 for a date, € 20.000.000 for an amount."""
    if day := _ISO_DAY.fullmatch(text):
        return f"{int(day[3])}-{int(day[2])}-{day[1]}"
    if name in AMOUNT_PARAMS and (amount := _AMOUNT.fullmatch(text)):
        grouped = f"{int(amount[2]):,}".replace(",", ".")
        return f"€ {grouped}" if amount[1] else grouped
    return text


#: The facts the rules need (``facts_needed``), as a sentence names them.
FACT_NAMES: Mapping[str, Mapping[Language, str]] = {
    "applies_for_government_support": {
        "en": "whether the company applies for Dutch government support",
        "nl": "of het bedrijf overheidssteun aanvraagt",
    },
    "country": {"en": "country of registration", "nl": "land van vestiging"},
    "employees": {"en": "number of employees", "nl": "aantal werknemers"},
    "employees_in_germany": {"en": "employees in Germany", "nl": "werknemers in Duitsland"},
    "has_german_branch": {"en": "branch in Germany", "nl": "vestiging in Duitsland"},
    "imports": {"en": "import records", "nl": "invoergegevens"},
    "net_turnover_eu_eur": {"en": "net turnover in the EU", "nl": "netto-omzet in de EU"},
    "net_turnover_worldwide_eur": {"en": "net turnover worldwide", "nl": "wereldwijde netto-omzet"},
    "sells_to_dutch_end_users": {
        "en": "whether the company sells to Dutch end users",
        "nl": "of het bedrijf aan Nederlandse eindgebruikers levert",
    },
    "temp_workers_in_germany_over_six_months": {
        "en": "agency workers in Germany for more than six months",
        "nl": "uitzendkrachten in Duitsland langer dan zes maanden",
    },
    "tenders": {"en": "public tenders", "nl": "aanbestedingen"},
}


def reported_sources_in(sources: str, language: str) -> str:
    """Who reported a value, in ``language`` (a source without a Dutch rendering as recorded)."""
    return REPORTED_SOURCES_NL.get(sources, sources) if language == "nl" else sources


def _render_param(value: ReasonParam, language: Language) -> str:
    if isinstance(value, Reason):
        return value.text(language)
    if isinstance(value, tuple):
        return "; ".join(part.text(language) for part in value)
    return str(value)


def _param_to_json(value: ReasonParam) -> object:
    if isinstance(value, Reason):
        return {"code": value.code, "params": {k: _param_to_json(v) for k, v in value.params.items()}}
    if isinstance(value, tuple):
        return [_param_to_json(part) for part in value]
    return value


def _param_from_json(value: object) -> ReasonParam:
    if isinstance(value, dict) and "code" in value:
        return Reason.from_dict(value)
    if isinstance(value, list):
        return tuple(Reason.from_dict(part) for part in value)
    if isinstance(value, bool) or not isinstance(value, int | str):
        return str(value)
    return value
