"""FastAPI dependencies: settings, the store, pagination, the API key. Tests override them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, FastAPI, Header, Query, Request

from api.errors import ApiError
from core.errors import QueryError
from graph.known import AsOf
from graph.settings import Settings, get_settings
from graph.stores import GraphStore, make_store

SettingsDep = Annotated[Settings, Depends(get_settings)]


_store_lock = threading.Lock()


def app_store(app: FastAPI, settings: Settings) -> GraphStore:
    """The app's one store, made and opened on first use (closed at shutdown by the lifespan)."""
    with _store_lock:
        store: GraphStore | None = getattr(app.state, "store", None)
        if store is None:
            store = make_store(settings)
            store.enable_cache(settings.query_cache_seconds)
            app.state.store = store
        store.open()
        return store


def get_store(request: Request, settings: SettingsDep) -> Iterator[GraphStore]:
    yield app_store(request.app, settings)


StoreDep = Annotated[GraphStore, Depends(get_store)]


class Page:
    """limit/offset pagination with a maximum page size from settings."""

    def __init__(
        self,
        settings: SettingsDep,
        limit: Annotated[int, Query(ge=1, description="rows per page")] = 50,
        offset: Annotated[int, Query(ge=0, description="rows to skip")] = 0,
    ) -> None:
        if limit > settings.max_page_size:
            raise ApiError(422, f"limit may be at most {settings.max_page_size}")
        self.limit = limit
        self.offset = offset

    def params(self) -> dict[str, int]:
        return {"limit": self.limit, "skip": self.offset}


PageDep = Annotated[Page, Depends(Page)]


def require_api_key(settings: SettingsDep, x_api_key: Annotated[str | None, Header()] = None) -> None:
    """Writes need the configured key; with no key configured the API refuses every write."""
    if not settings.api_key:
        raise ApiError(403, "writes are disabled: no API key is configured (set KG_API_KEY on the server)")
    if x_api_key != settings.api_key:
        raise ApiError(401, "missing or wrong X-API-Key header")


ApiKeyDep = Depends(require_api_key)


def known_at(
    as_of: Annotated[
        str | None,
        Query(
            max_length=40,
            description="as known at this time: only articles published by then count (YYYY[-MM[-DD]] "
            "or a date and time such as 2024-01-20T18:00+03:00)",
        ),
    ] = None,
    as_of_ingested: Annotated[
        str | None,
        Query(max_length=40, description="only articles this graph had ingested by then count (same forms)"),
    ] = None,
) -> AsOf:
    """The moment every read route can be asked from; a malformed time is a 422 naming the parameter."""
    try:
        return AsOf.of(as_of, as_of_ingested)
    except QueryError as exc:
        raise ApiError(422, str(exc)) from exc


AsOfDep = Annotated[AsOf, Depends(known_at)]
