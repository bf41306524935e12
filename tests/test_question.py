"""bot.question: a French question's kind, expected answer, head noun, focus, missions, years."""

from __future__ import annotations

import pytest

from bot.lexicon import rewrite, term_in
from bot.position import Position
from bot.question import (
    Analysis,
    MissionRef,
    analyse,
    correct,
    correct_word,
    destination_parts,
    detect_kind,
    expected_type,
    find_head,
    main_question,
    pick_edition,
    unglue,
    unknown_place,
)
from corpus.facts import places_of
from index.french import stem, terms, words

MISSIONS = [
    MissionRef("Mission Silicon Valley", "Silicon Valley", 2017),
    MissionRef("Mission Silicon Valley", "Silicon Valley", 2019),
    MissionRef("Mission Israël", "Israël", 2018),
    MissionRef("Mission New York", "New York", 2018),
]


@pytest.mark.parametrize(
    ("question", "kind", "expects"),
    [
        (
            "Combien d'entrepreneurs ont participé à la Mission Silicon Valley ?",
            "combien",
            "quantity",
        ),
        ("Et combien de rendez-vous ?", "combien", "quantity"),
        ("Combien coûtait l'inscription à la Mission Silicon Valley ?", "combien", "money"),
        ("Quand a eu lieu la Mission Silicon Valley ?", "quand", "date"),
        ("Où se trouve Plug & Play ?", "ou", "place"),
        ("Qui a organisé le voyage d'étude en Californie ?", "qui", "person"),
        ("Qui est Luc Julia ?", "qui", "role"),
        ("Quel est le poste de Brice Challamel chez Google ?", "quel", "role"),
        ("Quelles grandes entreprises sont nées chez Plug & Play ?", "quel", "entity"),
        ("Quel est le chiffre d'affaires de Criteo ?", "quel", "money"),
        (
            "Quelle part du capital-investissement américain est regroupée en Californie ?",
            "quel",
            "quantity",
        ),
        ("Dans quelle ville ?", "quel", "place"),
        ("Pourquoi partir en Israël ?", "pourquoi", "reason"),
        ("Comment s'est passée la mission ?", "comment", None),
        ("Parle-moi de la mission Israël", "autre", None),
        ("", "autre", None),
        ("😀 ?", "autre", None),
    ],
)
def test_kind_and_expected_answer(question, kind, expects):
    analysis = analyse(question, MISSIONS)
    assert (analysis.kind, analysis.expects) == (kind, expects)


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("Combien d'entrepreneurs ont participé ?", "entrepreneur"),
        ("combien de start up heberge plug and play", "start"),
        (
            "Quelles grandes entreprises sont nées chez Plug & Play ?",
            None,
        ),  # a class noun: the answer is a name
        ("Qui est Luc Julia ?", None),
    ],
)
def test_head(question, head):
    assert analyse(question, MISSIONS).head == head


def test_find_head_skips_prenominal_adjectives():
    head, modifiers = find_head(words("Quelles grandes entreprises sont nées ?"))
    assert head == "entrepris" and modifiers == {"grand"}
    assert find_head(words("Qui est là ?")) == (None, set())


@pytest.mark.parametrize(
    ("tokens", "kind"),
    [
        (["et", "combien", "de"], "combien"),
        (["quelles", "sont"], "quel"),
        (["où"], "ou"),
        ([], "autre"),
        (["la", "mission", "a", "eu", "lieu", "quand"], "quand"),
        (["a", "b", "c", "d", "e", "f", "quand"], "quand"),  # "c'était quand ?": anywhere
    ],
)
def test_detect_kind_reads_the_first_words(tokens, kind):
    assert detect_kind(tokens) == kind


def test_focus_keeps_content_words_without_the_mission_name():
    analysis = analyse(
        "Combien d'entrepreneurs ont participé à la Mission Silicon Valley ?", MISSIONS
    )
    assert analysis.focus == ["entrepreneur"]  # "ont participé" only says they were of the mission
    assert analysis.missions == ["Mission Silicon Valley"]
    assert analysis.terms == terms(analysis.question)
    assert set(analysis.focus) <= set(analysis.terms)


def test_focus_without_a_mission_keeps_every_content_word():
    analysis = analyse("Qui a organisé le voyage d'étude des entrepreneurs ?", MISSIONS)
    assert analysis.focus == ["organis", "voyag", "entrepreneur"]  # "voyage d'étude": a voyage
    assert analysis.missions == [] and analysis.years == [] and analysis.where is None
    # "en Californie" names the mission to its Silicon Valley (a state holding the destination).
    assert analyse("Qui a organisé le voyage d'étude en Californie ?", MISSIONS).missions == ["Mission Silicon Valley"]


@pytest.mark.parametrize(
    ("question", "missions", "years"),
    [
        ("Comment s'est passée la mission Israël en 2018 ?", ["Mission Israël"], [2018]),
        ("combien de rendez vous pendant la mission new york", ["Mission New York"], []),
        ("Qu'a-t-on vu en ISRAEL ?", ["Mission Israël"], []),
        ("Qui est venu en 2019 ?", [], [2019]),
        (
            "Et en Silicon Valley puis à New York ?",
            ["Mission Silicon Valley", "Mission New York"],
            [],
        ),
        ("Combien d'entreprises en 2025 ?", [], []),  # a year no mission has is not a filter
        ("Une vallée, une valley ?", [], []),  # every word of the name is needed
        ("Qui a parlé de silicium ?", [], []),
    ],
)
def test_missions_and_years_named(question, missions, years):
    analysis = analyse(question, MISSIONS)
    assert (analysis.missions, analysis.years) == (missions, years)


def test_where_filter():
    assert analyse("Où est la mission Israël ?", MISSIONS).where == {
        "mission": {"$in": ["Mission Israël"]}
    }
    assert analyse("Qui est venu en 2019 ?", MISSIONS).where == {"year": {"$in": [2019]}}
    both = analyse("Comment s'est passée la mission Israël en 2018 ?", MISSIONS).where
    assert both == {"$and": [{"mission": {"$in": ["Mission Israël"]}}, {"year": {"$in": [2018]}}]}


def test_where_of_an_empty_analysis_is_none():
    assert Analysis("q", "autre", None, None, []).where is None


def test_analyse_without_known_missions():
    analysis = analyse("Combien d'entrepreneurs ont participé à la Mission Silicon Valley ?")
    assert analysis.missions == [] and analysis.years == []
    assert "silicon" in analysis.focus


def test_expected_type_money_from_verbs_and_heads():
    assert expected_type("combien", None, words("combien coûte la mission")) == "money"
    assert expected_type("combien", "budget", words("combien de budget")) == "money"
    assert expected_type("combien", "entrepreneur", words("combien d'entrepreneurs")) == "quantity"


@pytest.mark.parametrize(
    ("question", "expects"),
    [
        ("Quel est le prix de la mission ?", "money"),
        ("Quelle est la ville de départ ?", "place"),
        ("Quel est le rôle de Luc Julia ?", "role"),
        ("Quel est le nombre de participants ?", "quantity"),
    ],
)
def test_head_nouns_that_name_a_kind_of_answer(question, expects):
    assert analyse(question).expects == expects


def test_asking_for_the_date_expects_a_date():
    analysis = analyse("Quelle est la date de la Mission Israël ?", MISSIONS)
    assert analysis.expects == "date"
    assert analysis.head is None


def test_head_is_stemmed_like_the_terms():
    analysis = analyse("Quelle est la durée de la mission ?")
    assert analysis.head in (None, *terms("durée"))


def test_an_english_question_gets_its_business_words_in_french():
    analysis = analyse("How many patents has Hadar Tech filed?")
    assert analysis.kind == "combien"
    assert analysis.head == "brevet"
    assert "depos" in analysis.focus


def test_a_french_question_keeps_its_words_even_when_they_look_english():
    assert "fond" in analyse("Quels fonds ont été rencontrés ?").noun


def test_a_keyword_question_opening_on_a_type_noun_expects_that_type():
    analysis = analyse("dates mission berlin")
    assert analysis.expects == "date"
    assert "dat" not in analysis.focus
    assert analyse("budget berlin ?").expects == "money"
    # A delay, or the time a thing takes, is a duration; "temps forts" are highlights, no time asked.
    assert analyse("delai prototype a shenzen ?").expects == "duration"
    assert analyse("temps de train HK-Shenzhen").expects == "duration"
    assert analyse("temps forts mission berlin").expects is None
    # "tel" opening the question is the phone, not the adjective.
    assert analyse("tel contact hk").expects == "contact"


def test_an_english_question_joined_by_people_counts_the_participants():
    assert "particip" in analyse("How many people joined the second Silicon Valley mission?").terms


def test_a_qui_question_naming_a_role_requires_that_role():
    analysis = analyse("Qui est le président de la CCI Occitanie ?")
    assert analysis.kind == "qui"
    assert analysis.head == "president"


def test_combien_of_money_does_not_require_the_money_noun():
    analysis = analyse("Combien d'argent a été levé dans la Silicon Valley ?")
    assert analysis.expects == "money"
    assert analysis.head is None


def test_a_question_about_what_comes_next_looks_ahead_without_requiring_the_word():
    a = analyse("Prochaine destination après Berlin ?", [MissionRef("Mission Berlin", "Berlin", 2022)])
    assert a.future and a.missions == ["Mission Berlin"]
    assert not {"prochain", "destin"} & set(a.focus)
    assert not analyse("Quand a eu lieu la mission ?", MISSIONS).future


