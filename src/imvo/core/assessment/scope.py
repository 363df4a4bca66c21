"""What a sentence says about a practice: clause, list and modality analysis of one passage.

The cue patterns in :mod:`imvo.core.assessment.criteria` find *wording* for a practice; this module
decides what the sentence around that wording says about it, for every criterion at once:

* **Not evidence at all** (``None``): headings and labels ("Verification of product supply chains
  to evaluate and address risks …", "Supplier audits:", "Internal Accountability" on its own line),
  sentences that repeat the statute's own list without a subject ("Conducts audits of suppliers to
  evaluate supplier compliance with company standards …"), descriptions of what a law requires
  ("The Act requires companies to disclose whether they audit suppliers"), and questions.
* **Negated**: a negator governs the cue. Its *scope* runs from the negator over the rest of the
  clause, through lists ("does not verify …, audit its suppliers …, or require suppliers to
  certify" negates all three) and long noun phrases ("do not currently provide our employees and
  managers with formal training"), and ends at a clause boundary, a new subject, a new finite verb
  ("suppliers that do not comply *will* be audited") or "and" + a new verb ("we do not tolerate
  forced labour and audit our suppliers"). "No", "geen" and "kein" negate only the noun phrase (or
  list of noun phrases) they stand before, so "no instances of forced labour in our audits" does not
  negate the audits. Dutch and German "niet"/"nicht" after the verb and object, and English
  "… are not carried out", negate the cue before them. A negated *qualifier* is not a negated
  practice: "the verification was not conducted by a third party" (the statute asks companies to
  say exactly this), "audits are not unannounced".
* **Planned** (or only possible): plans, intentions, things under development or consideration
  ("intends to evaluate …", "will assist us with the development of …", "is being developed",
  "in Vorbereitung"), and possibilities ("these may include audits"). A right the company reserves
  ("we may audit suppliers") is practice, not a possibility; so are consequences, which policies
  always state as possibilities ("may result in termination"), when the criterion says so.
* **Affirmed** otherwise.

These are rules over tokens, not a parse; they are language-specific only in their word lists
(English, Dutch, German). Everything here works on the lower-cased passage text, whose offsets equal
those of the original.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from imvo.core.assessment.criteria import (
    ABSENT_CONSEQUENCE,
    AUXILIARIES,
    CONTRAST_WORDS,
    LIST_WORDS,
    NEGATOR_FALSE_FRIENDS,
    NP_NEGATORS,
    NP_STOP_WORDS,
    PLANNED_AFTER,
    PLANNED_BEFORE,
    POSSIBILITY_MARKERS,
    PREDICATE_WORDS,
    QUALIFIER_NEGATION,
    REFUSAL_VERBS,
    STATUTE_FRAMES,
    STATUTE_HEADING_START,
    STATUTE_PHRASES,
    SUBJECT_STARTERS,
    SUBORDINATORS,
    TRAILING_NEGATOR_EXCEPTIONS,
    TRAILING_NEGATORS,
    VERB_HINTS,
    VERB_HINTS_NL_DE,
    VERBAL_NEGATORS,
    WIDE_NEGATORS,
)

_FLAGS = re.IGNORECASE | re.UNICODE
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]", re.UNICODE)
_MAX_SCOPE_TOKENS = 90
_NP_ITEM_TOKENS = 4
_PLANNED_AFTER_CHARS = 120
_TRAILING_REACH_TOKENS = 16
_RELATIVE_REACH_TOKENS = 6
# How far before a consequence cue "without" / "ohne" / "zonder" may stand ("without any sanctions").
_ABSENT_REACH_CHARS = 24


class Polarity(StrEnum):
    AFFIRMED = "affirmed"
    NEGATED = "negated"
    PLANNED = "planned"


def _lowercase_pattern(pattern: str) -> str:
    """The pattern with its literals in lower case; escapes (``\\W``, ``\\S``) are kept as written."""
    parts: list[str] = []
    escaped = False
    for char in pattern:
        parts.append(char if escaped else char.lower())
        escaped = char == "\\" and not escaped
    return "".join(parts)


def lowered_pattern(pattern: str) -> re.Pattern[str]:
    """``pattern`` for lower-cased text: Python's re matches much faster without IGNORECASE."""
    return re.compile(_lowercase_pattern(pattern), re.UNICODE)


def _words(pattern: str) -> frozenset[str]:
    return frozenset(pattern.split())


