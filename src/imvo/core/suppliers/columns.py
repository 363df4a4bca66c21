"""Recognising supplier-list columns by their header, in English, Dutch and German ERP exports."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from imvo.core.tabular.problems import COLUMN_CHARS_SHOWN, InputError, InputProblem

#: The canonical fields every reader produces; the scan works on these names only.
FIELDS = ("supplier", "country", "product", "hs_code", "spend", "tier")
#: Optional extras carried through to the register when a file has them.
EXTRA_FIELDS = ("supplier_id", "city")
ALL_FIELDS = FIELDS + EXTRA_FIELDS

# Header names as users and ERP systems (Exact, AFAS, SAP, DATEV, Navision exports) write them,
# already in normalised form (see normalise_header): lower case, no accents, words split on
# punctuation. Matching is exact on the normalised form, never fuzzy: a wrong guess would put the
# wrong data in a risk register without anyone noticing.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "supplier": (
        "supplier",
        "supplier name",
        "suppliers",
        "name supplier",
        "vendor",
        "vendor name",
        "company",
        "company name",
        "leverancier",
        "leveranciersnaam",
        "leverancier naam",
        "naam leverancier",
        "crediteur",
        "crediteurnaam",
        "crediteur naam",
        "naam crediteur",
        "bedrijf",
        "bedrijfsnaam",
        "relatie",
        "relatienaam",
        "lieferant",
        "lieferantenname",
        "lieferantname",
        "lieferanten name",
        "name lieferant",
        "kreditor",
        "kreditorname",
        "kreditorenname",
        "kreditor name",
        "firma",
        "firmenname",
        "fournisseur",
        "nom fournisseur",
        # SAP vendor master: "Lieferant"/"Kreditor" holds the number, "Name 1" the name.
        "name 1",
        "name1",
        "lieferantenbezeichnung",
    ),
    "supplier_id": (
        "supplier id",
        "supplier number",
        "supplier no",
        "supplier nr",
        "supplier code",
        "vendor id",
        "vendor number",
        "vendor no",
        "vendor code",
        "leveranciersnummer",
        "leveranciernummer",
        "leverancier nr",
        "leverancier nummer",
        "leveranciercode",
        "crediteurnummer",
        "crediteurennummer",
        "crediteur nr",
        "crediteur nummer",
        "relatienummer",
        "lieferantennummer",
        "lieferanten nr",
        "lieferantennr",
        "lieferant nr",
        "kreditorennummer",
        "kreditornummer",
        "kreditor nr",
        "kreditorennr",
    ),
    "country": (
        "country",
        "country of origin",
        "origin",
        "origin country",
        "country code",
        "country iso",
        "land",
        "land van herkomst",
        "herkomstland",
        "herkomst",
        "land herkomst",
        "landcode",
        "land code",
        "herkunftsland",
        "ursprungsland",
        "herkunft",
        "ursprung",
        "land herkunft",
        "landerkennzeichen",
        "pays",
        "pays d origine",
        "pays origine",
    ),
    "city": ("city", "town", "plaats", "stad", "vestigingsplaats", "woonplaats", "ort", "stadt", "ville"),
    "product": (
        # SAP material master: "Material" is the number, the short text describes the good.
        "materialkurztext",
        "kurztext",
        "materialbeschreibung",
        "material text",
        "product",
        "products",
        "product description",
        "product name",
        "description",
        "item",
        "item description",
        "article",
        "article description",
        "goods",
        "commodity",
        "material",
        "material description",
        "artikel",
        "artikelomschrijving",
        "artikel omschrijving",
        "omschrijving",
        "product omschrijving",
        "productomschrijving",
        "productnaam",
        "goederen",
        "goederenomschrijving",
        "materiaal",
        "produkt",
        "produktbezeichnung",
        "produktname",
        "warenbezeichnung",
        "ware",
        "waren",
        "artikelbezeichnung",
        "bezeichnung",
        "materialbezeichnung",
        "produit",
        "description produit",
    ),
    "hs_code": (
        "hs code",
        "hs",
        "hscode",
        "hs nummer",
        "hs number",
        "hs6",
        "hs 6",
        "hs code 6",
        "tariff code",
        "tariff number",
        "customs tariff",
        "customs code",
        "commodity code",
        "gn code",
        "gncode",
        "gn",
        "cn code",
        "cncode",
        "cn",
        "kn code",
        "kncode",
        "kn",
        "goederencode",
        "statistieknummer",
        "statistiek nummer",
        "statistisch nummer",
        "douanecode",
        "zolltarifnummer",
        "warennummer",
        "warentarifnummer",
        "tarifnummer",
        "zolltarif",
        "taric",
        "taric code",
        "intrastat code",
        "code sh",
        "nomenclature",
    ),
    "spend": (
        "spend",
        "annual spend",
        "total spend",
        "spend amount",
        "purchase value",
        "purchase volume",
        "purchase amount",
        "purchases",
        "amount",
        "volume",
        "value",
        "inkoopwaarde",
        "inkoopvolume",
        "inkoopbedrag",
        "inkoop",
        "bedrag",
        "omzet",
        "waarde",
        "einkaufsvolumen",
        "einkaufswert",
        "umsatz",
        "betrag",
        "wert",
        "einkauf",
        "montant",
        "achats",
    ),
    "tier": (
        "tier",
        "tier level",
        "supplier tier",
        "tier niveau",
        "laag",
        "schakel",
        "ketenschakel",
        "keten schakel",
        "rang",
        "niveau",
        "stufe",
        "tier ebene",
        "ebene",
        "lieferantenstufe",
    ),
}

# Words that qualify a header without changing its meaning ("Spend EUR 2024", "Inkoopwaarde excl.
# btw", "Einkaufsvolumen netto in €"); they are dropped when the full header is not recognised.
_QUALIFIERS = frozenset(
    (
        "eur",
        "euro",
        "in",
        "excl",
        "incl",
        "ex",
        "btw",
        "vat",
        "mwst",
        "ust",
        "total",
        "totaal",
        "gesamt",
        "netto",
        "net",
        "bruto",
        "brutto",
        "gross",
        "jaar",
        "year",
        "jahr",
        "ytd",
        "per",
        "pa",
    )
)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")

_FIELD_BY_HEADER: dict[str, str] = {
    alias: field for field, aliases in HEADER_ALIASES.items() for alias in aliases
}


def normalise_header(text: str) -> str:
    """Lower case, accents and punctuation removed: 'Land van herkomst' ~ 'LAND_VAN_HERKOMST'."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NON_ALNUM.split(plain.casefold())).strip()


