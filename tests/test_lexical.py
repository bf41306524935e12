"""index.lexical: French BM25 over the seed's chunks ranks the chunk that answers first."""

from __future__ import annotations

import numpy as np
import pytest

from corpus.load import load_articles
from index.chunking import split_article
from index.french import terms
from index.lexical import LexicalIndex
from tests.conftest import SEED_CORPUS

CHUNKS = [c.page_content for c in split_article(load_articles(SEED_CORPUS).articles[0])]


@pytest.fixture(scope="module")
def index() -> LexicalIndex:
    return LexicalIndex(CHUNKS)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Combien de start-ups héberge Plug & Play ?", "près de 500 start-ups"),
        ("combien de start up heberge plug and play", "près de 500 start-ups"),
        ("Qui préside le cluster French South Digital ?", "Pierre Deniset"),
        ("Quel est le chiffre d'affaires de Criteo ?", "2 milliards de $ de CA"),
        ("Combien de rendez-vous les participants ont-ils eus ?", "14 rendez-vous"),
        (
            "Quelle est la devise adoptée par de nombreux ingénieurs français en Californie ?",
            "Think bigger",
        ),
        ("Combien de milliards ont été levés dans la Silicon Valley cette année ?", "38 milliards"),
        ("Quelles présentations ont été faites par Samsung ?", "Internet Of Things"),
        ("Combien d'entrepreneurs ont participé ?", "une quinzaine d’entrepreneurs"),
    ],
)
def test_bm25_ranks_the_answering_chunk_first(index, question, fact):
    scores = index.scores(terms(question))
    best = int(np.argmax(scores))
    assert fact in CHUNKS[best]
    assert scores[best] > 0


def test_scores_follow_the_texts_order(index):
    scores = index.scores(terms("Pierre Deniset"))
    assert scores.shape == (len(CHUNKS),)
    assert [i for i, s in enumerate(scores) if s > 0] == [
        i for i, c in enumerate(CHUNKS) if "Deniset" in c
    ]


@pytest.mark.parametrize(
    "query", [[], ["zzzinconnu"], terms("Où se trouve l'Australie ?"), terms("Quand ?")]
)
def test_unknown_terms_score_zero(index, query):
    assert not index.scores(query).any()


def test_idf_is_highest_for_unseen_terms_and_falls_with_frequency(index):
    rare, common = "deniset", "particip"
    assert index.doc_freq[rare] < index.doc_freq[common]
    assert index.idf("jamaisvu") > index.idf(rare) > index.idf(common) > 0


def test_accents_and_case_do_not_matter(index):
    assert np.array_equal(index.scores(terms("HÉBERGE")), index.scores(terms("heberge")))


def test_empty_index():
    empty = LexicalIndex([])
    assert empty.size == 0
    assert empty.scores(["mission"]).shape == (0,)
    assert empty.idf("mission") > 0


@pytest.mark.parametrize(
    "texts", [["", "Bonjour."], ["Bonjour."], ["a " * 5000 + "incubateur."], ["😀 incubateur"]]
)
def test_odd_texts_index_without_error(texts):
    index = LexicalIndex(texts)
    assert index.scores(terms("incubateur")).shape == (len(texts),)


@pytest.mark.parametrize("texts", [["😀"], ["Et alors ?"], [""]])
def test_texts_without_any_term_index_without_error(texts):
    index = LexicalIndex(texts)
    assert not index.scores(terms("incubateur")).any()
