"""Build the chat model the settings name: Ollama or any OpenAI-compatible server, or none.

The LangChain integration of the chosen backend is imported here and only here, when it is
selected, so `MISSIONS_LLM=none` needs neither package. The timeout comes from the settings and
nothing is retried: a model that does not answer within `llm_timeout` falls back at once to the
extractive answer, instead of making the reader wait through retries.
"""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel

from bot.errors import LLMNotConfigured
from bot.settings import Settings

MAX_RETRIES = 0
OLLAMA_URL = "http://localhost:11434"
# OpenAI's client insists on a key; local servers (vLLM, llama.cpp) ignore it.
PLACEHOLDER_KEY = "sans-cle"


def build_chat_model(settings: Settings) -> BaseChatModel | None:
    """The chat model `settings.llm` selects, or None for `none` (extractive answers only)."""
    match settings.llm:
        case "none":
            return None
        case "ollama":
            return _ollama(settings)
        case "openai":
            return _openai(settings)
    raise LLMNotConfigured(f"Modèle de langue inconnu : « {settings.llm} » (none, ollama ou openai).")


def _model_name(settings: Settings) -> str:
    if not settings.llm_model:
        raise LLMNotConfigured(
            f"MISSIONS_LLM={settings.llm} demande aussi le nom du modèle : MISSIONS_LLM_MODEL (par exemple mistral)."
        )
    return settings.llm_model


def _api_key(settings: Settings) -> str | None:
    return settings.llm_api_key.get_secret_value() if settings.llm_api_key else None


def _ollama(settings: Settings) -> BaseChatModel:
    from langchain_ollama import ChatOllama

    client: dict[str, object] = {"timeout": settings.llm_timeout}
    if key := _api_key(settings):  # an Ollama behind an authenticating proxy
        client["headers"] = {"Authorization": f"Bearer {key}"}
    return ChatOllama(
        model=_model_name(settings),
        base_url=settings.llm_base_url or OLLAMA_URL,
        temperature=0,
        client_kwargs=client,
    )


def _openai(settings: Settings) -> BaseChatModel:
    from langchain_openai import ChatOpenAI

    # base_url None is OpenAI's own API; a vLLM, llama.cpp or Mistral server gives its /v1 URL.
    return ChatOpenAI(  # type: ignore[call-arg]
        model=_model_name(settings),
        base_url=settings.llm_base_url,
        api_key=_api_key(settings) or PLACEHOLDER_KEY,
        timeout=settings.llm_timeout,
        max_retries=MAX_RETRIES,
        temperature=0,
    )
