"""Errors of the corpus layer; `bot.errors` gathers every domain error for the edges."""


class MissionsError(Exception):
    """Base of every error the product reports to a person, with a French message."""


class UnreadableArticle(MissionsError):
    """An article file cannot be read or parsed (corrupt PDF, bad encoding, unknown type...)."""


class RefusedChange(MissionsError):
    """Staff cannot make this change to the corpus folder (file too big, wrong type, name taken...)."""
