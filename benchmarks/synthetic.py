"""Realistic synthetic supplier lists for benchmarks: mixed languages, misspellings, HS codes.

Deterministic for a given seed and size, so runs are comparable.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

PRODUCTS = [
    ("cocoa beans", "1801 00 00"),
    ("cacaobonen", "18010000"),
    ("Kakaobohnen", ""),
    ("koffie", "0901 11"),
    ("Rohkaffee", "090111"),
    ("coffee beans green", ""),
    ("garnalen bevroren", "0306 17"),
    ("Garnelen", ""),
    ("shrimp frozen", "030617"),
    ("katoen", "5201"),
    ("Baumwolle", "5201 00"),
    ("cotton lint", ""),
    ("T-shirts", "6109 10 00"),
    ("kleding", "6204"),
    ("Bekleidung", ""),
    ("garments", "6203 42"),
    ("zonnepanelen", "8541 43 00"),
    ("Solarmodule", ""),
    ("solar modules", "854143"),
    ("polysilicon", "2804 61"),
    ("palmolie geraffineerd", "1511 90"),
    ("refined palm oil", ""),
    ("Palmöl raffiniert", "151190"),
    ("lithium-ion batteries", "8507 60"),
    ("Lithium-Ionen-Akkus", ""),
    ("goud", "7108 12"),
    ("Gold", ""),
    ("tin", "8001"),
    ("tinnen staven", "8001 10"),
    ("hazelnoten", "0802 22"),
    ("Haselnüsse", ""),
    ("rubber gloves", "4015 19"),
    ("rubberen handschoenen", ""),
    ("tomaten", "0702 00 00"),
    ("tomatoes", ""),
    ("bakstenen", "6904 10"),
    ("bricks", ""),
    ("suikerriet", "1701 14"),
    ("sugar cane", ""),
    ("thee", "0902 40"),
    ("tea", ""),
    ("Tee", ""),
    ("tabak", "2401 20"),
    ("tobacco leaf", ""),
    ("vis", "0303"),
    ("fish", ""),
    ("tapijten", "5701"),
    ("carpets", ""),
    ("Teppiche", ""),
    ("elektronica", "8542 31"),
    ("electronics", ""),
    ("speelgoed", "9503 00"),
    ("toys", ""),
    ("schoenen", "6403"),
    ("footwear", ""),
    ("Schuhe", ""),
    ("rijst", "1006 30"),
    ("rice", ""),
    ("cashewnoten", "0801 32"),
    ("cashews", ""),
    ("vanille", "0905"),
    ("granite", "6802 23"),
    ("graniet", ""),
    ("leather", "4107"),
    ("leer", ""),
    ("Leder", ""),
    ("verpakkingsmachine", "8422 40"),
    ("office paper", "4802 56"),
    ("Schrauben", "7318 15"),
    ("laptops", "8471 30"),
    ("meubelen", "9403 60"),
    ("furniture", ""),
    ("houtskool", "4402 90"),
    ("charcoal", ""),
    ("sesamzaad", "1207 40"),
    ("vanilla beans", ""),
    ("cobalt ore", "2605 00 00"),
]
COUNTRIES = [
    "Ivoorkust",
    "Côte d'Ivoire",
    "Ivory Coast",
    "Elfenbeinküste",
    "Ghana",
    "Brazilië",
    "Brasilien",
    "Brazil",
    "Ethiopië",
    "Thailand",
    "Oezbekistan",
    "Bangladesh",
    "China",
    "VR China",
    "CN",
    "Indonesië",
    "Indonesia",
    "Peru",
    "Maleisië",
    "Malaysia",
    "India",
    "Indien",
    "Turkije",
    "Türkei",
    "Türkiye",
    "Mexico",
    "Mexiko",
    "Nepal",
    "Duitsland",
    "Deutschland",
    "DE",
    "DR Congo",
    "Congo-Kinshasa",
    "Vietnam",
    "Viet Nam",
    "Burma",
    "Myanmar",
    "Colombia",
    "Kenia",
    "Kenya",
    "Pakistan",
    "Nederland",
    "Niederlande",
    "NL",
    "Belgium",
    "België",
    "Frankrijk",
    "Frankreich",
    "Spanje",
    "Italië",
    "USA",
    "Verenigde Staten",
    "Zuid-Afrika",
    "Egypte",
    "Philippines",
    "Filipijnen",
    "Cambodja",
    "Kambodscha",
    "Sri Lanka",
    "Malawi",
    "Paraguay",
    "Bolivia",
]
HEADERS_NL = [
    "Leveranciersnummer",
    "Naam leverancier",
    "Land van herkomst",
    "Artikelomschrijving",
    "GN-code",
    "Inkoopwaarde (EUR)",
    "Schakel",
]
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def misspell(rng: random.Random, text: str) -> str:
    if len(text) < 5:
        return text
    i = rng.randrange(1, len(text) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return text[:i] + text[i + 1 :]
    if kind == 1:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text[:i] + rng.choice(LETTERS) + text[i:]


def generate(path: Path, rows: int, seed: int = 2022) -> Path:
    """Write a `;`-separated cp1252 supplier list with Dutch headers (the common ERP export)."""
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="cp1252", errors="replace", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADERS_NL)
        for n in range(rows):
            product, hs = rng.choice(PRODUCTS)
            if rng.random() < 0.10:
                product = misspell(rng, product)
            if rng.random() < 0.5:
                hs = ""
            country = rng.choice(COUNTRIES)
            if rng.random() < 0.02:
                country = misspell(rng, country)
            spend = f"{rng.randrange(100, 5_000_000):,}".replace(",", ".") + f",{rng.randrange(100):02d}"
            writer.writerow(
                [
                    f"L-{n:07d}",
                    f"Supplier {rng.randrange(rows // 3 + 1):06d} B.V.",
                    country,
                    product,
                    hs,
                    spend,
                    str(rng.choice((1, 1, 2, 3))),
                ]
            )
    return path
