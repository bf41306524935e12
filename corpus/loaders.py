"""Read one article file into text plus optional metadata, by its extension.

Each reader returns `(text, meta)`: `text` keeps paragraphs one per line (blank lines allowed),
`meta` holds front-matter style fields (title, mission, destination, year, date, url) when the
format carries them. A file that cannot be read raises `UnreadableArticle` naming the file.
Shortcuts: PDF paragraphs are rebuilt from line-wrap heuristics, not from the page layout; the
parsing libraries are imported inside the readers so that importing this module stays cheap.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from corpus.errors import UnreadableArticle

Reader = Callable[[Path], tuple[str, dict[str, str]]]

FRONT_MATTER_FIELDS = ("title", "mission", "destination", "year", "date", "url")

# Magic numbers, checked so a renamed file fails with a clear message instead of a parser trace.
# The PDF header may follow a little junk (the spec tolerates it within the first 1024 bytes).
_SIGNATURES = {"PDF": (b"%PDF-", 1024), "DOCX": (b"PK\x03\x04", 0)}

# A line ending a sentence (closing quotes or brackets may follow) ends its paragraph too.
_TERMINAL = re.compile(r"[.!?…:;][\s»\"”’)\]]*$")
# Titles that authoring tools write by default; they would make every article look alike.
_PLACEHOLDER_TITLES = {"untitled", "sans titre", "untitled document", "document1"}
_BREAK_HYPHENS = ("-", "\u00ad", "\u2010")
_HTML_NOISE_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "template")
# trafilatura's own fallback keeps menus of tiny pages; page-level furniture goes first.
_HTML_PRUNE = ("//nav | //footer[not(ancestor::article)]"
               " | //header[not(ancestor::article or ancestor::main)]")
# Text nodes only (comments are other nodes), minus those inside the page furniture.
_VISIBLE_TEXT = ".//text()[not(ancestor::{})]".format(" or ancestor::".join(_HTML_NOISE_TAGS))


def decode_utf8(path: Path) -> str:
    """UTF-8 text with or without BOM; `UnreadableArticle` otherwise."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableArticle(
            f"{path.name} : le fichier n'est pas du texte UTF-8 ({exc.reason})."
        ) from exc


def check_signature(path: Path, kind: str) -> None:
    """Refuse a file whose first bytes do not match `kind` ("PDF" or "DOCX").

    `rapport.pdf` holding plain text -> UnreadableArticle("rapport.pdf : le contenu ne ...").
    """
    magic, window = _SIGNATURES[kind]
    with path.open("rb") as handle:
        head = handle.read(window + len(magic))
    found = magic in head if window else head.startswith(magic)
    if not found:
        raise UnreadableArticle(
            f"{path.name} : le contenu ne correspond pas à un fichier {kind}."
        )


def read_txt(path: Path) -> tuple[str, dict[str, str]]:
    """Plain text, UTF-8 (with or without BOM), kept verbatim."""
    return decode_utf8(path), {}


def format_meta_value(value: object) -> str:
    """A front-matter value as a string: `2019` -> "2019", `date(2019, 5, 2)` -> "2019-05-02"."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value).strip()


def read_md(path: Path) -> tuple[str, dict[str, str]]:
    """Markdown with optional YAML front matter; the body keeps its markup."""
    import frontmatter
    import yaml
    from frontmatter.default_handlers import YAMLHandler

    try:
        # YAML only: the JSON and TOML handlers would misread a body opening with "{" or "+++".
        fields, body = frontmatter.parse(decode_utf8(path), handler=YAMLHandler())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (ligne {mark.line + 1})" if mark is not None else ""
        raise UnreadableArticle(f"{path.name} : en-tête YAML invalide{where}.") from exc
    values = {key: fields.get(key) for key in FRONT_MATTER_FIELDS}
    meta = {key: format_meta_value(value) for key, value in values.items() if value is not None}
    return body, {key: value for key, value in meta.items() if value}


def find_html_title(tree) -> str:
    """og:title, else <title>, else the first <h1>; "" when the page has none.

    og:title comes first because <title> often carries the site name ("Mission X | CCI").
    """
    for xpath in ('//meta[@property="og:title"]/@content', "//head/title//text()",
                  "(//h1)[1]//text()"):
        parts = tree.xpath(xpath)
        title = " ".join(" ".join(str(part) for part in parts).split())
        if title:
            return title
    return ""


def extract_visible_text(tree) -> str:
    """Fallback for pages too small for trafilatura: the <body> text minus the page furniture."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    # One line per text node: coarse, but keeps block elements from gluing words together.
    lines = (" ".join(str(chunk).split()) for chunk in root.xpath(_VISIBLE_TEXT))
    return "\n".join(line for line in lines if line)