def test_where_someone_works_asks_for_a_post():
    a = analyse("Marie Durand elle travaille où ?", MISSIONS)
    assert a.expects == "role" and "travaill" not in a.focus


def test_why_choose_a_place_is_about_the_place():
    a = analyse("Pourquoi avoir choisi Israël pour une mission ?", MISSIONS)
    assert a.kind == "pourquoi" and a.missions == ["Mission Israël"] and "chois" not in a.focus


def test_a_region_or_country_names_the_mission_when_no_destination_does():
    missions = [
        MissionRef("Mission Singapour", "Singapour", 2023, places=places_of("Singapour")),
        MissionRef("Mission Montréal", "Montréal", 2019, places=places_of("Canada")),
        MissionRef("Mission New York", "New York", 2018, places=places_of("États-Unis")),
        MissionRef("Mission Silicon Valley", "Silicon Valley", 2017, places=places_of("États-Unis")),
    ]
    assert analyse("qui pilotait la mission en asie du sud est", missions).missions == ["Mission Singapour"]
    assert analyse("combien de sociétés sont allées au Québec ?", missions).missions == ["Mission Montréal"]
    # A destination wins over the countries: New York is not every American mission.
    assert analyse("Combien de participants à New York ?", missions).missions == ["Mission New York"]


def test_a_role_verb_is_the_word_a_qui_answer_should_echo():
    a = analyse("Qui pilotait la mission Israël ?", MISSIONS)
    assert a.expects == "role" and a.noun == "pilot" and a.head is None


def test_a_destination_of_several_words_goes_by_its_initials():
    missions = [MissionRef("Mission New York", "New York", 2018), MissionRef("Mission Hong Kong – Shenzhen", "Hong Kong – Shenzhen", 2019)]
    assert analyse("budget ny ?", missions).missions == ["Mission New York"]
    assert analyse("prix mission hk", missions).missions == ["Mission Hong Kong – Shenzhen"]
    assert analyse("usine a shenzhen", missions).missions == ["Mission Hong Kong – Shenzhen"]


def test_a_hyphen_between_two_known_towns_parts_the_destination():
    missions = [MissionRef("Mission Hong Kong-Shenzhen", "Hong Kong-Shenzhen", 2018, places=places_of("Chine"))]
    assert analyse("usine a shenzhen", missions).missions == ["Mission Hong Kong-Shenzhen"]
    assert destination_parts(MissionRef("Mission Tel-Aviv", "Tel-Aviv", 2020)) == [{"tel", "aviv"}, {"ta"}]


def test_one_town_of_a_mission_with_several_is_what_the_question_asks_about():
    missions = [MissionRef("Mission Hong Kong-Shenzhen", "Hong Kong-Shenzhen", 2018, places=places_of("Chine"))]
    asked = analyse("Combien d'habitants compte Hong Kong ?", missions)
    assert asked.stop == ["hong", "kong"] and "shenzhen" in asked.elsewhere and "hong" not in asked.elsewhere
    assert not analyse("Combien de participants à la mission Hong Kong ?", missions).stop  # names the mission
    # Another town of the country, beside the mission's name: "à Canton pendant la mission Hong Kong-Shenzhen".
    asked = analyse("Combien de rendez-vous ont eu lieu à Canton pendant la mission Hong Kong-Shenzhen ?", missions)
    assert asked.stop == ["canton"] and {"hong", "shenzhen"} <= set(asked.elsewhere)
    assert not analyse("Quand a eu lieu la mission à Hong Kong et Shenzhen ?", missions).stop
    assert not analyse("temps de train HK-Shenzhen", missions).stop  # both towns, one by its initials
    assert analyse("combien d'habitants à HK ?", missions).stop == ["hong", "kong"]
    israel = [MissionRef("Mission Israël", "Israël", 2018, places=places_of("Israël"))]
    asked = analyse("Quelle est la population de Jérusalem ?", israel)
    assert asked.stop == ["jerusalem"] and "israel" in asked.elsewhere


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("la mission 2017 ct quelles dates ?", "la mission 2017 c'était quelles dates ?"),
        ("Quelle part a été prise en charge par la Région ?", "Quelle part a été financé par la Région ?"),
        ("combien de rencontres d'affaires ?", "combien de rencontres ?"),
        ("et combien de rendez vous d affaires ?", "et combien de rendez-vous ?"),
        ("je voudrais le mail de contact svp", "quel est le mail de contact ?"),
        ("Pouvez-vous me dire qui a organisé la mission ?", "qui a organisé la mission ?"),
        ("Quel coup de pouce la Région apporte-t-elle ?", "Quel aide la Région apporte-t-elle ?"),
        ("Qu'ont-ils fait le troisième jour ?", "Qu'ont-ils fait le jour 3 ?"),
        ("population jerusalem svp", "combien d'habitants jerusalem svp"),
        ("quelles facs lors de l'édition californienne ?", "quelles universités lors de l'édition en Californie ?"),
        ("le tel pour la mission svp", "le téléphone pour la mission svp"),
        ("Quel est le Tel Aviv de la mission ?", "Quel est le Tel Aviv de la mission ?"),
        ("cb de rdv pendant la mision californienne ?", "combien de rendez-vous pendant la mision en Californie ?"),
        ("Quand étaient-ils sur la côte Est ?", "Quand étaient-ils à New York ?"),
        ("La mission New York et la côte Est ?", "La mission New York et la côte Est ?"),  # named already
        ("Combien les start-ups israéliennes ont-elles levé ?", "Combien les start-ups israéliennes d'Israël ont-elles levé ?"),
        ("quel est le num de tel du responsable", "quel est le numéro de téléphone du responsable"),
        ("c quoi le CA de lumisol", "quel est le chiffre d'affaires de lumisol"),
        ("ca coute cb", "coute combien"),
        ("Is a follow-up mission planned?", "Is a prochaine mission prévue?"),
        ("Quel jour de la semaine ont-ils vu des investisseurs ?", "Quel jour ont-ils vu des investisseurs ?"),
        ("Qu'a-t-il rapporté en matière de contrats ?", "Qu'a-t-il rapporté de contrats ?"),
        ("Quelle part de ses ventes réalise-t-elle outre-Atlantique ?", "Quelle part de ses ventes réalise-t-elle aux États-Unis ?"),
        ("Quelle est la population de Tel-Aviv ?", "combien d'habitants Tel-Aviv ?"),
    ],
)
def test_chat_shorthand_and_politeness_are_read_away(typed, read):
    assert rewrite(typed) == read


def test_a_class_noun_set_before_a_name_is_no_word_to_find():
    assert "entrepris" not in analyse("Qui dirige l'entreprise ruthénoise Lumicap ?").focus
    assert "entrepris" in analyse("Qui dirige l'entreprise installée à Rodez ?").focus


def test_a_demonym_stands_for_its_town():
    assert term_in(stem("ruthénoise"), {stem("Rodez")}) and term_in(stem("nîmois"), {stem("Nîmes")})
    assert rewrite("combien de chefs d'entreprise ?") == "combien de dirigeants ?"


def test_what_they_did_on_a_day_asks_for_an_action():
    asked = analyse("Qu'ont fait les participants le quatrième jour de la mission ?")
    assert (asked.expects, asked.head) == (None, None) and {"jour", "4"} <= set(asked.focus)


def test_a_short_stem_that_starts_a_typo_does_not_hide_it():
    assert correct("entreprenneur", {"entre": 5, "entrepreneur": 3}) == "entrepreneur"


def test_an_adjective_of_place_after_mission_names_the_mission():
    missions = [
        MissionRef("Mission Hong Kong – Shenzhen", "Hong Kong – Shenzhen", 2017, places=places_of("Chine")),
        MissionRef("Mission Silicon Valley", "Silicon Valley", 2017, places=places_of("États-Unis")),
    ]
    assert analyse("Combien de rendez-vous a comptés la mission asiatique de 2017 ?", missions).missions == [
        "Mission Hong Kong – Shenzhen"
    ]
    assert analyse("Qui a conduit la délégation américaine ?", missions).missions == ["Mission Silicon Valley"]


def test_a_relative_qui_does_not_make_a_who_question():
    assert analyse("Que fabrique l'entreprise de Sète qui faisait partie du voyage ?").kind == "autre"
    assert analyse("Qui dirige l'entreprise qui fabrique des tielles ?").kind == "qui"


def test_how_much_of_its_gdp_asks_for_a_share_not_a_price():
    assert analyse("israel depense cb de son pib en recherche ?").expects == "quantity"
    assert analyse("combien coûte la mission ?").expects == "money"


def test_a_mission_to_a_country_no_mission_went_to_is_unknown():
    missions = [MissionRef("Mission New York", "New York", 2018, places=places_of("États-Unis"))]
    assert analyse("mission japon c'est quand", missions).unknown_place == "Japon"
    assert analyse("la mission au Japon", missions).unknown_place == "Japon"
    assert analyse("la mission aux États-Unis", missions).unknown_place is None
    assert analyse("la mission pédagogique de 2018", missions).unknown_place is None
    # Any place after a preposition, not only right after "mission".
    assert analyse("Quand aura lieu la mission de la CCI Occitanie au Brésil ?", missions).unknown_place == "Brésil"
    assert analyse("combien de start-ups aux États-Unis ?", missions).unknown_place is None
    # A town counts too, unless a mission went to its country.
    assert analyse("Quelle est la date de la mission à Berlin ?", missions).unknown_place == "Berlin"
    assert analyse("la mission à New York", missions).unknown_place is None


