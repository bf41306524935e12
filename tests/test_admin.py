"""Tests of web.admin without a browser: login over real HTTP, staff actions on a real corpus and store."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import shutil
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from bot.unanswered import UnansweredGroup
from tests.conftest import SEED_CORPUS
from web.admin import (
    add_uploads,
    check_password,
    mount_admin,
    refresh_and_reload,
    render_articles,
    render_status,
    render_unanswered,
)

PASSWORD = "mot-de-passe-du-personnel"
MONTREAL = (
    "ON EN PARLE - juin 2021\n\nMission Montréal, cap sur le Québec\n\n"
    "Du 7 au 11 juin 2021, une dizaine de dirigeants ont participé à la Mission Montréal, organisée par la CCI.\n\n"
    "Ils ont rencontré Élodie Tremblay, directrice de l'incubateur Érable Numérique, qui accompagne 40 start-ups.\n"
)


@pytest.fixture
def settings(tmp_path):
    from bot.settings import Settings

    corpus = tmp_path / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    return Settings(
        corpus_dir=corpus, store_dir=tmp_path / "store", unanswered_path=tmp_path / "unanswered.sqlite3",
        admin_password=PASSWORD, max_upload_bytes=100_000,
    )  # fmt: skip


@pytest.fixture
def live(settings, embeddings):
    from bot.service import LiveBot
    from index.refresh import refresh_corpus

    refresh_corpus(settings.corpus_dir, *embeddings, store_dir=settings.store_dir)  # as `missions refresh` does
    return LiveBot(settings, embeddings)


def test_the_password_is_checked_whatever_the_user_name(monkeypatch) -> None:
    monkeypatch.setattr("web.admin.FAILED_LOGIN_DELAY", 0.01)
    login = check_password(PASSWORD)
    assert asyncio.run(login("marie", PASSWORD))
    assert asyncio.run(login("", PASSWORD))
    for wrong in ("", "mot-de-passe", PASSWORD + " ", PASSWORD.upper(), "é" * 30):
        assert not asyncio.run(login("marie", wrong))


def test_without_a_password_nothing_is_mounted_and_a_log_line_says_so(live, settings, caplog) -> None:
    app = FastAPI()
    for off in (None, ""):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="web.admin"):
            mount_admin(app, live, settings.model_copy(update={"admin_password": off}))
        assert "Page d'administration désactivée : définissez MISSIONS_ADMIN_PASSWORD" in caplog.text
    assert [r.path for r in app.routes] == [r.path for r in FastAPI().routes]
    with TestClient(app) as client:
        assert client.get("/admin/").status_code == 404


def test_the_page_is_behind_the_login(live, settings) -> None:
    app = FastAPI()
    mount_admin(app, live, settings)
    with TestClient(app) as client:
        refused = client.get("/admin/config")
        assert refused.status_code == 401
        assert "personnel de la CCI" in refused.json()["detail"]["auth_message"]
        assert client.post("/admin/gradio_api/upload", files={"files": ("a.txt", b"x")}).status_code == 401
        assert client.post("/admin/gradio_api/queue/join", json={}).status_code == 401

        wrong = client.post("/admin/login/", data={"username": "marie", "password": "devine"})
        assert wrong.status_code == 400
        assert client.get("/admin/config").status_code == 401

        right = client.post("/admin/login/", data={"username": "marie", "password": PASSWORD})
        assert right.status_code == 200
        config = client.get("/admin/config")
        assert config.status_code == 200
        assert config.json()["title"] == "Missions — administration"

        client.get("/admin/logout", follow_redirects=False)
        client.cookies.clear()
        assert client.get("/admin/config").status_code == 401


def gradio_upload(tmp_path: Path, name: str, content: str | bytes) -> Path:
    """A file where Gradio leaves an upload: its own folder per file, under the temp dir."""
    folder = tmp_path / "gradio" / f"hash-{name}"
    folder.mkdir(parents=True)
    path = folder / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_uploads_are_added_or_refused_and_never_left_in_the_temp_folder(settings, tmp_path) -> None:
    uploads = [
        gradio_upload(tmp_path, "mission-montreal-2021.txt", MONTREAL),
        gradio_upload(tmp_path, "faux.pdf", MONTREAL),
        gradio_upload(tmp_path, "enorme.txt", "a" * 100_001),
        gradio_upload(tmp_path, "script.sh", "#!/bin/sh\n"),
    ]
    done, refused = add_uploads(settings, [str(u) for u in uploads], replace=False)
    assert done == ["mission-montreal-2021.txt ajouté (1 ko). Mettez à jour l'index pour le publier."]
    assert refused == [
        "Refusé — faux.pdf : le contenu est du texte, pas un fichier PDF comme l'annonce son nom.",
        "Refusé — enorme.txt : fichier trop volumineux (100 ko, 100 ko au plus).",
        "Refusé — script.sh : type de fichier non accepté (« .sh »). Formats acceptés : .txt, .md, .html, .pdf, .docx.",
    ]
    assert list((tmp_path / "gradio").iterdir()) == []
    assert sorted(p.name for p in settings.corpus_dir.iterdir()) == [
        "mission-montreal-2021.txt", "mission-silicon-valley-2017.txt",
    ]  # fmt: skip


def test_a_refresh_publishes_a_new_article_to_the_live_bot_and_a_deletion_withdraws_it(live, settings, tmp_path) -> None:
    question = "Qui est Élodie Tremblay ?"
    assert live.bot.ask(question).abstained

    add_uploads(settings, [gradio_upload(tmp_path, "mission-montreal-2021.txt", MONTREAL)], replace=False)
    seen: list[tuple[int, int]] = []
    message = refresh_and_reload(live, settings, lambda done, total: seen.append((done, total)))
    assert "Index à jour : 2 articles et 17 passages (articles ajoutés : 1, modifiés : 0, retirés : 0" in message
    assert seen and seen[-1][0] == seen[-1][1] > 0
    answer = live.bot.ask(question)
    assert not answer.abstained and "Érable Numérique" in answer.text
    assert {c.source for c in answer.citations} == {"mission-montreal-2021.txt"}

    (settings.corpus_dir / "mission-montreal-2021.txt").unlink()
    assert "Index à jour : 1 article et 15 passages (articles ajoutés : 0, modifiés : 0, retirés : 1" in refresh_and_reload(live, settings)
    assert live.bot.ask(question).abstained


def test_status_and_article_list_show_what_waits_for_a_refresh() -> None:
    from corpus.library import ArticleFile
    from index.status import IndexStatus

    moment = dt.datetime(2025, 3, 14, 9, 30, tzinfo=dt.UTC)
    status = IndexStatus(
        model="modele-x", expected_model="modele-y", refreshed_at=moment,
        chunks_by_article={"a.txt": 4, "modifie.txt": 3, "parti.txt": 2},
        pending=["modifie.txt", "nouveau <b>.txt"], gone=["parti.txt"],
    )  # fmt: skip
    shown = render_status(status)
    assert "<strong>3</strong>articles indexés" in shown and "<strong>9</strong>passages" in shown
    assert moment.astimezone().strftime("%d/%m/%Y à %H:%M") in shown
    assert "<code>modele-x</code>" in shown and "Le modèle configuré est <code>modele-y</code>" in shown
    assert "pas encore indexés (2) : <code>modifie.txt</code>, <code>nouveau &lt;b&gt;.txt</code>" in shown
    assert "Retirés du dossier, encore indexés (1) : <code>parti.txt</code>" in shown
    assert "Tous les articles" not in shown

    files = [ArticleFile(name, 2_000, moment) for name in ("a.txt", "modifie.txt", "nouveau <b>.txt")]
    table = render_articles(files, status)
    assert "<td>a.txt</td>" in table and '<td class="n">4</td>' in table
    assert '<td class="n">3 (modifié, à réindexer)</td>' in table
    assert "<td>nouveau &lt;b&gt;.txt</td>" in table and "non indexé" in table
    assert "<td>parti.txt</td>" in table and "2 (encore indexé)" in table

    clean = IndexStatus(model="m", expected_model="m", chunks_by_article={"a.txt": 1})
    shown = render_status(clean)
    assert "Tous les articles du dossier sont indexés" in shown and "<strong>1</strong>article indexé" in shown
    assert "inconnue" in shown and "Le modèle configuré" not in shown


def test_unanswered_questions_from_the_public_are_shown_as_text() -> None:
    moment = dt.datetime(2025, 3, 14, 9, 30, tzinfo=dt.UTC)
    groups = [
        UnansweredGroup("<img src=x onerror=alert(1)> Tokyo ?", 3, moment, "Mission <Japon>"),
        UnansweredGroup("Qui finance ?", 1, moment, None),
    ]
    shown = render_unanswered(groups, 30)
    assert "conservées 30 jours" in shown
    assert "<img" not in shown and "&lt;img src=x onerror=alert(1)&gt; Tokyo ?" in shown
    assert '<td class="n">3</td>' in shown and "Mission &lt;Japon&gt;" in shown and "<td>—</td>" in shown
    assert "Aucune question sans réponse" in render_unanswered([], 90)