def field_for_header(header: str) -> str | None:
    """The canonical field a header means, or None for columns the scan does not use."""
    normalised = normalise_header(header)
    field = _FIELD_BY_HEADER.get(normalised)
    if field is None:
        words = [word for word in normalised.split() if word not in _QUALIFIERS and not word.isdigit()]
        field = _FIELD_BY_HEADER.get(" ".join(words))
    return field


# Keywords for headers that no alias names ("Vendor Country", "Item Description", "Annual Spend"),
# tried only for fields no header named exactly. Order matters: in "Vendor Country" or "Land
# leverancier" the supplier word only qualifies, so the more specific fields are tried first.
_KEYWORDS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "hs_code",
        frozenset(
            [
                "hs",
                "hscode",
                "gn",
                "gncode",
                "cn",
                "cncode",
                "kn",
                "taric",
                "tariff",
                "tarief",
                "douanecode",
                "goederencode",
                "statistieknummer",
                "zolltarif",
                "zolltarifnummer",
                "warennummer",
            ]
        ),
    ),
    (
        "country",
        frozenset(
            [
                "country",
                "land",
                "pays",
                "herkomst",
                "origin",
                "herkunft",
                "herkunftsland",
                "ursprung",
                "ursprungsland",
                "lieferland",
                "productieland",
                "produktionsland",
                "landcode",
            ]
        ),
    ),
    (
        "spend",
        frozenset(
            [
                "spend",
                "spending",
                "amount",
                "value",
                "volume",
                "waarde",
                "bedrag",
                "omzet",
                "inkoopwaarde",
                "inkoopvolume",
                "umsatz",
                "betrag",
                "wert",
                "einkaufswert",
                "einkaufsvolumen",
                "cost",
                "costs",
                "kosten",
                "purchases",
            ]
        ),
    ),
    ("tier", frozenset(["tier", "tiers", "stufe", "schakel", "laag", "rang"])),
    (
        "product",
        frozenset(
            [
                "product",
                "products",
                "item",
                "items",
                "article",
                "artikel",
                "description",
                "omschrijving",
                "goods",
                "goederen",
                "commodity",
                "ware",
                "waren",
                "produkt",
                "produkte",
                "bezeichnung",
                "warenbezeichnung",
            ]
        ),
    ),
    (
        "supplier",
        frozenset(
            [
                "supplier",
                "suppliers",
                "vendor",
                "vendors",
                "leverancier",
                "leveranciers",
                "lieferant",
                "lieferanten",
                "crediteur",
                "kreditor",
                "manufacturer",
                "producer",
                "producent",
                "hersteller",
                "factory",
                "fabriek",
            ]
        ),
    ),
)
# Words that make a header an identifier ("Vendor ID", "Artikelnummer"), never a name.
_IDENTIFIER_WORDS = frozenset(
    ["id", "nr", "no", "number", "nummer", "num", "code", "sku", "ref", "reference", "kenmerk"]
)


