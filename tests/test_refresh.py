"""index.refresh: a real Chroma store in tmp_path follows the corpus, embedding only what changed.

The real model is wrapped in a spy that records the texts it embeds, so the tests assert what
reached the model, not only what the report says.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from langchain_core.embeddings import Embeddings

from corpus.load import load_articles
from index.chunking import split_article
from index.refresh import chunk_articles, refresh_index, stored_ids
from index.store import open_store
from tests.conftest import SEED_CORPUS
from tests.test_retrieve import ISRAEL_2018, SILICON_VALLEY_2019, TWO_MISSIONS, write_corpus

pytestmark = pytest.mark.slow

SEED_NAME = "mission-silicon-valley-2017.txt"


class RecordingEmbeddings(Embeddings):
    """The real model, recording every text sent to `embed_documents`."""

    def __init__(self, inner: Embeddings) -> None:
        self.inner = inner
        self.documents: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.documents.extend(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


@pytest.fixture
def spy(embeddings) -> RecordingEmbeddings:
    return RecordingEmbeddings(embeddings[0])


@pytest.fixture
def store(tmp_path, spy, embeddings):
    return open_store(spy, embeddings[1], store_dir=tmp_path / "store", create=True)


@pytest.fixture
def corpus(tmp_path) -> Path:
    return write_corpus(tmp_path / "corpus", TWO_MISSIONS)


def refresh(store, corpus: Path, **kwargs):
    return refresh_index(store, load_articles(corpus).articles, **kwargs)


def stored(store) -> dict[str, dict]:
    data = store.get(include=["metadatas", "documents"])
    return {
        i: {**m, "text": t}
        for i, m, t in zip(data["ids"], data["metadatas"], data["documents"], strict=True)
    }


def test_first_refresh_embeds_every_chunk(store, corpus, spy):
    expected = chunk_articles(load_articles(corpus).articles)
    report = refresh(store, corpus)
    assert (report.articles, report.chunks, report.embedded, report.unchanged, report.deleted) == (
        2, len(expected), len(expected), 0, 0,
    )  # fmt: skip
    assert sorted(spy.documents) == sorted(c.page_content for c in expected)
    assert stored_ids(store) == {c.id for c in expected}


def test_stored_chunks_keep_their_text_and_metadata(store, corpus):
    refresh(store, corpus)
    rows = stored(store)
    for chunk in chunk_articles(load_articles(corpus).articles):
        row = rows[chunk.id]
        assert row["text"] == chunk.page_content
        assert {k: row[k] for k in chunk.metadata} == chunk.metadata


def test_second_refresh_embeds_nothing(store, corpus, spy):
    first = refresh(store, corpus)
    spy.documents.clear()
    second = refresh(store, corpus)
    assert spy.documents == []
    assert (second.embedded, second.deleted, second.unchanged) == (0, 0, first.chunks)
    assert len(stored_ids(store)) == first.chunks


def test_changing_one_article_reembeds_only_its_chunks(store, corpus, spy):
    refresh(store, corpus)
    before = stored(store)
    israel_before = {i for i, row in before.items() if row["source"] == "israel-2018.txt"}
    (corpus / "israel-2018.txt").write_text(
        ISRAEL_2018.replace("huit incubateurs", "neuf incubateurs"), encoding="utf-8"
    )
    spy.documents.clear()
    report = refresh(store, corpus)
    after = stored(store)
    assert all("Silicon" not in text and "San Francisco" not in text for text in spy.documents)
    assert any("neuf incubateurs" in text for text in spy.documents)
    assert report.embedded == len(spy.documents) > 0
    # The other article's chunks are untouched; the stale ones are gone.
    assert {i for i, r in before.items() if r["source"] != "israel-2018.txt"} <= set(after)
    assert not any("huit incubateurs" in r["text"] for r in after.values())
    assert report.deleted == len(israel_before - set(after)) > 0
    assert set(after) == {c.id for c in chunk_articles(load_articles(corpus).articles)}


def test_deleting_an_article_removes_its_chunks(store, corpus, spy):
    refresh(store, corpus)
    (corpus / "israel-2018.txt").unlink()
    spy.documents.clear()
    report = refresh(store, corpus)
    assert spy.documents == []
    assert {r["source"] for r in stored(store).values()} == {"silicon-valley-2019.txt"}
    assert report.deleted > 0 and report.articles == 1


def test_renaming_an_article_moves_its_chunks(store, corpus):
    refresh(store, corpus)
    (corpus / "2018").mkdir()
    (corpus / "israel-2018.txt").rename(corpus / "2018" / "israel.txt")
    refresh(store, corpus)
    assert {r["source"] for r in stored(store).values()} == {
        "2018/israel.txt",
        "silicon-valley-2019.txt",
    }


def test_two_editions_with_similar_titles_stay_separate(store, tmp_path):
    corpus = write_corpus(tmp_path / "editions", {"silicon-valley-2019.txt": SILICON_VALLEY_2019})
    shutil.copy(SEED_CORPUS / SEED_NAME, corpus / SEED_NAME)
    articles = load_articles(corpus).articles
    assert {a.mission for a in articles} == {"Mission Silicon Valley"}
    report = refresh_index(store, articles)
    rows = stored(store).values()
    assert report.chunks == sum(len(split_article(a)) for a in articles) == len(rows)
    by_source = {r["source"]: r["year"] for r in rows}
    assert by_source == {SEED_NAME: 2017, "silicon-valley-2019.txt": 2019}


def test_emptying_the_corpus_empties_the_store(store, corpus):
    refresh(store, corpus)
    report = refresh_index(store, [])
    assert stored_ids(store) == set()
    assert report.deleted > 0 and report.chunks == 0


def test_progress_follows_the_embedding(store, corpus):
    calls: list[tuple[int, int]] = []
    report = refresh(
        store, corpus, on_progress=lambda done, total: calls.append((done, total)), batch_size=2
    )
    total = report.embedded
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert len(calls) == 1 + -(-total // 2)


def test_progress_of_a_refresh_with_nothing_to_do(store, corpus):
    refresh(store, corpus)
    calls: list[tuple[int, int]] = []
    refresh(store, corpus, on_progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 0)]
