"""Tests of bot.unanswered (the SQLite log of refused questions) and of the server bot that feeds it."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

import pytest

from bot.unanswered import UnansweredLog, normalise_question

NOW = dt.datetime(2025, 3, 14, 9, 30, tzinfo=dt.UTC)
REFUSED = "Quel est le prix du billet pour Tokyo ?"
ANSWERED = "Combien d'entrepreneurs ont participé à la Mission Silicon Valley ?"


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("Qui a visité  l’Élysée ?", "qui a visite l'elysee"),
        ("QUI A VISITÉ L'ÉLYSÉE", "qui a visite l'elysee"),
        ("  combien   de   participants ?!  ", "combien de participants"),
        ("Mission « New-York » (2018)", "mission new york 2018"),
        ("Œuvre ½ café", "œuvre 1 2 cafe"),
        ("🚀 ?", ""),
    ],
)
def test_normalise_question(question: str, key: str) -> None:
    assert normalise_question(question) == key


def test_groups_count_variants_and_keep_the_latest_wording_and_article(tmp_path: Path) -> None:
    log = UnansweredLog(tmp_path / "log" / "unanswered.sqlite3", retention_days=90)
    assert log.groups(now=NOW) == [] and not log.path.exists()  # nothing written before a refusal

    log.record("Quel budget pour Tokyo ?", "Mission Japon (2019)", now=NOW - dt.timedelta(hours=3))
    log.record("Quel   budget pour TOKYO", None, now=NOW - dt.timedelta(hours=2))
    log.record("quel budget pour tokyo ?!", "Mission Japon (2019)", now=NOW - dt.timedelta(hours=1))
    log.record("Qui finance la mission ?", "Mission Israël (2018)", now=NOW - dt.timedelta(minutes=5))
    log.record("   ", "ignorée", now=NOW)

    groups = log.groups(now=NOW)
    assert [(g.question, g.count, g.closest) for g in groups] == [
        ("quel budget pour tokyo ?!", 3, "Mission Japon (2019)"),
        ("Qui finance la mission ?", 1, "Mission Israël (2018)"),
    ]
    assert groups[0].last_asked == NOW - dt.timedelta(hours=1)
    assert groups[0].last_asked.tzinfo is not None


def test_ties_on_count_list_the_most_recent_first(tmp_path: Path) -> None:
    log = UnansweredLog(tmp_path / "u.sqlite3", retention_days=90)
    log.record("Ancienne ?", now=NOW - dt.timedelta(days=2))
    log.record("Récente ?", now=NOW - dt.timedelta(days=1))
    assert [g.question for g in log.groups(now=NOW)] == ["Récente ?", "Ancienne ?"]
    assert [g.question for g in log.groups(limit=1, now=NOW)] == ["Récente ?"]


def test_rows_older_than_the_retention_are_purged(tmp_path: Path) -> None:
    log = UnansweredLog(tmp_path / "u.sqlite3", retention_days=30)
    log.record("Trop vieille ?", now=NOW - dt.timedelta(days=31))
    log.record("Juste à temps ?", now=NOW - dt.timedelta(days=29))
    assert [g.question for g in log.groups(now=NOW - dt.timedelta(days=2))] == ["Juste à temps ?", "Trop vieille ?"]
    assert log.purge(now=NOW) == 1
    assert [g.question for g in log.groups(now=NOW)] == ["Juste à temps ?"]
    assert log.purge(now=NOW + dt.timedelta(days=2)) == 1
    with sqlite3.connect(log.path) as db:
        assert db.execute("SELECT COUNT(*) FROM unanswered").fetchone() == (0,)


def test_only_the_text_the_time_and_the_closest_article_are_stored(tmp_path: Path) -> None:
    log = UnansweredLog(tmp_path / "u.sqlite3", retention_days=90)
    log.record("Qui est Marie Curie ?", "Mission Silicon Valley (2017)", now=NOW)
    with sqlite3.connect(log.path) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(unanswered)")]
        rows = db.execute("SELECT * FROM unanswered").fetchall()
    assert columns == ["id", "asked_at", "question", "normalised", "closest"]
    assert rows == [(1, NOW.isoformat(), "Qui est Marie Curie ?", "qui est marie curie", "Mission Silicon Valley (2017)")]


def test_threads_record_without_losing_a_row(tmp_path: Path) -> None:
    log = UnansweredLog(tmp_path / "u.sqlite3", retention_days=90)

    def ask_many(n: int) -> None:
        for i in range(10):
            log.record(f"Question {n}-{i % 2} ?")

    threads = [threading.Thread(target=ask_many, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    groups = log.groups()
    assert sum(g.count for g in groups) == 40
    assert sorted(g.count for g in groups) == [5] * 8


# --- the server's bot records its refusals; the CLI's does not -----------------------------------


@pytest.fixture
def settings(seed_store_dir, tmp_path):
    from bot.settings import Settings

    return Settings(store_dir=seed_store_dir, unanswered_path=tmp_path / "journal" / "unanswered.sqlite3")


def test_the_live_bot_records_refusals_only_and_keeps_doing_so_after_a_reload(settings, embeddings) -> None:
    from bot.service import LiveBot

    live = LiveBot(settings, embeddings)
    answered = live.bot.ask(ANSWERED)
    assert not answered.abstained
    assert not settings.unanswered_path.exists()

    refused = live.bot.ask(REFUSED)
    assert refused.abstained
    live.reload()
    assert live.bot.ask("quel est le PRIX du billet pour Tokyo").abstained
    groups = live.unanswered.groups()
    assert [(g.question, g.count) for g in groups] == [("quel est le PRIX du billet pour Tokyo", 2)]
    assert groups[0].closest == (refused.leads[0] if refused.leads else None)


def test_a_broken_log_never_breaks_the_answer(settings, embeddings, caplog) -> None:
    from bot.service import LiveBot

    settings.unanswered_path.mkdir(parents=True)  # a folder where the file should be: sqlite fails
    live = LiveBot(settings, embeddings)
    assert live.bot.ask(REFUSED).abstained
    assert "Question sans réponse non enregistrée" in caplog.text


def test_bots_of_the_cli_record_nothing(settings, embeddings) -> None:
    from bot.service import open_bot

    bot = open_bot(settings, embeddings)  # what `missions ask` and `missions eval` use
    assert bot.ask(REFUSED).abstained
    assert not settings.unanswered_path.exists()
