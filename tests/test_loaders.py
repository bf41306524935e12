"""Tests of corpus.loaders on real files built in tmp_path (reportlab PDF, python-docx, HTML)."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from corpus.errors import UnreadableArticle
from corpus.loaders import (
    READERS,
    SUPPORTED_SUFFIXES,
    join_wrapped_lines,
    read_article_file,
)

PARA_1 = (
    "La délégation régionale s'est rendue à Tel-Aviv pour découvrir l'écosystème des jeunes "
    "pousses, rencontrer des investisseurs et visiter plusieurs incubateurs très actifs dans "
    "la cybersécurité, la santé numérique et l'agriculture de précision."
)
PARA_2 = (
    "Au retour, les dirigeants ont souligné la qualité des échanges avec les partenaires "
    "israéliens et prévoient une seconde mission consacrée à l'eau et à l'énergie, avec "
    "des rendez-vous d'affaires déjà programmés pour l'automne prochain."
)
HTML_PARAS = (
    "La délégation de vingt entreprises régionales s'est rendue à Montréal au printemps pour "
    "découvrir l'écosystème québécois de l'intelligence artificielle.",
    "Les participants ont rencontré des investisseurs, visité trois incubateurs et échangé "
    "longuement avec des ingénieurs très engagés dans la transition énergétique.",
    "À leur retour, plusieurs dirigeants ont signé des accords de coopération avec des "
    "partenaires canadiens, et une seconde mission est déjà envisagée pour l'an prochain.",
)
NOISE = ("NAV_BRUIT", "SCRIPT_BRUIT", "STYLE_BRUIT", "FOOTER_BRUIT", "HEADER_BRUIT")


# --- builders of real files ------------------------------------------------------------------


def make_pdf(title: str = "Mission Israël 2019") -> bytes:
    """Two paragraphs that reportlab wraps over several lines each."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title=title)
    style = getSampleStyleSheet()["BodyText"]
    doc.build([Paragraph(PARA_1, style), Paragraph(PARA_2, style)])
    return buffer.getvalue()


def make_pdf_from_lines(lines: list[str]) -> bytes:
    """One line per drawString, to control exactly where lines break."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for number, line in enumerate(lines):
        page.drawString(72, 760 - 16 * number, line)
    page.save()
    return buffer.getvalue()


def make_pdf_without_text() -> bytes:
    """Like a scanned page: drawings only, no text layer."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.rect(72, 72, 200, 300, fill=1)
    page.save()
    return buffer.getvalue()


