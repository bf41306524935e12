"""bot.retrieve: hybrid BM25 + dense search over a real Chroma store, with mission and year filters.

The two-mission corpus below is written into tmp_path; other test modules import it from here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.question import analyse
from bot.retrieve import Retriever
from index.store import open_store
from tests.conftest import DATA, build_store

pytestmark = pytest.mark.slow

ISRAEL_2018 = """ON EN PARLE - juin 2018

Mission Israël,
cap sur la start-up nation

Du 3 au 8 mai dernier, douze entreprises régionales ont participé à la Mission Israël, organisée par la CCI Occitanie à Tel-Aviv. Objectif, découvrir les incubateurs de la cybersécurité.

Des rencontres nombreuses

Les participants ont visité huit incubateurs et rencontré vingt investisseurs à Tel-Aviv. La délégation a signé deux accords de coopération avec des partenaires israéliens.

La durée de la mission était de six jours.
"""  # noqa: E501
SILICON_VALLEY_2019 = """ON EN PARLE - décembre 2019

Mission Silicon Valley,
le Sud-Ouest repart vers l’Ouest

Du 3 au 8 novembre 2019, une trentaine d’entreprises régionales ont participé à la Mission Silicon Valley, organisée par la CCI Occitanie à San Francisco. Objectif, rencontrer les investisseurs californiens.

Des rencontres nombreuses

Les participants ont visité cinq incubateurs et rencontré quarante investisseurs à San Francisco. La délégation a signé trois accords avec des partenaires américains.
"""  # noqa: E501
TWO_MISSIONS = {"israel-2018.txt": ISRAEL_2018, "silicon-valley-2019.txt": SILICON_VALLEY_2019}


def write_corpus(folder: Path, files: dict[str, str]) -> Path:
    """Write `files` (name -> text) into `folder` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def two_missions(tmp_path_factory, embeddings) -> Retriever:
    corpus = write_corpus(tmp_path_factory.mktemp("two-missions"), TWO_MISSIONS)
    store, _ = build_store(corpus, tmp_path_factory.mktemp("two-missions-store"), embeddings)
    return Retriever(store, embeddings[0])


def sources(passages) -> set[str]:
    return {p.document.metadata["source"] for p in passages}


def test_retriever_holds_every_chunk_in_article_order(two_missions):
    docs = two_missions.documents
    assert {d.metadata["source"] for d in docs} == set(TWO_MISSIONS)
    keys = [(d.metadata["source"], d.metadata["chunk"]) for d in docs]
    assert keys == sorted(keys)
    assert two_missions.lexical.size == len(docs)


def test_mission_refs(two_missions):
    refs = {(r.mission, r.destination, r.year) for r in two_missions.missions}
    assert refs == {
        ("Mission Israël", "Israël", 2018),
        ("Mission Silicon Valley", "Silicon Valley", 2019),
    }


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("Combien d'incubateurs ont été visités lors de la Mission Israël ?", "israel-2018.txt"),
        (
            "Combien d'incubateurs ont été visités lors de la Mission Silicon Valley ?",
            "silicon-valley-2019.txt",
        ),
        ("Combien d'incubateurs ont été visités en 2019 ?", "silicon-valley-2019.txt"),
        ("Combien d'investisseurs ont été rencontrés en 2018 ?", "israel-2018.txt"),
        ("Combien d'accords la mission Israël a-t-elle signés en 2018 ?", "israel-2018.txt"),
    ],
)
def test_mission_and_year_filters_exclude_other_missions(two_missions, question, source):
    passages = two_missions.search(analyse(question, two_missions.missions))
    assert passages
    assert sources(passages) == {source}


def test_without_a_filter_both_missions_compete(two_missions):
    passages = two_missions.search(
        analyse("Combien d'incubateurs ont été visités ?", two_missions.missions)
    )
    assert sources(passages) == set(TWO_MISSIONS)


def test_passages_are_best_first_and_at_most_k(two_missions):
    analysis = analyse("Combien d'investisseurs ont été rencontrés ?", two_missions.missions)
    passages = two_missions.search(analysis, k=3)
    assert 0 < len(passages) <= 3
    scores = [p.score for p in passages]
    assert scores == sorted(scores, reverse=True)
    assert len({p.id for p in passages}) == len(passages)
    for p in passages:
        assert p.lexical_rank is not None or p.dense_rank is not None
        assert (p.dense_rank is None) == (p.dense_similarity is None)


def test_a_given_query_vector_is_used(two_missions, embeddings):
    analysis = analyse("Où se trouve la délégation ?", two_missions.missions)
    computed = two_missions.search(analysis)
    given = two_missions.search(analysis, query_vector=embeddings[0].embed_query(analysis.question))
    assert [p.id for p in computed] == [p.id for p in given]


def test_neighbour_stays_inside_one_article(two_missions):
    docs = two_missions.documents
    for i, doc in enumerate(docs):
        after = two_missions.neighbour(doc, 1)
        before = two_missions.neighbour(doc, -1)
        same_next = i + 1 < len(docs) and docs[i + 1].metadata["source"] == doc.metadata["source"]
        same_prev = i > 0 and docs[i - 1].metadata["source"] == doc.metadata["source"]
        assert (after is docs[i + 1]) if same_next else after is None
        assert (before is docs[i - 1]) if same_prev else before is None


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        (
            "Combien d'entrepreneurs ont participé à la Mission Silicon Valley ?",
            "une quinzaine d’entrepreneurs",
        ),
        ("Qui préside le cluster French South Digital ?", "Pierre Deniset"),
        ("Quel est le chiffre d'affaires de Criteo ?", "2 milliards"),
        ("combien de start up heberge plug and play", "500 start-ups"),
        ("Combien de rendez-vous les participants ont-ils eus ?", "14 rendez-vous"),
    ],
)
def test_seed_questions_find_their_chunk_first(seed_bot, question, fact):
    retriever = seed_bot.retriever
    [best, *_] = retriever.search(analyse(question, retriever.missions))
    assert fact in best.document.page_content


