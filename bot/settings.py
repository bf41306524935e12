"""Settings of the whole product, read from `MISSIONS_*` environment variables.

Built once at the edge (`cli.py`, `app.py`) and passed down; nothing reads it at import time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

SHIPPED_CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "articles"


class Settings(BaseSettings):
    """Every setting of Missions; each field is `MISSIONS_<NAME>` in the environment."""

    model_config = SettingsConfigDict(env_prefix="MISSIONS_", env_file=None, extra="ignore")

    corpus_dir: Path = Field(SHIPPED_CORPUS, description="Dossier des articles de mission.")
    store_dir: Path = Field(Path(".missions/store"), description="Dossier du store Chroma local.")
    chroma_url: str | None = Field(None, description="URL d'un serveur Chroma (sinon store local).")
    collection: str = Field("missions", description="Nom de la collection Chroma.")
    embedding_model: str | None = Field(
        None, description="Chemin ou nom d'un modèle sentence-transformers (défaut : MiniLM livré)."
    )
    max_question_chars: int = Field(500, ge=10, description="Longueur maximale d'une question.")
    max_citations: int = Field(3, ge=1, le=10, description="Nombre maximal de passages cités.")
    host: str = "127.0.0.1"
    port: int = 7860

    # Staff (admin page, unanswered questions): the page is off until a password is set.
    admin_password: SecretStr | None = Field(None, description="Mot de passe de la page d'administration.")
    max_upload_bytes: int = Field(20_000_000, ge=1, description="Taille maximale d'un article envoyé.")
    unanswered_path: Path = Field(
        Path(".missions/unanswered.sqlite3"), description="Journal des questions restées sans réponse."
    )
    unanswered_retention_days: int = Field(90, ge=1, description="Durée de conservation de ce journal.")

    # Integrators (HTTP API, widget): no key configured means open on loopback only.
    api_keys: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Clés d'API acceptées, séparées par des virgules."
    )
    rate_limit_per_minute: int = Field(60, ge=1, description="Requêtes par minute et par clé.")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Origines autorisées (CORS et widget), séparées par des virgules."
    )
    max_request_bytes: int = Field(65_536, ge=1024, description="Taille maximale d'une requête d'API.")

    # Remote embeddings through an OpenAI-compatible server, instead of the local model.
    embedding_base_url: str | None = Field(None, description="URL d'un serveur d'embeddings compatible OpenAI.")
    embedding_api_key: SecretStr | None = Field(None, description="Clé de ce serveur d'embeddings.")
    embedding_timeout: float = Field(30.0, gt=0, description="Délai d'attente du serveur d'embeddings (s).")

    # Generative answers: `none` keeps the extractive answerer (no LLM imported).
    llm: Literal["none", "ollama", "openai"] = Field("none", description="Modèle de langue : none, ollama, openai.")
    llm_base_url: str | None = Field(None, description="URL du serveur du modèle de langue.")
    llm_model: str | None = Field(None, description="Nom du modèle de langue.")
    llm_api_key: SecretStr | None = Field(None, description="Clé du serveur du modèle de langue.")
    llm_timeout: float = Field(30.0, gt=0, description="Délai d'attente du modèle de langue (s).")

    @field_validator("api_keys", "cors_origins", mode="before")
    @classmethod
    def _split_commas(cls, value: object) -> object:
        """'a, b' -> ['a', 'b'] (a list is kept)."""
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value
