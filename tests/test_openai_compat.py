"""The /v1 routes driven by the official `openai` client, changing only its base URL."""

from __future__ import annotations

import httpx
import numpy as np
import openai
import pytest

pytestmark = pytest.mark.slow

SILICON = "Combien d'entrepreneurs ont participé à la Mission Silicon Valley ?"


@pytest.fixture(scope="module")
def client(live_url):
    # No key is configured on this server: any key the client needs to send is ignored on loopback.
    return openai.OpenAI(base_url=f"{live_url}/v1", api_key="inutile", max_retries=0, timeout=60)


def ask(question: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": question}]


def test_chat_completion_cites_in_the_text_and_as_data(client, live_bot):
    completion = client.chat.completions.create(model="gpt-4o-mini", messages=ask(SILICON))
    answer = live_bot.bot.ask(SILICON)
    assert completion.object == "chat.completion" and completion.model == "gpt-4o-mini"
    choice = completion.choices[0]
    assert choice.finish_reason == "stop" and choice.message.role == "assistant"
    text, _, sources = choice.message.content.partition("\n\nSources :\n")
    assert text == answer.text and "quinzaine" in text
    assert sources == (
        "[1] Mission Silicon Valley, le Sud-Ouest met le cap à l’Ouest — mission-silicon-valley-2017.txt, paragraphe 1"
    )
    citations = choice.message.model_extra["citations"]
    assert citations == answer.to_dict()["citations"]
    assert citations[0]["quote"] in text


def test_streamed_completion_matches_the_whole_one(client):
    whole = client.chat.completions.create(model="missions", messages=ask(SILICON)).choices[0].message
    chunks = list(client.chat.completions.create(model="missions", messages=ask(SILICON), stream=True))
    assert chunks[0].choices[0].delta.role == "assistant"
    assert "".join(c.choices[0].delta.content or "" for c in chunks) == whole.content
    assert len({c.id for c in chunks}) == 1 and chunks[0].object == "chat.completion.chunk"
    last = chunks[-1]
    assert last.choices[0].finish_reason == "stop"
    assert all(c.choices[0].finish_reason is None for c in chunks[:-1])
    assert last.model_extra["citations"] == whole.model_extra["citations"]
    assert last.choices[0].delta.model_extra["citations"] == whole.model_extra["citations"]


def test_earlier_messages_are_the_conversation(client):
    messages = [
        {"role": "system", "content": "Tu es un assistant."},
        {"role": "user", "content": "Qui a organisé la mission de 2017 ?"},
        {"role": "assistant", "content": "La CCI Occitanie. [1]\n\nSources :\n[1] …"},
        {"role": "user", "content": [{"type": "text", "text": "Et combien de rendez-vous ?"}]},
    ]
    message = client.chat.completions.create(model="missions", messages=messages).choices[0].message
    assert "14 rendez-vous" in message.content
    assert {c["source"] for c in message.model_extra["citations"]} == {"mission-silicon-valley-2017.txt"}


def test_mission_filter_as_an_extra_body_field(client):
    message = client.chat.completions.create(
        model="missions", messages=ask("Combien de rendez-vous ?"), extra_body={"mission": "Mission Israël (2018)"}
    ).choices[0].message
    assert "17 rendez-vous" in message.content


def test_a_refusal_has_no_sources(client):
    message = client.chat.completions.create(model="missions", messages=ask("Quel temps fait-il à Paris ?"))
    content = message.choices[0].message.content
    assert "Sources :" not in content and message.choices[0].message.model_extra["citations"] == []


@pytest.mark.parametrize(
    "messages, code, words",
    [
        ([{"role": "assistant", "content": "Bonjour"}], "question_absente", "utilisateur"),
        (ask("   "), "question_invalide", "vide"),
        (ask("x" * 600), "question_invalide", "trop longue"),
    ],
)
def test_bad_conversations_are_french_422(client, messages, code, words):
    with pytest.raises(openai.UnprocessableEntityError) as raised:
        client.chat.completions.create(model="missions", messages=messages)
    assert raised.value.body == {"code": code, "message": raised.value.body["message"]}
    assert words in raised.value.body["message"]
    with pytest.raises(openai.UnprocessableEntityError):  # streaming fails before it starts
        client.chat.completions.create(model="missions", messages=messages, stream=True)


def test_models_lists_the_bot_and_the_embedding_model(client):
    assert [m.id for m in client.models.list()] == ["missions", "sentence-transformers/all-MiniLM-L6-v2"]


def test_embeddings_are_the_index_model_vectors(client, live_bot):
    texts = ["Mission Silicon Valley", "rendez-vous à Tel Aviv", "🚀 émoji"]
    expected = np.array(live_bot.model[0].embed_documents(texts))
    response = client.embeddings.create(model="text-embedding-3-small", input=texts)  # the client asks for base64
    assert response.model == "sentence-transformers/all-MiniLM-L6-v2"
    assert [d.index for d in response.data] == [0, 1, 2]
    vectors = np.array([d.embedding for d in response.data])
    assert vectors.shape == (3, 384)
    np.testing.assert_allclose(vectors, expected, atol=1e-6)
    as_floats = client.embeddings.create(model="x", input=texts[0], encoding_format="float")
    np.testing.assert_allclose(as_floats.data[0].embedding, expected[0], atol=1e-6)
    assert response.usage.prompt_tokens > as_floats.usage.prompt_tokens > 0


@pytest.mark.parametrize(
    "body, code",
    [({"input": ["ok", "  "]}, "texte_vide"), ({"input": "ok", "dimensions": 12}, "dimensions_non_prises_en_charge"),
     ({"input": [1, 2, 3]}, "requete_invalide"), ({"input": []}, "requete_invalide")],
)  # fmt: skip
def test_embeddings_refuse_bad_input_in_french(live_url, body, code):
    response = httpx.post(f"{live_url}/v1/embeddings", json=body, timeout=60)
    assert response.status_code == 422 and response.json()["error"]["code"] == code


def test_unknown_v1_route_is_a_json_404(client):
    with pytest.raises(openai.NotFoundError) as raised:
        client.completions.create(model="missions", prompt="bonjour")
    assert raised.value.body["code"] == "introuvable"
