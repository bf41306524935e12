"""bot.french_model: near-synonyms from the French word vectors, never words of the same root."""

from __future__ import annotations

from bot import french_model
from bot.french_model import RELATED_MIN, closeness, vector


def test_near_synonyms_are_related():
    assert closeness("supermarchés", ["dans", "la", "région", "magasins"]) >= RELATED_MIN
    assert closeness("sociétés", ["entreprises"]) >= RELATED_MIN


def test_words_of_another_topic_are_not():
    assert closeness("hôtel", ["quartier", "délégation"]) < RELATED_MIN
    assert closeness("salaire", ["prix", "tarif"]) < RELATED_MIN


def test_the_two_sides_of_an_exchange_are_not_related():
    assert closeness("visiteurs", ["exposants"]) >= RELATED_MIN  # the vectors put them close...
    assert not french_model.related("visiteurs", ["exposants"])  # ...but visitors are no exhibitors
    assert not french_model.related("acheteurs", ["vendeurs"])
    assert french_model.related("supermarchés", ["magasins"])


def test_words_of_one_root_are_left_to_the_stems():
    assert closeness("entreprises", ["entrepreneurs"]) == 0.0


def test_short_unknown_or_numeric_words_have_no_vector():
    assert vector("vu") is None
    assert vector("zzkwxq") is None
    assert vector("2017") is None
    assert closeness("zzkwxq", ["magasins"]) == 0.0


def test_a_word_after_a_determiner_is_no_verb():
    assert french_model.verbs("qui etait l interprete a munich") <= {"etait", "munich"}
    assert "organisé" in french_model.verbs("Qui a organisé la mission ?")
