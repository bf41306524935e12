"""Hybrid retrieval: French BM25 fused with dense similarity by reciprocal rank fusion.

Why both: on the seed article, all-MiniLM-L6-v2 alone ranks the right paragraph first for about
half of French questions, French BM25 for most; fusing keeps BM25's precision and lets the dense
side rescue paraphrases. Mission and year filters apply to both sides.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np
from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from bot import evidence, lexicon
from bot.answer import Passage
from bot.question import Analysis, MissionRef, destination_parts
from corpus.facts import places_of
from corpus.metadata import months_in
from index.french import stem, terms
from index.lexical import LexicalIndex

RRF_K = 60
LEXICAL_WEIGHT = 1.0
DENSE_WEIGHT = 0.6
NAMING_WEIGHT = 0.3  # the named mission's own words, on the lexical side
LEXICAL_KEPT = 2  # the lexical side's best hits always among the passages


class Retriever:
    """Search the chunks of one store; holds the store's documents and their BM25 index."""

    def __init__(self, store: Chroma, embeddings: Embeddings) -> None:
        self.store = store
        self.embeddings = embeddings
        data = store.get(include=["documents", "metadatas"])
        self.documents = [
            Document(id=i, page_content=t or "", metadata=dict(m or {}))
            for i, t, m in zip(data["ids"], data["documents"], data["metadatas"], strict=True)
        ]
        self.documents.sort(key=lambda d: (d.metadata.get("source", ""), d.metadata.get("chunk", 0)))
        self.lexical = LexicalIndex([_with_heading(d) for d in self.documents])
        self._position = {d.id: i for i, d in enumerate(self.documents)}
        self._article_terms: dict[str, set[str]] = {}
        for doc in self.documents:
            bag = self._article_terms.setdefault(str(doc.metadata.get("source", "")), set())
            bag.update(terms(doc.page_content), terms(str(doc.metadata.get("title", ""))))
        self.missions = _mission_refs(self.documents, self._article_terms)
        self.proper = proper_terms([d.page_content for d in self.documents])
        self._variants: dict[str, list[str]] = {}

    def variants(self, term: str) -> list[str]:
        """The index's other forms of `term`, longer or shorter from five letters ("satisf" for
        "satisfact"), as the answerer matches them.
        """
        if term not in self._variants:
            found = [v for v in self.lexical.vocabulary if v != term and lexicon.stems_match(term, v)]
            self._variants[term] = sorted(found)
        return self._variants[term]

    def article_terms(self, source: str) -> set[str]:
        """Every index term of an article's chunks and title."""
        return self._article_terms.get(source, set())

    def neighbour(self, document: Document, step: int) -> Document | None:
        """The chunk `step` places after (or before) `document` in the same article, if any."""
        i = self._position.get(document.id)
        if i is None or not 0 <= i + step < len(self.documents):
            return None
        other = self.documents[i + step]
        return other if other.metadata.get("source") == document.metadata.get("source") else None

    def search(self, analysis: Analysis, k: int = 8, query_vector: Sequence[float] | None = None) -> list[Passage]:
        """The `k` best chunks for the analysed question, best first; then, when the question names
        a mission, its article's opening chunk if not among them.
        """
        if not self.documents:
            return []
        allowed = self._allowed(analysis)
        # The named mission's own name and edition ("la deuxième édition") repeat the filter: they count
        # less, lest its chunks that say "Hong Kong" again outrank the line that answers ("Prix : 3 980 €").
        naming = {t for ref in self.missions if ref.mission in analysis.missions for part in destination_parts(ref)
                  for t in part} - set(analysis.focus) - set(analysis.stop)  # fmt: skip
        if analysis.missions and analysis.years:
            kept = {*analysis.focus, analysis.head, analysis.noun, *analysis.stop}
            naming |= {t for t in analysis.terms if t not in kept and _names_an_edition(t)}
        query = [t for t in analysis.terms if t not in naming]
        # the other forms of the words asked about ("satisfaction": "satisfaits"), not of the mission's name
        query += [v for t in analysis.focus for v in self.variants(t) if v not in query]
        for kind in ("future" if analysis.future else None, analysis.expects):
            if kind in lexicon.QUERY_EXPANSIONS:
                query += lexicon.expansion_terms(kind)
        lexical = self.lexical.scores(query)
        named = [t for t in analysis.terms if t in naming]
        if named:
            lexical = lexical + NAMING_WEIGHT * self.lexical.scores(named)
        lexical[~allowed] = 0.0
        lex_order = [int(i) for i in np.argsort(-lexical, kind="stable") if lexical[i] > 0][: k * 3]
        vector = list(query_vector) if query_vector is not None else self.embeddings.embed_query(analysis.question)
        dense_hits = self.store.similarity_search_by_vector_with_relevance_scores(
            vector, k=min(k * 2, int(allowed.sum()) or 1), filter=analysis.where
        )
        dense_order = [self._position[d.id] for d, _ in dense_hits if d.id in self._position]
        similarity = {self._position[d.id]: float(s) for d, s in dense_hits if d.id in self._position}
        fused: dict[int, float] = {}
        for rank, i in enumerate(lex_order):
            fused[i] = fused.get(i, 0.0) + LEXICAL_WEIGHT / (RRF_K + rank + 1)
        for rank, i in enumerate(dense_order):
            fused[i] = fused.get(i, 0.0) + DENSE_WEIGHT / (RRF_K + rank + 1)
        # The best lexical hits stay among the k, even when the dense side missed them: a short line
        # that holds every word asked ("Fonds rencontrés : Yarden Ventures, ...") must not be fused away.
        kept = [i for i in lex_order[:LEXICAL_KEPT] if i in fused]
        # So does the best hit on the asked-for words alone, or their synonyms: the mission's name and
        # year, repeated in its lede, must not outweigh them ("... plus chère que 2017 ?" -> "C'est plus cher").
        focus = [t for t in analysis.focus if t not in analysis.own_places]  # "californien": every passage's
        focus += [t for term in focus for t in lexicon.synonyms().get(term, ())]  # "Inscriptions :"
        if focus and set(focus) != set(query):
            top = self._best_on(focus, allowed)
            if top is not None and top not in kept:
                fused.setdefault(top, 0.0)
                kept.append(top)
        ranked = [i for i in sorted(fused, key=lambda i: -fused[i]) if i not in kept]
        best = sorted(ranked[: max(k - len(kept), 0)] + kept[:k], key=lambda i: -fused[i])
        # And, beyond the k, the best hit on the names it gives: "Lumacort", in one line, against
        # "intelligence artificielle" in ten.
        if analysis.names and (top := self._best_on(list(analysis.names), allowed)) is not None and top not in best:
            best.append(top)
        if analysis.missions:  # the lede of a named mission tells who, when and how many, in any words
            best += [i for i in self._ledes(allowed) if i not in best]
        if analysis.missions and analysis.expects == "contact":
            # "quel numéro faut-il appeler ?": the article's phone and e-mail lines, whatever else it repeats
            best += [i for i in self._contacts(allowed) if i not in best]
        if analysis.missions and analysis.expects == "date" and not analysis.focus:
            # "Quand la mission X s'est-elle déroulée ?": its span of days, wherever the article gives it
            best += [i for i in self._spans(allowed) if i not in best]
        lex_rank = {i: r for r, i in enumerate(lex_order)}
        dense_rank = {i: r for r, i in enumerate(dense_order)}
        return [
            Passage(
                document=self.documents[i],
                score=fused.get(i, 0.0),
                lexical_rank=lex_rank.get(i),
                dense_rank=dense_rank.get(i),
                dense_similarity=similarity.get(i),
            )
            for i in best
        ]

    def _best_on(self, words: list[str], allowed: np.ndarray) -> int | None:
        """The allowed chunk that scores best on `words` alone, if any holds one."""
        scores = self.lexical.scores(words)
        scores[~allowed] = 0.0
        top = int(np.argmax(scores))
        return top if scores[top] > 0 else None

    def _ledes(self, allowed: np.ndarray, most: int = 2) -> list[int]:
        """Positions of the first chunk of each allowed article, when there are at most `most`."""
        return self._first_of_each(allowed, most, lambda _: True)

    def _spans(self, allowed: np.ndarray, most: int = 2) -> list[int]:
        """Positions of the first chunk of each allowed article that gives a span of days, when there
        are at most `most` articles.
        """
        return self._first_of_each(allowed, most, lambda doc: evidence.has_day_span(doc.page_content))

    def _contacts(self, allowed: np.ndarray, most: int = 2) -> list[int]:
        """Positions of the chunks giving a phone, an e-mail or a contact person, in at most `most` articles."""
        return self._first_of_each(allowed, most, lambda doc: evidence.has_contact(doc.page_content, set()), every=True)

    def _first_of_each(
        self, allowed: np.ndarray, most: int, keep: Callable[[Document], bool], every: bool = False
    ) -> list[int]:
        """Positions of the first kept chunk (`every` one) of each allowed article, when at most `most`
        articles are allowed.
        """
        sources = {str(self.documents[i].metadata.get("source", "")) for i in np.flatnonzero(allowed)}
        if len(sources) > most:
            return []
        kept: dict[str, list[int]] = {}
        for i in np.flatnonzero(allowed):
            source = str(self.documents[i].metadata.get("source", ""))
            if (every or source not in kept) and keep(self.documents[i]):
                kept.setdefault(source, []).append(int(i))
        return [i for positions in kept.values() for i in positions]

    def _allowed(self, analysis: Analysis) -> np.ndarray:
        mask = np.ones(len(self.documents), dtype=bool)
        if analysis.missions:
            mask &= np.array([d.metadata.get("mission") in analysis.missions for d in self.documents])
        if analysis.years:
            mask &= np.array([d.metadata.get("year") in analysis.years for d in self.documents])
        return mask


