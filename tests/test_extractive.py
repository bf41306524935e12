"""bot.extractive: verbatim sentences with citations, or a refusal naming the closest articles."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from bot.answer import Passage
from bot.extractive import REFUSAL, VAGUE, ExtractiveAnswerer, leans_back
from bot.question import MissionRef, analyse
from corpus.article import Article
from corpus.facts import places_of
from corpus.metadata import derive_metadata
from index.chunking import split_article
from index.french import fold, terms
from index.lexical import LexicalIndex
from tests.conftest import DATA, SEED_CORPUS
from tests.test_retrieve import ISRAEL_2018

SEED_NAME = "mission-silicon-valley-2017.txt"
SEED_TEXT = (SEED_CORPUS / SEED_NAME).read_text(encoding="utf-8")
DEV = [
    json.loads(line)
    for line in (DATA / "dev_questions.jsonl").read_text(encoding="utf-8").splitlines()
    if line
]


def israel_article() -> Article:
    fields = derive_metadata(ISRAEL_2018, {})
    return Article(
        id="israel-2018.txt",
        text=ISRAEL_2018,
        title=str(fields["title"]),
        mission="Mission Israël",
        destination="Israël",
        year=2018,
        dates=str(fields["dates"]),
    )


class Asker:
    """An article's chunks and BM25 index standing in for the retriever (no model), and its answerer."""

    def __init__(self, article: Article, refs: list[MissionRef]) -> None:
        self.chunks = split_article(article)
        self.lexical = LexicalIndex([c.page_content for c in self.chunks])
        self.refs = refs

    def neighbour(self, document, step):
        i = next(i for i, c in enumerate(self.chunks) if c.id == document.id) + step
        return self.chunks[i] if 0 <= i < len(self.chunks) else None

    def passages_for(self, question: str) -> list[Passage]:
        """Every chunk, ranked by BM25 for the question."""
        scores = self.lexical.scores(terms(question))
        order = np.argsort(-scores, kind="stable")
        return [Passage(self.chunks[i], float(scores[i])) for i in order]

    def ask(self, question: str, max_citations: int = 3):
        answerer = ExtractiveAnswerer(self.lexical, max_citations, self.neighbour)
        return answerer.answer(question, self.passages_for(question), analyse(question, self.refs))


def mission_asker(text: str, destination: str, year: int, country: str | None = None) -> Asker:
    """An Asker over one article of "Mission <destination>", its country's places known when given."""
    mission = f"Mission {destination}"
    places = places_of(country) if country else ()
    article = Article(id=f"{fold(destination)}.txt", text=text, title=mission, mission=mission, year=year)
    return Asker(article, [MissionRef(mission, destination, year, places=places)])


def paragraphs_asker(destination: str, year: int, *paragraphs: str, country: str | None = None) -> Asker:
    """`mission_asker` over an article made of a dateline, the mission's title and `paragraphs`."""
    text = f"ON EN PARLE - juin {year}\n\nMission {destination}\n\n" + "\n\n".join(paragraphs) + "\n"
    return mission_asker(text, destination, year, country)


ISRAEL = israel_article()
REFS = [MissionRef("Mission Israël", "Israël", 2018)]
ISRAEL_ASKER = Asker(ISRAEL, REFS)
CHUNKS, LEXICAL = ISRAEL_ASKER.chunks, ISRAEL_ASKER.lexical
passages_for, ask, neighbour = ISRAEL_ASKER.passages_for, ISRAEL_ASKER.ask, ISRAEL_ASKER.neighbour


def assert_verbatim(answer, text: str) -> None:
    for c in answer.citations:
        assert c.quote == text[c.start : c.end], c


def assert_markers(answer) -> None:
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    assert [int(n) for n in re.findall(r"\[(\d+)\]", answer.text)] == [
        c.n for c in answer.citations
    ]
    for c in answer.citations:
        assert c.quote in answer.text


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Combien d'incubateurs ont été visités ?", "huit incubateurs"),
        ("Combien d'investisseurs ont été rencontrés à Tel-Aviv ?", "vingt investisseurs"),
        ("Quand a eu lieu la Mission Israël ?", "Du 3 au 8 mai"),
        ("Qui a organisé la Mission Israël ?", "CCI Occitanie"),
        ("Combien de jours a duré la mission ?", "six jours"),
    ],
)
def test_answers_quote_verbatim_and_cite(question, fact):
    answer = ask(question)
    assert not answer.abstained
    assert fact in answer.text
    assert_verbatim(answer, ISRAEL.text)
    assert_markers(answer)
    first = answer.citations[0]
    assert (first.source, first.mission, first.year, first.title) == (
        "israel-2018.txt", "Mission Israël", 2018, ISRAEL.title,
    )  # fmt: skip
    assert first.paragraph in {c.metadata["paragraph"] for c in CHUNKS}
    assert answer.text.startswith("Mission Israël (2018) — ")


def test_no_passages_is_a_refusal_without_leads():
    answer = ExtractiveAnswerer(LEXICAL).answer("Combien ?", [], analyse("Combien ?"))
    assert answer.abstained and answer.text == REFUSAL
    assert answer.citations == [] and answer.leads == []


@pytest.mark.parametrize(
    "question",
    [
        "Combien coûtait l'inscription à la mission ?",  # no amount of money anywhere
        "Quel temps faisait-il à Tel-Aviv ?",
        "Quelle est la capitale de l'Australie ?",
    ],
)
def test_refuses_when_no_sentence_holds_the_answer(question):
    answer = ask(question)
    assert answer.abstained
    assert answer.text.startswith(REFUSAL)
    assert answer.citations == []
    assert answer.leads == ["Mission Israël (2018)"]
    assert "Mission Israël (2018)" in answer.text


def test_a_vague_question_asks_for_details():
    answer = ask("Quoi ?")
    assert answer.abstained and answer.text == VAGUE and answer.citations == []
    assert answer.leads == ["Mission Israël (2018)"]


def test_a_question_naming_only_a_mission_quotes_its_opening():
    question = "Mission Israël 2018"
    passages = passages_for("incubateurs investisseurs")  # the best passage is not the first chunk
    assert passages[0].document.id != CHUNKS[0].id
    answer = ExtractiveAnswerer(LEXICAL, 3, neighbour).answer(
        question, passages, analyse(question, REFS)
    )
    assert not answer.abstained
    assert answer.citations[0].quote.startswith("Du 3 au 8 mai dernier")
    assert_verbatim(answer, ISRAEL.text)


@pytest.mark.parametrize("max_citations", [1, 2, 3])
def test_citations_are_capped(max_citations):
    answer = ask("Combien d'incubateurs et d'investisseurs, combien d'accords ?", max_citations)
    assert 1 <= len(answer.citations) <= max_citations
    assert_markers(answer)


def test_citations_never_overlap():
    answer = ask("Combien d'incubateurs et d'investisseurs, combien d'accords ?")
    spans = sorted((c.start, c.end) for c in answer.citations)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


# --- over the seed article, with the real retriever -------------------------------------------


@pytest.mark.slow
def test_seed_bot_answers_the_number_of_entrepreneurs(seed_bot):
    answer = seed_bot.ask("Combien d'entrepreneurs ont participé à la Mission Silicon Valley ?")
    assert not answer.abstained
    assert "quinzaine" in answer.text
    [first, *_] = answer.citations
    assert first.source == SEED_NAME
    assert first.quote in SEED_TEXT
    assert "quinzaine" in first.quote
    assert_verbatim(answer, SEED_TEXT)
    assert_markers(answer)


@pytest.mark.slow
def test_seed_bot_refuses_what_the_articles_do_not_say(seed_bot):
    answer = seed_bot.ask("Quelle est la capitale de l'Australie ?")
    assert answer.abstained
    assert answer.citations == []
    assert answer.leads == ["Mission Silicon Valley (2017)"]
    assert answer.text.startswith(REFUSAL)


@pytest.mark.slow
def test_a_sentence_leaning_on_the_previous_one_is_quoted_with_it(seed_bot):
    answer = seed_bot.ask(
        "Quelle est la devise adoptée par de nombreux ingénieurs français en Californie ?"
    )
    assert "cette devise" in answer.citations[0].quote
    assert "Penser plus grand" in answer.citations[0].quote
    assert_verbatim(answer, SEED_TEXT)


@pytest.mark.slow
def test_the_article_label_prefixes_its_first_citation_only(seed_bot):
    answer = seed_bot.ask("Quand a eu lieu la Mission Silicon Valley ?")
    assert answer.text.count("Mission Silicon Valley (2017) — ") == 1