def guess_field(header: str) -> str | None:
    """The field a header probably means from its words, for headers no alias names."""
    words = set(normalise_header(header).split())
    for field, keywords in _KEYWORDS:
        if words & keywords:
            if field in {"product", "supplier"} and words & _IDENTIFIER_WORDS:
                return None
            return field
    return None


def accepted_names(field: str) -> str:
    return ", ".join(HEADER_ALIASES[field])


_MAP_SPLIT = re.compile(r",(?=\s*(?:" + "|".join(ALL_FIELDS) + r")\s*=)")


def parse_column_map(spec: str) -> dict[str, str]:
    """Parse the CLI's ``--map "supplier=Naam leverancier,country=Herkomst"``.

    A comma only separates entries when a field name and ``=`` follow it, so headers that contain
    commas ("Land, herkomst") need no quoting. Raises :class:`InputError` (file ``--map``) for
    unknown fields, missing ``=``, empty headers and fields given twice.
    """
    mapping: dict[str, str] = {}
    problems: list[InputProblem] = []
    fields_text = ", ".join(ALL_FIELDS)
    for entry in _MAP_SPLIT.split(spec):
        if not entry.strip():
            continue
        field, equals, header = entry.partition("=")
        field, header = field.strip().lower(), header.strip()
        if not equals:
            problems.append(
                InputProblem("--map", None, None, f"'{entry.strip()}' has no '='", "field=Header, ...")
            )
        elif field not in ALL_FIELDS:
            problems.append(
                InputProblem("--map", None, None, f"unknown field '{field}'", f"one of {fields_text}")
            )
        elif not header:
            problems.append(InputProblem("--map", None, field, "no header name after '='", "field=Header"))
        elif field in mapping:
            problems.append(InputProblem("--map", None, field, "field given twice", "each field once"))
        else:
            mapping[field] = header
    if problems:
        raise InputError(problems)
    if not mapping:
        raise InputError([InputProblem("--map", None, None, "empty column map", "field=Header, ...")])
    return mapping


@dataclass(frozen=True)
class ColumnLayout:
    """Which column index holds each field, and the header text found there."""

    indexes: dict[str, int]
    names: dict[str, str]