def test_empty_store_finds_nothing(tmp_path, embeddings):
    store = open_store(embeddings[0], embeddings[1], store_dir=tmp_path, create=True)
    retriever = Retriever(store, embeddings[0])
    assert retriever.documents == [] and retriever.missions == []
    assert retriever.search(analyse("Combien d'incubateurs ?")) == []


def test_proper_terms_are_names_written_only_capitalised_in_few_chunks():
    from bot.retrieve import proper_terms

    texts = [
        "La délégation a rencontré Brooklane Analytics, avec la CCI Occitanie.",
        "La CCI Occitanie a vu Shieldix. Le mot analytics, ici en minuscules.",
        "Avec la CCI Occitanie.",
        *["Un autre passage."] * 5,
    ]
    proper = proper_terms(texts)
    assert {"brooklan", "shieldix"} <= proper
    assert "analytic" not in proper  # also written in lower case
    assert "occitan" not in proper  # in too many chunks to tell passages apart
    # A name opening a sentence, set off by a comma, is one too ("Hydrosol, PME de Perpignan").
    assert "hydrosol" in proper_terms(["Deux projets. Hydrosol, PME de Perpignan, a signé.", *["Un passage."] * 5])


def test_a_named_mission_always_brings_its_lede(two_missions):
    """The opening chunk tells who, when and how many, often in words the question does not use."""
    analysis = analyse("Quelle était la durée de la mission Israël ?", two_missions.missions)
    passages = two_missions.search(analysis, k=1)
    lede = next(d for d in two_missions.documents if d.metadata["source"] == "israel-2018.txt")
    assert lede.id in [p.id for p in passages]
    assert {p.document.metadata["source"] for p in passages} == {"israel-2018.txt"}


def test_when_a_named_mission_took_place_brings_its_span_of_days(tmp_path, embeddings):
    files = {f.name: f.read_text(encoding="utf-8") for f in (DATA / "fictional5").glob("*.txt")}
    store, _ = build_store(write_corpus(tmp_path / "corpus", files), tmp_path / "store", embeddings)
    retriever = Retriever(store, embeddings[0])
    analysis = analyse("Quand la mission Hong Kong – Shenzhen s'est-elle déroulée ?", retriever.missions)
    assert any("du 8 au 15 janvier 2020" in p.document.page_content for p in retriever.search(analysis))


def test_a_contact_asked_brings_the_named_missions_contact_lines(tmp_path, embeddings):
    files = {f.name: f.read_text(encoding="utf-8") for f in (DATA / "fictional27").glob("*.txt")}
    store, _ = build_store(write_corpus(tmp_path / "corpus", files), tmp_path / "store", embeddings)
    retriever = Retriever(store, embeddings[0])
    analysis = analyse("Et pour la mission Hong Kong / Shenzhen, quel numéro faut-il appeler ?", retriever.missions)
    assert any("05 35 55 08 63" in p.document.page_content for p in retriever.search(analysis, k=4))


def test_the_lexical_side_finds_another_form_of_a_word(tmp_path, embeddings):
    # "satisfaction" and "satisfaits" stem apart ("satisfact", "satisfait"): one family for the index too
    files = {f.name: f.read_text(encoding="utf-8") for f in (DATA / "fictional22").glob("*.txt")}
    store, _ = build_store(write_corpus(tmp_path / "corpus", files), tmp_path / "store", embeddings)
    retriever = Retriever(store, embeddings[0])
    analysis = analyse("Et pour la mission Hong Kong / Shenzhen, quel est le taux de satisfaction ?", retriever.missions)
    assert "satisfait" in retriever.variants("satisfact")
    assert any("94 % des participants" in p.document.page_content for p in retriever.search(analysis, k=4))


def test_the_named_missions_own_name_does_not_outrank_the_line_that_answers(tmp_path, embeddings):
    # Every chunk of the Hong Kong article may say "Hong Kong": the filter already says which mission.
    files = {f.name: f.read_text(encoding="utf-8") for f in (DATA / "fictional53").glob("*.txt")}
    store, _ = build_store(write_corpus(tmp_path / "corpus", files), tmp_path / "store", embeddings)
    retriever = Retriever(store, embeddings[0])
    for question, line in [
        ("cb coute la mission hong kong shenzen ?", "Prix : 3 980 €"),
        ("Combien coûte la deuxième édition du voyage en Californie ?", "Prix : 4 200 €"),
    ]:
        passages = retriever.search(analyse(question, retriever.missions))
        assert any(line in p.document.page_content for p in passages), question


def test_the_best_hit_on_a_name_the_question_gives_stays_among_the_passages(tmp_path, embeddings):
    # "intelligence artificielle" fills ten chunks of the 2017 article; "Lumacort" is in one, which says "l'IA"
    files = {f.name: f.read_text(encoding="utf-8") for f in (DATA / "fictional60").glob("*.txt")}
    store, _ = build_store(write_corpus(tmp_path / "corpus", files), tmp_path / "store", embeddings)
    retriever = Retriever(store, embeddings[0])
    question = "Comment la start-up Lumacort utilise-t-elle l'intelligence artificielle ?"
    analysis = analyse(question, retriever.missions, retriever.lexical.doc_freq, retriever.proper)
    assert analysis.names == ["lumacort"]
    passages = retriever.search(analysis)
    assert any("Lumacort" in p.document.page_content for p in passages)
