"""Answer with a language model: numbered passages -> French prompt -> reply -> citation check -> Answer.

The reply is only kept where bot/citecheck.py finds the passages support it. When the model times
out, cannot be reached, or replies with nothing usable, the extractive answerer answers instead,
with a short French notice; the reader never sees a stack trace. Streaming yields the model's raw
tokens, then the checked `Answer`, which is authoritative: its text may differ from what was
streamed (sentences dropped, citations renumbered), and the caller should show the final text.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from bot.answer import Answer, Answerer, Passage
from bot.citecheck import CheckedReply, CitationChecker
from bot.prompt import answer_messages

log = logging.getLogger(__name__)

MAX_PASSAGES = 6
_EXTRACTED = "voici la réponse tirée directement des articles."
TIMEOUT = f"Le modèle de langue n'a pas répondu à temps : {_EXTRACTED}"
UNREACHABLE = f"Le modèle de langue est injoignable : {_EXTRACTED}"
UNUSABLE = f"La réponse du modèle de langue était inutilisable : {_EXTRACTED}"
UNVERIFIED = f"La réponse rédigée par le modèle de langue n'a pas pu être vérifiée dans les articles : {_EXTRACTED}"


class GenerativeAnswerer:
    """Write the answer with `chat_model`, keep what `checker` verifies, else fall back to `fallback`."""

    def __init__(
        self,
        chat_model: BaseChatModel,
        fallback: Answerer,
        checker: CitationChecker,
        max_passages: int = MAX_PASSAGES,
    ) -> None:
        self.chat_model = chat_model
        self.fallback = fallback
        self.checker = checker
        self.max_passages = max_passages

    def answer(self, question: str, passages: list[Passage], analysis: object) -> Answer:
        """The checked answer, from one non-streaming call to the model."""
        if not passages:
            return self.fallback.answer(question, passages, analysis)
        given = passages[: self.max_passages]
        try:
            reply = self.chat_model.invoke(answer_messages(_standalone(question, analysis), given)).text
        except Exception as exc:  # any failure of the remote model falls back (see _failure)
            return self._failure(exc, question, passages, analysis)
        return self._finish(reply, question, given, passages, analysis)

    def stream(self, question: str, passages: list[Passage], analysis: object) -> Iterator[str | Answer]:
        """The model's tokens as they come, then the checked `Answer` (authoritative) last."""
        if not passages:
            answer = self.fallback.answer(question, passages, analysis)
            yield answer.text
            yield answer
            return
        given = passages[: self.max_passages]
        messages: list[BaseMessage] = answer_messages(_standalone(question, analysis), given)
        pieces: list[str] = []
        try:
            for chunk in self.chat_model.stream(messages):
                if piece := chunk.text:
                    pieces.append(piece)
                    yield piece
        except Exception as exc:  # see _failure
            yield self._failure(exc, question, passages, analysis)
            return
        yield self._finish("".join(pieces), question, given, passages, analysis)

    def _finish(
        self, reply: str, question: str, given: list[Passage], passages: list[Passage], analysis: object
    ) -> Answer:
        if not reply.strip():
            log.warning("Réponse vide du modèle de langue.")
            return self._extracted(question, passages, analysis, UNUSABLE)
        checked = self.checker.check(reply, given)
        if not checked.citations:
            if checked.refused and not checked.dropped:  # no answer, says the model: the verbatim quotes decide
                return self.fallback.answer(question, passages, analysis)
            log.info("Réponse du modèle non vérifiée : %s", checked.dropped)
            return self._extracted(question, passages, analysis, UNVERIFIED)
        return Answer(question, checked.text, checked.citations, notice=_dropped_notice(checked))

    def _failure(self, exc: Exception, question: str, passages: list[Passage], analysis: object) -> Answer:
        """The extractive answer with a notice saying why. The remote model fails in open-ended ways
        (openai, httpx, ollama and parsing errors); every one of them must end in an answer, not a
        stack trace, so this catches them all and logs the failure for the staff.
        """
        log.warning("Échec du modèle de langue (%s) : réponse extractive.", type(exc).__name__, exc_info=exc)
        notice = {"timeout": TIMEOUT, "connection": UNREACHABLE}.get(failure_kind(exc), UNUSABLE)
        return self._extracted(question, passages, analysis, notice)

    def _extracted(self, question: str, passages: list[Passage], analysis: object, notice: str) -> Answer:
        return dataclasses.replace(self.fallback.answer(question, passages, analysis), notice=notice)


def failure_kind(exc: BaseException) -> str:
    """The failure's kind: "timeout", "connection" or "other", from the exception or its causes.

    openai's APITimeoutError -> "timeout"; httpx's ConnectError -> "connection".
    """
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            break
        name = type(seen).__name__.lower()
        if isinstance(seen, TimeoutError) or "timeout" in name:
            return "timeout"
        if isinstance(seen, ConnectionError) or "connect" in name:
            return "connection"
        seen = seen.__cause__ or seen.__context__
    return "other"


def _standalone(question: str, analysis: object) -> str:
    """The question the model should answer: the analysed one, which is standalone when a follow-up
    was rewritten (bot.service), else the question as asked.
    """
    return str(getattr(analysis, "question", "") or question)


def _dropped_notice(checked: CheckedReply) -> str | None:
    n = len(checked.dropped)
    if n == 0:
        return None
    if n == 1:
        return "Une phrase que les articles n'étayaient pas a été retirée de la réponse."
    return f"{n} phrases que les articles n'étayaient pas ont été retirées de la réponse."
