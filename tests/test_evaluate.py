"""`missions eval` on the question sets, with the thresholds CI holds the bot to.

Floors are set a little under what was measured, so quality cannot silently regress:
dev questions over the seed article (measured 15/16 answered, 4/4 refused), the fictional
set over the multi-mission corpus (31/31, 10/10), the held-out set written without sight of
the code (88 %, 90 %), a second one whose failures were never looked at (82 %, 80 %), and a
third set with four other made-up articles, written blind (73 %, 100 %; its failures were then
studied, so it is no longer blind).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.evaluate import Case, holds_fact, summarise
from tests.conftest import DATA, SEED_CORPUS

MISSIONS = [sys.executable, "-c", "from cli import main; main()"]


def test_holds_fact_ignores_case_and_accents():
    assert holds_fact("Une QUINZAINE d’entrepreneurs", ["quinzaine"])
    assert holds_fact("Israël", ["israel"])
    assert not holds_fact("vingt", ["quinzaine", "15"])


def test_holds_fact_reads_numbers_written_in_words():
    assert holds_fact("Du 13 au 16 mars, douze entreprises régionales ont participé", ["12 entreprises"])
    assert holds_fact("Seize participants représentant onze entreprises", ["11 entreprises"])
    assert not holds_fact("douze entreprises", ["11 entreprises"])


def test_holds_fact_ignores_the_apostrophes_shape():
    assert holds_fact("ouvrir un bureau d’achat à Hong Kong", ["bureau d'achat"])
    assert holds_fact("l'incubateur", ["l’incubateur"])


def case(answerable: bool, correct: bool, abstained: bool, quotes_ok: bool = True) -> Case:
    return Case("x", "q", answerable, correct, abstained, quotes_ok, True, True, 0.01, "a")


def test_summarise_counts_refusals_both_ways():
    report = summarise(
        [case(True, True, False), case(True, False, True), case(False, True, True), case(False, False, False)]
    )
    assert report.answer_accuracy == 0.5
    assert report.refusal_recall == 0.5
    assert report.refusal_precision == 0.5  # one of the two refusals was right
    assert report.citation_accuracy == 1.0


def run_eval(questions: Path, corpus: Path, store: Path, *floors: str, tmp_path: Path) -> dict:
    out = tmp_path / "figures.json"
    result = subprocess.run(
        [*MISSIONS, "eval", str(questions), "--corpus", str(corpus), "--store", str(store), "--json", str(out), *floors],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "exactitude des réponses" in result.stdout
    return json.loads(out.read_text())


@pytest.mark.slow
def eval_in_process(questions: Path, corpus: Path, store: Path, embeddings) -> dict:
    """The figures `missions eval` prints, from the same `bot.evaluate.evaluate` in this process: the
    model is loaded once for the whole suite rather than once per set (the CLI itself is run above).
    """
    from bot.evaluate import evaluate, read_questions
    from bot.service import open_bot
    from bot.settings import Settings
    from corpus.load import load_articles

    bot = open_bot(Settings(corpus_dir=corpus, store_dir=store, llm="none"), model=embeddings)
    texts = {a.id: a.text for a in load_articles(corpus).articles}
    return evaluate(bot, read_questions(questions), texts).figures()


def assert_floors(figures: dict, answer_floor: float, refusal_floor: float) -> None:
    assert figures["answer_accuracy"] >= answer_floor, figures
    assert figures["refusal_recall"] >= refusal_floor, figures
    assert figures["citation_accuracy"] == 1.0, figures


def test_dev_questions_meet_the_floors(seed_store_dir, tmp_path):
    figures = run_eval(
        DATA / "dev_questions.jsonl", SEED_CORPUS, seed_store_dir,
        "--min-answer", "0.93", "--min-refusal", "0.75", "--min-citation", "1.0", tmp_path=tmp_path,
    )  # fmt: skip
    assert figures["questions"] == 20
    assert figures["hit_at_5"] >= 0.9


@pytest.fixture(scope="module")
def multi_store(multi_corpus, tmp_path_factory, embeddings):
    from tests.conftest import build_store

    store_dir = tmp_path_factory.mktemp("eval-multi-store")
    build_store(multi_corpus, store_dir, embeddings)
    return store_dir


@pytest.mark.slow
@pytest.mark.parametrize(
    ("questions", "answer_floor", "refusal_floor"),
    [
        (DATA / "fictional" / "questions.jsonl", 0.95, 0.9),
        (DATA / "heldout" / "questions.jsonl", 0.92, 0.85),
        (DATA / "heldout2" / "questions.jsonl", 0.9, 0.95),
    ],
    ids=["fictional", "heldout", "heldout2"],
)
def test_multi_mission_sets_meet_the_floors(
    questions, answer_floor, refusal_floor, multi_corpus, multi_store, embeddings
):
    assert_floors(eval_in_process(questions, multi_corpus, multi_store, embeddings), answer_floor, refusal_floor)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("folder", "answer_floor", "refusal_floor", "count"),
    [
        ("fictional2", 0.9, 0.9, 60),
        ("fictional3", 0.93, 0.9, 64),
        ("fictional4", 0.83, 0.85, 64),
        ("fictional5", 0.89, 0.9, 64),  # never studied but for one English question (f5-26)
        ("fictional6", 0.93, 0.9, 64),
        ("fictional7", 0.93, 0.93, 64),
        ("fictional8", 0.85, 0.95, 64),
        ("fictional9", 0.93, 0.93, 64),
        ("fictional10", 0.95, 0.9, 64),
        ("fictional11", 0.89, 0.93, 64),
        ("fictional12", 0.89, 0.93, 64),
        ("fictional13", 0.89, 0.9, 64),  # studied for three passes; f13-64's trap answered since 0d7cb56
        ("fictional14", 0.89, 0.9, 64),  # studied for two passes
        ("fictional15", 0.85, 0.9, 64),  # studied for one pass
        ("fictional16", 0.87, 0.8, 64),  # studied for one pass; f16-59's trap (README)
        ("fictional17", 0.95, 0.9, 64),  # studied for one pass
        ("fictional18", 0.93, 0.95, 64),  # studied for one pass
        ("fictional19", 0.93, 0.95, 64),  # studied for one pass
        ("fictional20", 0.93, 0.95, 64),  # studied for one pass
        ("fictional21", 0.91, 0.9, 64),  # studied for one pass
        ("fictional22", 0.77, 0.9, 64),  # measured blind, then studied briefly
        ("fictional23", 0.89, 0.95, 64),  # never studied: its failures were not read
        ("fictional24", 0.95, 0.95, 64),  # studied for one pass
        ("fictional25", 0.95, 0.85, 64),  # studied for one pass
        ("fictional26", 0.93, 0.95, 64),  # studied for one pass
        ("fictional27", 0.95, 0.95, 64),  # studied for one pass
        ("fictional28", 0.81, 0.9, 64),  # studied briefly
        ("fictional29", 0.91, 0.95, 64),  # studied briefly
        ("fictional30", 0.91, 0.85, 64),  # never studied: its failures were not read
        ("fictional31", 0.85, 0.9, 64),  # measured blind, then one refusal studied (f31-57)
        ("fictional32", 0.95, 0.95, 64),  # studied for one pass
        ("fictional33", 0.93, 0.95, 64),  # studied briefly at the end of a session
        ("fictional34", 0.93, 0.95, 64),  # studied for one pass
        ("fictional35", 0.95, 0.95, 64),  # studied for one pass
        ("fictional36", 0.95, 0.95, 64),  # studied for one pass
        ("fictional37", 0.95, 0.95, 64),  # studied for one pass
        ("fictional38", 0.83, 0.95, 64),  # studied for one pass (paraphrase-heavy)
        ("fictional39", 0.91, 0.9, 64),  # studied for one pass
        ("fictional40", 0.95, 0.95, 64),  # studied for one pass
        ("fictional41", 0.95, 0.95, 64),  # studied for one pass
        ("fictional42", 0.87, 0.95, 64),  # studied for one pass
        ("fictional43", 0.93, 0.9, 64),  # never studied
        ("fictional44", 0.91, 0.95, 64),  # never studied: its failures were not read
        ("fictional45", 0.89, 0.9, 64),  # never studied: its failures were not read
        ("fictional46", 0.93, 0.9, 64),  # never studied: its failures were not read
        ("fictional47", 0.87, 0.85, 64),  # measured blind, then two refusals studied
        ("fictional48", 0.91, 0.9, 64),  # measured blind (72,9 %), then studied for one pass
        ("fictional49", 0.91, 0.9, 64),  # measured blind, then studied for one pass
        ("fictional50", 0.89, 0.95, 64),  # measured blind, then studied for one pass
        ("fictional51", 0.87, 0.9, 64),  # measured blind (72,9 %), then studied for one pass
        ("fictional52", 0.91, 0.95, 64),  # measured blind on the session's last rules, then studied briefly
        ("fictional53", 0.89, 0.85, 64),  # measured blind, then studied for one pass
        ("fictional54", 0.89, 0.95, 64),  # measured blind (22,9 %), then studied for one pass
        ("fictional55", 0.73, 0.9, 64),  # measured blind (58,3 %), then studied for one pass
        ("fictional56", 0.91, 0.95, 64),  # measured blind (72,9 %), then studied for one pass
        ("fictional57", 0.73, 0.85, 64),  # measured blind (60,4 %), then studied for one pass
        ("fictional58", 0.89, 0.95, 64),  # measured blind on d7edf22, never studied: its failures were not read
        ("fictional59", 0.95, 0.9, 64),  # measured blind (66,7 %, spoken questions), then studied for one pass
        ("fictional60", 0.91, 0.9, 64),  # measured blind (77,1 %, requests), then studied for one pass
        ("fictional61", 0.91, 0.85, 64),  # measured blind (87,5 %, a participant's voice), then studied
        ("fictional62", 0.87, 0.9, 64),  # measured blind (62,5 %, exclusions and positions), then studied
        ("fictional63", 0.85, 0.95, 64),  # measured blind (43,8 %, beliefs to check), then studied
        ("fictional64", 0.93, 0.9, 64),  # measured blind (89,6 %, messy typing), then studied
        ("fictional65", 0.85, 0.95, 64),  # measured blind (81,2 %, names typed by ear), then studied
        ("fictional66", 0.91, 0.9, 64),  # measured blind (68,8 %, indirect questions), then studied
        ("fictional67", 0.85, 0.9, 64),  # measured blind (77,1 %, hypothetical voice), then studied
        ("fictional68", 0.87, 0.9, 64),  # measured blind (85,4 %, keyword queries), then studied
        ("fictional69", 0.91, 0.95, 64),  # measured blind (91,7 %, default style), then studied briefly
        ("fictional70", 0.95, 0.95, 64),  # measured blind (93,8 %, default style, partly loose), then studied briefly
        ("fictional71", 0.79, 0.95, 64),  # measured blind (72,9 %, fair paraphrase), then studied for one pass
        ("fictional72", 0.93, 0.95, 64),  # measured blind (89,6 %, default style), then studied for one pass
        ("fictional73", 0.93, 0.95, 64),  # measured blind (83,3 %, a mix of styles), then studied for one pass
        ("fictional74", 0.91, 0.9, 64),  # measured blind (91,7 %, default style), then studied briefly
        ("fictional75", 0.89, 0.95, 64),  # measured blind (89,6 %, default style), then studied briefly
    ],
)
def test_other_fictional_missions_meet_the_floors(folder, answer_floor, refusal_floor, count, tmp_path_factory, embeddings):
    """The seed plus four other made-up missions (a second Silicon Valley edition among them),
    each set written blind by a helper agent (see its README).
    """
    import shutil

    from tests.conftest import build_store

    corpus = tmp_path_factory.mktemp(f"{folder}-corpus")
    shutil.copytree(SEED_CORPUS, corpus, dirs_exist_ok=True)
    for article in (DATA / folder).glob("*.txt"):
        shutil.copy(article, corpus)
    store_dir = tmp_path_factory.mktemp(f"{folder}-store")
    build_store(corpus, store_dir, embeddings)
    figures = eval_in_process(DATA / folder / "questions.jsonl", corpus, store_dir, embeddings)
    assert figures["questions"] == count
    assert_floors(figures, answer_floor, refusal_floor)


def test_eval_fails_under_a_floor(seed_store_dir, tmp_path):
    result = subprocess.run(
        [*MISSIONS, "eval", str(DATA / "dev_questions.jsonl"), "--corpus", str(SEED_CORPUS),
         "--store", str(seed_store_dir), "--min-answer", "1.01"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 1
    assert "Sous le seuil" in result.stderr
