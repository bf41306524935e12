"""index.refresh on a real Chroma folder: generations, the records cache, digests, progress, models.

The sync cases themselves (add, change, delete, unchanged, two editions) are in test_sync.py, on a
local store and on a server. The real model is wrapped in a spy recording what it embeds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.load import load_articles
from index.errors import StoreMismatch
from index.records import cache_path, generation_name, last_refresh
from index.refresh import chunk_articles, refresh_corpus, refresh_index
from index.store import connect, open_store
from tests.test_retrieve import ISRAEL_2018, TWO_MISSIONS, write_corpus
from tests.test_sync import RecordingEmbeddings

pytestmark = pytest.mark.slow


@pytest.fixture
def spy(embeddings) -> RecordingEmbeddings:
    return RecordingEmbeddings(embeddings[0])


@pytest.fixture
def corpus(tmp_path) -> Path:
    return write_corpus(tmp_path / "corpus", TWO_MISSIONS)


@pytest.fixture
def refresh(corpus, tmp_path, spy, embeddings):
    def run(model_id: str | None = None, **kwargs):
        return refresh_corpus(corpus, spy, model_id or embeddings[1], store_dir=tmp_path / "store", **kwargs)

    return run


def rows(tmp_path, spy, model_id) -> dict[str, dict]:
    data = open_store(spy, model_id, store_dir=tmp_path / "store").get(include=["metadatas", "documents"])
    return {i: {**m, "text": t} for i, m, t in zip(data["ids"], data["metadatas"], data["documents"], strict=True)}


def collections(tmp_path) -> set[str]:
    return {c.name for c in connect(tmp_path / "store").list_collections()}


def test_stored_chunks_keep_their_text_and_metadata_plus_the_digest(refresh, corpus, tmp_path, spy, embeddings):
    refresh()
    stored = rows(tmp_path, spy, embeddings[1])
    chunks = chunk_articles(load_articles(corpus).articles)
    assert set(stored) == {c.id for c in chunks}
    for chunk in chunks:
        row = stored[chunk.id]
        assert row["text"] == chunk.page_content
        assert {k: row[k] for k in chunk.metadata} == chunk.metadata
    assert len({r["digest"] for r in stored.values()}) == 2  # one per article


def test_a_touched_file_with_the_same_chunks_embeds_nothing(refresh, corpus, spy):
    first = refresh()
    path = corpus / "israel-2018.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    spy.documents.clear()
    report = refresh()
    assert spy.documents == [] and report.embedded == 0
    assert (report.kept, report.updated, report.chunks) == (2, 0, first.chunks)
    assert refresh().generation == report.generation  # its new digest is recorded: a no-op again


def test_a_lost_or_stale_cache_is_read_back_from_the_store(refresh, tmp_path, spy):
    first = refresh()
    cache = cache_path(tmp_path / "store", "missions")
    cache.unlink()
    spy.documents.clear()
    assert refresh().generation == first.generation and spy.documents == []
    assert cache.exists()
    cache.write_text(cache.read_text().replace(first.generation, "autre"), encoding="utf-8")
    assert refresh().generation == first.generation and spy.documents == []
    cache.write_text("{pas du json", encoding="utf-8")
    assert refresh().embedded == 0


def test_old_generations_are_dropped_keeping_the_previous_one(refresh, corpus, tmp_path):
    generations = []
    for n in range(3):
        (corpus / "israel-2018.txt").write_text(ISRAEL_2018 + f"\nAjout numéro {n}.\n", encoding="utf-8")
        generations.append(refresh().generation)
    refresh()
    names = {generation_name("missions", g) for g in generations}
    # Dropped at the start of a refresh: the active one and the one before stay for readers.
    assert collections(tmp_path) == {"missions"} | names - {generation_name("missions", generations[0])}


def test_a_leftover_generation_of_a_killed_refresh_is_dropped(refresh, tmp_path, spy, embeddings):
    refresh()
    connect(tmp_path / "store").create_collection(generation_name("missions", "tuee"))
    refresh()
    assert generation_name("missions", "tuee") not in collections(tmp_path)


def test_an_unreadable_file_is_reported_and_its_old_chunks_removed(refresh, corpus, tmp_path, spy, embeddings):
    refresh()
    (corpus / "israel-2018.txt").write_bytes("Été 2018 à Tel-Aviv.".encode("latin-1"))
    report = refresh()
    assert "UTF-8" in report.problems["israel-2018.txt"]
    assert report.removed == 1 and report.articles == 1
    assert {r["source"] for r in rows(tmp_path, spy, embeddings[1]).values()} == {"silicon-valley-2019.txt"}


def test_another_model_is_refused_unless_full(refresh, tmp_path, spy, embeddings):
    refresh()
    with pytest.raises(StoreMismatch, match="--full"):
        refresh(model_id="autre-modele")
    report = refresh(model_id="autre-modele", full=True)
    assert report.embedded == report.chunks > 0
    open_store(spy, "autre-modele", store_dir=tmp_path / "store")
    with pytest.raises(StoreMismatch):
        open_store(spy, embeddings[1], store_dir=tmp_path / "store")


def test_a_store_built_before_generations_is_migrated_without_embedding(corpus, tmp_path, spy, embeddings):
    """The old layout: chunks in the named collection itself, without digests."""
    store = open_store(spy, embeddings[1], store_dir=tmp_path / "store", create=True)
    chunks = chunk_articles(load_articles(corpus).articles)
    store.add_documents(chunks, ids=[c.id for c in chunks])
    spy.documents.clear()
    report = refresh_corpus(corpus, spy, embeddings[1], store_dir=tmp_path / "store")
    assert spy.documents == [] and (report.kept, report.chunks, report.embedded) == (2, len(chunks), 0)
    assert set(rows(tmp_path, spy, embeddings[1])) == {c.id for c in chunks}


def test_refresh_index_takes_a_store_and_loaded_articles(corpus, tmp_path, spy, embeddings):
    store = open_store(spy, embeddings[1], store_dir=tmp_path / "store", create=True)
    articles = load_articles(corpus).articles
    first = refresh_index(store, articles)
    assert first.embedded == first.chunks == len(chunk_articles(articles))
    reopened = open_store(spy, embeddings[1], store_dir=tmp_path / "store")
    assert refresh_index(reopened, articles).embedded == 0
    assert refresh_index(reopened, []).chunks == 0
    assert open_store(spy, embeddings[1], store_dir=tmp_path / "store").get(include=[])["ids"] == []


def test_progress_follows_the_embedding(corpus, tmp_path, spy, embeddings):
    calls: list[tuple[int, int]] = []
    store = open_store(spy, embeddings[1], store_dir=tmp_path / "store", create=True)
    report = refresh_index(
        store, load_articles(corpus).articles, on_progress=lambda d, t: calls.append((d, t)), batch_size=2
    )
    total = report.embedded
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert len(calls) == 1 + -(-total // 2)


def test_progress_of_a_refresh_with_nothing_to_do(refresh):
    refresh()
    calls: list[tuple[int, int]] = []
    refresh(on_progress=lambda d, t: calls.append((d, t)))
    assert calls == [(0, 0)]


def test_last_refresh_of_a_store_never_built_is_none(tmp_path):
    assert last_refresh(tmp_path / "jamais", None) is None
