"""Measure answer quality on a question file (the format of tests/data/dev_questions.jsonl).

Figures: answer accuracy (an expected fact in the answer and a citation of the expected
source), citation accuracy (every quote verbatim in its article), refusal precision and recall,
retrieval hit@1 and hit@5 of the expected source, and latency p50/p95.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

from text_to_num import alpha2digit

from bot.service import MissionsBot
from index.french import fold


@dataclass
class Case:
    """One evaluated question and what happened to it."""

    id: str
    question: str
    answerable: bool
    correct: bool
    abstained: bool
    quotes_ok: bool
    hit1: bool
    hit5: bool
    seconds: float
    answer: str


@dataclass
class Report:
    """Aggregate figures of an evaluation run (ratios from 0 to 1, latencies in ms)."""

    questions: int = 0
    answerable: int = 0
    unanswerable: int = 0
    answer_accuracy: float = 0.0
    citation_accuracy: float = 0.0
    refusal_precision: float = 0.0
    refusal_recall: float = 0.0
    hit_at_1: float = 0.0
    hit_at_5: float = 0.0
    latency_p50_ms: float = 0.0
    latency_p95_ms: float = 0.0
    cases: list[Case] = field(default_factory=list)

    def figures(self) -> dict[str, float | int]:
        """The figures without the per-question cases."""
        return {k: v for k, v in asdict(self).items() if k != "cases"}


def read_questions(path: Path) -> list[dict]:
    """The JSON objects of a .jsonl file, blank lines skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def holds_fact(answer: str, expected: Iterable[str]) -> bool:
    """Any expected fact in the answer, ignoring case, accents, the apostrophe's shape and whether a
    number is written in words: ("Une Quinzaine", ["quinzaine"]) -> True; ("un bureau d’achat",
    ["bureau d'achat"]) -> True; ("douze entreprises", ["12 entreprises"]) -> True.
    """
    forms = {_plain(answer), _plain(alpha2digit(answer, "fr"))}
    return any(_plain(fact) in form or _plain(alpha2digit(fact, "fr")) in form for fact in expected for form in forms)


def _plain(text: str) -> str:
    return fold(text).translate(_APOSTROPHES)


def evaluate(
    bot: MissionsBot,
    questions: list[dict],
    article_texts: Mapping[str, str],
    on_case: Callable[[Case], None] | None = None,
) -> Report:
    """Ask every question and measure; `article_texts` maps source ids to their text."""
    cases = []
    for q in questions:
        started = time.perf_counter()
        answer = bot.ask(q["question"])
        seconds = time.perf_counter() - started
        sources = [p.document.metadata.get("source") for p in bot.search(q["question"], k=5)]
        expected_source = q.get("source")
        cited = {c.source for c in answer.citations}
        quotes_ok = all(
            c.source in article_texts
            and c.quote in article_texts[c.source]
            and (c.start is None or article_texts[c.source][c.start : c.end] == c.quote)
            for c in answer.citations
        )
        answerable = bool(q.get("answerable", True))
        correct = (
            not answer.abstained and holds_fact(answer.text, q.get("expect", [])) and expected_source in cited
            if answerable
            else answer.abstained
        )
        case = Case(
            id=str(q.get("id", len(cases) + 1)),
            question=q["question"],
            answerable=answerable,
            correct=correct,
            abstained=answer.abstained,
            quotes_ok=quotes_ok,
            hit1=bool(sources) and sources[0] == expected_source,
            hit5=expected_source in sources,
            seconds=seconds,
            answer=answer.text,
        )
        cases.append(case)
        if on_case:
            on_case(case)
    return summarise(cases)


def summarise(cases: list[Case]) -> Report:
    """Aggregate the cases into a report."""
    answerable = [c for c in cases if c.answerable]
    unanswerable = [c for c in cases if not c.answerable]
    refused = [c for c in cases if c.abstained]
    latencies = sorted(c.seconds * 1000 for c in cases)
    return Report(
        questions=len(cases),
        answerable=len(answerable),
        unanswerable=len(unanswerable),
        answer_accuracy=_ratio(sum(c.correct for c in answerable), len(answerable)),
        citation_accuracy=_ratio(sum(c.quotes_ok for c in cases), len(cases)),
        refusal_precision=_ratio(sum(not c.answerable for c in refused), len(refused)),
        refusal_recall=_ratio(sum(c.abstained for c in unanswerable), len(unanswerable)),
        hit_at_1=_ratio(sum(c.hit1 for c in answerable), len(answerable)),
        hit_at_5=_ratio(sum(c.hit5 for c in answerable), len(answerable)),
        latency_p50_ms=statistics.median(latencies) if latencies else 0.0,
        latency_p95_ms=latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))] if latencies else 0.0,
        cases=cases,
    )


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0
