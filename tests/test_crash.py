"""A refresh killed with SIGKILL at several points leaves a store that answers, and the next one completes.

A store is built from a generated corpus of 200 short articles; the corpus then changes (20 deleted,
20 changed, 20 added) and a refresh of it runs in a child process that prints its progress. The test
kills it at several observed points (before the first embedding, after the first batch, halfway,
after the last batch), and after each kill checks that the store opens, answers through `open_bot`,
holds no duplicate id and is exactly the old corpus or exactly the new one, never a mix. A last
refresh must then reach exactly the chunks the new corpus yields.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.service import open_bot
from bot.settings import Settings
from corpus.load import load_articles
from index.refresh import chunk_articles, refresh_corpus
from index.store import connect, open_store
from tests.conftest import ROOT
from tests.generated_corpus import write_generated_corpus

pytestmark = pytest.mark.slow

CHILD = """
import sys
from pathlib import Path
from index.embeddings import build_embeddings
from index.refresh import refresh_corpus

embeddings, model_id = build_embeddings(None)
print("loaded", flush=True)
refresh_corpus(
    Path(sys.argv[1]), embeddings, model_id, store_dir=Path(sys.argv[2]), batch_size=8,
    on_progress=lambda done, total: print(f"progress {done} {total}", flush=True),
)
print("done", flush=True)
"""

# (name, should we kill after this progress line?) observed on the child's real progress output.
KILL_POINTS = [
    ("before the first embedding", lambda done, total: done == 0),
    ("after the first batch", lambda done, total: done >= 8),
    ("halfway", lambda done, total: done >= total // 2),
    ("after the last batch", lambda done, total: done == total),
]


def expected_ids(corpus: Path) -> set[str]:
    return {str(c.id) for c in chunk_articles(load_articles(corpus).articles)}


def change_corpus(corpus: Path) -> set[str]:
    """Delete 20 articles, change 20, add 20; return the ids of the deleted articles."""
    paths = sorted(corpus.glob("mission-*.txt"))
    for path in paths[:20]:
        path.unlink()
    for path in paths[20:40]:
        path.write_text(path.read_text(encoding="utf-8") + "\nLa délégation reviendra l'an prochain.\n", encoding="utf-8")
    write_generated_corpus(corpus / "nouveaux", 20, paragraphs=1, seed=2)
    return {p.name for p in paths[:20]}


def run_and_kill(corpus: Path, store: Path, should_kill) -> str:
    """Run the child refresh and SIGKILL it on the first progress line where `should_kill` holds."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(corpus), str(store)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    seen = "nothing"
    deadline = time.monotonic() + 120
    try:
        for line in child.stdout:  # type: ignore[union-attr]
            seen = line.strip()
            if line.startswith("progress"):
                done, total = map(int, line.split()[1:])
                if should_kill(done, total):
                    child.send_signal(signal.SIGKILL)
                    break
            assert time.monotonic() < deadline, "the child refresh took too long"
    finally:
        child.kill()
        child.wait(timeout=30)
    return seen


def check_store_answers(corpus: Path, store: Path, embeddings, old: set[str], new: set[str]) -> None:
    """The store opens, answers, has no duplicate, and is exactly the old or the new corpus."""
    bot = open_bot(Settings(corpus_dir=corpus, store_dir=store), model=embeddings)
    answer = bot.ask("Combien d'incubateurs les participants de la mission Israël ont-ils visités ?")
    assert answer.text
    assert bot.search("accords de partenariat signés", k=3)
    ids = open_store(*embeddings, store_dir=store).get(include=[])["ids"]
    assert len(ids) == len(set(ids))
    assert set(ids) in (old, new)


def test_a_refresh_killed_at_any_point_is_completed_by_the_next(tmp_path, embeddings):
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    write_generated_corpus(corpus, 200, paragraphs=1, seed=1)
    old = expected_ids(corpus)
    refresh_corpus(corpus, *embeddings, store_dir=store)
    deleted = change_corpus(corpus)
    new = expected_ids(corpus)
    assert len(load_articles(corpus).articles) == 200 and old != new
    for name, should_kill in KILL_POINTS:
        seen = run_and_kill(corpus, store, should_kill)
        assert seen.startswith("progress"), f"killed {name}: the child printed {seen!r}, no progress"
        check_store_answers(corpus, store, embeddings, old, new)
    report = refresh_corpus(corpus, *embeddings, store_dir=store)
    assert report.problems == {}
    rows = open_store(*embeddings, store_dir=store).get(include=["metadatas"])
    assert len(rows["ids"]) == len(set(rows["ids"])) == len(new) == report.chunks
    assert set(rows["ids"]) == new
    assert not {m["source"] for m in rows["metadatas"]} & deleted
    # Unfinished generations of the killed refreshes are gone; the active and the previous stay.
    names = {c.name for c in connect(store).list_collections()}
    assert len(names) <= 3 and "missions" in names
