"""GET /actors/{id} (profile) and GET /actors/{id}/relationships."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from api.deps import AsOfDep, PageDep, StoreDep
from api.schemas import ActorProfileOut, ListPage, RelationshipOut
from api.web import respond
from graph import analyst
from graph.analyst import RelationshipType
from graph.names import resolve_actor

router = APIRouter(prefix="/actors", tags=["actors"])

ActorId = Annotated[
    str, Path(min_length=1, max_length=300, description="actor id or English/Arabic name, e.g. harakat-al-nujaba")
]


@router.get("/{actor_id}", response_model=ActorProfileOut, summary="An actor's profile")
# The twin is registered first (decorators apply bottom-up): `/{id}` would also match `x.json`.
@router.get("/{actor_id}.json", response_model=ActorProfileOut, include_in_schema=False)
def get_actor(
    request: Request,
    store: StoreDep,
    known: AsOfDep,
    actor_id: ActorId,
    events: Annotated[int, Query(ge=0, le=100, description="recent events to list per role")] = 20,
    co_mentions: Annotated[int, Query(ge=0, le=100, description="co-mentioned actors to list")] = 10,
    min_confidence: Annotated[
        float | None,
        Query(ge=0, le=1, description="count only events, roles and statements at least this confident"),
    ] = None,
) -> ActorProfileOut:
    profile = analyst.actor_profile(
        store,
        resolve_actor(store, actor_id),
        events=events,
        co_mentions=co_mentions,
        known=known,
        min_confidence=min_confidence,
    )
    return respond(request, ActorProfileOut.model_validate(profile), "actor.html")


@router.get(
    "/{actor_id}/relationships",
    response_model=ListPage[RelationshipOut],
    summary="An actor's typed relationships with other actors, most frequent first",
)
def get_actor_relationships(
    store: StoreDep,
    page: PageDep,
    known: AsOfDep,
    actor_id: ActorId,
    type: Annotated[RelationshipType | None, Query()] = None,
    min_confidence: Annotated[
        float | None, Query(ge=0, le=1, description="count only events, roles and statements at least this confident")
    ] = None,
) -> ListPage[RelationshipOut]:
    items = analyst.relationships(
        store,
        actor=resolve_actor(store, actor_id),
        type=type,
        min_confidence=min_confidence,
        **page.params(),
        known=known,
    )
    return ListPage[RelationshipOut].of(items, page)
