"""Does a sentence hold the kind of answer a question expects (a number, a date, a name...)?

Cheap regular expressions over the sentence's own text; the checks are deliberately strict,
since a missing kind of answer is the best sign that a passage only shares words with the
question.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.lexicon import stem_in, stems_match, synonyms, term_in
from corpus.facts import NUMBER_WORDS as FACT_NUMBER_WORDS
from corpus.facts import find_sectors
from index.french import fold, stem, words

__all__ = ["check", "has_entity", "has_quantity", "stem_in", "term_in"]

_MONTH = r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)"
NUMBER_WORDS = set(FACT_NUMBER_WORDS) | {
    "cents", "mille", "centaines", "millier", "milliers", "million", "millions", "milliard", "milliards",
}
_NUMBER = re.compile(r"\d")
_DAY_MONTH = re.compile(rf"\b\d{{1,2}}(?:er)?\s+(?:au\s+\d{{1,2}}\s+)?{_MONTH}\b", re.I)
# Why and how: a goal, a cause or a means.
_REASON = re.compile(
    r"\bobjectif|\bbut\b|\bafin\b|\bpour\s+(?:mieux\s+)?\w+(?:er|ir|re)\b|\bparce\b|\bcar\b|\braison|"
    r"\bmotiv|\bpermis\s+de\b|\bpermet|\bgrâce\b|\ben\s+\w+ant\b",
    re.I,
)
_DURATION = re.compile(
    r"\b(?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze)\s+(?:jours?|semaines?|mois|heures?|ans|années?)\b",
    re.I,
)
_MONEY = re.compile(
    r"\d[\d\s.,]*\s*(?:(?:k|m|md|mds|millions?|milliards?)\s*(?:de\s*|d['’]\s*)?)?(?:€|\$|euros?\b|dollars?\b|usd\b|eur\b)",
    re.I,
)
_DATE = re.compile(
    rf"\b\d{{1,2}}(?:er)?\s+{_MONTH}\b|\b{_MONTH}\s+(?:19|20)\d{{2}}\b|\b(?:en|depuis|de)\s+(?:19|20)\d{{2}}\b|"
    rf"\bfin\s+{_MONTH}\b|\bdébut\s+{_MONTH}\b",
    re.I,
)
_PLACE = re.compile(
    r"\b(?:à|au|aux|en|vers|dans|sur|de|entre)\s+(?:la\s+|le\s+|les\s+|l['’])?(?P<name>[A-ZÀ-Ý][\w\-]+)"
)
# "Tel-Aviv, Jérusalem et Beer-Sheva": a list of names is a list of places or of entities.
_NAME_LIST = re.compile(r"[A-ZÀ-Ý][\w\-]+(?:\s[A-ZÀ-Ý][\w\-]+)*,\s[A-ZÀ-Ý][\w\-]+.{0,40}?\bet\s[A-ZÀ-Ý]")
_ROLE = re.compile(
    r"\b(?:vice-)?pr[ée]sident(?:e)?\b|\bdirect(?:eur|rice)\b|\bfondat(?:eur|rice)\b|\bCEO\b|\bPDG\b|\bDG\b|"
    r"\bCTO\b|\bresponsable\b|\bcharg[ée]e?\b|\bmanager\b|\bdesigner\b|\binventeur\b|\ben tant qu|"
    r"\bg[ée]rant(?:e)?\b|\bassoci[ée]e?\b|\bconseill(?:er|[eè]re)\b|\bd[ée]l[ée]gu[ée]e?\b|\bconsultant(?:e)?\b|"
    r"\bing[ée]nieur(?:e)?\b|\bentrepreneur\b|\bchef\b|\bpartner\b|\bprofesseur\b|\bchercheu(?:r|se)\b",
    re.I,
)
_CAPITALISED = re.compile(r"\b[A-ZÀ-Ý][\w&\-]+")


def has_quantity(sentence: str, head: str | None) -> bool:
    """A number or number word, right before the head noun when there is one.

    ("une quinzaine d'entrepreneurs", "entrepreneur") -> True; ("des entrepreneurs", ...) -> False
    """
    tokens = words(sentence)
    if head is None:
        return any(_NUMBER.search(t) or t in NUMBER_WORDS for t in tokens)
    for i, token in enumerate(tokens):
        word = stem(token)
        if stems_match(head, word) or word in synonyms().get(head, ()):
            before = tokens[max(0, i - 4) : i]
            if any(_NUMBER.search(t) or fold(t) in NUMBER_WORDS for t in before):
                return True
            if i and tokens[i - 1] in ("un", "une"):  # "une entreprise", not "un accompagnement des entreprises"
                return True
    return False


def has_entity(sentence: str, question_words: set[str]) -> bool:
    """A capitalised name that the question does not already hold ("Uber", "The Refiners")."""
    return any(
        m.start() > 0 and fold(m.group()) not in question_words for m in _CAPITALISED.finditer(sentence)
    )


def has_place(sentence: str, question_words: set[str]) -> bool:
    """A place the question does not name: "à Boston", or a list "Tel-Aviv, Jérusalem et Beer-Sheva"."""
    if _NAME_LIST.search(sentence):
        return True
    return any(fold(m["name"]) not in question_words for m in _PLACE.finditer(sentence))


def has_day_month(sentence: str) -> bool:
    """A day and a month: "Du 20 au 25 mai dernier" -> True."""
    return bool(_DAY_MONTH.search(sentence))


def strength(expects: str | None, sentence: str) -> float:
    """How precise the answer is, 0 to 1: a day and month beat a bare year for a date."""
    if expects == "date":
        return 1.0 if _DAY_MONTH.search(sentence) else 0.3
    if expects == "reason":
        return 1.0 if _REASON.search(sentence) else 0.0
    return 0.0


def check(expects: str | None, sentence: str, head: str | None, question_words: set[str]) -> bool:
    """True when `sentence` holds an answer of the `expects` type (always True for None)."""
    checks: dict[str, Callable[[], bool]] = {
        "quantity": lambda: has_quantity(sentence, head),
        "money": lambda: bool(_MONEY.search(sentence)),
        "date": lambda: bool(_DATE.search(sentence)),
        "duration": lambda: bool(_DURATION.search(sentence)),
        "sector": lambda: bool(find_sectors(sentence)),
        "reason": lambda: True,  # a cause is often implicit: rewarded by strength(), not required
        "place": lambda: has_place(sentence, question_words),
        "role": lambda: bool(_ROLE.search(sentence)),
        "person": lambda: has_entity(sentence, question_words),
        "entity": lambda: has_entity(sentence, question_words),
    }
    return checks[expects]() if expects in checks else True


