"""Response models of the HTTP API: what clients see, kept apart from the storage model.

`graph.model` says what is written; these say what the analyst routes answer (built by
`graph.analyst`), so either can change without breaking the other. The request parameters the
analyst routes share (ISO dates, actor and place given by id or name) are checked here too, so
every route answers a bad value with the same 422 or 404.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Generic, Protocol, TypeVar, get_args

from pydantic import AfterValidator, BaseModel, Field

from api.errors import ApiError
from graph.names import resolve_actor, resolve_place
from graph.readmodel import KeptRow
from graph.stores import GraphStore

T = TypeVar("T")


_ISO = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def iso_date(value: str | None) -> str | None:
    """A date filter as the graph stores dates: YYYY, YYYY-MM or YYYY-MM-DD (a real calendar day)."""
    if value is None:
        return None
    ok = bool(_ISO.match(value))
    if ok and len(value) == 10:
        try:
            date.fromisoformat(value)
        except ValueError:
            ok = False
    if not ok:
        raise ValueError(f"{value!r} is not an ISO date; use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2023-12-08")
    return value


IsoDate = Annotated[str | None, AfterValidator(iso_date)]


class PageRequest(Protocol):
    limit: int
    offset: int
    max_offset: int


class ListPage(BaseModel, Generic[T]):
    """One page of a list: `next_offset` is set when the page came back full (there may be more)."""

    items: list[T]
    limit: int
    offset: int
    count: int = Field(description="items on this page")
    next_offset: int | None = Field(
        None, description="offset of the next page, when this one is full and the next is within the offset cap"
    )

    @classmethod
    def of(cls, items: list[Any], page: PageRequest) -> ListPage[T]:
        return cls(items=items, **cls._around(len(items), page))

    @classmethod
    def _around(cls, count: int, page: PageRequest) -> dict[str, Any]:
        """The fields beside the items of a page holding `count` of them."""
        following = page.offset + page.limit
        return {
            "limit": page.limit,
            "offset": page.offset,
            "count": count,
            "next_offset": following if count >= page.limit and following <= page.max_offset else None,
        }

    @classmethod
    def json_of(cls, items: list[dict[str, Any]], page: PageRequest) -> bytes:
        """The JSON `of(items, page).model_dump_json(by_alias=True)` gives, joined from each item's
        own JSON: a row the read model keeps (graph.readmodel.KeptRow) keeps its JSON, so a page of
        kept rows builds no model again. Only for a page model whose items are models."""
        (item_model,) = get_args(cls.model_fields["items"].annotation)

        def encode(row: dict[str, Any]) -> bytes:
            return item_model.model_validate(row).model_dump_json(by_alias=True).encode()

        parts = [row.encoded(item_model, encode) if isinstance(row, KeptRow) else encode(row) for row in items]
        shell = cls(items=[], **cls._around(len(items), page)).model_dump_json(by_alias=True).encode()
        empty = b'{"items":[]'
        if not shell.startswith(empty):  # a page model that puts other fields first
            return cls.of(items, page).model_dump_json(by_alias=True).encode()
        return b'{"items":[' + b",".join(parts) + b"]" + shell[len(empty) :]


class ActorRef(BaseModel):
    id: str
    name: str | None = None
    name_ar: str | None = None
    kind: str | None = None


class PlaceRef(BaseModel):
    id: str
    name: str | None = None
    name_ar: str | None = None
    kind: str | None = None


class EventRef(BaseModel):
    id: str
    type: str | None = None
    date: str | None = None
    place: PlaceRef | None = None


class Source(BaseModel):
    """An article reporting something: which outlet, when it was published, where to read it."""

    article: str
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    title: str | None = None


class ClaimOut(BaseModel):
    id: str
    kind: str = Field(description="claim_responsibility, deny_responsibility or accuse")
    date: str | None = Field(None, description="when it was said")
    claimant: ActorRef | None = Field(None, description="who claimed, denied or accused")
    accused: list[ActorRef] = Field(description="whom an accusation blames")
    event: EventRef | None = None
    quote: str | None = None
    text: str | None = Field(None, description="the sentence it was reported in")
    confidence: float | None = Field(None, description="how far the extraction is trusted, 0..1")
    article: Source | None = Field(None, description="the earliest article reporting it")
    sources: list[Source]


class StatementOut(BaseModel):
    id: str
    kind: str
    date: str | None = None
    date_precision: str | None = None
    speaker: ActorRef | None = None
    addressees: list[ActorRef]
    accused: list[ActorRef]
    event: EventRef | None = None
    quote: str | None = None
    text: str | None = None
    language: str | None = None
    confidence: float | None = Field(None, description="how far the extraction is trusted, 0..1")
    sources: list[Source]


class EventOut(BaseModel):
    id: str
    type: str
    cameo: list[str] = Field(description="CAMEO root code(s) of the event type (core/data/event_types.toml)")
    acled: list[str] = Field(description="ACLED sub-event type(s) of the event type; empty where ACLED has none")
    date: str | None = None
    date_precision: str | None = None
    time: str | None = None
    summary: str | None = None
    confidence: float | None = Field(None, description="how far the extraction is trusted, 0..1")
    place: PlaceRef | None = Field(None, description="the most specific place")
    places: list[PlaceRef]
    perpetrators: list[ActorRef]
    targets: list[ActorRef]
    source_count: int = Field(description="independent sources: distinct articles reporting it")
    outlet_count: int = Field(description="distinct outlets reporting it")


class TimelineEventOut(EventOut):
    claim_count: int = Field(description="claims of responsibility about it")


class ReportOut(Source):
    """What one source said about an event: its own figures, side by side with the others'."""

    language: str | None = Field(None, description="the language the source is written in (ar, en)")
    weapon: str | None = None
    count: int | None = None
    killed: int | None = None
    injured: int | None = None
    sentence: str | None = None
    confidence: float | None = Field(None, description="how far the extraction is trusted, 0..1")


