"""Rewrite a follow-up ("Et en 2019 ?") as a standalone French question, through the language model.

Used before retrieval when a model is configured and the conversation has earlier turns. Any
failure (an error, an empty, overlong or non-French reply) keeps the question as it was asked.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Protocol

from langchain_core.language_models import BaseChatModel

from bot.citecheck import is_french
from bot.prompt import rewrite_messages

log = logging.getLogger(__name__)

MAX_TURNS = 3
_LABEL = re.compile(r"^(?:question(?: autonome| reformulée)?|reformulation)\s*:\s*", re.I)


class Exchange(Protocol):
    """An earlier turn of the conversation (bot.service.Turn)."""

    question: str
    answer: str


class QuestionRewriter:
    """Turn the last question of a conversation into one that stands alone."""

    def __init__(self, chat_model: BaseChatModel, max_chars: int = 500, max_turns: int = MAX_TURNS) -> None:
        self.chat_model = chat_model
        self.max_chars = max_chars
        self.max_turns = max_turns

    def rewrite(self, question: str, history: Sequence[Exchange]) -> str:
        """The standalone question; `question` itself without history or when the model fails."""
        if not history:
            return question
        turns = [(t.question, t.answer) for t in history[-self.max_turns :]]
        try:
            reply = self.chat_model.invoke(rewrite_messages(question, turns)).text
        except Exception as exc:  # any failure of the remote model keeps the question as asked
            log.warning("Reformulation impossible (%s) : question gardée telle quelle.", type(exc).__name__)
            return question
        return standalone(reply, question, self.max_chars)


def standalone(reply: str, question: str, max_chars: int = 500) -> str:
    """The first line of the reply without label or quotes, if it is a usable question; else `question`.

    '« Question : Combien en 2019 ? »' -> "Combien en 2019 ?"
    """
    lines = [line.strip() for line in reply.splitlines() if line.strip()]
    if not lines:
        return question
    line = _LABEL.sub("", lines[0].replace("**", "").strip()).strip().strip("«»\"“”'*` ").strip()
    if not line or len(line) > max_chars or not is_french(line):
        log.info("Reformulation écartée : %r", reply[:200])
        return question
    return line
