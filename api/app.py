"""The FastAPI application: one router per resource under api/routes/, OpenAPI at /docs."""

from __future__ import annotations

import importlib
import logging
import os
import pkgutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

import api.routes
from api.cache import ResponseCache
from api.deps import app_store, writes_with_key
from api.errors import ERROR_RESPONSES, install_error_handlers
from api.guard import RequestGuard
from api.web import STATIC, drop_empty_form_fields
from core.errors import KGError
from graph.settings import get_settings
from graph.stores.remote_store import remove_server_note, write_server_note

log = logging.getLogger(__name__)
#: Set by `kg serve`: the address this server answers on, written into its note for `kg` commands.
SERVE_URL_ENV = "KG_SERVE_URL"


def _routers() -> list:
    """Every module in api/routes/ that defines `router` is mounted; adding a resource is one file."""
    found = []
    for info in sorted(pkgutil.iter_modules(api.routes.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"api.routes.{info.name}")
        if hasattr(module, "router"):
            found.append(module.router)
    return found


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Under `kg serve` on the embedded store: open the file at once and leave the note that lets
    `kg` commands beside this server go through it (graph/stores/remote_store.py)."""
    settings = app.dependency_overrides.get(get_settings, get_settings)()
    url = os.environ.get(SERVE_URL_ENV)
    note = None
    if url and settings.backend == "ladybug":
        try:
            app_store(app, settings)
        except KGError as exc:
            log.warning("the store is not open yet (every request will try again): %s", exc)
        note = write_server_note(settings.db_path, url)
        app.state.local_token = note.token
    ready = os.environ.pop("KG_SERVE_READY_FD", None)  # api/commands/serve.py: the supervisor waits for it
    if ready is not None:
        try:
            os.write(int(ready), b"1")
            os.close(int(ready))
        except (OSError, ValueError):
            pass
    try:
        yield
    finally:
        if note is not None:
            remove_server_note(settings.db_path, note)
        store = getattr(app.state, "store", None)
        if store is not None:
            store.close()
            app.state.store = None


def create_app() -> FastAPI:
    """Build the app; nothing touches the store until the first request that needs it."""
    app = FastAPI(
        title="kg: actors, events and claims from news",
        description="Who claimed what, and when: a knowledge graph built from Arabic news reports.",
        version="0.1.0",
        lifespan=_lifespan,
        docs_url=None,  # api/routes/pages.py serves /docs from the project's own Swagger UI copy
        redoc_url=None,
    )
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.middleware("http")(drop_empty_form_fields)
    routers = _routers()
    for router in routers:
        app.include_router(router, responses=ERROR_RESPONSES)
    keyed = [r for router in routers for r in router.routes if isinstance(r, APIRoute) and writes_with_key(r)]
    # The guard runs before any body is read; the cache outside it only answers GETs from its copies
    # (never reading a body) and hands every other request to the guard.
    app.add_middleware(RequestGuard, api=app, keyed=keyed)
    app.state.store = None
    app.add_middleware(ResponseCache, state=app.state)  # outermost of ours: a hit skips the rest
    return app
