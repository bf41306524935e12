"""Bring the store in line with the corpus: embed new chunks, delete stale ones, skip the rest.

Chunk ids hash the text and metadata, so an unchanged corpus embeds nothing and changes
nothing. New chunks are written before stale ones are deleted, so the store keeps answering
while a refresh runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from langchain_chroma import Chroma
from langchain_core.documents import Document

from corpus.article import Article
from index.chunking import split_article

Progress = Callable[[int, int], None]
BATCH = 64


@dataclass
class RefreshReport:
    """What a refresh did."""

    articles: int = 0
    chunks: int = 0
    embedded: int = 0
    deleted: int = 0
    unchanged: int = 0
    seconds: float = 0.0
    problems: dict[str, str] = field(default_factory=dict)


def chunk_articles(articles: Sequence[Article]) -> list[Document]:
    """Every chunk of every article, in corpus order."""
    return [chunk for article in articles for chunk in split_article(article)]


def stored_ids(store: Chroma) -> set[str]:
    """Ids of every chunk in the store."""
    return set(store.get(include=[])["ids"])


def refresh_index(
    store: Chroma,
    articles: Sequence[Article],
    on_progress: Progress | None = None,
    batch_size: int = BATCH,
) -> RefreshReport:
    """Sync `store` with `articles`; `on_progress(done, total)` follows the embedding."""
    started = time.perf_counter()
    chunks = chunk_articles(articles)
    wanted = {chunk.id: chunk for chunk in chunks if chunk.id}
    present = stored_ids(store)
    new = [chunk for cid, chunk in wanted.items() if cid not in present]
    stale = sorted(present - wanted.keys())
    total = len(new)
    if on_progress:
        on_progress(0, total)
    for i in range(0, total, batch_size):
        batch = new[i : i + batch_size]
        store.add_documents(batch, ids=[c.id for c in batch])
        if on_progress:
            on_progress(min(i + batch_size, total), total)
    for i in range(0, len(stale), 5000):
        store.delete(ids=stale[i : i + 5000])
    return RefreshReport(
        articles=len(articles),
        chunks=len(wanted),
        embedded=total,
        deleted=len(stale),
        unchanged=len(wanted) - total,
        seconds=time.perf_counter() - started,
    )
