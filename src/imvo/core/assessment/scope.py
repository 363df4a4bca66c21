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
    ABSENCE_VERBS,
    ABSENT_CONSEQUENCE,
    ANSWER_NO,
    ANSWER_PLANNED,
    AUXILIARIES,
    CONTRAST_WORDS,
    LIST_WORDS,
    NEGATOR_FALSE_FRIENDS,
    NP_NEGATORS,
    NP_STOP_WORDS,
    OPEN_QUESTION,
    PLAN_HEADINGS,
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
# A finite verb of being or existing right after a comma: what stands before it is the main clause's
# fronted subject ("Welche Folgen ein Verstoß … hat, ist … nicht geregelt", "Vaste afspraken over de
# gevolgen wanneer …, zijn er niet"), so a negation after it is about that subject.
_SUBJECT_PREDICATES = _words(
    "is ist zijn sind wordt wird worden werden bestaat bestaan besteht bestehen blijft bleibt staat steht "
    "was war waren gibt"
)
# What opens the alternative that a negation after a comma rules out ("…, nicht über einen Dritten").
_AFTERTHOUGHT_PREPOSITIONS = _words("über durch via door von van bei bij mit met")
_FRONTING = _words("while whilst although though whereas if because since as even")
# "Weder … noch …", "neither … nor …" negate both members and the verb that follows them ("Weder die
# Geschäftsführung noch der Einkauf wurde geschult"): a finite verb after them does not end the scope.
_CORRELATIVE = _words("weder neither")
# Scopes that end at a new clause (a new subject, "and" + a new verb).
_CLAUSE_BOUND = frozenset({"verbal", "np", "correlative"})
# Verbs of absence and refusal negate what follows them when they come first in their clause ("…, fehlt
# bislang eine Regelung", "es fehlt …", "verzichten wir auf Audits"), not what follows a subject they
# close ("Sanktionen fehlen und …").
_ABSENCE = _words(ABSENCE_VERBS)
_ABSENCE_BEFORE = _words("es er")
_FRONTED_NEGATORS = _ABSENCE | _words(REFUSAL_VERBS)
_REFUSAL_BEFORE = _words("wir auf")
# What opens a clause before the main clause ("Obwohl unsere Einkäufer … geschult werden, fehlt …"): a
# negation after the comma that closes it belongs to the main clause.
_FRONTED_CLAUSE = (
    _FRONTING | _CONDITION_OPENERS | _words("obwohl obgleich hoewel ofschoon terwijl während da als")
)
# Pronouns that are subjects or objects ("… und sie bei Bedarf auditieren zu lassen"): an object when a
# "zu" / "te" infinitive follows before the next comma.
_AMBIGUOUS_PRONOUNS = _words("sie ze zij es")
_INFINITIVE_MARKERS = _words("zu te")
# Prepositions that make what follows a topic ("geschult zu den Anforderungen des LkSG"), and the articles
# between them and it.
_TOPIC_PREPOSITIONS = _words("on about regarding concerning over inzake omtrent zu zur zum über bezüglich")
_ARTICLES = _words("the a de het een den dem des der die das")
_ANSWER_NO = _words(ANSWER_NO)
_ANSWER_NEGATORS = _words("none not geen niet kein keine nicht")
# Pronouns that open a clause about whoever does something ("Wie …, wordt …", "Wer …, wird …").
_FREE_RELATIVES = _words("wie wer")
_EXISTING = _words("existing bestaande bestehende bestehenden bisherige bisherigen")
# "Ohne schriftliche Anerkennung unseres Kodex wird kein Lieferant aufgenommen": what a negated main
# clause cannot do without is required, not absent.
_WITHOUT_BEFORE = re.compile(r"\b(?:without|zonder|ohne)\W+(?:\w+\W+){0,2}$")
_WITHOUT_REACH_CHARS = 40

