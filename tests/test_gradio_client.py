"""Gradio's own API: the chat's named `/ask` endpoint, called with `gradio_client` on the mounted app."""

from __future__ import annotations

import pytest
from gradio_client import Client

pytestmark = pytest.mark.slow

SILICON = "Combien d'entrepreneurs ont participé à la Mission Silicon Valley ?"


@pytest.fixture
def client(live_url):
    return Client(live_url + "/", verbose=False, download_files=False)


def test_ask_endpoint_is_named_and_documented(client):
    api = client.view_api(print_info=False, return_format="dict")
    endpoint = api["named_endpoints"]["/ask"]
    assert [p["label"] for p in endpoint["parameters"]] == ["Votre question"]
    assert [r["label"] for r in endpoint["returns"]] == ["Votre question", "Conversation", "Sources"]
    assert "Pose une question sur les missions" in endpoint["description"]
    assert set(api["named_endpoints"]) == {"/ask"}  # the example buttons and the bin stay private


def text(message: dict) -> str:
    """A chat message's text (Gradio 6 sends a list of parts)."""
    content = message["content"]
    return content if isinstance(content, str) else "".join(part.get("text", "") for part in content)


def test_ask_answers_with_sources_and_keeps_the_conversation(client):
    box, messages, sources = client.predict(SILICON, api_name="/ask")
    assert box == ""
    assert [m["role"] for m in messages] == ["user", "assistant"]
    assert "quinzaine" in text(messages[1]) and "**\\[1\\]**" in text(messages[1])
    assert "mission-silicon-valley-2017.txt, paragraphe 1" in sources

    _, messages, sources = client.predict("Et combien de rendez-vous ?", api_name="/ask")
    assert len(messages) == 4  # the session keeps the earlier exchange
    assert "14 rendez\\-vous" in text(messages[3])
    assert "mission-silicon-valley-2017.txt" in sources and "fictif-" not in sources


def test_a_bad_question_is_refused_in_french(client):
    from gradio_client.exceptions import ValidationError

    with pytest.raises(ValidationError, match="La question est vide"):
        client.predict("   ", api_name="/ask")
