"""The HTTP API under /api: ask (JSON or server-sent events), search, the mission catalogue, health.

A thin edge over `LiveBot`: each request takes the bot of the moment (a refresh swaps it), runs it
in the thread pool (it is CPU-bound and synchronous) and returns what `missions ask --json` prints.
The models' docstrings and field descriptions are in French: they are the OpenAPI documentation.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.sse import EventSourceResponse, format_sse_event
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool

from bot.answer import Answer
from bot.errors import MissionsError
from bot.service import LiveBot, Turn
from bot.settings import Settings
from web.security import ApiError, Guard, domain_error, error_body

QUESTION = "Combien d'entrepreneurs ont participé à la Mission Silicon Valley ?"
MISSION_HELP = (
    "Limiter la réponse à une mission : son libellé du catalogue (« Mission Silicon Valley (2017) »), "
    "son nom (toutes ses éditions) ou le fichier de son article. Voir GET /api/missions."
)


class ErrorDetail(BaseModel):
    """Ce qui n'a pas marché."""

    code: str = Field(description="Code stable, à tester dans votre code.", examples=["question_invalide"])
    message: str = Field(description="Explication en français, à montrer.", examples=["La question est vide."])


class ErrorBody(BaseModel):
    """Toutes les erreurs de l'API ont cette forme."""

    error: ErrorDetail


def sse_schema(events: list[str] | None = None) -> dict[str, Any]:
    """OpenAPI 3.2 `itemSchema` of a server-sent event stream: each event's name and its JSON data."""
    properties: dict[str, Any] = {"data": {"type": "string", "contentMediaType": "application/json"}}
    if events is None:  # OpenAI's stream: unnamed events, the last one `[DONE]`, which is not JSON
        return {"type": "object", "required": ["data"], "properties": {"data": {"type": "string"}}}
    properties["event"] = {"type": "string", "enum": events}
    return {"type": "object", "required": ["event", "data"], "properties": properties}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the errors a route may answer with."""
    described = {
        400: "Corps de requête illisible (octets qui ne sont pas de l'UTF-8).",
        401: "Clé d'API absente ou inconnue (quand des clés sont configurées).",
        403: "Aucune clé configurée et client hors de cette machine.",
        413: "Requête trop volumineuse.",
        422: "Requête ou question non valide, ou mission inconnue.",
        429: "Limite de requêtes par minute atteinte ; l'en-tête Retry-After donne l'attente en secondes.",
        503: "Index indisponible.",
    }
    return {s: {"model": ErrorBody, "description": described[s]} for s in statuses}


class HistoryTurn(BaseModel):
    """Un échange précédent de la conversation."""

    question: str = Field(description="La question posée alors.", examples=["Qui a organisé la mission de 2017 ?"])
    answer: str = Field("", description="La réponse reçue (facultative).", examples=["La CCI Occitanie. [1]"])


class AskRequest(BaseModel):
    """Une question, avec la conversation jusque-là."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"question": QUESTION, "history": [], "mission": None}]}
    )
    question: str = Field(description="La question, en français (500 caractères au plus par défaut).")
    history: list[HistoryTurn] = Field(
        default_factory=list, max_length=50,
        description="Les échanges précédents, du plus ancien au plus récent : une relance (« Et combien de "
        "rendez-vous ? ») reprend la mission dont ils parlaient.",
    )  # fmt: skip
    mission: str | None = Field(None, description=MISSION_HELP, examples=["Mission Silicon Valley (2017)"])


class CitationOut(BaseModel):
    """Un passage cité : `quote` est copié mot pour mot de l'article."""

    n: int = Field(description="Le numéro du renvoi [n] dans le texte de la réponse.", examples=[1])
    source: str = Field(description="Le fichier de l'article.", examples=["mission-silicon-valley-2017.txt"])
    title: str = Field(description="Le titre de l'article.")
    mission: str | None = Field(description="La mission dont parle l'article.", examples=["Mission Silicon Valley"])
    quote: str = Field(description="Le passage cité, mot pour mot.")
    url: str | None = Field(None, description="L'article en ligne, s'il est connu.")
    year: int | None = Field(None, description="L'année de la mission.", examples=[2017])
    paragraph: int | None = Field(None, description="Le numéro du paragraphe dans l'article.", examples=[1])
    verified: bool | None = Field(
        None, description="Vrai quand la phrase rédigée par le modèle de langue a été vérifiée contre ce passage ; "
        "null quand la phrase est le passage lui-même (réponse extractive).",
    )