@pytest.mark.slow
@pytest.mark.parametrize("row", DEV, ids=[row["id"] for row in DEV])
def test_every_quote_of_every_dev_answer_is_verbatim(seed_bot, row):
    answer = seed_bot.ask(row["question"])
    assert answer.abstained == (not answer.citations)
    assert_verbatim(answer, SEED_TEXT)
    assert_markers(answer)
    assert all(c.source == SEED_NAME for c in answer.citations)


NEW_YORK = """ON EN PARLE - novembre 2019

Mission New York,
la côte Est

Du 14 au 19 octobre, douze entreprises de la région ont pris part à la Mission New York, organisée par la CCI Occitanie.

Le moment le plus attendu fut la rencontre avec Thomas Bénazet. Le PDG d’Aérodis, équipementier toulousain de 140 salariés, a ouvert une filiale à Manhattan.

Le lendemain, les participants ont rencontré Daniel Azoulay. Installé à Brooklyn depuis 2009, ce Français originaire de Perpignan a fondé Shomer Data.

Même son de cloche chez Romain Pujol, fondateur d’Ekinox. « Il m’a fallu dix-huit mois pour signer mon premier client américain. Il faut être patient. »

Julien Mas, conseiller international à la CCI Occitanie, était l’organisateur de la mission.

La délégation était conduite par Olivier Massat, vice-président de la CCI Occitanie.

Quatorze minutes. C’est le temps qu’il faut au train pour relier Manhattan à Newark.

« Fail fast, learn faster ». La devise, affichée dans le hall de l’accélérateur, résume l’état d’esprit.
"""  # noqa: E501


NEW_YORK_ASKER = Asker(
    Article(id="ny.txt", text=NEW_YORK, title="Mission New York", mission="Mission New York", year=2019),
    [MissionRef("Mission New York", "New York", 2019)],
)
ask_new_york = NEW_YORK_ASKER.ask


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # A sentence opening on the role of someone just named is read and quoted with the name.
        ("Qui dirige Aérodis ?", "Thomas Bénazet"),
        # So is one whose subject, after an opening apposition, points back ("ce Français").
        ("Qui est Daniel Azoulay ?", "Shomer Data"),
        # The answer may be the sentence before: "Quatorze minutes. C’est le temps qu’il faut..."
        ("Combien de temps faut-il au train pour relier Manhattan à Newark ?", "Quatorze minutes"),
        # "La devise, affichée..." opens on the asked-for noun: the motto is in the sentence before.
        ("Quelle devise était affichée dans le hall de l'accélérateur ?", "Fail fast"),
        # And a quote opening on "« Il".
        ("Combien de temps a-t-il fallu au fondateur d'Ekinox pour signer son 1er client ?", "dix-huit mois"),
    ],
)
def test_a_sentence_pointing_back_is_scored_and_quoted_with_the_one_before(question, fact):
    answer = ask_new_york(question)
    assert not answer.abstained and fact in answer.text
    assert_verbatim(answer, NEW_YORK)


def test_who_organised_names_the_organism_and_the_person():
    answer = ask_new_york("Qui a organisé la mission New York ?")
    assert "CCI Occitanie" in answer.text and "Julien Mas" in answer.text
    assert len(answer.citations) == 2


def test_a_deputy_is_not_the_role_asked_for():
    assert ask_new_york("Qui est le président de la CCI Occitanie ?").abstained
    assert "Olivier Massat" in ask_new_york("Qui est le vice-président de la CCI Occitanie ?").text


HONG_KONG = """ON EN PARLE - juin 2022

Mission Hong Kong – Shenzhen

Du 4 au 9 avril, onze dirigeants d’Occitanie ont découvert Hong Kong et Shenzhen avec la CCI Occitanie.

À Sha Tin, l’accélérateur Harbour Works accompagne une soixantaine de jeunes pousses par an.

Marc Aubertin, conseiller de la CCI Occitanie chargé de l’Asie, conduisait la délégation.

« Hong Kong reste la meilleure porte d’entrée pour une PME qui veut se lancer en Chine. Le droit, la langue des affaires, la banque : tout y est plus simple. »

Philippe Garrigues, PDG de Garrigues Emballages (Rodez)

Le dernier jour, la délégation a visité le marché de Huaqiangbei.

Organisée par la CCI Occitanie et le Cercle Delta, la mission a aussi fait étape à Kowloon.

À Kowloon, Christian Carles, CEO de la société toulousaine Pole Star, et le professeur Li Wei ont reçu la délégation.

Il y a quarante ans, Shenzhen n’était qu’une bourgade de 30 000 habitants. La ville en compte aujourd’hui plus de 17 millions.

J’attendais ce prototype depuis deux mois en France. À Shenzhen, on l’a fabriqué en quatre jours.

Marc Delpech, gérant d’Ondalis (Castres)
"""  # noqa: E501
HONG_KONG_ASKER = Asker(
    Article(id="hk.txt", text=HONG_KONG, title="Mission Hong Kong – Shenzhen", mission="Mission Hong Kong", year=2022),
    [MissionRef("Mission Hong Kong", "Hong Kong", 2022)],
)


def test_a_quote_is_read_with_who_said_it_and_cited_with_the_line_naming_them():
    answer = HONG_KONG_ASKER.ask("Qu'a dit Philippe Garrigues de Hong Kong ?")
    assert not answer.abstained and "meilleure porte d’entrée" in answer.text
    assert answer.citations[-1].quote == "Philippe Garrigues, PDG de Garrigues Emballages (Rodez)"
    assert "tout y est plus simple" in answer.citations[0].quote  # the quote whole, as they said it
    assert_verbatim(answer, HONG_KONG)
    assert_markers(answer)


def test_a_quote_printed_without_quotation_marks_is_read_with_its_speaker():
    answer = HONG_KONG_ASKER.ask("En combien de temps Marc Delpech a-t-il obtenu son prototype ?")
    assert "quatre jours" in answer.text and answer.citations[-1].quote.startswith("Marc Delpech")


def test_a_retrieved_line_naming_a_speaker_brings_their_quote():
    asker = HONG_KONG_ASKER
    signature = next(c for c in asker.chunks if c.page_content.startswith("Philippe Garrigues"))
    question = "Qu'a dit le PDG de Garrigues Emballages sur le droit ?"
    answerer = ExtractiveAnswerer(asker.lexical, 3, asker.neighbour)
    answer = answerer.answer(question, [Passage(signature, 1.0)], analyse(question, asker.refs))
    assert "tout y est plus simple" in answer.text


def test_a_why_answered_by_a_bare_claim_goes_on_to_the_next_sentence():
    answer = HONG_KONG_ASKER.ask("Pourquoi Hong Kong est-elle une bonne porte d'entrée selon Philippe Garrigues ?")
    assert "tout y est plus simple" in answer.citations[0].quote
    assert_verbatim(answer, HONG_KONG)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # "le chef de la délégation" is who led it: "conduisait la délégation".
        ("Qui était le chef de la délégation à Hong Kong ?", "Marc Aubertin"),
        ("Qui menait la délégation ?", "Marc Aubertin"),
        # "une soixantaine" counts, "jeunes pousses" are start-ups.
        ("Combien de start-ups l'accélérateur Harbour Works accompagne-t-il par an ?", "soixantaine"),
        # A two-word name typed as one; a professor is a researcher; "monter" a mission is organising it.
        ("ceo de polestar c qui", "Christian Carles"),
        ("Quel chercheur a reçu la délégation à Kowloon ?", "Li Wei"),
        ("avec quel partenaire la cci a monté la mission", "Cercle Delta"),
        # "en compte 17 millions": the count of the noun before, read and quoted with it.
        ("Combien d'habitants compte Shenzhen aujourd'hui ?", "30 000 habitants. La ville en compte aujourd’hui plus de 17"),
    ],
)
def test_paraphrases_of_leading_and_counting_are_understood(question, fact):
    answer = HONG_KONG_ASKER.ask(question)
    assert not answer.abstained and fact in answer.text


