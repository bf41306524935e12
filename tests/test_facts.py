import pytest

from corpus.facts import (
    count_participants,
    extract_facts,
    find_country,
    find_organiser,
    find_sectors,
    places_of,
)
from tests.conftest import SEED_CORPUS


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Du 20 au 25 mai dernier, une quinzaine d’entrepreneurs ont participé", 15),
        ("18 chefs d’entreprise de la région ont participé", 18),
        ("douze dirigeants d’entreprises industrielles", 12),
        ("une vingtaine de dirigeants et porteurs de projet", 20),
        ("Du 15 au 19 novembre 2021, vingt-deux chefs d’entreprise ont participé", 22),
        ("En juin, dix-huit chefs d'entreprise d'Occitanie se sont envolés", 18),
        ("trente et un participants", 31),
        ("Pour une participation de 3 500 euros par personne", None),
        ("Aucun chiffre ici.", None),
        # Companies, when they took part or open the sentence; not those a place holds.
        ("Du 12 au 16 mars, onze entreprises régionales ont participé à la mission.", 11),
        ("La CCI Occitanie a emmené neuf entreprises régionales à Shenzhen.", 9),
        ("Titre\n\n12 entreprises, six jours, deux pays.", 12),
        ("Le Brooklyn Navy Yard accueille 450 entreprises.", None),
        # Some of those who came, not their count.
        ("Deux entreprises participantes ont déjà engagé des démarches d’implantation à New York.", None),
        ("Quatre entreprises de la délégation ont déjà prévu de revenir à l’automne.", None),
        # A number of places is no count of who came.
        ("La délégation sera limitée à 20 participants.", None),
    ],
)
def test_count_participants(text, count):
    assert count_participants(text)[0] == count


@pytest.mark.parametrize(
    "text",
    [
        "Cinq ans après une première édition qui avait réuni une quinzaine d’entrepreneurs en mai 2017, "
        "la CCI a renoué avec la Californie. Cette deuxième mission a rassemblé vingt-deux chefs d’entreprise.",
        "Après le succès de 2017, qui avait réuni une quinzaine de participants, vingt-deux dirigeants sont partis.",
        "Six ans après la première édition de mai 2017, la CCI a emmené 22 entrepreneurs régionaux.",
    ],
)
def test_a_count_told_of_an_earlier_edition_is_not_this_missions(text):
    assert count_participants(text, 2022)[0] == 22
    assert count_participants("Une première édition avait réuni 15 entrepreneurs en 2017.", 2017)[0] == 15


def test_organiser_stops_at_the_place():
    text = "voyage d’étude organisé par la CCI Occitanie au cœur de la Californie."
    assert find_organiser(text) == "CCI Occitanie"
    assert find_organiser("co-organisé par la CCI Occitanie et AD’OCC, l’agence") == "CCI Occitanie et AD’OCC"
    assert find_organiser("Rien d’organisé.") is None
    dated = "la « Mission Singapour », organisée du 5 au 10 juin 2023 par la CCI Occitanie et AD'OCC, l'agence"
    assert find_organiser(dated) == "CCI Occitanie et AD'OCC"


def test_organiser_in_the_active_voice():
    text = "la CCI Occitanie a organisé du 10 au 14 février 2020 la deuxième édition"
    assert find_organiser(text) == "CCI Occitanie"


def test_places_of_a_country_hold_its_towns_and_regions():
    assert {"Canada", "québec", "Amérique du Nord"} <= set(places_of("Canada"))
    assert "Asie du Sud-Est" in places_of("Singapour")
    assert places_of(None) == ()


def test_sectors_and_country():
    assert find_sectors("la fintech et la Cybersecurite, pas la cuisine") == ["fintech", "cybersécurité"]
    assert find_country("Silicon Valley", "") == "États-Unis"
    assert find_country(None, "à Tel-Aviv puis à Jérusalem, en Israël") == "Israël"
    assert find_country(None, "rien") is None


def test_seed_facts():
    facts = extract_facts((SEED_CORPUS / "mission-silicon-valley-2017.txt").read_text(encoding="utf-8"), "Silicon Valley")
    assert (facts.participants, facts.organiser, facts.country) == (15, "CCI Occitanie", "États-Unis")
    assert "intelligence artificielle" in facts.sectors


def test_who_flew_out_tells_the_participants_but_a_club_that_gathers_people_does_not():
    from corpus.facts import tells_participants

    assert tells_participants("Du 6 au 12 octobre 2024, 13 personnes s’envolaient pour Hong Kong avec la CCI Occitanie.")
    assert not tells_participants("Un dîner avec le club French Bay Network, qui réunit 90 dirigeants installés sur place.")
    assert tells_participants("La CCI a réuni 15 entrepreneurs pour ce voyage.")


def test_who_followed_the_cci_on_the_mission_took_part():
    from corpus.facts import tells_participants

    assert tells_participants("Du 5 au 9 novembre, 14 chefs d’entreprise ont suivi la première « Mission New York ».")


def test_who_travelled_the_bay_took_part_but_an_evening_that_gathered_people_did_not():
    from corpus.facts import tells_participants

    assert tells_participants("Du 14 au 19 avril, vingt-deux dirigeants ont parcouru la baie de San Francisco.")
    assert not tells_participants("Une soirée organisée à Oakland, qui a réuni près de 150 personnes.")
