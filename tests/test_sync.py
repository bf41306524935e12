"""Sync cases (add, change, delete, unchanged, two editions) against a local store and a real `chroma run` server.

Every test runs twice: on a Chroma folder in tmp_path, and on a collection of its own on a real
server. The real model is wrapped in a spy recording what it embeds, so the tests assert what
reached the model, not only what the report says.
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from langchain_core.embeddings import Embeddings

from corpus.load import load_articles
from index.errors import RefreshRunning
from index.lock import refresh_lock
from index.records import last_refresh
from index.refresh import chunk_articles, refresh_corpus
from index.status import read_status
from index.store import open_store
from tests.chroma_server import running_chroma
from tests.conftest import SEED_CORPUS
from tests.test_retrieve import ISRAEL_2018, SILICON_VALLEY_2019, TWO_MISSIONS, write_corpus

pytestmark = pytest.mark.slow

SEED_NAME = "mission-silicon-valley-2017.txt"


class RecordingEmbeddings(Embeddings):
    """The real model, recording every text sent to `embed_documents`."""

    def __init__(self, inner: Embeddings) -> None:
        self.inner = inner
        self.documents: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.documents.extend(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sync-server")
    with running_chroma(folder / "data", folder / "chroma.log") as url:
        yield url


@dataclass
class Target:
    """Where a test's store lives: a local folder, or a collection of its own on the server."""

    corpus: Path
    state: Path
    url: str | None
    collection: str
    spy: RecordingEmbeddings
    model_id: str

    def refresh(self, **kwargs):
        return refresh_corpus(
            self.corpus, self.spy, self.model_id, store_dir=self.state, chroma_url=self.url,
            collection=self.collection, **kwargs,
        )  # fmt: skip

    def store(self):
        return open_store(self.spy, self.model_id, store_dir=self.state, chroma_url=self.url, collection=self.collection)

    def rows(self, store=None) -> dict[str, dict]:
        data = (store or self.store()).get(include=["metadatas", "documents"])
        assert len(data["ids"]) == len(set(data["ids"]))
        return {i: {**m, "text": t} for i, m, t in zip(data["ids"], data["metadatas"], data["documents"], strict=True)}

    def expected_ids(self) -> set[str]:
        return {c.id for c in chunk_articles(load_articles(self.corpus).articles)}


@pytest.fixture(params=["local", "server"])
def target(request, tmp_path, embeddings) -> Target:
    url = request.getfixturevalue("chroma_url") if request.param == "server" else None
    collection = f"sync-{uuid.uuid4().hex[:8]}" if url else "missions"
    corpus = write_corpus(tmp_path / "corpus", TWO_MISSIONS)
    return Target(corpus, tmp_path / "store", url, collection, RecordingEmbeddings(embeddings[0]), embeddings[1])


def test_add_embeds_only_the_new_article(target):
    (target.corpus / "israel-2018.txt").unlink()
    first = target.refresh()
    assert (first.added, first.articles, first.embedded) == (1, 1, len(target.spy.documents))
    write_corpus(target.corpus, {"israel-2018.txt": ISRAEL_2018})
    target.spy.documents.clear()
    report = target.refresh()
    assert (report.added, report.updated, report.removed, report.kept) == (1, 0, 0, 1)
    assert target.spy.documents and all("Silicon" not in t for t in target.spy.documents)
    assert report.embedded == len(target.spy.documents)
    assert set(target.rows()) == target.expected_ids()


def test_unchanged_corpus_embeds_nothing_and_keeps_the_generation(target):
    first = target.refresh()
    assert first.embedded == first.chunks == len(target.expected_ids()) > 0
    target.spy.documents.clear()
    again = target.refresh()
    assert target.spy.documents == []
    assert (again.added, again.updated, again.removed, again.kept) == (0, 0, 0, 2)
    assert (again.embedded, again.deleted, again.chunks) == (0, 0, first.chunks)
    assert again.generation == first.generation
    assert set(target.rows()) == target.expected_ids()


def test_change_replaces_the_article_and_reembeds_only_its_new_chunks(target):
    target.refresh()
    before = target.rows()
    (target.corpus / "israel-2018.txt").write_text(
        ISRAEL_2018.replace("huit incubateurs", "neuf incubateurs"), encoding="utf-8"
    )
    target.spy.documents.clear()
    report = target.refresh()
    after = target.rows()
    assert (report.added, report.updated, report.removed, report.kept) == (0, 1, 0, 1)
    assert any("neuf incubateurs" in t for t in target.spy.documents)
    assert all("Silicon" not in t for t in target.spy.documents)
    assert report.embedded == len(target.spy.documents) < report.chunks
    assert not any("huit incubateurs" in r["text"] for r in after.values())
    assert {i for i, r in before.items() if r["source"] != "israel-2018.txt"} <= set(after)
    assert set(after) == target.expected_ids()
    assert report.deleted == len(set(before) - set(after)) > 0


def test_a_reader_opened_before_a_change_never_sees_both_versions(target):
    target.refresh()
    old = target.store()
    (target.corpus / "israel-2018.txt").write_text(ISRAEL_2018.replace("huit", "neuf"), encoding="utf-8")
    target.refresh()
    for rows in (target.rows(old), target.rows()):
        israel = " ".join(r["text"] for r in rows.values() if r["source"] == "israel-2018.txt")
        assert ("huit incubateurs" in israel) != ("neuf incubateurs" in israel)


def test_delete_removes_every_chunk_of_the_article(target):
    target.refresh()
    (target.corpus / "israel-2018.txt").unlink()
    target.spy.documents.clear()
    report = target.refresh()
    assert target.spy.documents == []
    assert (report.removed, report.articles, report.embedded) == (1, 1, 0)
    assert {r["source"] for r in target.rows().values()} == {"silicon-valley-2019.txt"}
    assert set(target.rows()) == target.expected_ids()


