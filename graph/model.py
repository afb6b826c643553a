"""The data model of DESIGN.md as pydantic models.

`ArticleGraph` is one article's nodes and relationships in the shape of the extraction output
(what `kg extract --format jsonl` prints), plus the gazetteer parents of what it mentions
(`context_actors`, `context_places`) so that MEMBER_OF and LOCATED_IN edges have both ends.
The stores flatten it into node and relationship rows (`graph.rows`).
"""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from core.event_types import codes
from core.taxonomy import ActorKind, DateBasis, DatePrecision, EventType, PlaceKind, StatementKind

#: Node labels and relationship types of the graph, in write order.
NODE_LABELS: tuple[str, ...] = ("Article", "Actor", "Place", "Event", "Statement")
REL_TYPES: tuple[str, ...] = (
    "PUBLISHED_BY",
    "MENTIONS",
    "REPORTED_IN",
    "OCCURRED_AT",
    "LOCATED_IN",
    "CARRIED_OUT",
    "TARGETED",
    "MADE",
    "ABOUT",
    "ADDRESSED_TO",
    "ACCUSES",
    "MEMBER_OF",
)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _check_iso_date(value: str | None) -> str | None:
    """Dates are ISO strings at day, month or year precision: 2023-12-08, 2023-12, 2023."""
    if value is None:
        return None
    parts = value.split("-")
    ok = (
        len(parts) in (1, 2, 3)
        and len(parts[0]) == 4
        and all(p.isdigit() for p in parts)
        and all(len(p) == 2 for p in parts[1:])
    )
    if ok and len(parts) >= 2:
        ok = 1 <= int(parts[1]) <= 12
    if ok and len(parts) == 3:
        try:
            datetime(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            ok = False
    if not ok:
        raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    return value


def precision_of(date: str | None) -> DatePrecision | None:
    if date is None:
        return None
    return ("year", "month", "day")[date.count("-")]


class Span(Model):
    """Character offsets into the article body (after boilerplate removal)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Mention(Span):
    text: str


class Evidence(Span):
    text: str


class ArticleMeta(Model):
    file: str | None = None
    id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    language: str = "ar"

    _published = field_validator("published")(classmethod(lambda cls, v: _check_iso_date(v)))


class Actor(Model):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    name_ar: str | None = None
    kind: ActorKind
    aliases: list[str] = []
    wikidata: str | None = None
    discovered: bool = False
    member_of: list[str] = []
    mentions: list[Mention] = []


class Place(Model):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    name_ar: str | None = None
    kind: PlaceKind
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    wikidata: str | None = None
    aliases: list[str] = []
    located_in: list[str] = []
    mentions: list[Mention] = []


class Event(Model):
    id: str = Field(min_length=1)
    type: EventType
    #: The type's export codes (core/data/event_types.toml), filled in from `type`.
    cameo: list[str] = []
    acled: list[str] = []
    date: str | None = None
    date_precision: DatePrecision | None = None
    #: How the date is known: a report dated only by its publication may tell an act of days before.
    date_basis: DateBasis | None = None
    time: str | None = Field(default=None, pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    summary: str | None = None
    place: str | None = None
    perpetrators: list[str] = []
    targets: list[str] = []
    weapon: str | None = None
    count: int | None = Field(default=None, ge=0)
    killed: int | None = Field(default=None, ge=0)
    injured: int | None = Field(default=None, ge=0)
    evidence: Evidence
    confidence: float | None = Field(default=None, ge=0, le=1, description="that this event took place as given")
    role_confidence: dict[str, dict[str, float]] = Field(
        default_factory=dict,
        description='per role and actor: {"perpetrators": {actor id: c}, "targets": {actor id: c}}',
    )

    _date = field_validator("date")(classmethod(lambda cls, v: _check_iso_date(v)))

    @model_validator(mode="after")
    def _type_codes(self) -> Event:
        """The codes always follow the type: given ones must agree, missing ones are filled in."""
        expected = codes(self.type)
        for key, value in expected.items():
            given = getattr(self, key)
            if given and given != value:
                raise ValueError(f"{key} of a {self.type} event is {value}, not {given}")
            setattr(self, key, value)
        return self


class Statement(Model):
    id: str = Field(min_length=1)
    kind: StatementKind
    speaker: str | None = None
    date: str | None = None
    date_precision: DatePrecision | None = None
    about_event: str | None = None
    addressees: list[str] = []
    accused: list[str] = []
    quote: str | None = None
    language: str = "ar"
    evidence: Evidence
    confidence: float | None = Field(default=None, ge=0, le=1, description="that this speaker said this, of this kind")

    _date = field_validator("date")(classmethod(lambda cls, v: _check_iso_date(v)))


class ArticleGraph(Model):
    """One article and everything extracted from it; the unit a store writes in one transaction."""

    article: ArticleMeta
    body: str = ""
    outlet_actor: str | None = None
    ingested_at: str = Field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    actors: list[Actor] = []
    places: list[Place] = []
    events: list[Event] = []
    statements: list[Statement] = []
    context_actors: list[Actor] = []
    context_places: list[Place] = []
    #: what the reader must know about this article's extraction (a language it cannot read)
    warnings: list[str] = []

    def check_references(self) -> list[str]:
        """Every id an event or statement uses must be an actor, place or event of this graph."""
        actors = {a.id for a in self.actors} | {a.id for a in self.context_actors}
        places = {p.id for p in self.places} | {p.id for p in self.context_places}
        events = {e.id for e in self.events}
        problems: list[str] = []
        for e in self.events:
            if e.place is not None and e.place not in places:
                problems.append(f"event {e.id}: unknown place {e.place!r}")
            for a in [*e.perpetrators, *e.targets]:
                if a not in actors:
                    problems.append(f"event {e.id}: unknown actor {a!r}")
        for s in self.statements:
            if s.speaker is not None and s.speaker not in actors:
                problems.append(f"statement {s.id}: unknown speaker {s.speaker!r}")
            if s.about_event is not None and s.about_event not in events:
                problems.append(f"statement {s.id}: unknown event {s.about_event!r}")
            for a in [*s.addressees, *s.accused]:
                if a not in actors:
                    problems.append(f"statement {s.id}: unknown actor {a!r}")
        if self.outlet_actor is not None and self.outlet_actor not in actors:
            problems.append(f"article: unknown outlet actor {self.outlet_actor!r}")
        return problems

    def to_extraction(self) -> dict:
        """The object DESIGN.md's "Extraction output" describes, one per article."""
        return self.model_dump(
            mode="json",
            exclude={"body", "ingested_at", "context_actors", "context_places", "outlet_actor", "warnings"},
        )
