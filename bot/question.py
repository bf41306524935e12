"""Understand a French question without an LLM: its type, its head noun, its mission and year.

Shortcuts: chat shorthand and English question words are rewritten first ("nb de rdv",
"how many"); patterns over the words then find the question word and the noun after it; a
head noun that names a kind of answer ("poste", "date", "lieu", "prix") becomes an expected
answer type instead of a word the passage must contain. Misspelt words are corrected against
the corpus vocabulary (one or two edits).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field

import jellyfish
from rapidfuzz.distance import OSA
from rapidfuzz.process import extract

from bot import evidence, french_model, lexicon, preamble
from bot.belief import as_question
from bot.lexicon import stem_in
from bot.position import Position, asked_position
from bot.typed import tidied
from corpus import facts
from corpus.metadata import MONTH_PATTERN, month_number
from index.french import fold, is_stopword, stem, terms, words

KIND_EXPECTS = {"combien": "quantity", "quand": "date", "ou": "place", "qui": "person", "pourquoi": "reason"}
_CAPITALISED = re.compile(r"(?<![.?!]\s)\b[A-ZÀ-Ý][\w\-’']+")
_COMBIEN_DE = re.compile(r"\bcombien\s+(?:de\s|d['’]\s*|d\s)", re.I)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_KINDS = ("combien", "quand", "ou", "qui", "quel", "quelle", "quels", "quelles", "pourquoi", "comment")


@dataclass(frozen=True)
class MissionRef:
    """A mission the corpus holds, as the question analyser needs it."""

    mission: str
    destination: str | None
    year: int | None
    vocabulary: frozenset[str] = frozenset()
    places: tuple[str, ...] = ()  # its country, the country's towns and regions ("Allemagne", "Europe")
    announced: bool = False  # its article announces it: the next edition
    months: frozenset[int] = frozenset()  # the months it was held in ("du 28 février au 4 mars": {2, 3})


@dataclass
class Analysis:
    """What the bot understood of a question."""

    question: str
    kind: str
    expects: str | None
    head: str | None
    focus: list[str]
    noun: str | None = None
    plural: bool = False
    names: list[str] = field(default_factory=list)
    future: bool = False  # about what comes next: the answer must look ahead
    companions: list[str] = field(default_factory=list)  # words of the head's phrase ("chiffre d'affaires")
    unknown_place: str | None = None  # a country or region no mission went to ("la mission au Japon")
    absent_place: str | None = None  # a country or town no article mentions ("la capitale du Canada")
    unknown_edition: str | None = None  # a year no edition of the named mission has ("Silicon Valley 2019")
    verbs: list[str] = field(default_factory=list)  # stems of the question's verbs ("explorer" -> "explor")
    missions: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    stop: list[str] = field(default_factory=list)  # one town of a mission with several, asked about
    elsewhere: list[str] = field(default_factory=list)  # that mission's other towns
    towns: list[list[str]] = field(default_factory=list)  # the towns of the one mission asked about as a whole
    qualifier: str | None = None  # a nationality right after the head: "start-up françaises"
    own_places: list[str] = field(default_factory=list)  # adjectives of the named mission's place ("californien")
    position: Position | None = None  # the rank asked of a thing in the story: "le premier rendez-vous"

    @property
    def where(self) -> dict[str, object] | None:
        """The Chroma metadata filter for the missions and years named, or None."""
        clauses: list[dict[str, object]] = []
        if self.missions:
            clauses.append({"mission": {"$in": self.missions}})
        if self.years:
            clauses.append({"year": {"$in": self.years}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def detect_kind(tokens: Sequence[str]) -> str:
    """The first question word: "Et combien de rendez-vous ?" -> "combien"; "c'était quand ?" -> "quand"."""
    if any(fold(t) == "combien" for t in tokens):
        return "combien"
    for token in tokens:
        folded = fold(token)
        if folded in _KINDS:
            return folded.rstrip("s").replace("quelle", "quel")
    return "autre"


# Who ran the mission, or who advises on it: its contact line is theirs ("le numéro de la conseillère").
_ORGANISER = ("organis", "pilot", "responsabl", "conseill", "referent", "interlocut", "correspondant", "charge")
_BE = frozenset("est sont etait etaient sera seront".split())
# A yes-or-no question with its subject inverted ("La Région a-t-elle subventionné le voyage ?"):
# the noun it opens on is its subject, not the kind of answer asked for.
_INVERTED = re.compile(r"\w-(?:t-)?(?:il|elle|ils|elles|on)\b|\best-ce\s+qu", re.I)


def find_head(tokens: Sequence[str], question: str = "") -> tuple[str | None, set[str]]:
    """The noun asked about, and the adjectives before it: "Quelles grandes entreprises" ->
    ("entrepris", {"grand"}); "Quel est le poste de X" -> ("post", set()); "combien a levé X"
    -> (None, set()) since "combien" takes a noun only through "de".
    """
    folded = [fold(t) for t in tokens]
    for i, token in enumerate(folded):
        if token in ("combien", "quel", "quelle", "quels", "quelles"):
            if token == "combien" and not _COMBIEN_DE.search(question):
                return None, set()
            modifiers: set[str] = set()
            for j in range(i + 1, min(i + 6, len(tokens))):
                if folded[j] in lexicon.PRENOMINAL:
                    modifiers.add(stem(tokens[j]))
                elif folded[j] in lexicon.PRENOMINAL_KEPT:
                    continue
                elif token != "combien" and (folded[j] in facts.NUMBER_WORDS or folded[j].isdigit()):
                    modifiers.add(folded[j])  # "Quelles sont les deux entreprises...": the noun is after it
                elif not is_stopword(folded[j]) and folded[j] not in _BE:
                    # "combien de places sont ouvertes": what is said of the noun is no word to find
                    if token == "combien" and j + 2 < len(tokens) and folded[j + 1] in _BE:
                        if not is_stopword(folded[j + 2]):
                            modifiers.add(stem(tokens[j + 2]))
                    return stem(tokens[j]), modifiers
            return None, set()
    return None, set()


def role_head(tokens: Sequence[str]) -> str | None:
    """The role a "qui" question asks for: "Qui est le président de la CCI ?" -> "president"."""
    folded = [fold(t) for t in tokens]
    return next((stem(tokens[i]) for i, t in enumerate(folded) if t in lexicon.ROLE_NOUNS), None)


def keyword_head(tokens: Sequence[str]) -> str | None:
    """A question without a question word that opens on an answer-type noun: "dates mission berlin" -> "dat"."""
    content = [t for t in tokens if not is_stopword(fold(t))]
    if not content:
        return None
    first = stem(content[0])
    if first == lexicon.TIME_HEAD:  # "temps de train HK-Shenzhen": how long; "temps forts NY": highlights
        return first if len(content) == 1 or not fold(content[1]).startswith("fort") else None
    heads = (*lexicon.type_heads().values(), lexicon.required_money_heads())
    return first if any(first in nouns for nouns in heads) else None


# Answer types whose type nouns only say what is asked ("prix", "numéro", "durée", "date").
TYPE_WORDS_SKIPPED = ("money", "contact", "duration", "date")


def expected_type(kind: str, head: str | None, tokens: Sequence[str]) -> str | None:
    """The answer type: from the head noun when it names one, else from the question word."""
    folded = {fold(t) for t in tokens}
    heads = lexicon.type_heads()
    if kind in ("qui", "quel", "autre", "comment") and folded & lexicon.CONTACT_VERBS:
        return "contact"
    if kind == "qui" and folded & {"contact", "contacts"}:  # "Qui est le contact ?"
        return "contact"
    if kind in ("quel", "autre") and head is None and {stem(t) for t in tokens} & heads["contact"]:
        return "contact"  # "le mail du contact c koi ?"
    if kind == "comment" and folded & lexicon.TRAVEL_VERBS:  # "ils sont allés de NY à Montréal comment ?"
        return "transport"
    if kind == "comment" and _FROM_TO.search(" ".join(tokens)):  # "Comment sont-ils passés de Hong Kong à Shenzhen ?"
        return "transport"
    if kind == "combien":
        if head in heads["duration"] or head == lexicon.TIME_HEAD or head in lexicon.DURATION_UNITS:
            return "duration"
        money_heads = heads["money"] | lexicon.required_money_heads()  # "combien de chiffre d'affaires"
        # "how much...cost"; "combien d'entreprises la Région a-t-elle aidées" counts companies
        priced = folded & lexicon.MONEY_VERBS or (head is None and {stem(t) for t in tokens} & heads["money"])
        priced = priced or (head is None and folded & lexicon.AID_WORDS)  # "la Région donne combien ?"
        return "money" if priced or head in money_heads else "quantity"
    if head in lexicon.required_money_heads():
        return "money"
    if kind == "autre" and head == lexicon.TIME_HEAD:  # "temps de trajet ?" (keyword_head): a duration
        return "duration"
    if head:
        for expects, nouns in heads.items():
            if head in nouns:
                return expects
    if kind == "qui" and folded & {"est", "etait"} and len(tokens) <= 6:
        return "role"
    return KIND_EXPECTS.get(kind)


def _hyphen_places(name: str) -> list[str]:
    for i in (m.start() for m in re.finditer(r"[-–]", name)):
        if facts.place_name(name[:i]) and facts.place_name(name[i + 1 :]):
            return [name[:i].strip(), name[i + 1 :].strip()]
    return [name]


def destination_parts(ref: MissionRef) -> list[set[str]]:
    """Term sets that each name the mission: "Hong Kong / Shenzhen" -> [{hong, kong}, {hk}, {shenzhen}]
    (a name of two words or more also goes by its initials: "NY", "SV").
    """
    name = ref.destination or ref.mission.removeprefix("Mission ")
    parts = re.split(r"\s*(?:/|&|,|\bet\b|\s[-–—]\s)\s*", name)
    # "Hong Kong-Shenzhen": a hyphen between two known places parts them; "Tel-Aviv" stays whole.
    parts = [p for part in parts for p in _hyphen_places(part)]
    out = []
    for part in parts:
        if found := set(terms(part)):
            out.append(found)
        initials = "".join(w[0] for w in words(part) if not is_stopword(w))
        if len(initials) >= 2 and len(words(part)) >= 2:
            out.append({fold(initials)})
    return out


def match_missions(asked: set[str], missions: Sequence[MissionRef]) -> tuple[list[str], set[str]]:
    """Missions whose destination the question's terms name, and the terms that named them; when no
    destination is named, missions whose state is ("en Californie": Silicon Valley, not New York),
    then whose country or region is ("au Québec", "en Asie du Sud-Est").
    """
    for parts_of in (destination_parts, state_parts, place_parts):
        found: list[str] = []
        used: set[str] = set()
        for ref in missions:
            for part in parts_of(ref):
                if part <= asked:
                    if ref.mission not in found:
                        found.append(ref.mission)
                    used |= part
        if found:
            return found, used
    return [], set()


def stops_asked_about(
    tokens: Sequence[str], named: Sequence[str], missions: Sequence[MissionRef], vocabulary: Collection[str] = ()
) -> tuple[set[str], set[str]]:
    """Terms of the one town of a named mission with several ("Mission Hong Kong - Shenzhen") that
    the question asks about rather than names the mission by, and of the mission's other towns:
    "Combien d'habitants compte Hong Kong ?" must not be answered with Shenzhen's figure; "la
    mission Hong Kong", "la mision new york" and "the New York mission" only name the mission.
    """
    mission_words = {stem(w) for w in _NAMES_MISSION}
    folded = [correct(stem(t), vocabulary) if stem(t) not in mission_words else stem(t) for t in tokens]
    token_terms = [{correct(x, vocabulary) for x in terms(t)} for t in tokens]  # "shenzen": Shenzhen
    asked: list[set[str]] = []  # the mission's own towns the question names
    stops: list[set[str]] = []  # other towns of its country it names: "à Canton"
    everywhere: set[str] = set()
    naming = False
    for ref in missions:
        if ref.mission not in named:
            continue
        parts = destination_parts(ref)
        own = [p for p in parts if not _initials(p)]
        # "temps de train HK-Shenzhen": a town's initials ask about it as its name does
        alias = {frozenset(p): parts[i + 1] for i, p in enumerate(parts[:-1]) if _initials(parts[i + 1])}
        country = set(terms(ref.places[0])) if ref.places else set()
        # The country's other towns are stops too: "Mission Israël", "la population de Jérusalem";
        # "Mission Hong Kong – Shenzhen", "combien de rendez-vous à Canton".
        listed = facts.COUNTRIES.get(ref.places[0], ()) if ref.places else ()
        others_of_country = [t for t in (set(terms(p)) for p in listed) if t]
        others_of_country = [
            t for t in others_of_country if not t & country and t not in destination_parts(ref) and not _initials(t)
        ]
        # The state of one of its towns is a stop too: "au Québec" for "Mission New York – Montréal".
        others_of_country += [s for s in state_parts(ref) if s not in others_of_country and s not in own]
        if len(own) < 2:  # one destination: only the country's other towns are stops
            own = []
            everywhere |= country  # "Israël compte 9 millions d'habitants" is not about Tel-Aviv
        for town in own + others_of_country:
            everywhere |= town
            at = [i for i, t in enumerate(token_terms) if t & town]
            if not (at and town <= set().union(*(token_terms[i] for i in at))):
                at = [i for i, t in enumerate(token_terms) if t & alias.get(frozenset(town), set())]
            if not at:
                continue
            around = folded[max(0, at[0] - 3) : at[0]] + folded[at[-1] + 1 : at[-1] + 2]
            bound = at[0] > 0 and fold(tokens[at[0] - 1]) in _BOUND_FOR  # "quitté Toulouse pour New York"
            names_the_mission = bool(set(around) & mission_words) or bound
            if town in own:
                asked.append(town)
                naming = naming or names_the_mission
            elif not names_the_mission:
                stops.append(town)
    # "la mission à Hong Kong et Shenzhen" names the mission by its towns: none of them is asked about.
    chosen = stops + ([] if naming else asked)
    if len(chosen) != 1:
        return set(), set()
    return chosen[0], everywhere - chosen[0]


def towns_of_the_whole(named: Sequence[str], missions: Sequence[MissionRef]) -> list[list[str]]:
    """Term lists of the towns of the one mission named, when it went to several: asked about the
    whole of "Mission New York – Boston", a figure told of New York only is a part of it.
    """
    refs = [ref for ref in missions if ref.mission in named]
    if len(set(named)) != 1 or not refs:
        return []
    towns = [sorted(p) for p in destination_parts(refs[0]) if not _initials(p)]
    return towns if len(towns) >= 2 else []


_SHARE_OF = re.compile(r"\bcombien\s+(?:de|d['’])\s*(?:son|sa|ses|leurs?)\b", re.I)
_ASKS_WHAT = re.compile(r"^\s*(?:et\s+)?(?:que\b|qu['’]|quoi\b)", re.I)
# "Qu'ont fait / visité les participants ?", "Que faisaient-ils ?": what they did, not who they are.
_ASKS_WHAT_DONE = re.compile(
    r"^\s*(?:et\s+)?(?:qu['’]\s*(?:ont|a|avaient|avait)|que\s+(?:font|faisaient|faisait|fait))\b", re.I
)


def apposed_classes(tokens: Sequence[str], names: Collection[str], head: str | None) -> set[str]:
    """Class nouns set before a name ("l'entreprise ruthénoise Lumicap", "la start-up Kidlio"): the
    name says which one, the article need not repeat the class.
    """
    classes = lexicon.type_heads()["entity"]
    out: set[str] = set()
    for i, token in enumerate(tokens):
        term = stem(token)
        if term in classes and term != head and any(set(terms(t)) & set(names) for t in tokens[i + 1 : i + 3]):
            out.add(term)
    return out


_PERSON, _STAFF = stem("personnes"), stem("salariés")
_HOME = frozenset(terms("France"))
_LEFT_OUT = re.compile(
    r"\b(?:sans\s+compter|hors|sauf|except[ée]|[àa]\s+l['’]exception\s+de)\s+"
    r"(?:l['’]|la\s+|le\s+)?[\w-]+(?:\s+[A-Z]?[\w-]+)?",
    re.I,
)
# A count says it; what was counted was set up: "combien de rencontres ont été organisées ?"
_COUNTING = frozenset(
    "compte comptes comptee comptees comptent comptait comptaient compter comptera total totalise totalisait "
    "organise organisee organises organisees "
    "prevu prevue prevus prevues programme programmee programmes programmees planifie planifiee planifies "
    "planifiees".split()
)
_EMPLOYING = ("emploi", "employ", "travaill", "embauch")
_BOUND_FOR = frozenset({"pour", "vers"})  # where the trip went: the mission, not one of its towns
_NAMES_MISSION = lexicon.GENERIC_MISSION_WORDS | {"celle", "celui"}  # "après celle de Hong Kong"


def _initials(part: set[str]) -> bool:
    """An initials part of a destination ("hk", "ny")."""
    return len(part) == 1 and len(next(iter(part))) <= 3


_MISSION_TO = re.compile(
    r"\bmissions?\s+(?:(?:de\s+la\s+cci|cci)\s+)?(?:(?:aux|au|à|a|en|vers|du|de)\s+|d['’]\s*)?"
    r"([^\W\d]+(?:[\s-][^\W\d]+)?)",
    re.I,
)


# A place after a preposition: "au Brésil", "en Chine", "aux États-Unis".
_TO_PLACE = re.compile(r"\b(?:aux|au|à|a|en|vers)\s+([^\W\d]+(?:[\s-][^\W\d]+)?)", re.I)


def unknown_place(question: str, missions: Sequence[MissionRef], future: bool = False) -> str | None:
    """A country, region or town named as a mission's destination that no mission went to:
    "mission japon c'est quand" -> "Japon", "la mission de la CCI à Berlin" -> "Berlin". For a
    question that looks ahead (`future`), a place an article names ("une mission à Montréal est
    prévue en juin") is left to the passages; so is a place after a mere preposition that an article
    names ("un prototype qui prend trois mois en Europe"): it need not be where a mission went.
    """
    if not missions:
        return None
    known = {fold(p) for ref in missions for p in (*ref.places, ref.destination or "")}
    matches = [(m, True) for m in _MISSION_TO.finditer(question)]
    matches += [(m, False) for m in _TO_PLACE.finditer(question)]
    for match, of_mission in matches:
        for name in (match.group(1), match.group(1).split()[0].split("-")[0]):
            place = facts.place_name(name)
            told = (future or not of_mission) and _named_in_articles(place, missions) if place else False
            if place and fold(place) not in known and not told:
                return place
    return None


_OF_PLACE = re.compile(r"\b(?:du|des|de|d['’]|à|a|au|aux|en|vers|dans)\s*([A-ZÀ-Ý][^\W\d]+(?:[\s-][A-ZÀ-Ý][^\W\d]+)?)")


def absent_place(question: str, missions: Sequence[MissionRef]) -> str | None:
    """A country or town the question names that no article mentions nor any mission went to: "la
    capitale du Canada" -> "Canada" (a continent, "les entreprises d'Europe", may be told in other words).
    """
    if not any(ref.vocabulary for ref in missions):
        return None
    known = {fold(p) for ref in missions for p in (*ref.places, ref.destination or "")}
    for match in _OF_PLACE.finditer(question):
        place = facts.place_name(match.group(1))
        if place and fold(place) not in known | _CONTINENTS and not _named_in_articles(place, missions):
            return place
    return None


_CONTINENTS = frozenset("europe asie afrique amerique oceanie".split())


def _known_word(word: str) -> bool:
    """A word the French model knows, or too short for it to tell: a word it has no vector for is a
    name the tagger took for a verb ("cb de salariés chez hydrosol").
    """
    return len(word) < french_model.MIN_LENGTH or french_model.vector(word) is not None


def _named_in_articles(place: str, missions: Sequence[MissionRef]) -> bool:
    wanted = set(terms(place))
    return bool(wanted) and any(wanted <= ref.vocabulary for ref in missions)


def state_parts(ref: MissionRef) -> list[set[str]]:
    """Term sets of the states or provinces holding the mission's destination: "Silicon Valley" -> [{californ}]."""
    own = destination_parts(ref)
    return [
        set(terms(state))
        for state, towns in facts.STATES.items()
        if any(set(terms(town)) in own for town in towns)
    ]


def place_parts(ref: MissionRef) -> list[set[str]]:
    """Term sets of the mission's country, towns and regions."""
    return [t for t in (set(terms(p)) for p in ref.places) if t]


def correct(term: str, vocabulary: Collection[str]) -> str:
    """The corpus term a misspelt one stands for: "entreprenneur" -> "entrepreneur".

    Only unknown terms of 5+ letters are corrected, to the known term with the same first
    letter within one edit, a swap of two letters counting as one ("misison"; two edits from 9
    letters on), the most frequent one when `vocabulary` maps
    terms to frequencies and several are as close; a tie keeps the term as it is.
    """
    if not vocabulary or term in vocabulary or len(term) < 5 or term.isdigit():
        return term
    # A longer or shorter form of a known term is no typo; a short stem that merely starts it is
    # ("entre", from "porte d'entrée", is no form of "entreprenneur").
    if any(lexicon.stems_match(term, known) for known in vocabulary if len(known) >= len(term) - 3):
        return term
    budget = 2 if len(term) >= 9 else 1
    choices = list(vocabulary) if isinstance(vocabulary, Mapping) else vocabulary  # keys, not counts
    hits = extract(term, choices, scorer=OSA.distance, score_cutoff=budget, limit=3)
    close = [h for h in hits if h[0][:1] == term[:1]]
    best = [h for h in close if h[1] == min((c[1] for c in close), default=0)]
    if len(best) > 1 and isinstance(vocabulary, Mapping):
        best.sort(key=lambda h: -vocabulary[h[0]])
        best = best[:1] if vocabulary[best[0][0]] > vocabulary[best[1][0]] else best
    if best:
        return best[0][0] if len(best) == 1 else term
    return _sounding_alike(term, vocabulary)


_sounds: tuple[object, dict[str, list[str]]] = (None, {})  # the vocabulary last indexed, its terms by sound


def _by_sound(vocabulary: Collection[str]) -> dict[str, list[str]]:
    """The vocabulary's terms by their Metaphone code, indexed once per vocabulary (the store's, kept)."""
    global _sounds
    known, index = _sounds  # one read: a refresh elsewhere swaps the pair whole
    if known is not vocabulary:
        index = {}
        for term in vocabulary:
            if len(term) >= 4 and not term.isdigit():
                index.setdefault(jellyfish.metaphone(term), []).append(term)
        _sounds = (vocabulary, index)
    return index


def _sounding_alike(term: str, vocabulary: Collection[str]) -> str:
    """The corpus term that sounds as a name typed by ear does ("vauclin": "vauquelin", "rouket":
    "rouquet", "criteau": "criteo"; Metaphone codes of three sounds at least); `term` when none does.
    """
    code = jellyfish.metaphone(term)
    if len(code) < _SOUNDS_AT_LEAST:
        return term
    # same first letter; the nearest in spelling when several sound alike ("criteau": "criteo", not "court")
    sounding = _by_sound(vocabulary).get(code, ())
    alike = sorted((OSA.distance(term, known), known) for known in sounding if known[0] == term[0])
    if not alike or (len(alike) > 1 and alike[0][0] == alike[1][0]):
        return term
    return alike[0][1]


def missions_named_by(names: Sequence[str], missions: Sequence[MissionRef]) -> tuple[list[str], set[str]]:
    """The one mission whose article holds all of `names` when no other does, and those names."""
    holders = {m.mission for m in missions if m.vocabulary and all(stem_in(n, m.vocabulary) for n in names)}
    if len(holders) != 1:
        return [], set()
    return sorted(holders), set(names)


_PLACE_NAME = re.compile(r"\b(?:à|a|en|au|aux|vers|dans|de|d['’])\s+((?:[A-ZÀ-Ý][\w\-’']+\s?)+)")


def place_names(question: str) -> list[str]:
    """Capitalised names after a place preposition: "la mission à Tel-Aviv" -> ["Tel-Aviv"]."""
    return [m.group(1).strip() for m in _PLACE_NAME.finditer(question)]


def proper_nouns(question: str) -> list[str]:
    """Capitalised words past the first one: "Qui est Luc Julia ?" -> ["Luc", "Julia"]."""
    return [m.group() for m in _CAPITALISED.finditer(question) if m.start() > 0]


def _elliptic_ordinal(tokens: Sequence[str], i: int) -> bool:
    """"la deuxième" with no noun after it: the last word, or one before a function word."""
    if fold(tokens[i]) not in lexicon.ORDINALS or i == 0 or fold(tokens[i - 1]) not in ("la", "le", "l"):
        return False
    return i + 1 == len(tokens) or (is_stopword(fold(tokens[i + 1])) and fold(tokens[i + 1]) not in ("de", "des", "du"))


def pick_edition(tokens: Sequence[str], named: list[str], missions: Sequence[MissionRef]) -> list[int]:
    """The years of the editions the question names by rank: "la première mission Silicon Valley" -> [2017]."""
    names = _destination_terms(named, missions)
    editions = sorted({m.year for m in missions if m.mission in named and m.year})
    if len(editions) < 2:
        return []
    ranks = [
        lexicon.ORDINALS[fold(t)]
        for i, t in enumerate(tokens)
        if fold(t) in lexicon.ORDINALS and _names_a_mission(tokens[max(0, i - 3) : i + 3], names)
    ]
    if ranks:  # "la première édition, sept ans avant la deuxième": the noun left out is the edition's
        ranks += [lexicon.ORDINALS[fold(t)] for i, t in enumerate(tokens) if _elliptic_ordinal(tokens, i)]
    # "la deuxième édition", two missions named ("aux États-Unis"): the second of the one that has two
    # ("la première", "la dernière" count all of them)
    own = [sorted({m.year for m in missions if m.mission == n and m.year}) for n in named]
    picked = set()
    for r in ranks:
        nth = {years[r] for years in own if 0 < r < len(years)}
        picked |= nth or ({editions[r]} if -len(editions) <= r < len(editions) else set())
    return sorted(picked)


def _full_name_at(tokens: Sequence[str], head: str, names: Collection[str]) -> bool:
    """`head` is the first name of a person the question names: "Sandrine Aubéry"."""
    at = next((i for i, t in enumerate(tokens) if stem(t) == head), None)
    return at is not None and at + 1 < len(tokens) and any(t in names for t in terms(tokens[at + 1]))


_MONTH_OF_MISSION = re.compile(
    rf"\b{lexicon.MISSION_NOUNS}\s+(?:de|d['’]|du\s+mois\s+(?:de|d['’])|en)\s*({MONTH_PATTERN})\b"
    rf"|\b({MONTH_PATTERN})(?:\s+(?:19|20)\d{{2}})?\s+{lexicon.MISSION_NOUNS}",
    re.I,
)


def _month_of_mission(text: str) -> tuple[int, str] | None:
    """The month a mission is named by, and its word: "la mission de mars" -> (3, "mars")."""
    found = _MONTH_OF_MISSION.search(text)
    if not found:
        return None
    word = found.group(1) or found.group(2)
    return month_number(word), word


def _only_one_with_edition(tokens: Sequence[str], missions: Sequence[MissionRef]) -> list[str]:
    """The mission a later edition names alone, when only one mission had that many editions:
    "la deuxième édition" -> ["Mission Silicon Valley"] (a first or last edition names none).
    """
    for i, token in enumerate(tokens):
        rank = lexicon.ORDINALS.get(fold(token))
        if rank is not None and rank >= 1 and any(fold(t).startswith("edition") for t in tokens[i + 1 : i + 3]):
            editions: dict[str, set[int]] = {}
            for ref in missions:
                editions.setdefault(ref.mission, set()).add(ref.year or 0)
            had = [m for m, years in editions.items() if len(years) > rank]
            return had if len(had) == 1 else []
    return []


def _first_or_latest(tokens: Sequence[str], missions: Sequence[MissionRef]) -> MissionRef | None:
    """The earliest or the latest mission held, when the question names a mission by that rank alone:
    "la mission la plus récente", "le premier voyage" (not "la deuxième édition": of which mission?).
    """
    held = sorted((m for m in missions if m.year and not m.announced), key=lambda m: m.year or 0)
    for i, token in enumerate(tokens):
        rank = lexicon.ORDINALS.get(fold(token))
        around = {fold(t) for t in tokens[max(0, i - 3) : i + 3]}
        edition = any(w.startswith("edition") for w in around)  # "la première édition": of which mission?
        if held and rank in (0, -1) and around & lexicon.GENERIC_MISSION_WORDS and not edition:
            edge = held[rank]
            return edge if sum(m.year == edge.year for m in held) == 1 else None
    return None


def edition_years(tokens: Sequence[str], named: list[str], missions: Sequence[MissionRef]) -> list[int]:
    """Years written right after a mission word or the destination: "la mission SV de 2019" -> [2019]."""
    names = _destination_terms(named, missions)
    return [
        int(t)
        for i, t in enumerate(tokens)
        if _YEAR.fullmatch(t) and _names_a_mission(tokens[max(0, i - 3) : i], names)
        and not {fold(w) for w in tokens[max(0, i - 3) : i]} & _PLANNED  # "la mission NY prévue en 2020"
        and not (i and fold(tokens[i - 1]) in _WHEN_LINKS)  # "Qu'envisagent-ils pour 2024 ?": a plan's year
    ]


_BEFORE_WHOM = re.compile(r"^\s*(?:et\s+)?(devant|aupr[èe]s\s+de|face\s+[àa])\s+qui\b", re.I)
_FROM_TO = re.compile(r"\b(?:pass\w*|rendu\w*|rejoint\w*)\s+(?:de|d|depuis)\s+\w[\w\s-]{0,30}?\s+[àa]\s+\w")
_RUNS_THE_CCI = re.compile(r"\b(?:dirig|pr[ée]sid|g[ée]r)\w*\s+(?:la\s+|l['’]\s*)?cci\b", re.I)
_DAY_N = re.compile(r"\bjour\s+\d\b", re.I)
_PLANNED = frozenset("prevue prevu prevues programmee initialement reportee decalee repoussee".split())
_PLANNED_FOR = frozenset("prevu prevue prevus prevues".split())
_AFTER = frozenset("apres suite ensuite retour".split())
# The unit of a price: "par personne", "demandée à chaque entreprise", "aux participants"
_EDITION_YEAR = re.compile(rf"\b{lexicon.MISSION_NOUNS}[^,.?]{{0,25}}?\b(?:19|20)\d{{2}}\b", re.I)
_PER_HEAD = re.compile(
    r"\b(?:par|[àa]\s+chaque|pour\s+chaque|chaque|aux)\s+(personne|participant|entreprise|soci[ée]t[ée]|t[êe]te|inscrit)s?\b"
    r"|\b(demand[ée]e?s?|r[ée]clam[ée]e?s?)\b",
    re.I,
)
# "Le visa était-il inclus dans le prix ?": the price frames the inclusion, the visa is what is asked
_IN_THE_PRICE = re.compile(
    r"\b(?:compris|inclus)e?s?\s+(?:dans|avec)\s+(?:(?:le|la)\s+|l['’]\s*)(prix|tarif|co[uû]t|forfait|montant|package)\b",
    re.I,
)
# "Hormis Berkeley, quelle université…", "à part Carmel Tech", "en dehors des vols", "contrairement à Hong Kong":
# what is set aside is no word to find (the answer may well name it beside the one asked for).
_EXCLUDED = re.compile(
    r"\b(?:hormis|[àa]\s+part|sans\s+compter|en\s+dehors\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)|"
    r"except[ée]e?s?|sauf|autres?\s+que|contrairement\s+(?:[àa]\s+la\s+|[àa]\s+l['’]\s*|au\s+|aux\s+|[àa]\s+))"
    r"\s*[^,?;.]{1,60}",
    re.I,
)
_WAS = frozenset("etait etaient avait avaient".split())
_ANOTHER = frozenset("autre autres nouvelle nouvelles nouveau nouvel troisieme quatrieme suivante".split())
_WHEN_LINKS = frozenset("pour ici courant des avant apres fin debut vers horizon".split())


def _destination_terms(named: list[str], missions: Sequence[MissionRef]) -> set[str]:
    """Terms that name the named missions' destinations: {"silicon", "valley", "sv"}."""
    return {t for ref in missions if ref.mission in named for part in destination_parts(ref) for t in part}


def _names_a_mission(around: Sequence[str], names: set[str]) -> bool:
    """The words around an ordinal or a year say it counts missions ("la 2e édition", "la mission
    SV la plus récente", "la mission SV de 2019"), not something else ("son 1er client").
    """
    return any(fold(t) in lexicon.GENERIC_MISSION_WORDS or set(terms(t)) & names for t in around)


def question_terms(question: str, vocabulary: Collection[str] = ()) -> list[str]:
    """Index terms of the question, English filler dropped, misspellings corrected."""
    kept = " ".join(w for w in words(question) if fold(w) not in lexicon.ENGLISH_STOPWORDS)
    out = []
    for word in words(kept):
        for t in terms(word):
            out.append(correct_word(word, t, vocabulary))
    return out


def correct_word(word: str, term: str, vocabulary: Collection[str]) -> str:
    """`term` (of `word`) corrected to a corpus term, as correct() does, unless `word` is a real French
    word ("ouvriers" is no misspelling of "ouvrirons"). A common typo the French model knows as the
    very word it misspells ("particpants" for "participants") is corrected all the same.
    """
    whole = fold(word)
    if whole != term and term not in vocabulary and whole in vocabulary:
        return whole  # "ines" typed for "Inès", a name the articles index whole, not stemmed
    fixed = correct(term, vocabulary)
    if fixed == term or french_model.vector(word) is None:
        return fixed
    spelt = fixed + fold(word)[len(term) :] if fold(word).startswith(term) else ""
    return fixed if spelt and french_model.same_word(word, spelt) else term


_GLUED = re.compile(r"\b([dlDL])([aeiouyéèêâîôhAEIOUYÉÈÊH][^\W\d_]{3,})")


def unglue(text: str, vocabulary: Collection[str]) -> str:
    """An elision typed without its apostrophe: "combien dentreprenneurs" -> "combien d'entreprenneurs",
    when the word is unknown to the articles and what follows the "d" or "l" is (or is a typo of) a known word.
    """
    if not vocabulary:
        return text

    def split(match: re.Match[str]) -> str:
        whole, rest = stem(match.group()), stem(match.group(2))
        if fold(match.group()) in lexicon.LIGHT_WORDS:  # "déroulée" is no "d'éroulée"
            return match.group()
        if whole in vocabulary or correct(whole, vocabulary) != whole:
            return match.group()
        # A typo of a known word after the "d" is no elision in a word the French model knows ("destination")
        known = rest in vocabulary or (correct(rest, vocabulary) != rest and not _known_word(match.group().lower()))
        return f"{match.group(1)}'{match.group(2)}" if known else match.group()

    return _GLUED.sub(split, text)


# ", et dans quel délai ?", ", et combien ?", ", et le transport aérien y était-il compris ?": a second question
_AND_THEN = re.compile(r",\s*(?:et|mais)\s+(?=[^,]*(?:\?|$))", re.I)
_WH_PHRASE = re.compile(
    r"^(?:et\s+)?(?:c(?:['’]\s*est|\s+est)?\s+)?(?:(?:à|a|de|d['’]|en|dans|pour|sur|avec|par|chez|depuis|jusqu['’]\s*à)\s+)?"
    r"(?:(?:quel|quelle|quels|quelles)\s+[\w’'-]+|combien|qui|quand|où|comment|pourquoi)\s*\??\s*$",
    re.I,
)
_THEN_ASKED = re.compile(r"\?\s+(?=\S[^?]*\?$)")
_YES_NO_OPENING = re.compile(r"^\s*est[- ]ce\s+qu(?:e\s+|['’]\s*)", re.I)


def main_question(text: str) -> str:
    """The one question a question that asks two holds: the first, when it asks "which", "how many"...
    ("À quel montant…, et le transport était-il compris ?"); a yes-or-no first part asked with the
    second's question word when that is all the second part is ("Le prototype a-t-il été évoqué, et
    dans quel délai ?" -> "dans quel délai le prototype a-t-il été évoqué ?").
    """
    # "Qui est Claire Dufresnoy ? Elle a quelle compagnie ?", "y a t il une réunion ? c qd ?": two asked in a row
    cut = next(_AND_THEN.finditer(text), None) or next(_THEN_ASKED.finditer(text.rstrip()), None)
    if cut is None or len(words(text[: cut.start()])) < 3:
        return text
    first, second = text[: cut.start()].strip().rstrip(" ?"), text[cut.end() :].strip()
    if detect_kind(words(lexicon.rewrite(first))) != "autre" or _ASKS_WHAT.match(first):
        return first + " ?"
    if _WH_PHRASE.match(lexicon.rewrite(second)):
        second = lexicon.rewrite(second)
        second = re.sub(r"^(?:et\s+)?(?:c(?:['’]\s*est|\s+est)?\s+)", "", second, flags=re.I)
        first = _YES_NO_OPENING.sub("", first)
        opening = words(first)[:1]
        if opening and is_stopword(fold(opening[0])):  # "La réalisation…" is no name once inside
            first = first[:1].lower() + first[1:]
        return f"{second.rstrip(' ?')} {first} ?"
    return text


def analyse(
    question: str,
    missions: Sequence[MissionRef] = (),
    vocabulary: Collection[str] = (),
    proper: Collection[str] = (),
) -> Analysis:
    """Everything the retriever and the answerer need to know about `question`; `proper` are the
    terms the articles only write capitalised ("brooklan"), names even when typed in lower case.
    What the asker says of himself is set aside (`bot.preamble`): its words are none to find, but
    the mission it names is the one asked about when the question itself names none. A belief to
    check is read as the question it checks (`bot.belief`): its value, maybe wrong, is not looked for.
    What chat typing adds (emojis, "#NewYork", "???", capitals) is tidied away first (`bot.typed`).
    """
    asked, about_asker = preamble.split(as_question(tidied(question)))
    analysis = _analyse(main_question(asked), missions, vocabulary, proper)
    if about_asker and not (analysis.missions or analysis.years):
        told = _analyse(about_asker, missions, vocabulary, proper)
        analysis.missions, analysis.years = told.missions, told.years
    return analysis


def _analyse(
    question: str, missions: Sequence[MissionRef], vocabulary: Collection[str], proper: Collection[str]
) -> Analysis:
    text = unglue(lexicon.rewrite(question), vocabulary)
    tokens = words(text)
    kind = detect_kind(tokens)
    if kind in ("qui", "ou") and _ASKS_WHAT.match(text):
        kind = "autre"  # "Que fabrique l'entreprise qui faisait partie du voyage ?": "qui" is a relative
    head, modifiers = find_head(tokens, text)
    if kind == "qui" and head is None:
        head = role_head(tokens)  # "Qui est le président de X ?": the answer must name a president
    if kind == "autre" and head is None and not _INVERTED.search(text):
        head = keyword_head(tokens)  # "dates mission berlin", "budget berlin ?": the noun names the answer
    if head:
        head = next((correct_word(t, head, vocabulary) for t in tokens if stem(t) == head), correct(head, vocabulary))
    if head == _PERSON and any(fold(t).startswith(_EMPLOYING) for t in tokens):
        head = _STAFF  # "Combien de personnes emploie X ?": its staff ("une ETI de 240 salariés")
    expects = expected_type(kind, head, tokens)
    before_whom = _BEFORE_WHOM.match(text)
    if kind == "qui" and before_whom and expects == "person":
        expects = None  # "Devant qui ont-ils pitché ?": "un jury de cinq investisseurs" names no one
    if kind == "combien" and _SHARE_OF.search(text):
        expects = "quantity"  # "dépense combien de son PIB ?": a share of it ("5,6 % de son PIB"), not a price
    if kind == "autre" and _ASKS_WHAT_DONE.match(text):
        head = expects = None  # "Qu'ont fait les participants le jour 4 ?": what they did, not who they are
    role_verbs = {stem(t) for t in tokens if fold(t) in lexicon.ROLE_VERBS}
    if kind == "qui" and role_verbs:
        expects = "role"  # "Qui dirige X ?": a person with a role
        head = head or min(role_verbs)  # the verb, kept as the word a sentence should echo ("pilotée")
    folded = {fold(t) for t in tokens}
    if kind == "ou" and folded & lexicon.WORK_VERBS:
        expects = "role"  # "Où travaille X ?": X's post ("vice-présidente de l'institut")
    # "koi de prévu le jeudi ?": a day of the programme, no plan ahead
    programme_day = evidence.names_weekday(text) or bool(_DAY_N.search(text))
    future = bool(folded & lexicon.FUTURE_WORDS) and not programme_day
    if expects == "money" and folded & lexicon.FUTURE_WORDS <= _PLANNED_FOR:
        future = False  # "quelle aide est prévue ?": what is provided, no plan ahead
    # "Est-ce qu'un interprète était prévu ?": what the mission provided, no plan ahead (unless another one)
    planned_then = bool(folded & _PLANNED_FOR) and folded & lexicon.FUTURE_WORDS <= _PLANNED_FOR
    planned_then = planned_then and bool(folded & _WAS) and not folded & _ANOTHER
    future = future and not planned_then
    all_terms = question_terms(text, vocabulary)
    named, used = match_missions(set(all_terms), missions)
    named = named or _only_one_with_edition(tokens, missions)  # "la deuxième édition": the one mission that had two
    # "la mission Hong Kong en Chine": the country of a named mission is no word to find either.
    used |= {t for ref in missions if ref.mission in named for part in place_parts(ref) for t in part} & set(all_terms)
    # "l'incubateur californien" of the mission in California: its passages hold it as their title does.
    own_places = [t for t in all_terms if lexicon.demonym_places(t) & used]
    known_years = {m.year for m in missions}
    years = sorted({int(m.group()) for m in _YEAR.finditer(text)} & known_years)
    if not named and not years and (edge := _first_or_latest(tokens, missions)) is not None:
        named, years = [edge.mission], [edge.year]  # "la mission la plus récente": the latest of all
    if not named and (month := _month_of_mission(text)):  # "la mission de mars": the one held in March
        held = [m for m in missions if month[0] in m.months and (not years or m.year in years)]
        if held:
            named, years = sorted({m.mission for m in held}), years or sorted({m.year for m in held if m.year})
            used |= set(terms(month[1]))
    skip = (used | {str(y) for y in years} | {"mission"} if named or years else used) | modifiers
    type_head = expects and head in lexicon.type_heads().get(expects, frozenset()) - lexicon.narrow_classes()
    if type_head and (kind != "combien" or expects in ("money", "duration")):
        skip = skip | {head} | lexicon.companions()
    elif head in lexicon.required_money_heads():
        skip = skip | lexicon.companions()
    if expects in TYPE_WORDS_SKIPPED:  # "What phone number...": "numéro" is no word to find either
        durations = {lexicon.TIME_HEAD, *lexicon.DURATION_UNITS} if expects == "duration" else set()
        type_words = lexicon.type_heads()[expects] | durations
        skip = skip | (set(all_terms) & type_words)
    if expects == "contact":  # "Comment joindre l'organisateur ?": the contact an article gives is the organiser's
        skip = skip | {stem(w) for w in tokens if fold(w) in lexicon.CONTACT_VERBS or fold(w).startswith(_ORGANISER)}
    light = lexicon.LIGHT_WORDS | (lexicon.REASON_LIGHT_WORDS if kind == "pourquoi" else set())
    light = light | (_COUNTING if kind == "combien" else set())  # "Combien de rendez-vous comptait-elle ?"
    light = light | (lexicon.WORK_VERBS if expects == "role" else set())
    light = light | (lexicon.PLACE_VERBS if expects == "place" else set())
    light = light | (lexicon.DURATION_VERBS if expects == "duration" else set())
    light = light | (_PLANNED_FOR if programme_day or planned_then else set())  # "prévu le jeudi": what the day held
    if future:
        light = light | lexicon.FUTURE_WORDS | lexicon.FUTURE_COMPANIONS | lexicon.GENERIC_MISSION_WORDS
    lights = [w for w in tokens if fold(w) in light]  # as the question's terms are, corrected ("passe": "pass")
    skip = skip | {stem(w) for w in lights} | {correct_word(w, stem(w), vocabulary) for w in lights}
    if expects == "money":  # "Combien coûtait la mission par personne ?": the price's unit, no word to find
        skip = skip | {stem(m.group(1) or m.group(2)) for m in _PER_HEAD.finditer(text)}
    skip = skip | {stem(m.group(1)) for m in _IN_THE_PRICE.finditer(text)}
    skip = skip | {t for m in _EXCLUDED.finditer(question) for w in words(m.group()) for t in terms(w)}
    if before_whom:
        skip = skip | {t for w in words(before_whom.group(1)) for t in terms(w)}  # "devant" is no word to find
    if expects == "role":
        skip = skip | role_verbs
    names = [correct(t, vocabulary) for w in proper_nouns(question) for t in terms(w)]
    names += [t for t in all_terms if t in proper]
    # "l'écart d'heures avec la France": home, where every mission comes from, need not be named there
    names = [t for t in dict.fromkeys(names) if t in all_terms and t not in skip and t not in _HOME]
    if kind != "combien" and head in names and _full_name_at(tokens, head, names):
        head = None  # "What did Sandrine Aubéry sign?" ("quel Sandrine Aubéry..."): a person is no noun asked about
    if not named and years and names and not _EDITION_YEAR.search(text):
        # "Combien Cortexa AI a-t-elle levé en 2023 ?": told only in another year's article, the
        # year is the fact's, not the edition's (unless a mission is said of it: "la 1re mission en 2017").
        holders = [m for m in missions if m.vocabulary and all(stem_in(n, m.vocabulary) for n in names)]
        # (unless the year is another edition of the same mission's, and the question is about its
        # participants: "en 2024, Luc Julia a présenté quoi aux participants ?"; not "l'IA n'était
        # encore qu'une promesse en 2017", told in the 2024 article)
        editions = {m.year for m in missions for h in holders if m.mission == h.mission}
        of_the_trip = folded & lexicon.MISSION_PEOPLE_WORDS
        if holders and not (of_the_trip and set(years) & editions) and not any(m.year in years for m in holders):
            years = []
    places = [t for w in place_names(question) for t in terms(w)]
    if not named and places:
        # Places found in one mission's article only ("à Tel-Aviv") name that mission.
        in_years = [m for m in missions if not years or m.year in years]
        named, identifying = missions_named_by(places, in_years)
        if not named and years:  # "investi à San Francisco en 2022": the year of a fact, not of an edition
            named, identifying = missions_named_by(places, missions)
        # The mission's own country and towns say which mission, nothing more; a stop of the trip
        # no list of the country's towns holds ("à Eilat") is also what the question is about: it stays a word to find.
        own = {t for ref in missions if ref.mission in named for part in place_parts(ref) for t in part}
        identifying = {t for t in identifying if stem_in(t, own)}
        skip = skip | identifying
        names = [n for n in names if n not in identifying]
    if named or years:
        skip = skip | {stem(w) for w in lexicon.GENERIC_MISSION_WORDS}
        # "Quel jour les participants sont-ils allés à X ?": the mission's people, unless counted.
        skip = skip | ({stem(w) for w in lexicon.MISSION_PEOPLE_WORDS} - {head})
        if expects == "role" and _RUNS_THE_CCI.search(text):
            skip = skip - {"cci"}  # "Qui dirigeait la CCI Occitanie ?": its head, not the mission's organiser
    # "à Hong Kong même, sans compter Shenzhen": the town left out is not asked about
    counted = words(_LEFT_OUT.sub(" ", text))
    stop, elsewhere = stops_asked_about(counted, named, missions, vocabulary)
    towns = [] if stop else towns_of_the_whole(named, missions)
    names = [n for n in names if n not in skip]  # "CCI Occitanie" once a mission is named
    skip = skip | apposed_classes(tokens, names, head)
    focus = [t for t in dict.fromkeys(all_terms) if t not in skip]
    unknown_edition = None
    if named:
        editions = {m.year for m in missions if m.mission in named}
        # "reportée en 2020": a year that no edition of the named mission has is about something else...
        years = [y for y in years if y in editions]
        # ...unless it names the edition: "la mission Silicon Valley de 2019".
        asked = [y for y in edition_years(tokens, named, missions) if y not in editions]
        unknown_edition = f"{named[0]} {asked[0]}" if asked else None
    other_edition: list[str] = []
    if named:
        ranked = pick_edition(tokens, named, missions)
        if ranked and len({*years, *ranked}) > 1:
            # "ceux de la première édition revenus pour la deuxième": only the later article tells of
            # both, and there the earlier edition is a word to find ("dont 3 de la première édition").
            later = max({*years, *ranked})
            other_edition = [str(y) for y in years if y != later]
            other_edition += [stem(t) for t in tokens if lexicon.ORDINALS.get(fold(t)) is not None
                              and pick_edition([t, "edition"], named, missions) != [later]]
            years = [later]
        else:
            years = years or ranked
    ordinal = any(fold(t) in lexicon.ORDINALS for t in tokens)  # "la troisième édition": not the one announced
    if named and not years and future and not ordinal:  # "la prochaine mission Silicon Valley": the one announced
        years = sorted({m.year for m in missions if m.mission in named and m.announced and m.year})
    if named and years:  # an ordinal naming the edition ("la 1re mission SV en 2017") is no word to find
        destination = _destination_terms(named, missions)
        edition_words = {
            stem(t) for i, t in enumerate(tokens)
            if fold(t) in lexicon.ORDINALS and _names_a_mission(tokens[max(0, i - 3) : i + 3], destination)
        } | {"edit"}  # fmt: skip
        focus = [t for t in focus if t not in edition_words or t in other_edition]
        focus += [t for t in other_edition if t not in focus]
    # "l'aide prévue pour la deuxième édition": what that edition planned, not what comes after it
    if future and years and folded & lexicon.FUTURE_WORDS <= _PLANNED_FOR and not folded & _AFTER:
        future = False
    participles = {stem(t) for t in tokens if fold(t) in lexicon.PARTICIPLES}  # "centrée sur": a verb
    return Analysis(
        question=question,
        kind=kind,
        expects=expects,
        head=head if head and head not in skip else None,
        noun=head,
        plural=any(fold(t) in ("quels", "quelles") for t in tokens[:6]),
        focus=focus,
        names=names,
        future=future,
        companions=[t for t in all_terms if t in lexicon.companions()],
        unknown_place=None if named else unknown_place(text, missions, future),
        absent_place=absent_place(text, missions),
        unknown_edition=unknown_edition,
        # a word the French model has no vector for is a name the tagger took for a verb ("chez hydrosol")
        verbs=sorted({stem(w) for w in french_model.verbs(text) if _known_word(w)} | participles),
        missions=named,
        years=years,
        terms=all_terms,
        stop=sorted(stop),
        elsewhere=sorted(elsewhere),
        towns=towns,
        own_places=own_places,
        qualifier=_nationality_after(tokens, head),
        position=_position(text, kind, expects, missions, vocabulary),
    )


# Who did something to the group itself: "qui accompagnait la délégation ?", "qui a reçu les participants ?"
_DONE_TO_THE_GROUP = re.compile(
    r"\bqui\s+(?:a\s+|avait\s+|ont\s+)?([a-zéèêàç]+)\s+(?:la|le|les|l['’])\s*(d[ée]l[ée]gation|groupe|participants)\b",
    re.I,
)


def done_to_the_group(question: str) -> tuple[str, str] | None:
    """The verb and the group it is done to, stemmed: "qui accompagnait la délégation ?" -> ("accompagn", "deleg")."""
    found = _DONE_TO_THE_GROUP.search(question)
    return (stem(found[1]), stem(found[2])) if found else None


_SOUNDS_AT_LEAST = 3
_EDITION_NOUNS = ("mission", "edition", "voyage", "delegation")


def _position(
    text: str, kind: str, expects: str | None, missions: Sequence[MissionRef], vocabulary: Collection[str]
) -> Position | None:
    """The rank asked of a thing of the story ("le premier rendez-vous"), when the thing is the answer:
    not for a reason ("Pourquoi la première étape…": the rank only points to a town), nor for a figure
    ranked in time ("sa dernière levée de fonds", `evidence.rank_asked`'s).
    """
    if kind in ("pourquoi", "comment"):
        return None
    position = asked_position(_EXCLUDED.sub(" ", text), _edition_word(missions, vocabulary))
    if position is not None and position.rank != "largest" and expects in ("money", "quantity"):
        return None
    return position


def _edition_word(missions: Sequence[MissionRef], vocabulary: Collection[str]) -> Callable[[str], bool]:
    """Whether a word after a rank names a mission ("la 1ere mision", "the first Silicon Valley
    mission"): the rank is then an edition's, not a thing's of its story.
    """
    parts = [part for ref in missions for part in destination_parts(ref) + place_parts(ref)]
    destinations = {t for part in parts for t in part}  # "the first California mission"
    generic = {stem(w) for w in lexicon.GENERIC_MISSION_WORDS}

    def names_edition(word: str) -> bool:
        found = {correct_word(word, t, vocabulary) for t in terms(word)}
        if fold(word) in lexicon.GENERIC_MISSION_WORDS or found & (generic | destinations):
            return True
        return len(word) >= 5 and any(OSA.distance(fold(word), g) <= 1 for g in _EDITION_NOUNS)  # "mision"

    return names_edition


def _nationality_after(tokens: Sequence[str], head: str | None) -> str | None:
    """The nationality that narrows the head noun: "Combien de start-up françaises..." -> "francais"."""
    for i, token in enumerate(tokens):
        after = [t for t in tokens[i + 1 : i + 3] if fold(t) not in ("up", "ups")][:1]  # "start-up"
        if head and stem(token) == head and after and lexicon.is_nationality(fold(after[0])):
            return stem(after[0])
    return None
