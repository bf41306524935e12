"""Sync the store with the corpus: embed new and changed articles, drop removed ones, keep the rest.

Each article is compared by digest (its file's bytes and the pipeline's code) with what the active
generation holds. Unchanged articles are never read nor embedded. A refresh that changes anything
writes a new generation (a fresh collection): unchanged chunks are copied with their vectors, new
ones embedded; it is checked whole, then one metadata write on the pointer makes it active. So
readers never see two versions of an article, and a refresh killed at any point leaves the active
generation untouched (Chroma's files of a collection killed mid-write can be broken: only the
unfinished generation can be, and the next refresh drops it). The price: a changing refresh
re-inserts the unchanged vectors (no embedding, but the HNSW insert).
"""

from __future__ import annotations

import dataclasses
import json
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import chromadb
from chromadb.errors import NotFoundError
from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from corpus.article import Article
from corpus.errors import UnreadableArticle
from corpus.load import article_id, list_article_files, load_article
from index import records as rec
from index.chunking import split_article
from index.errors import RefreshFailed, StoreMismatch
from index.lock import refresh_lock
from index.records import ArticleRecord, RefreshStamp
from index.store import MODEL_KEY, LangChainEmbeddingFunction, connect

Progress = Callable[[int, int], None]
BATCH = 64  # chunks per embedding call
COPY_BATCH = 1000  # chunks per copy between generations
COSINE = {"hnsw": {"space": "cosine"}}


@dataclass(frozen=True)
class Source:
    """One article of the corpus as the refresh sees it: id, digest, and how to read it."""

    id: str
    digest: str
    load: Callable[[], Article]


def scan_folder(root: Path) -> list[Source]:
    """Every supported file under `root`, hashed but not parsed (parsing waits until it is needed)."""
    return [
        Source(article_id(path, root), rec.digest_bytes(path.read_bytes()), partial(load_article, path, root))
        for path in list_article_files(root)
    ]


def sources_from_articles(articles: Iterable[Article]) -> list[Source]:
    """Already loaded articles as sources; the digest covers their text and metadata."""
    sources = []
    for article in articles:
        payload = json.dumps(dataclasses.asdict(article), sort_keys=True, ensure_ascii=False, default=list)
        sources.append(Source(article.id, rec.digest_bytes(payload.encode()), partial(lambda a: a, article)))
    return sources


@dataclass
class RefreshReport:
    """What a refresh did: articles by fate, chunks by fate, and the time it took."""

    articles: int = 0
    added: int = 0
    updated: int = 0
    removed: int = 0
    kept: int = 0
    chunks: int = 0
    embedded: int = 0
    unchanged: int = 0  # chunks carried over from the previous generation, not embedded again
    deleted: int = 0  # chunks dropped
    seconds: float = 0.0
    generation: str = ""
    problems: dict[str, str] = field(default_factory=dict)


@dataclass
class Plan:
    """The next generation: chunks to copy (id -> new metadata or None), chunks to embed, records."""

    copy: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    embed: list[Document] = field(default_factory=list)
    records: dict[str, ArticleRecord] = field(default_factory=dict)
    changed: bool = False


def plan_generation(
    sources: Sequence[Source], records: dict[str, ArticleRecord], report: RefreshReport, full: bool
) -> Plan:
    """Compare the corpus with the active records; count each article's fate in `report`."""
    plan = Plan()
    present = set() if full else {cid for record in records.values() for cid in record.ids}
    for source in sources:
        record = records.get(source.id)
        if record and record.digest == source.digest and not full:
            plan.records[source.id] = record
            plan.copy.update(dict.fromkeys(record.ids))
            report.kept += 1
            continue
        try:
            chunks = split_article(source.load())
        except UnreadableArticle as exc:
            report.problems[source.id] = str(exc)
            continue
        plan.changed = True
        for chunk in chunks:
            chunk.metadata[rec.DIGEST] = source.digest
            if chunk.id in present:
                plan.copy[str(chunk.id)] = chunk.metadata
            else:
                plan.embed.append(chunk)
        ids = {str(c.id) for c in chunks}
        plan.records[source.id] = ArticleRecord(source.digest, ids)
        if record is None or full:
            report.added += 1
        elif record.ids == ids:
            report.kept += 1  # same chunks, new digest (a touched file, a new pipeline)
        else:
            report.updated += 1
    report.removed = len(records.keys() - plan.records.keys())
    plan.changed |= report.removed > 0
    report.articles = len(plan.records)
    return plan


