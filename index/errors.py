"""Errors of the index layer."""

from corpus.errors import MissionsError


class StoreNotBuilt(MissionsError):
    """The index was never built: the message says how to build it."""


class StoreMismatch(MissionsError):
    """The store was built with another embedding model."""
