"""The index computed through a remote OpenAI-compatible embeddings server: a second Missions server, over HTTP.

`MISSIONS_EMBEDDING_BASE_URL` points `missions refresh` and `missions ask` at that server's `/v1/embeddings`;
the answers must be those of the local model. A server that is down, or refuses the key, gives a French error.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import cli
from bot.service import Turn
from bot.settings import Settings
from index.embeddings import RemoteEmbeddings, api_base, batches, build_remote_embeddings
from index.errors import EmbeddingServerError
from tests.live_server import free_port

pytestmark = pytest.mark.slow

KEY = "cle-des-embeddings"
QUESTIONS = [
    "Combien d'entrepreneurs ont participé à la Mission Silicon Valley ?",
    "Qui est Luc Julia ?",
    "Qui a organisé la mission de 2017 ?",
    "Quelles missions ont eu lieu en 2018 ?",
    "Quels secteurs étaient représentés lors de la mission à New York ?",
    "Quel temps faisait-il à Tokyo ?",  # no article says: both must abstain alike
]


@pytest.fixture(scope="module")
def embedding_server(serve_app):
    """A second Missions server (the whole app, real HTTP) whose /v1/embeddings needs a key."""
    with serve_app(api_keys=[KEY]) as url:
        yield url


@pytest.fixture
def remote_env(monkeypatch, embedding_server):
    """The environment an operator sets to embed through that server."""
    for var in ("MISSIONS_STORE_DIR", "MISSIONS_CORPUS_DIR", "MISSIONS_CHROMA_URL", "MISSIONS_EMBEDDING_MODEL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("MISSIONS_EMBEDDING_BASE_URL", embedding_server)
    monkeypatch.setenv("MISSIONS_EMBEDDING_API_KEY", KEY)
    return monkeypatch


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli.app, [*args], input=input)


def test_index_built_through_another_missions_server_answers_like_the_local_model(
    remote_env, multi_corpus, tmp_path, live_bot, embeddings
):
    store = tmp_path / "store"
    refreshed = run("refresh", "--corpus", str(multi_corpus), "--store", str(store))
    assert refreshed.exit_code == 0, refreshed.output
    assert " 0 calculés" not in refreshed.stderr

    asked = run("ask", "--json", "--corpus", str(multi_corpus), "--store", str(store), input="\n".join(QUESTIONS))
    assert asked.exit_code == 0, asked.output
    remote = [json.loads(line) for line in asked.stdout.splitlines() if line.strip()]
    local, history = [], []
    for question in QUESTIONS:  # `missions ask` reads stdin as one conversation
        answer = live_bot.bot.ask(question, history)
        local.append(json.loads(json.dumps(answer.to_dict())))
        history.append(Turn(question, answer.text))
    assert [a["question"] for a in remote] == QUESTIONS
    assert remote == local
    assert sum(bool(a["citations"]) for a in remote) >= 4  # mostly cited answers: the comparison has substance
    assert remote[-1]["abstained"]

    # The same model, so the same id: the store built remotely opens with the local model too.
    from index.store import open_store
    from tests.conftest import make_bot

    opened = open_store(embeddings[0], embeddings[1], store_dir=store)
    assert make_bot(opened, embeddings).ask(QUESTIONS[0]).to_dict() == live_bot.bot.ask(QUESTIONS[0]).to_dict()


def test_remote_vectors_match_the_local_model_and_travel_in_batches(embedding_server, embeddings):
    remote, model_id = build_remote_embeddings(embedding_server + "/v1/", api_key=KEY, batch_size=4)
    assert isinstance(remote, RemoteEmbeddings) and model_id == embeddings[1]
    sizes: list[int] = []
    create = remote.client.client.create
    remote.client.client.create = lambda input, **kw: (sizes.append(len(input)), create(input=input, **kw))[1]

    texts = [f"Mission d'affaires numéro {i} : rencontres, salons et visites d'entreprises." for i in range(10)]
    got = remote.embed_documents(texts)
    assert sizes == [4, 4, 2]
    expected = embeddings[0].embed_documents(texts)
    assert len(got) == len(texts) and all(len(v) == len(e) for v, e in zip(got, expected, strict=True))
    assert max(abs(a - b) for v, e in zip(got, expected, strict=True) for a, b in zip(v, e, strict=True)) < 1e-4
    query = remote.embed_query("Qui est Luc Julia ?")
    assert max(abs(a - b) for a, b in zip(query, embeddings[0].embed_query("Qui est Luc Julia ?"), strict=True)) < 1e-4
    assert remote.embed_documents([]) == [] and sizes == [4, 4, 2, 1]


def test_an_unreachable_server_stops_the_refresh_with_a_french_error(monkeypatch, multi_corpus, tmp_path):
    for var in ("MISSIONS_STORE_DIR", "MISSIONS_CORPUS_DIR", "MISSIONS_EMBEDDING_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    monkeypatch.setenv("MISSIONS_EMBEDDING_BASE_URL", dead)
    result = run("refresh", "--corpus", str(multi_corpus), "--store", str(tmp_path / "store"))
    assert result.exit_code == 1
    message = " ".join(result.stderr.split())
    assert f"Erreur : Le serveur d'embeddings {dead}/v1 est injoignable après 4 essais" in message
    assert "Vérifiez MISSIONS_EMBEDDING_BASE_URL" in message
    assert not (tmp_path / "store" / "chroma.sqlite3").exists()  # failed before touching the store


def test_a_refused_key_and_a_bad_url_are_told_apart(embedding_server):
    from bot.service import load_embeddings

    wrong_key = Settings(embedding_base_url=embedding_server, embedding_api_key="pas-la-bonne")
    with pytest.raises(EmbeddingServerError, match="refuse la clé .HTTP 401.*MISSIONS_EMBEDDING_API_KEY"):
        load_embeddings(wrong_key)
    no_key = Settings(embedding_base_url=embedding_server)
    with pytest.raises(EmbeddingServerError, match="refuse la clé"):
        load_embeddings(no_key)
    with pytest.raises(EmbeddingServerError, match="n'est pas une URL http"):
        load_embeddings(Settings(embedding_base_url="127.0.0.1:7860"))
    not_embeddings = Settings(embedding_base_url=embedding_server + "/api", embedding_api_key=KEY)
    with pytest.raises(EmbeddingServerError, match="a répondu HTTP 404"):
        load_embeddings(not_embeddings)


@pytest.mark.parametrize(
    ("url", "base"),
    [
        ("http://h:7860", "http://h:7860/v1"),
        ("http://h:7860/", "http://h:7860/v1"),
        (" https://api.mistral.ai/v1/ ", "https://api.mistral.ai/v1"),
        ("http://tei.local:8080/v1", "http://tei.local:8080/v1"),
        ("http://h/prefix/v1?x=1", "http://h/prefix/v1?x=1"),
    ],
)
def test_api_base_adds_v1_only_to_a_bare_server(url, base):
    assert api_base(url) == base


@pytest.mark.parametrize(
    ("texts", "size", "chars", "expected"),
    [
        ([], 3, 10, []),
        (["aa", "bb", "cccc", "d"], 2, 4, [["aa", "bb"], ["cccc"], ["d"]]),
        (["x" * 50, "y"], 8, 10, [["x" * 50], ["y"]]),  # a long text goes alone, never dropped
        (["é", "🙂", "a"], 2, 100, [["é", "🙂"], ["a"]]),
    ],
)
def test_batches_keep_order_and_limits(texts, size, chars, expected):
    got = list(batches(texts, size, chars))
    assert got == expected and [t for b in got for t in b] == texts
