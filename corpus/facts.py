"""Structured facts of a mission read from its article: organiser, participants, sectors, country.

Shortcuts: regular expressions over the first sentences ("une quinzaine d'entrepreneurs ont
participé", "organisé par la CCI Occitanie en partenariat avec Business France") and a short
list of sectors and countries; a fact the text does not give stays None.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from text_to_num import text2num

NUMBER_WORDS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "cent": 100, "dizaine": 10,
    "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
    "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "soixante": 60, "mille": 1000,
}  # fmt: skip
# A figure, in digits or in words: "17", "dix-sept", "une vingtaine".
FIGURE = rf"\d|\b(?:{'|'.join(NUMBER_WORDS)})\b"
_UNIT = (
    r"(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|"
    r"vingts?|trente|quarante|cinquante|soixante|cents?)"
)
# "vingt-deux", "dix-huit", "trente et un", "quatre-vingt-dix": read by text2num.
_COMPOUND = rf"{_UNIT}(?:(?:-|\s+et\s+|-et-){_UNIT})+"
# A number in words, simple or compound: "six", "dix-huit", "vingt et un".
NUMBER_IN_WORDS = rf"{_UNIT}(?:(?:-|\s+et\s+|-et-){_UNIT})*"
# The titles of people's posts, as a regular expression (case aside): "PDG", "fondatrice", "vice-président".
ROLE_TITLES = (
    r"(?:pdg|ceo|dg|cto|(?:co-?)?fondat(?:eur|rice)|direct(?:eur|rice)|(?:vice-)?pr[ée]sidente?|responsable|"
    r"g[ée]rante?|associ[ée]e?|charg[ée]e?\s+(?:de|d['’])|conseill(?:er|[eè]re)|ing[ée]nieure?|chef|cheffe|dirigeante?|"
    r"patronne|patron|manager|partner|consultante?|d[ée]l[ée]gu[ée]e?|professeure?|chercheu(?:r|se))"
)
PEOPLE_WORDS = "participants personnes entrepreneurs dirigeants chefs porteurs membres patrons décideurs"
_PEOPLE = (
    r"entrepreneurs?|dirigeants?|chefs?\s+d['’]entreprises?|participants?|porteurs?\s+de\s+projets?|"
    r"responsables?|représentants?|industriels?|personnes|décideurs?|patrons?|membres?|créateurs?"
)
# A count of people or companies, never a year: "15", "dix-huit", "une quinzaine".
_COUNT = rf"(?P<count>(?!(?:19|20)\d\d\b)\d{{1,4}}|{_COMPOUND}|{'|'.join(NUMBER_WORDS)})"
_PARTICIPANTS = re.compile(
    rf"\b{_COUNT}\s+(?:(?:de|d['’])\s*)?(?:[\w’']+\s+){{0,2}}?(?P<who>{_PEOPLE})\b",
    re.I,
)
# "organisée par X", "organisée du 5 au 10 juin 2023 par X".
_ORGANISER = re.compile(
    r"\b(?:co-)?organisée?s?\s+(?:conjointement\s+|(?:du|le|en)\s+[^,.;:()]{1,40}?\s+)?par\s+(?P<who>.+?)(?=[,.;:(]|\s+(?:au|aux|à|sur|dans|pour|afin)\s)",
    re.I,
)
_ORGANISER_ACTIVE = re.compile(
    r"(?P<who>\b[A-ZÀ-Ý][\w'’\-]*(?:\s+(?:[A-ZÀ-Ý][\w'’\-]*|de|du|des|et))*)\s+(?:a|avait)\s+(?:co-)?organisée?\b"
)
SECTORS = (
    "fintech", "medtech", "agritech", "cleantech", "edtech", "biotech", "cybersécurité",
    "intelligence artificielle", "IoT", "Internet Of Things", "big data", "robotique", "hardware",
    "électronique", "industries créatives", "spatial", "mobilité", "réalité augmentée", "santé",
    "agroalimentaire", "aéronautique", "énergie", "e-santé", "logistique", "tourisme", "numérique",
)  # fmt: skip
COUNTRIES = {
    "États-Unis": ("états-unis", "etats-unis", "usa", "californie", "new york", "silicon valley"),
    "Israël": ("israël", "israel", "tel-aviv", "jérusalem", "haïfa", "beer-sheva"),
    "Chine": ("chine", "hong kong", "shenzhen", "canton", "shanghai", "pékin"),
    "Canada": ("canada", "québec", "montréal", "toronto"),
    "Japon": ("japon", "tokyo", "osaka"),
    "Corée du Sud": ("corée", "séoul"),
    "Royaume-Uni": ("royaume-uni", "angleterre", "londres"),
    "Allemagne": ("allemagne", "berlin", "munich"),
    "Inde": ("inde", "bangalore"),
    "Singapour": ("singapour",),
    "Vietnam": ("vietnam", "viêt nam", "hô chi minh"),
    "Émirats arabes unis": ("émirats", "dubaï", "abou dabi"),
    "Maroc": ("maroc", "casablanca"),
    "Brésil": ("brésil", "são paulo"),
}
# Districts an article may name for its town: "À Manhattan [...] une métropole de 8,4 millions
# d'habitants" tells of New York.
DISTRICTS = {
    "New York": ("manhattan", "brooklyn", "queens", "bronx", "harlem", "wall street"),
    "Hong Kong": ("kowloon", "wan chai"),
    "Tel-Aviv": ("jaffa",),
    "San Francisco": ("soma", "mission district"),
}
# States and provinces, with the destinations they hold: "la 2e édition en Californie" is the Silicon
# Valley one, not the New York one, though both missions went to the United States.
STATES = {
    "Californie": ("silicon valley", "san francisco", "palo alto", "san josé", "los angeles", "san diego"),
    "Massachusetts": ("boston", "cambridge"),
    "Québec": ("montréal", "québec"),
    "Ontario": ("toronto", "ottawa"),
    "Illinois": ("chicago",),
    # "la mission côte Est": New York (or Boston), not the Silicon Valley one
    "Côte Est": ("new york", "boston", "washington", "philadelphie", "miami"),
    "Côte Ouest": ("silicon valley", "san francisco", "los angeles", "seattle", "san diego"),
}
# Regions a question may name a mission by: "la mission en Asie du Sud-Est".
REGIONS = {
    "Amérique du Nord": ("États-Unis", "Canada"),
    "Asie": ("Chine", "Japon", "Corée du Sud", "Inde", "Singapour", "Vietnam"),
    "Asie du Sud-Est": ("Singapour", "Vietnam"),
    "Moyen-Orient": ("Israël", "Émirats arabes unis"),
    "Proche-Orient": ("Israël", "Liban", "Jordanie"),
    "Europe": ("Royaume-Uni", "Allemagne"),
    "Afrique": ("Maroc",),
    "Amérique latine": ("Brésil",),
}


@dataclass
class MissionFacts:
    """Facts about one mission; `participants_text` is the verbatim phrase the count comes from."""

    participants: int | None = None
    participants_text: str | None = None
    organiser: str | None = None
    country: str | None = None
    sectors: list[str] = field(default_factory=list)


# Companies count as the participants when the sentence says they took part ("onze entreprises
# régionales ont participé", "a emmené neuf entreprises") or opens on them ("12 entreprises, six
# jours, deux pays."); "un parc de 450 entreprises" does not.
_COMPANIES = re.compile(
    rf"\b{_COUNT}\s+(?P<who>entreprises|soci[ée]t[ée]s|PME)\b",
    re.I,
)
_TOOK_PART = re.compile(
    r"\b(?:ont|avaient|sont)\s+(?:(?:pris|fait)\s+part|particip|fait\s+le\s+voyage|rejoint|sillonn|parcouru|partis?|embarqu|suivi)|"
    r"\b(?:emmen|conduit|accompagn|r[ée]uni|compos)\w*\b|\bd[ée]l[ée]gation\b|"
    r"\bs['’]\s*envol\w*|\bse\s+sont\s+envol\w*|\bfait\s+le\s+d[ée]placement\b|\bdu\s+voyage\b",
    re.I,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


# "Ils étaient vingt-quatre", "Elles étaient 12": a count of the mission's people with no noun.
_THEY_WERE = re.compile(
    rf"\b(?:ils|elles)\s+[ée]taient\s+{_COUNT}\b",
    re.I,
)


def count_participants(text: str, year: int | None = None) -> tuple[int | None, str | None]:
    """(15, "une quinzaine d’entrepreneurs") from the first phrase that counts people, else the
    companies that took part. With the mission's `year`, a sentence that names only other years
    counts another edition ("une quinzaine d'entrepreneurs en mai 2017" in the 2022 article).
    """
    for pattern in (_PARTICIPANTS, _THEY_WERE, _COMPANIES):
        for sentence in _SENTENCE.finditer(text):
            years = {int(y) for y in _YEAR.findall(sentence.group())}
            earlier = bool(year and years and year not in years)
            for match in pattern.finditer(sentence.group()):
                if earlier and _counts_earlier(sentence.group(), match.start()):
                    continue
                if _PART_OF.match(sentence.group(), match.end()):
                    continue  # "Quatre entreprises de la délégation ont prévu de revenir": some of them
                if CAPPED.search(sentence.group()[: match.start()]):
                    continue  # "La délégation sera limitée à 20 participants": places, not who came
                if pattern is _COMPANIES and not (
                    _TOOK_PART.search(sentence.group()) or _fact_line(sentence.group(), match)
                ):
                    continue
                return number_value(match["count"]), match.group(0)
    return None, None


# Before a count, what makes it a number of places: "limitée à 20 participants", "jusqu'à 15 entreprises".
CAPPED = re.compile(
    r"(?:\blimit[ée]e?s?\s+[àa]|\bjusqu['’]\s*[àa]|\bmaximum\s+(?:de\s+)?|\bau\s+plus|\bplafonn[ée]e?s?\s+[àa])\s*$",
    re.I,
)
# After a count, what makes it a part of those who came: "Quatre entreprises de la délégation".
_PART_OF = re.compile(
    r"\s+(?:de\s+la\s+d[ée]l[ée]gation|du\s+groupe|des\s+participants|d['’]\s*entre\s+(?:elles|eux)|sur\s+\d+)\b",
    re.I,
)
# After a count of companies opening a line of figures: "12 entreprises, six jours, deux pays."
_FACT_LINE_GOES_ON = re.compile(r"(?:\s+(?:participantes|repr[ée]sent[ée]es))?\s*(?:[,;:.–—]|-\s|$)", re.I)


def _fact_line(sentence: str, match: re.Match[str]) -> bool:
    """The count of companies opens a line of figures ("12 entreprises, six jours, deux pays."), not
    a sentence about some of them ("Deux entreprises participantes ont déjà engagé des démarches").
    """
    return not sentence[: match.start()].strip() and bool(_FACT_LINE_GOES_ON.match(sentence, match.end()))


_RELATIVE_BEFORE = re.compile(r"\bqui\s+(?:a\s+|avait\s+|ont\s+)?$")  # "une soirée qui a réuni 150 personnes"


def tells_participants(sentence: str) -> bool:
    """The sentence counts who took part in the mission, in other words than "participants": "la
    CCI a emmené neuf entreprises", "12 entreprises, six jours, deux pays."
    """
    count, phrase = count_participants(sentence)
    if count is None or phrase is None:
        return False
    # Not a relative clause about someone else: "le club French Bay Network, qui réunit 90 dirigeants".
    took = any(not _RELATIVE_BEFORE.search(sentence[: m.start()]) for m in _TOOK_PART.finditer(sentence))
    return took or bool(_THEY_WERE.search(sentence)) or sentence.strip().startswith(phrase)


_FIGURES = re.compile(rf"(?<![\w,.])(?:\d[\d  ,.]*|(?:{NUMBER_IN_WORDS}|{'|'.join(NUMBER_WORDS)})\b)", re.I)


def told_earlier(sentence: str, year: int | None) -> bool:
    """Every figure of the sentence is told of an earlier edition than `year`'s: "Six ans après la
    mission de mai 2017, qui avait réuni une quinzaine d'entrepreneurs" -> True; "Participants : 24
    dirigeants, dont 4 anciens de l'édition 2017" -> False.
    """
    years = {int(y) for y in _YEAR.findall(sentence)}
    if not year or not years or year in years:
        return False
    figures = [
        m.start()
        for m in _FIGURES.finditer(sentence)
        if not _YEAR.fullmatch(m.group().strip()) and m.group().lower() not in ("un", "une")  # articles
    ]
    return bool(figures) and all(_counts_earlier(sentence, at) for at in figures)


_CLAUSE_END = re.compile(r"[,;:–—]")
_PLUPERFECT = re.compile(r"\bavai(?:t|ent)\b", re.I)


def _counts_earlier(sentence: str, at: int) -> bool:
    """The count at `at` is told of an earlier edition: its clause names a year or is in the
    pluperfect ("une première édition qui avait réuni une quinzaine d'entrepreneurs en mai 2017");
    not "Six ans après l'édition de 2017, la CCI a emmené 21 entrepreneurs".
    """
    bounds = [0, *(m.end() for m in _CLAUSE_END.finditer(sentence)), len(sentence) + 1]
    start = max(b for b in bounds if b <= at)
    end = min(b for b in bounds if b > at)
    clause = sentence[start:end]
    return bool(_YEAR.search(clause) or _PLUPERFECT.search(clause))


def number_value(text: str) -> int | None:
    """22 from "vingt-deux", 15 from "quinzaine" or "15"; None when `text` is no number."""
    text = text.lower().strip()
    if text.isdigit():
        return int(text)
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    try:
        return int(text2num(text, "fr"))
    except ValueError:
        return None


def find_organiser(text: str) -> str | None:
    """"la CCI Occitanie en partenariat avec Business France" from "organisé par ..." (or "la CCI
    Occitanie a organisé"), trimmed.
    """
    match = _ORGANISER.search(text) or _ORGANISER_ACTIVE.search(text)
    if not match:
        return None
    who = re.sub(r"^(?:la|le|les|l['’])\s*", "", match["who"].strip(), flags=re.I)
    return who[:120] or None


def find_sectors(text: str) -> list[str]:
    """Sectors named in the text, in the order of the list: ["fintech", "medtech"]."""
    folded = fold(text)
    return [s for s in SECTORS if re.search(rf"\b{re.escape(fold(s))}\b", folded)]


def places_of(country: str | None) -> tuple[str, ...]:
    """Names of a country and of its regions: "Singapour" -> ("Singapour", "singapour", "Asie", ...)."""
    if not country:
        return ()
    regions = tuple(r for r, members in REGIONS.items() if country in members)
    return (country, *COUNTRIES.get(country, ()), *regions)


def place_name(text: str) -> str | None:
    """The country, region or town `text` names exactly, accents and case aside: "japon" -> "Japon",
    "berlin" -> "Berlin".
    """
    wanted = fold(text.strip())
    for name in (*COUNTRIES, *REGIONS):
        if fold(name) == wanted:
            return name
    for towns in COUNTRIES.values():
        for town in towns:
            if fold(town) == wanted:
                return town[:1].upper() + re.sub(r"([\s-])(\w)", lambda m: m[1] + m[2].upper(), town[1:])
    return None


def find_country(destination: str | None, text: str) -> str | None:
    """The country of the destination, else the country the text names most."""
    if destination:
        for country, names in COUNTRIES.items():
            if any(fold(n) in fold(destination) for n in names):
                return country
    folded = fold(text)
    counts = {c: sum(folded.count(fold(n)) for n in names) for c, names in COUNTRIES.items()}
    best = max(counts, key=lambda c: counts[c])
    return best if counts[best] else None


def extract_facts(text: str, destination: str | None = None, year: int | None = None) -> MissionFacts:
    """All facts; participants and organiser come from the opening of the article."""
    opening = text[:1500]
    participants, phrase = count_participants(opening, year)
    return MissionFacts(
        participants=participants,
        participants_text=phrase,
        organiser=find_organiser(opening),
        country=find_country(destination, text),
        sectors=find_sectors(text),
    )


def fold(text: str) -> str:
    """Lower case without accents: "Québec" -> "quebec"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
