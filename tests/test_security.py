"""Access and limits over real HTTP: API keys, loopback only without keys, rate limit, sizes, CORS, JSON errors."""

from __future__ import annotations

import socket

import httpx
import openai
import pytest

from bot.settings import Settings
from web import security

SILICON = "Combien d'entrepreneurs ont participé à la Mission Silicon Valley ?"
KEYS = ["cle-alpha", "cle-beta"]


def error_of(response: httpx.Response, status: int) -> dict[str, str]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    return body["error"]


@pytest.mark.parametrize(
    "host, loopback",
    [("127.0.0.1", True), ("127.8.9.1", True), ("::1", True), ("[::1]", True), ("localhost", True),
     ("192.0.2.7", False), ("::ffff:203.0.113.9", False), ("", False), (None, False), ("nimporte", False)],
)  # fmt: skip
def test_is_loopback(host, loopback):
    assert security.is_loopback(host) is loopback


def test_allowed_origins_never_keep_null_or_the_wildcard():
    settings = Settings(cors_origins="https://cci.example/, null, *, https://cci.example, http://localhost:3000")
    assert security.allowed_origins(settings) == ["https://cci.example", "http://localhost:3000"]


def test_describe_validation_in_french():
    errors = [{"loc": ("body", "question"), "type": "missing"}, {"loc": ("query", "k"), "type": "int_parsing"}]
    assert security.describe_validation(errors) == "Requête invalide : « question » manquant ; « k » doit être un entier."


@pytest.mark.slow
def test_keys_are_required_when_configured(serve_app):
    with serve_app(api_keys=KEYS) as url:
        for path in ("/api/health", "/api/missions", "/v1/models"):
            missing = httpx.get(url + path)
            assert error_of(missing, 401)["code"] == "cle_manquante"
            assert missing.headers["www-authenticate"] == "Bearer"
        wrong = httpx.get(url + "/api/health", headers={"Authorization": "Bearer cle-gamma"})
        assert error_of(wrong, 401)["code"] == "cle_invalide"
        assert error_of(httpx.get(url + "/api/health", headers={"Authorization": "Basic Y2xl"}), 401)
        assert httpx.get(url + "/api/health", headers={"Authorization": "Bearer cle-beta"}).status_code == 200
        assert httpx.get(url + "/api/health", headers={"X-API-Key": "cle-alpha"}).json()["api"]["keys_required"]
        assert httpx.get(url + "/").status_code == 200  # the chat page itself is public

        client = openai.OpenAI(base_url=url + "/v1", api_key="cle-alpha", max_retries=0)
        assert [m.id for m in client.models.list()][0] == "missions"
        with pytest.raises(openai.AuthenticationError) as raised:
            openai.OpenAI(base_url=url + "/v1", api_key="faux", max_retries=0).models.list()
        assert raised.value.body["code"] == "cle_invalide"


@pytest.mark.slow
def test_without_keys_only_this_machine_is_served(serve_app):
    with serve_app() as url:
        assert httpx.get(url + "/api/health").status_code == 200
        # A reverse proxy on this machine forwards a remote client: uvicorn sees the client's address.
        relayed = httpx.get(url + "/api/health", headers={"X-Forwarded-For": "203.0.113.9"})
        error = error_of(relayed, 403)
        assert error["code"] == "acces_local_uniquement" and "MISSIONS_API_KEYS" in error["message"]


