"""OpenAI-compatible routes under /v1: chat completions (streamed or not), models, embeddings.

So the official `openai` client, and chat front ends built on it, work by changing only the base URL.
The last user message is the question, earlier user/assistant pairs the conversation. Citations
come twice: as numbered references at the end of the message text, and as a structured
`citations` field beside the message (on the last chunk when streaming). Any model name is
accepted (front ends send their own); the answer always comes from the Missions bot. The models'
docstrings are in French: they are the OpenAPI documentation.
"""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Annotated, Any, Literal

import numpy as np
from fastapi import APIRouter, Depends
from fastapi.sse import EventSourceResponse
from langchain_core.embeddings import Embeddings
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from bot.answer import Answer, Citation
from bot.service import LiveBot, Turn
from bot.settings import Settings
from web.api import MISSION_HELP, QUESTION, CitationOut, call_bot, error_responses, sse_schema, started
from web.security import ApiError, Guard, error_body

MODEL = "missions"
REFERENCES = "\n\nSources :\n"
MAX_INPUTS = 256


class ContentPart(BaseModel):
    """Une partie d'un message en liste ; seules les parties `text` sont lues."""

    model_config = ConfigDict(extra="ignore")
    type: str = Field(examples=["text"])
    text: str | None = None


class ChatMessage(BaseModel):
    """Un message de la conversation ; les messages `system` et `tool` sont ignorés."""

    model_config = ConfigDict(extra="ignore")
    role: Literal["system", "developer", "user", "assistant", "tool", "function"] = Field(examples=["user"])
    content: str | list[ContentPart] | None = Field(None, examples=[QUESTION])


class ChatRequest(BaseModel):
    """Une demande de réponse ; les autres paramètres d'OpenAI (temperature, max_tokens…) sont acceptés et ignorés."""

    model_config = ConfigDict(
        extra="ignore",
        json_schema_extra={"examples": [{"model": MODEL, "messages": [{"role": "user", "content": QUESTION}]}]},
    )
    model: str = Field(MODEL, description="Nom du modèle : tout nom est accepté, la réponse vient de Missions.")
    messages: list[ChatMessage] = Field(
        min_length=1, max_length=100,
        description="La conversation ; le dernier message `user` est la question.",
    )  # fmt: skip
    stream: bool | None = Field(False, description="Envoyer la réponse en morceaux (server-sent events).")
    mission: str | None = Field(None, description=f"Extension de Missions. {MISSION_HELP}")


class AssistantMessage(BaseModel):
    """La réponse : le texte avec ses références, et les citations en données."""

    role: Literal["assistant"] = "assistant"
    content: str = Field(description="La réponse, suivie de « Sources : » et des références numérotées.")
    citations: list[CitationOut] = Field(description="Extension de Missions : les passages cités, en données.")


class Choice(BaseModel):
    """L'unique réponse."""

    index: int = 0
    message: AssistantMessage
    finish_reason: Literal["stop"] = "stop"


class ChatCompletion(BaseModel):
    """Une réponse, comme OpenAI la rend."""

    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[Choice]


class ModelCard(BaseModel):
    """Un modèle."""

    id: str = Field(examples=[MODEL])
    object: Literal["model"] = "model"
    created: int
    owned_by: str = Field(examples=["missions"])


class ModelList(BaseModel):
    """Les modèles : le bot, et le modèle d'embeddings de l'index."""

    object: Literal["list"] = "list"
    data: list[ModelCard]


class EmbeddingRequest(BaseModel):
    """Des textes à vectoriser avec le modèle de l'index."""

    model_config = ConfigDict(
        extra="ignore", json_schema_extra={"examples": [{"input": ["Mission Silicon Valley"], "model": "missions"}]}
    )
    input: str | Annotated[list[str], Field(min_length=1, max_length=MAX_INPUTS)] = Field(
        description=f"Un texte, ou une liste d'au plus {MAX_INPUTS} textes."
    )
    model: str = Field(MODEL, description="Nom du modèle : ignoré, c'est toujours le modèle de l'index.")
    encoding_format: Literal["float", "base64"] = Field("float", description="Liste de nombres, ou base64 (float32).")
    dimensions: int | None = Field(None, ge=1, description="Doit valoir la dimension du modèle s'il est donné.")


