"""Server mode: the store on a real `chroma run` server answers exactly like the local folder."""

from __future__ import annotations

import pytest

from bot.errors import StoreMismatch, StoreNotBuilt
from bot.service import open_bot
from bot.settings import Settings
from corpus.load import load_articles
from index.refresh import refresh_index
from index.store import connect, open_store
from tests.chroma_server import running_chroma
from tests.conftest import SEED_CORPUS, build_store, make_bot

pytestmark = [pytest.mark.server, pytest.mark.slow]

QUESTIONS = [
    "Combien d'entrepreneurs ont participé à la Mission Silicon Valley ?",
    "Qui préside le cluster French South Digital ?",
    "Quel est le chiffre d'affaires de Criteo ?",
    "combien de start up heberge plug and play",
    "Quelle est la devise adoptée par de nombreux ingénieurs français en Californie ?",
    "Quelle est la capitale de l'Australie ?",
]


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("chroma-server")
    with running_chroma(folder / "data", folder / "chroma.log") as url:
        yield url


@pytest.fixture(scope="module")
def server_build(chroma_url, embeddings, tmp_path_factory):
    return build_store(
        SEED_CORPUS, tmp_path_factory.mktemp("unused"), embeddings, chroma_url=chroma_url
    )


@pytest.fixture(scope="module")
def server_bot(server_build, embeddings):
    store, _ = server_build
    return make_bot(store, embeddings)


def test_first_refresh_on_the_server_embeds_every_chunk(server_build):
    _, report = server_build
    assert report.embedded == report.chunks > 0 and report.deleted == 0


@pytest.mark.parametrize("question", QUESTIONS)
def test_server_answers_like_the_local_store(server_bot, seed_bot, question):
    remote, local = server_bot.ask(question), seed_bot.ask(question)
    assert remote.text == local.text
    assert remote.abstained == local.abstained
    assert remote.citations == local.citations
    assert remote.leads == local.leads


def test_server_holds_the_same_chunks_as_the_local_store(server_bot, seed_bot):
    assert [d.id for d in server_bot.retriever.documents] == [
        d.id for d in seed_bot.retriever.documents
    ]


def test_second_refresh_on_the_server_embeds_nothing(server_build, chroma_url, embeddings):
    _, first = server_build
    store = open_store(embeddings[0], embeddings[1], chroma_url=chroma_url, create=True)
    report = refresh_index(store, load_articles(SEED_CORPUS).articles)
    assert (report.embedded, report.deleted, report.unchanged) == (0, 0, first.chunks)
    assert len(store.get(include=[])["ids"]) == first.chunks


def test_server_collection_names_our_embedding_function(server_build, chroma_url, embeddings):
    config = connect(None, chroma_url).get_collection("missions").configuration_json
    assert config["embedding_function"]["name"] == "missions-langchain"
    assert config["embedding_function"]["config"] == {"model": embeddings[1]}


def test_a_missing_collection_on_the_server_says_how_to_build_it(chroma_url, embeddings):
    with pytest.raises(StoreNotBuilt, match="missions refresh") as info:
        open_store(embeddings[0], embeddings[1], chroma_url=chroma_url, collection="jamais")
    assert chroma_url in str(info.value)


def test_another_model_is_refused_by_the_server_store(server_build, chroma_url, embeddings):
    with pytest.raises(StoreMismatch):
        open_store(embeddings[0], "autre-modele", chroma_url=chroma_url)


def test_open_bot_with_a_chroma_url(server_build, chroma_url, embeddings, monkeypatch, tmp_path):
    import bot.service

    monkeypatch.setattr(
        bot.service, "build_embeddings", lambda model=None, batch_size=32: embeddings
    )
    bot = open_bot(Settings(chroma_url=chroma_url, store_dir=tmp_path / "pas-de-dossier-local"))
    answer = bot.ask(QUESTIONS[0])
    assert "quinzaine" in answer.text
    assert answer.citations[0].source == "mission-silicon-valley-2017.txt"