_AUX = _words(AUXILIARIES)
_TRAILING_AUX = _AUX | _words("has have had do does did hasn't")
_CONTRAST = _words(CONTRAST_WORDS)
_LIST = _words(LIST_WORDS)
_LIST_NL = _LIST | {"of"}  # Dutch "of" is "or"; in English it ends a noun phrase
_AND = _words("and & en und sowie")
_NP_NEG = _words(NP_NEGATORS)
_NP_STOP = _words(NP_STOP_WORDS)
_SUBJECTS = _words(SUBJECT_STARTERS)
_PRONOUNS = _SUBJECTS - _words("our onze ons unsere unser unserer this these")
_PRONOUNS_EN = _words("we it they he she i")
_SUBORDINATE = _words(SUBORDINATORS)
_VERBS_EN = _words(VERB_HINTS)
_VERBS_NL_DE = _words(VERB_HINTS_NL_DE)
_VERBS = _VERBS_EN | _VERBS_NL_DE
_VERBAL_NEG = _words(VERBAL_NEGATORS)
_TRAILING = _words(TRAILING_NEGATORS)
_REFUSALS = _words(REFUSAL_VERBS)
_TRAILING_EXCEPT = _words(TRAILING_NEGATOR_EXCEPTIONS)
_SENTENCE_STOPS = frozenset({"?", "!", "."})
_HARD_STOPS = _SENTENCE_STOPS | {";", ":"} | _CONTRAST
_CONTAINS = _words("contain contains contained include includes included have has had are is were was")
_DUTCH_RELATIVE = _words("die dat waarbij welke waarin")
_GERMAN_RELATIVE = _words("die der das welche welcher welches denen deren dessen")
_RELATIVE = _words("who that which whose die dat welke welche")
_INVERTED_SUBJECTS = _words("wij we wir ze zij sie")
# Dutch words that open a relative clause ("dat" is also "that" introducing what is said: left out).
_DUTCH_RELATIVE_OPENERS = _words("die welke waarmee waarbij waarin waarvoor waardoor waarop")
# Prepositions before a relative pronoun ("…, nach der …", "…, bei denen …", "…, bij wie …").
_RELATIVE_PREPOSITIONS = _words("nach bei mit von für in an auf aus zu über unter bij met van voor op aan")
# Words that open a main clause after a fronted condition, before its verb.
_RESUMING = _words("dan dann so")
# What opens a clause embedded in a German one, to be read past.
_EMBEDDED_GERMAN = _GERMAN_RELATIVE | {"dass"}
_VERB_FINAL_RELATIVE_REACH = 12
_GERMAN_RELATIVE_WORDS = _GERMAN_RELATIVE | _RELATIVE
# What opens a verb-final relative clause after a comma ("Lieferanten, die …", "…, waarmee …").
_VERB_FINAL_RELATIVE = _GERMAN_RELATIVE | _DUTCH_RELATIVE_OPENERS
# Contrast adverbs that stand inside a Dutch or German clause ("existiert jedoch noch nicht"),
# unlike a conjunction that starts a new one.
_CONTRAST_ADVERBS = _words("echter jedoch allerdings hingegen dagegen")
# Subordinators that open a condition or time clause after the main clause; Dutch "als" only before
# the clause's subject ("als er …", "als een leverancier …"), since it is also "as".
_CONDITION_OPENERS = _words(
    "wanneer indien zodra totdat tenzij nadat omdat wenn falls sofern sobald nachdem weil solange"
)
_CONDITION_SUBJECTS = _words("er een de het zij ze hij wij we deze dit u")
# What opens the alternative that a negation after a comma rules out ("…, nicht über einen Dritten").
_AFTERTHOUGHT_PREPOSITIONS = _words("über durch via door von van bei bij mit met")
_FRONTING = _words("while whilst although though whereas if because since as even")
# "Weder … noch …", "neither … nor …" negate both members and the verb that follows them ("Weder die
# Geschäftsführung noch der Einkauf wurde geschult"): a finite verb after them does not end the scope.
_CORRELATIVE = _words("weder neither")
# Scopes that end at a new clause (a new subject, "and" + a new verb).
_CLAUSE_BOUND = frozenset({"verbal", "np", "correlative"})

_FALSE_FRIEND = lowered_pattern(NEGATOR_FALSE_FRIENDS)
_ABSENT_CONSEQUENCE = lowered_pattern(ABSENT_CONSEQUENCE)
_WIDE = lowered_pattern(WIDE_NEGATORS)
_PLANNED_BEFORE = lowered_pattern(PLANNED_BEFORE)
_PLANNED_AFTER = lowered_pattern(PLANNED_AFTER)
_POSSIBLE = lowered_pattern(POSSIBILITY_MARKERS)
_QUALIFIER = lowered_pattern(QUALIFIER_NEGATION)
_STATUTE_FRAME = lowered_pattern(STATUTE_FRAMES)
_STATUTE_PHRASE = re.compile(STATUTE_PHRASES, _FLAGS)
_STATUTE_START = re.compile(STATUTE_HEADING_START, _FLAGS)
_PREDICATE = re.compile(PREDICATE_WORDS, _FLAGS)
_FIRST_PERSON_SUBJECT = re.compile(r"\b(?:we|wij|wir)\b", _FLAGS)
_ANSWER_START = re.compile(r"[:;]")
_ENUMERATOR = re.compile(r"^[\s•▪●◦*\-–—]*(?:\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)]\s+)?", _FLAGS)
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_BULLET_START = re.compile(r"^\s*[•▪●◦*\-–—]\s")
_LABEL = re.compile(r"([^:.!?;\n]{1,160})(?::|\s[–—-]\s)")


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str


