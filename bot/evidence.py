"""Does a sentence hold the kind of answer a question expects (a number, a date, a name...)?

Cheap regular expressions over the sentence's own text; the checks are deliberately strict,
since a missing kind of answer is the best sign that a passage only shares words with the
question.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from bot import french_model, lexicon
from bot.lexicon import stem_in, stems_match, synonyms, term_in
from corpus.facts import CAPPED, NUMBER_IN_WORDS, PEOPLE_WORDS, ROLE_TITLES, count_participants, find_sectors
from corpus.facts import NUMBER_WORDS as FACT_NUMBER_WORDS
from index.french import fold, stem, words

__all__ = ["check", "has_entity", "has_quantity", "stem_in", "term_in"]

_MONTH = r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)"
NUMBER_WORDS = set(FACT_NUMBER_WORDS) | {
    "cents", "mille", "centaines", "millier", "milliers", "million", "millions", "milliard", "milliards",
    "quart", "quarts", "tiers", "moitié",  # "les loyers ont baissé d'un quart"
}
_NUMBER = re.compile(r"\d")
_YEAR = re.compile(r"(?:19|20)\d\d")  # "en 2017, les participants": a year counts nothing
_DAY_MONTH = re.compile(rf"\b\d{{1,2}}(?:er)?\s+(?:au\s+\d{{1,2}}\s+)?{_MONTH}\b", re.I)
# A span of days: "du 13 au 17 mai", "du lundi 3 au vendredi 7 juin", "(8-12 avril)".
_DAY_RANGE = re.compile(
    rf"\bdu\s+(?:\w+\s+)?\d{{1,2}}(?:er)?(?:\s+{_MONTH})?\s+au\s+(?:\w+\s+)?\d{{1,2}}|\b\d{{1,2}}\s*[-–]\s*\d{{1,2}}\s+{_MONTH}\b",
    re.I,
)
# Why and how: a goal, a cause or a means; a wish told in the first person ("Je voulais voir..."); a
# request answered ("répondait à une demande des participants").
_REASON = re.compile(
    r"\b(?:je|j['’]|nous)\s*(?:voul|souhait|cherch|r[êe]v|av(?:ais|ions)\s+(?:besoin|envie))|\bobjectif|"
    r"\br[ée]pond\w*\s+[àa]\s+(?:une|la|leur|cette)\s+(?:demande|attente|besoin|souhait)|\b[àa]\s+la\s+demande\b|\bbut\b|\bafin\b|\bpour\s+(?:mieux\s+)?\w+(?:er|ir|re)\b|\bparce\b|\bcar\b|\braison|"
    r"\b(?:choisi|retenu|s[ée]lectionn[ée])e?s?\s+(?:\w+\s+){0,2}?pour\s+(?:la|le|les|l['’]|son|sa|ses|leurs?|une?|des)\b|"
    r"\bmotiv|\bpermis\s+de\b|\bpermet|\bgrâce\b|\ben\s+\w+ant\b|\bpuisqu|\b[àa]\s+dessein\b|\bc['’]est\s+pourquoi\b|\bd['’]o[ùu]\b",
    re.I,
)
# "18 mois", "dix-huit mois", "vingt et un jours".
_DURATION = re.compile(
    rf"\b(?:(?:\d+|{NUMBER_IN_WORDS})\s+|(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|centaine)\s+d[e'’]\s*)"
    r"(?:jours?|semaines?|mois|heures?|ans|années?|minutes?|secondes?)\b",
    re.I,
)
_MONEY = re.compile(
    r"\d[\d\s.,]*\s*(?:(?:k|m|md|mds|millions?|milliards?)\s*(?:de\s*|d['’]\s*)?)?(?:€|\$|euros?\b|dollars?\b|usd\b|eur\b)",
    re.I,
)
# A question about what something cost wants a price, not any amount ("a levé 10 millions").
_COST_QUESTION = frozenset(
    "prix cout couts coute coutait coutent coutaient couter tarif tarifs budget frais payer paye paie "
    "inscription".split()
)
_COST_CUE = re.compile(
    r"\bco[uû]t|\bprix\b|\btarif|\bbudget|\bfrais\b|\bparticipation\b|\binscription|\bpa(?:y|i)(?:e|er|é|ée|és|ait|aient|ant|ants)\b|\bfactur|"
    r"\bpar\s+(?:personne|participant|entreprise|t[eê]te)|\bpris\s+en\s+charge|\bsubvention|\bfinanc[ée]e?s?\b|"
    r"\bpar\s+(?:an|mois|jour|nuit|heure)\b|\bsalaires?\b|\br[ée]mun[ée]r|\bse\s+n[ée]gocie|\bse\s+loue|\bvaut\b|"
    r"\d\s*(?:€|euros?)\s*(?-i:HT|TTC)\b",  # "Option pitch : 450 € HT": a price before taxes
    re.I,
)  # a rate is a price too: "un développeur se négocie autour de 180 000 dollars par an"
# Money given rather than paid: "une aide de 1 500 €", "la Région en a financé 40 %".
_AID = re.compile(
    r"\baides?\b|\bsubvention|\bvers[ée]e?s?\b|\bfinanc|\bpris[e]?\s+en\s+charge|\bprend\s+en\s+charge|\brembours|"
    r"\bsoutien|\bch[èe]que|\baccord[ée]e?s?\b",
    re.I,
)
_SHARE_OF_COST = re.compile(r"\d+\s*%\s+(?:des|du)\s+(?:frais|co[uû]ts?|prix|budget)\b", re.I)
# The price of the mission itself, not of anything told in its article ("un bureau se loue 800 dollars"):
# a practical line ("Prix : 4 900 €"), a price per head, the fees, what the trip or the mission cost.
# A practical line under a price's label: "Tarif : …", "Coût de la mission : …".
_PRICE_LABEL = r"^\s*(?:prix|co[uû]ts?|tarifs?|frais|participation|budget|montant)\b"
_PRICED_LINE = re.compile(_PRICE_LABEL, re.I)
_MISSION_PRICE = re.compile(
    _PRICE_LABEL + r"[^:]{0,40}:|"
    r"\b(?:par|[àa]\s+chaque|pour\s+chaque)\s+(?:personne|participant|entreprise|t[eê]te|soci[ée]t[ée]|dirigeant|inscrit)\b|"
    r"\b(?:fallait|faut|faudra)\s+compter\s+(?:environ\s+|au\s+moins\s+|pr[èe]s\s+de\s+)?\d[\d\s  .,]*(?:€|euros?\b)|"
    r"\bchaque\s+participant\b[^.]{0,30}?\b(?:pay|r[ée]gl|d[ée]bours)|"
    r"\bfrais\s+d['’]\s*inscription|\bfrais\s+de\s+(?:participation|mission)|\bparticipation\s+(?:financi[èe]re|[àa]\s+la\s+mission)|"
    r"\b(?:co[uû]t|budget)\s+(?:\w+\s+)?(?:du|de\s+la|de\s+l['’])\s*"
    r"(?:mission|voyage|s[ée]jour|d[ée]placement|participation|programme|op[ée]ration)|"
    r"\b(?:mission|voyage|s[ée]jour|d[ée]placement|programme|op[ée]ration)\b[^.]{0,30}?\b(?:co[uû]t|revient|revenait|factur)",
    re.I,
)
_PRICE_WORD = re.compile(
    r"\bco[uû]t|\bprix\b|\btarif|\bbudget|\bfrais\b|\bfactur|\bpa(?:y|i)(?:e|er|é|ée|és|ait|aient)\b", re.I
)
_DATE = re.compile(
    rf"\b\d{{1,2}}(?:er)?\s+{_MONTH}\b|\b{_MONTH}\s+(?:19|20)\d{{2}}\b|\b(?:en|depuis|de)\s+(?:19|20)\d{{2}}\b|"
    rf"\bfin\s+{_MONTH}\b|\bdébut\s+{_MONTH}\b|\b(?:en|courant|mi-?)\s*{_MONTH}\b|"
    r"\b(?:printemps|été|automne|hiver|début|fin|courant|mi-)\s*(?:\d{4}|de\s+l['’]année)|"
    r"\b(?:printemps|été|automne|hiver|rentrée)\s+(?:prochain|suivant)e?\b",  # "dès le printemps prochain"
    re.I,
)
_LABEL_YEAR = re.compile(r"^[^:\n]{2,40}:\s*(?:19|20)\d{2}\s*$")
# "une troisième édition à l'horizon 2026", "un bureau d'ici 2021": a year ahead, no dates
_YEAR_AHEAD = re.compile(r"(?:\b(?:pour|dès|avant|d['’]ici)|\bà\s+l['’]horizon)\s+(?:19|20)\d{2}\b", re.I)
_PLACE = re.compile(
    r"\b(?i:à|au|aux|en|vers|dans|sur|de|du|entre)\s+(?:la\s+|le\s+|les\s+|l['’])?(?P<name>[A-ZÀ-Ý][\w\-]+)"
)
# "Tel-Aviv, Jérusalem et Beer-Sheva": a list of names is a list of places or of entities.
_NAME = r"[A-ZÀ-Ý][\w\-]+(?:\s[A-ZÀ-Ý][\w\-]+)*"
_NAME_LIST = re.compile(
    rf"{_NAME},\s(?:(?:puis|ensuite|enfin)\s)?[A-ZÀ-Ý][\w\-]+.{{0,40}}?\bet\s[A-ZÀ-Ý]|{_NAME}(?:,\s{_NAME}){{2,}}|"
    rf"\bentre\s{_NAME}\set\s{_NAME}"  # "organisé par la CCI entre Tel Aviv et Haïfa"
)  # "de San Francisco à Palo Alto, puis Mountain View et San José"
_ROLE = re.compile(
    rf"\b{ROLE_TITLES}\b|\bdesigner\b|\binventeur\b|\ben tant qu|\bentrepreneur\b|"
    r"\ba\s+fond[ée]\b|\bfond[ée]e?s?\b[^.]{0,40}?\bpar\b|\bdirige\b|"
    r"\b(?:pr[ée]sid[ée]|dirig[ée]|pilot[ée]|conduit|anim[ée]|men[ée])e?s?\s+par\b",
    re.I,
)
# A field named without a listed sector: "spécialiste des dispositifs de surveillance cardiaque",
# "Sur l'irrigation de précision, les Israéliens ont vingt ans d'avance".
_SPECIALTY = re.compile(
    r"\bsp[ée]ciali(?:st|s[ée])\w*\s+(?:de|des|du|dans|en)\b|\bdans\s+le\s+domaine\b|\ben\s+mati[èe]re\s+d|"
    r"^[«\s]*sur\s+(?:le|la|les|l['’])|\bth[èe]mes?\b|\bth[ée]matiques?\b",  # "les quatre thèmes retenus"
    re.I,
)
# A rank: "6e puissance économique mondiale", "au premier rang".
_RANK = re.compile(r"\b\d+(?:e|er|re|ème|eme)\b|\b(?:premi[eè]re?|deuxi[eè]me|troisi[eè]me|second(?:e)?)\b", re.I)
_CAPITALISED = re.compile(r"\b[A-ZÀ-Ý][\w&\-]+")
# A way to reach someone: a phone number or an e-mail address.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_PHONE = re.compile(r"(?:\+\d{1,3}\s?)?\(?0\d\)?[\s.]?(?:\d{2}[\s.]?){4}")
# "Contact : Sophie Ferrand", "Renseignements : Camille Estève".
_CONTACT_PERSON = re.compile(r"\b(?i:contacts?|renseignements|inscriptions?)\s*:\s*[A-ZÀ-Ý][a-zà-ÿ]+\s+[A-ZÀ-Ý]")
_PHONE_WORDS = frozenset("telephone tel numero portable phone".split())
_EMAIL_WORDS = frozenset("mail email courriel mel".split())
# Between a number and the noun it would count, a price or a rate: "4 200 euros HT par participant".
# Words between a number and the head noun that make it a count of something else: a price ("2 650
# euros par participant"), a time ("trois jours de rencontres" counts days, not meetings).
_NOT_A_COUNT = frozenset(
    "euros euro dollars dollar ht ttc par k€ usd eur jours jour semaines semaine heures heure mois ans "
    "années minutes janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre "
    "consacres consacrees dedies dediees".split()  # "6 jours, dont 4 consacrés aux rendez-vous"
)  # "Jeudi 11 avril : rendez-vous individuels" is a date
# Looking ahead: a plan, a wish, a future tense ("étudie une mission à Munich", "est programmée
# pour 2024", "ont exprimé des idées de mission", "la CCI prépare", not "des rendez-vous préparés").
_FUTURE = re.compile(
    r"\bprochain|\bpr[ée]voi|\br[ée]fl[ée]chi|\bpr[ée]vue?s?\b|\bprogramm(?:ée?s?|ees?)\b|\b[ée]tudie\b|\benvisag|\b[àa]\s+l['’][ée]tude\b|"
    r"\b[àa] venir\b|\bfutur|\best\s+attendue?s?\b|\bsont\s+attendue?s\b|"
    r"\bsouhait(?!é)|\bid[ée]es?\s+de\b|\baimerai|\bvoudrai|\bprojette\s+d|\bse\s+tiendra|\baura\s+lieu|"
    r"\bser(?:a|ont|ons|ez)\b|\b(?!front\b)\w{2,}(?:e|i|d)ront\b|\b\w{3,}(?:er|ir|dr)(?:ons|ez)\b|"
    r"\b(?:vais|vas|va|allons|allez|vont)\s+(?:(?:[mts]e|[mtsl]['’]|les?|la|y|en|nous|vous|leur|lui)\s*)*\w{2,}(?:er|ir|re)\b|\b\w{3,}(?:era|ira|dra)\b|\bl['’]an\s+prochain|\bpr[ée]par(?:e|ent|ons|ez)\b|\ben\s+pr[ée]paration\b|\bannonc",
    re.I,
)
# A plan about a mission itself, not any future detail: "une mission au Vietnam est programmée"; after
# the mission's name, a participle ("annoncée"), not another verb's ("qui participait à la mission,
# venait d'annoncer sa levée de fonds").
_NEXT_MISSION = re.compile(
    r"\b(?:mission|[ée]dition|voyage|d[ée]placement)s?\b[^.]{0,80}?(?:programm(?:ée?s?|ees?)\b|pr[ée]vu|envisag|[ée]tudi|pr[ée]par(?:[ée]e?s?|ation)\b|"
    r"r[ée]fl[ée]chi|annonc[ée]e?s?\b|\b[àa]\s+l['’][ée]tude)|"
    r"(?:pr[ée]voi\w*|[ée]tudie|envisage\w*|pr[ée]par(?:e|ent|ons|ez|er)\b|r[ée]fl[ée]chi\w*|id[ée]es?)\b[^.]{0,30}?\b(?:mission|[ée]dition|voyage)|"
    r"\bprochaine?s?\s+(?:mission|[ée]dition|[ée]tape|destination|voyage)",
    re.I,
)


# A label and its count, as the last lines of an article give them: "Rendez-vous : 28 en quatre jours".
_LABEL_COUNT = re.compile(rf"^\s*(?P<label>[^\W\d][\w’' -]{{0,40}}?)\s*:\s*(?:\d|(?:{NUMBER_IN_WORDS})\b)", re.I)


def has_quantity(sentence: str, head: str | None, head_word: str | None = None) -> bool:
    """A number or number word, right before the head noun (or a word related to it, as "magasins"
    to `head_word` "supermarchés") when there is one.

    ("une quinzaine d'entrepreneurs", "entrepreneur") -> True; ("des entrepreneurs", ...) -> False
    """
    if head is not None and head in _counted_classes():
        sentence = _PERCENT.sub(" ", sentence)  # "40 % du capital-risque" counts no fund ("40 % d'eau" is some water)
    tokens = words(_BETWEEN_TWO.sub(" ", _NUMBERED.sub(r"\1", sentence)))
    if head is None:
        return any(_NUMBER.search(t) or t in NUMBER_WORDS for t in tokens)
    people = head in people_stems()
    staff = any(stems_match(head, s) for s in _STAFF_HEADS)  # "salaries" typed without accents stems "salar"
    count, phrase = count_participants(sentence) if people else (None, None)
    firms = _FIRMS_COUNTED.search(_HEADS_OF_FIRMS.sub(" ", phrase or ""))  # "chefs d'entreprise" are persons
    if count is not None and not (head == _PERSONS and firms):
        return True  # "combien de participants": a count of people, read as the catalogue reads it
        # ("combien de personnes ?": "douze entreprises ont participé" counts no one)
    among = _AMONG.search(sentence)  # "Parmi les participants, quatre avaient déjà fait le voyage"
    if among and stems_match(head, stem(among[1].lower())) and _is_number(among[2]):
        return True
    labelled = _LABEL_COUNT.match(sentence)  # "Rendez-vous : 28 en quatre jours"
    if labelled and any(stems_match(head, stem(t)) for t in words(labelled["label"])):
        return True
    for i, token in enumerate(tokens):
        word = stem(token)
        if (
            stems_match(head, word)
            or (word in synonyms().get(head, ()) and not people)  # "participé" is no count of entrepreneurs
            or (staff and word == _PERSONS)  # staff: "qui emploie 1 800 personnes"
            or (head == _PERSONS and word in _KINDS_OF_PERSONS)
            or (head_word and french_model.related(head_word, [token]))
        ):
            before = tokens[max(0, i - 4) : i]
            numbers = [j for j, t in enumerate(before) if _is_number(t)]
            if numbers and _a_ratio(tokens, max(0, i - 4) + numbers[-1]):
                numbers = []  # "une start-up pour 1 500 habitants": no count of the inhabitants
            between = [fold(t) for t in before[numbers[-1] + 1 :]] if numbers else []
            if numbers and not _NOT_A_COUNT & set(between) and not _counts_another(between):
                return True
            # "Le nombre de places est limité à 20": the count after its noun.
            after = tokens[i + 1 : i + 5]
            at = next((j for j, t in enumerate(after) if _is_number(t)), None)
            links = {fold(t) for t in after[:at]} if at else set()
            rate = at is not None and re.search(rf"{re.escape(after[at])}\s*%", sentence)
            if links and links <= _LINKS_TO_COUNT and links - {"a", "de", "s"} and not rate:
                return True
    return False


def _counts_another(between: list[str]) -> bool:
    """The number counts a noun of its own, of which the head is the complement: "quatre fondateurs de
    start-ups" counts founders, not start-ups ("17 millions d'habitants", "une dizaine de fonds" do count).
    """
    return any(t in _OF and i > 0 and between[i - 1] not in NUMBER_WORDS for i, t in enumerate(between))


_OF = frozenset({"de", "d", "des", "du"})
_AMONG = re.compile(r"\bparmi\s+(?:les|ces|ses|leurs|nos|vos)\s+([^\W\d_]+)[^,.;:]{0,40},\s*([^\s,]+)", re.I)
# "Jour 4 – Distribution et rendez-vous": a day's number, no count ("Le premier jour, 12 rendez-vous" is one).
_BETWEEN_TWO = re.compile(r"\bentre\s+deux\b", re.I)  # "Entre deux rendez-vous, la délégation a...": no count
_NUMBERED = re.compile(r"\b(jours?|journ[ée]es?|[ée]tapes?|n°|num[ée]ro)\s+\d+\b", re.I)
_PERCENT = re.compile(r"\d[\d  ,.]*\s*%")


@cache
def _counted_classes() -> frozenset[str]:
    """Nouns counted one by one (firms, funds, people), never by a percentage of a whole."""
    return frozenset(lexicon.type_heads()["entity"]) | people_stems()


FIRM_STEMS = frozenset(stem(w) for w in "entreprises sociétés pme".split())  # the participants, counted as firms
_FIRMS_COUNTED = re.compile(r"\b(?:entreprises?|soci[ée]t[ée]s?|PME|firmes?|structures?)\b", re.I)
_STAFF_HEADS = frozenset(stem(w) for w in ("salariés", "employés", "effectif"))
_PERSONS = stem("personnes")
# People counted by what they are or do: "combien de personnes au salon ?": "95 000 visiteurs".
_KINDS_OF_PERSONS = frozenset(stem(w) for w in "visiteurs spectateurs étudiants chercheurs ingénieurs".split())
_LINKS_TO_COUNT = frozenset(
    "est sont etait etaient sera seront limite limitee limites limitees fixe fixee fixes fixees a de s eleve "
    "elevait atteint".split()
)


_HEADS_OF_FIRMS = re.compile(
    r"\b(?:chefs?|cheffes?|dirigeant(?:e?s)?|patron(?:ne)?s?)\s+(?:d['’]\s*entreprises?|de\s+(?:PME|soci[ée]t[ée]s))\b",
    re.I,
)


def counts_firms_heads(sentence: str, head: str | None) -> bool:
    """Asked how many companies, the sentence counts only their heads: "vingt-deux chefs d'entreprise"
    (an answer when nothing counts the companies themselves).
    """
    if head != stem("entreprises") or not _HEADS_OF_FIRMS.search(sentence):
        return False
    return not has_quantity(_HEADS_OF_FIRMS.sub(" dirigeants ", sentence), head)


def _a_ratio(tokens: list[str], at: int) -> bool:
    """The number ending at `at` follows "pour": "une start-up pour 1 500 habitants"."""
    while at > 0 and _is_number(tokens[at - 1]):
        at -= 1
    return at > 0 and fold(tokens[at - 1]) == "pour"


def figures_line(sentence: str) -> bool:
    """A line of figures: "Participants : 16 personnes, 11 entreprises", "Rendez-vous : 28 en quatre jours"."""
    return _LABEL_COUNT.match(sentence) is not None


def _is_number(token: str) -> bool:
    return bool(_NUMBER.search(token) and not _YEAR.fullmatch(token)) or fold(token) in NUMBER_WORDS


@cache
def people_stems() -> frozenset[str]:
    """Stems of the nouns that count people: "participants", "personnes", "dirigeants"..."""
    return frozenset(stem(w) for w in PEOPLE_WORDS.split())


def has_entity(sentence: str, question_words: set[str]) -> bool:
    """A capitalised name that the question does not already hold ("Uber", "The Refiners")."""
    return any(
        m.start() > 0 and fold(m.group()) not in question_words for m in _CAPITALISED.finditer(sentence)
    )


def has_place(sentence: str, question_words: set[str]) -> bool:
    """A place the question does not name: "à Boston", or a list "Tel-Aviv, Jérusalem et Beer-Sheva";
    a street and its number for an address ("Brooklyn" is no address).
    """
    if question_words & _ADDRESS_ASKED:
        return bool(_ADDRESS.search(sentence))
    if _NAME_LIST.search(sentence) or _HOTEL.search(sentence):  # "Hébergement : hôtel Yarkon Bay"
        return True
    for m in _NAME_THEN_TOWN.finditer(sentence):  # "AquaRoot (Haïfa) : capteurs..." for "Où se trouve AquaRoot ?"
        if fold(m[1]) in question_words and fold(m[2]) not in question_words:
            return True
    return any(fold(m["name"]) not in question_words for m in _PLACE.finditer(sentence))


_HOTEL = re.compile(r"\bh[ôo]tel\s+(?:[A-ZÀ-Ý]|l['’]\s*[A-ZÀ-Ý]|(?:le|la|les|du|des)\s+[A-ZÀ-Ý])")
HOTEL_STEM = stem("hôtel")


def names_hotel(sentence: str) -> bool:
    """A hotel by its name: "hôtel Yarkon Bay" ("hôtel à Palo Alto", "hôtel partenaire" name none)."""
    return _HOTEL.search(sentence) is not None
_ADDRESS_ASKED = frozenset("adresse adresses address".split())
_ADDRESS = re.compile(
    r"\b\d+(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|all[ée]e|chemin|quai|impasse|route|"
    r"cours|street|st\.|road|drive|way|lane)\b|\b\d+\s+[A-Z][\w-]+\s+(?:Street|Avenue|Road|Drive)\b",
    re.I,
)
_NAME_THEN_TOWN = re.compile(r"([A-ZÀ-Ý][\w&\-]+)\s*\(([A-ZÀ-Ý][^()\d,;]{1,40})\)")


def has_money(sentence: str, question_words: set[str]) -> bool:
    """An amount; a price when the question asks what something cost ("combien coûtait..."): an aid
    ("la Région a versé une aide de 1 500 €") is none, unless the question asks about aid too.
    """
    if not _MONEY.search(sentence):
        # "Quelle aide la Région apporte-t-elle ?": "la Région rembourse 40 % du prix"
        return bool(question_words & lexicon.AID_WORDS and _AID.search(sentence) and "%" in sentence)
    if not question_words & _COST_QUESTION:
        if question_words & lexicon.AID_WORDS and not _AID.search(sentence):
            return False  # an aid asked: "60 milliards levés dans la région" is none
        if question_words & lexicon.AID_WORDS and not _SHARE_OF_COST.search(sentence):
            # an aid asked: a price is none ("Le coût s'élevait à 3 450 euros"), "40 % des frais" is one
            return not all(_is_price(sentence, m) for m in _MONEY.finditer(sentence))
        return True
    # "40 % des frais de mission" is the aid's share of a price, not the price.
    priced = _PRICE_WORD.search(_SHARE_OF_COST.sub(" ", sentence))
    if _AID.search(sentence) and not question_words & lexicon.AID_WORDS and not priced:
        return False
    return bool(_COST_CUE.search(sentence))


def _is_price(sentence: str, amount: re.Match[str]) -> bool:
    """The amount is a price: the last cue before it names a price, and no aid follows it ("Le coût
    s'élevait à 3 450 euros" -> True; "dont 1 500 € d'aide" -> False).
    """
    if _AID.search(sentence[amount.end() : amount.end() + 12]):
        return False
    cues = [(m.start(), True) for m in _PRICE_WORD.finditer(sentence[: amount.start()])]
    cues += [(m.start(), False) for m in _AID.finditer(sentence[: amount.start()])]
    return bool(cues) and max(cues)[1]


def has_contact(sentence: str, question_words: set[str]) -> bool:
    """A phone number when the question asks for one, an e-mail address when it asks for one, else either."""
    phone, email = bool(question_words & _PHONE_WORDS), bool(question_words & _EMAIL_WORDS)
    if not phone and not email:  # "Qui contacter ?": a person named as the contact will do
        return bool(_PHONE.search(sentence) or _EMAIL.search(sentence) or _CONTACT_PERSON.search(sentence))
    if phone == email:
        return bool(_PHONE.search(sentence) or _EMAIL.search(sentence))
    return bool((_PHONE if phone else _EMAIL).search(sentence))


# "dates à confirmer", "date non encore fixée", "sans date": the dates are not known yet.
_OPEN_DATES = re.compile(
    r"\bdates?\s+(?:restent\s+|reste\s+)?(?:à|a)\s+(?:confirmer|pr[ée]ciser|d[ée]finir|fixer|d[ée]terminer|venir)\b|"
    r"\bdates?\s+(?:non|pas)\s+(?:encore\s+)?(?:fix|arr[êe]t|connu|d[ée]termin|confirm)|\bsans\s+dates?\b",
    re.I,
)


def has_date(sentence: str, question_words: set[str]) -> bool:
    """A date; not a bare year in a sentence saying the dates are still open, when the dates are
    what is asked ("Quelles sont les dates...": "envisagée en 2021, dates à confirmer").
    """
    if not _DATE.search(sentence):
        # "Prochaine édition : 2026", "à l'horizon 2026" say when, not on what dates
        year = _LABEL_YEAR.search(sentence) or _YEAR_AHEAD.search(sentence)
        return bool(year) and not question_words & {"date", "dates", "jour", "jours"}
    return not (question_words & {"date", "dates"} and _OPEN_DATES.search(sentence) and not has_day_month(sentence))


def has_day_span(text: str) -> bool:
    """A span of days: "du 8 au 15 janvier 2020" -> True; "Samedi 11 janvier" -> False."""
    return bool(_DAY_RANGE.search(text))


def has_day_month(sentence: str) -> bool:
    """A day and a month: "Du 20 au 25 mai dernier" -> True."""
    return bool(_DAY_MONTH.search(sentence))


_FIRST_PERSON = re.compile(r"\bj['’]|\b(?:je|mon|ma|mes|nous|notre|nos)\b", re.I)
_TRANSPORT = re.compile(
    r"\b(?:train|TGV|avion|vol|bus|minibus|minivan|van|autocar|car|voiture|navette|bateau|ferry|m[ée]tro|taxi|"
    r"ferroviaire|tramway|v[ée]lo|chauffeur)s?\b",
    re.I,
)
_WEEKDAY = re.compile(r"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b", re.I)


def names_weekday(sentence: str) -> bool:
    """A day of the week: the answer to "Quel jour (de la semaine) ..." in a diary."""
    return bool(_WEEKDAY.search(sentence))


def looks_ahead(sentence: str) -> bool:
    """A plan, a wish or a future tense: "La CCI prévoit une prochaine édition en 2023" -> True."""
    return bool(_FUTURE.search(sentence))


def asks_cost(question_words: set[str]) -> bool:
    """The question asks what something cost, not any amount ("Combien coûtait la mission ?")."""
    return bool(question_words & _COST_QUESTION)


def priced_line(sentence: str) -> bool:
    """The sentence opens on a price's label: "Tarif : 4 600 € HT par personne, vols compris"."""
    return bool(_PRICED_LINE.match(sentence))


def mission_price(sentence: str) -> bool:
    """The sentence gives the price of the mission itself: "Prix : 4 900 € HT par participant"."""
    return bool(_MISSION_PRICE.search(sentence))


def next_mission(sentence: str) -> bool:
    """A plan about a mission itself: "la CCI étudie une mission à Munich" -> True."""
    return bool(_NEXT_MISSION.search(sentence))


# A person's name: two capitalised words, the second not a common word ("Olivier Massat").
_PERSON = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?\s+[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý]?[a-zà-ÿ]+)?\b")
_DIFFERENCE = re.compile(r"\b(?:suppl[ée]mentaires?|de\s+(?:plus|moins)|en\s+(?:plus|moins))\b", re.I)


