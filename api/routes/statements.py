"""GET /statements: what actors said, by speaker, kind, date and words (Arabic or English)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import AsOfDep, PageDep, StoreDep
from api.schemas import IsoDate, ListPage, StatementOut, actor_param, check_date_range
from core.taxonomy import StatementKind
from graph import analyst

router = APIRouter(prefix="/statements", tags=["statements"])


@router.get("", response_model=ListPage[StatementOut], summary="Statements, newest first")
def list_statements(
    store: StoreDep,
    page: PageDep,
    known: AsOfDep,
    speaker: Annotated[str | None, Query(min_length=1, description="id or English/Arabic name")] = None,
    kind: Annotated[StatementKind | None, Query()] = None,
    since: Annotated[IsoDate, Query(description="said on or after: YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[IsoDate, Query(description="said on or before (a month or year includes all of it)")] = None,
    q: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description="words in the quote or sentence, or a name of an actor in it"),
    ] = None,
    min_confidence: Annotated[
        float | None, Query(ge=0, le=1, description="only statements extracted with this confidence or more")
    ] = None,
) -> ListPage[StatementOut]:
    check_date_range(since, until)
    items = analyst.statements(
        store,
        speaker=actor_param(store, speaker),
        kind=kind,
        since=since,
        until=until,
        q=q,
        min_confidence=min_confidence,
        **page.params(),
        known=known,
    )
    return ListPage[StatementOut].of(items, page)
