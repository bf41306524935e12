"""The /widget.js route: the script, with the right type and cache headers, and nothing third-party in it."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path
from shutil import which

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from bot.settings import Settings
from web.widget import WIDGET_FILE, widget_router

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def client() -> TestClient:
    app = FastAPI()
    app.include_router(widget_router(Settings()))
    return TestClient(app)


def test_serves_the_script_as_javascript_with_cache_headers(client):
    response = client.get("/widget.js")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/javascript; charset=utf-8"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert re.fullmatch(r"public, max-age=\d+", response.headers["cache-control"])
    assert response.content == WIDGET_FILE.read_bytes()
    assert "attachShadow" in response.text and "/api/ask" in response.text


def test_a_current_copy_is_revalidated_with_304(client):
    etag = client.get("/widget.js").headers["etag"]
    again = client.get("/widget.js", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    stale = client.get("/widget.js", headers={"If-None-Match": '"autre"'})
    assert stale.status_code == 200 and stale.content


def test_script_loads_nothing_from_elsewhere_and_never_parses_server_html():
    source = WIDGET_FILE.read_text(encoding="utf-8")
    urls = set(re.findall(r"https?://[^\s\"')]+", source))
    assert urls <= {"http://www.w3.org/2000/svg", "https://HOST/widget.js"}, urls
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in source
    assert re.search(r"@import|url\(", source) is None  # no stylesheet or font fetched


@pytest.mark.skipif(which("node") is None, reason="node is not installed")
def test_script_is_valid_javascript():
    result = subprocess.run(["node", "--check", str(WIDGET_FILE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_script_ships_in_the_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["web"]
    assert any(WIDGET_FILE.match(pattern) for pattern in patterns)
