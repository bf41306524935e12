"""Derive an article's title, mission, destination, year and dates from its text.

Plain `.txt` articles carry no front matter: the seed opens with a dateline
("ON EN PARLE - juillet 2017") and a title over one or two lines ("Mission Silicon Valley,"
"le Sud-Ouest met le cap à l'Ouest"). Front-matter fields, when present, win over what is derived.
"""

from __future__ import annotations

import re

from corpus.facts import COUNTRIES, find_country, fold

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
_MONTH = r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)"
MONTH_PATTERN = _MONTH
_YEAR = r"(?:19|20)\d{2}"
DATELINE = re.compile(rf"^(?P<rubric>[^\n]{{0,60}}?)\s*[-–—]\s*(?P<month>{_MONTH})\s+(?P<year>{_YEAR})\s*$", re.I)
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
# "Du 20 au 25 mai dernier", "du 3 au 8 novembre 2019", "le 12 mars 2018", "du dimanche 9 au
# samedi 15 septembre", "(8-12 avril)".
DATE_RANGE = re.compile(
    rf"\b(?:[Dd]u\s+(?:{_WEEKDAY}\s+)?(?P<d1>\d{{1,2}})(?:er)?(?:\s+(?P<m1>{_MONTH}))?\s+au\s+|"
    rf"(?P<h1>\d{{1,2}})(?:er)?\s*[-–]\s*)?(?:{_WEEKDAY}\s+)?(?P<d2>\d{{1,2}})(?:er)?\s+"
    rf"(?P<m2>{_MONTH})(?:\s+(?P<y>{_YEAR}))?",
    re.I,
)
# A capitalised name after "Mission": "Mission Silicon Valley", "mission Israël", "Mission New York".
_NAME_WORD = r"[A-ZÀ-Ý][\w’'\-]*"
MISSION_NAME = re.compile(rf"\b[Mm]ission\s+(?P<dest>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|/|&|–|—|-|de|du|et))*)")
YEAR = re.compile(rf"\b{_YEAR}\b")


def split_lines(text: str) -> list[str]:
    r"""Lines that hold text: "a\n \u00a0\nb" -> ["a", "b"]."""
    return [line.strip() for line in text.splitlines() if line.strip()]


TITLE_MAX_CHARS = 120
# A title may end with a full stop ("Mission Israël : cap atteint."); a longer sentence is text.
_SENTENCE_TITLE_MAX_CHARS = 80
_SENTENCE_END = re.compile(r"[.!?…][»”\")]?$")


def looks_like_title(text: str) -> bool:
    """False for a paragraph of text: "Du 3 au 8 mai, douze entreprises [...] huit incubateurs."."""
    flat = " ".join(text.split())
    if len(flat) > TITLE_MAX_CHARS:
        return False
    return len(flat) <= _SENTENCE_TITLE_MAX_CHARS or not _SENTENCE_END.search(flat)


def derive_title(text: str) -> str:
    """The title: the first lines after an optional dateline, joined while a line ends with ','.

    A Markdown heading marker is dropped ("# Mission Israël" -> "Mission Israël"). An article that
    opens with a paragraph of text has no title line: "" (the loader then uses the file name).
    """
    lines = split_lines(text)
    if lines and DATELINE.match(lines[0]):
        lines = lines[1:]
    if not lines:
        return ""
    title = lines[0].lstrip("#").strip() or lines[0]
    if not looks_like_title(title):
        return ""
    for line in lines[1:3]:
        joined = f"{title} {line}"
        if not title.endswith((",", ":", "–", "-")) or not looks_like_title(joined.rstrip(" ,:")):
            break
        title = joined
    return title.rstrip(" ,:")


def derive_mission(text: str, title: str) -> tuple[str | None, str | None]:
    """("Mission Silicon Valley", "Silicon Valley") from "Mission X" in the title, else from a title
    that opens on a known place ("Hong Kong – Shenzhen, la Chine vue de l'intérieur"), else from
    "Mission X" in the text, else from a title that opens on any name.
    """
    lead = title_place(title)
    named = _named_mission(text)
    named_places = title_places(title)
    if named and named_places and find_country(named, "") not in {find_country(p, "") for p in named_places}:
        named = None  # "Cap sur Tel-Aviv" over a text that recalls "la mission Silicon Valley"
    for dest in (
        _named_mission(title),
        lead if lead and is_known_place(lead) else None,
        named,
        " – ".join(named_places),
        lead,
    ):
        if dest:
            return f"Mission {dest}", dest
    return None, None


def _named_mission(source: str) -> str | None:
    match = MISSION_NAME.search(source)
    if not match:
        return None
    return re.sub(r"\s+(?:de|du|et|/|&|–|—|-)$", "", match["dest"]).strip(" ,.;:»«") or None


# A title's opening names, up to its first comma or colon: "Hong Kong – Shenzhen, la Chine..."
_TITLE_PLACE = re.compile(rf"^(?P<place>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|/|&|–|—|-|et))*)\s*(?:[,:]|$)")


