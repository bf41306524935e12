"""The default answerer: quote the sentences that answer, cite them, or say it does not know.

No LLM, so it cannot invent: the answer text is made of verbatim sentences from the retrieved
passages, each followed by its marker [n]. A sentence answers when it covers the question's
focus words (weighted by rarity) and holds the kind of answer expected (a number next to the
asked-for noun for "combien", a date for "quand"...). Otherwise the bot refuses and names the
closest articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache

from langchain_core.documents import Document

from bot import evidence, french_model, lexicon
from bot.answer import Answer, Citation, Passage
from bot.lexicon import stem_in, term_in
from bot.position import states_position
from bot.question import Analysis, done_to_the_group, place_names, proper_nouns
from corpus.facts import DISTRICTS, FIGURE, ROLE_TITLES, STATES, place_name, tells_participants, told_earlier
from corpus.metadata import YEAR
from index.chunking import ends_quote, heads_interview, is_attribution
from index.french import fold, number_days, split_sentences, stem, terms, words
from index.lexical import LexicalIndex

COVERAGE_THRESHOLD = 0.55
HEAD_WEIGHT = 2.0
SAME_ARTICLE_RATIO = 0.9
MAX_MISSIONS = 5  # a question naming no mission may get one answer per mission
REFUSAL = "Je ne trouve pas la réponse à cette question dans les articles des missions."
VAGUE = "Précisez votre question : une mission, une personne, un chiffre, une date ?"
# A sentence that leans on the one before: "ont adopté cette devise", "Ils ont...".
# Also after an opening apposition: "Albigeois installé à Shenzhen, il a fondé Sinoproto".
# So does a sentence that opens on a role of someone just named: "[...] la rencontre avec Thomas
# Bénazet. Le PDG d'Aérodis, [...]"; and one that quotes them: "« Il m'a fallu dix-huit mois »".
# And one about the two just named ("Les deux entreprises ont convenu d'un test").
# And one whose subject is a company or a place named just before ("Fondée à Montpellier en 2015
# par Mathilde Ferrand, la start-up [...]"), unless a name follows ("La société Lumio").
_GENERIC = (
    r"(?:start-?up|jeune\s+pousse|soci[ée]t[ée]|entreprise|PME|firme|fonds|incubateur|acc[ée]l[ée]rateur|"
    r"cabinet|groupe|agence|association|filiale|usine|structure|ville|capitale|pays)\b(?!(?-i:\s+[A-ZÀ-Ý]))"
)
_ANAPHORA = re.compile(
    r"^[«“\"\s]*(?:[^,.]{1,100},\s*(?=(?:il|elle|ils|elles|ce|cet|cette|ces|sa|son|ses|la|le|l['’])\b))?"
    # (not an impersonal "il": "Il y a quelques années", "Il faut être prêt")
    r"(?:il\b(?!\s+(?:y\s+a|y\s+avait|faut|fallait|s['’]agit|suffit)\b)|"
    r"(?:elle|ils|elles|ce|cet|cette|cela|ces|celui|celle|sa|son|ses|leur|leurs|de ce fait|pour cela)\b|c['’]|"
    rf"(?:le|la|l['’])\s*(?:{ROLE_TITLES}\b|{_GENERIC})|les\s+deux\b)",
    re.I,
)
# A count whose noun is the one before, as "en": "La ville en compte aujourd'hui 17 millions", "La
# Région en a financé 40 %".
_ELIDED_COUNT = re.compile(
    r"\ben\s+(?:\w+\s+)?(?:compt|emploi|accueill|regroup|r[ée]un|rassembl|h[ée]berg|recens|revendiqu|"
    r"financ|subventionn|rembours|couvr|pris|prend|assum)\w*"
    rf"[^.]{{0,40}}?(?:{FIGURE})",
    re.I,
)
_COUNTRY_FIGURE = re.compile(
    r"\b(?:pays|territoire|[ée]tat|nation)\s+(?:de|d['’]|qui\s+compte|comptant)\s*[^;:]{0,30}?\bhabitants\b", re.I
)
LEAD_IN_WORDS = 4  # a sentence this short only announces the next one
_FIGURES = ("quantity", "money", "duration")  # answers that are a figure
CONTEXT_CREDIT = 0.5  # a focus word found only in the sentence's passage counts half
# A focus word that the sentence's whole article never uses is more likely a paraphrase ("choisi",
# "contacter") than the crux, which the head noun carries: it weighs less, and a verb nothing.
ABSENT_WEIGHT = 0.7


# A statement ending on the question it raises: "Chez X, fondé par Y, les participants ont abordé une
# question très concrète : comment protéger ses données ?" (six words at least before the colon).
_RAISES_QUESTION = re.compile(r"^(?:\S+\s+){6,}[^:]*\s:\s[^:]*\?$")


_ORDINAL_STEMS = frozenset(stem(w) for w in lexicon.ORDINALS)
_FIRST_PERSON = re.compile(r"\bj['’]|\b(?:je|nous)\b", re.I)
_LABEL_LINE = re.compile(r"^\s*[^\s:]+(?:\s+[^\s:]+){0,3}\s*:\s")  # "Formalités : ...", "Coût de la mission : ..."
_DAY_ASKED = re.compile(r"\bjour\s+(\d+)\b", re.I)
_NEXT_EDITION = re.compile(rf"\b(?:prochaine?s?|nouvelles?|nouvel|nouveau|autres?)\s+{lexicon.MISSION_NOUNS}", re.I)
_ABOUT_A_MISSION = re.compile(rf"\b{lexicon.MISSION_NOUNS}|\bprochaine?s?\b", re.I)


def asks_question(sentence: str) -> bool:
    """The sentence is a question (or a heading asking one), not a statement ending on one."""
    return sentence.endswith("?") and not _RAISES_QUESTION.match(sentence)


_SPEECH_TAG_PRONOUN = re.compile(r"\b(?:il|elle|ils|elles)\b", re.I)
_NAME_IN = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-ZÀ-Ý][a-zà-ÿ]+(?:[\s-][A-ZÀ-Ý][a-zà-ÿ]+)+")


def inline_quote(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span telling who said the sentence `text[start:end]`, when it is part of a quote inside a
    paragraph: from the quote's first sentence, or the one before it when the speech tag is a pronoun
    ("reçue par Noa Ben-Haim [...]. « Chez nous, l'échec [...] », a-t-elle expliqué."), to the end of
    the tag ("», souligne Laure Verdier."); None when the quote names no one around it.
    """
    opening = text.rfind("«", 0, end)
    closing = text.find("»", opening) if opening >= 0 else -1
    if closing < 0 or closing < start:
        return None
    spans = split_sentences(text)
    first = next((i for i, (s, e) in enumerate(spans) if s <= opening < e), None)
    last = next((i for i, (s, e) in enumerate(spans) if s <= closing < e), None)
    if first is None or last is None:
        return None
    tag = text[closing + 1 : spans[last][1]]
    if not re.search(r"\w", tag):
        return None  # the quote ends its sentence: who said it is told on a line of its own, if anywhere
    if _NAME_IN.search(tag) or _NAME_IN.search(text[spans[first][0] : opening]):
        return spans[first][0], spans[last][1]  # "», souligne Laure Verdier"; "Laure Verdier explique : «"
    if _SPEECH_TAG_PRONOUN.search(tag) and first > 0 and _NAME_IN.search(text[slice(*spans[first - 1])]):
        return spans[first - 1][0], spans[last][1]
    return None


def leans_back(sentence: str) -> bool:
    """The sentence needs the one before to be understood: it points back ("Il", "Ce Français",
    "Le PDG d'Aérodis") or counts the noun before ("en compte 17 millions").
    """
    return bool(_ANAPHORA.match(sentence) or _ELIDED_COUNT.search(sentence))


