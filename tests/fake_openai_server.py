"""A tiny real HTTP server that stands in for an LLM server: OpenAI's `/v1/chat/completions`
(plain JSON, or SSE when `stream` is true) and Ollama's `/api/chat` (NDJSON), replaying scripted
replies and recording every request.

Script entries: a reply text; `HANG` (hold the request without answering until the server stops
or `hang_seconds` pass); `GARBAGE` (a 200 response that is not a chat completion); `Stall(text)`
(stream the text, then hold the stream open without ending it).
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HANG = object()
GARBAGE = object()


class Stall(str):
    """A reply whose stream stops after its text and never ends."""


class FakeLLMServer:
    """Serve scripted replies on 127.0.0.1 from a thread; use as a context manager."""

    def __init__(self, *replies: object, hang_seconds: float = 30.0) -> None:
        self.script: list[object] = list(replies)
        self.requests: list[dict] = []
        self.hang_seconds = hang_seconds
        self._stop = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """The OpenAI-style base URL (…/v1)."""
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    @property
    def root(self) -> str:
        """The server's root URL (Ollama's base URL)."""
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def enqueue(self, *replies: object) -> None:
        self.script.extend(replies)

    def __enter__(self) -> FakeLLMServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()  # releases hanging requests
        self._httpd.shutdown()
        self._httpd.server_close()

    def _next(self) -> object:
        return self.script.pop(0) if self.script else "Rien à dire."

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # keep the test output clean
                pass

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                server.requests.append(
                    {"path": self.path, "body": body, "headers": {k.lower(): v for k, v in self.headers.items()}}
                )
                reply = server._next()
                if reply is HANG:
                    server._stop.wait(server.hang_seconds)
                    return
                if reply is GARBAGE:
                    return self._send_json({"surprise": "pas une réponse de modèle"})
                text = reply if isinstance(reply, Stall) else str(reply)
                if self.path.endswith("/chat/completions"):
                    return self._openai_stream(body, text) if body.get("stream") else self._openai(body, text)
                if self.path == "/api/chat":
                    return self._ollama(body, text)
                self.send_error(404)

            def _send_json(self, payload: dict) -> None:
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _openai(self, body: dict, text: str) -> None:
                self._send_json({
                    "id": "chatcmpl-1", "object": "chat.completion", "created": int(time.time()),
                    "model": body.get("model", "scripted"),
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                })  # fmt: skip

            def _openai_stream(self, body: dict, text: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.send_header("Connection", "close")
                self.end_headers()
                base = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": int(time.time()),
                        "model": body.get("model", "scripted")}  # fmt: skip
                deltas = [{"role": "assistant", "content": ""}] + [{"content": p} for p in _pieces(text)]
                for delta in deltas:
                    chunk = {**base, "choices": [{"index": 0, "delta": delta, "finish_reason": None}]}
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                if isinstance(text, Stall):
                    server._stop.wait(server.hang_seconds)
                    return
                end = {**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
                self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
                self.wfile.flush()
                self.close_connection = True

            def _ollama(self, body: dict, text: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/x-ndjson")
                self.send_header("Connection", "close")
                self.end_headers()
                model = body.get("model", "scripted")
                for piece in _pieces(text):
                    line = {"model": model, "created_at": "2026-01-01T00:00:00Z",
                            "message": {"role": "assistant", "content": piece}, "done": False}  # fmt: skip
                    self.wfile.write((json.dumps(line) + "\n").encode())
                    self.wfile.flush()
                done = {"model": model, "created_at": "2026-01-01T00:00:00Z",
                        "message": {"role": "assistant", "content": ""}, "done": True, "done_reason": "stop",
                        "prompt_eval_count": 1, "eval_count": 1}  # fmt: skip
                self.wfile.write((json.dumps(done) + "\n").encode())
                self.close_connection = True

        return Handler


def _pieces(text: str) -> list[str]:
    """The reply cut as tokens would come: "a b c" -> ["a ", "b ", "c"]."""
    out, current = [], ""
    for char in text:
        current += char
        if char == " ":
            out.append(current)
            current = ""
    return [*out, current] if current else out