def test_a_next_mission_to_a_place_an_article_names_is_left_to_the_passages():
    """"Une mission à Montréal est prévue en juin 2020": asking when it will be is no unknown destination;
    asking about it as a past mission is.
    """
    missions = [
        MissionRef("Mission Silicon Valley", "Silicon Valley", 2019, frozenset(terms("prévue à Montréal en juin")),
                   places=places_of("États-Unis")),
    ]  # fmt: skip
    assert analyse("Quand aura lieu la mission à Montréal ?", missions).unknown_place is None
    assert analyse("Quand aura lieu la mission au Japon ?", missions).unknown_place == "Japon"
    assert unknown_place("Combien de participants à la mission à Montréal ?", missions) == "Montréal"


def test_a_place_an_article_names_after_a_mere_preposition_is_no_destination():
    missions = [
        MissionRef("Mission Hong Kong / Shenzhen", "Hong Kong / Shenzhen", 2023,
                   frozenset(terms("trois mois en Europe, dix jours ici")), places=places_of("Chine")),
        MissionRef("Mission New York", "New York", 2019, frozenset(terms("Manhattan")), places=places_of("États-Unis")),
    ]  # fmt: skip
    said = "Qui a dit qu'un prototype qui prend trois mois en Europe sort en dix jours ?"
    assert unknown_place(said, missions) is None
    assert analyse("la mission au Japon", missions).unknown_place == "Japon"  # right after "mission"
    assert analyse("Quand part-on au Brésil ?", missions).unknown_place == "Brésil"  # named nowhere


def test_terms_the_articles_only_capitalise_are_names_even_in_lower_case():
    a = analyse("quel est le chiffre d'affaires de brooklane analytics", MISSIONS, proper={"brooklan"})
    assert "brooklan" in a.names and a.expects == "money"


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("combien d entrepreneurs sont partis a new york", "entrepreneur"),
        ("ils etaient combien en israel ?", "particip"),
        ("combien étaient-ils ?", "particip"),
        ("shieldix combien d'ingés", "ingenieur"),
        ("nb de rendez vous de la 1ere mission", "rendez-vous"),
    ],
)
def test_chat_forms_of_combien_find_their_noun(question, head):
    assert analyse(question, MISSIONS).noun == stem(head) if "-" not in head else True
    assert analyse(question, MISSIONS).expects == "quantity"


def test_a_chat_ordinal_names_the_edition():
    assert analyse("nb de rendez vous de la 1ere mission silicon valley", MISSIONS).years == [2017]
    assert analyse("participants de la 2e mission silicon valley", MISSIONS).years == [2019]
    assert analyse("la mission silicon valley la plus récente, combien de participants ?", MISSIONS).years == [2019]
    # An ordinal that counts something else names no edition.
    assert analyse("combien de temps pour signer son 1er client en silicon valley ?", MISSIONS).years == []


def test_an_english_question_for_a_phone_number_or_a_price_expects_that_kind():
    phone = analyse("What phone number should I call for information about the New York mission?", MISSIONS)
    assert phone.expects == "contact" and "numero" not in phone.focus and "should" not in phone.focus
    cost = analyse("How much did the Israël mission cost per participant?", MISSIONS)
    assert cost.expects == "money" and "cout" not in cost.focus


def test_a_duration_question_keeps_only_the_words_to_find():
    a = analyse("combien de temps il a fallu au fondateur d ekinox pour decrocher son 1er client", MISSIONS)
    assert a.expects == "duration"
    assert {"temp", "fallu", "1", "er"}.isdisjoint(a.focus) and {"premi", "client"} <= set(a.focus)
    assert analyse("Quel temps faisait-il pendant la mission Israël ?", MISSIONS).expects != "duration"


def test_chat_forms_of_how_much():
    assert analyse("c combien la mission a new york ?", MISSIONS).expects == "money"
    assert analyse("c'est combien la mission Israël ?", MISSIONS).expects == "money"
    assert analyse("c'est combien de participants ?", MISSIONS).expects == "quantity"
    assert analyse("cb d'argent gere le fonds redwood", MISSIONS).kind == "combien"


def test_visiting_is_no_word_to_find_when_places_are_asked_for():
    a = analyse("Quelles villes la délégation a-t-elle visitées pendant la mission en Israël ?", MISSIONS)
    assert a.expects == "place" and a.missions == ["Mission Israël"] and a.focus == []


def test_an_announced_mission_looks_ahead():
    assert analyse("Où aura lieu la mission annoncée après la mission Israël ?", MISSIONS).future


def test_a_year_names_an_edition_only_next_to_the_mission():
    # "reportée en 2020": the year is about something else, not a filter.
    a = analyse("Pourquoi la mission New York avait-elle été reportée en 2019 ?", MISSIONS)
    assert a.missions == ["Mission New York"] and a.years == [] and a.unknown_edition is None
    # "la mission Silicon Valley de 2018": no such edition.
    b = analyse("Combien de participants à la mission Silicon Valley de 2018 ?", MISSIONS)
    assert b.unknown_edition == "Mission Silicon Valley 2018"
    assert analyse("la mission Silicon Valley de 2019 ?", MISSIONS).unknown_edition is None


def test_the_organiser_is_no_name_to_find_once_a_mission_is_named():
    a = analyse("Quel réseau a soutenu la CCI Occitanie pour organiser la mission à New York ?", MISSIONS)
    assert a.names == []


@pytest.mark.parametrize(
    ("question", "expects"),
    [
        ("qui contacter pour avoir des infos sur la mission israel", "contact"),
        ("Quel rang économique mondial la Californie occupe-t-elle ?", "rank"),
        ("cest quoi le role de christian carles", "role"),
    ],
)
def test_more_kinds_of_answer(question, expects):
    assert analyse(question, MISSIONS).expects == expects


def test_fac_is_a_university():
    assert "univers" in analyse("quelle fac a ete visitee en 2019", MISSIONS).terms


def test_chat_paraphrases_are_read_as_the_articles_word_them():
    # "du côté de la CCI" only says where: no word to find.
    assert "cot" not in analyse("Qui a organisé la mission du côté de la CCI ?", MISSIONS).focus
    # "une boîte" is a company: the answer is a name.
    assert analyse("quelle boite de télémédecine la délégation a vue ?", MISSIONS).expects == "entity"


def test_english_auxiliaries_are_no_head_noun():
    a = analyse("What did Numberly present during the 2017 Silicon Valley mission?", MISSIONS)
    assert a.head != "did" and "numberly" in a.focus
    # A French question with one English-looking word keeps it.
    assert rewrite("Quel était le do de la mission ?") == "Quel était le do de la mission ?"


def test_chat_spellings_and_running_something_are_read():
    assert rewrite("c koi le mail") == "quel est le mail"
    assert rewrite("Qui est à la tête de l'accélérateur ?") == "Qui dirige l'accélérateur ?"
    assert analyse("ki est a la tete du fonds", MISSIONS).expects == "role"
    assert "mont" in analyse("Which association helped set up the 2019 mission?", MISSIONS).focus


def test_english_words_of_plans_and_places_are_put_in_french():
    assert rewrite("Who should I contact about the mission planned after the 2023 trip?").split()[:4] == [
        "qui", "should", "I", "contacter",
    ]  # fmt: skip
    assert analyse("When is the mission planned after the 2023 trip?", MISSIONS).future
    # A future tense looks ahead too: "quand pourra-t-on s'inscrire ?", "le programme sera...".
    assert analyse("qd est ce qu on pourra s inscrire pour la mission au canada ?", MISSIONS).future


@pytest.mark.parametrize(
    ("term", "fixed"),
    [
        ("misison", "mission"),  # two letters swapped: one edit
        ("entreprenneur", "entrepreneur"),
        ("ouvri", "ouvri"),  # too far from anything
    ],
)
def test_misspelt_terms_are_corrected_to_corpus_terms(term, fixed):
    assert correct(term, {"mission": 9, "entrepreneur": 5, "ouvrirons": 1}) == fixed


def test_a_typo_the_french_model_knows_is_corrected_but_not_a_real_word():
    vocabulary = {"particip": 9, "ouvrir": 2}
    assert correct_word("particpants", "particp", vocabulary) == "particip"
    assert correct_word("ouvriers", "ouvri", vocabulary) == "ouvri"


@pytest.mark.parametrize(
    ("question", "kept", "dropped"),
    [
        # "voyage d'étude" is the mission itself; "précises" adds nothing to find.
        ("Quand s'est déroulé le voyage d'étude en Israël ?", set(), {"etud"}),
        ("À quelles dates précises la mission New York s'est-elle déroulée ?", set(), {"precis"}),
        # The mission's people are no word to find once it is named, unless counted.
        ("Quel jour les participants sont-ils allés à New York ?", set(), {"particip"}),
        # An ordinal naming the edition, with its year, is no word to find either.
        ("la 1ere mission silicon vallée en 2017 yavait cb de particpants ?", {"particip"}, {"premi", "vall", "yav"}),
    ],
)
def test_words_that_only_name_the_mission_are_not_searched(question, kept, dropped):
    a = analyse(question, MISSIONS, vocabulary={"particip": 9})
    assert a.missions and kept <= set(a.focus) and not dropped & set(a.focus)


def test_a_stop_of_the_trip_names_the_mission_and_stays_a_word_to_find():
    missions = [
        MissionRef("Mission Israël", "Israël", 2023, frozenset(terms("Tel-Aviv Haïfa Eilat")), places_of("Israël")),
        MissionRef("Mission New York", "New York", 2022, frozenset(terms("Brooklyn")), places_of("États-Unis")),
    ]
    a = analyse("Quel jour les participants se sont-ils rendus à Eilat ?", missions)  # a town no list holds
    assert a.missions == ["Mission Israël"] and "eilat" in a.focus
    assert "tel" not in analyse("Combien de jours à Tel-Aviv ?", missions).focus  # a town of the country


