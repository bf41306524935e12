"""The `missions` command: refresh the index, ask questions, serve the chat.

An edge: it builds the settings once, calls the core, and turns domain errors into a French
message and an exit code.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from langchain_core.embeddings import Embeddings
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from bot.errors import MissionsError
from bot.settings import Settings

app = typer.Typer(
    help="Missions : le chatbot des missions d'affaires de la CCI.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
# soft_wrap: when stderr is not a terminal rich would hard-wrap at 80 columns and cut long paths.
err = Console(stderr=True, soft_wrap=True)

CorpusOpt = Annotated[Path | None, typer.Option("--corpus", help="Dossier des articles.")]
StoreOpt = Annotated[Path | None, typer.Option("--store", help="Dossier du store Chroma.")]


def make_settings(corpus: Path | None = None, store: Path | None = None, **extra: object) -> Settings:
    """Settings from the environment, overridden by the options given on the command line."""
    given = {"corpus_dir": corpus, "store_dir": store, **extra}
    return Settings(**{k: v for k, v in given.items() if v is not None})


def say(label: str, style: str, message: str) -> None:
    """One stderr line: a coloured label, then `message` verbatim (a file name may hold "[v2]")."""
    err.print(Text.assemble((label, style), " ", message))


@contextmanager
def french_errors() -> Iterator[None]:
    """Turn a domain error into its French message on stderr and exit code 1."""
    try:
        yield
    except MissionsError as exc:
        say("Erreur :", "red", str(exc))
        raise typer.Exit(1) from None


def run_refresh(settings: Settings, full: bool = False) -> tuple[Embeddings, str]:
    """Sync the store with the corpus folder, with a progress bar, and print a summary.

    Returns the loaded (embeddings, model id) so the caller need not load the model again.
    """
    from bot.service import load_embeddings
    from index.refresh import refresh_corpus

    if not settings.corpus_dir.is_dir():
        say("Erreur :", "red", f"le dossier d'articles {settings.corpus_dir} n'existe pas.")
        raise typer.Exit(1)
    embeddings, model_id = load_embeddings(settings)
    with Progress(
        TextColumn("Indexation"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err
    ) as progress:
        task = progress.add_task("embed", total=None)
        report = refresh_corpus(
            settings.corpus_dir, embeddings, model_id, store_dir=settings.store_dir, chroma_url=settings.chroma_url,
            collection=settings.collection, full=full,
            on_progress=lambda done, total: progress.update(task, completed=done, total=total),
        )  # fmt: skip
    for name, problem in report.problems.items():
        # The message already opens with the file's base name; show the relative path once instead.
        reason = problem.removeprefix(f"{Path(name).name} : ")
        say("Ignoré", "yellow", f"{name} : {reason}")
    err.print(
        f"{report.articles} articles : {report.added} ajoutés, {report.updated} mis à jour, "
        f"{report.removed} supprimés, {report.kept} inchangés ; {report.chunks} passages, "
        f"{report.embedded} calculés, {report.unchanged} repris, {report.deleted} retirés ; "
        f"{len(report.problems)} fichiers ignorés ({report.seconds:.1f} s)."
    )
    return embeddings, model_id


@app.command()
def refresh(
    corpus: CorpusOpt = None,
    store: StoreOpt = None,
    full: Annotated[bool, typer.Option("--full", help="Tout reconstruire.")] = False,
) -> None:
    """Indexer les articles du dossier : ajoute le nouveau, remplace le modifié, retire le supprimé."""
    with french_errors():
        run_refresh(make_settings(corpus, store), full=full)


@app.command()
def status(
    corpus: CorpusOpt = None,
    store: StoreOpt = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Une ligne par article indexé.")] = False,
) -> None:
    """État de l'index : articles et passages, dernière mise à jour, articles en attente, modèle."""
    from index.embeddings import resolve_model
    from index.status import read_status

    with french_errors():
        settings = make_settings(corpus, store)
        if settings.embedding_base_url:  # the id is the name the server reports
            from bot.service import load_embeddings

            model_id = load_embeddings(settings)[1]
        else:
            model_id = resolve_model(settings.embedding_model)[1]
        state = read_status(
            settings.corpus_dir, model_id, store_dir=settings.store_dir, chroma_url=settings.chroma_url,
            collection=settings.collection,
        )  # fmt: skip
    when = state.refreshed_at.astimezone().strftime("%d/%m/%Y %H:%M:%S") if state.refreshed_at else "jamais"
    print(f"Index : {state.articles} articles, {state.chunks} passages")
    print(f"Dernière mise à jour : {when}")
    print(f"Modèle d'embeddings : {state.model}")
    if verbose or state.articles <= 20:
        for source, count in state.chunks_by_article.items():
            print(f"  {count:5} passages  {source}")
    print(f"Articles du dossier pas encore indexés (nouveaux ou modifiés) : {len(state.pending)}")
    for source in state.pending:
        print(f"  {source}")
    if state.gone:
        print(f"Articles indexés mais retirés du dossier : {len(state.gone)}")
        for source in state.gone:
            print(f"  {source}")
    if state.pending or state.gone:
        print("Lancez `missions refresh` pour mettre l'index à jour.")
    if not state.model_matches:
        say(
            "Erreur :", "red",
            f"l'index a été construit avec le modèle « {state.model} », pas « {state.expected_model} » : "
            "il ne peut pas servir. Reconstruisez-le avec `missions refresh --full`.",
        )  # fmt: skip
        raise typer.Exit(1)


