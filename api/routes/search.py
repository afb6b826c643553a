"""GET /search: actors and places by Arabic or English name or alias, normalised, best match first."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from api.deps import AsOfDep, PageDep, StoreDep
from api.errors import ApiError
from api.schemas import ListPage, TimelineEventOut
from api.web import html, respond, wants_html
from core.errors import QueryError
from core.text import normalise
from graph import analyst
from graph import subgraph as views

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
    events: list[TimelineEventOut] = Field(
        default_factory=list, description="events of the best actor and the best place found, newest first"
    )


@router.get("/search.json", response_model=SearchOut, include_in_schema=False)
@router.get(
    "/search", response_model=SearchOut, summary="Find actors, places and their events by name, in Arabic or English"
)
def search(
    request: Request,
    store: StoreDep,
    page: PageDep,
    known: AsOfDep,
    q: Annotated[
        str | None, Query(min_length=1, max_length=200, description="a name or part of one, e.g. النجباء or Nujaba")
    ] = None,
) -> Any:  # SearchOut, or the search page: response_model gives the schema
    if q is None:
        if wants_html(request):  # the search page before anything is typed
            return html(request, "search.html", data=None)
        raise ApiError(422, "q: give a name or part of one to search for, e.g. ?q=النجباء")
    try:
        hits = views.search(store, q, limit=page.limit, skip=page.offset, known=known)
    except QueryError as exc:
        raise ApiError(422, str(exc)) from exc
    base = ListPage[SearchHit].of(hits, page)
    events = analyst.events_of_hits(store, hits, known=known)
    return respond(
        request, SearchOut(**base.model_dump(), query=q, normalised=normalise(q), events=events), "search.html"
    )
