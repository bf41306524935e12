"""Understand a French question without an LLM: its type, its head noun, its mission and year.

Shortcuts: patterns over the first words ("combien de X", "quel est le X", "qui", "quand"...);
a head noun that names a kind of answer ("poste", "date", "lieu", "prix") becomes an expected
answer type instead of a word the passage must contain.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from index.french import fold, is_stopword, stem, terms, words

# Head nouns that name the kind of answer wanted, by expected answer type (folded stems).
TYPE_HEADS = {
    "role": {"post", "rol", "fonction", "titr", "meti", "professon", "profess", "statut"},
    "date": {"date", "jour", "period", "anne", "mois", "moment", "dur"},
    "place": {"lieu", "vill", "pay", "endroit", "destin", "region", "adress"},
    "quantity": {"nombr", "quantit", "part", "pourcentag", "proport", "taux", "effect"},
    # Class nouns: the answer is a name ("Quelles entreprises..." -> "Uber et PayPal").
    "entity": {
        "entrepris", "societ", "start", "startup", "group", "firm", "organ", "personn", "intervenant",
        "univers", "ecol", "fond", "acteur", "partenair", "marqu", "structur", "cabinet",
        "investisseur", "entrepreneur", "dirig", "invit", "particip", "expert", "interlocuteur",
    },
    "money": {"prix", "cout", "tarif", "montant", "budget", "salair", "remuner", "chiffr", "valeur"},
}
# Words around the head that belong to it: "chiffre d'affaires" is one head.
HEAD_COMPANIONS = {"affair"}
KIND_EXPECTS = {"combien": "quantity", "quand": "date", "ou": "place", "qui": "person"}
# Adjectives that come before the noun in French: "les grandes entreprises" -> "entreprises".
PRENOMINAL = {"grand", "grande", "grandes", "grands", "petit", "petite", "petites", "petits",
              "principal", "principale", "principales", "principaux", "premier", "premiere",
              "premieres", "premiers", "dernier", "derniere", "nouveau", "nouvelle", "nouvelles",
              "nouveaux", "meilleur", "meilleure", "meilleurs", "meilleures", "gros", "differents",
              "differentes", "autres", "autre", "plus", "moins"}  # fmt: skip
# Verbs that carry no content of their own in a question: "Où sont-ils allés ?", "Quand s'est
# déroulée la mission ?". Dropped from the focus words (folded forms).
LIGHT_VERBS = {"alle", "allee", "alles", "allees", "aller", "va", "vont", "allait", "allaient",
               "deroule", "deroulee", "derouler", "deroulait", "tenu", "tenue", "tenir", "tient",
               "passe", "passee", "passes", "passees", "rendu", "rendus", "rendue", "rendues",
               "trouve", "trouvait", "situe", "situee", "agit", "agissait", "parle", "parler"}  # fmt: skip
MONEY_VERBS = {"coute", "coutait", "coutent", "coutaient", "couter", "paye", "paie", "payer", "leve",
               "levee", "leves", "lever", "investi", "investir", "rapporte", "gagne", "facture"}  # fmt: skip
ORDINALS = {"premier": 0, "premiere": 0, "1re": 0, "1er": 0, "deuxieme": 1, "seconde": 1, "second": 1,
            "2e": 1, "troisieme": 2, "3e": 2, "derniere": -1, "dernier": -1, "recente": -1}  # fmt: skip
_CAPITALISED = re.compile(r"(?<![.?!]\s)\b[A-ZÀ-Ý][\w\-’']+")
# Business French that articles and questions word differently (folded stems, both ways).
SYNONYMS = {
    "fond": {"ventur", "vc", "investisseur", "capital"},
    "chiffr": {"ca"},
    "dirig": {"chef", "patron", "entrepreneur"},
    "entrepreneur": {"dirig", "chef"},
    "startup": {"start"},
    "start": {"startup"},
    "incub": {"acceler"},
    "acceler": {"incub"},
}
_COMBIEN_DE = re.compile(r"\bcombien\s+(?:de\s|d['’]\s*)", re.I)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_KINDS = ("combien", "quand", "ou", "qui", "quel", "quelle", "quels", "quelles", "pourquoi", "comment")


@dataclass(frozen=True)
class MissionRef:
    """A mission the corpus holds, as the question analyser needs it."""

    mission: str
    destination: str | None
    year: int | None


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
    missions: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)

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
    """The question word that leads: "Et combien de rendez-vous ?" -> "combien"."""
    for token in tokens[:6]:
        folded = fold(token)
        if folded in _KINDS:
            return folded.rstrip("s").replace("quelle", "quel")
    return "autre"


def find_head(tokens: Sequence[str], question: str = "") -> tuple[str | None, set[str]]:
    """The noun asked about, and the adjectives before it: "Quelles grandes entreprises" ->
    ("entrepris", {"grand"}); "Quel est le poste de X" -> ("post", set()); "combien a levé X"
    -> (None, set()) since "combien" takes a noun only through "de".
    """
    folded = [fold(t) for t in tokens]
    for i, token in enumerate(folded):
        if token in ("combien", "quel", "quelle", "quels", "quelles"):
            rest = folded[i + 1 : i + 6]
            if token == "combien" and not _COMBIEN_DE.search(question):
                return None, set()
            modifiers: set[str] = set()
            for nxt in rest:
                if nxt in PRENOMINAL:
                    modifiers.add(stem(nxt))
                elif not is_stopword(nxt) and nxt not in ("est", "sont", "etait", "etaient"):
                    return stem(nxt), modifiers
            return None, set()
    return None, set()


def expected_type(kind: str, head: str | None, tokens: Sequence[str]) -> str | None:
    """The answer type: from the head noun when it names one, else from the question word."""
    folded = {fold(t) for t in tokens}
    if kind == "combien":
        return "money" if folded & MONEY_VERBS or head in TYPE_HEADS["money"] else "quantity"
    if head:
        for expects, heads in TYPE_HEADS.items():
            if head in heads:
                return expects
    if kind == "qui" and folded & {"est", "etait"} and len(tokens) <= 6:
        return "role"
    return KIND_EXPECTS.get(kind)


def destination_parts(ref: MissionRef) -> list[set[str]]:
    """Term sets that each name the mission: "Hong Kong / Shenzhen" -> [{hong, kong}, {shenzhen}]."""
    name = ref.destination or ref.mission.removeprefix("Mission ")
    parts = re.split(r"\s*(?:/|&|,|\bet\b|\s-\s)\s*", name)
    return [t for t in (set(terms(p)) for p in parts) if t]


def match_missions(question: str, missions: Sequence[MissionRef]) -> tuple[list[str], set[str]]:
    """Missions whose destination the question names, and the terms that named them."""
    asked = set(terms(question))
    found: list[str] = []
    used: set[str] = set()
    for ref in missions:
        for part in destination_parts(ref):
            if part <= asked:
                if ref.mission not in found:
                    found.append(ref.mission)
                used |= part
    return found, used


def term_in(term: str, bag: set[str]) -> bool:
    """`term`, a longer or shorter form of it, or a synonym, is in `bag`."""
    from bot.evidence import stem_in

    return stem_in(term, bag) or any(stem_in(other, bag) for other in SYNONYMS.get(term, ()))


def proper_nouns(question: str) -> list[str]:
    """Capitalised words past the first one: "Qui est Luc Julia ?" -> ["Luc", "Julia"]."""
    return [m.group() for m in _CAPITALISED.finditer(question) if m.start() > 0]


def pick_edition(tokens: Sequence[str], named: list[str], missions: Sequence[MissionRef]) -> list[int]:
    """The year of the edition the question names: "la première mission Silicon Valley" -> [2017]."""
    wanted = next((ORDINALS[fold(t)] for t in tokens if fold(t) in ORDINALS), None)
    editions = sorted({m.year for m in missions if m.mission in named and m.year})
    if wanted is None or len(editions) < 2 or not -len(editions) <= wanted < len(editions):
        return []
    return [editions[wanted]]


def analyse(question: str, missions: Sequence[MissionRef] = ()) -> Analysis:
    """Everything the retriever and the answerer need to know about `question`."""
    tokens = words(question)
    kind = detect_kind(tokens)
    head, modifiers = find_head(tokens, question)
    expects = expected_type(kind, head, tokens)
    named, used = match_missions(question, missions)
    known_years = {m.year for m in missions}
    years = sorted({int(m.group()) for m in _YEAR.finditer(question)} & known_years)
    all_terms = terms(question)
    skip = (used | {str(y) for y in years} | {"mission"} if named or years else used) | modifiers
    if expects and head and head in TYPE_HEADS.get(expects, set()) and kind != "combien":
        skip = skip | {head} | HEAD_COMPANIONS
    skip = skip | {stem(w) for w in tokens if fold(w) in LIGHT_VERBS}
    focus = [t for t in dict.fromkeys(all_terms) if t not in skip]
    names = [t for w in proper_nouns(question) for t in terms(w) if t in focus]
    if named and not years:
        years = pick_edition(tokens, named, missions)
        if years:  # the ordinal named the edition: it is not a word to find in the passage
            edition_words = {stem(w) for w in tokens if fold(w) in ORDINALS} | {"edit"}
            focus = [t for t in focus if t not in edition_words]
    return Analysis(
        question=question,
        kind=kind,
        expects=expects,
        head=head if head and head not in skip else None,
        noun=head,
        plural=any(fold(t) in ("quels", "quelles") for t in tokens[:6]),
        focus=focus,
        names=list(dict.fromkeys(names)),
        missions=named,
        years=years,
        terms=all_terms,
    )