class AnswerOut(BaseModel):
    """La réponse, telle que l'affiche `missions ask --json`."""

    question: str = Field(description="La question, nettoyée des espaces superflus.", examples=[QUESTION])
    answer: str = Field(
        description="La réponse en français, avec des renvois [n] vers `citations`.",
        examples=["Une quinzaine d’entrepreneurs ou porteurs de projet régionaux ont participé. [1]"],
    )
    abstained: bool = Field(description="Vrai quand les articles ne contiennent pas la réponse.", examples=[False])
    citations: list[CitationOut] = Field(description="Les passages cités, dans l'ordre des renvois.")
    leads: list[str] = Field(
        description="Quand la réponse manque : les missions les plus proches.",
        examples=[["Mission Silicon Valley (2017)"]],
    )
    notice: str | None = Field(
        None, description="Une remarque pour le lecteur (par exemple : réponse extraite faute de modèle de langue)."
    )


class PassageOut(BaseModel):
    """Un passage retrouvé, avec ses scores."""

    rank: int = Field(description="Le rang, à partir de 1.", examples=[1])
    id: str = Field(description="L'identifiant du passage dans l'index.")
    text: str = Field(description="Le texte du passage.")
    score: float = Field(description="Le score fusionné (BM25 et similarité), le plus haut d'abord.")
    lexical_rank: int | None = Field(description="Le rang côté mots-clés (BM25), à partir de 0 ; null si absent.")
    dense_rank: int | None = Field(description="Le rang côté sens (vecteurs), à partir de 0 ; null si absent.")
    dense_similarity: float | None = Field(description="La similarité cosinus côté sens, si classé.")
    metadata: dict[str, str | int | float | bool] = Field(
        description="Les métadonnées du passage : source, title, mission, year, paragraph, start, end…"
    )


class SearchOut(BaseModel):
    """Les passages retrouvés pour une question."""

    question: str = Field(description="La question, nettoyée des espaces superflus.", examples=[QUESTION])
    mission: str | None = Field(description="Le filtre de mission appliqué.")
    passages: list[PassageOut] = Field(description="Les passages, du meilleur au moins bon.")


class MissionOut(BaseModel):
    """Une édition de mission du catalogue."""

    label: str = Field(description="Le libellé, à passer dans `mission`.", examples=["Mission Silicon Valley (2017)"])
    mission: str = Field(description="Le nom de la mission.", examples=["Mission Silicon Valley"])
    year: int | None = Field(description="L'année de cette édition.", examples=[2017])
    source: str = Field(description="Le fichier de l'article.", examples=["mission-silicon-valley-2017.txt"])
    title: str = Field(description="Le titre de l'article.")
    dates: str | None = Field(None, description="Les dates, comme l'article les donne.", examples=["20 au 25 mai 2017"])
    destination: str | None = Field(None, description="La destination.", examples=["Silicon Valley"])
    country: str | None = Field(None, description="Le pays.", examples=["États-Unis"])
    organiser: str | None = Field(None, description="L'organisateur.", examples=["CCI Occitanie"])
    participants: int | None = Field(None, description="Le nombre de participants, s'il est connu.", examples=[15])
    sectors: list[str] = Field(default_factory=list, description="Les secteurs d'activité visés.")
    url: str | None = Field(None, description="L'article en ligne, s'il est connu.")
    quote: str = Field("", description="La phrase de l'article qui donne ses dates (ou la première).")
    announced: bool = Field(False, description="Une mission à venir : son article l'annonce (appel à candidatures).")


class HealthOut(BaseModel):
    """L'index et le modèle sont-ils prêts ?"""

    status: str = Field(description="« ok » quand le bot répond.", examples=["ok"])
    store: dict[str, str | int | None] = Field(
        description="L'index : collection, emplacement, nombre de passages, d'articles et de missions."
    )
    model: dict[str, str] = Field(description="Le modèle d'embeddings chargé.")
    api: dict[str, str | int | bool] = Field(description="L'accès : clés requises, limite par minute.")


