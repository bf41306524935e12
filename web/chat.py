"""The chat in the browser (Gradio 6): a thin edge over `MissionsBot`, with a sources panel.

Everything that came from the articles is escaped here before it reaches markdown or HTML;
the page uses system fonts only, so it renders with no internet.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

import gradio as gr

from bot.answer import Answer, Citation
from bot.errors import InvalidQuestion, MissionsError
from bot.service import LiveBot, MissionsBot, Turn
from bot.settings import Settings

TITLE = "Missions — les voyages d'affaires de la CCI"
INTRO = "Posez une question sur les missions d'affaires : chaque réponse cite ses passages."
EXAMPLES = (
    "Combien d'entrepreneurs ont participé à la Mission Silicon Valley ?",
    "Qui est Luc Julia ?",
    # "Quelles missions ont eu lieu en 2018 ?" would abstain on the shipped single article.
    "Quand a eu lieu la Mission Silicon Valley ?",
    "Quels fonds ont été rencontrés ?",
)
ASK_DESCRIPTION = (
    "Pose une question sur les missions (le texte, 500 caractères au plus par défaut) et rend le champ vidé, "
    "la conversation (messages au format Chatbot, renvois [n] en gras) et le panneau des sources en HTML. "
    "La conversation suit la session : avec gradio_client, une relance reprend la mission de la question d'avant."
)
NO_SOURCES = "Aucune source : les articles ne contiennent pas la réponse."
EMPTY_SOURCES = '<p class="sources-empty">Les passages cités par la réponse apparaîtront ici.</p>'
SOURCES_CSS = """
.sources-list { list-style: none; padding: 0; margin: 0; }
.source { border: 1px solid var(--border-color-primary); border-radius: var(--radius-lg);
  padding: 0.6rem 0.8rem; margin-bottom: 0.6rem; background: var(--background-fill-secondary); }
.source-n { font-weight: 700; margin-right: 0.3rem; }
.source blockquote { margin: 0.3rem 0; padding-left: 0.6rem;
  border-left: 3px solid var(--color-accent); font-style: italic; }
.source-meta { font-size: var(--text-sm); font-weight: 600; }
.source-file { font-size: var(--text-sm); color: var(--body-text-color-subdued); }
.sources-empty { color: var(--body-text-color-subdued); font-style: italic; }
"""

# What a submit yields: the cleared question box, the chat, the sources panel, the new state
# (while the answer is written, the panel and the state are left as they are: `gr.skip()`).
Outputs = tuple[str, list[dict[str, str]], Any, Any]

# CommonMark lets a backslash escape any ASCII punctuation; these are the ones that format.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$])")
_ESCAPED_MARKER = re.compile(r"\\\[(\d+)\\\]")


def escape_markdown(text: str) -> str:
    r"""Text shown verbatim in markdown: '<b>*x*</b> [1]' -> '&lt;b&gt;\*x\*&lt;/b&gt; \[1\]'."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def render_answer(answer: Answer) -> str:
    r"""The answer as chat markdown, markers in bold: 'Une quinzaine. [1]' -> '... **\[1\]**'."""
    text = escape_markdown(answer.text)
    return text if answer.abstained else _ESCAPED_MARKER.sub(r"**\\[\1\\]**", text)


def describe_mission(citation: Citation) -> str:
    """'Mission Silicon Valley (2017)', or what is known of it."""
    mission = citation.mission or "Mission non précisée"
    return f"{mission} ({citation.year})" if citation.year else mission


def render_citation(citation: Citation) -> str:
    """One source as an HTML list item; every field is escaped."""
    where = html.escape(citation.source)
    if citation.paragraph is not None:
        where += f", paragraphe {citation.paragraph}"
    if citation.url and citation.url.startswith(("http://", "https://")):
        url = html.escape(citation.url)
        where += f' — <a href="{url}" target="_blank" rel="noopener">article en ligne</a>'
    return (
        f'<li class="source" id="source-{citation.n}">'
        f'<span class="source-n">[{citation.n}]</span>'
        f'<strong class="source-title">{html.escape(citation.title)}</strong>'
        f"<blockquote>« {html.escape(citation.quote)} »</blockquote>"
        f'<div class="source-meta">{html.escape(describe_mission(citation))}</div>'
        f'<div class="source-file">{where}</div></li>'
    )


def render_sources(answer: Answer | None) -> str:
    """The sources panel for the latest answer (HTML, escaped)."""
    if answer is None:
        return EMPTY_SOURCES
    if not answer.citations:
        leads = "".join(f"<li>{html.escape(lead)}</li>" for lead in answer.leads)
        closest = f"<p>Articles les plus proches :</p><ul>{leads}</ul>" if leads else ""
        return f'<p class="sources-empty">{NO_SOURCES}</p>{closest}'
    items = "".join(render_citation(c) for c in answer.citations)
    return f'<ol class="sources-list">{items}</ol>'


