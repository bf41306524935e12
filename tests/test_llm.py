"""bot.llm: the factory builds the chat model the settings select, with their timeout, and no retries."""

from __future__ import annotations

import pytest

from bot.errors import LLMNotConfigured
from bot.llm import MAX_RETRIES, OLLAMA_URL, build_chat_model
from bot.settings import Settings


def test_none_builds_nothing():
    assert build_chat_model(Settings()) is None


def test_openai_compatible_server():
    from langchain_openai import ChatOpenAI

    model = build_chat_model(
        Settings(
            llm="openai",
            llm_base_url="http://127.0.0.1:8000/v1",
            llm_model="mistral-7b",
            llm_timeout=7,
            llm_api_key="k",
        )
    )
    assert isinstance(model, ChatOpenAI)
    assert model.model_name == "mistral-7b"
    assert model.openai_api_base == "http://127.0.0.1:8000/v1"
    assert model.openai_api_key.get_secret_value() == "k"
    assert model.request_timeout == 7 and model.max_retries == MAX_RETRIES == 0
    assert model.temperature == 0


def test_a_local_server_needs_no_key():
    model = build_chat_model(Settings(llm="openai", llm_base_url="http://127.0.0.1:8080/v1", llm_model="local"))
    assert model.openai_api_key.get_secret_value()  # the client insists on one; local servers ignore it


def test_ollama():
    from langchain_ollama import ChatOllama

    model = build_chat_model(Settings(llm="ollama", llm_model="mistral", llm_timeout=9, llm_api_key="k"))
    assert isinstance(model, ChatOllama)
    assert model.base_url == OLLAMA_URL and model.model == "mistral"
    assert model.client_kwargs["timeout"] == 9
    assert model.client_kwargs["headers"] == {"Authorization": "Bearer k"}


@pytest.mark.parametrize("llm", ["openai", "ollama"])
def test_a_missing_model_name_is_a_french_error(llm):
    with pytest.raises(LLMNotConfigured, match="MISSIONS_LLM_MODEL"):
        build_chat_model(Settings(llm=llm))
