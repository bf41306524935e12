"""The web server: the HTTP API, the OpenAI-compatible routes, the widget, the admin page and the chat, on one port."""

from __future__ import annotations

import os

import gradio as gr
from fastapi import FastAPI
from fastapi_offline import FastAPIOffline
from langchain_core.embeddings import Embeddings

from bot.service import LiveBot
from bot.settings import Settings
from web.admin import mount_admin
from web.api import api_router
from web.chat import build_ui
from web.openai_compat import openai_router
from web.security import BodyLimit, Guard, fallback_router, install_cors, install_error_handlers
from web.widget import widget_router

DESCRIPTION = (
    "Le chatbot des missions d'affaires de la CCI, pour vos applications : `/api/*` (questions, recherche, "
    "catalogue), `/v1/*` compatible OpenAI (il suffit de changer l'URL de base du client `openai`). "
    "Clé d'API en `Authorization: Bearer <clé>` ou `X-API-Key` ; sans clé configurée, l'API ne répond "
    "qu'aux clients de cette machine. Erreurs : `{\"error\": {\"code\", \"message\"}}`."
)


def build_theme() -> gr.themes.Base:
    """The default look with system fonts, so no font is fetched from the internet."""
    system = ["system-ui", "sans-serif"]
    return gr.themes.Default(primary_hue="blue", font=system, font_mono=["ui-monospace", "monospace"])


def create_app(live: LiveBot, settings: Settings) -> FastAPI:
    """The whole server as one ASGI app; the chat is mounted last, at /, under everything else."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # no telemetry call leaves the machine
    app = FastAPIOffline(title="Missions", version="1.0", description=DESCRIPTION)
    install_error_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
    install_cors(app, settings)  # outermost: errors carry CORS headers too
    guard = Guard(settings)
    app.include_router(api_router(live, settings, guard))
    app.include_router(openai_router(live, settings, guard))
    app.include_router(widget_router(settings))
    mount_admin(app, live, settings)
    app.include_router(fallback_router(app))
    return gr.mount_gradio_app(
        app, build_ui(live, settings), path="/", theme=build_theme(), ssr_mode=False,
        footer_links=["api"], run_history=False, server_name=settings.host, server_port=settings.port,
    )  # fmt: skip


def serve(settings: Settings, model: tuple[Embeddings, str] | None = None) -> None:
    """Open the bot (on `model` when already loaded) and serve everything until interrupted."""
    import uvicorn

    app = create_app(LiveBot(settings, model), settings)
    url = f"http://{settings.host}:{settings.port}/"
    print(f"Missions : le chat est servi sur {url} (Ctrl+C pour arrêter)", flush=True)
    print(f"Missions : API sur {url}api, compatible OpenAI sur {url}v1, documentation sur {url}docs", flush=True)
    if settings.api_keys:
        print(f"Missions : API protégée par {len(settings.api_keys)} clé(s).", flush=True)
    else:
        print("Missions : aucune clé d'API configurée : l'API ne répond qu'aux clients de cette machine "
              "(MISSIONS_API_KEYS pour l'ouvrir).", flush=True)  # fmt: skip
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
