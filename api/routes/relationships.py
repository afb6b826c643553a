"""GET /relationships: typed actor-to-actor edges derived from events and statements."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import AsOfDep, PageDep, StoreDep
from api.schemas import ListPage, RelationshipOut, actor_param
from graph import analyst
from graph.analyst import RelationshipType

router = APIRouter(prefix="/relationships", tags=["relationships"])


@router.get("", response_model=ListPage[RelationshipOut], summary="Relationships between actors, most frequent first")
def list_relationships(
    store: StoreDep,
    page: PageDep,
    known: AsOfDep,
    actor: Annotated[str | None, Query(min_length=1, description="either end: id or English/Arabic name")] = None,
    type: Annotated[RelationshipType | None, Query()] = None,
    min_confidence: Annotated[
        float | None, Query(ge=0, le=1, description="count only events, roles and statements at least this confident")
    ] = None,
) -> ListPage[RelationshipOut]:
    items = analyst.relationships(
        store,
        actor=actor_param(store, actor),
        type=type,
        min_confidence=min_confidence,
        **page.params(),
        known=known,
    )
    return ListPage[RelationshipOut].of(items, page)