def _tokens(lowered: str) -> list[_Token]:
    return [_Token(match.start(), match.end(), match.group()) for match in _TOKEN.finditer(lowered)]


def _is_negator(token: _Token) -> bool:
    return token.text in _VERBAL_NEG or token.text.endswith(("n't", "n’t"))


@dataclass(frozen=True)
class SentenceAnalysis:
    """Spans of one passage that are not evidence, negated, planned or only possible."""

    ignored: tuple[tuple[int, int], ...]  # descriptions of the law
    lead_end: int  # the end of a heading or label that opens the passage (0: none)
    negated: tuple[tuple[int, int], ...]
    planned: tuple[tuple[int, int], ...]
    possible: tuple[tuple[int, int], ...]
    tokens: tuple[_Token, ...]
    clause_breaks: tuple[int, ...]
    lowered: str
    language: str

    def clause(self, position: int) -> tuple[int, int]:
        """The clause around ``position``: between the nearest hard clause breaks."""
        start, end = 0, len(self.lowered)
        for offset in self.clause_breaks:
            if offset <= position:
                start = offset
            else:
                end = offset
                break
        return start, end

    def is_ignored(self, position: int, *, titles_count: bool = False) -> bool:
        """Whether a cue here is no evidence: in a description of the law, or (unless
        ``titles_count``) in the heading or label that opens the passage."""
        return _covers(self.ignored, position) or (not titles_count and position < self.lead_end)

    def polarity(self, cue_start: int, cue_end: int, *, consequence: bool = False) -> Polarity:
        if (
            _covers(self.negated, cue_start)
            or _trailing_negation(self, cue_start, cue_end)
            or self._negated_inside(cue_start, cue_end)
            or (consequence and self._consequence_absent(cue_start, cue_end))
        ):
            return Polarity.NEGATED
        if _covers(self.planned, cue_start) or self._planned_after(cue_start):
            return Polarity.PLANNED
        if not consequence and _covers(self.possible, cue_start):
            return Polarity.PLANNED
        return Polarity.AFFIRMED

    def _consequence_absent(self, cue_start: int, cue_end: int) -> bool:
        # "Verstöße bleiben ohne Folgen", "violations have gone unpunished": named to say they lack.
        return bool(
            _ABSENT_CONSEQUENCE.search(self.lowered, max(0, cue_start - _ABSENT_REACH_CHARS), cue_end)
        )

    def _planned_after(self, cue_start: int) -> bool:
        # "Training for buyers is planned for 2025", "Schulungen … sind für 2025 geplant".
        clause_start, clause_end = self.clause(cue_start)
        if self._in_embedded_relative(clause_start, cue_start):
            # "Eine Regelung, nach der Lieferanten … gesperrt werden, wird derzeit erarbeitet": what the
            # relative clause describes is planned by the main clause around it.
            clause_end = self.clause(clause_end)[1]
        skipped, clause_end = self._past_relative_clause(clause_end)
        reach = cue_start + skipped + _PLANNED_AFTER_CHARS
        return bool(_PLANNED_AFTER.search(self.lowered, cue_start, min(clause_end, reach)))

    def _past_relative_clause(self, clause_end: int) -> tuple[int, int]:
        """When the clause break at ``clause_end`` only opens an embedded Dutch or German relative
        clause ("Ein Sanktionskatalog für Lieferanten, die … verstoßen, ist für 2027 vorgesehen"):
        the length of that relative clause and the end of the clause that continues after it
        (otherwise 0 and ``clause_end``)."""
        if not self._opens_embedded_relative(clause_end):
            return 0, clause_end
        index = _token_index_after(self.tokens, clause_end)
        resumed = _next_comma(self.tokens, index + 1)
        if resumed >= len(self.tokens):
            return 0, clause_end
        resumed_start = self.tokens[resumed].start
        return resumed_start - clause_end, self.clause(resumed_start)[1]

    def _in_embedded_relative(self, clause_start: int, cue_start: int) -> bool:
        first = _token_index_after(self.tokens, clause_start)
        last = _token_index_after(self.tokens, cue_start)
        return any(
            (self.tokens[index].text == "," and self._opens_embedded_relative(self.tokens[index].start))
            # Dutch sets no comma before the pronoun: "Een regeling waarmee … worden uitgesloten, …"
            or (
                self.language == "nl"
                and self.tokens[index].text in _DUTCH_RELATIVE_OPENERS
                and _opens_relative_clause(self.tokens, index, "nl")
            )
            for index in range(first, last)
        )

    def _opens_embedded_relative(self, offset: int) -> bool:
        """Whether a Dutch or German relative clause begins at the comma at ``offset`` (its pronoun
        right after it, or after a preposition: "…, nach der …", "…, bij wie …")."""
        index = _token_index_after(self.tokens, offset)
        if self.language not in ("nl", "de") or index >= len(self.tokens) or self.tokens[index].text != ",":
            return False
        following = _next_text(self.tokens, index)
        if following in _RELATIVE_PREPOSITIONS:
            following = _next_text(self.tokens, index + 1)
        return following in _VERB_FINAL_RELATIVE

    def _negated_inside(self, cue_start: int, cue_end: int) -> bool:
        # Multi-word cues can enclose the negation ("OESO-richtlijnen nog niet onderschreven").
        index = _token_index_after(self.tokens, cue_start + 1)
        while index < len(self.tokens) and self.tokens[index].start < cue_end:
            token = self.tokens[index]
            if (_is_negator(token) or token.text in _NP_NEG) and not _FALSE_FRIEND.match(
                self.lowered, token.start
            ):
                return True
            index += 1
        return False


