"""Load every article of a corpus folder; a broken file is reported by name and skipped."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from corpus.article import Article
from corpus.errors import UnreadableArticle
from corpus.facts import extract_facts
from corpus.loaders import SUPPORTED_SUFFIXES, read_article_file
from corpus.metadata import derive_metadata

log = logging.getLogger(__name__)


@dataclass
class LoadResult:
    """The articles read, and one French message per file that could not be read."""

    articles: list[Article] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)


def article_id(path: Path, root: Path) -> str:
    """Stable id from the path relative to the corpus folder: root/2019/a.txt -> "2019/a.txt"."""
    return path.relative_to(root).as_posix()


def list_article_files(root: Path) -> list[Path]:
    """Supported files under `root`, sorted, hidden files and folders left out."""
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix.lower() in SUPPORTED_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def load_article(path: Path, root: Path) -> Article:
    """Read one file and derive its metadata; raises `UnreadableArticle`."""
    text, meta = read_article_file(path)
    fields = derive_metadata(text, meta)
    year = fields["year"]
    facts = extract_facts(text, _str_or_none(fields["destination"]), year if isinstance(year, int) else None)
    return Article(
        id=article_id(path, root),
        text=text,
        title=str(fields["title"] or path.stem),
        mission=_str_or_none(fields["mission"]),
        destination=_str_or_none(fields["destination"]),
        year=year if isinstance(year, int) else None,
        dates=_str_or_none(fields["dates"]),
        url=_str_or_none(fields["url"]),
        announced=bool(fields["announced"]),
        organiser=meta.get("organiser") or facts.organiser,
        participants=facts.participants,
        country=meta.get("country") or facts.country,
        sectors=tuple(facts.sectors),
    )


def load_articles(root: Path) -> LoadResult:
    """Every readable article under `root`; unreadable ones land in `problems`."""
    result = LoadResult()
    for path in list_article_files(root):
        try:
            result.articles.append(load_article(path, root))
        except UnreadableArticle as exc:
            log.warning("%s", exc)
            result.problems[article_id(path, root)] = str(exc)
    return result


def _str_or_none(value: object) -> str | None:
    return str(value) if value else None
