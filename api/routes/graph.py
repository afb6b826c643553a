"""GET /graph.json and /graph.html (one neighbourhood, two renderings) and GET /paths."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field

from api.deps import AsOfDep, StoreDep
from api.schemas import IsoDate, check_date_range
from graph.known import EVER
from graph.stores import GraphStore
from graph.subgraph import DEFAULT_MAX_NODES, MAX_HOPS, MAX_NODES, MAX_PATH_LENGTH, SubGraph, shortest_path, subgraph
from graph.visualize import render_html

router = APIRouter(tags=["graph"])


class GraphNodeOut(BaseModel):
    """A node as a graph view shows it; besides these, the label's display properties (name, date, ...)."""

    model_config = ConfigDict(extra="allow")
    key: str = Field(description="Label:id, unique in the view; edges refer to nodes by it")
    id: str
    label: str
    hop: int | None = Field(None, description="relationships between this node and the centre (or path start)")


class GraphEdgeOut(BaseModel):
    source: str
    target: str
    type: str
    props: dict[str, Any] = {}
    step: int | None = None


class GraphOut(BaseModel):
    center: str | None
    nodes: list[GraphNodeOut]
    edges: list[GraphEdgeOut]
    truncated: bool
    note: str | None
    counts: dict[str, int]


class PathOut(BaseModel):
    source: GraphNodeOut
    target: GraphNodeOut
    found: bool
    length: int
    nodes: list[GraphNodeOut]
    edges: list[GraphEdgeOut]
    note: str | None


class GraphQuery:
    """The parameters both renderings of a neighbourhood take."""

    def __init__(
        self,
        actor: Annotated[
            str,
            Query(
                min_length=1,
                max_length=300,
                description="centre: an actor id or English/Arabic name (or a place or event id)",
            ),
        ],
        hops: Annotated[int, Query(ge=0, le=MAX_HOPS, description="relationships to follow out from the centre")] = 1,
        since: Annotated[
            IsoDate, Query(description="events/statements on or after: YYYY, YYYY-MM or YYYY-MM-DD")
        ] = None,
        until: Annotated[
            IsoDate, Query(description="events/statements on or before (a month or year includes all of it)")
        ] = None,
        max_nodes: Annotated[
            int, Query(ge=1, le=MAX_NODES, description="cap on nodes; the nearest are kept")
        ] = DEFAULT_MAX_NODES,
        articles: Annotated[bool, Query(description="show the articles events and statements come from")] = True,
        min_confidence: Annotated[
            float | None,
            Query(ge=0, le=1, description="leave out events, roles and statements extracted with less confidence"),
        ] = None,
        known: AsOfDep = EVER,
    ) -> None:
        check_date_range(since, until)
        self.actor, self.hops, self.since, self.until = actor, hops, since, until
        self.max_nodes, self.articles, self.known = max_nodes, articles, known
        self.min_confidence = min_confidence


GraphQueryDep = Annotated[GraphQuery, Depends(GraphQuery)]


def load_view(store: GraphStore, q: GraphQuery) -> SubGraph:
    """The one code path behind /graph.json and /graph.html (404 unknown centre, 422 ambiguous name)."""
    return subgraph(
        store,
        q.actor,
        hops=q.hops,
        since=q.since,
        until=q.until,
        max_nodes=q.max_nodes,
        with_articles=q.articles,
        known=q.known,
        min_confidence=q.min_confidence,
    )


@router.get("/graph.json", response_model=GraphOut, summary="The neighbourhood of an actor as nodes and edges")
def graph_json(store: StoreDep, q: GraphQueryDep) -> dict[str, Any]:
    return load_view(store, q).as_dict()


@router.get(
    "/graph.html",
    response_class=HTMLResponse,
    summary="The neighbourhood of an actor as an interactive, self-contained page (pyvis)",
    responses={200: {"content": {"text/html": {}}}, 404: {"description": "unknown actor (JSON error)"}},
)
def graph_html(store: StoreDep, q: GraphQueryDep) -> HTMLResponse:
    return HTMLResponse(render_html(load_view(store, q)))


@router.get("/paths", response_model=PathOut, summary="The shortest chain of relationships linking two actors")
def paths(
    store: StoreDep,
    source: Annotated[str, Query(min_length=1, max_length=300, description="actor id or English/Arabic name")],
    target: Annotated[str, Query(min_length=1, max_length=300, description="actor id or English/Arabic name")],
    known: AsOfDep,
    max_length: Annotated[
        int, Query(ge=1, le=MAX_PATH_LENGTH, description="longest chain to accept")
    ] = MAX_PATH_LENGTH,
    min_confidence: Annotated[
        float | None,
        Query(ge=0, le=1, description="only through events, roles and statements at least this confident"),
    ] = None,
) -> dict[str, Any]:
    return shortest_path(
        store, source, target, max_length=max_length, known=known, min_confidence=min_confidence
    ).as_dict()