SINGAPORE = """ON EN PARLE - mars 2025

Singapour,
tremplin occitan vers l’Asie

12 entreprises, six jours, deux pays. Du 3 au 8 février 2025, la CCI Occitanie a conduit sa mission à Singapour.

Après la mission de 2019, qui avait réuni une quinzaine de participants, la CCI voulait voir plus grand.

Temps fort de la semaine : la visite des locaux de Kelbio. Fondée à Castres en 2015 par Anne Roux et installée à Singapour depuis 2018, la start-up fabrique des capteurs.

À deux rues de là, l’incubateur Marina Works héberge 80 jeunes pousses.

Lundi 3 février : visite du port et accueil par la chambre de commerce.

Le jeudi 6 février, cap sur Johor Bahru, de l’autre côté du détroit.

Pourquoi Singapour ? Le port compte parmi les plus actifs du monde. Une destination choisie à dessein, puisque l’anglais y est la langue des affaires.

Les entreprises locales cherchent des partenaires fiables plus que des prix bas.

Wei Ling Tan, directrice de l’incubateur Marina Works

Contact : asie@cci-occitanie-missions.fr
"""  # noqa: E501
SINGAPORE_ASKER = Asker(
    Article(id="sg.txt", text=SINGAPORE, title="Singapour", mission="Mission Singapour", year=2025),
    [MissionRef("Mission Singapour", "Singapour", 2025)],
)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # Companies that took part are the participants; a count told of another year is not this one.
        ("Combien de participants à la mission de Singapour en 2025 ?", "12 entreprises"),
        # "Fondée [...] par Anne Roux, la start-up": the company named in the sentence before.
        ("Qui a fondé Kelbio ?", "Anne Roux"),
        # "l'incubateur" is what is asked for: it is to be found, "visité" is not enough.
        ("c quoi l incubateur visite a singapour", "Marina Works"),
        # The mission's dates for "quand"; one day for "quel jour".
        ("Quand a eu lieu la mission à Singapour ?", "Du 3 au 8 février 2025"),
        ("Quel jour la délégation est-elle allée à Johor Bahru ?", "jeudi 6 février"),
        # No word left to find: the sentence that echoes the question most, with a reason, answers.
        ("Pourquoi la CCI a-t-elle choisi Singapour comme destination ?", "à dessein, puisque"),
        # A quote without quotation marks nor "je" is still read with who said it.
        ("Selon la directrice de Marina Works, que recherchent les entreprises locales ?", "partenaires fiables"),
        # The last line "Label : value" is content, not a heading.
        ("c koi le mail pour la mission a singapour", "asie@cci-occitanie-missions.fr"),
    ],
)
def test_participants_companies_and_days_are_read_as_asked(question, fact):
    answer = SINGAPORE_ASKER.ask(question)
    assert not answer.abstained and fact in answer.citations[0].quote
    assert_verbatim(answer, SINGAPORE)


@pytest.mark.slow
def test_who_said_a_quote_answers_who(seed_bot):
    answer = seed_bot.ask("Qui a conclu « mission accomplie » après le voyage de 2017 ?")
    assert "mission accomplie" in answer.citations[0].quote
    assert "Pierre Deniset" in answer.citations[1].quote
    assert_verbatim(answer, SEED_TEXT)


def test_the_last_chunk_of_a_long_quote_is_read_with_its_speaker():
    # A quote long enough to be cut in chunks: its last one, without "je", still has its speaker.
    said = "Je n’ai jamais vu autant de fonds en une semaine. " + "La baie attire les talents du monde entier. " * 40
    text = f"Mission Test\n\n{said}Bref, le voyage valait le détour !\n\nLéa Martin, gérante de Vinéo (Nîmes)\n"
    long = Asker(Article(id="t.txt", text=text, title="Mission Test", mission="Mission Test", year=2020), [])
    ending = next(c for c in long.chunks if "valait le détour" in c.page_content)
    assert not re.search(r"\bje\b", ending.page_content, re.I)
    answer = long.ask("Qui a dit que le voyage valait le détour ?")
    assert "valait le détour" in answer.citations[0].quote and "Léa Martin" in answer.citations[1].quote


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("ki a dit que l'echec c une ligne du CV ?", "Noa Ben-Haim"),  # "», a-t-elle expliqué": named before
        ("Qui a dit qu'en Chine on ne découvre pas un partenaire le jour de la réunion ?", "Laure Verdier"),
    ],
)
def test_who_said_a_quote_inside_a_paragraph_is_told_by_its_speech_tag(question, speaker):
    asker = paragraphs_asker(
        "Israël", 2022,
        "À Haïfa, la délégation a été reçue par Noa Ben-Haim, directrice de l’incubateur Carmel Works. « Chez "
        "nous, l’échec n’est pas une honte, c’est une ligne du CV. Un fondateur qui a échoué lève plus "
        "facilement la deuxième fois », a-t-elle expliqué.",
        "« Chaque rendez-vous a été préparé avec un interprète. En Chine, on ne découvre pas un partenaire le "
        "jour de la réunion », souligne Laure Verdier, conseillère export à la CCI Occitanie.",
    )  # fmt: skip
    answer = asker.ask(question)
    quote = answer.citations[0].quote
    assert speaker in quote and any(quote in c.page_content for c in asker.chunks)  # verbatim, one citation


TWO_TOWNS = """ON EN PARLE - mai 2023

Mission Hong Kong-Shenzhen

Du 6 au 11 mars, treize dirigeants d’Occitanie ont fait à Hong Kong puis à Shenzhen un voyage organisé par la CCI Occitanie.

Pourquoi les objets connectés ?

Parce que nos start-up conçoivent d’excellents prototypes mais peinent à passer à la production en série.

Départ en train pour Shenzhen. Village de pêcheurs de 30 000 habitants en 1980, la ville en compte aujourd’hui 12 millions.

Sur place, Léa Vidal, conseillère Asie à la CCI Occitanie, a organisé chaque rendez-vous.

Marc Roux a choisi cette destination pour trouver un fabricant à Hong Kong.

Pourquoi Hong Kong ? « C’est la porte d’entrée juridique de la Chine », explique Léa Vidal.

Émilie Castan, présidente du cluster Occitanie Data, a reçu la délégation à Shenzhen.

Jour 4 – jeudi 9 mars

Journée de rencontres : 20 rendez-vous avec des sous-traitants électroniques.
"""  # noqa: E501
TWO_TOWNS_ASKER = mission_asker(TWO_TOWNS, "Hong Kong-Shenzhen", 2023, "Chine")


def test_a_figure_told_of_the_mission_s_other_town_does_not_answer():
    assert TWO_TOWNS_ASKER.ask("Combien d'habitants compte Hong Kong ?").abstained
    assert "12 millions" in TWO_TOWNS_ASKER.ask("Combien d'habitants compte Shenzhen ?").text


def test_the_sentence_after_a_question_the_article_asks_is_read_with_it():
    answer = TWO_TOWNS_ASKER.ask("pourquoi les objets connectes pour la chine ?")
    assert "peinent à passer à la production" in answer.text
    assert_verbatim(answer, TWO_TOWNS)




def test_the_reply_to_the_question_the_article_asks_itself_wins():
    answer = TWO_TOWNS_ASKER.ask("Pourquoi la CCI a-t-elle choisi Hong Kong comme destination ?")
    assert "porte d’entrée juridique" in answer.citations[0].quote


def test_the_first_sentence_under_a_heading_is_read_with_it():
    answer = TWO_TOWNS_ASKER.ask("Qu'ont fait les participants le quatrième jour de la mission Hong Kong ?")
    assert "sous-traitants" in answer.citations[0].quote


def test_the_role_of_another_body_is_not_the_role_asked_for():
    assert TWO_TOWNS_ASKER.ask("Qui est le président de la CCI Occitanie ?").abstained
    assert "Émilie Castan" in TWO_TOWNS_ASKER.ask("Qui est la présidente du cluster Occitanie Data ?").text


NY_MONTREAL = """ON EN PARLE - novembre 2019

Mission New York – Montréal

Du 7 au 13 octobre, douze dirigeants d’Occitanie ont participé à la mission « New York – Montréal » organisée par la CCI Occitanie.

À Manhattan, la délégation a enchaîné les rendez-vous d’affaires. Sur place, elle a aussi pris la mesure d’une métropole de 8,4 millions d’habitants.

À Montréal, la délégation a été reçue par la Chambre de commerce française au Canada.
"""  # noqa: E501
NY_MONTREAL_ASKER = mission_asker(NY_MONTREAL, "New York – Montréal", 2019, "États-Unis")


def test_a_figure_in_a_passage_naming_another_place_does_not_answer_for_the_town_asked():
    # The passage names Manhattan, a district of New York: its figure is not Montréal's.
    assert NY_MONTREAL_ASKER.ask("Combien d'habitants compte Montréal ?").abstained
    assert "8,4 millions" in NY_MONTREAL_ASKER.ask("Combien d'habitants compte New York ?").text


ISRAEL_TOWNS = """ON EN PARLE - avril 2023

Mission Israël

Au programme : Tel-Aviv, Haïfa et Jérusalem, et une ambition, comprendre comment un pays de 9,7 millions d’habitants est devenu un vivier de jeunes pousses.

À Tel-Aviv, ville de 470 000 habitants, les participants ont été reçus par la Chambre de commerce Israël-France.
"""  # noqa: E501
ISRAEL_TOWNS_ASKER = mission_asker(ISRAEL_TOWNS, "Israël", 2023, "Israël")


