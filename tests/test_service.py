"""bot.service: checks the question, keeps the conversation's mission, delegates to its parts."""

from __future__ import annotations

import pytest

from bot.answer import Answer
from bot.errors import InvalidQuestion, StoreNotBuilt
from bot.retrieve import Retriever
from bot.service import MissionsBot, Turn, open_bot
from bot.settings import Settings
from tests.conftest import build_store, make_bot
from tests.test_retrieve import TWO_MISSIONS, write_corpus

pytestmark = pytest.mark.slow


class ScriptedAnswerer:
    """Returns the answers it was given, in order, and records what reached it."""

    def __init__(self, *answers: str) -> None:
        self.script = list(answers)
        self.calls: list[tuple[str, list, object]] = []

    def answer(self, question, passages, analysis):
        self.calls.append((question, passages, analysis))
        return Answer(question, self.script.pop(0))


@pytest.fixture(scope="module")
def two_missions_store(tmp_path_factory, embeddings):
    corpus = write_corpus(tmp_path_factory.mktemp("service-corpus"), TWO_MISSIONS)
    store, _ = build_store(corpus, tmp_path_factory.mktemp("service-store"), embeddings)
    return store


@pytest.fixture(scope="module")
def bot(two_missions_store, embeddings) -> MissionsBot:
    return make_bot(two_missions_store, embeddings)


@pytest.mark.parametrize("question", ["", "   ", "\n\t\xa0", None])
def test_an_empty_question_is_refused_in_french(seed_bot, question):
    with pytest.raises(InvalidQuestion, match="La question est vide"):
        seed_bot.ask(question)


@pytest.mark.parametrize("length", [501, 10_000])
def test_a_too_long_question_is_refused_in_french(seed_bot, length):
    question = ("Combien d'entrepreneurs ? " * 1000)[:length]
    with pytest.raises(InvalidQuestion, match="trop longue") as info:
        seed_bot.ask(question)
    assert "500" in str(info.value)


def test_a_question_at_the_limit_is_accepted(seed_bot):
    question = ("a " * 300)[:499] + "?"
    assert len(seed_bot.check_question(question)) == 500
    seed_bot.ask(question)


def test_white_space_is_collapsed_before_checking(seed_bot):
    assert (
        seed_bot.check_question("  Combien\r\n d'entrepreneurs\xa0 ?\t")
        == "Combien d'entrepreneurs ?"
    )
    assert seed_bot.check_question("😀 " * 200) == " ".join(["😀"] * 200)


def test_the_answerer_receives_the_cleaned_question_and_retrieved_passages(
    two_missions_store, embeddings
):
    retriever = Retriever(two_missions_store, embeddings[0])
    answerer = ScriptedAnswerer("première", "seconde")
    bot = MissionsBot(retriever, answerer)
    first = bot.ask("  Combien d'incubateurs\n ont été visités lors de la Mission Israël ? ")
    assert first.text == "première"
    question, passages, analysis = answerer.calls[0]
    assert question == "Combien d'incubateurs ont été visités lors de la Mission Israël ?"
    assert analysis.missions == ["Mission Israël"]
    assert passages and {p.document.metadata["source"] for p in passages} == {"israel-2018.txt"}
    # A follow-up that names no mission keeps the previous question's mission.
    second = bot.ask("Et combien d'accords ont été signés ?", [Turn(question, first.text)])
    assert second.text == "seconde"
    _, passages, analysis = answerer.calls[1]
    assert analysis.missions == ["Mission Israël"]
    assert {p.document.metadata["source"] for p in passages} == {"israel-2018.txt"}


@pytest.mark.parametrize(
    ("history", "missions", "years"),
    [
        ([], [], []),
        (
            [Turn("Combien d'entreprises ont participé à la Mission Israël ?")],
            ["Mission Israël"],
            [],
        ),
        (
            [Turn("Qui était là en 2019 ?"), Turn("Et les accords ?")],
            [],
            [2019],
        ),  # the latest naming wins
        (
            [Turn("Qui était là en 2019 ?"), Turn("Et en Israël ?")],
            ["Mission Israël"],
            [],
        ),
    ],
)
def test_follow_up_inherits_the_latest_mission_or_year(bot, history, missions, years):
    analysis = bot.analyse("Et combien d'accords ont été signés ?", history)
    assert (analysis.missions, analysis.years) == (missions, years)


def test_a_question_naming_a_mission_ignores_the_history(bot):
    analysis = bot.analyse("Combien d'accords en Silicon Valley ?", [Turn("Et en Israël ?")])
    assert analysis.missions == ["Mission Silicon Valley"]


