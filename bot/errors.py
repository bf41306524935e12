"""Every domain error, gathered for the edges (CLI, UI, API) that turn them into French messages."""

from corpus.errors import MissionsError, UnreadableArticle
from index.errors import EmbeddingServerError, StoreMismatch, StoreNotBuilt

__all__ = [
    "EmbeddingServerError",
    "InvalidQuestion", "LLMNotConfigured",
    "MissionsError", "UnknownMission", "StoreMismatch", "StoreNotBuilt", "UnreadableArticle",
]


class InvalidQuestion(MissionsError):
    """The question is empty or too long."""


class UnknownMission(InvalidQuestion):
    """The mission a question is restricted to is not in the catalogue."""


class LLMNotConfigured(MissionsError):
    """The settings select a language model but leave out what it needs (its name)."""
