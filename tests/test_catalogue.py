import pytest
from langchain_core.documents import Document

from bot.catalogue import build_catalogue, is_aggregate
from tests.conftest import FICTIONAL, SEED_CORPUS

TEXTS = {
    "mission-silicon-valley-2017.txt": (SEED_CORPUS / "mission-silicon-valley-2017.txt").read_text(encoding="utf-8"),
    **{f"fictional/{p.name}": p.read_text(encoding="utf-8") for p in FICTIONAL.glob("*.txt")},
}


@pytest.mark.parametrize(
    ("question", "aggregate"),
    [
        ("Quelles missions ont eu lieu en 2018 ?", True),
        ("Combien de missions la CCI a-t-elle organisées ?", True),
        ("Quelle mission comptait le plus de participants ?", True),
        ("Combien de participants à la mission Israël ?", False),
        ("Qui a organisé la mission de 2017 ?", False),
    ],
)
def test_is_aggregate(question, aggregate):
    assert is_aggregate(question) is aggregate


def test_catalogue_lists_every_mission_edition(multi_bot):
    labels = [e.label for e in multi_bot.catalogue]
    assert labels[0] == "Mission Silicon Valley (2017)"
    assert "Mission Silicon Valley (2019)" in labels and len(labels) == 5
    seed = multi_bot.catalogue[0]
    assert (seed.participants, seed.organiser) == (15, "CCI Occitanie")
    for entry in multi_bot.catalogue:
        assert TEXTS[entry.source][entry.start : entry.end] == entry.quote


def test_missions_of_a_year_cite_each_mission(multi_bot):
    answer = multi_bot.ask("Quelles missions ont eu lieu en 2018 ?")
    assert not answer.abstained
    assert {c.source for c in answer.citations} == {
        "fictional/fictif-mission-israel-2018.txt",
        "fictional/fictif-mission-new-york-2018.txt",
    }
    assert "[1]" in answer.text and "[2]" in answer.text


def test_count_and_largest_mission(multi_bot):
    count = multi_bot.ask("Combien de missions la CCI a-t-elle organisées ?")
    assert "5 mission" in count.text and len(count.citations) == 5
    largest = multi_bot.ask("Quelle mission comptait le plus de participants ?")
    assert "Mission Silicon Valley (2019)" in largest.text
    assert "22 entrepreneurs" in largest.citations[0].quote and "22 participants" in largest.text


def test_the_largest_mission_cites_the_sentence_that_counts_its_participants(tmp_path, embeddings):
    """The count may come after the dates sentence: the citation is the one that holds it."""
    from tests.conftest import build_store, make_bot

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "mission-lyon-2021.txt").write_text(
        "Mission Lyon\n\nDu 3 au 5 mai 2021, la CCI a organisé la « Mission Lyon ». "
        "Au total, 31 entrepreneurs ont fait le voyage.\n",
        encoding="utf-8",
    )
    (corpus / "mission-nantes-2022.txt").write_text(
        "Mission Nantes\n\nDu 6 au 8 juin 2022, douze entrepreneurs ont participé à la « Mission Nantes ».\n",
        encoding="utf-8",
    )
    store, _ = build_store(corpus, tmp_path / "store", embeddings)
    bot = make_bot(store, embeddings)
    largest = bot.ask("Quelle mission comptait le plus de participants ?")
    assert "Mission Lyon (2021), 31 participants" in largest.text
    assert largest.citations[0].quote == "Au total, 31 entrepreneurs ont fait le voyage."


def test_no_mission_that_year_is_said_plainly(multi_bot):
    answer = multi_bot.ask("Quelles missions ont eu lieu en 2015 ?")
    assert answer.abstained and "2015" in answer.text and not answer.citations


def test_follow_up_keeps_the_2017_mission(multi_bot):
    from bot.service import Turn

    first = multi_bot.ask("Qui a organisé la mission de 2017 ?")
    assert "CCI Occitanie" in first.text
    follow = multi_bot.ask("Et combien de rendez-vous ?", [Turn("Qui a organisé la mission de 2017 ?", first.text)])
    assert "14 rendez-vous" in follow.text
    assert {c.source for c in follow.citations} == {"mission-silicon-valley-2017.txt"}


@pytest.fixture(scope="module")
def multi_store_dir(multi_corpus, tmp_path_factory, embeddings):
    from tests.conftest import build_store

    store_dir = tmp_path_factory.mktemp("catalogue-store")
    build_store(multi_corpus, store_dir, embeddings)
    return store_dir


def test_cli_keeps_the_conversation_and_lists_missions(multi_corpus, multi_store_dir):
    import json
    import subprocess
    import sys

    cmd = [sys.executable, "-c", "from cli import main; main()"]
    store = ["--corpus", str(multi_corpus), "--store", str(multi_store_dir)]
    asked = subprocess.run(
        [*cmd, "ask", "--json", *store],
        input="Qui a organisé la mission de 2017 ?\nEt combien de rendez-vous ?\n",
        capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    first, follow = (json.loads(line) for line in asked.stdout.splitlines())
    assert "CCI Occitanie" in first["answer"]
    assert "14 rendez-vous" in follow["answer"]
    assert {c["source"] for c in follow["citations"]} == {"mission-silicon-valley-2017.txt"}
    listed = subprocess.run([*cmd, "list", "--json", *store], capture_output=True, text=True, timeout=300, check=True)
    entries = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(e["mission"], e["year"]) for e in entries][:2] == [("Mission Silicon Valley", 2017), ("Mission Israël", 2018)]
    assert all(e["quote"] for e in entries)


def test_participants_of_a_mission_are_counted_not_priced(multi_bot):
    answer = multi_bot.ask("Combien de participants à la mission Israël ?")
    assert "une vingtaine de dirigeants" in answer.text
    assert "euros" not in answer.text


def test_a_detail_about_the_missions_is_no_list_of_them(multi_bot):
    answer = multi_bot.ask("Quel numéro de téléphone faut-il appeler pour s'inscrire aux missions de la CCI ?")
    assert "Missions décrites" not in answer.text
    assert "Missions décrites" in multi_bot.ask("Quelles missions a organisées la CCI ?").text


def test_a_mission_its_article_announces_is_listed_as_still_to_come():
    meta = {"mission": "Mission Silicon Valley", "year": 2026, "source": "sv.txt", "title": "Appel", "chunk": 0}
    call = Document("Du 8 au 13 juin 2026, la mission emmènera vingt dirigeants.", metadata={**meta, "announced": True})
    report = Document("Du 20 au 25 mai dernier, quinze entrepreneurs sont partis.", metadata={**meta, "source": "r.txt"})
    entries = {e.source: e for e in build_catalogue([call, report])}
    assert entries["sv.txt"].announced and not entries["r.txt"].announced
    assert entries["sv.txt"].to_dict()["announced"] is True
