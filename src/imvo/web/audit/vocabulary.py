"""Every action the audit trail records, each with the label the trail page shows.

An action is stored as its value (a plain string), so a member compares equal to the string it stands
for and code that passes ``"create"`` records the same event as code that passes
``AuditAction.CREATE``. :func:`imvo.web.audit.trail.record_audit_event` refuses any other string, and
``tests/web/test_audit_vocabulary.py`` checks that every action the code records is here with a label
in English and Dutch (the platform catalogue, ``imvo/web/locale``).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    # Records in general
    CREATE = "create", _("created")
    UPDATE = "update", _("changed")
    DELETE = "delete", _("deleted")
    UPLOAD = "upload", _("uploaded")
    IMPORT = "import", _("imported")
    LINK = "link", _("linked")
    # Organisations, members and API tokens
    INVITE = "invite", _("invited")
    JOIN = "join", _("joined")
    REMOVE = "remove", _("removed")
    CHANGE_ROLE = "change_role", _("changed the role")
    REVOKE = "revoke", _("revoked")
    # Background jobs
    RETRY = "retry", _("tried again")
    # The register: scans and the published report
    START_SCAN = "start_scan", _("started a scan")
    COMPLETE_SCAN = "complete_scan", _("scan completed")  # no longer recorded; kept for older events
    PREVIEW_SCAN = "preview_scan", _("scan ready for review")
    CONFIRM_SCAN = "confirm_scan", _("confirmed the merge of a scan")
    DISCARD_SCAN = "discard_scan", _("discarded a scan")
    APPLY_SCAN = "apply_scan", _("scan merged into the register")
    FAIL_SCAN = "fail_scan", _("scan failed")
    PUBLISH = "publish", _("published")
    # Grievances
    GRANT_IDENTITY_ACCESS = "grant_identity_access", _("granted access to complainants' identities")
    REVOKE_IDENTITY_ACCESS = "revoke_identity_access", _("revoked access to complainants' identities")
    POST_UPDATE = "post_update", _("posted a message on the case")
    MOVE_CASE = "move_case", _("moved the case to another phase")
    RECORD_OUTCOME = "record_outcome", _("recorded the outcome")
    PUBLISH_STATEMENT = "publish_statement", _("published the final statement")
    LINK_REGISTER = "link_register", _("linked the case to the register")
    ADD_REMEDY = "add_remedy", _("added a remedy")
    COMPLETE_REMEDY = "complete_remedy", _("recorded a remedy as delivered")
    ERASE_PERSONAL_DATA = "erase_personal_data", _("erased the personal data")
    # Obligations
    EVALUATE = "evaluate", _("evaluated the obligations")
    # Legal values of the installation, set by its administrators (four eyes; imvo.web.obligations)
    PROPOSE_LEGAL_VALUE = "propose_legal_value", _("proposed a legal value")
    APPROVE_LEGAL_VALUE = "approve_legal_value", _("approved a legal value (second pair of eyes)")
    REJECT_LEGAL_VALUE = "reject_legal_value", _("rejected a legal value (second pair of eyes)")
    WITHDRAW_LEGAL_VALUE = "withdraw_legal_value", _("withdrew a proposed legal value")
    LOAD_LEGAL_VALUES = "load_legal_values", _("loaded legal values from a file")
    # Monitoring
    ASSESS = "assess", _("assessed from shared registers")
    COMPLETE = "complete", _("completed the round's population")
    REMOVE_DISCLOSURE = "remove_disclosure", _("removed a disclosure")
    REPLACE_DISCLOSURE = "replace_disclosure", _("replaced a disclosure")
    PROPOSE_REVIEW = "propose_review", _("reviewed an assessment (first pair of eyes)")
    APPROVE_REVIEW = "approve_review", _("approved a review (second pair of eyes)")
    REJECT_REVIEW = "reject_review", _("rejected a review (second pair of eyes)")
    GRANT_CONSENT = "grant_consent", _("gave consent to share the register")
    REVOKE_CONSENT = "revoke_consent", _("revoked consent to share the register")
    REMOVE_REGISTER_EVIDENCE = "remove_register_evidence", _("removed what a shared register showed")


#: Actions that record new things: a list in their changes is a value (e.g. the files uploaded), not an
#: ``[old, new]`` pair.
VALUE_ACTIONS = frozenset(
    {
        AuditAction.CREATE,
        AuditAction.UPLOAD,
        AuditAction.INVITE,
        AuditAction.JOIN,
        AuditAction.IMPORT,
        AuditAction.START_SCAN,
        AuditAction.COMPLETE_SCAN,
        AuditAction.PREVIEW_SCAN,
        AuditAction.APPLY_SCAN,
    }
)


def action_label(action: str) -> str:
    """The translated label of a recorded action; an unknown one (an old event) reads as its words."""
    try:
        return str(AuditAction(action).label)
    except ValueError:
        return action.replace("_", " ")


#: Names in recorded changes that are not a model field with a verbose name of its own (foreign keys,
#: counts of a scan or an upload, keys inside a recorded value), by the name recorded.
CHANGE_LABELS = {
    "risk": _("risk"),
    "measure": _("measure"),
    "indicator": _("indicator"),
    "supplier": _("supplier"),
    "user": _("user"),
    "upload": _("supplier list"),
    "file": _("file"),
    "size": _("size (bytes)"),
    "rows": _("rows"),
    "records": _("records"),
    "judged_by": _("judged by"),
    "suppliers_new": _("new suppliers"),
    "suppliers_kept": _("suppliers kept"),
    "suppliers_removed": _("suppliers removed"),
    "risks_new": _("new risks"),
    "risks_changed": _("risks changed"),
    "risks_reopened": _("risks reopened"),
    "risks_unchanged": _("risks unchanged"),
    "risks_kept_closed": _("risks kept closed"),
    "risks_closed": _("risks closed"),
    "risks_closed_supplier_removed": _("risks closed: supplier no longer on the list"),
    "risks_closed_not_listed": _("risks closed: no longer listed in the source"),
    "risks_closed_product_changed": _("risks closed: product changed"),
    "covenant": _("covenant"),
    "member": _("member"),
    "monitor": _("monitor"),
    "party": _("party"),
    "meeting": _("meeting"),
    "project": _("project"),
    "assessment": _("assessment"),
    "case": _("case"),
    "source": _("source"),
    "year": _("year"),
    "version": _("version"),
    "public_id": _("public address"),
    "locations_published": _("production locations published"),
    "without_disclosure": _("companies without a disclosure"),
    "from_registers": _("assessed from shared registers"),
    "disclosures": _("disclosures"),
    "characters": _("characters"),
    "withheld": _("withheld passages"),
    "passage": _("passage"),
    "reason": _("reason"),
    "verdicts": _("verdicts"),
    "verdict": _("verdict"),
    "improvements": _("improvements"),
    "description": _("description"),
    "due_on": _("due date"),
    # Record types whose model has no verbose name of its own
    "remedyaction": _("remedy"),
    "identitygrant": _("access to complainants' identities"),
}