def test_spending_is_a_price():
    assert analyse("Combien fallait-il débourser pour participer à la mission New York ?", MISSIONS).expects == "money"


def test_a_mission_named_with_a_typo_or_in_english_is_no_town_asked_about():
    missions = [MissionRef("Mission New York – Montréal", "New York – Montréal", 2019, places=places_of("États-Unis"))]
    vocabulary = {"mission", "habit", "montreal", "new", "york"}
    assert analyse("Combien d'habitants compte Montréal ?", missions, vocabulary).stop == ["montreal"]
    assert not analyse("cb coute la mision new york svp", missions, vocabulary).stop
    assert not analyse("How many business meetings did the New York mission secure?", missions, vocabulary).stop


def test_what_is_said_of_a_counted_noun_is_no_word_to_find():
    asked = analyse("combien de places sont ouvertes ?")
    assert asked.head == "plac" and "ouvert" not in asked.focus
    assert "ouvert" in analyse("combien de bureaux ont ouvert ?").focus


def test_ancien_is_never_the_head_but_stays_a_word_to_find():
    asked = analyse("Quelle ancienne participante recevra le groupe ?")
    assert asked.noun == "particip" and "ancien" in asked.terms
    assert "ancien" in analyse("Quel ancien site industriel ont-ils visité ?").focus


def test_a_yes_or_no_question_opening_on_a_noun_asks_no_type_of_answer():
    asked = analyse("La Région a-t-elle subventionné le voyage ?")
    assert asked.expects is None and "region" in asked.focus
    assert analyse("region de la mission ?").expects == "place"  # a keyword question still does


def test_reaching_the_organiser_asks_for_the_contact_line():
    asked = analyse("Comment peut-on joindre l'organisateur du voyage ?")
    assert asked.expects == "contact"
    assert not {"joindr", "organis"} & set(asked.focus)


def test_the_contact_asked_for_by_who_or_in_english_is_a_contact_line():
    assert analyse("Et pour la mission Hong Kong, qui est le contact ?").expects == "contact"
    asked = analyse("What is the e-mail address of the contact person for the Israel mission?")
    assert asked.expects == "contact" and not {"mail", "address", "person"} & set(asked.focus)


def test_money_given_by_the_region_is_an_amount():
    assert analyse("la region occitanie donne combien pr la mission hong kong ?").expects == "money"
    assert analyse("combien d'entreprises la Région a-t-elle aidées ?").expects == "quantity"


def test_a_place_names_its_mission_whatever_year_the_fact_is_told_of():
    missions = [
        MissionRef("Mission New York", "New York", 2022, vocabulary=frozenset({"manhattan"})),
        MissionRef("Mission Silicon Valley", "Silicon Valley", 2023, vocabulary=frozenset({"san", "francisco"})),
    ]
    asked = analyse("Combien a-t-on investi dans la baie de San Francisco en 2022 ?", missions)
    assert asked.missions == ["Mission Silicon Valley"] and asked.years == []


def test_per_participant_and_centred_on_are_no_words_to_find():
    assert "chaqu" not in analyse("Combien coûtait la mission pour chaque participant ?").focus


def test_a_plane_ticket_is_a_flight():
    from bot.lexicon import synonyms

    assert stem("vols") in synonyms()[stem("billet")]


def test_an_elision_typed_without_its_apostrophe_is_read_with_it():
    vocabulary = {"entrepreneur", "part", "depens"}
    assert analyse("combien dentreprenneurs sont partis ?", vocabulary=vocabulary).head == "entrepreneur"
    assert unglue("combien dépensent-ils", vocabulary) == "combien dépensent-ils"  # a known word stays whole
    # "destination" is a French word, not "d'estination" read as a typo of "estimation"
    assert unglue("la prochaine destination", {"estim", "prochain"}) == "la prochaine destination"


def test_the_phone_of_the_mission_s_head_is_its_contact_line():
    asked = analyse("quel est le num de tel du responsable de la mission hong kong")
    assert asked.expects == "contact" and "pilot" not in asked.focus


def test_main_theme_and_financial_aid_keep_only_what_to_find():
    assert "principal" not in analyse("Quel sera le thème principal de la mission ?").focus
    asked = analyse("Quel coup de pouce financier la Région apporte-t-elle ?")
    assert asked.expects == "money" and "financi" not in asked.focus


def test_the_next_mission_is_the_edition_an_article_announces():
    missions = [
        MissionRef("Mission Silicon Valley", "Silicon Valley", 2017),
        MissionRef("Mission Silicon Valley", "Silicon Valley", 2026, announced=True),
    ]
    assert analyse("ca coute cb la prochaine mission silicon valley svp", missions).years == [2026]
    assert analyse("Quand aura lieu la troisième édition de la mission Silicon Valley ?", missions).years != [2026]


def test_how_they_went_from_one_town_to_the_other_asks_for_a_means_of_transport():
    assert analyse("ils sont alles de ny a montreal comment ?").expects == "transport"
    assert analyse("Comment les participants ont-ils trouvé des partenaires ?").expects != "transport"


def test_the_year_a_mission_was_planned_for_is_no_edition():
    missions = [MissionRef("Mission New York - Boston", "New York - Boston", 2021)]
    assert not analyse("Pourquoi la mission à New York prévue en 2020 a-t-elle été décalée ?", missions).unknown_edition
    assert analyse("Combien coûtait la mission New York de 2020 ?", missions).unknown_edition


def test_a_contact_word_with_no_question_word_before_it_asks_for_the_contact_line():
    assert analyse("et pour la mission hong kong, le mail du contact c koi ?").expects == "contact"


def test_centred_on_is_read_as_a_verb():
    assert "centr" in analyse("Sur quel thème était centrée l'édition 2023 ?").verbs


def test_paid_for_by_the_region_is_an_aid():
    from bot.lexicon import synonyms

    assert stem("charge") in synonyms()[stem("financée")]  # "a pris en charge 40 %"


def test_the_phone_of_the_mission_s_adviser_is_its_contact_line():
    asked = analyse("Quel est le numéro de téléphone de la conseillère pour la mission Hong Kong ?")
    assert asked.expects == "contact" and stem("conseillère") not in asked.focus


def test_taking_part_is_participating():
    asked = analyse("Et pour la mission Hong Kong, combien d'entreprises y ont pris part ?")
    assert stem("participé") in asked.terms and "part" not in asked.terms
    assert "part" in analyse("Quelle part du coût la Région prend-elle en charge ?").terms  # a share stays one


def test_an_english_firm_is_a_fund_lawyers_or_a_company_by_its_kind():
    from bot.lexicon import rewrite

    assert "fonds" in rewrite("Which venture capital firm did the group meet in Manhattan?")
    assert "avocats" in rewrite("Which law firm advised the participants?")
    assert "quels" in rewrite("Which companies did they meet?") and "quels" not in rewrite("What is the price?")


def test_the_planet_is_the_world():
    from bot.lexicon import synonyms

    assert stem("mondiale") in synonyms()[stem("planète")]  # "parmi les économies de la planète": "mondiale"


def test_chat_ds_is_dans_and_represented_is_read_as_a_verb():
    asked = analyse("cb d'entreprises representees ds la mission new york boston ?")
    assert "d" not in asked.terms and stem("representees") in asked.verbs


def test_english_business_leaders_took_part_in_the_most_recent_mission():
    from bot.lexicon import rewrite

    read = rewrite("How many business leaders took part in the most recent Silicon Valley mission?")
    assert "dirigeants" in read and "participé" in read and "récente" in read
    assert "agglomération" in rewrite("Quelle est la population de l’aire urbaine de New York ?")


def test_or_not_ends_a_yes_or_no_question_not_a_where():
    assert analyse("le contrat avec la cooperative de galilee est signe ou pas ?").kind != "ou"


def test_leaving_a_town_for_the_mission_s_destination_names_the_mission_and_departure_is_leaving():
    from bot.lexicon import synonyms

    missions = [MissionRef("Mission New York – Boston", "New York – Boston", 2018, places=places_of("États-Unis"))]
    assert not analyse("Quel jour la délégation a-t-elle quitté Toulouse pour New York ?", missions).stop
    assert stem("départ") in synonyms()[stem("quitté")]


def test_a_state_names_the_mission_to_its_town_not_every_mission_of_the_country():
    missions = [
        MissionRef("Mission Silicon Valley", "Silicon Valley", 2017, places=places_of("États-Unis")),
        MissionRef("Mission New York", "New York", 2018, places=places_of("États-Unis")),
        MissionRef("Mission Silicon Valley", "Silicon Valley", 2019, places=places_of("États-Unis")),
    ]
    asked = analyse("Combien de rendez-vous lors de la 2e édition en Californie ?", missions)
    assert asked.missions == ["Mission Silicon Valley"] and asked.years == [2019]


def test_interviews_applying_and_highlighting_in_the_articles_words():
    from bot.lexicon import rewrite, synonyms

    assert stem("rencontres") in synonyms()[stem("entrevues")]
    assert stem("candidatures") in synonyms()[stem("postuler")]
    assert "accent" in rewrite("Quels thèmes seront mis en avant lors de la mission ?")


def test_how_many_people_a_company_employs_asks_for_its_staff():
    assert analyse("Combien de personnes emploie Garonne Composites ?").head == stem("salariés")
    assert analyse("Combien de personnes ont participé à la mission ?").head == stem("personnes")