def test_the_country_s_figure_in_a_sentence_naming_the_town_does_not_answer_for_the_town():
    assert ISRAEL_TOWNS_ASKER.ask("population jerusalem svp").abstained
    assert "470 000" in ISRAEL_TOWNS_ASKER.ask("Quelle est la population de Tel-Aviv ?").text
    asker = paragraphs_asker(
        "Israël", 2022,
        "Tel Aviv, Jérusalem, Haïfa et Beer-Sheva : en cinq jours, la délégation a parcouru le pays pour comprendre "
        "comment un territoire de 9,5 millions d’habitants est devenu un pôle d’innovation.",
        country="Israël",
    )  # fmt: skip
    assert asker.ask("tel aviv c'est combien d'habitants").abstained


def test_a_question_the_article_asks_brings_the_paragraph_that_answers_it():
    text = (
        "ON EN PARLE - mai 2018\n\nMission Israël\n\nDu 12 au 15 novembre, douze chefs d’entreprise sont partis en Israël.\n\n"
        "Pourquoi avoir choisi Israël ?\n\nParce que c’est un laboratoire unique. Le pays compte 6 000 start-up.\n"
    )
    asker = Asker(Article(id="q.txt", text=text, title="Mission Israël", mission="Mission Israël", year=2018), REFS)
    asking = next(c for c in asker.chunks if c.page_content.startswith("Pourquoi avoir"))
    question = "Pourquoi la CCI a-t-elle choisi Israël comme destination ?"
    answerer = ExtractiveAnswerer(asker.lexical, 3, asker.neighbour)
    answer = answerer.answer(question, [Passage(asking, 1.0)], analyse(question, REFS))  # only the question retrieved
    assert "laboratoire unique" in answer.text
    assert_verbatim(answer, text)


def test_for_a_date_the_event_asked_about_must_be_told():
    text = "ON EN PARLE - mars 2018\n\nMission Israël\n\nDu 11 au 15 février, dix-huit chefs d’entreprise ont découvert Tel Aviv.\n"
    asker = Asker(Article(id="d.txt", text=text, title="Mission Israël", mission="Mission Israël", year=2018), REFS)
    assert asker.ask("Jusqu'à quand pouvait-on s'inscrire à la mission Israël ?").abstained
    assert "11 au 15 février" in asker.ask("Quand a eu lieu la mission Israël ?").text


def test_who_at_the_cci_organised_is_a_person_of_its_staff():
    asker = paragraphs_asker(
        "New York",
        2019,
        "Du 7 au 13 octobre, douze dirigeants ont participé à la mission New York, organisée par la CCI Occitanie.",
        "L’ordre des étapes a été pensé par Sandrine Valette, chargée de mission international à la CCI Occitanie.",
    )
    answer = asker.ask("Qui, à la CCI, a organisé la mission New York ?")
    assert "Sandrine Valette" in answer.citations[0].quote  # a person, not the CCI itself
    assert "organisée par la CCI" in asker.ask("Qui a organisé la mission New York ?").text


def test_two_names_tied_by_the_question_stand_for_its_noun_but_not_for_an_attribute():
    asker = paragraphs_asker(
        "Israël",
        2019,
        "Douze chefs d’entreprise et porteurs de projet sont partis. Chaque projet a été présenté à des fonds.",
        "Trois participants ont engagé des discussions, dont Vitisense avec AquaRoot pour un pilote dans des vignes.",
        "Coup de cœur pour Léa Marchetti, fondatrice de NeuroPlume, à Tel-Aviv.",
    )
    assert "pilote dans des vignes" in asker.ask("c koi le projet de Vitisense avec AquaRoot").text
    assert asker.ask("Quel âge a Léa Marchetti, la fondatrice de NeuroPlume ?").abstained


def test_a_district_named_by_the_passage_stands_for_its_town():
    asker = paragraphs_asker(
        "Silicon Valley",
        2019,
        "Premier rendez-vous dans le quartier de SoMa, à l’accélérateur Bayside Forge. "
        "Sa directrice rappelle qu’en 2022, les start-up de la baie ont levé 75 milliards de dollars.",
    )
    assert "75 milliards" in asker.ask("Combien les start-up de San Francisco ont-elles levé en 2022 ?").text
    assert asker.ask("Combien les start-up de Boston ont-elles levé en 2022 ?").abstained


def test_a_name_told_of_in_another_article_only_is_not_answered_from_this_one():
    def article(source: str, mission: str, year: int, body: str) -> Article:
        text = f"ON EN PARLE - juin {year}\n\n{mission}\n\n{body}\n"
        return Article(id=source, text=text, title=mission, mission=mission, year=year)

    ny = article("ny.txt", "Mission New York", 2018, "L’accélérateur Hudson Forge accompagne 40 start-up étrangères.")
    sv = article("sv.txt", "Mission Silicon Valley", 2023, "Premier rendez-vous à l’accélérateur Bayside Forge, à San Francisco.")
    chunks = split_article(ny) + split_article(sv)
    words_of = {a.id: set(terms(a.text)) for a in (ny, sv)}
    answerer = ExtractiveAnswerer(LexicalIndex([c.page_content for c in chunks]), 3, None, words_of.__getitem__)
    hudson = [Passage(next(c for c in chunks if "Hudson" in c.page_content), 1.0)]
    asked = "Combien de start-up sont accompagnées par l’accélérateur Bayside Forge ?"
    assert answerer.answer(asked, hudson, analyse(asked)).abstained  # Bayside Forge is the other article's
    asked = "Combien de start-up sont accompagnées par l’accélérateur Hudson Forge ?"
    assert "40 start-up" in answerer.answer(asked, hudson, analyse(asked)).text


def test_a_count_told_of_one_town_of_the_mission_is_a_part_of_the_whole():
    asker = paragraphs_asker(
        "New York – Boston",
        2018,
        "Cinq jours, deux villes, 21 rendez-vous : le programme était dense. À New York, les participants "
        "ont enchaîné 13 rendez-vous. Les 8 rendez-vous restants se sont tenus à Boston, capitale des biotechnologies.",
    )
    assert "21 rendez-vous" in asker.ask("Combien de rendez-vous pendant la mission New York – Boston ?").text
    assert "21 rendez-vous" in asker.ask("How many meetings did the New York – Boston business trip include?").text
    assert "8 rendez-vous" in asker.ask("Combien de rendez-vous à Boston ?").text  # one town asked: its part



def test_what_a_price_leaves_out_is_not_priced_by_it():
    asker = paragraphs_asker(
        "Israël",
        2018,
        "Pour une participation de 3 500 euros par personne, hors billets d’avion, le programme comprenait "
        "l’hébergement et les transports sur place.",
    )
    assert asker.ask("Combien coûtent les billets d'avion pour la mission Israël ?").abstained
    assert "3 500 euros" in asker.ask("Combien coûte l'hébergement pour la mission Israël ?").text


def test_the_two_just_named_lean_on_the_sentence_naming_them():
    assert leans_back("Les deux entreprises ont convenu de lancer un test dans l’usine de Figeac au printemps.")
    assert not leans_back("Les participants ont visité huit incubateurs.")


def test_an_impersonal_il_points_back_to_no_one():
    assert leans_back("Il a fondé sa société en 2015.")
    assert not leans_back("« Il y a quelques années, on venait ici pour apprendre à lever des fonds.")
    assert not leans_back("Il faut être prêt avant de venir.")


def test_a_year_before_the_mission_is_no_date_of_the_next_one():
    from bot.extractive import _before_its_mission

    doc = CHUNKS[0].model_copy(update={"metadata": {**CHUNKS[0].metadata, "year": 2019}})
    assert _before_its_mission("Ce voyage répondait au souhait exprimé en 2017 par les participants.", doc)
    assert not _before_its_mission("Une deuxième édition est envisagée en 2021.", doc)


def test_a_sentence_quoted_with_the_one_before_has_its_noun_there():
    asker = paragraphs_asker(
        "Israël",
        2023,
        "À Beer-Sheva, capitale israélienne de la cybersécurité, la délégation a visité un parc où se côtoient "
        "chercheurs et start-ups.",
        "Gérard Montels y a rencontré l’équipe de Shomer Systems, une start-up de 25 personnes. "
        "Les deux entreprises ont convenu de lancer un test dans l’usine de Figeac au printemps.",
    )
    assert "Shomer Systems" in asker.ask("Quelle start-up israélienne va faire un test dans l'usine de Figeac ?").text


def test_a_lead_in_of_a_few_words_is_quoted_with_what_follows():
    asker = paragraphs_asker(
        "Silicon Valley",
        2024,
        "Quels conseils donnez-vous ? « Préparer le voyage. Chaque participant a eu trois réunions avec nos "
        "conseillers pour définir ses objectifs. »",
    )
    answer = asker.ask("Comment les participants ont-ils été préparés ?")
    assert "trois réunions" in answer.text  # not "« Préparer le voyage." alone


