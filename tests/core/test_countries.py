"""Country names and codes → ISO 3166-1 alpha-2."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imvo.core.countries import LANGUAGES, country_codes, country_name, normalise_country
from imvo.core.refdata import load, read_package_file

ALIASES = {
    "Burma": "MM",
    "Myanmar": "MM",
    "Ivory Coast": "CI",
    "Ivoorkust": "CI",
    "Elfenbeinküste": "CI",
    "Côte d'Ivoire": "CI",
    "Cote d'Ivoire": "CI",
    "Côte d’Ivoire": "CI",
    "DR Congo": "CD",
    "DRC": "CD",
    "Congo-Kinshasa": "CD",
    "Democratic Republic of the Congo": "CD",
    "Congo, Democratic Republic of the": "CD",
    "Demokratische Republik Kongo": "CD",
    "République démocratique du Congo": "CD",
    "Congo-Brazzaville": "CG",
    "Republic of the Congo": "CG",
    "Türkiye": "TR",
    "Turkey": "TR",
    "Turkije": "TR",
    "Türkei": "TR",
    "Turquie": "TR",
    "Turkey (Türkiye)": "TR",
    "UK": "GB",
    "U.K.": "GB",
    "Great Britain": "GB",
    "England": "GB",
    "United Kingdom": "GB",
    "Verenigd Koninkrijk": "GB",
    "USA": "US",
    "U.S.A.": "US",
    "VS": "US",
    "Verenigde Staten": "US",
    "United States of America": "US",
    "Vereinigte Staaten": "US",
    "Holland": "NL",
    "Nederland": "NL",
    "the Netherlands": "NL",
    "Niederlande": "NL",
    "Pays-Bas": "NL",
    "South Korea": "KR",
    "Zuid-Korea": "KR",
    "Südkorea": "KR",
    "Korea, Republic of": "KR",
    "North Korea": "KP",
    "Vietnam": "VN",
    "Viet Nam": "VN",
    "Russia": "RU",
    "Rusland": "RU",
    "Russian Federation": "RU",
    "Czechia": "CZ",
    "Czech Republic": "CZ",
    "Tsjechië": "CZ",
    "Eswatini": "SZ",
    "Swaziland": "SZ",
    "Kosovo": "XK",
    "The Gambia": "GM",
    "West Bank and the Gaza Strip": "PS",
    "Kyrgyz Republic": "KG",
    "Falkland Islands (Islas Malvinas)": "FK",
    "Saint Helena, Ascension, and Tristan da Cunha": "SH",
    "Macedonia": "MK",
    "Bolivia": "BO",
    "Iran": "IR",
    "Taiwan": "TW",
    "Laos": "LA",
    "Deutschland": "DE",
    "Allemagne": "DE",
    "België": "BE",
    "EL": "GR",
    # issue 12: the forms users write, in any of five languages
    "Kongo, Demokratische Republik": "CD",
    "Myanmar (Birma)": "MM",
    "Myanmar (Birmanie)": "MM",
    "Myanmar (Birmania)": "MM",
    "VR China": "CN",
    "Korea, Republik": "KR",
    "Korea (Republic of)": "KR",
    "Korea (Republik)": "KR",
    "Korea, Demokratische Volksrepublik": "KP",
    "Congo (DRC)": "CD",
    "Congo, The Democratic Republic of the": "CD",
    "Congo, République démocratique du": "CD",
    "Iran, Islamic Republic of": "IR",
    "Tanzania, United Republic of": "TZ",
    "Venezuela, Bolivarian Republic of": "VE",
    "Bolivia (Plurinational State of)": "BO",
    "Costa de Marfil": "CI",
    "Côte d’Ivoire (Ivoorkust)": "CI",
    "República Democrática del Congo": "CD",
    "Corea del Sur": "KR",
    "Países Bajos": "NL",
    "Alemania": "DE",
    "Kongo-Kinshasa": "CD",
    "Congo - Kinshasa": "CD",
    "Congo - Brazzaville": "CG",
    "Nordmazedonien": "MK",
    "Macedonia del Norte": "MK",
}

CODES = {
    "NL": "NL",
    "nl": "NL",
    "NLD": "NL",
    "nld": "NL",
    "528": "NL",
    "4": "AF",
    "004": "AF",
    "XK": "XK",
    "XKX": "XK",
}

NEVER = [
    "Georgia (USA)",  # two countries: never guess
    "Georgia (US)",
    "China (Taiwan)",
    "Korea (North, South)",
    "Congo",
    "Kongo",
    "Korea",
    "America",
    "",
    "   ",
    "N/A",
    "n.v.t.",
    "unknown",
    "-",
    "Atlantis",
    "999",
    "ZZ",
]


@pytest.mark.parametrize(("text", "alpha2"), sorted(ALIASES.items()))
def test_names_and_aliases(text: str, alpha2: str) -> None:
    assert normalise_country(text) == alpha2


@pytest.mark.parametrize(("text", "alpha2"), sorted(CODES.items()))
def test_codes(text: str, alpha2: str) -> None:
    assert normalise_country(text) == alpha2


@pytest.mark.parametrize("text", NEVER)
def test_ambiguous_or_unknown_text_gives_none(text: str) -> None:
    assert normalise_country(text) is None


def test_every_ilab_name_resolves_to_its_code() -> None:
    data = load()
    for listing in data.listings:
        assert normalise_country(listing.ilab_country_name) == listing.alpha2
    for profile in data.profiles:
        assert normalise_country(profile.ilab_name) == profile.alpha2


def test_every_display_name_resolves_back_except_the_congo() -> None:
    countries = json.loads(read_package_file("iso3166_names.json"))["countries"]
    assert len(countries) == 250
    unresolved = {
        (country["alpha2"], language)
        for country in countries
        for language in LANGUAGES
        if normalise_country(country_name(country["alpha2"], language)) != country["alpha2"]
    }
    # ISO's "Congo" (en, nl, es) and "Kongo" (de) are ambiguous on purpose; French says "République du
    # Congo".
    assert unresolved == {("CG", "en"), ("CG", "nl"), ("CG", "de"), ("CG", "es")}


def test_country_names_by_language() -> None:
    assert country_name("CI", "nl") == "Ivoorkust"
    assert country_name("ci") == "Côte d'Ivoire"
    assert country_name("DE", "fr") == "Allemagne"
    assert country_name("XK", "de") == "Kosovo"
    assert country_name("BO") == "Bolivia"
    with pytest.raises(KeyError):
        country_name("ZZ")
    assert country_name("NL", "es") == "Países Bajos"
    with pytest.raises(ValueError, match="unsupported language"):
        country_name("NL", "it")


def test_ten_thousand_distinct_strings_each_get_an_answer() -> None:
    """Every known name resolves however often it is asked among thousands of unknown strings (the
    speed of this is measured in benchmarks/bench_scan.py, not in a timed test)."""
    names = [name for name in ALIASES] + [country_name(code) for code in ("NL", "DE", "FR", "BE", "CN")]
    inputs = [
        f"{names[index % len(names)]} {index}" if index % 3 else names[index % len(names)]
        for index in range(10_000)
    ]
    answers = [normalise_country(text) for text in inputs]
    assert all(answer is not None for text, answer in zip(inputs, answers, strict=True) if text in names)


# --- properties --------------------------------------------------------------------------------

KNOWN_NAMES = st.sampled_from(sorted(ALIASES))


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@given(st.text())
def test_never_raises_and_returns_upper_case_alpha2_or_none(text: str) -> None:
    result = normalise_country(text)
    assert result is None or (len(result) == 2 and result.isupper() and result.isascii())


@given(st.one_of(st.text(), KNOWN_NAMES))
def test_idempotent_on_its_output(text: str) -> None:
    result = normalise_country(text)
    if result is not None:
        assert normalise_country(result) == result


@given(KNOWN_NAMES, st.lists(st.booleans(), min_size=1, max_size=60))
def test_case_invariant(name: str, upper: list[bool]) -> None:
    mixed = "".join(c.upper() if upper[i % len(upper)] else c.lower() for i, c in enumerate(name))
    assert normalise_country(mixed) == normalise_country(name)


@given(KNOWN_NAMES)
def test_accent_invariant(name: str) -> None:
    assert normalise_country(_strip_accents(name)) == normalise_country(name)


@given(KNOWN_NAMES, st.text(alphabet=" \t\n\u00a0", max_size=4), st.text(alphabet=" \t\n\u00a0", max_size=4))
def test_whitespace_invariant(name: str, before: str, after: str) -> None:
    assert normalise_country(before + name.replace(" ", "  ") + after) == normalise_country(name)


@given(KNOWN_NAMES, st.sampled_from([".", ",", "-", "(", ")", "/"]))
def test_punctuation_between_words_is_ignored(name: str, mark: str) -> None:
    assert normalise_country(name.replace(" ", f"{mark} ")) == normalise_country(name)


@pytest.mark.parametrize(
    ("text", "alpha2"),
    [
        ("VR China", "CN"),
        ("P.R. China", "CN"),
        ("Myanmar (Burma)", "MM"),
        ("Brasil", "BR"),
        ("Emiraten", "AE"),
    ],
)
def test_erp_short_forms(text: str, alpha2: str) -> None:
    assert normalise_country(text) == alpha2


def test_country_codes_cover_iso_and_name_every_code() -> None:
    codes = country_codes()
    assert len(codes) >= 249
    assert list(codes) == sorted(codes)
    assert {"NL", "CI", "CD", "XK"} <= set(codes)
    assert all(country_name(code, "nl") for code in codes)


NAMES = json.loads(read_package_file("iso3166_names.json"))


def _ambiguous_keys() -> set[str]:
    from imvo.core.countries import name_key

    codes: dict[str, set[str]] = {}
    for name, alpha2, origin in NAMES["names"]:
        if origin != "alias":
            codes.setdefault(name_key(name), set()).add(alpha2)
    return {key for key, found in codes.items() if len(found) > 1} | {
        name_key(name) for name, _ in NAMES["ambiguous"]
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_country_in_every_language_from_iso_codes_and_cldr(language: str) -> None:
    """Every ISO (iso-codes) and CLDR name of every country in nl, de, en, fr and es resolves to its
    code, but for the spellings that name two countries or are ambiguous on purpose ("Congo")."""
    from imvo.core.countries import name_key

    ambiguous = _ambiguous_keys()
    checked, wrong = 0, []
    for name, alpha2, origin in NAMES["names"]:
        if origin not in (f"cldr-{language}",) and not origin.startswith(f"iso-{language}-"):
            continue
        if name_key(name) in ambiguous:
            continue
        checked += 1
        if normalise_country(name) != alpha2:
            wrong.append((name, alpha2, normalise_country(name)))
    assert wrong == []
    assert checked >= 400  # about 250 countries, ISO and CLDR names


def test_the_only_names_left_open_are_the_congos_and_koreas() -> None:
    from imvo.core.countries import name_key

    open_keys = _ambiguous_keys()
    official = {name_key(n) for n, _a, origin in NAMES["names"] if origin.startswith(("iso-", "cldr-"))}
    assert {key for key in open_keys & official} <= {"congo", "kongo", "korea"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_inverted_forms_of_every_official_name(language: str) -> None:
    """ "Republik Korea" may be written "Korea, Republik": any official name whose tail alone names the
    country can be turned around at the comma."""
    checked = 0
    for name, alpha2, origin in NAMES["names"]:
        if origin != f"iso-{language}-official":
            continue
        words = name.split()
        for cut in range(1, len(words)):
            head, tail = " ".join(words[:cut]), " ".join(words[cut:])
            if normalise_country(tail) == alpha2:
                assert normalise_country(f"{tail}, {head}") == alpha2, (tail, head)
                checked += 1
    assert checked >= 20


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_display_name_with_a_bracketed_code_still_resolves(language: str) -> None:
    for code in country_codes():
        name = country_name(code, language)
        if normalise_country(name) == code:
            assert normalise_country(f"{name} ({code})") == code
