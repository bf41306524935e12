"""The bot as one object: validate the question, retrieve, answer. Built from settings once.

`open_bot(settings)` is the one factory that turns settings into concrete parts (embedding
model, Chroma store, retriever, answerer); everything below it receives its parts.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from langchain_core.embeddings import Embeddings

from bot import french_model
from bot.answer import Answer, Answerer, Passage
from bot.catalogue import MissionEntry, answer_aggregate, build_catalogue, is_aggregate
from bot.errors import InvalidQuestion, UnknownMission
from bot.extractive import ExtractiveAnswerer
from bot.lexicon import stem_in
from bot.question import Analysis, MissionRef, analyse
from bot.retrieve import Retriever
from bot.settings import Settings
from bot.unanswered import UnansweredLog
from index.embeddings import build_embeddings, build_remote_embeddings
from index.french import fold
from index.records import last_refresh
from index.store import ensure_local_store, open_store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Turn:
    """One earlier exchange of the conversation."""

    question: str
    answer: str = ""


class MissionsBot:
    """Answers French questions about the missions, with citations."""

    def __init__(
        self,
        retriever: Retriever,
        answerer: Answerer,
        max_question_chars: int = 500,
        on_abstain: Callable[[Answer], None] | None = None,
        rewriter: Callable[[str, Sequence[Turn]], str] | None = None,
    ) -> None:
        self.retriever = retriever
        self.answerer = answerer
        self.rewriter = rewriter  # a follow-up -> a standalone question (through the LLM), before retrieval
        self.max_question_chars = max_question_chars
        self.catalogue = build_catalogue(retriever.documents)
        self.on_abstain = on_abstain  # told of every refusal (the server logs them for staff)

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
        """The question's analysis; a follow-up that names no mission keeps the previous one's, unless
        it names someone or something that mission's article never mentions ("Qui est Daniel Azoulay ?").
        """
        vocabulary = self.retriever.lexical.doc_freq
        analysis = analyse(question, self.retriever.missions, vocabulary, self.retriever.proper)
        if not (analysis.missions or analysis.years):
            for turn in reversed(history):
                earlier = analyse(turn.question, self.retriever.missions, vocabulary, self.retriever.proper)
                if earlier.missions or earlier.years:
                    if self._mentions_all(analysis.names, earlier):
                        analysis.missions, analysis.years = self._answered_from(earlier, turn.answer)
                    break
        return analysis

    def _answered_from(self, earlier: Analysis, answer: str) -> tuple[list[str], list[int]]:
        """The missions and years `earlier` named, narrowed to the one its answer quoted when it named
        several: "la mission de 2017" with two missions that year, answered from "Mission Silicon Valley
        (2017) — …", is the Silicon Valley one for "Et combien de rendez-vous ?".
        """
        named = _named_by(earlier, self.catalogue)
        quoted = {(e.mission, e.year) for e in named if e.label in answer}
        if len(named) > 1 and len(quoted) == 1:
            mission, year = quoted.pop()
            return [mission], [year] if year else []
        return earlier.missions, earlier.years

    def _mentions_all(self, names: Sequence[str], earlier: Analysis) -> bool:
        """Some article of the missions `earlier` named holds all of `names`."""
        refs = _named_by(earlier, self.retriever.missions)
        return not names or any(all(stem_in(n, m.vocabulary) for n in names) for m in refs)

    def find_missions(self, mission: str) -> list[MissionEntry]:
        """The catalogue entries `mission` names: a label ("Mission Israël (2018)"), an article file, or a
        mission's name (all its editions); accents and case do not matter. `UnknownMission` otherwise.
        """
        wanted = fold(" ".join(mission.split()))
        found = [e for e in self.catalogue if wanted in (fold(e.label), fold(e.source), fold(e.source.rsplit("/")[-1]))]
        found = found or [e for e in self.catalogue if fold(e.mission) == wanted]
        if not found:
            valid = ", ".join(f"« {e.label} »" for e in self.catalogue) or "aucune (l'index est vide)"
            raise UnknownMission(f"Mission inconnue : « {mission.strip()} ». Missions possibles : {valid}.")
        return found

    def search(
        self, question: str, k: int = 8, history: Sequence[Turn] = (), mission: str | None = None
    ) -> list[Passage]:
        """The passages retrieved for `question`, best first (only from `mission` when given)."""
        text = self.check_question(question)
        entries = self.find_missions(mission) if mission and mission.strip() else None
        analysis = self._analyse_within(text, history, entries)
        return [] if analysis is None else self.retriever.search(analysis, k=k)

    def ask(self, question: str, history: Sequence[Turn] = (), mission: str | None = None) -> Answer:
        """Answer `question`, from `mission`'s articles only when given (a catalogue label, file or name).

        Raises `InvalidQuestion` for an empty or oversized question, `UnknownMission` for an unknown mission.
        A refusal is also passed to `on_abstain`, when set.
        """
        answer = self._compose(question, history, mission)
        if answer.abstained and self.on_abstain is not None:
            self.on_abstain(answer)
        return answer

    def _compose(self, question: str, history: Sequence[Turn], mission: str | None) -> Answer:
        """The answer of `ask`, before anyone is told of a refusal."""
        prepared = self._prepare(question, history, mission)
        return prepared if isinstance(prepared, Answer) else self.answerer.answer(*prepared)

    def _prepare(
        self, question: str, history: Sequence[Turn], mission: str | None
    ) -> Answer | tuple[str, list[Passage], Analysis]:
        """An answer that needs no answerer (an overview, a question off the chosen mission), or what
        the answerer needs: the question as asked, its passages and its analysis. A follow-up is
        rewritten as a standalone question first when a rewriter is set: the analysis, hence the
        retrieval and a generative answerer's prompt, use that one (`analysis.question`).
        """
        text = self.check_question(question)
        entries = self.find_missions(mission) if mission and mission.strip() else None
        if is_aggregate(text):  # about the missions as a whole: the conversation does not narrow it
            overview = answer_aggregate(text, self.analyse(text), self.catalogue if entries is None else entries)
            if overview is not None:
                return overview
        asked = text
        if history and self.rewriter is not None:
            text = self.check_question(self.rewriter(text, history))
        analysis = self._analyse_within(text, history, entries)
        if analysis is None:
            chosen = ", ".join(e.label for e in entries or ())
            return Answer(
                asked, f"Cette question porte sur une autre mission que celle choisie ({chosen}).",
                abstained=True, leads=[e.label for e in entries or ()],
            )  # fmt: skip
        unknown = (
            f"aucune mission vers ce lieu ({analysis.unknown_place})" if analysis.unknown_place
            else f"aucune édition « {analysis.unknown_edition} »" if analysis.unknown_edition
            else f"pas ce lieu ({analysis.absent_place})" if analysis.absent_place else None
        )  # fmt: skip
        if unknown:
            missions = ", ".join(e.label for e in self.catalogue)
            return Answer(
                asked, f"Les articles ne mentionnent {unknown}. Missions présentes : {missions}.",
                abstained=True, leads=[e.label for e in self.catalogue][:2],
            )  # fmt: skip
        return asked, self.retriever.search(analysis), analysis

    def _analyse_within(
        self, text: str, history: Sequence[Turn], entries: Sequence[MissionEntry] | None
    ) -> Analysis | None:
        """The analysis, narrowed to `entries` when given; None when the question names another mission
        or year than those. With a chosen mission, the conversation no longer picks one.
        """
        if entries is None:
            return self.analyse(text, history)
        analysis = self.analyse(text)
        names = {e.mission for e in entries}
        years = {e.year for e in entries if e.year is not None}
        if (analysis.missions and not names & set(analysis.missions)) or (
            analysis.years and years and not years & set(analysis.years)
        ):
            return None
        analysis.missions = sorted(names)
        analysis.years = sorted(years) if len(years) == len(entries) else []
        return analysis

    def stream(
        self, question: str, history: Sequence[Turn] = (), mission: str | None = None
    ) -> Iterator[str | Answer]:
        """The answer as it is written: text pieces, then the complete `Answer` last.

        The extractive answer comes in one piece; a generative answerer streams the model's tokens,
        and then its final `Answer` is authoritative: its text may differ from the pieces streamed
        (unsupported sentences dropped, citations renumbered), so show the final text in the end.
        Raises `InvalidQuestion` (or `UnknownMission`) before yielding anything.
        """
        stream = getattr(self.answerer, "stream", None)
        if stream is None:
            answer = self.ask(question, history, mission)
            yield answer.text
            yield answer
            return
        prepared = self._prepare(question, history, mission)
        answer: Answer | None = None
        if isinstance(prepared, Answer):
            answer = prepared
            yield prepared.text
        else:
            for item in stream(*prepared):
                if isinstance(item, Answer):
                    answer = item
                else:
                    yield item
        assert answer is not None, "an answerer's stream ends with its Answer"
        if answer.abstained and self.on_abstain is not None:
            self.on_abstain(answer)
        yield answer


def load_embeddings(settings: Settings) -> tuple[Embeddings, str]:
    """(embeddings, model id): a remote OpenAI-compatible server when `embedding_base_url` is set, else local."""
    if settings.embedding_base_url:
        key = settings.embedding_api_key.get_secret_value() if settings.embedding_api_key else None
        return build_remote_embeddings(
            settings.embedding_base_url, settings.embedding_model, key, settings.embedding_timeout
        )
    return build_embeddings(settings.embedding_model)


def open_bot(settings: Settings, model: tuple[Embeddings, str] | None = None) -> MissionsBot:
    """Build the bot on the store the settings name; `StoreNotBuilt` if it was never built.

    `model` is an already loaded (embeddings, model id), so a refresh and the bot share one load.
    """
    ensure_local_store(settings.store_dir, settings.chroma_url)  # before the slow model load
    embeddings, model_id = model or load_embeddings(settings)
    store = open_store(
        embeddings,
        model_id,
        store_dir=settings.store_dir,
        chroma_url=settings.chroma_url,
        collection=settings.collection,
    )
    retriever = Retriever(store, embeddings)
    french_model.load()  # the word vectors, now rather than during the first question
    answerer: Answerer = ExtractiveAnswerer(
        retriever.lexical, settings.max_citations, retriever.neighbour, retriever.article_terms
    )
    rewriter = None
    if settings.llm != "none":  # imported only then: `none` needs no LLM package
        from bot.citecheck import CitationChecker
        from bot.generative import GenerativeAnswerer
        from bot.llm import build_chat_model
        from bot.rewrite import QuestionRewriter

        chat_model = build_chat_model(settings)
        if chat_model is not None:
            answerer = GenerativeAnswerer(chat_model, answerer, CitationChecker(embeddings))
            rewriter = QuestionRewriter(chat_model, settings.max_question_chars).rewrite
    return MissionsBot(retriever, answerer, settings.max_question_chars, rewriter=rewriter)


class LiveBot:
    """The bot a long-running server answers with, rebuilt when the index changes.

    A refresh from the admin page calls `reload()`; a refresh by another process (`missions
    refresh`) is noticed by polling the store's refresh stamp, at most every `poll_seconds`.
    The embedding model is loaded once and shared by every bot it builds. Its bots record the
    questions they refuse in `unanswered` (the CLI's bots, from `open_bot`, record nothing).
    """

    def __init__(
        self, settings: Settings, model: tuple[Embeddings, str] | None = None, poll_seconds: float = 2.0
    ) -> None:
        self.settings = settings
        self.model = model or load_embeddings(settings)
        self.unanswered = UnansweredLog(settings.unanswered_path, settings.unanswered_retention_days)
        self.poll_seconds = poll_seconds
        self._lock = threading.Lock()
        self._checked = 0.0
        self._generation = self._stamp()
        self._bot = self._open()

    def _stamp(self) -> str | None:
        stamp = last_refresh(self.settings.store_dir, self.settings.chroma_url, self.settings.collection)
        return stamp.generation if stamp else None

    def _open(self) -> MissionsBot:
        bot = open_bot(self.settings, self.model)
        bot.on_abstain = self.record_refusal
        return bot

    def record_refusal(self, answer: Answer) -> None:
        """Log a refused question with its closest article; a failing log never fails the answer."""
        try:
            self.unanswered.record(answer.question, answer.leads[0] if answer.leads else None)
        except (sqlite3.Error, OSError) as exc:
            log.warning("Question sans réponse non enregistrée (%s) : %s", self.settings.unanswered_path, exc)

    @property
    def bot(self) -> MissionsBot:
        """The current bot, rebuilt first when another process refreshed the index (a request keeps
        the bot it started with).
        """
        now = time.monotonic()
        if now - self._checked >= self.poll_seconds:
            self._checked = now
            if self._stamp() != self._generation:
                self.reload()
        return self._bot

    def reload(self) -> MissionsBot:
        """Rebuild the bot from the store as it is now (after a refresh) and serve it from then on."""
        with self._lock:
            self._generation = self._stamp()
            self._bot = self._open()
        return self._bot


_M = TypeVar("_M", MissionRef, MissionEntry)


def _named_by(analysis: Analysis, items: Sequence[_M]) -> list[_M]:
    """The missions (refs or catalogue entries) among `items` that `analysis` names, by mission or year."""
    return [
        m for m in items
        if (not analysis.missions or m.mission in analysis.missions)
        and (not analysis.years or m.year in analysis.years)
    ]  # fmt: skip