def test_a_count_of_those_who_came_beats_a_count_of_some_of_them():
    asker = paragraphs_asker(
        "New York – Boston",
        2018,
        "Du 24 au 28 septembre dernier, quatorze chefs d’entreprise d’Occitanie, à la tête de onze entreprises, "
        "ont participé à la mission New York – Boston organisée par la CCI Occitanie.",
        "Les résultats sont là. Deux entreprises participantes ont déjà engagé des démarches d’implantation à New "
        "York ; une troisième étudie l’ouverture d’une filiale à Boston.",
    )
    assert "onze entreprises" in asker.ask("cb d'entreprises representees ds la mission new york boston ?").text


def test_a_count_of_some_participants_doing_something_is_no_count_of_who_came():
    asker = paragraphs_asker(
        "Silicon Valley",
        2019,
        "Chez Plug & Play, accélérateur de la Silicon Valley, cinq participants ont pu présenter leur projet.",
        "Du 8 au 12 avril dernier, 22 entrepreneurs d’Occitanie ont participé à la deuxième édition.",
    )
    assert "22 entrepreneurs" in asker.ask("combien de participants en 2019 pour la silicon valley ?").text


def test_what_is_still_negotiated_is_not_what_was_signed():
    asker = paragraphs_asker("Hong Kong – Shenzhen", 2024, "Résultats : quatre contrats en négociation.")
    assert asker.ask("Combien de contrats ont été signés pendant la mission Hong Kong – Shenzhen ?").abstained
    assert "quatre contrats" in asker.ask("Combien de contrats sont en négociation ?").text


def test_a_state_asked_about_is_told_of_by_the_mission_s_town_in_it():
    asker = paragraphs_asker(
        "New York – Montréal",
        2018,
        "Programme : 22 rendez-vous d’affaires, dont 15 à New York et 7 à Montréal.",
        country="États-Unis",
    )
    asked = "Combien d'entrevues d'affaires la délégation a-t-elle eues au Québec pendant la mission New York – Montréal ?"
    assert "7 à Montréal" in asker.ask(asked).text


def test_when_a_mission_took_place_is_its_span_of_days_not_a_day_of_its_programme():
    asker = paragraphs_asker(
        "Hong Kong – Shenzhen",
        2020,
        "- Samedi 11 et dimanche 12 janvier : découverte libre de Hong Kong.",
        "Les participants ont suivi un programme serré, du 8 au 15 janvier 2020 :",
    )
    assert "du 8 au 15 janvier" in asker.ask("Quand la mission Hong Kong – Shenzhen s'est-elle déroulée ?").text


def test_what_a_company_is_is_told_by_a_sentence_about_it_not_by_a_line_naming_a_speaker():
    asker = paragraphs_asker(
        "Silicon Valley",
        2023,
        "Je pense à Yanis Ferrer, fondateur de la start-up nîmoise Lumio Santé, qui développe des outils pour la "
        "radiologie. « Nous avons trouvé des investisseurs. »",
        "Yanis Ferrer, fondateur de Lumio Santé à Nîmes",
    )
    assert "radiologie" in asker.ask("c koi lumio sante ?").text


def test_the_question_an_interview_asks_names_the_subject_of_its_answer():
    asker = paragraphs_asker(
        "Israël",
        2022,
        "Et Haïfa ?",
        "T. B. : C’est là que nous avons trouvé le plus de concret. Nous avons visité Kishon Water Systems, un "
        "fabricant de systèmes de dessalement.",
        country="Israël",
    )
    asked = "Quelle entreprise de dessalement les participants de la mission Israël ont-ils visitée à Haïfa ?"
    assert "Kishon Water Systems" in asker.ask(asked).text


def test_a_figure_in_the_clause_of_another_town_does_not_answer_for_the_town_asked():
    asker = paragraphs_asker(
        "Hong Kong – Shenzhen",
        2024,
        "Deux entreprises ont ouvert un bureau à Hong Kong, et 3 ont trouvé un fabricant à Shenzhen.",
        country="Chine",
    )
    assert asker.ask("Combien d'entreprises ont ouvert un bureau à Shenzhen ?").abstained
    assert "Deux entreprises" in asker.ask("Combien d'entreprises ont ouvert un bureau à Hong Kong ?").text


def test_those_who_came_are_no_count_of_those_who_did_something_else():
    asker = paragraphs_asker(
        "Hong Kong – Shenzhen",
        2024,
        "Il y a un an, 13 personnes représentant 10 entreprises d’Occitanie s’envolaient pour Hong Kong. "
        "Un bureau a depuis été ouvert à Hong Kong.",
    )
    assert asker.ask("Combien d'entreprises ont ouvert un bureau ?").abstained
    assert "10 entreprises" in asker.ask("Combien d'entreprises ont participé ?").text


def test_a_wish_of_an_earlier_year_is_no_plan_after_the_mission():
    asker = paragraphs_asker(
        "Israël",
        2022,
        "C’était une demande ancienne : dès 2017, les participants avaient cité Israël parmi les destinations "
        "qu’ils souhaitaient découvrir.",
        "Nous préparons une mission retour : accueillir une délégation de start-up israéliennes à Toulouse.",
    )
    assert "mission retour" in asker.ask("Qu’est-ce qui est prévu après la mission Israël ?").text


def test_a_sentence_opening_a_chunk_is_about_whom_the_chunk_before_names():
    asker = paragraphs_asker(
        "New York",
        2022,
        "La directrice a laissé la parole à Julien Marsac.",
        "Ce Montpelliérain a fondé en 2015 la fintech Hudson Ledger.",
    )
    assert "Hudson Ledger" in asker.ask("Quelle fintech Julien Marsac a-t-il fondée ?").text


def test_a_count_of_a_nationality_needs_that_nationality():
    asker = paragraphs_asker(
        "New York",
        2022,
        "L’incubateur Foundry 39 héberge aujourd’hui près de 220 start-up.",
        "L’accélérateur Bayforge accompagne une quarantaine de start-up étrangères, dont six françaises.",
    )
    assert asker.ask("Combien de start-up françaises l'incubateur Foundry 39 héberge-t-il ?").abstained
    assert "six françaises" in asker.ask("Combien de start-up françaises l'accélérateur Bayforge accompagne-t-il ?").text


def test_what_the_question_says_of_a_name_must_be_told_with_it():
    asker = paragraphs_asker(
        "Israël",
        2018,
        "À Tel Aviv, les participants ont été accueillis par Noa Ben-Harim, directrice de l’incubateur "
        "Kikar Labs, qui accompagne une soixantaine de jeunes pousses.",
        "Un accord de coopération avec un laboratoire de Haïfa est à l’étude.",
    )
    assert asker.ask("Avec quel incubateur Kikar Labs prépare-t-il un accord de coopération ?").abstained
    assert "soixantaine" in asker.ask("Combien de jeunes pousses Kikar Labs accompagne-t-il ?").text


def test_a_statement_ending_on_the_question_it_raises_is_no_question():
    asker = paragraphs_asker(
        "Silicon Valley",
        2024,
        "Chez Cloudspring, éditeur fondé par l’ingénieur toulousain Vincent Lacombe, les participants ont abordé "
        "une question très concrète : comment protéger ses données ?",
    )
    assert "Vincent Lacombe" in asker.ask("ki a fondé cloudspring").text


def test_a_day_of_the_programme_is_told_under_its_heading():
    asker = paragraphs_asker(
        "New York",
        2018,
        "Au programme : cinq jours pour comprendre le marché américain.",
        "Jour 1 – Manhattan",
        "La délégation a été accueillie à Midtown.",
        "Jour 2 – Brooklyn",
        "Direction Red Hook Foundry, un incubateur qui accompagne 140 jeunes pousses.",
    )
    assert "Red Hook Foundry" in asker.ask("koi au programme le jour 2 de la mission new york ?").text


def test_the_dates_of_the_next_mission_are_no_participants_plan():
    asker = paragraphs_asker(
        "Israël",
        2019,
        "Deux participants envisagent d’ouvrir un bureau commercial à Tel-Aviv courant 2020.",
    )
    assert asker.ask("Quelles sont les dates de la prochaine mission Israël ?").abstained
    assert "bureau commercial" in asker.ask("Qu'envisagent deux participants de la mission Israël ?").text


def test_a_count_of_companies_beats_a_count_of_their_heads_which_stands_in_for_it():
    heads = "Du 8 au 12 avril, vingt-deux chefs d’entreprise ont participé à la mission."
    asker = paragraphs_asker("Silicon Valley", 2024, heads, "La délégation représentait dix-neuf entreprises.")
    assert "dix-neuf" in asker.ask("Combien d'entreprises ont participé ?").text
    alone = paragraphs_asker("Silicon Valley", 2024, heads)
    assert "vingt-deux" in alone.ask("Combien d'entreprises ont participé à la mission ?").text