def _covers(spans: Sequence[tuple[int, int]], position: int) -> bool:
    return any(start <= position < end for start, end in spans)


def _next_text(tokens: Sequence[_Token], index: int) -> str:
    return tokens[index + 1].text if index + 1 < len(tokens) else ""


def _starts_new_clause(tokens: Sequence[_Token], index: int, language: str = "") -> bool:
    """Whether ``tokens[index]`` (a comma or a conjunction) begins a new clause with its own verb.

    With ``language`` "nl" or "de" only Dutch and German verbs count: "audits", "trainings" after
    "oder"/"en" are nouns there ("Eine Risikoanalyse oder Audits … führen wir nicht durch")."""
    following = _next_text(tokens, index)
    if tokens[index].text == ",":
        return following in _SUBJECTS or following in _SUBORDINATE or following in _AUX
    verbs = _VERBS_NL_DE if language in ("nl", "de") else _VERBS
    return following in _PRONOUNS or following in verbs or following in _AUX


# What a token does to a scope being scanned.
_STOP, _NEW_ITEM, _WORD = "stop", "new item", "word"


def _scope_end(tokens: Sequence[_Token], first: int, mode: str, limit: int, lists: frozenset[str]) -> int:
    """The character offset where the scope of an operator ending before ``tokens[first]`` ends.

    ``mode`` is "verbal" (not, niet, nicht), "correlative" (weder, neither), "np" (no, geen, kein),
    "wide" (not feasible, has yet to) or "planned" (plans and possibilities).
    """
    item_tokens = 0
    last = min(len(tokens), first + _MAX_SCOPE_TOKENS)
    for index in range(first, last):
        action = _scope_step(tokens, index, first, mode, lists)
        if action == _STOP:
            return tokens[index].start
        if action == _NEW_ITEM:
            item_tokens = 0
        elif mode == "np":
            item_tokens += 1
            if item_tokens > _NP_ITEM_TOKENS:
                return tokens[index].start
    return limit if last == len(tokens) else tokens[last].start


def _scope_step(tokens: Sequence[_Token], index: int, first: int, mode: str, lists: frozenset[str]) -> str:
    text = tokens[index].text
    if text in _HARD_STOPS:
        # "wir planen jedoch, …", "we do not, however, require …": a contrast word right after the
        # operator is an adverb of it
        adverb = index == first or (index == first + 1 and tokens[first].text == ",")
        return _NEW_ITEM if adverb and text in _CONTRAST else _STOP
    if text == ",":
        return _comma_step(tokens, index, mode)
    if text == "/":
        return _NEW_ITEM
    if text in lists:
        # "and" + a new verb or subject ends the negation; "or"/"nor" lists share it.
        if mode in _CLAUSE_BOUND and text in _AND and _starts_new_clause(tokens, index):
            return _STOP
        return _STOP if _next_text(tokens, index) in _PRONOUNS else _NEW_ITEM
    if index > first and mode == "verbal" and text in _AUX and tokens[index - 1].text not in _RELATIVE:
        # a new predicate ends the negation, but not one of a relative clause inside its scope
        # ("we do not provide our managers who are responsible for sourcing with training")
        return _STOP
    if index > first and mode == "np" and (text in _NP_STOP or text in _AUX):
        return _STOP
    return _WORD


