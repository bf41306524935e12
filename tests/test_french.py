"""index.french: folding, terms and stems, and paragraph/sentence spans that round-trip the text."""

from __future__ import annotations

import pytest

from index.french import fold, is_stopword, split_paragraphs, split_sentences, stem, terms, words
from tests.conftest import SEED_CORPUS

SEED = (SEED_CORPUS / "mission-silicon-valley-2017.txt").read_text(encoding="utf-8")

# Odd inputs for the round-trip invariants, in the spirit of minbpe's test file.
ODD_TEXTS = {
    "empty": "",
    "blank": "  \n\n \xa0 \n\t\n",
    "emoji": "😀 Mission 🚀 réussie ! Bravo 👍.\n\nÀ bientôt 🎉",
    "no_punctuation": "un texte sans aucune ponctuation qui continue encore et encore sans fin",
    "nbsp": "«\xa0Think bigger\xa0». Penser plus grand\xa0! Oui.\n\xa0\nFin du texte.",
    "crlf": "Titre\r\n\r\nDu 20 au 25 mai. Objectif, échanger.\r\nSuite ici.\r\n",
    "abbreviations": "M. Dupont arrive, etc. et repart. Le prix est 2.5 M€. Capital ici.",
    "hard_wrap": "a b\nc d.\nE f.",
    "tabs": "\tUn\tdeux.\tTrois.\t",
    "one_char": "x",
    "punctuation_only": "... ! ? …",
    "seed": SEED,
    "long": SEED * 20,
}


def non_space(text: str) -> str:
    return "".join(text.split())


def assert_exact_cover(
    text: str, spans: list[tuple[int, int]], lo: int = 0, hi: int | None = None
) -> None:
    """Spans are stripped, in order, disjoint, inside [lo, hi], and leave only white space out."""
    hi = len(text) if hi is None else hi
    cursor = lo
    for start, end in spans:
        assert cursor <= start < end <= hi, (cursor, start, end)
        piece = text[start:end]
        assert piece == piece.strip(), repr(piece)
        assert not text[cursor:start].strip(), f"lost {text[cursor:start]!r}"
        cursor = end
    assert not text[cursor:hi].strip(), f"lost {text[cursor:hi]!r}"
    # The round trip: the spans' non-space characters are the text's, once each, in order.
    assert "".join(non_space(text[s:e]) for s, e in spans) == non_space(text[lo:hi])


# --- fold, words, terms, stem -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Écosystème Œuvre", "ecosysteme oeuvre"),
        ("ÇA VA", "ca va"),
        ("Israël", "israel"),
        ("Ægis", "aegis"),
        ("l’État", "l’etat"),
        ("", ""),
        ("😀 ok", "😀 ok"),
        ("2,5 M€", "2,5 m€"),
    ],
)
def test_fold_lowers_and_drops_accents(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("name", ODD_TEXTS)
def test_fold_is_idempotent_and_accent_free(name):
    once = fold(ODD_TEXTS[name])
    assert fold(once) == once
    assert not any(c in once for c in "éèêàâçùûôîïëœÉÈÀÇ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L’État d'Occitanie", ["état", "occitanie"]),
        ("qu’il vienne", ["il", "vienne"]),
        ("jusqu'à Lorsqu’il", ["à", "il"]),
        ("start-ups", ["start", "ups"]),
        ("2.5 millions et 1.000 euros", ["2.5", "millions", "et", "1.000", "euros"]),
        ("😀 👍", []),
        ("", []),
    ],
)
def test_words_drop_elisions_and_keep_numbers_whole(text, expected):
    assert words(text) == expected


def test_terms_of_a_question():
    assert terms("Combien d'entrepreneurs ont participé ?") == ["entrepreneur", "particip"]


@pytest.mark.parametrize(
    "variants",
    [
        ("héberge", "heberge", "HÉBERGE"),
        ("l’Occitanie", "l'Occitanie", "Occitanie"),
        ("start-ups", "start up", "start-up"),
        ("Israël", "israel", "ISRAËL"),
        ("cœur", "coeur"),
    ],
)
def test_terms_meet_across_accents_case_elisions_and_hyphens(variants):
    first = terms(variants[0])
    assert first, "the variants must index to something"
    assert all(terms(v) == first for v in variants[1:])