def test_who_the_contact_is_names_a_person_before_a_mail():
    asker = paragraphs_asker(
        "Silicon Valley",
        2024,
        "Le bilan est bon.\n\nCourriel : s.aubert@cci-occitanie.example\nContact : Sandrine Aubert, chargée "
        "d’affaires internationales",
    )
    assert asker.ask("Pour la mission Silicon Valley, qui est le contact à la CCI ?").text.split("—")[1].strip().startswith("Contact")


def test_a_town_left_out_of_the_count_is_not_asked_about():
    asker = paragraphs_asker(
        "Hong Kong / Shenzhen",
        2018,
        "Au total, 46 rendez-vous d’affaires ont été organisés en cinq jours entre les deux villes.",
        country="Chine",
    )
    assert asker.ask("Combien de rendez-vous à Hong Kong même, sans compter Shenzhen ?").abstained
    assert "46 rendez-vous" in asker.ask("Combien de rendez-vous d'affaires ont été organisés ?").text


def test_a_count_in_words_is_cited_with_the_line_of_figures_that_says_it_in_digits():
    asker = paragraphs_asker(
        "Hong Kong – Shenzhen",
        2023,
        "Seize participants représentant onze entreprises régionales ont fait le voyage.",
        "Le bilan est bon.",
        "Participants : 16 personnes, 11 entreprises",
    )
    answer = asker.ask("Combien de participants ont fait le voyage ?")
    assert "Seize participants" in answer.text and "16 personnes" in answer.text and len(answer.citations) == 2


def test_what_an_edition_planned_is_no_plan_after_it():
    asker = paragraphs_asker(
        "Silicon Valley",
        2024,
        "Aide régionale : 30 % du coût pris en charge par la Région Occitanie, dans la limite de 2 000 € par entreprise.",
    )
    assert "2 000 €" in asker.ask("Quelle aide régionale est prévue pour la mission Silicon Valley 2024 ?").text


def test_the_person_a_heading_portrays_is_the_subject_of_its_paragraphs():
    asker = paragraphs_asker(
        "New York",
        2019,
        "Portrait : Élodie Marcoux, l’Aveyron à la conquête de Manhattan",
        "Fondatrice d’Herbaria Sud, elle exporte déjà en Belgique.",
        "Pourquoi New York ? Pour trouver un importateur capable de porter ses produits sur la côte Est.",
    )
    assert "importateur" in asker.ask("Pourquoi Élodie Marcoux a-t-elle fait le voyage à New York ?").text


def test_what_the_interviewee_says_in_the_first_person_is_theirs():
    asker = paragraphs_asker(
        "Israël",
        2021,
        "Trois questions à Sandrine Aubéry, fondatrice de Cybelis (Castres)",
        "Pourquoi avoir participé à cette mission ?",
        "Israël est la référence mondiale en cybersécurité.",
        "Et concrètement, qu'en retirez-vous ?",
        "J'ai signé une lettre d'intention avec Shomer Security, une start-up de Beer-Sheva.",
    )
    assert "lettre d'intention" in asker.ask("What did Sandrine Aubéry sign with an Israeli start-up?").text


def test_the_countrys_population_is_not_haifas_nor_beer_shevas():
    asker = paragraphs_asker(
        "Israël",
        2019,
        "Trois villes étaient au programme, Tel Aviv, Haïfa et Beer-Sheva : trois visages d’un pays d’à peine "
        "9 millions d’habitants.",
        country="Israël",
    )
    assert asker.ask("Combien d'habitants à Beer-Sheva ?").abstained
    assert asker.ask("cb d'habitants a haifa ?").abstained
    assert "9 millions" in asker.ask("Combien d'habitants compte Israël ?").text


def test_a_practical_line_states_no_reason():
    asker = paragraphs_asker(
        "Hong Kong / Shenzhen",
        2019,
        "Le bilan est bon.",
        "Formalités : passer par Hong Kong, visa chinois obligatoire pour le marché de Shenzhen.",
    )
    assert asker.ask("Pourquoi passer par Hong Kong pour attaquer le marché chinois ?").abstained


def test_a_name_of_two_words_is_found_whole():
    asker = paragraphs_asker(
        "New York",
        2019,
        "La délégation a ensuite poussé la porte de l’incubateur East River Lab, qui héberge 85 start-ups.",
        "Le lendemain, Kerem Labs a présenté ses programmes.",
    )
    assert asker.ask("Combien de start-up héberge Kerem Labs ?").abstained
    assert "85 start-ups" in asker.ask("Combien de start-up héberge East River Lab ?").text


def test_a_chunk_opening_that_leans_on_the_chunk_before_loses_to_that_chunk():
    asker = paragraphs_asker(
        "Silicon Valley",
        2017,
        "Enfin, les présentations des intervenants – Big Data chez Numberly, réalité augmentée chez Google – "
        "ont permis de comprendre l’impact des NTIC.",
        "Pour les participants, ces rencontres ont permis de croiser les informations.",
    )
    assert "Big Data" in asker.ask("Qu'a présenté Numberly aux participants ?").text


def test_a_plan_in_the_near_future_answers_what_someone_plans():
    asker = paragraphs_asker(
        "Israël",
        2019,
        "Ce que j’ai vu dans le Néguev a cinq ans d’avance. Nous allons tester deux capteurs israéliens dès cet été.",
        "Laurent Fabrègues, gérant d’AquaSud Irrigation, à Nîmes",
    )
    assert "deux capteurs" in asker.ask("Que prévoit Laurent Fabrègues après la mission Israël ?").text


def test_a_figure_told_of_the_town_after_avant_de_is_that_towns():
    asker = paragraphs_asker(
        "Hong Kong / Shenzhen",
        2023,
        "La délégation a d’abord passé deux jours à Hong Kong, place financière, avant de rejoindre en train "
        "Shenzhen, ville de 17 millions d’habitants.",
        country="Chine",
    )
    assert asker.ask("cb d'habitants a hong kong stp ?").abstained
    assert "17 millions" in asker.ask("Combien d'habitants compte Shenzhen ?").text


def test_a_list_of_sectors_beats_one_theme():
    asker = paragraphs_asker(
        "Silicon Valley",
        2024,
        "Du 13 au 17 mai dernier, vingt-deux entrepreneurs d’Occitanie ont participé à la deuxième édition de "
        "« Mission Silicon Valley ». Le fil rouge de cette édition : l’intelligence artificielle générative "
        "et ses usages dans les PME.",
        "Les 22 participants ont sillonné la baie, de San Francisco à Palo Alto. Ils représentaient le logiciel, "
        "la santé, le spatial et le tourisme.",
    )
    answer = asker.ask("Et pour la mission Silicon Valley 2024, de quels secteurs venaient les participants ?")
    assert "tourisme" in answer.citations[0].quote


def test_the_price_of_the_mission_is_no_rent_told_in_its_article():
    asker = paragraphs_asker(
        "New York",
        2018,
        "Les participants ont aussi retenu qu’une implantation à New York coûte cher : un poste de travail dans un "
        "bureau partagé de Manhattan se loue 800 dollars par mois.",
    )
    assert asker.ask("Combien coûtait la participation à la mission New York ?").abstained
    assert "800 dollars" in asker.ask("Combien coûte un poste de travail dans un bureau partagé ?").text


def test_gdp_is_its_full_name():
    asker = paragraphs_asker(
        "Israël",
        2019,
        "Israël compte plus de 6 000 start-ups et consacre près de 4,9 % de son produit intérieur brut à la recherche.",
    )
    assert "4,9 %" in asker.ask("Quelle part de son PIB Israël consacre-t-il à la recherche ?").text


def test_a_figure_is_told_of_the_company_its_sentence_names():
    asker = paragraphs_asker(
        "Hong Kong – Shenzhen",
        2023,
        "Kinetec Robotique, à Blagnac, négocie un contrat avec Pengda Electronics pour ses cartes. Lumioc, "
        "fabricant d’éclairage basé à Albi, a signé un contrat de 180 000 € avec un sous-traitant.",
        country="Chine",
    )
    assert asker.ask("Quel est le montant du contrat que Kinetec Robotique négocie avec Pengda Electronics ?").abstained
    assert "180 000" in asker.ask("Quel est le montant du contrat signé par Lumioc ?").text


def test_a_figure_told_by_the_partner_of_the_company_named_just_before_is_the_companys():
    asker = paragraphs_asker(
        "Silicon Valley", 2024,
        "Redwood Arc Partners a livré un état des lieux sans filtre. Selon son associée Megan Rourke, les start-ups "
        "de la baie ont levé 71 milliards de dollars en 2023. Mais un fonds comme le sien ne retient qu’un dossier sur 200.",
    )  # fmt: skip
    assert "71 milliards" in asker.ask("Selon le fonds Redwood, combien les start-ups de la baie ont-elles levé ?").text


