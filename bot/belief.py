"""A belief to check rather than a question: "Il me semble que la mission coûtait 3 000 €, c'est bien ça ?".

The asker gives the value they believe, and it may be wrong: what they ask for is the value itself.
The belief is put as the question it checks, its value replaced by the question word of its kind
("la mission coûtait combien ?"), so that the article's own value answers, right or wrong, and a value
no article gives is refused as any question would be.
"""

from __future__ import annotations

import re

from corpus.facts import NUMBER_IN_WORDS
from corpus.metadata import MONTH_PATTERN

_APOS = r"['’]"
# What opens a belief: "Il me semble que", "On m'a dit qu'", "Si je ne m'abuse,", "Confirmez-vous que"…
_OPENING = re.compile(
    r"^\s*(?:bonjour|salut|hello)?[\s,]*(?:"
    rf"il\s+me\s+sembl(?:e|ait)\s+qu|il\s+para[iî]t\s+qu|on\s+m{_APOS}\s*a\s+(?:dit|racont[ée]|affirm[ée])\s+qu|"
    rf"j{_APOS}\s*ai\s+(?:lu|entendu(?:\s+dire)?|not[ée]|cru\s+comprendre|compris)\s+qu|"
    r"je\s+(?:crois|pense|suppose|croyais|pensais)\s+qu|d['’]apr[èe]s\s+moi,?\s*|"
    r"(?:si\s+je\s+ne\s+m['’]\s*abuse|sauf\s+erreur(?:\s+de\s+ma\s+part)?|si\s+j['’]\s*ai\s+bien\s+compris)\s*,?\s*|"
    r"(?:confirmez|confirmes|pouvez-vous\s+confirmer|peux-tu\s+confirmer|vous\s+confirmez|tu\s+confirmes|"
    r"est-il\s+vrai|c['’]est\s+vrai|est-ce\s+vrai)(?:-vous|-tu)?\s+qu|"
    r"correct\s+me\s+if\s+i['’]?\s*a?m\s+wrong\s*[:,]?\s*|is\s+it\s+true\s+that\s+|i\s+(?:heard|read)\s+that\s+|"
    r"am\s+i\s+right\s+that\s+"
    r")(?:e\s+|['’]\s*)?",
    re.I,
)
# What closes one: "c'est bien ça ?", "je me trompe ?", "vrai ou faux ?", "right?"
_CLOSING = re.compile(
    r"[\s,;:.!-]*(?:c['’]est\s+(?:bien\s+)?(?:ça|ca|exact|juste|correct|vrai)|je\s+me\s+trompe|vrai\s+ou\s+faux|"
    r"n['’]est-ce\s+pas|(?:vous\s+)?confirmez|(?:tu\s+)?confirmes|ou\s+pas|non|exact|right|correct|true\s+or\s+false|"
    r"is\s+that\s+right|am\s+i\s+right)\s*\?*\s*$",
    re.I,
)
# "C'était bien en mai, la délégation ?": the "bien" that asks for a confirmation
_CONFIRMING = re.compile(
    r"\b(c['’]\s*(?:est|était|etait)|il\s+(?:y\s+avait|faut|fallait)|(?:ils|elles|on)\s+(?:étaient|etaient|était|etait))"
    r"\s+bien\b",
    re.I,
)
_NUMBER = r"(?<![\d.,])\d+(?:[\s  .,]\d+)*"  # "3 000", "9,4"
_LARGE = r"(?:\s+(?:millions?|milliards?|mille|k|M)\b)?"
_MONEY = re.compile(rf"{_NUMBER}{_LARGE}\s*(?:d['’]\s*|de\s+)?(?:k?€|euros?\b|\$|dollars?\b)(?:\s*(?:HT|TTC)\b)?", re.I)
_PERCENT = re.compile(rf"{_NUMBER}\s*(?:%|pour\s*cent\b)", re.I)
_DATE = re.compile(
    rf"\b(?:(?:en|au\s+mois\s+de|courant|d[ée]but|fin|mi-?)\s+|(?:le|du)\s+\d{{1,2}}(?:er)?\s+(?:au\s+\d{{1,2}}\s+)?)"
    rf"{MONTH_PATTERN}(?:\s+(?P<year>(?:19|20)\d{{2}}))?"
    r"|(?<=pr[ée]vue\s)(?:pour|en)\s+(?:19|20)\d{2}|(?<=pr[ée]vu\s)(?:pour|en)\s+(?:19|20)\d{2}"
    r"|(?<=lieu\s)en\s+(?:19|20)\d{2}",  # "une troisième édition prévue pour 2025": when is asked
    re.I,
)
_DURATION = re.compile(
    rf"\b(?:une?|\d+|{NUMBER_IN_WORDS}|quelques)\s+(?:heures?|h|minutes?|min|jours?|semaines?|mois|ans?)\b(?!-)", re.I
)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_PHONE = re.compile(r"\b0\d(?:[\s.]?\d{2}){4}\b")
# "dix-neuf", "une trentaine", "30", "10 millions d'habitants", "trois participants"
_COUNT = re.compile(
    rf"\b(?P<n>(?:une\s+)?(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|centaine)|"
    rf"{_NUMBER}|(?:{NUMBER_IN_WORDS}|two|three|four|five|six|ten|twenty|thirty)(?![\w-]))"
    r"(?:\s+(?:millions?|milliards?|mille)\b)?(?:\s+(?:de\s+|d['’]\s*))?(?P<noun>\s*[^\W\d]+)?",
    re.I,
)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
# "c'est Sophie Lacombe qui conduisait…": "qui conduisait…"
_CLEFT = re.compile(r"\bc['’]\s*(?:est|était|etait)\s+(?:bien\s+)?(?:[A-ZÉÈ][\w’'-]+\s*){1,3}\s+qui\b")
# "Pierre Deniset dirigeait la deuxième édition": who did it is what is checked…
_PERSON_DID = re.compile(r"^\s*(?:[A-ZÉÈ][\w-]+\s+){1,2}(?=[a-zéèêàç]+\w*\s+(?:la|le|les|l['’]|une?|des)\b)")
# …but "Brice Challamel travaillait chez Samsung": where they worked is ("chez Samsung", "dirigeait Criteo").
_AT_FIRM = re.compile(
    r"\b(?P<how>chez|pour|dirige|dirigeait|pr[ée]side|pr[ée]sidait|a\s+fond[ée]|a\s+cr[ée]{2})\s+"
    r"(?:[A-Z][\w&-]+(?:\s+[A-Z][\w&-]+)*)\s*$"
)
# A belief that leads to a question ("Si je ne m'abuse, X l'a reçue : de quoi a-t-il parlé ?") is that question.
_ASKS = re.compile(
    r"(?:^|[:?]\s*)(?:[\w’'-]+\s+){0,2}(?:quoi|quel|quelle|quels|quelles|qui|combien|quand|o[uù]|comment|pourquoi)\b",
    re.I,
)


