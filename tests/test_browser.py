"""The chat driven in a real headless Chromium, the way a person uses it, with no internet."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.chromium import assert_stayed_on_loopback

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
WAIT_MS = 30_000
SILICON = "Combien d'entrepreneurs ont participé à la Mission Silicon Valley ?"
QUOTE = "une quinzaine d’entrepreneurs ou porteurs de projet régionaux"
HOSTILE_ARTICLE = (
    "ON EN PARLE - mars 2019\n\n"
    "Mission Lisbonne, <script>window.__pwned = 1; alert(1)</script> le grand saut\n\n"
    "Du 4 au 8 mars dernier, une douzaine de dirigeants "
    '<img src=x onerror="window.__pwned=2;alert(2)"> ont participé à la Mission Lisbonne, '
    "organisée par la CCI au Portugal.\n\n"
    "Ils ont rencontré des investisseurs <b>portugais</b> et visité le Web Summit.\n"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen | None = None, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server exited with code {process.returncode}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


@pytest.fixture(scope="module")
def served_url(seed_store_dir, tmp_path_factory) -> Iterator[str]:
    """`missions serve` in a subprocess, on the seed store and a free loopback port."""
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    env = {
        **os.environ, "MISSIONS_STORE_DIR": str(seed_store_dir), "MISSIONS_PORT": str(port),
        "MISSIONS_UNANSWERED_PATH": str(log.parent / "unanswered.sqlite3"),
    }  # fmt: skip
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "cli.py"), "serve"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=out,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_up(url, process)
        yield url
    except Exception:
        print(log.read_text())
        raise
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert f"le chat est servi sur {url}" in log.read_text()


def ask(page, question: str) -> None:
    box = page.get_by_placeholder("Votre question")
    box.fill(question)
    box.press("Enter")


def test_chat_answers_with_sources_examples_and_french_errors(page, served_url, tmp_path):
    from playwright.sync_api import expect

    page.goto(served_url)
    title = page.get_by_role("heading", name="Missions — les voyages d'affaires de la CCI")
    expect(title).to_be_visible(timeout=WAIT_MS)
    chat, sources = page.locator("#chat"), page.locator("#sources")
    answers = chat.locator("[data-testid='bot']")

    ask(page, SILICON)
    expect(answers.first).to_contain_text("quinzaine", timeout=WAIT_MS)
    expect(chat).to_contain_text("[1]")
    expect(sources).to_contain_text(QUOTE, timeout=WAIT_MS)
    expect(sources).to_contain_text("Mission Silicon Valley (2017)")
    expect(sources).to_contain_text("mission-silicon-valley-2017.txt, paragraphe 1")
    expect(page.get_by_placeholder("Votre question")).to_have_value("")

    page.get_by_role("button", name="Qui est Luc Julia ?").click()
    expect(answers.nth(1)).to_contain_text("inventeur de Siri", timeout=WAIT_MS)
    expect(sources).to_contain_text("inventeur de Siri")
    page.screenshot(path=str(tmp_path / "answered.png"), full_page=True)

    ask(page, "   ")
    expect(page.get_by_text("La question est vide")).to_be_visible(timeout=WAIT_MS)
    long_question = "Quels fonds ? " * 40
    ask(page, long_question)
    expect(page.get_by_text("La question est trop longue")).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_placeholder("Votre question")).to_have_value(long_question)  # nothing lost
    expect(answers).to_have_count(2)
    page.screenshot(path=str(tmp_path / "errors.png"), full_page=True)
    shutil.copy(tmp_path / "errors.png", "/tmp/missions-ui.png")

    assert_stayed_on_loopback(page)


def test_api_docs_render_in_french_with_no_internet(page, served_url, tmp_path):
    from playwright.sync_api import expect

    page.goto(served_url + "docs")
    expect(page.get_by_text("Poser une question", exact=True)).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_text("Réponse à une conversation (compatible OpenAI)")).to_be_visible()
    expect(page.get_by_role("button", name="Authorize")).to_be_visible()
    page.screenshot(path=str(tmp_path / "docs.png"), full_page=True)
    shutil.copy(tmp_path / "docs.png", "/tmp/missions-docs.png")
    assert_stayed_on_loopback(page)


@contextmanager
def serve_in_process(corpus: Path, store_dir: Path, embeddings) -> Iterator[str]:
    """The whole app in this process (uvicorn in a thread), over a store refreshed from `corpus`; yields its URL."""
    import app
    from bot.service import LiveBot
    from bot.settings import Settings
    from tests.conftest import build_store
    from tests.live_server import running

    build_store(corpus, store_dir, embeddings)
    settings = Settings(corpus_dir=corpus, store_dir=store_dir, unanswered_path=store_dir.parent / "unanswered.sqlite3")
    with running(app.create_app(LiveBot(settings, embeddings), settings)) as url:
        yield url + "/"


@pytest.fixture
def hostile_url(tmp_path, embeddings) -> Iterator[str]:
    """The app over a store built from one article full of HTML."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "mission-lisbonne-2019.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    with serve_in_process(corpus, tmp_path / "store", embeddings) as url:
        yield url


