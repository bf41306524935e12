"""The LLM over real HTTP: the bot from `open_bot` talks to a scripted OpenAI-compatible (or Ollama)
server started by the test, streaming or not; a hanging, refusing or garbled server ends in the
extractive answer with a notice. Every connection the tests open is checked to stay on loopback.
"""

from __future__ import annotations

import socket
import sys

import pytest

from bot.answer import Answer
from bot.generative import TIMEOUT, UNREACHABLE, UNUSABLE
from bot.service import open_bot
from bot.settings import Settings
from tests.conftest import build_store
from tests.fake_openai_server import GARBAGE, HANG, FakeLLMServer, Stall
from tests.test_generative import FILES, INCUBATORS
from tests.test_retrieve import write_corpus

pytestmark = pytest.mark.slow

REPLY = "Les participants ont visité huit incubateurs [1]. Ils ont rencontré vingt investisseurs [1]."
_connections: list[object] | None = None


def _record_connections(event: str, args: tuple) -> None:
    if event == "socket.connect" and _connections is not None:
        _connections.append(args[1])


sys.addaudithook(_record_connections)


@pytest.fixture(autouse=True)
def loopback_only():
    """Every socket the test connects must reach this machine (no model download, no telemetry)."""
    global _connections
    _connections = []
    yield _connections
    seen, _connections = _connections, None
    remote = [a for a in seen if isinstance(a, tuple) and a[0] not in ("127.0.0.1", "::1", "localhost")]
    assert remote == []


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, embeddings):
    corpus = write_corpus(tmp_path_factory.mktemp("http-corpus"), FILES)
    folder = tmp_path_factory.mktemp("http-store")
    build_store(corpus, folder, embeddings)
    return folder


def bot_for(store_dir, embeddings, url: str, llm: str = "openai", timeout: float = 20.0, key: str | None = None):
    settings = Settings(
        store_dir=store_dir, llm=llm, llm_base_url=url, llm_model="scripted", llm_timeout=timeout, llm_api_key=key
    )
    return open_bot(settings, embeddings)


def extractive(store_dir, embeddings) -> Answer:
    return open_bot(Settings(store_dir=store_dir), embeddings).ask(INCUBATORS)


def test_a_plain_reply_over_http_is_checked_and_cited(store_dir, embeddings, loopback_only):
    with FakeLLMServer(REPLY) as server:
        answer = bot_for(store_dir, embeddings, server.url, key="cle-de-test").ask(INCUBATORS)
    assert answer.text == REPLY
    assert [c.verified for c in answer.citations] == [True]
    assert answer.notice is None
    (request,) = server.requests
    assert request["path"] == "/v1/chat/completions"
    assert not request["body"].get("stream")
    assert request["body"]["model"] == "scripted"
    assert request["headers"]["authorization"] == "Bearer cle-de-test"
    system, user = request["body"]["messages"]
    assert system["role"] == "system" and "uniquement à partir des passages numérotés" in system["content"]
    assert '<passage n="1"' in user["content"] and "huit incubateurs" in user["content"]
    assert any(port == int(server.url.split(":")[2].split("/")[0]) for _, port in loopback_only)


def test_stream_over_http_yields_tokens_then_the_checked_answer(store_dir, embeddings):
    reply = REPLY + " Ils ont goûté le meilleur houmous du pays [1]."
    with FakeLLMServer(reply) as server:
        items = list(bot_for(store_dir, embeddings, server.url).stream(INCUBATORS))
    pieces, final = items[:-1], items[-1]
    assert server.requests[0]["body"]["stream"] is True
    assert len(pieces) > 5 and "".join(pieces) == reply
    assert isinstance(final, Answer) and final.text == REPLY
    assert final.notice is not None  # the invented sentence was streamed, then dropped


@pytest.mark.timeout(60)
@pytest.mark.parametrize("streaming", [False, True])
def test_a_hanging_server_times_out_into_the_extractive_answer(store_dir, embeddings, streaming):
    with FakeLLMServer(HANG, HANG) as server:
        bot = bot_for(store_dir, embeddings, server.url, timeout=1.0)
        answer = list(bot.stream(INCUBATORS))[-1] if streaming else bot.ask(INCUBATORS)
    assert answer.notice == TIMEOUT
    assert answer.text == extractive(store_dir, embeddings).text
    assert len(server.requests) == 1  # no retry: the timeout bounds the wait


@pytest.mark.timeout(60)
def test_a_stream_that_stalls_midway_ends_in_the_extractive_answer(store_dir, embeddings):
    with FakeLLMServer(Stall("Les participants ont visité ")) as server:
        items = list(bot_for(store_dir, embeddings, server.url, timeout=1.0).stream(INCUBATORS))
    pieces, final = items[:-1], items[-1]
    assert "".join(pieces) == "Les participants ont visité "  # what the reader saw before the stall...
    assert final.notice == TIMEOUT  # ...is replaced by the final answer
    assert final.text == extractive(store_dir, embeddings).text


def test_a_refused_connection_falls_back(store_dir, embeddings):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    answer = bot_for(store_dir, embeddings, f"http://127.0.0.1:{port}/v1").ask(INCUBATORS)
    assert answer.notice == UNREACHABLE
    assert answer.text == extractive(store_dir, embeddings).text


def test_a_reply_that_is_no_chat_completion_falls_back(store_dir, embeddings):
    with FakeLLMServer(GARBAGE) as server:
        answer = bot_for(store_dir, embeddings, server.url).ask(INCUBATORS)
    assert answer.notice == UNUSABLE
    assert answer.text == extractive(store_dir, embeddings).text


def test_ollama_over_http(store_dir, embeddings):
    with FakeLLMServer(REPLY, REPLY) as server:
        bot = bot_for(store_dir, embeddings, server.root, llm="ollama")
        answer = bot.ask(INCUBATORS)
        streamed = list(bot.stream(INCUBATORS))
    assert answer.text == REPLY and answer.citations[0].verified
    assert [r["path"] for r in server.requests] == ["/api/chat", "/api/chat"]
    assert server.requests[0]["body"]["model"] == "scripted"
    assert streamed[-1].text == REPLY and "".join(streamed[:-1]) == REPLY
