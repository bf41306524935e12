"""Staff operations on the corpus folder: add an uploaded file, list the articles, delete one.

The folder stays the source of truth. A file joins it only once it has passed every check the
refresh would make (size, type sniffed from the content, parsed by the same loader), under a safe
name, by an atomic rename from a hidden staging folder. Errors are `RefusedChange`, in French.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import RefusedChange, UnreadableArticle
from corpus.load import article_id, list_article_files, load_article
from corpus.loaders import SUPPORTED_SUFFIXES

MAX_STEM = 120
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
ACCEPTED = ", ".join(s for s in SUPPORTED_SUFFIXES if s != ".htm")
# What a file is, from its first bytes; the loaders then check it in full.
_KINDS = ((b"%PDF-", "PDF"), (b"PK\x03\x04", "DOCX"))
_EXPECTED = {".pdf": "PDF", ".docx": "DOCX"}
_UNSAFE = re.compile(r"[^\w\- .,'()+&]+")


@dataclass(frozen=True)
class ArticleFile:
    """One article file of the corpus folder: its id (relative path), size and last change (UTC)."""

    id: str
    size: int
    modified: dt.datetime


def format_size(size: int) -> str:
    """A size for people: 850 -> "1 ko", 2_500_000 -> "2,5 Mo"."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f}".replace(".", ",").removesuffix(",0") + " Mo"
    return f"{max(1, round(size / 1000))} ko"


def safe_name(name: str) -> str:
    """A plain file name for the corpus folder, or `RefusedChange`.

    "../../etc/Mission Québec.PDF" -> "Mission Québec.pdf"; ".cache.txt" -> "cache.txt";
    "rapport.exe" -> RefusedChange (type not accepted).
    """
    base = unicodedata.normalize("NFC", re.split(r"[\\/]", name or "")[-1])
    base = "".join(ch for ch in base if ch.isprintable())
    stem, dot, suffix = base.rpartition(".")
    suffix = f".{suffix.lower()}" if dot else ""
    if suffix not in SUPPORTED_SUFFIXES:
        shown = f"« {suffix} »" if suffix else "sans extension"
        raise RefusedChange(
            f"{base or 'Ce fichier'} : type de fichier non accepté ({shown}). Formats acceptés : {ACCEPTED}."
        )
    # Leading dots would hide the file from the loader; separators and controls are gone already.
    stem = " ".join(_UNSAFE.sub("-", stem).split()).strip(" .-")[:MAX_STEM].rstrip(" .-")
    if not stem:
        raise RefusedChange(f"{base} : nom de fichier inutilisable ; renommez le fichier.")
    return stem + suffix


def sniff_kind(path: Path) -> str:
    """What the first bytes say: "PDF", "DOCX" (a zip), "binaire" (NUL bytes) or "texte"."""
    with path.open("rb") as handle:
        head = handle.read(2048)
    for magic, kind in _KINDS:
        # The PDF header may follow a little junk; a zip must start with its magic.
        if head.startswith(magic) or (kind == "PDF" and magic in head[:1024]):
            return kind
    return "binaire" if b"\x00" in head else "texte"


def check_content(path: Path, name: str) -> None:
    """Refuse a file whose content does not match its extension: a renamed PDF, a binary .txt..."""
    suffix = Path(name).suffix.lower()
    kind = sniff_kind(path)
    expected = _EXPECTED.get(suffix, "texte")
    if kind == expected:
        return
    if kind in ("PDF", "DOCX"):
        raise RefusedChange(
            f"{name} : le contenu est un fichier {kind}, pas {suffix} ; renommez-le en .{kind.lower()}."
        )
    what = "du texte" if kind == "texte" else "un fichier binaire"
    raise RefusedChange(f"{name} : le contenu est {what}, pas un fichier {expected} comme l'annonce son nom.")


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def find_same_content(root: Path, path: Path) -> str | None:
    """The id of an article of `root` with exactly the bytes of `path`, if any."""
    size, digest = path.stat().st_size, None
    for existing in list_article_files(root):
        if existing.stat().st_size == size:
            digest = digest or file_digest(path)
            if file_digest(existing) == digest:
                return article_id(existing, root)
    return None


def describe(path: Path, root: Path) -> ArticleFile:
    """The `ArticleFile` of one file of `root`."""
    stat = path.stat()
    return ArticleFile(article_id(path, root), stat.st_size, dt.datetime.fromtimestamp(stat.st_mtime, dt.UTC))


def list_articles(root: Path) -> list[ArticleFile]:
    """The article files of the corpus folder, sorted by id ([] when the folder is missing)."""
    return [describe(path, root) for path in list_article_files(root)] if root.is_dir() else []


def add_article(root: Path, upload: Path, name: str, max_bytes: int, replace: bool = False) -> ArticleFile:
    """Copy `upload` into `root` as `name` (made safe) after every check; `RefusedChange` if not.

    `replace` lets the file take the place of an article with the same name; otherwise a name
    clash is refused. The upload itself is left where it is (the caller owns it).
    """
    target_name = safe_name(name)
    size = upload.stat().st_size
    if size == 0:
        raise RefusedChange(f"{target_name} : le fichier est vide.")
    if size > max_bytes:
        raise RefusedChange(
            f"{target_name} : fichier trop volumineux ({format_size(size)}, {format_size(max_bytes)} au plus)."
        )
    check_content(upload, target_name)
    root.mkdir(parents=True, exist_ok=True)
    target = root / target_name
    twin = find_same_content(root, upload)
    if twin is not None:
        raise RefusedChange(f"{target_name} : ce contenu est déjà dans le corpus, sous le nom « {twin} ».")
    if target.exists() and not replace:
        raise RefusedChange(
            f"{target_name} : un article porte déjà ce nom. Cochez « Remplacer » ou renommez le fichier."
        )
    # A hidden folder inside the corpus: the loader skips it, and the final rename stays on one disk.
    staging = Path(tempfile.mkdtemp(prefix=".envoi-", dir=root))
    try:
        staged = staging / target_name
        shutil.copyfile(upload, staged)
        try:
            load_article(staged, staging)  # the refresh's own reader: what it cannot read stays out
        except UnreadableArticle as exc:
            raise RefusedChange(str(exc)) from exc
        if replace:
            os.replace(staged, target)
        else:
            try:
                os.link(staged, target)  # fails if the name was taken meanwhile, never overwrites
            except FileExistsError:
                raise RefusedChange(f"{target_name} : un article porte déjà ce nom.") from None
            except OSError:  # a filesystem without hard links: the check above has to do
                os.replace(staged, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return describe(target, root)


def delete_article(root: Path, article: str) -> None:
    """Remove the article file whose id is `article`; `RefusedChange` if there is none."""
    for path in list_article_files(root) if root.is_dir() else []:
        if article_id(path, root) == article:
            path.unlink()
            return
    raise RefusedChange(f"L'article « {article} » n'est pas dans le corpus (déjà supprimé ?).")
