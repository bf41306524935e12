"""The UI edge: rendering helpers (escaping, markers, sources panel) and the submit function."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import gradio as gr
import pytest

from bot.answer import Answer, Citation
from bot.service import Turn
from web import chat

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
SILICON = "Combien d'entrepreneurs ont participé à la Mission Silicon Valley ?"


class TagCollector(HTMLParser):
    """Every start tag (with its attributes) and the text, as a browser's parser sees them."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    @property
    def names(self) -> set[str]:
        return {tag for tag, _ in self.tags}

    @property
    def joined(self) -> str:
        return "".join(self.text)


def cite(n: int = 1, **fields) -> Citation:
    base = dict(
        n=n,
        source="mission-silicon-valley-2017.txt",
        title="Mission Silicon Valley, le Sud-Ouest met le cap à l’Ouest",
        mission="Mission Silicon Valley",
        quote="une quinzaine d’entrepreneurs ou porteurs de projet régionaux",
        year=2017,
        paragraph=1,
    )
    return Citation(**{**base, **fields})


def unescape_markdown(text: str) -> str:
    """What CommonMark shows for escaped text: backslash escapes and entities resolved."""
    return html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text))


@pytest.mark.parametrize(
    "text",
    [
        "",
        SCRIPT,
        IMG,
        "*gras* _italique_ `code` [lien](javascript:alert(3)) ![x](http://evil/x.png)",
        "# Titre\n- puce\n1. liste\n> citation\n| a | b |",
        "38 milliards de $ levés, $$x^2$$ et R&D &amp; \\ antislash",
        "Émoji 🚀 et « guillemets » — tiret",
    ],
)
def test_escape_markdown_round_trips_and_leaves_no_markup(text):
    escaped = chat.escape_markdown(text)
    assert unescape_markdown(escaped) == text
    assert "<" not in escaped and ">" not in escaped
    markdown_it = pytest.importorskip("markdown_it")
    rendered = TagCollector(markdown_it.MarkdownIt("commonmark").render(escaped))
    assert rendered.names <= {"p"}  # no link, image, script, heading, list, code, emphasis
    assert " ".join(rendered.joined.split()) == " ".join(text.split())


def test_render_answer_bolds_every_marker():
    answer = Answer(
        SILICON, "Une quinzaine d’entrepreneurs. [1]\nDes fonds. [2]", [cite(1), cite(2)]
    )
    rendered = chat.render_answer(answer)
    assert "**\\[1\\]**" in rendered and "**\\[2\\]**" in rendered
    assert "quinzaine" in rendered


def test_render_answer_escapes_document_html():
    answer = Answer("q", f"Mission (2019) — dirigeants {IMG} {SCRIPT} ont participé. [1]", [cite()])
    rendered = chat.render_answer(answer)
    assert "<img" not in rendered and "<script" not in rendered
    assert '&lt;img src=x onerror="alert\\(2\\)"&gt;' in rendered


def test_render_answer_refusal_keeps_the_text_without_markers():
    refusal = Answer(
        "Quel temps fait-il à Paris ?",
        "Je ne trouve pas la réponse à cette question dans les articles des missions.",
        abstained=True,
        leads=["Mission Silicon Valley (2017)"],
    )
    rendered = chat.render_answer(refusal)
    assert unescape_markdown(rendered) == refusal.text
    assert "**" not in rendered


def test_render_sources_shows_number_quote_title_mission_file_and_paragraph():
    panel = chat.render_sources(
        Answer(SILICON, "Une quinzaine. [1] [2]", [cite(1), cite(2, paragraph=9)])
    )
    parsed = TagCollector(panel)
    text = parsed.joined
    assert "[1]" in text and "[2]" in text
    assert "une quinzaine d’entrepreneurs ou porteurs de projet régionaux" in text
    assert "Mission Silicon Valley, le Sud-Ouest met le cap à l’Ouest" in text
    assert "Mission Silicon Valley (2017)" in text
    assert "mission-silicon-valley-2017.txt, paragraphe 1" in text
    assert "mission-silicon-valley-2017.txt, paragraphe 9" in text
    ids = [attrs.get("id") for tag, attrs in parsed.tags if tag == "li"]
    assert ids == ["source-1", "source-2"]


def test_render_sources_without_mission_year_or_paragraph():
    panel = chat.render_sources(
        Answer("q", "x [1]", [cite(mission=None, year=None, paragraph=None)])
    )
    text = TagCollector(panel).joined
    assert "Mission non précisée" in text
    assert "paragraphe" not in text


@pytest.mark.parametrize("field", ["quote", "title", "mission", "source"])
def test_render_sources_shows_hostile_document_text_as_text(field):
    hostile = f"avant {SCRIPT} milieu {IMG} après"
    panel = chat.render_sources(Answer("q", "x [1]", [cite(**{field: hostile})]))
    parsed = TagCollector(panel)
    assert parsed.names.isdisjoint({"script", "img"})
    assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    assert hostile in parsed.joined


@pytest.mark.parametrize(
    "url, linked",
    [
        ("https://www.cci.fr/actualites/mission?id=1&x=2", True),
        ("http://example.org/a", True),
        ("javascript:alert(1)", False),
        ('https://x.org/"><script>alert(1)</script>', True),
    ],
)
def test_render_sources_links_only_web_addresses(url, linked):
    parsed = TagCollector(chat.render_sources(Answer("q", "x [1]", [cite(url=url)])))
    hrefs = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    assert hrefs == ([url] if linked else [])
    assert "script" not in parsed.names


def test_render_sources_refusal_names_the_closest_articles_escaped():
    refusal = Answer("q", "Je ne trouve pas…", abstained=True, leads=[f"Mission {SCRIPT} (2019)"])
    parsed = TagCollector(chat.render_sources(refusal))
    assert "Aucune source" in parsed.joined
    assert f"Mission {SCRIPT} (2019)" in parsed.joined
    assert "script" not in parsed.names


