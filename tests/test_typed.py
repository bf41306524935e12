"""What chat typing adds to a question is tidied away before it is read."""

from __future__ import annotations

import pytest

from bot.question import MissionRef, analyse
from bot.typed import tidied


@pytest.mark.parametrize(
    ("typed", "question"),
    [
        ("SALUT @CCI 👋 c’était quand exactement la mission #NewYork ???", "c’était quand exactement la mission New York ?"),
        ("Combien coûtait la deuxième édition Silicon Valley ??? 💸", "Combien coûtait la deuxième édition Silicon Valley ?"),
        ("C’ÉTAIT QUOI LE THÈME PRINCIPAL DE LA 2E ÉDITION ?", "c’était quoi le thème principal de la 2e édition ?"),
        ("l’incubateur héberge combiiien de start-ups ?? 😅", "l’incubateur héberge combien de start-ups ?"),
        ("Qui Est Élodie Marcassin ?? 🤔", "Qui est Élodie Marcassin ?"),
        ("Mathieu Escande… il a fondé Quelle Start-Up ?!", "Mathieu Escande… il a fondé quelle Start-Up ?"),
        ("Quel temps fera-t-il demain à Toulouse ?? ☀️", "Quel temps fera-t-il demain à Toulouse ?"),
    ],
)
def test_chat_typing_is_tidied(typed, question):
    assert tidied(typed) == question


@pytest.mark.parametrize(
    "question",
    ["Combien Cortexa AI a-t-elle levé en 2023 ?", "Qui organisait la mission sur la côte Est ?", "Où est R&D Plus ?"],
)
def test_a_question_typed_cleanly_is_left_as_it_is(question):
    assert tidied(question) == question


def test_a_hashtag_names_the_mission():
    missions = [MissionRef("Mission New York", "New York", 2018), MissionRef("Mission Israël", "Israël", 2019)]
    analysis = analyse("SALUT @CCI 👋 c’était quand exactement la mission #NewYork ???", missions)
    assert analysis.missions == ["Mission New York"] and analysis.kind == "quand"
