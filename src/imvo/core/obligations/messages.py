"""What the obligations' checks say about a user's input, in the reader's language.

The legal values file (``imvo legal check/load``), the administrators' legal-value form and the import
records file give each problem a ``code`` and ``params`` (data: the text as written, a line, a limit)
besides its English ``message``, which the command line prints. A screen shows :func:`problem_text`
instead, in English or Dutch, as :mod:`imvo.core.tabular.messages` does for the table reader's own
problems (a code this module does not know goes there, and a problem without a code reads as its English
message).

Column names of a file are what the file must say, in any language; a form that has labels instead
passes them as ``names`` (``{"valid_from": "Geldig vanaf"}``) for the params that name a column.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from imvo.core.tabular.messages import LANGUAGES
from imvo.core.tabular.messages import problem_text as reader_problem_text

__all__ = ["COLUMN_PARAMS", "MESSAGES", "message", "problem_text"]

#: Params whose value is a column name (shown as the form's label on a form).
COLUMN_PARAMS = frozenset({"field", "start", "end"})

_CN_EXAMPLES = "2609 00 00, 2609.00.00, 26090000"

#: ``{code: {language: (message, accepted or "")}}``; ``{name}`` placeholders take the params.
MESSAGES: Mapping[str, Mapping[str, tuple[str, str]]] = {
    # --- Files (legal values and import records) ---------------------------------------------------
    "file.missing_columns": {
        "en": ("missing column(s): {columns}", "{expected}"),
        "nl": ("ontbrekende kolom(men): {columns}", "{expected}"),
    },
    # --- Legal values: a row of the file or the administrators' form -------------------------------
    "legal.not_a_date": {
        "en": ("{text!r} is not a date", "YYYY-MM-DD, e.g. 2028-01-01"),
        "nl": ("{text!r} is geen datum", "JJJJ-MM-DD, bijvoorbeeld 2028-01-01"),
    },
    "legal.required.act": {
        "en": (
            "is required: cite where the value was read",
            "Commission Delegated Regulation (EU) 2020/1588",
        ),
        "nl": (
            "is verplicht: vermeld waar de waarde gelezen is",
            "Gedelegeerde Verordening (EU) 2020/1588 van de Commissie",
        ),
    },
    "legal.required.article": {
        "en": ("is required: cite where the value was read", "Annex, or Art. 2(1)(a)"),
        "nl": ("is verplicht: vermeld waar de waarde gelezen is", "Bijlage, of art. 2(1)(a)"),
    },
    "legal.required.oj_reference": {
        "en": ("is required: cite where the value was read", "OJ L 360, 30.10.2020, p. 1–3"),
        "nl": ("is verplicht: vermeld waar de waarde gelezen is", "PB L 360 van 30.10.2020, blz. 1–3"),
    },
    "legal.required.url": {
        "en": (
            "is required: cite where the value was read",
            "https://eur-lex.europa.eu/eli/reg_del/2020/1588/oj",
        ),
        "nl": (
            "is verplicht: vermeld waar de waarde gelezen is",
            "https://eur-lex.europa.eu/eli/reg_del/2020/1588/oj",
        ),
    },
    "legal.too_long": {
        "en": ("is longer than {limit} characters", ""),
        "nl": ("is langer dan {limit} tekens", ""),
    },
    "legal.not_a_web_address": {
        "en": ("{url!r} is not a web address", "https://eur-lex.europa.eu/…"),
        "nl": ("{url!r} is geen webadres", "https://eur-lex.europa.eu/…"),
    },
    "legal.period_reversed": {
        "en": ("is before {start}", ""),
        "nl": ("ligt vóór {start}", ""),
    },
    "legal.no_period": {
        "en": ("this value has no period: leave {start} and {end} empty", ""),
        "nl": ("deze waarde heeft geen periode: laat {start} en {end} leeg", ""),
    },
    "legal.period_overlaps": {
        "en": (
            "overlaps the period {period_from} – {period_until} of a shipped value: give exactly that period "
            "to replace it, or a period that overlaps none",
            "",
        ),
        "nl": (
            "overlapt de periode {period_from} – {period_until} van een meegeleverde waarde: geef precies "
            "die periode om haar te vervangen, of een periode die met geen enkele overlapt",
            "",
        ),
    },
    "legal.unknown_rule": {
        "en": ("{rule_id!r} is not a rule with values to set", "{rule_ids}"),
        "nl": ("{rule_id!r} is geen regel met waarden om in te stellen", "{rule_ids}"),
    },
    "legal.unknown_name": {
        "en": ("{name!r} is not a value of {rule_id}", "{names}"),
        "nl": ("{name!r} is geen waarde van {rule_id}", "{names}"),
    },
    "legal.not_a_number": {
        "en": ("{text!r} is not a whole number above 0", "5000"),
        "nl": ("{text!r} is geen geheel getal boven 0", "5000"),
    },
    "legal.value_not_a_date": {
        "en": ("not a date: {text!r}", "2029-07-26"),
        "nl": ("geen datum: {text!r}", "2029-07-26"),
    },
    "legal.overrides_verified": {
        "en": (
            "replaces the value shipped as verified ({value}; {sources}): set {field} to yes to propose it "
            "anyway; it will be shown as an override",
            "yes",
        ),
        "nl": (
            "vervangt de waarde die imvo als geverifieerd meelevert ({value}; {sources}): zet {field} op ja "
            "om haar toch voor te stellen; ze wordt dan als vervanging getoond",
            "ja",
        ),
    },
    "legal.duplicate": {
        "en": ("the same value and period as line {line}", ""),
        "nl": ("dezelfde waarde en periode als regel {line}", ""),
    },
    "legal.no_values": {
        "en": ("the file holds no values", ""),
        "nl": ("het bestand bevat geen waarden", ""),
    },
    "legal.waiting": {
        "en": ("a change of this value is already waiting for approval (change {change})", ""),
        "nl": ("een wijziging van deze waarde wacht al op goedkeuring (wijziging {change})", ""),
    },
    # --- Import records (the Conflict Minerals Regulation's facts) ---------------------------------
    "imports.not_a_year": {
        "en": ("{text!r} is not a calendar year", "2025"),
        "nl": ("{text!r} is geen kalenderjaar", "2025"),
    },
    "imports.not_a_cn_code": {
        "en": ("{text!r} is not a CN code (2 to 10 digits, pairs)", _CN_EXAMPLES),
        "nl": ("{text!r} is geen GN-code (2 tot 10 cijfers, in paren)", _CN_EXAMPLES),
    },
    "imports.not_a_mass": {
        "en": ("{text!r} is not a mass ≥ 0 in kg", ""),
        "nl": ("{text!r} is geen massa ≥ 0 in kg", ""),
    },
    "imports.not_an_iso_code": {
        "en": ("{text!r} is not an ISO code", "CD"),
        "nl": ("{text!r} is geen ISO-landcode", "CD"),
    },
    "imports.not_two_digits": {
        "en": ("{text!r} is not two digits", "10"),
        "nl": ("{text!r} is geen getal van twee cijfers", "10"),
    },
    "imports.not_a_percentage": {
        "en": ("{text!r} is not 0–100", ""),
        "nl": ("{text!r} ligt niet tussen 0 en 100", ""),
    },
    "imports.implausible_mass": {
        "en": ("{quantity} kg is implausibly large", "< 10^16"),
        "nl": ("{quantity} kg is onwaarschijnlijk groot", "< 10^16"),
    },
    "imports.cn_code_too_long": {
        "en": ("{text!r} is longer than {limit} characters", _CN_EXAMPLES),
        "nl": ("{text!r} is langer dan {limit} tekens", _CN_EXAMPLES),
    },
}


def message(code: str, language: str = "en", **params: Any) -> tuple[str, str | None]:
    """``(message, accepted or None)`` of ``code`` with ``params``; the English text the command line
    prints when ``language`` is ``en``."""
    text, accepted = MESSAGES[code][language if language in LANGUAGES else "en"]
    return text.format(**params), accepted.format(**params) or None


def _field(problem: Any, name: str) -> Any:
    return problem.get(name) if isinstance(problem, Mapping) else getattr(problem, name, None)


def problem_text(
    problem: Any, language: str = "en", names: Mapping[str, str] | None = None
) -> tuple[str, str]:
    """``(message, accepted)`` of a problem (an ``InputProblem``, a legal-value ``Problem`` or a stored
    dict with ``code``, ``params``, ``message``, ``accepted``) in ``language``.

    ``names`` shows a column as a form labels it. A code of the table reader is read by
    :func:`imvo.core.tabular.messages.problem_text`; a problem without a code reads as its message.
    """
    language = language if language in LANGUAGES else "en"
    code = str(_field(problem, "code") or "")
    params = _field(problem, "params") or {}
    templates = MESSAGES.get(code)
    if templates is None or not isinstance(params, Mapping):
        stored = {name: _field(problem, name) for name in ("code", "params", "message", "accepted")}
        return reader_problem_text(stored, language)
    values = dict(params)
    for name in COLUMN_PARAMS & values.keys():
        values[name] = (names or {}).get(str(values[name]), values[name])
    text, accepted = templates[language]
    try:
        return text.format(**values), accepted.format(**values)
    except (KeyError, IndexError, ValueError):  # params of another version: the recorded text
        return str(_field(problem, "message") or ""), str(_field(problem, "accepted") or "")
