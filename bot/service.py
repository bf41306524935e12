"""The bot as one object: validate the question, retrieve, answer. Built from settings once.

`open_bot(settings)` is the one factory that turns settings into concrete parts (embedding
model, Chroma store, retriever, answerer); everything below it receives its parts.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from langchain_core.embeddings import Embeddings

from bot.answer import Answer, Answerer, Passage
from bot.catalogue import answer_aggregate, build_catalogue, is_aggregate
from bot.errors import InvalidQuestion
from bot.extractive import ExtractiveAnswerer
from bot.question import Analysis, analyse
from bot.retrieve import Retriever
from bot.settings import Settings
from index.embeddings import build_embeddings
from index.store import ensure_local_store, open_store


@dataclass(frozen=True)
class Turn:
    """One earlier exchange of the conversation."""

    question: str
    answer: str = ""


class MissionsBot:
    """Answers French questions about the missions, with citations."""

    def __init__(self, retriever: Retriever, answerer: Answerer, max_question_chars: int = 500) -> None:
        self.retriever = retriever
        self.answerer = answerer
        self.max_question_chars = max_question_chars
        self.catalogue = build_catalogue(retriever.documents)

    def check_question(self, question: str) -> str:
        """The question stripped, or `InvalidQuestion` with a French message."""
        text = " ".join((question or "").split())
        if not text:
            raise InvalidQuestion("La question est vide : écrivez une question sur les missions.")
        if len(text) > self.max_question_chars:
            raise InvalidQuestion(
                f"La question est trop longue ({len(text)} caractères, {self.max_question_chars} au plus)."
            )
        return text

    def analyse(self, question: str, history: Sequence[Turn] = ()) -> Analysis:
        """The question's analysis; a follow-up that names no mission keeps the previous one's."""
        vocabulary = self.retriever.lexical.doc_freq
        analysis = analyse(question, self.retriever.missions, vocabulary)
        if not (analysis.missions or analysis.years):
            for turn in reversed(history):
                earlier = analyse(turn.question, self.retriever.missions, vocabulary)
                if earlier.missions or earlier.years:
                    analysis.missions, analysis.years = earlier.missions, earlier.years
                    break
        return analysis

    def search(self, question: str, k: int = 8, history: Sequence[Turn] = ()) -> list[Passage]:
        """The passages retrieved for `question`, best first."""
        return self.retriever.search(self.analyse(self.check_question(question), history), k=k)

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        """Answer `question` (raises `InvalidQuestion` for an empty or oversized one)."""
        text = self.check_question(question)
        if is_aggregate(text):  # about the missions as a whole: the conversation does not narrow it
            overview = answer_aggregate(text, self.analyse(text), self.catalogue)
            if overview is not None:
                return overview
        analysis = self.analyse(text, history)
        passages = self.retriever.search(analysis)
        return self.answerer.answer(text, passages, analysis)

    def stream(self, question: str, history: Sequence[Turn] = ()) -> Iterator[str | Answer]:
        """The answer as it is written: text pieces, then the complete `Answer` last.

        The extractive answer comes in one piece; a generative answerer may stream tokens.
        Raises `InvalidQuestion` before yielding anything.
        """
        answer = self.ask(question, history)
        yield answer.text
        yield answer


def open_bot(settings: Settings, model: tuple[Embeddings, str] | None = None) -> MissionsBot:
    """Build the bot on the store the settings name; `StoreNotBuilt` if it was never built.

    `model` is an already loaded (embeddings, model id), so a refresh and the bot share one load.
    """
    ensure_local_store(settings.store_dir, settings.chroma_url)  # before the slow model load
    embeddings, model_id = model or build_embeddings(settings.embedding_model)
    store = open_store(
        embeddings,
        model_id,
        store_dir=settings.store_dir,
        chroma_url=settings.chroma_url,
        collection=settings.collection,
    )
    retriever = Retriever(store, embeddings)
    answerer = ExtractiveAnswerer(
        retriever.lexical, settings.max_citations, retriever.neighbour, retriever.article_terms
    )
    return MissionsBot(retriever, answerer, settings.max_question_chars)


class LiveBot:
    """The bot a long-running server answers with: `reload()` swaps in a fresh one after a refresh.

    The embedding model is loaded once and shared by every bot it builds.
    """

    def __init__(self, settings: Settings, model: tuple[Embeddings, str] | None = None) -> None:
        self.settings = settings
        self.model = model or build_embeddings(settings.embedding_model)
        self._bot = open_bot(settings, self.model)
        self._lock = threading.Lock()

    @property
    def bot(self) -> MissionsBot:
        """The current bot (a request keeps the one it started with)."""
        return self._bot

    def reload(self) -> MissionsBot:
        """Rebuild the bot from the store as it is now (after a refresh) and serve it from then on."""
        with self._lock:
            self._bot = open_bot(self.settings, self.model)
        return self._bot