def test_article_html_is_shown_as_text_never_run(page, hostile_url):
    from playwright.sync_api import expect

    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_url)
    chat, sources = page.locator("#chat"), page.locator("#sources")

    ask(page, "Combien de dirigeants ont participé à la Mission Lisbonne ?")
    expect(chat.locator("[data-testid='bot']").first).to_contain_text("douzaine", timeout=WAIT_MS)
    expect(sources).to_contain_text('<img src=x onerror="window.__pwned=2;', timeout=WAIT_MS)
    expect(sources).to_contain_text("<script>window.__pwned = 1; alert(1)</script>")
    expect(chat).to_contain_text("<img src=x onerror=")

    assert page.locator("#chat img[src='x'], #sources img[src='x']").count() == 0
    assert page.locator("#chat script, #sources script, #chat b, #sources b").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert_stayed_on_loopback(page)


@pytest.fixture
def multi_url(multi_corpus, tmp_path, embeddings) -> Iterator[str]:
    """The app over the seed article and the fictional missions."""
    with serve_in_process(multi_corpus, tmp_path / "store", embeddings) as url:
        yield url


def test_follow_up_keeps_its_mission_and_a_listing_cites_each_mission(page, multi_url, tmp_path):
    from playwright.sync_api import expect

    page.goto(multi_url)
    chat, sources = page.locator("#chat"), page.locator("#sources")
    answers = chat.locator("[data-testid='bot']")

    ask(page, "Qui a organisé la mission de 2017 ?")
    expect(answers.first).to_contain_text("CCI Occitanie", timeout=WAIT_MS)

    # The follow-up names no mission: it must inherit the 2017 one, not answer for every mission.
    ask(page, "Et combien de rendez-vous ?")
    expect(answers.nth(1)).to_contain_text("14 rendez-vous", timeout=WAIT_MS)
    expect(answers.nth(1)).to_contain_text("[1]")
    expect(sources).to_contain_text("14 rendez-vous", timeout=WAIT_MS)  # the follow-up's panel
    expect(sources).to_contain_text("mission-silicon-valley-2017.txt")
    expect(sources).not_to_contain_text("fictif-")
    missions = sources.locator(".source-meta").all_text_contents()
    assert missions and set(missions) == {"Mission Silicon Valley (2017)"}
    page.screenshot(path=str(tmp_path / "follow-up.png"), full_page=True)

    ask(page, "Quelles missions ont eu lieu en 2018 ?")
    listing = answers.nth(2)
    israel_first = re.compile(r"Mission Israël \(2018\)[^\[]*\[1\]")  # sorted by year, then name
    new_york_second = re.compile(r"Mission New York \(2018\)[^\[]*\[2\]")
    expect(listing).to_contain_text(israel_first, timeout=WAIT_MS)
    expect(listing).to_contain_text(new_york_second)
    expect(sources.locator("#source-1")).to_contain_text("Mission Israël (2018)", timeout=WAIT_MS)
    expect(sources.locator("#source-2")).to_contain_text("Mission New York (2018)")
    expect(sources.locator(".source")).to_have_count(2)
    page.screenshot(path="/tmp/missions-followup.png", full_page=True)

    assert_stayed_on_loopback(page)