def tells_a_difference(sentence: str) -> bool:
    """The sentence counts a difference, not a whole: "six participants de plus"."""
    return bool(_DIFFERENCE.search(sentence))


# A whole count, not a detail of it: "Au total, 17 rendez-vous", "en tout".
_TOTAL = re.compile(r"\bau\s+total\b|\ben\s+tout\b|\bau\s+final\b", re.I)


def strength(expects: str | None, sentence: str, head: str | None = None, one_day: bool = False) -> float:
    """How precise the answer is, 0 to 1: a span of days beats a day, which beats a bare year, for a
    date (a question naming only the mission asks its dates; a day when `one_day`), a name with
    a role answers "qui", a total beats a detail for a count (a total of the `head` noun when
    given: "Au total, 17 rendez-vous" is no total of participants) and a detail beats one
    speaker's own count, a list of places a "où".
    """
    if expects == "date":
        span, day = bool(_DAY_RANGE.search(sentence)), bool(_DAY_MONTH.search(sentence))
        if one_day:  # "Quel jour...": a day, not the mission's span ("Jeudi : face aux investisseurs")
            day = day or names_weekday(sentence)
            return 1.0 if day and not span else 0.5 if day else 0.2
        return 1.0 if span else 0.5 if day else 0.2
    if expects == "reason":
        return 1.0 if _REASON.search(sentence) else 0.0
    if expects in ("person", "role"):
        return 1.0 if _PERSON.search(sentence) and _ROLE.search(sentence) else 0.0
    if expects == "quantity":
        total = _TOTAL.search(sentence)
        if total and head:
            clause = re.split(r"[,;:(]", sentence[total.end() :].lstrip(" ,:\u00a0"), maxsplit=1)[0]  # "Au total : 19"
            return 1.0 if has_quantity(clause, head) else 0.0
        # The group's count beats one member's ("j'ai décroché trois rendez-vous"), and a difference
        # ("quatre rendez-vous supplémentaires", "six participants de plus").
        return 1.0 if total else 0.0 if _FIRST_PERSON.search(sentence) or tells_a_difference(sentence) else 0.5
    if expects == "place":
        return 1.0 if _NAME_LIST.search(sentence) or _NAME_THEN_TOWN.search(sentence) else 0.0
    if expects == "entity" and head:
        return 1.0 if names_after(sentence, head) else 0.0
    if expects == "money":  # "Prix : 4 900 € HT par participant" beats "un ingénieur y est payé 250 000 dollars"
        return 1.0 if mission_price(sentence) else 0.0
    if expects == "sector":  # "le logiciel, la santé, le spatial et le tourisme" beats one theme
        return 1.0 if len(find_sectors(sentence)) >= 2 else 0.0
    return 0.0


