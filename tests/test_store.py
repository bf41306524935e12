"""index.store: a real Chroma folder, our embedding function, clear errors for bad stores."""

from __future__ import annotations

import pytest

from index.errors import StoreMismatch, StoreNotBuilt
from index.store import (
    MODEL_KEY,
    LangChainEmbeddingFunction,
    connect,
    drop_collection,
    ensure_local_store,
    open_store,
)
from tests.conftest import build_store
from tests.test_retrieve import TWO_MISSIONS, write_corpus

pytestmark = pytest.mark.slow


@pytest.fixture
def tiny_store(tmp_path, embeddings):
    corpus = write_corpus(tmp_path / "corpus", TWO_MISSIONS)
    store, report = build_store(corpus, tmp_path / "store", embeddings)
    return tmp_path / "store", store, report


@pytest.mark.parametrize("where", ["absent", "empty-folder"])
def test_a_never_built_store_says_how_to_build_it(tmp_path, embeddings, where):
    store_dir = tmp_path / "store"
    if where == "empty-folder":
        store_dir.mkdir()
    with pytest.raises(StoreNotBuilt, match="missions refresh") as info:
        open_store(embeddings[0], embeddings[1], store_dir=store_dir)
    assert str(store_dir) in str(info.value)
    assert not (store_dir / "chroma.sqlite3").exists(), "opening must not create a store"


def test_ensure_local_store_checks_the_folder_only(tmp_path):
    with pytest.raises(StoreNotBuilt, match="missions refresh"):
        ensure_local_store(tmp_path, None)
    with pytest.raises(StoreNotBuilt):
        ensure_local_store(None, None)
    ensure_local_store(None, "http://127.0.0.1:1")  # a server is not checked here


def test_a_missing_collection_says_how_to_build_it(seed_store_dir, embeddings):
    with pytest.raises(StoreNotBuilt, match="missions refresh") as info:
        open_store(embeddings[0], embeddings[1], store_dir=seed_store_dir, collection="autre")
    assert "autre" in str(info.value)


@pytest.mark.parametrize("create", [False, True])
def test_another_model_is_refused(seed_store_dir, embeddings, create):
    with pytest.raises(StoreMismatch) as info:
        open_store(
            embeddings[0], "intfloat/multilingual-e5-small", store_dir=seed_store_dir, create=create
        )
    message = str(info.value)
    assert embeddings[1] in message and "intfloat/multilingual-e5-small" in message
    assert "missions refresh --full" in message


def test_the_collection_records_our_embedding_function_and_model(seed_store_dir, embeddings):
    raw = connect(seed_store_dir).get_collection("missions")
    assert raw.metadata[MODEL_KEY] == embeddings[1]
    config = raw.configuration_json
    assert config["embedding_function"]["name"] == "missions-langchain"
    assert config["embedding_function"]["name"] != "default"
    assert config["embedding_function"]["config"] == {"model": embeddings[1]}
    assert config["hnsw"]["space"] == "cosine"


def test_a_raw_client_queries_with_our_function_not_chromas_default(seed_store_dir):
    """Chroma rebuilds the function from the stored config: our MiniLM, loaded offline."""
    client = connect(seed_store_dir)
    active = client.get_collection("missions").metadata["active"]  # the generation a refresh published
    raw = client.get_collection(active)
    assert isinstance(raw.configuration["embedding_function"], LangChainEmbeddingFunction)
    hits = raw.query(query_texts=["Combien d'entrepreneurs ont participé ?"], n_results=3)
    assert any("quinzaine d’entrepreneurs" in doc for doc in hits["documents"][0])


def test_embedding_function_adapter(embeddings):
    function = LangChainEmbeddingFunction(embeddings[0], embeddings[1])
    assert function.name() == "missions-langchain"
    assert function.get_config() == {"model": embeddings[1]}
    rebuilt = LangChainEmbeddingFunction.build_from_config(function.get_config())
    assert rebuilt.model_id == embeddings[1]
    vectors = function(["Bonjour.", "😀"])
    assert len(vectors) == 2 and len(vectors[0]) == 384
    assert list(vectors[0]) == pytest.approx(
        embeddings[0].embed_documents(["Bonjour."])[0], abs=1e-5
    )


def test_reopening_sees_the_same_chunks(tiny_store, embeddings):
    store_dir, store, report = tiny_store
    again = open_store(embeddings[0], embeddings[1], store_dir=store_dir)
    assert sorted(again.get(include=[])["ids"]) == sorted(store.get(include=[])["ids"])
    assert len(again.get(include=[])["ids"]) == report.chunks > 0


def test_drop_collection_then_open_raises(tiny_store, embeddings):
    store_dir, _, _ = tiny_store
    drop_collection(store_dir, None, "missions")
    with pytest.raises(StoreNotBuilt):
        open_store(embeddings[0], embeddings[1], store_dir=store_dir)
    drop_collection(store_dir, None, "missions")  # dropping twice is fine


def test_connect_needs_a_folder_or_a_url():
    with pytest.raises(ValueError):
        connect(None, None)
