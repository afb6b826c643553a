"""The FastAPI application: one router per resource under api/routes/, OpenAPI at /docs."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

import api.routes
from api.cache import ResponseCache
from api.errors import install_error_handlers
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
    for router in _routers():
        app.include_router(router)
    app.state.store = None
    app.add_middleware(ResponseCache, state=app.state)  # outermost of ours: a hit skips the rest
    return app