class EmbeddingItem(BaseModel):
    """Un vecteur."""

    object: Literal["embedding"] = "embedding"
    index: int
    embedding: list[float] | str


class EmbeddingList(BaseModel):
    """Les vecteurs, dans l'ordre des textes."""

    object: Literal["list"] = "list"
    data: list[EmbeddingItem]
    model: str = Field(description="Le modèle de l'index.", examples=["sentence-transformers/all-MiniLM-L6-v2"])
    usage: dict[str, int] = Field(description="Jetons lus (prompt_tokens, total_tokens).")


def openai_router(live: LiveBot, settings: Settings, guard: Guard) -> APIRouter:
    """The /v1 routes, each behind `guard`."""
    router = APIRouter(
        prefix="/v1", tags=["Compatible OpenAI"], dependencies=[Depends(guard)]
    )
    started_at = int(time.time())

    @router.post(
        "/chat/completions",
        response_model=ChatCompletion,
        summary="Réponse à une conversation (compatible OpenAI)",
        responses={
            200: {
                "description": "Un `chat.completion` ; avec `stream: true`, des `chat.completion.chunk` en "
                "server-sent events, terminés par `data: [DONE]`.",
                "content": {"text/event-stream": {"itemSchema": sse_schema()}},
            },
            **error_responses(400, 401, 403, 413, 422, 429, 503),
        },
    )
    async def chat_completions(request: ChatRequest) -> Any:
        """Comme `POST /v1/chat/completions` d'OpenAI : la réponse de Missions, avec ses sources."""
        question, history = split_conversation(request.messages)
        bot = live.bot
        reply = Reply(request.model)
        if not request.stream:
            answer = await run_in_threadpool(call_bot, bot.ask, question, history, request.mission)
            return reply.completion(answer)
        return EventSourceResponse(reply.chunks(await started(bot.stream(question, history, request.mission))))

    @router.get("/models", response_model=ModelList, summary="Les modèles", responses=error_responses(401, 403, 429))
    async def models() -> ModelList:
        """Le modèle de conversation `missions` et le modèle d'embeddings de l'index."""
        return ModelList(
            data=[
                ModelCard(id=MODEL, created=started_at, owned_by="missions"),
                ModelCard(id=live.model[1], created=started_at, owned_by="missions"),
            ]
        )

    @router.post("/embeddings", response_model=EmbeddingList, summary="Embeddings (compatible OpenAI)",
                 responses=error_responses(400, 401, 403, 413, 422, 429))  # fmt: skip
    async def embeddings(request: EmbeddingRequest) -> EmbeddingList:
        """Les vecteurs de vos textes, calculés par le modèle qu'utilise l'index (normalisés)."""
        texts = [request.input] if isinstance(request.input, str) else request.input
        if any(not t.strip() for t in texts):
            raise ApiError(422, "texte_vide", "Chaque texte à vectoriser doit contenir autre chose que des espaces.")
        model, model_id = live.model
        vectors = await run_in_threadpool(model.embed_documents, texts)
        if request.dimensions is not None and vectors and request.dimensions != len(vectors[0]):
            raise ApiError(
                422, "dimensions_non_prises_en_charge",
                f"Le modèle {model_id} produit des vecteurs de {len(vectors[0])} dimensions, pas {request.dimensions}.",
            )  # fmt: skip
        tokens = count_tokens(model, texts)
        return EmbeddingList(
            data=[EmbeddingItem(index=i, embedding=encode(v, request.encoding_format)) for i, v in enumerate(vectors)],
            model=model_id,
            usage={"prompt_tokens": tokens, "total_tokens": tokens},
        )

    return router


def message_text(message: ChatMessage) -> str:
    """The text of a message: a string, or its `text` parts joined by a space."""
    if isinstance(message.content, list):
        return " ".join(p.text for p in message.content if p.type == "text" and p.text)
    return message.content or ""