_INSIDE_CAPITALISED = re.compile(r"(?<![.!?:»«\n]\s)(?<!^)\b[A-ZÀ-Ý][\w\-]*[a-zà-ÿ][\w\-]*")
# A capitalised word opening a sentence, set off by a comma: a name in apposition ("Hydrosol, PME de...").
_OPENING_NAME = re.compile(r"(?:^|[.!?]\s+)([A-ZÀ-Ý][\w\-]*[a-zà-ÿ][\w\-]*),\s")
PROPER_MAX_SHARE = 0.25  # a name in more chunks than this ("Occitanie", "CCI") is no clue


_EDITION_WORDS = frozenset(stem(w) for w in lexicon.GENERIC_MISSION_WORDS | set(lexicon.ORDINALS))


def _names_an_edition(term: str) -> bool:
    """A word that says which mission or edition ("mission", "deuxième", "édition"), or a year."""
    return term in _EDITION_WORDS or bool(re.fullmatch(r"(?:19|20)\d\d", term))


def _with_heading(doc: Document) -> str:
    """A chunk's text for the lexical side, with its section heading: "Jour 4 – jeudi 15 novembre"
    finds the paragraph under it, not only the heading's own line.
    """
    section = str(doc.metadata.get("section") or "").strip()
    return doc.page_content if not section or section == doc.page_content.strip() else f"{section}\n{doc.page_content}"


