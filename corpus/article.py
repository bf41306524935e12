"""The Article record: one mission article's text and what we know about its mission."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One article of the corpus.

    `id` is the path relative to the corpus folder with `/` separators ("2019/israel.md"), so it
    is stable across machines. `text` is the article's text as the loader read it: every quote
    the bot shows is a substring of it.
    """

    id: str
    text: str
    title: str
    mission: str | None = None
    destination: str | None = None
    year: int | None = None
    dates: str | None = None
    url: str | None = None
    organiser: str | None = None
    participants: int | None = None
    country: str | None = None
    sectors: tuple[str, ...] = ()
    announced: bool = False  # a mission still to come (a call for applications), not a report
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """A short human label: "Mission Silicon Valley (2017)"."""
        name = self.mission or self.title
        return f"{name} ({self.year})" if self.year else name
