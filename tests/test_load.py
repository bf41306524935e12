"""corpus.load: every readable article of a folder is loaded; a broken file is named and skipped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus.article import Article
from corpus.load import article_id, list_article_files, load_article, load_articles
from tests.conftest import SEED_CORPUS

SEED_NAME = "mission-silicon-valley-2017.txt"
ISRAEL_MD = """---
title: Cap sur Tel-Aviv
mission: Mission Israël
destination: Israël
year: 2018
url: https://example.org/israel
---
Du 3 au 8 mai, douze entreprises régionales ont participé à la Mission Israël.
"""
NEW_YORK_TXT = (
    "ON EN PARLE - décembre 2018\n\nMission New York,\nla côte Est\n\n"
    "Du 5 au 10 novembre, dix-huit chefs d’entreprise sont partis.\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Good files, a corrupt PDF, a latin-1 text, hidden files and an unsupported type."""
    root = tmp_path / "articles"
    (root / "2018").mkdir(parents=True)
    (root / ".cache").mkdir()
    shutil.copy(SEED_CORPUS / SEED_NAME, root / SEED_NAME)
    (root / "2018" / "israel.md").write_text(ISRAEL_MD, encoding="utf-8")
    (root / "2018" / "New York.TXT").write_text(NEW_YORK_TXT, encoding="utf-8")
    (root / "2018" / "rapport.pdf").write_bytes(
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage\n%%EOF"
    )
    (root / "2018" / "ancien.txt").write_bytes("Mission à Québec, été 2015.".encode("latin-1"))
    (root / ".brouillon.txt").write_text("Ne pas charger.", encoding="utf-8")
    (root / ".cache" / "copie.txt").write_text("Ne pas charger non plus.", encoding="utf-8")
    (root / "notes.json").write_text("{}", encoding="utf-8")
    return root


def test_good_files_are_loaded_with_relative_posix_ids(corpus):
    result = load_articles(corpus)
    assert sorted(a.id for a in result.articles) == [
        "2018/New York.TXT",
        "2018/israel.md",
        SEED_NAME,
    ]


def test_bad_files_are_reported_by_relative_path_in_french(corpus):
    problems = load_articles(corpus).problems
    assert sorted(problems) == ["2018/ancien.txt", "2018/rapport.pdf"]
    assert "UTF-8" in problems["2018/ancien.txt"] and "ancien.txt" in problems["2018/ancien.txt"]
    assert "PDF" in problems["2018/rapport.pdf"]
    for message in problems.values():
        assert any(word in message for word in ("fichier", "illisible", "texte", "corrompu")), (
            message
        )


def test_hidden_and_unsupported_files_are_skipped(corpus):
    result = load_articles(corpus)
    listed = {article_id(p, corpus) for p in list_article_files(corpus)}
    assert listed == {a.id for a in result.articles} | set(result.problems)
    assert not {".brouillon.txt", ".cache/copie.txt", "notes.json"} & listed


def test_list_article_files_is_sorted(corpus):
    files = list_article_files(corpus)
    assert files == sorted(files)


def test_loading_twice_gives_equal_articles(corpus):
    assert load_articles(corpus).articles == load_articles(corpus).articles


def test_front_matter_fields_reach_the_article(corpus):
    article = load_article(corpus / "2018" / "israel.md", corpus)
    assert article == Article(
        id="2018/israel.md",
        text=article.text,
        title="Cap sur Tel-Aviv",
        mission="Mission Israël",
        destination="Israël",
        year=2018,
        dates=article.dates,
        url="https://example.org/israel",
        organiser=article.organiser,
        participants=article.participants,
        country="Israël",  # from the destination
        sectors=article.sectors,
    )
    assert article.text.startswith("Du 3 au 8 mai")
    assert article.label == "Mission Israël (2018)"


def test_seed_article(corpus):
    article = load_article(corpus / SEED_NAME, corpus)
    assert article.id == SEED_NAME
    assert article.text == (SEED_CORPUS / SEED_NAME).read_text(encoding="utf-8")
    assert article.title == "Mission Silicon Valley, le Sud-Ouest met le cap à l’Ouest"
    assert (article.mission, article.year) == ("Mission Silicon Valley", 2017)
    assert article.label == "Mission Silicon Valley (2017)"


def test_title_falls_back_to_the_file_name(tmp_path):
    (tmp_path / "sans-titre.md").write_text("---\nyear: 2019\n---\n😀\n", encoding="utf-8")
    article = load_articles(tmp_path).articles[0]
    assert article.title == "😀"
    assert article.label == "😀 (2019)"


def test_an_article_without_a_title_line_is_named_by_its_file(tmp_path):
    first = "Du 3 au 8 mai dernier, douze entreprises régionales ont participé à la Mission Israël."
    (tmp_path / "israel-2018.txt").write_text(f"{first}\n\nLe bilan est bon.\n", encoding="utf-8")
    article = load_articles(tmp_path).articles[0]
    assert article.title == "israel-2018"
    assert article.mission == "Mission Israël"


def test_windows_line_endings_and_bom_are_read(tmp_path):
    (tmp_path / "ny.txt").write_bytes(
        b"\xef\xbb\xbf" + NEW_YORK_TXT.replace("\n", "\r\n").encode("utf-8")
    )
    article = load_articles(tmp_path).articles[0]
    assert not article.text.startswith("\ufeff")
    assert article.title == "Mission New York, la côte Est"
    assert article.year == 2018


def test_empty_folder_and_empty_file(tmp_path):
    assert load_articles(tmp_path).articles == []
    (tmp_path / "vide.txt").write_bytes(b"")
    result = load_articles(tmp_path)
    assert result.articles == [] and list(result.problems) == ["vide.txt"]
    assert "vide" in result.problems["vide.txt"]


def test_article_id_is_posix_relative():
    root = Path("/corpus")
    assert article_id(root / "2019" / "a.txt", root) == "2019/a.txt"