def test_a_follow_up_naming_what_the_earlier_mission_never_mentions_ignores_the_history(bot):
    history = [Turn("Combien d'entreprises ont participé à la Mission Israël ?")]
    assert "Mission Israël" not in bot.analyse("Et combien d'investisseurs San Francisco ?", history).missions
    assert bot.analyse("Et à Tel-Aviv, combien d'investisseurs ?", history).missions == ["Mission Israël"]


def test_follow_up_answer_comes_from_the_inherited_mission(bot):
    history = [Turn("Combien d'entreprises ont participé à la Mission Israël ?")]
    answer = bot.ask("Et combien d'accords ont été signés ?", history)
    assert not answer.abstained
    assert "deux accords" in answer.text
    assert {c.source for c in answer.citations} == {"israel-2018.txt"}


def test_asking_for_the_date_of_a_mission_is_answered(bot):
    answer = bot.ask("Quelle est la date de la Mission Israël ?")
    assert not answer.abstained
    assert "3 au 8 mai" in answer.text


def test_asking_for_the_duration_of_a_mission_is_answered(bot):
    answer = bot.ask("Quelle est la durée de la mission Israël ?")
    assert not answer.abstained
    assert "six jours" in answer.text


def test_search_returns_passages_of_the_named_mission(bot):
    passages = bot.search("Combien d'incubateurs en Silicon Valley ?", k=2)
    assert 0 < len(passages) <= 2
    assert {p.document.metadata["source"] for p in passages} == {"silicon-valley-2019.txt"}


def test_open_bot_on_a_never_built_store_fails_fast_in_french(tmp_path):
    settings = Settings(store_dir=tmp_path / "jamais", corpus_dir=tmp_path)
    with pytest.raises(StoreNotBuilt, match="missions refresh"):
        open_bot(settings)


@pytest.mark.slow
def test_live_bot_picks_up_a_refresh_made_by_another_process(tmp_path, embeddings):
    """A server's LiveBot notices a `missions refresh` of its store (the stamp changed) and reloads."""
    import shutil
    import subprocess
    import sys

    from bot.service import LiveBot
    from bot.settings import Settings
    from index.refresh import refresh_corpus
    from tests.conftest import FICTIONAL, SEED_CORPUS

    corpus, store_dir = tmp_path / "corpus", tmp_path / "store"
    shutil.copytree(SEED_CORPUS, corpus)
    refresh_corpus(corpus, *embeddings, store_dir=store_dir)
    settings = Settings(corpus_dir=corpus, store_dir=store_dir, unanswered_path=tmp_path / "u.sqlite3")
    live = LiveBot(settings, embeddings, poll_seconds=0)
    question = "Combien de rendez-vous pendant la mission Israël ?"
    assert live.bot.ask(question).abstained
    before = live.bot

    shutil.copy(FICTIONAL / "fictif-mission-israel-2018.txt", corpus)
    env_cmd = [sys.executable, "-c", "from cli import main; main()", "refresh", "--corpus", str(corpus), "--store", str(store_dir)]
    subprocess.run(env_cmd, check=True, capture_output=True, timeout=300)

    answer = live.bot.ask(question)
    assert live.bot is not before
    assert not answer.abstained
    assert answer.citations[0].source == "fictif-mission-israel-2018.txt"


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Combien de participants à la mission Silicon Valley de 2017 ?", "aucune édition « Mission Silicon Valley 2017 »"),
        ("Quand aura lieu la mission de la CCI Occitanie au Japon ?", "aucune mission vers ce lieu (Japon)"),
        ("Quelle est la date de la mission à Berlin ?", "aucune mission vers ce lieu (Berlin)"),
    ],
)
def test_a_mission_the_articles_do_not_hold_is_refused_with_the_list(bot, question, said):
    answer = bot.ask(question)
    assert answer.abstained and said in answer.text
    assert "Missions présentes : " in answer.text and "Mission Israël (2018)" in answer.text


def test_a_follow_up_keeps_the_one_mission_the_earlier_answer_quoted(bot):
    """"la mission de 2017" with two missions that year, answered from one of them: "Et combien… ?" is
    about that one (here two missions named at once, the answer quoting one)."""
    earlier = "Qui a organisé les missions Israël et Silicon Valley ?"
    both = bot.analyse("Et combien d'accords ont été signés ?", [Turn(earlier)])
    assert sorted(both.missions) == ["Mission Israël", "Mission Silicon Valley"]
    quoted = [Turn(earlier, "Mission Israël (2018) — Du 3 au 8 mai dernier, douze entreprises… [1]")]
    analysis = bot.analyse("Et combien d'accords ont été signés ?", quoted)
    assert (analysis.missions, analysis.years) == (["Mission Israël"], [2018])