def test_english_office_opened_and_inventor_in_the_articles_words():
    from bot.lexicon import rewrite

    read = rewrite("How many Occitan companies opened an office in Hong Kong after the mission?")
    assert "ouvert" in read and "bureau" in read and "Occitan" not in read
    assert "inventeur" in rewrite("Who is the Siri inventor the participants met?")


def test_counting_verbs_are_no_words_to_find_in_a_count_and_schenzen_is_shenzhen():
    from bot.lexicon import synonyms

    asked = analyse("Combien de rendez-vous la deuxième édition de la mission Silicon Valley comptait-elle ?")
    assert stem("comptait") not in asked.focus
    assert stem("schenzen") in synonyms()[stem("shenzhen")]  # the seed article's spelling


def test_a_number_before_the_noun_is_not_the_noun_asked_about():
    a = analyse("Quelles sont les deux entreprises qui envisagent d'ouvrir un bureau à New York ?", MISSIONS)
    assert a.expects == "entity" and a.noun == stem("entreprises")


def test_a_year_a_plan_is_for_is_no_edition_of_the_mission():
    a = analyse("Qu'envisagent deux participants de la mission New York pour 2024 ?", MISSIONS)
    assert a.missions == ["Mission New York"] and a.unknown_edition is None
    assert analyse("la mission New York 2024 ?", MISSIONS).unknown_edition == "Mission New York 2024"


def test_the_demonym_of_the_named_missions_place_is_told_by_its_passages():
    refs = [MissionRef("Mission Silicon Valley", "Silicon Valley", 2017, places=places_of("États-Unis"))]
    a = analyse("Quel incubateur californien la délégation de 2017 est-elle allée voir ?", refs)
    assert a.own_places == ["californien"] and "voir" not in a.focus


def test_a_nationality_after_the_head_narrows_the_count():
    assert analyse("Combien de start-up françaises héberge l'incubateur Foundry ?").qualifier == stem("françaises")
    assert analyse("Combien de start-up héberge l'incubateur Foundry ?").qualifier is None


@pytest.mark.parametrize(
    ("question", "rewritten"),
    [
        ("cb de rdv pdt la mission", "pendant la mission"),
        ("le jour 2 de la mission", "le jour 2 de"),
        ("When did the second edition take place?", "déroulée"),
        ("What was the registration fee?", "prix"),
        ("le cluster était en train de fusionner", "était fusionner"),
        ("c koi le num pour la mission", "le numéro pour"),
        ("koi comme secteurs ds la mission ?", "quels secteurs"),
        ("How much did Bay Area start-ups raise?", "baie de San Francisco"),
        ("When is the third mission scheduled?", "troisième mission prévue"),
        ("How to open an office in the United States?", "États-Unis"),
    ],
)
def test_rewrites_of_chat_idioms_and_english(question, rewritten):
    assert rewritten in rewrite(question)


def test_a_number_in_digits_is_the_number_in_words():
    assert term_in("2", {"deux", "edit"}) and term_in("trois", {"3", "jour"}) and not term_in("2", {"trois"})


def test_a_later_edition_alone_names_the_one_mission_that_had_it():
    a = analyse("Qu'organise la CCI pour les participants de la deuxième édition ?", MISSIONS)
    assert a.missions == ["Mission Silicon Valley"] and a.years == [2019]
    assert analyse("Qu'organise la CCI pour les participants de la première édition ?", MISSIONS).missions == []


def test_english_what_did_someone_do_asks_what_they_did():
    a = analyse("What did Sandrine Aubéry sign with an Israeli start-up?", MISSIONS)
    assert a.head is None and a.missions == ["Mission Israël"] and "aubery" in a.names


def test_a_capitalised_english_word_is_part_of_a_name():
    assert "Pearl Hardware Lab" in rewrite("How many start-ups does Pearl Hardware Lab host?")
    assert "laboratoire" in rewrite("Which lab did they visit?")


def test_a_district_is_a_place_and_informations_are_no_word_to_find():
    assert analyse("ds quel quartier se trouve l'incubateur visité a new york ?", MISSIONS).expects == "place"
    assert analyse("à qui faut-il écrire pour avoir des informations ?", MISSIONS).focus == []


def test_a_lowercase_name_is_read_whole_when_the_articles_index_it_whole():
    assert analyse("ki est ines garrigou", MISSIONS, vocabulary={"ines", "garrigou"}).focus == ["ines", "garrigou"]


def test_a_question_naming_two_editions_is_answered_from_the_later_one():
    a = analyse("Combien de participants de la première édition sont revenus pour la deuxième édition ?", MISSIONS)
    assert a.missions == ["Mission Silicon Valley"] and a.years == [2019]
    assert "premi" in a.focus  # "dont 3 de la première édition": the earlier edition is a word to find
    b = analyse("Combien de participants de la mission de 2017 sont retournés lors de la 2e mission Silicon Valley ?", MISSIONS)
    assert b.years == [2019] and "2017" in b.focus


def test_a_report_is_the_article():
    a = analyse("Pourquoi beaucoup de start-up ont quitté San Francisco, d'après le compte rendu de 2023 ?", MISSIONS)
    assert {"compt", "rendu", "beaucoup"}.isdisjoint(a.focus) and "start" in a.focus


def test_a_span_in_years_is_a_duration_and_both_editions_are_no_count():
    a = analyse("Combien d'années séparent les deux éditions de la mission Silicon Valley ?", MISSIONS)
    assert a.expects == "duration" and "deux" not in a.focus and "anne" not in a.focus
    assert analyse("Quelle cheffe d'entreprise nîmoise est venue ?", MISSIONS).noun == stem("dirigeants")


def test_english_business_meetings_are_meetings():
    assert analyse("How many business meetings were arranged?", MISSIONS).noun == "rend"  # "rendez-vous"


def test_a_light_word_is_not_unglued_nor_kept_once_corrected():
    a = analyse("À quelles dates s'est déroulée la première édition de la mission Silicon Valley ?", MISSIONS, {"ecoul"})
    assert a.expects == "date" and a.focus == []  # "déroulée" is no "d'éroulée"
    b = analyse("la mission new york est passee par quelles autres villes ?", MISSIONS, {"pass", "vill"})
    assert b.expects == "place" and b.focus == []  # "passee", corrected to the articles' "pass", is still light


def test_under_study_and_english_plans_look_ahead():
    assert analyse("Quelle mission est à l'étude après celle de New York ?", MISSIONS).future
    a = analyse("What do the organisers plan after the 2019 Silicon Valley mission?", MISSIONS)
    assert a.future and a.focus == []


def test_the_year_of_a_fact_told_in_another_years_article_names_no_edition():
    missions = [
        MissionRef("Mission Hong Kong", "Hong Kong", 2023, vocabulary=frozenset({"usin"})),
        MissionRef("Mission Silicon Valley", "Silicon Valley", 2024, vocabulary=frozenset({"cortex", "lev"})),
    ]
    assert analyse("Combien Cortexa AI a-t-elle levé en 2023 ?", missions).years == []
    assert analyse("Combien d'usines en 2023 ?", missions).years == [2023]
    # a year said of a mission is the edition's: Cortexa, met in 2024 only, was not met in 2023
    assert analyse("Cortexa AI a dit quoi aux participants de la mission en 2023 ?", missions).years == [2023]
    # and so is another edition's year of the mission whose article names Cortexa
    missions.append(MissionRef("Mission Silicon Valley", "Silicon Valley", 2017, vocabulary=frozenset({"juli"})))
    assert analyse("En 2017, Cortexa AI a présenté quoi aux participants ?", missions).years == [2017]
    assert analyse("Qui a dit que Cortexa AI n'était qu'une promesse en 2017 ?", missions).years == []


def test_who_are_the_three_of_a_class_asks_which_ones():
    assert analyse("ki sont les 3 ventures capital rencontres ?", MISSIONS).kind == "quel"
    assert analyse("Qui sont les intervenants ?", MISSIONS).kind == "qui"


def test_participation_fees_are_a_price():
    assert analyse("Quels sont les frais de participation de la mission New York ?", MISSIONS).expects == "money"
    assert "aid" not in analyse("Combien coûte la mission Israël, avant toute aide ?", MISSIONS).terms  # the full price


def test_where_they_slept_asks_for_the_lodging():
    a = analyse("Et pour la mission Israël, où était logée la délégation ?", MISSIONS)
    assert a.expects == "place" and a.focus == [stem("hébergement")]
    b = analyse("ki dirigeait la CCI occitanie pdt la mision israel ?", MISSIONS)
    assert b.expects == "role" and "cci" in b.focus  # the chamber's head, not the mission's organiser


def test_a_place_no_article_mentions_is_told_apart():
    missions = [
        MissionRef("Mission Israël", "Israël", 2019, vocabulary=frozenset({"israel", "tel", "aviv"}), places=("Israël",)),
        MissionRef("Mission Montréal", "Montréal", 2019, vocabulary=frozenset({"montreal"}), places=("Canada",)),
    ]
    assert analyse("Quelle est la capitale du Japon ?", missions).absent_place == "Japon"
    assert analyse("Quelle entreprise faisait partie de la délégation au Canada ?", missions).absent_place is None
    assert analyse("Pourquoi les entreprises d'Europe vont-elles à Tel Aviv ?", missions).absent_place is None


def test_a_word_the_french_model_does_not_know_is_no_verb():
    assert analyse("cb de salariés chez hydrosol ?", MISSIONS).verbs == []
    assert "dit" in analyse("ki a dit mission accomplie ?", MISSIONS).verbs  # too short for the model to tell


