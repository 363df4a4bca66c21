"""Evidence as data: message ids and parameters, rendered in the reader's language.

A finding's evidence is a list of :class:`Statement`: a message id, its parameters (codes, numbers,
dataset editions and record ids, never prose) and, for a list such as the steps of a likelihood, its
parts. :func:`render` turns them into sentences in English or Dutch (other languages read English);
the scan's ``evidence`` column is the English rendering, ``evidence_data`` the statements as JSON
(:func:`dumps` / :func:`loads`), so the register can show the same evidence in its reader's language.

Parameter conventions: ``country`` / ``input_country`` hold ISO codes and are shown as the country's
name in the language; ``countries`` / ``code`` are shown as codes; ``flag``, ``tier``, ``basis`` and
``indicator`` are ids shown through :data:`VALUE_LABELS`; ``good`` and ``input`` are catalogue names
shown in the language (:func:`imvo.core.products.good_names.good_name`); anything else is shown as given.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from imvo.core.risk.datasets_shown import advancement_level, annex_item, edition_label

LANGUAGES = ("en", "nl")


@dataclass(frozen=True, slots=True)
class Statement:
    id: str
    params: Mapping[str, Any] = field(default_factory=dict)
    parts: tuple[Statement, ...] = ()

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id}
        if self.params:
            data["p"] = dict(self.params)
        if self.parts:
            data["parts"] = [part.as_json() for part in self.parts]
        return data


#: Message templates by id and language; ``{parts}`` is the statement's parts joined by ``sep``.
MESSAGES: Mapping[str, Mapping[str, str]] = {
    # ILAB List of Goods and Findings
    "ilab.listed": {
        "en": "ILAB List of Goods {edition}: {good} from {country} is listed for {flag} [record '{record}']",
        "nl": "ILAB-lijst van goederen {edition}: {good} uit {country} staat op de lijst voor {flag} "
        "[vermelding '{record}']",
    },
    "ilab.derived": {
        "en": "ILAB List of Goods {edition}: {good} from {country} is listed for {flag} (input produced in "
        "{input_country}) [record '{record}']",
        "nl": "ILAB-lijst van goederen {edition}: {good} uit {country} staat op de lijst voor {flag} "
        "(grondstof geproduceerd in {input_country}) [vermelding '{record}']",
    },
    "ilab.context": {
        "en": "Country context (ILAB Findings {edition}): {parts}",
        "nl": "Landcontext (ILAB-bevindingen {edition}): {parts}",
    },
    "ilab.country_context": {
        "en": "Good not on the ILAB List for {country}, but ILAB Findings {edition} report {parts} "
        "[record '{record}']",
        "nl": "Goed niet op de ILAB-lijst voor {country}, maar de ILAB-bevindingen {edition} melden {parts} "
        "[vermelding '{record}']",
    },
    "ctx.working_children": {
        "en": "{share:.1%} of children work",
        "nl": "{share:.1%} van de kinderen werkt",
    },
    "ctx.working_children_aged": {
        "en": "{share:.1%} of children aged {ages} work",
        "nl": "{share:.1%} van de kinderen van {ages} jaar werkt",
    },
    "ctx.advancement": {"en": "government effort: {level}", "nl": "inzet van de overheid: {level}"},
    "ctx.inspectorate": {
        "en": "labour inspectorate below ILO advice",
        "nl": "arbeidsinspectie kleiner dan de ILO adviseert",
    },
    # inputs
    "input.listed": {
        "en": "Input {input} of {good}: ILAB List of Goods {edition} lists {input} from {input_country} for "
        "{flag} [record '{record}']; {good} is first processed where its input is produced",
        "nl": "Grondstof {input} van {good}: ILAB-lijst van goederen {edition} noemt {input} uit "
        "{input_country} voor {flag} [vermelding '{record}']; {good} wordt verwerkt waar de grondstof "
        "vandaan komt",
    },
    "input.origin_unknown": {
        "en": "Input {input} of {good}: ILAB List of Goods {edition} lists {input} for {flag} in {countries} "
        "[record '{record}']; origin of inputs unknown",
        "nl": "Grondstof {input} van {good}: ILAB-lijst van goederen {edition} noemt {input} voor {flag} in "
        "{countries} [vermelding '{record}']; herkomst van de grondstoffen onbekend",
    },
    # U.S. Trafficking in Persons Report
    "tip.placement": {
        "en": "U.S. Trafficking in Persons Report {edition}: {country} is placed on {tier} "
        "[record '{record}']",
        "nl": "Amerikaans mensenhandelrapport (TIP) {edition}: {country} staat op {tier} "
        "[vermelding '{record}']",
    },
    # World Bank Worldwide Governance Indicators
    "wgi.indicator": {
        "en": "World Bank Worldwide Governance Indicators {edition}: {indicator} in {country} at percentile "
        "rank {rank:.1f} of 100, below {threshold:.0f} [record '{record}']",
        "nl": "Wereldbank-bestuursindicatoren (WGI) {edition}: {indicator} in {country} op "
        "percentielrang {rank:.1f} van 100, onder {threshold:.0f} [vermelding '{record}']",
    },
    # EU Conflict Minerals Regulation
    "cmr.3tg": {
        "en": "{good} is a tin, tantalum, tungsten or gold mineral or metal (Regulation (EU) 2017/821, "
        "Annex I: {item}) [record '{record}']; mine of origin unknown",
        "nl": "{good} is een tin-, tantaal-, wolfraam- of goudmineraal of -metaal (Verordening (EU) "
        "2017/821, bijlage I: {item}) [vermelding '{record}']; mijn van herkomst onbekend",
    },
    "cmr.3tg_inputs": {
        "en": "{good} contains tin, tantalum, tungsten or gold ({inputs}; Regulation (EU) 2017/821, Annex I) "
        "[record '{record}']; origin of the minerals unknown",
        "nl": "{good} bevat tin, tantaal, wolfraam of goud ({inputs}; Verordening (EU) 2017/821, bijlage I) "
        "[vermelding '{record}']; herkomst van de mineralen onbekend",
    },
    # likelihood steps
    "likelihood": {"en": "Likelihood: {parts}", "nl": "Waarschijnlijkheid: {parts}", "sep": ", "},
    "lk.base": {"en": "base {value:.2f} ({basis})", "nl": "basis {value:.2f} ({basis})"},
    "lk.working_children": {
        "en": "+{value:.2f} working children {share:.1%}",
        "nl": "+{value:.2f} werkende kinderen {share:.1%}",
    },
    "lk.advancement": {
        "en": "{value:+.2f} government effort: {level}",
        "nl": "{value:+.2f} inzet van de overheid: {level}",
    },
    "lk.inspectorate": {
        "en": "+{value:.2f} labour inspectorate below ILO advice",
        "nl": "+{value:.2f} arbeidsinspectie kleiner dan de ILO adviseert",
    },
    "lk.tip": {
        "en": "{value:+.2f} TIP Report: {tier}",
        "nl": "{value:+.2f} mensenhandelrapport (TIP): {tier}",
    },
    "lk.3tg": {
        "en": "+{value:.2f} 3TG mineral or metal from a conflict-affected country",
        "nl": "+{value:.2f} 3TG-mineraal of -metaal uit een conflictgebied",
    },
    # no theme
    "text": {"en": "{text}", "nl": "{text}"},  # plain text from an older caller: not translated
    "none.not_listed": {
        "en": "{good} is not on the ILAB List of Goods for {code}",
        "nl": "{good} staat niet op de ILAB-lijst van goederen voor {code}",
    },
    "none.not_listed_elsewhere": {
        "en": "{good} is not on the ILAB List of Goods for {code} (listed for {countries})",
        "nl": "{good} staat niet op de ILAB-lijst van goederen voor {code} (wel voor {countries})",
    },
    "none.no_good": {
        "en": "No listed good matched, and no dataset raises a country finding for {code}",
        "nl": "Geen goed van de lijsten herkend, en geen dataset geeft een landbevinding voor {code}",
    },
    "none.country_unknown": {
        "en": "Country unknown, so no risk could be assessed",
        "nl": "Land onbekend, dus geen risico beoordeeld",
    },
    "none.country_unknown_listed": {
        "en": "Country unknown, so no risk could be assessed; {good} is on the ILAB List of Goods for "
        "{countries}",
        "nl": "Land onbekend, dus geen risico beoordeeld; {good} staat op de ILAB-lijst van goederen voor "
        "{countries}",
    },
}

#: Ids used as parameter values, by parameter name.
VALUE_LABELS: Mapping[str, Mapping[str, Mapping[str, str]]] = {
    "flag": {
        "child_labour": {"en": "child labour", "nl": "kinderarbeid"},
        "forced_labour": {"en": "forced labour", "nl": "dwangarbeid"},
        "forced_child_labour": {"en": "forced child labour", "nl": "gedwongen kinderarbeid"},
        "derived_labour_exploitation": {
            "en": "derived labour exploitation",
            "nl": "afgeleide arbeidsuitbuiting",
        },
    },
    "tier": {
        "tier_3": {"en": "Tier 3", "nl": "Tier 3"},
        "tier_2_watch_list": {"en": "the Tier 2 Watch List", "nl": "de Tier 2 Watch List"},
        "special_case": {"en": "Special Case", "nl": "Special Case"},
    },
    "basis": {
        "listed": {"en": "listed", "nl": "op de lijst"},
        "derived": {"en": "derived", "nl": "afgeleid"},
        "country_context": {"en": "country context", "nl": "landcontext"},
        "input": {"en": "input", "nl": "grondstof"},
        "input_origin_unknown": {"en": "input, origin unknown", "nl": "grondstof, herkomst onbekend"},
        "product_scope": {"en": "product", "nl": "product"},
    },
    "indicator": {
        "cc": {"en": "control of corruption", "nl": "beheersing van corruptie"},
        "va": {"en": "voice and accountability", "nl": "inspraak en verantwoording"},
        "pv": {
            "en": "political stability and absence of violence/terrorism",
            "nl": "politieke stabiliteit en afwezigheid van geweld/terrorisme",
        },
    },
}

_COUNTRY_NAME_PARAMS = ("country", "input_country")
_GOOD_NAME_PARAMS = ("good", "input")


def _country(code: str, language: str) -> str:
    from imvo.core.countries import country_name  # the names table is read only when a name is shown

    try:
        return country_name(code, language if language in ("en", "nl", "de", "fr", "es") else "en")
    except (KeyError, ValueError):
        return code


def _value(name: str, value: Any, language: str) -> Any:
    if name in _COUNTRY_NAME_PARAMS and isinstance(value, str) and value:
        return _country(value, language)
    if name == "edition" and isinstance(value, str):
        return edition_label(value, language)
    if name == "level" and isinstance(value, str):
        return advancement_level(value, language)
    if name == "item" and isinstance(value, str):
        return annex_item(value, language)
    if name in _GOOD_NAME_PARAMS and isinstance(value, str):
        from imvo.core.products.good_names import good_name

        return good_name(value, language)
    if name == "countries" and isinstance(value, list | tuple):
        return ", ".join(str(code) for code in value)
    labels = VALUE_LABELS.get(name)
    if labels is not None and isinstance(value, str) and value in labels:
        return labels[value].get(language, labels[value]["en"])
    return value


_SWAP_SEPARATORS = str.maketrans(".,", ",.")


class _DutchNumbers(string.Formatter):
    """Numbers with a decimal comma ("25,6%"), as Dutch writes them."""

    def format_field(self, value: Any, format_spec: str) -> str:
        text = str(super().format_field(value, format_spec))
        if isinstance(value, float | int) and not isinstance(value, bool):
            return text.translate(_SWAP_SEPARATORS)
        return text


_DUTCH = _DutchNumbers()


def render_statement(statement: Statement, language: str = "en") -> str:
    templates = MESSAGES.get(statement.id)
    if templates is None:  # a message of a newer version: show its id and values rather than fail
        return f"{statement.id} {dict(statement.params)}"
    template = templates.get(language, templates["en"])
    values = {name: _value(name, value, language) for name, value in statement.params.items()}
    if statement.parts:
        values["parts"] = templates.get("sep", "; ").join(
            render_statement(part, language) for part in statement.parts
        )
    return _DUTCH.vformat(template, (), values) if language == "nl" else template.format(**values)


def render(statements: Iterable[Statement], language: str = "en") -> str:
    """Sentences, each ending with a full stop: "ILAB List of Goods …. Likelihood: …."."""
    return " ".join(render_statement(statement, language) + "." for statement in statements)


def dumps(statements: Sequence[Statement]) -> str:
    return json.dumps([s.as_json() for s in statements], ensure_ascii=False, separators=(",", ":"))


def _from_json(data: Mapping[str, Any]) -> Statement:
    if not isinstance(data["id"], str):
        raise TypeError(f"a message id is text, not {data['id']!r}")
    return Statement(
        data["id"],
        dict(data.get("p", {})),
        tuple(_from_json(part) for part in data.get("parts", ())),
    )


def loads(text: str) -> tuple[Statement, ...]:
    return tuple(_from_json(item) for item in json.loads(text))


def render_evidence(text: str, language: str = "en") -> str:
    """The evidence of a register entry in ``language``: ``text`` is a finding's ``evidence_data``
    (JSON statements) or, for evidence stored before evidence was data, plain text shown as it is."""
    stripped = text.strip()
    if not stripped.startswith("[{"):
        return text
    try:
        return render(loads(stripped), language)
    except (ValueError, KeyError, TypeError):
        return text