_FALSE_FRIEND = lowered_pattern(NEGATOR_FALSE_FRIENDS)
_PLAN_HEADING = lowered_pattern(PLAN_HEADINGS)
_ANSWER_PLANNED = lowered_pattern(ANSWER_PLANNED)
_FINITE_BE = re.compile(r"\b(?:is|are|was|were|wordt|worden|werd|werden|wird|wurde|wurden)\b", _FLAGS)
_ABSENT_CONSEQUENCE = lowered_pattern(ABSENT_CONSEQUENCE)
_WIDE = lowered_pattern(WIDE_NEGATORS)
_PLANNED_BEFORE = lowered_pattern(PLANNED_BEFORE)
_OPEN_QUESTION = lowered_pattern(OPEN_QUESTION)
_PLANNED_AFTER = lowered_pattern(PLANNED_AFTER)
_POSSIBLE = lowered_pattern(POSSIBILITY_MARKERS)
_QUALIFIER = lowered_pattern(QUALIFIER_NEGATION)
_STATUTE_FRAME = lowered_pattern(STATUTE_FRAMES)
_STATUTE_PHRASE = re.compile(STATUTE_PHRASES, _FLAGS)
_STATUTE_START = re.compile(STATUTE_HEADING_START, _FLAGS)
_PREDICATE = re.compile(PREDICATE_WORDS, _FLAGS)
_FIRST_PERSON_SUBJECT = re.compile(r"\b(?:we|wij|wir)\b", _FLAGS)
_IN_THE_QUESTION = re.compile(r"\b(?:whether|if|that|how|requires?|ob|dass)\W+$", _FLAGS)
_ANSWER_START = re.compile(r"[:;]")
_ENUMERATOR = re.compile(r"^[\s•▪●◦*\-–—]*(?:\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)]\s+)?", _FLAGS)
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_FIRST_WORD = re.compile(r"\W*(\w+)")
_BULLET_START = re.compile(r"^\s*[•▪●◦*\-–—]\s")
_LIST_ITEM = re.compile(r"^\s*(?:[•▪●◦*\-–—]|\(?\d{1,2}[.)])\s")
_LABEL = re.compile(r"([^:.!?;\n]{1,160})(?::|\s[–—-]\s)")
# A line of an overview whose label names a measure and whose answer says how far it is done: "Risikoanalyse
# – ja (jährlich, intern)", "- Training: in voorbereiding voor 2025.", "Audits: none".
_ANSWER_LINE = re.compile(
    r"^[^\S\n]*(?:[•▪●◦*\-–—][^\S\n]*|\(?\d{1,2}[.)][^\S\n]+)?([^:\n–—]{2,80}?)[^\S\n]*(?::|[^\S\n][–—-][^\S\n])"
    r"[^\S\n]*(\S[^\n]*)$",
    re.MULTILINE,
)
_MAX_LABEL_WORDS = 8
_MAX_ANSWER_WORDS = 20


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
    answers: tuple[tuple[int, int, Polarity], ...]  # labels of an overview answered on their line
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
        if _covers(self.ignored, position):
            return True
        return not titles_count and position < self.lead_end and self._answer(position) is None

    def _answer(self, position: int) -> Polarity | None:
        for start, end, polarity in self.answers:
            if start <= position < end:
                return polarity
        return None

    def polarity(self, cue_start: int, cue_end: int, *, consequence: bool = False) -> Polarity:
        if (answer := self._answer(cue_start)) is not None:
            return answer
        if (
            _covers(self.negated, cue_start)
            or _trailing_negation(self, cue_start, cue_end)
            or self._negated_inside(cue_start, cue_end)
            or (consequence and self._consequence_absent(cue_start, cue_end))
        ):
            return Polarity.NEGATED
        if _covers(self.planned, cue_start) or self._planned_after(cue_start):
            return Polarity.AFFIRMED if self.exists(cue_start) else Polarity.PLANNED
        if not consequence and _covers(self.possible, cue_start):
            return Polarity.PLANNED
        return Polarity.AFFIRMED

    def exists(self, cue_start: int) -> bool:
        """Whether the cue is called existing ("Uitbreiden van de bestaande risicoscan …"): a plan to
        extend it is no plan to start it."""
        index = _token_index_after(self.tokens, cue_start)
        return index > 0 and self.tokens[index - 1].text in _EXISTING

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
        following = _next_text(tokens, index)
        if mode == "planned" and following in _AMBIGUOUS_PRONOUNS and _infinitive_ahead(tokens, index + 2):
            return _NEW_ITEM  # "… zu überprüfen und sie bei Bedarf auditieren zu lassen": an object
        return _STOP if following in _PRONOUNS else _NEW_ITEM
    if index > first and mode == "verbal" and text in _AUX and tokens[index - 1].text not in _RELATIVE:
        # a new predicate ends the negation, but not one of a relative clause inside its scope
        # ("we do not provide our managers who are responsible for sourcing with training")
        return _STOP
    if index > first and mode == "np" and (text in _NP_STOP or text in _AUX):
        return _STOP
    return _WORD


