"""``imvo obligations --installation``: the command line applies the values the web applies, and says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from imvo.cli import main
from imvo.core.obligations import load_ruleset
from imvo.web.obligations import legal_queries
from imvo.web.obligations.models import LegalValueBatch
from tests.web.obligations.test_legal_values import admin

pytestmark = pytest.mark.django_db

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "obligations"
VALUES = (
    "rule_id,name,value,valid_from,valid_until,act,article,oj_reference,url\n"
    "eu-cmr,annex_i.A3,1000,,,Commission Delegated Regulation (EU) 2020/1588,Annex,"
    '"OJ L 360, 30.10.2020",https://eur-lex.europa.eu/eli/reg_del/2020/1588/oj\n'
)
# 1 500 kg of tantalum ore (Annex I line A3, whose threshold imvo ships as unknown) in 2025.
TANTALUM = "year,cn_code,quantity_kg,country_of_origin,taric_subdivision\n2025,2615 90 00,1500,CD,10\n"


def _run(tmp_path: Path, capsys, *extra: str) -> tuple[int, str, str, dict]:
    imports = tmp_path / "imports.csv"
    imports.write_text(TANTALUM, encoding="utf-8")
    out = tmp_path / "result.json"
    code = main(
        [
            "obligations",
            "--profile",
            str(EXAMPLES / "company.toml"),
            "--imports",
            str(imports),
            "--as-of",
            "2026-11-25",
            "--out",
            str(out),
            *extra,
        ]
    )
    captured = capsys.readouterr()
    result = json.loads(out.read_text(encoding="utf-8")) if code == 0 else {}
    return code, captured.out, captured.err, result


def _a3_2025(result: dict) -> str:
    cmr = next(o for o in result["outcomes"] if o["rule_id"] == "eu-cmr")
    return next(
        r["status"] for r in cmr["details"]["line_years"] if (r["year"], r["line_id"]) == (2025, "A3")
    )


def _approve_a3(tmp_path: Path) -> None:
    admin("ann")
    admin("ben")
    path = tmp_path / "values.csv"
    path.write_text(VALUES, encoding="utf-8")
    assert main(["legal", "load", str(path), "--by", "ann@example.org"]) == 0
    batch = str(LegalValueBatch.objects.get().pk)
    assert main(["legal", "approve", "--batch", batch, "--by", "ben@example.org"]) == 0


def test_the_installation_values_apply_with_installation_and_the_output_says_so(tmp_path, capsys):
    _approve_a3(tmp_path)
    capsys.readouterr()
    code, out, _err, shipped = _run(tmp_path, capsys)
    assert code == 0
    assert out.startswith(f"Rules: as shipped with imvo (rule set {load_ruleset().version}).")
    assert "Legal values set by an installation's administrators are not applied; --installation" in out
    assert shipped["ruleset_version"] == load_ruleset().version
    assert _a3_2025(shipped) == "cannot_decide"  # no threshold known for line A3

    code, out, _err, installed = _run(tmp_path, capsys, "--installation")
    assert code == 0
    effective = legal_queries.effective_ruleset()
    assert out.startswith(
        "Rules: as shipped with imvo, with the 1 legal value(s) approved by this installation's "
        f"administrators (rule set {effective.version})."
    )
    assert installed["ruleset_version"] == effective.version != load_ruleset().version
    assert _a3_2025(installed) == "applies"  # 1 500 kg above the approved 1 000 kg
    assert "OJ L 360, 30.10.2020" in out  # the value's citation, as on the web pages


def test_without_approved_values_the_installation_run_says_none_apply(tmp_path, capsys):
    code, out, _err, result = _run(tmp_path, capsys, "--installation", "--language", "nl")
    assert code == 0
    assert out.startswith(
        f"Regels: zoals imvo ze meelevert (regelset {load_ruleset().version}); de beheerders van deze "
        "installatie hebben geen juridische waarden goedgekeurd."
    )
    assert result["ruleset_version"] == load_ruleset().version


def test_the_platform_command_writes_the_approved_values_for_the_command_line(tmp_path, capsys):
    _approve_a3(tmp_path)
    capsys.readouterr()
    from django.core.management import call_command

    call_command("legal", "values")
    document = json.loads(capsys.readouterr().out)
    assert document["format"] == "imvo.legal-values/1"
    (value,) = document["values"]
    assert (value["rule_id"], value["name"], value["value"]) == ("eu-cmr", "annex_i.A3", 1000)
    assert value["citation"]["oj_reference"] == "OJ L 360, 30.10.2020"
    assert (value["entered_by"], value["approved_by"]) == ("ann@example.org", "ben@example.org")
