"""Settings of the whole product, read from `MISSIONS_*` environment variables.

Built once at the edge (`cli.py`, `app.py`) and passed down; nothing reads it at import time.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

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