def _infinitive_ahead(tokens: Sequence[_Token], index: int) -> bool:
    """Whether a "zu" / "te" infinitive follows before the next comma or clause stop."""
    for token in tokens[index : index + _MAX_SCOPE_TOKENS]:
        if token.text == "," or token.text in _HARD_STOPS:
            return False
        if token.text in _INFINITIVE_MARKERS:
            return True
    return False


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
        verbal = _is_negator(token) or (token.text in _FRONTED_NEGATORS and _fronted_absence(tokens, index))
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


def _fronted_absence(tokens: Sequence[_Token], index: int) -> bool:
    """A verb of absence or refusal first in its clause, before what it negates ("…, fehlt bislang eine
    Regelung", "verzichten wir auf Audits")."""
    text = tokens[index].text
    following = _next_text(tokens, index)
    if not following[:1].isalnum():
        return False
    previous = tokens[index - 1].text if index else ""
    if text in _ABSENCE:
        return not previous[:1].isalnum() or previous in _ABSENCE_BEFORE
    return text in _REFUSALS and previous != "zu" and following in _REFUSAL_BEFORE


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
            if position == 0 and tokens[0].text in _FREE_RELATIVES:
                return True  # "Wie de regels niet naleeft, …", "Wer … nicht einhält, …"
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
    if _WITHOUT_BEFORE.search(analysis.lowered, max(0, cue_start - _WITHOUT_REACH_CHARS), cue_start):
        return False
    condition_end, fronted = _fronted_clause_end(analysis, cue_start)
    index = first
    previous = ""
    # A clause read past (a relative clause, a purpose clause) does not use up the reach.
    limit = first + _TRAILING_REACH_TOKENS
    while index < min(len(tokens), limit):
        if fronted and index >= condition_end:
            return False  # the main clause after a fronted subordinate one has its own negation
        verdict, following = _trailing_step(analysis, index, first, previous)
        if verdict is not None:
            # "een leidinggevende die bij een fabrieksbezoek signalen … niet meldt": the negation of a
            # relative clause the cue stands in is its condition
            return verdict and (fronted or index >= _relative_clause_end(analysis, cue_start))
        previous = tokens[index].text if following == index + 1 else ","
        limit += max(0, following - index - 1)
        index = following
    return False


def _fronted_clause_end(analysis: SentenceAnalysis, cue_start: int) -> tuple[int, bool]:
    """When the cue stands in a clause that opens the sentence with a subordinator ("Obwohl …, fehlt
    …"): the index of the token after the comma that closes it, and True (otherwise 0, False)."""
    first_word = _FIRST_WORD.match(analysis.lowered)
    if first_word and first_word.group(1) in _FRONTED_CLAUSE and "," not in analysis.lowered[:cue_start]:
        return _next_comma(analysis.tokens, _token_index_after(analysis.tokens, cue_start)), True
    return 0, False


def _relative_clause_end(analysis: SentenceAnalysis, cue_start: int) -> int:
    """When the cue stands in a Dutch or German relative clause: the index of the token after the
    comma that closes it (otherwise 0)."""
    tokens = analysis.tokens
    cue_index = _token_index_after(tokens, cue_start)
    if analysis.language in ("nl", "de") and _conditional(tokens, cue_index, analysis.language):
        return _next_comma(tokens, cue_index)
    return 0


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
    if (skipped := _fronted_subject_step(analysis, index, first)) is not None:
        return None, skipped
    if text in _CONTRAST_ADVERBS and previous not in (",", ""):
        return None, index + 1  # "ein Verfahren … existiert jedoch noch nicht"
    if (
        text in _DUTCH_RELATIVE_OPENERS
        and analysis.language == "nl"
        and _dutch_relative_after(tokens, index - 1)
    ):
        # "Een contractuele verklaring waarin leveranciers …, maakt geen deel uit van …": skip the clause
        return None, _next_comma(tokens, index + 1)
    if index > first and text in ("om", "um") and (resumed := _past_purpose_clause(tokens, index)):
        # "een auditprogramma om zulke schendingen op te sporen hebben wij niet": the purpose clause
        # stands inside the noun phrase, and the main verb follows it
        return None, resumed
    if (index > first and text in ("om", "um")) or (
        text in _CONDITION_OPENERS or (text == "als" and _next_text(tokens, index) in _CONDITION_SUBJECTS)
    ):
        # a purpose or condition clause holds its own negation ("… om te controleren of er geen
        # dwangarbeid is", "stoppen we de inkoop als er geen verbetering komt")
        return False, index
    return None


