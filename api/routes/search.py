"""GET /search: actors and places by Arabic or English name or alias, normalised, best match first."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from api.deps import AsOfDep, PageDep, StoreDep
from api.errors import ApiError
from api.schemas import ListPage
from graph import subgraph as views
from graph.errors import QueryError
from loaders.arabic import normalise

router = APIRouter(tags=["search"])


class SearchHit(BaseModel):
    key: str = Field(description="Label:id, as graph.json keys nodes")
    id: str
    label: Literal["Actor", "Place"]
    name: str | None = None
    name_ar: str | None = None
    kind: str | None = None
    wikidata: str | None = None
    match: Literal["exact", "prefix", "contains"] = Field(description="a whole name, the start of one, or a part")
    rank: int = Field(description="0 exact, 1 prefix, 2 contains")


class SearchOut(ListPage[SearchHit]):
    query: str
    normalised: str = Field(description="the text as matched: no diacritics, unified alef/ya/ta marbuta, lower case")


@router.get("/search", response_model=SearchOut, summary="Find actors and places by name, in Arabic or English")
def search(
    store: StoreDep,
    page: PageDep,
    known: AsOfDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="a name or part of one, e.g. النجباء or Nujaba")],
) -> SearchOut:
    try:
        hits = views.search(store, q, limit=page.limit, skip=page.offset, known=known)
    except QueryError as exc:
        raise ApiError(422, str(exc)) from exc
    base = ListPage[SearchHit].of(hits, page.limit, page.offset)
    return SearchOut(**base.model_dump(), query=q, normalised=normalise(q))
