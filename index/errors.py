"""Errors of the index layer."""

from corpus.errors import MissionsError


class StoreNotBuilt(MissionsError):
    """The index was never built: the message says how to build it."""


class StoreMismatch(MissionsError):
    """The store was built with another embedding model."""


class EmbeddingServerError(MissionsError):
    """The remote embeddings server is unreachable, refuses the key or answers something unusable."""


class RefreshRunning(MissionsError):
    """Another refresh of the same store is running: this one is refused, never interleaved."""


class RefreshFailed(MissionsError):
    """A refresh could not complete; the store still answers from the previous generation."""