def _fronted_subject_step(analysis: SentenceAnalysis, index: int, first: int) -> int | None:
    """Where to read on when the cue's phrase is the fronted subject of the main clause and a comma
    followed by a finite verb of being closes it ("…, ist bei uns nicht geregelt"), also past a condition
    clause inside that phrase ("afspraken over de gevolgen wanneer …, zijn er niet") or a Dutch relative
    clause without commas ("Sancties voor fabrieken die niet verbeteren zijn niet vastgelegd"); None
    otherwise."""
    tokens = analysis.tokens
    text = tokens[index].text
    condition = text in _CONDITION_OPENERS or (
        text == "als" and _next_text(tokens, index) in _CONDITION_SUBJECTS
    )
    relative = analysis.language == "nl" and text in _DUTCH_RELATIVE_OPENERS
    if (text != "," and not condition and not relative) or any(token.text == "," for token in tokens[:first]):
        return None  # (a cue after a comma is not in the sentence's first phrase)
    if relative:
        return _past_bare_relative(tokens, index) if _opens_relative_clause(tokens, index, "nl") else None
    closing = _next_comma(tokens, index + 1) if condition else index + 1
    closed = 0 < closing < len(tokens) and tokens[closing - 1].text == ","
    return closing if closed and tokens[closing].text in _SUBJECT_PREDICATES else None


def _past_bare_relative(tokens: Sequence[_Token], index: int) -> int | None:
    """The index of the main verb after a Dutch relative clause without commas: the first verb of being
    after the clause's own words (None when a comma or the end of the sentence comes first)."""
    for position in range(index + 2, min(len(tokens), index + _VERB_FINAL_RELATIVE_REACH)):
        text = tokens[position].text
        if text in _HARD_STOPS or text == ",":
            return None
        if text in _SUBJECT_PREDICATES:
            return position
    return None


def _past_purpose_clause(tokens: Sequence[_Token], index: int) -> int:
    """The index after an "om … te <verb>" / "um … zu <verb>" clause starting at ``index`` when a finite
    verb follows it (0 otherwise: the purpose clause holds its own negation, "om te controleren of er
    geen …")."""
    for position in range(index + 1, min(len(tokens) - 2, index + _VERB_FINAL_RELATIVE_REACH)):
        text = tokens[position].text
        if text == "," or text in _HARD_STOPS:
            return 0
        if text in _INFINITIVE_MARKERS:
            following = tokens[position + 2].text
            return position + 2 if following in _VERBS_NL_DE or following in _AUX else 0
    return 0


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


def _statute_spans(lowered: str, tokens: Sequence[_Token]) -> list[tuple[int, int]]:
    """Descriptions of what a law requires are not evidence, up to where the company speaks; not the
    law's requirements named as a topic ("geschult zu den Anforderungen des LkSG")."""
    spans = []
    for match in _STATUTE_FRAME.finditer(lowered):
        if _after_topic_preposition(tokens, match.start()):
            continue
        speaker = _FIRST_PERSON_SUBJECT.search(lowered, match.end())
        while speaker is not None and _IN_THE_QUESTION.search(
            lowered, max(0, speaker.start() - 16), speaker.start()
        ):
            # "… requires that we disclose whether we audit": the company named in what is asked
            speaker = _FIRST_PERSON_SUBJECT.search(lowered, speaker.end())
        answer = _ANSWER_START.search(lowered, match.end())  # "… to what extent it verifies: Acme …"
        ends = [found.start() for found in (speaker, answer) if found is not None]
        spans.append((match.start(), min(ends) if ends else len(lowered)))
    return spans


def _after_topic_preposition(tokens: Sequence[_Token], offset: int) -> bool:
    index = _token_index_after(tokens, offset) - 1
    if index >= 0 and tokens[index].text in _ARTICLES:
        index -= 1
    return index >= 0 and tokens[index].text in _TOPIC_PREPOSITIONS


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
        # (after a number or letter that counts the measures: "5. Training: …")
        numbered = _ENUMERATOR.match(rest)
        colon = _LABEL.match(rest, numbered.end() if numbered else 0)
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
    if _statute_echo(body):
        return True
    if _BULLET_START.match(stripped) or after_colon or _answered_lines(stripped):
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


def _statute_echo(body: str) -> bool:
    """The statute's wording of a measure without a company doing it. Not when a finite verb comes
    before that wording ("Training on these issues is provided to employees with direct responsibility
    for supply chain management"): the passage then says what is done."""
    if not _STATUTE_START.match(body) or _FIRST_PERSON_SUBJECT.search(body):
        return False
    phrase = _STATUTE_PHRASE.search(body)
    return phrase is not None and not _FINITE_BE.search(body, 0, phrase.start())