def outward_address() -> str | None:
    """This machine's address on its network (no packet is sent), or None."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("203.0.113.1", 9))  # a documentation address: routed, never reached
        except OSError:
            return None
        address = sock.getsockname()[0]
    return None if security.is_loopback(address) or address == "0.0.0.0" else address


@pytest.mark.slow
def test_without_keys_a_client_from_the_network_is_refused(live_bot):
    import app
    from tests.live_server import running

    address = outward_address()
    if address is None:
        pytest.skip("no network interface besides loopback")
    with running(app.create_app(live_bot, live_bot.settings), host="0.0.0.0") as url:
        remote = url.replace("127.0.0.1", address)
        assert error_of(httpx.get(remote + "/api/health"), 403)["code"] == "acces_local_uniquement"
        assert httpx.get(url + "/api/health").status_code == 200


@pytest.mark.slow
def test_rate_limit_per_key_answers_429_with_retry_after(serve_app):
    with serve_app(api_keys=KEYS, rate_limit_per_minute=3) as url:
        alpha, beta = {"X-API-Key": "cle-alpha"}, {"Authorization": "Bearer cle-beta"}
        assert [httpx.get(url + "/api/health", headers=alpha).status_code for _ in range(3)] == [200] * 3
        refused = httpx.get(url + "/v1/models", headers=alpha)
        error = error_of(refused, 429)
        assert error["code"] == "trop_de_requetes" and "3 requêtes par minute" in error["message"]
        assert 1 <= int(refused.headers["retry-after"]) <= 60
        assert httpx.get(url + "/api/health", headers=beta).status_code == 200  # each key has its own count
        assert httpx.get(url + "/").status_code == 200  # the chat page is not counted


@pytest.mark.slow
def test_rate_limit_per_client_without_keys(serve_app):
    with serve_app(rate_limit_per_minute=2) as url:
        statuses = [httpx.get(url + "/api/missions").status_code for _ in range(3)]
        assert statuses == [200, 200, 429]


@pytest.mark.slow
def test_oversized_requests_get_a_french_413(serve_app):
    with serve_app(max_request_bytes=2048) as url:
        big = {"question": "Quels fonds ? " * 200}
        for path in ("/api/ask", "/v1/chat/completions", "/v1/embeddings"):
            error = error_of(httpx.post(url + path, json=big), 413)
            assert error["code"] == "requete_trop_volumineuse" and "2048 octets" in error["message"]

        def chunked():  # no Content-Length: the body is counted as it arrives
            yield b'{"question": "'
            for _ in range(40):
                yield b"x" * 100
            yield b'"}'

        response = httpx.post(url + "/api/ask", content=chunked(), headers={"content-type": "application/json"})
        assert error_of(response, 413)["code"] == "requete_trop_volumineuse"
        assert httpx.post(url + "/api/ask", json={"question": SILICON}).status_code == 200


@pytest.mark.slow
def test_question_over_the_limit_is_a_french_422(live_bot, embeddings):
    import app
    from bot.service import LiveBot
    from tests.live_server import running

    strict = LiveBot(live_bot.settings.model_copy(update={"max_question_chars": 40}), embeddings)
    with running(app.create_app(strict, strict.settings)) as url:
        error = error_of(httpx.post(url + "/api/ask", json={"question": SILICON}), 422)
        assert error["code"] == "question_invalide" and "40 au plus" in error["message"]


@pytest.mark.slow
def test_cors_only_for_the_listed_origins(serve_app):
    allowed = "https://www.cci.example"
    with serve_app(cors_origins=[allowed, "null"]) as url:
        def preflight(origin: str) -> httpx.Response:
            return httpx.options(url + "/api/ask", headers={
                "Origin": origin, "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type, x-api-key",
            })  # fmt: skip

        ok = preflight(allowed)
        assert ok.status_code == 200 and ok.headers["access-control-allow-origin"] == allowed
        assert "x-api-key" in ok.headers["access-control-allow-headers"].lower()
        for origin in ("https://evil.example", "null", "https://www.cci.example.evil.example"):
            assert "access-control-allow-origin" not in preflight(origin).headers
            for path in ("/api/health", "/", "/gradio_api/info"):
                for host in (None, "missions.cci.example"):  # Gradio's own CORS is laxer on a public host
                    headers = {"Origin": origin, **({"Host": host} if host else {})}
                    response = httpx.get(url + path, headers=headers)
                    assert "access-control-allow-origin" not in response.headers, (origin, path, host)
        listed = httpx.post(url + "/api/ask", json={"question": SILICON}, headers={"Origin": allowed})
        assert listed.headers["access-control-allow-origin"] == allowed
        refused = httpx.get(url + "/api/nope", headers={"Origin": allowed})  # errors are readable too
        assert refused.status_code == 404 and refused.headers["access-control-allow-origin"] == allowed