def names_after(sentence: str, head: str) -> bool:
    """The sentence names one of the asked-for class right after its noun: ("Fonds rencontrés :
    Yarden Ventures", "fond") -> True; ("les fonds d'investissement et les centres", "fond") -> False;
    ("une levée de fonds, mieux appréhender les NTIC", "fond") -> False.
    """
    tokens, found = _class_mentions(sentence, head)  # "3 Ventures Capital – The Refiners" for "fonds"
    return any(_NAME_SOON.match(sentence[tokens[i].end() : tokens[i].end() + 40]) for i in found)


def _class_heads(head: str) -> set[str]:
    return {head, *synonyms().get(head, ())}


def _class_mentions(sentence: str, head: str) -> tuple[list[re.Match[str]], list[int]]:
    """The sentence's words, and the indexes of those naming the class of `head` (or a synonym)."""
    heads = _class_heads(head)
    tokens = list(re.finditer(r"[^\W\d_]+", sentence))
    return tokens, [i for i, m in enumerate(tokens) if any(stems_match(h, stem(m.group().lower())) for h in heads)]


# A name soon after the class noun, not past a comma: "une levée de fonds, mieux appréhender les NTIC" names no fund
_NAME_SOON = re.compile(r"^[^.;,]{0,30}?\s[A-ZÀ-Ý][\w&’'\-]+")