def make_truncated_pdf() -> bytes:
    """A download cut halfway: header present, no cross-reference table, no %%EOF."""
    data = make_pdf()
    return data[: len(data) // 2]


def make_encrypted_pdf(user_password: str) -> bytes:
    # RC4: AES would need the `cryptography` package, absent from this environment.
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf())))
    writer.encrypt(user_password, "proprietaire", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_docx() -> bytes:
    document = docx.Document()
    document.core_properties.title = "Mission au Québec"
    document.add_heading("Mission au Québec", level=1)
    document.add_paragraph("Première journée : rencontre des entreprises de la région.")
    document.add_paragraph("")
    document.add_paragraph("   ")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Lundi"
    table.cell(0, 1).text = "Visite de l'usine à Trois-Rivières"
    table.cell(1, 0).text = "Mardi"
    table.cell(1, 1).text = "Dîner d'affaires à Montréal"
    document.add_paragraph("Bilan très positif, dit-on à la chambre.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_html() -> str:
    paragraphs = "\n".join(f"<p>{text}</p>" for text in HTML_PARAS)
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Mission Montréal 2022 | CCI</title>
<style>.menu::after {{ content: "STYLE_BRUIT"; }}</style>
<script>var suivi = "SCRIPT_BRUIT";</script></head>
<body>
<header><div class="logo">HEADER_BRUIT</div>
<nav><ul><li><a href="/">Accueil NAV_BRUIT</a></li><li><a href="/missions">Missions</a></li></ul>
</nav></header>
<main><article><h1>Mission à Montréal</h1>
{paragraphs}
</article></main>
<footer><p>Mentions légales FOOTER_BRUIT © CCI</p></footer>
<script>console.log("SCRIPT_BRUIT");</script>
</body></html>"""


def make_zip_without_docx_parts() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "pas un document Word")
    return buffer.getvalue()


def write(tmp_path: Path, name: str, content: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# --- PDF ---------------------------------------------------------------------------------------


def test_pdf_joins_wrapped_lines_into_one_line_per_paragraph(tmp_path: Path) -> None:
    path = write(tmp_path, "mission.pdf", make_pdf())
    raw = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert len(raw.strip().splitlines()) > 2, "the fixture must really wrap its paragraphs"

    text, meta = read_article_file(path)

    assert text.splitlines() == [PARA_1, PARA_2]
    assert meta == {"title": "Mission Israël 2019"}


def test_pdf_dehyphenates_only_before_a_lowercase_continuation(tmp_path: Path) -> None:
    lines = [
        "La mission a renforcé la coopé-",
        "ration entre les entreprises",
        "régionales et leurs partenaires inter-",
        "nationaux.",
        "Visite de Saint-",
        "Étienne prévue en mai.",
    ]
    path = write(tmp_path, "lignes.pdf", make_pdf_from_lines(lines))

    text, meta = read_article_file(path)

    assert text.splitlines() == [
        "La mission a renforcé la coopération entre les entreprises régionales et leurs "
        "partenaires internationaux.",
        "Visite de Saint-",
        "Étienne prévue en mai.",
    ]
    assert meta == {}  # reportlab's default title "untitled" is a placeholder, dropped


def test_pdf_encrypted_with_empty_user_password_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "protege.pdf", make_encrypted_pdf(user_password=""))

    text, _ = read_article_file(path)

    assert text.splitlines() == [PARA_1, PARA_2]


def test_uppercase_extension_is_accepted(tmp_path: Path) -> None:
    text, _ = read_article_file(write(tmp_path, "RAPPORT.PDF", make_pdf()))
    assert PARA_1 in text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("la coopé-\nration est\nforte.", "la coopération est forte."),
        ("Fin de phrase.\nsuite en minuscule", "Fin de phrase.\nsuite en minuscule"),
        ("une ligne\nUne Majuscule", "une ligne\nUne Majuscule"),
        ("les PME (petites)\net moyennes", "les PME (petites) et moyennes"),
        ("il a dit « oui. »\nensuite", "il a dit « oui. »\nensuite"),
        ("un tiret -\nsuite", "un tiret - suite"),
        ("  premier  \n\n\n\ndeuxième\n", "premier\n\ndeuxième"),
        ("", ""),
    ],
)
def test_join_wrapped_lines(raw: str, expected: str) -> None:
    assert join_wrapped_lines(raw) == expected


# --- DOCX --------------------------------------------------------------------------------------


def test_docx_reads_paragraphs_and_table_rows_in_order(tmp_path: Path) -> None:
    text, meta = read_article_file(write(tmp_path, "programme.docx", make_docx()))

    assert text.splitlines() == [
        "Mission au Québec",
        "Première journée : rencontre des entreprises de la région.",
        "Lundi | Visite de l'usine à Trois-Rivières",
        "Mardi | Dîner d'affaires à Montréal",
        "Bilan très positif, dit-on à la chambre.",
    ]
    assert meta == {"title": "Mission au Québec"}


# --- HTML --------------------------------------------------------------------------------------


def test_html_keeps_main_text_and_drops_page_furniture(tmp_path: Path) -> None:
    text, meta = read_article_file(write(tmp_path, "montreal.html", make_html()))

    lines = text.splitlines()
    for paragraph in HTML_PARAS:
        assert paragraph in lines
    for noise in NOISE:
        assert noise not in text
    assert meta == {"title": "Mission Montréal 2022 | CCI"}


def test_html_in_latin1_declared_by_meta_keeps_its_accents(tmp_path: Path) -> None:
    html = make_html().replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    path = write(tmp_path, "montreal.htm", html.encode("latin-1"))

    text, _ = read_article_file(path)

    assert HTML_PARAS[2] in text.splitlines()


def test_html_title_falls_back_to_og_title_then_h1(tmp_path: Path) -> None:
    og = '<html><head><meta property="og:title" content="Cap sur l\'Inde"></head><body>'
    page = og + "<h1>Titre h1</h1><p>" + HTML_PARAS[0] + "</p></body></html>"
    _, meta = read_article_file(write(tmp_path, "inde.html", page))
    assert meta == {"title": "Cap sur l'Inde"}

    page = "<html><body><h1>Mission  en\nInde</h1><p>" + HTML_PARAS[0] + "</p></body></html>"
    _, meta = read_article_file(write(tmp_path, "inde2.html", page))
    assert meta == {"title": "Mission en Inde"}


def test_html_falls_back_to_visible_body_text_when_trafilatura_finds_nothing(
    tmp_path: Path,
) -> None:
    # trafilatura drops a comments section (include_comments=False) and then has nothing left.
    page = (
        "<html><body><nav>NAV_BRUIT</nav><div id='comments'><p>Visite de l'usine à Lyon.</p>"
        "<p>Dîner à Vienne.</p></div><script>SCRIPT_BRUIT</script><!-- COMMENTAIRE_HTML -->"
        "<footer>FOOTER_BRUIT</footer></body></html>"
    )

    text, _ = read_article_file(write(tmp_path, "court.html", page))

    assert text.splitlines() == ["Visite de l'usine à Lyon.", "Dîner à Vienne."]


# --- Markdown ----------------------------------------------------------------------------------

MARKDOWN_BODY = "# Mission en Israël\n\nUne **délégation** de vingt entreprises.\n\n- Tel-Aviv\n"


def test_markdown_front_matter_fields_become_string_meta(tmp_path: Path) -> None:
    source = (
        "---\ntitle: Mission en Israël\nmission: Innovation\ndestination: Israël\nyear: 2019\n"
        "date: 2019-05-02\nurl: https://example.org/israel\nauteur: ignoré\n---\n"
        + MARKDOWN_BODY
    )

    text, meta = read_article_file(write(tmp_path, "israel.md", source))

    assert text == MARKDOWN_BODY.strip()
    assert "title:" not in text
    assert meta == {
        "title": "Mission en Israël",
        "mission": "Innovation",
        "destination": "Israël",
        "year": "2019",
        "date": "2019-05-02",
        "url": "https://example.org/israel",
    }


def test_markdown_without_front_matter_is_kept_whole(tmp_path: Path) -> None:
    text, meta = read_article_file(write(tmp_path, "simple.md", MARKDOWN_BODY))
    assert (text, meta) == (MARKDOWN_BODY.strip(), {})


# --- bad inputs --------------------------------------------------------------------------------

BAD_INPUTS: list[tuple[str, Callable[[], bytes], str]] = [
    ("rapport.pdf", lambda: b"%PDF-1.4\n" + b"\x00\xffgarbage" * 64, "PDF illisible ou corrompu"),
    ("tronque.pdf", make_truncated_pdf, "PDF illisible ou corrompu"),
    ("texte.pdf", lambda: "Pas un PDF, été.".encode(), "ne correspond pas à un fichier PDF"),
    ("scan.pdf", make_pdf_without_text, "aucun texte extractible"),
    ("secret.pdf", lambda: make_encrypted_pdf(user_password="motdepasse"), "PDF chiffré"),
    ("vide.pdf", lambda: b"", "le fichier est vide"),
    ("abime.docx", make_zip_without_docx_parts, "DOCX illisible ou corrompu"),
    ("coupe.docx", lambda: make_docx()[:3000], "DOCX illisible ou corrompu"),
    ("faux.docx", lambda: b"Juste du texte.", "ne correspond pas à un fichier DOCX"),
    ("latin1.txt", lambda: "Été à Montréal".encode("latin-1"), "pas du texte UTF-8"),
    ("vide.txt", lambda: b"", "le fichier est vide"),
    ("blanc.md", lambda: b"  \n\n ", "aucun texte lisible"),
    ("yaml.md", lambda: b"---\ntitle: [non ferme\n---\nCorps.", "en-tête YAML invalide"),
    ("menu.html", lambda: b"<html><body><nav>Accueil</nav></body></html>", "aucun texte"),
    ("notes.odt", lambda: b"PK\x03\x04", "type de fichier non pris en charge"),
    ("sans_extension", lambda: b"Bonjour.", "type de fichier non pris en charge"),
]


@pytest.mark.parametrize(
    ("name", "build", "expected"), BAD_INPUTS, ids=[case[0] for case in BAD_INPUTS]
)
def test_bad_input_raises_a_french_message_naming_the_file(
    tmp_path: Path, name: str, build: Callable[[], bytes], expected: str
) -> None:
    path = write(tmp_path, name, build())

    with pytest.raises(UnreadableArticle) as caught:
        read_article_file(path)

    message = str(caught.value)
    assert message.startswith(f"{name} : ")
    assert expected in message


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableArticle, match=r"^absent\.txt : lecture impossible"):
        read_article_file(tmp_path / "absent.txt")


# --- module contract ---------------------------------------------------------------------------


def test_supported_suffixes_match_the_readers() -> None:
    assert set(SUPPORTED_SUFFIXES) == set(READERS)
    assert set(SUPPORTED_SUFFIXES) >= {".txt", ".md", ".html", ".htm", ".pdf", ".docx"}


def test_import_does_not_load_the_parsing_libraries() -> None:
    heavy = ("pypdf", "docx", "trafilatura", "frontmatter")
    code = f"import sys, corpus.loaders; print([m for m in {heavy!r} if m in sys.modules])"
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