@dataclass
class Candidate:
    """A sentence of a retrieved passage, scored against the question."""

    passage: Passage
    rank: int
    start: int
    end: int
    coverage: float
    holds_answer: bool
    names_noun: bool = False
    head_related: bool = False  # the sentence holds a word close to the head noun, not the noun
    precision: float = 0.0
    bag: frozenset[str] = frozenset()
    speaker: Document | None = None  # the line naming who said the quote the sentence is in
    label_only: bool = False  # the sentence only names who said a quote: the quote says more
    elsewhen: bool = False  # the sentence's figure or date is told of another year than asked
    echo: float = 0.0  # share of the question's other words (not focus) that the sentence holds
    elsewhere: bool = False  # about another town of the mission than the one asked ("la ville en compte")
    replies: bool = False  # after a question the article asks, the one the user asks too
    borrowed: bool = False  # covered only with the chunk before's last sentence, which its quote cannot show
    unnamed: bool = False  # tells the asked-for class only unnamed ("un fonds spécialisé dans la deeptech")

    @property
    def score(self) -> float:
        """Coverage first; the expected kind of answer, the asked-for noun and the retrieval
        rank break ties.
        """
        return (
            self.coverage
            + 0.25 * self.holds_answer
            + 0.2 * self.names_noun
            + 0.2 * self.precision
            + 0.15 / (1 + self.rank)
            - 0.3 * self.label_only
            - 0.2 * self.elsewhen
            + 0.1 * self.echo
            + 0.3 * self.replies
            - 0.25 * self.borrowed
        )


