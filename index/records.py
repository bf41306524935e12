"""What the store holds, article by article, and which collection readers use.

The collection named in the settings is a pointer: its metadata names the active collection (a
generation, `missions.gen-<id>`, written whole by one refresh and never written again), the
previous one, the generation id and the time of the last refresh. Changing that metadata is one
write, so readers see the old generation or the new one, never a mix. Each chunk carries its
article's digest (content and pipeline code), so the store itself says which articles it holds
and in which version; a JSON cache per generation spares a no-op refresh from reading it back.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import chromadb
from chromadb.errors import NotFoundError

ACTIVE, PREVIOUS, GENERATION, REFRESHED_AT = "active", "previous", "generation", "refreshed_at"
DIGEST = "digest"  # chunk metadata: the digest of the article it comes from
# The code that turns a file into chunks: when it changes, every article is read again.
PIPELINE_MODULES = ("corpus", "index/chunking.py", "index/french.py")


@cache
def pipeline_version() -> str:
    """Digest of the loader and chunker source code (a changed rule re-reads every article)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for name in PIPELINE_MODULES:
        path = root / name
        for file in sorted(path.glob("*.py")) if path.is_dir() else [path]:
            digest.update(file.name.encode() + file.read_bytes())
    return digest.hexdigest()[:16]


def digest_bytes(data: bytes) -> str:
    """Digest of an article file's bytes under the current pipeline: same file, same code -> same digest."""
    return hashlib.sha256(pipeline_version().encode() + data).hexdigest()[:32]


def generation_name(collection: str, generation: str) -> str:
    """Name of a generation's collection: ("missions", "3f2a") -> "missions.gen-3f2a"."""
    return f"{collection}.gen-{generation}"


@dataclass(frozen=True)
class RefreshStamp:
    """The last refresh a pointer records: the generation readers should use, and when."""

    generation: str
    refreshed_at: datetime | None
    active: str


def read_stamp(metadata: dict[str, Any] | None, collection: str) -> RefreshStamp:
    """The stamp in a pointer's metadata; a store built before pointers is its own active collection."""
    meta = metadata or {}
    when = meta.get(REFRESHED_AT)
    return RefreshStamp(
        generation=str(meta.get(GENERATION, "")),
        refreshed_at=datetime.fromisoformat(when) if when else None,
        active=str(meta.get(ACTIVE) or collection),
    )


def last_refresh(store_dir: Path | None, chroma_url: str | None, collection: str = "missions") -> RefreshStamp | None:
    """The last refresh of the store, or None when there is none; one metadata read, no model.

    A server polls it and reloads its bot when `generation` changes (a refresh by another process).
    """
    from index.store import connect

    if not chroma_url and (store_dir is None or not (store_dir / "chroma.sqlite3").exists()):
        return None
    try:
        pointer = connect(store_dir, chroma_url).get_collection(collection)
    except NotFoundError:
        return None
    return read_stamp(pointer.metadata, collection)


def now_iso() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass
class ArticleRecord:
    """One article as a generation holds it: its digest and its chunk ids."""

    digest: str
    ids: set[str] = field(default_factory=set)


def read_records(raw: chromadb.Collection) -> dict[str, ArticleRecord]:
    """Every article of a collection, read from its chunks' metadata.

    A chunk without a digest (a store built before digests), or an article whose chunks disagree,
    gets digest "": it will be read and compared again.
    """
    data = raw.get(include=["metadatas"])
    records: dict[str, ArticleRecord] = {}
    for cid, meta in zip(data["ids"], data["metadatas"] or [], strict=True):
        source = str((meta or {}).get("source", ""))
        digest = str((meta or {}).get(DIGEST, ""))
        record = records.setdefault(source, ArticleRecord(digest))
        if record.digest != digest:
            record.digest = ""
        record.ids.add(cid)
    return records


def cache_path(state_dir: Path, collection: str) -> Path:
    """Where the records of the active generation are cached."""
    return state_dir / f"records-{collection}.json"


def load_cached(state_dir: Path, collection: str, generation: str) -> dict[str, ArticleRecord] | None:
    """The cached records if they describe `generation`, else None."""
    try:
        data = json.loads(cache_path(state_dir, collection).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not generation or data.get("generation") != generation:
        return None
    return {source: ArticleRecord(d, set(ids)) for source, (d, ids) in data["articles"].items()}


def save_cached(state_dir: Path, collection: str, generation: str, records: dict[str, ArticleRecord]) -> None:
    """Write the cache atomically (a temporary file renamed over the old one)."""
    path = cache_path(state_dir, collection)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"generation": generation, "articles": {s: [r.digest, sorted(r.ids)] for s, r in records.items()}}
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(payload), encoding="utf-8")
    os.replace(tmp, path)


def active_records(
    active: chromadb.Collection, state_dir: Path | None, collection: str, generation: str
) -> dict[str, ArticleRecord]:
    """The records of the active generation: from the cache when it names exactly its chunks, else read."""
    records = load_cached(state_dir, collection, generation) if state_dir else None
    if records is not None and set(active.get(include=[])["ids"]) == {i for r in records.values() for i in r.ids}:
        return records
    records = read_records(active)
    if state_dir and generation:
        save_cached(state_dir, collection, generation, records)
    return records