def test_a_count_of_the_whole_stay_is_no_count_of_one_town():
    asker = paragraphs_asker(
        "Israël",
        2019,
        "En cinq jours, les participants ont eu 19 rendez-vous. La dernière journée, à Jérusalem, était consacrée "
        "à la santé numérique.",
        country="Israël",
    )
    assert asker.ask("Combien de rendez-vous les participants ont-ils eus à Jérusalem pendant la mission Israël ?").abstained
    assert "19 rendez-vous" in asker.ask("Combien de rendez-vous les participants ont-ils eus pendant la mission Israël ?").text


def test_contracts_signed_answer_agreements_concluded():
    asker = paragraphs_asker(
        "Hong Kong – Shenzhen",
        2023,
        "Le voyage a porté ses fruits : trois contrats ont été signés sur place et cinq autres sont en cours de négociation.",
        country="Chine",
    )
    assert "trois contrats" in asker.ask("Combien d'accords ont été conclus pendant la mission Hong Kong – Shenzhen ?").text


def test_a_role_of_a_body_named_after_an_elision_is_that_bodys():
    asker = paragraphs_asker(
        "Israël",
        2019,
        "En Israël, l’échec n’est pas une honte, c’est une étape.",
        "Karine Lopez-Ferrier, fondatrice de la société d’e-santé Medikea à Montpellier",
    )
    assert "Karine Lopez-Ferrier" in asker.ask("c ki la fondatrice de medikea ?").text




def test_a_yearly_rate_is_no_total_since_the_start():
    asker = paragraphs_asker(
        "Israël", 2019,
        "À Tel Aviv, la délégation a été accueillie par la directrice de l’incubateur Migdal Hub, qui accompagne "
        "une quarantaine de projets chaque année.",
    )  # fmt: skip
    assert asker.ask("Combien de projets Migdal Hub a-t-il accompagnés au total depuis sa création ?").abstained
    assert "quarantaine" in asker.ask("Combien de projets l'incubateur Migdal Hub accompagne-t-il ?").text


def test_the_reply_to_a_question_the_article_asks_holds_its_noun():
    asker = paragraphs_asker(
        "Silicon Valley", 2024,
        "Du 11 au 15 mars 2024, vingt participants ont parcouru la baie de San Francisco.",
        "Trois questions à Mathilde Kerjean, fondatrice de Baylink Studio",
        "Quel conseil donneriez-vous aux entreprises qui hésitent ?\nVenir avec un premier client américain, même "
        "modeste. Sans présence physique, rien ne se passe.",
    )  # fmt: skip
    answer = asker.ask("Quel conseil Mathilde Kerjean donne-t-elle aux entreprises qui hésitent ?")
    assert "premier client américain" in answer.text


def test_the_price_is_not_the_reduced_one_unless_asked_and_a_label_with_its_value_is_no_bare_heading():
    asker = paragraphs_asker(
        "Silicon Valley", 2024,
        "Du 16 au 21 septembre, vingt et un entrepreneurs ont participé à la mission.",
        "Infos pratiques",
        "Tarif réduit : 3 900 € HT pour les membres d’un cluster régional\nPrix : 4 200 € HT par participant\n"
        "Ce prix comprend : les vols et le programme de rendez-vous",
    )  # fmt: skip
    assert "4 200" in asker.ask("Combien coûte la mission Silicon Valley ?").text
    assert "3 900" in asker.ask("Existe-t-il un tarif réduit pour la mission Silicon Valley ?").text


def test_the_way_from_one_town_to_another_is_not_the_way_back():
    asker = paragraphs_asker(
        "Hong Kong – Shenzhen", 2023,
        "Mercredi 15 mars : passage en Chine continentale en train à grande vitesse, jusqu’à la gare de Futian, "
        "à Shenzhen.",
        "Vendredi 17 mars : retour à Hong Kong en ferry depuis le port de Shekou.",
    )  # fmt: skip
    assert "train" in asker.ask("Comment la délégation est-elle passée de Hong Kong à Shenzhen ?").text
    assert "ferry" in asker.ask("Comment la délégation est-elle revenue de Shenzhen à Hong Kong ?").text



def test_a_yes_or_no_question_on_what_the_price_held_is_answered_by_the_practical_lines():
    asker = paragraphs_asker(
        "Israël", 2018,
        "Du 11 au 15 mars, douze chefs d’entreprise ont participé à la mission. Pour comprendre l’écosystème, "
        "ils ont rencontré des fonds.",
        "Infos pratiques",
        "Tarif : 2 950 € HT par personne, ramené à 2 450 € HT pour les entreprises suivies par Export Plus\n"
        "Compris : vols, hébergement, transferts en minibus et interprète francophone\n"
        "Visa : non compris, environ 130 € par personne\nOption pitch devant investisseurs : 450 € HT",
    )  # fmt: skip
    # "était prévu": what the mission provided, no plan ahead; "compris" is no "comprendre"
    assert "interprète" in asker.ask("Est-ce qu'un interprète était prévu pour la mission Israël ?").text
    assert "vols, hébergement" in asker.ask("Est-ce que l'hébergement était compris dans la mission Israël ?").text
    assert "2 450" in asker.ask("Est-ce que j'aurais eu droit à un tarif réduit pour la mission Israël ?").text
    # "inclus dans le prix": the price frames the question, the visa is asked about; "non compris" answers it
    assert "130 €" in asker.ask("Est-ce que le visa était inclus dans le prix de la mission Israël ?").text
    # the price of the mission is not the visa's, priced "par personne" too; an option's price is a price
    assert "2 950" in asker.ask("Combien coûtait la mission Israël par personne ?").text
    assert "450 € HT" in asker.ask("cb coute l'option pitch investisseurs pour la mission Israël ?").text


def test_who_answers_an_interview_is_named_by_its_heading():
    asker = paragraphs_asker(
        "Hong Kong – Shenzhen", 2023,
        "Du 6 au 11 novembre, quatorze industriels ont participé à la mission.",
        "Entretien avec Mei Ling Chow",
        "Fondatrice de Kowloon Sourcing Partners, elle accompagne des PME européennes en Chine depuis 2009.",
        "Quel est le piège le plus fréquent ?",
        "La propriété intellectuelle. Déposez vos marques en Chine avant de venir, pas après.",
        "Combien de temps pour créer une société à Hong Kong ?",
        "Une semaine, si le dossier est complet.",
    )  # fmt: skip
    answer = asker.ask("Qui est la fondatrice de Kowloon Sourcing Partners ?")
    assert "Mei Ling Chow" in answer.text  # "elle": the heading says who
    # what an answer of the interview says is hers: her firm's name finds it
    answer = asker.ask("Selon l'interlocutrice de Kowloon Sourcing Partners, quel est le piège le plus fréquent ?")
    assert "propriété intellectuelle" in answer.text
    assert "Une semaine" in asker.ask("cb de temps pour monter une societe a hong kong d'apres l'interview ?").text


def test_the_next_edition_is_told_by_a_later_year():
    asker = paragraphs_asker(
        "Silicon Valley", 2024,
        "Du 22 au 27 avril, dix-huit dirigeants ont participé à la deuxième édition de la mission.",
        "L’accélérateur Lumen Bay, lui, promet de passer d’une idée à un prototype en 90 jours.",
        "Infos pratiques",
        "Prochaine édition : 2026",
    )  # fmt: skip
    assert "2026" in asker.ask("qd c la prochaine edition silicon valley apres celle de 2024 ?").text
    assert "90 jours" in asker.ask("c koi la promesse de l accelerateur lumen bay ?").text


def test_a_quotation_two_of_whose_sentences_answer_is_given_once():
    asker = paragraphs_asker(
        "Hong Kong – Shenzhen", 2023,
        "Du 6 au 11 novembre, quatorze industriels ont participé à la mission.",
        "« Nous travaillions déjà avec des fournisseurs chinois, mais uniquement par courriel. Les voir dans leurs "
        "ateliers change tout : en deux jours, nous avons réglé des questions qui traînaient depuis des mois. »",
        "Hélène Castanier, directrice générale de Voltaïa Systèmes, fabricant de batteries à Albi",
    )  # fmt: skip
    answer = asker.ask("What does Voltaïa Systèmes manufacture, and where is it based?")
    assert "batteries à Albi" in answer.text and answer.text.count("Nous travaillions") == 1
    assert_markers(answer)


