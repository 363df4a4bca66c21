"""The reference datasets as a reader sees them: name, title, edition, known gaps and ILAB's assessment
levels in English or Dutch.

The manifest (:mod:`imvo.core.refdata`) records each dataset's title and edition in English, as its
publisher does; this module holds the project's Dutch for them, so a Dutch screen names its sources
in Dutch. A text it does not know (a newer edition) is shown as recorded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["advancement_level", "dataset_gap", "dataset_name", "dataset_title", "edition_label"]

#: Short names, as a sentence or a table cell names a source.
NAMES: Mapping[str, Mapping[str, str]] = {
    "ilab-list-of-goods": {"en": "ILAB List of Goods", "nl": "ILAB-lijst van goederen"},
    "ilab-child-labor-findings": {"en": "ILAB Findings", "nl": "ILAB-bevindingen over kinderarbeid"},
    "us-tip-report": {"en": "TIP Report", "nl": "Amerikaans mensenhandelrapport (TIP)"},
    "wgi": {"en": "Worldwide Governance Indicators", "nl": "Wereldbank-bestuursindicatoren (WGI)"},
    "eu-cmr-annex-i": {
        "en": "EU Conflict Minerals Regulation, Annex I",
        "nl": "EU-verordening conflictmineralen, bijlage I",
    },
    "hs": {"en": "Harmonized System", "nl": "Geharmoniseerd Systeem (GS)"},
    "iso3166-names": {"en": "ISO 3166 country names", "nl": "ISO 3166-landnamen"},
}

#: What each dataset is, in Dutch (the English is the publisher's title, in the manifest).
TITLES_NL: Mapping[str, str] = {
    "ilab-list-of-goods": "Lijst van goederen die met kinderarbeid of dwangarbeid worden geproduceerd "
    "(Amerikaans ministerie van Arbeid, ILAB)",
    "ilab-child-labor-findings": "Bevindingen over de ergste vormen van kinderarbeid (ILAB)",
    "us-tip-report": "Trafficking in Persons Report van het Amerikaanse ministerie van Buitenlandse Zaken: "
    "plaatsing van landen (alleen Tier 2 Watch List, Tier 3 en Special Case)",
    "wgi": "Worldwide Governance Indicators van de Wereldbank: beheersing van corruptie, effectiviteit van "
    "de overheid, politieke stabiliteit en afwezigheid van geweld, rechtsstaat, kwaliteit van regelgeving, "
    "inspraak en verantwoording",
    "eu-cmr-annex-i": "Verordening (EU) 2017/821 (conflictmineralen), bijlage I: mineralen en metalen, "
    "GN-codes en volumedrempels",
    "hs": "Geharmoniseerd Systeem: hoofdstukken, posten en onderverdelingen",
    "iso3166-names": "ISO 3166-1-landcodes en -namen",
}

#: Known gaps: what a reader must know before trusting an empty cell.
GAPS: Mapping[str, Mapping[str, str]] = {
    "us-tip-report": {
        "en": "partial: only Tier 2 Watch List, Tier 3 and Special Case placements",
        "nl": "gedeeltelijk: alleen plaatsingen op de Tier 2 Watch List, Tier 3 en Special Case",
    },
    "eu-cmr-annex-i": {
        "en": "product scope only; the EU list of conflict-affected and high-risk areas is not used",
        "nl": "alleen de producten; de EU-lijst van conflict- en hoogrisicogebieden wordt niet gebruikt",
    },
    "wgi": {"en": "country level; perceptions-based", "nl": "op landniveau; gebaseerd op percepties"},
    "ilab-list-of-goods": {
        "en": "159 goods in 78 countries; absence from the List is not absence of risk",
        "nl": "159 goederen in 78 landen; niet op de lijst staan betekent niet dat er geen risico is",
    },
    "ilab-child-labor-findings": {
        "en": "country level; China, Russia and some others have no Findings",
        "nl": "op landniveau; voor China, Rusland en enkele andere landen zijn er geen bevindingen",
    },
}

#: Editions as the manifest records them, in Dutch.
EDITIONS_NL: Mapping[str, str] = {
    "2022 (as of 28 Sep 2022)": "2022 (stand 28 sep. 2022)",
    "reporting year 2022, published 26 Sep 2023": "verslagjaar 2022, gepubliceerd 26 sep. 2023",
    "2024 update (data for 2023)": "bijwerking 2024 (gegevens over 2023)",
    "2025 report (published 29 Sep 2025); Tier 2 Watch List, Tier 3 and Special Case only": (
        "rapport 2025 (gepubliceerd 29 sep. 2025); alleen Tier 2 Watch List, Tier 3 en Special Case"
    ),
    "Annex I as consolidated 19 Nov 2020 (2017/821 as amended by Delegated Regulation (EU) 2020/1588)": (
        "bijlage I, geconsolideerd 19 nov. 2020 (2017/821 zoals gewijzigd bij Gedelegeerde Verordening (EU) "
        "2020/1588)"
    ),
    "HS 2022 / HS 2017": "GS 2022 / GS 2017",
}

#: ILAB's assessment of a government's effort against child labour, in Dutch.
ADVANCEMENT_NL: Mapping[str, str] = {
    "Significant Advancement": "aanzienlijke vooruitgang",
    "Moderate Advancement": "matige vooruitgang",
    "Minimal Advancement": "minimale vooruitgang",
    "No Advancement": "geen vooruitgang",
    "No Assessment": "geen beoordeling",
    "Minimal Advancement – Efforts Made but Continued Law and Practice that Delayed Advancement": (
        "minimale vooruitgang – inspanningen, maar wetgeving en praktijk vertraagden de vooruitgang"
    ),
    "Minimal Advancement – Efforts Made but Continued Law that Delayed Advancement": (
        "minimale vooruitgang – inspanningen, maar wetgeving vertraagde de vooruitgang"
    ),
    "Minimal Advancement – Efforts Made but Continued Practice that Delayed Advancement": (
        "minimale vooruitgang – inspanningen, maar de praktijk vertraagde de vooruitgang"
    ),
    "Minimal Advancement – Efforts Made but Regression in Practice that Delayed Advancement": (
        "minimale vooruitgang – inspanningen, maar achteruitgang in de praktijk vertraagde de vooruitgang"
    ),
    "Minimal Advancement – Efforts Made but Regression in Practices that Delayed Advancement": (
        "minimale vooruitgang – inspanningen, maar achteruitgang in de praktijk vertraagde de vooruitgang"
    ),
    "No Advancement – Efforts Made but Complicit in Forced Child Labor": (
        "geen vooruitgang – inspanningen, maar medeplichtig aan gedwongen kinderarbeid"
    ),
}


def dataset_name(dataset_id: str, language: str = "en") -> str:
    names = NAMES.get(dataset_id)
    return names.get(language, names["en"]) if names else dataset_id


def dataset_title(dataset_id: str, title: str, language: str = "en") -> str:
    """``title`` (the publisher's, as recorded) in ``language``."""
    return TITLES_NL.get(dataset_id, title) if language == "nl" else title


def dataset_gap(dataset_id: str, language: str = "en") -> str:
    gaps = GAPS.get(dataset_id)
    return gaps.get(language, gaps["en"]) if gaps else ""


def edition_label(edition: str, language: str = "en") -> str:
    return EDITIONS_NL.get(edition, edition) if language == "nl" else edition


def advancement_level(level: str, language: str = "en") -> str:
    return ADVANCEMENT_NL.get(level, level) if language == "nl" else level


def annex_item(item: str, language: str = "en") -> str:
    """A line of Annex I of Regulation (EU) 2017/821 as the Dutch text of the Regulation words it.

    The Dutch wording is the one the obligations' Annex I table carries (``item_nl``); the reference
    data's line may add a qualifier in brackets ("Tungsten, unwrought (including bars ...)"), so lines
    are compared without their brackets when they differ."""
    if language != "nl":
        return item
    from imvo.core.obligations.ruleset import load_ruleset

    def bare(text: str) -> str:
        return re.sub(r"\s*\([^)]*\)", "", text)

    lines = [line for line in load_ruleset().annex if line.item_nl]
    for same in (lambda line: line.item == item, lambda line: bare(line.item) == bare(item)):
        for line in lines:
            if same(line):
                return line.item_nl
    return item