class ExtractiveAnswerer:
    """Pick, quote and cite the sentences that answer; refuse when none does."""

    def __init__(
        self,
        lexical: LexicalIndex,
        max_citations: int = 3,
        neighbour: Callable[[Document, int], Document | None] | None = None,
        article_terms: Callable[[str], set[str]] | None = None,
    ) -> None:
        self.lexical = lexical
        self.article_terms = article_terms
        self.max_citations = max_citations
        self.neighbour = neighbour

    def answer(self, question: str, passages: list[Passage], analysis: Analysis) -> Answer:
        """Quote the best sentences of `passages`, or refuse with the closest articles as leads."""
        if not passages:
            return Answer(question, REFUSAL, abstained=True)
        if not analysis.focus and not analysis.expects and not analysis.future and analysis.position is None:
            if not (analysis.missions or analysis.years):
                return Answer(question, VAGUE, abstained=True, leads=_leads(passages))
            return self._compose(question, [self._opening(passages)])
        passages = self._with_quotes(passages)
        weighed = self._candidates(passages, analysis)
        candidates = [c for c in weighed if self._answers(c, analysis)]
        # "Quel est le fonds deeptech rencontré ?": the article's "un fonds spécialisé dans la deeptech" is the
        # one asked about, and it is unnamed; another fund, named but without what sets it apart, is not it
        # ("La délégation a été reçue par le fonds X" still answers "Quels fonds ont-ils rencontrés ?")
        unnamed = [c for c in weighed if c.unnamed and not c.elsewhere]
        candidates = [c for c in candidates if not any(_sets_apart(u, c, analysis) for u in unnamed)]
        if not candidates:
            return Answer(question, REFUSAL + _leads_sentence(passages), abstained=True, leads=_leads(passages))
        candidates.sort(key=lambda c: -c.score)
        best = candidates[0]
        chosen = [best]
        for other in candidates[1:]:
            if len(chosen) >= max(self.max_citations, MAX_MISSIONS):
                break
            if not any(_overlaps(other, c) for c in chosen) and _worth_adding(other, chosen, analysis):
                chosen.append(other)
        if len({_label(c.passage.document.metadata) for c in chosen}) == 1:
            chosen = chosen[: self.max_citations]
        return self._compose(question, _with_speakers(chosen), analysis)

    def _candidates(self, passages: list[Passage], analysis: Analysis) -> list[Candidate]:
        out = []
        question_words = {fold(w) for w in words(lexicon.rewrite(analysis.question))}
        surface = question_surface(analysis)
        head_word = surface.get(analysis.head) if analysis.head else None
        # "Pourquoi la CCI a-t-elle choisi le Québec comme destination ?": no word left to find, but
        # "Une destination choisie à dessein" still echoes the question best.
        others = set(analysis.terms) - set(analysis.focus)
        tied = len(analysis.names) >= 2 and _BETWEEN.search(analysis.question) is not None
        ranked, names = evidence.rank_asked(lexicon.rewrite(analysis.question)), set(analysis.names)
        who_came = _counts_who_came(analysis)
        done_to = done_to_the_group(lexicon.rewrite(analysis.question)) if analysis.kind == "qui" else None
        next_asked = bool(_NEXT_EDITION.search(lexicon.rewrite(analysis.question)))
        # What a count asks of them besides coming: "ont ouvert un bureau" ({"ouvert", "bureau"}).
        counts_some = set() if who_came or analysis.expects != "quantity" else set(analysis.focus) - {analysis.head}
        counts_some = counts_some - set(analysis.names)  # "la délégation partie à Manhattan": a place, no deed
        if analysis.head is not None and analysis.head not in evidence.people_stems() | evidence.FIRM_STEMS:
            counts_some = set()  # "Combien de villes ont-ils visitées ?" counts towns, not who did something
        for rank, passage in enumerate(passages):
            doc = passage.document
            base = int(doc.metadata.get("start", 0))
            speaker = self._speaker(doc)
            said_by = passage_terms(speaker.page_content) if speaker else frozenset()
            if not said_by:  # "J'ai signé...", "Une semaine." in "Trois questions à X": X said it
                said_by = passage_terms(self._interviewee(doc))
            if speaker is None and (analysis.kind == "qui" or analysis.expects in ("person", "entity")):
                # "Associé du fonds X, il a reçu la délégation": who "il" is, the interview's heading says
                interview = self._interview(doc)
                leans = _FIRST_PERSON.search(doc.page_content) or leans_back(doc.page_content)
                speaker = interview if interview is not None and leans else None
            # "Philippe Garrigues, PDG de ..." under a quote answers who said it, or which company they
            # run, not what was said, why or how: for those the quote says more.
            what_is = analysis.kind == "quel" and analysis.expects is None  # "c'est quoi Lumio Santé ?"
            label_only = (analysis.kind in ("autre", "pourquoi", "comment") or what_is) and self._signs(doc)
            # A bare heading ("Jour 4 – jeudi 15 novembre") tells what a section is about, not what
            # happened in it: for a question with no answer type, its first sentence says more.
            section = str(doc.metadata.get("section") or "").strip()
            # (a label with its value, "Tarif réduit : 3 900 €", is no bare heading)
            bare = doc.page_content.strip() == section and not _LABEL_LINE.match(section)
            label_only = label_only or (analysis.expects is None and bare)
            # The section heading qualifies its paragraphs ("Prochaine étape : le Canada").
            headed = passage_terms(str(doc.metadata.get("section") or ""))
            context = passage_terms(doc.page_content) | said_by | headed
            # "Portrait : Élodie Marcoux, ...": the person a heading names is what its paragraphs are about
            portrayed = headed & set(analysis.names)
            context = context | _towns_of(context)  # "le quartier de SoMa": San Francisco
            told_at = context  # the places the passage names, not its article's title
            if doc.metadata.get("mission") in analysis.missions:  # "la délégation partie à Manhattan": the title
                context = context | passage_terms(str(doc.metadata.get("title", ""))) | set(analysis.own_places)
            article = self.article_terms(str(doc.metadata.get("source", ""))) if self.article_terms else context
            last = self._last_before(doc)  # the chunk before's last sentence: a line may lean on it
            previous = passage_terms(last)  # "Le coût : 3 950 euros." "La Région en a financé 40 %."
            before = ""  # the previous sentence's text
            asks = last if asks_question(last) else ""  # a question asked before ("Pourquoi Israël ?")
            replying = False
            # Right under its heading, a paragraph's first sentence is read with it ("Jour 4 – jeudi
            # 15 novembre" / "Journée de rencontres B2B..."), as the reply to a question is.
            heading = passage_terms(last) if last and last == section and not asks else frozenset()
            for s, e, bag in sentence_terms(doc.page_content):
                sentence = doc.page_content[s:e]
                if asks_question(sentence):  # a question, a heading that asks one: never an answer
                    previous, asks, before, replying = bag, sentence, sentence, False
                    continue
                echoes = bool(asks) and analysis.kind in fold(asks).split()[:1]
                # The first sentence after a question the article asks ("Pourquoi la cybersécurité et
                # l'eau ?" "Parce que...") answers it: it is scored with the question's words.
                asked = passage_terms(asks) if asks else heading
                if asks:  # "Quel conseil donneriez-vous ?" "Venir avec un premier client": the reply holds its noun
                    bag = bag | asked
                heading = frozenset()
                # When the user asks that very question ("Pourquoi New York ?"), the paragraph after it
                # is the answer: its sentences go first, the best of them by the other scores.
                if asked:
                    replying = echoes and all(term_in(t, set(analysis.terms)) for t in asked)
                asks = ""
                sentence_words = words(sentence)
                organising = [t for t in analysis.focus if t.startswith("organis")]
                if analysis.kind == "qui" and organising and _CCI_STAFF.search(sentence):
                    bag = bag | set(organising)  # the CCI's "chargée de mission" organised it
                if analysis.kind == "qui" and _done_by(sentence, analysis.head):
                    bag = bag | {str(analysis.head)}  # "Fondée en 2014 par Dana Halevi": its founder
                if tied and analysis.head and all(term_in(n, bag) for n in analysis.names):
                    bag = bag | {analysis.head}  # "le projet de Vitisense avec AquaRoot": the two, together
                if analysis.expects == "money":  # "3 500 euros, hors billets d'avion": no price of the flights
                    bag = bag - _excluded_terms(sentence)
                # "De ce fait, ils ont exprimé...": quoted with the sentence before, so scored with it.
                leans = leans_back(sentence)
                own = (bag | previous if leans else bag) | said_by | asked | portrayed  # a quote, with who said it
                if analysis.head in evidence.people_stems() and tells_participants(sentence):
                    own = own | {analysis.head}  # "la CCI a emmené neuf entreprises": the participants
                quoted = f"{before} {sentence}" if leans and before else sentence  # as _with_context quotes it
                # "Ces rencontres ont permis..." opening a chunk leans on the chunk before, which its quote cannot show
                alone = (own - previous) | bag if leans and not before else own
                previous, before = bag, sentence
                # "le premier rendez-vous": the sentence (or its heading) must give the thing that rank
                placed = analysis.position is not None and states_position(f"{sentence} {section}", analysis.position)
                coverage = self._coverage(own, context, analysis, article, placed)
                borrowed = alone != own and coverage > self._coverage(alone, context, analysis, article, placed)
                if speaker is not None and (analysis.kind == "qui" or analysis.expects in ("person", "entity")):
                    quoted = f"{quoted} {speaker.page_content}"  # who said it is the answer
                span = (s, e)
                if speaker is None and analysis.kind == "qui" and (inline := inline_quote(doc.page_content, s, e)):
                    span = inline  # "« ... une ligne du CV. [...] », a-t-elle expliqué.": with who said it
                    quoted = doc.page_content[span[0] : span[1]]
                # Asked about a town, the country's figure in its sentence is no answer ("Tel-Aviv,
                # Haïfa et Jérusalem [...] un pays de 9,7 millions d'habitants").
                checked = _COUNTRY_FIGURE.sub(" ", quoted) if analysis.stop else quoted
                if counts_some and tells_participants(sentence) and not any(term_in(f, bag) for f in counts_some):
                    checked = ""  # "Combien ont ouvert un bureau ?": not "10 entreprises [...] s'envolaient"
                people = analysis.expects == "quantity" and analysis.head in evidence.people_stems()
                if people and evidence.capacity_only(checked, question_words):
                    checked = ""  # "Combien de personnes se sont inscrites ?": "limitée à 20 participants" is none
                if analysis.expects == "quantity" and not _of_nationality(analysis, bag):
                    checked = ""  # "Combien de start-up françaises ?": "220 start-up" are not all French
                total_asked = analysis.expects == "quantity" and _ASKS_TOTAL.search(analysis.question)
                if total_asked and _PER_PERIOD.search(sentence):
                    checked = ""  # "combien au total depuis sa création ?": "une quarantaine chaque année" is a rate
                if analysis.expects in _FIGURES + ("date",) and _pending_only(sentence, bag, analysis):
                    checked = ""  # "combien de contrats signés ?": "quatre contrats en négociation" are none
                if analysis.expects in _FIGURES:  # "la deuxième, de 12 millions" for the first; "Criteo (2 Md$)"
                    checked = evidence.others_figures(checked, ranked[0] if ranked else None, names)
                    if ranked and evidence.ranks_another(checked, *ranked):
                        checked = ""  # "une première levée de fonds de 1,5 million" for the second one
                holds = evidence.check(analysis.expects, checked, analysis.head, question_words, head_word)
                unnamed = analysis.expects in ("entity", "person") and analysis.kind in ("quel", "qui")
                # "Quel fonds… ?": "un fonds de capital-risque local" names none
                unnamed = unnamed and evidence.unnamed(checked, analysis.head or analysis.noun, question_words)
                holds = holds and not unnamed
                if analysis.kind == "quel" and analysis.noun == evidence.HOTEL_STEM:  # "hôtel à Palo Alto" names none
                    holds = holds and evidence.names_hotel(checked)
                if analysis.expects == "money" and not analysis.focus and evidence.asks_cost(question_words):
                    holds = holds and evidence.mission_price(checked)  # the mission's price, not a rent told in it
                if analysis.expects == "reason" and _LABEL_LINE.match(sentence):
                    holds = holds and bool(evidence.strength("reason", sentence))  # "Formalités : …" gives none
                head_related = bool(head_word) and french_model.related(str(head_word), sentence_words)
                # A sentence quoted with the one before has its noun there too ("une start-up [...]. Les deux...")
                noun = bool(analysis.noun) and (term_in(str(analysis.noun), own if leans else bag) or head_related)
                one_day = analysis.noun == lexicon.DAY_HEAD
                # "Jeudi : face aux investisseurs"; "Quand a eu lieu la journée commerce ?": "Le mercredi était
                # consacré au commerce"
                of_the_programme = analysis.kind == "quand" and bool(set(analysis.focus) - _ORDINAL_STEMS)
                if analysis.expects == "date" and (one_day or of_the_programme):
                    holds = holds or evidence.names_weekday(checked)
                precision = 1.0 if echoes else evidence.strength(analysis.expects, sentence, analysis.head, one_day)
                if analysis.expects == "date" and not analysis.focus and not one_day:
                    precision *= 2  # "Quand la mission X a-t-elle eu lieu ?": its span of days, not a day of it
                to_town = _TO_TOWN.search(analysis.question) if analysis.expects == "transport" else None
                if to_town:  # "passée de Hong Kong à Shenzhen": the way there, not "retour à Hong Kong en ferry"
                    precision = 1.0 if set(terms(to_town[1])) <= bag else 0.0
                if analysis.expects == "transport" and evidence.priced_line(sentence):
                    precision = 0.0  # "Tarif : …, train Hong Kong – Shenzhen compris" says what was paid for
                if analysis.expects == "money" and _REDUCED.search(sentence) and not _REDUCED.search(analysis.question):
                    precision *= 0.5  # "Tarif réduit : 3 900 €" for members: the price is the other line
                if analysis.expects == "money" and _prices_another_thing(sentence, analysis):
                    precision = 0.0  # "Visa chinois : environ 130 € par personne" is no price of the mission
                if analysis.expects == "quantity" and _one_town_of(analysis.towns, bag):
                    precision = 0.0  # "Les 8 rendez-vous restants se sont tenus à Boston": a part of the whole
                if who_came:  # "quatorze chefs d'entreprise [...] ont participé", not "cinq participants ont pitché"
                    whole = tells_participants(sentence) and not evidence.tells_a_difference(sentence)
                    precision = 1.0 if whole else 0.0  # "six participants de plus" is no count of them
                if analysis.expects == "quantity" and evidence.counts_firms_heads(sentence, analysis.head):
                    precision = 0.0  # "dix-neuf entreprises" beats "vingt-deux chefs d'entreprise"
                if analysis.kind == "qui" and analysis.expects == "contact":
                    precision = evidence.strength("person", sentence)  # "qui est le contact ?": a name first
                if analysis.kind == "qui" and _names_agent(sentence, analysis.focus, analysis.terms):
                    precision = 1.0  # "Qui organisait X ?": "organisée par la CCI Occitanie"
                if done_to and _does_to(sentence, *done_to):
                    precision = 1.0  # "qui accompagnait la délégation ?": "X, qui accompagnait la délégation"
                # Whom to ask about it needs no plan; nor does an article announcing the mission asked about.
                if analysis.future and analysis.expects != "contact" and not doc.metadata.get("announced"):
                    # (unless the question gives a year: "la mission prévue en 2020 a-t-elle été décalée ?";
                    # the article's own, "la prochaine après celle de 2018", says which mission, no more)
                    other_year = {int(y) for y in YEAR.findall(analysis.question)} - {doc.metadata.get("year")}
                    earlier = not other_year and _before_its_mission(sentence, doc)
                    ahead = evidence.looks_ahead(sentence) and not earlier
                    # "les dates de la prochaine mission": not a participant's plan ("ouvrir un bureau courant 2024")
                    ahead = ahead and not (next_asked and not _ABOUT_A_MISSION.search(sentence))
                    holds = holds and ahead
                    precision = float(evidence.next_mission(sentence))  # a next mission beats a precise date
                out.append(
                    Candidate(
                        passage, rank, base + span[0], base + span[1], coverage, holds, noun, head_related, precision,
                        bag, speaker, label_only, _elsewhen(sentence, doc, analysis), _share(others, own),
                        _elsewhere(own, told_at, analysis, sentence), replying, borrowed, unnamed,
                    )
                )
        return out

    def _speaker(self, doc: Document) -> Document | None:
        """The chunk naming who said the quote `doc` is part of ("Jérôme Bastide, PDG de ..."): the
        paragraph right after `doc`'s, when it is a name with a role. A boxed quote may have no
        quotation marks nor "je" ("Les entreprises allemandes cherchent des partenaires fiables"),
        and a long one is cut in chunks: any chunk of the paragraph gets the speaker.
        """
        if not self.neighbour:
            return None
        last, after = doc, self.neighbour(doc, 1)
        while after is not None and after.metadata.get("paragraph") == doc.metadata.get("paragraph"):
            last, after = after, self.neighbour(after, 1)
        signs = after is not None and is_attribution(after.page_content, ends_quote(last.page_content))
        return after if signs else None

    def _with_quotes(self, passages: list[Passage]) -> list[Passage]:
        """The passages, each line naming who said a quote followed by the quote's last chunk when
        it was not retrieved: a question about what someone said often matches only their name;
        each question the article asks, and each bare heading ("Jour 2 – Brooklyn"), followed by the
        chunk that answers it.
        """
        out = list(passages)
        held = {p.document.id for p in passages}
        for passage in passages:
            doc = passage.document
            before = self.neighbour(doc, -1) if self._signs(doc) else None
            # A question the article asks ("Pourquoi avoir choisi Israël ?") is answered by the paragraph after it.
            heading = doc.page_content.strip() == str(doc.metadata.get("section") or "").strip()
            asks = self.neighbour and (doc.page_content.rstrip().endswith("?") or heading)
            after = self.neighbour(passage.document, 1) if asks else None
            for other in (before, after):
                if other is not None and other.id not in held:
                    held.add(other.id)
                    out.insert(out.index(passage) + 1, Passage(other, passage.score))
        return out

    def _interview(self, doc: Document, reach: int = 10) -> Document | None:
        """The heading of the interview `doc` is part of ("Trois questions à Sandrine Aubéry, fondatrice
        de Cybelis"), within `reach` chunks of its section before it, or None.
        """
        before = doc
        for _ in range(reach):
            before = self.neighbour(before, -1) if self.neighbour else None
            if before is None or before.metadata.get("section") != doc.metadata.get("section"):
                return None
            if heads_interview(before.page_content):
                return before
        return None

    def _interviewee(self, doc: Document) -> str:
        """Who answers the interview `doc` is part of: its heading, and the line that introduces them
        after it ("Fondatrice de Kowloon Sourcing Partners, elle accompagne…"); "" out of an interview.
        """
        heading = self._interview(doc)
        if heading is None:
            return ""
        intro = self.neighbour(heading, 1) if self.neighbour else None
        introduces = intro is not None and not intro.page_content.rstrip().endswith("?")
        return f"{heading.page_content} {intro.page_content}" if introduces and intro else heading.page_content

    def _signs(self, doc: Document) -> bool:
        """`doc` is the line naming who said the quote just before it."""
        before = self.neighbour(doc, -1) if self.neighbour else None
        speaker = self._speaker(before) if before is not None else None
        return speaker is not None and speaker.id == doc.id

    def _asked_before(self, doc: Document) -> str:
        """The question the article asks right before `doc`'s paragraph (an interview's "Et Haïfa ?"), or ""."""
        first = doc
        while self.neighbour and (prev := self.neighbour(first, -1)) is not None:
            if prev.metadata.get("paragraph") != doc.metadata.get("paragraph"):
                break
            first = prev
        last = self._last_before(first)
        return last if asks_question(last) else ""

    def _last_before(self, doc: Document) -> str:
        """The last sentence of the chunk before `doc` in its article, or ""."""
        prev = self.neighbour(doc, -1) if self.neighbour else None
        if prev is None:
            return ""
        spans = split_sentences(prev.page_content)
        return prev.page_content[spans[-1][0] : spans[-1][1]] if spans else ""

    def _coverage(
        self,
        bag: frozenset[str],
        context: frozenset[str],
        analysis: Analysis,
        article: Collection[str] = (),
        placed: bool = False,
    ) -> float:
        """Share of the focus words' weight that the sentence holds (its passage, half): 0 to 1.

        A rank asked ("le premier rendez-vous") is the crux: it weighs as the question's weightiest word
        made head, found when `placed` (the sentence gives the thing that rank).
        """
        if not analysis.focus and analysis.position is None:
            return 1.0
        total = found = 0.0
        heaviest = 1.0
        for term in analysis.focus:
            weight = self.lexical.idf(term) * (HEAD_WEIGHT if term == analysis.head else 1.0)
            heaviest = max(heaviest, weight)
            if term != analysis.head and article and not term_in(term, article):
                if term in analysis.verbs and analysis.expects != "date":
                    continue  # "explorer" for "découvrir": a verb the article never uses is a paraphrase
                # ...but for "quand", the verb is the event asked about ("Jusqu'à quand s'inscrire ?")
                # What the head noun is of, told by no article nor any synonym, is the crux ("la recette du cassoulet").
                of_head = _complement_of_head(analysis.question, analysis.head, tuple(analysis.names))
                crux = term == of_head and not self._told_somewhere(term)
                weight *= HEAD_WEIGHT if crux else ABSENT_WEIGHT
            total += weight
            if term_in(term, bag):
                found += weight
            elif term_in(term, context):
                found += CONTEXT_CREDIT * weight
        if analysis.position is not None:
            total += HEAD_WEIGHT * heaviest
            found += HEAD_WEIGHT * heaviest if placed else 0.0
        return found / total if total else 1.0  # only paraphrased verbs: nothing left to find

    def _told_somewhere(self, term: str) -> bool:
        """Some article of the corpus uses the term, or one of its synonyms."""
        known = self.lexical.doc_freq
        return term in known or any(s in known for s in lexicon.synonyms().get(term, ()))

    def _answers(self, candidate: Candidate, analysis: Analysis) -> bool:
        if not candidate.holds_answer or candidate.coverage < COVERAGE_THRESHOLD or candidate.elsewhere:
            return False
        # A "qui" head is a role to name; "chiffre d'affaires" must be named, both words.
        money_head = analysis.noun in lexicon.required_money_heads()
        required = not analysis.expects or analysis.kind == "qui" or money_head
        # "Comment s'appelle l'avocat rencontré ?": a narrow class is named with its noun ("l'avocat X")
        required = required or (analysis.expects == "entity" and analysis.head in lexicon.narrow_classes())
        head = analysis.head or (analysis.noun if money_head else None)
        if head and required and not (term_in(head, candidate.bag) or candidate.head_related):
            return False
        if analysis.kind == "qui" and analysis.expects == "role" and not analysis.focus:
            # "Qui conduisait la délégation ?": nothing else to find, the lead must be told ("Conduite par X"),
            # not any role ("X, associée du fonds Y"; "MedBridge, dirigé par Z" leads no delegation)
            led = [t for t in analysis.terms if t in _ROLE_VERB_STEMS]
            if led and not any(term_in(t, candidate.bag) for t in led) and not _LEADS.search(_text(candidate)):
                return False
        if analysis.kind == "qui" and head and _only_deputy(_text(candidate), head):
            if not _only_deputy(analysis.question, head):  # unless the deputy is what is asked for
                return False  # a vice-president is not the president asked for
        if analysis.kind == "qui" and head and _holds_another(_text(candidate), analysis.question, head):
            return False  # "présidente du cluster X" is not the "président de la CCI" asked for
        # "Les chiffres lui donnent raison" is no "chiffre d'affaires" ("CA", its synonym, is).
        if money_head and stem_in(str(analysis.noun), candidate.bag):
            if not all(term_in(c, candidate.bag) for c in analysis.companions):
                return False
        # A name the question gives (a person, a company) must be in the passage, or name who said it.
        known = passage_terms(candidate.passage.document.page_content)
        known = known | joined_names(candidate.passage.document.page_content)  # "polestar" for "Pole Star"
        if self._opens_leaning(candidate):  # "Ce Montpelliérain a fondé...": named at the chunk before's end
            known = known | passage_terms(self._last_before(candidate.passage.document))
        meta = candidate.passage.document.metadata
        known = known | passage_terms(str(meta.get("section") or ""))  # "Portrait : Élodie Marcoux"
        known = known | _towns_of(known)  # "le quartier de SoMa" is in San Francisco
        if meta.get("mission") in analysis.missions:  # "la délégation partie à Manhattan": its title says so
            known = known | passage_terms(str(meta.get("title", "")))
        if candidate.speaker is not None:
            known = known | passage_terms(candidate.speaker.page_content)
        else:  # in an interview, what is said is the interviewee's
            known = known | passage_terms(self._interviewee(candidate.passage.document))
        # The question the article asks before the paragraph names its subject: "Et Haïfa ?" "Nous avons visité..."
        known = known | passage_terms(self._asked_before(candidate.passage.document))
        if self.article_terms and not self._names_its_own(analysis, str(meta.get("source", ""))):
            return False
        day = _DAY_ASKED.search(lexicon.rewrite(analysis.question))  # "le jour 2": under "Jour 2 – Brooklyn"
        told = number_days(f"{_text(candidate)} {meta.get('section') or ''}")  # "Le quatrième jour, …"
        if day and not re.search(rf"\bjour\s+{day[1]}\b", told, re.I):
            return False
        if not analysis.names:
            return True
        if analysis.expects in _FIGURES and not self._names_whom_counted(candidate, analysis):
            return False  # "le contrat que Kinetec négocie": not Lumioc's, told beside it
        # Beyond the names, what the question says of them must be told there too: "l'accord de
        # coopération que prépare Kikar Labs" is not "Kikar Labs accueille la délégation".
        said = [t for t in analysis.focus if t not in analysis.names and t != analysis.head and t not in analysis.verbs]
        said = [t for t in said if t not in _ORDINAL_STEMS]  # "d'après l'article le plus récent"
        paraphrased = analysis.kind in ("pourquoi", "comment")  # a reason is told in other words
        if len(said) >= 2 and not paraphrased and not any(term_in(t, known) for t in said):
            return False
        # One of the names, whole: "kerem labs" is not "East River Lab" ("schenzen" is Shenzhen)
        return any(all(term_in(n, known) for n in name) for name in _whole_names(analysis))

    def _names_whom_counted(self, candidate: Candidate, analysis: Analysis) -> bool:
        """A figure is told of the company or person the question names in its own sentence (or in
        the one it leans on, the quote's signature, the section's heading); a place may be told around it.
        """
        text = _text(candidate)
        if candidate.speaker is not None or leans_back(text) or self._opens_leaning(candidate):
            return True
        if _FIRST_PERSON.search(text) or _POINTS_BACK.search(text):  # "notre levée", "cette épicerie fine"
            return True
        asked = lexicon.rewrite(analysis.question)  # "Bay Area": "baie de San Francisco"
        places = {t for p in place_names(asked) for t in terms(p)}
        places |= {t for w in words(asked) if place_name(w) for t in terms(w)}
        firms = [name for name in _whole_names(analysis) if not set(name) & places]
        section = passage_terms(str(candidate.passage.document.metadata.get("section") or ""))
        return not firms or any(term_in(n, candidate.bag | section) for name in firms for n in name)

    def _opens_leaning(self, candidate: Candidate) -> bool:
        """The candidate is its chunk's first sentence and points back ("Il", "Ce Montpelliérain")."""
        doc = candidate.passage.document
        first = next(iter(split_sentences(doc.page_content)), None)
        at_start = first is not None and candidate.start == int(doc.metadata.get("start", 0)) + first[0]
        return at_start and leans_back(_text(candidate))

    def _names_its_own(self, analysis: Analysis, source: str) -> bool:
        """No name the question writes capitalised belongs to another article only: "l'accélérateur
        Bayside Forge" (told of in the 2023 article) is not answered from one that names "Hudson Forge".
        """
        assert self.article_terms is not None
        article = self.article_terms(source)
        written = {t for w in proper_nouns(analysis.question) for t in terms(w)} & set(analysis.names)
        return all(term_in(n, article) for n in written if n in self.lexical.doc_freq)

    def _opening(self, passages: list[Passage]) -> Candidate:
        """The first sentence of the best passage's article (a question naming only a mission)."""
        doc = passages[0].document
        first = doc
        while self.neighbour and (prev := self.neighbour(first, -1)) is not None:
            first = prev
        s, e = split_sentences(first.page_content)[0]
        base = int(first.metadata.get("start", 0))
        return Candidate(Passage(first, passages[0].score), 0, base + s, base + e, 1.0, True)

    def _compose(self, question: str, chosen: list[Candidate], analysis: Analysis | None = None) -> Answer:
        citations: list[Citation] = []
        parts: list[str] = []
        last_label = None
        given: list[tuple[str, int, int]] = []
        for cand in chosen:
            start, end, quote = _with_context(cand, analysis)
            meta = cand.passage.document.metadata
            source = str(meta.get("source", ""))
            if any(source == s and a <= start and end <= b for s, a, b in given):
                continue  # two sentences of one quotation: it is given once, whole
            given.append((source, start, end))
            n = len(citations) + 1
            label = _label(meta)
            prefix = f"{label} — " if label != last_label else ""
            last_label = label
            parts.append(f"{prefix}{quote} [{n}]")
            citations.append(
                Citation(
                    n=n,
                    source=source,
                    title=str(meta.get("title", "")),
                    mission=meta.get("mission"),
                    quote=quote,
                    url=meta.get("url"),
                    year=meta.get("year"),
                    paragraph=meta.get("paragraph"),
                    start=start,
                    end=end,
                )
            )
        return Answer(question, "\n".join(parts), citations)


