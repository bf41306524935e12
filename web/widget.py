"""The script-tag widget (issue 5): serves `web/widget.js`, the chat button and panel any page can embed.

The script itself holds no secret and is public; the allow-list (`cors_origins`) is enforced where it
matters, on the API the widget calls. Served with a validator (ETag) so browsers revalidate cheaply.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from fastapi import APIRouter, Request, Response

from bot.settings import Settings

WIDGET_FILE = Path(__file__).resolve().parent / "widget.js"
MEDIA_TYPE = "text/javascript; charset=utf-8"
MAX_AGE = 300  # seconds: a new release reaches embedding pages within minutes


def widget_router(settings: Settings) -> APIRouter:
    """Routes serving GET /widget.js (the file is read once, when the router is built)."""
    body = WIDGET_FILE.read_bytes()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {
        "Cache-Control": f"public, max-age={MAX_AGE}",
        "ETag": etag,
        "X-Content-Type-Options": "nosniff",
        "Cross-Origin-Resource-Policy": "cross-origin",  # pages with COEP may still embed it
    }
    router = APIRouter()

    @router.api_route("/widget.js", methods=["GET", "HEAD"], include_in_schema=False)
    def widget_js(request: Request) -> Response:
        """The widget script; 304 when the browser's copy is current."""
        if etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers=headers)
        return Response(body, media_type=MEDIA_TYPE, headers=headers)

    return router
