"""The staff page at /admin (Gradio 6): add and delete articles, refresh the index, see its state
and the questions the bot refused. Off unless `admin_password` is set; behind Gradio's login.

An edge over `corpus.library`, `index.refresh` and `bot.unanswered`: every text shown is escaped
here, every domain error becomes a French message. Uploaded files leave Gradio's temporary folder
as soon as they are copied into the corpus folder (or refused).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hmac
import html
import logging
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import gradio as gr

from bot.errors import MissionsError
from bot.unanswered import UnansweredGroup
from corpus.errors import RefusedChange
from corpus.library import ACCEPTED, ArticleFile, add_article, delete_article, format_size, list_articles
from index.status import IndexStatus, read_status

if TYPE_CHECKING:
    from fastapi import FastAPI

    from bot.service import LiveBot
    from bot.settings import Settings

log = logging.getLogger(__name__)

PATH = "/admin"
TITLE = "Missions — administration"
LOGIN_MESSAGE = (
    "Page réservée au personnel de la CCI : nom d'utilisateur au choix, "
    "mot de passe d'administration (MISSIONS_ADMIN_PASSWORD)."
)
# Asked in the browser before a deletion; a cancelled one reaches the server as "nothing chosen".
CONFIRM_DELETE = "(a) => (a && confirm(`Supprimer « ${a} » du dossier des articles ?`)) ? a : null"
FAILED_LOGIN_DELAY = 1.0  # seconds: slows password guessing without blocking the server
GRADIO_CAP_FACTOR = 10  # Gradio itself refuses uploads above 10 x max_upload_bytes (see mount_admin)
ADMIN_CSS = """
.admin-table { width: 100%; border-collapse: collapse; font-size: var(--text-md); border: none !important; }
.admin-table th, .admin-table td { text-align: left; padding: 0.35rem 0.6rem; vertical-align: top;
  border: none !important; border-bottom: 1px solid var(--border-color-primary) !important; }