# An unnamed one: "un fonds", and for the class itself also "des fonds", "3 fonds", "deux autres fonds"
# (for a class's other words, only "un": "des investisseurs israéliens", "douze personnes" are no one met).
_INDEFINITE = frozenset("un une".split())
_INDEFINITE_OF_THE_CLASS = frozenset("un une des autres plusieurs".split())
_APPOSED_TO_NAME = re.compile(r"[A-ZÀ-Ý][\w&’'\-]*\s*[,(–—-]\s*(?:un|une|des)\s+(?:[^\W\d_]+\s+)?$")
_AMONG_THEM = re.compile(r"^[^.;]{0,60}?\bdont\s+(?:le\s+|la\s+|les\s+|l['’]\s*)?[A-ZÀ-Ý]")  # "4 fonds, dont X"
_NAME_APPOSED = re.compile(r"^\s*(?:[,:(–—-]\s*)?(?:(?:baptis|nomm|appel)\w*\s+)?[«\"]?\s*[A-ZÀ-Ý]")


def _article(sentence: str, tokens: list[re.Match[str]], i: int) -> str:
    """The word before the noun at `i`, past an ordinal or "autre": "un second fonds" -> "un"; a count
    is an indefinite plural: "3 fonds", "deux autres fonds" -> "des".
    """
    if re.search(r"\d\s*$", sentence[: tokens[i].start()]):
        return "des"
    before = [fold(t.group()) for t in tokens[max(0, i - 2) : i]]
    if len(before) == 2 and (before[1] in _BEFORE_NOUN or before[1] in lexicon.PRENOMINAL):
        before = before[:1]
    article = before[-1] if before else ""
    return "des" if article in NUMBER_WORDS else article