@app.command()
def ask(
    question: Annotated[str | None, typer.Argument(help="La question ; sinon une par ligne sur l'entrée.")] = None,
    corpus: CorpusOpt = None,
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Une ligne JSON par réponse.")] = False,
) -> None:
    """Poser une question (ou une par ligne sur l'entrée standard)."""
    from bot.errors import InvalidQuestion
    from bot.service import Turn, open_bot

    with french_errors():
        bot = open_bot(make_settings(corpus, store))
        questions = [question] if question is not None else (line.rstrip("\n") for line in sys.stdin)
        history: list[Turn] = []
        failed = False
        for q in questions:
            if question is None and not q.strip():
                continue
            try:
                answer = bot.ask(q, history)
            except InvalidQuestion as exc:
                failed = True
                if as_json:
                    print(json.dumps({"question": q, "error": str(exc)}, ensure_ascii=False), flush=True)
                else:
                    say("Erreur :", "red", str(exc))
                continue
            history.append(Turn(q, answer.text))
            if as_json:
                print(json.dumps(answer.to_dict(), ensure_ascii=False), flush=True)
            else:
                print_answer(answer)
        if failed and question is not None:
            raise typer.Exit(1)


def print_answer(answer) -> None:  # noqa: ANN001 - bot.answer.Answer, imported lazily
    """Human-readable answer with its sources."""
    print(answer.text)
    if answer.notice:
        print(f"  ({answer.notice})")
    for c in answer.citations:
        print(f"  [{c.n}] {c.title} — {c.source}, § {c.paragraph}")
    print(flush=True)


@app.command("list")
def list_missions(
    corpus: CorpusOpt = None,
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Une ligne JSON par mission.")] = False,
) -> None:
    """Lister les missions indexées (le catalogue) : année, dates, participants, organisateur."""
    from bot.service import open_bot

    with french_errors():
        bot = open_bot(make_settings(corpus, store))
    for entry in bot.catalogue:
        if as_json:
            print(json.dumps(entry.to_dict(), ensure_ascii=False))
            continue
        participants = f"{entry.participants} participants" if entry.participants else "participants : ?"
        participants = "à venir" if entry.announced and not entry.participants else participants
        print(f"{entry.label:40} {entry.dates or '':24} {participants:18} {entry.organiser or ''}")
        print(f"{'':40} {entry.source}")


@app.command("eval")
def evaluate_questions(
    questions: Annotated[Path, typer.Argument(help="Fichier .jsonl (id, question, expect, source, answerable).")],
    corpus: CorpusOpt = None,
    store: StoreOpt = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Écrire les chiffres dans ce fichier JSON.")] = None,
    min_answer: Annotated[float, typer.Option(help="Exactitude des réponses minimale (0-1).")] = 0.0,
    min_refusal: Annotated[float, typer.Option(help="Rappel des refus minimal (0-1).")] = 0.0,
    min_citation: Annotated[float, typer.Option(help="Exactitude des citations minimale (0-1).")] = 0.0,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Une ligne par question.")] = False,
) -> None:
    """Mesurer la qualité des réponses sur un fichier de questions ; code 1 sous les seuils."""
    from bot.evaluate import evaluate, read_questions
    from bot.service import open_bot
    from corpus.load import load_articles

    with french_errors():
        settings = make_settings(corpus, store)
        bot = open_bot(settings)
        texts = {a.id: a.text for a in load_articles(settings.corpus_dir).articles}

        def show(case) -> None:  # noqa: ANN001 - bot.evaluate.Case
            if verbose:
                mark = "ok " if case.correct else "RATÉ"
                print(f"{mark} {case.id:6} {case.question[:70]}\n      -> {case.answer[:150]!r}")

        report = evaluate(bot, read_questions(questions), texts, show)
    rows = [
        ("questions (répondables / sans réponse)", f"{report.questions} ({report.answerable} / {report.unanswerable})"),
        ("exactitude des réponses", f"{report.answer_accuracy:.1%}"),
        ("exactitude des citations", f"{report.citation_accuracy:.1%}"),
        ("précision des refus", f"{report.refusal_precision:.1%}"),
        ("rappel des refus", f"{report.refusal_recall:.1%}"),
        ("source attendue en 1re position (hit@1)", f"{report.hit_at_1:.1%}"),
        ("source attendue dans les 5 premiers (hit@5)", f"{report.hit_at_5:.1%}"),
        ("latence p50 / p95", f"{report.latency_p50_ms:.0f} ms / {report.latency_p95_ms:.0f} ms"),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    if json_out:
        json_out.write_text(json.dumps(report.figures(), indent=2, ensure_ascii=False), encoding="utf-8")
    failures = [
        name
        for name, value, floor in (
            ("exactitude des réponses", report.answer_accuracy, min_answer),
            ("rappel des refus", report.refusal_recall, min_refusal),
            ("exactitude des citations", report.citation_accuracy, min_citation),
        )
        if value < floor
    ]
    if failures:
        say("Sous le seuil :", "red", ", ".join(failures))
        raise typer.Exit(1)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Adresse d'écoute.")] = None,
    port: Annotated[int | None, typer.Option(help="Port.")] = None,
    refresh_first: Annotated[bool, typer.Option("--refresh", help="Mettre l'index à jour avant.")] = False,
) -> None:
    """Servir le chat, l'API (/api, /v1 compatible OpenAI) et sa documentation (/docs) sur http://HOST:PORT."""
    settings = make_settings(host=host, port=port)
    with french_errors():
        model = run_refresh(settings) if refresh_first else None
        import app as web

        web.serve(settings, model)


def main() -> None:
    """Entry point of the `missions` console script."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    app()


if __name__ == "__main__":
    main()