@lru_cache(maxsize=8192)
def sentence_terms(passage: str) -> tuple[tuple[int, int, frozenset[str]], ...]:
    """Each sentence's span in the passage and its index terms, computed once per passage."""
    return tuple((s, e, frozenset(terms(passage[s:e]))) for s, e in split_sentences(passage))


@lru_cache(maxsize=8192)
def passage_terms(passage: str) -> frozenset[str]:
    """Index terms of a whole passage."""
    return frozenset(terms(passage))


_NAME_PAIR = re.compile(r"\b(?=([A-ZÀ-Ý][a-zà-ÿ]+)\s+([A-ZÀ-Ý][a-zà-ÿ]+)\b)")


@lru_cache(maxsize=8192)
def joined_names(passage: str) -> frozenset[str]:
    """Two-word names written as one, as a question may type them: "Pole Star" -> "polestar"."""
    return frozenset(stem((m[1] + m[2]).lower()) for m in _NAME_PAIR.finditer(passage))


def question_surface(analysis: Analysis) -> dict[str, str]:
    """Each focus term's word as the question wrote it ("chercheur" -> "chercheur")."""
    out: dict[str, str] = {}
    for word in words(lexicon.rewrite(analysis.question)):
        out.setdefault(stem(word), word)
    return out


def _text(candidate: Candidate) -> str:
    doc = candidate.passage.document
    base = int(doc.metadata.get("start", 0))
    return doc.page_content[candidate.start - base : candidate.end - base]