def render_chat(answers: list[Answer]) -> list[dict[str, str]]:
    """The chat messages (Gradio messages format) for the answers so far."""
    messages = []
    for answer in answers:
        messages.append({"role": "user", "content": escape_markdown(answer.question)})
        messages.append({"role": "assistant", "content": render_answer(answer)})
    return messages


def check_question(bot: MissionsBot, question: str, answers: list[Answer]) -> tuple[dict, dict]:
    """Gradio validator: the bot's French message on the box for an empty or oversized question.

    Gradio calls it with the submit's inputs (hence `answers`) before the queue, so a refused
    question keeps its text in the box and costs no retrieval.
    """
    try:
        bot.check_question(question)
    except InvalidQuestion as exc:
        return gr.validate(False, str(exc)), gr.validate(True, "")
    return gr.validate(True, ""), gr.validate(True, "")


def submit_question(bot: MissionsBot, question: str, answers: list[Answer]) -> Iterator[Outputs]:
    """Ask with the conversation so far, yielding (cleared box, chat, sources, state) as the answer is
    written; the last one carries the sources panel and the new state.

    The validator above normally refuses a bad question first; should one get here, it raises
    `gr.Error` with the French message (rendered as HTML by Gradio, hence escaped).
    """
    history = [Turn(a.question, a.text) for a in answers]
    written = ""
    try:
        for piece in bot.stream(question, history=history):
            if isinstance(piece, Answer):
                answers = [*answers, piece]
                yield "", render_chat(answers), render_sources(piece), answers
            elif piece:
                written += piece
                draft = [{"role": "user", "content": escape_markdown(question)},
                         {"role": "assistant", "content": escape_markdown(written)}]  # fmt: skip
                yield "", [*render_chat(answers), *draft], gr.skip(), gr.skip()
    except InvalidQuestion as exc:
        message, title = html.escape(str(exc), quote=False), "Question non valide"
        raise gr.Error(message, title=title, print_exception=False) from exc
    except MissionsError as exc:
        raise gr.Error(
            html.escape(str(exc), quote=False), title="Erreur", print_exception=False
        ) from exc


def build_ui(live: LiveBot, settings: Settings) -> gr.Blocks:
    """The page: chat, question box and examples on the left, sources of the last answer beside.

    Each request answers with `live.bot`, the bot of the moment (a refresh swaps it).
    """
    limit = settings.max_question_chars
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        answers = gr.State([])
        gr.Markdown(f"# {TITLE}\n{INTRO}")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                chat = gr.Chatbot(
                    label="Conversation",
                    show_label=False,
                    height=460,
                    latex_delimiters=[],
                    feedback_options=None,
                    buttons=["copy"],
                    allow_tags=False,
                    placeholder="Posez votre première question ci-dessous.",
                    elem_id="chat",
                )
                with gr.Row():
                    question = gr.Textbox(
                        label="Votre question",
                        show_label=False,
                        placeholder=f"Votre question ({limit} caractères au plus)",
                        lines=1,
                        autofocus=True,
                        scale=5,
                        elem_id="question",
                    )
                    send = gr.Button(
                        "Envoyer", variant="primary", scale=1, min_width=100, elem_id="send"
                    )
                gr.Markdown("**Exemples de questions**")
                with gr.Row(equal_height=True):
                    examples = [
                        gr.Button(text, size="sm", variant="secondary", elem_classes="example")
                        for text in EXAMPLES
                    ]
            with gr.Column(scale=2):
                gr.Markdown("## Sources\nLes passages cités par la dernière réponse.")
                sources = gr.HTML(
                    EMPTY_SOURCES, label="Sources", show_label=False, css_template=SOURCES_CSS,
                    js_on_load=None, elem_id="sources",
                )  # fmt: skip

        def ask(question: str, answers: list[Answer]) -> Iterator[Outputs]:
            """Answer a question about the missions, with its sources."""
            yield from submit_question(live.bot, question, answers)

        outputs = [question, chat, sources, answers]
        gr.on(
            [question.submit, send.click], ask, [question, answers], outputs,
            api_name="ask", concurrency_id="bot", api_description=ASK_DESCRIPTION,
            validator=lambda q, a: check_question(live.bot, q, a),
        )  # fmt: skip
        for button in examples:
            # The button's label is the question; the listener stays off the public API.
            button.click(
                ask, [button, answers], outputs, api_visibility="private", concurrency_id="bot"
            )
        # The chat's own bin button starts a new conversation: forget the answers too.
        chat.clear(lambda: ("", [], EMPTY_SOURCES, []), None, outputs, api_visibility="private")
    return demo
