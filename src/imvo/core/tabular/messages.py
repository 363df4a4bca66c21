"""What the readers of users' tables say, in the reader's language: one place for every coded message.

A reader gives an :class:`~imvo.core.tabular.problems.InputProblem` a ``code`` and ``params`` (numbers,
line numbers, header names: data, never prose) besides its English ``message``, which the command
line prints. A screen shows :func:`problem_text` instead: the message and what would be accepted, in
English or Dutch, and without the command line's ``--map`` (the web upload offers its own column
choice). A problem without a code (one no screen has needed in another language yet) reads as its
English message.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["LANGUAGES", "MESSAGES", "problem_text"]

LANGUAGES = ("en", "nl")

#: ``{code: {language: (message, accepted or "")}}``; ``{name}`` placeholders take the params.
MESSAGES: Mapping[str, Mapping[str, tuple[str, str]]] = {
    "encoding.guessed_cp1252": {
        "en": (
            "the file is not UTF-8; its encoding was guessed as Windows-1252 (what Excel writes on a Dutch "
            "or German Windows): check that accented letters, first on this line, look right",
            "save the file as CSV UTF-8 to be sure",
        ),
        "nl": (
            "het bestand is geen UTF-8; de tekenset is ingeschat als Windows-1252 (wat Excel op een "
            "Nederlandse of Duitse Windows schrijft): controleer of letters met accenten, voor het eerst "
            "op deze regel, goed worden weergegeven",
            "sla het bestand op als CSV UTF-8 om zeker te zijn",
        ),
    },
    "cells.formula_prefix": {
        "en": (
            "{count} cell(s) start with =, +, -, @, a tab or a carriage return{also}; spreadsheet programs "
            "may run them as formulas. They are kept as text, and imvo's exports neutralise them",
            "",
        ),
        "nl": (
            "{count} cel(len) beginnen met =, +, -, @, een tab of een regelterugloop{also}; "
            "spreadsheetprogramma's kunnen ze als formule uitvoeren. Ze blijven tekst, en de exports van "
            "imvo maken ze onschadelijk",
            "",
        ),
    },
    "cells.formula_prefix.also": {"en": (" (also line {lines})", ""), "nl": (" (ook regel {lines})", "")},
    "row.no_supplier": {
        "en": (
            "no supplier name, but the row has other data",
            "every row names its supplier; remove total and note rows",
        ),
        "nl": (
            "geen naam van een leverancier, maar de rij bevat wel andere gegevens",
            "elke rij noemt de leverancier; verwijder totaal- en notitierijen",
        ),
    },
    "row.not_an_amount": {
        "en": (
            "'{value}' is not an amount",
            "a number such as 12500, 12.500, 12500,50, 12.500,50, 12,500.50, 1 234,5 or € 12.500; negative "
            "as -100, 100- or (100)",
        ),
        "nl": (
            "'{value}' is geen bedrag",
            "een getal zoals 12500, 12.500, 12500,50, 12.500,50, 12,500.50, 1 234,5 of € 12.500; negatief "
            "als -100, 100- of (100)",
        ),
    },
    "file.no_rows": {
        "en": (
            "the file has a header row but no supplier rows",
            "one row per supplier below the header; check that the right file was chosen",
        ),
        "nl": (
            "het bestand heeft een kopregel maar geen rijen met leveranciers",
            "één rij per leverancier onder de kopregel; controleer of het juiste bestand is gekozen",
        ),
    },
    "columns.ambiguous": {
        "en": ("{count} columns mean {field}: {columns}", "choose one of them as the {field} column"),
        "nl": ("{count} kolommen betekenen {field}: {columns}", "kies er één als kolom voor {field}"),
    },
    "columns.none_recognised": {
        "en": (
            "no column is recognised as supplier, country or product; the headers found are {headers}. Is "
            "the first row the header row, and is it a supplier list?",
            "headers such as {examples}, or choose the columns yourself",
        ),
        "nl": (
            "geen kolom herkend als leverancier, land of product; de gevonden kolomkoppen zijn {headers}. "
            "Is de eerste rij de kopregel, en is dit een leverancierslijst?",
            "kolomkoppen zoals {examples}, of kies de kolommen zelf",
        ),
    },
    "columns.missing": {
        "en": (
            "no {field} column; the headers found are {headers}",
            "a header named {names}; or choose the column yourself",
        ),
        "nl": (
            "geen kolom voor {field}; de gevonden kolomkoppen zijn {headers}",
            "een kolomkop zoals {names}; of kies de kolom zelf",
        ),
    },
    "columns.no_product": {
        "en": (
            "no product or HS code column (one of them is required); the headers found are {headers}",
            "for the product: {product_names}; for the HS code: {hs_names}; or choose the column yourself",
        ),
        "nl": (
            "geen kolom voor product of HS-code (een van beide is nodig); de gevonden kolomkoppen zijn "
            "{headers}",
            "voor het product: {product_names}; voor de HS-code: {hs_names}; of kies de kolom zelf",
        ),
    },
}

#: The fields of a supplier list as a reader names them.
FIELD_NAMES: Mapping[str, Mapping[str, str]] = {
    "supplier": {"en": "supplier", "nl": "leverancier"},
    "country": {"en": "country", "nl": "land"},
    "product": {"en": "product", "nl": "product"},
    "hs_code": {"en": "HS code", "nl": "HS-code"},
    "spend": {"en": "spend", "nl": "inkoopwaarde"},
    "tier": {"en": "tier", "nl": "schakel"},
    "supplier_id": {"en": "supplier number", "nl": "leveranciersnummer"},
    "city": {"en": "city", "nl": "plaats"},
}


#: How a list of columns reads: ``'Land' (column 3) and 'Herkomst' (column 5)``.
_COLUMN_LIST = {
    "en": ("'{}' (column {})", " and ", " … and {} more columns"),
    "nl": ("'{}' (kolom {})", " en ", " … en nog {} kolommen"),
}


def _columns(value: list[Any], more: int, language: str) -> str:
    one, joined, rest = _COLUMN_LIST[language]
    text = joined.join(one.format(header, number) for header, number in value)
    return text + (rest.format(more) if more else "")


def _param(name: str, value: Any, language: str, params: Mapping[str, Any]) -> Any:
    if name == "field" and isinstance(value, str) and value in FIELD_NAMES:
        return FIELD_NAMES[value][language]
    if name == "columns" and isinstance(value, list):
        return _columns(value, int(params.get("more") or 0), language)
    if name == "also" and isinstance(value, str) and value:
        return MESSAGES["cells.formula_prefix.also"][language][0].format(lines=value)
    return value


def problem_text(problem: Mapping[str, Any], language: str = "en") -> tuple[str, str]:
    """``(message, accepted)`` of a stored problem (``code``, ``params``, ``message``, ``accepted``) in
    ``language``; the stored English text when the problem has no code this module knows."""
    language = language if language in LANGUAGES else "en"
    templates = MESSAGES.get(str(problem.get("code") or ""))
    params = problem.get("params") or {}
    if templates is None or not isinstance(params, Mapping):
        return str(problem.get("message") or ""), str(problem.get("accepted") or "")
    message, accepted = templates[language]
    values = {name: _param(name, value, language, params) for name, value in params.items()}
    try:
        return message.format(**values), accepted.format(**values)
    except (KeyError, IndexError, ValueError):  # params of another version: the recorded text
        return str(problem.get("message") or ""), str(problem.get("accepted") or "")
