"""One writer at a time: a refresh holds an exclusive file lock in the local state folder.

The lock is an OS lock (`flock`), so a refresh killed with SIGKILL releases it with its process.
With a Chroma server the lock lives on this machine only: two machines refreshing the same server
are not kept apart (each still writes its own generation; the last one to finish wins).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from index.errors import RefreshRunning

LOCK_NAME = "refresh.lock"


@contextmanager
def refresh_lock(state_dir: Path) -> Iterator[None]:
    """Hold the refresh lock of `state_dir` for the block; `RefreshRunning` at once if it is taken."""
    state_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(state_dir / LOCK_NAME, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise RefreshRunning(
            f"Une mise à jour de l'index est déjà en cours ({state_dir}) : elle a été laissée faire, "
            "celle-ci est refusée. Attendez qu'elle se termine, puis relancez `missions refresh` si besoin."
        ) from None
    try:
        yield
    finally:
        lock.release()
