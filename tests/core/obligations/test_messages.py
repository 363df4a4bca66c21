"""The problems of the legal values file, the legal-value form and the import records, in Dutch too."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from imvo.core.obligations import FactsError, LegalValuesError, check_row, load_ruleset, read_legal_values
from imvo.core.obligations.facts import load_imports
from imvo.core.obligations.messages import MESSAGES, problem_text

BAD_VALUES = (
    "rule_id,name,value,valid_from,valid_until,act,article,oj_reference,url\n"
    "eu-nope,x,1,,,A,B,C,https://x.eu\n"  # 2: no such rule
    "eu-cmr,annex_i.Z9,1,,,A,B,C,https://x.eu\n"  # 3: no such value
    "eu-cmr,annex_i.A3,lots,,,A,B,C,https://x.eu\n"  # 4: not a number
    "eu-cmr,annex_i.A4,10,,,,,,www.x.eu\n"  # 5: citation incomplete, not an address
    "eu-cmr,annex_i.A1,6000,,,A,B,C,https://x.eu\n"  # 6: overrides a verified value, not said so
    "nl-isv,central_government_supplies_services_threshold_eur,1,2025-06-01,2026-06-30,A,B,C,https://x.eu\n"
    "eu-csddd,application_date,2029-07-26,2029-01-01,,A,B,C,https://x.eu\n"  # 8: undated value
    "eu-csddd,application_date,someday,,,A,B,C,https://x.eu\n"  # 9: not a date
    "nl-isv,central_government_supplies_services_threshold_eur,1,2027-01-01,2026-01-01,A,B,C,https://x.eu\n"
    "eu-cmr,annex_i.A4,12,,,A,B,C,https://x.eu\n"  # 11: fine
    "eu-cmr,annex_i.A4,12,,,A,B,C,https://x.eu\n"  # 12: the same value twice
)

BAD_IMPORTS = (
    "year,cn_code,quantity_kg,country_of_origin,taric_subdivision,gold_concentration_percent\n"
    "20x4,abc,lots,Congo,1,150\n"
)

#: English words a Dutch message of these checks must not contain (the data it quotes aside).
ENGLISH = re.compile(r"\b(is not|value|required|period|before|shipped|longer|holds|same|line)\b")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_code_reads_in_english_and_dutch_with_the_same_placeholders():
    for code, languages in MESSAGES.items():
        assert set(languages) == {"en", "nl"}, code
        for part in (0, 1):
            english, dutch = languages["en"][part], languages["nl"][part]
            assert _placeholders(english) == _placeholders(dutch), code
            assert bool(english) == bool(dutch), code


def _legal_problems(tmp_path: Path) -> list:
    with pytest.raises(LegalValuesError) as caught:
        read_legal_values(_write(tmp_path, "values.csv", BAD_VALUES), load_ruleset())
    return caught.value.problems


def test_every_problem_of_a_legal_values_file_is_coded_and_reads_in_dutch(tmp_path):
    problems = _legal_problems(tmp_path)
    assert len(problems) >= 12
    for problem in problems:
        assert problem.code in MESSAGES, problem
        # The command line's English is the code's English text.
        assert problem_text(problem, "en") == (problem.message, problem.accepted or "")
        dutch, accepted = problem_text(problem, "nl")
        assert dutch != problem.message, problem
        quoted = "|".join(re.escape(str(value)) for value in problem.params.values() if value)
        assert not ENGLISH.search(re.sub(quoted, "", dutch) if quoted else dutch), dutch
    by_line = {(p.line, p.column): problem_text(p, "nl") for p in problems}
    assert by_line[(4, "value")] == ("'lots' is geen geheel getal boven 0", "5000")
    assert by_line[(5, "act")] == (
        "is verplicht: vermeld waar de waarde gelezen is",
        "Gedelegeerde Verordening (EU) 2020/1588 van de Commissie",
    )
    assert by_line[(5, "url")][0] == "'www.x.eu' is geen webadres"
    assert by_line[(6, "override_verified")][0].startswith(
        "vervangt de waarde die imvo als geverifieerd meelevert (5000; "
    )
    assert "zet override_verified op ja" in by_line[(6, "override_verified")][0]
    assert by_line[(7, "valid_from")][0].startswith("overlapt de periode 2024-01-01 – 2025-12-31")
    assert by_line[(9, "value")][0] == "geen datum: 'someday'"
    assert by_line[(10, "valid_until")][0] == "ligt vóór valid_from"
    assert by_line[(12, "name")][0] == "dezelfde waarde en periode als regel 11"


def test_a_file_without_the_columns_or_values_says_so_in_dutch(tmp_path):
    with pytest.raises(LegalValuesError) as caught:
        read_legal_values(
            _write(tmp_path, "values.csv", "rule_id,name,value\neu-cmr,annex_i.A3,5\n"), load_ruleset()
        )
    (missing,) = caught.value.problems
    assert problem_text(missing, "nl")[0].startswith("ontbrekende kolom(men): valid_from, valid_until, act")
    header = "rule_id,name,value,valid_from,valid_until,act,article,oj_reference,url\n"
    with pytest.raises(LegalValuesError) as caught:
        read_legal_values(_write(tmp_path, "empty.csv", header), load_ruleset())
    assert [problem_text(p, "nl")[0] for p in caught.value.problems] == ["het bestand bevat geen waarden"]


def test_a_form_names_a_column_by_its_label():
    fields = {
        "rule_id": "nl-isv",
        "name": "central_government_supplies_services_threshold_eur",
        "value": "140000",
        "valid_from": "2027-01-01",
        "valid_until": "2026-01-01",
        "act": "A",
        "article": "B",
        "oj_reference": "C",
        "url": "https://x.eu",
    }
    _row, problems = check_row(load_ruleset(), fields)
    (reversed_period,) = problems
    assert reversed_period.message == "is before valid_from"  # the command line's text is unchanged
    assert problem_text(reversed_period, "nl", {"valid_from": "“Geldig vanaf”"}) == (
        "ligt vóór “Geldig vanaf”",
        "",
    )


def test_every_problem_of_an_import_file_is_coded_and_reads_in_dutch(tmp_path):
    with pytest.raises(FactsError) as caught:
        load_imports(_write(tmp_path, "imports.csv", BAD_IMPORTS))
    texts = {p.column: problem_text(p, "nl")[0] for p in caught.value.problems}
    assert texts == {
        "year": "'20x4' is geen kalenderjaar",
        "cn_code": "'abc' is geen GN-code (2 tot 10 cijfers, in paren)",
        "quantity_kg": "'lots' is geen massa ≥ 0 in kg",
        "country_of_origin": "'Congo' is geen ISO-landcode",
        "taric_subdivision": "'1' is geen getal van twee cijfers",
        "gold_concentration_percent": "'150' ligt niet tussen 0 en 100",
    }
    assert {p.column: p.message for p in caught.value.problems}["year"] == "'20x4' is not a calendar year"
    with pytest.raises(FactsError) as caught:
        load_imports(_write(tmp_path, "short.csv", "year,cn_code\n2025,2609\n"))
    assert problem_text(caught.value.problems[0], "nl")[0] == (
        "ontbrekende kolom(men): quantity_kg, country_of_origin"
    )


def test_a_problem_of_the_table_reader_or_without_a_code_keeps_its_own_text():
    reader = {
        "code": "file.no_rows",
        "params": {},
        "message": "the file has a header row but no supplier rows",
    }
    assert problem_text(reader, "nl")[0] == "het bestand heeft een kopregel maar geen rijen met leveranciers"
    uncoded = {"message": "something else", "accepted": "x"}
    assert problem_text(uncoded, "nl") == ("something else", "x")
