"""The questions the bot refused to answer, in a small SQLite file, so staff see what to document.

Each row holds the question text, a UTC time and the closest article's label, nothing else about
the person. Rows older than the retention are purged on every write and read. The file is
created at the first refusal; a connection is opened per call, so threads need no sharing.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS unanswered (
    id INTEGER PRIMARY KEY,
    asked_at TEXT NOT NULL,
    question TEXT NOT NULL,
    normalised TEXT NOT NULL,
    closest TEXT
);
CREATE INDEX IF NOT EXISTS unanswered_asked_at ON unanswered (asked_at);
CREATE INDEX IF NOT EXISTS unanswered_normalised ON unanswered (normalised);
"""
_APOSTROPHES = str.maketrans("’‘`´", "''''")
_NOT_WORD = re.compile(r"[^\w']+")


@dataclass(frozen=True)
class UnansweredGroup:
    """One question as staff see it: its latest wording, how often it came, the closest article."""

    question: str
    count: int
    last_asked: dt.datetime
    closest: str | None


def normalise_question(text: str) -> str:
    """The grouping key: case, accents, punctuation and spacing ignored.

    "Qui a visité  l’Élysée ?" -> "qui a visite l'elysee"
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_APOSTROPHES))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", bare).split())


def utc_now() -> dt.datetime:
    """The current time in UTC."""
    return dt.datetime.now(dt.UTC)


class UnansweredLog:
    """Record refused questions, purge them after `retention_days`, list them grouped."""

    def __init__(self, path: Path, retention_days: int) -> None:
        self.path = path
        self.retention = dt.timedelta(days=retention_days)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=10)) as db, db:  # `with db` commits
            db.executescript(SCHEMA)
            yield db

    def _purge(self, db: sqlite3.Connection, now: dt.datetime) -> int:
        cutoff = (now - self.retention).isoformat()
        return db.execute("DELETE FROM unanswered WHERE asked_at < ?", (cutoff,)).rowcount

    def record(self, question: str, closest: str | None = None, now: dt.datetime | None = None) -> None:
        """Add one refused question (whitespace collapsed) with the time and the closest article."""
        text = " ".join(question.split())
        if not text:
            return
        now = now or utc_now()
        with self._connect() as db:
            self._purge(db, now)
            db.execute(
                "INSERT INTO unanswered (asked_at, question, normalised, closest) VALUES (?, ?, ?, ?)",
                (now.isoformat(), text, normalise_question(text), closest),
            )

    def purge(self, now: dt.datetime | None = None) -> int:
        """Delete the rows older than the retention; return how many went."""
        if not self.path.exists():
            return 0
        with self._connect() as db:
            return self._purge(db, now or utc_now())

    def groups(self, limit: int = 200, now: dt.datetime | None = None) -> list[UnansweredGroup]:
        """The refused questions grouped by normalised text, most asked first, then most recent."""
        if not self.path.exists():
            return []
        with self._connect() as db:
            self._purge(db, now or utc_now())
            # SQLite takes the bare columns from the row that holds the MAX(): the latest wording.
            rows = db.execute(
                "SELECT question, closest, COUNT(*), MAX(asked_at) FROM unanswered"
                " GROUP BY normalised ORDER BY COUNT(*) DESC, MAX(asked_at) DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [
            UnansweredGroup(question, count, dt.datetime.fromisoformat(last), closest)
            for question, closest, count, last in rows
        ]