def _comma_step(tokens: Sequence[_Token], index: int, mode: str) -> str:
    """A new subject ends every scope; a subordinate clause ends all but the wide and planned ones
    ("it is not possible, given our size, to audit"; "wir planen, unsere Einkäufer zu schulen")."""
    following = _next_text(tokens, index)
    if following in _PRONOUNS or (mode in _CLAUSE_BOUND and _starts_new_clause(tokens, index)):
        return _STOP
    if mode == "wide" and following in _SUBJECTS and tokens[0].text in _FRONTING:
        # "While it is not possible to audit every vendor, our team inspects …": the main clause
        # after a fronted subordinate clause is not in its scope
        return _STOP
    if mode != "planned" and _inverted_main_clause(tokens, index):
        return _STOP
    if index + 2 < len(tokens) and tokens[index + 2].text in _CONTRAST:
        # a verb and "but" after the comma open a clause of their own ("kein Auditprogramm, schulen
        # aber unsere Einkäufer")
        return _STOP
    return _NEW_ITEM


def _inverted_main_clause(tokens: Sequence[_Token], index: int) -> bool:
    """A comma followed by a verb and a pronoun opens the main clause after a fronted subordinate
    clause ("Als een leverancier … niet nakomt, beëindigen wij …", "Behebt ein Lieferant … nicht …,
    beenden wir …"): a negation in the subordinate clause does not reach it."""
    if index + 1 < len(tokens) and tokens[index + 1].text in _RESUMING:
        index += 1  # "Blijkt …, dan beëindigen wij …", "…, so beenden wir …"
    return index + 2 < len(tokens) and tokens[index + 2].text in _INVERTED_SUBJECTS


def _token_index_after(tokens: Sequence[_Token], offset: int) -> int:
    """The index of the first token that starts at or after ``offset``."""
    return bisect.bisect_left(tokens, offset, key=lambda token: token.start)


def _negation_scopes(
    lowered: str, tokens: Sequence[_Token], lists: frozenset[str], language: str
) -> list[tuple[int, int]]:
    scopes: list[tuple[int, int]] = []
    for index, token in enumerate(tokens):
        verbal = _is_negator(token)
        if not verbal and token.text not in _NP_NEG:
            continue
        if _FALSE_FRIEND.match(lowered, token.start):
            continue
        if verbal and _conditional(tokens, index, language):
            continue
        mode = ("correlative" if token.text in _CORRELATIVE else "verbal") if verbal else "np"
        end = _scope_end(tokens, index + 1, mode, len(lowered), lists)
        scopes.append((token.end, end))
    for match in _WIDE.finditer(lowered):
        if _FALSE_FRIEND.match(lowered, match.start()):
            continue
        first = _token_index_after(tokens, match.end())
        scopes.append((match.start(), _scope_end(tokens, first, "wide", len(lowered), lists)))
    return scopes


def _conditional(tokens: Sequence[_Token], index: int, language: str) -> bool:
    """A negation inside a restrictive relative clause states a condition, not that the practice is
    absent: "vendors who do not sign our code are not approved", "Lieferanten, die nicht …".

    German "die", "der", "das" are relative pronouns only after a comma; otherwise articles.
    """
    if language in ("de", "nl"):
        # A Dutch or German relative clause puts its verb last, so its negation may stand further
        # from the pronoun ("Lieferanten, die an der Abhilfe nicht mitwirken, …", "een medewerker die
        # vermoedens … niet meldt, …"). German marks it with a comma; Dutch often does not.
        for position in range(index - 1, max(0, index - _VERB_FINAL_RELATIVE_REACH) - 1, -1):
            if tokens[position].text == "," or (
                tokens[position].text in _LIST and _starts_new_clause(tokens, position, language)
            ):
                return False  # "… en hebben ook niet onderzocht": a clause of its own
            if _opens_relative_clause(tokens, position, language):
                return True
        return False
    return any(tokens[position].text in _RELATIVE for position in range(max(0, index - 3), index))


def _opens_relative_clause(tokens: Sequence[_Token], position: int, language: str) -> bool:
    text = tokens[position].text
    if position == 0:
        return False
    if language == "de":
        return text in _GERMAN_RELATIVE_WORDS and tokens[position - 1].text == ","
    # Dutch "die" after a noun, not after a verb or at the start ("die leveranciers …" is "those")
    previous = tokens[position - 1]
    return (
        text in _DUTCH_RELATIVE_OPENERS
        and previous.text.isalpha()
        and previous.text not in _VERBS_NL_DE | _AUX
        and not _is_negator(previous)  # "wij weten niet welke …" asks, it does not qualify
    )


