"""A scripted chat model for the tests: replays its script and records every prompt it received.

Script entries: a reply text, an exception to raise, or a function of the prompt's messages that
returns the reply (for a model that "obeys" what it reads).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import Field


class ScriptedChatModel(BaseChatModel):
    """Answers with the next scripted entry; `prompts` holds the messages of every call."""

    script: list[Any] = Field(default_factory=list)
    prompts: list[list[BaseMessage]] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def enqueue(self, *entries: str | BaseException | Callable[[list[BaseMessage]], str]) -> ScriptedChatModel:
        self.script.extend(entries)
        return self

    def prompt_text(self, call: int = -1) -> str:
        """Every message of one call, joined: what the model read."""
        return "\n".join(str(m.content) for m in self.prompts[call])

    def _reply(self, messages: list[BaseMessage]) -> str:
        self.prompts.append(list(messages))
        entry = self.script.pop(0)
        if isinstance(entry, BaseException):
            raise entry
        return entry(messages) if callable(entry) else entry

    def _generate(self, messages, stop=None, run_manager=None, **kwargs) -> ChatResult:
        return ChatResult(generations=[ChatGeneration(message=AIMessage(self._reply(messages)))])

    def _stream(self, messages, stop=None, run_manager=None, **kwargs) -> Iterator[ChatGenerationChunk]:
        for piece in re.findall(r"\S+\s*|\s+", self._reply(messages)):
            yield ChatGenerationChunk(message=AIMessageChunk(content=piece))
