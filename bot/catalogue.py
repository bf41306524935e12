"""The mission catalogue, and answers to questions about the missions as a whole.

Built from the store's chunk metadata (one entry per mission edition), so it always matches
the index. Aggregate questions ("Quelles missions ont eu lieu en 2018 ?", "Combien de missions
...?", "Quelle mission comptait le plus de participants ?") are answered from it, each mission
cited by the sentence of its article that gives its dates or its participants.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from langchain_core.documents import Document

from bot.answer import Answer, Citation
from bot.evidence import has_day_month
from bot.question import Analysis
from corpus.facts import count_participants
from index.french import fold, split_sentences


@dataclass(frozen=True)
class MissionEntry:
    """One mission edition as the catalogue lists it; `quote` is verbatim from its article."""

    mission: str
    year: int | None
    source: str
    title: str
    dates: str | None = None
    destination: str | None = None
    country: str | None = None
    organiser: str | None = None
    participants: int | None = None
    sectors: list[str] = field(default_factory=list)
    url: str | None = None
    quote: str = ""
    paragraph: int | None = None
    start: int | None = None
    end: int | None = None
    # The sentence that gives the participant count, cited when missions are compared by size.
    count_quote: tuple[str, int | None, int, int] | None = None  # (quote, paragraph, start, end)
    announced: bool = False  # its article announces it (a call for applications): still to come

    @property
    def label(self) -> str:
        """"Mission Israël (2018)"."""
        return f"{self.mission} ({self.year})" if self.year else self.mission

    def to_dict(self) -> dict[str, object]:
        """JSON shape of `missions list --json` and of the API."""
        hidden = ("start", "end", "paragraph", "count_quote")
        return {k: v for k, v in asdict(self).items() if k not in hidden}


def build_catalogue(documents: Sequence[Document]) -> list[MissionEntry]:
    """One entry per article that names a mission, sorted by year then name."""
    by_source: dict[str, list[Document]] = {}
    for doc in documents:
        if doc.metadata.get("mission"):
            by_source.setdefault(str(doc.metadata.get("source")), []).append(doc)
    entries = [_entry(sorted(docs, key=lambda d: d.metadata.get("chunk", 0))) for docs in by_source.values()]
    return sorted(entries, key=lambda e: (e.year or 0, e.mission, e.source))


def _entry(docs: list[Document]) -> MissionEntry:
    meta = docs[0].metadata
    doc, (s, e) = _key_sentence(docs)
    base = int(doc.metadata.get("start", 0))
    sectors = str(meta.get("sectors", ""))
    return MissionEntry(
        mission=str(meta["mission"]),
        year=meta.get("year"),
        source=str(meta.get("source", "")),
        title=str(meta.get("title", "")),
        dates=meta.get("dates"),
        destination=meta.get("destination"),
        country=meta.get("country"),
        organiser=meta.get("organiser"),
        participants=meta.get("participants"),
        sectors=[x for x in sectors.split(", ") if x],
        url=meta.get("url"),
        quote=doc.page_content[s:e],
        paragraph=doc.metadata.get("paragraph"),
        start=base + s,
        end=base + e,
        count_quote=_count_sentence(docs, meta.get("participants")),
        announced=bool(meta.get("announced")),
    )


def _count_sentence(docs: list[Document], participants: object) -> tuple[str, int | None, int, int] | None:
    """The first sentence that counts the participants as the facts do ("25 entrepreneurs")."""
    if not participants:
        return None
    for doc in docs[:4]:
        base = int(doc.metadata.get("start", 0))
        for s, e in split_sentences(doc.page_content):
            if count_participants(doc.page_content[s:e])[0] == participants:
                return doc.page_content[s:e], doc.metadata.get("paragraph"), base + s, base + e
    return None


def _key_sentence(docs: list[Document]) -> tuple[Document, tuple[int, int]]:
    """The first sentence giving a day and a month (the mission's dates), else the first one."""
    for doc in docs[:4]:
        for span in split_sentences(doc.page_content):
            if has_day_month(doc.page_content[span[0] : span[1]]):
                return doc, span
    return docs[0], split_sentences(docs[0].page_content)[0]


_AGGREGATE = re.compile(
    r"\b(?:quelles|combien\s+de|toutes\s+les|liste\s+des|les)\s+missions\b|\bmissions\s+(?:ont|a|de\s+la\s+cci)\b|"
    r"\bmission\s+(?:a\s+)?(?:compt|eu|rassembl|reun|attir)\w*\s+(?:le\s+)?(?:plus|moins)\b",
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# A detail about the missions ("Quel numéro appeler pour s'inscrire aux missions de la CCI ?") is
# for the passages to give, not a list of the missions.
_DETAILS = frozenset("contact money person role reason duration rank".split())
_MOST = re.compile(r"\ble\s+plus\b|\bla\s+plus\b")
_LEAST = re.compile(r"\ble\s+moins\b|\bla\s+moins\b")


def is_aggregate(question: str) -> bool:
    """Does the question ask about the missions as a whole? "Combien de missions ... ?" -> True."""
    return bool(_AGGREGATE.search(fold(question)))


def answer_aggregate(question: str, analysis: Analysis, catalogue: Sequence[MissionEntry]) -> Answer | None:
    """An answer from the catalogue, or None when the question is not about the missions as a whole."""
    if not is_aggregate(question) or analysis.expects in _DETAILS:
        return None
    folded = fold(question)
    asked_years = sorted({int(y) for y in _YEAR.findall(question)})
    chosen = [
        e
        for e in catalogue
        if (not asked_years or e.year in asked_years) and (not analysis.missions or e.mission in analysis.missions)
    ]
    if not chosen:
        years = ", ".join(str(y) for y in asked_years)
        where = f" en {years}" if years else ""
        return Answer(question, f"Les articles ne parlent d'aucune mission{where}.", abstained=True)
    if "particip" in folded and (_MOST.search(folded) or _LEAST.search(folded)):
        counted = [e for e in chosen if e.participants]
        if not counted:
            return None
        pick = max if _MOST.search(folded) else min
        best = pick(counted, key=lambda e: e.participants or 0)
        size = "La plus nombreuse" if pick is max else "La moins nombreuse"
        intro = f"{size} : {best.label}, {best.participants} participants d'après les articles."
        return _cite(question, intro, [best], counts=True)
    if "combien" in folded:
        where = f" en {', '.join(str(y) for y in asked_years)}" if asked_years else ""
        return _cite(question, f"Les articles décrivent {len(chosen)} mission(s){where} :", chosen)
    return _cite(question, f"Missions décrites dans les articles ({len(chosen)}) :", chosen)


def _cite(question: str, intro: str, entries: Sequence[MissionEntry], counts: bool = False) -> Answer:
    """One line and one citation per mission: its dates sentence, or with `counts` its head count."""
    lines = [intro]
    citations = []
    for n, e in enumerate(entries, start=1):
        quote, paragraph, start, end = (e.count_quote if counts and e.count_quote else None) or (
            e.quote, e.paragraph, e.start, e.end
        )
        lines.append(f"- {e.label} — {quote} [{n}]")
        citations.append(
            Citation(
                n=n, source=e.source, title=e.title, mission=e.mission, quote=quote, url=e.url,
                year=e.year, paragraph=paragraph, start=start, end=end,
            )  # fmt: skip
        )
    return Answer(question, "\n".join(lines), citations)