def _answered_lines(text: str) -> list[re.Match[str]]:
    """The lines of ``text`` that answer their own label (see ``_ANSWER_LINE``): a short label
    without a verb, and an answer that says yes or no, gives a number, or is a note without a verb
    ("jährlich, intern", "tot op heden geen beleid") rather than a sentence or a name."""
    lines: list[re.Match[str]] = []
    if ":" not in text and " – " not in text and " - " not in text and " — " not in text:
        return lines  # most passages: no label at all, and no regex run
    for match in _ANSWER_LINE.finditer(text):
        label, answer = match.group(1), match.group(2)
        if len(label.split()) > _MAX_LABEL_WORDS or _has_predicate(label):
            continue
        first = answer.split()[0].strip(",.;()").lower()
        short_note = (
            len(answer.split()) <= _MAX_ANSWER_WORDS and answer[:1].islower() and not _has_predicate(answer)
        )
        # ("Training: None at this time.", "Certification: Not currently required.")
        negative_note = first in _ANSWER_NEGATORS and not _has_predicate(answer)
        if (
            first in _ANSWER_NO
            or first in ("yes", "ja")
            or answer[:1].isdigit()
            or short_note
            or negative_note
        ):
            lines.append(match)
    return lines


def _answer_polarity(lowered: str, tokens: Sequence[_Token], start: int, end: int) -> Polarity:
    # The answer proper is its first part: a note after it in brackets or a comma ("durchgeführt
    # (interne Durchführung, keine Beauftragung Dritter)") qualifies it.
    end = min([end] + [found for mark in "(,;" if (found := lowered.find(mark, start, end)) > start])
    words = [token for token in tokens[_token_index_after(tokens, start) :] if token.start < end]
    if words and words[0].text in _ANSWER_NO:
        return Polarity.NEGATED
    if _WIDE.search(lowered, start, end) or any(
        (_is_negator(token) or token.text in _NP_NEG) and not _FALSE_FRIEND.match(lowered, token.start)
        for token in words
    ):
        return Polarity.NEGATED
    if any(
        pattern.search(lowered, start, end) for pattern in (_PLANNED_BEFORE, _PLANNED_AFTER, _ANSWER_PLANNED)
    ):
        return Polarity.PLANNED
    return Polarity.AFFIRMED


def _question_spans(lowered: str, tokens: Sequence[_Token]) -> list[tuple[int, int]]:
    """Questions inside a passage ("Werden Ihre Lieferanten auditiert? – Solche Fragen …") ask, they
    do not say what is done."""
    spans: list[tuple[int, int]] = []
    if "?" not in lowered:
        return spans
    start = 0
    for token in tokens:
        if token.text == "?":
            spans.append((start, token.end))
        if token.text in _SENTENCE_STOPS:
            start = token.end
    return spans


def _plan_heading_span(lowered: str, lead_end: int) -> list[tuple[int, int]]:
    """A heading that introduces a list of plans ("Geplante Maßnahmen 2025:") makes every item a plan."""
    lead = lowered[:lead_end].rstrip()
    if lead.endswith(":") and (_PLAN_HEADING.search(lead) or _PLANNED_BEFORE.search(lead)):
        return [(lead_end, len(lowered))]
    return []


def is_plan_heading(text: str) -> bool:
    """Whether a passage is a heading that introduces plans ("Priorities for the coming year:",
    "Actiepunten 2025", "Over the next year we will:"); the engine reads the list items after it as
    plans."""
    lowered = text.lower()
    return bool(_PLAN_HEADING.search(lowered) or (lowered.endswith(":") and _PLANNED_BEFORE.search(lowered)))


def is_list_item(text: str) -> bool:
    """Whether a passage is a bulleted or numbered item of a list."""
    return bool(_LIST_ITEM.match(text))


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
    ignored = _statute_spans(lowered, tokens) + _question_spans(lowered, tokens)
    lead_end = _lead_heading_end(sentence)
    negated = _negation_scopes(lowered, tokens, lists, language)
    planned = (
        _marker_scopes(_PLANNED_BEFORE, lowered, tokens, lists)
        + _marker_scopes(_OPEN_QUESTION, lowered, tokens, lists)
        + _plan_heading_span(lowered, lead_end)
    )
    answers = tuple(
        (match.start(1), match.end(1), _answer_polarity(lowered, tokens, match.start(2), match.end(2)))
        for match in _answered_lines(sentence)
    )
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
        lead_end=lead_end,
        answers=answers,
        negated=tuple(negated),
        planned=tuple(planned),
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