#: Problems name at most this many headers, each cut to HEADER_CHARS_SHOWN characters: a header row
#: of 100 000 columns must not become a 2 MB error page (issue 17, finding 9).
HEADERS_SHOWN = 20
HEADER_CHARS_SHOWN = COLUMN_CHARS_SHOWN


def shown_header(header: str) -> str:
    return header if len(header) <= HEADER_CHARS_SHOWN else header[: HEADER_CHARS_SHOWN - 1] + "…"


def _headers_text(headers: Sequence[str]) -> str:
    named = [header for header in headers if header]
    text = ", ".join(f"'{shown_header(header)}'" for header in named[:HEADERS_SHOWN]) or "(none)"
    if len(named) > HEADERS_SHOWN:
        text += f" … and {len(named) - HEADERS_SHOWN:,} more columns".replace(",", " ")
    return text


_NAME_WORDS = frozenset(["name", "naam", "bezeichnung", "nom", "name1"])
# Bare product headers that ERPs use for the article or material *number* when a description
# column sits beside them ("Material" + "Materialkurztext" in SAP, "Artikel" + "Omschrijving").
_BARE_PRODUCT_HEADERS = frozenset(["material", "materiaal", "artikel", "article", "item", "product"])


def _prefer_named(field: str, found: list[int], headers: Sequence[str], indexes: dict[str, int]) -> list[int]:
    """Resolve the two-column pairs ERPs export on purpose instead of calling them a conflict: a
    supplier number beside a supplier name ("Lieferant" and "Name 1" in SAP: the named one is the
    supplier, the other its number), and an article number beside its description."""
    if len(found) != 2:
        return found
    if field == "supplier":
        named = [i for i in found if _NAME_WORDS & set(normalise_header(headers[i]).split())]
        if len(named) == 1:
            other = found[0] if found[1] == named[0] else found[1]
            if "supplier_id" not in indexes:
                indexes["supplier_id"] = other
            return named
    if field == "product":
        described = [i for i in found if normalise_header(headers[i]) not in _BARE_PRODUCT_HEADERS]
        if len(described) == 1:
            return described
    return found


_Problem = Callable[..., None]


def _mapped_columns(
    headers: Sequence[str], column_map: Mapping[str, str], indexes: dict[str, int], problem: _Problem
) -> None:
    """The columns that --map names, exactly or by normalised header."""
    for field, wanted in column_map.items():
        if field not in ALL_FIELDS:
            problem(None, f"--map names unknown field '{field}'", f"one of {', '.join(ALL_FIELDS)}")
            continue
        exact = [i for i, header in enumerate(headers) if header == wanted]
        found = exact or [
            i for i, header in enumerate(headers) if normalise_header(header) == normalise_header(wanted)
        ]
        if not found:
            problem(
                wanted,
                f"--map {field}={wanted}: the file has no column '{wanted}'",
                f"one of the headers found: {_headers_text(headers)}",
            )
        elif len(found) > 1:
            problem(
                wanted,
                f"--map {field}={wanted}: {len(found)} columns are called '{wanted}' "
                f"(columns {', '.join(str(i + 1) for i in found)})",
                "rename one of them in the file",
            )
        elif (other := next((f for f, i in indexes.items() if i == found[0]), None)) is not None:
            problem(
                wanted,
                f"--map gives column '{headers[found[0]]}' to both {other} and {field}",
                "one column per field",
            )
        else:
            indexes[field] = found[0]