_BEFORE_NOUN = frozenset("second seconde deuxieme troisieme autre jeune".split())


def unnamed(sentence: str, head: str | None, question_words: set[str] = frozenset()) -> bool:
    """The mention of the asked-for class the question points to names none: "elle a rencontré un
    fonds de capital-risque local" names no fund ("Quel fonds… ?" is not answered by the incubator
    beside it), nor "le fonds X…, tandis qu'un second fonds, spécialisé dans la deeptech, …" the
    deeptech one; "un fonds, Shikma Ventures," or "le fonds Shikma Ventures" name one.
    """
    if head is None:
        return False
    tokens, found = _class_mentions(sentence, head)
    # "un fonds de capital-risque": one mention
    mentions = [
        i for i in found if not (i - 1 in found or (fold(tokens[i - 1].group()) in ("de", "d") and i - 2 in found))
    ]
    named = [_names_one(sentence, tokens, i, head) for i in mentions]
    if not mentions or all(named):
        return False
    if not any(named):
        return True
    heads = _class_heads(head)
    asked = {stem(w) for w in question_words if len(w) > 3}
    asked = {a for a in asked if not any(stems_match(a, h) for h in heads)}  # "fonds d'investissement"
    bounds = [tokens[i].start() for i in mentions] + [len(sentence)]  # what leads to the first is said of all
    windows = [{stem(w) for w in words(sentence[bounds[n] : bounds[n + 1]])} for n in range(len(mentions))]
    scores = [sum(any(stems_match(a, w) for w in window) for a in asked) for window in windows]
    best = max(scores)
    return scores.count(best) == 1 and not named[scores.index(best)]