def refresh_store(
    client: chromadb.ClientAPI,
    collection: str,
    embeddings: Embeddings,
    model_id: str,
    sources: Sequence[Source],
    *,
    state_dir: Path | None = None,
    full: bool = False,
    on_progress: Progress | None = None,
    batch_size: int = BATCH,
) -> RefreshReport:
    """Sync the store behind the pointer `collection` with `sources`; see the module docstring.

    `full` embeds everything again (and may switch models); `state_dir` holds the records cache.
    """
    started = time.perf_counter()
    report = RefreshReport()
    pointer = open_pointer(client, collection, embeddings, model_id, full)
    stamp = rec.read_stamp(pointer.metadata, collection)
    previous = (pointer.metadata or {}).get(rec.PREVIOUS)
    drop_generations(client, collection, keep={stamp.active, previous})
    active = pointer if stamp.active == collection else client.get_collection(stamp.active)
    records = rec.active_records(active, state_dir, collection, stamp.generation)
    plan = plan_generation(sources, records, report, full)
    if on_progress:
        on_progress(0, len(plan.embed))
    if not plan.changed and not full and stamp.generation:
        pointer.modify(metadata={**(pointer.metadata or {}), rec.REFRESHED_AT: rec.now_iso()})
        report.chunks = report.unchanged = len(plan.copy)
        report.generation = stamp.generation
        report.seconds = time.perf_counter() - started
        return report
    generation = uuid.uuid4().hex[:12]
    staging = client.create_collection(
        rec.generation_name(collection, generation),
        embedding_function=LangChainEmbeddingFunction(embeddings, model_id),
        metadata={MODEL_KEY: model_id, rec.GENERATION: generation},
        configuration=COSINE,  # type: ignore[arg-type]
    )
    copy_chunks(active, staging, plan.copy)
    embed_chunks(staging, plan.embed, embeddings, on_progress, batch_size)
    check_generation(staging, set(plan.copy) | {str(c.id) for c in plan.embed})
    swap_pointer(client, pointer, collection, staging.name, generation, stamp, embeddings, model_id)
    if state_dir:
        rec.save_cached(state_dir, collection, generation, plan.records)
    report.chunks = len(plan.copy) + len(plan.embed)
    report.embedded, report.unchanged = len(plan.embed), len(plan.copy)
    report.deleted = sum(len(r.ids) for r in records.values()) - len(plan.copy)
    report.generation = generation
    report.seconds = time.perf_counter() - started
    return report


def open_pointer(
    client: chromadb.ClientAPI, collection: str, embeddings: Embeddings, model_id: str, full: bool
) -> chromadb.Collection:
    """The pointer collection, created empty if absent; `StoreMismatch` for another model unless `full`."""
    function = LangChainEmbeddingFunction(embeddings, model_id)
    try:
        pointer = client.get_collection(collection, embedding_function=function)
    except NotFoundError:
        return client.create_collection(
            collection, embedding_function=function, metadata={MODEL_KEY: model_id}, configuration=COSINE  # type: ignore[arg-type]
        )
    built_with = (pointer.metadata or {}).get(MODEL_KEY)
    if built_with != model_id and not full:
        raise StoreMismatch(
            f"L'index a été construit avec le modèle « {built_with} », pas « {model_id} ». "
            "Reconstruisez-le avec `missions refresh --full`."
        )
    return pointer


def drop_generations(client: chromadb.ClientAPI, collection: str, keep: set[str | None]) -> None:
    """Delete the generations of `collection` other than `keep`: old ones, and those of killed refreshes."""
    prefix = rec.generation_name(collection, "")
    for found in client.list_collections():
        name = found if isinstance(found, str) else found.name
        if name.startswith(prefix) and name not in keep:
            client.delete_collection(name)


def copy_chunks(
    source: chromadb.Collection, target: chromadb.Collection, ids: dict[str, dict[str, Any] | None]
) -> None:
    """Copy chunks with their vectors (no embedding); a metadata given for an id replaces the stored one."""
    order = sorted(ids)
    for i in range(0, len(order), COPY_BATCH):
        got = source.get(ids=order[i : i + COPY_BATCH], include=["embeddings", "documents", "metadatas"])
        metadatas = [ids[cid] or meta for cid, meta in zip(got["ids"], got["metadatas"] or [], strict=True)]
        target.add(ids=got["ids"], embeddings=got["embeddings"], documents=got["documents"], metadatas=metadatas)  # type: ignore[arg-type]