def test_terms_keep_numbers_and_drop_stop_words():
    assert terms("14 rendez-vous en 3 jours") == ["14", "rend", "3", "jour"]
    assert terms("Quand est-ce que le la les où ?") == []
    assert terms("") == terms("😀") == []


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [
        ("entrepreneurs", "entrepreneur"),
        ("organisée", "organis"),
        ("héberge", "heberg"),
        ("californien", "californien"),
    ],
)
def test_stem(word, stemmed):
    assert stem(word) == stemmed


def test_stems_are_folded():
    for word in words(SEED):
        assert stem(word) == fold(stem(word))


@pytest.mark.parametrize(
    ("word", "stop"),
    [
        ("où", True),
        ("ou", True),
        ("été", True),
        ("combien", True),
        ("incubateur", False),
        ("californie", False),
    ],
)
def test_is_stopword(word, stop):
    assert is_stopword(word) is stop


# --- paragraphs ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ODD_TEXTS)
def test_paragraph_spans_cover_the_text_exactly_once(name):
    text = ODD_TEXTS[name]
    assert_exact_cover(text, split_paragraphs(text))


def test_paragraphs_join_hard_wrapped_lines_only():
    assert split_paragraphs("a b\nc d.\nE f.") == [(0, 8), (9, 13)]


@pytest.mark.parametrize("blank", ["\n\n", "\n \n", "\n\xa0\n", "\n \xa0 \n"])
def test_a_blank_line_ends_a_paragraph_even_before_lower_case(blank):
    text = f"Un titre{blank}une suite en minuscules."
    assert [text[s:e] for s, e in split_paragraphs(text)] == [
        "Un titre",
        "une suite en minuscules.",
    ]


@pytest.mark.parametrize("blank", ["\r\n\r\n", "\n\t\n"], ids=["crlf", "tab"])
def test_a_blank_line_with_cr_or_tab_ends_a_paragraph(blank):
    text = f"Un titre{blank}une suite en minuscules."
    assert [text[s:e] for s, e in split_paragraphs(text)] == [
        "Un titre",
        "une suite en minuscules.",
    ]


def test_seed_paragraphs():
    paragraphs = [SEED[s:e] for s, e in split_paragraphs(SEED)]
    assert paragraphs[0] == "ON EN PARLE - juillet 2017"
    # The title is hard-wrapped after a comma, and its second line starts in lower case.
    assert paragraphs[1] == "Mission Silicon Valley,\nle Sud-Ouest met le cap à l’Ouest"
    assert "Des échanges fructueux" in paragraphs
    assert paragraphs[-1] == "PLUS D'ARTICLES « ON EN PARLE »"


# --- sentences -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ODD_TEXTS)
def test_sentence_spans_cover_the_text_exactly_once(name):
    text = ODD_TEXTS[name]
    assert_exact_cover(text, split_sentences(text))


