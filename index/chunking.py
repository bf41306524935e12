"""Split an article into chunks of whole sentences, never across a paragraph.

Each chunk is a LangChain `Document` whose text is a verbatim slice of the article, with the
article's mission metadata, its paragraph number, its section heading and its character span.
The dateline, the title and headings are metadata, not chunks, except a heading that gives a
figure ("Vingt et un rendez-vous en quatre jours"), which is also a chunk of its own. Ids hash the text and the
metadata, so the same corpus always yields the same ids and any change yields new ones.
"""

from __future__ import annotations

import hashlib
import json
import re

from langchain_core.documents import Document

from corpus.article import Article
from corpus.facts import FIGURE, ROLE_TITLES
from corpus.metadata import DATELINE, looks_like_title
from index.french import split_paragraphs, split_sentences

MAX_CHUNK_CHARS = 500
_HEADING_MAX_CHARS = 90
# A colon or semicolon ends a lead-in ("Le bilan :"): it belongs to the text, it is no heading.
_SENTENCE_END = re.compile(r"[.!?…:;»”\")]\s*$")
# "- item", "• item", "* item", "1. item", "2) item", "a) item": list items are content.
_LIST_ITEM = re.compile(r"^(?:[-–—•*·▪◦‣+]|\d{1,3}[.)]|[a-z]\))\s")
# "Jérôme Bastide, PDG de Bastide Hydraulique": who said a quote, or a participant of a list, is content.
_ATTRIBUTION = re.compile(
    rf"^[A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+)+\s*,\s*(?:[\w'’\-]+\s+){{0,3}}?{ROLE_TITLES}\b",
    re.I,
)
# Right after a quote, a name set off by a comma is who said it, whatever their trade:
# "Jean-Baptiste Marty, conchyliculteur à Bouzigues et gérant des Coquillages de la Lagune".
_NAMED = re.compile(r"^[A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+)+\s*,\s*\S")
_QUOTE_ENDS = ("»", "”", '"')


# "Contact : asie@cci.fr", "Coût : 2 900 €", "Renseignements par e-mail : ...": a label and its value are content.
_LABELLED = re.compile(r"^[^\W\d][\w’'\- ]{0,50}?\s*:\s*\S")
# An e-mail address or a web address is a way to reach someone, never a heading.
# The heading of an interview names who answers: "Trois questions à Sandrine Aubéry", "Entretien avec Yoav Peretz".
_INTERVIEW = re.compile(
    r"^\s*(?:(?:\w+\s+)?questions?\s+[àa]|entretien\s+avec|interview\s+(?:de|d['’]|avec)|rencontre\s+avec)\s+\S",
    re.I,
)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.\w|https?://|\bwww\.\w", re.I)
_FIGURE = re.compile(FIGURE, re.I)


def states_a_figure(heading: str) -> bool:
    """A heading that gives a figure: "Vingt et un rendez-vous en quatre jours"."""
    return bool(_FIGURE.search(heading))


def is_also_content(heading: str) -> bool:
    """A heading that says something is also a chunk: it gives a figure, or a label and its value
    ("Contact : asie@cci-occitanie-missions.fr", "Prochaine étape : le Canada"), or an address
    ("Écrire à international@cci.fr"), or who answers an interview.
    """
    labelled = bool(_LABELLED.match(heading) or _ADDRESS.search(heading))
    return states_a_figure(heading) or labelled or heads_interview(heading)


def heads_interview(heading: str) -> bool:
    """The line opens an interview and names who answers ("Entretien avec Yoav Peretz"): a chunk too."""
    return bool(_INTERVIEW.match(heading))


def ends_quote(text: str) -> bool:
    """`text` ends with a closing quotation mark."""
    return text.rstrip().endswith(_QUOTE_ENDS)


def is_attribution(paragraph: str, after_quote: bool = False) -> bool:
    """A name with a role, alone on its line: "Jérôme Bastide, PDG de Bastide Hydraulique (Castres)";
    `after_quote`, a name with any description ("Jean-Baptiste Marty, conchyliculteur à Bouzigues").
    """
    text = paragraph.strip()
    short = len(text) <= 2 * _HEADING_MAX_CHARS
    pattern = _NAMED if after_quote else _ATTRIBUTION
    return short and bool(pattern.match(text)) and not text.endswith((".", "!", "?", "»"))