def _marker_scopes(
    pattern: re.Pattern[str], lowered: str, tokens: Sequence[_Token], lists: frozenset[str]
) -> list[tuple[int, int]]:
    scopes = []
    for match in pattern.finditer(lowered):
        first = _token_index_after(tokens, match.end())
        if first < len(tokens) and tokens[first].text == ",":
            # a fronted adverbial reaches the clause after it ("Going forward, we will check …")
            first += 1
        end = _scope_end(tokens, first, "planned", len(lowered), lists)
        if lowered.startswith(":", end):
            # a plan that introduces a list ("Over the next year we plan to: map …; train …") covers
            # every item of it, which semicolons separate
            end = _sentence_end(tokens, _token_index_after(tokens, end), len(lowered))
        scopes.append((match.start(), end))
    return scopes


def _sentence_end(tokens: Sequence[_Token], index: int, limit: int) -> int:
    for token in tokens[index:]:
        if token.text in _SENTENCE_STOPS:
            return token.start
    return limit


def _trailing_negation(analysis: SentenceAnalysis, cue_start: int, cue_end: int) -> bool:
    """A negation after the cue that negates it: "audits are not carried out", "wij auditen niet",
    "Audits führen wir nicht durch", "unsere Verträge enthalten keine Klauseln"."""
    tokens = analysis.tokens
    first = _token_index_after(tokens, cue_end)
    if _in_relative_clause(analysis, cue_start):
        return False  # "suppliers who refuse to sign our declaration are not approved"
    index = first
    previous = ""
    while index < min(len(tokens), first + _TRAILING_REACH_TOKENS):
        verdict, following = _trailing_step(analysis, index, first, previous)
        if verdict is not None:
            return verdict
        previous = tokens[index].text if following == index + 1 else ","
        index = following
    return False


def _trailing_step(
    analysis: SentenceAnalysis, index: int, first: int, previous: str
) -> tuple[bool | None, int]:
    """What ``tokens[index]`` says about a trailing negation: negated (True), not (False), or read
    on (None) from the returned index."""
    tokens = analysis.tokens
    token = tokens[index]
    text = token.text
    if analysis.language in ("nl", "de") and (step := _verb_final_step(analysis, index, first, previous)):
        return step
    if (
        text in _HARD_STOPS
        or ((text == "," or text in _LIST) and _starts_new_clause(tokens, index, analysis.language))
        or (
            analysis.language == "nl"
            and text in _DUTCH_RELATIVE
            and not _dutch_relative_after(tokens, index - 1)
        )
        or _FALSE_FRIEND.match(analysis.lowered, token.start)
    ):
        return False, index
    if text in _REFUSALS and previous == "zu":
        # "verpflichten sich, auf Zwangsarbeit zu verzichten": the refusal is what they commit to
        return False, index
    if text in _TRAILING or (text in _NP_NEG and text not in ("no", "none")):
        # Dutch and German put the negation after the verb and its object.
        if text in _TRAILING and _next_text(tokens, index) in _TRAILING_EXCEPT:
            return False, index
        if previous == "," and _next_text(tokens, index) in _AFTERTHOUGHT_PREPOSITIONS:
            # "führen wir selbst durch, nicht über einen Dritten": the negation rules out only the
            # alternative after it
            return False, index
        return not _QUALIFIER.match(analysis.lowered, token.end), index
    if analysis.language not in ("nl", "de"):
        return _english_trailing(analysis, index, index - first, previous), index + 1
    return None, index + 1


def _verb_final_step(
    analysis: SentenceAnalysis, index: int, first: int, previous: str
) -> tuple[bool | None, int] | None:
    """The Dutch and German clause shapes a trailing negation is read past or stops at; None when
    ``tokens[index]`` is none of them."""
    tokens = analysis.tokens
    text = tokens[index].text
    if text == "," and analysis.language == "de" and _next_text(tokens, index) in _EMBEDDED_GERMAN:
        # An embedded relative or "dass" clause ("Verfahren, die … verstoßen, gibt es nicht", "Eine
        # Zertifizierung, dass …, wird nicht gefordert"): skip it.
        return None, _next_comma(tokens, index + 1)
    if text == "," and analysis.language == "nl" and _dutch_relative_after(tokens, index):
        # "Een sanctieregeling voor leveranciers, die zich niet … houden, ontbreekt": skip the clause
        return None, _next_comma(tokens, index + 1)
    if text == "abgesehen" and _next_text(tokens, index) != "von":
        return True, index  # "Von Audits … haben wir bislang abgesehen" (but "abgesehen von" is "apart from")
    if text in _CONTRAST_ADVERBS and previous not in (",", ""):
        return None, index + 1  # "ein Verfahren … existiert jedoch noch nicht"
    if (index > first and text in ("om", "um")) or (
        text in _CONDITION_OPENERS or (text == "als" and _next_text(tokens, index) in _CONDITION_SUBJECTS)
    ):
        # a purpose or condition clause holds its own negation ("… om te controleren of er geen
        # dwangarbeid is", "stoppen we de inkoop als er geen verbetering komt")
        return False, index
    return None