@pytest.mark.parametrize("name", ["seed", "nbsp", "crlf", "emoji", "abbreviations"])
def test_sentence_spans_of_each_paragraph_stay_inside_it(name):
    text = ODD_TEXTS[name]
    for start, end in split_paragraphs(text):
        assert_exact_cover(text, split_sentences(text, start, end), start, end)


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Nous avons rencontré M. Dupont et Mme Martin à Paris.",
        "Ils ont vu Uber, PayPal, etc. Et bien d'autres encore.",
        "Le ratio est passé de 2.5 à 3.7 en un an.",
        "Voir p. 12 du rapport annuel.",
        "Le livre de J. Dupont est paru.",
        "Il est 10 h. ensuite il repart.",  # lower case after the dot: not a new sentence
        "« Think bigger and look beyond » disent-ils.",
    ],
)
def test_does_not_split_inside_a_sentence(text):
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Du 20 au 25 mai. Capital ici.", ["Du 20 au 25 mai.", "Capital ici."]),
        (
            "Nous avons vu M. Dupont. Il dirige Criteo.",
            ["Nous avons vu M. Dupont.", "Il dirige Criteo."],
        ),
        (
            "Une question ? Oui. Vraiment ! Bien… Ensuite.",
            ["Une question ?", "Oui.", "Vraiment !", "Bien…", "Ensuite."],
        ),
        ("Fondée en 2012. 2017 fut record.", ["Fondée en 2012.", "2017 fut record."]),
        (
            "«\xa0Think bigger\xa0». Penser plus grand.",
            ["«\xa0Think bigger\xa0».", "Penser plus grand."],
        ),
        ('Il a dit "oui." Puis il part.', ['Il a dit "oui."', "Puis il part."]),
        ("Fin.\r\nDébut ici.", ["Fin.", "Début ici."]),
        ("Écrit à Paris. À Toulouse ensuite.", ["Écrit à Paris.", "À Toulouse ensuite."]),
        # A quote opening with a space after « ("Pourquoi New York ? « C'était...").
        ("Pourquoi New York ? «\xa0C’était la plus demandée.", ["Pourquoi New York ?", "«\xa0C’était la plus demandée."]),
        # A quote closing after its full stop, with French spacing, ends the sentence with it.
        ("des investisseurs.\xa0» Qu’est-ce qui a changé ?", ["des investisseurs.\xa0»", "Qu’est-ce qui a changé ?"]),
    ],
)
def test_splits_at_a_sentence_end_before_a_capital_or_digit(text, expected):
    assert sentences(text) == expected


def test_split_sentences_docstring_example():
    assert split_sentences("Du 20 au 25 mai. Objectif, échanger.") == [(0, 16), (17, 36)]


def test_split_sentences_of_a_slice_uses_absolute_offsets():
    text = "Avant. Du 20 au 25 mai. Objectif, échanger. Après."
    start = text.index("Du")
    end = text.index(" Après")
    spans = split_sentences(text, start, end)
    assert [text[s:e] for s, e in spans] == ["Du 20 au 25 mai.", "Objectif, échanger."]


def test_a_long_text_of_many_abbreviations_keeps_its_sentences_whole():
    """Only the end of the pending text tells an abbreviation, however long the text before it."""
    run = "Nous avons vu M. Dupont et M. Durand, etc. Puis " * 500
    assert sentences(run) == [run.strip()]
    sentence = "Mme Martin a vu M. Dupont, Dr. House, J. Doe, etc. Puis elle a rejoint IBM."
    text = " ".join([sentence] * 500)
    assert sentences(text) == [sentence] * 500
    # A long word ending in a capital is no initial: the sentence still ends there.
    assert sentences("Elle cite ABCDEFGHIJKLMNOPQRSTUVWXYZ. Puis part.") == [
        "Elle cite ABCDEFGHIJKLMNOPQRSTUVWXYZ.",
        "Puis part.",
    ]


def test_r_and_d_is_one_word():
    assert "rd" in terms("le directeur de la R&D") and "rd" in terms("directeur R & D")


def test_what_a_price_leaves_out_is_one_word():
    assert terms("Non compris : les repas")[0] == terms("hors billets d’avion")[0] == terms("non inclus")[0]


def test_what_a_price_includes_is_one_word_apart_from_understanding():
    assert "inclus" in terms("Compris : vols et hôtel") and "inclus" in terms("le visa était-il inclus ?")
    assert "inclus" in terms("Tarif : 3 900 € par participant, comprenant les vols")
    assert "inclus" not in terms("pour comprendre le marché")
    assert "inclus" not in terms("vols non compris")  # left out: "noncompris"


def test_a_day_of_the_programme_is_numbered():
    # "le quatrième jour" in an article, "Jour 4" in a heading, "le 4e jour" in a question: one day
    assert terms("Le quatrième jour, à Haïfa")[:2] == terms("la quatrième journée")[:2] == terms("Jour 4")
    assert terms("le second jour") == terms("jour 2")
