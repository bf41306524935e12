"""Tests of corpus.library on real files: what may join the corpus folder, under which name, and how it leaves."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.errors import RefusedChange
from corpus.library import add_article, delete_article, format_size, list_articles, safe_name
from corpus.load import load_articles
from tests.test_loaders import make_docx, make_html, make_pdf, make_truncated_pdf, make_zip_without_docx_parts

ARTICLE = (
    "ON EN PARLE - juin 2021\n\nMission Montréal, cap sur le Québec\n\n"
    "Du 7 au 11 juin 2021, une dizaine de dirigeants ont participé à la Mission Montréal.\n"
)
LIMIT = 1_000_000


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "existant.txt").write_text("Mission Lisbonne : douze dirigeants au Portugal.\n", encoding="utf-8")
    return folder


def upload(tmp_path: Path, name: str, content: bytes | str) -> Path:
    """A file as Gradio hands it over: somewhere outside the corpus, under its original name."""
    folder = tmp_path / "gradio-tmp"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def names(corpus: Path) -> list[str]:
    """Every entry of the folder, hidden ones included (a staging leftover would show)."""
    return sorted(p.name for p in corpus.iterdir())


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("mission-montreal-2021.txt", ARTICLE),
        ("montreal.md", "---\ntitle: Mission Montréal\nyear: 2021\n---\n" + ARTICLE),
        ("montreal.html", make_html()),
        ("montreal.pdf", make_pdf()),
        ("montreal.docx", make_docx()),
    ],
)
def test_each_supported_format_joins_the_corpus_and_loads(corpus: Path, tmp_path: Path, name: str, content) -> None:
    added = add_article(corpus, upload(tmp_path, name, content), name, LIMIT)
    assert added.id == name
    assert names(corpus) == sorted(["existant.txt", name])  # no staging folder left behind
    loaded = load_articles(corpus)
    assert {a.id for a in loaded.articles} == {"existant.txt", name}
    assert loaded.problems == {}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rapport.txt", make_pdf(), "rapport.txt : le contenu est un fichier PDF, pas .txt ; renommez-le en .pdf."),
        ("notes.md", make_docx(), "notes.md : le contenu est un fichier DOCX, pas .md ; renommez-le en .docx."),
        ("rapport.pdf", ARTICLE, "rapport.pdf : le contenu est du texte, pas un fichier PDF comme l'annonce son nom."),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "le contenu est un fichier binaire, pas un fichier texte"),
        ("programme.docx", make_zip_without_docx_parts(), "programme.docx : fichier DOCX illisible ou corrompu."),
        ("coupe.pdf", make_truncated_pdf(), "coupe.pdf : PDF illisible ou corrompu."),
        ("latin1.txt", "Mission à Québec".encode("latin-1"), "latin1.txt : le fichier n'est pas du texte UTF-8"),
        ("vide.txt", "", "vide.txt : le fichier est vide."),
        ("blanc.txt", "  \n\n ", "blanc.txt : aucun texte lisible dans le fichier."),
        ("setup.exe", b"MZ\x90\x00", "setup.exe : type de fichier non accepté (« .exe »). Formats acceptés : .txt, .md, .html, .pdf, .docx."),
        ("LISEZMOI", ARTICLE, "LISEZMOI : type de fichier non accepté (sans extension)."),
        ("ancien.doc", b"\xd0\xcf\x11\xe0", "type de fichier non accepté (« .doc »)"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_in_french_before_it_lands(
    corpus: Path, tmp_path: Path, name: str, content, message: str
) -> None:
    with pytest.raises(RefusedChange) as refused:
        add_article(corpus, upload(tmp_path, name, content), name, LIMIT)
    assert message in str(refused.value)
    assert names(corpus) == ["existant.txt"]


def test_size_limit_comes_first_and_says_both_sizes(corpus: Path, tmp_path: Path) -> None:
    big = upload(tmp_path, "gros.txt", ("a" * 99 + "\n") * 234)  # 23 400 bytes
    with pytest.raises(RefusedChange, match=r"^gros\.txt : fichier trop volumineux \(23 ko, 10 ko au plus\)\.$"):
        add_article(corpus, big, "gros.txt", max_bytes=10_000)
    assert names(corpus) == ["existant.txt"]
    assert add_article(corpus, big, "gros.txt", max_bytes=big.stat().st_size).size == big.stat().st_size


def test_a_name_clash_is_refused_unless_replacing(corpus: Path, tmp_path: Path) -> None:
    new_text = ARTICLE.replace("dizaine", "quinzaine")
    with pytest.raises(RefusedChange, match="existant.txt : un article porte déjà ce nom. Cochez « Remplacer »"):
        add_article(corpus, upload(tmp_path, "existant.txt", new_text), "existant.txt", LIMIT)
    assert "Lisbonne" in (corpus / "existant.txt").read_text(encoding="utf-8")

    add_article(corpus, upload(tmp_path, "existant.txt", new_text), "existant.txt", LIMIT, replace=True)
    assert (corpus / "existant.txt").read_text(encoding="utf-8") == new_text
    assert names(corpus) == ["existant.txt"]


def test_the_same_content_under_another_name_is_refused(corpus: Path, tmp_path: Path) -> None:
    copy = upload(tmp_path, "copie.txt", (corpus / "existant.txt").read_bytes())
    with pytest.raises(RefusedChange, match="copie.txt : ce contenu est déjà dans le corpus, sous le nom « existant.txt »."):
        add_article(corpus, copy, "copie.txt", LIMIT)


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("../../etc/evasion.txt", "evasion.txt"),
        ("..\\..\\windows\\evasion.txt", "evasion.txt"),
        ("/absolu/chemin/article.md", "article.md"),
        (".cache.txt", "cache.txt"),
        ("Mission Québec  2019.PDF", "Mission Québec 2019.pdf"),
        ("rapport\x00\x1b[31m.txt", "rapport-31m.txt"),
        ("a<b>|c:d?.html", "a-b-c-d.html"),
        ("é" * 300 + ".txt", "é" * 120 + ".txt"),
    ],
)
def test_safe_name_keeps_a_plain_name_inside_the_folder(given: str, stored: str) -> None:
    assert safe_name(given) == stored


@pytest.mark.parametrize("given", ["...txt", "../.txt", "--- .md", ""])
def test_a_name_with_nothing_left_is_refused(given: str) -> None:
    with pytest.raises(RefusedChange):
        safe_name(given)


def test_a_traversing_name_lands_in_the_corpus_folder(corpus: Path, tmp_path: Path) -> None:
    added = add_article(corpus, upload(tmp_path, "evasion.txt", ARTICLE), "../../evasion.txt", LIMIT)
    assert added.id == "evasion.txt"
    assert (corpus / "evasion.txt").is_file()
    assert not (tmp_path / "evasion.txt").exists()


def test_list_and_delete(corpus: Path, tmp_path: Path) -> None:
    (corpus / "2019").mkdir()
    (corpus / "2019" / "israel.md").write_text(ARTICLE, encoding="utf-8")
    (corpus / ".cache").mkdir()
    (corpus / ".cache" / "cache.txt").write_text("caché", encoding="utf-8")
    (corpus / "notes.csv").write_text("a,b", encoding="utf-8")

    listed = list_articles(corpus)
    assert [a.id for a in listed] == ["2019/israel.md", "existant.txt"]
    assert listed[0].size == len(ARTICLE.encode()) and listed[0].modified.tzinfo is not None

    delete_article(corpus, "2019/israel.md")
    assert [a.id for a in list_articles(corpus)] == ["existant.txt"]
    for absent in ("2019/israel.md", "../corpus/existant.txt", "notes.csv", ".cache/cache.txt", str(corpus / "existant.txt")):
        with pytest.raises(RefusedChange, match="n'est pas dans le corpus"):
            delete_article(corpus, absent)
    assert (corpus / "notes.csv").exists() and (corpus / ".cache" / "cache.txt").exists()
    assert list_articles(tmp_path / "absent") == []


@pytest.mark.parametrize(("size", "shown"), [(1, "1 ko"), (850, "1 ko"), (23_400, "23 ko"), (2_500_000, "2,5 Mo"), (20_000_000, "20 Mo")])
def test_format_size(size: int, shown: str) -> None:
    assert format_size(size) == shown