def _dutch_relative_after(tokens: Sequence[_Token], index: int) -> bool:
    """Whether a Dutch relative clause that ends with a comma opens right after ``tokens[index]``
    ("…, die zich niet aan … houden, ontbreekt"): the clause after it continues the sentence."""
    if index + 1 >= len(tokens) or tokens[index + 1].text not in _DUTCH_RELATIVE_OPENERS:
        return False
    if not _opens_relative_clause(tokens, index + 1, "nl") and tokens[index].text != ",":
        return False
    closing = _next_comma(tokens, index + 2)
    return 0 < closing < len(tokens) and tokens[closing - 1].text == ","


def _english_trailing(analysis: SentenceAnalysis, index: int, distance: int, previous: str) -> bool | None:
    """ "Audits of suppliers are not conducted", "contracts contain no clause", "weren't carried out"."""
    tokens = analysis.tokens
    lowered = analysis.lowered
    text = tokens[index].text
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if text in _SUBORDINATE or text in _PRONOUNS_EN:
        return False  # "a questionnaire in which it confirms that it does not use ..."
    new_verb = previous in ("and", "or", ",", "but")
    aux_not = following is not None and following.text in ("not", "never", "no")
    if text in _TRAILING_AUX and not new_verb and distance <= 9 and aux_not:
        assert following is not None
        if _FALSE_FRIEND.match(lowered, following.start):
            return False
        return not _QUALIFIER.match(lowered, following.end)
    if text in _CONTAINS and following is not None and following.text == "no" and distance <= 6:
        return not _FALSE_FRIEND.match(lowered, following.start)
    if _is_negator(token := tokens[index]) and text not in ("not", "never", "nor", "neither"):
        # "audits weren't carried out"
        return previous not in ("and", "or") and distance <= 6 and not _QUALIFIER.match(lowered, token.end)
    if text in _VERBS_EN and text not in _TRAILING_AUX and text not in _CONTAINS:
        return False
    return None


def _in_relative_clause(analysis: SentenceAnalysis, cue_start: int) -> bool:
    """Whether the cue stands in a relative clause that qualifies the subject of the sentence."""
    tokens = analysis.tokens
    cue_index = _token_index_after(tokens, cue_start)
    clause_start, _ = analysis.clause(cue_start)
    window = [
        token.text
        for token in tokens[max(0, cue_index - _RELATIVE_REACH_TOKENS) : cue_index]
        if token.start >= clause_start
    ]
    return any(word in ("who", "that", "which", "whom") for word in window[1:]) if window else False


def _next_comma(tokens: Sequence[_Token], index: int) -> int:
    for position in range(index, len(tokens)):
        if tokens[position].text == "," or tokens[position].text in _HARD_STOPS:
            return position + 1 if tokens[position].text == "," else position
    return len(tokens)


def _statute_spans(lowered: str) -> list[tuple[int, int]]:
    """Descriptions of what a law requires are not evidence, up to where the company speaks."""
    spans = []
    for match in _STATUTE_FRAME.finditer(lowered):
        speaker = _FIRST_PERSON_SUBJECT.search(lowered, match.end())
        answer = _ANSWER_START.search(lowered, match.end())  # "… to what extent it verifies: Acme …"
        ends = [found.start() for found in (speaker, answer) if found is not None]
        spans.append((match.start(), min(ends) if ends else len(lowered)))
    return spans


def _has_predicate(text: str) -> bool:
    return bool(_PREDICATE.search(text))


def _lead_heading_end(text: str) -> int:
    """The end of a heading or label that opens the passage ("Verification:", a title line)."""
    end = 0
    while True:
        rest = text[end:]
        newline = rest.find("\n")
        if newline > 0:
            # A title line, not the first line of a hard-wrapped sentence ("Acme audits suppliers
            # in⏎Asia …").
            line = rest[:newline]
            following = rest[newline + 1 :].lstrip()[:1]
            starts_anew = following.isupper() or following.isdigit() or following in "•▪●◦*-"
            if line.strip() and not _TERMINAL.search(line) and _label_like(line) and starts_anew:
                end += newline + 1
                continue
        colon = _LABEL.match(rest)
        if colon and _label_like(colon.group(1)):
            end += colon.end()
        return end


