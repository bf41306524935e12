"""bot.rewrite: a follow-up becomes a standalone question through the LLM, or stays as it was asked."""

from __future__ import annotations

import pytest

from bot.rewrite import QuestionRewriter, standalone
from bot.service import Turn
from tests.scripted_chat import ScriptedChatModel

HISTORY = [Turn("Combien d'entreprises à la Mission Israël ?", "Douze entreprises [1].")]


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (
            "Combien d'incubateurs la Mission Israël a-t-elle visités ?",
            "Combien d'incubateurs la Mission Israël a-t-elle visités ?",
        ),
        ("« Et en 2019, combien ? »", "Et en 2019, combien ?"),
        (
            "Question autonome : Qui a organisé la Mission Israël ?\nExplication : ...",
            "Qui a organisé la Mission Israël ?",
        ),
        ("**Question reformulée :** Quand a eu lieu la mission ?", "Quand a eu lieu la mission ?"),
        ("", "Et ensuite ?"),
        ("\n  \n", "Et ensuite ?"),
        ("How many incubators did the delegation visit in Israel?", "Et ensuite ?"),  # not French
        ("Pourquoi " * 200, "Et ensuite ?"),  # too long
    ],
)
def test_standalone_keeps_a_usable_question_only(reply, expected):
    assert standalone(reply, "Et ensuite ?") == expected


def test_no_history_means_no_call():
    chat = ScriptedChatModel()
    assert QuestionRewriter(chat).rewrite("Et ensuite ?", []) == "Et ensuite ?"
    assert chat.prompts == []


def test_the_model_sees_the_last_turns_and_the_follow_up():
    chat = ScriptedChatModel().enqueue("Combien d'incubateurs la Mission Israël a-t-elle visités ?")
    history = [Turn(f"Question {i} ?", f"Réponse {i}.") for i in range(5)] + HISTORY
    rewritten = QuestionRewriter(chat, max_turns=3).rewrite("Et d'incubateurs ?", history)
    assert rewritten == "Combien d'incubateurs la Mission Israël a-t-elle visités ?"
    prompt = chat.prompt_text()
    assert "Combien d'entreprises à la Mission Israël ?" in prompt and "Douze entreprises [1]." in prompt
    assert "Question 4 ?" in prompt and "Question 2 ?" not in prompt
    assert prompt.endswith("Et d'incubateurs ?")


@pytest.mark.parametrize(
    "failure", [TimeoutError("read timed out"), ConnectionRefusedError(111, "refused"), ValueError("bad")]
)
def test_a_failing_model_leaves_the_question_as_asked(failure):
    chat = ScriptedChatModel().enqueue(failure)
    assert QuestionRewriter(chat).rewrite("Et d'incubateurs ?", HISTORY) == "Et d'incubateurs ?"
