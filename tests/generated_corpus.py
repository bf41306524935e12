"""Generate a corpus of made-up mission articles, shaped like the real ones, for sync tests and benchmarks.

Deterministic for a given seed: the same call writes the same bytes, so the expected chunks can be
computed from the files. Each article has a dateline, a title naming its mission and year, and
paragraphs of French sentences with numbers and names; `paragraphs` sets its length.
"""

from __future__ import annotations

import random
from pathlib import Path

DESTINATIONS = [
    "Israël", "Silicon Valley", "New York", "Montréal", "Shanghai", "Singapour", "Dubaï", "Berlin",
    "Londres", "Tokyo", "Séoul", "Boston", "Casablanca", "Dakar", "Barcelone", "Milan", "Stockholm",
    "Austin", "Mumbai", "São Paulo",
]  # fmt: skip
SECTORS = ["cybersécurité", "agritech", "santé", "aéronautique", "logistique", "énergie", "fintech", "tourisme"]
NAMES = ["Claire Martin", "Yael Ben-Ami", "Paul Girard", "Inès Moreau", "Karim Haddad", "Sofia Rossi", "Jean Dupuis"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "septembre", "octobre", "novembre"]
SENTENCES = [
    "Du {d} au {d2} {month} {year}, {n} dirigeants d'Occitanie ont participé à la mission {dest}.",
    "La délégation a rencontré {m} entreprises du secteur {sector} en {days} jours.",
    "{name}, directrice d'un accélérateur local, accompagne {m} start-ups depuis {year2}.",
    "Le programme comprenait l'hébergement, les transports et une participation de {price} euros par personne.",
    "Les participants ont visité {k} incubateurs et signé {k2} accords de partenariat.",
    "Objectif : identifier des partenaires technologiques pour les entreprises régionales du secteur {sector}.",
    "Selon {name}, le marché local pèse {m} millions d'euros et progresse de {k} % par an.",
    "La mission était co-organisée par la CCI Occitanie et l'agence de développement économique AD'OCC.",
]


def article_text(rng: random.Random, number: int, paragraphs: int) -> str:
    """One article: dateline, title, then `paragraphs` paragraphs of two to four sentences."""
    dest = DESTINATIONS[number % len(DESTINATIONS)]
    year = 2010 + number % 15
    month = rng.choice(MONTHS)
    lines = [f"ON EN PARLE - {month} {year}", "", f"Mission {dest} {year}, compte rendu numéro {number}", ""]
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            d = rng.randint(1, 20)
            sentences.append(
                rng.choice(SENTENCES).format(
                    d=d, d2=d + rng.randint(2, 6), month=month, year=year, year2=year - rng.randint(1, 9),
                    n=rng.randint(8, 40), dest=dest, m=rng.randint(10, 900), sector=rng.choice(SECTORS),
                    days=rng.randint(3, 8), name=rng.choice(NAMES), price=rng.randint(20, 60) * 100,
                    k=rng.randint(2, 12), k2=rng.randint(1, 6),
                )
            )  # fmt: skip
        lines += [" ".join(sentences), ""]
    return "\n".join(lines)


def write_generated_corpus(folder: Path, count: int, paragraphs: int = 6, seed: int = 0) -> list[Path]:
    """Write `count` articles into `folder` (mission-0000.txt, ...) and return their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"mission-{number:04d}.txt"
        path.write_text(article_text(rng, number, paragraphs), encoding="utf-8")
        paths.append(path)
    return paths