def read_html(path: Path) -> tuple[str, dict[str, str]]:
    """The main text of a saved web page, one paragraph per line; never fetches anything."""
    import trafilatura
    from trafilatura.utils import decode_file

    html = decode_file(path.read_bytes())
    text = trafilatura.extract(
        html, include_comments=False, include_tables=True, favor_recall=True,
        prune_xpath=_HTML_PRUNE,
    ) or ""
    # load_html copes with XML declarations and junk that lxml.html.fromstring rejects.
    tree = trafilatura.load_html(html)
    if tree is None:
        return text, {}
    meta = {"title": title} if (title := find_html_title(tree)) else {}
    if not text.strip():
        text = extract_visible_text(tree)
    return text, meta


def join_wrapped_lines(raw: str) -> str:
    r"""Rebuild paragraphs from hard-wrapped lines; blank lines stay paragraph breaks.

    "la coopé-\nration est\nforte." -> "la coopération est forte."
    "Fin.\nDébut" -> "Fin.\nDébut" (kept apart: terminal punctuation, then a capital).
    """
    paragraphs: list[str] = []
    current = ""
    for line in (line.strip() for line in raw.splitlines()):
        if not line:
            if current:
                paragraphs.append(current)
                current = ""
            if paragraphs and paragraphs[-1]:
                paragraphs.append("")
            continue
        if current and line[0].islower():
            if current.endswith(_BREAK_HYPHENS) and current[-2:-1].isalpha():
                current = current[:-1] + line
                continue
            if not _TERMINAL.search(current):
                current = f"{current} {line}"
                continue
        if current:
            paragraphs.append(current)
        current = line
    if current:
        paragraphs.append(current)
    return "\n".join(paragraphs).strip("\n")


def read_pdf(path: Path) -> tuple[str, dict[str, str]]:
    """The text layer of a PDF, paragraphs one per line; the /Title property as title."""
    check_signature(path, "PDF")
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    # pypdf reports malformed files with its own errors but also, deep in object parsing, with
    # builtin ones (KeyError, ValueError, zlib.error...): all mean "this PDF is broken".
    broken = (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError,
              zlib.error, RecursionError)
    try:
        reader = PdfReader(path, strict=False)
        # Many PDFs are encrypted only to restrict printing, with an empty user password.
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileNotDecryptedError("mot de passe requis")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or ""
    except (FileNotDecryptedError, DependencyError, NotImplementedError) as exc:
        # DependencyError: AES needs the `cryptography` package, which we do not ship.
        raise UnreadableArticle(f"{path.name} : PDF chiffré, texte inaccessible.") from exc
    except broken as exc:
        raise UnreadableArticle(f"{path.name} : PDF illisible ou corrompu.") from exc
    text = join_wrapped_lines("\n".join(pages))
    if not text:
        raise UnreadableArticle(
            f"{path.name} : le PDF ne contient aucun texte extractible (document scanné ?)."
        )
    title = " ".join(str(title).split())
    return text, ({"title": title} if title.lower() not in _PLACEHOLDER_TITLES | {""} else {})


def list_docx_lines(container) -> list[str]:
    """Paragraph and table lines of a document or cell, in reading order.

    A table row becomes one line, its cells joined by " | "; merged cells are read once.
    """
    from docx.table import Table

    lines: list[str] = []
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                seen: set[int] = set()
                cells = []
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    if text := " ".join(list_docx_lines(cell)):
                        cells.append(text)
                if cells:
                    lines.append(" | ".join(cells))
        elif text := block.text.strip():
            lines.append(text)
    return lines


def read_docx(path: Path) -> tuple[str, dict[str, str]]:
    """Body paragraphs and tables of a Word file; core property title as title."""
    check_signature(path, "DOCX")
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        document = docx.Document(str(path))
        lines = list_docx_lines(document)
        title = (document.core_properties.title or "").strip()
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError, etree.LxmlError,
            zlib.error, EOFError) as exc:
        raise UnreadableArticle(f"{path.name} : fichier DOCX illisible ou corrompu.") from exc
    return "\n".join(lines), ({"title": title} if title else {})


READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".md": read_md,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
}

SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(READERS)


def read_article_file(path: Path) -> tuple[str, dict[str, str]]:
    """Dispatch on the extension; `UnreadableArticle` for an unknown type or a broken file."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnreadableArticle(f"{path.name} : type de fichier non pris en charge.")
    try:
        if path.stat().st_size == 0:
            raise UnreadableArticle(f"{path.name} : le fichier est vide.")
        text, meta = reader(path)
    except OSError as exc:
        raise UnreadableArticle(
            f"{path.name} : lecture impossible ({exc.strerror or exc})."
        ) from exc
    if not text.strip():
        raise UnreadableArticle(f"{path.name} : aucun texte lisible dans le fichier.")
    return text, meta