def test_render_sources_before_any_question():
    assert chat.render_sources(None) == chat.EMPTY_SOURCES


def test_render_chat_alternates_escaped_questions_and_answers():
    answers = [
        Answer(f"Qui est {SCRIPT} ?", "Luc Julia. [1]", [cite()]),
        Answer("Et *après* ?", "Rien."),
    ]
    messages = chat.render_chat(answers)
    assert [m["role"] for m in messages] == ["user", "assistant", "user", "assistant"]
    assert "<script" not in messages[0]["content"]
    assert messages[2]["content"] == "Et \\*après\\* ?"
    assert messages[1]["content"] == "Luc Julia\\. **\\[1\\]**"


class RecordingBot:
    """The real bot, with every `stream` call recorded."""

    def __init__(self, bot) -> None:
        self.bot = bot
        self.calls: list[tuple[str, list[Turn]]] = []

    def check_question(self, question):
        return self.bot.check_question(question)

    def stream(self, question, history=()):
        self.calls.append((question, list(history)))
        return self.bot.stream(question, history=history)


class ScriptedBot:
    """A bot whose `stream` yields the pieces it is given, then their answer (a token-streaming answerer)."""

    def __init__(self, pieces: list[str], answer: Answer) -> None:
        self.pieces, self.answer = pieces, answer

    def stream(self, question, history=()):
        yield from self.pieces
        yield self.answer


def submit(bot, question, answers):
    """Every update a submit yields, and the last one."""
    updates = list(chat.submit_question(bot, question, answers))
    return updates, updates[-1]


@pytest.mark.slow
@pytest.mark.parametrize(
    "question, message", [("", "vide"), ("   \n ", "vide"), ("x" * 600, "trop longue")]
)
def test_submit_refuses_empty_or_oversized_question_in_french(seed_bot, question, message):
    earlier = [Answer("avant", "réponse")]
    with pytest.raises(gr.Error, match=message) as raised:
        submit(seed_bot, question, earlier)
    assert raised.value.title == "Question non valide"
    assert earlier == [Answer("avant", "réponse")]  # the conversation is untouched
    box, state = chat.check_question(seed_bot, question, earlier)
    assert box["is_valid"] is False and message in box["message"]
    assert state["is_valid"] is True


@pytest.mark.slow
def test_check_question_accepts_a_normal_question(seed_bot):
    assert all(v["is_valid"] for v in chat.check_question(seed_bot, SILICON, []))


@pytest.mark.slow
def test_submit_answers_with_markers_and_sources(seed_bot):
    _, (box, messages, panel, state) = submit(seed_bot, SILICON, [])
    assert box == ""
    assert [m["role"] for m in messages] == ["user", "assistant"]
    assert "quinzaine" in messages[1]["content"]
    assert "**\\[1\\]**" in messages[1]["content"]
    text = TagCollector(panel).joined
    assert "[1]" in text and "quinzaine" in text
    assert "Mission Silicon Valley (2017)" in text
    assert "mission-silicon-valley-2017.txt, paragraphe" in text
    assert len(state) == 1 and state[0].citations


@pytest.mark.slow
def test_submit_passes_the_conversation_to_the_bot(seed_bot):
    bot = RecordingBot(seed_bot)
    _, (_, _, _, state) = submit(bot, SILICON, [])
    _, (_, messages, _, state) = submit(bot, "Qui est Luc Julia ?", state)
    assert bot.calls[0] == (SILICON, [])
    assert bot.calls[1] == ("Qui est Luc Julia ?", [Turn(state[0].question, state[0].text)])
    assert len(messages) == 4 and "Siri" in messages[3]["content"]


@pytest.mark.slow
@pytest.mark.parametrize("question", chat.EXAMPLES)
def test_every_example_question_gets_a_cited_answer(seed_bot, question):
    answer = seed_bot.ask(question)
    assert not answer.abstained and answer.citations


def test_submit_shows_the_answer_as_it_is_written_then_the_final_one():
    earlier = [Answer("Qui est Luc Julia ?", "Luc Julia. [1]", [cite()])]
    final = Answer(SILICON, "Une *quinzaine* d’entrepreneurs. [1]", [cite()])
    updates, last = submit(ScriptedBot(["Une *quin", "zaine* d’entre", "preneurs."], final), SILICON, earlier)
    drafts = [messages[-1]["content"] for _, messages, _, _ in updates[:-1]]
    assert drafts == ["Une \\*quin", "Une \\*quinzaine\\* d’entre", "Une \\*quinzaine\\* d’entrepreneurs\\."]
    for box, messages, panel, state in updates[:-1]:  # the earlier exchange stays; panel and state wait
        assert box == "" and len(messages) == 4 and messages[1]["content"] == "Luc Julia\\. **\\[1\\]**"
        assert panel == gr.skip() and state == gr.skip()
    box, messages, panel, state = last
    assert messages[-1]["content"] == "Une \\*quinzaine\\* d’entrepreneurs\\. **\\[1\\]**"
    assert state == [*earlier, final] and "quinzaine" in panel


@pytest.mark.slow
def test_build_ui_exposes_the_ask_endpoint(seed_store_dir, embeddings, tmp_path):
    from bot.service import LiveBot
    from bot.settings import Settings

    live = LiveBot(Settings(store_dir=seed_store_dir, unanswered_path=tmp_path / "u.sqlite3"), embeddings)
    demo = chat.build_ui(live, Settings())
    api_names = {fn.api_name for fn in demo.fns.values() if fn.api_visibility == "public"}
    assert api_names == {"ask"}
