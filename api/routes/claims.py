"""GET /claims: who claimed, denied or was accused of what, and when."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import AsOfDep, PageDep, StoreDep
from api.schemas import ClaimOut, IsoDate, ListPage, actor_param, check_date_range, place_param
from api.web import csv_response, respond_page
from core.taxonomy import ClaimKind, EventType
from graph import analyst

router = APIRouter(prefix="/claims", tags=["claims"])


#: The CSV's columns: one row per claim as the table shows it.
CSV_COLUMNS = [
    "date", "kind", "claimant", "claimant_ar", "accused", "event_type", "event_date", "place", "quote",
    "confidence", "outlet", "published", "url", "claim_id", "event_id",
]  # fmt: skip


@router.get(".csv", summary="The claims the page shows, as CSV (same filters and page)", response_class=Response)
@router.get(".json", response_model=ListPage[ClaimOut], include_in_schema=False)
@router.get("", response_model=ListPage[ClaimOut], summary="Claims, denials and accusations, newest first")
def list_claims(
    request: Request,
    store: StoreDep,
    page: PageDep,
    known: AsOfDep,
    actor: Annotated[
        str | None, Query(min_length=1, description="id or English/Arabic name; also matches the accused")
    ] = None,
    kind: Annotated[ClaimKind | None, Query()] = None,
    event_type: Annotated[EventType | None, Query()] = None,
    place: Annotated[str | None, Query(min_length=1, description="id or name; places inside it count")] = None,
    since: Annotated[IsoDate, Query(description="said on or after: YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[IsoDate, Query(description="said on or before (a month or year includes all of it)")] = None,
    min_confidence: Annotated[
        float | None, Query(ge=0, le=1, description="only claims extracted with this confidence or more")
    ] = None,
) -> Any:  # the page model, its HTML page or its CSV: response_model says which schema
    check_date_range(since, until)
    items = analyst.claims(
        store,
        actor=actor_param(store, actor),
        kind=kind,
        event_type=event_type,
        place=place_param(store, place),
        since=since,
        until=until,
        min_confidence=min_confidence,
        **page.params(),
        known=known,
    )
    if request.url.path.endswith(".csv"):
        return csv_response((csv_row(c) for c in items), CSV_COLUMNS, "claims.csv")
    return respond_page(request, ListPage[ClaimOut], items, page, "claims.html")


def csv_row(claim: dict) -> dict:
    """One claim flattened as the table shows it."""
    event, source = claim.get("event") or {}, claim.get("article") or {}
    claimant = claim.get("claimant") or {}
    return {
        "date": claim["date"],
        "kind": claim["kind"],
        "claimant": claimant.get("name"),
        "claimant_ar": claimant.get("name_ar"),
        "accused": "; ".join(a.get("name") or a["id"] for a in claim["accused"]),
        "event_type": event.get("type"),
        "event_date": event.get("date"),
        "place": (event.get("place") or {}).get("name"),
        "quote": claim["quote"],
        "confidence": claim.get("confidence"),
        "outlet": source.get("outlet"),
        "published": source.get("published"),
        "url": source.get("url"),
        "claim_id": claim["id"],
        "event_id": event.get("id"),
    }
