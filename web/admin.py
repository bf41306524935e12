"""The staff page (issue 4): placeholder until it is built; mounts nothing yet."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from bot.service import LiveBot
    from bot.settings import Settings


def mount_admin(app: FastAPI, live: LiveBot, settings: Settings) -> None:
    """Mount the admin page at /admin when `settings.admin_password` is set (not built yet)."""