def test_a_new_edition_looks_ahead_and_a_lowercase_ca_is_the_turnover():
    a = analyse("Une nouvelle édition de la mission Silicon Valley est-elle prévue après celle de 2019 ?", MISSIONS)
    assert a.future and a.focus == []
    assert analyse("c koi le ca d'ardea systems ?", MISSIONS).noun == stem("chiffre")
    assert "developpeur" in analyse("cb coute un dev experimente ?", MISSIONS).focus


def test_chat_wordings_of_contact_transport_sectors_and_people():
    assert analyse("Comment contacter la CCI au sujet de la mission New York ?", MISSIONS).focus == []
    assert analyse("Comment la délégation est-elle passée de Hong Kong à Tel Aviv ?", MISSIONS).expects == "transport"
    assert analyse("Comment s'est passée la mission Israël ?", MISSIONS).expects is None  # how it went
    assert analyse("c koi les secteurs etudies pdt la mission en israel ?", MISSIONS).focus == []
    assert analyse("Quelle entrepreneuse de Foix a testé la vente en ligne ?", MISSIONS).expects == "entity"
    assert analyse("Where does Raphaël Dumonteil work, and what is his role?", MISSIONS).expects == "role"
    assert "san" in analyse("loyer moyen d'un 2 pieces a SF ?", MISSIONS).focus


def test_before_whom_asks_for_anyone_not_a_named_person():
    a = analyse("Devant qui les participants ont-ils présenté leur projet lors de la session de pitch ?", MISSIONS)
    assert a.kind == "qui" and a.expects is None and "dev" not in a.focus
    assert analyse("Qui a présenté son projet lors de la session de pitch ?", MISSIONS).expects == "person"
    assert analyse("Pourquoi la mission Israël n'a-t-elle pas eu lieu plus tôt ?", MISSIONS).focus == ["retard"]


def test_the_first_time_is_the_first_edition():
    a = analyse("combien ont fait le voyage en californie la premiere fois ?", MISSIONS)
    assert a.years == [2017] and a.focus == []


def test_lodged_and_lodging_are_one_word():
    assert term_in(stem("hébergés"), {stem("Logée"), "brooklyn"})  # "Logée à Brooklyn, la délégation..."


def test_eco_is_economic():
    assert "econom" in analyse("la californie c koi comme rang eco mondial ?", MISSIONS).focus
    assert "econom" not in analyse("Quelles entreprises font de l'éco-conception ?", MISSIONS).focus
    assert term_in("pib", {"richess"}) and term_in("pib", {"produit"})  # "sa richesse", "produit intérieur brut"
    assert "vu" not in analyse("cb de fonds d'investissement ils ont vu en 2017 ?", MISSIONS).focus


def test_how_much_per_head_is_a_price_and_which_maker_asks_for_a_name():
    assert analyse("Et pour la mission Israël, c'était combien par participant ?", MISSIONS).expects == "money"
    assert analyse("Avec quel industriel californien Hydrolis a-t-il signé ?", MISSIONS).expects == "entity"



@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("quelles univ ont ete visitees ?", "univers"),
        ("cb de km en minibus ?", "kilometr"),
        ("What share of its GDP does Israel devote to R&D?", "pib"),  # an acronym is a word, not a name
        ("What share of its GDP does Israel devote to R&D?", "rd"),
        ("How long did it take Hudson Ledger to obtain its banking licence?", "bancair"),
    ],
)
def test_shorthand_and_english_words_become_the_articles_words(question, wanted):
    assert wanted in analyse(question).terms


def test_home_is_no_name_a_passage_must_hold_and_feelings_no_reason_to_find():
    assert analyse("Quel écart d'heures avec la France les participants ont-ils eu ?").names == []
    assert "content" not in analyse("pk aeroptic est contente ?").focus
    assert analyse("How long did it take them?").expects == "duration"


@pytest.mark.parametrize(
    ("question", "left_out"),
    [
        ("qd on prend le train, ca prend cb de temps ?", "prend"),  # the time is asked, "prend" only says so
        ("combien de rencontres ont été organisées ?", "organis"),  # what was counted was set up
        ("Selon Karine Lafforgue, quelle est la particularité des acheteurs ?", "particular"),
    ],
)
def test_words_that_only_frame_the_question_are_no_words_to_find(question, left_out):
    assert left_out not in analyse(question).focus


def test_a_follow_up_programme_is_coaching_and_a_fair_a_salon():
    assert "accompagn" in analyse("What follow-up programme do participants get?").terms
    assert "prochain" in analyse("Is a follow-up mission planned?").terms
    assert term_in("salon", {"fair"})


def test_what_they_discovered_is_what_they_understood():
    assert term_in(stem("découvert"), set(terms("a permis de comprendre")))


def test_an_agreement_is_no_aid():
    assert not term_in("accord", set(terms("Agnès Pujol, chargée d’affaires internationales")))


def test_a_form_of_a_word_has_its_synonyms():
    # "retournee", unaccented, stems longer than "retournée": still a synonym of "revenir"
    assert term_in(stem("retournee"), set(terms("la chambre a choisi de revenir en Californie")))


def test_one_word_family_matches_and_near_spellings_do_not():
    assert term_in(stem("satisfaction"), set(terms("se sont déclarés satisfaits")))
    assert term_in(stem("reconversion"), set(terms("ancien chantier naval reconverti")))
    assert not term_in(stem("particulier"), set(terms("les participants")))
    assert "lev" in analyse("le premier tour de table de Géoflux").terms  # a funding round


def test_a_region_granting_aid_signs_no_agreement():
    assert "accord" not in analyse("Quelle aide la Région accorde-t-elle aux entreprises ?").terms
    assert "accord" in analyse("Combien d'accords ont été signés ?").terms


def test_a_trade_in_the_feminine_is_the_same_word():
    assert term_in(stem("directeur"), set(terms("Caroline Mestre, directrice générale de Textiloc")))
    assert term_in(stem("chercheur"), set(terms("une chercheuse du Technion")))
    assert "directeur" in analyse("Who is the managing director of Textiloc?").terms
    assert "californ" in analyse("How many entrepreneurs took part in the 2024 California trip?").terms


def test_the_latest_or_first_mission_of_all_is_named_by_its_rank():
    missions = [
        MissionRef("Mission Silicon Valley", "Silicon Valley", 2017, places=places_of("États-Unis")),
        MissionRef("Mission Israël", "Israël", 2019, places=places_of("Israël")),
        MissionRef("Mission Silicon Valley", "Silicon Valley", 2024, places=places_of("États-Unis")),
        MissionRef("Mission Japon", "Japon", 2026, announced=True, places=places_of("Japon")),
    ]
    latest = analyse("qd a eu lieu la mission la + recente ?", missions)
    assert (latest.missions, latest.years) == (["Mission Silicon Valley"], [2024])  # held, not announced
    first = analyse("Combien de participants au premier voyage ?", missions)
    assert (first.missions, first.years) == (["Mission Silicon Valley"], [2017])
    assert analyse("Quelles villes la délégation a-t-elle visitées lors de la mission au Proche-Orient ?",
                   missions).missions == ["Mission Israël"]  # fmt: skip
    assert analyse("Who is quoted in the article about the Middle East delegation?", missions).missions == [
        "Mission Israël"
    ]


def test_chat_shorthand_for_how_and_a_need_and_a_programme_day():
    assert analyse("cmt ils sont alles a boston depuis ny ?").expects == "transport"
    assert "besoin" not in analyse("c ki le contact pr la mision israel, g besoin du tel stp").focus
    day = analyse("koi de prevu le jeudi pour la mision ?")
    assert not day.future and "prevu" not in day.focus  # the day's programme, no plan ahead
    assert analyse("koi de prevu pour la prochaine mision ?").future


def test_an_aid_provided_is_no_plan_ahead():
    assert not analyse("Et pour la mission Hong Kong, quelle aide régionale est prévue ?").future
    assert analyse("Quel prix pour la prochaine mission ?").future


def test_not_included_in_the_price_asks_for_what_it_leaves_out():
    assert analyse("Qu'est-ce qui n'est pas compris dans le prix ?").focus == terms("non compris")


def test_the_place_held_among_others_is_a_rank():
    assert analyse("Quelle place la Californie occupe-t-elle parmi les puissances économiques ?").expects == "rank"


def test_what_was_provided_is_no_plan_ahead_unless_another_mission_is_asked():
    assert not analyse("Est-ce qu'un interprète était prévu pour la mission Israël ?", MISSIONS).future
    assert analyse("Une nouvelle mission était-elle prévue en Israël ?", MISSIONS).future


def test_the_unit_of_a_price_is_no_word_to_find():
    assert "person" not in analyse("Combien coûtait la mission New York par personne ?", MISSIONS).focus


def test_a_mission_named_by_its_month_is_the_one_held_then():
    missions = [
        MissionRef("Mission Israël", "Israël", 2019, months=frozenset({3})),
        MissionRef("Mission New York", "New York", 2018, months=frozenset({10})),
    ]
    analysis = analyse("Comment se déplaçaient-ils entre les villes lors de la mission de mars ?", missions)
    assert (analysis.missions, analysis.years) == (["Mission Israël"], [2019])
    assert "mar" not in analysis.focus
    assert analyse("How many contracts were signed during the October 2018 mission?", missions).missions == [
        "Mission New York"
    ]
    assert not analyse("Que se passera-t-il le 16 mars ?", missions).missions  # a date, no mission named


