"""GET /claims: who claimed, denied or was accused of what, and when."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import AsOfDep, PageDep, StoreDep
from api.schemas import ClaimKind, ClaimOut, IsoDate, ListPage, actor_param, check_date_range, place_param
from graph import analyst
from graph.model import EventType

router = APIRouter(prefix="/claims", tags=["claims"])


@router.get("", response_model=ListPage[ClaimOut], summary="Claims, denials and accusations, newest first")
def list_claims(
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
) -> ListPage[ClaimOut]:
    check_date_range(since, until)
    items = analyst.claims(
        store,
        actor=actor_param(store, actor),
        kind=kind,
        event_type=event_type,
        place=place_param(store, place),
        since=since,
        until=until,
        **page.params(),
        known=known,
    )
    return ListPage[ClaimOut].of(items, page.limit, page.offset)
