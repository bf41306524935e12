"""index.chunking: chunks are verbatim slices of whole sentences, with stable ids and metadata."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from corpus.article import Article
from corpus.load import load_articles
from corpus.metadata import derive_metadata
from index.chunking import MAX_CHUNK_CHARS, article_metadata, chunk_id, is_attribution, is_heading, split_article
from index.french import split_paragraphs, split_sentences
from tests.conftest import SEED_CORPUS

SEED = load_articles(SEED_CORPUS).articles[0]
LONG_SENTENCE = (
    "Les entrepreneurs " + "ont rencontré des investisseurs, " * 40 + "et sont rentrés ravis."
)
ISRAEL = (
    "ON EN PARLE - juin 2018\n\nMission Israël,\ncap sur la start-up nation\n\n"
    "Du 3 au 8 mai dernier, douze entreprises ont participé à la Mission Israël. Objectif, "
    "innover.\n\n"
    "Des rencontres nombreuses\n\n"
    "Les participants ont visité 8 incubateurs. Ils ont rencontré 2.5 fois plus d’investisseurs "
    "que prévu.\n"
)


def make_article(text: str, id: str = "a.txt", **meta: str) -> Article:
    fields = derive_metadata(text, meta)
    year = fields["year"]
    return Article(
        id=id,
        text=text,
        title=str(fields["title"] or "sans titre"),
        mission=_str(fields["mission"]),
        destination=_str(fields["destination"]),
        year=year if isinstance(year, int) else None,
        dates=_str(fields["dates"]),
        url=_str(fields["url"]),
    )


def _str(value: object) -> str | None:
    return str(value) if value else None


ARTICLES = {
    "seed": SEED,
    "seed_crlf": replace(SEED, text=SEED.text.replace("\n", "\r\n")),
    "seed_x20": make_article(SEED.text * 20),
    "israel": make_article(ISRAEL),
    "long_sentence": make_article(f"Titre\n\n{LONG_SENTENCE}\n\nFin du texte."),
    "no_punctuation": make_article("Titre\n\n" + "des mots sans ponctuation " * 30),
    "emoji": make_article("Titre 🚀\n\nLa mission 🚀 a réussi 👍. Bravo à tous 🎉 !\n"),
    "nbsp": make_article("Titre\n\xa0\n«\xa0Penser plus grand\xa0». Voir plus loin\xa0!\n\xa0\n"),
    "empty": make_article(""),
    "title_only": make_article("ON EN PARLE - juin 2018\n\nMission Israël"),
}


@pytest.fixture(params=list(ARTICLES), scope="module")
def article(request) -> Article:
    return ARTICLES[request.param]


def test_chunk_text_is_the_article_slice(article):
    for chunk in split_article(article):
        meta = chunk.metadata
        assert chunk.page_content == article.text[meta["start"] : meta["end"]]
        assert chunk.page_content == chunk.page_content.strip()


def test_chunks_are_whole_sentences_of_one_paragraph(article):
    """A chunk starts and ends on sentence boundaries of one paragraph: no word or number is cut."""
    text = article.text
    paragraphs = split_paragraphs(text)
    for chunk in split_article(article):
        start, end = chunk.metadata["start"], chunk.metadata["end"]
        inside = [(s, e) for s, e in paragraphs if s <= start and end <= e]
        assert len(inside) == 1, "a chunk never crosses a paragraph"
        sentences = split_sentences(text, *inside[0])
        assert start in {s for s, _ in sentences} and end in {e for _, e in sentences}
        assert not re.match(r"\w", text[end : end + 1]) and not re.match(
            r"\w", text[start - 1 : start] or " "
        )


def test_chunk_size_is_bounded_unless_a_sentence_is_longer(article):
    for chunk in split_article(article):
        if len(chunk.page_content) > MAX_CHUNK_CHARS:
            assert len(split_sentences(chunk.page_content)) == 1


def test_chunks_are_ordered_and_numbered(article):
    chunks = split_article(article)
    assert [c.metadata["chunk"] for c in chunks] == list(range(len(chunks)))
    spans = [(c.metadata["start"], c.metadata["end"]) for c in chunks]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    numbers = [c.metadata["paragraph"] for c in chunks]
    assert numbers == sorted(numbers)
    assert all(b - a in (0, 1) for a, b in zip(numbers, numbers[1:], strict=False))
    assert not numbers or numbers[0] == 1


def test_ids_are_deterministic_and_unique(article):
    first, second = split_article(article), split_article(article)
    assert [c.id for c in first] == [c.id for c in second]
    assert len({c.id for c in first}) == len(first)
    assert all(c.id and re.fullmatch(r"[0-9a-f]{32}", c.id) for c in first)


def test_every_chunk_carries_the_article_metadata(article):
    base = article_metadata(article)
    assert None not in base.values()
    for chunk in split_article(article):
        assert chunk.metadata.items() >= base.items()
        assert chunk.metadata["source"] == article.id


def test_long_text_keeps_the_round_trip():
    article = ARTICLES["seed_x20"]
    chunks = split_article(article)
    assert len(chunks) > 100
    assert all(
        c.page_content == article.text[c.metadata["start"] : c.metadata["end"]] for c in chunks
    )


# --- the seed --------------------------------------------------------------------------------


def test_seed_dateline_title_and_headings_are_not_chunked():
    texts = [c.page_content for c in split_article(SEED)]
    joined = "\n".join(texts)
    assert "ON EN PARLE - juillet 2017" not in joined
    assert "le Sud-Ouest met le cap" not in joined
    assert not any(
        t.startswith(("Mission Silicon Valley", "Des échanges fructueux", "Des objectifs atteints"))
        for t in texts
    )
    assert "PLUS D'ARTICLES" not in joined
    assert texts[0].startswith("Du 20 au 25 mai dernier, une quinzaine d’entrepreneurs")


def test_seed_sections():
    sections = {c.page_content[:30]: c.metadata["section"] for c in split_article(SEED)}
    assert sections["Du 20 au 25 mai dernier, une q"] == ""
    assert sections["Grâce au travail mené en amont"] == "Des échanges fructueux"
    assert sections["Avec 14 rendez-vous en 3 jours"] == "Des objectifs atteints"


def test_seed_body_is_covered():
    """Every sentence of the body (not dateline, title, heading, footer) lands in a chunk."""
    chunks = split_article(SEED)
    covered = "".join(c.page_content for c in chunks)
    for fact in (
        "une quinzaine d’entrepreneurs",
        "40 % du capital-investissement",
        "près de 500 start-ups",
        "Pierre Deniset",
        "14 rendez-vous",
        "2 milliards de $",
        "38 milliards",
        "Hong Kong / Schenzen",
    ):
        assert fact in covered


def test_chunk_ids_follow_text_and_metadata():
    chunks = split_article(SEED)
    changed_url = split_article(replace(SEED, url="https://example.org"))
    assert not {c.id for c in chunks} & {c.id for c in changed_url}
    # Changing the last paragraph changes only the chunks from there on.
    edited = replace(SEED, text=SEED.text.replace("Hong Kong / Schenzen", "Hong Kong / Shenzhen"))
    before, after = [c.id for c in chunks], [c.id for c in split_article(edited)]
    assert before[:-1] == after[:-1] and before[-1] != after[-1]


def test_chunk_id_hashes_text_and_metadata():
    meta = {"source": "a.txt", "start": 0}
    assert chunk_id("Bonjour.", meta) == chunk_id("Bonjour.", dict(reversed(meta.items())))
    assert chunk_id("Bonjour.", meta) != chunk_id("Bonjour !", meta)
    assert chunk_id("Bonjour.", meta) != chunk_id("Bonjour.", {**meta, "start": 1})


def test_small_max_chars_gives_one_sentence_per_chunk():
    article = ARTICLES["israel"]
    chunks = split_article(article, max_chars=10)
    assert [c.page_content for c in chunks] == [
        "Du 3 au 8 mai dernier, douze entreprises ont participé à la Mission Israël.",
        "Objectif, innover.",
        "Les participants ont visité 8 incubateurs.",
        "Ils ont rencontré 2.5 fois plus d’investisseurs que prévu.",
    ]
    assert [c.metadata["section"] for c in chunks] == [
        "",
        "",
        "Des rencontres nombreuses",
        "Des rencontres nombreuses",
    ]
    assert [c.metadata["paragraph"] for c in chunks] == [1, 1, 2, 2]


def test_markdown_heading_is_a_section():
    article = make_article(
        "# Mission Israël\n\n## Le programme\n\nHuit incubateurs visités.", id="i.md"
    )
    [chunk] = split_article(article)
    assert chunk.page_content == "Huit incubateurs visités."
    assert chunk.metadata["section"] == "Le programme"


@pytest.mark.parametrize(
    ("paragraph", "heading"),
    [
        ("Des échanges fructueux", True),
        ("# Le programme", True),
        ("PLUS D'ARTICLES « ON EN PARLE »", True),
        ("Huit incubateurs ont été visités.", False),
        ("- Huit incubateurs visités", False),
        ("• Douze entreprises", False),
        ("1. Le programme", False),
        ("Le bilan :", False),
        # Who said the quote above: a name with a role is content, a place with a comma a heading.
        ("Jérôme Bastide, PDG de l’équipementier castrais Bastide Hydraulique", False),
        ("Hong Kong, porte d’entrée", True),
        ("« Think bigger and look beyond ».", False),
        (
            "Une très longue ligne sans ponctuation finale qui dépasse nettement les "
            "quatre-vingt-dix caractères",
            False,
        ),
    ],
)
def test_is_heading(paragraph, heading):
    assert is_heading(paragraph) is heading


def test_list_items_are_chunked_not_taken_for_headings():
    article = make_article(
        "# Mission Israël\n\nLe bilan :\n\n- Douze entreprises participantes\n- Huit incubateurs "
        "visités\n\nFin du bilan.",
        id="i.md",
    )
    chunks = split_article(article)
    assert "Huit incubateurs visités" in " ".join(c.page_content for c in chunks)
    assert chunks[-1].metadata["section"] in ("", "Mission Israël")


def test_an_article_without_a_title_keeps_its_first_paragraph():
    article = make_article(
        "Du 3 au 8 novembre 2019, douze entreprises ont participé à la Mission Israël. Elles ont "
        "visité huit incubateurs.\n\n"
        "Le bilan est très positif."
    )
    assert "douze entreprises" in " ".join(c.page_content for c in split_article(article))


def test_empty_and_title_only_articles_have_no_chunks():
    assert split_article(ARTICLES["empty"]) == []
    assert split_article(ARTICLES["title_only"]) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Philippe Garrigues, PDG de Garrigues Emballages (Rodez)", True),
        ("Laurence Ribes, directrice générale d'Hydro-Garonne (traitement de l'eau, Agen)", True),
        ("Philippe Garrigues, élu de la CCI chargé de l’international, conduisait la délégation.", False),
        ("Des échanges fructueux", False),
    ],
)
def test_a_line_naming_who_said_a_quote_is_an_attribution(line, expected):
    assert is_attribution(line) is expected


def test_who_said_a_quote_is_a_chunk_whatever_their_trade():
    # No role word ("PDG", "directrice") after the comma: only its place, right after a quote, tells
    # the line from a heading; a heading like it elsewhere stays one.
    who = "Jean-Baptiste Marty, conchyliculteur à Bouzigues et gérant des Coquillages de la Lagune"
    text = (
        "ON EN PARLE - mai 2019\n\nMission Israël,\nde Tel Aviv à Eilat\n\n"
        "Seize entreprises ont participé à la Mission Israël.\n\n"
        "« À Eilat, la ferme Red Sea Aqua élève des dorades en pleine mer. »\n\n"
        f"{who}\n\nJulien Marty, l’éleveur de données\n\nIl a rencontré des éleveurs.\n"
    )
    chunks = split_article(make_article(text))
    assert who in [c.page_content for c in chunks]
    assert chunks[-1].metadata["section"] == "Julien Marty, l’éleveur de données"
    assert is_attribution(who, after_quote=True) and not is_attribution(who)


def test_a_heading_that_gives_a_figure_is_also_a_chunk():
    article = make_article(
        "# Mission Silicon Valley\n\n## Vingt et un rendez-vous en quatre jours\n\nLes fonds ont suivi.", id="sv.md"
    )
    heading, body = split_article(article)
    assert heading.page_content == "Vingt et un rendez-vous en quatre jours"
    assert article.text[heading.metadata["start"] : heading.metadata["end"]] == heading.page_content
    assert body.metadata["section"] == "Vingt et un rendez-vous en quatre jours"


def test_a_heading_with_a_label_and_its_value_is_also_a_chunk():
    article = make_article(
        "# Mission Hong Kong\n\nProchaine étape : le Canada\n\nLes inscriptions ouvriront en janvier.\n\n"
        "Contact : asie@cci-occitanie-missions.fr\n",
        id="hk.md",
    )
    step, body, contact = split_article(article)
    assert step.page_content == "Prochaine étape : le Canada"
    assert body.metadata["section"] == "Prochaine étape : le Canada"  # it still heads what follows
    assert contact.page_content == "Contact : asie@cci-occitanie-missions.fr"


@pytest.mark.parametrize(
    "line",
    [
        "Renseignements par e-mail uniquement : international@missions.fr",  # a hyphen in the label
        "Écrire à international@missions.fr",  # no label: the address alone
        "Programme complet sur www.missions-occitanie.fr",
    ],
)
def test_a_short_line_with_a_contact_address_is_a_chunk(line):
    article = make_article(f"# Mission Israël\n\nLa délégation est rentrée.\n\n{line}", id="il.md")
    assert [c.page_content for c in split_article(article)][-1] == line
