"""The staff page driven in a real headless Chromium: log in, add an article, publish it, withdraw it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import httpx
import pytest

from tests.chromium import assert_stayed_on_loopback
from tests.conftest import SEED_CORPUS
from tests.live_server import running
from tests.test_browser import WAIT_MS, ask
from tests.test_loaders import make_pdf

pytestmark = pytest.mark.browser

PASSWORD = "Mot de passe du personnel, 2025 !"
ARTICLE_NAME = "mission-montreal-2021-fictive.txt"
# A made-up mission (not a real CCI one): only this article knows Élodie Tremblay.
ARTICLE = (
    "ON EN PARLE - juin 2021\n\n"
    "Mission Montréal, cap sur le Québec\n\n"
    "Du 7 au 11 juin 2021, une dizaine de dirigeants d'Occitanie ont participé à la Mission Montréal, "
    "organisée par la CCI Occitanie.\n\n"
    "Ils ont rencontré Élodie Tremblay, directrice de l'incubateur Érable Numérique, "
    "qui accompagne 40 start-ups québécoises de l'intelligence artificielle.\n"
)
QUESTION = "Qui est Élodie Tremblay ?"



def start_server(tmp_path: Path, embeddings, corpus: Path, **overrides) -> AbstractContextManager[str]:
    """The whole server (`app.create_app`) under uvicorn, over a store refreshed from `corpus` as the CLI does."""
    from app import create_app
    from bot.service import LiveBot
    from bot.settings import Settings
    from index.refresh import refresh_corpus

    settings = Settings(
        corpus_dir=corpus, store_dir=tmp_path / "store", unanswered_path=tmp_path / "unanswered.sqlite3", **overrides
    )
    refresh_corpus(corpus, *embeddings, store_dir=settings.store_dir)
    return running(create_app(LiveBot(settings, embeddings), settings))


@pytest.fixture
def server(tmp_path, embeddings) -> Iterator[tuple[str, Path]]:
    """The server with the admin page on, over a copy of the seed corpus; yields (URL, corpus folder)."""
    corpus = tmp_path / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    with start_server(tmp_path, embeddings, corpus, admin_password=PASSWORD) as url:
        yield url + "/", corpus


def log_in(admin, url: str, password: str) -> None:
    admin.goto(url + "admin/")
    admin.get_by_label("nom d'utilisateur").fill("marie")
    admin.get_by_label("mot de passe").fill(password)
    admin.get_by_role("button", name="Connexion").click()


def ask_in_chat(chat_page, url: str, question: str) -> None:
    chat_page.goto(url)
    ask(chat_page, question)


def test_staff_publish_an_article_then_withdraw_it(page, server, tmp_path) -> None:
    from gradio.utils import get_upload_folder
    from playwright.sync_api import expect

    url, corpus = server
    chat = page.context.new_page()
    answers, sources = chat.locator("#chat [data-testid='bot']"), chat.locator("#sources")

    # Before: the chat does not know the article, and says so.
    ask_in_chat(chat, url, QUESTION)
    expect(answers.first).to_contain_text("Je ne trouve pas la réponse", timeout=WAIT_MS)

    log_in(page, url, "devine")
    expect(page.get_by_text("Identifiants incorrects")).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_text("Page réservée au personnel de la CCI")).to_be_visible()
    page.screenshot(path="/tmp/missions-admin-login.png", full_page=True)
    log_in(page, url, PASSWORD)
    expect(page.get_by_role("heading", name="Missions — administration")).to_be_visible(timeout=WAIT_MS)
    status, articles = page.locator("#status"), page.locator("#articles")
    message, refreshed = page.locator("#upload-message"), page.locator("#refresh-message")
    expect(status).to_contain_text("Tous les articles du dossier sont indexés", timeout=WAIT_MS)
    expect(status).to_contain_text("sentence-transformers/all-MiniLM-L6-v2")

    # Upload through the file input: a PDF in disguise is refused in French, the article lands.
    disguised = tmp_path / "envoi" / "rapport.txt"
    disguised.parent.mkdir()
    disguised.write_bytes(make_pdf())
    page.locator("#upload input[type=file]").set_input_files(str(disguised))
    expect(message).to_contain_text("rapport.txt : le contenu est un fichier PDF, pas .txt", timeout=WAIT_MS)
    article = tmp_path / "envoi" / ARTICLE_NAME
    article.write_text(ARTICLE, encoding="utf-8")
    page.locator("#upload input[type=file]").set_input_files(str(article))
    expect(message).to_contain_text(f"{ARTICLE_NAME} ajouté", timeout=WAIT_MS)
    expect(articles).to_contain_text("non indexé")
    expect(status).to_contain_text(f"Nouveaux ou modifiés, pas encore indexés (1) : {ARTICLE_NAME}")
    assert (corpus / ARTICLE_NAME).read_text(encoding="utf-8") == ARTICLE
    leftovers = [p for p in Path(get_upload_folder()).rglob("*") if p.name in (ARTICLE_NAME, "rapport.txt")]
    assert leftovers == []

    page.get_by_role("button", name="Mettre à jour l'index").click()
    expect(refreshed).to_contain_text("Index à jour : 2 articles et 17 passages (articles ajoutés : 1, modifiés : 0, retirés : 0", timeout=WAIT_MS * 2)
    expect(status).to_contain_text("Tous les articles du dossier sont indexés", timeout=WAIT_MS)
    expect(articles).not_to_contain_text("non indexé")
    page.screenshot(path="/tmp/missions-admin.png", full_page=True)

    # The chat answers from the new article, and cites it.
    ask_in_chat(chat, url, QUESTION)
    expect(answers.first).to_contain_text("Érable Numérique", timeout=WAIT_MS)
    expect(answers.first).to_contain_text("[1]")
    expect(sources).to_contain_text(ARTICLE_NAME, timeout=WAIT_MS)
    expect(sources).to_contain_text("Mission Montréal (2021)")

    # Withdraw it: delete (confirmed in the browser), refresh, and the same question is refused.
    page.on("dialog", lambda dialog: dialog.accept())
    page.locator("#delete-choice input").click()
    page.get_by_role("option", name=ARTICLE_NAME).click()
    page.get_by_role("button", name="Supprimer l'article").click()
    expect(message).to_contain_text(f"{ARTICLE_NAME} supprimé du dossier", timeout=WAIT_MS)
    assert not (corpus / ARTICLE_NAME).exists()
    expect(articles).to_contain_text("(encore indexé)")
    expect(status).to_contain_text(f"Retirés du dossier, encore indexés (1) : {ARTICLE_NAME}")
    page.get_by_role("button", name="Mettre à jour l'index").click()
    expect(refreshed).to_contain_text("Index à jour : 1 article et 15 passages (articles ajoutés : 0, modifiés : 0, retirés : 1", timeout=WAIT_MS * 2)
    expect(articles).not_to_contain_text(ARTICLE_NAME)

    ask_in_chat(chat, url, QUESTION)
    expect(answers.first).to_contain_text("Je ne trouve pas la réponse", timeout=WAIT_MS)
    expect(sources).not_to_contain_text(ARTICLE_NAME)

    # Both refusals reach the staff, grouped.
    page.get_by_role("button", name="Actualiser la liste").click()
    row = page.locator("#unanswered tr", has_text=QUESTION)
    expect(row).to_contain_text("2", timeout=WAIT_MS)
    page.screenshot(path="/tmp/missions-admin-unanswered.png", full_page=True)

    assert_stayed_on_loopback(page)


@pytest.fixture
def server_without_password(tmp_path, embeddings) -> Iterator[str]:
    """The same server with no admin password: the page must not exist."""
    with start_server(tmp_path, embeddings, SEED_CORPUS) as url:
        yield url + "/"


def test_without_a_password_there_is_no_admin_page(page, server_without_password) -> None:
    from playwright.sync_api import expect

    url = server_without_password
    for path in ("admin", "admin/", "admin/config", "admin/login"):
        assert httpx.get(url + path, timeout=10).status_code == 404, path
    page.goto(url + "admin/")
    expect(page.get_by_label("mot de passe")).to_have_count(0)
    expect(page.get_by_text("Missions — administration")).to_have_count(0)
