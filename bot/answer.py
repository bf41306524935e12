"""Answers and citations as data; only the edges render them (markdown, HTML, JSON)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from langchain_core.documents import Document


@dataclass(frozen=True)
class Citation:
    """One quoted passage: `quote` is a verbatim slice `[start:end]` of the article's text.

    `verified` says whether a generated sentence was checked against this quote: True when the
    citation check found the sentence supported by it (bot/citecheck.py), None when there was
    nothing to check because the answer sentence is the quote itself (extractive answers).
    """

    n: int
    source: str
    title: str
    mission: str | None
    quote: str
    url: str | None = None
    year: int | None = None
    paragraph: int | None = None
    start: int | None = None
    end: int | None = None
    verified: bool | None = None


@dataclass(frozen=True)
class Answer:
    """A French answer with inline markers [n] that point at `citations`.

    `abstained` is True when the articles do not hold the answer; `leads` then names the
    closest articles ("Mission Silicon Valley (2017)") without asserting anything. `notice` is a
    short French note for the reader (the language model failed and the answer was extracted
    instead, a sentence that the articles did not support was removed), else None.
    """

    question: str
    text: str
    citations: list[Citation] = field(default_factory=list)
    abstained: bool = False
    leads: list[str] = field(default_factory=list)
    notice: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `missions ask --json` and of the API."""
        return {
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "citations": [
                {k: v for k, v in asdict(c).items() if k in _PUBLIC_CITATION_FIELDS}
                for c in self.citations
            ],
            "leads": self.leads,
            "notice": self.notice,
        }


_PUBLIC_CITATION_FIELDS = ("n", "source", "title", "mission", "quote", "url", "year", "paragraph", "verified")


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its fused score and its ranks on each side (None: not ranked)."""

    document: Document
    score: float
    dense_rank: int | None = None
    lexical_rank: int | None = None
    dense_similarity: float | None = None

    @property
    def id(self) -> str:
        """The chunk id."""
        return str(self.document.id)


class Answerer(Protocol):
    """Turns a question and its retrieved passages into an `Answer`."""

    def answer(self, question: str, passages: list[Passage], analysis: Any) -> Answer:
        """Compose the answer; must only state what the cited passages say."""
        ...