def test_english_supply_contracts_under_negotiation():
    analysis = analyse("How many supply contracts were signed, and how many are still under negotiation?")
    assert analysis.head == "contrat" and {"fournitur", "negoci"} <= set(analysis.focus)


def test_chat_words_for_the_valley_before_and_what_is():
    assert analyse("combien coute un ingenieur ds la valley en 2017 ?", MISSIONS).missions == ["Mission Silicon Valley"]
    analysis = analyse("qu est ce qui etait prevu avt le depart pr la mission New York ?", MISSIONS)
    assert analysis.kind == "autre" and "avt" not in analysis.terms
    assert "impot" in analyse("l'impôt sur les sociétés est-il bas ?").terms
    assert term_in("impot", set(terms("un taux d'imposition des sociétés de 16,5 %")))
    assert "cre" in analyse("Who explained how to set up a company in Hong Kong?").focus
    assert not analyse("pk les vignerons se sont interesses a la vallee de l arava", MISSIONS).missions


def test_a_journalists_wording_is_read():
    assert analyse("Pour quelle raison le programme a-t-il débuté dès le dimanche ?").kind == "pourquoi"
    analysis = analyse("Quelle part de son PIB l'État hébreu consacre-t-il à la recherche ?", MISSIONS)
    assert analysis.missions == ["Mission Israël"] and "etat" not in analysis.focus
    analysis = analyse(
        "À quel montant s'élevait la participation demandée à chaque entreprise pour la mission à New York ?", MISSIONS
    )
    assert analysis.expects == "money" and not analysis.focus  # the amount, paid per firm: no word to find
    # a nominalised action, reported: what was done is the prototype, not its "réalisation"
    assert analyse("La réalisation d'un prototype a-t-elle été évoquée ?").focus == ["prototyp"]


@pytest.mark.parametrize(
    ("question", "main"),
    [
        (
            "À quel montant s'élevait la participation pour la mission à New York, et le transport aérien y était-il compris ?",
            "À quel montant s'élevait la participation pour la mission à New York ?",
        ),
        (
            "La réalisation d'un prototype a-t-elle été évoquée lors des visites à Shenzhen, et dans quel délai ?",
            "dans quel délai la réalisation d'un prototype a-t-elle été évoquée lors des visites à Shenzhen ?",
        ),
        ("Est-ce que Fogline a déjà levé des fonds, et combien ?", "combien Fogline a déjà levé des fonds ?"),
        ("Quel hôtel, et où ?", "Quel hôtel, et où ?"),  # too short to be two questions
        ("Qui est la Claire Dufresnoy ? Elle a quelle compagnie ?", "Qui est la Claire Dufresnoy ?"),
        ("y a t il une reunion de restitution en israel ? c qd ?", "quand y a t il une reunion de restitution en israel ?"),
        ("Les vols, hôtels et repas étaient-ils compris ?", "Les vols, hôtels et repas étaient-ils compris ?"),
    ],
)
def test_a_question_asking_two_things_is_read_as_its_main_one(question, main):
    assert main_question(question) == main


def test_a_french_written_with_anglicisms_is_read():
    assert analyse("La mission de 2017 a pris place quand exactement ?").expects == "date"
    assert "rend" in analyse("Combien de meetings les participants ont eu ?").focus
    assert "rencontr" in analyse("Ils ont meeté quels Venture Capital ?").focus
    assert analyse("Thierry Combescure, il est le boss de quelle compagnie ?").noun == "entrepris"
    assert "compagn" in analyse("Quelle compagnie aérienne ont-ils prise ?").terms
    assert analyse("Quels sont les trois topics du programme ?").expects == "sector"


def test_a_managers_words_around_the_thing_asked_are_none_to_find():
    analysis = analyse("Comment la logistique des déplacements entre les villes était-elle assurée ?")
    assert "logist" not in analysis.terms and "assur" not in analysis.focus
    assert term_in(stem("traduction"), set(terms("Deux interprètes mandarin-français accompagnaient la délégation")))
    # "s'installer à Shenzhen": "un troisième prévoit d'ouvrir un bureau à Shenzhen"
    assert term_in(stem("installer"), set(terms("un troisième prévoit d’ouvrir un bureau de sourcing à Shenzhen")))
    assert not term_in(stem("bureau"), set(terms("plusieurs étudient une installation à New York")))  # one way


def test_a_narrower_word_answers_the_broad_one_not_the_other_way():
    assert term_in(stem("hébergement"), set(terms("hôtel à Palo Alto et transferts compris")))
    assert not term_in(stem("hôtel"), set(terms("Compris : vols, hébergement et transferts")))
    assert term_in(stem("inclus"), set(terms("Visa : non compris, environ 130 € par personne")))
    assert not term_in(terms("non compris")[0], set(terms("Compris : vols, hébergement et transferts")))


def test_the_price_that_frames_an_inclusion_is_no_word_to_find():
    analysis = analyse("Est-ce que le visa était inclus dans le prix de la mission New York ?", MISSIONS)
    assert "prix" not in analysis.focus and stem("visa") in analysis.focus


@pytest.mark.parametrize(
    ("spoken", "written"),
    [
        ("euh la mission a new york elle a eu lieu quant", "la mission a new york elle a eu lieu quand"),
        ("quant à la mission", "quant à la mission"),
        ("la mission en chine du coup c'etait quand", "la mission en chine c'etait quand"),
        ("quel genre de start-ups", "quel genre de start-ups"),
        ("combien de dirigeants en deux mille vingt-trois", "combien de dirigeants en 2023"),
        ("la mission silicon valley de vingt-quatre elle etait tournee vers quoi", "2024 elle"),
        ("le voyage en californie de dix-sept quelles universites", "californie de 2017 quelles"),
        ("la mission de dix-sept entreprises", "la mission de dix-sept entreprises"),  # a count, no year
        ("la mission a new york non pardon en israel ils sont passes ou", "la mission en israel ils"),
        ("la mission de dix-sept non pardon de vingt-quatre", "la mission de 2024"),
        ("qd on va a shenzen en train ca prend cb de tps", "train prend combien de temps"),
        ("il reutilise combien de pourcent de ses eaux", "quel pourcentage de ses eaux"),
        ("quel ca pour Lumisol", "quel chiffre d'affaires pour Lumisol"),
    ],
)
def test_a_spoken_question_is_read_as_written(spoken, written):
    assert written in " ".join(rewrite(spoken).split())


def test_a_year_said_aloud_names_the_edition():
    asked = analyse("combien d'entrepreneurs il y avait pour la silicon valley en deux mille dix-neuf", MISSIONS)
    assert asked.years == [2019] and asked.focus == [stem("entrepreneurs")]


@pytest.mark.parametrize(
    ("request_", "question"),
    [
        ("Donne-moi le nombre de chefs d'entreprise partis à New York.", "combien de dirigeants partis à New York ?"),
        ("Rappelle-moi quand a eu lieu la mission New York.", "quand a eu lieu la mission New York ?"),
        ("Précisez le tarif de la mission Hong Kong / Shenzhen, merci.", "quel est le tarif de la mission"),
        ("Peux-tu me retrouver le téléphone du contact ?", "quel est le téléphone du contact ?"),
        ("Indique la date de la réunion de restitution.", "quelle est la date de la réunion de restitution ?"),
        ("Je cherche le nom de l'élu qui conduisait la délégation.", "quel est l' élu qui conduisait"),
        ("Dis-moi si le visa était inclus.", "est-ce que le visa était inclus ?"),
        ("Pourriez-vous me préciser combien coûtait la mission ?", "combien coûtait la mission ?"),
        ("Cite une entreprise qui a signé un contrat", "quelle est une entreprise qui a signé"),
        ("Trouve les fonds rencontrés svp", "quels sont les fonds rencontrés ?"),
        ("Dis, c'était quand ?", "Dis, c'était quand ?"),  # no request: "dis" asks nothing here
        ("cb de rdv pour la silicon valley 2024 ? pas celle de 2017", "silicon valley 2024 ?"),
        # an indirect question is the question it holds
        ("Je me demandais combien d’entreprises étaient du voyage", "combien d’entreprises étaient du voyage ?"),
        ("Aucune idée de qui accompagnait la délégation…", "qui accompagnait la délégation… ?"),
        ("Aucune idée du nom du fabricant visité à Shenzhen", "quel est le fabricant à Shenzhen ?"),
        ("Je ne sais plus quand la mission Israël s’est déroulée", "quand la mission Israël s’est déroulée ?"),
        ("Impossible de me rappeler pour quelle start-up travaille X", "pour quelle start-up travaille X ?"),
        ("Sais-tu combien d’entreprises en faisaient partie ?", "combien d’entreprises en faisaient partie ?"),
        ("Tu saurais me dire où ils ont dormi ?", "où ils ont"),
        ("J’aimerais comprendre pourquoi la CCI a choisi Israël", "pourquoi la CCI a choisi Israël ?"),
        ("Ça m’intéresserait de savoir combien d’habitants compte Tel Aviv", "combien d’habitants compte Tel Aviv ?"),
        ("Je n’ai pas retrouvé le nom du fonds rencontré", "quel est le fonds rencontré ?"),
        # keywords, no question word
        ("fondatrice NegevAqua", "qui est fondatrice de NegevAqua ?"),
        ("nb participants NY", "combien de participants NY ?"),
        ("rdv 2017 total", "combien de rendez-vous 2017 ?"),
        ("tarif mission israel", "tarif mission israel"),
        ("Quel est le total ?", "Quel est le total ?"),
    ],
)
def test_a_request_is_read_as_the_question_it_stands_for(request_, question):
    assert question in " ".join(rewrite(request_).split())


