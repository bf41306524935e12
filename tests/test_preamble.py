"""What the asker says of himself is set aside from the question."""

import pytest

from bot import preamble
from bot.question import MissionRef, analyse


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Je dirige une PME de drones à Albi. Combien coûtait la mission ?", "Combien coûtait la mission ?"),
        ("J'ai une ETI de logiciels à Toulouse. Combien de participants ?", "Combien de participants ?"),
        ("jai une boite de data a montpellier, cb de rdv en 2017 ?", "cb de rdv en 2017 ?"),
        ("jfabrique des objets connectes a rodez, cb de jours a shenzen ?", "cb de jours a shenzen ?"),
        ("pme agro a albi ici, cb coute loption pitch stp", "cb coute loption pitch stp"),
        ("I run a food export business in Sète. How many investors came?", "How many investors came?"),
        (
            "Et pour la mission New York, je dirige une marque à Nîmes : combien de rendez-vous ?",
            "Et pour la mission New York, combien de rendez-vous ?",
        ),
        # the rest of his sentence is his too, unless it names a mission
        ("Je fabrique des pompes à Castres, comme un des participants. Qui dirige Hydrolis ?", "Qui dirige Hydrolis ?"),
        ("Je dirige une PME à Albi, et pour la mission NY, combien de rdv ?", "Et pour la mission NY, combien de rdv ?"),
    ],
)
def test_what_the_asker_says_of_himself_is_set_aside(question, asked):
    assert preamble.split(question)[0] == asked


@pytest.mark.parametrize(
    "question",
    [
        "Je voudrais savoir combien coûtait la mission New York.",  # the asking itself, in the first person
        "je cherche le tarif, pour la mission NY.",  # nothing left that asks once set aside
        "On a eu combien de rendez-vous à New York ?",
        "Quelles entreprises ont participé, et combien étaient-elles ?",
        "Mon entreprise peut-elle participer à la prochaine mission ?",
    ],
)
def test_a_question_in_the_first_person_stays_whole(question):
    assert preamble.split(question) == (question, "")


def test_the_mission_the_asker_names_is_the_one_asked_about():
    missions = [MissionRef("Mission Israël", "Israël", 2018), MissionRef("Mission New York", "New York", 2019)]
    analysis = analyse("J'ai participé à la mission Israël avec ma PME de Nîmes. Combien de rendez-vous ?", missions)
    assert analysis.missions == ["Mission Israël"]
    assert analysis.question == "Combien de rendez-vous ?"
    # his town is no place asked about, nor a word to find
    analysis = analyse("Je dirige une PME à Montpellier. Combien de rendez-vous à New York ?", missions)
    assert analysis.unknown_place is None and "montpelli" not in analysis.terms


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Si j’avais participé à la mission à New York, combien j’aurais payé ?", "Combien j’aurais payé ?"),
        ("Imaginons que j’y sois allé en 2017 : qui m’aurait parlé de Siri ?", "Qui m’aurait parlé de Siri ?"),
        ("Supposons que je sois parti avec la délégation en Israël : quelles villes aurais-je vues ?",
         "Quelles villes aurais-je vues ?"),
        ("If I had joined the second edition, which co-founder would I have met?", "Which co-founder would I have met?"),
    ],
)  # fmt: skip
def test_a_supposition_about_the_asker_is_set_aside(question, asked):
    assert preamble.split(question)[0] == asked


def test_a_supposition_about_the_mission_stays():
    question = "Si la mission avait lieu en mai, combien coûtait-elle ?"
    assert preamble.split(question) == (question, "")


def test_what_the_asker_would_have_paid_is_the_mission_s_price():
    missions = [MissionRef("Mission New York", "New York", 2019)]
    analysis = analyse("Si j’avais participé à la mission à New York, combien j’aurais payé ?", missions)
    assert analysis.missions == ["Mission New York"] and analysis.expects == "money" and analysis.focus == []