def test_a_word_no_article_tells_is_the_crux_of_the_question():
    text = (DATA / "fictional31" / "mission-silicon-valley-2024.txt").read_text(encoding="utf-8")
    asker = mission_asker(text, "Silicon Valley", 2024, "États-Unis")
    # "des recettes pour s'installer en Californie" is no recipe of the cassoulet, which no article tells of
    assert asker.ask("Quelle est la recette du cassoulet ?").abstained
    assert "recettes pour s’installer" in asker.ask("Quelles recettes venait-on chercher en 2017 ?").text


def test_a_day_of_the_programme_is_told_by_its_ordinal_or_its_weekday():
    asker = paragraphs_asker(
        "Israël", 2018,
        "Du 4 au 9 novembre, dix-huit chefs d’entreprise ont participé à la mission.",
        "Le premier jour, la délégation a été reçue à Tel Aviv par l’incubateur Yafo Labs, installé dans le port de Jaffa.",
        "Le quatrième jour a été réservé aux rencontres B2B à Tel Aviv : 38 rendez-vous organisés avec des entreprises.",
        "Le mercredi était consacré au commerce et à la distribution : visite d’un grand magasin.",
        country="Israël",
    )  # fmt: skip
    assert "Yafo Labs" in asker.ask("Le premier jour, nous avions rendez-vous où à Tel Aviv ?").text
    assert "38 rendez-vous" in asker.ask("Combien de rendez-vous B2B ont été organisés le quatrième jour ?").text
    assert "mercredi" in asker.ask("qd est ce qu'on a fait la journee commerce et distribution ?").text


def test_a_rank_asked_is_the_thing_the_article_ranks_so():
    asker = paragraphs_asker(
        "New York", 2019,
        "Du 7 au 11 octobre, douze dirigeants ont participé à la mission.",
        "Le séjour a débuté le lundi par un premier rendez-vous chez Hudson Forge, incubateur de Brooklyn.",
        "Chez Brightwell Health, la plus grande entreprise du programme avec 2 300 salariés, les ingénieurs ont présenté leurs outils.",
        "Le jeudi, les participants ont visité la start-up Pinebox, puis Carraway Partners.",
        "Le deuxième jour, la délégation est allée à Boston, au MIT.",
        "Le quatrième jour a été réservé aux rencontres B2B : 38 rendez-vous organisés.",
        "Le dernier jour, les dirigeants se sont rendus à Hudson Yards pour présenter leur projet.",
        "La biscuiterie Les Délices d’Autan a signé une première commande avec un distributeur rencontré sur le salon.",
        country="États-Unis",
    )  # fmt: skip
    assert "Hudson Forge" in asker.ask("Quel a été le premier rendez-vous de la mission ?").text
    # "visitée" is told of another company: the one ranked largest answers
    assert "Brightwell" in asker.ask("quelle etait la plus grosse entreprise visitee pdt la mission ?").text
    assert "Hudson Yards" in asker.ask("Le dernier jour, ils sont allés où ?").text  # not "Le deuxième jour"
    assert "Hudson Yards" in asker.ask("le dernier jour ds la mission ils sont alles ou ?").text


def test_a_wrong_belief_is_put_right_by_the_article():
    asker = paragraphs_asker(
        "New York", 2019,
        "Du 14 au 19 octobre, vingt-deux chefs d’entreprise de la région ont participé à la mission.",
        "Conduite par Hélène Marchetti, conseillère export de la CCI, la délégation a sillonné Manhattan.",
        "« New York récompense ceux qui arrivent préparés. »",
        "Sophie Lacombe, fondatrice de Vélisa, fabricant albigeois de vélos cargo",
        "Coût : 3 900 € HT par entreprise, hors billet d’avion",
        country="États-Unis",
    )  # fmt: skip
    assert "3 900 €" in asker.ask("Il me semble que la mission à New York coûtait 3 000 €, c’est bien ça ?").text
    assert "octobre" in asker.ask("C’était bien en septembre 2019, la mission à New York ?").text
    assert "vingt-deux" in asker.ask("On m’a dit qu’ils étaient une trentaine, je me trompe ?").text
    assert "Hélène Marchetti" in asker.ask("Si je ne m’abuse, c’est Sophie Lacombe qui conduisait la délégation ?").text


def test_who_did_something_to_the_delegation_is_asked_of_the_delegation():
    text = (DATA / "fictional62" / "mission-silicon-valley-2024.txt").read_text(encoding="utf-8")
    asker = mission_asker(text, "Silicon Valley", 2024, "États-Unis")
    answer = asker.ask("Sans compter la CCI, qui accompagnait la délégation de la mission Silicon Valley ?")
    # not "Mission Bay Labs, accélérateur qui a accompagné 320 start-ups"
    assert "Occitanie West Coast" in answer.text and "Mission Bay Labs" not in answer.text


def test_a_founder_is_who_founded_it():
    asker = paragraphs_asker(
        "Israël", 2022,
        "Du 6 au 10 mars, douze entreprises ont participé à la mission.",
        "Yannick Sabatier, fondateur d’Hydrovia, start-up montpelliéraine de l’irrigation",
        "À Beer-Sheva, la société NegevAqua a fait la démonstration de ses systèmes d’irrigation. Fondée en 2014 "
        "par Dana Halevi, l’entreprise emploie 85 salariés.",
        country="Israël",
    )  # fmt: skip
    assert "Dana Halevi" in asker.ask("Qui est la fondatrice de NegevAqua ?").text



def test_a_class_told_without_a_name_answers_no_which():
    """"Quel fonds… ?" is not answered by a sentence where only an unnamed one is met, a named one is."""
    asker = paragraphs_asker(
        "Hong Kong", 2019,
        "À Shenzhen, la délégation a visité le marché de Huaqiangbei et l’incubateur Pearl Delta Hub, où elle a "
        "rencontré un fonds de capital-risque local spécialisé dans le matériel électronique.",
    )  # fmt: skip
    assert asker.ask("Comment s'appelle le fonds spécialisé dans le matériel électronique ?").abstained
    assert "Pearl Delta Hub" in asker.ask("Quel incubateur ont-ils visité à Shenzhen ?").text


def test_who_led_the_delegation_is_answered_by_a_lead_not_by_any_role():
    asker = paragraphs_asker(
        "Israël", 2018,
        "À Tel Aviv, Noa Friedman, associée du fonds Yarden Ventures, a présenté le marché. À Jérusalem, le centre "
        "MedBridge, dirigé par Yossi Levin, a présenté ses programmes.",
    )  # fmt: skip
    assert asker.ask("Qui conduisait la délégation en Israël ?").abstained
    led = paragraphs_asker(
        "New York", 2023,
        "Conduite par Anne Roques, élue de la CCI Occitanie, la délégation a découvert une ville où tout va vite.",
    )  # fmt: skip
    assert "Anne Roques" in led.ask("Qui était à la tête de la délégation ?").text


def test_a_narrow_class_asked_by_name_is_named_with_its_noun():
    asker = paragraphs_asker(
        "Hong Kong", 2019,
        "Un avocat d’affaires français installé dans le quartier de Central a détaillé les étapes de création "
        "d’une société. Le programme a alterné deux jours à Hong Kong et trois jours à Shenzhen.",
    )  # fmt: skip
    assert asker.ask("Comment s'appelle l'avocat d'affaires rencontré à Hong Kong ?").abstained


def test_an_unnamed_one_more_like_the_question_is_the_one_asked_about():
    """"Quel est le fonds deeptech… ?": the article's unnamed deeptech fund is the one asked about, not
    another fund it names in a sentence less like the question."""
    asker = paragraphs_asker(
        "Silicon Valley", 2023,
        "À Palo Alto, ils ont été reçus par Hélène Marchetti, associée du fonds Redwood Bridge Capital, qui a "
        "détaillé ses critères. Les participants ont également rencontré un fonds spécialisé dans la deeptech, "
        "qui a souhaité rester discret sur son identité.",
    )  # fmt: skip
    assert asker.ask("Quel est le nom du fonds deeptech rencontré ?").abstained
    assert "Redwood Bridge" in asker.ask("Quel fonds les a reçus à Palo Alto ?").text


def test_which_hotel_wants_a_hotel_by_its_name():
    asker = paragraphs_asker(
        "Silicon Valley", 2019,
        "Hébergement : hôtel à Palo Alto, transferts en minibus compris.",
        "Tarif : 4 200 € HT par participant, vols, hôtel et interprète compris.",
    )  # fmt: skip
    assert asker.ask("Dans quel hôtel les participants ont-ils dormi ?").abstained
    named = paragraphs_asker("Hong Kong", 2023, "La délégation a séjourné à l’hôtel Harbour Crest, à Kowloon.")
    assert "Harbour Crest" in named.ask("Dans quel hôtel la délégation a-t-elle séjourné ?").text

