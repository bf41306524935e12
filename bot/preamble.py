"""What the asker says of himself around the question: "Je dirige une PME de drones à Albi, combien
de rendez-vous ... ?" asks about the rendez-vous; Albi, drones and the PME are no words to find.

A part of the question (a sentence, or a clause between commas, colons or semicolons) that opens on
the asker ("je", "j'ai", "jsuis", "ma société", "on est", "I run", "my company", "PME agro à Albi
ici") and holds no question word is set aside, as long as what remains still asks something.
"""

from __future__ import annotations

import re

from index.french import fold

# Where a part ends: a sentence's end, a colon, a semicolon, a comma (each followed by a space).
_PART_END = re.compile(r"(?<=[.!?…])\s+|\s*[:;,]\s+")
# The words a part about the asker opens on, after an "et", "bonjour" or "moi": folded, first word.
_SELF_OPENERS = frozenset(
    "je j jsuis chui jai i im my we were our on nous ma mon mes notre nos perso".split()
)
_LEAD_INS = frozenset("et bonjour salut hello hi bon alors bref moi so well".split())
_ABOUT_ME = re.compile(r"^j[bcdfghjklmnpqrstvwxz]\w{2,}$")  # "jdirige", "jfabrique", "jbosse"
_HERE = frozenset({"ici", "here"})  # "pme agro a albi ici": the asker, where he is
# Question words, chat forms and English ones, and requests: a part holding one asks something.
_ASKING = frozenset(
    "combien cb quand qd ou où qui ki quel quelle quels quelles lequel laquelle lesquels lesquelles pourquoi pk pq "
    "comment cmt quoi koi est-ce how what who whom which when where why whose stp svp please".split()
)
_REQUEST = re.compile(
    r"\b(?:voudrais|aimerais|souhaite|souhaiterais|veux)\s+(?:savoir|conna[iî]tre|avoir|le|la|les|l'|un|une|des|du)\b"
    r"|\bme\s+demande\b|\b(?:peux|pouvez|pourriez|pourrais)[- ](?:tu|vous)\b|\bdis[- ]moi\b|\bdites[- ]moi\b"
)
# A supposition about the asker: "Si j'avais participé à la mission à New York, combien… ?", "Imaginons que
# j'y sois allé en 2017 : …", "If I had joined the trip, …": the mission it names is the one asked about.
_SUPPOSING = frozenset("si s imaginons imaginez imagine supposons supposez suppose admettons mettons disons if".split())
_MISSION_WORDS = frozenset("mission missions mision voyage delegation edition sejour".split())
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|\d+")


def _words(part: str) -> list[str]:
    return _WORD.findall(fold(part).replace("’", "'"))


def _asks(part: str) -> bool:
    found = _words(part)
    return "?" in part or any(w in _ASKING for w in found) or bool(_REQUEST.search(" ".join(found)))


def _about_asker(part: str) -> bool:
    found = _words(part)
    while found and found[0] in _LEAD_INS:
        found = found[1:]
    if not found:
        return False
    if found[0] in _SUPPOSING and len(found) > 1:  # "Si j'avais participé…", "Imaginons que j'y sois allé…"
        found = found[2:] if found[1] in ("que", "qu") else found[1:]
        if not found:
            return False
        return found[0] in _SELF_OPENERS or found[0].startswith(("j'", "qu'")) or found[0] in ("j'y", "y")
    opener = found[0]
    return (
        opener in _SELF_OPENERS or opener.startswith("j'") or bool(_ABOUT_ME.match(opener)) or found[-1] in _HERE
    )


def split(question: str) -> tuple[str, str]:
    """The question without the parts about the asker, and those parts ("" when there are none).

    "Je dirige une PME à Albi. Combien coûtait la mission ?" -> ("Combien coûtait la mission ?",
    "Je dirige une PME à Albi."); a question with nothing left to ask once they are set aside stays whole.
    """
    cuts = list(_PART_END.finditer(question))
    bounds = [0, *(i for m in cuts for i in (m.start(), m.end())), len(question)]
    parts = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    ends_sentence = [not m.group().strip() for m in cuts] + [True]  # a sentence's end is cut on its spaces only
    aside, about_me = [], False
    for (a, b), end in zip(parts, ends_sentence, strict=True):
        part = question[a:b]
        if part.strip() and not _asks(part):
            # "Je fabrique des pompes à Castres, comme un des participants.": the rest of his sentence
            carried = about_me and not _MISSION_WORDS & set(_words(part))  # "…, et pour la mission NY, combien"
            about_me = _about_asker(part) or carried
            if about_me:
                aside.append((a, b))
        else:
            about_me = False
        about_me = about_me and not end
    if not aside:
        return question, ""
    kept, dropped, last = [], [], 0
    for a, b in aside:
        kept.append(question[last:a])
        dropped.append(question[a:b])
        last = b
    kept.append(question[last:])
    rest = "".join(kept)
    rest = re.sub(r"^[\s.,:;!…]+", "", rest)
    rest = re.sub(r"\s*([,:;])(?:\s*[,:;.])+", r"\1", rest)  # "Et pour la mission X, : combien": one mark
    if not _asks(rest) or not _words(rest):
        return question, ""
    return rest[:1].upper() + rest[1:] if question[:1].isupper() else rest, " ".join(d.strip() for d in dropped)
