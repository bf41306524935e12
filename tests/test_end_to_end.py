"""End to end: the `missions` command refreshes the shipped corpus and answers the dev questions.

Runs the installed command in subprocesses, the way a person would, on a store in tmp_path.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT, SEED_CORPUS

pytestmark = pytest.mark.slow

MISSIONS = Path(sys.executable).with_name("missions")
DEV = [
    json.loads(line)
    for line in (DATA / "dev_questions.jsonl").read_text(encoding="utf-8").splitlines()
    if line
]


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MISSIONS_")}
    env.update(
        ANONYMIZED_TELEMETRY="False",
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        PYTHONIOENCODING="utf-8",
    )
    return env


def missions(
    *args: str, input: str | None = None, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(MISSIONS), *args], input=input, capture_output=True, text=True, encoding="utf-8",
        env=environment(), cwd=ROOT, timeout=timeout,
    )  # fmt: skip


def flat(text: str) -> str:
    """stderr with rich's line wrapping undone."""
    return " ".join(text.split())


def computed(result: subprocess.CompletedProcess[str]) -> int:
    """How many chunks a refresh embedded, from its French summary."""
    return int(re.search(r"(\d+) calculés", flat(result.stderr)).group(1))


def simple(text: str) -> str:
    """Lower case, no accents, one space: how expected facts are compared."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("e2e") / "store"
    result = missions("refresh", "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert computed(result) > 0
    return store


@pytest.fixture(scope="module")
def answers(store) -> list[dict]:
    questions = "".join(row["question"] + "\n" for row in DEV)
    result = missions("ask", "--json", "--store", str(store), input=questions)
    assert result.returncode == 0, result.stderr
    payloads = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [p["question"] for p in payloads] == [row["question"] for row in DEV]
    return payloads


def test_missions_command_is_installed():
    assert MISSIONS.exists()


def test_second_refresh_computes_nothing(store):
    result = missions("refresh", "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert computed(result) == 0
    assert " 0 supprimés" in flat(result.stderr)


def test_answerable_dev_questions_are_answered_and_cited(answers):
    answered = []
    for row, payload in zip(DEV, answers, strict=True):
        if not row["answerable"]:
            continue
        has_fact = any(simple(fact) in simple(payload["answer"]) for fact in row["expect"])
        cited = any(c["source"] == row["source"] for c in payload["citations"])
        if has_fact and cited and not payload["abstained"]:
            answered.append(row["id"])
    total = sum(row["answerable"] for row in DEV)
    assert total == 16
    assert len(answered) >= 14, f"answered only {answered}"


def test_unanswerable_dev_questions_are_refused(answers):
    refused = [
        row["id"] for row, p in zip(DEV, answers, strict=True)
        if not row["answerable"] and p["abstained"] and not p["citations"]
    ]  # fmt: skip
    assert sum(not row["answerable"] for row in DEV) == 4
    assert len(refused) >= 3, refused


def test_every_quote_is_verbatim_in_its_article(answers):
    quotes = 0
    for payload in answers:
        for citation in payload["citations"]:
            article = (SEED_CORPUS / citation["source"]).read_text(encoding="utf-8")
            assert citation["quote"] in article
            assert citation["quote"] in payload["answer"]
            assert f"[{citation['n']}]" in payload["answer"]
            quotes += 1
    assert quotes >= 14


def test_json_lines_have_the_documented_shape(answers):
    for payload in answers:
        assert {"question", "answer", "abstained", "citations"} <= payload.keys()
        for citation in payload["citations"]:
            assert {"n", "source", "title", "mission", "quote", "url"} <= citation.keys()


def test_ask_against_a_never_built_store_says_to_run_refresh(tmp_path):
    result = missions(
        "ask", "Combien d'entrepreneurs ?", "--store", str(tmp_path / "jamais"), timeout=120
    )
    assert result.returncode != 0
    message = flat(result.stderr)
    assert "Erreur" in message and "missions refresh" in message
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "jamais").exists()
