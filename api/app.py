"""The FastAPI application: one router per resource under api/routes/, OpenAPI at /docs."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

import api.routes
from api.cache import ResponseCache
from api.deps import writes_with_key
from api.errors import ERROR_RESPONSES, install_error_handlers
from api.guard import RequestGuard
from api.web import STATIC, drop_empty_form_fields


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
    yield
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
