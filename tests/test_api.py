"""The /api routes over real HTTP (httpx) against the whole app served by uvicorn."""

from __future__ import annotations

import json

import httpx
import pytest

pytestmark = pytest.mark.slow

SILICON = "Combien d'entrepreneurs ont participé à la Mission Silicon Valley ?"
ISRAEL = "Mission Israël (2018)"
ISRAEL_FILE = "fictional/fictif-mission-israel-2018.txt"


@pytest.fixture(scope="module")
def client(live_url):
    with httpx.Client(base_url=live_url, timeout=60) as client:
        yield client


def events(response: httpx.Response) -> list[tuple[str, dict]]:
    """The (event, data) pairs of a server-sent event stream."""
    parsed, event, data = [], None, []
    for line in response.iter_lines():
        if line.startswith("event: "):
            event = line.removeprefix("event: ")
        elif line.startswith("data: "):
            data.append(line.removeprefix("data: "))
        elif line == "" and data:
            parsed.append((event, json.loads("\n".join(data))))
            event, data = None, []
    return parsed


def assert_error(response: httpx.Response, status: int, code: str) -> str:
    """The response is the one JSON error shape with this status and code; returns the message."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    return body["error"]["message"]


def test_ask_returns_the_json_of_missions_ask(client, live_bot):
    response = client.post("/api/ask", json={"question": SILICON})
    assert response.status_code == 200
    body = response.json()
    assert body == live_bot.bot.ask(SILICON).to_dict()
    assert "quinzaine" in body["answer"] and "[1]" in body["answer"]
    assert body["citations"][0]["source"] == "mission-silicon-valley-2017.txt"
    assert body["citations"][0]["quote"] in body["answer"]


def test_ask_follows_the_conversation(client):
    first = client.post("/api/ask", json={"question": "Qui a organisé la mission de 2017 ?"}).json()
    history = [{"question": first["question"], "answer": first["answer"]}]
    follow_up = client.post("/api/ask", json={"question": "Et combien de rendez-vous ?", "history": history}).json()
    assert "14 rendez-vous" in follow_up["answer"]
    assert {c["source"] for c in follow_up["citations"]} == {"mission-silicon-valley-2017.txt"}
    alone = client.post("/api/ask", json={"question": "Et combien de rendez-vous ?"}).json()
    assert alone["answer"] != follow_up["answer"]  # without the history it is not narrowed to 2017


@pytest.mark.parametrize(
    "mission, expected, source",
    [
        (ISRAEL, "17 rendez-vous", ISRAEL_FILE),
        ("mission israel (2018)", "17 rendez-vous", ISRAEL_FILE),
        ("fictif-mission-israel-2018.txt", "17 rendez-vous", ISRAEL_FILE),
        ("mission-silicon-valley-2017.txt", "14 rendez-vous", "mission-silicon-valley-2017.txt"),
    ],
)
def test_ask_restricted_to_one_mission(client, mission, expected, source):
    body = client.post("/api/ask", json={"question": "Combien de rendez-vous ?", "mission": mission}).json()
    assert expected in body["answer"]
    assert {c["source"] for c in body["citations"]} == {source}


def test_ask_about_another_mission_than_the_chosen_one_abstains(client):
    body = client.post("/api/ask", json={"question": SILICON, "mission": ISRAEL}).json()
    assert body["abstained"] is True and body["citations"] == []
    assert "autre mission" in body["answer"] and ISRAEL in body["answer"]


def test_unknown_mission_is_a_french_422_listing_the_missions(client, live_bot):
    message = assert_error(client.post("/api/ask", json={"question": SILICON, "mission": "Mission Lune"}), 422,
                           "mission_inconnue")  # fmt: skip
    assert "Mission Lune" in message
    for entry in live_bot.bot.catalogue:
        assert entry.label in message
    assert_error(client.get("/api/search", params={"q": "fonds", "mission": "Lune"}), 422, "mission_inconnue")


def test_ask_streams_text_then_citations_then_the_answer(client):
    whole = client.post("/api/ask", json={"question": SILICON}).json()
    with client.stream("POST", "/api/ask", params={"stream": "true"}, json={"question": SILICON}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        received = events(response)
    names = [name for name, _ in received]
    assert names[-2:] == ["citations", "done"] and set(names[:-2]) == {"text"}
    assert "".join(data["text"] for name, data in received if name == "text") == whole["answer"]
    assert received[-2][1] == {"citations": whole["citations"]}
    assert received[-1][1] == whole


def test_a_bad_question_fails_before_the_stream_starts(client):
    response = client.post("/api/ask", params={"stream": "true"}, json={"question": "   "})
    assert "vide" in assert_error(response, 422, "question_invalide")


@pytest.mark.parametrize(
    "body, message",
    [
        ({}, "« question » manquant"),
        ({"question": 12}, "« question » doit être une chaîne"),
        ({"question": "x" * 600}, "trop longue (600 caractères, 500 au plus)"),
        ({"question": "ok", "history": [{"answer": "sans question"}]}, "« history.0.question » manquant"),
    ],
)
def test_invalid_requests_get_a_french_422(client, body, message):
    response = client.post("/api/ask", json=body)
    assert response.status_code == 422
    assert message in response.json()["error"]["message"]


def test_malformed_json_gets_a_french_422(client):
    response = client.post("/api/ask", content=b'{"question": ', headers={"content-type": "application/json"})
    assert "JSON" in assert_error(response, 422, "requete_invalide")


def test_search_returns_scored_passages_with_metadata(client):
    body = client.get("/api/search", params={"q": "fonds d'investissement", "k": 3}).json()
    passages = body["passages"]
    assert [p["rank"] for p in passages] == [1, 2, 3]
    scores = [p["score"] for p in passages]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    for passage in passages:
        assert passage["text"] and passage["metadata"]["source"].endswith(".txt")
        assert isinstance(passage["metadata"]["paragraph"], int)


def test_search_within_a_mission(client):
    body = client.get("/api/search", params={"q": "rendez-vous", "k": 5, "mission": ISRAEL}).json()
    assert body["mission"] == ISRAEL and body["passages"]
    assert {p["metadata"]["source"] for p in body["passages"]} == {ISRAEL_FILE}
    assert "17 rendez-vous" in body["passages"][0]["text"]


def test_search_checks_k(client):
    assert_error(client.get("/api/search", params={"q": "fonds", "k": 0}), 422, "requete_invalide")
    assert_error(client.get("/api/search", params={"k": 3}), 422, "requete_invalide")


def test_missions_is_the_catalogue(client, live_bot):
    body = client.get("/api/missions").json()
    assert [m["label"] for m in body] == [e.label for e in live_bot.bot.catalogue]
    assert [m["label"] for m in body][:2] == ["Mission Silicon Valley (2017)", ISRAEL]
    silicon = body[0]
    assert silicon["source"] == "mission-silicon-valley-2017.txt" and silicon["year"] == 2017
    assert silicon["quote"]


def test_health_reports_the_store_and_the_model(client, live_bot):
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["store"]["passages"] == len(live_bot.bot.retriever.documents) > 0
    assert body["store"]["articles"] == 5 and body["store"]["missions"] == 5
    assert body["model"] == {"id": "sentence-transformers/all-MiniLM-L6-v2"}
    assert body["api"]["keys_required"] is False


def test_unknown_path_and_wrong_method_are_json_errors(client):
    assert "/api/nope" in assert_error(client.get("/api/nope"), 404, "introuvable")
    assert_error(client.post("/api"), 404, "introuvable")
    response = client.get("/api/ask")
    assert "POST" in assert_error(response, 405, "methode_non_permise")
    assert response.headers["allow"] == "POST"
    assert client.delete("/api/search").headers["allow"] == "GET"


def test_openapi_is_documented_in_french_with_examples(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/ask", "/api/search", "/api/missions", "/api/health", "/v1/chat/completions", "/v1/models",
                 "/v1/embeddings"):  # fmt: skip
        assert path in paths
    ask = paths["/api/ask"]["post"]
    assert ask["summary"] == "Poser une question"
    assert "citations" in ask["description"]
    assert "text/event-stream" in ask["responses"]["200"]["content"]
    schemas = spec["components"]["schemas"]
    assert schemas["AskRequest"]["examples"][0]["question"] == SILICON
    assert "reprend la mission" in schemas["AskRequest"]["properties"]["history"]["description"]
    assert schemas["ErrorBody"]["properties"]["error"]
    assert {"HTTPBearer", "APIKeyHeader"} <= set(spec["components"]["securitySchemes"])
    assert not any(p.startswith("/gradio") for p in paths)


def test_docs_page_needs_no_cdn(client):
    page = client.get("/docs")
    assert page.status_code == 200
    scripts = [line for line in page.text.splitlines() if "src=" in line or "href=" in line]
    assert scripts and not any("cdn" in line or "https://" in line for line in scripts)
    assert client.get("/static-offline-docs/swagger-ui-bundle.js").status_code == 200


def test_the_chat_page_is_served_at_the_root(client):
    page = client.get("/")
    assert page.status_code == 200 and "<html" in page.text.lower()


def test_concurrent_requests_get_the_answers_they_would_get_alone(live_url, live_bot):
    from concurrent.futures import ThreadPoolExecutor

    questions = [SILICON, "Qui est Luc Julia ?", "Combien de rendez-vous en Israël ?", "Quand a eu lieu la Mission New York ?",
                 "Quelles missions ont eu lieu en 2018 ?", "Quels fonds ont été rencontrés ?"]  # fmt: skip
    alone = [live_bot.bot.ask(q).to_dict() for q in questions]

    def ask(question: str) -> dict:
        return httpx.post(f"{live_url}/api/ask", json={"question": question}, timeout=120).json()

    with ThreadPoolExecutor(max_workers=6) as pool:
        together = list(pool.map(ask, questions * 2))
    assert together == alone * 2
