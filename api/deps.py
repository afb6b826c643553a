"""FastAPI dependencies: settings, the store, pagination, the API key. Tests override them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.routing import APIRoute

from api.errors import ApiError
from api.guard import key_refusal
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
        store.enable_read_model()  # also on a store handed to the app (the tests do)
        store.open()
        return store


def get_store(request: Request, settings: SettingsDep) -> Iterator[GraphStore]:
    yield app_store(request.app, settings)


StoreDep = Annotated[GraphStore, Depends(get_store)]


#: The caps as OpenAPI shows them: the defaults of KG_MAX_PAGE_SIZE and KG_MAX_OFFSET.
PAGE_SIZE_CAP = Settings.model_fields["max_page_size"].default
OFFSET_CAP = Settings.model_fields["max_offset"].default


class Page:
    """limit/offset pagination, both bounded: a page size cap, and an offset cap past which the
    client narrows the list with filters instead of paging ever deeper."""

    def __init__(
        self,
        settings: SettingsDep,
        limit: Annotated[
            int,
            Query(
                ge=1,
                description=f"rows per page, at most KG_MAX_PAGE_SIZE ({PAGE_SIZE_CAP} unless the server sets it)",
                json_schema_extra={"maximum": PAGE_SIZE_CAP},
            ),
        ] = 50,
        offset: Annotated[
            int,
            Query(
                ge=0,
                description=f"rows to skip, at most KG_MAX_OFFSET ({OFFSET_CAP} unless the server sets it); "
                "deeper than that answers 400: narrow the list with its filters (since, until, ...)",
                json_schema_extra={"maximum": OFFSET_CAP},
            ),
        ] = 0,
    ) -> None:
        if limit > settings.max_page_size:
            raise ApiError(422, f"limit may be at most {settings.max_page_size}")
        if offset > settings.max_offset:
            raise ApiError(
                400,
                f"offset may be at most {settings.max_offset}: narrow the list with its filters "
                "(since, until, kind, ...) to reach rows further down",
            )
        self.limit = limit
        self.offset = offset
        self.max_offset = settings.max_offset

    def params(self) -> dict[str, int]:
        return {"limit": self.limit, "skip": self.offset}


PageDep = Annotated[Page, Depends(Page)]


def require_api_key(settings: SettingsDep, x_api_key: Annotated[str | None, Header()] = None) -> None:
    """Writes need the configured key; with no key configured the API refuses every write.

    `api.guard.RequestGuard` makes the same check before the body is read; this one documents the
    header in OpenAPI and holds wherever the app runs without the middleware.
    """
    given = x_api_key.encode("latin-1", errors="replace") if x_api_key is not None else None
    refusal = key_refusal(settings, given)
    if refusal is not None:
        raise ApiError(*refusal)


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


def writes_with_key(route: APIRoute) -> bool:
    """Whether a route needs the API key (it lists `ApiKeyDep` among its dependencies)."""
    return any(d.dependency is require_api_key for d in route.dependencies)