def _whole_names(analysis: Analysis) -> list[list[str]]:
    """The question's names, the words of one name together: "Kerem Labs" -> [["kerem", "lab"]]."""
    out: list[list[str]] = []
    last = -2
    for i, word in enumerate(words(analysis.question)):
        found = [t for t in terms(word) if t in analysis.names]
        if not found:
            continue
        if i == last + 1 and out:
            out[-1].extend(found)
        else:
            out.append(found)
        last = i
    seen = {t for name in out for t in name}
    return out + [[n] for n in analysis.names if n not in seen]


def _of_nationality(analysis: Analysis, bag: Collection[str]) -> bool:
    """The sentence says the nationality the question counts, or it is the named mission's own."""
    wanted = analysis.qualifier
    if not wanted or wanted in analysis.own_places or term_in(wanted, bag):
        return True
    return any(stem_in(place, bag) for place in lexicon.demonym_places(wanted))


def _with_context(candidate: Candidate, analysis: Analysis | None) -> tuple[int, int, str]:
    """The quote and its span: one sentence earlier when this one leans on it ("cette devise"); one
    sentence further for a "pourquoi" answered by a claim that states no reason, when its paragraph
    goes on ("Hong Kong reste la meilleure porte d'entrée." "Le droit, la banque : tout y est plus simple."),
    and for a lead-in of a few words ("« Préparer le voyage." "Chaque participant a eu trois réunions...").
    What someone is quoted saying, above the line naming them, is quoted whole.
    """
    doc = candidate.passage.document
    base = int(doc.metadata.get("start", 0))
    if candidate.speaker is not None:
        return base, base + len(doc.page_content), doc.page_content
    start, quote = _with_previous(candidate, analysis)
    end = candidate.end
    # A lead-in of a few words ("« Préparer le voyage.") says how only with what follows it.
    lead_in = bool(analysis) and analysis.expects in (None, "reason") and len(words(quote)) <= LEAD_IN_WORDS
    if analysis and (lead_in or (analysis.kind == "pourquoi" and candidate.precision == 0.0)):
        spans = split_sentences(doc.page_content)
        for s, e in spans:
            if base + s >= candidate.end and not doc.page_content[s:e].endswith("?"):
                end = base + e
                quote = doc.page_content[start - base : e]
                break
    return start, end, quote


