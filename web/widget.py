"""The script-tag widget (issue 5): placeholder until it is built; serves nothing yet."""

from __future__ import annotations

from fastapi import APIRouter

from bot.settings import Settings


def widget_router(settings: Settings) -> APIRouter:
    """Routes serving /widget.js (not built yet: an empty router)."""
    return APIRouter()