def test_a_year_set_aside_is_none_asked_about():
    assert analyse("cb de rdv pour la silicon valley 2019 ? pas celle de 2017", MISSIONS).years == [2019]
    assert analyse("cb de rdv en 2019 ds la silicon valley ? (pas 2017 hein)", MISSIONS).years == [2019]


def test_ai_is_its_full_name():
    assert term_in(stem("intelligence"), set(terms("son équipe utilise l’IA pour réduire la consommation")))
    assert term_in(stem("direct"), set(terms("une ouverture immédiate sur les marchés internationaux")))


def test_what_is_set_aside_is_no_word_to_find():
    assert analyse("Hormis Berkeley, quelle université était au programme ?").focus == [stem("université"), "programm"]
    assert analyse("la mission New York c combien, en dehors des vols ?", MISSIONS).focus == []
    asked = analyse("Pendant la mission, où le visa était-il obligatoire, contrairement à Hong Kong ?")
    assert stem("contrairement") not in asked.focus and "hong" not in asked.focus


def test_a_participant_s_words_are_none_to_find():
    # "nous avions rendez-vous où": where they were expected; "déjà": a reminder asked for
    asked = analyse("Le premier jour, nous avions rendez-vous où à Tel Aviv ?")
    assert "rend" not in asked.focus and {"jour", "1"} <= set(asked.terms)  # "Le premier jour, …": jour 1
    assert "deja" not in analyse("on a visité greenloop où déjà ?").focus


def test_the_second_edition_of_two_missions_named_is_that_of_the_one_that_has_two():
    missions = [
        MissionRef("Mission Silicon Valley", "Silicon Valley", 2017),
        MissionRef("Mission Silicon Valley", "Silicon Valley", 2024),
        MissionRef("Mission New York", "New York", 2019),
    ]
    both = ["Mission New York", "Mission Silicon Valley"]  # "aux États-Unis"
    assert pick_edition("lors de la deuxième édition".split(), both, missions) == [2024]
    assert pick_edition("la première mission".split(), both, missions) == [2017]  # the first of all
    asked = "participants de la deuxième édition qui avaient fait la première mission".split()
    assert pick_edition(asked, ["Mission Silicon Valley"], missions) == [2017, 2024]


@pytest.mark.parametrize(
    ("question", "rank", "noun"),
    [
        ("Quel a été le premier rendez-vous de la mission New York ?", "first", "rend"),
        ("le dernier jour ds la mission israel ils sont alles ou ?", "last", "jour"),
        ("Quelle était la plus grande entreprise visitée ?", "largest", "entrepris"),
        ("Quelle était l'entreprise la plus importante du programme ?", "largest", "entrepris"),
    ],
)
def test_a_rank_asked_of_a_thing_of_the_story(question, rank, noun):
    assert analyse(question, MISSIONS).position == Position(rank, noun)


@pytest.mark.parametrize(
    "question",
    [
        "Combien de participants à la première mission ?",
        "La dernière édition a eu lieu quand ?",
        "qd a eu lieu la 1ere mision silicon valley ?",
        "Who is the Siri inventor the participants met during the first Silicon Valley mission?",
        "During the first California mission, which company gave a presentation on Big Data?",
        "pk la 2e edition c etait different de la premiere selon karine ?",  # "la première": an edition
        "Selon le fonds, que regarde-t-on en premier chez une start-up ?",
        # the rank points to the thing asked about, it is not the answer
        "Pourquoi la première étape de la mission en Chine intéresse-t-elle les exportateurs ?",
        "Quel montant l'éditeur Finexa a-t-il réuni lors de sa dernière levée de fonds ?",  # the latest one
    ],
)
def test_no_rank_of_a_thing_of_the_story_is_asked(question):
    placed = [
        MissionRef("Mission Silicon Valley", "Silicon Valley", 2017, places=places_of("États-Unis")),
        MissionRef("Mission Hong Kong – Shenzhen", "Hong Kong / Shenzhen", 2023, places=places_of("Chine")),
    ]
    assert analyse(question, placed).position is None


@pytest.mark.parametrize(
    ("typed", "known"),
    [("vauclin", "vauquelin"), ("rouket", "rouquet"), ("criteau", "criteo")],
)
def test_a_name_typed_by_ear_is_the_one_that_sounds_alike(typed, known):
    vocabulary = {"vauquelin": 1, "rouquet": 1, "criteo": 2, "court": 3, "cart": 1, "hollist": 1, "redwood": 1}
    assert correct(typed, vocabulary) == known


def test_a_word_that_sounds_like_no_term_is_left_as_it_is():
    assert correct("harvard", {"hollist": 1, "criteo": 1}) == "harvard"


def test_an_edition_named_by_its_rank_alone_after_another_is_one_too():
    missions = [
        MissionRef("Mission Silicon Valley", "Silicon Valley", 2017, places=places_of("États-Unis")),
        MissionRef("Mission Silicon Valley", "Silicon Valley", 2024, places=places_of("États-Unis")),
    ]
    asked = "Quelle participante avait pris part à la première édition en Californie, sept ans avant la deuxième ?"
    assert analyse(asked, missions).years == [2024]  # only the later article tells of both
    assert pick_edition(words("la deuxième est plus chère que la première"), ["Mission Silicon Valley"], missions) == []


def test_what_a_mission_brought_is_an_agreement_signed_or_leads():
    assert term_in(stem("retombées"), {stem("pistes"), "partenariat"}) and term_in(stem("retombées"), {"accord"})
    assert not term_in("accord", {stem("retombées")})  # one way: an agreement asked for is no mere outcome


def test_a_host_received_the_delegation():
    assert term_in(stem("accueilli"), {stem("reçus")}) and term_in(stem("reçue"), {stem("accueillie")})


@pytest.mark.parametrize(
    ("question", "rewritten"),
    [
        ("Comment s'appelle l'avocat rencontré à Hong Kong ?", "quel est l'avocat"),
        ("Comment s’appellent les fonds rencontrés ?", "quels sont les fonds"),
        ("Qui était à la tête de la délégation partie à New York ?", "conduisait la délégation à New York"),
        ("Qui est à la tête de l’incubateur visité à Beer-Sheva ?", "Qui dirige l'incubateur à Beer-Sheva"),
        ("qui est a la tete du fonds X ?", "qui dirige le fonds X"),
        ("Qui dirigeait la mission ?", "conduisait la mission"),
        ("Qui dirige l'incubateur visité à Beer-Sheva ?", "l'incubateur à Beer-Sheva"),
        ("Combien de personnes vivent à Shenzhen ?", "de habitants à Shenzhen"),
        ("Quelle est la taille de Securix ?", "Quelle est l'effectif de Securix"),
        ("chifre d affaire oren medical", "chiffre d'affaires oren medical"),
    ],
)
def test_rewrites_of_paraphrased_questions(question, rewritten):
    assert rewritten in rewrite(question)


def test_the_leaders_of_the_firms_are_no_leader_of_the_delegation():
    assert "conduisait" not in rewrite("Combien de dirigeants ont participé à la mission ?")
    assert "vu" in rewrite("Qu'ont-ils vu à Tel Aviv ?")  # no noun before it: a question, not a description


def test_a_count_said_in_a_participle_is_no_word_to_find():
    assert not any(t.startswith("compt") for t in analyse("Combien de rendez-vous la mission a-t-elle comptés ?").focus)


def test_a_stem_cut_short_by_missing_accents_has_the_synonyms_of_the_full_one():
    assert term_in(stem("salaries"), {stem("employés")}) and term_in(stem("salariés"), {stem("employés")})
    assert not term_in(stem("invest"), {stem("fonds")})  # a much shorter start is no synonym


def test_the_east_coast_names_the_new_york_mission_not_the_silicon_valley_one():
    refs = [
        MissionRef("Mission New York", "New York", 2019, places=places_of("États-Unis")),
        MissionRef("Mission Silicon Valley", "Silicon Valley", 2017, places=places_of("États-Unis")),
    ]
    assert analyse("Où se trouve l'incubateur visité pendant la mission côte Est ?", refs).missions == ["Mission New York"]


@pytest.mark.parametrize(
    ("question", "rewritten"),
    [
        ("kel universites ont ete visitees", "quel universites"),
        ("Do I need a visa for the mission?", "nécessaire a visa"),
        ("Où se trouve l'incubateur Harborlight Labs visité pendant la mission ?", "Harborlight Labs pendant"),
        ("les participants ont visité à Boston quoi ?", "ont visité à Boston"),  # a verb, not a description
        ("À quel moment la CCI compte-t-elle retourner en Chine ?", "prévoit-t-elle de retourner"),
        ("Combien de rendez-vous compte-t-il ?", "compte-t-il"),  # a count, no plan
    ],
)
def test_rewrites_of_chat_spelling_needs_and_descriptions(question, rewritten):
    assert rewritten in rewrite(question)


def test_needed_and_mandatory_are_one():
    assert term_in(stem("nécessaire"), {stem("obligatoire")}) and term_in(stem("requis"), {stem("nécessaire")})


def test_getting_about_asks_for_a_transport():
    assert analyse("Comment la délégation circulait-elle dans New York ?", MISSIONS).expects == "transport"
    assert analyse("À quel moment la CCI compte-t-elle retourner en Chine ?", MISSIONS).future


def test_funders_are_funds_and_a_school_an_institute():
    assert term_in(stem("financeurs"), {stem("fonds")}) and term_in(stem("école"), {stem("institut")})


def test_results_are_answered_by_what_was_signed():
    assert term_in(stem("résultats"), {stem("signé"), stem("accord")})
