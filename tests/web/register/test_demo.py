from __future__ import annotations

from typing import Any

from imvo.web.register import maturity
from imvo.web.register.demo import seed_register
from imvo.web.register.models import Measure, Policy, Risk, ScanStatus, Supplier


def test_demo_register_is_filled_by_a_real_scan_and_is_idempotent(acme: Any, alice: Any) -> None:
    scan = seed_register(acme)
    assert scan is not None
    assert scan.status == ScanStatus.DONE, scan.error
    assert Supplier.objects.filter(scan=scan).count() == 45
    assert Risk.objects.filter(organisation=acme, source="scan").count() > 10
    assert Measure.objects.filter(organisation=acme).count() == 3
    assert any(step.level > 0 for step in maturity.assess(acme))
    seed_register(acme)
    assert Policy.objects.filter(organisation=acme).count() == 1
    assert Supplier.objects.filter(organisation=acme).count() == 45


def test_the_packaged_demo_list_is_the_example_file() -> None:
    # The package keeps its own copy so that an installed imvo can seed the demo without the repo.
    from pathlib import Path

    from imvo.web.register.demo import DEMO_SUPPLIER_LIST

    example = Path(__file__).resolve().parents[3] / "examples" / "leveranciers.csv"
    assert DEMO_SUPPLIER_LIST.read_bytes() == example.read_bytes()
