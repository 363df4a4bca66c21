"""The text assessment engine: sentence-level multilingual cues read in their clause.

For every criterion the engine looks for cue wording sentence by sentence (the patterns of
:mod:`imvo.core.assessment.criteria`), drops cues that are no evidence (headings, the statute's own
wording, descriptions of the law, questions, another stated purpose, practices suppliers must carry
out themselves), and decides the polarity of each remaining hit from the sentence
(:mod:`imvo.core.assessment.scope`): *affirmed* (the company does it, or reserves the right to),
*negated* ("we do not verify, audit or certify", "wij voeren geen audits uit", "führen keine
Audits durch") or *planned* ("we are developing a training programme", "these may include audits").
A criterion is ``found`` when at least one affirmed hit survives, ``explicitly_not_done`` when only
negated or planned hits exist, and ``not_found`` otherwise.  Every hit is cited with the sentence,
its page and offsets into the extracted text, so a reviewer can check the answer in seconds.
"""

from __future__ import annotations

import bisect
import collections
import functools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from imvo.core.assessment.criteria import (
    CODE_RULE_MODALS,
    CONTEXT_PATTERNS,
    CORE_TOPIC,
    CRITERIA,
    CRITERIA_BY_ID,
    FIRST_PERSON,
    IMPOSED_ON_SUPPLIER,
    LANGUAGES,
    LEGALBENCH_MEASURES,
    OTHER_PURPOSE,
    SOCIAL_PURPOSE,
    SUPPLIER_AS_RECIPIENT,
    Criterion,
    Cue,
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
from imvo.core.assessment.scope import Polarity as Polarity
from imvo.core.assessment.scope import (
    SentenceAnalysis,
    analyse,
    is_list_item,
    is_plan_heading,
    lowered_pattern,
    passage_is_heading,
)
from imvo.core.assessment.scope import polarity_of as polarity_of

ENGINE_VERSION = "imvo-assess 2.3.10"

_MAX_CITATIONS = 3
_FLAGS = re.IGNORECASE | re.UNICODE


class Verdict(StrEnum):
    FOUND = "found"
    EXPLICITLY_NOT_DONE = "explicitly_not_done"
    NOT_FOUND = "not_found"


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
class _CompiledCue:
    pattern: re.Pattern[str]
    requires: re.Pattern[str] | None
    unless_before: re.Pattern[str] | None
    unless_after: re.Pattern[str] | None
    weak: bool
    consequence: bool


@dataclass(frozen=True)
class _CompiledCriterion:
    criterion: Criterion
    prerequisite: re.Pattern[str] | None
    cues: Mapping[str, tuple[_CompiledCue, ...]]
    exclusion: re.Pattern[str] | None
    # Vetoes that judge the whole passage ("^(?!…)…"): matched once at its start, since inside the
    # alternation above they made the search at every other position several times slower.
    passage_exclusion: re.Pattern[str] | None
    weak: re.Pattern[str] | None
    subject: re.Pattern[str] | None


def _alternation(patterns: Iterable[str]) -> re.Pattern[str] | None:
    parts = [f"(?:{pattern})" for pattern in patterns]
    return lowered_pattern("|".join(parts)) if parts else None


def _lowercase_same_length(text: str) -> str:
    # Cue patterns run on lower-cased text without IGNORECASE, which Python's re matches much faster;
    # offsets must stay valid, so characters whose lower case is longer ("İ") are left as they are.
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def _compile_cue(cue: str | Cue) -> _CompiledCue:
    if isinstance(cue, str):
        cue = Cue(cue)
    return _CompiledCue(
        pattern=lowered_pattern(cue.pattern),
        requires=lowered_pattern(cue.requires) if cue.requires else None,
        unless_before=lowered_pattern(cue.unless_before) if cue.unless_before else None,
        unless_after=lowered_pattern(cue.unless_after) if cue.unless_after else None,
        weak=cue.weak,
        consequence=cue.consequence,
    )


def _compile(criterion: Criterion) -> _CompiledCriterion:
    cues = {
        language: tuple(_compile_cue(cue) for cue in patterns)
        for language, patterns in criterion.cues.items()
    }
    subject = _alternation([criterion.subject_required] if criterion.subject_required else [])
    prerequisite = _alternation([criterion.prerequisite] if criterion.prerequisite else [])
    return _CompiledCriterion(
        criterion=criterion,
        prerequisite=prerequisite,
        cues=cues,
        exclusion=_alternation(veto for veto in criterion.exclusions if not veto.startswith("^")),
        passage_exclusion=_alternation(veto for veto in criterion.exclusions if veto.startswith("^")),
        weak=_alternation(criterion.weak_cues),
        subject=subject,
    )


_COMPILED: Mapping[str, _CompiledCriterion] = {criterion.id: _compile(criterion) for criterion in CRITERIA}
_CONTEXT = lowered_pattern(r"\b(?:" + "|".join(CONTEXT_PATTERNS) + r")")
_CODE_RULE = lowered_pattern(CODE_RULE_MODALS)
_CORE_TOPIC = lowered_pattern(CORE_TOPIC)
_SHORT_DOCUMENT_PASSAGES = 80
_FIRST_PERSON = re.compile(FIRST_PERSON, _FLAGS)
_IMPOSED = lowered_pattern(IMPOSED_ON_SUPPLIER)
_RECIPIENT = lowered_pattern(SUPPLIER_AS_RECIPIENT)
_OTHER_PURPOSE = lowered_pattern(OTHER_PURPOSE)
_SOCIAL_PURPOSE = lowered_pattern(SOCIAL_PURPOSE)
# Labour named only to say the check does not cover it ("limited to product quality and do not evaluate
# labour practices") gives the sentence no labour purpose.
_NOT_ABOUT = lowered_pattern(
    r"\b(?:not|niet|nicht)\W+(?:\w+\W+)?(?:cover|evaluat|assess|address|includ|examin|review|consider|look|"
    r"extend|concern|deal|betreff|umfass|berücksichtig|beoordeel|omvat|bevat|gericht|audit|geaudit|gecontroleerd|"
    r"geprüft|kontrolliert)\w*\W+(?:(?:at|to|on|with|"
    r"into|op|auf)\W+)?(?:\w+\W+){0,2}$"
)
_NOT_ABOUT_CHARS = 60
_NEGATOR = re.compile(r"\b(?:not|niet|nicht)\b")
_WORD = re.compile(r"\w+")
# One to four words without sentence punctuation, or one or two words ending in a full stop.
_SHORT_HEADING = re.compile(
    r"[^\w.!?;:]*(?:\w+[^\w.!?;:]+){0,3}\w*[^\w.!?;:]*|[^\w.!?;:]*\w+(?:[^\w.!?;:]+\w+)?[^\w]*"
)
# How far around a cue a stated purpose is read (about three words before, six after): "food safety
# [audits]", "[audited] for product quality".
_PURPOSE_CHARS_BEFORE = 24
_PURPOSE_CHARS_AFTER = 45
# ... and never fewer than three words before, however long: Dutch and German compounds are ("von
# unserer Qualitätssicherung regelmäßig auditiert").
_PURPOSE_WORDS_BEFORE = 3
# What suppliers certify may be said anywhere in the sentence; the failure a consequence answers is
# named in the consequence's clause ("employees who violate our anti-corruption policy may face
# disciplinary action").
_PURPOSE_REACH = {"supplier_certification": "sentence", "internal_accountability": "clause"}
# How far after a requirement on suppliers a cue is still what they must do ("must train their").
_IMPOSED_REACH_WORDS = 10
_IMPOSED_REACH_CHARS = 160
# "we expect suppliers to comply with our standards *and may* audit them": the company acts again.
_NEW_PREDICATE = lowered_pattern(
    r"\b(?:and|en|und)\W+(?:we|wij|wir|it|they|also|ook|auch|may|will|can|shall|must|should|would|could|"
    r"might|kunnen|zullen|können|werden)\b|,\s*(?:we|wij|wir)\b|\bnor\b"
)
_HARD_BREAK = lowered_pattern(r"[;:]|\b(?:but|however|whereas|while|maar|echter|aber|jedoch|sondern)\b")

# Function words per language; counting them over the words of a lower-cased sample is one pass,
# several times faster than one case-insensitive search per language.
_LANGUAGE_MARKERS: Mapping[str, frozenset[str]] = {
    "en": frozenset(
        ["the", "and", "of", "to", "our", "we", "with", "is", "are", "that", "for", "this", "have"]
    ),
    "nl": frozenset(
        [
            "de",
            "het",
            "een",
            "en",
            "van",
            "wij",
            "onze",
            "zijn",
            "met",
            "voor",
            "niet",
            "dat",
            "geen",
            "bij",
            "is",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "wir",
            "unser",
            "unsere",
            "mit",
            "für",
            "nicht",
            "ist",
            "sind",
            "von",
            "keine",
        ]
    ),
}
# The markers only one language has: Dutch "of" is "or" and "is" is Dutch too, so a short Dutch
# sentence can count as many English markers as Dutch ones; a tie goes to the language with more of
# its own.
_OWN_MARKERS: Mapping[str, frozenset[str]] = {
    language: markers.difference(*(other for name, other in _LANGUAGE_MARKERS.items() if name != language))
    | (frozenset(["of"]) if language == "nl" else frozenset())
    for language, markers in _LANGUAGE_MARKERS.items()
}


def detect_language(text: str) -> str:
    """The language ("en", "nl", "de") with most function words in the first 20,000 characters.

    "und" (undetermined) when fewer than three function words of any of them occur.
    """
    words = collections.Counter(_WORD.findall(text[:20_000].lower()))
    counts = {
        language: (sum(words[word] for word in markers), sum(words[word] for word in _OWN_MARKERS[language]))
        for language, markers in _LANGUAGE_MARKERS.items()
    }
    best = max(counts, key=lambda language: counts[language])
    return best if counts[best][0] >= 3 else "und"


def _imposed_on_suppliers(
    analysis: SentenceAnalysis, sentence: str, cue_start: int, code_rules_count: bool
) -> bool:
    """Whether the practice at ``cue_start`` is one suppliers must carry out, not the company.

    "We require our suppliers to train their workers", "vendors must verify the age of workers",
    "Lieferanten müssen ihre Beschäftigten schulen": the supplier acts. Not when suppliers must let
    the company act or receive something from it ("suppliers must allow us to inspect their
    factories", "must pass an audit", "are required to attend our training"). With
    ``code_rules_count`` a rule of an appended supplier code in which the company does not speak
    ("training shall be provided to all workers") is also the supplier's.
    """
    clause_start, clause_end = analysis.clause(cue_start)
    lowered = analysis.lowered
    # A requirement reaches into the clause it governs ("must ensure that their staff receive
    # training", "müssen sicherstellen, dass ihr Personal … geschult wird"), not across ";" or "but".
    reach_start = max(0, cue_start - _IMPOSED_REACH_CHARS)
    for requirement in _IMPOSED.finditer(lowered, reach_start, cue_start):
        gap = lowered[requirement.end() : cue_start]
        if (
            len(_WORD.findall(gap)) <= _IMPOSED_REACH_WORDS
            and not _RECIPIENT.search(gap)
            and not _HARD_BREAK.search(gap)
            and not _NEW_PREDICATE.search(gap)
        ):
            return True
    if code_rules_count and _CODE_RULE.search(lowered, clause_start, clause_end):
        # "Bis 2026 sollen sämtliche Führungskräfte … eine Schulung … absolviert haben" is the company's plan
        return (
            not _FIRST_PERSON.search(sentence)
            and analysis.polarity(cue_start, cue_start + 1) is not Polarity.PLANNED
        )
    return False


def _words_before(analysis: SentenceAnalysis, position: int, count: int) -> int:
    """The offset where the ``count``-th word before ``position`` starts (0 if there are fewer)."""
    tokens = analysis.tokens
    index = bisect.bisect_left(tokens, position, key=lambda token: token.start)
    words = [token for token in tokens[max(0, index - 3 * count) : index] if token.text[:1].isalnum()]
    return words[-count].start if len(words) >= count else 0


def _other_purpose(analysis: SentenceAnalysis, cue_start: int, cue_end: int, reach: str) -> bool:
    """The cue's own wording gives it a purpose other than labour and human rights; ``reach`` is
    where that wording is read: "sentence", "clause" or "cue" (a few words around it). The caller
    checks first that the sentence is not also about labour or human rights."""
    lowered = analysis.lowered
    if reach == "sentence":
        return bool(_OTHER_PURPOSE.search(lowered))
    clause_start, clause_end = analysis.clause(cue_start)
    if reach == "cue":
        words_start = _words_before(analysis, cue_start, _PURPOSE_WORDS_BEFORE)
        clause_start = max(clause_start, min(cue_start - _PURPOSE_CHARS_BEFORE, words_start))
        clause_end = min(clause_end, cue_end + _PURPOSE_CHARS_AFTER)
    return bool(_OTHER_PURPOSE.search(lowered, clause_start, clause_end))


@dataclass(frozen=True)
class _Hit:
    passage: Passage
    match_start: int
    match_end: int
    polarity: Polarity
    weak: bool


@dataclass
class _PreparedPassage:
    passage: Passage
    lowered: str
    has_context: bool
    is_heading: bool
    is_short_heading: bool  # one to four words: a heading even for criteria whose titles count
    language: str
    previous_lowered: str  # the passage before it ("" for the first)
    planned_item: bool = False  # an item of a list that a plan heading introduces
    _analysis: SentenceAnalysis | None = None
    _social: bool | None = None

    @property
    def analysis(self) -> SentenceAnalysis:
        # Only passages with some cue are analysed, so most of a long report never is.
        if self._analysis is None:
            self._analysis = analyse(self.passage.text, self.language)
        return self._analysis

    @property
    def social_purpose(self) -> bool:
        """Whether the passage is about labour or human rights, which overrides any other purpose;
        read once per passage, since most passages with a cue are."""
        if self._social is None:
            lowered = self.lowered
            if _NEGATOR.search(lowered) is None:
                self._social = bool(_SOCIAL_PURPOSE.search(lowered))
            else:
                self._social = any(
                    not _NOT_ABOUT.search(lowered, max(0, found.start() - _NOT_ABOUT_CHARS), found.start())
                    for found in _SOCIAL_PURPOSE.finditer(lowered)
                )
        return self._social


def _passage_may_hold(
    compiled: _CompiledCriterion, prepared: _PreparedPassage, languages: frozenset[str]
) -> bool:
    """Cheap rules first: headings, required context, the prerequisite, and any cue at all."""
    heading = prepared.is_short_heading if compiled.criterion.titles_count else prepared.is_heading
    if heading or (compiled.criterion.context_required and not prepared.has_context):
        return False
    if compiled.prerequisite is not None and not compiled.prerequisite.search(prepared.lowered):
        return False
    # One search with all cues as alternatives rules most sentences out several times faster than
    # running each cue; only sentences with some cue are searched cue by cue for every match.
    return bool(_any_cue(compiled.criterion.id, languages).search(prepared.lowered))


def _cue_counts(
    compiled: _CompiledCriterion, prepared: _PreparedPassage, match: re.Match[str], cue: _CompiledCue
) -> bool:
    """Whether a cue match is evidence at all (before its polarity is decided)."""
    lowered = prepared.lowered
    analysis = prepared.analysis
    criterion = compiled.criterion
    if analysis.is_ignored(match.start(), titles_count=criterion.titles_count):
        return False
    if cue.requires is not None and not cue.requires.search(lowered):
        return False
    if cue.unless_before is not None and cue.unless_before.search(lowered, 0, match.start()):
        return False
    if cue.unless_after is not None and cue.unless_after.match(lowered, match.end()):
        return False
    if (
        criterion.purpose_checked
        and not prepared.social_purpose
        and _other_purpose(analysis, match.start(), match.end(), _PURPOSE_REACH.get(criterion.id, "cue"))
    ):
        return False
    return not (
        criterion.own_practice_only
        and _imposed_on_suppliers(analysis, prepared.passage.text, match.start(), criterion.id == "training")
    )


def _subject_named(compiled: _CompiledCriterion, prepared: _PreparedPassage) -> bool:
    """Whether the passage (or, where the criterion allows, the one before it) names the subject."""
    if compiled.subject is None or compiled.subject.search(prepared.lowered):
        return True
    return compiled.criterion.subject_carries_over and bool(
        compiled.subject.search(prepared.previous_lowered)
    )


def _vetoed(compiled: _CompiledCriterion, lowered: str) -> bool:
    if compiled.exclusion is not None and compiled.exclusion.search(lowered):
        return True
    return compiled.passage_exclusion is not None and compiled.passage_exclusion.match(lowered) is not None


def _hits_in_passage(
    compiled: _CompiledCriterion, prepared: _PreparedPassage, languages: frozenset[str]
) -> list[_Hit]:
    if not _passage_may_hold(compiled, prepared, languages):
        return []
    lowered = prepared.lowered
    # Vetoes are checked only for sentences with some cue: most sentences have none, so this is cheaper.
    if _vetoed(compiled, lowered):
        return []
    if not _subject_named(compiled, prepared):
        return []
    hits: list[_Hit] = []
    seen: set[int] = set()
    for language, cues in compiled.cues.items():
        if language not in languages:
            continue
        for cue in cues:
            position = 0
            while (match := cue.pattern.search(lowered, position)) is not None:
                if match.end() == match.start() or not _cue_counts(compiled, prepared, match, cue):
                    # A match that is not evidence (it starts in a heading, say) may hide a later,
                    # overlapping one that is: search on from the next character.
                    position = match.start() + 1
                    continue
                position = match.end()
                if match.start() in seen:
                    continue
                seen.add(match.start())
                weak = cue.weak or bool(compiled.weak and compiled.weak.search(match.group(0)))
                polarity = _polarity(prepared, match, cue)
                hits.append(_Hit(prepared.passage, match.start(), match.end(), polarity, weak))
    return sorted(hits, key=lambda hit: hit.match_start)


def _polarity(prepared: _PreparedPassage, match: re.Match[str], cue: _CompiledCue) -> Polarity:
    polarity = prepared.analysis.polarity(match.start(), match.end(), consequence=cue.consequence)
    if (
        prepared.planned_item
        and polarity is Polarity.AFFIRMED
        and not prepared.analysis.exists(match.start())
    ):
        return Polarity.PLANNED
    return polarity


@functools.lru_cache(maxsize=64)
def _any_cue(criterion_id: str, languages: frozenset[str]) -> re.Pattern[str]:
    cues = _COMPILED[criterion_id].cues
    patterns = [
        cue.pattern.pattern
        for language, compiled in cues.items()
        if language in languages
        for cue in compiled
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


def _judge(criterion_id: str, hits: Sequence[_Hit], passage_count: int, on_topic: bool) -> CriterionResult:
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
    # Silence in a long document is better evidence of absence than silence in a short one, and
    # silence in a statement about slavery, trafficking or the supply chain better than elsewhere.
    if on_topic:
        confidence = 0.7 + 0.2 * min(1.0, passage_count / 40)
    else:
        confidence = 0.5 + 0.4 * min(1.0, passage_count / 60)
    return CriterionResult(criterion_id, Verdict.NOT_FOUND, round(confidence, 2), ())


def _selected(criteria: Sequence[str] | None) -> list[_CompiledCriterion]:
    if criteria is None:
        return list(_COMPILED.values())
    unknown = [criterion_id for criterion_id in criteria if criterion_id not in CRITERIA_BY_ID]
    if unknown:
        raise ValueError(f"unknown criteria: {', '.join(unknown)}; known: {', '.join(CRITERIA_BY_ID)}")
    return [_COMPILED[criterion_id] for criterion_id in criteria]


def _headings(passages: Sequence[Passage]) -> list[bool]:
    """Which passages are headings, labels or statutory echoes rather than statements.

    A nominal line after one ending in ":" is an item of the list it introduces ("Our programme
    includes:" / "Unannounced third-party audits"), and so is the next one without a full stop.
    """
    headings = []
    in_list = False
    for passage in passages:
        text = passage.text.rstrip()
        headings.append(passage_is_heading(text, after_colon=in_list))
        in_list = text.endswith(":") or (in_list and not text.endswith((".", "!", "?")))
    return headings


def _planned_items(passages: Sequence[Passage], headings: Sequence[bool]) -> list[bool]:
    """Which passages are items of a list that a plan heading introduces ("Priorities for the coming
    year:" / "- pilot unannounced audits …", "Actiepunten 2025" / "1. …"): each is a plan."""
    items = []
    in_plan = False
    for passage, heading in zip(passages, headings, strict=True):
        text = passage.text.strip()
        if in_plan and is_list_item(text):
            items.append(True)
            continue
        items.append(False)
        in_plan = (heading or text.endswith(":")) and is_plan_heading(text)
    return items


def assess_document(document: ExtractedDocument, criteria: Sequence[str] | None = None) -> Assessment:
    """Assess an extracted disclosure against ``criteria`` (all criteria when None)."""
    selected = _selected(criteria)
    passages = split_passages(document)
    lowered = [_lowercase_same_length(passage.text) for passage in passages]
    context = [bool(_CONTEXT.search(text)) for text in lowered]
    on_topic = any(_CORE_TOPIC.search(text) for text in lowered)
    # A short disclosure about slavery, trafficking or the supply chain (a transparency statement) is
    # on topic throughout: "Audits / Our audits are unannounced." needs no topic word of its own.
    if on_topic and len(passages) <= _SHORT_DOCUMENT_PASSAGES:
        context = [True] * len(passages)
    language = detect_language(document.text)
    # A sentence inherits the topic of the one before it ("Our suppliers ... . We audit them.").
    headings = _headings(passages)
    planned_items = _planned_items(passages, headings)
    prepared = [
        _PreparedPassage(
            passage=passage,
            lowered=lowered[index],
            has_context=context[index] or (index > 0 and context[index - 1]),
            is_heading=headings[index],
            is_short_heading=bool(_SHORT_HEADING.fullmatch(passage.text)),
            language=language,
            previous_lowered=lowered[index - 1] if index else "",
            planned_item=planned_items[index],
        )
        for index, passage in enumerate(passages)
    ]
    # Cues of the document's language plus English, whose terms ("audit", "due diligence") Dutch and
    # German reports borrow; every language when the language is unclear.
    languages = frozenset({"any", "en", language} if language != "und" else {"any", *LANGUAGES})
    results = []
    for compiled in selected:
        hits: list[_Hit] = []
        for item in prepared:
            hits.extend(_hits_in_passage(compiled, item, languages))
        results.append(_judge(compiled.criterion.id, hits, len(passages), on_topic))
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
