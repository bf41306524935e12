"""corpus.metadata: title, mission, destination, year and dates derived from an article's text."""

from __future__ import annotations

import pytest

from corpus.metadata import (
    DATELINE,
    derive_dates,
    derive_metadata,
    derive_mission,
    derive_title,
    is_announced,
    split_lines,
)
from tests.conftest import SEED_CORPUS

SEED = (SEED_CORPUS / "mission-silicon-valley-2017.txt").read_text(encoding="utf-8")
SEED_TITLE = "Mission Silicon Valley, le Sud-Ouest met le cap à l’Ouest"


def test_seed_metadata():
    fields = derive_metadata(SEED, {})
    assert fields["title"] == SEED_TITLE
    assert fields["mission"] == "Mission Silicon Valley"
    assert fields["destination"] == "Silicon Valley"
    assert fields["year"] == 2017
    assert "20 au 25 mai" in str(fields["dates"])
    assert fields["url"] is None


@pytest.mark.parametrize(
    "text",
    [SEED, SEED.replace("\n", "\r\n"), "\n\n" + SEED + "\n\n", SEED.replace("\n\n", "\n \xa0 \n")],
    ids=["lf", "crlf", "blank-lines-around", "nbsp-blank-lines"],
)
def test_seed_metadata_survives_line_ending_and_blank_line_variants(text):
    fields = derive_metadata(text, {})
    assert (fields["title"], fields["mission"], fields["year"]) == (
        SEED_TITLE,
        "Mission Silicon Valley",
        2017,
    )


@pytest.mark.parametrize(
    "line",
    [
        "ON EN PARLE - juillet 2017",
        "ON EN PARLE – juillet 2017",
        "Actualités — Décembre 2019",
        "Brèves - aout 2018",
    ],
)
def test_dateline_matches(line):
    assert DATELINE.match(line)


@pytest.mark.parametrize(
    "line", ["Mission Silicon Valley,", "Du 20 au 25 mai 2017", "juillet 2017", ""]
)
def test_dateline_does_not_match(line):
    assert not DATELINE.match(line)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "ON EN PARLE - juillet 2017\n\nMission Silicon Valley,\nle Sud-Ouest\n\nTexte.",
            "Mission Silicon Valley, le Sud-Ouest",
        ),
        ("Un titre :\nsuite\n\nTexte.", "Un titre : suite"),
        ("Titre,\nsuite,\nfin,\nencore", "Titre, suite, fin"),  # at most three lines
        ("Titre seul\nSecond paragraphe.", "Titre seul"),
        ("\n\n  Titre  \n", "Titre"),
        ("ON EN PARLE - juillet 2017", ""),
        ("", ""),
        ("😀 Mission 🚀", "😀 Mission 🚀"),
        ("## Mission Israël,\ncap à l'Est\n\nTexte.", "Mission Israël, cap à l'Est"),
        # An opening paragraph of text is no title line: long, or a long sentence.
        ("Du 3 au 8 mai, douze entreprises ont participé à la Mission Israël. " * 2, ""),
        ("Du 3 au 8 mai dernier, douze entreprises régionales sont parties en Mission Israël.", ""),
        ("Mission Israël : objectif atteint.\n\nTexte.", "Mission Israël : objectif atteint."),
    ],
)
def test_derive_title(text, title):
    assert derive_title(text) == title


