"""The pages that are not one resource: the home page, the map, claim latency, and /docs offline."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse
from pydantic import BaseModel, Field

from api.deps import AsOfDep, StoreDep
from api.schemas import ClaimOut, IsoDate, TimelineEventOut, actor_param, check_date_range, place_param
from api.web import CSP, STATIC, html, respond
from core.taxonomy import EventType
from graph import analyst
from graph.latency import latency

router = APIRouter(tags=["pages"])


class HomeOut(BaseModel):
    counts: dict[str, int] = Field(description="nodes per label")
    claims: list[ClaimOut] = Field(description="the latest claims, denials and accusations")


class MapEventOut(TimelineEventOut):
    lat: float
    lon: float
    at: dict[str, Any] = Field(description="the place the point stands for (the event's own, or one containing it)")


class MapOut(BaseModel):
    items: list[MapEventOut]
    count: int
    without_coordinates: int = Field(description="events matching the filters that have no place with coordinates")


class LatencyOut(BaseModel):
    actors: list[dict[str, Any]] = Field(description="per actor: days from event to its claim or denial")
    outlets: list[dict[str, Any]] = Field(description="per outlet: days from event to its first report")
    events: list[dict[str, Any]] = Field(description="per event: who claimed first, each outlet's first report")


@router.get("/index.json", response_model=HomeOut, include_in_schema=False)
@router.get("/", response_model=HomeOut, summary="The home page: counts and the latest claims")
def home(request: Request, store: StoreDep, known: AsOfDep) -> Any:
    counts = store.status().nodes
    return respond(request, HomeOut(counts=counts, claims=analyst.claims(store, limit=8, known=known)), "index.html")


@router.get("/map.json", response_model=MapOut, include_in_schema=False)
@router.get("/map", response_model=MapOut, summary="Events with a point each, for the map (timeline filters)")
def event_map(
    request: Request,
    store: StoreDep,
    known: AsOfDep,
    since: Annotated[IsoDate, Query(description="happened on or after YYYY[-MM[-DD]]")] = None,
    until: Annotated[IsoDate, Query(description="happened on or before")] = None,
    event_type: Annotated[EventType | None, Query()] = None,
    place: Annotated[str | None, Query(min_length=1, description="id or name; places inside it count")] = None,
    actor: Annotated[str | None, Query(min_length=1, description="perpetrator or target: id or name")] = None,
    min_confidence: Annotated[
        float | None, Query(ge=0, le=1, description="only events, roles and claims at least this confident")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=2000, description="events to draw at most")] = 500,
) -> Any:
    check_date_range(since, until)
    data = analyst.event_map(
        store,
        limit=limit,
        known=known,
        since=since,
        until=until,
        event_type=event_type,
        place=place_param(store, place),
        actor=actor_param(store, actor),
        min_confidence=min_confidence,
    )
    return respond(request, MapOut.model_validate(data), "map.html")


@router.get("/latency.json", response_model=LatencyOut, include_in_schema=False)
@router.get("/latency", response_model=LatencyOut, summary="How long after an event its claims and first reports came")
def claim_latency(request: Request, store: StoreDep, known: AsOfDep) -> Any:
    return respond(request, LatencyOut.model_validate(latency(store, known)), "latency.html")


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> FileResponse:
    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")


@router.get("/docs", include_in_schema=False)
def docs(request: Request) -> HTMLResponse:
    """Swagger UI from this server's own copy (scripts/vendor-assets), so /docs works offline."""
    response = html(request, "docs.html")
    response.headers["Content-Security-Policy"] = CSP
    return response
