"""Text assessment of public disclosures: OECD/UNGP endorsement and due-diligence measures.

>>> from imvo.core.assessment import assess_text
>>> assess_text("We conduct unannounced audits of our suppliers' factories.").result(
...     "supplier_audits").verdict.value
'found'
"""

from __future__ import annotations

from imvo.core.assessment.criteria import (
    CRITERIA,
    CRITERIA_BY_ID,
    CRITERION_IDS,
    LEGALBENCH_MEASURES,
    Criterion,
)
from imvo.core.assessment.engine import (
    ENGINE_VERSION,
    Assessment,
    Citation,
    CriterionResult,
    DisclosureAssessor,
    Polarity,
    Verdict,
    assess_document,
    assess_file,
    assess_text,
    detect_language,
)
from imvo.core.assessment.extract import (
    DisclosureError,
    ExtractedDocument,
    FileBudget,
    FileWorker,
    PageSpan,
    Passage,
    extract_bytes,
    extract_file,
    split_passages,
)

__all__ = [
    "CRITERIA",
    "CRITERIA_BY_ID",
    "CRITERION_IDS",
    "ENGINE_VERSION",
    "LEGALBENCH_MEASURES",
    "Assessment",
    "Citation",
    "Criterion",
    "CriterionResult",
    "DisclosureAssessor",
    "DisclosureError",
    "ExtractedDocument",
    "FileBudget",
    "FileWorker",
    "PageSpan",
    "Passage",
    "Polarity",
    "Verdict",
    "assess_document",
    "assess_file",
    "assess_text",
    "detect_language",
    "extract_bytes",
    "extract_file",
    "split_passages",
]
