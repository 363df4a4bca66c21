"""``imvo legal load values.csv``: a file is checked whole, its rows wait for a second administrator."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from imvo.cli import main
from imvo.core.obligations import load_ruleset
from imvo.web.obligations import legal_queries
from imvo.web.obligations.models import LegalValueBatch, LegalValueChange, LegalValueEvent
from tests.web.obligations.test_legal_values import admin

pytestmark = pytest.mark.django_db

HEADER = "rule_id,name,value,valid_from,valid_until,act,article,oj_reference,url,note,override_verified\n"
DR = 'Delegated Regulation (EU) 2020/1588,Annex,"OJ L 360, 30.10.2020",https://eur-lex.europa.eu/eli/reg_del/2020/1588/oj'
GOOD = (
    HEADER
    + f"eu-cmr,annex_i.A3,22 000,,,{DR},,\n"
    + f"eu-cmr,annex_i.B5,1000,,,{DR},,\n"
    + "eu-cmr,annex_i.A1,5000,,,Regulation (EU) 2017/821,Annex I,OJ L 130,https://eur-lex.europa.eu/x,,yes\n"
)


@pytest.fixture
def ann(db):
    return admin("ann")


@pytest.fixture
def ben(db):
    return admin("ben")


def write(tmp_path, text: str):
    path = tmp_path / "values.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_loading_stores_proposals_and_a_second_administrator_approves_the_file(tmp_path, ann, ben, capsys):
    shipped = load_ruleset().version
    assert main(["legal", "load", str(write(tmp_path, GOOD)), "--by", "ann@example.org"]) == 0
    out = capsys.readouterr().out
    batch = LegalValueBatch.objects.get()
    assert f"file {batch.pk}: 2 value(s) proposed, 1 already in effect" in out
    assert (batch.rows, batch.unchanged, batch.loaded_by) == (3, 1, ann)  # A1 = 5 000 kg is shipped
    assert set(LegalValueChange.objects.values_list("name", "state")) == {
        ("annex_i.A3", "pending"),
        ("annex_i.B5", "pending"),
    }
    assert legal_queries.effective_ruleset().version == shipped  # nothing in effect yet
    # The administrator who loaded the file cannot approve it.
    assert main(["legal", "approve", "--batch", str(batch.pk), "--by", "ann@example.org"]) == 1
    assert "second administrator must approve" in capsys.readouterr().err
    assert main(["legal", "approve", "--batch", str(batch.pk), "--by", "ben@example.org"]) == 0
    assert set(LegalValueChange.objects.values_list("state", flat=True)) == {"approved"}
    ruleset = legal_queries.effective_ruleset()
    assert ruleset.version != shipped
    assert {v.name: v.value for v in ruleset.operator_values} == {"annex_i.A3": 22000, "annex_i.B5": 1000}
    actions = list(LegalValueEvent.objects.order_by("id").values_list("action", flat=True))
    assert actions == [
        "load_legal_values",
        "propose_legal_value",
        "propose_legal_value",
        "approve_legal_value",
        "approve_legal_value",
    ]


def test_a_file_with_any_problem_stores_nothing_and_lists_every_row(tmp_path, ann, capsys):
    bad = GOOD + "eu-cmr,annex_i.A4,lots,,,A,B,C,https://x.eu,,\neu-nope,x,1,,,A,B,C,https://x.eu,,\n"
    assert main(["legal", "load", str(write(tmp_path, bad)), "--by", "ann@example.org"]) == 1
    err = capsys.readouterr().err
    assert "values.csv, line 5, column 'value'" in err
    assert "values.csv, line 6, column 'rule_id'" in err
    assert "2 problem(s); nothing was stored" in err
    assert not LegalValueBatch.objects.exists()
    assert not LegalValueChange.objects.exists()
    assert not LegalValueEvent.objects.exists()


def test_a_row_whose_value_already_waits_refuses_the_whole_file(tmp_path, ann):
    call_command("legal", "load", str(write(tmp_path, GOOD)), "--by", "ann@example.org")
    with pytest.raises(CommandError, match="nothing was stored"):
        call_command("legal", "load", str(write(tmp_path, GOOD)), "--by", "ann@example.org")
    assert LegalValueBatch.objects.count() == 1


def test_only_an_installation_administrator_may_load(tmp_path, alice, capsys):
    assert main(["legal", "load", str(write(tmp_path, GOOD)), "--by", "alice@example.org"]) == 1
    assert "not an administrator of this installation" in capsys.readouterr().err
    assert not LegalValueBatch.objects.exists()


def test_check_reads_the_file_without_storing_anything(tmp_path, capsys):
    assert main(["legal", "check", str(write(tmp_path, GOOD))]) == 0
    assert "3 value(s), no problems" in capsys.readouterr().out
    assert not LegalValueBatch.objects.exists()


def test_the_file_page_lets_a_second_administrator_approve_all(tmp_path, ann, ben, client_for):
    from django.urls import reverse

    call_command("legal", "load", str(write(tmp_path, GOOD)), "--by", "ann@example.org")
    batch = LegalValueBatch.objects.get()
    page = reverse("obligations:legal_value_batch", args=[batch.pk])
    assert "another administrator must approve" in client_for(ann).get(page).content.decode()
    assert (
        client_for(ben).post(reverse("obligations:legal_value_batch_approve", args=[batch.pk])).status_code
        == 302
    )
    assert set(LegalValueChange.objects.values_list("state", flat=True)) == {"approved"}


def test_reloading_values_already_in_effect_changes_nothing_and_leaves_nothing_to_approve(
    tmp_path, ann, ben, capsys
):
    path = write(tmp_path, GOOD)
    assert main(["legal", "load", str(path), "--by", "ann@example.org"]) == 0
    batch = str(LegalValueBatch.objects.get().pk)
    assert main(["legal", "approve", "--batch", batch, "--by", "ben@example.org"]) == 0
    events = LegalValueEvent.objects.count()
    capsys.readouterr()
    # Every row now gives the value in effect (A3 and B5 approved, A1 shipped as verified).
    assert main(["legal", "load", str(path), "--by", "ann@example.org"]) == 0
    out = capsys.readouterr().out
    assert "values.csv: nothing changed: all 3 value(s) are already in effect" in out
    assert "Nothing was stored and nothing waits for approval." in out
    assert "approve --batch" not in out
    assert LegalValueBatch.objects.count() == 1
    assert not LegalValueChange.objects.filter(state="pending").exists()
    assert LegalValueEvent.objects.count() == events