def _label_like(text: str) -> bool:
    """A label or title, not the start of a sentence ("Acme audits suppliers in three regions:"):
    no verb or subject, and short, written like a title, or naming a measure."""
    words = text.split()
    if not words or _has_predicate(text):
        return False
    if len(words) <= 6:
        return True
    return len(words) <= 20 and (_title_like(words) or bool(_STATUTE_START.match(text.strip())))


def passage_is_heading(text: str, after_colon: bool) -> bool:
    """A heading, label or statutory echo: the whole passage is not evidence.

    ``after_colon``: the passage follows one ending with ":" (an item of a list it introduces,
    "Our programme includes:"), so a nominal phrase is a list item, not a heading.
    """
    stripped = text.strip()
    if stripped.endswith("?"):
        return True
    words = stripped.split()
    # The statute's own wording of a measure, without a company doing it; after any label or title
    # line ("Training\nAcme provides training … direct responsibility for supply chain management" is
    # a statement, "Provides company employees … training …" is not).
    body = _ENUMERATOR.sub("", stripped[_lead_heading_end(stripped) :], count=1)
    if not body.strip():
        return True
    if _STATUTE_START.match(body) and _STATUTE_PHRASE.search(body) and not _FIRST_PERSON_SUBJECT.search(body):
        return True
    if _BULLET_START.match(stripped) or after_colon:
        return False
    if not _TERMINAL.search(stripped):
        # Without a full stop or a verb: a heading if it is short, written like a title, or names a
        # measure the way the statute does ("Verification of product supply chains …", "Auditing
        # company suppliers"); a plain nominal phrase can be an item of a list ("Unannounced audits
        # of all tier 1 factories") and stays evidence.
        if len(words) <= 4:
            return True
        return (
            len(words) <= 25
            and not _has_predicate(stripped)
            and (_title_like(words) or bool(_STATUTE_START.match(body)))
        )
    return len(words) <= 2


def _title_like(words: Sequence[str]) -> bool:
    long_words = [word for word in words if len(word) >= 4 and word[:1].isalpha()]
    capitalised = [word for word in long_words if word[:1].isupper()]
    return bool(long_words) and len(capitalised) >= 0.6 * len(long_words)


@functools.lru_cache(maxsize=4096)
def analyse(sentence: str, language: str = "en") -> SentenceAnalysis:
    """The analysis of one passage (a sentence, or a heading with the sentence after it)."""
    lowered = sentence.lower() if len(sentence.lower()) == len(sentence) else _lower_same_length(sentence)
    tokens = _tokens(lowered)
    if language not in ("en", "nl", "de"):
        language = _sentence_language(tokens, language)
    lists = _LIST_NL if language == "nl" else _LIST
    ignored = _statute_spans(lowered)
    breaks = sorted(
        {token.start for token in tokens if token.text in _HARD_STOPS}
        | {
            token.start
            for index, token in enumerate(tokens)
            if (token.text == "," or token.text in lists) and _starts_new_clause(tokens, index)
        }
    )
    return SentenceAnalysis(
        ignored=tuple(ignored),
        lead_end=_lead_heading_end(sentence),
        negated=tuple(_negation_scopes(lowered, tokens, lists, language)),
        planned=tuple(_marker_scopes(_PLANNED_BEFORE, lowered, tokens, lists)),
        possible=tuple(_marker_scopes(_POSSIBLE, lowered, tokens, lists)),
        tokens=tuple(tokens),
        clause_breaks=tuple(breaks),
        lowered=lowered,
        language=language,
    )


_SENTENCE_MARKERS = {
    "nl": _words("niet wij we onze het een zijn worden wordt van bij geen ook voor met te om zich"),
    "de": _words(
        "nicht wir unsere unser der das ist sind werden wird bei kein keine auch und für ein eine einen "
        "einem einer sich mit"
    ),
}


def _sentence_language(tokens: Sequence[_Token], fallback: str) -> str:
    """For a document too short to tell its language: Dutch or German when the sentence has at
    least two of their function words and more than of the other, so that their word order
    ("Audits führen wir nicht durch") is read."""
    words = [token.text for token in tokens]
    counts = {
        language: sum(word in markers for word in words) for language, markers in _SENTENCE_MARKERS.items()
    }
    best = max(counts, key=lambda language: counts[language])
    others = [count for language, count in counts.items() if language != best]
    return best if counts[best] >= 2 and counts[best] > max(others) else fallback


def _lower_same_length(text: str) -> str:
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def polarity_of(sentence: str, cue_start: int, cue_end: int) -> Polarity:
    """Whether the cue at ``sentence[cue_start:cue_end]`` is affirmed, negated or only planned."""
    return analyse(sentence).polarity(cue_start, cue_end)
