"""A belief to check is read as the question it checks, its value (maybe wrong) made a question word."""

from __future__ import annotations

import pytest

from bot.belief import as_question


@pytest.mark.parametrize(
    ("belief", "question"),
    [
        ("Il me semble que la mission à New York coûtait 3 000 €, c’est bien ça ?",
         "la mission à New York coûtait quel montant ?"),
        ("C’était bien en mai, la délégation en Israël ?", "C’était à quelle date, la délégation en Israël ?"),
        ("C’était bien en octobre 2023, la mission Hong Kong ?", "C’était à quelle date en 2023, la mission Hong Kong ?"),
        ("On m’a dit qu’ils étaient une trentaine à New York, je me trompe ?", "ils étaient combien à New York ?"),
        ("On m’a dit qu’ils étaient 19 lors de la mission de 2017, je me trompe ?",
         "ils étaient combien lors de la mission de 2017 ?"),
        ("Si je ne m’abuse, c’est Sophie Lacombe qui conduisait la délégation ?", "qui conduisait la délégation ?"),
        ("Si je ne m’abuse, Pierre Deniset dirigeait la deuxième édition ?", "qui dirigeait la deuxième édition ?"),
        ("Confirmez-vous que Brice Challamel travaillait chez Samsung ?",
         "Brice Challamel travaillait chez quelle entreprise ?"),
        ("J’ai lu que Shenzhen compte 10 millions d’habitants, vrai ou faux ?", "Shenzhen compte combien d’habitants ?"),
        ("Il faut bien une heure de train entre Hong Kong et Shenzhen ?",
         "Il faut combien de temps de train entre Hong Kong et Shenzhen ?"),
        ("Il me semble qu’Israël consacre 3 % de son PIB à la R&D, c’est ça ?",
         "Israël consacre quel pourcentage de son PIB à la R&D ?"),
        ("Confirmez-vous qu’une troisième édition est prévue pour 2025 ?", "une troisième édition est prévue quand ?"),
        ("J’ai noté que l’e-mail de Claire Roux était c.roux@cci.example, vous confirmez ?",
         "l’e-mail de Claire Roux était quel ?"),
        ("Correct me if I'm wrong: the Israel delegation cost 3,900 euros per company?",
         "the Israel delegation cost how much per company ?"),
        # a belief that leads to a question is that question
        ("Si je ne m’abuse, Luc Julia les a reçus : de quoi leur a-t-il parlé ?",
         "Luc Julia les a reçus : de quoi leur a-t-il parlé ?"),
        # no value of a known kind: a yes-or-no question
        ("J’ai lu que la mission s’était limitée à Tel Aviv, vrai ou faux ?",
         "est-ce que la mission s’était limitée à Tel Aviv ?"),
    ],
)  # fmt: skip
def test_a_belief_is_the_question_it_checks(belief, question):
    assert as_question(belief) == question


@pytest.mark.parametrize(
    "question",
    [
        "Combien coûtait la mission à New York ?",
        "Qui est Daniel Kowalski ?",
        "cb de rdv ils ont eu a new york en 4 jours ?",
        "Quel numéro appeler pour la mission New York ?",
    ],
)
def test_a_question_is_no_belief(question):
    assert as_question(question) == question
