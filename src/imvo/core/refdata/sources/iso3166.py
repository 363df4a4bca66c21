"""ISO 3166-1 codes and names (en/nl/de/fr/es) from pycountry and CLDR, ILAB's names, and our aliases.

Output ``iso3166_names.json``:

* ``countries``: one entry per code (alpha-2, alpha-3, numeric, display name per language);
* ``names``: every spelling we recognise as ``[name, alpha2, origin]``: the iso-codes project's
  short, common and official names and their translations (pycountry), the Unicode CLDR territory
  names (Babel), ILAB's names and the project's aliases; the run-time normaliser
  (:mod:`imvo.core.countries`) folds case, accents and punctuation itself and reads inverted
  ("Korea, Republik") and bracketed ("Myanmar (Birma)") forms;
* ``ambiguous``: spellings that must never resolve (``[name, why]``).

pycountry (the iso-codes project's data plus its gettext catalogues) and Babel (CLDR) are needed
here only, never at run time.
"""

from __future__ import annotations

import csv
import gettext
import hashlib
import importlib.metadata
from pathlib import Path
from typing import Any

from imvo.core.refdata.sources import BuildError, BuiltDataset, json_tables_bytes, raw_file_entry

CROSSWALK = "ilab/country-names-iso3166.csv"
ALIASES = Path(__file__).resolve().parent.parent / "country_aliases.csv"
LANGUAGES = ("en", "nl", "de", "fr", "es")
OUTPUT = "iso3166_names.json"

# Kosovo is not in ISO 3166-1; XK / XKX are the user-assigned codes used by the European Commission
# and ILAB's crosswalk. It has no numeric code.
KOSOVO = {"alpha2": "XK", "alpha3": "XKX", "numeric": "", "names": dict.fromkeys(LANGUAGES, "Kosovo")}


def read_ilab_crosswalk(source_dir: Path) -> dict[str, str]:
    """ILAB country name (trimmed, as published) → alpha-2."""
    path = source_dir / CROSSWALK
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    crosswalk = {row["ilab_name"].strip(): row["alpha2"].strip().upper() for row in rows}
    if len(crosswalk) != 143 or any(len(code) != 2 for code in crosswalk.values()):
        raise BuildError(f"{CROSSWALK}: expected 143 names with alpha-2 codes")
    return crosswalk


def read_aliases() -> tuple[list[list[str]], list[list[str]]]:
    """The project-authored alias list: (resolving aliases, ambiguous spellings)."""
    with ALIASES.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if not row["alias"].startswith("#")]
    aliases = [
        [row["alias"].strip(), row["alpha2"].strip().upper(), "alias"]
        for row in rows
        if row["alpha2"].strip()
    ]
    ambiguous = [[row["alias"].strip(), row["why"].strip()] for row in rows if not row["alpha2"].strip()]
    return aliases, ambiguous


def _pycountry_tables() -> tuple[list[dict[str, Any]], list[list[str]], list[dict[str, str]], str]:
    import pycountry

    version = importlib.metadata.version("pycountry")
    translations = {
        language: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        for language in LANGUAGES
        if language != "en"
    }
    countries: list[dict[str, Any]] = []
    names: list[list[str]] = []
    for country in pycountry.countries:
        alpha2 = str(country.alpha_2)
        english = {
            "name": str(country.name),
            "common": str(getattr(country, "common_name", "") or ""),
            "official": str(getattr(country, "official_name", "") or ""),
        }
        display = {"en": english["common"] or english["name"]}
        for kind, text in english.items():
            if text:
                names.append([text, alpha2, f"iso-en-{kind}"])
        for language, catalogue in translations.items():
            translated = {kind: catalogue.gettext(text) for kind, text in english.items() if text}
            for kind, text in translated.items():
                names.append([text, alpha2, f"iso-{language}-{kind}"])
            display[language] = translated.get("common") or translated["name"]
        countries.append(
            {
                "alpha2": alpha2,
                "alpha3": str(country.alpha_3),
                "numeric": str(country.numeric),
                "names": display,
            }
        )
    package_root = Path(pycountry.__file__).resolve().parent
    raw = [
        {
            "path": f"pycountry-{version}/{relative}",
            "sha256": hashlib.sha256((package_root / relative).read_bytes()).hexdigest(),
        }
        for relative in [
            "databases/iso3166-1.json",
            *(f"locales/{language}/LC_MESSAGES/iso3166-1.mo" for language in translations),
        ]
    ]
    return countries, names, raw, version