def _with_previous(candidate: Candidate, analysis: Analysis | None) -> tuple[int, str]:
    """The quote, starting one sentence earlier when this one leans on it ("cette devise")."""
    doc = candidate.passage.document
    base = int(doc.metadata.get("start", 0))
    sentence = _text(candidate)
    leans = leans_back(sentence)
    if analysis and not leans:  # "cette devise", or "La devise, affichée [...]" opening the sentence
        for match in re.finditer(r"(?:\b(?:cette|cet|ce|ces)|^(?:le|la|les))\s+(\w+)", sentence, re.I):
            if any(evidence.stem_in(t, {match.group(1).lower()}) or t in terms(match.group(1)) for t in analysis.focus):
                leans = True
    if leans:
        spans = split_sentences(doc.page_content)
        for i, (s, _) in enumerate(spans):
            if base + s == candidate.start and i > 0:
                start = base + spans[i - 1][0]
                return start, doc.page_content[start - base : candidate.end - base]
    return candidate.start, sentence


def _with_speakers(chosen: list[Candidate]) -> list[Candidate]:
    """The chosen sentences, each quote followed by the line naming who said it, cited once."""
    out: list[Candidate] = []
    for cand in chosen:
        out.append(cand)
        speaker = cand.speaker
        if speaker is not None and not any(_cites(c, speaker) for c in [*out, *chosen]):
            start = int(speaker.metadata.get("start", 0))
            end = start + len(speaker.page_content)
            out.append(Candidate(Passage(speaker, cand.passage.score), cand.rank, start, end, cand.coverage, True))
    return out


def _cites(candidate: Candidate, doc: Document) -> bool:
    meta = doc.metadata
    start = int(meta.get("start", 0))
    same = candidate.passage.document.metadata.get("source") == meta.get("source")
    return same and candidate.start < start + len(doc.page_content) and start < candidate.end


@lru_cache(maxsize=1024)
def _complement_of_head(question: str, head: str | None, names: tuple[str, ...]) -> str | None:
    """The term of the word the head noun is of ("cassoulet" in "la recette du cassoulet"), if French;
    once per question, not per sentence weighed.
    """
    if not head:
        return None
    tokens = words(fold(lexicon.rewrite(question)).lower())
    for word, link, noun in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if stem(word) == head and link in ("de", "du", "des", "d"):
            found = terms(noun)  # a French word ("cassoulet"), not a name typed in lower case ("polestar")
            known = found and found[0] not in names and french_model.vector(noun) is not None
            return found[0] if known else None
    return None


_DEPUTY = re.compile(r"\b(vice-|vice\s)?([^\W\d_]+)", re.I)


def _only_deputy(sentence: str, head: str) -> bool:
    """The sentence names the asked-for role only as a deputy: "vice-président" for "président"."""
    found = [bool(m.group(1)) for m in _DEPUTY.finditer(sentence) if stem(m.group(2).lower()) == head]
    return bool(found) and all(found)


@lru_cache(maxsize=64)
def _role_of(head: str) -> re.Pattern[str]:
    """The asked-for role and the first words of whose it is: "présidente du (cluster Occitanie)"."""
    return re.compile(
        rf"\b{re.escape(head)}\w*\s+(?:de\s+la\s+|du\s+|de\s+l['’]\s*|des\s+|de\s+|d['’]\s*)((?:[\w'’-]+\s*){{1,5}})"
    )