def _names_one(sentence: str, tokens: list[re.Match[str]], i: int, head: str) -> bool:
    """The mention at `i` is a named one: not introduced as an unnamed one ("un fonds", or for the class
    itself "des fonds", "3 fonds"), or given its name after it, before it or among several ("dont X").
    """
    own_class = stems_match(head, stem(tokens[i].group().lower()))
    if _article(sentence, tokens, i) not in (_INDEFINITE_OF_THE_CLASS if own_class else _INDEFINITE):
        return True
    after, before = sentence[tokens[i].end() :], sentence[: tokens[i].start()]
    named_around = _NAME_APPOSED.match(after) or _APPOSED_TO_NAME.search(before)  # "Shomer Systems, une start-up"
    return bool(named_around or _NAME_SOON.match(after) or _AMONG_THEM.match(after))


_APPOSED = re.compile(r"\b((?:[A-ZÀ-Ý][\w’'\-]+\s+){1,3}[A-ZÀ-Ý][\w’'\-]+)\s*,\s+\w")


def introduces(sentence: str, question_words: set[str]) -> bool:
    """The sentence says who the person the question names is, in an apposition after their name:
    "qui est mathieu carrere" <- "Mathieu Carrère, un Narbonnais installé en Californie, ...".
    """
    return any(all(fold(w) in question_words for w in words(m.group(1))) for m in _APPOSED.finditer(sentence))


