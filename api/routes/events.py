"""GET /events (the timeline) and GET /events/{id} (every source's report side by side)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from api.deps import AsOfDep, PageDep, StoreDep
from api.schemas import (
    EventDetailOut,
    IsoDate,
    ListPage,
    TimelineEventOut,
    actor_param,
    check_date_range,
    place_param,
)
from api.web import respond, respond_page
from core.taxonomy import EventType
from graph import analyst

router = APIRouter(prefix="/events", tags=["events"])


@router.get(".json", response_model=ListPage[TimelineEventOut], include_in_schema=False)
@router.get("", response_model=ListPage[TimelineEventOut], summary="Events in date order (a timeline)")
def list_events(
    request: Request,
    store: StoreDep,
    page: PageDep,
    known: AsOfDep,
    since: Annotated[IsoDate, Query(description="happened on or after: YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[IsoDate, Query(description="happened on or before (a month or year includes all of it)")] = None,
    event_type: Annotated[EventType | None, Query()] = None,
    place: Annotated[str | None, Query(min_length=1, description="id or name; places inside it count")] = None,
    actor: Annotated[str | None, Query(min_length=1, description="perpetrator or target: id or name")] = None,
    min_confidence: Annotated[
        float | None, Query(ge=0, le=1, description="only events, roles and claims at least this confident")
    ] = None,
) -> Any:  # the page model or its HTML page: response_model says which schema
    check_date_range(since, until)
    items = analyst.timeline(
        store,
        since=since,
        until=until,
        event_type=event_type,
        place=place_param(store, place),
        actor=actor_param(store, actor),
        min_confidence=min_confidence,
        **page.params(),
        known=known,
    )
    return respond_page(request, ListPage[TimelineEventOut], items, page, "events.html")


@router.get(
    "/{event_id}",
    response_model=EventDetailOut,
    summary="One event: every source's report, every claim about it, and where they disagree",
)
# The twin is registered first (decorators apply bottom-up): `/{id}` would also match `x.json`.
@router.get("/{event_id}.json", response_model=EventDetailOut, include_in_schema=False)
def get_event(
    request: Request,
    store: StoreDep,
    known: AsOfDep,
    event_id: Annotated[str, Path(min_length=1, max_length=300)],
    min_confidence: Annotated[
        float | None,
        Query(ge=0, le=1, description="only reports, roles and statements at least this confident"),
    ] = None,
) -> EventDetailOut:
    detail = analyst.event_detail(store, event_id, known, min_confidence=min_confidence)
    return respond(request, EventDetailOut.model_validate(detail), "event.html")