def _holds_another(sentence: str, question: str, head: str) -> bool:
    """The sentence gives the asked-for role of another body than the question's: ("présidente du
    cluster Occitanie Data Valley", "Qui est le président de la CCI Occitanie ?") -> True; ("CEO de
    la société toulousaine Pole Star", "c qui le ceo de polestar") -> False.
    """
    asked = _role_of(head).search(fold(question))
    if not asked:
        return False
    wanted = re.split(r"[\s'’]+", asked.group(1).strip())[0]
    held = [re.split(r"[\s'’]+", m.group(1).strip()) for m in _role_of(head).finditer(fold(sentence))]  # "d'e-santé"
    pairs = [{*body, *(a + b for a, b in zip(body, body[1:], strict=False))} for body in held]  # "polestar"
    return bool(held) and not any(wanted in words_of for words_of in pairs)


_BETWEEN = re.compile(r"\b(?:avec|entre)\b", re.I)  # what ties two names: "le projet de X avec Y"
_AGENT = re.compile(r"\b(\w+)\s+(?:conjointement\s+)?par\s+(?:la\s+|le\s+|les\s+|l['’])?([A-ZÀ-Ý]\w*)")
# Someone of the CCI's staff, with their role: "Sandrine Valette, chargée de mission international à la CCI".
_CCI_STAFF = re.compile(rf"\b{ROLE_TITLES}\b[^.;]{{0,60}}?\b(?:à|de)\s+la\s+CCI\b", re.I)


def _names_agent(sentence: str, focus: Collection[str], asked: Collection[str] = ()) -> bool:
    """The question's verb in the passive with its agent named: "organisée par la CCI" for "organisait";
    not the CCI when the question names it ("qui, à la CCI, a organisé...": a person is asked for).
    """
    return any(
        term_in(stem(m.group(1)), set(focus)) and not (fold(m.group(2)) == "cci" and "cci" in asked)
        for m in _AGENT.finditer(sentence)
    )


# What a price leaves out: "hors billets d'avion", "en dehors des vols", "vols non compris".
_EXCLUDED = re.compile(
    r"\b(?:hors|en\s+dehors\s+(?:de\s+la|de\s+l['’]|des|du|de|d['’]))\s*([^,.;:()]{1,40})|"
    r"((?:[\w’'-]+\s+){1,3})non\s+(?:compris|inclus)",
    re.I,
)


# A role told by its deed, done by someone named: "Fondée en 2014 par Dana Halevi" (its founder)
_ROLE_DEEDS = {"fondat": r"fond[ée]e?s?", "direct": r"dirig[ée]e?s?", "organis": r"organis[ée]e?s?",
               "presid": r"pr[ée]sid[ée]e?s?"}  # fmt: skip


def _done_by(sentence: str, head: str | None) -> bool:
    deed = next((d for role, d in _ROLE_DEEDS.items() if head and head.startswith(role)), None)
    return bool(deed) and re.search(rf"\b{deed}\b[^.;]{{0,40}}?\bpar\s+[A-ZÀ-Ý]", sentence, re.I) is not None


def _does_to(sentence: str, verb: str, group: str) -> bool:
    """The sentence has the verb done to the group, a few words on: "qui accompagnait la délégation"."""
    stems = [stem(w) for w in words(sentence)]
    return any(
        lexicon.stems_match(s, verb) and any(lexicon.term_in(group, {t}) for t in stems[i + 1 : i + 4])
        for i, s in enumerate(stems)
    )


def _excluded_terms(sentence: str) -> frozenset[str]:
    """Terms the sentence names only as left out of a price: "hors billets d'avion" -> {billet, avion}."""
    spans = [m.span(1) if m.group(1) else m.span(2) for m in _EXCLUDED.finditer(sentence)]
    if not spans:
        return frozenset()
    left_out = {t for s, e in spans for t in terms(sentence[s:e])}
    rest = sentence
    for s, e in spans:
        rest = rest[:s] + " " * (e - s) + rest[e:]
    return frozenset(left_out - set(terms(rest)))


_ROLE_VERB_STEMS = frozenset(stem(w) for w in lexicon.ROLE_VERBS)
# "Chef de délégation : X", "à la tête de la délégation": a lead told by a noun
_LEADS = re.compile(r"\b(?:chef(?:fe)?s?\s+de\s+(?:la\s+)?d[ée]l[ée]gation|[àa]\s+la\s+t[êe]te\s+de)\b", re.I)
_COMPANY_HEADS = frozenset(stem(w) for w in ("entreprises", "sociétés", "PME"))
_TOOK_PART_STEMS = frozenset(
    stem(w)
    for w in (
        "participé", "participer", "représentées", "représenter", "présentes", "comptait", "compte", "faisaient",
        "partie", "délégation", "composée", "rejoint", "inscrits", "voyage", "envolés", "accompagnés", "emmenés",
    )
)  # fmt: skip


def _counts_who_came(analysis: Analysis) -> bool:
    """The question counts the people or companies that took part, and asks nothing else about
    them: "Combien d'entreprises étaient représentées ?", not "Combien d'entreprises ont signé ?".
    """
    heads = evidence.people_stems() | _COMPANY_HEADS
    return (
        analysis.expects == "quantity"
        and analysis.head in heads
        and all(stem_in(t, _TOOK_PART_STEMS) for t in set(analysis.focus) - {analysis.head})
    )


_ASKS_TOTAL = re.compile(
    r"\bau\s+total\b|\ben\s+tout\b|\bdepuis\s+(?:sa|leur|son)\s+(?:cr[ée]ation|lancement|d[ée]but)", re.I
)
_PER_PERIOD = re.compile(r"\b(?:chaque|par)\s+(?:ann[ée]e|an|mois|semaine|jour)\b", re.I)
_TO_TOWN = re.compile(
    r"\b(?:de|d['’]|depuis)\s*[A-ZÀ-Ý][\w'’\s-]{1,40}?\s+(?:à|a|jusqu['’]à|vers)\s+([A-ZÀ-Ý][\w-]*(?:\s[A-ZÀ-Ý][\w-]*)?)"
)
def _prices_another_thing(sentence: str, analysis: Analysis) -> bool:
    """A practical line priced under another label than the price's ("Visa chinois : 130 €", "Option
    pitch : 450 €") when the question names nothing of that label.
    """
    label = _LABEL_LINE.match(sentence)
    if not label or evidence.priced_line(sentence):
        return False
    return not set(terms(label.group())) & set(analysis.terms)


_REDUCED = re.compile(r"\br[ée]duits?\b|\br[ée]duction\b|\bremise\b|\bpr[ée]f[ée]rentiel", re.I)
_DONE = frozenset(stem(w) for w in ("signés", "conclus", "finalisés"))
# Still under way: "en négociation", "en cours de discussion", "à l'étude".
_PENDING = re.compile(r"\bn[ée]gociations?\b|\ben\s+(?:cours\s+de\s+)?discussions?\b|\b[àa]\s+l['’][ée]tude\b", re.I)




def _pending_only(sentence: str, bag: Collection[str], analysis: Analysis) -> bool:
    """The question asks what was done (signed, concluded) and the sentence tells only of what is
    still under way: "Combien de contrats ont été signés ?" -> "quatre contrats en négociation".
    """
    # "signes": a participle the tagger missed is among the terms
    done = [v for v in {*analysis.verbs, *analysis.terms} if stem_in(v, _DONE)]
    return bool(done) and not any(term_in(v, bag) for v in done) and bool(_PENDING.search(sentence))


def _one_town_of(towns: Collection[Collection[str]], bag: Collection[str]) -> bool:
    """The sentence names exactly one of the mission's several towns."""
    return sum(all(t in bag for t in town) for town in towns) == 1


def _share(wanted: set[str], bag: Collection[str]) -> float:
    """Share of `wanted` terms found in `bag`, 0 when nothing is wanted."""
    return sum(term_in(t, bag) for t in wanted) / len(wanted) if wanted else 0.0


