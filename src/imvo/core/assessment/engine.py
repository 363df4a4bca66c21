"""The text assessment engine: sentence-level multilingual cues with negation and modality rules.

For every criterion the engine looks for cue wording sentence by sentence, then decides the
polarity of each hit from its clause: *affirmed* (the company does it, or reserves the right to),
*negated* ("we do not conduct audits", "wij voeren geen audits uit", "führen keine Audits durch")
or *planned* ("we are developing a training programme").  A criterion is ``found`` when at least
one affirmed hit survives, ``explicitly_not_done`` when only negated or planned hits exist, and
``not_found`` otherwise.  Every hit is cited with the sentence, its page and offsets into the
extracted text, so a reviewer can check the answer in seconds.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from imvo.core.assessment.criteria import (
    CLAUSE_BOUNDARY,
    CODE_RULE_MODALS,
    CONTEXT_PATTERNS,
    CRITERIA,
    CRITERIA_BY_ID,
    FIRST_PERSON,
    LANGUAGES,
    LEGALBENCH_MEASURES,
    LOCAL_NEGATORS,
    NEGATION_BREAKERS,
    NEGATOR_FALSE_FRIENDS,
    OWN_STAFF_WORDS,
    PLANNED_MARKERS,
    REQUIREMENT_WORDS,
    SUPPLIER_WORDS,
    TRAILING_ENGLISH_NEGATION,
    TRAILING_NEGATORS,
    WIDE_NEGATORS,
    Criterion,
)
from imvo.core.assessment.extract import (
    ExtractedDocument,
    FileBudget,
    FileWorker,
    Passage,
    document_from_text,
    extract_file,
    split_passages,
)

ENGINE_VERSION = "imvo-assess 1.0.0"

_MAX_CITATIONS = 3
_LOCAL_NEGATION_WINDOW_WORDS = 7
_FLAGS = re.IGNORECASE | re.UNICODE


class Verdict(StrEnum):
    FOUND = "found"
    EXPLICITLY_NOT_DONE = "explicitly_not_done"
    NOT_FOUND = "not_found"


class Polarity(StrEnum):
    AFFIRMED = "affirmed"
    NEGATED = "negated"
    PLANNED = "planned"


@dataclass(frozen=True)
class Citation:
    """One passage a verdict rests on: ``document.text[start:end] == snippet``."""

    snippet: str
    page: int | None
    start: int
    end: int
    cue: str
    cue_start: int
    cue_end: int
    polarity: Polarity

    def to_dict(self) -> dict[str, Any]:
        return {
            "snippet": self.snippet,
            "page": self.page,
            "start": self.start,
            "end": self.end,
            "cue": self.cue,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "polarity": self.polarity.value,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Citation:
        return cls(
            snippet=str(data["snippet"]),
            page=None if data["page"] is None else int(data["page"]),
            start=int(data["start"]),
            end=int(data["end"]),
            cue=str(data["cue"]),
            cue_start=int(data["cue_start"]),
            cue_end=int(data["cue_end"]),
            polarity=Polarity(data["polarity"]),
        )


@dataclass(frozen=True)
class CriterionResult:
    criterion_id: str
    verdict: Verdict
    confidence: float
    citations: tuple[Citation, ...]

    @property
    def disclosed(self) -> bool:
        """Whether the disclosure addresses the criterion at all (done or explicitly not done)."""
        return self.verdict is not Verdict.NOT_FOUND

    def to_dict(self) -> dict[str, Any]:
        return {
            "criterion_id": self.criterion_id,
            "verdict": self.verdict.value,
            "confidence": self.confidence,
            "citations": [citation.to_dict() for citation in self.citations],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CriterionResult:
        return cls(
            criterion_id=str(data["criterion_id"]),
            verdict=Verdict(data["verdict"]),
            confidence=float(data["confidence"]),
            citations=tuple(Citation.from_dict(citation) for citation in data["citations"]),
        )


@dataclass(frozen=True)
class Assessment:
    """The assessment of one disclosure; JSON-serialisable through ``to_dict``."""

    source: str
    format: str
    language: str
    characters: int
    pages: int | None
    engine_version: str
    results: tuple[CriterionResult, ...]

    def result(self, criterion_id: str) -> CriterionResult:
        for result in self.results:
            if result.criterion_id == criterion_id:
                return result
        raise KeyError(criterion_id)

    def legalbench_labels(self) -> dict[str, bool]:
        """``best_practice_<measure>`` (found) and ``disclosed_<measure>`` (addressed) per measure."""
        labels: dict[str, bool] = {}
        assessed = {result.criterion_id: result for result in self.results}
        for measure, criterion_id in LEGALBENCH_MEASURES.items():
            result = assessed.get(criterion_id)
            if result is None:
                continue
            labels[f"best_practice_{measure}"] = result.verdict is Verdict.FOUND
            labels[f"disclosed_{measure}"] = result.disclosed
        return labels

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.format,
            "language": self.language,
            "characters": self.characters,
            "pages": self.pages,
            "engine_version": self.engine_version,
            "results": [result.to_dict() for result in self.results],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Assessment:
        """Rebuild a stored assessment (the inverse of ``to_dict``), e.g. for review screens."""
        return cls(
            source=str(data["source"]),
            format=str(data["format"]),
            language=str(data["language"]),
            characters=int(data["characters"]),
            pages=None if data["pages"] is None else int(data["pages"]),
            engine_version=str(data["engine_version"]),
            results=tuple(CriterionResult.from_dict(result) for result in data["results"]),
        )


@dataclass(frozen=True)
class _CompiledCriterion:
    criterion: Criterion
    prerequisite: re.Pattern[str] | None
    cues: Mapping[str, tuple[re.Pattern[str], ...]]
    exclusion: re.Pattern[str] | None
    weak: re.Pattern[str] | None
    subject: re.Pattern[str] | None


def _alternation(patterns: Iterable[str]) -> re.Pattern[str] | None:
    parts = [f"(?:{_lowercase_pattern(pattern)})" for pattern in patterns]
    return re.compile("|".join(parts), re.UNICODE) if parts else None


def _lowercase_pattern(pattern: str) -> str:
    """The pattern with its literals in lower case; escapes (``\\W``, ``\\S``) are kept as written."""
    parts: list[str] = []
    escaped = False
    for char in pattern:
        parts.append(char if escaped else char.lower())
        escaped = char == "\\" and not escaped
    return "".join(parts)


def _lowercase_same_length(text: str) -> str:
    # Cue patterns run on lower-cased text without IGNORECASE, which Python's re matches much faster;
    # offsets must stay valid, so characters whose lower case is longer ("İ") are left as they are.
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def _compile(criterion: Criterion) -> _CompiledCriterion:
    cues = {
        language: tuple(re.compile(_lowercase_pattern(pattern), re.UNICODE) for pattern in patterns)
        for language, patterns in criterion.cues.items()
    }
    subject = _alternation([criterion.subject_required] if criterion.subject_required else [])
    prerequisite = _alternation([criterion.prerequisite] if criterion.prerequisite else [])
    return _CompiledCriterion(
        criterion=criterion,
        prerequisite=prerequisite,
        cues=cues,
        exclusion=_alternation(criterion.exclusions),
        weak=_alternation(criterion.weak_cues),
        subject=subject,
    )


_COMPILED: Mapping[str, _CompiledCriterion] = {criterion.id: _compile(criterion) for criterion in CRITERIA}
_CONTEXT = re.compile(_lowercase_pattern(r"\b(?:" + "|".join(CONTEXT_PATTERNS) + r")"), re.UNICODE)
_CLAUSE_BOUNDARY = re.compile(CLAUSE_BOUNDARY, _FLAGS)
_LOCAL_NEGATOR = re.compile(LOCAL_NEGATORS, _FLAGS)
_FALSE_FRIEND = re.compile(NEGATOR_FALSE_FRIENDS, _FLAGS)
_WIDE_NEGATOR = re.compile(WIDE_NEGATORS, _FLAGS)
_PLANNED = re.compile(PLANNED_MARKERS, _FLAGS)
_BREAKER = re.compile(NEGATION_BREAKERS, _FLAGS)
_TRAILING_NEGATOR = re.compile(TRAILING_NEGATORS, _FLAGS)
_TRAILING_ENGLISH = re.compile(TRAILING_ENGLISH_NEGATION, _FLAGS)
_SUPPLIER = re.compile(SUPPLIER_WORDS, _FLAGS)
_OWN_STAFF = re.compile(OWN_STAFF_WORDS, _FLAGS)
_CODE_RULE = re.compile(CODE_RULE_MODALS, _FLAGS)
_REQUIREMENT = re.compile(REQUIREMENT_WORDS, _FLAGS)
_FIRST_PERSON = re.compile(FIRST_PERSON, _FLAGS)
_WORD = re.compile(r"\w+")
# A heading ("Supplier audits", "Verification.") names a topic; it is not evidence that the practice
# exists: up to four words without sentence punctuation, or one or two words ending in a full stop.
_HEADING = re.compile(
    r"[^\w.!?;:]*(?:\w+[^\w.!?;:]+){0,3}\w*[^\w.!?;:]*|[^\w.!?;:]*\w+(?:[^\w.!?;:]+\w+)?[^\w]*"
)

_LANGUAGE_MARKERS: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:the|and|of|to|our|we|with|is|are|that|for)\b", _FLAGS),
    "nl": re.compile(r"\b(?:de|het|een|en|van|wij|onze|zijn|met|voor|niet|dat)\b", _FLAGS),
    "de": re.compile(r"\b(?:der|die|das|und|wir|unsere?|mit|für|nicht|ist|sind|von)\b", _FLAGS),
}


def detect_language(text: str) -> str:
    """The language ("en", "nl", "de") with most function words in the first 20,000 characters.

    "und" (undetermined) when fewer than three function words of any of them occur.
    """
    sample = text[:20_000]
    counts = {language: len(pattern.findall(sample)) for language, pattern in _LANGUAGE_MARKERS.items()}
    best = max(counts, key=lambda language: counts[language])
    return best if counts[best] >= 3 else "und"


def _clause_bounds(sentence: str, position: int) -> tuple[int, int]:
    start, end = 0, len(sentence)
    for boundary in _CLAUSE_BOUNDARY.finditer(sentence):
        if boundary.end() <= position:
            start = boundary.end()
        elif boundary.start() >= position:
            end = boundary.start()
            break
    return start, end


def _locally_negated(before: str) -> bool:
    negators = [
        match for match in _LOCAL_NEGATOR.finditer(before) if not _FALSE_FRIEND.match(before, match.start())
    ]
    if not negators:
        return False
    gap = before[negators[-1].end() :]
    return len(_WORD.findall(gap)) <= _LOCAL_NEGATION_WINDOW_WORDS and not _BREAKER.search(gap)


def _negated_inside(cue_text: str) -> bool:
    # Multi-word cues can enclose the negation ("OESO-richtlijnen nog niet onderschreven").
    return any(
        not _FALSE_FRIEND.match(cue_text, match.start()) for match in _LOCAL_NEGATOR.finditer(cue_text)
    )


def polarity_of(sentence: str, cue_start: int, cue_end: int) -> Polarity:
    """Whether the cue at ``sentence[cue_start:cue_end]`` is affirmed, negated or only planned."""
    clause_start, clause_end = _clause_bounds(sentence, cue_start)
    before = sentence[clause_start:cue_start]
    after = sentence[cue_end:clause_end].split(",", 1)[0]
    wide = [
        match for match in _WIDE_NEGATOR.finditer(before) if not _FALSE_FRIEND.match(before, match.start())
    ]
    if wide or _locally_negated(before) or _negated_inside(sentence[cue_start:cue_end]):
        return Polarity.NEGATED
    if _TRAILING_NEGATOR.search(after) or _TRAILING_ENGLISH.search(after):
        return Polarity.NEGATED
    if _PLANNED.search(sentence[clause_start:clause_end]):
        return Polarity.PLANNED
    return Polarity.AFFIRMED


def _imposed_on_suppliers(sentence: str, cue_start: int, suppliers_may_benefit: bool) -> bool:
    # The practice belongs to suppliers when its clause names suppliers and none of our own people
    # (and, where suppliers may benefit, is phrased as a requirement on them), or when it is a
    # code-of-conduct rule ("shall") in which the company does not speak.
    clause_start, clause_end = _clause_bounds(sentence, cue_start)
    clause = sentence[clause_start:clause_end]
    supplier_only = bool(_SUPPLIER.search(clause)) and not _OWN_STAFF.search(clause)
    if supplier_only and (not suppliers_may_benefit or _REQUIREMENT.search(clause)):
        return True
    return bool(_CODE_RULE.search(clause)) and not _FIRST_PERSON.search(sentence)


@dataclass(frozen=True)
class _Hit:
    passage: Passage
    match_start: int
    match_end: int
    polarity: Polarity
    weak: bool


@dataclass(frozen=True)
class _PreparedPassage:
    passage: Passage
    lowered: str
    has_context: bool
    is_heading: bool


def _passage_may_hold(
    compiled: _CompiledCriterion, prepared: _PreparedPassage, languages: frozenset[str]
) -> bool:
    """Cheap rules first: headings, required context, the prerequisite, and any cue at all."""
    if prepared.is_heading or (compiled.criterion.context_required and not prepared.has_context):
        return False
    if compiled.prerequisite is not None and not compiled.prerequisite.search(prepared.lowered):
        return False
    # One search with all cues as alternatives rules most sentences out several times faster than
    # running each cue; only sentences with some cue are searched cue by cue for every match.
    return bool(_any_cue(compiled.criterion.id, languages).search(prepared.lowered))


def _cue_matches(
    compiled: _CompiledCriterion, lowered: str, languages: frozenset[str]
) -> list[re.Match[str]]:
    matches: list[re.Match[str]] = []
    seen: set[int] = set()
    for language, patterns in compiled.cues.items():
        if language not in languages:
            continue
        for cue in patterns:
            for match in cue.finditer(lowered):
                if match.end() > match.start() and match.start() not in seen:
                    seen.add(match.start())
                    matches.append(match)
    return sorted(matches, key=lambda found: found.start())


def _hits_in_passage(
    compiled: _CompiledCriterion, prepared: _PreparedPassage, languages: frozenset[str]
) -> list[_Hit]:
    if not _passage_may_hold(compiled, prepared, languages):
        return []
    lowered = prepared.lowered
    matches = _cue_matches(compiled, lowered, languages)
    # Vetoes are checked only for sentences with a cue: most sentences have none, so this is cheaper.
    if not matches:
        return []
    if compiled.exclusion is not None and compiled.exclusion.search(lowered):
        return []
    if compiled.subject is not None and not compiled.subject.search(lowered):
        return []
    criterion = compiled.criterion
    passage = prepared.passage
    sentence = passage.text
    hits: list[_Hit] = []
    for match in matches:
        if criterion.own_practice_only and _imposed_on_suppliers(
            sentence, match.start(), criterion.suppliers_may_benefit
        ):
            continue
        weak = bool(compiled.weak and compiled.weak.search(match.group(0)))
        polarity = polarity_of(sentence, match.start(), match.end())
        if polarity is Polarity.AFFIRMED and hits and _continues_negation(sentence, hits[-1], match.start()):
            polarity = hits[-1].polarity
        hits.append(_Hit(passage, match.start(), match.end(), polarity, weak))
    return hits


def _continues_negation(sentence: str, previous: _Hit, start: int) -> bool:
    # "does not engage in verification of its supply chains to evaluate and address risks": a later
    # cue in the same clause, with no new predicate in between, shares the earlier cue's negation.
    if previous.polarity is Polarity.AFFIRMED or previous.match_end > start:
        return False
    clause_start, _ = _clause_bounds(sentence, start)
    gap = sentence[previous.match_end : start]
    return previous.match_start >= clause_start and not _BREAKER.search(gap)


@functools.lru_cache(maxsize=64)
def _any_cue(criterion_id: str, languages: frozenset[str]) -> re.Pattern[str]:
    cues = _COMPILED[criterion_id].cues
    patterns = [
        cue.pattern for language, compiled in cues.items() if language in languages for cue in compiled
    ]
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns) or r"(?!)", re.UNICODE)


def _citation(hit: _Hit) -> Citation:
    passage = hit.passage
    return Citation(
        snippet=passage.text,
        page=passage.page,
        start=passage.start,
        end=passage.end,
        cue=passage.text[hit.match_start : hit.match_end],
        cue_start=passage.start + hit.match_start,
        cue_end=passage.start + hit.match_end,
        polarity=hit.polarity,
    )


def _distinct_passages(hits: Sequence[_Hit]) -> list[_Hit]:
    chosen: list[_Hit] = []
    starts: set[int] = set()
    for hit in hits:
        if hit.passage.start not in starts:
            starts.add(hit.passage.start)
            chosen.append(hit)
    return chosen


def _judge(criterion_id: str, hits: Sequence[_Hit], passage_count: int) -> CriterionResult:
    affirmed = _distinct_passages([hit for hit in hits if hit.polarity is Polarity.AFFIRMED])
    not_done = _distinct_passages([hit for hit in hits if hit.polarity is not Polarity.AFFIRMED])
    if affirmed:
        strong = [hit for hit in affirmed if not hit.weak]
        ordered = strong + [hit for hit in affirmed if hit.weak]
        confidence = (0.75 if strong else 0.55) + 0.07 * min(3, len(affirmed) - 1)
        if not_done:
            confidence -= 0.1
        return CriterionResult(
            criterion_id,
            Verdict.FOUND,
            round(min(0.95, confidence), 2),
            tuple(_citation(hit) for hit in ordered[:_MAX_CITATIONS]),
        )
    if not_done:
        negated = [hit for hit in not_done if hit.polarity is Polarity.NEGATED]
        ordered = negated + [hit for hit in not_done if hit.polarity is Polarity.PLANNED]
        confidence = 0.7 if negated else 0.6
        return CriterionResult(
            criterion_id,
            Verdict.EXPLICITLY_NOT_DONE,
            confidence,
            tuple(_citation(hit) for hit in ordered[:_MAX_CITATIONS]),
        )
    # Silence in a long document is better evidence of absence than silence in a short one.
    confidence = 0.5 + 0.4 * min(1.0, passage_count / 60)
    return CriterionResult(criterion_id, Verdict.NOT_FOUND, round(confidence, 2), ())


def _selected(criteria: Sequence[str] | None) -> list[_CompiledCriterion]:
    if criteria is None:
        return list(_COMPILED.values())
    unknown = [criterion_id for criterion_id in criteria if criterion_id not in CRITERIA_BY_ID]
    if unknown:
        raise ValueError(f"unknown criteria: {', '.join(unknown)}; known: {', '.join(CRITERIA_BY_ID)}")
    return [_COMPILED[criterion_id] for criterion_id in criteria]


def assess_document(document: ExtractedDocument, criteria: Sequence[str] | None = None) -> Assessment:
    """Assess an extracted disclosure against ``criteria`` (all criteria when None)."""
    selected = _selected(criteria)
    passages = split_passages(document)
    lowered = [_lowercase_same_length(passage.text) for passage in passages]
    context = [bool(_CONTEXT.search(text)) for text in lowered]
    # A sentence inherits the topic of the one before it ("Our suppliers ... . We audit them.").
    prepared = [
        _PreparedPassage(
            passage=passage,
            lowered=lowered[index],
            has_context=context[index] or (index > 0 and context[index - 1]),
            is_heading=bool(_HEADING.fullmatch(passage.text)),
        )
        for index, passage in enumerate(passages)
    ]
    language = detect_language(document.text)
    # Cues of the document's language plus English, whose terms ("audit", "due diligence") Dutch and
    # German reports borrow; every language when the language is unclear.
    languages = frozenset({"any", "en", language} if language != "und" else {"any", *LANGUAGES})
    results = []
    for compiled in selected:
        hits: list[_Hit] = []
        for item in prepared:
            hits.extend(_hits_in_passage(compiled, item, languages))
        results.append(_judge(compiled.criterion.id, hits, len(passages)))
    return Assessment(
        source=document.source,
        format=document.format,
        language=language,
        characters=len(document.text),
        pages=len(document.pages) if document.pages else None,
        engine_version=ENGINE_VERSION,
        results=tuple(results),
    )


def assess_text(text: str, source: str = "<text>", criteria: Sequence[str] | None = None) -> Assessment:
    """Assess text already in memory (no page numbers)."""
    return assess_document(document_from_text(text, source), criteria)


def assess_file(path: str | Path, criteria: Sequence[str] | None = None) -> Assessment:
    """Extract and assess a PDF, HTML or text disclosure; raises DisclosureError if unreadable."""
    return assess_document(extract_file(path), criteria)


def assess_file_as_data(path: str, criteria: list[str] | None = None) -> dict[str, Any]:
    """:func:`assess_file` as JSON-ready data: what :class:`DisclosureAssessor`'s child process runs."""
    return assess_file(path, criteria).to_dict()


class DisclosureAssessor:
    """Assesses disclosure files one after another, each within a :class:`FileBudget` of time and
    memory (in a child process, see :class:`imvo.core.assessment.extract.FileWorker`). A file over
    its budget, or one that breaks the reader, raises :class:`DisclosureError` with the reason;
    the next file is read as usual."""

    def __init__(self, budget: FileBudget | None = None) -> None:
        self._worker = FileWorker("imvo.core.assessment.engine:assess_file_as_data", budget)

    @property
    def budget(self) -> FileBudget:
        return self._worker.budget

    def __enter__(self) -> DisclosureAssessor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def assess(self, path: str | Path, criteria: Sequence[str] | None = None) -> Assessment:
        data = self._worker.run(path, list(criteria) if criteria is not None else None)
        return Assessment.from_dict(data)

    def close(self) -> None:
        self._worker.close()
