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
* ``purpose_checked``: a cue whose immediate wording gives it another purpose than human rights and
  labour ("quality audits", "customs-security audits", "certify that toys meet product-safety
  requirements") does not count, unless the sentence is also about labour, slavery or human rights.

A cue is a regular expression, or a :class:`Cue` that adds conditions: wording the sentence must
also contain (``requires``), wording just before or after it that vetoes it (``unless_before``,
``unless_after``), whether it is weak evidence, and whether it states a *consequence* ("may result
in termination"), which policies always phrase as a possibility and which is therefore not weakened
by "may".

How the sentence around a cue is read (headings, statutory wording, negation over lists, plans and
possibilities) is :mod:`imvo.core.assessment.scope`; its word lists are in the "Sentence grammar"
section of this module.

Sources for the definitions: OECD Guidelines for Multinational Enterprises (2023 update), chapter IV
and the OECD Due Diligence Guidance for Responsible Business Conduct (2018), six steps; UN Guiding
Principles on Business and Human Rights (2011), principles 15-24 and 29-31; the LegalBench
supply-chain-disclosure tasks by Chilton and Sarfaty (Guha et al. 2023, CC BY 4.0) for the five
California Transparency in Supply Chains Act measures (verification, audits, certification, internal
accountability, training), and the statute itself, Cal. Civ. Code § 1714.43(c)(1)-(5).  Patterns are
written from those definitions and from the wording companies use for them, not from single
example statements.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

LANGUAGES = ("en", "nl", "de")


@dataclass(frozen=True)
class Cue:
    """A cue pattern with conditions (see the module docstring)."""

    pattern: str
    requires: str | None = None
    unless_before: str | None = None
    unless_after: str | None = None
    weak: bool = False
    consequence: bool = False


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str
    definition: str
    oecd_step: str
    cues: Mapping[str, tuple[str | Cue, ...]]
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
    # Whether that subject may be named in the sentence before instead ("Two suppliers were delisted.
    # Both had signed our declaration …"): true when it says what the sentence is about, not who acts.
    subject_carries_over: bool = False
    # When set, only sentences matching it are searched for cues (a cheap necessary condition).
    prerequisite: str | None = None
    # Whether a cue with another stated purpose (quality, product safety, customs security) is vetoed.
    purpose_checked: bool = False
    # Whether a title counts as evidence: "Sustainability Report 2021 — Acme" shows that the company
    # reports publicly, while "Supplier audits" does not show that it audits.
    titles_count: bool = False


# Topic words: responsible business conduct, human rights, labour, environment, supply chain.
CONTEXT_PATTERNS: tuple[str, ...] = (
    # en
    r"human[- ]rights?", r"slavery", r"traffick\w*", r"forced\W+labou?r", r"child\W+labou?r",
    r"bonded\W+labou?r", r"labou?r\W+(?:standards?|practices?|rights?|conditions?)", r"working\W+conditions?",
    r"supply\W+chains?", r"suppl(?:y|ier)\w*", r"vendors?", r"sourcing", r"procurement", r"purchasing",
    r"buyers?", r"factor(?:y|ies)", r"(?:sub-?)?contractors?", r"business\W+partners?",
    r"contract\W+manufactur\w*", r"labou?r\W+(?:brokers?|agenc(?:y|ies)|recruiters?)",
    r"code\W+of\W+(?:business\W+)?conduct",
    r"due\W+diligence", r"responsible\W+business", r"ethic\w*", r"social\W+(?:compliance|standards?|audits?)",
    r"OECD", r"UNGPs?", r"guiding\W+principles", r"environment\w*", r"sustainab\w*",
    r"corporate\W+responsibility",
    r"grievance", r"workers?", r"adverse\W+impacts?", r"risk\W+assessments?",
    r"smeta", r"amfori", r"bsci", r"sedex", r"sa\W?8000", r"fair\W?trade", r"rainforest\W+alliance",
    r"ethical\W+trad\w*", r"recruitment\W+fees?", r"abhilfe\w*", r"wiedergutmachung\w*", r"genoegdoening",
    # nl
    r"mensenrechten\w*", r"\w*leverancier\w*", r"\w*keten\w*", r"kinderarbeid", r"dwangarbeid",
    r"arbeidsomstandigheden", r"arbeidsnormen", r"gedragscode\w*", r"imvo", r"mvo", r"maatschappelijk\w*",
    r"inkoop\w*", r"fabriek\w*", r"zorgvuldigheid\w*", r"OESO", r"milieu\w*", r"duurzaam\w*",
    r"\w*risicoanaly\w*", r"mensenhandel", r"slavernij", r"uitbuiting",
    r"sociale?\W+(?:audits?|normen|compliance)", r"inkoper\w*", r"productielocatie\w*",
    # de
    r"menschenrecht\w*", r"\w*lieferkette\w*", r"\w*lieferant\w*", r"zuliefer\w*", r"kinderarbeit",
    r"zwangsarbeit", r"sklaverei", r"menschenhandel", r"arbeitsbedingungen", r"verhaltenskodex\w*",
    r"sorgfaltspflicht\w*", r"LkSG", r"einkauf\w*", r"beschaffung\w*", r"umwelt\w*", r"nachhaltig\w*",
    r"\w*risikoanaly\w*", r"sozial\w*", r"einkäufer\w*", r"produktionsstätte\w*", r"fabrik\w*",
    r"werke", r"grundsatzerklärung\w*", r"ausbeutung", r"leiharbeit\w*",
    # subcontractors and labour agencies, as "contractors" in English
    r"onderaannemer\w*", r"uitzendbureau\w*", r"subunternehm\w*", r"zeitarbeitsfirm\w*",
    r"nachunternehm\w*", r"unterauftragnehm\w*",
    # compounds ("hoogrisicofabrieken", "Textilfabriken", "dienstverleners") and risk tools named in them
    # ("risicoscan", "Risikoscore"), in one group so that a word is read once
    r"\w*(?:fabriek|fabrik|dienstverlener|dienstleister|kodex|risico(?:scan|kaart|score|profiel)|risiko(?:score|profil|karte|"
    r"kartierung|bewertung))\w*",
    # the first half of a coordinated compound ("arbeids- en huisvestingsomstandigheden")
    r"arbeids-(?=\s)", r"arbeits-(?=\s)",
    # indicators of forced and child labour named without the words
    r"passports?", r"identity\W+documents?", r"minors", r"underage", r"paspoort\w*", r"minderjarig\w*",
    r"identiteitsbewijs\w*", r"\w*reisepäss\w*", r"päss(?:e|en)", r"ausweis\w*", r"minderjährig\w*",
    r"anwerbegebühr\w*", r"wervingskosten", r"arbeidsmigrant\w*", r"arbeitsmigrant\w*", r"migrant\W+workers?",
)  # fmt: skip

# What a supply-chain transparency statement is about: a short disclosure that names it is on topic
# in every sentence.
CORE_TOPIC = (
    r"\b(?:slavery|traffick\w*|forced\W+labou?r|child\W+labou?r|human\W+rights|supply\W+chains?|"
    r"slavernij|mensenhandel|dwangarbeid|kinderarbeid|mensenrechten|\w*keten|sklaverei|menschenhandel|"
    r"zwangsarbeit|kinderarbeit|menschenrecht\w*|\w*lieferkette\w*)\b"
)

# Who the company itself is, to tell its own practice from requirements imposed on suppliers.
SUPPLIER_WORDS = (
    r"\b(?:suppliers?|vendors?|business\W+partners?|manufacturers?|factories|factory|sub-?contractors?|"
    r"contractors?|(?:manufacturing|production)\W+(?:facilities|sites)|sellers?|traders?|mills|growers?|"
    # (compounds in one group, so that a word is read once: "houtleveranciers", "Logistikdienstleister")
    r"cooperatives?|\w*(?:leverancier|lieferant|dienstleister|webereien|fabriken)\w*|zakenpartners?|fabrieken|"
    r"leverings\w*|producent\w*|fabrikant\w*|handelaars?|handelaren|ateliers?|coöperaties?|zuliefer\w*|"
    r"geschäftspartner\w*|werke|auftragnehmer\w*|händler\w*|hersteller\w*|produzenten|betriebe|"
    r"kooperativen|makers?|kwekers?|telers?|farmers?|erzeuger|workshops?|"
    # partners named by their role ("manufacturing partners", "sourcing partner")
    r"(?:manufacturing|production|sourcing|factory|supply|trading)\W+partners?|"
    # subcontractors and the agencies that supply labour
    r"onderaannemer\w*|subunternehmer\w*|nachunternehmer\w*|unterauftragnehmer\w*|dienstverlener\w*|"
    r"(?:service|labou?r-?hire)\W+providers?|uitzendbureau\w*|(?:labou?r|staffing|recruitment)\W+agenc(?:y|ies)|"
    r"(?:leih|zeit)arbeitsfirm\w*)\b"
)

# Rules in a supplier code of conduct appended to a statement ("training shall be provided to all
# workers"): without the company speaking in the first person they are not its own practice.
CODE_RULE_MODALS = r"\b(?:shall|should|dienen|moeten\W+worden|sollen|sollten)\b"

# The supplier as the one who must act ("suppliers must train their workers", "we require our
# suppliers to audit their own suppliers", "Lieferanten müssen ihre Beschäftigten schulen") ...
IMPOSED_ON_SUPPLIER = (
    r"(?:" + SUPPLIER_WORDS + r")\W+(?:\S+\s+){0,4}?(?:must|shall|should|need\W+to|have\W+to|has\W+to|"
    r"(?:are|is)\W+(?:also\W+)?(?:required|expected|obliged|obligated|asked|encouraged|responsible)\W+(?:to|for)|"
    r"agree\W+to|commit\W+to|ensure|ensures|moeten|dienen|zijn\W+verplicht|zorgen\W+(?:ervoor\W+)?dat|"
    r"müssen|sollen|sind\W+verpflichtet|sorgen\W+dafür|verpflichten\W+sich|verplichten\W+zich)\b"
    r"|\b(?:require|requires|required|expect|expects|ask|asks|oblige|obliges|encourage|encourages|"
    r"eisen|verlangen|verpflichten|fordern)\W+(?:\S+\s+){0,3}?(?:" + SUPPLIER_WORDS + r")\W+(?:\S+\s+){0,2}?"
    r"(?:to|om|zu)\b"
    # "Wir erwarten von unseren Zulieferern, dass sie …", "wij verwachten van leveranciers dat zij …"
    r"|\b(?:erwarten|verlangen|fordern|verwachten|eisen|vragen)\W+(?:wir\W+|wij\W+|we\W+)?(?:von|van)\W+(?:\S+\s+){0,3}?"
    r"(?:" + SUPPLIER_WORDS + r")\W+(?:dass|dat)\b"
)
# ... unless what they must do is to let the company act or to receive something from it
# ("suppliers must allow us to inspect", "must pass an audit", "are required to attend training").
SUPPLIER_AS_RECIPIENT = (
    r"\b(?:allow|allows|permit|permits|accept|accepts|undergo|undergoes|pass|passes|submit|submits|"
    r"cooperate|grant|grants|attend|attends|participate|participates|complete|completes|receive|"
    r"receives|be|been|being|subject|toestaan|ondergaan|deelnemen|zulassen|teilnehmen|ermöglichen|"
    r"gestatten|dulden|unterziehen|bestehen)\b"
)

# Another purpose than human rights and labour, stated right at the cue ("quality audits",
# "audited for product quality", "certify that toys meet product-safety requirements") ...
OTHER_PURPOSE = (
    r"\b(?:quality|product\W+safety|food\W+safety|safety\W+of\W+(?:our\W+)?products|consumer\W+safety|"
    r"good\W+manufacturing|gmp|haccp|brcgs?|iso\W?\d{3,5}|technical\W+specifications?|specifications|"
    r"customs|c-?tpat|vda\W?6\W?\d|iatf|process\W+audits?|prozessaudit\w*|procesaudit\w*|gdpr|avg|dsgvo|(?:supply\W+chain|cargo|information|data|it)\W+security|security\W+(?:audits?|"
    r"standards?|requirements?|certification|reviews?)|cyber\w*|data\W+protection|privacy|financial(?!\W+(?:year|period|officer))|"
    r"accounting|tax|energy|authenticity|(?:internal|financial|procurement|payroll)\W+controls|tariff|import\W+documentation|sales|customer\W+service|"
    r"product\W+knowledge|kwaliteit\w*|productkwaliteit|productveiligheid|voedselveiligheid|douane|"
    r"financi\w+(?!\W+(?:year|period|jaar|officer|directeur))|energie\w*|beveiliging|informatiebeveiliging|\w*qualität\w*|produktsicherheit|"
    r"lebensmittelsicherheit|informationssicherheit|datenschutz|zoll\w*|finanz(?!vorstand|chef|direktor|geschäftsführ)\w*|kundenservice|"
    r"verkauf\w*|(?:veiligheid|sicherheit)\W+(?:en|und)\W+(?:kwaliteit|qualität)|co2|carbon|emissions?|"
    r"uitstoot|reach-\w+|rohs|svhc|declarations?\W+of\W+conformity|\w*konformitätserklärung\w*|"
    r"conformiteitsverklaring\w*|"
    # corruption and bribery are compliance topics of their own, not slavery
    r"corruption|anticorruption|bribery|corruptie\w*|anticorruptie\w*|omkoping|korruption\w*|antikorruption\w*|"
    r"bestechung\w*|hygien\w*|hygiëne\w*|ifs|"
    # the origin of goods for customs and tariff preferences, not where the labour comes from
    r"certificates?\W+of\W+origin|preferential\W+origin|ursprungszeugnis\w*|ursprungsnachweis\w*|"
    r"präferenz\w*\W+ursprung\w*|certificaat\W+van\W+oorsprong|oorsprongscertificaat\w*|"
    r"preferentiële\W+oorsprong|"
    # the legal origin of timber (FSC, PEFC, chain of custody, timber regulations), not labour
    r"jaarrekening\w*|jahresabschluss\w*|annual\W+accounts|financial\W+statements|pre-?shipment|before\W+shipment|of\W+finished\W+(?:goods|products)(?!\W+(?:factor|suppl|manufactur|vendor))|"
    r"fsc|pefc|chain\W+of\W+custody|legal(?:ly)?\W+harvest\w*|legale[nr]?\W+herkunft|legale\W+herkomst|"
    r"\w*holzhandelsverordnung|houtverordening|timber\W+regulation|eutr|"
    r"produktspezifikation\w*|productspecificatie\w*)\b"
)
# ... which does not apply when the sentence is also about labour, slavery or human rights.
SOCIAL_PURPOSE = (
    r"\b(?:labou?r|slaver|traffick|forced|child|human\W+rights|working\W+conditions|social|ethic|workers?|"
    r"wages?|working\W+hours|code\W+of\W+(?:business\W+)?conduct|supplier\W+code|recruitment|dignity|"
    r"sustainab|environment|responsible\W+sourcing|arbeid\w*|mensenrecht\w*|dwangarbeid|kinderarbeid|"
    r"slavernij|mensenhandel|sociale?|gedragscode|werknemers|duurzaam\w*|arbeitsbedingungen|"
    r"menschenrecht\w*|zwangsarbeit|kinderarbeit|sklaverei|menschenhandel|sozial\w*|"
    r"(?:verhaltens|lieferanten)?kodex|beschäftigte|nachhaltig\w*)"
)

# --- Sentence grammar (imvo.core.assessment.scope) ---------------------------------------------
# Word lists are space-separated lower-case tokens; patterns are regular expressions.

# Negators whose scope is the rest of the clause (through lists), and trailing Dutch/German ones.
VERBAL_NEGATORS = (
    "not never cannot nor neither none nobody niet niets nooit niemand evenmin nicht nichts nie niemals "
    "weder "
    "ebensowenig"
)
# Negators whose scope is the noun phrase (or list of noun phrases) after them.
NP_NEGATORS = "no geen kein keine keinen keinem keiner keines"
# German verbs of refusal that negate like a trailing "nicht" ("auf Audits verzichten wir"), except as
# the content of a commitment ("verpflichten sich, auf Zwangsarbeit zu verzichten").
REFUSAL_VERBS = "verzichten verzichtet"
# Verbs that say a thing is missing ("Sanktionsregeln fehlen"); before what they negate in a main clause
# with its verb first ("fehlt bislang eine Regelung", "ontbreekt een procedure") too.
ABSENCE_VERBS = "ontbreekt ontbreken fehlt fehlen"
TRAILING_NEGATORS = (
    "niet nooit evenmin nicht nie niemals weder ebensowenig " + ABSENCE_VERBS + " " + REFUSAL_VERBS
)
TRAILING_NEGATOR_EXCEPTIONS = (
    "alleen enkel uitsluitend nur zuletzt toegestaan getolereerd geduldet toleriert erlaubt gestattet"
)
# Negators that do not negate a practice: "not only", "no forced labour", "we do not tolerate",
# "we have not found any", "nicht nur", "geen kinderarbeid".
NEGATOR_FALSE_FRIENDS = (
    r"(?:not|never|\w+n['’]t)\W+(?:only|just|limited|least|(?:\w+\W+)?(?:found(?!\W+it\b)|find(?!\W+it\b)|identif\w*|detect\w*|"
    r"uncover\w*|discover\w*|observ\w*|encounter\w*|reveal\w*|show\w*|indicat\w*|aware|tolerat\w*|condon\w*|permit\w*|allow\w*|"
    r"accept\w*|knowingly|purchas\w*|buy|source|do\W+business|work\W+with|employ|exploit\w*|"
    r"use\W+(?:forced|child|slave|prison|bonded|trafficked|involuntary)))\b"
    r"|no\W+(?:later|longer\W+than|matter|(?:form|forms|kind)\W+of\W+(?:forced|child|slave|bonded|modern|exploit\w*|"
    r"traffick\w*)|(?:(?:child|forced|slave|bonded|prison|involuntary|indentured|"
    r"trafficked|compulsory|illegal|underage)\W+(?:or\W+|and\W+|,\W*)?)+labou?r|slavery|(?:human\W+)?"
    r"trafficking|instances?|evidence|cases?|incidents?|violations?|findings?|indications?|reports?|issues?|"
    r"tolerance)\b"
    r"|niet\W+(?:alleen|enkel|getolereerd|toegestaan|gevonden|aangetroffen|alle|iedere?|elke?)\b"
    r"|not\W+(?:all|every)\b"
    r"|(?<=whether\Wor\W)not\b|(?<=al\Wdan\W)niet\b|(?<=\Wor\W)not(?=\W*[,;)])|(?<=\Wof\W)niet(?=\W*[,;)])|"
    r"(?<=\Woder\W)nicht(?=\W*[,;)])"
    r"|geen\W+gebruik\W+(?:van\W+)?(?:te\W+)?(?:maken|maakt|gemaakt)(?:\W+van)?\b"
    # a finding of the practice, not its absence ("because the risk analysis showed no high risks")
    r"|(?:no|geen|kein\w*)\W+(?:high|significant|material|elevated|major|hoge|grote|ernstige|verhoogde|hohen?|"
    r"erhöhten?|wesentlichen?|besonderen?)\W+(?:risks?|risico\W?s|risiken)\b"
    r"|geen\W+nieuwe\W+(?:orders?|opdrachten|bestellingen)\b"
    r"|niet\W+(?:meer\W+)?(?:verlengd|in\W+aanmerking)\b|niet\W+meer\W+(?:ingeschakeld|ingezet|beauftragd)\b|nicht\W+(?:mehr\W+)?(?:verlängert|beauftragt|berücksichtigt)\b"
    r"|not\W+(?:be\W+)?renewed\b"
    r"|kein\w*\W+neuen\W+(?:aufträge|bestellungen)\b"
    r"|geen\W+(?:(?:enkele\W+)?vormen?\W+van\W+)?(?:\w+-\W+(?:of|en)\W+)?(?:kinderarbeid|dwangarbeid|"
    r"gedwongen\W+arbeid|slavernij|mensenhandel|"
    r"uitbuiting|gevallen|"
    r"aanwijzingen|schendingen)\b"
    r"|nicht\W+(?:nur|zuletzt|toleriert|geduldet|erlaubt|gefunden|festgestellt|alle|jede[rsnm]?)\b"
    r"|kein\w*\W+(?:(?:einzige|form|formen|art)\W+(?:von|der)\W+)?(?:\w+-\W+(?:oder|und)\W+)?(?:kinderarbeit|"
    r"zwangsarbeit|erzwungene\W+arbeit|sklaverei|"
    r"menschenhandel|ausbeutung|hinweise|"
    r"fälle|verstöße)\b"
)
# Negations whose scope is the rest of the clause ("it is not feasible ... to verify or audit").
WIDE_NEGATORS = (
    r"\b(?:not\W+(?:feasible|possible|practical|practicable|necessary|required|deemed\W+necessary|"
    r"appropriate|able\W+to|in\W+a\W+position)|(?:do|does|did)\W+not\W+(?:believe|consider|think|deem|"
    r"see\W+the\W+need|(?:\w+\W+)?(?:found|find|deemed?|considered)\W+it\W+(?:necessary|feasible|appropriate|"
    r"practical|practicable|needed))|(?:have|has|had)\W+not\W+(?:\w+\W+)?(?:found|deemed|considered)\W+it\W+"
    r"(?:necessary|feasible|appropriate|needed)|unable\W+to|has\W+yet\W+to|have\W+yet\W+to|no\W+(?:formal\W+|specific\W+|such\W+|"
    r"current\W+)?(?:plans?|programm?e?s?|process(?:es)?|systems?|polic(?:y|ies)|procedures?|mechanisms?|"
    r"resources|capacity)\b|no\W+(?:\w+\W+)?(?:steps|measures|actions?)\W+(?:\w+\W+){0,2}?(?:taken|undertaken)\b|"
    r"(?:no|geen|keine)\W+(?:need|reason|noodzaak|aanleiding|notwendigkeit|veranlassung)\b|"
    r"niet\W+(?:mogelijk|haalbaar|nodig|noodzakelijk)|nog\W+niet|nog\W+geen|"
    r"geen\W+(?:formele\W+|specifieke\W+)?(?:plannen|programma|proces|systeem|beleid|procedures?)\b|"
    # verbs of refraining ("refrain from", "sehen wir von … ab", "zien wij af van")
    r"refrain\w*\W+from|abstain\w*\W+from|(?:sehen|sieht)\W+(?:wir\W+|es\W+)?von\b(?=[^.;]*\bab\b)|absehen\W+von|"
    r"(?:zien|ziet)\W+(?:wij\W+|we\W+)?(?:\w+\W+)?af\W+van|afzien\W+van|"
    r"\bnoch\W+(?:\w+\W+){1,8}?noch\b|nicht\W+(?:möglich|machbar|notwendig|erforderlich)|noch\W+nicht|noch\W+kein\w*|bisher\W+nicht|"
    r"bislang\W+nicht|kein\w*\W+(?:formales?\W+|spezifisches?\W+)?(?:verfahren|prozess|system|programm)\b|"
    # "… maakt geen deel uit van onze inkoopvoorwaarden", "is not part of our contracts"
    r"geen\W+deel\W+(?:\w+\W+){0,2}?van|not\W+(?:\w+\W+)?part\W+of|(?:nicht|kein\w*)\W+(?:teil|bestandteil)\W+"
    r"(?:von|der|des|unserer))"
)
# Consequences said to be absent: the cue that names them is negated.
ABSENT_CONSEQUENCE = (
    r"\b(?:without|ohne|zonder)\W+(?:\w+\W+)?(?:consequences?|sanctions?|penalt(?:y|ies)|folgen|konsequenzen|"
    r"sanktionen|gevolgen|consequenties|sancties)\b|\b(?:unpunished|ungeahndet|folgenlos|sanktionslos|ongestraft)\b"
)
# A negated qualifier right after a negation that follows the cue: the practice exists, only not in
# that form ("the verification was not conducted by a third party", "audits are not unannounced").
QUALIFIER_NEGATION = (
    r"\W+(?:(?:currently|always|necessarily|yet)\W+)?(?:(?:be|been|being)\W+)?(?:\w+\W+){0,2}?"
    r"(?:by\W+(?:an?\W+|the\W+)?(?:third|independent|external|outside)|(?:an?\W+)?(?:independent\w*|"
    r"unannounced|announced|third[- ]part\w*|external\w*|outsourced|limited\W+to|only|just)\b)"
    # ("weder selbst noch durch Dritte" is not done at all)
    r"|\W+(?:(?!noch\b|nor\b)\w+\W+){0,2}?(?:door\W+(?:een\W+)?(?:derde|externe|onafhankelijke)|durch\W+"
    r"(?:einen\W+|eine\W+)?(?:dritte|externe|unabhängige)|von\W+(?:einem\W+)?(?:dritten|externen|unabhängigen))"
    r"|\W+(?:(?:altijd|steeds|immer|stets|zwingend)\W+)?(?:(?:on)?aangekondigd\w*|onafhankelijk\w*|"
    r"(?:un)?angekündigt\w*|unabhängig\w*)\b"
    r"|\W+(?:sufficiently|adequately|ausreichend|hinreichend|voldoende)\b"
)
# What "soll(en) … werden" says is still to be done ("sollen bei der nächsten Vertragsrunde aufgenommen
# werden").
_PLANNED_PARTICIPLES_DE = (
    "eingerichtet|eingeführt|aufgebaut|entwickelt|umgesetzt|erarbeitet|aufgenommen|ergänzt|verankert|festgelegt|"
    "festgeschrieben|geklärt|erstellt|eingeholt|vereinbart|geregelt|definiert|durchgeführt|geschult"
)
# Plans and intentions before the practice ("we plan to", "is developing", "van plan", "beabsichtigen").
PLANNED_BEFORE = (
    # ("seek to", "strive to", "endeavour to" describe effort that is made, and are not listed)
    r"\b(?:(?:plan|plans|planned|planning|intend\w*|aim|aims|aiming|expect|expects|propose\w*|want|wants|"
    r"wish|hope|hopes|goal\W+is|objective\W+is|ambition\W+is|plan\W+is|intention\W+is|aim\W+is)\W+to\b|(?:is|are|am)\W+(?:currently\W+|now\W+|also\W+)?"
    r"(?:developing|working\W+on|looking\W+into|exploring|evaluating\W+(?:whether|how|options)|"
    r"assessing\W+(?:whether|how)|reviewing\W+(?:whether|how)|considering|designing|drafting|preparing|"
    r"in\W+the\W+process\W+of)|consider(?:ing|s)?\W+(?:at\W+this\W+time\W+)?whether|"
    r"(?:will|shall|would)\W+(?:\w+\W+)?(?:introduce|implement|develop|adopt|launch|start|begin|"
    r"roll\W+out|establish|set\W+up|create|put\W+in\W+place|formali[sz]e|commence|initiate|pilot|consider|"
    r"explore|look\W+into)\b|will\W+assist\W+(?:\w+\W+){0,2}?(?:with|in)|development\W+of|"
    r"in\W+(?:the\W+)?(?:near\W+)?future|going\W+forward|(?:in|during|for|over|within)\W+the\W+coming\W+(?:year|months|period|season)|"
    # the content of an open question is not done ("of wij leveranciers een verklaring laten tekenen,
    # wordt nog bekeken"; English and German "whether we", "ob wir" follow verbs of weighing, listed above)
    r"\bof\W+(?:wij|we)\b|"
    r"from\W+(?:\S+\s+){0,3}?20\d\d\W+(?:\w+\W+){0,2}?onwards?\b|"
    r"(?:plan|doel|voornemen)\W+is\W+(?:om|dat)\b|(?:plan|ziel)\W+ist\W+(?:es\W+)?|"
    r"(?:geplant|beabsichtigt)\W+ist\b|streven\W+(?:er)?naar\W+(?:\w+\W+){0,4}?(?:in|vóór|voor|tegen|uiterlijk)\W+"
    r"(?:\w+\W+)?20\d\d\b|"
    # something being worked out now ("Op dit moment wordt een leveranciersverklaring opgesteld")
    # resolutions and intentions ("nemen wij ons voor om", "haben uns vorgenommen", "it is our intention to",
    # "asked management to consider", "working towards", "to be rolled out from …")
    r"(?:nemen|neemt)\W+(?:wij\W+|we\W+)?(?:ons|zich)\W+(?:\w+\W+){0,2}?voor\b|\bvoorgenomen\b|"
    # the finite verb before and the participle of a plan after the practice ("für 2024 sind Audits bei fünf
    # Zulieferern geplant", "voor 2025 staan audits bij … gepland"), within the clause
    # (the look-ahead rules most finite verbs out before the words are counted)
    r"(?:ist|sind|wird|werden|staat|staan|is|zijn|wordt|worden)\s"
    r"(?=[^.;:,]{0,80}?\b(?:geplant|vorgesehen|gepland|voorzien)\b)"
    r"(?:[^\s.;:,]+\s+){1,6}?(?:geplant|vorgesehen|gepland|voorzien)\b|"
    # a new instrument introduced from a date ("…, die vanaf het tweede kwartaal van 2025 wordt ingevoerd,
    # bevat …")
    r"(?:vanaf|ab|from)\W+(?:\S+\s+){0,4}?20\d\d\W+(?:wordt|worden|wird|werden)\W+(?:ingevoerd|eingeführt|uitgerold|"
    r"ausgerollt)\W*,|"
    r"(?:nehmen|nimmt)\W+(?:wir\W+)?(?:uns|sich)\W+(?:\w+\W+){0,3}?vor\b|\bvorgenommen\b|"
    r"(?:our|its|the)\W+intention\W+(?:is\W+)?to\b|"
    r"(?:asked|tasked|instructed|mandated)\W+(?:\S+\s+){0,3}?to\W+(?:consider|develop|explore|prepare|draft|design|"
    r"propose)\b|(?:is|are|am)\W+(?:currently\W+|now\W+)?working\W+towards?\b|"
    r"to\W+be\W+(?:rolled\W+out|introduced|implemented|launched|adopted)\b|"
    r"(?:(?:momenteel|op\W+dit\W+moment|derzeit|gerade|aktuell)\W+(?:wordt|worden|wird|werden)|(?:wordt|worden|wird|"
    r"werden)\W+(?:momenteel|op\W+dit\W+moment|derzeit|gerade|aktuell))\W+(?:\S+\s+){1,8}?(?:opgesteld|uitgewerkt|"
    r"ontwikkeld|voorbereid|erstellt|erarbeitet|entwickelt|ausgearbeitet|vorbereitet)\b|"
    r"next\W+(?:year|financial\W+year|fiscal\W+year|reporting\W+period)|by\W+(?:the\W+end\W+of\W+)?"
    r"(?:fiscal\W+)?20\d\d(?!\W+(?:\w+\W+){0,6}?had\b)|over\W+the\W+(?:next|coming)\W+\w+|"
    r"van\W+plan|voornemens|(?:in|vanaf)\W+20\d\d\W+(?:starten|beginnen|gaan)\W+(?:wij|we)\b|starten\W+(?:wij|we)\W+met|"
    r"(?:would|'d)\W+like\W+(?:\w+\W+){0,3}?to|next\W+season|"
    # plans still being chosen or drafted ("we are planning a mapping project", "comparing tools that
    # would let us screen", "updating our agreement so that suppliers will certify")
    r"(?:is|are|am)\W+(?:currently\W+|now\W+|also\W+)?(?:planning|comparing|selecting|choosing)\b|"
    r"(?:assessing|evaluating|considering|exploring|reviewing)\W+(?:a|an|the)\W+(?:\w+\W+)?(?:programm?e|proposal|plan|"
    r"pilot|options?|introduction)\W+(?:of|for|to)\b|expect\w*\W+(?:\S+\s+){1,6}?to\W+be\W+(?:in\W+place|ready|"
    r"introduced|adopted|implemented|completed|launched|rolled\W+out|effective)\b|"
    r"would\W+(?:let|allow|enable|help)\W+us\b|(?:updating|revising|amending|redrafting)\W+(?:\S+\s+){0,5}?so\W+that\b|"
    r"\b(?:mit\W+(?:dem|der)\W+nächsten|bij\W+de\W+volgende|with\W+the\W+next)\W+(?:\w+\W+){0,2}?(?:update|release|"
    r"version|versie|revision|herziening|überarbeitung|aktualisierung)\w*|(?:vorgesehen|geplant)\W+(?:sind|ist)\b|"
    r"with\W+a\W+view\W+to\W+(?:adding|introducing|including|developing|adopting)|(?:het\W+is\W+)?de\W+bedoeling\W+(?:is\W+)?(?:dat|om)|in\W+het\W+(?:nieuwe|komende|volgende)\W+"
    r"(?:boek|kalender)?jaar|de\W+komende\W+(?:jaren|maanden|periode)|(?:onderzoeken|bekijken|verkennen)\W+"
    r"(?:\w+\W+){0,2}?mogelijkhe\w*|overwegen|willen\W+(?:\w+\W+){0,16}?(?:laten\W+)?(?:uitvoeren|invoeren|ontwikkelen|"
    r"opzetten|starten|introduceren|beginnen|bepalen|beslissen|besluiten|beoordelen|onderzoeken|screenen|auditen|"
    r"controleren|trainen|opleiden|tekenen|ondertekenen|vastleggen|opstellen|brengen|aanbieden|verplichten|vragen|"
    r"eisen)\b|zullen\W+(?:\w+\W+){0,10}?(?:invoeren|ontwikkelen|opzetten|"
    r"starten|introduceren|uitvoeren|beginnen)\b|werken\W+aan\W+(?:de\W+)?(?:ontwikkeling|invoering|opzet)|"
    r"onderzoeken\W+of|volgend\W+jaar|vanaf\W+20\d\d|(?:er\W+)?(?:wordt|worden)\W+(?:\w+\W+){0,4}?gewerkt\W+aan|"
    r"op\W+de\W+planning|"
    # a plan for a year ahead names what will be done ("In het actieplan voor 2025 zijn opgenomen: …")
    r"(?:action\W+plan|roadmap|work\W+plan)\W+(?:for\W+)?20\d\d|20\d\d\W+(?:action\W+plan|roadmap)|"
    r"(?:actieplan|jaarplan|werkplan|stappenplan|routekaart|plan\W+van\W+aanpak)\w*\W+(?:voor\W+)?20\d\d|"
    r"(?:maßnahmenplan|aktionsplan|fahrplan|arbeitsplan|roadmap)\w*\W+(?:für\W+)?20\d\d|bezig\W+met\W+(?:het\W+)?(?:ontwikkelen|opzetten|"
    r"voorbereiden|invoeren)|gaan\W+(?:(?!en\b|of\b|moeten\b)\w+\W+){0,12}?(?:uitvoeren|invoeren|ontwikkelen|opzetten|starten|"
    r"introduceren|beginnen|aan\W+de\W+slag|verplichten|vragen|eisen|trainen|opleiden|vastleggen|opstellen|"
    r"screenen|auditen|toetsen|beoordelen|ondertekenen|tekenen|verzorgen|organiseren|aanbieden)\b|ontwikkelen\W+(?:momenteel|op\W+dit\W+moment)|"
    r"(?:will|shall)\W+(?:\w+\W+)?(?:train|audit|assess|map|screen|verify)\b|"
    r"bis\W+(?:ende\W+|mitte\W+)?20\d\d(?!\W+(?:hatten|hatte|waren|war|wurden|wurde)\b)|soll(?:en)?\W+(?:\w+\W+){0,12}?"
    r"(?:" + _PLANNED_PARTICIPLES_DE + r")\W+werden\b|"
    r"planen|beabsichtig\w*|erwäg\w*|überlegen|(?:werden|wird)\W+(?:(?!und\b|oder\b|müssen\b|sollen\b|können\b)"
    r"\w+\W+){0,10}?(?:durchführen|einführen|"
    r"entwickeln|aufbauen|umsetzen|starten|beginnen|etablieren)\b|"
    # (within the clause: "Wird … festgestellt, verlangen wir …" is no future)
    r"(?:werden|wird)\s+(?:(?!und\b|oder\b|müssen\b|sollen\b|können\b)[\w-]+\s+){0,10}?(?:anbieten|schulen|"
    r"erstellen|beauftragen|einholen|verlangen|auditieren|analysieren|kartieren|festlegen|einrichten|verankern|"
    r"ergänzen|erweitern|aufnehmen)\b|(?:entwickeln|erarbeiten|konzipieren)\W+"
    r"(?:derzeit|gerade|aktuell)|(?:ab\W+dem|im)\W+(?:nächsten|kommenden)\W+(?:geschäfts|berichts|kalender)?jahr|für\W+das\W+(?:kommende|nächste)\W+(?:geschäfts)?jahr|"
    r"in\W+den\W+(?:kommenden|nächsten)\W+jahren|nächstes\W+jahr|wollen\W+(?:\w+\W+){0,12}?"
    r"(?:einführen|entwickeln|aufbauen|durchführen|umsetzen|erstellen|erarbeiten|aufsetzen|starten|beginnen|"
    r"entscheiden|festlegen|anbieten|schulen|prüfen|analysieren|auditieren|kartieren|einholen|verlangen|verankern|"
    r"einrichten|beauftragen|erfassen|ermitteln|bewerten|überprüfen|untersuchen|identifizieren)\b|"
    r"ab\W+(?:dem\W+)?(?:geschäfts|berichts|kalender)?jahr\W+20\d\d|(?:ab|vanaf)\W+(?:dem\W+|het\W+)?(?:herbst|"
    r"frühjahr|frühling|sommer|winter|najaar|voorjaar|zomer|januar\w*|februar\w*|märz|maart|april|mai|mei|"
    r"juni|juli|august\w*|september|oktober|november|dezember|december)\b|prüfen\W+(?:derzeit\W+|aktuell\W+)?,?\W*ob|"
    r"arbeiten\W+an\W+der\W+(?:entwicklung|einführung)|(?:ist|wird|sind)\W+(?:\w+\W+){0,3}?(?:geplant|vorgesehen|"
    r"beabsichtigt)\W*,|mittelfristig|langfristig|streben\W+(?:\w+\W+){0,2}?an\b|op\W+(?:middel)?lange\W+termijn|"
    r"in\W+the\W+(?:medium|long)\W+term|"
    r"(?:(?:wij|we)\W+(?:\w+\W+){0,2}?werken|werken\W+(?:wij|we))\W+(?:\w+\W+){0,2}?aan\W+(?:een|het|de)\W+(?:\w+\W+)?"
    r"\w*(?:beleid|procedures?|regeling|systeem|programma|aanpak|kader|plan|protocol)\b|(?:wir\W+(?:\w+\W+){0,2}?arbeiten|"
    r"arbeiten\W+wir)\W+(?:\w+\W+){0,2}?an\W+(?:einem|einer|einen)\W+(?:\w+\W+)?\w*(?:richtlinie|verfahren|katalog|"
    r"konzept|system|programm|prozess|regelung)\b|in\W+de\W+toekomst|in\W+zukunft|im\W+kommenden\W+jahr|künftig\b|zukünftig\b|ab\W+20\d\d)"
)
# An open question opens the sentence ("Of … gevolgen krijgen, wordt in 2025 besproken", "Ob …"): what it
# asks about is not done.
OPEN_QUESTION = r"^\W*(?:of|ob)\s(?!(?:the|all|these|those|our|this|its|\d+)\b)"
# Plans stated after the practice ("training ... is planned for 2025", "wird ... eingeführt").
PLANNED_AFTER = (
    r"\b(?:(?:is|are|was|were|has\W+been|have\W+been)\W+(?:currently\W+|now\W+)?(?:planned|scheduled|"
    r"envisaged|foreseen|under\W+development|under\W+consideration|being\W+(?:developed|designed|drafted|"
    r"prepared|considered|piloted|rolled\W+out|scoped|explored)|expected\W+to\W+be\W+(?:rolled\W+out|introduced|"
    r"implemented|launched|completed))|will\W+be\W+(?:introduced|implemented|developed|rolled\W+out|"
    r"launched|established|created|adopted|put\W+in\W+place|used|formali[sz]ed|started|piloted|audited|"
    r"assessed|screened|visited|inspected|trained)|(?:zal|zullen)\W+(?:\w+\W+){0,4}?(?:worden|gaan)\b|"
    # Dutch "gaan" before an infinitive is a future ("dat we leveranciers … gaan verplichten")
    r"gaan\W+\w{3,}en\b|"
    r"(?:in|under)\W+(?:development|preparation|planning|ontwikkeling|voorbereiding)|in\W+de\W+maak|op\W+de\W+planning|"
    r"(?:wordt|worden|wird|werden)\W+(?:\w+\W+){0,4}?(?:aan\W+)?(?:gewerkt|gearbeitet)\b|"
    r"(?:staat|staan|is|zijn|wordt|worden)\W+(?:\w+\W+){0,6}?(?:gepland|voorzien|ontwikkeld|voorbereid|"
    r"ingevoerd)|voraussichtlich|naar\W+verwachting|(?:wird|werden|ist|sind)\W+(?:\w+\W+){0,5}?(?:geplant|eingeführt|entwickelt|"
    r"aufgebaut|vorbereitet|erarbeitet|ausgearbeitet|konzipiert)|(?:wird|werden|ist|sind)\W+(?:\w+\W+){0,3}?"
    r"(?:20\d\d|\w*jahr|künftig|zukünftig|später|demnächst|mittelfristig|langfristig)\W+(?:\w+\W+){0,2}?vorgesehen|(?:steht|stehen)\W+(?:\w+\W+){0,2}?aus|"
    r"with\W+a\W+view\W+to\W+(?:adding|introducing|including|developing|adopting)|to\W+be\W+(?:rolled\W+out|introduced|"
    r"implemented|launched|adopted)|im\W+aufbau|in\W+(?:vorbereitung|planung|entwicklung|erarbeitung|ausarbeitung)|"
    # an object put first, then the plan ("Audits overwegen wij voor volgend jaar", "Eine Risikoanalyse
    # wollen wir … erstellen", "Über Audits … entscheiden wir, sobald …")
    r"(?:overwegen|plannen|willen|wollen|möchten|planen|beabsichtigen|erwägen|überlegen|entscheiden|beslissen)\W+"
    r"(?:wij|we|wir)\b|"
    r"will\W+(?:\w+\W+){0,3}?(?:next\W+(?:year|season|quarter)|in\W+the\W+coming|later\W+this\W+year)|"
    r"(?:wordt|worden|wird|werden)\W+(?:nog|noch|momenteel|derzeit)\W+(?:\S+\s+){0,4}?(?:bekeken|besproken|overwogen|"
    r"bezien|erwogen|diskutiert|besprochen)\b|"
    r"(?:wordt|worden|wird|werden|staat|staan|steht|stehen)\W+(?:\w+\W+){0,2}?(?:volgend\W+jaar|in\W+20\d\d|im\W+kommenden\W+jahr|"
    r"nächstes\W+jahr|im\W+nächsten\W+jahr|ab\W+20\d\d|vanaf\W+20\d\d)|soll(?:en)?\W+(?:\w+\W+){0,3}?"
    r"(?:starten|beginnen)|soll(?:en)?\W+(?:\w+\W+){0,10}?(?:" + _PLANNED_PARTICIPLES_DE + r")\W+werden|"
    # the object first, the future after it ("Die Risikoanalyse wird die Beauftragte im Herbst durchführen")
    r"(?:wird|werden)\W+(?:(?!und\b|oder\b)\w+\W+){1,8}?(?:durchführen|einführen|erstellen|beauftragen|anbieten|"
    r"einholen|aufbauen))\b|"
    # a relative clause that plans what it names ("audits …, which we hope to begin next year")
    r"(?:which|that)\W+(?:we|it)\W+(?:hope|hopes|plan|plans|intend|intends|expect|expects|aim|aims)\W+to\b|"
    r"(?:im|ab\W+dem|für\W+das|für\W+den|in\W+den|zum)\W+(?:kommenden|nächsten|folgenden)\W+(?:geschäfts|berichts|"
    r"kalender)?(?:jahr|zeitraum|quartal|jahren)\b|(?:we|wij|wir)\W+(?:\w+\W+){0,2}?(?:vanaf|ab)\W+20\d\d\b|"
    r"(?:could|might|may)\W+(?:\w+\W+)?be\W+(?:introduced|implemented|"
    r"developed|rolled\W+out|launched|established|adopted|considered|added|extended)\b"
)
# Headings that introduce what is still to be done ("Priorities for the coming year:", "Actiepunten 2025",
# "Geplante Maßnahmen 2025:"): every item of the list after them is a plan. Goals and priorities only
# with a year or "next" / "coming", since "Goals 2023: achieved" can report results.
PLAN_HEADINGS = (
    r"\b(?:next\W+steps|planned\W+(?:steps|actions|measures|activities)|vervolgstappen|volgende\W+stappen|"
    r"geplande\W+(?:stappen|acties|maatregelen|activiteiten)|nächste\W+schritte|geplante\W+(?:schritte|maßnahmen|"
    r"aktivitäten)|(?:priorities|goals|targets|objectives|actions|actiepunten|prioriteiten|doelen|doelstellingen|"
    r"prioritäten|ziele|maßnahmen)\W+(?:\w+\W+){0,3}?(?:20\d\d|next|coming|komende|volgende|kommende|nächste)\b)"
)
# Answers in an overview whose labels name the measures ("Vor-Ort-Audits – nein", "Training: not yet"):
# words that say no on their own, besides the negators; and states of a plan.
ANSWER_NO = "no nein nee n/a"
ANSWER_PLANNED = r"\b(?:planned|scheduled|gepland|geplant|in\W+planung)\b"
# Possibilities, not practice ("these steps may include audits"); a right reserved ("we may audit")
# is practice and is not listed here.
POSSIBILITY_MARKERS = (
    r"\b(?:may|might|could|can)\W+(?:also\W+)?(?:include|involve|consist|comprise|entail|encompass)\b|"
    r"\bmight\b|\bcould\b(?!\W+(?:result|lead))|\bmay\W+(?:\w+\W+)?consider\b|"
    # what the company may begin to do, unlike a right it reserves ("we may audit")
    r"\bmay\W+(?:also\W+|later\W+)?(?:provide|offer|introduce|add|expand|extend|develop|adopt|begin|start|launch)\b|"
    r"\bkunnen\W+(?:\w+\W+){0,6}?(?:omvatten|bestaan\W+uit|inhouden)\b|"
    r"\bkönnen\W+(?:\w+\W+){0,6}?(?:umfassen|beinhalten|einschließen)\b|"
    # adverbs and the subjunctive of possibility ("krijgen … mogelijk ook", "Perspektivisch könnten wir");
    # not "zo veel mogelijk" or "waar mogelijk", which describe a practice, nor what could result
    r"\bmogelijk(?<!\bzo\sveel\smogelijk)(?<!\bzoveel\smogelijk)(?<!\bwaar\smogelijk)(?<!\bindien\smogelijk)"
    r"(?<!\bzo\smogelijk)\W+(?:ook|al|nog|later|vanaf|een|"
    r"extra)\b|"
    r"\b(?:eventueel|wellicht|möglicherweise|eventuell|perspektivisch)\b|"
    r"\bkönnten\b(?!\W+(?:\S+\s+){0,6}?(?:führen|nach\W+sich))|\bzouden\W+(?:\S+\s+){0,6}?kunnen\b|"
    r"\bsubject\W+to\W+(?:\w+\W+){0,2}?(?:approval|funding)\b"
)
# A description of what a law requires is not evidence of what the company does.
STATUTE_FRAMES = (
    r"\b(?:the|this|california'?s?|that)\W+(?:\w+\W+){0,6}?(?:act|law|statute|legislation|bill|"
    r"sb\W?657|1714\.43|civil\W+code)\W+(?:of\W+20\d\d\W+)?(?:\(\w+\W+\d+\)\W+)?(?:\w+\W+){0,2}?"
    r"(?:requires?|required|mandates?|obliges?|obligates?|asks?|calls\W+(?:on|for)|stipulates?|directs?|"
    r"compels?|provides\W+that)\b|\b(?:required|obliged|obligated|must|shall|need\W+to|have\W+to)\W+"
    r"(?:\w+\W+){0,3}?disclose\b|\bdisclos(?:e|es|ure|ures|ing)\W+(?:of\W+)?(?:\w+\W+){0,3}?"
    r"(?:to\W+what\W+extent|whether|the\W+extent|if\W+any)|\bthe\W+disclosure\W+shall\b|"
    r"\bto\W+what\W+extent,?\W+if\W+any\b|\bdisclosures?\W+(?:\w+\W+){0,3}?should\W+(?:describe|state|explain|include|specify)\b|"
    r"\b(?:de|deze|het)\W+(?:\w+\W+){0,3}?(?:wet\w*|richtlijn\w*|verordening\w*)\W+(?:\w+\W+){0,3}?(?:verplicht|vereist|"
    r"schrijft|eist|vraagt)\b|\bte\W+(?:melden|rapporteren|vermelden)\W+of\b|\bin\W+hoeverre\b|"
    r"\bvolgens\W+(?:de\W+|het\W+)?(?:\w+\W+){0,2}?(?:wet\w*|wetsartikel|richtlijn\w*|verordening\w*|convenant\w*|afspraken)\W+"
    r"(?:\w+\W+){0,4}?(?:vermeld|gemeld|gerapporteerd|moeten|moet|dienen)|\b(?:laut|gemäß)\W+(?:der\W+|dem\W+)?"
    r"(?:\w+\W+){0,2}?(?:\w*gesetz\w*|\w*richtlinie|\w*verordnung|lksg)\W+(?:\w+\W+){0,3}?(?:müssen|muss)\b|\b(?:worden|wordt)\W+vermeld\W+of\b|"
    r"\b(?:das|dieses|die)\W+(?:\w+\W+){0,3}?(?:\w*gesetz|lksg|\w*richtlinie|\w*verordnung)\W+(?:\w+\W+){0,3}?"
    r"(?:verlangt|verpflichtet|fordert|schreibt|sieht\W+vor)\b|\boffenzulegen\b|\binwieweit\b|"
    # what a law obliges companies in general to do ("… Act obliges companies in scope to …")
    r"\b(?:obliges|requires|verpflichtet|verplicht)\W+(?:\w+\W+){0,2}?(?:companies|undertakings|unternehmen|"
    r"ondernemingen|bedrijven)\b|"
    # a law named by its short name ("§ 5 LkSG verpflichtet …", "LkSG muss sich das Unternehmen …")
    r"\b(?:lksg|csddd|csrd|wet\W+imvo)\W+(?:\w+\W+){0,2}?(?:muss|müssen|verpflichtet|verlangt|fordert|schreibt|moeten|"
    r"moet|verplicht|vereist|requires?|obliges?|must)\b|"
    r"\bop\W+grond\W+van\W+(?:\w+\W+){0,8}?(?:wet\w*|richtlijn\w*|verordening\w*|csddd|csrd)\W+(?:\S+\s+){0,6}?"
    r"(?:moeten|moet|dienen|verplicht)\b|"
    # what a questionnaire or tender asks ("Bitte beschreiben Sie Audits, Schulungen …")
    r"\bbitte\W+(?:beschreiben|erläutern|nennen)\W+sie\b|\bplease\W+(?:describe|explain|list|state|indicate)\b|"
    r"\b(?:beschrijf|omschrijf)\b|"
    r"\b(?:ist|sind)\W+anzugeben\b|\banzugeben\W*,?\W*ob\b|"
    # "The requirements of § 1714.43(c)(5) concern …", "Die Anforderungen des § … betreffen …"
    r"\bthe\W+requirements?\W+(?:of|under|in)\W+(?:§|section|the\W+(?:act|law|statute))|"
    r"\b(?:de\W+)?(?:eisen|vereisten|verplichtingen)\W+(?:van|uit|volgens)\W+(?:§|artikel|de\W+wet)|"
    r"\b(?:die\W+)?(?:anforderungen|vorgaben|pflichten)\W+(?:des|der|nach|gemäß|aus)\W+(?:§|abschnitt|"
    r"\w*gesetz\w*|lksg)|"
    # a section of the law as the subject ("Subsection (c)(5) asks whether …", "Nach § 5 LkSG haben
    # Unternehmen … durchzuführen")
    r"\b(?:section|subsection|paragraph|§)\W*(?:\S+\s+){0,2}?(?:requires?|asks?|mandates?|obliges?|calls\W+for)\b|"
    r"\bnach\W+§\W*\d+\w*\W+(?:\w+\W+){0,3}?(?:lksg|\w*gesetz\w*)\W+(?:haben|hat|müssen|muss)\b|"
    r"\b(?:wordt|worden)\W+van\W+(?:\w+\W+)?(?:bedrijven|ondernemingen)\W+(?:\w+\W+)?verwacht|"
    r"\bvon\W+(?:\w+\W+)?unternehmen\W+(?:wird|werden)\W+(?:\w+\W+)?erwartet"
)
# The statute's own wording of the five measures (Cal. Civ. Code § 1714.43(c)(1)-(5)); a passage
# that starts like a heading or like the statute's list and repeats it is not evidence.
STATUTE_PHRASES = (
    r"evaluate\W+and\W+address\W+risks|supplier\W+compliance\W+with\W+company\W+standards|"
    r"company\W+standards\W+(?:for|regarding)\W+(?:human\W+)?(?:trafficking|slavery)|"
    r"materials\W+incorporated\W+into\W+the\W+product|internal\W+accountability\W+standards\W+and\W+"
    r"procedures|failing\W+to\W+meet\W+company\W+standards|direct\W+responsibility\W+for\W+supply\W+chain\W+"
    r"management|mitigating\W+risks\W+within\W+the\W+supply\W+chains?\W+of\W+products"
)
STATUTE_HEADING_START = (
    r"(?:verification|auditing|audits?|supplier\W+audits?|certifications?|supplier\W+certifications?|"
    r"internal\W+accountability|accountability|training|employee\W+training|engag\w*\W+in|conduct\w*|"
    r"requir\w*|maintain\w*|provid\w*|verificatie|certificering|interne\W+verantwoording|opleiding\w*|"
    r"risicoanalyse\w*|überprüfung|verifizierung|zertifizierung|schulung\w*|durchführung|einrichtung|"
    r"verankerung|risikoanalyse\w*)\b"
)
# A clause has its own subject or finite verb: then it is a sentence, not a heading or label.
PREDICATE_WORDS = (
    r"\b(?:we|i|it|they|he|she|wij|ze|zij|hij|wir|sie|er|es|ich|is|are|was|were|been|has|have|had|"
    r"does|do|did|will|shall|may|can|must|should|would|could|include|includes|consist|consists|cover|"
    r"covers|comprise|comprises|involve|involves|wordt|worden|werd|werden|heeft|hebben|zal|zullen|kan|"
    r"kunnen|moet|moeten|ist|sind|war|waren|wird|wurde|wurden|hat|haben|hatte|kann|können|muss|müssen|"
    r"soll|sollen|umfasst|umfassen|omvat|omvatten)\b|n['’]t\b"
)
# Tokens that end a clause for negation and plans.
CONTRAST_WORDS = (
    "but however although though whereas while except instead maar echter hoewel terwijl behalve "
    "aber jedoch sondern während obwohl allerdings"
)
# Finite auxiliaries and modals: a new predicate ends a "not" ("suppliers that do not comply will
# be audited").
AUXILIARIES = (
    "are is was were will shall must may can could would should wordt worden werd werden zal zullen "
    "kan kunnen moet moeten wird wurde wurden sind ist kann können muss müssen soll sollen"
)
# List separators over which a negation distributes ("does not verify, audit or certify").
LIST_WORDS = "or nor and & en oder und noch sowie"
# After a comma or "and": a new clause starts with a subject ...
SUBJECT_STARTERS = "we wij wir it they our onze ons unsere unser unserer zij ze sie he she this these i"
# ... or a subordinate clause ...
SUBORDINATORS = (
    "which who whom whose where when if unless because since as so although though whereas while "
    "die dat waar wanneer als omdat zodat indien terwijl dass damit weil wenn ob sodass da welche "
    "welcher welches"
)
# ... or a new verb ("we do not tolerate forced labour and audit our suppliers"); English first,
# then Dutch and German.
VERB_HINTS = (
    "require requires required audit audits audited verify verifies verified train trains trained "
    "conduct conducts conducted provide provides provided maintain maintains expect expects work works "
    "use uses engage engages have has had do does did will also is are was were may can must shall "
    "should would could monitor monitors review reviews assess assesses evaluate evaluates ensure "
    "ensures hold holds take takes seek seeks reserve reserves inspect inspects visit visits obtain "
    "obtains ask asks rely relies encourage encourages support supports continue continues believe "
    "believes operate operates participate participates partner partners offer offers give gives "
    "investigate investigates terminate terminates certify certifies sign signs commit commits comply "
    "complies prohibit prohibits plan plans intend intends treat treats purchase purchases buy buys "
    "source sources sell sells apply applies perform performs carry carries make makes confirm "
    "confirms"
)
VERB_HINTS_NL_DE = (
    "voeren vragen eisen trainen auditen verifiëren controleren bezoeken hebben werken verwachten "
    "bieden nemen maken houden zorgen gebruiken beoordelen stellen leggen brengen laten wordt worden "
    "zullen kunnen moeten willen führen verlangen fordern schulen auditieren prüfen überprüfen besuchen "
    "haben arbeiten erwarten bieten nehmen machen halten sorgen nutzen bewerten setzen lassen wird "
    "werden können müssen wollen holen erhalten bestätigen verpflichten"
)
# Prepositions and verbs that end the noun phrase a "no", "geen" or "kein" negates.
NP_STOP_WORDS = (
    "of in on at during from by with for to about regarding within across against into under over "
    "through than that which who van bij over voor met aan op tijdens door naar om von bei für mit "
    "über zu zum zur an auf im am beim durch nach aus gegen"
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

# --- Plain-verb practices (Dutch and German: engine 2.2.0; English: 2.3.0) -----------------------
# Companies describe a practice with ordinary verbs as often as with its noun ("wir gleichen … ab",
# "onze inkopers bezoeken … en controleren", "werden geahndet"). A verb alone says little, so each
# lexicon below is a clause-level cue whose sentence must also name what the statute's measure is
# about (the supplier or site, and the risk or the standard). Separable verbs are matched as verb …
# particle within the clause ("gleichen … ab", "werten … aus", "sehen … durch", "zoeken … uit").

# Sites and suppliers a visit or check is aimed at.
_SITE_EN = (
    r"\bsuppliers?\b|\bvendors?\b|factor(?:y|ies)|\bsites?\b|\bplants?\b|\bmills?\b|\bfarms?\b|"
    r"\bworkshops?\b|\bpremises\b|facilit(?:y|ies)|production\W+(?:floors?|lines?)|dormitor(?:y|ies)|"
    r"plantations?|\bestates?\b|\bworkplaces?\b"
)
_SITE_NL = (
    r"verwerker|"
    r"leverancier|fabriek|productielocatie|atelier|werkplaats|vestiging|plantage|producent|kwekerij|bouwplaats|"
    r"dienstverlener|"
    r"onderaannemer|ter\W+plaatse"
)
_SITE_DE = (
    r"lieferant|zuliefer|\bwerke?\b|werken\b|fabrik|nähere|produktionsstätte|betrieb|standort|plantage|"
    r"produzent|weberei|spinnerei|gerberei|werkstatt|werkstätte|manufaktur|baustelle|subunternehm|nachunternehm|"
    r"dienstleister|logistiker"
)
# Where a check takes place, said without naming the site: on site, unannounced.
_ON_SITE_DE = r"vor\W+ort|ohne\W+(?:\w+\W+)?(?:vor)?ankündigung|unangekündigt"
# What an audit checks at the site: compliance and working conditions (not risks, which is verification).
_AUDIT_OBJECT_NL = (
    r"naleving|nageleefd|naleven|loon|lonen|loonstro\w*|werktijd\w*|uren\w*|huisvesting|"
    r"arbeidsomstandigheden|personeelsdossier\w*|dwangarbeid|kinderarbeid|schuldslavernij|uitbuiting|"
    r"gedragscode|leverancierscode|\bcode\b|mensenrechten|arbeidsrecht\w*|onaangekondigd"
)
_AUDIT_OBJECT_DE = (
    r"einhaltung|einhalten|lohn|löhne|lohnabrechnung\w*|arbeitszeit\w*|unterkunft|unterkünfte|"
    r"personalakte\w*|arbeitsbedingungen|zwangsarbeit|kinderarbeit|schuldknechtschaft|ausbeutung|"
    r"verhaltenskodex|kodex|sozialstandard\w*|menschenrecht\w*|arbeitsrecht\w*|unangekündigt"
)
_AUDIT_OBJECT_EN = (
    r"\bcompl(?:y|ies|iance|iant)\b|\blive\W+up\W+to|\bpayroll|\bwages?\b|\bpay\W?slips?|\bworking\W+hours|"
    r"\bhours\W+worked|\btime\W+(?:records|cards|sheets)|\bovertime|\bhousing|\bdormitor|\bworking\W+conditions|"
    r"\bpersonnel\W+(?:files|records)|\bforced\W+(?:or\W+\w+\W+)?labou?r|\bbonded|\bchild\W+labou?r|"
    r"\bdebt\W+bondage|\btraffick|\bslavery|\bexploitation|\bcode\b|\bstandards\b|\bhuman\W+rights|"
    r"\blabou?r\W+(?:rights|practices|conditions|laws?)|\bunannounced|\bwithout\W+(?:prior\W+|advance\W+)?"
    r"(?:notice|warning)|\bsigns\W+of|\bred\W+flags?|\bindicators?\W+of"
)
_AUDIT_VERBS_EN = (
    r"\b(?:walk\w*\W+(?:\S+\s+){0,3}?(?:floors?|lines?|through|around)|tour\w*|turn\w*\W+up|show\w*\W+up|"
    r"drop\w*\W+in|spot[- ]check\w*|check\w*|examin\w*|interview\w*|(?:speak|speaks|spoke|talk|talks|"
    r"talked)\W+(?:\S+\s+){0,3}?(?:to|with)\W+(?:\S+\s+){0,2}?workers|review\w*\W+(?:\S+\s+){0,4}?"
    r"(?:payroll|wage|time|personnel|employment|working)\W+(?:\S+\s+){0,1}?(?:records|files|documents|"
    r"hours)|look\w*\W+(?:\S+\s+){0,3}?for\W+(?:\S+\s+){0,2}?(?:signs|evidence|indicators|red\W+flags))\b"
)
_VISIT_EN = (
    r"\b(?:visit\w*|travel\w*\W+to|go\W+to|goes\W+to|went\W+to|on\W+(?:the\W+)?(?:ground|spot)|in\W+person|"
    r"turn\w*\W+up|show\w*\W+up)\b"
)
_ON_SITE_EN = (
    r"\bon-?site|\bunannounced|\bwithout\W+(?:prior\W+|advance\W+)?notice|\bproduction\W+floor|"
    r"\binterview\w*\W+(?:\S+\s+){0,3}?workers|\bpayroll|\bvisit\w*"
)
# Checking risks is verification; "high-risk factories" only say which sites are audited.
_NOT_AN_AUDIT_EN = (
    r"(?<!high-)(?<!high\s)(?<!higher-)(?<!higher\s)\brisks?\b(?!-)|\blikelihood|\bagainst\W+(?:\S+\s+){0,6}?(?:lists?|index|indices|reports|databases?)|"
    r"\bsign(?:s|ed|ing)?\b(?!\W+of\b)|\backnowledg\w*"
)
_AUDIT_VERBS_NL = (
    r"\b(?:controleer\w*|controleren|gecontroleerd|controle|controles|inspecteer\w*|geïnspecteerd|"
    r"doorlicht\w*|doorgelicht|kijken\W+(?:\S+\s+){0,10}?na|kijkt\W+(?:\S+\s+){0,10}?na|nagekeken|"
    r"nemen\W+(?:\S+\s+){0,10}?door|neemt\W+(?:\S+\s+){0,10}?door|steekproef\w*)\b"
)
_AUDIT_VERBS_DE = (
    r"\b(?:kontrollier\w*|kontrolle|kontrollen|überprüf\w*|prüfen|prüft|geprüft|prüfung|prüfungen|durchsehen|"
    r"durchgesehen|sehen\W+(?:\S+\s+){0,12}?(?:durch|an)|sieht\W+(?:\S+\s+){0,12}?(?:durch|an)|"
    r"stichprob\w*)\b"
)
_VISIT_NL = (
    r"\b(?:bezoek\w*|bezocht|ter\W+plaatse|ter\W+plekke|(?:komt|komen|kwam|kwamen|gaan|gaat|ging|gingen)\W+"
    r"(?:\S+\s+){0,8}?langs)\b"
)
# What a training teaches ("how to spot red flags during supplier visits") is not the practice.
_TAUGHT_EN = r"\bhow\W+to\W+(?:\S+\s+){0,10}$"
# Employees named right before what they sign or acknowledge: no supplier certification.
_EMPLOYEES_BEFORE = (
    r"\b(?:employees|staff|personnel|colleagues|associates|directors|officers|managers|new\W+hires)\W+"
    r"(?:\w+\W+){0,2}$"
)
# "wir prüfen derzeit, ob wir …" weighs a step of the company's own; it checks no supplier
_WEIGHING_OWN_STEP = r"\W+(?:(?:derzeit|aktuell|gerade|noch)\W+)?,?\W*ob\W+(?:wir|unser\w*)\b"
_VISIT_DE = r"\b(?:besuch\w*|besucht|besichtig\w*|vor\W+ort|fahren\W+(?:\S+\s+){0,4}?zu)\b"


def _both(first: str, second: str, unless: str | None = None) -> str:
    """A sentence-level condition: both patterns occur (and ``unless`` does not)."""
    veto = rf"(?![\s\S]*(?:{unless}))" if unless else ""
    return rf"^{veto}(?=[\s\S]*(?:{first}))(?=[\s\S]*(?:{second}))"


# Verification: the sentence names suppliers or the chain and a risk or an indicator of one.
_CHAIN_NL = (
    r"leverancier|keten|herkomst|inkoop|\bland\w*|sector\w*|fabriek|grondstof\w*|katoen|onderaannemer|"
    r"product\w*|uitzendbureau"
)
_CHAIN_DE = (
    r"lieferant|zuliefer|lieferkette|herkunft|einkauf|beschaffung|sortiment|länder|branche|rohstoff|baumwolle|"
    r"subunternehm|produkt"
)
_RISK_NL = (
    r"risico|kans\W+op|signalen|in\W+het\W+geding|schending\w*|misstand\w*|dwangarbeid|kinderarbeid|"
    r"mensenrechten|arbeidsrecht\w*|uitbuiting|gedwongen\W+arbeid"
)
_RISK_DE = (
    r"risik|zwangsarbeit|kinderarbeit|menschenrecht\w*|arbeitsrecht\w*|arbeitsbedingungen|sozialen\W+kriterien|"
    r"ausbeutung|verletzung\w*|\bkriterien"
)
_CHAIN_EN = (
    r"\bsuppl(?:y|ier)\w*|\bvendors?\b|\bsourcing|\bprocurement|\borigin\b|\bcountr(?:y|ies)|\bregions?\b|"
    r"\bsectors?\b|\braw\W+materials?|\bcommodit\w*|\bcotton|\bfactor(?:y|ies)|\brecruitment|\binputs?\b|"
    r"\bwhere\W+(?:it|they)\W+(?:operate|operates|source|sources)"
)
_RISK_EN = (
    r"\brisk|\blikelihood|\btraffick|\bforced\W+(?:or\W+\w+\W+)?labou?r|\bslavery|\bchild\W+labou?r|"
    r"\bbonded|\babuses?\b|\bred\W+flags?|\bindicators?\W+(?:of|for)\b|\bhuman\W+rights|\bexploitation|"
    r"\brecruitment\W+fees|\bpaid\W+(?:\S+\s+){0,2}?fees|\bviolations?\b|\bsigns\W+of"
)
_VERIFY_VERBS_EN = (
    r"\b(?:look\w*\W+(?:\S+\s+){0,3}?at\b(?!\W+\w+ing\b)|scor(?:e|es|ed|ing)|cross-?check\w*|compar\w*|"
    r"check\w*\W+(?:\S+\s+){0,6}?against|(?<!red\s)flag(?:s|ged|ging)?|go(?:es)?\W+(?:\S+\s+){0,3}?through|"
    r"went\W+through|test\w*|trac(?:e|es|ed|ing)|research\w*|gaug\w*|estimat\w*|weigh\w*|map|maps|mapped|"
    r"mapping|screen\w*|vet|vets|vetted|vetting|study|studies|studied|ask\w*\W+(?:\S+\s+){0,4}?(?:about|"
    r"whether|how|to\W+(?:disclose|tell|report|describe)))\b"
)
# News, media and NGO reports searched for signs of the risks (media screening in a verb)
_MEDIA_VERBS_EN = (
    r"\b(?:monitor\w*|scan\w*|search\w*|track\w*|review\w*|screen\w*)\W+(?:\S+\s+){0,4}?(?:news|media|press|"
    r"ngo\W+reports)\b"
)
_MEDIA_VERBS_NL = (
    r"\b(?:doorzoek\w*|doorzocht|volgen|volgt|gevolgd|monitor\w*|scan\w*|gescand)\W+(?:\S+\s+){0,4}?(?:nieuws\w*|"
    r"media\w*|ngo-?rapport\w*|berichtgeving)"
)
_MEDIA_VERBS_DE = (
    r"\b(?:durchsuch\w*|durchforst\w*|beobacht\w*|verfolg\w*|überwach\w*|auswert\w*|ausgewertet)\W+(?:\S+\s+){0,4}?"
    r"(?:nachrichten\w*|medien\w*|presse\w*|ngo-?bericht\w*)"
)
# Due diligence named as what a training, a module or a report is about ("de training 'Due diligence in
# de praktijk'", "E-Learning zu den Sorgfaltspflichten", "rapporteren over hun due-diligenceproces").
_TOPIC_OF_TRAINING_OR_REPORT = (
    r"(?:training\w*|cursus\w*|e-?learning\w*|workshop\w*|modul\w*|opleiding\w*|schulung\w*|webinar\w*|"
    r"kurs\w*|rapporter\w*|berichte[nt]?|report\w*)\W+(?:(?:over|über|zu|zur|zum|den|der|die|de|het|hun|"
    r"ihre[nrm]?|inzake|on|about|the|their)\W+){0,3}$"
)
_VERIFY_VERBS_NL = (
    r"\b(?:beoordel\w*|beoordeeld|toets\w*|getoetst|onderzoek\w*|onderzocht|bepalen|bepaalt|bepaald|"
    r"nagaan|nagegaan|gaan\W+(?:\S+\s+){0,8}?na|zoek\w*\W+(?:\S+\s+){0,10}?uit|uitzoeken|uitgezocht|inschatten|"
    # separable verbs with "te" between particle and verb ("om het risico in te schatten")
    r"in\W+te\W+schatten|na\W+te\W+gaan|uit\W+te\W+zoeken|mee\W+te\W+wegen|"
    r"schatten\W+(?:\S+\s+){0,8}?in|scoren|gescoord|screen\w*|gescreend|vergelijk\w*|vergeleken|"
    r"leggen\W+(?:\S+\s+){0,10}?naast|naast\W+(?:\S+\s+){0,6}?gelegd|wegen\W+(?:\S+\s+){0,8}?mee|meewegen|"
    r"meegewogen)\b"
)
_VERIFY_VERBS_DE = (
    r"\b(?:gleich\w*\W+(?:\S+\s+){0,14}?ab|abgleich\w*|abgeglichen|werte[nt]?\W+(?:\S+\s+){0,12}?aus|"
    r"auswert\w*|ausgewertet|bewerte[nt]?|bewertet|bewertung\w*|einschätz\w*|schätzen\W+(?:\S+\s+){0,8}?ein|"
    r"ermittel\w*|ermittelt|untersuch\w*|analysier\w*|ordnen\W+(?:\S+\s+){0,10}?zu|erheben|erhebt)\b"
)
# Accountability: the consequence itself, in plain verbs (removal from the supplier list, no new
# orders, the relationship ended, violations "geahndet", people "zur Verantwortung gezogen").
_CONSEQUENCE_NL = (
    r"\b(?:schrappen|schrapt|geschrapt|verwijder\w*)\W+(?:\S+\s+){0,10}?(?:\w*lijst|\w*bestand|panel)\b|"
    r"\bfaseren\W+(?:\S+\s+){0,4}?uit\b|\buit(?:faseren|gefaseerd)\b|\buit\W+te\W+sluiten\b(?!\W+dat\b)|\buitsluiten\b(?!\W+dat\b)|"
    r"\buitgesloten\b|\bstoppen\W+(?:we|wij)\b|\b(?:we|wij)\W+stoppen\W+(?:de\W+)?(?:samenwerking|inkoop|met)\b|"
    r"\bbeëindiging\W+van\W+(?:het\W+|de\W+)?(?:dienstverband|opdracht|samenwerking|contract|relatie)\b|"
    r"\bcontractuele\W+gevolgen|\bontbindingsclausule\w*|"
    r"\bnieuwe\W+(?:orders?|opdrachten|bestellingen)\b|\bopdracht\w*\W+kwijt|"
    r"\b(?:officiële\W+|schriftelijke\W+)?waarschuwing\w*|\bontslag\w*|\bbonus\W+(?:\S+\s+){0,2}?verliezen|"
    r"\b(?:zeggen|zegt|stoppen|stopt|beëindig\w*|verbreken|verbreekt)\W+(?:\S+\s+){0,5}?(?:samenwerking|"
    r"relatie|zakenrelatie|handelsrelatie)\b|\b(?:samenwerking|relatie)\w*\W+(?:\S+\s+){0,4}?"
    r"(?:opgezegd|beëindigd|verbroken|gestopt)\b|\b\w*(?:lijst|bestand)\W+(?:\S+\s+){0,3}?(?:geschrapt|verwijderd|gehaald)\b|"
    r"\bgeen\W+(?:\S+\s+){0,2}?(?:orders?|opdrachten|bestellingen)\W+meer\b|\bgrond\W+voor\W+(?:\S+\s+){0,2}?"
    r"(?:ontbinding|beëindiging|opzegging)\b|\bter\W+verantwoording\W+(?:\S+\s+){0,3}?geroepen|"
    r"\b(?:zetten|zet)\W+(?:\S+\s+){0,4}?(?:\w*relatie|samenwerking|\w*contract\w*|orders?|bestellingen|inkoop)\W+"
    r"(?:\S+\s+){0,2}?stop\b|\bstopgezet\b|\bverlie\w*\W+(?:\S+\s+){0,3}?(?:status|orders?|opdracht(?:en)?|\w*contract\w*|"
    r"bestellingen)\b|\bop\W+non-?actief\b|\bdisciplinair\b|\b(?:schorsen|schorst|geschorst)\b|\buitgelist\b|"
    r"\b(?:nemen|neemt)\W+(?:\S+\s+){0,3}?afscheid\W+van\b|"
    # separable verbs with their particle after the object ("sluiten wij uit", "bouwen wij … af")
    # ("om uit te sluiten dat …" rules a risk out)
    r"\b(?:sluiten|sluit)\b(?<!\bte\ssluiten)\W+(?!dat\b)(?:\S+\s+){0,6}?uit\b(?!\W+(?:dat|te)\b)|\b(?:bouwen|bouwt)\W+(?:\S+\s+){0,2}?(?:de\W+)?"
    r"(?:samenwerking|\w*relatie)\W+(?:\S+\s+){0,4}?af\b|\bafbouwen\W+(?:\S+\s+){0,2}?(?:samenwerking|\w*relatie)\b|"
    r"\b(?:opdracht|contract|overeenkomst)\w*\W+(?:\S+\s+){0,3}?(?:beëindigd|ontbonden|opgezegd)\b|"
    # no longer eligible, not renewed, purchasing suspended, a fine
    r"\b(?:niet\W+meer|geen)\W+(?:\S+\s+){0,1}?in\W+aanmerking\W+voor\b|\bniet\W+meer\W+(?:ingeschakeld|ingezet|"
    r"beauftragd)\b|\b(?:contract|overeenkomst|samenwerking)\w*\W+"
    r"(?:\S+\s+){0,3}?niet\W+(?:meer\W+)?verlengd\b|\b(?:inkoop|orders?|bestellingen|levering\w*|samenwerking)\W+"
    r"(?:\S+\s+){0,6}?opgeschort\b|\bopschort\w*\W+(?:\S+\s+){0,3}?(?:inkoop|orders?|bestellingen)\b|\bboetes?\b|"
    r"\bgevolgen\W+(?:\S+\s+){0,3}?voor\W+(?:\S+\s+){0,3}?(?:beoordeling|bonus|beloning|variabele\W+beloning)\b"
)
_CONSEQUENCE_DE = (
    r"\b(?:geahndet|ahnden|ahndet|verfolgt)\b|\bzur\W+verantwortung\W+gezogen|\bneuen\W+(?:aufträge|"
    r"bestellungen)\b|\beinsatz\W+(?:\S+\s+){0,2}?beendet|\baus\W+dem\W+(?:lieferanten)?pool\b|\bkündigung\W+"
    r"(?:\S+\s+){0,3}?vor\b|\bvertragliche\w*\W+(?:konsequenzen|folgen)|\b(?:ausgelistet|auslisten|listen\W+(?:\S+\s+){0,8}?aus)\b|"
    r"\b(?:abbruch|beendigung|aussetzung)\W+(?:der|des|unserer)\W+(?:\S+\s+){0,1}?(?:geschäftsbeziehung\w*|"
    r"zusammenarbeit|vertrags|lieferbeziehung\w*)|\b(?:brechen|bricht)\W+(?:\S+\s+){0,6}?ab\b|"
    r"\b(?:disziplinarisch\w*|arbeitsrechtlich\w*)\W+(?:\S+\s+){0,2}?(?:konsequenzen|folgen|maßnahmen)|"
    r"\bmit\W+(?:\S+\s+){0,3}?konsequenzen\W+rechnen|\b(?:setzen|setzt)\W+(?:\S+\s+){0,4}?(?:bestellungen|aufträge|"
    r"zusammenarbeit|geschäftsbeziehung\w*|lieferungen)\W+(?:\S+\s+){0,3}?aus\b|\b(?:\w*sperre|gesperrt|sperren|"
    r"sperrt)\b|\bkeine\W+(?:\S+\s+){0,2}?(?:aufträge|bestellungen)\W+mehr\b|\b(?:streichen|streicht|gestrichen)\W+"
    r"(?:\S+\s+){0,8}?\w*liste\b|\b\w*liste\W+(?:\S+\s+){0,3}?(?:zu\W+)?(?:streichen|gestrichen)\b|\bbis\W+zur\W+"
    r"(?:fristlosen\W+)?(?:kündigung|entlassung)\b|\b(?:fliegt|fliegen)\W+(?:\S+\s+){0,2}?raus\b|"
    r"\babgemahnt\b|\babmahnen\b|\b(?:entlassen|gekündigt)\W+werden\b|\b\w*kündigungsrecht\w*|"
    r"\b(?:trennen|trennt)\W+(?:wir\W+)?(?:uns|sich)\W+(?:\S+\s+){0,3}?von\b|\b(?:stellen|stellt)\W+(?:\S+\s+){0,4}?"
    r"(?:zusammenarbeit|geschäftsbeziehung\w*|lieferungen|bestellungen|belieferung|einkauf|aufträge)\W+"
    r"(?:\S+\s+){0,4}?ein\b|\bvon\W+(?:\S+\s+){0,2}?(?:aufträgen|bestellungen|ausschreibungen|vergaben?)\W+"
    r"(?:\S+\s+){0,1}?ausgeschlossen\b|\b(?:aus|von)\W+(?:\S+\s+){0,5}?ausgeschlossen\b|\b(?:zur|zu\W+einer)\W+(?:\S+\s+){0,2}?"
    r"(?:kündigung|beendigung|vertragsauflösung)\W+(?:\S+\s+){0,2}?berechtigt\b|\brücktritt\w*\W+(?:\S+\s+){0,2}?vom\W+vertrag|"
    r"\brücktrittsrecht\w*|\bverweis\b|"
    # the zu-infinitive of a separable verb ("die Geschäftsbeziehung … auszusetzen oder … abzubrechen")
    r"\b(?:auszusetzen|abzubrechen|einzustellen|aufzulösen|auszulisten)\b|"
    # delisting and warnings as nouns, notice without delay, effects on pay, no longer commissioned
    r"\bauslistung\w*|\bverwarnung\w*|\b(?:fristlos\w*|außerordentlich\w*)\W+(?:\S+\s+){0,2}?kündig\w*|"
    r"\brecht\W+zur\W+(?:\S+\s+){0,2}?kündigung\b|\bwirk\w*\W+(?:\S+\s+){0,4}?(?:vergütung|bonus|boni)\w*\W+"
    r"(?:\S+\s+){0,3}?aus\b|\bauswirkungen\W+auf\W+(?:\S+\s+){0,2}?(?:vergütung|bonus|boni)\w*|"
    r"\bnicht\W+(?:mehr\W+)?(?:verlängert|beauftragt|berücksichtigt)\b"
)
# ... and the failure it answers, which the sentence must name.
_FAILURE_NL = (
    r"overtred\w*|overtreding\w*|schend\w*|niet\W+(?:\S+\s+){0,3}?(?:houden|houdt|naleven|naleeft|nakomen|nakomt|meldt|"
    r"melden)|"
    r"tekortschiet\w*|tekortkoming\w*|blijkt|vastgesteld|inbreuk\w*|kinderen\W+(?:\S+\s+){0,2}?werken|"
    r"dwangarbeid|kinderarbeid|uitbuiting|mensenrechten|gedragscode|(?:niet|geen)\W+(?:\S+\s+){0,2}?(?:meewerk\w*|"
    r"verbeter\w*|uitgevoerd|uitvoer\w*)|herstel\w*|in\W+de\W+fout|gebeurt\W+(?:er\W+)?niets|"
    r"(?:er\W+)?niets\W+verander\w*|geen\W+verbetering|misstand\w*|niet\W+(?:\S+\s+){0,2}?(?:doet|doen)\b|"
    # "Wie dat niet doet, …", "…; wie de regels schendt, …": whoever fails
    r"(?:^|[,;:]\s*)wie\b|weiger\w*|blijven\W+(?:\S+\s+){0,3}?uit\b|"
    # remedy not given ("die de wervingskosten niet … terugbetalen")
    r"niet\W+(?:\S+\s+){0,6}?(?:terugbetal\w*|verhelp\w*|aanpak\w*|oplos\w*)"
)
_FAILURE_DE = (
    r"verstoß\w*|verstöß\w*|verstoßen|verletz\w*|nicht\W+(?:\S+\s+){0,3}?(?:einhält|einhalten|erfüllt|"
    r"erfüllen)|ignorier\w*|festgestellt|stellen\W+(?:\S+\s+){0,4}?fest|zwangsarbeit|kinderarbeit|"
    r"menschenrecht\w*|kodex|nicht\W+(?:\S+\s+){0,2}?mitwirk\w*|befund\w*|\bmängel\w*|abhilfe|"
    r"kinder\W+(?:\S+\s+){0,2}?arbeiten|(?:geschieht|passiert)\W+nichts|andernfalls|ansonsten|menschenhandel|"
    r"sklaverei|übergeh\w*|übergangen|missacht\w*|stellt\W+sich\W+(?:\S+\s+){0,3}?heraus|herausstell\w*|"
    r"kinder\W+(?:\S+\s+){0,2}?beschäftig\w*|ausbeut\w*|einbehalt\w*|einbehält|abverlang\w*|falsch\w*|"
    r"(?:^|[,;:]\s*)wer\b|einbehielt\w*|unterschr(?:itt|eitet|eiten)\b|wiederholungsfall|weiger\w*|"
    r"(?:bleibt|bleiben)\W+(?:\S+\s+){0,3}?aus\b"
)
# Certification in plain words: the supplier signs, undertakes, vouches or confirms.
_CERTIFY_NL = (
    r"\b(?:onderteken\w*|(?:af)?tekenen|(?:af)?tekent|(?:af)?getekend|handtekening)\W+(?:\S+\s+){0,8}?(?:\w*code|"
    r"\w*verklaring\w*|\w*voorwaarden|\w*contract\w*|\w*overeenkomst\w*)|\b(?:\w*code|\w*verklaring\w*)\W+"
    r"(?:\S+\s+){0,6}?(?:ondertekenen|ondertekend|(?:af)?getekend|(?:af)?tekenen)\b|\bhandtekening\W+(?:\S+\s+){0,2}?onder\b|"
    r"\bverplicht\w*\W+(?:\S+\s+){0,2}?zich\b|\bverbind\w*\W+(?:\S+\s+){0,2}?zich\b|\binstaa?n?t?\W+voor\b|"
    r"\bstaa?t?n?\W+(?:\S+\s+){0,3}?in\W+voor\b|\bsta(?:at|an)\W+(?:\S+\s+){0,2}?(?:er\W*)?voor\W+in\b|\bbevestig\w*\W+(?:\S+\s+){0,6}?dat\b"
)
_CERTIFY_DE = (
    r"\bverpflicht\w*\W+(?:\S+\s+){0,2}?sich\b|\bsich\W+(?:\S+\s+){0,3}?verpflicht\w*|"
    r"\bsicher\w*\W+(?:\S+\s+){0,10}?zu\b|\bzusicher\w*|\bzugesichert\b|\bunterschrift\w*|"
    r"\b(?:unterzeichn\w*|unterschr(?:eib|ieb)\w*|"
    r"unterschrieben)\W+(?:\S+\s+){0,8}?(?:\w*kodex\w*|\w*erklärung\w*|\w*bedingungen|\w*vertr\w*|"
    r"\w*vereinbarung\w*)|\bbestätig\w*\W+(?:\S+\s+){0,6}?dass\b"
)
# Who accepts or has signed: a supplier, not the company refusing something ("wij accepteren geen …").
_SUPPLIER_NL = r"leverancier|fabriek|onderaannemer|producent|dienstverlener"
_SUPPLIER_DE = r"lieferant|zuliefer|unternehmer|dienstleister|erzeuger|betriebe"
_OWN_REFUSAL_NL = r"\b(?:wij|we|niet|geen)\W+(?:\S+\s+){0,3}$"
_OWN_REFUSAL_DE = r"\b(?:wir|nicht|kein\w*)\W+(?:\S+\s+){0,3}$"
# What is certified: the law or the company's standards on slavery and forced labour.
_CERTIFY_OBJECT_NL = (
    r"dwangarbeid|gedwongen\W+arbeid\w*|kinderarbeid|slavernij|mensenhandel|mensenrechten|gedragscode|"
    r"leverancierscode|arbeidsomstandigheden|arbeidsnormen|arbeidswet\w*"
)
_CERTIFY_OBJECT_DE = (
    r"zwangsarbeit|kinderarbeit|sklaverei|menschenhandel|menschenrecht\w*|verhaltenskodex|kodex|"
    r"sozialstandard\w*|arbeitsbedingungen"
)
# A contract that only grants the right to audit is (c)(2), and one that only provides for ending it
# ("behalten wir uns ein Kündigungsrecht bei Menschenrechtsverstößen vor") is (c)(4), not a
# certification by the supplier.
_COMPANY_RIGHT_ONLY = (
    r"(?=[\s\S]*(?:\bright\W+to\W+(?:\S+\s+){0,2}?(?:audit|inspect|visit|terminat)|\b\w*kündigungsrecht\w*|"
    r"\btermination\W+(?:clauses?|rights?)|\bontbindingsclausule\w*|\bkündigungsklausel\w*|"
    r"\bontbindingsrecht\w*|\brecht\W+(?:\S+\s+){0,2}?(?:op\W+)?(?:ontbinding|beëindiging|opzegging)|\bmogen\W+(?:\S+\s+){0,3}?"
    r"(?:controleren|auditen|inspecteren|bezoeken)\b|\b(?:controleren|auditen|inspecteren|bezoeken)\W+"
    r"(?:\S+\s+){0,2}?mogen\b|\brecht\W+(?:\S+\s+){0,3}?(?:om\W+)?(?:\S+\s+){0,16}?(?:te\W+)?(?:controleren|"
    r"auditen|inspecteren|bezoeken|beëindigen|ontbinden|opzeggen)\b|\b(?:recht\W+(?:vor|ein)|vorbehalten)\b[\s\S]*\b(?:zu\W+)?(?:überprüfen|"
    r"prüfen|kontrollieren|auditieren)\b))(?![\s\S]*(?:\bcertif|\badhere|\bsign|\bconfirm|verplicht|onderteken|"
    r"bevestig|verpflicht|einzuhalten|unterzeichn|unterschr(?:eib|ieb)|bestätig|\brepresent|\bwarrant))"
)
_SANCTIONS_LIST = r"\bsanctielijst\w*|\bsanktionslist\w*|\bsanctions?\W+(?:lists?|screening)"
# A social audit named after a financial one is not vetoed by it ("Our accounts are audited by …; in
# addition, we commission social audits at our suppliers").
_SOCIAL_AUDIT = r"soci(?:al|ale)\W+audits?|sozialaudit\w*|smeta|amfori|bsci|sa\W?8000"


def _unless_social_audit(pattern: str) -> str:
    return rf"(?:{pattern})(?![\s\S]*(?:{_SOCIAL_AUDIT}))"


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
            "high-risk goods or countries. For the California Transparency in Supply Chains Act this is "
            'verification, § 1714.43(c)(1): it "engages in verification of product supply chains to '
            "evaluate and address risks of human trafficking and slavery\". Auditing a supplier's "
            "compliance is (c)(2), not verification, unless the statement presents the two as one "
            'practice ("we verify our supply chain through audits").'
        ),
        oecd_step="2 identify and assess adverse impacts",
        cues={
            "en": (
                r"\brisk[- ]?(?:assessments?|analys[ie]s|mapping|based\W+(?:approach|analysis|assessment|"
                r"review)|screening|profil\w*|review\w*|evaluations?|matri(?:x|ces)|classification|rating|"
                r"ranking|categori[sz]ation|model|tool)",
                Cue(
                    r"\b(?:assess\w*|identif\w*|evaluat\w*|map|maps|mapped|mapping|analy[sz]\w*|screen\w*|"
                    r"prioriti[sz]\w*|understand\w*|examin\w*|review\w*|vet|vets|vetted|vetting)\W+"
                    r"(?:\S+\s+){0,6}?(?:risks?|likelihood|hotspots?|exposure|vulnerabilit\w*)\b",
                    # what a training teaches ("trained on how to identify risks") is not verification
                    unless_before=r"(?:train\w*|taught|teach\w*|learn\w*|how|able)\W+(?:\w+\W+){0,3}$",
                ),
                r"\b(?:risks?|likelihood)\W+(?:\S+\s+){0,6}?(?:are|were|is|was|been|being)?\W*(?:assessed|"
                r"identified|evaluated|mapped|analy[sz]ed|screened|reviewed|examined)\b",
                r"\bverif(?:y|ies|ied|ying|ication)\b",
                r"\bsalient\W+(?:human\W+rights\W+)?(?:issues|risks)",
                r"\b(?:human\W+rights\W+)?impact\W+assessments?",
                Cue(
                    r"\bhotspot\W+(?:analys[ie]s|mapping|assessments?)|\bmedia\W+(?:scans?|screening|monitoring)",
                    requires=_RISK_EN,
                ),
                Cue(
                    r"\bhuman\W+rights\W+due\W+diligence|\bdue\W+diligence\W+(?:process|procedures?|on|of|"
                    r"assessments?|questionnaires?|for)",
                    # the company must be the one doing it, not a law that will require it
                    requires=r"\b(?:we|our|us|the\W+company|conduct\w*|carr(?:y|ies|ied)|perform\w*|includ\w*)\b",
                    weak=True,
                ),
                r"\b(?:supplier|vendor|factory)\W+(?:screening|evaluations?|assessments?|self-?assessments?|"
                r"questionnaires?|surveys?|risk\w*|vetting|pre-?qualification)",
                r"\bself-?assessment\W+questionnaires?|\bSAQs?\b|\bquestionnaires?\W+on\W+(?:their\W+)?"
                r"(?:labou?r|social|human\W+rights|working)",
                # a questionnaire about the risk itself (a questionnaire confirming compliance is (c)(3))
                r"\brisk\W+questionnaires?|\b(?:questionnaires?|self-?assessments?|surveys?)\W+(?:\S+\s+){0,3}?"
                r"(?:covering|on|about|regarding|asking\W+about)\W+(?:\S+\s+){0,3}?(?:labou?r|recruitment|working|"
                r"human\W+rights|social|wages|hours|passports?|forced)",
                r"\b(?:map|mapped|mapping|trac(?:e|ed|ing)|traceability)\W+(?:\S+\s+){0,6}?(?:supply\W+chains?|"
                r"suppliers|origin|tiers?)",
                r"\b(?:categori[sz]|classif|segment|rank|rate|rating)\w*\W+(?:\S+\s+){0,6}?(?:by|according\W+to|"
                r"for|based\W+on)\W+(?:\S+\s+){0,3}?risk",
                r"\bprioriti[sz]\w*\W+(?:\S+\s+){0,4}?(?:suppliers|sites|factories|countries|risks?|impacts?)\b",
                Cue(
                    r"\b(?:assess|evaluat|review|examin|monitor|screen|vet|vetted|vetting|analy[sz])\w*\W+"
                    r"(?:\S+\s+){0,4}?(?:supply\W+chains?|suppliers?|vendors?|factor(?:y|ies)|facilit(?:y|ies)|"
                    r"manufacturers?|growers?|mills?|producers?|partners?|(?:sub)?contractors?|farms?|cooperatives?|"
                    r"it|them)\b",
                    requires=r"\brisk|likelihood|exposure|vulnerab|hotspot|high-risk|indicators\W+of",
                    # an assessment at the site is an audit
                    unless_before=r"\b(?:on-?site|site)\W+$",
                ),
                r"\b(?:review\w*|check\w*|screen\w*|compar\w*|consult\w*|use|uses|using|refer\w*)\W+"
                r"(?:\S+\s+){0,6}?(?:department\W+of\W+labou?r|dol|ilab)\W*(?:'s\W+)?(?:\S+\s+){0,3}?list|"
                r"\blist\W+of\W+goods\W+produced|\bglobal\W+slavery\W+index|\btrafficking\W+in\W+persons\W+"
                r"report|\b(?:review\w*|check\w*|screen\w*|compar\w*)\W+(?:\S+\s+){0,4}?against\W+"
                r"(?:\S+\s+){0,6}?(?:list|lists|index|indices|database)\b",
                Cue(r"\b(?:approval|qualification|vetting|onboarding|selection)\W+process\w*", weak=True),
                Cue(_MEDIA_VERBS_EN, requires=_RISK_EN),
                # plain verbs ("we look at where it operates", "cross-check … against NGO reports"); a
                # check at the supplier's site is an audit
                Cue(_VERIFY_VERBS_EN, requires=_both(_CHAIN_EN, _RISK_EN, unless=_ON_SITE_EN)),
            ),
            "nl": (
                r"\b\w*risico-?(?:analyse\w*|inventarisatie\w*|indeling\w*|beoordeling\w*|evaluatie\w*|screening|scan\w*|kaart\w*|"
                r"profiel\w*|gebaseerde)",
                r"\b(?:\w*risico'?s?)\W+(?:\S+\s+){0,8}?(?:in\W+kaart|geïdentificeerd|geidentificeerd|"
                r"beoordeeld|geanalyseerd|onderzocht|vastgesteld|geëvalueerd)",
                r"\b(?:identificeren|beoordel\w*|analyse\w*|analyseren|inventariseren|in\W+kaart\W+brengen|"
                r"gescreend|screenen|geëvalueerd|evalueren|toetsen|getoetst|onderzocht|onderzoeken)\W+(?:\S+\s+){0,6}?"
                r"\w*risico",
                r"\bketen(?:analyse|risico\w*|onderzoek)\w*",
                # hotspot analyses and media scans for the risks
                Cue(
                    r"\bhotspot-?(?:analyse|scan|kaart)\w*|\bmedia-?(?:scan|screening|monitoring)\w*",
                    requires=_RISK_NL,
                ),
                Cue(
                    r"\b(?:gepaste\W+)?zorgvuldigheid\w*|\bdue\W+diligence",
                    weak=True,
                    unless_before=_TOPIC_OF_TRAINING_OR_REPORT,
                ),
                Cue(_MEDIA_VERBS_NL, requires=_RISK_NL),
                r"\bleveranciers?(?:beoordeling|screening|evaluatie|vragenlijst)\w*",
                # a questionnaire about the risk itself (one confirming compliance is a certification)
                r"\bvragenlijst\w*\W+(?:\S+\s+){0,2}?(?:over|inzake|naar)\W+(?:\S+\s+){0,3}?(?:mensenrechten\w*|"
                r"arbeids\w*|dwangarbeid|kinderarbeid|wervingskosten|lonen|werktijden|sociale?|risico\w*)",
                r"\bzelfevaluatie\w*|\bzelfbeoordeling\w*|\bverifi(?:ëren|eren|catie|eert|eerd)\b|\bgeverifieerd\b",
                r"\b(?:toetsen|getoetst|vergelijken|vergeleken)\W+(?:\S+\s+){0,6}?(?:lijst\w*|index)\b",
                r"\b(?:ingedeeld|indelen|gecategoriseerd|categoriseren|geclassificeerd|gerangschikt|"
                r"geprioriteerd|prioriteren)\W+(?:\S+\s+){0,6}?\w*risico|\w*risico\S*\W+(?:\S+\s+){0,6}?"
                r"(?:ingedeeld|gecategoriseerd|geclassificeerd|geprioriteerd)",
                Cue(
                    r"\b(?:brengen|brengt|bracht|gebracht)\W+(?:\S+\s+){0,8}?in\W+kaart|\bherkomst\w*",
                    requires=r"keten|leverancier|risico",
                ),
                Cue(
                    r"\bin\W+kaart\W+(?:gebracht|brengen|te\W+brengen)",
                    requires=r"keten|leverancier|risico",
                ),
                Cue(_VERIFY_VERBS_NL, requires=_both(_CHAIN_NL, _RISK_NL)),
                r"\btoetsing\w*\W+(?:\S+\s+){0,3}?(?:\w*keten\w*|leveranciers)",
                # screening for risks; screening for compliance by an auditor is an audit
                Cue(
                    r"\b(?:inventarisatie\w*|doorlicht\w*|doorgelicht|ketenkaart\w*)\b",
                    requires=_both(_RISK_NL, _RISK_NL, unless=r"naleving|audit\w*"),
                ),
            ),
            "de": (
                r"\b\w*risiko(?:analyse|bewertung|ermittlung|kartierung|einschätzung|scan|score|profil|einstufung|"
                r"karte|matrix|rating)\w*",
                # the same nouns before the risks they concern ("eine Analyse der Risiken von Zwangsarbeit")
                r"\b(?:analyse|bewertung|ermittlung|einschätzung|erfassung|identifizierung|untersuchung|kartierung)\W+"
                r"(?:\S+\s+){0,4}?\w*risik\w*",
                r"\b\w*risiken\W+(?:\S+\s+){0,12}?(?:ermittel\w*|identifizier\w*|bewerte\w*|analysier\w*|"
                r"erfass\w*|untersuch\w*|priorisier\w*|geprüft|(?:über)?prüf(?:t|en)|erkennen|erkannt)",
                r"\bpriorisier\w*\W+(?:\S+\s+){0,3}?\w*risiken",
                # (not the risks a training is about: "ob wir eine Schulung zu Menschenrechtsrisiken …")
                r"\b(?:ermittel\w*|identifizier\w*|bewerte\w*|analysier\w*|erfass\w*|überprüf\w*|geprüft|"
                r"prüfen|untersuch\w*)\W+(?:(?!\w*schulung|training)\S+\s+){0,6}?\w*risik\w*",
                Cue(
                    r"\bsorgfaltspflicht\w*|\bdue[- ]diligence",
                    weak=True,
                    unless_before=_TOPIC_OF_TRAINING_OR_REPORT,
                ),
                Cue(_MEDIA_VERBS_DE, requires=_RISK_DE),
                r"\b(?:lieferanten|zulieferer)(?:bewertung|prüfung|screening|selbstauskunft|fragebogen)\w*",
                r"\b\w*selbstauskunft\w*|\b\w*selbstbewertung\w*|\b\w*selbsteinschätzung\w*",
                r"\b(?:verifizierung|verifikation)\W+(?:\S+\s+){0,4}?(?:\w*lieferkette\w*|lieferanten|zulieferer)",
                Cue(
                    r"\b(?:\w*kartier\w*|screening\w*|überwacht|überwachen)\b",
                    # watching over compliance is oversight, not a search for risks
                    requires=_both(_CHAIN_DE, r"risik", unless=r"einhalt\w*"),
                ),
                # a questionnaire about the risk itself (one confirming compliance is a certification)
                r"\bfragebog\w*\W+(?:\S+\s+){0,2}?(?:zu|zur|zum|über)\W+(?:\S+\s+){0,3}?(?:anwerb\w*|arbeits\w*|"
                r"lohn\w*|löhne\w*|zwangsarbeit|kinderarbeit|menschenrecht\w*|sozial\w*|ausweis\w*)",
                Cue(
                    r"\büberprüf\w*\W+(?:\S+\s+){0,3}?(?:lieferkette|lieferanten)\w*|"
                    r"\b(?:lieferkette|lieferanten)\w*\W+(?:\S+\s+){0,6}?(?:zu\W+)?(?:überprüf\w*|geprüft)\b",
                    # checking compliance at the supplier's site is an audit, not verification
                    requires=r"risik|\bwie\W+(?:sie|er|die)\b|^(?![\s\S]*(?:einhaltung|unangekündigt|vor\W+ort))",
                ),
                r"\b(?:gleichen|abgleich\w*|abgeglichen)\W+(?:\S+\s+){0,8}?(?:listen|index)\b|\blisten\W+"
                r"(?:\S+\s+){0,8}?ab\b",
                r"\b(?:eingestuft|einstufen|eingeteilt|kategorisiert|klassifiziert|priorisiert)\W+"
                r"(?:\S+\s+){0,6}?\w*risik\w*|\w*risik\w*\W+(?:\S+\s+){0,8}?(?:eingestuft|eingeteilt|"
                r"kategorisiert|klassifiziert)",
                Cue(
                    r"\bherkunft\w*|\brückverfolg\w*",
                    requires=r"lieferkette|lieferant|zuliefer|risik",
                ),
                Cue(_VERIFY_VERBS_DE, requires=_both(_CHAIN_DE, _RISK_DE)),
                # "prüfen wir …, wie hoch das Risiko … ist"; checking compliance on site is an audit
                Cue(
                    r"\b(?:prüf(?:en|t|te|ten)|geprüft)\b",
                    unless_after=_WEIGHING_OWN_STEP,
                    requires=_both(_CHAIN_DE, r"risik", unless=r"einhalt\w*|unangekündigt|vor\W+ort|audit"),
                ),
            ),
        },
        exclusions=(
            r"\b(?:credit|market|liquidity|interest\W+rate|currency|foreign\W+exchange|financial|fiscal|tax|"
            r"cyber\w*|information\W+security|it\W+security|data\W+protection|privacy)\W+risks?",
            r"\b(?:krediet|markt|liquiditeits|rente|valuta)risico",
            r"\b(?:kredit|markt|liquiditäts|zins|währungs)risik",
            r"\bage\W+verif\w*|\bverif\w*\W+(?:\w+\W+){0,2}?(?:age|ages|identity|authenticity|fit|accuracy)\b",
            _SANCTIONS_LIST,
        ),
        weak_cues=(r"verif", r"due\W+diligence", r"zorgvuldigheid", r"sorgfaltspflicht"),
        own_practice_only=True,
        suppliers_may_benefit=True,
        purpose_checked=True,
    ),
    Criterion(
        id="supplier_audits",
        title="Supplier audits",
        definition=(
            "The company audits or inspects suppliers (itself or through third parties, announced or "
            "unannounced) to check compliance with its standards on human rights, labour and "
            'environment, or reserves the right to do so (§ 1714.43(c)(2): it "conducts audits of '
            "suppliers to evaluate supplier compliance with company standards for trafficking and "
            'slavery in supply chains"). Financial, quality, product-safety and customs-security audits '
            "do not count, nor do audits of the company by its customers."
        ),
        oecd_step="4 track implementation and results",
        cues={
            "en": (
                r"\baudit(?:s|ed|ing|ors?)?\b",
                Cue(
                    r"\bvisit\w*\W+(?:\S+\s+){0,3}?(?:suppliers?'?|factories|facilities|production\W+sites|plants)",
                    unless_before=_TAUGHT_EN,
                ),
                r"\b(?:inspect\w*|site\W+visits?|on-?site\W+(?:visits?|assessments?|inspections?|reviews?)|"
                r"(?:factory|monitoring|compliance)\W+visits?|visits?\W+(?:to|of)\W+(?:\S+\s+){0,3}?"
                r"(?:factories|suppliers|facilities|sites))",
                r"\b(?:SMETA|amfori|BSCI|SA\W?8000|WRAP|RBA\W+VAP|Sedex\W+audit|validated\W+audit\W+process)\b",
                r"\bthird[- ]party\W+monitor\w*|\bmonitoring\W+firms?",
                # plain verbs at the site ("walk the production floor", "turn up at supplier sites");
                # checking risks or a signature is verification or certification
                Cue(
                    _VISIT_EN,
                    requires=_both(_SITE_EN, _AUDIT_OBJECT_EN, unless=_NOT_AN_AUDIT_EN),
                    unless_before=_TAUGHT_EN,
                ),
                Cue(
                    _AUDIT_VERBS_EN,
                    requires=_both(_SITE_EN, _AUDIT_OBJECT_EN, unless=_NOT_AN_AUDIT_EN),
                    unless_before=_TAUGHT_EN,
                ),
            ),
            "nl": (
                r"\b\w*audit\w*",
                r"\b(?:inspecties?|inspecteren|fabrieksbezoek\w*|bezoeken\W+(?:\S+\s+){0,5}?(?:fabrieken|"
                r"leveranciers|productielocaties))",
                r"\bcontroles?\W+(?:\S+\s+){0,3}?(?:bij|van)\W+(?:\S+\s+){0,2}?(?:leveranciers|fabrieken|"
                r"productielocaties)",
                Cue(_VISIT_NL, requires=_SITE_NL),
                # checking compliance or conditions at suppliers; checking risks is verification
                Cue(_AUDIT_VERBS_NL, requires=_both(_SITE_NL, _AUDIT_OBJECT_NL, unless=r"risico(?:'s|s)?\b")),
            ),
            "de": (
                r"\b\w*audit\w*",
                r"\b(?:vor-?ort-?(?:besuch\w*|kontroll\w*|prüfung\w*)|inspektion\w*|inspizier\w*|werksbesuch\w*|"
                r"fabrikbesuch\w*|prüfgesellschaft\w*|prüfinstitut\w*|prüforganisation\w*)",
                r"\b(?:besuch\w*|besichtig\w*)\W+(?:\S+\s+){0,3}?(?:\w*werke?|produktionsstätte\w*|fabrik\w*|"
                r"lieferant\w*|standort\w*)",
                r"\b(?:kontroll\w*|prüfung\w*)\W+(?:\S+\s+){0,3}?(?:bei|der|von)\W+(?:\S+\s+){0,2}?"
                r"(?:lieferanten|zulieferern|produktionsstätten)",
                # "Kontrollen vor Ort", "eine Überprüfung dieser Erklärungen vor Ort"
                r"\b(?:kontroll\w*|\w*prüfung\w*|besuch\w*|inspektion\w*)\W+(?:\S+\s+){0,3}?vor\W+ort\b",
                Cue(_VISIT_DE, requires=_SITE_DE),
                Cue(
                    _AUDIT_VERBS_DE,
                    requires=_both(
                        _SITE_DE + "|" + _ON_SITE_DE,
                        _AUDIT_OBJECT_DE,
                        unless=r"risik(?:o|os|en)\b|\bwie\W+(?:sie|er)\b",
                    ),
                    unless_after=_WEIGHING_OWN_STEP,
                ),
            ),
        },
        exclusions=(
            _unless_social_audit(
                r"\bfinancial\W+statements?|\bannual\W+accounts|\baccounts\W+were\W+audited|\bjaarrekening|"
                r"\baccountantsverklaring|\bcontrolerend\W+accountant|\babschlussprüf\w*|\bwirtschaftsprüf\w*|"
                r"\bjahresabschluss"
            ),
            r"\baudit\W+(?:and\W+risk\W+)?committee|\b(?:external|independent|statutory)\W+auditors?'?s?\W+"
            r"(?:report|opinion)|"
            r"\b(?:annual\W+report|report)\W+(?:\w+\W+){0,2}?audited|\binternal\W+audit\W+(?:function|"
            r"department|team|reviewed|reviews|found|tested|confirmed)(?![\s\S]*\baudits?\W+of\W+(?:\w+\W+){0,2}?suppliers)|"
            r"\bcorporate\W+audit\W+department|\binternal\W+audit\W+plans?|\baudit\W+and\W+risk\W+(?:team|function)",
            # a record-keeping duty ("records … available for inspection") is not an inspection of a supplier
            r"\b(?:available|open|accessible)\W+(?:\w+\W+){0,2}?(?:for|to)\W+(?:review\W+and\W+)?inspection",
            r"\b(?:audited|audits?|inspected)\W+(?:\w+\W+){0,4}?by\W+(?:\w+\W+){0,3}?customers|\bcustomers?'?\W+"
            r"audits?|\brequired\W+by\W+(?:our\W+)?customers|\b(?:we|wij|wir)\W+(?:are|were|worden|werden)\W+"
            r"(?:\w+\W+){0,8}?(?:audited|inspected|geaudit|geïnspecteerd|auditiert|geprüft)\b|"
            r"\b(?:our\W+company|ons\W+bedrijf|unser\W+unternehmen)\W+(?:is|was|wordt|wird)\W+(?:\w+\W+){0,8}?"
            r"(?:audited|geaudit|auditiert)\b",
            r"\bcustomers?\W+(?:\S+\s+){0,8}?(?:audit|inspect)\w*\W+(?:\S+\s+){0,2}?(?:our|us)\b|\bklanten\W+"
            r"(?:\S+\s+){0,8}?(?:audit\w*|controleren|inspecteren)\W+(?:\S+\s+){0,4}?(?:onze|ons)\b|\bvon\W+"
            r"(?:unseren\W+)?kunden\W+(?:\S+\s+){0,2}?auditiert|\bkunden\W+(?:\S+\s+){0,8}?(?:auditier\w*|"
            r"kontrollier\w*|inspizier\w*)\W+(?:\S+\s+){0,2}?(?:uns|unser\w*)\b",
            # suppliers auditing their own suppliers is a duty of theirs
            r"\baudit\w*\W+(?:their|its)\W+own\W+(?:sub-?)?suppliers|\b(?:hun|ihre)\W+eigen\w*\W+(?:toe|vor|unter|sub)?"
            r"(?:leveranciers|lieferanten|zulieferer)\W+(?:\S+\s+){0,12}?(?:controleren|auditen|(?:über)?prüfen|"
            r"kontrollieren|auditieren)\b",
            # audits of the company's own sites, by customers or for certificates ("Unsere Standorte … werden
            # jährlich extern auditiert", "klantaudits", "sociale audits … in onze eigen fabriek")
            r"\b(?:klant|kunden)audit\w*|\bcustomer\W+audits?|\bvon\W+(?:\w+\W+)?kunden\b|"
            r"\b(?:our|onze|ons|unsere\w*)\W+(?:own\W+|eigen\w*\W+)?(?:sites?|factor(?:y|ies)|plants?|fabriek\w*|"
            r"vestiging\w*|locatie\w*|productielocatie\w*|werke?|standort\w*|produktionsstätte\w*)\W+(?:(?!suppl|vendor|"
            r"leverancier|lieferant|zuliefer)\S+\s+){0,12}?(?:are|is|were|was|werden|wurden|wird|worden|wordt|werd)\W+"
            r"(?:\S+\s+){0,3}?(?:audited|inspected|auditiert|geprüft|geaudit|geïnspecteerd)\b",
            # ... said to be the company's own, the check named further from the verb ("our own operations are
            # audited by …", "onze eigen fabriek is door een externe partij geaudit")
            r"\b(?:our|onze|ons|unsere\w*)\W+(?:own|eigen\w*|company-?owned|wholly-?owned)\W+(?:\w+\W+)?(?:sites?|"
            r"factor(?:y|ies)|plants?|operations|fabriek\w*|vestiging\w*|locatie\w*|productielocatie\w*|werke?|"
            r"standort\w*)\W+(?:(?!suppl|vendor|leverancier|lieferant|zuliefer)\S+\s+){0,12}?(?:are|is|were|was|werden|"
            r"wurden|wird|worden|wordt|werd)\W+(?:(?!suppl|vendor|leverancier|lieferant|zuliefer)\S+\s+){0,6}?"
            r"(?:audited|inspected|auditiert|geprüft|geaudit|geïnspecteerd|untersucht)\b",
            # the company's internal audit function on its own processes ("de interne auditdienst heeft het
            # inkoopproces doorgelicht"), not on suppliers
            r"^(?![\s\S]*(?:suppl|vendor|leverancier|lieferant|zuliefer))[\s\S]*\binterne\W+(?:auditdienst|"
            r"auditafdeling|revision)\b",
            r"\bauditcommissie|\bprüfungsausschuss",
        ),
        own_practice_only=True,
        suppliers_may_benefit=True,
        purpose_checked=True,
    ),
    Criterion(
        id="supplier_certification",
        title="Supplier certification / contractual commitments",
        definition=(
            "The company requires its (direct) suppliers to certify or confirm in writing that they "
            "comply with the relevant laws and its standards, or makes compliance a contractual "
            "commitment (code of conduct in contracts, terms and conditions of purchase, signed "
            "acknowledgements or declarations, a requirement to adhere to its supplier code); "
            '§ 1714.43(c)(3): it "requires direct suppliers to certify that materials incorporated into '
            "the product comply with the laws regarding slavery and human trafficking of the country or "
            'countries in which they are doing business". ISO, FSC, Fairtrade and other product or site '
            "certificates, product-safety certifications and employees signing a code do not count."
        ),
        oecd_step="3 cease, prevent and mitigate",
        cues={
            "en": (
                r"\b(?:re-?)?certif(?:y|ies|ying)\b|\bcertified\W+(?:in\W+writing\W+)?(?:that|its|their|compliance)",
                Cue(
                    r"\bcertifications?\b",
                    # of compliance, from suppliers, or one measure in a list of the statute's measures
                    requires=r"\bcompl|\bcertif\w*\W+(?:that|of)\b|certif\w*\W+(?:\S+\s+){0,3}?from\b|"
                    r"\bcertification\W+requirements?|"
                    r"\baudit|\bverif|\btrain",
                ),
                Cue(
                    r"\b(?:attest\w*|warrant(?:s|ed|ing|y|ies)?|represent(?:s|ed)?\W+(?:and\W+warrant\w*\W+)?that|representations?\W+by\W+(?:\S+\s+){0,3}?that|"
                    r"representations?\W+and\W+warrant\w*)\b",
                ),
                r"\b(?:anti-?slavery|anti-?trafficking|slavery|trafficking)\W+certifications?\b|"
                r"\b(?:suppliers?|vendors?|manufacturers?|factories|they)\W+(?:\S+\s+){0,3}?(?:confirm|confirms|"
                r"confirmed|declare|declares|declared)\W+(?:\S+\s+){0,3}?that\W+(?:\S+\s+){0,4}?(?:compl\w+|adhere\w*|"
                r"abide\w*|observe\w*|(?:do|does)\W+not\W+use)|"
                r"\b(?:confirm|acknowledg)\w*\W+(?:\S+\s+){0,3}?in\W+writing|\bwritten\W+(?:confirmations?|"
                r"assurances?|declarations?|commitments?|certifications?)",
                Cue(
                    r"\b(?:contracts?|contracting|contractual(?:ly)?|agreements?|purchase\W+orders?|terms\W+(?:and|&)\W+"
                    r"conditions|terms\W+of\W+(?:purchase|business|trade|engagement)|conditions\W+of\W+"
                    r"(?:purchase|business)|clauses?|legally\W+binding)\b|\bprovisions\b(?=[\s\S]*\b(?:contracts?|"
                    r"agreements?|terms|purchase\W+orders?)\b)",
                    requires=r"^(?!"
                    + _COMPANY_RIGHT_ONLY
                    + r")[\s\S]*\b(?:compl\w+|adher\w+|abide|conform\w*|"
                    r"codes?|standards?|laws?|legal|regulations?|polic\w+|principles|guidelines|prohibit\w*|"
                    r"slaver\w*|traffick\w*|forced|human\W+rights|labou?r)\b",
                    unless_before=r"\bbefore\W+(?:an?\W+|the\W+)?$|(?:terminat\w*|cancel\w*|suspen\w*|renew|end|breach\w*|"
                    r"violat\w*|refuse\w*)\W+"
                    r"(?:\w+\W+){0,3}$",
                    unless_after=r"(?<=contract)\W+(?:manufactur\w*|workers?|labou?r|staff|packers?|growers?)\b|"
                    r"\W+(?:\w+\W+){0,2}?(?:terminated|cancell?ed|ended|suspended)|\W+(?:\w+\W+){0,3}?"
                    r"termination\W+(?:rights?|clauses?)|\W+(?:\w+\W+){0,3}?(?:allows?|permits?|entitles?|gives?)\W+(?:us|"
                    r"the\W+company)\W+(?:\w+\W+){0,2}?(?:to\W+)?(?:terminat|cancel|end\b)",
                ),
                r"\b(?:sign|signs(?!\W+of\b)|signed|signing|acknowledge\w*|accept\w*|agree\w*\W+(?:in\W+writing\W+)?to)\W+"
                r"(?:\S+\s+){0,5}?"
                r"(?:code|agreements?|declarations?|forms?|polic(?:y|ies)|standards|principles|terms|"
                r"guidelines|contracts?|certificat\w*|pledges?|expectations)\b",
                r"\b(?:code|agreements?|declarations?|contracts?|terms)\W+(?:\S+\s+){0,6}?for\W+signature\b",
                # signed by the supplier, named after the document ("our code, which every supplier signs")
                Cue(
                    r"\b(?:signed|acknowledged|countersigned|accepted)\W+by\W+(?:\S+\s+){0,2}?(?:suppliers?|vendors?|"
                    r"manufacturers?|factories)\b|\b(?:which|that)\W+(?:\S+\s+){0,2}?(?:suppliers?|vendors?)\W+(?:must\W+|"
                    r"have\W+to\W+)?(?:sign|signs|signed|acknowledge|acknowledges)\b",
                    requires=r"\b(?:code|agreements?|declarations?|terms|polic(?:y|ies)|standards|contracts?|pledges?)\b",
                ),
                # a signed statement about slavery (not "this statement", which is the disclosure itself)
                Cue(
                    r"\b(?:sign|signs(?!\W+of\b)|signed|signing)\W+(?:\S+\s+){0,3}?statements?\b",
                    requires=r"\bconfirm\w*|slavery|forced|child\W+labou?r|traffick\w*",
                ),
                r"\b(?:requir\w*|oblig\w*|mandat\w*|must|condition)\W+(?:\S+\s+){0,6}?(?:comply|compliance|"
                r"adhere|adherence|abide|conform|agree|accept|sign|acknowledge)\W+(?:\S+\s+){0,4}?(?:code|"
                r"standards|polic(?:y|ies)|principles|guidelines|terms|requirements)\b",
                r"\b(?:have|had|must|required|obliged)\W+(?:to\W+)?(?:\S+\s+){0,2}?(?:commit|pledge|undertake|"
                r"promise)\w*\W+to\b|\b(?:suppliers?|vendors?|they)\W+(?:\S+\s+){0,2}?(?:commit|commits|pledge|"
                r"pledges|promise|promises|undertake|undertakes)\W+to\b",
                r"\bconditions?\W+of\W+(?:doing\W+business|(?:every|each|any|all|our)\W+(?:\w+\W+){0,2}?"
                r"(?:purchase|orders?|contracts?|business|relationships?))|\bmandatory\W+for\W+(?:all\W+)?"
                r"(?:our\W+)?(?:suppliers|vendors)",
                r"\bdeclarations?\W+of\W+(?:compliance|conformity)|\b(?:sign|signs|signed|submit\w*|return\w*)\W+"
                r"(?:\S+\s+){0,3}?(?:declarations?|statements?|letters?|questionnaires?)\W+of\W+(?:compliance|"
                r"conformity)",
                Cue(
                    r"\bquestionnaires?\b",
                    requires=r"\b(?:confirm\w*|certif\w*|attest\w*|declar\w*|acknowledg\w*)\b|\bcompliance\W+"
                    r"questionnaires?|\bquestionnaires?\W+(?:\S+\s+){0,4}?complian",
                ),
                r"\b(?:supplier|vendor)s?'?\W+(?:declarations?|certifications?|attestations?|acknowledg\w*)|"
                r"\brequir\w*\W+(?:\S+\s+){0,2}?certifications?\b",
                Cue(
                    r"\backnowledg(?:e|es|ed|ing|ement|ements)\b",
                    requires=r"\b(?:compl\w+|adher\w+|abide|codes?|standards?|polic\w+|principles|guidelines)\b",
                    unless_before=_EMPLOYEES_BEFORE,
                ),
            ),
            "nl": (
                Cue(
                    r"\b(?:certificeren|certificering\w*|\w*verklaring\w*|verklaren|verklaart|bevestigen\W+"
                    r"(?:\S+\s+){0,3}?schriftelijk|schriftelijke?\W+(?:\S+\s+){0,3}?(?:bevestig\w*|verklar\w*))",
                    # "deze verklaring" is this statement itself
                    unless_before=r"\b(?:deze|dit|onze|de|het)\W+$",
                ),
                Cue(
                    r"\b(?:\w*contract(?:en|ueel|uele|voorwaarden|afspraken|bepaling\w*)?|\w*overeenkomst\w*|"
                    r"inkoopvoorwaarden|leveringsvoorwaarden|algemene\W+voorwaarden|inkooporder\w*|"
                    r"voorwaarde\w*|clausule\w*|bepalingen)\b",
                    requires=r"^(?!"
                    + _COMPANY_RIGHT_ONLY
                    + r")[\s\S]*(?:naleving|naleven|na\W+te\W+leven|voldoen|"
                    r"gedragscode|normen|wet\w*|beleid|verbied\w*|dwangarbeid|kinderarbeid|slavernij|mensenhandel|"
                    r"mensenrechten)",
                    unless_before=r"(?:beëindig\w*|opzeg\w*|ontbind\w*|zeggen|zegt)\W+(?:\w+\W+){0,3}$",
                    # a contract that was ended is a consequence ("contracten … ontbonden")
                    unless_after=r"\W+(?:\w+\W+){0,5}?(?:ontbindingsclausule\w*|gevolgen|ontbonden|beëindigd|"
                    r"opgezegd|stopgezet)\b",
                ),
                r"\b(?:ondertekenen|ondertekend|tekenen|getekend)\W+(?:\S+\s+){0,8}?\w*gedragscode|"
                r"\w*gedragscode\w*\W+(?:\S+\s+){0,6}?(?:ondertekenen|ondertekend|ondertekening|tekenen|onderschrijven)",
                Cue(_CERTIFY_NL, requires=_CERTIFY_OBJECT_NL),
                # the supplier has signed or accepts the standards or the ban ("Elke fabriek heeft onze
                # arbeidsnormen … ondertekend", "aanvaarden bij contractsluiting het verbod op …")
                Cue(
                    r"\b(?:ondertekend|afgetekend|aanvaarden|aanvaardt|accepteren|accepteert)\b",
                    requires=_both(_SUPPLIER_NL, _CERTIFY_OBJECT_NL + r"|verbod|voorwaarden"),
                    unless_before=_OWN_REFUSAL_NL,
                    unless_after=r"\W+(?:wij|we|geen|niet)\b",
                ),
                Cue(
                    r"\bdoor\W+(?:\S+\s+){0,2}?(?:\w*leveranciers?|onderaannemers?|producenten)\W+(?:\S+\s+){0,2}?"
                    r"(?:ondertekend|getekend|onderschreven)\b|\b(?:die|dat)\W+(?:\S+\s+){0,2}?(?:\w*leveranciers?|"
                    r"onderaannemers?)\W+(?:\S+\s+){0,2}?(?:ondertekenen|ondertekent|tekenen|tekent)\b",
                    requires=_CERTIFY_OBJECT_NL + r"|verklaring|voorwaarden|contract|overeenkomst",
                ),
            ),
            "de": (
                r"\b(?:zertifizier\w*|bestätig\w*\W+(?:\S+\s+){0,3}?schriftlich|schriftlich\w*\W+(?:\S+\s+){0,3}?"
                r"(?:bestätig\w*|zusicher\w*|erklär\w*)|zusicherung\w*|zusichern)",
                Cue(
                    # (a "Werkvertragsunternehmen" is a contractor, not a contract)
                    r"\b(?:vertrag\w*|vertrags\w*|verträge\w*|vertraglich\w*|\w*verträge\w*|\w*vertrags(?!\w*unternehm)\w*|\w*vertrag|"
                    r"einkaufsbedingungen|lieferbedingungen|beschaffungsbedingungen|vereinbarung\w*|"
                    r"klausel\w*|bedingung\w*\W+(?:\w+\W+){0,2}?(?:bestellung|auftrag\w*|zusammenarbeit|"
                    r"geschäftsbeziehung))\b",
                    requires=r"^(?!"
                    + _COMPANY_RIGHT_ONLY
                    + r")[\s\S]*(?:einhalt\w*|einzuhalten|gesetz\w*|kodex|"
                    r"standards|richtlinie\w*|zwangsarbeit|kinderarbeit|sklaverei|menschenhandel|menschenrecht\w*|"
                    r"verbot\w*|verpflicht\w*)",
                    # "vor Vertragsabschluss" says when, not what is agreed
                    unless_before=r"(?:beend\w*|kündig\w*|aussetz\w*)\W+(?:\w+\W+){0,3}$|\bvor\W+$",
                    unless_after=r"\W+(?:\w+\W+){0,1}?(?:konsequenzen|folgen|kündigung\w*)\b|\W+(?:\w+\W+){0,5}?"
                    r"(?:gekündigt|beendet|aufgelöst)\b",
                ),
                Cue(
                    r"\b\w*erklärung\w*",
                    requires=r"einhalt|einzuhalten|gesetz\w*|kodex|standards|zwangsarbeit|kinderarbeit|"
                    r"sklaverei|menschenhandel|menschenrecht\w*|unterzeichn\w*|unterschr(?:eib|ieb)\w*|schriftlich|"
                    r"lieferant|zuliefer",
                    # "diese Erklärung" is this statement itself
                    unless_before=r"\b(?:diese|dieser|unsere|unserer|die|der)\W+$",
                ),
                Cue(
                    r"\bbestätigung\w*|\bbestätigen\b",
                    requires=r"lieferant|zuliefer|einhalt|schriftlich",
                ),
                r"\b(?:unterzeichn\w*|unterschr(?:eib|ieb)\w*|anerkenn\w*)\W+(?:\S+\s+){0,5}?(?:\w*kodex\w*|code\W+of\W+"
                r"conduct)|"
                r"\w*kodex\w*\W+(?:\S+\s+){0,12}?(?:unterzeichn\w*|unterschr(?:eib|ieb)\w*|anerkenn\w*|"
                r"vertragsbestandteil)",
                Cue(_CERTIFY_DE, requires=_CERTIFY_OBJECT_DE),
                Cue(
                    r"\b(?:akzeptieren|akzeptiert)\b",
                    requires=_both(_SUPPLIER_DE, _CERTIFY_OBJECT_DE + r"|klausel|bedingungen|verbot"),
                    unless_before=_OWN_REFUSAL_DE,
                    unless_after=r"\W+(?:wir|nicht|kein\w*)\b",
                ),
                Cue(
                    r"\b(?:von|durch)\W+(?:\S+\s+){0,2}?(?:\w*lieferant\w*|zuliefer\w*|subunternehm\w*)\W+(?:\S+\s+){0,2}?"
                    r"(?:unterzeichnet|unterschrieben|anerkannt)\b|\b(?:den|die|das)\W+(?:\S+\s+){0,2}?(?:\w*lieferant\w*|"
                    r"zuliefer\w*)\W+(?:\S+\s+){0,2}?(?:unterzeichnet|unterzeichnen|unterschreibt|unterschreiben)\b",
                    requires=_CERTIFY_OBJECT_DE + r"|erklärung|bedingungen|vertr",
                ),
            ),
        },
        exclusions=(
            r"\b(?:ISO(?:\W?\d+)?|FSC|PEFC|organic|B\W?Corp|fair\W?trade|rainforest|utz|leed|breeam|dgnb|gots|"
            r"oeko\w*|c-?tpat|aeo)\W+(?:\w+\W+){0,2}?(?:certif|gecertificeerd|zertifizier|certificaat)\w*",
            r"\bcertif\w*\W+(?:\S+\s+){0,4}?(?:ISO\W?\d+|FSC|PEFC|organic|fair\W?trade|c-?tpat)",
            r"\bemployment\W+(?:contracts?|agreements?)|\bcontracts?\W+of\W+employment|\bcollective\W+"
            r"(?:bargaining\W+|labou?r\W+)?agreements?|\barbeidscontract\w*|\barbeitsvertr\w*|"
            r"\bwarranty\W+(?:period|claims)",
        ),
        # Certification is something suppliers give: the sentence must be about suppliers or purchasing.
        # (or one of the statute's measures listed together: "no audits, certification or training").
        subject_required=SUPPLIER_WORDS
        + r"|\bpurchase\W+orders?|\bterms\W+(?:and\W+conditions\W+)?of\W+purchase|"
        r"\b\w*inkoop\w*|\beinkauf\w*|\bbeschaffung\w*|\bbestellung\w*|\bliefervertr\w*|\baanbesteding\w*|"
        r"\bausschreibung\w*|\btenders?\b|\brahmenvertr\w*|\braamcontract\w*|\bframework\W+agreements?|\bsupply\W+"
        r"(?:contracts?|agreements?)|\baudit\w*|\bverif\w*|\btrain\w*|"
        r"\bschulung\w*",
        subject_carries_over=True,
        purpose_checked=True,
    ),
    Criterion(
        id="internal_accountability",
        title="Internal accountability",
        definition=(
            "The company maintains internal accountability standards and procedures for employees or "
            "contractors, suppliers included, who fail to meet its standards on these risks "
            '(§ 1714.43(c)(4): it "maintains internal accountability standards and procedures for '
            "employees or contractors failing to meet company standards regarding slavery and "
            'trafficking"): consequences such as disciplinary measures for staff or termination of a '
            "supplier relationship, corrective action required of a supplier that failed, people being "
            "held accountable, and assigned responsibility and oversight (board, committee, officer) or "
            "internal compliance procedures. Merely requiring suppliers to comply, or asking them for "
            "documents, does not count."
        ),
        oecd_step="1 embed responsible business conduct in policies and management systems",
        cues={
            "en": (
                r"\b(?:internal\W+)?accountability\W+(?:\S+\s+){0,2}?(?:standards?|procedures?|mechanisms?|"
                r"framework|system|programm?e?|polic(?:y|ies)|measures)",
                r"\binternal\W+accountability|\binternal\W+controls?\W+(?:on|for)\W+(?:human|labou?r|supply)",
                Cue(
                    r"\binternal\W+compliance\W+(?:procedures?|programm?e?|processes|function|team|department)",
                    # the team named as who does another step ("the evaluation is carried out by our
                    # internal compliance team")
                    unless_before=r"\b(?:by|through|via)\W+(?:our\W+|the\W+|its\W+)?$",
                ),
                r"\b(?:employees|staff|personnel|buyers|managers|workforce|colleagues|associates|contractors)\W+"
                r"(?:\S+\s+){0,5}?(?:(?:are|is)\W+(?:also\W+)?(?:expected|required|obliged)\W+to|must)\W+"
                r"(?:comply|adhere|abide|follow|read\W+and\W+comply|acknowledge|certify|report)",
                r"\brequir\w*\W+(?:adherence|compliance)\W+(?:\S+\s+){0,6}?(?:by|from|of)\W+(?:\S+\s+){0,2}?"
                r"(?:employees|staff|personnel|buyers|managers)",
                r"\b(?:procedures?|process|mechanisms?)\W+(?:\S+\s+){0,3}?for\W+(?:\S+\s+){0,2}?(?:employees|"
                r"staff|personnel|contractors|associates)\W+(?:\S+\s+){0,2}?(?:who|that)\W+(?:\S+\s+){0,3}?"
                r"(?:fail|violate|breach|break|ignore|disregard|flout|do\W+not|don't)",
                r"\b(?:requir\w*|oblig\w*)\W+(?:all\W+|our\W+|its\W+|of\W+)*(?:employees|staff|personnel|buyers|"
                r"managers|associates|workforce|colleagues)\W+(?:\S+\s+){0,3}?to\W+(?:comply|adhere|abide|follow|"
                r"acknowledge|certify|report)",
                Cue(
                    r"\bdisciplin(?:ed|ing)\b|\bsubject\W+to\W+discipline|\bdisciplinary\W+(?:action|measures?|"
                    r"sanctions?|procedures?|process|consequences?|steps|policy|rules|code)|\bup\W+to\W+and\W+including\W+"
                    r"(?:termination|dismissal)|\btermination\W+of\W+(?:their\W+)?employment|\b(?:dismissal|"
                    r"reprimand\w*)\b|\b(?:will|may|shall|can|could)\W+be\W+(?:terminated|fired|dismissed)\b|"
                    r"\bgross\W+misconduct\b",
                    consequence=True,
                ),
                Cue(
                    r"\bterminat\w*\W+(?:\S+\s+){0,4}?(?:relationships?|contracts?|agreements?|business|"
                    r"orders?|engagements?|assignments?|partnerships?)\b|\b(?:relationships?|contracts?|"
                    r"agreements?|orders?|engagements?)\W+(?:\S+\s+){0,5}?(?:terminated|cancell?ed|ended|"
                    r"suspended|discontinued)\b|\b(?:cancel\w*|suspend\w*|discontinu\w*|end|ends|ended|ending)\W+(?:\S+\s+){0,3}?"
                    r"(?:orders?|contracts?|business|relationships?|agreements?|assignments?|engagements?)\b|"
                    r"\b(?:cease|ceases|stop|stops|stopped|discontinue)\W+(?:\S+\s+){0,2}?(?:doing\W+business|working\W+"
                    r"with|sourcing|purchasing|buying|ordering|trading|placing\W+(?:new\W+)?orders)\b|\b(?:drop|drops|dropped|dropping|phase\W+out|"
                    r"phases\W+out|phased\W+out)\W+(?:\S+\s+){0,2}?(?:suppliers?|vendors?|factories|factory|mills?|"
                    r"smelters?|them)\b|\b(?:are|is|be|been|were|was)\W+(?:\w+\W+)?(?:suspended|delisted|blacklisted|phased\W+out|"
                    r"disqualified|dropped|offboarded|deactivated|exited)\b|\b(?:excluded|barred|banned)\W+from\W+(?:\S+\s+){0,2}?"
                    r"(?:tenders?|tendering|bidding|contracts|orders|business|work)\b|\bexit\w*\W+(?:\S+\s+){0,3}?"
                    r"relationships?\b|\b(?:affect\w*|reduc\w*)\W+(?:\S+\s+){0,3}?(?:bonus(?:es)?|variable\W+(?:pay|"
                    r"remuneration|compensation))\b|\bterminat\w*\W+(?:\S+\s+){0,2}?(?:if|where|when|should|in\W+the\W+event)\b|"
                    r"\btermination\W+rights?\b|\bfac(?:e|es|ed|ing)\W+(?:\S+\s+){0,3}?(?:consequences?|sanctions?|"
                    r"penalt(?:y|ies)|disciplinary\W+action)\b|\bremoved\W+from\W+(?:\S+\s+){0,2}?(?:supply\W+chains?|sourcing|supplier\W+base)|"
                    r"\blos(?:e|es|t|ing)\W+(?:\S+\s+){0,2}?(?:approved\W+status|approval|accreditation)\b|"
                    r"\bno\W+longer\W+(?:be\W+)?(?:used|do\W+business|work\W+with|source|purchase)\b|"
                    r"\b(?:(?:removed?|dropped|delisted|excluded|barred|banned)\W+from|struck\W+off|taken\W+off)\W+"
                    r"(?:\S+\s+){0,2}?(?:(?:approved|preferred)\W+(?:(?:vendor|supplier|factory)\W+)?|(?:vendor|supplier|factory)\W+)"
                    r"(?:list|base|pool|panel|register|database)|\blos(?:e|es|t|ing)\W+(?:\S+\s+){0,2}?business\b|\bsubject\W+to\W+(?:termination|"
                    r"sanctions?|penalties|corrective\W+action)|\brisk\W+(?:the\W+)?(?:cancellation|termination)",
                    consequence=True,
                ),
                # the supplier itself terminated or suspended, production moved elsewhere, for a failure
                Cue(
                    r"\b(?:terminat\w*|suspend\w*)\W+(?:\S+\s+){0,3}?(?:suppliers?|vendors?|factor(?:y|ies)|partners?|"
                    r"manufacturers?|mills?|(?:sub)?contractors?)\b|\b(?:move|moves|moved|moving|shift\w*|transfer\w*|"
                    r"relocat\w*)\W+(?:\S+\s+){0,2}?(?:production|orders|business|sourcing)\W+(?:\S+\s+){0,2}?(?:to\W+(?:an?\W+)?"
                    r"(?:another|other|alternative|different|new)|away\W+from|elsewhere)\b|\b(?:production|orders|business)\W+"
                    r"(?:\w+\W+){0,2}?(?:moved|shifted|transferred)\W+(?:to|away|elsewhere)\b",
                    requires=r"\bfail|\bviolat|\bbreach|non-?complian|not\W+(?:meet|comply|correct|remediate)|\brefus|"
                    r"\bforced|\bchild\W+labou?r|\btraffick|\bslavery|\bbonded",
                    consequence=True,
                ),
                # the steps the company takes, or how it responds, when someone fails its standards
                Cue(
                    r"\b(?:steps|actions?|measures)\W+(?:(?:we|it|the\W+company)\W+)?(?:will\W+)?(?:take|takes)\W+"
                    r"(?:if|when|where|in\W+the\W+event)\b|\bhow\W+(?:we|it|the\W+company)\W+(?:will\W+)?(?:respond\w*|"
                    r"react\w*|deal\w*|handle\w*)\W+(?:(?:if|when|where|to)\b|with\b)",
                    requires=r"\bfail|\bviolat|\bbreach|non-?complian|not\W+(?:meet|comply)",
                    consequence=True,
                ),
                r"\b(?:procedures?|process(?:es)?|mechanisms?)\W+(?:\S+\s+){0,2}?(?:for|on)\W+(?:(?:dealing|handling)"
                r"\W+with\W+|addressing\W+)?(?:(?!report)\S+\s+){0,2}?(?:violations?|breach(?:es)?|non-?complian\w*|"
                r"misconduct|infringements?)\b",
                Cue(
                    r"\b(?:sanctions?|penalt(?:y|ies)|consequences)\W+(?:\S+\s+){0,4}?(?:if|when|where|should)\W+"
                    r"(?:\S+\s+){0,5}?(?:breach\w*|violat\w*|fail\w*|broken)\b",
                    consequence=True,
                ),
                Cue(
                    r"\b(?:sanctions?|penalt(?:y|ies)|consequences)\W+(?:\S+\s+){0,4}?(?:for|on)\W+(?:\S+\s+){0,4}?"
                    r"(?:who|that)\W+(?:\S+\s+){0,2}?(?:fail|breach|violate|break|ignore|do\W+not|don't)",
                    consequence=True,
                ),
                Cue(
                    r"\b(?:consequences?|sanctions?|penalt(?:y|ies))\W+for\W+(?:non-?complian\w*|violations?|"
                    r"breach(?:es)?|failures?)\b",
                    consequence=True,
                ),
                Cue(
                    r"\b(?:without\W+(?:any\W+)?(?:consequences?|sanctions?|penalt(?:y|ies))|unpunished)\b",
                    requires=r"\bfail|\bviolat|\bbreach|non-?complian|not\W+(?:meet|comply)",
                    consequence=True,
                ),
                Cue(
                    r"\bheld\W+(?:accountable|to\W+account)|\bhold\w*\W+(?:\S+\s+){0,4}?(?:accountable|to\W+account)|"
                    r"\bdisciplinary\W+code|\bconsequences?\W+for\W+(?:\S+\s+){0,4}?(?:who|that)\W+(?:\S+\s+){0,2}?"
                    r"(?:fail|breach|violate|break|ignore|do\W+not|don't)",
                    consequence=True,
                ),
                Cue(
                    r"\b(?:fail\w*|violat\w*|breach\w*|non-?complian\w*|non-?conformance)\W+(?:\S+\s+){0,12}?"
                    r"(?:result\w*\W+in|lead\w*\W+to|subject\w*\W+to|grounds\W+for|consequences?|sanctions?|"
                    r"penalt\w*|disciplin\w*|terminat\w*)",
                    consequence=True,
                ),
                Cue(
                    r"\bcorrective\W+(?:action|measures?)\w*|\bcorrect\W+(?:the|any|such)\W+(?:problem|issue|"
                    r"violation|non-?complian\w*|deficienc\w*)",
                    requires=r"\bfail|\bviolat|\bbreach|non-?complian|\bfinding|\buncovered|\bdeficien|"
                    r"not\W+(?:meet|comply)",
                    consequence=True,
                ),
                Cue(
                    r"\b(?:responsib(?:le|ility)|accountab(?:le|ility)|oversight|oversees?|overseen|"
                    r"overseeing)\W+(?:\S+\s+){0,3}?(?:for|of)\W+(?:\S+\s+){0,8}?(?:human\W+rights|due\W+"
                    r"diligence|responsible|sustainab\w*|supply\W+chain|slavery|trafficking|forced\W+labou?r|"
                    r"this\W+(?:policy|statement|programm?e)|compliance|ethic\w*|labou?r)",
                    # "employees with direct responsibility for supply chain management" says who is
                    # trained, not who is accountable
                    unless_before=r"(?:with|have|having|who\W+are|employees|managers|staff|personnel|members|"
                    r"those|teams?)\W+(?:direct(?:ly)?\W+|primar(?:y|ily)\W+|specific(?:ally)?\W+)?$",
                    weak=True,
                ),
                Cue(
                    r"\b(?:board|committee|chief\W+\w+\W+officer|general\W+counsel|legal\W+department|"
                    r"compliance\W+(?:officer|department|team|function)|human\W+rights\W+(?:officer|lead|"
                    r"committee|working\W+group)|working\W+group)\W+(?:\S+\s+){0,6}?(?:oversees?|overseen|"
                    r"is\W+responsible|are\W+responsible|monitors?|approves?|reviews?|decides?)",
                    weak=True,
                ),
                Cue(
                    r"\breport\w*\W+(?:\S+\s+){0,3}?(?:any\W+)?(?:suspected\W+)?(?:violations?|breach(?:es)?|"
                    r"non-?complian\w*|misconduct|cases?\W+of)\b",
                    weak=True,
                ),
            ),
            "nl": (
                Cue(
                    r"\bdisciplinaire\W+(?:maatregel\w*|sancties?|gevolgen|procedure\w*|regels|regeling\w*)|\barbeidsrechtelijke\W+"
                    r"maatregel\w*|\b(?:tot\W+en\W+met|leiden\W+tot|leidt\W+tot)\W+(?:\S+\s+){0,8}?ontslag\b|\bberisping\w*|"
                    r"\bop\W+staande\W+voet|\bontslagen\b|\bsancti(?:es?|e\w{4,})\b|\bboete(?:clausule|beding)\w*|\bsanctioneren|\bter\W+verantwoording\W+"
                    r"(?:geroepen|roepen)|\baangesproken\b",
                    consequence=True,
                ),
                Cue(
                    r"\b(?:beëindig\w*|opzeg\w*|ontbind\w*|opschort\w*)\W+(?:\S+\s+){0,4}?(?:samenwerking|\w*relatie\w*|\w*contract\w*|"
                    r"\w*overeenkomst\w*)|\b(?:samenwerking|\w*relatie\w*|\w*contract\w*|\w*overeenkomst\w*)\W+(?:\S+\s+){0,8}?"
                    r"(?:beëindig\w*|opgezegd|opzeggen|ontbonden|ontbinden)|\bzeggen\W+(?:\S+\s+){0,4}?(?:contract|overeenkomst)\W+op\b",
                    consequence=True,
                ),
                Cue(
                    r"\bverbeterplan\w*|\bcorrigerende\W+maatregel\w*",
                    requires=r"niet\W+(?:na\W?te\W+leven|naleven|voldoen|nageleefd)|schend\w*|overtred\w*|"
                    r"tekortkoming\w*|niet\W+naleven|afwijking\w*",
                    consequence=True,
                ),
                Cue(
                    r"\b(?:verantwoordelijk\w*|eindverantwoordelijk\w*|toezicht|verantwoording)\W+(?:\S+\s+){0,6}?"
                    r"(?:mensenrechten|imvo|mvo|due\W+diligence|zorgvuldigheid|duurzaamheid|naleving|gedragscode|"
                    r"keten\w*|beleid|mensenhandel|dwangarbeid|risicoanalyse\w*|opvolging)",
                    unless_before=r"(?:met|hebben|dragen)\W+(?:directe\W+|rechtstreekse\W+)?$",
                    weak=True,
                ),
                Cue(
                    r"\b(?:mensenrechten|imvo|mvo|due\W+diligence|duurzaamheid|naleving)\W+(?:\S+\s+){0,6}?"
                    r"(?:verantwoordelijk\w*|toezicht)|\bziet\W+toe\W+op",
                    weak=True,
                ),
                r"\b(?:medewerkers|werknemers|inkopers|personeel)\W+(?:\S+\s+){0,6}?(?:moeten|zijn\W+verplicht|"
                r"worden\W+geacht)\W+(?:\S+\s+){0,6}?(?:na\W?te\W+leven|te\W+volgen|te\W+ondertekenen|naleven)",
                r"\bprocedure\w*\W+(?:\S+\s+){0,3}?voor\W+(?:\S+\s+){0,2}?(?:medewerkers|werknemers|personeel)\W+"
                r"(?:\S+\s+){0,2}?die\b",
                r"\b(?:compliance\W?officer|compliance-?afdeling|afdeling\W+compliance|interne\W+(?:controle|"
                r"procedures?|verantwoording|regels|regeling\w*|afspraken))",
                # rules on what follows a failure, named also to say they are missing
                r"\b(?:afspraken|regels|regeling\w*|beleid)\W+(?:\S+\s+){0,3}?(?:over|voor|inzake)\W+(?:\S+\s+){0,2}?"
                r"(?:gevolgen|consequenties|sancties)\b|\b(?:regels|regeling\w*|procedure\w*|afspraken|beleid)\W+"
                r"(?:\S+\s+){0,3}?wat\W+er\W+gebeurt\W+(?:als|wanneer|indien|bij)\b",
                Cue(
                    r"\b(?:gevolgen|"
                    r"consequenties|sancties)\W+(?:\S+\s+){0,3}?voor\W+(?:\S+\s+){0,4}?die\b|\bhoe\W+(?:\S+\s+){0,3}?"
                    r"(?:om\W+te\W+gaan|omgegaan\W+wordt|wordt\W+omgegaan)\W+met\b|\bgevolgen\W+(?:krijgen|hebben|heeft)\b",
                    requires=_FAILURE_NL,
                    consequence=True,
                ),
                # an indirect question opening the sentence ("Welke gevolgen … heeft, is niet uitgewerkt")
                Cue(
                    r"\bwelke\W+(?:\S+\s+){0,2}?(?:gevolgen|consequenties|sancties)\b",
                    requires=_FAILURE_NL,
                    unless_before=r"\w",
                    consequence=True,
                ),
                Cue(_CONSEQUENCE_NL, requires=_FAILURE_NL, consequence=True),
                r"\b\w*procedure\w*\W+(?:\S+\s+){0,3}?(?:voor|bij|rond|om)\W+(?:(?!meld)\S+\s+){0,3}?(?:overtreding\w*|"
                r"schending\w*|inbreuk\w*|misstand\w*|in\W+te\W+grijpen|op\W+te\W+treden)",
                Cue(r"\baan\W+te\W+spreken\b|\baanspreken\b", requires=_FAILURE_NL, consequence=True),
                Cue(
                    r"\b(?:zonder\W+(?:\w+\W+)?(?:gevolgen|consequenties|sancties)|consequenties|ongestraft)\b",
                    requires=r"overtred\w*|overtreding\w*|schend\w*|inbreuk\w*|niet\W+(?:\S+\s+){0,6}?(?:houden|"
                    r"naleven|nakomen)",
                    consequence=True,
                ),
                Cue(
                    r"\b(?:disciplinaire\W+)?maatregel\w*",
                    requires=r"overtred\w*|schend\w*|niet\W+(?:\S+\s+){0,3}?(?:houden|naleven|nakomen|meldt)",
                    consequence=True,
                ),
            ),
            "de": (
                Cue(
                    r"\b(?:disziplinar\w*|arbeitsrechtliche\w*\W+(?:konsequenzen|maßnahmen|sanktionen)|abmahnung|"
                    r"bis\W+hin\W+zur\W+(?:kündigung|entlassung)|kündigung\W+des\W+arbeitsverhältnisses|"
                    r"fristlos\W+entlassen|entlassung\w*|zur\W+rechenschaft\W+gezogen|sanktion\w*)\b|"
                    r"\b(?:werden|wird)\W+(?:\S+\s+){0,3}?entlassen\b",
                    consequence=True,
                ),
                Cue(
                    r"\b(?:beend\w*|kündig\w*|aussetz\w*)\W+(?:\S+\s+){0,4}?(?:geschäftsbeziehung\w*|zusammenarbeit|"
                    r"\w*vertrag\w*|\w*verträge|lieferbeziehung\w*)|\b(?:geschäftsbeziehung\w*|zusammenarbeit|"
                    r"\w*vertrag\w*|\w*verträge|lieferbeziehung\w*|bestellungen|aufträge)\W+(?:\S+\s+){0,12}?"
                    r"(?:beend\w*|gekündigt|kündigen|ausgesetzt|abgebrochen|eingestellt|aufgelöst)",
                    consequence=True,
                ),
                Cue(
                    r"\bmaßnahmenplan\w*|\bkorrekturmaßnahme\w*|\bkorrekturplan\w*",
                    requires=r"nicht\W+einhalt\w*|nicht\W+erfüll\w*|verstoß\w*|verstöß\w*|verletz\w*|mängel\w*|"
                    r"abweichung\w*",
                    consequence=True,
                ),
                # A human-rights officer or compliance team that only checks, trains or reports
                # ("durch unser eigenes Compliance-Team") is not accountability; one that oversees or is
                # responsible is.
                Cue(
                    r"\b(?:menschenrechtsbeauftragte\w*|compliance-?(?:beauftragte\w*|abteilung|officer|team|"
                    r"management\w*))\W+(?:\S+\s+){0,8}?"
                    r"(?:überwach\w*|verantwortlich|zuständig|kontrolliert|ahndet|sanktioniert)",
                    weak=True,
                ),
                Cue(
                    r"\b(?:verantwort\w*|gesamtverantwortung|zuständig\w*|überwach\w*|aufsicht)\W+(?:\S+\s+){0,6}?"
                    r"(?:menschenrecht\w*|sorgfaltspflicht\w*|lksg|nachhaltigkeit|lieferkette\w*|verhaltenskodex|"
                    r"compliance|richtlinie\w*|grundsätze\w*|risikomanagement|risikoanalyse|ergebnisse)|"
                    r"\b(?:ist|sind)\W+für\W+(?:\S+\s+){0,8}?(?:verantwortlich|zuständig)",
                    # "Mitarbeitende mit direkter Verantwortung für das Lieferkettenmanagement" says who
                    # is trained, not who is accountable
                    unless_before=r"(?:mit|haben|tragen)\W+(?:direkter\W+|unmittelbarer\W+|besonderer\W+)?$",
                    weak=True,
                ),
                r"\binterne\w*\W+(?:verantwortlichkeit\w*|kontroll\w*|verfahren|richtlinie\w*)",
                # rules on what follows a failure, named also to say they are missing
                r"\bregelung\w*\W+(?:\S+\s+){0,3}?(?:folgen|konsequenzen|sanktion\w*)\b",
                r"\b(?:regelung\w*|regeln|vorgaben|verfahren|prozess\w*|richtlinie\w*)\W+(?:\S+\s+){0,3}?(?:für\W+den|zum)\W+"
                r"umgang\W+mit\W+(?:\S+\s+){0,3}?(?:verstöße\w*|verstößen|verletzung\w*|beschäftigten|mitarbeite\w*|"
                r"lieferanten)\b",
                Cue(
                    r"\bwie\W+mit\W+(?:\S+\s+){0,4}?"
                    r"(?:verfahren|umgegangen)\W+wird\b|\b(?:folgen|konsequenzen|sanktionen)\W+(?:\S+\s+){0,3}?für\W+"
                    r"(?:\S+\s+){0,4}?die\b",
                    requires=_FAILURE_DE,
                    consequence=True,
                ),
                Cue(
                    r"\bwelche\W+(?:\S+\s+){0,2}?(?:folgen|konsequenzen|sanktionen)\b",
                    requires=_FAILURE_DE,
                    unless_before=r"\w",
                    consequence=True,
                ),
                r"\bverfahren\W+(?:\S+\s+){0,3}?für\W+(?:\S+\s+){0,2}?(?:mitarbeitende\w*|mitarbeiter\w*|"
                r"beschäftigte\w*|einkäufer\w*|führungskräfte)\W+(?:\S+\s+){0,2}?die\b",
                r"\b(?:mitarbeite\w*|beschäftigte\w*|einkäufer\w*|führungskräfte)\W+(?:\S+\s+){0,6}?"
                r"(?:sind|werden)\W+(?:\S+\s+){0,3}?(?:verpflichtet|angehalten)",
                Cue(_CONSEQUENCE_DE, requires=_FAILURE_DE, consequence=True),
                r"\bverfahren\W+(?:\S+\s+){0,3}?(?:für|bei|zu|zum\W+umgang\W+mit)\W+(?:(?!meld)\S+\s+){0,3}?"
                r"(?:verstöße\w*|verstößen|verletzung\w*)",
                Cue(
                    r"\b(?:ohne\W+(?:\w+\W+)?(?:folgen|konsequenzen|sanktionen)|konsequenzen|folgenlos|sanktionslos|"
                    r"ungeahndet)\b",
                    requires=r"verstoß\w*|verstöß\w*|verletz\w*|nicht\W+(?:\S+\s+){0,3}?(?:einhält|einhalten|"
                    r"erfüllt|erfüllen)",
                    consequence=True,
                ),
            ),
        },
        exclusions=(_SANCTIONS_LIST,),
        weak_cues=(r"responsib", r"verantwo", r"oversight", r"toezicht", r"board", r"committee"),
        # a supplier blocked for late deliveries or quality defects is not held to account for slavery
        purpose_checked=True,
    ),
    Criterion(
        id="training",
        title="Training of own staff",
        definition=(
            "The company trains its own employees and managers (in particular those responsible for "
            "purchasing and the supply chain) on human rights, forced labour and trafficking, its code "
            "of conduct or due diligence, or builds their knowledge of these risks (§ 1714.43(c)(5): it "
            '"provides company employees and management, who have direct responsibility for supply '
            'chain management, training on human trafficking and slavery"); training it gives to '
            "suppliers or contractors also counts. Requiring suppliers to train their workers does not, "
            "nor does training on unrelated topics (sales, IT security)."
        ),
        oecd_step="1 embed / 3 prevent and mitigate",
        cues={
            "en": (
                # (not a budget, nor suppliers training "their own workforce")
                Cue(
                    r"\btrain(?:s|ed|ing|ings)?\b",
                    unless_after=r"\W+budgets?\b|\W+(?:their|its)\W+own\W+(?:\w+\W+)?(?:workers|workforce|employees|staff)|"
                    # products ("training gear", "training shoes") and auditors said to be trained
                    r"(?<=training)\W+(?:gear|equipment|apparel|shoes|wear|kits?|balls?|bras?|shorts|mats?|aids?|"
                    r"weights|bikes?)\b|(?<=trained)\W+(?:and\W+\w+\W+)?(?:auditors?|assessors?|interviewers?|"
                    r"investigators?|inspectors?|monitors)\b",
                ),
                # a briefing on the risks themselves (being "briefed on the policy" is not training)
                r"\bbrief(?:ed|ing|ings)\W+(?:\S+\s+){0,8}?(?:risks?|slavery|traffick\w*|forced\W+labou?r|exploitation)\b",
                r"\be-?learning\w*|\bawareness\W+(?:sessions?|programm?e?s?|raising|campaigns?|workshops?|"
                r"courses?)|\bwebinars?\b|\bcoach(?:ed|es|ing)\b|\bclassroom\W+(?:sessions?|training)",
                # a workshop can also be where goods are made ("we visit every workshop we buy from")
                Cue(
                    r"\bworkshops?\b",
                    unless_before=r"\b(?:visit\w*|each|every|supplier'?s?|partner|sewing|small|family)\W+(?:\w+\W+){0,1}$",
                    unless_after=r"\W+(?:owners?|we\W+buy|where|that\W+(?:make|produce))\b",
                    # a workshop that teaches: one held, attended or given on a topic (not "built in our
                    # own workshop", "the cutting workshops we use")
                    requires=r"\bworkshops?\W+(?:\w+\W+){0,3}?(?:on|about|covering|for|with|to)\W|\b(?:attend|held|hold|"
                    r"organi[sz]|ran\b|run\b|runs\b|host|participat|facilitat|gave|give|deliver|join|took\W+part|"
                    r"conduct)\w*\W+(?:\w+\W+){0,4}?workshops?",
                ),
                r"\bsessions?\W+(?:on|about|covering|focused\W+on|dedicated\W+to)\W+(?:\S+\s+){0,6}?(?:slavery|"
                r"traffick\w*|forced\W+labou?r|child\W+labou?r|exploitation|human\W+rights|debt\W+bondage|"
                r"recogni[sz]\w*|spott\w*|indicators|signs)\b",
                Cue(
                    # staff who learn ("if we learn that …" finds out; customers learning is not training)
                    r"\b(?:buyers|staff|employees|managers|teams?|merchandisers|colleagues|personnel)\W+"
                    r"(?:\S+\s+){0,3}?(?:learn|learns|learned|learnt)\b(?!\W+that\b)",
                    requires=r"recogni[sz]|\bspot|\bsigns\b|\brisks?\b|forced|traffick|slavery|exploitation|"
                    r"recruitment\W+fees",
                ),
                r"\b(?:increas|improv|build|deepen|expand)\w*\W+(?:\S+\s+){0,4}?knowledge\b",
                r"\beducat(?:e|es|ed|ing)\W+(?:\S+\s+){0,4}?(?:employees|staff|buyers|managers|teams?|"
                r"suppliers|vendors|personnel)",
                r"\bongoing\W+dialogue\W+(?:\S+\s+){0,8}?(?:mitigat\w*|risks?)",
                r"\b(?:training|e-?learning|online|onboarding|awareness|compliance|induction)\W+(?:course|"
                r"module)s?\b|\b(?:course|module)s?\W+on\b|\binstruct(?:ed|ion)\W+(?:\S+\s+){0,5}?(?:on|about|in)\b",
            ),
            "nl": (
                # (a training budget is money, not training)
                r"\btraining(?:en|s)?\b|\btrainen\b|\bgetraind\b|\bopleiding(?!sbudget)\w*|\bcursus\w*|\be-?learning\w*|"
                r"\bbewustwording\w*|\bworkshops?\b|\b(?:bijgeschoold|bijscholing\w*|scholing\w*|geschoold)\b|"
                r"\b(?:opgeleid|opleiden|leiden\W+(?:wij|we)\W+(?:\S+\s+){0,5}?op)\b|\b(?:kennis|informatie|trainings?|leer|"
                r"voorlichtings)sessie\w*|\bmodules?\W+(?:over|inzake)\b",
                Cue(r"\bmodules?\b", requires=r"\b(?:volg\w*|gevolgd|doorlopen|afronden|afgerond|maken)\b"),
                Cue(
                    r"\b(?:leren|leert|geleerd|inwerk\w*|instructie\w*|voorlichting\w*|sessies?|bijgepraat|bijpraten|"
                    r"briefing\w*|oefen\w*)\b",
                    requires=r"herkennen|signalen|risico|dwangarbeid|mensenhandel|slavernij|uitbuiting|mensenrechten",
                ),
                r"\bkennis\W+(?:\S+\s+){0,6}?(?:vergroten|vergroot|verbeteren|verdiepen)|\b(?:vergroten|vergroot|"
                r"verdiepen)\W+(?:\S+\s+){0,4}?kennis",
            ),
            "de": (
                r"\b(?:\w*(?:pflicht|rechts|compliance|ketten|nachhaltigkeits|sozial|einkaufs|präsenz|online|"
                r"sensibilisierungs))?schulung\w*|\bgeschult\b|\bschulen\b|\bschult\b|\btrainings?\b|\bweiterbildung\w*|\bfortbildung\w*|"
                r"\be-?learning\w*|\bsensibilisier\w*|\bworkshops?\b|\bunterweis\w*|\bunterwiesen\b|"
                r"\b(?:weiter|fort)gebildet\b|\bbilden\W+(?:\S+\s+){0,10}?weiter\b|\bseminar\w*",
                # (a module of an audit is part of the audit)
                Cue(r"\bmodul(?:e|en)?\W+(?:zu|zur|zum|über)\b", requires=r"^(?![\s\S]*audit)"),
                # qualifying staff; qualifying a supplier is its approval
                Cue(
                    r"\bqualifizier\w*",
                    requires=r"mitarbeit\w*|beschäftigte\w*|einkäufer\w*|führungskräfte|personal\b|belegschaft",
                    unless_after=r"\W+(?:\S+\s+){0,2}?(?:\w*lieferant\w*|zuliefer\w*)",
                ),
                Cue(
                    r"\b\w*module?\b",
                    requires=r"\b(?:absolvier\w*|durchlauf\w*|durchlaufen|teilnehm\w*|nehmen|bearbeit\w*)\b",
                ),
                Cue(
                    r"\b(?:lernen|lernt|gelernt|einarbeitung\w*|unterricht\w*|briefing\w*|informationsveranstaltung\w*)\b",
                    requires=r"erkennen|warnsignal\w*|risik|zwangsarbeit|menschenhandel|sklaverei|ausbeutung|"
                    r"menschenrecht\w*",
                ),
                r"\b(?:wissen|kenntnisse|bewusstsein)\W+(?:\S+\s+){0,6}?(?:erweitern|vertiefen|stärken|"
                r"verbessern|schärfen)|\b(?:erweitern|vertiefen|stärken|schärfen)\W+(?:\S+\s+){0,4}?"
                r"(?:wissen|kenntnisse|bewusstsein)",
            ),
        },
        exclusions=(
            r"\btraining\W+(?:centre|center)s?\b|\bapprentic\w*|\bvocational\b|\bberufsausbildung\b|"
            r"\bausbildungspl\w*|\bauszubildende\w*|\bjongeren\b|\bstageplaats\w*|\bleerwerk\w*|"
            r"\bberoepsopleiding\w*",
        ),
        own_practice_only=True,
        suppliers_may_benefit=True,
        purpose_checked=True,
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
        titles_count=True,
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
