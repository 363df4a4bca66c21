"""Give the suppliers and scan risks of earlier versions their stable identity.

Earlier versions wrote one supplier row per scan and, on a re-scan, a second copy of each risk. Here
each organisation's copies of one supplier (same normalised name and country) become one supplier
(the latest copy; risks and grievance cases point at it), and copies of one risk become one risk:
the copy holding the most work stays, and the others' judgements, measures, remediation records,
engagements and grievance links move onto it before the empty copies go. Nothing recorded is lost.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import migrations

from imvo.core.register.identity import risk_key, supplier_name_key

WORK = ("severityjudgement", "measure", "remediationrecord", "stakeholderengagement")


def fill(apps: Any, schema_editor: Any) -> None:
    Supplier = apps.get_model("register", "Supplier")
    Risk = apps.get_model("register", "Risk")
    Scan = apps.get_model("register", "Scan")
    GrievanceCase = apps.get_model("grievances", "GrievanceCase")
    work_models = [apps.get_model("register", name) for name in WORK]

    for organisation_id in Supplier.objects.values_list("organisation_id", flat=True).distinct():
        latest = (
            Scan.objects.filter(organisation_id=organisation_id, status="done")
            .order_by("-finished_at", "-id")
            .values_list("id", flat=True)
            .first()
        )
        groups: dict[str, list[Any]] = defaultdict(list)
        for supplier in Supplier.objects.filter(organisation_id=organisation_id).order_by("id"):
            groups[supplier_name_key(supplier.name, supplier.country)].append(supplier)
        for key, copies in groups.items():
            keep = max(copies, key=lambda s: (s.scan_id or 0, s.id))
            others = [s.id for s in copies if s.id != keep.id]
            Risk.objects.filter(supplier_id__in=others).update(supplier_id=keep.id)
            GrievanceCase.objects.filter(supplier_id__in=others).update(supplier_id=keep.id)
            Supplier.objects.filter(id__in=others).delete()
            keep.key = keep.name_key = key
            keep.first_scan_id = min((s.scan_id for s in copies if s.scan_id), default=None)
            keep.removed_scan_id = latest if latest and keep.scan_id != latest else None
            keep.save(update_fields=["key", "name_key", "first_scan", "removed_scan"])

    risk_groups: dict[tuple[int, str], list[Any]] = defaultdict(list)
    for risk in Risk.objects.filter(source="scan", supplier__isnull=False).order_by("id"):
        key = risk_key(str(risk.supplier_id), risk.good, risk.country, risk.theme)
        risk_groups[(risk.organisation_id, key)].append(risk)
    for (_, key), copies in risk_groups.items():

        def work_on(risk: Any) -> int:
            return sum(model.objects.filter(risk_id=risk.id).count() for model in work_models)

        keep = max(copies, key=lambda r: (work_on(r), -r.id))
        others = [r.id for r in copies if r.id != keep.id]
        for model in work_models:
            model.objects.filter(risk_id__in=others).update(risk_id=keep.id)
        GrievanceCase.objects.filter(risk_id__in=others).update(risk_id=keep.id)
        Risk.objects.filter(id__in=others).delete()
        keep.key = key
        keep.last_scan_id = max(r.scan_id or 0 for r in copies) or None
        keep.save(update_fields=["key", "last_scan"])


class Migration(migrations.Migration):
    dependencies = [
        ("register", "0003_supplier_and_risk_identity"),
        ("grievances", "0001_initial"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
