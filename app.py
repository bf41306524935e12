"""The web server: assembles the chat page (and, later, the admin page and the HTTP API) on one port."""

from __future__ import annotations

import os

import gradio as gr
from langchain_core.embeddings import Embeddings

from bot.service import open_bot
from bot.settings import Settings
from web.chat import build_ui


def build_theme() -> gr.themes.Base:
    """The default look with system fonts, so no font is fetched from the internet."""
    system = ["system-ui", "sans-serif"]
    return gr.themes.Default(
        primary_hue="blue", font=system, font_mono=["ui-monospace", "monospace"]
    )


def start(demo: gr.Blocks, settings: Settings) -> str:
    """Launch `demo` on settings.host:settings.port without blocking; return its local URL."""
    demo.launch(
        server_name=settings.host,
        server_port=settings.port,
        theme=build_theme(),
        prevent_thread_lock=True,
        quiet=True,
        ssr_mode=False,
        footer_links=["api"],
    )
    return str(demo.local_url)


def serve(settings: Settings, model: tuple[Embeddings, str] | None = None) -> None:
    """Open the bot (on `model` when already loaded), serve the chat until interrupted."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # no telemetry call leaves the machine
    demo = build_ui(open_bot(settings, model), settings)
    url = start(demo, settings)
    print(f"Missions : le chat est servi sur {url} (Ctrl+C pour arrêter)", flush=True)
    demo.block_thread()
