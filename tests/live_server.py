"""A real server for the HTTP tests: the whole app (API, /v1, widget, chat) under uvicorn, on a free port.

Registered as a pytest plugin by conftest, so its fixtures are everywhere:
- `live_bot`: a `LiveBot` over a store refreshed in tmp from the seed article and the fictional missions;
- `live_url`: the app on that bot, open on loopback, with a limit high enough for fuzzing;
- `serve_app`: start another app on the same bot with other settings, `with serve_app(api_keys=["k"]) as url:`.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest

HIGH_LIMIT = 100_000  # requests a minute: the shared server must not throttle the other tests


def free_port() -> int:
    """A TCP port free on the loopback interface right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running(app, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve the ASGI `app` with uvicorn in a thread; yields its base URL ('http://127.0.0.1:PORT')."""
    import uvicorn

    port = free_port()
    # A browser still on the page keeps Gradio's event stream open: do not wait for it on the way out.
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the server on port {port} did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture(scope="session")
def live_bot(multi_corpus, tmp_path_factory, embeddings):
    """A LiveBot over the seed article and the fictional missions, its refusals logged in tmp."""
    from bot.service import LiveBot
    from bot.settings import Settings
    from tests.conftest import build_store

    root = tmp_path_factory.mktemp("live")
    build_store(multi_corpus, root / "store", embeddings)
    settings = Settings(
        corpus_dir=multi_corpus, store_dir=root / "store", unanswered_path=root / "unanswered.sqlite3",
        rate_limit_per_minute=HIGH_LIMIT,
    )  # fmt: skip
    return LiveBot(settings, embeddings)


@pytest.fixture(scope="session")
def serve_app(live_bot) -> Callable[..., AbstractContextManager[str]]:
    """`serve_app(**settings)`: a context manager running the whole app on `live_bot` with those settings."""
    import app

    def serve(**overrides) -> AbstractContextManager[str]:
        settings = live_bot.settings.model_copy(update=overrides)
        return running(app.create_app(live_bot, settings))

    return serve


@pytest.fixture(scope="session")
def live_url(serve_app) -> Iterator[str]:
    """The app with the default access rules (no key: loopback only), shared by the tests."""
    with serve_app() as url:
        yield url
