"""Graph stores: one interface (`GraphStore`), an embedded and a server backend."""

from __future__ import annotations

from core.errors import ConfigError
from graph.settings import Settings, get_settings
from graph.stores.base import GraphStore, StoreStatus, WriteResult


def make_store(settings: Settings | None = None, backend: str | None = None) -> GraphStore:
    """The store the settings name; not opened yet (call `open()` or use it as a context manager)."""
    settings = settings or get_settings()
    name = backend or settings.backend
    if name == "ladybug":
        from graph.stores.ladybug_store import LadybugStore

        return LadybugStore(settings)
    if name == "neo4j":
        from graph.stores.neo4j_store import Neo4jStore

        return Neo4jStore(settings)
    raise ConfigError(f"unknown backend {name!r}: set KG_BACKEND to 'ladybug' or 'neo4j'")


__all__ = ["GraphStore", "StoreStatus", "WriteResult", "make_store"]