.admin-table thead th { border-bottom-width: 2px !important; }
.admin-messages { list-style: none; padding-left: 0; margin: 0; }
.admin-table td.n { text-align: right; white-space: nowrap; }
.admin-empty { color: var(--body-text-color-subdued); font-style: italic; }
.admin-ok { color: var(--color-green-600, #15803d); }
.admin-refused { color: var(--color-red-600, #b91c1c); }
.admin-figures { display: flex; gap: 1.5rem; flex-wrap: wrap; margin: 0 0 0.5rem; }
.admin-figures div { font-size: var(--text-lg); }
.admin-figures strong { font-size: var(--text-xxl); display: block; }
"""


def check_password(secret: str) -> Callable[[str, str], object]:
    """Gradio's `auth=`: any user name, the staff password compared in constant time."""
    expected = secret.encode()

    async def login(username: str, password: str) -> bool:
        if hmac.compare_digest(password.encode(), expected):
            return True
        await asyncio.sleep(FAILED_LOGIN_DELAY)
        return False

    return login


def plural(count: int, word: str, many: str | None = None) -> str:
    """'0 article', '1 article', '2 articles' (French: the singular up to 1); `many` if irregular."""
    return f"{count} {word}" if count <= 1 else f"{count} {many or word + 's'}"


def figure(count: int, word: str, many: str) -> str:
    """A headline figure: the number big, its label below."""
    label = plural(count, word, many).split(" ", 1)[1]
    return f"<div><strong>{count}</strong>{label}</div>"


def format_time(moment: dt.datetime | None) -> str:
    """A UTC time in the server's local time: '14/03/2025 à 09:05', or 'inconnue'."""
    return moment.astimezone().strftime("%d/%m/%Y à %H:%M") if moment else "inconnue"


# --- status of the index ----------------------------------------------------------------------


def read_index_status(live: LiveBot, settings: Settings) -> IndexStatus:
    """The store against the corpus folder (`index.status`), for the model the live bot uses."""
    return read_status(
        settings.corpus_dir, live.model[1], store_dir=settings.store_dir, chroma_url=settings.chroma_url,
        collection=settings.collection,
    )  # fmt: skip


# --- rendering (everything escaped) ---------------------------------------------------------


def render_table(headers: Iterable[str], rows: Iterable[Iterable[str]], numeric: Collection[int] = ()) -> str:
    """An HTML table from already escaped cells."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(row))
        + "</tr>"
        for row in rows
    )
    return f'<table class="admin-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def render_status(status: IndexStatus) -> str:
    """The headline figures, the model, and what waits for a refresh."""
    parts = [
        f'<div class="admin-figures">{figure(status.articles, "article indexé", "articles indexés")}'
        f"{figure(status.chunks, 'passage', 'passages')}"
        f"<div><strong>{html.escape(format_time(status.refreshed_at))}</strong>dernière mise à jour</div></div>",
        f"<p>Modèle d'embeddings : <code>{html.escape(status.model or '—')}</code></p>",
    ]
    if not status.model_matches:
        parts.append(
            f'<p class="admin-refused">Le modèle configuré est <code>{html.escape(status.expected_model)}</code> : '
            "reconstruisez l'index avec <code>missions refresh --full</code>.</p>"
        )
    if status.pending:
        names = ", ".join(f"<code>{html.escape(name)}</code>" for name in status.pending)
        parts.append(
            f'<p class="admin-refused">Nouveaux ou modifiés, pas encore indexés ({len(status.pending)}) : {names}. '
            "Cliquez sur « Mettre à jour l'index ».</p>"
        )
    if status.gone:
        names = ", ".join(f"<code>{html.escape(name)}</code>" for name in status.gone)
        parts.append(f'<p class="admin-refused">Retirés du dossier, encore indexés ({len(status.gone)}) : {names}.</p>')
    if not (status.pending or status.gone):
        parts.append('<p class="admin-ok">Tous les articles du dossier sont indexés.</p>')
    return "".join(parts)


def describe_indexing(article: str, status: IndexStatus) -> str:
    """The 'Passages indexés' cell: '12', '12 (modifié, à réindexer)' or 'non indexé'."""
    count = status.chunks_by_article.get(article)
    if count is None:
        return "non indexé"
    return f"{count} (modifié, à réindexer)" if article in status.pending else str(count)


def render_articles(files: list[ArticleFile], status: IndexStatus) -> str:
    """The corpus folder, one row per file, with its indexed passages; then what is indexed but gone."""
    rows = [
        (html.escape(f.id), format_size(f.size), html.escape(format_time(f.modified)), describe_indexing(f.id, status))
        for f in files
    ]
    rows += [
        (html.escape(name), "—", "supprimé du dossier", f"{status.chunks_by_article.get(name, 0)} (encore indexé)")
        for name in status.gone
    ]
    if not rows:
        return '<p class="admin-empty">Le dossier des articles est vide.</p>'
    return render_table(("Fichier", "Taille", "Modifié le", "Passages indexés"), rows, {1, 3})


def render_unanswered(groups: list[UnansweredGroup], retention_days: int) -> str:
    """The refused questions, grouped and counted; the question text came from the public: escaped."""
    note = f"<p>Questions auxquelles le chat n'a pas su répondre, conservées {retention_days} jours.</p>"
    if not groups:
        return note + '<p class="admin-empty">Aucune question sans réponse pour l\'instant.</p>'
    rows = [
        (html.escape(g.question), str(g.count), html.escape(format_time(g.last_asked)), html.escape(g.closest or "—"))
        for g in groups
    ]
    return note + render_table(("Question", "Fois", "Dernière fois", "Article le plus proche"), rows, {1})


def render_messages(done: list[str], refused: list[str]) -> str:
    """What became of the files sent or the article deleted."""
    items = [f'<li class="admin-ok">{html.escape(m)}</li>' for m in done]
    items += [f'<li class="admin-refused">{html.escape(m)}</li>' for m in refused]
    return f'<ul class="admin-messages">{"".join(items)}</ul>' if items else ""


# --- staff actions, callable without a browser ------------------------------------------------


def discard_upload(path: Path) -> None:
    """Delete a file Gradio received, and the per-file folder it made for it."""
    path.unlink(missing_ok=True)
    try:
        path.parent.rmdir()
    except OSError:  # not empty (another file shares it) or already gone
        pass


def add_uploads(settings: Settings, uploads: Iterable[str | Path], replace: bool) -> tuple[list[str], list[str]]:
    """Add each uploaded file to the corpus folder; (French successes, French refusals).

    Each upload is deleted once handled, added or not, so nothing lingers in Gradio's temp folder.
    """
    done, refused = [], []
    for upload in uploads:
        path = Path(upload)
        try:
            added = add_article(settings.corpus_dir, path, path.name, settings.max_upload_bytes, replace)
            done.append(f"{added.id} ajouté ({format_size(added.size)}). Mettez à jour l'index pour le publier.")
        except MissionsError as exc:
            refused.append(f"Refusé — {exc}")
        except OSError as exc:
            refused.append(f"Refusé — {path.name} : écriture impossible ({exc.strerror or exc}).")
        finally:
            discard_upload(path)
    return done, refused


def refresh_and_reload(
    live: LiveBot, settings: Settings, on_progress: Callable[[int, int], None] | None = None
) -> str:
    """Sync the index with the corpus folder, then make the chat answer from it; a French summary.

    Raises the refresh's domain errors (`RefreshRunning` when another refresh holds the lock...).
    """
    from index.refresh import refresh_corpus

    if not settings.corpus_dir.is_dir():  # an empty folder would empty the index
        raise RefusedChange(f"Le dossier des articles {settings.corpus_dir} n'existe pas : l'index reste tel quel.")
    embeddings, model_id = live.model
    report = refresh_corpus(
        settings.corpus_dir, embeddings, model_id, store_dir=settings.store_dir, chroma_url=settings.chroma_url,
        collection=settings.collection, on_progress=on_progress,
    )  # fmt: skip
    live.reload()
    seconds = f"{report.seconds:.1f}".replace(".", ",")
    summary = (
        f"Index à jour : {plural(report.articles, 'article')} et {plural(report.chunks, 'passage')} "
        f"(articles ajoutés : {report.added}, modifiés : {report.updated}, retirés : {report.removed} ; "
        f"passages calculés : {report.embedded}) en {seconds} s."
    )
    skipped = [f"Ignoré — {problem}" for problem in report.problems.values()]
    return render_messages([summary], skipped)


# --- the page ---------------------------------------------------------------------------------


def build_admin(live: LiveBot, settings: Settings) -> gr.Blocks:
    """The staff page: index state, articles (add, delete), refresh, unanswered questions."""
    def article_views() -> tuple[str, str, dict]:
        files = list_articles(settings.corpus_dir)
        choices = gr.update(choices=[f.id for f in files], value=None)
        try:
            status = read_index_status(live, settings)
        except MissionsError as exc:
            problem = f'<p class="admin-refused">{html.escape(str(exc))}</p>'
            return problem, render_articles(files, IndexStatus(model="", expected_model="")), choices
        return render_status(status), render_articles(files, status), choices

    def unanswered_view() -> str:
        groups = live.unanswered.groups()
        return render_unanswered(groups, settings.unanswered_retention_days)

    def show_all() -> tuple[str, str, dict, str]:
        return (*article_views(), unanswered_view())

    def upload(files: list[str] | None, replace: bool) -> tuple[None, str, str, str, dict]:
        done, refused = add_uploads(settings, files or [], replace)
        return None, render_messages(done, refused), *article_views()

    def remove(article: str | None) -> tuple[str, str, str, dict]:
        if not article:
            return render_messages([], ["Aucun article supprimé."]), *article_views()
        try:
            delete_article(settings.corpus_dir, article)
        except MissionsError as exc:
            return render_messages([], [str(exc)]), *article_views()
        message = f"{article} supprimé du dossier. Mettez à jour l'index pour le retirer du chat."
        return render_messages([message], []), *article_views()

    def refresh(progress: gr.Progress = gr.Progress()) -> tuple[str, str, str, dict]:  # noqa: B008 - Gradio's idiom
        progress(0, desc="Lecture des articles…")
        try:
            message = refresh_and_reload(
                live, settings, lambda done, total: progress((done, total), desc="Indexation", unit="passages")
            )
        except MissionsError as exc:
            raise gr.Error(html.escape(str(exc), quote=False), title="Erreur", print_exception=False) from exc
        return message, *article_views()

    limit = format_size(settings.max_upload_bytes)
    # delete_cache: an upload never handled (page closed mid-way) is gone within the hour anyway.
    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=(1800, 1800)) as demo:
        gr.HTML(
            f"<h1>{TITLE}</h1><p>Articles, index et questions sans réponse. "
            f'<a href="{PATH}/logout" id="logout">Se déconnecter</a></p>'
        )
        gr.Markdown("## État de l'index")
        status = gr.HTML(elem_id="status")
        with gr.Row():
            refresh_button = gr.Button(
                "Mettre à jour l'index", variant="primary", elem_id="refresh", scale=0, min_width=240
            )
        refresh_message = gr.HTML(elem_id="refresh-message")

        gr.Markdown("## Articles")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                articles = gr.HTML(elem_id="articles")
            with gr.Column(scale=2):
                files = gr.File(
                    label=f"Ajouter des articles ({ACCEPTED} ; {limit} au plus)",
                    file_count="multiple",
                    type="filepath",
                    elem_id="upload",
                )
                replace = gr.Checkbox(label="Remplacer un article du même nom", value=False, elem_id="replace")
                upload_message = gr.HTML(elem_id="upload-message")
                chosen = gr.Dropdown(label="Article à supprimer", choices=[], value=None, elem_id="delete-choice")
                delete_button = gr.Button("Supprimer l'article", variant="stop", elem_id="delete")

        gr.Markdown("## Questions sans réponse")
        unanswered = gr.HTML(elem_id="unanswered")
        with gr.Row():
            reload_unanswered = gr.Button(
                "Actualiser la liste", size="sm", elem_id="reload-unanswered", scale=0, min_width=180
            )

        views = [status, articles, chosen]
        private = {"api_visibility": "private"}
        demo.load(show_all, None, [*views, unanswered], **private)
        files.upload(upload, [files, replace], [files, upload_message, *views], **private)
        delete_button.click(
            remove, [chosen], [upload_message, *views], **private,
            js=CONFIRM_DELETE,
        )  # fmt: skip
        # One refresh at a time: a second click waits in the queue, then finds nothing to do.
        refresh_button.click(refresh, None, [refresh_message, *views], concurrency_limit=1, **private)
        reload_unanswered.click(unanswered_view, None, unanswered, **private)
    return demo


def build_theme() -> gr.themes.Base:
    """The chat's look: system fonts only, so no font is fetched from the internet."""
    system = ["system-ui", "sans-serif"]
    return gr.themes.Default(primary_hue="blue", font=system, font_mono=["ui-monospace", "monospace"])


def mount_admin(app: FastAPI, live: LiveBot, settings: Settings) -> None:
    """Mount the admin page at /admin when `settings.admin_password` is set; otherwise mount nothing."""
    secret = settings.admin_password.get_secret_value() if settings.admin_password else ""
    if not secret:
        log.warning("Page d'administration désactivée : définissez MISSIONS_ADMIN_PASSWORD pour l'ouvrir.")
        return
    gr.mount_gradio_app(
        app,
        build_admin(live, settings),
        path=PATH,
        auth=check_password(secret),
        auth_message=LOGIN_MESSAGE,
        footer_links=[],
        run_history=False,
        ssr_mode=False,
        theme=build_theme(),
        css=ADMIN_CSS,
        # Gradio's own cap only stops absurd uploads before they reach the disk; it is well above
        # ours so that an oversized article gets our French message (Gradio's is in English).
        max_file_size=GRADIO_CAP_FACTOR * settings.max_upload_bytes,
    )
    log.info("Page d'administration servie sur %s", PATH)