def _named_columns(headers: Sequence[str], indexes: dict[str, int], problem: _Problem) -> None:
    """The columns whose header is a known name of a field; two for one field is a problem."""
    candidates: dict[str, list[int]] = {}
    for i, header in enumerate(headers):
        meaning = field_for_header(header)
        if meaning is None or meaning in indexes or i in indexes.values():
            continue
        candidates.setdefault(meaning, []).append(i)
    for field, found in candidates.items():
        found = _prefer_named(field, found, headers, indexes)
        if len(found) == 1:
            indexes[field] = found[0]
            continue
        named = " and ".join(f"'{shown_header(headers[i])}' (column {i + 1})" for i in found[:HEADERS_SHOWN])
        if len(found) > HEADERS_SHOWN:
            named += f" … and {len(found) - HEADERS_SHOWN:,} more columns".replace(",", " ")
        problem(
            shown_header(headers[found[1]]),
            f"{len(found)} columns mean {field}: {named}",
            f'choose one with --map "{field}={shown_header(headers[found[0]])}"',
            code="columns.ambiguous",
            params={
                "count": len(found),
                "field": field,
                "columns": [[shown_header(headers[i]), i + 1] for i in found[:HEADERS_SHOWN]],
                "more": max(0, len(found) - HEADERS_SHOWN),
            },
        )


def _guessed_columns(headers: Sequence[str], indexes: dict[str, int]) -> None:
    """Headers that only resemble a field ("Vendor Country") take it when no other column does."""
    guesses: dict[str, list[int]] = {}
    for i, header in enumerate(headers):
        if i in indexes.values() or field_for_header(header) is not None:
            continue
        guess = guess_field(header)
        if guess is not None and guess not in indexes:
            guesses.setdefault(guess, []).append(i)
    for field, found in guesses.items():
        if len(found) == 1:
            indexes[field] = found[0]


def _required_columns(headers: Sequence[str], indexes: Mapping[str, int], problem: _Problem) -> None:
    if not any(field in indexes for field in ("supplier", "country", "product", "hs_code")):
        problem(
            None,
            f"no column is recognised as supplier, country or product; the headers found are "
            f"{_headers_text(headers)}. Is the first row the header row, and is it a supplier list?",
            f"headers such as {', '.join(HEADER_ALIASES['supplier'][:3])} / "
            f'{", ".join(HEADER_ALIASES["country"][:3])}, or --map "supplier=...,country=..."',
            code="columns.none_recognised",
            params={
                "headers": _headers_text(headers),
                "examples": f"{', '.join(HEADER_ALIASES['supplier'][:3])} / "
                f"{', '.join(HEADER_ALIASES['country'][:3])}",
            },
        )
        return
    for field in ("supplier", "country"):
        if field not in indexes:
            problem(
                None,
                f"no {field} column; the headers found are {_headers_text(headers)}",
                f'a header named {accepted_names(field)}; or --map "{field}=<your header>"',
                code="columns.missing",
                params={"field": field, "headers": _headers_text(headers), "names": accepted_names(field)},
            )
    if "product" not in indexes and "hs_code" not in indexes:
        problem(
            None,
            f"no product or hs_code column (one of them is required); "
            f"the headers found are {_headers_text(headers)}",
            f"for product: {accepted_names('product')}; for hs_code: {accepted_names('hs_code')}; "
            f'or --map "product=<your header>"',
            code="columns.no_product",
            params={
                "headers": _headers_text(headers),
                "product_names": accepted_names("product"),
                "hs_names": accepted_names("hs_code"),
            },
        )


def resolve_columns(
    headers: Sequence[str], column_map: Mapping[str, str] | None, file: str, header_line: int | None
) -> ColumnLayout:
    """Map headers to canonical fields; raise InputError listing every problem with the header row."""
    problems: list[InputProblem] = []
    indexes: dict[str, int] = {}

    def problem(
        column: str | None,
        message: str,
        accepted: str | None = None,
        *,
        code: str = "",
        params: dict[str, Any] | None = None,
    ) -> None:
        problems.append(
            InputProblem(file, header_line, column, message, accepted, "error", code, params or {})
        )

    _mapped_columns(headers, column_map or {}, indexes, problem)
    _named_columns(headers, indexes, problem)
    if not problems:
        _guessed_columns(headers, indexes)
        _required_columns(headers, indexes, problem)
    if problems:
        raise InputError(problems)
    return ColumnLayout(indexes, {field: headers[i] for field, i in indexes.items()})
