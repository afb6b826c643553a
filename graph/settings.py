"""Settings from the environment (and a `.env` file), built once and injected where needed."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_db_path() -> Path:
    return Path.home() / ".local" / "share" / "kg" / "graph.lbug"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    backend: Literal["ladybug", "neo4j"] = Field("ladybug", validation_alias=AliasChoices("KG_BACKEND", "backend"))
    db_path: Path = Field(default_factory=_default_db_path, validation_alias=AliasChoices("KG_DB_PATH", "db_path"))
    neo4j_uri: str = Field("bolt://127.0.0.1:7687", validation_alias=AliasChoices("NEO4J_URI", "neo4j_uri"))
    neo4j_user: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_USER", "neo4j_user"))
    neo4j_password: str = Field("", validation_alias=AliasChoices("NEO4J_PASSWORD", "neo4j_password"))
    neo4j_database: str | None = Field(None, validation_alias=AliasChoices("NEO4J_DATABASE", "neo4j_database"))
    batch_size: int = Field(1000, ge=1, validation_alias=AliasChoices("KG_BATCH_SIZE", "batch_size"))
    api_key: str | None = Field(None, validation_alias=AliasChoices("KG_API_KEY", "api_key"))
    query_cache_seconds: float = Field(
        10.0, ge=0, validation_alias=AliasChoices("KG_QUERY_CACHE_SECONDS", "query_cache_seconds")
    )
    max_page_size: int = Field(500, ge=1, validation_alias=AliasChoices("KG_MAX_PAGE_SIZE", "max_page_size"))
    max_body_bytes: int = Field(
        8 * 1024 * 1024, ge=1024, validation_alias=AliasChoices("KG_MAX_BODY_BYTES", "max_body_bytes")
    )
    max_offset: int = Field(10_000, ge=0, le=10**6, validation_alias=AliasChoices("KG_MAX_OFFSET", "max_offset"))

    def location(self) -> str:
        return str(self.db_path) if self.backend == "ladybug" else self.neo4j_uri


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