def is_heading(paragraph: str, after_quote: bool = False) -> bool:
    """A short line without closing punctuation, or in capitals: "Des objectifs atteints".

    A list item is never one, however short: "- Huit incubateurs visités" is content; nor is a
    name with a role ("Jérôme Bastide, PDG de Bastide Hydraulique"), nor, `after_quote`, the
    line naming who said it.
    """
    text = paragraph.strip()
    if _LIST_ITEM.match(text) or _ATTRIBUTION.match(text) or is_attribution(text, after_quote):
        return False
    if text.startswith("#") or (text.isupper() and len(text) <= _HEADING_MAX_CHARS):
        return True
    return len(text) <= _HEADING_MAX_CHARS and not _SENTENCE_END.search(text)


def article_metadata(article: Article) -> dict[str, str | int | bool]:
    """Metadata every chunk of `article` carries (Chroma takes no None values, so they are left out)."""
    meta: dict[str, str | int | bool | None] = {
        "source": article.id,
        "title": article.title,
        "mission": article.mission,
        "destination": article.destination,
        "year": article.year,
        "dates": article.dates,
        "url": article.url,
        "organiser": article.organiser,
        "participants": article.participants,
        "country": article.country,
        "sectors": ", ".join(article.sectors) or None,
        "announced": True if article.announced else None,
    }
    return {k: v for k, v in meta.items() if v is not None}


def split_article(article: Article, max_chars: int = MAX_CHUNK_CHARS) -> list[Document]:
    """Chunks of `article`: consecutive sentences of one paragraph, up to `max_chars` each.

    A sentence longer than `max_chars` stays whole: a chunk never cuts a word or a number.
    """
    text = article.text
    base = article_metadata(article)
    paragraphs = split_paragraphs(text)
    body = _skip_front(text, paragraphs, article.title)
    chunks: list[Document] = []
    section = ""
    number = 0
    previous = ""
    for start, end in body:
        spans: list[tuple[int, int]] = []
        quoted, previous = ends_quote(previous), text[start:end]
        if is_heading(text[start:end], after_quote=quoted):
            section = text[start:end].strip("# ")
            if not is_also_content(section):
                continue
            spans = [(start + len(text[start:end]) - len(text[start:end].lstrip("# ")), end)]
        number += 1
        for span in spans or _pack(split_sentences(text, start, end), max_chars):
            meta = {**base, "paragraph": number, "section": section, "start": span[0], "end": span[1]}
            meta["chunk"] = len(chunks)
            content = text[span[0] : span[1]]
            chunks.append(Document(page_content=content, metadata=meta, id=chunk_id(content, meta)))
    return chunks


def chunk_id(text: str, metadata: dict[str, str | int]) -> str:
    """Deterministic id from the text and metadata: same input, same id; any change, a new id."""
    payload = json.dumps([text, metadata], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


def _skip_front(text: str, paragraphs: list[tuple[int, int]], title: str) -> list[tuple[int, int]]:
    """Drop the dateline and the title paragraphs at the top of the article.

    A paragraph of text is never dropped, even when the title (a file name, a PDF's title) starts
    with it: its facts must be chunked.
    """
    rest = list(paragraphs)
    if rest and DATELINE.match(text[rest[0][0] : rest[0][1]]):
        rest = rest[1:]
    flat_title = " ".join(title.split())
    while rest and flat_title:
        first = " ".join(text[rest[0][0] : rest[0][1]].split()).rstrip(" ,:")
        if not first or not looks_like_title(first):
            break
        if not flat_title.startswith(first.lstrip("# ")):
            break
        flat_title = flat_title[len(first.lstrip("# ")) :].strip(" ,:")
        rest = rest[1:]
    return rest


def _pack(sentences: list[tuple[int, int]], max_chars: int) -> list[tuple[int, int]]:
    """Group sentence spans into chunk spans of at most `max_chars` (a long sentence stands alone)."""
    packed: list[tuple[int, int]] = []
    for start, end in sentences:
        if packed and end - packed[-1][0] <= max_chars:
            packed[-1] = (packed[-1][0], end)
        else:
            packed.append((start, end))
    return packed