def title_place(title: str) -> str | None:
    """The names a title opens on, before its first comma or colon: "Silicon Valley, deuxième
    édition" -> "Silicon Valley"; None when a lower-case word comes first ("Cap sur Tel-Aviv").
    """
    match = _TITLE_PLACE.match(title.strip())
    if not match:
        return None
    place = re.sub(r"\s+(?:et|/|&|–|—|-)$", "", match["place"]).strip()
    return place if len(place.split()) <= 6 else None


def title_places(title: str) -> list[str]:
    """Known places a title names, as written, towns before their country: "De Berlin à Munich,
    l’Allemagne en deux visages" -> ["Berlin", "Munich"]; "Cap sur l'Allemagne" -> ["Allemagne"].
    """
    folded = fold(title)
    found: list[tuple[int, str, str]] = []  # (position, country, name as written)
    for country, names in COUNTRIES.items():
        for name in (country, *names):
            for match in re.finditer(rf"(?<![\w-]){re.escape(fold(name))}(?![\w-])", folded):
                written = title[match.start() : match.end()] if len(folded) == len(title) else name
                found.append((match.start(), country, written))
    towns = {country for _, country, name in found if fold(name) != fold(country)}
    kept = sorted((pos, name) for pos, country, name in found if country not in towns or fold(name) != fold(country))
    return list(dict.fromkeys(name for _, name in kept))


def is_known_place(name: str) -> bool:
    """A country, or a town or area of one, that corpus.facts knows: "Hong Kong – Shenzhen" -> True."""
    folded = name.lower()
    return any(re.search(rf"\b{re.escape(n)}\b", folded) for names in COUNTRIES.values() for n in names)


def derive_dates(text: str) -> tuple[str | None, int | None]:
    """The mission's dates and year: ("20 au 25 mai 2017", 2017) from the first date range.

    A date without its year takes the dateline's year ("Du 20 au 25 mai dernier" published
    in "juillet 2017"), the year before when its month comes after the dateline's ("du 6 au 10
    décembre dernier" published in "janvier 2022" is December 2021), else the first year named
    in the text.
    """
    lines = split_lines(text)
    dateline = DATELINE.match(lines[0]) if lines else None
    fallback_year = int(dateline["year"]) if dateline else None
    if fallback_year is None:
        years = YEAR.findall(text)
        fallback_year = int(years[0]) if years else None
    body = "\n".join(lines[1:] if dateline else lines)
    match = DATE_RANGE.search(body)
    if not match:
        return None, fallback_year
    year = int(match["y"]) if match["y"] else fallback_year
    if not match["y"] and dateline and year and month_number(match["m2"]) > month_number(dateline["month"]):
        year -= 1
    first = match["d1"] or match["h1"]
    start = f"{first} au " if first else ""
    if match["d1"] and match["m1"]:
        start = f"{match['d1']} {match['m1']} au "
    dates = f"{start}{match['d2']} {match['m2']}" + (f" {year}" if year else "")
    return dates, year


def is_announced(text: str) -> bool:
    """The article announces its mission: the first date range comes after its dateline ("janvier
    2026" / "Du 8 au 13 juin 2026", a call for applications), not before it (a report).
    """
    lines = split_lines(text)
    dateline = DATELINE.match(lines[0]) if lines else None
    match = DATE_RANGE.search("\n".join(lines[1:])) if dateline else None
    if not dateline or not match or not match["y"]:
        return False
    start = (int(match["y"]), month_number(match["m1"] or match["m2"]))
    return start > (int(dateline["year"]), month_number(dateline["month"]))


def month_number(name: str) -> int:
    """1 to 12: "décembre" -> 12, "fevrier" -> 2."""
    return next(i for i, m in enumerate(MONTHS, start=1) if re.fullmatch(_MONTH_RE[i - 1], name, re.I))


def months_in(text: str) -> frozenset[int]:
    """The months `text` names: "du 28 février au 4 mars 2019" -> {2, 3}."""
    return frozenset(month_number(m) for m in re.findall(_MONTH, text, re.I))


_MONTH_RE = [m.replace("é", "[ée]").replace("û", "[ûu]") for m in MONTHS]


def derive_metadata(text: str, meta: dict[str, str]) -> dict[str, str | int | bool | None]:
    """All derived fields, front matter first: {"title", "mission", "destination", "year", "dates", "url",
    "announced"}.
    """
    title = meta.get("title") or derive_title(text)
    mission, destination = derive_mission(text, title)
    if meta.get("destination"):
        destination = meta["destination"]
        mission = meta.get("mission") or f"Mission {destination}"
    elif meta.get("mission"):
        # The text may name another mission: the destination must agree with the one given.
        mission = meta["mission"]
        destination = derive_mission("", mission)[1]
    dates, year = derive_dates(text)
    if meta.get("year") and str(meta["year"]).isdigit():
        year = int(meta["year"])
    return {
        "title": title,
        "mission": mission,
        "destination": destination,
        "year": year,
        "dates": meta.get("date") or dates,
        "url": meta.get("url"),
        "announced": is_announced(text),
    }