def api_router(live: LiveBot, settings: Settings, guard: Guard) -> APIRouter:
    """The /api routes, each behind `guard`."""
    router = APIRouter(
        prefix="/api", tags=["API Missions"], dependencies=[Depends(guard)]
    )

    @router.post(
        "/ask",
        response_model=AnswerOut,
        summary="Poser une question",
        responses={
            200: {
                "description": "La réponse en JSON ; avec `?stream=true`, des événements SSE : `text` (morceaux "
                "de la réponse), `citations`, puis `done` (la réponse complète) — ou `error`.",
                "content": {"text/event-stream": {"itemSchema": sse_schema(["text", "citations", "done", "error"])}},
            },
            **error_responses(400, 401, 403, 413, 422, 429, 503),
        },
    )
    async def ask(
        request: AskRequest,
        stream: Annotated[bool, Query(description="Envoyer la réponse au fil de l'eau (server-sent events).")] = False,
    ) -> Any:
        """La réponse à une question sur les missions, avec ses citations (comme `missions ask --json`)."""
        history = [Turn(t.question, t.answer) for t in request.history]
        bot = live.bot
        if not stream:
            answer = await run_in_threadpool(call_bot, bot.ask, request.question, history, request.mission)
            return answer.to_dict()
        return EventSourceResponse(answer_events(await started(bot.stream(request.question, history, request.mission))))

    @router.get("/search", response_model=SearchOut, summary="Chercher des passages",
                responses=error_responses(401, 403, 422, 429))  # fmt: skip
    async def search(
        q: Annotated[str, Query(description="La question ou les mots cherchés.", examples=[QUESTION])],
        k: Annotated[int, Query(ge=1, le=50, description="Le nombre de passages voulus.")] = 8,
        mission: Annotated[str | None, Query(description=MISSION_HELP)] = None,
    ) -> SearchOut:
        """Les passages que le bot retrouve pour une question, du meilleur au moins bon, avec leurs scores."""
        passages = await run_in_threadpool(call_bot, live.bot.search, q, k, (), mission)
        return SearchOut(
            question=" ".join(q.split()),
            mission=mission,
            passages=[
                PassageOut(
                    rank=n, id=p.id, text=p.document.page_content, score=p.score, lexical_rank=p.lexical_rank,
                    dense_rank=p.dense_rank, dense_similarity=p.dense_similarity, metadata=dict(p.document.metadata),
                )  # fmt: skip
                for n, p in enumerate(passages, start=1)
            ],
        )

    @router.get("/missions", response_model=list[MissionOut], summary="Le catalogue des missions",
                responses=error_responses(401, 403, 429))  # fmt: skip
    async def missions() -> list[dict[str, Any]]:
        """Les missions décrites par les articles indexés, par année puis par nom."""
        return [{"label": e.label, **e.to_dict()} for e in live.bot.catalogue]

    @router.get("/health", response_model=HealthOut, summary="État du service",
                responses=error_responses(401, 403, 429))  # fmt: skip
    async def health() -> HealthOut:
        """L'état de l'index et du modèle : le service répond-il ?"""
        bot = live.bot
        documents = bot.retriever.documents
        return HealthOut(
            status="ok",
            store={
                "collection": settings.collection,
                "location": settings.chroma_url or str(settings.store_dir),
                "passages": len(documents),
                "articles": len({d.metadata.get("source") for d in documents}),
                "missions": len(bot.catalogue),
            },
            model={"id": live.model[1]},
            api={"keys_required": bool(settings.api_keys), "rate_limit_per_minute": settings.rate_limit_per_minute},
        )

    return router


def call_bot(method: Any, *args: Any) -> Any:
    """Run a bot method, turning a domain error into the API's error (used from the thread pool)."""
    try:
        return method(*args)
    except MissionsError as exc:
        raise domain_error(exc) from exc


async def started(pieces: Iterator[str | Answer]) -> AsyncIterator[str | Answer]:
    """`pieces` read in the thread pool, its first piece already taken: a bad question fails here,
    as a 422, before any streamed byte.
    """
    source = iterate_in_threadpool(guarded(pieces))
    first = await anext(source, None)

    async def rest() -> AsyncIterator[str | Answer]:
        if first is not None:
            yield first
        async for piece in source:
            yield piece

    return rest()


def guarded(pieces: Iterator[str | Answer]) -> Iterator[str | Answer]:
    """`pieces` with a domain error turned into an `ApiError`."""
    try:
        yield from pieces
    except MissionsError as exc:
        raise domain_error(exc) from exc


def sse(event: str, data: Any) -> bytes:
    """One server-sent event, its data as JSON: ('text', {'text': 'Une'}) -> 'event: text', 'data: {"text": "Une"}'."""
    return format_sse_event(event=event, data_str=json.dumps(data, ensure_ascii=False))


async def answer_events(pieces: AsyncIterator[str | Answer]) -> AsyncIterator[bytes]:
    """The SSE of /api/ask: `text` pieces, then `citations`, then `done` with the whole answer."""
    try:
        async for piece in pieces:
            if isinstance(piece, Answer):
                yield sse("citations", {"citations": piece.to_dict()["citations"]})
                yield sse("done", piece.to_dict())
            elif piece:
                yield sse("text", {"text": piece})
    except ApiError as exc:  # the response has started: the error goes as an event
        yield sse("error", error_body(exc.code, exc.message))