def proper_terms(texts: Sequence[str]) -> frozenset[str]:
    """Terms the texts only ever write capitalised inside a sentence, in few chunks: company and
    people names ("Brooklane", "Shieldix"), not "Occitanie".
    """
    capitalised: dict[str, int] = {}
    lower: set[str] = set()
    for text in texts:
        caps = {t for m in _INSIDE_CAPITALISED.finditer(text) for t in terms(m.group())}
        caps |= {t for m in _OPENING_NAME.finditer(text) for t in terms(m.group(1))}  # "Hydrosol, PME de Perpignan"
        for t in caps:
            capitalised[t] = capitalised.get(t, 0) + 1
        lower.update(t for w in re.findall(r"\b[a-zà-ÿ][\w\-]*", text) for t in terms(w))
    limit = max(1, int(PROPER_MAX_SHARE * len(texts)))
    return frozenset(t for t, n in capitalised.items() if n <= limit and t not in lower and not t.isdigit())


def _mission_refs(documents: Sequence[Document], article_terms: dict[str, set[str]]) -> list[MissionRef]:
    """One reference per (mission, year) found in the chunks' metadata, with its words."""
    meta: dict[tuple[str, int | None], tuple[str | None, str | None, set[str]]] = {}
    announced: set[tuple[str, int | None]] = set()
    months: dict[tuple[str, int | None], frozenset[int]] = {}
    for doc in documents:
        mission = doc.metadata.get("mission")
        if mission:
            key = (mission, doc.metadata.get("year"))
            _, _, bag = meta.setdefault(key, (doc.metadata.get("destination"), doc.metadata.get("country"), set()))
            bag.update(article_terms.get(str(doc.metadata.get("source", "")), set()))
            months[key] = months.get(key, frozenset()) | months_in(str(doc.metadata.get("dates") or ""))
            if doc.metadata.get("announced"):
                announced.add(key)
    return [
        MissionRef(m, dest, year, frozenset(bag), places_of(country), (m, year) in announced, months[(m, year)])
        for (m, year), (dest, country, bag) in meta.items()
    ]