def test_two_editions_with_similar_titles_stay_two_articles(target):
    shutil.copy(SEED_CORPUS / SEED_NAME, target.corpus / SEED_NAME)
    (target.corpus / "israel-2018.txt").unlink()
    articles = load_articles(target.corpus).articles
    assert {a.mission for a in articles} == {"Mission Silicon Valley"}
    report = target.refresh()
    rows = target.rows().values()
    assert report.articles == 2 and report.chunks == len(rows) == len(target.expected_ids())
    assert {r["source"]: r["year"] for r in rows} == {SEED_NAME: 2017, "silicon-valley-2019.txt": 2019}


def test_full_rebuild_embeds_everything_again(target):
    first = target.refresh()
    target.spy.documents.clear()
    full = target.refresh(full=True)
    assert full.embedded == first.chunks == len(target.spy.documents)
    assert full.generation != first.generation
    assert set(target.rows()) == target.expected_ids()


def test_a_second_refresh_is_refused_while_one_runs(target):
    with refresh_lock(target.state):
        with pytest.raises(RefreshRunning, match="déjà en cours"):
            target.refresh()
    assert target.spy.documents == []
    assert target.refresh().added == 2  # the lock is released with its holder


def test_status_follows_the_folder(target):
    target.refresh()
    (target.corpus / "israel-2018.txt").write_text(ISRAEL_2018.replace("huit", "neuf"), encoding="utf-8")
    write_corpus(target.corpus, {"nouvelle.txt": SILICON_VALLEY_2019.replace("2019", "2020")})
    (target.corpus / "silicon-valley-2019.txt").unlink()
    state = read_status(
        target.corpus, target.model_id, store_dir=target.state, chroma_url=target.url, collection=target.collection
    )
    assert state.articles == 2 and state.model_matches and state.refreshed_at is not None
    assert state.chunks == sum(state.chunks_by_article.values()) == len(target.rows())
    assert state.pending == ["israel-2018.txt", "nouvelle.txt"]
    assert state.gone == ["silicon-valley-2019.txt"]
    target.refresh()
    after = read_status(
        target.corpus, "autre-modele", store_dir=target.state, chroma_url=target.url, collection=target.collection
    )
    assert (after.pending, after.gone, after.model_matches) == ([], [], False)
    assert after.refreshed_at >= state.refreshed_at


def test_last_refresh_names_the_generation_readers_use(target):
    assert last_refresh(target.state, target.url, target.collection) is None or target.url
    report = target.refresh()
    stamp = last_refresh(target.state, target.url, target.collection)
    assert stamp.generation == report.generation
    assert target.store()._collection.name == stamp.active
    target.refresh()  # a no-op: same generation, a later time
    again = last_refresh(target.state, target.url, target.collection)
    assert again.generation == stamp.generation and again.refreshed_at >= stamp.refreshed_at


# --- through the command line, on a local store -------------------------------------------------


@pytest.fixture
def cli_run(monkeypatch, embeddings):
    from tests.test_cli import patch_model, run

    patch_model(monkeypatch, embeddings)
    monkeypatch.delenv("MISSIONS_EMBEDDING_MODEL", raising=False)
    return run


def test_refresh_summary_and_status_through_the_cli(cli_run, tmp_path):
    corpus = write_corpus(tmp_path / "corpus", TWO_MISSIONS)
    store = str(tmp_path / "store")
    first = cli_run("refresh", "--corpus", str(corpus), "--store", store)
    assert first.exit_code == 0, first.output
    assert "2 articles : 2 ajoutés, 0 mis à jour, 0 supprimés, 0 inchangés" in " ".join(first.stderr.split())
    (corpus / "israel-2018.txt").write_text(ISRAEL_2018.replace("huit", "neuf"), encoding="utf-8")
    result = cli_run("status", "--corpus", str(corpus), "--store", store)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Index : 2 articles" in out and "Dernière mise à jour : jamais" not in out
    assert "sentence-transformers/all-MiniLM-L6-v2" in out
    assert "pas encore indexés (nouveaux ou modifiés) : 1" in out and "  israel-2018.txt" in out
    assert "passages  silicon-valley-2019.txt" in out
    again = cli_run("refresh", "--corpus", str(corpus), "--store", store)
    assert "0 ajoutés, 1 mis à jour, 0 supprimés, 1 inchangés" in " ".join(again.stderr.split())
    assert ": 0\n" in cli_run("status", "--corpus", str(corpus), "--store", store).stdout


def test_status_refuses_a_store_of_another_model(cli_run, tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus", TWO_MISSIONS)
    assert cli_run("refresh", "--corpus", str(corpus), "--store", str(tmp_path / "store")).exit_code == 0
    monkeypatch.setenv("MISSIONS_EMBEDDING_MODEL", "autre-modele")
    result = cli_run("status", "--corpus", str(corpus), "--store", str(tmp_path / "store"))
    assert result.exit_code == 1
    assert "missions refresh --full" in " ".join(result.stderr.split())


def test_status_of_a_never_built_store_says_to_run_refresh(cli_run, tmp_path):
    result = cli_run("status", "--store", str(tmp_path / "jamais"))
    assert result.exit_code == 1 and "missions refresh" in result.stderr


def test_a_second_refresh_through_the_cli_is_refused_in_french(cli_run, tmp_path):
    corpus = write_corpus(tmp_path / "corpus", TWO_MISSIONS)
    with refresh_lock(tmp_path / "store"):
        result = cli_run("refresh", "--corpus", str(corpus), "--store", str(tmp_path / "store"))
    assert result.exit_code == 1
    assert "déjà en cours" in result.stderr and "Traceback" not in result.output
