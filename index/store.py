"""Open the Chroma store: a local `PersistentClient` folder, or a Chroma server by URL.

Both modes behave the same: telemetry off, cosine space, and an explicit embedding function
(an adapter over our LangChain `Embeddings`), so Chroma's own default model, which downloads
its weights, is never used. The collection records the embedding model's id; a store built with
another model is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import chromadb
from chromadb import Documents, EmbeddingFunction
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import NotFoundError
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from index.errors import StoreMismatch, StoreNotBuilt

MODEL_KEY = "embedding_model"
BUILD_HINT = "Construisez-le avec `missions refresh` (ou `make run`)."


class LangChainEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma-side adapter over a LangChain `Embeddings`, named so Chroma records it."""

    def __init__(self, embeddings: Embeddings | None = None, model_id: str = "") -> None:
        self._embeddings = embeddings
        self.model_id = model_id

    def __call__(self, input: Documents) -> list[Any]:  # noqa: A002 - Chroma's signature
        """Embed documents for Chroma with the LangChain model."""
        if self._embeddings is None:  # rebuilt by Chroma from the stored config
            from index.embeddings import build_embeddings

            self._embeddings, _ = build_embeddings(self.model_id or None)
        return self._embeddings.embed_documents(list(input))  # type: ignore[return-value]

    @staticmethod
    def name() -> str:
        """The name Chroma records in the collection's configuration."""
        return "missions-langchain"

    def get_config(self) -> dict[str, Any]:
        """What Chroma stores to rebuild this function: the model id."""
        return {"model": self.model_id}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> LangChainEmbeddingFunction:
        """Rebuild from the stored configuration (the model loads on first use)."""
        return LangChainEmbeddingFunction(model_id=config.get("model", ""))


def connect(store_dir: Path | None = None, chroma_url: str | None = None) -> chromadb.ClientAPI:
    """A Chroma client: HTTP when `chroma_url` is set, else a folder; telemetry always off."""
    settings = ChromaSettings(anonymized_telemetry=False)
    if chroma_url:
        url = urlparse(chroma_url)
        return chromadb.HttpClient(
            host=url.hostname or "localhost",
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=settings,
        )
    if store_dir is None:
        raise ValueError("store_dir or chroma_url is required")
    return chromadb.PersistentClient(path=str(store_dir), settings=settings)


def ensure_local_store(store_dir: Path | None, chroma_url: str | None) -> None:
    """`StoreNotBuilt` when a local store folder holds no Chroma database (a server is not checked)."""
    if not chroma_url and (store_dir is None or not (store_dir / "chroma.sqlite3").exists()):
        raise StoreNotBuilt(f"L'index n'existe pas encore ({store_dir}). {BUILD_HINT}")


def open_store(
    embeddings: Embeddings,
    model_id: str,
    *,
    store_dir: Path | None = None,
    chroma_url: str | None = None,
    collection: str = "missions",
    create: bool = False,
) -> Chroma:
    """The LangChain `Chroma` store; `StoreNotBuilt` when it is missing and `create` is False."""
    where = chroma_url or str(store_dir)
    if not create:
        ensure_local_store(store_dir, chroma_url)
    client = connect(store_dir, chroma_url)
    function = LangChainEmbeddingFunction(embeddings, model_id)
    try:
        raw = client.get_collection(collection, embedding_function=function)
    except NotFoundError:
        if not create:
            raise StoreNotBuilt(f"La collection « {collection} » est absente de {where}. {BUILD_HINT}") from None
        raw = client.create_collection(
            collection,
            embedding_function=function,
            metadata={MODEL_KEY: model_id},
            configuration={"hnsw": {"space": "cosine"}},
        )
    built_with = (raw.metadata or {}).get(MODEL_KEY)
    if built_with != model_id:
        raise StoreMismatch(
            f"L'index a été construit avec le modèle « {built_with} », pas « {model_id} ». "
            "Reconstruisez-le avec `missions refresh --full`."
        )
    # A refresh publishes each generation by naming it in the pointer's metadata (index/records.py).
    active = (raw.metadata or {}).get("active") or collection
    return Chroma(client=client, collection_name=active, embedding_function=embeddings)


def drop_collection(store_dir: Path | None, chroma_url: str | None, collection: str) -> None:
    """Delete the collection if it exists (used by a full rebuild)."""
    client = connect(store_dir, chroma_url)
    try:
        client.delete_collection(collection)
    except NotFoundError:
        pass
