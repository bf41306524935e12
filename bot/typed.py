"""A question as typed in a chat box, tidied: "SALUT @CCI 👋 c’était quand la mission #NewYork ???" ->
"c’était quand la mission New York ?".

Emojis and mentions say nothing to find; a hashtag is the words it glues ("#SiliconValley"); a
question typed in capitals is read in lower case (its capitals would pass for names); a letter
typed three times is one ("combiiien"); "???" and "?!" are one question mark.
"""

from __future__ import annotations

import re
import unicodedata

_KEPT_SYMBOLS = frozenset("€$%+&°")
_DROPPED = ("S", "Cf", "Mn")  # symbols, emojis and what joins or varies them (a word's accents are composed)
_MENTION = re.compile(r"(?<![\w.])@\w+")
_HASHTAG = re.compile(r"#(\w+)")
_GLUED = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z])")  # "NewYork" -> "New York"
_GREETING = re.compile(r"^\s*(?:salut|bonjour|bonsoir|hello|coucou|hey|hi)\b[\s,!.:;-]*(?=\S)", re.I)
_WORD = re.compile(r"\b[A-ZÀ-Ý][\wÀ-ÿ]*")
# Question words and articles: never part of a name ("Est", "The", "AI", "Plus" may be)
_ASKING = frozenset("quel quelle quels quelles qui quoi où quand combien comment pourquoi le la les des du".split())
_REPEATED_LETTER = re.compile(r"([^\W\d_])\1{2,}")
_MARKS = re.compile(r"[?!](?:\s*[?!])+")
_CAPITALS_SHARE = 0.7
_CAPITALS_MIN = 8  # letters: "NY ?" is no shouted question


def tidied(question: str) -> str:
    """`question` without what chat typing adds to it; as it is when it adds nothing."""
    text = unicodedata.normalize("NFC", question)
    text = "".join(c for c in text if c in _KEPT_SYMBOLS or not unicodedata.category(c).startswith(_DROPPED))
    text = _MENTION.sub(" ", text)
    text = _HASHTAG.sub(lambda m: _GLUED.sub(" ", m[1]), text)
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= _CAPITALS_MIN and sum(c.isupper() for c in letters) >= _CAPITALS_SHARE * len(letters):
        text = text.lower()
    else:  # "Qui Est X ?", "Il dirige Quelle Boîte ?": a function word typed in capitals is no name
        text = _WORD.sub(lambda m: m[0].lower() if _mid_sentence(m) and m[0].lower() in _ASKING else m[0], text)
        text = re.sub(r"(?<=\bqui )Est\b", "est", text, flags=re.I)
    text = _REPEATED_LETTER.sub(r"\1", text)
    text = _MARKS.sub(lambda m: "?" if "?" in m[0] else "!", text)
    greeted = _GREETING.match(text)
    if greeted and len(text) - greeted.end() > 10:
        text = text[greeted.end() :]
    text = re.sub(r"\s+", " ", text).strip()
    return question if text == re.sub(r"\s+", " ", question).strip() else text


def _mid_sentence(match: re.Match[str]) -> bool:
    before = match.string[: match.start()].rstrip()
    return len(match[0]) > 1 and bool(before) and before[-1] not in ".?!…:"