def as_question(question: str) -> str:
    """The question a belief checks, or `question` as it is when it checks none:
    "Il me semble que la mission à New York coûtait 3 000 €, c'est bien ça ?" -> "la mission à New
    York coûtait combien ?"; "C'était bien en mai, la délégation en Israël ?" -> "C'était quand, la
    délégation en Israël ?"; "Si je ne m'abuse, c'est X qui dirigeait ?" -> "qui dirigeait ?".
    """
    opened = _OPENING.match(question)
    closed = _CLOSING.search(question)
    confirming = _CONFIRMING.search(question)
    if not (opened or closed or confirming):
        return question
    claim = question[opened.end() if opened else 0 : closed.start() if closed else len(question)]
    claim = _CONFIRMING.sub(lambda m: m[1], claim).strip(" ,;:.?!")
    if _ASKS.search(claim):
        return f"{claim} ?" if opened else question
    asked = _asked(claim)
    english = bool(opened and _ENGLISH_OPENING.match(opened[0]))
    if asked is None:
        return question if not opened else f"{'is it true that' if english else 'est-ce que'} {claim} ?"
    if english:  # "Correct me if I'm wrong: the delegation cost 3,900 euros?": "the delegation cost how much?"
        for french, words in _IN_ENGLISH:
            asked = re.sub(rf"\b{french}\b", words, asked)
    return f"{asked} ?"


_ENGLISH_OPENING = re.compile(r"\s*(?:correct|is\s|i\s|am\s)", re.I)
_IN_ENGLISH = [
    ("combien de temps", "how long"), ("quel montant", "how much"),
    ("combien de", "how many"), ("combien", "how many"), ("quand", "when"), ("qui", "who"),
    ("quel pourcentage", "what percentage"), ("quelle entreprise", "which company"), ("quel", "what"),
]  # fmt: skip


def _asked(claim: str) -> str | None:
    """The claim with its value made a question word, or None when it holds no value of a known kind."""
    for pattern, word in ((_EMAIL, "quel"), (_PHONE, "quel"), (_PERCENT, "quel pourcentage")):
        if pattern.search(claim):
            return pattern.sub(word, claim, count=1)
    if money := _MONEY.search(claim):  # "coûtait quel montant", "représentent quel montant": a sum
        return f"{claim[: money.start()]}quel montant{claim[money.end() :]}"
    if date := _DATE.search(claim):  # "en avril 2026": its date is asked, a year alone is no answer
        year = f" en {date['year']}" if date["year"] else ""
        when = "à quelle date" if re.search(MONTH_PATTERN, date[0], re.I) else "quand"
        return f"{claim[: date.start()]}{when}{year}{claim[date.end() :]}"
    if _DURATION.search(claim):
        return _DURATION.sub("combien de temps", claim, count=1)
    if cleft := _CLEFT.search(claim):
        return f"{claim[: cleft.start()]}qui{claim[cleft.end() :]}"
    for count in _COUNT.finditer(claim):
        if _YEAR.match(count["n"]) or count["n"].lower() in ("un", "une"):
            continue  # "la mission de 2017", "une troisième édition"
        noun = (count["noun"] or "").strip()
        if noun and not _is_function_word(noun):
            of = "d’" if noun[:1].lower() in "aeéèêiouyh" else "de "
            return f"{claim[: count.start()]}combien {of}{noun}{claim[count.end() :]}"
        return f"{claim[: count.start()]}combien{claim[count.end() - len(count['noun'] or '') :]}"
    if firm := _AT_FIRM.search(claim):
        return f"{claim[: firm.start()]}{firm['how']} quelle entreprise"
    if person := _PERSON_DID.match(claim):
        return f"qui {claim[person.end() :]}"
    return None


_FUNCTION_WORDS = frozenset(
    "a à au aux en et ou lors pendant pour par sur dans de des du la le les l un une ils elles on qui que".split()
)


def _is_function_word(word: str) -> bool:
    return word.lower() in _FUNCTION_WORDS
