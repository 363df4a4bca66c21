"""The audit trail. ``from imvo.web.audit import record_audit_event`` works once apps are loaded."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    # Lazy, because importing models while Django reads INSTALLED_APPS would fail.
    if name in {"record_audit_event", "field_changes"}:
        from imvo.web.audit import trail

        return getattr(trail, name)
    if name in {"create_audited", "update_audited"}:
        from imvo.web.audit import records

        return getattr(records, name)
    if name == "AuditAction":
        from imvo.web.audit.vocabulary import AuditAction

        return AuditAction
    raise AttributeError(name)
