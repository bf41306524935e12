"""Every domain error, gathered for the edges (CLI, UI, API) that turn them into French messages."""

from corpus.errors import MissionsError, UnreadableArticle
from index.errors import StoreMismatch, StoreNotBuilt

__all__ = ["InvalidQuestion", "MissionsError", "StoreMismatch", "StoreNotBuilt", "UnreadableArticle"]


class InvalidQuestion(MissionsError):
    """The question is empty or too long."""