def embed_chunks(
    target: chromadb.Collection,
    chunks: Sequence[Document],
    embeddings: Embeddings,
    on_progress: Progress | None,
    batch_size: int,
) -> None:
    """Embed `chunks` in batches into `target`, reporting (done, total) after each batch."""
    for i in range(0, len(chunks), batch_size):
        batch = chunks[i : i + batch_size]
        vectors = embeddings.embed_documents([c.page_content for c in batch])
        target.add(
            ids=[str(c.id) for c in batch],
            embeddings=vectors,  # type: ignore[arg-type]
            documents=[c.page_content for c in batch],
            metadatas=[c.metadata for c in batch],
        )
        if on_progress:
            on_progress(min(i + batch_size, len(chunks)), len(chunks))


def check_generation(staging: chromadb.Collection, expected: set[str]) -> None:
    """`RefreshFailed` unless the new generation holds exactly the expected chunks."""
    held = staging.get(include=[])["ids"]
    if len(held) != len(set(held)) or set(held) != expected:
        raise RefreshFailed(
            f"La nouvelle version de l'index ({staging.name}) ne contient pas les {len(expected)} passages attendus "
            f"({len(held)} trouvés) : elle n'a pas été publiée, l'index répond toujours avec la précédente."
        )


def swap_pointer(
    client: chromadb.ClientAPI,
    pointer: chromadb.Collection,
    collection: str,
    active: str,
    generation: str,
    stamp: RefreshStamp,
    embeddings: Embeddings,
    model_id: str,
) -> None:
    """Make `active` the generation readers open: one metadata write (a new model recreates the pointer)."""
    metadata: dict[str, Any] = {MODEL_KEY: model_id, rec.ACTIVE: active, rec.GENERATION: generation}
    metadata[rec.REFRESHED_AT] = rec.now_iso()
    if stamp.active != collection:
        metadata[rec.PREVIOUS] = stamp.active
    if (pointer.metadata or {}).get(MODEL_KEY) == model_id:
        pointer.modify(metadata=metadata)
        return
    # Another model (`--full`): the pointer's recorded embedding function must change too.
    client.delete_collection(collection)
    client.create_collection(
        collection,
        embedding_function=LangChainEmbeddingFunction(embeddings, model_id),
        metadata=metadata,
        configuration=COSINE,  # type: ignore[arg-type]
    )


def refresh_corpus(
    corpus_dir: Path,
    embeddings: Embeddings,
    model_id: str,
    *,
    store_dir: Path,
    chroma_url: str | None = None,
    collection: str = "missions",
    full: bool = False,
    on_progress: Progress | None = None,
    batch_size: int = BATCH,
) -> RefreshReport:
    """Sync the store with the corpus folder, holding the refresh lock (`RefreshRunning` if taken).

    `store_dir` is the local store, or with `chroma_url` the local state folder (lock, cache).
    """
    with refresh_lock(store_dir):
        return refresh_store(
            connect(store_dir, chroma_url), collection, embeddings, model_id, scan_folder(corpus_dir),
            state_dir=store_dir, full=full, on_progress=on_progress, batch_size=batch_size,
        )  # fmt: skip


def refresh_index(
    store: Chroma, articles: Sequence[Article], on_progress: Progress | None = None, batch_size: int = BATCH
) -> RefreshReport:
    """Sync the store `open_store` returned with already loaded articles (no lock, no cache).

    Open the store again afterwards to read the new generation.
    """
    client = store._client  # noqa: SLF001 - langchain_chroma keeps the client it was given
    collection = store._collection.name.split(".gen-")[0]  # noqa: SLF001
    model_id = str((client.get_collection(collection).metadata or {}).get(MODEL_KEY, ""))
    return refresh_store(
        client, collection, store.embeddings, model_id, sources_from_articles(articles),  # type: ignore[arg-type]
        on_progress=on_progress, batch_size=batch_size,
    )  # fmt: skip


def chunk_articles(articles: Sequence[Article]) -> list[Document]:
    """Every chunk of every article, in corpus order (what a refresh of them stores)."""
    return [chunk for article in articles for chunk in split_article(article)]
