"""French BM25 over the chunks: folded, stemmed terms without stop words (bm25s underneath).

Built in memory from the store's own documents each time the bot opens it, so the lexical side
can never disagree with the vectors, in the local store and on a Chroma server alike.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Sequence

import bm25s
import numpy as np

from index.french import terms


class LexicalIndex:
    """BM25 scores of every chunk for a list of query terms, and term statistics for the bot."""

    def __init__(self, texts: Sequence[str]) -> None:
        logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets its own logger to DEBUG
        self.size = len(texts)
        tokenized = [terms(text) for text in texts]
        self.doc_freq: Counter[str] = Counter(t for doc in tokenized for t in set(doc))
        self._bm25 = bm25s.BM25(k1=1.2, b=0.75)
        if self.doc_freq:  # bm25s cannot index texts that yield no term at all (emoji, stop words)
            vocab = {t: i for i, t in enumerate(sorted(self.doc_freq))}
            ids = [[vocab[t] for t in doc] for doc in tokenized]
            self._bm25.index(bm25s.tokenization.Tokenized(ids=ids, vocab=vocab), show_progress=False)
        self.vocabulary = frozenset(self.doc_freq)

    def scores(self, query_terms: Sequence[str]) -> np.ndarray:
        """BM25 score of each chunk, in the order the texts were given (zeros for no match)."""
        known = [t for t in query_terms if t in self.vocabulary]
        if not self.size or not known:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(known), dtype=np.float32)

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency; a term never seen gets the highest value."""
        df = self.doc_freq.get(term, 0)
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))