def test_markdown_heading_marker_is_not_part_of_the_title():
    assert derive_title("# Mission Israël\n\nDouze entreprises sont parties.") == "Mission Israël"


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (SEED_TITLE, "", ("Mission Silicon Valley", "Silicon Valley")),
        (
            "Retour de Tel-Aviv",
            "La mission Israël a réuni douze entreprises.",
            ("Mission Israël", "Israël"),
        ),
        (
            "Cap à l'Est",
            "La Mission Hong Kong / Shenzhen a eu lieu.",
            ("Mission Hong Kong / Shenzhen", "Hong Kong / Shenzhen"),
        ),
        ("Mission New York 2018 : bilan", "", ("Mission New York", "New York")),
        # No "Mission X": a title that opens on a known place names the mission, before the text.
        (
            "Hong Kong – Shenzhen, la Chine vue de l’intérieur",
            "Une mission d’étude. Les participants de la mission Silicon Valley l'avaient souhaité.",
            ("Mission Hong Kong – Shenzhen", "Hong Kong – Shenzhen"),
        ),
        ("Silicon Valley, deuxième édition :", "Un voyage.", ("Mission Silicon Valley", "Silicon Valley")),
        # An unknown name still does, after the text; a lower-case word first does not.
        ("Austin, la ville qui monte", "Un voyage.", ("Mission Austin", "Austin")),
        # Known places anywhere in the title, towns before their country, over a text that recalls
        # a mission elsewhere.
        ("Cap sur Tel-Aviv", "Un voyage.", ("Mission Tel-Aviv", "Tel-Aviv")),
        (
            "De Berlin à Munich,\nl’Allemagne en deux visages",
            "Une mission préparée avec la CCI, après la mission Silicon Valley de 2017.",
            ("Mission Berlin – Munich", "Berlin – Munich"),
        ),
        ("Cap sur l’Allemagne", "Un voyage.", ("Mission Allemagne", "Allemagne")),
        ("Un titre", "Une mission réussie.", (None, None)),
        ("", "", (None, None)),
    ],
)
def test_derive_mission(title, text, expected):
    assert derive_mission(text, title) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SEED, ("20 au 25 mai 2017", 2017)),
        (
            "Un titre\n\nDu 3 au 8 novembre 2019, douze entreprises sont parties.",
            ("3 au 8 novembre 2019", 2019),
        ),
        # An explicit year in the date wins over the dateline's.
        (
            "ON EN PARLE - janvier 2020\n\nTitre\n\nDu 3 au 8 novembre 2019, départ.",
            ("3 au 8 novembre 2019", 2019),
        ),
        ("Un titre\n\nDu 28 février au 3 mars 2020.", ("28 février au 3 mars 2020", 2020)),
        ("Un titre\n\nLe 12 mars 2018 à Paris.", ("12 mars 2018", 2018)),
        # "décembre dernier" in a January issue is December of the year before.
        ("ON EN PARLE - janvier 2022\n\nT\n\nDu 6 au 10 décembre dernier, départ.", ("6 au 10 décembre 2021", 2021)),
        # Weekdays and hyphenated ranges.
        ("ON EN PARLE - octobre 2018\n\nT\n\nDu dimanche 9 au samedi 15 septembre, départ.", ("9 au 15 septembre 2018", 2018)),
        ("ON EN PARLE - mai 2019\n\nT\n\nCinq jours intenses (8-12 avril) pour douze.", ("8 au 12 avril 2019", 2019)),
        # No date: the dateline's year, else none at all.
        ("ON EN PARLE - mars 2018\n\nUn titre\n\nUn texte sans date.", (None, 2018)),
        ("Un titre\n\nUn texte sans date ni année.", (None, None)),
        ("", (None, None)),
    ],
)
def test_derive_dates(text, expected):
    assert derive_dates(text) == expected


def test_no_dateline_and_no_year_gives_none():
    fields = derive_metadata("Un titre\n\nUn texte sans date ni année, emoji 🚀 compris.", {})
    assert fields["year"] is None
    assert fields["dates"] is None
    assert fields["mission"] is None


def test_front_matter_overrides_what_is_derived():
    meta = {
        "title": "Cap sur Tel-Aviv",
        "mission": "Mission Israël",
        "destination": "Israël",
        "year": "2018",
        "date": "du 3 au 8 mai",
        "url": "https://example.org/israel",
    }
    fields = derive_metadata(SEED, meta)
    assert fields == {
        "title": "Cap sur Tel-Aviv",
        "mission": "Mission Israël",
        "destination": "Israël",
        "year": 2018,
        "dates": "du 3 au 8 mai",
        "url": "https://example.org/israel",
        "announced": False,  # derived from the text: the seed reports a mission already made
    }


def test_front_matter_destination_names_the_mission():
    fields = derive_metadata("Un titre\n\nTexte.", {"destination": "New York"})
    assert (fields["mission"], fields["destination"]) == ("Mission New York", "New York")


def test_front_matter_year_that_is_not_a_number_is_ignored():
    assert derive_metadata(SEED, {"year": "deux mille"})["year"] == 2017


def test_front_matter_mission_without_destination_does_not_keep_another_missions_destination():
    text = "Retour sur Tel-Aviv\n\nComme lors de la Mission Silicon Valley, douze entreprises."
    fields = derive_metadata(text, {"mission": "Mission Israël"})
    assert fields["mission"] == "Mission Israël"
    assert fields["destination"] in ("Israël", None)


@pytest.mark.parametrize(
    ("text", "lines"),
    [("a\n \u00a0\nb", ["a", "b"]), ("a\r\nb\r\n", ["a", "b"]), ("", []), ("  \n\t", [])],
)
def test_split_lines(text, lines):
    assert split_lines(text) == lines


def test_a_mission_name_joined_by_a_dash():
    assert derive_mission("", "Mission Hong Kong – Shenzhen, au cœur de l’atelier") == (
        "Mission Hong Kong – Shenzhen",
        "Hong Kong – Shenzhen",
    )


def test_an_article_dated_before_its_mission_announces_it():
    call = "ON EN PARLE - janvier 2026\n\nMission Silicon Valley 2026\n\nDu 8 au 13 juin 2026, la mission emmènera vingt dirigeants.\n"
    report = "ON EN PARLE - juillet 2017\n\nMission Silicon Valley\n\nDu 20 au 25 mai dernier, une quinzaine d’entrepreneurs sont partis.\n"
    assert is_announced(call) and derive_metadata(call, {})["announced"]
    assert not is_announced(report)
