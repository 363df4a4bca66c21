"""The assessment criteria and their multilingual cue patterns, as data, in one place.

Each criterion has a stable id (stored with every assessment, so never rename one), a definition
written for users, the OECD due-diligence step it evidences, and regular expressions per language:

* ``cues``: wording that describes the practice ("we conduct supplier audits").
* ``context``: when given, the sentence (or the one before it) must also be about responsible
  business conduct, so an annual report's *financial* audit or credit-risk assessment is not read
  as human-rights due diligence.
* ``exclusions``: wording that vetoes a cue in that sentence ("audit committee").
* ``own_practice_only``: the practice must be the company's own; a cue inside a requirement imposed
  on suppliers ("we require suppliers to train their workers") does not count.

Sources for the definitions: OECD Guidelines for Multinational Enterprises (2023 update), chapter IV
and the OECD Due Diligence Guidance for Responsible Business Conduct (2018), six steps; UN Guiding
Principles on Business and Human Rights (2011), principles 15-24 and 29-31; the LegalBench
supply-chain-disclosure tasks by Chilton and Sarfaty (Guha et al. 2023, CC BY 4.0) for the five
California Transparency in Supply Chains Act measures (verification, audits, certification, internal
accountability, training).  Patterns are written from those definitions, not from example
statements.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

LANGUAGES = ("en", "nl", "de")


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str
    definition: str
    oecd_step: str
    cues: Mapping[str, tuple[str, ...]]
    context_required: bool = True
    exclusions: tuple[str, ...] = ()
    own_practice_only: bool = False
    # With own_practice_only: the practice may also be aimed at suppliers ("we train our suppliers"),
    # as long as it is not merely a requirement imposed on them ("suppliers must train their workers").
    suppliers_may_benefit: bool = False
    # Cues that on their own are weak evidence lower the confidence of a "found" verdict.
    weak_cues: tuple[str, ...] = field(default=())
    # When set, the sentence must also name who acts (to tell an endorsement from a mention).
    subject_required: str | None = None
    # When set, only sentences matching it are searched for cues (a cheap necessary condition).
    prerequisite: str | None = None


# Topic words: responsible business conduct, human rights, labour, environment, supply chain.
CONTEXT_PATTERNS: tuple[str, ...] = (
    # en
    r"human[- ]rights?", r"slavery", r"traffick\w*", r"forced\W+labou?r", r"child\W+labou?r",
    r"bonded\W+labou?r", r"labou?r\W+(?:standards?|practices?|rights?|conditions?)", r"working\W+conditions?",
    r"supply\W+chains?", r"suppl(?:y|ier)\w*", r"vendors?", r"sourcing", r"procurement", r"purchasing",
    r"buyers?", r"factor(?:y|ies)", r"contractors?", r"business\W+partners?",
    r"code\W+of\W+(?:business\W+)?conduct",
    r"due\W+diligence", r"responsible\W+business", r"ethic\w*", r"social\W+(?:compliance|standards?|audits?)",
    r"OECD", r"UNGPs?", r"guiding\W+principles", r"environment\w*", r"sustainab\w*",
    r"corporate\W+responsibility",
    r"grievance", r"workers?", r"adverse\W+impacts?", r"risk\W+assessments?",
    r"smeta", r"amfori", r"bsci", r"sedex", r"sa\W?8000", r"fair\W?trade", r"rainforest\W+alliance",
    r"ethical\W+trad\w*", r"recruitment\W+fees?", r"abhilfe\w*", r"wiedergutmachung\w*", r"genoegdoening",
    # nl
    r"mensenrechten\w*", r"leverancier\w*", r"\w*keten\w*", r"kinderarbeid", r"dwangarbeid",
    r"arbeidsomstandigheden", r"arbeidsnormen", r"gedragscode\w*", r"imvo", r"mvo", r"maatschappelijk\w*",
    r"inkoop\w*", r"fabriek\w*", r"zorgvuldigheid\w*", r"OESO", r"milieu\w*", r"duurzaam\w*",
    r"\w*risicoanaly\w*",
    # de
    r"menschenrecht\w*", r"\w*lieferkette\w*", r"\w*lieferant\w*", r"zuliefer\w*", r"kinderarbeit",
    r"zwangsarbeit", r"sklaverei", r"menschenhandel", r"arbeitsbedingungen", r"verhaltenskodex\w*",
    r"sorgfaltspflicht\w*", r"LkSG", r"einkauf\w*", r"beschaffung\w*", r"umwelt\w*", r"nachhaltig\w*",
    r"\w*risikoanaly\w*",
)  # fmt: skip

# Who the company itself is, to tell its own practice from requirements imposed on suppliers.
SUPPLIER_WORDS = (
    r"\b(?:suppliers?|vendors?|business\W+partners?|manufacturers?|factories|sub-?contractors?|"
    r"(?:manufacturing|production)\W+(?:facilities|sites)"
    r"|leveranciers?|toeleveranciers?|zakenpartners?|\w*lieferant\w*|zuliefer\w*|geschäftspartner\w*)\b"
)
REQUIREMENT_WORDS = (
    r"\b(?:requir\w*|expect\w*|must|shall|obliged?|oblige[sd]|mandat\w*|ask\w*|insist\w*"
    r"|eisen|vereisen|verwachten|verplicht\w*|moeten|vragen"
    r"|erwart\w*|verlang\w*|verpflicht\w*|müssen|fordern|auffordern)\b"
)
OWN_STAFF_WORDS = (
    r"\b(?:employees?|staff|our\W+people|personnel|buyers?|managers?|management|purchasing\W+teams?|"
    r"procurement\W+teams?|colleagues|workforce|directors?|officers?|board|committee|"
    r"medewerkers|werknemers|personeel|inkopers|management|collega'?s|"
    r"mitarbeite\w*|beschäftigte\w*|einkäufer\w*|führungskräfte\w*|belegschaft)\b"
)

# Rules in a supplier code of conduct appended to a statement ("training shall be provided to all
# workers"): without the company speaking in the first person they are not its own practice.
CODE_RULE_MODALS = r"\b(?:shall|should|dienen|moeten\W+worden|sollen|sollten)\b"

# Negation close before a cue ("do not conduct audits", "geen audits", "keine Audits").
LOCAL_NEGATORS = (
    r"\b(?:not|no|never|neither|nor|cannot|can't|don't|doesn't|didn't|isn't|aren't|haven't|hasn't|hadn't|"
    r"won't|niet|geen|nooit|noch|nicht|kein\w*|nie|niemals|weder)\b"
)
# Negators that are not negating the practice ("not only", "no later than", "nicht nur").
NEGATOR_FALSE_FRIENDS = (
    r"\b(?:not\W+only|not\W+just|not\W+limited|no\W+later|no\W+longer\W+than|no\W+matter|not\W+least|"
    r"niet\W+alleen|niet\W+enkel|nicht\W+nur|nicht\W+zuletzt|kein\w*\W+(?:kinderarbeit|zwangsarbeit)|"
    r"geen\W+(?:kinderarbeid|dwangarbeid)|no\W+(?:child|forced)\W+labou?r)\b"
)
# Negations whose scope is the rest of the clause ("it is not feasible ... to verify or audit").
WIDE_NEGATORS = (
    r"\b(?:not\W+(?:feasible|possible|practical|practicable|necessary|required|deemed\W+necessary)|"
    r"(?:do|does|did)\W+not\W+(?:believe|consider|think|deem)|unable\W+to|has\W+yet\W+to|have\W+yet\W+to|"
    r"no\W+(?:formal\W+)?(?:plans?|programm?e?s?|process(?:es)?|system|policy|procedures?)\b|"
    r"niet\W+(?:mogelijk|haalbaar|nodig|noodzakelijk)|nog\W+niet|"
    r"nicht\W+(?:möglich|machbar|notwendig|erforderlich)|noch\W+nicht|noch\W+kein\w*)"
)
# A practice not yet in place: planned, being developed or considered.
PLANNED_MARKERS = (
    r"\b(?:(?:plan|plans|planning|intend\w*|aim\w*|expect|expects|propose\w*)\W+to\W+"
    r"(?:introduce|implement|develop|adopt|launch|start|begin|roll\W+out|establish|set\W+up|create|put)|"
    r"(?:is|are)\W+(?:currently\W+)?(?:developing|working\W+on|looking\W+into|exploring|evaluating\W+whether|"
    r"considering|in\W+the\W+process\W+of\W+(?:developing|establishing|implementing))|"
    r"considering\W+(?:at\W+this\W+time\W+)?whether|"
    r"will\W+(?:introduce|implement|develop|adopt|launch|start|begin|roll\W+out|establish|set\W+up|create)|"
    r"van\W+plan|overwegen|zullen\W+(?:\w+\W+){0,4}?(?:invoeren|ontwikkelen|opzetten|starten|introduceren)|"
    r"in\W+ontwikkeling|werken\W+aan\W+(?:de\W+)?ontwikkeling|onderzoeken\W+of|"
    r"planen|beabsichtig\w*|prüfen\W+(?:derzeit\W+)?,?\W*ob|in\W+planung|im\W+aufbau|in\W+vorbereitung|"
    r"(?:wird|werden)\W+(?:\w+\W+){0,5}?(?:eingeführt|entwickelt|aufgebaut)|"
    r"(?:is|are|sind|ist|zijn|staat|staan)\W+(?:\w+\W+){0,3}?(?:planned|scheduled|geplant|vorgesehen|gepland))\b"
)
# Clause boundaries: negation and planning do not reach across them.
CLAUSE_BOUNDARY = (
    r",\s*(?=(?:we|our|the\s+company|wij|wir)\b)|;|:|\bbut\b|\bhowever\b|\balthough\b|\bwhereas\b|\bwhile\b|,\s*and\b|\bmaar\b|\bechter\b|\bhoewel\b|"
    r",\s*en\b|\baber\b|\bjedoch\b|\bsondern\b|\bwährend\b|,\s*und\b"
)
# Words that start a new predicate between a local negator and the cue
# ("suppliers that do not comply will be audited": the audit is not negated).
NEGATION_BREAKERS = (
    r"\b(?:are|is|was|were|will|shall|must|may|can|could|would|should|that|which|who|where|when|if|"
    r"unless|and|zijn|worden|wordt|werden|wird|sind|als|wenn|indien)\b"
)
# Dutch and German put "niet"/"nicht" after the verb and object ("wij auditen leveranciers niet").
TRAILING_NEGATORS = r"\b(?:niet|nicht)\b(?!\W+(?:alleen|enkel|nur|zuletzt))"
# English passive negation after the cue ("audits are not carried out").
TRAILING_ENGLISH_NEGATION = (
    r"^\W*(?:\w+\W+){0,2}?(?:are|is|were|was|has|have|had|been|will|can|do|does)\W+not\b"
)

FIRST_PERSON = (
    r"\b(?:we|our|us|the\W+company|the\W+group|company|group|wij|we|ons|onze|het\W+bedrijf|de\W+onderneming|"
    r"onderneming|concern|wir|uns|unser\w*|unternehmen|konzern|gruppe)\b"
)

# A company named in the third person ("Acme endorses the OECD Guidelines").
THIRD_PERSON_ENDORSEMENT = (
    r"\b(?:endorses|supports|adheres|subscribes|is\W+committed|commits|respects|follows|acts\W+in|"
    r"onderschrijft|respecteert|volgt|handelt|bekennt|unterstützt|achtet|befolgt|orientiert)\b"
)

FRAMEWORKS = (
    r"(?:OECD|OESO)[- ]?(?:Guidelines|richtlijnen|Leitsätze\w*|Leitlinien)|"
    r"(?:Guidelines|richtlijnen|Leitsätze\w*)\W+(?:\w+\W+){0,2}?(?:of\W+the\W+|voor\W+|der\W+)?(?:OECD|OESO)|"
    r"UNGPs?\b|UNGP'?s|UN\W+Guiding\W+Principles|United\W+Nations\W+Guiding\W+Principles|"
    r"Guiding\W+Principles\W+on\W+Business\W+and\W+Human\W+Rights|"
    r"(?:UN|VN)[- ]?(?:Leitprinzipien|richtlijnen\W+voor\W+bedrijfsleven\W+en\W+mensenrechten|"
    r"Guiding\W+Principles)|"
    r"Leitprinzipien\W+für\W+Wirtschaft\W+und\W+Menschenrechte|"
    r"(?:VN|UN)[- ]?(?:principes|beginselen)\W+(?:inzake|voor)\W+bedrijfsleven\W+en\W+mensenrechten"
)
ENDORSEMENT_VERBS = (
    r"\b(?:endors\w*|support\w*|commit\w*|adher\w*|accordance|in\W+line|align\w*|consistent|respect\w*|"
    r"follow\w*|guided|based\W+on|signator\w*|subscribe\w*|uphold\w*|embrac\w*|implement\w*|apply|applies|"
    r"observe\w*|comply\w*|abide\w*|"
    r"onderschrijv\w*|onderschrijf\w*|onderschreven|conform|volgens|in\W+lijn|handelen\W+naar|naleven|"
    r"nagele\w*|respecteren|toepassen|passen\W+toe|committeren|gebaseerd\W+op|uitgangspunt\w*|"
    r"bekenn\w*|bekannt|verpflicht\w*|orientier\w*|richte[nt]\W+(?:uns|sich)|im\W+einklang|gemäß|achten|"
    r"unterstütz\w*|folgen|befolgen|halten\W+uns|basier\w*|ausgericht\w*|zugrunde)\b"
)

_ENDORSEMENT_NEAR = (
    r"(?:{verb})\W+(?:\S+\s+){{0,12}}?\S*(?:{fw})|(?:{fw})\S*\s+(?:\S+\s+){{0,10}}?\S*(?:{verb})"
)

CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        id="oecd_endorsement",
        title="Explicit endorsement of the OECD Guidelines / UN Guiding Principles",
        definition=(
            "The company explicitly and publicly endorses, commits to or states that it acts in "
            "accordance with the OECD Guidelines for Multinational Enterprises and/or the UN Guiding "
            "Principles on Business and Human Rights. A mere mention of either text (for example "
            "describing what they require) is not an endorsement."
        ),
        oecd_step="policy commitment (step 1, UNGP 16)",
        cues={"any": (_ENDORSEMENT_NEAR.format(verb=ENDORSEMENT_VERBS, fw=FRAMEWORKS),)},
        context_required=False,
        subject_required=FIRST_PERSON + "|" + THIRD_PERSON_ENDORSEMENT,
        prerequisite=FRAMEWORKS,
    ),
    Criterion(
        id="risk_assessment",
        title="Risk assessment / verification of the supply chain",
        definition=(
            "The company identifies and assesses actual and potential adverse impacts (human rights, "
            "labour, environment) in its operations and supply chain, or verifies its supply chain for "
            "these risks: risk analysis or mapping, supplier screening and self-assessment "
            "questionnaires, human-rights impact assessments, reviewing suppliers against lists of "
            "high-risk goods or countries."
        ),
        oecd_step="2 identify and assess adverse impacts",
        cues={
            "en": (
                r"\brisk[- ]?(?:assessments?|analys[ie]s|mapping|based\W+approach|screening|profil\w*|"
                r"review\w*|evaluation|matri(?:x|ces)|classification)",
                r"\b(?:assess\w*|identif\w*|evaluat\w*|map|maps|mapped|mapping|analy[sz]\w*|screen\w*|"
                r"prioriti[sz]\w*|understand\w*)\W+(?:\S+\s+){0,6}?(?:risks?|impacts?|hotspots?)\b",
                r"\b(?:risks?|impacts?)\W+(?:\S+\s+){0,4}?(?:are|were|is|was|been|being)?\W*(?:assessed|identified|"
                r"evaluated|mapped|analy[sz]ed|screened|reviewed)\b",
                r"\bverif(?:y|ies|ied|ying|ication)\b",
                r"\bsalient\W+(?:human\W+rights\W+)?(?:issues|risks)",
                r"\b(?:human\W+rights\W+)?impact\W+assessments?",
                r"\bhuman\W+rights\W+due\W+diligence|\bdue\W+diligence\W+(?:process|procedures?|on|of|"
                r"assessments?|questionnaires?)",
                r"\bsupplier\W+(?:screening|evaluations?|assessments?|self-?assessments?|questionnaires?|surveys?|"
                r"risk\w*|onboarding)",
                r"\bself-?assessment\W+questionnaires?|\bSAQs?\b",
                r"\b(?:map|mapped|mapping|trac(?:e|ed|ing)|traceability)\W+(?:\S+\s+){0,6}?(?:supply\W+chains?|"
                r"suppliers|origin)",
                r"\b(?:categori[sz]|classif|segment|rank|rate|rating)\w*\W+(?:\S+\s+){0,6}?(?:by|according\W+to|"
                r"for|based\W+on)\W+(?:\S+\s+){0,3}?risk",
                r"\bprioriti[sz]\w*\W+(?:\S+\s+){0,4}?(?:suppliers|sites|factories|countries|risks?|impacts?)\b",
                r"\b(?:assess|evaluat|review|examin|monitor)\w*\W+(?:\S+\s+){0,3}?(?:supply\W+chains?|suppliers?|"
                r"vendors?)\W+(?:\S+\s+){0,3}?for\b",
                r"\b(?:review\w*|check\w*|screen\w*|compar\w*)\W+(?:\S+\s+){0,4}?against\W+(?:\S+\s+){0,6}?"
                r"(?:list|lists|index|indices|database)\b",
            ),
            "nl": (
                r"\brisico-?(?:analyse\w*|inventarisatie\w*|beoordeling\w*|evaluatie\w*|screening|kaart\w*|"
                r"profiel\w*|gebaseerde)",
                r"\b(?:\w*risico'?s?)\W+(?:\S+\s+){0,8}?(?:in\W+kaart|geïdentificeerd|geidentificeerd|"
                r"beoordeeld|geanalyseerd|onderzocht|vastgesteld|geëvalueerd)",
                r"\b(?:identificeren|beoordelen|analyseren|inventariseren|in\W+kaart\W+brengen)\W+(?:\S+\s+){0,5}?"
                r"\w*risico",
                r"\bketen(?:analyse|risico\w*|onderzoek)\w*",
                r"\b(?:gepaste\W+)?zorgvuldigheid\w*|\bdue\W+diligence",
                r"\bleveranciers?(?:beoordeling|screening|evaluatie|vragenlijst)\w*",
                r"\bzelfevaluatie\w*|\bverifi(?:ëren|eren|catie|eert)\b",
            ),
            "de": (
                r"\b\w*risiko(?:analyse|bewertung|ermittlung|management|kartierung|einschätzung)\w*",
                r"\b\w*risiken\W+(?:\S+\s+){0,8}?(?:ermittel\w*|identifizier\w*|bewerte\w*|analysier\w*|erfass\w*|"
                r"untersuch\w*|priorisier\w*)",
                r"\bpriorisier\w*\W+(?:\S+\s+){0,3}?\w*risiken",
                r"\b(?:ermittel\w*|identifizier\w*|bewerte\w*|analysier\w*|erfass\w*)\W+(?:\S+\s+){0,5}?\w*risiken",
                r"\bsorgfaltspflicht\w*|\bdue[- ]diligence",
                r"\b(?:lieferanten|zulieferer)(?:bewertung|prüfung|screening|selbstauskunft|fragebogen)\w*",
                r"\bselbstauskunft\w*|\büberprüf\w*\W+(?:\S+\s+){0,3}?(?:lieferkette|lieferanten)\w*",
            ),
        },
        exclusions=(
            r"\b(?:credit|market|liquidity|interest\W+rate|currency|foreign\W+exchange|financial|fiscal|tax)\W+risks?",
            r"\b(?:krediet|markt|liquiditeits|rente|valuta)risico",
            r"\b(?:kredit|markt|liquiditäts|zins|währungs)risik",
        ),
        weak_cues=(r"verif", r"due\W+diligence", r"zorgvuldigheid", r"sorgfaltspflicht"),
    ),
    Criterion(
        id="supplier_audits",
        title="Supplier audits",
        definition=(
            "The company audits or inspects suppliers (itself or through third parties, announced or "
            "unannounced) to check compliance with its standards on human rights, labour and "
            "environment, or reserves the right to do so. Financial-statement audits do not count."
        ),
        oecd_step="4 track implementation and results",
        cues={
            "en": (
                r"\baudit(?:s|ed|ing|ors?)?\b",
                r"\bvisit\w*\W+(?:\S+\s+){0,3}?(?:suppliers?'?|factories|facilities|production\W+sites)",
                r"\b(?:inspect\w*|site\W+visits?|on-?site\W+(?:visits?|assessments?|inspections?|reviews?)|"
                r"(?:factory|monitoring|compliance)\W+visits?|visits?\W+(?:to|of)\W+(?:\S+\s+){0,3}?(?:factories|suppliers|facilities|sites))",
                r"\b(?:SMETA|amfori|BSCI|SA\W?8000|WRAP|RBA\W+VAP|Sedex\W+audit)\b",
            ),
            "nl": (
                r"\b\w*audit(?:s|en|eren|eert|ing)?\b",
                r"\b(?:inspecties?|inspecteren|fabrieksbezoek\w*|bezoeken\W+(?:\S+\s+){0,3}?(?:fabrieken|"
                r"leveranciers|productielocaties))",
                r"\bcontroles?\W+(?:\S+\s+){0,3}?(?:bij|van)\W+(?:\S+\s+){0,2}?(?:leveranciers|fabrieken|"
                r"productielocaties)",
            ),
            "de": (
                r"\b\w*audit(?:s|ierung|ieren|iert)?\b",
                r"\b(?:vor-?ort-?(?:besuch\w*|kontroll\w*|prüfung\w*)|inspektion\w*|werksbesuch\w*|"
                r"fabrikbesuch\w*)",
                r"\b(?:kontroll\w*|prüfung\w*)\W+(?:\S+\s+){0,3}?(?:bei|der|von)\W+(?:\S+\s+){0,2}?"
                r"(?:lieferanten|zulieferern|produktionsstätten)",
            ),
        },
        exclusions=(
            r"\baudit\W+(?:and\W+risk\W+)?committee|\b(?:external|independent|statutory)\W+auditors?'?s?\W+"
            r"(?:report|opinion)|\bfinancial\W+statements?|\bannual\W+accounts|\baccounts\W+were\W+audited",
            r"\bauditcommissie|\bjaarrekening|\baccountantsverklaring|\bcontrolerend\W+accountant",
            r"\bprüfungsausschuss|\babschlussprüf\w*|\bwirtschaftsprüf\w*|\bjahresabschluss",
        ),
    ),
    Criterion(
        id="supplier_certification",
        title="Supplier certification / contractual commitments",
        definition=(
            "The company requires its (direct) suppliers to certify or confirm in writing that they "
            "comply with the relevant laws and its standards, or makes compliance a contractual "
            "commitment (code of conduct in contracts, terms and conditions of purchase)."
        ),
        oecd_step="3 cease, prevent and mitigate",
        cues={
            "en": (
                r"\b(?:certif(?:y|ies|ied|ying|ication|ications)|attest\w*|warrant\w*|represent(?:s|ations?)?\W+"
                r"(?:and\W+warrant\w*\W+)?that)\b",
                r"\b(?:confirm|acknowledg)\w*\W+(?:\S+\s+){0,3}?in\W+writing|\bwritten\W+(?:confirmations?|assurances?|"
                r"declarations?|commitments?)",
                r"\b(?:contracts?|agreements?|purchase\W+orders?|terms\W+and\W+conditions)\W+(?:\S+\s+){0,8}?"
                r"(?:contain|include|incorporat|requir|prohibit|stipulat|oblig)\w*",
                r"\bcontractual(?:ly)?\b",
                r"\b(?:sign|signs|signed|acknowledge\w*|accept\w*|agree\w*\W+to)\W+(?:\S+\s+){0,4}?"
                r"(?:supplier\W+)?code\W+of\W+conduct",
                r"\b(?:supplier\W+)?code\W+of\W+conduct\W+(?:\S+\s+){0,6}?(?:contracts?|agreements?|terms)\b",
                r"\bdeclarations?\W+of\W+(?:compliance|conformity)|\b(?:sign|signs|signed|submit\w*|return\w*)\W+"
                r"(?:\S+\s+){0,3}?(?:declarations?|statements?|letters?|questionnaires?)\W+of\W+(?:compliance|conformity)",
            ),
            "nl": (
                r"\b(?:certificeren|certificering\w*|verklaring\w*|verklaren|bevestigen\W+(?:\S+\s+){0,3}?"
                r"schriftelijk|schriftelijk\W+(?:\S+\s+){0,3}?bevestig\w*)",
                r"\b(?:\w*contract(?:en|ueel|uele|voorwaarden|afspraken|bepaling\w*)?|\w*overeenkomst\w*|"
                r"inkoopvoorwaarden|leveringsvoorwaarden|algemene\W+voorwaarden)\b",
                r"\b(?:ondertekenen|ondertekend|tekenen|getekend)\W+(?:\S+\s+){0,4}?\w*gedragscode|"
                r"\w*gedragscode\w*\W+(?:\S+\s+){0,6}?(?:ondertekenen|ondertekend|tekenen|onderschrijven)",
            ),
            "de": (
                r"\b(?:zertifizier\w*|bestätig\w*\W+(?:\S+\s+){0,3}?schriftlich|schriftlich\w*\W+(?:\S+\s+){0,3}?"
                r"(?:bestätig\w*|zusicher\w*|erklär\w*)|zusicherung\w*|zusichern)",
                r"\b(?:vertrag\w*|vertrags\w*|verträge\w*|vertraglich\w*|einkaufsbedingungen|lieferbedingungen|"
                r"beschaffungsbedingungen)\b",
                r"\b(?:unterzeichn\w*|unterschreib\w*|anerkenn\w*)\W+(?:\S+\s+){0,5}?\w*verhaltenskodex\w*|"
                r"\w*verhaltenskodex\w*\W+(?:\S+\s+){0,6}?(?:unterzeichn\w*|unterschreib\w*|anerkenn\w*|"
                r"vertragsbestandteil)",
            ),
        },
        exclusions=(
            r"\b(?:ISO\W?\d+|FSC|PEFC|organic|B\W?Corp)\W+certif\w*",
            r"\bcertif\w*\W+(?:\S+\s+){0,4}?(?:ISO\W?\d+|FSC|PEFC|organic)",
            r"\bemployment\W+contracts?|\barbeidscontract\w*|\barbeitsvertr\w*",
        ),
        # Certification is something suppliers give: the sentence must be about suppliers or purchasing.
        subject_required=SUPPLIER_WORDS
        + r"|\bpurchase\W+orders?|\bterms\W+(?:and\W+conditions\W+)?of\W+purchase|"
        r"\binkoop\w*|\beinkauf\w*|\bbeschaffung\w*",
    ),
    Criterion(
        id="internal_accountability",
        title="Internal accountability",
        definition=(
            "The company maintains its own internal accountability standards and procedures for "
            "employees and contractors on these standards: assigned responsibility and oversight (board, "
            "committee, officer), internal compliance procedures, consequences such as disciplinary "
            "measures for staff who fail to meet them. Requiring suppliers to comply, or asking them for "
            "documents, does not count."
        ),
        oecd_step="1 embed responsible business conduct in policies and management systems",
        cues={
            "en": (
                r"\b(?:internal\W+)?accountability\W+(?:\S+\s+){0,2}?(?:standards?|procedures?|mechanisms?|"
                r"framework|system|programm?e?)",
                r"\binternal\W+(?:accountability|compliance\W+(?:procedures?|programm?e?|processes|function)|"
                r"controls?\W+(?:on|for)\W+(?:human|labou?r|supply))",
                r"\b(?:employees|staff|personnel|buyers|managers|workforce|colleagues)\W+(?:\S+\s+){0,5}?"
                r"(?:are|is)\W+(?:also\W+)?(?:expected|required|obliged)\W+to\W+(?:comply|adhere|abide|follow|read|"
                r"acknowledge|certify)",
                r"\brequir\w*\W+(?:adherence|compliance)\W+(?:\S+\s+){0,6}?(?:by|from|of)\W+(?:\S+\s+){0,2}?"
                r"(?:employees|staff|personnel|buyers|managers)",
                r"\bgross\W+misconduct\b|\bdisciplin(?:e|ed|ing)\b|\bdisciplinary\W+(?:action|measures?|sanctions?|procedures?|consequences?)|\bup\W+to\W+and\W+"
                r"including\W+(?:termination|dismissal)|\btermination\W+of\W+employment",
                r"\b(?:responsib(?:le|ility)|accountab(?:le|ility)|oversight|oversees?|overseen)\W+(?:\S+\s+){0,3}?"
                r"(?:for|of)\W+(?:\S+\s+){0,4}?(?:human\W+rights|due\W+diligence|responsible|sustainab\w*|"
                r"supply\W+chain|modern\W+slavery|this\W+(?:policy|statement)|compliance|ethic\w*|labou?r)",
                r"\b(?:board|committee|chief\W+\w+\W+officer|compliance\W+(?:officer|department|team)|"
                r"human\W+rights\W+(?:officer|lead|committee|working\W+group))\W+(?:\S+\s+){0,6}?"
                r"(?:oversees?|overseen|is\W+responsible|are\W+responsible|monitors?|approves?|reviews?)",
            ),
            "nl": (
                r"\bdisciplinaire\W+(?:maatregel\w*|sancties?|gevolgen)|\barbeidsrechtelijke\W+maatregel\w*|"
                r"\bontslag\b",
                r"\b(?:verantwoordelijk\w*|eindverantwoordelijk\w*|toezicht|verantwoording)\W+(?:\S+\s+){0,6}?"
                r"(?:mensenrechten|imvo|mvo|due\W+diligence|zorgvuldigheid|duurzaamheid|naleving|gedragscode|"
                r"keten\w*)",
                r"\b(?:mensenrechten|imvo|mvo|due\W+diligence|duurzaamheid|naleving)\W+(?:\S+\s+){0,6}?"
                r"(?:verantwoordelijk\w*|toezicht)",
                r"\b(?:medewerkers|werknemers|inkopers|personeel)\W+(?:\S+\s+){0,6}?(?:moeten|zijn\W+verplicht|"
                r"worden\W+geacht)\W+(?:\S+\s+){0,6}?(?:na\W?te\W+leven|te\W+volgen|te\W+ondertekenen|naleven)",
                r"\b(?:compliance\W?officer|compliance-?afdeling|interne\W+(?:controle|procedures?|"
                r"verantwoording))",
            ),
            "de": (
                r"\b(?:disziplinar\w*|arbeitsrechtliche\w*\W+(?:konsequenzen|maßnahmen|sanktionen)|abmahnung|"
                r"kündigung)",
                r"\b(?:menschenrechtsbeauftragte\w*|compliance-?(?:beauftragte\w*|abteilung|officer|team|"
                r"management\w*))",
                r"\b(?:verantwort\w*|zuständig\w*|überwach\w*|aufsicht)\W+(?:\S+\s+){0,6}?(?:menschenrecht\w*|"
                r"sorgfaltspflicht\w*|lksg|nachhaltigkeit|lieferkette\w*|verhaltenskodex|compliance)",
                r"\binterne\w*\W+(?:verantwortlichkeit\w*|kontroll\w*|verfahren|richtlinie\w*)",
                r"\b(?:mitarbeite\w*|beschäftigte\w*|einkäufer\w*|führungskräfte)\W+(?:\S+\s+){0,6}?"
                r"(?:sind|werden)\W+(?:\S+\s+){0,3}?(?:verpflichtet|angehalten)",
            ),
        },
        own_practice_only=True,
        weak_cues=(r"responsib", r"verantwo", r"oversight", r"toezicht", r"board", r"committee"),
    ),
    Criterion(
        id="training",
        title="Training of own staff",
        definition=(
            "The company trains its own employees and managers (in particular those responsible for "
            "purchasing and the supply chain) on human rights, forced labour and trafficking, its code "
            "of conduct or due diligence, or builds their knowledge of these risks; training it gives to "
            "suppliers or contractors also counts. Requiring suppliers to train their workers does not."
        ),
        oecd_step="1 embed / 3 prevent and mitigate",
        cues={
            "en": (
                r"\btrain(?:s|ed|ing|ings)?\b",
                r"\be-?learning\w*|\bawareness\W+(?:sessions?|programm?e?s?|raising|campaigns?|workshops?)|"
                r"\bworkshops?\b",
                r"\b(?:increas|improv|build|deepen|expand)\w*\W+(?:\S+\s+){0,4}?knowledge\b",
            ),
            "nl": (
                r"\btraining(?:en|s)?\b|\btrainen\b|\bgetraind\b|\bopleiding\w*|\bcursus\w*|\be-?learning\w*|"
                r"\bbewustwording\w*|\bworkshops?\b",
            ),
            "de": (
                r"\bschulung\w*|\bgeschult\b|\bschulen\b|\btrainings?\b|\bweiterbildung\w*|\bfortbildung\w*|"
                r"\be-?learning\w*|\bsensibilisier\w*|\bworkshops?\b",
            ),
        },
        exclusions=(
            r"\btraining\W+(?:centre|center)s?\b|\bapprentic\w*|\bvocational\b|\bberufsausbildung\b",
        ),
        own_practice_only=True,
        suppliers_may_benefit=True,
    ),
    Criterion(
        id="grievance_mechanism",
        title="Grievance mechanism",
        definition=(
            "The company has established, or participates in, a mechanism through which workers, "
            "communities or other stakeholders can raise concerns or complaints about adverse impacts "
            "(complaints procedure, whistleblowing channel, hotline), including for people in its supply "
            "chain."
        ),
        oecd_step="6 provide for or cooperate in remediation (UNGP 29-31)",
        cues={
            "en": (
                r"\bgrievance\w*|\bwhistle-?blow\w*|\b(?:ethics|compliance|integrity|speak\W?up)\W+"
                r"(?:hotline|helpline|line|portal|channel)|\bhotlines?\b|\bspeak[- ]?up\b|\bombuds\w*",
                r"\bcomplaints?\W+(?:procedure|mechanism|channel|process|system|line|handling)\w*",
                r"\breport\w*\W+(?:\S+\s+){0,3}?(?:concerns|violations|misconduct|breaches)\W+(?:\S+\s+){0,3}?"
                r"(?:anonymously|confidentially|without\W+fear)",
            ),
            "nl": (
                r"\bklacht\w*(?:procedure|mechanisme|regeling|loket|kanaal)\w*|\bklachten\W*(?:procedure|"
                r"mechanisme|regeling|loket|kanaal)\w*|\bklokkenluid\w*|\bmeldpunt\w*|\bmeldprocedure\w*|"
                r"\bvertrouwenspersoon\w*|\bspeak[- ]?up\b|\bmisstanden\W+(?:\S+\s+){0,2}?melden",
            ),
            "de": (
                r"\bbeschwerde(?:verfahren|mechanism\w*|system\w*|kan\w*|stelle\w*|management)\w*|"
                r"\bhinweisgeber\w*|\bwhistle-?blow\w*|\bmeldekan\w*|\bmeldestelle\w*|\bombuds\w*|"
                r"\bhinweis\w*\W+(?:\S+\s+){0,3}?anonym\w*",
            ),
        },
        context_required=False,
        exclusions=(r"\bcustomer\W+complaints?|\bklantklachten|\bkundenbeschwerde\w*",),
    ),
    Criterion(
        id="remediation",
        title="Remediation",
        definition=(
            "The company provides for or cooperates in the remediation of adverse impacts it has caused "
            "or contributed to: remedy for affected workers or communities, corrective action plans with "
            "suppliers, compensation, reimbursing recruitment fees."
        ),
        oecd_step="6 provide for or cooperate in remediation",
        cues={
            "en": (
                r"\bremed(?:y|ies|iation|iate|iated|ial)\b",
                r"\bcorrective\W+(?:and\W+preventive\W+)?actions?\w*|\bcorrective\W+measures?",
                r"\b(?:compensat\w*|reimburs\w*|restitution)\W+(?:\S+\s+){0,5}?(?:workers|victims|affected|"
                r"recruitment\W+fees|communities)",
                r"\bprovide\W+for\W+or\W+cooperate\W+in",
                r"\b(?:repa(?:y|id|yment)|refund\w*|reimburs\w*|return\w*)\W+(?:\S+\s+){0,6}?(?:recruitment\W+)?fees\b|"
                r"\brecruitment\W+fees?\W+(?:\S+\s+){0,12}?(?:repa(?:y|id|yment)|refund\w*|reimburs\w*)",
            ),
            "nl": (
                r"\bherstel(?:d|len|maatregel\w*|plan\w*)?\b|\bverhelpen\b|\bgenoegdoening\b|\bcompensatie\b|"
                r"\bcorrigerende\W+maatregel\w*|\bverbeterplan\w*|\bverbetertraject\w*",
            ),
            "de": (
                r"\babhilfe\w*|\bwiedergutmachung\w*|\bkorrekturmaßnahme\w*|\bkorrekturplan\w*|"
                r"\bentschädig\w*|\bbehebung\w*|\bbeheben\b",
            ),
        },
        exclusions=(
            r"\b(?:soil|groundwater|asbestos|site|environmental)\W+remedia\w*|\bbodemsanering",
            r"\bremedia\w*\W+(?:\S+\s+){0,6}?(?:soil|groundwater|contaminat\w*|asbestos|pollut\w*|landfill)",
        ),
    ),
    Criterion(
        id="public_reporting",
        title="Public reporting on due diligence",
        definition=(
            "The company communicates publicly on its due diligence and its results: reports on its "
            "progress, findings, performance or supplier base (for example an annual human-rights, "
            "sustainability or modern-slavery report, or a published supplier list)."
        ),
        oecd_step="5 communicate how impacts are addressed",
        cues={
            "en": (
                r"\b(?:report|reports|reported|reporting|publish\w*|disclos\w*|communicat\w*)\W+(?:\S+\s+){0,4}?"
                r"(?:on|about)\W+(?:\S+\s+){0,3}?(?:progress|performance|results|findings|outcomes|due\W+diligence|"
                r"human\W+rights|efforts|audits?|suppliers)",
                r"\b(?:publish\w*|disclos\w*)\W+(?:\S+\s+){0,3}?(?:results|findings|progress|outcomes)\b",
                r"\bpublish\w*\W+(?:\S+\s+){0,2}?(?:annually|each\W+year|every\W+year|yearly)|"
                r"\b(?:annually|each\W+year|every\W+year|yearly)\W+publish\w*",
                r"\b(?:publish\w*|disclos\w*)\W+(?:\S+\s+){0,4}?(?:list|names|locations)\W+of\W+(?:\S+\s+){0,4}?"
                r"(?:suppliers|factories)",
                r"\b(?:annual|public(?:ly)?)\W+(?:\S+\s+){0,2}?(?:report\w*|disclos\w*|statements?)\b",
                r"\b(?:sustainability|CSR|ESG|human\W+rights|modern\W+slavery|transparency)\W+(?:report|statement)s?\b",
            ),
            "nl": (
                r"\b(?:rapporteren|rapporteert|publiceren|publiceert|gepubliceerd|communiceren|verantwoording"
                r"\W+afleggen)\b",
                r"\b(?:duurzaamheids|mvo|imvo|mensenrechten)(?:verslag|rapport)\w*|\bjaarverslag\w*",
            ),
            "de": (
                r"\bberichte[nt]\b|\bberichterstattung\b|\bveröffentlich\w*",
                r"\b(?:nachhaltigkeits|menschenrechts|lksg|bafa|csr)-?bericht\w*",
            ),
        },
        weak_cues=(r"annual", r"jaarverslag", r"communicat"),
    ),
)

CRITERIA_BY_ID: Mapping[str, Criterion] = {criterion.id: criterion for criterion in CRITERIA}
CRITERION_IDS: tuple[str, ...] = tuple(CRITERIA_BY_ID)

#: LegalBench supply-chain-disclosure measures → our criterion ids.
LEGALBENCH_MEASURES: Mapping[str, str] = {
    "verification": "risk_assessment",
    "audits": "supplier_audits",
    "certification": "supplier_certification",
    "accountability": "internal_accountability",
    "training": "training",
}
