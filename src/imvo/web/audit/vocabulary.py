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