def _elsewhen(sentence: str, doc: Document, analysis: Analysis) -> bool:
    """A count told of an earlier edition than the one asked ("Après le succès de 2017, qui avait
    réuni une quinzaine de participants" in the 2019 article), or a date in a sentence that names
    only other years than its mission's and the question's.
    """
    if analysis.expects == "quantity":
        if set(YEAR.findall(sentence)) & set(analysis.focus):  # "ceux du voyage de 2017": the question says so
            return False
        asked = analysis.years[0] if len(analysis.years) == 1 else doc.metadata.get("year")
        return told_earlier(sentence, asked if isinstance(asked, int) else None)
    if analysis.expects != "date":
        return False
    years = {int(y) for y in YEAR.findall(sentence)}
    own = {doc.metadata.get("year"), *analysis.years}
    known = [y for y in own if isinstance(y, int)]
    if analysis.future and known:  # "la prochaine après celle de 2024": "Prochaine édition : 2026" is later, no other
        return bool(years) and max(years) < max(known)
    return bool(years) and not years & own


def _before_its_mission(sentence: str, doc: Document) -> bool:
    """What comes next, told in a sentence naming only years before its own mission's: "répondait
    au souhait exprimé en 2017" in the 2019 article is no plan nor next date.
    """
    years = {int(y) for y in YEAR.findall(sentence)}
    own = doc.metadata.get("year")
    return bool(years) and isinstance(own, int) and max(years) < own


def _elsewhere(own: Collection[str], told_at: Collection[str], analysis: Analysis, sentence: str = "") -> bool:
    """A figure or a date told of another town of the mission than the one asked about ("Combien
    d'habitants compte Hong Kong ?": "Shenzhen [...] la ville en compte 12 millions"), or in a
    passage that does not name the town asked about ("Combien d'habitants compte Montréal ?": "À
    Manhattan [...] une métropole de 8,4 millions d'habitants"), or in the clause of the sentence
    that tells of the thing asked ("un bureau à Shenzhen ?": "Deux ont ouvert un bureau à Hong Kong,
    et 3 ont trouvé un fabricant à Shenzhen").
    """
    if analysis.expects not in ("quantity", "money", "date", "duration") and not (
        analysis.expects is None and analysis.noun  # "la population de Jérusalem"
    ):
        return False  # who found a maker in Shenzhen may have found a partner in Hong Kong too
    stop = set(analysis.stop)
    own = set(own) | _towns_of(frozenset(own))  # "7 à Montréal" is told of Québec
    if stop and own & stop and sentence:
        clause = _clause_of(sentence, analysis.focus)
        return bool(clause & set(analysis.elsewhere)) and not clause & stop
    if not stop or own & stop:
        return False
    if _BOTH_TOWNS.search(sentence) or _WHOLE_STAY.search(sentence):  # "46 rendez-vous entre les deux villes",
        return True  # "En cinq jours, 19 rendez-vous": the whole trip's, not Jérusalem's own
    if analysis.expects is None:  # "l'usine visitée à Shenzhen": a line of the visits need not name the town
        return bool(set(own) & set(analysis.elsewhere))
    return bool(set(own) & set(analysis.elsewhere)) or not set(told_at) & stop


# "cette épicerie fine", "ce fonds", "son associée" (the company just named's partner)
_POINTS_BACK = re.compile(
    rf"\b(?:cette|cet|ces)\s+\w+|\bce\s+(?!que\b|qui\b|dont\b)\w+|\b(?:son|sa|leur)\s+{ROLE_TITLES}\b", re.I
)
_WHOLE_STAY = re.compile(
    r"\b(?:en|sur|pendant)\s+(?:(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+)?(?:jours|journ[ée]es)\b|"
    r"\bau\s+total\b|\ben\s+tout\b|\bpendant\s+(?:tout\s+)?le\s+s[ée]jour\b",
    re.I,
)
_BOTH_TOWNS = re.compile(
    r"\b(?:entre\s+les|dans\s+les|des)\s+deux\s+(?:villes|m[ée]tropoles|sites|[ée]tapes)\b", re.I
)


_CLAUSE_BREAK = re.compile(r";|,\s+(?:et|mais|puis|tandis\s+que|alors\s+que|avant\s+de|avant\s+d['’])\s*", re.I)


def _clause_of(sentence: str, focus: Collection[str]) -> frozenset[str]:
    """Terms of the sentence's clause holding most of the `focus` terms (the first on a tie)."""
    clauses = [frozenset(terms(c)) for c in _CLAUSE_BREAK.split(sentence) if c.strip()]
    if not clauses:
        return frozenset()
    best = max(clauses, key=lambda c: sum(term_in(f, c) for f in focus))
    return best | _towns_of(best)


@lru_cache(maxsize=1)
def _districts() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """(part, whole) term sets: a district and its town, a town and its state."""
    return tuple(
        (frozenset(terms(district)), frozenset(terms(town)))
        for places in (DISTRICTS, STATES)
        for town, named in places.items()
        for district in named
    )


def _towns_of(bag: frozenset[str]) -> frozenset[str]:
    """The terms of the towns whose districts `bag` names, and of the states whose towns it names:
    {"manhattan"} -> {"new", "york"}; {"montreal"} -> {"quebec"}.
    """
    return frozenset(t for district, town in _districts() if district <= bag for t in town)


def _worth_adding(other: Candidate, chosen: list[Candidate], analysis: Analysis) -> bool:
    """Another mission's answer as good as the best one (the question named no mission), or,
    for a plural question ("Quelles entreprises..."), a sentence of the same article that
    answers as fully; never a weaker echo.
    """
    best = chosen[0]
    label = _label(other.passage.document.metadata)
    same = label == _label(best.passage.document.metadata)
    if same and analysis.expects == "quantity" and len(chosen) == 1 and other.holds_answer and other.names_noun:
        # "Seize participants [...]": the line of figures says it in figures too ("Participants : 16 personnes")
        return evidence.figures_line(_text(other)) and not evidence.figures_line(_text(best))
    if other.coverage < best.coverage or (best.names_noun and not other.names_noun):
        return False
    if all(label != _label(c.passage.document.metadata) for c in chosen):
        return not (analysis.missions or analysis.years)
    return (
        len(chosen) < same_article_limit(analysis)
        and (analysis.plural or (analysis.kind == "qui" and other.precision == 1.0))
        and other.score >= SAME_ARTICLE_RATIO * best.score
    )


def same_article_limit(analysis: Analysis) -> int:
    """Citations of one article kept for a plural question, or a "qui" one: "Qui a organisé X ?"
    may be answered by an organism ("organisée par la CCI") and by a person ("Julien Mas,
    organisateur de la mission").
    """
    return 2 if analysis.plural or analysis.kind == "qui" else 1


def _overlaps(a: Candidate, b: Candidate) -> bool:
    same = a.passage.document.metadata.get("source") == b.passage.document.metadata.get("source")
    return same and a.start < b.end and b.start < a.end


def _label(meta: dict) -> str:
    name = meta.get("mission") or meta.get("title") or meta.get("source", "")
    return f"{name} ({meta['year']})" if meta.get("year") else str(name)


def _sets_apart(unnamed: Candidate, other: Candidate, analysis: Analysis) -> bool:
    """`unnamed` is more like the question than `other`, by a word that is neither the class asked for nor a
    verb ("deeptech" in "un fonds spécialisé dans la deeptech", not "rencontrés").
    """
    if unnamed.coverage <= other.coverage:
        return False
    kept = set(analysis.verbs) | {analysis.head, analysis.noun}
    return any(term_in(t, unnamed.bag) and not term_in(t, other.bag) for t in analysis.focus if t not in kept)


def _leads(passages: list[Passage]) -> list[str]:
    return list(dict.fromkeys(_label(p.document.metadata) for p in passages))[:2]


def _leads_sentence(passages: list[Passage]) -> str:
    leads = _leads(passages)
    if not leads:
        return ""
    return " Articles les plus proches : " + ", ".join(leads) + "."
