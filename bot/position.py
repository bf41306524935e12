"""Where in the story a thing stands: the first meeting, the last day, the largest company.

A question asking for "le premier rendez-vous", "la dernière étape" or "la plus grande entreprise"
asks for the one thing an article ranks so. A sentence naming the thing without that rank ("une
première commande", "le quatrième jour", "les participants ont visité X") does not answer it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot import lexicon
from index.french import fold, is_stopword, stem, words

_RANKS = {
    "premier": "first", "premiere": "first", "premiers": "first", "premieres": "first", "1er": "first",
    "1re": "first", "1ere": "first", "first": "first", "dernier": "last", "derniere": "last", "derniers": "last",
    "dernieres": "last", "last": "last", "final": "last", "finale": "last",
}  # fmt: skip
# "la plus grande entreprise", "le plus gros contrat", "l'entreprise la plus importante"
_SIZES = frozenset(
    "grand grande grands grandes gros grosse grosses important importante importants importantes".split()
)
_MOST = "plus"
# Opening or closing a stay tells its first or last thing without the adjective: "Le séjour a débuté par…"
_OPENS = ("debut", "commenc")
_CLOSES = ("termin", "achev", "clotur")
# "la première fois" ranks no thing of the story
_NO_THING = frozenset(stem(w) for w in "fois".split())
_REACH = 3  # words between the rank and its noun ("premier grand rendez-vous")


@dataclass(frozen=True)
class Position:
    """The rank a question gives a thing of the story: ("first", "rend") for "le premier rendez-vous"."""

    rank: str  # "first", "last" or "largest"
    noun: str  # the stem of the thing ranked


def _rank_at(tokens: list[str], i: int) -> str | None:
    token = tokens[i]
    if token in _RANKS:
        return _RANKS[token]
    if token in _SIZES and i > 0 and tokens[i - 1] == _MOST:
        return "largest"
    return None


def _noun_after(tokens: list[str], i: int) -> str | None:
    """The noun right after the rank, past other adjectives ("premier grand rendez-vous")."""
    for t in tokens[i + 1 : i + 1 + _REACH]:
        if t in _SIZES or t in _RANKS or t == _MOST:
            continue
        return None if is_stopword(t) or t.isdigit() or t in lexicon.LIGHT_WORDS else t
    return None


def _noun_before(tokens: list[str], i: int) -> str | None:
    """"l'entreprise la plus grande": the noun before "la plus"."""
    j = i - 2  # before "plus"
    while j >= 0 and tokens[j] in ("le", "la", "les", "l"):
        j -= 1
    return tokens[j] if j >= 0 and not is_stopword(tokens[j]) else None


def asked_position(question: str, names_edition: Callable[[str], bool] = lambda word: False) -> Position | None:
    """The one rank the question gives a thing of the story, or None. A rank of the mission itself
    is an edition ("la première mission", "the first Silicon Valley mission": `names_edition` says
    which words name one); "en premier" ranks no thing; "le dernier des objectifs" is a list's.
    """
    tokens = [fold(w) for w in words(question)]
    found = set()
    for i in range(len(tokens)):
        rank = _rank_at(tokens, i)
        if rank is None or (i > 0 and tokens[i - 1] == "en") or tokens[i + 1 : i + 2] in (["des"], ["de"]):
            continue
        noun = _noun_after(tokens, i)
        if rank == "largest" and (noun is None or (i >= 2 and tokens[i - 2] in ("le", "la", "les"))):
            noun = _noun_before(tokens, i) or noun
        if noun is not None and stem(noun) not in _NO_THING and not names_edition(noun):
            found.add(Position(rank, stem(noun)))
    return found.pop() if len(found) == 1 else None


def _names(noun: str, token: str) -> bool:
    return lexicon.term_in(noun, {stem(token)})


def states_position(sentence: str, position: Position) -> bool:
    """The sentence gives the thing that rank: "Premier rendez-vous : le Kowloon Innovation Hub",
    "Le dernier jour, …", "X, la plus grande entreprise du programme"; or opens or closes the stay
    with it ("Le séjour a débuté par…").
    """
    tokens = [fold(w) for w in words(sentence)]
    stems = [stem(t) for t in tokens]
    if position.rank == "first" and any(s.startswith(_OPENS) for s in stems):
        return True
    if position.rank == "last" and any(s.startswith(_CLOSES) for s in stems):
        return True
    for i in range(len(tokens)):
        if _rank_at(tokens, i) != position.rank:
            continue
        after = [t for t in tokens[i + 1 : i + 1 + _REACH] if not is_stopword(t)]
        before = [t for t in tokens[max(0, i - 1 - _REACH) : max(0, i - 1)] if not is_stopword(t)]
        near = after + (before[-1:] if position.rank == "largest" else [])
        if any(_names(position.noun, t) for t in near):
            return True
    return False