class SaidAboutEvent(BaseModel):
    id: str
    kind: str
    date: str | None = None
    speaker: ActorRef | None = None
    accused: list[ActorRef]
    addressees: list[ActorRef]
    quote: str | None = None
    text: str | None = None
    confidence: float | None = Field(None, description="how far the extraction is trusted, 0..1")
    sources: list[Source]


class DisagreementValue(BaseModel):
    value: str | int | float | None
    outlets: list[str]
    articles: list[str]
    statements: list[str] = Field(default_factory=list, description="the statements behind it (responsibility)")


class Disagreement(BaseModel):
    field: str = Field(description="weapon, count, killed, injured or responsibility")
    values: list[DisagreementValue]


class EventDetailOut(EventOut):
    reports: list[ReportOut]
    statements: list[SaidAboutEvent]
    disagreements: list[Disagreement]


class StatementCounts(BaseModel):
    total: int
    by_kind: dict[str, int]


class EventBrief(BaseModel):
    id: str
    type: str | None = None
    date: str | None = None
    place: PlaceRef | None = None


class ActorEvents(BaseModel):
    as_perpetrator: int
    as_target: int
    perpetrated: list[EventBrief] = Field(description="most recent first")
    targeted: list[EventBrief] = Field(description="most recent first")


class CoMentioned(ActorRef):
    articles: int = Field(description="articles mentioning both")


class ActorProfileOut(BaseModel):
    id: str
    name: str
    name_ar: str | None = None
    kind: str | None = None
    aliases: list[str]
    wikidata: str | None = None
    discovered: bool
    member_of: list[ActorRef]
    members: list[ActorRef]
    articles: int = Field(description="articles mentioning it")
    statements: StatementCounts
    events: ActorEvents
    co_mentioned: list[CoMentioned]


class RelationshipOut(BaseModel):
    source: ActorRef
    type: str
    target: ActorRef
    count: int
    first: str | None = None
    last: str | None = None


# -- request parameters shared by the analyst routes ----------------------------------------------
def check_date_range(since: str | None, until: str | None) -> None:
    """`until` may be coarser than `since` ("2023-12-05" .. "2023-12" is fine), never earlier."""
    if since and until and since > until and not since.startswith(until):
        raise ApiError(422, f"since ({since}) is after until ({until})")


def actor_param(store: GraphStore, value: str | None) -> str | None:
    """An actor filter given as an id or an English/Arabic name, as the id (404 unknown, 422 ambiguous)."""
    return None if value is None else resolve_actor(store, value)


def place_param(store: GraphStore, value: str | None) -> str | None:
    """A place filter given as an id or an English/Arabic name, as the id (404 unknown, 422 ambiguous)."""
    return None if value is None else resolve_place(store, value)


# -- articles -------------------------------------------------------------------------------------
class ArticleOut(BaseModel):
    id: str
    file: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = Field(None, description="when the outlet published it")
    ingested_at: str | None = Field(None, description="when this graph ingested it (UTC)")
    url: str | None = None
    language: str | None = None
    events: int = Field(description="event reports extracted from it")
    statements: int = Field(description="statements extracted from it")


class AssertionOut(BaseModel):
    """An event report or a statement extracted from the article, at its offsets in the body."""

    id: str
    what: str = Field(description="event or statement")
    kind: str | None = Field(None, description="the event type or statement kind")
    date: str | None = None
    start: int | None = None
    end: int | None = None
    sentence: str | None = None
    quote: str | None = None
    speaker: ActorRef | None = None
    about_event: str | None = None


class SegmentOut(BaseModel):
    text: str
    start: int
    assertions: list[str] = Field(description="ids of the assertions whose span covers this piece")


class ArticleDetailOut(BaseModel):
    id: str
    file: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    ingested_at: str | None = None
    url: str | None = None
    language: str | None = None
    body: str
    assertions: list[AssertionOut]
    segments: list[SegmentOut] = Field(description="the body cut at assertion boundaries, for highlighting")


class RetractedOut(BaseModel):
    ok: bool = True
    id: str
    deleted: dict[str, int] = Field(description="what was deleted, by kind: statements, events, article, ...")
