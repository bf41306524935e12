"""What the index holds compared with the corpus folder: articles, chunks, last refresh, pending files, model.

Reads the pointer and the active generation's records (from the cache when it is exact); hashes the
corpus files without parsing them. Never loads the embedding model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from chromadb.errors import NotFoundError

from index.errors import StoreNotBuilt
from index.records import active_records, read_stamp
from index.refresh import scan_folder
from index.store import BUILD_HINT, MODEL_KEY, connect, ensure_local_store


@dataclass
class IndexStatus:
    """The state of one store against one corpus folder."""

    model: str  # the embedding model the store was built with
    expected_model: str  # the one the settings use now
    generation: str = ""
    refreshed_at: datetime | None = None
    chunks_by_article: dict[str, int] = field(default_factory=dict)
    pending: list[str] = field(default_factory=list)  # in the folder, new or changed since the last refresh
    gone: list[str] = field(default_factory=list)  # indexed, but no longer in the folder

    @property
    def articles(self) -> int:
        """Articles indexed."""
        return len(self.chunks_by_article)

    @property
    def chunks(self) -> int:
        """Chunks indexed."""
        return sum(self.chunks_by_article.values())

    @property
    def model_matches(self) -> bool:
        """Whether the store was built with the model the settings use."""
        return self.model == self.expected_model


def read_status(
    corpus_dir: Path,
    model_id: str,
    *,
    store_dir: Path,
    chroma_url: str | None = None,
    collection: str = "missions",
) -> IndexStatus:
    """The status of the store; `StoreNotBuilt` when it was never built."""
    ensure_local_store(store_dir, chroma_url)
    client = connect(store_dir, chroma_url)
    try:
        pointer = client.get_collection(collection)
    except NotFoundError:
        where = chroma_url or store_dir
        raise StoreNotBuilt(f"La collection « {collection} » est absente de {where}. {BUILD_HINT}") from None
    stamp = read_stamp(pointer.metadata, collection)
    status = IndexStatus(
        model=str((pointer.metadata or {}).get(MODEL_KEY, "")),
        expected_model=model_id,
        generation=stamp.generation,
        refreshed_at=stamp.refreshed_at,
    )
    active = pointer if stamp.active == collection else client.get_collection(stamp.active)
    records = active_records(active, store_dir, collection, stamp.generation)
    status.chunks_by_article = {source: len(record.ids) for source, record in sorted(records.items())}
    sources = scan_folder(corpus_dir) if corpus_dir.is_dir() else []
    status.pending = [s.id for s in sources if s.id not in records or records[s.id].digest != s.digest]
    status.gone = sorted(records.keys() - {s.id for s in sources})
    return status
