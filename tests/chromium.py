"""Browser fixtures shared by the chat, admin and widget tests: Debian's Chromium, headless,
driven by Playwright (never `playwright install`), French pages that may not leave loopback.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu",
    "--disable-background-networking", "--disable-component-update",
]  # fmt: skip
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A French page that records every request and lets none leave the machine."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    requested: list[str] = []

    def stay_local(route):
        requested.append(route.request.url)
        if urlsplit(route.request.url).hostname in LOOPBACK:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", stay_local)
    page = context.new_page()
    page.requested = requested
    yield page
    context.close()


def assert_stayed_on_loopback(page) -> None:
    """Every request the page made went to this machine."""
    assert page.requested, "no request was recorded"
    outside = [url for url in page.requested if urlsplit(url).hostname not in LOOPBACK]
    assert outside == []
