"""Demo data for "Voorbeeld Import B.V.": legal facts, a few import records, a tender, one evaluation.

Called by the platform's ``seed_demo`` (after the register is seeded, so register facts are there).
Running it twice changes nothing the second time.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from imvo.core.obligations import parse_imports
from imvo.web.obligations import actions, queries
from imvo.web.obligations.models import ObligationSnapshot
from imvo.web.organisations.models import Organisation

DEMO_FACTS = {
    "country": "NL",
    "employees": 320,
    "employees_in_germany": 0,
    "temp_workers_in_germany_over_six_months": 0,
    "has_german_branch": False,
    "net_turnover_worldwide_eur": 85_000_000,
    "net_turnover_eu_eur": 61_000_000,
    "balance_sheet_total_eur": 42_000_000,
    "sectors": ["metals", "electronics"],
    "sells_to_dutch_end_users": True,
    "applies_for_government_support": True,
    "financial_year_end": "12-31",
    "child_labour_reasonable_suspicion": False,
}

# Tin ore at and below the 5 000 kg threshold of Annex I line A1 (verified); refined gold below the 100 kg
# the EPMF reports for line B8 and tin articles above the 2 100 kg SIG Assured reports for line B12
# (provisional: "probably"); tantalum ore on line A3, whose threshold nobody reported (cannot decide).
DEMO_IMPORTS_CSV = """year,cn_code,quantity_kg,country_of_origin,taric_subdivision,gold_concentration_percent
2024,2609 00 00,3000,CD,,
2024,2609.00.00,2000,RW,,
2025,26090000,4999,BO,,
2025,7108 12 00,40,PE,,99.9
2025,8007 00 80,2500,MY,,
2025,2615 90 00,300,RW,10,
"""

DEMO_IMPORTS_FILE = "invoer-mineralen-2024-2025.csv"


def seed_obligations(organisation: Organisation) -> None:
    if queries.profile_of(organisation) is None:
        actions.update_profile(None, organisation, DEMO_FACTS)
    if queries.latest_import_upload(organisation) is None:
        records = parse_imports(DEMO_IMPORTS_CSV, DEMO_IMPORTS_FILE)
        actions.upload_imports(None, organisation, DEMO_IMPORTS_FILE, records)
    if not queries.tenders(organisation).exists():
        actions.add_tender(
            None,
            organisation,
            {
                "name": "Bedrijfskleding Rijk 2026",
                "category": "Bedrijfskleding",
                "estimated_value_eur": 450_000,
                "contracting_authority": "central_government",
                "tender_date": dt.date(2026, 3, 1),
            },
        )
    if not ObligationSnapshot.objects.filter(organisation=organisation).exists():
        actions.record_snapshot(None, organisation, timezone.localdate())