def _cldr_tables(codes: set[str]) -> tuple[list[list[str]], list[dict[str, str]], str]:
    """CLDR territory names per language (Babel's copy of CLDR) for the codes we know."""
    import babel
    from babel import Locale

    version = importlib.metadata.version("babel")
    names = [
        [str(name), code, f"cldr-{language}"]
        for language in LANGUAGES
        for code, name in Locale.parse(language).territories.items()
        if code in codes
    ]
    data_dir = Path(babel.__file__).resolve().parent / "locale-data"
    raw = [
        {
            "path": f"babel-{version}/locale-data/{language}.dat",
            "sha256": hashlib.sha256((data_dir / f"{language}.dat").read_bytes()).hexdigest(),
        }
        for language in LANGUAGES
    ]
    return names, raw, version


def build(source_dir: Path) -> BuiltDataset:
    countries, names, pycountry_files, version = _pycountry_tables()
    countries.append(KOSOVO)
    names.extend([["Kosovo", "XK", "manual"]])
    cldr_names, cldr_files, babel_version = _cldr_tables({str(country["alpha2"]) for country in countries})
    names.extend(cldr_names)
    crosswalk = read_ilab_crosswalk(source_dir)
    names.extend([ilab_name, alpha2, "ilab"] for ilab_name, alpha2 in crosswalk.items())
    aliases, ambiguous = read_aliases()
    names.extend(aliases)
    known = {country["alpha2"] for country in countries}
    unknown = sorted({alpha2 for _, alpha2, _ in names if alpha2 not in known})
    if unknown:
        raise BuildError(f"names refer to unknown codes: {unknown}")
    unique_names = sorted({tuple(entry) for entry in names})
    document: dict[str, list[Any]] = {
        "countries": sorted(countries, key=lambda country: str(country["alpha2"])),
        "names": [list(entry) for entry in unique_names],
        "ambiguous": sorted(ambiguous),
    }
    metadata = {
        "id": "iso3166-names",
        "title": "ISO 3166-1 country codes and names (en, nl, de, fr, es) from iso-codes and CLDR, with ILAB "
        "names and project aliases",
        "edition": f"ISO 3166-1 as in pycountry {version} (iso-codes project data and translations); "
        f"CLDR territory names as in Babel {babel_version}",
        "publisher": "iso-codes project (Debian) via pycountry; Unicode CLDR via Babel; ILAB crosswalk and "
        "aliases: imvo project",
        "source_urls": [
            "https://salsa.debian.org/iso-codes-team/iso-codes",
            "https://github.com/pycountry/pycountry",
            "https://cldr.unicode.org/",
            "https://github.com/python-babel/babel",
        ],
        "licence": "iso-codes and pycountry: LGPL-2.1 (names and codes are facts); CLDR data: Unicode "
        "License v3 (reuse permitted with the copyright notice); crosswalk and aliases: project-authored "
        "(EUPL-1.2)",
        "raw_files": [
            raw_file_entry(source_dir, CROSSWALK),
            *pycountry_files,
            *cldr_files,
            {
                "path": "imvo/core/refdata/country_aliases.csv",
                "sha256": hashlib.sha256(ALIASES.read_bytes()).hexdigest(),
            },
        ],
        "record_counts": {
            "codes": len(countries),
            "names": len(unique_names),
            "aliases": len(aliases),
            "ambiguous": len(ambiguous),
        },
    }
    return BuiltDataset(metadata=metadata, files={OUTPUT: json_tables_bytes(document)})