def check(
    expects: str | None, sentence: str, head: str | None, question_words: set[str], head_word: str | None = None
) -> bool:
    """True when `sentence` holds an answer of the `expects` type (always True for None)."""
    test = _CHECKS.get(expects or "")
    return test(sentence, head, question_words, head_word) if test else True


Check = Callable[[str, "str | None", set[str], "str | None"], bool]
# One test per answer type, built once: (sentence, head noun, question words, head as typed) -> bool.
_CHECKS: dict[str, Check] = {
    "quantity": lambda s, head, _q, word: has_quantity(s, head, word),
    "money": lambda s, _h, q, _w: has_money(s, q),
    "contact": lambda s, _h, q, _w: has_contact(s, q),
    "date": lambda s, _h, q, _w: has_date(s, q),
    "duration": lambda s, _h, _q, _w: bool(_DURATION.search(s)),
    "sector": lambda s, _h, _q, _w: bool(find_sectors(s) or _SPECIALTY.search(s)),
    "rank": lambda s, _h, _q, _w: bool(_RANK.search(s)),
    "transport": lambda s, _h, _q, _w: bool(_TRANSPORT.search(s)),
    # A cause is often implicit: strength() rewards a stated goal, none is required.
    "place": lambda s, _h, q, _w: has_place(s, q),
    # "Qui est X ?": X's apposition says who they are; "Qui dirige X ?" asks for someone else, with a role.
    "role": lambda s, _h, q, _w: bool(_ROLE.search(s)) or (introduces(s, q) and not q & lexicon.ROLE_VERBS),
    "person": lambda s, _h, q, _w: has_entity(s, q),
    "entity": lambda s, _h, q, _w: has_entity(s, q),
}