def split_conversation(messages: Sequence[ChatMessage]) -> tuple[str, list[Turn]]:
    """(question, history): [user A, assistant B, user C] -> ('C', [Turn('A', 'B')]); 422 unless a user speaks last."""
    said = [(m.role, message_text(m)) for m in messages if m.role in ("user", "assistant")]
    if not said or said[-1][0] != "user":
        raise ApiError(
            422, "question_absente",
            "Le dernier message de la conversation doit venir de l'utilisateur (role « user »).",
        )  # fmt: skip
    history: list[Turn] = []
    pending: str | None = None
    for role, text in said[:-1]:
        if role == "user":
            if pending is not None:
                history.append(Turn(pending))
            pending = text
        elif pending is not None:
            history.append(Turn(pending, text.split(REFERENCES)[0]))
            pending = None
    if pending is not None:
        history.append(Turn(pending))
    return said[-1][1], history


def reference(citation: Citation) -> str:
    """'[1] Titre — mission-silicon-valley-2017.txt, paragraphe 1 — https://…'."""
    line = f"[{citation.n}] {citation.title} — {citation.source}"
    if citation.paragraph is not None:
        line += f", paragraphe {citation.paragraph}"
    return line + (f" — {citation.url}" if citation.url else "")


def references(answer: Answer) -> str:
    """What follows the answer's text: a blank line, 'Sources :', one reference a line; '' without citations."""
    return REFERENCES + "\n".join(reference(c) for c in answer.citations) if answer.citations else ""


class Reply:
    """One completion's identity (id, time, model), and its renderings, whole or in chunks."""

    def __init__(self, model: str) -> None:
        self.id = f"chatcmpl-{uuid.uuid4().hex}"
        self.created = int(time.time())
        self.model = model

    def completion(self, answer: Answer) -> ChatCompletion:
        """The whole `chat.completion`."""
        message = AssistantMessage(content=answer.text + references(answer), citations=answer.to_dict()["citations"])
        return ChatCompletion(
            id=self.id, created=self.created, model=self.model, choices=[Choice(message=message)]
        )

    def chunk(self, delta: dict[str, Any], finish: str | None = None, **extra: Any) -> bytes:
        """One `chat.completion.chunk` as a `data:` line."""
        body = {
            "id": self.id, "object": "chat.completion.chunk", "created": self.created, "model": self.model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra,
        }  # fmt: skip
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n".encode()

    async def chunks(self, pieces: AsyncIterator[str | Answer]) -> AsyncIterator[bytes]:
        """The streamed completion: the role, the text pieces, the references, a last chunk with the
        citations and `finish_reason: stop`, then `data: [DONE]`.
        """
        yield self.chunk({"role": "assistant", "content": ""})
        try:
            async for piece in pieces:
                if isinstance(piece, Answer):
                    if piece.citations:
                        yield self.chunk({"content": references(piece)})
                    citations = piece.to_dict()["citations"]
                    yield self.chunk({"citations": citations}, "stop", citations=citations)
                elif piece:
                    yield self.chunk({"content": piece})
        except ApiError as exc:  # the response has started: OpenAI sends the error as a data line
            yield f"data: {json.dumps(error_body(exc.code, exc.message), ensure_ascii=False)}\n\n".encode()
        yield b"data: [DONE]\n\n"


def encode(vector: Sequence[float], encoding_format: str) -> list[float] | str:
    """A vector as floats, or as OpenAI's base64 of little-endian float32."""
    if encoding_format == "base64":
        return base64.b64encode(np.asarray(vector, dtype="<f4").tobytes()).decode("ascii")
    return [float(x) for x in vector]


def count_tokens(model: Embeddings, texts: Sequence[str]) -> int:
    """Tokens read, by the model's own tokenizer when it has one (sentence-transformers), else words."""
    tokenizer = getattr(getattr(model, "_client", None), "tokenizer", None)
    if callable(tokenizer):
        return sum(len(ids) for ids in tokenizer(list(texts))["input_ids"])
    return sum(len(t.split()) for t in texts)
