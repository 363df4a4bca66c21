"""What the supplier-list reader says, as codes with data, read in English or Dutch from one place.

The command line keeps the English ``message`` with its ``--map`` hints; a screen renders the code
with :func:`imvo.core.tabular.messages.problem_text`, in the reader's language and without a flag.
"""

from __future__ import annotations

from dataclasses import asdict

import pytest

from imvo.core.suppliers import InputError, open_supplier_file
from imvo.core.tabular.messages import MESSAGES, problem_text

ENGLISH_ONLY = ("the ", " is not ", " cells ", "supplier rows", "column")


def _shown(problem, language):
    return problem_text(asdict(problem), language)


def test_every_coded_message_has_both_languages_with_the_same_placeholders():
    import string

    for code, texts in MESSAGES.items():
        assert set(texts) == {"en", "nl"}, code
        for part in (0, 1):
            fields = [
                {name for _, name, _, _ in string.Formatter().parse(texts[lang][part]) if name}
                for lang in texts
            ]
            assert fields[0] == fields[1], (code, part)


def test_row_problems_and_warnings_read_in_dutch(tmp_path):
    path = tmp_path / "leveranciers.csv"
    path.write_bytes(
        "Naam leverancier;Land;Product;Inkoopwaarde\n"
        "Coöperatie Zuid;Ghana;cacao;veel\n"
        ";Ghana;cacao;100\n"
        "Handel B.V.;Peru;=goud;200\n".encode("cp1252")
    )
    with open_supplier_file(path) as supplier_file:
        list(supplier_file.records())
        problems = supplier_file.problems + supplier_file.warnings
    by_code = {problem.code: problem for problem in problems}
    assert {"row.not_an_amount", "row.no_supplier", "cells.formula_prefix", "encoding.guessed_cp1252"} <= set(
        by_code
    )
    assert _shown(by_code["row.not_an_amount"], "nl")[0] == "'veel' is geen bedrag"
    assert _shown(by_code["row.not_an_amount"], "en")[0] == by_code["row.not_an_amount"].message
    assert _shown(by_code["row.no_supplier"], "nl") == (
        "geen naam van een leverancier, maar de rij bevat wel andere gegevens",
        "elke rij noemt de leverancier; verwijder totaal- en notitierijen",
    )
    assert _shown(by_code["encoding.guessed_cp1252"], "nl")[0].startswith("het bestand is geen UTF-8")
    assert _shown(by_code["cells.formula_prefix"], "nl")[0].startswith("1 cel(len) beginnen met =")
    for problem in problems:
        message, accepted = _shown(problem, "nl")
        assert not any(word in f"{message} {accepted}" for word in ENGLISH_ONLY), problem.code


def test_header_problems_name_no_command_line_flag_on_a_screen(tmp_path):
    path = tmp_path / "lijst.csv"
    path.write_text("Naam leverancier;Omschrijving\nCoöperatie Zuid;cacao\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        open_supplier_file(path)
    (problem,) = [p for p in raised.value.problems if p.code == "columns.missing"]
    assert "--map" in problem.accepted  # the command line's own hint stays
    for language in ("en", "nl"):
        message, accepted = _shown(problem, language)
        assert "--map" not in message + accepted
    assert _shown(problem, "nl")[0].startswith("geen kolom voor land; de gevonden kolomkoppen zijn")


def test_a_problem_without_a_code_reads_as_recorded():
    stored = {"message": "something new", "accepted": "x", "code": "", "params": {}}
    assert problem_text(stored, "nl") == ("something new", "x")
    assert problem_text({**stored, "code": "row.not_an_amount", "params": {}}, "nl") == ("something new", "x")


def test_two_columns_for_one_field_are_named_in_the_readers_language(tmp_path):
    path = tmp_path / "lijst.csv"
    path.write_text(
        "Naam leverancier;Land;Land van herkomst;Product\nZuid;Ghana;Ghana;cacao\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as raised:
        open_supplier_file(path)
    (problem,) = [p for p in raised.value.problems if p.code == "columns.ambiguous"]
    assert (
        _shown(problem, "nl")[0]
        == "2 kolommen betekenen land: 'Land' (kolom 2) en 'Land van herkomst' (kolom 3)"
    )
    assert _shown(problem, "en")[0] == problem.message
    assert "--map" not in _shown(problem, "en")[1]