_ORDINAL = re.compile(
    r"\b(premi(?:er|[eè]re)|deuxi[eè]me|second(?:e)?|troisi[eè]me|quatri[eè]me|cinqui[eè]me)s?\b(?:\s+(\w+))?", re.I
)
_ORDINAL_VALUES = {"premier": 1, "premiere": 1, "deuxieme": 2, "second": 2, "seconde": 2, "troisieme": 3,
                   "quatrieme": 4, "cinquieme": 5}  # fmt: skip
# An ordinal of the mission picks an edition ("la deuxième mission"), not a figure within an article.
_EDITION_NOUNS = ("mission", "edition", "voyage", "delegation", "sejour", "deplacement", "visite")
_AMOUNT = re.compile(r"\d[\d\s.,]*\d|\d")
# A figure in brackets right after a name is that name's: "Criteo (2 milliards de $ de CA)".
_NAMED_BRACKET = re.compile(r"([A-ZÀ-Ý][\w&\-]*(?:\s+(?:&\s+)?[A-ZÀ-Ý][\w&\-]*)*)\s*\(([^()]*\d[^()]*)\)")


def rank_asked(question: str) -> tuple[int, str | None] | None:
    """The rank the question gives what it asks about, with that thing's stem ("sa première levée
    de fonds" -> (1, "leve")), unless it ranks the mission itself ("la deuxième mission", an
    edition) or gives several.
    """
    found = {
        (_ORDINAL_VALUES[fold(m.group(1))], stem(m.group(2).lower()) if m.group(2) else None)
        for m in _ORDINAL.finditer(question)
        if not (m.group(2) and fold(m.group(2)).startswith(_EDITION_NOUNS))
    }
    return found.pop() if len(found) == 1 else None


def ranks_another(sentence: str, rank: int, noun: str | None) -> bool:
    """The sentence names the ranked thing asked about only with another rank: "une première levée
    de fonds de 1,5 million" for the second one.
    """
    if not noun:
        return False
    found = list(_ORDINAL.finditer(sentence))
    ranks = [
        _ORDINAL_VALUES[fold(m.group(1))] for m in found if m.group(2) and stems_match(noun, stem(m.group(2).lower()))
    ]
    bare = [_ORDINAL_VALUES[fold(m.group(1))] for m in found if not m.group(2)]  # "puis la deuxième, réussie"
    named = sum(stems_match(noun, stem(w)) for w in words(sentence))
    return bool(ranks) and len(ranks) == named and rank not in ranks + bare


def others_figures(sentence: str, ordinal: int | None, names: set[str]) -> str:
    """The sentence with the figures blanked that belong to something else than what is asked: of
    another rank ("sa première levée ratée, puis la deuxième, de 12 millions" asked the first), or
    in brackets after a name the question does not give ("Criteo (2 milliards de $ de CA) et
    Numberly" asked about Numberly). `names` are the question's name terms; none, no bracket is blanked.
    """
    out = sentence
    if names:
        for m in _NAMED_BRACKET.finditer(sentence):
            if not {stem(w) for w in words(m.group(0))} & names:  # "Plug & Play (dont sont issus Uber...)"
                out = out[: m.start(2)] + " " * len(m.group(2)) + out[m.end(2) :]
    if ordinal is None:
        return out
    for m in _AMOUNT.finditer(out):
        before = [o for o in _ORDINAL.finditer(out[max(0, m.start() - 50) : m.start()])]
        if before and _ORDINAL_VALUES[fold(before[-1].group(1))] != ordinal:
            out = out[: m.start()] + " " * (m.end() - m.start()) + out[m.end() :]
    return out


# A number of places, not of people: "limitée à 20 participants" (facts.CAPPED before it), "20 places".
_PLACES_AFTER = re.compile(r"\s+places\b", re.I)
_CAPACITY_WORDS = frozenset("place places maximum max limite limitee plafond capacite ouvertes disponibles".split())


def capacity_only(sentence: str, question_words: set[str]) -> bool:
    """Every count of the sentence is a number of places ("La délégation sera limitée à 20
    participants."), and the question does not ask for places: no count of who came.
    """
    if question_words & _CAPACITY_WORDS:
        return False
    counts = [m for m in _AMOUNT.finditer(sentence) if not _YEAR.fullmatch(m.group())]
    return bool(counts) and all(
        CAPPED.search(sentence[: m.start()]) or _PLACES_AFTER.match(sentence, m.end()) for m in counts
    )
