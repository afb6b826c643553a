"""The taxonomies of DESIGN.md, each written once: actor kinds, place kinds and their ranks,
event types, statement kinds and the kinds that count as claims.

They are `Literal` types so that pydantic, FastAPI (query parameters) and mypy all check them;
the tuples are the same values for code that iterates. What each event type means for export,
drawing and merging is data: `core/data/event_types.toml`, read by `core.event_types`.
"""

from __future__ import annotations

from typing import Literal, get_args

ActorKind = Literal[
    "state",
    "government",
    "military",
    "diplomatic_mission",
    "armed_group",
    "political_party",
    "person",
    "media",
    "international_org",
    "coalition",
]
PlaceKind = Literal["country", "governorate", "city", "district", "base", "facility", "site"]
EventType = Literal["attack", "airstrike", "arrest", "visit", "meeting", "agreement", "resolution"]
StatementKind = Literal[
    "claim_responsibility",
    "deny_responsibility",
    "accuse",
    "condemn",
    "call",
    "threaten",
    "pledge",
    "statement",
]
#: The statement kinds in which a speaker takes or refuses responsibility itself.
ResponsibilityKind = Literal["claim_responsibility", "deny_responsibility"]
#: The statement kinds the claims views cover: who took, denied or was given responsibility.
ClaimKind = Literal[ResponsibilityKind, "accuse"]
DatePrecision = Literal["day", "month", "year"]

#: Where an event's date comes from: the report's own words about the act ("text"), the date of the
#: statement that tells it ("statement"), or, when the report gives none, its publication
#: ("publication": the act happened then or some days before).
DateBasis = Literal["text", "statement", "publication"]

ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
PLACE_KINDS: tuple[str, ...] = get_args(PlaceKind)
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
STATEMENT_KINDS: tuple[str, ...] = get_args(StatementKind)
RESPONSIBILITY_KINDS: tuple[str, ...] = get_args(ResponsibilityKind)
CLAIM_KINDS: tuple[str, ...] = get_args(ClaimKind)

#: Specificity of a place kind, most specific first: an event occurs at its most specific place,
#: and lists show that place first. A site (a shrine, a camp, an oil field) ranks with a district.
PLACE_RANK: dict[str, int] = {
    "facility": 0,
    "base": 0,
    "site": 1,
    "district": 1,
    "city": 2,
    "governorate": 3,
    "country": 4,
}
#: Rank of a kind that is not in the table (unknown or missing): after every known kind.
UNRANKED = max(PLACE_RANK.values()) + 1
