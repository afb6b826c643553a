"""/local/*: the store of this server, for `kg` commands run beside it (graph/stores/remote_store.py).

Not part of the public API (left out of OpenAPI): every request needs the token of the note this
server left next to its database file, which only its user can read; `api.guard` checks it before
the body is read and answers 404 without it.
"""

from __future__ import annotations

import os
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.deps import StoreDep
from api.errors import ApiError
from graph.model import ArticleGraph

router = APIRouter(prefix="/local", include_in_schema=False)

#: Queries a `kg` command may not run through the server: the writer's and the schema's own.
_NOT_READS = ("write.", "copy.", "schema", "retract.", "internal.clear")


class QueryIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    params: dict[str, Any] = {}


class WriteIn(BaseModel):
    graphs: list[ArticleGraph]
    batch_size: int | None = Field(None, ge=1)


class RetractIn(BaseModel):
    id: str = Field(min_length=1, max_length=300)


@router.get("/ping")
def ping() -> dict[str, Any]:
    return {"ok": True, "pid": os.getpid()}


@router.post("/query")
def query(body: QueryIn, store: StoreDep) -> dict[str, Any]:
    if body.name.startswith(_NOT_READS):
        raise ApiError(400, f"{body.name!r} is not a read query")
    return {"rows": store.query(body.name, body.params)}


@router.post("/write")
def write(body: WriteIn, store: StoreDep) -> dict[str, Any]:
    result = store.write(body.graphs, batch_size=body.batch_size)
    return {
        "articles": result.articles,
        "rows": result.rows,
        "batches": result.batches,
        "merged_events": result.merged_events,
    }


@router.post("/retract")
def retract(body: RetractIn, store: StoreDep) -> dict[str, Any]:
    return {"deleted": store.retract_article(body.id)}


@router.get("/status")
def status(store: StoreDep) -> dict[str, Any]:
    return store.status().as_dict()


@router.post("/clear")
def clear(store: StoreDep) -> dict[str, Any]:
    store.clear()
    return {"ok": True}
