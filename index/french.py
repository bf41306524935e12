"""French text tools shared by the lexical index and the bot: folding, tokens, stems, sentences.

Shortcuts: the stop list is bm25s's French list plus question words; stemming is Snowball's
French stemmer (PyStemmer) applied before accent folding, so "héberge" and "heberge" meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_FRENCH

QUESTION_WORDS = {
    "combien", "quand", "ou", "où", "quel", "quelle", "quels", "quelles", "qui", "quoi",
    "pourquoi", "comment", "lequel", "laquelle", "lesquels", "lesquelles", "est-ce", "estce",
}  # fmt: skip
EXTRA_STOPWORDS = {
    "a", "cet", "cette", "ces", "été", "etre", "être", "avoir", "fait", "faire", "faisait",
    "ete", "dont", "si", "plus", "tres", "très", "aussi", "ainsi", "alors", "donc", "car", "ni",
    "tout", "tous", "toute", "toutes", "autre", "autres", "chez", "entre", "vers", "sans", "sous",
    "lors", "apres", "après", "avant", "pendant", "depuis", "the", "and", "of", "to", "is", "in",
    "dernier", "derniere", "ils", "elles", "leurs", "eu", "lieu", "il", "y", "ya", "selon",
    "autant", "quoi", "etait", "etaient",
}  # fmt: skip
_BASE_STOPWORDS = {*STOPWORDS_FRENCH, *QUESTION_WORDS, *EXTRA_STOPWORDS}

_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+", re.UNICODE)
_ELISION = re.compile(r"\b([cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]", re.I)
_R_AND_D = re.compile(r"\br\s?&\s?d\b")  # "R&D", one word ("r" and "d" alone are too short to index)
# "Non compris : les repas", "hors billets d'avion": what a price leaves out, one word ("non" alone says little)
_LEFT_OUT = re.compile(r"\bnon[\s-]+(?:compris|inclus)e?s?\b|\bhors\b")
# "Compris : vols, hôtel", "était-il inclus ?": what a price holds, one word ("compris" alone stems as "comprendre")
_INCLUDED = re.compile(r"\b(?:compris|inclus)e?s?\b|\b(?:comprenant|incluant)\b")  # "comprenant les vols"
# "le quatrième jour", "la deuxième journée": day 4, day 2 of a programme, as "Jour 4 –" headings number them
_ORDINAL_DAY = re.compile(
    r"\b(premi[eè]re?|deuxi[eè]me|second[e]?|troisi[eè]me|quatri[eè]me|cinqui[eè]me|sixi[eè]me|septi[eè]me)"
    r"\s+(jour|journ[ée]e)\b",
    re.I,
)
_DAY_RANK = {"premi": 1, "deuxi": 2, "second": 2, "troisi": 3, "quatri": 4, "cinqui": 5, "sixi": 6, "septi": 7}
_stemmer = Stemmer.Stemmer("french")


def fold(text: str) -> str:
    """Lower case without accents: "Écosystème Œuvre" -> "ecosysteme oeuvre"."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


STOPWORDS = frozenset(_BASE_STOPWORDS | {fold(w) for w in _BASE_STOPWORDS})


def number_days(text: str) -> str:
    """Days of a programme numbered: "Le quatrième jour, …" -> "Le jour 4, …" ("la deuxième journée": "jour 2")."""
    def numbered(match: re.Match[str]) -> str:
        rank = fold(match[1]).lower()
        return f"jour {next(n for start, n in _DAY_RANK.items() if rank.startswith(start))}"

    return _ORDINAL_DAY.sub(numbered, text)


def words(text: str) -> list[str]:
    """Lower-cased words with elisions removed: "L’État d'Occitanie" -> ["état", "occitanie"]."""
    text = _R_AND_D.sub("rd", _ELISION.sub(" ", number_days(text.lower()).replace("œ", "oe")))
    text = _INCLUDED.sub("inclus", _LEFT_OUT.sub("noncompris", text))
    return _TOKEN.findall(text)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball stem then fold: "entrepreneurs" -> "entrepreneur", "organisée" -> "organis"."""
    return fold(_stemmer.stemWord(word))


@lru_cache(maxsize=65536)
def is_stopword(word: str) -> bool:
    """True for French function words and question words, accents or not."""
    return word in STOPWORDS or fold(word) in STOPWORDS


def terms(text: str) -> list[str]:
    """Index terms: stems of the non-stop words, numbers kept whole.

    "Combien d'entrepreneurs ont participé ?" -> ["entrepreneur", "particip"]
    """
    return [stem(w) for w in words(text) if len(w) > 1 and not is_stopword(w) or w.isdigit()]


# A sentence ends at . ! ? … (optionally closed by a quote or bracket) followed by white space and
# a capital, a digit or an opening quote. Abbreviations ("M.", "etc.", an initial) do not end one.
_ABBREV = re.compile(r"(?:\b(?:M|Mme|Mlle|MM|Dr|Pr|St|Ste|etc|cf|p|ex|av|art|vol|éd)|\b[A-Z])\.$")
# Longer than the longest abbreviation, its dot, a closing quote and the character before it.
_ABBREV_WINDOW = 12
# A closing quote after the full stop ends the sentence with it, with French spacing too ("fin.\u00a0»").
_BOUNDARY = re.compile(r"(?<=[.!?…])(?:[ \u00a0\u202f]?[»”\")\]])?(?=\s+(?:[«\"“(\[]\s*)?[A-ZÀ-Ý0-9])")
_END = re.compile(r"[.!?…:;»”\")]\s*$")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    r"""Spans of paragraphs: blocks between blank lines, and lines of a block that end a sentence.

    A line that does not end with closing punctuation and is followed by a line starting in lower
    case is a hard wrap, so the paragraph goes on: "a b\nc d.\nE f." -> [(0, 8), (9, 13)]
    """
    spans: list[tuple[int, int]] = []
    lines = [m for m in re.finditer(r"[^\n]*", text) if m.group().strip()]
    start = end = -1
    for i, line in enumerate(lines):
        if start < 0:
            start = line.start()
        end = line.end()
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        wrapped = (
            nxt is not None
            # Lines in between hold only white space (" ", "\r", "\t", NBSP...): two newlines mean
            # a blank line, which always ends the paragraph.
            and text.count("\n", end, nxt.start()) < 2
            and not _END.search(line.group())
            and nxt.group().lstrip()[:1].islower()
        )
        if not wrapped:
            _add_span(spans, text, start, end)
            start = -1
    return spans


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of `text[start:end]`, stripped of white space.

    "Du 20 au 25 mai. Objectif, échanger." -> [(0, 16), (17, 36)]
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        cut = match.end()
        # Only the end of the pending segment can hold the abbreviation: looking at the last few
        # characters keeps this linear when many abbreviations follow each other.
        tail = text[max(cursor, cut - _ABBREV_WINDOW) : cut]
        if _ABBREV.search(tail.rstrip("»”\")] ")):
            continue
        _add_span(spans, text, cursor, cut)
        cursor = cut
    _add_span(spans, text, cursor, end)
    return spans


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    left = start + (len(piece) - len(piece.lstrip()))
    spans.append((left, left + len(stripped)))
