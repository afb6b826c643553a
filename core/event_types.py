"""The event-type table (`core/data/event_types.toml`), read and checked once.

One place says, per event type, its CAMEO and ACLED codes, whether it is violent, what an event
needs to be kept, how reports in different articles merge, and its colour. The extractor, the
model, event identity, the graph pages, RDF and GraphML all read it from here.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from core.errors import ConfigError
from core.taxonomy import EVENT_TYPES

EVENT_TYPES_FILE = Path(__file__).resolve().parent / "data" / "event_types.toml"

#: What an event may be required to have (`needs`).
NEEDS = ("place", "perpetrator", "date")
#: How reports of one type in different articles become one event (`merge`).
MERGE_RULES = ("place_day", "never")

_KEYS = {"meaning": str, "cameo": list, "acled": list, "violent": bool, "needs": list, "merge": str, "colour": str}
_CAMEO = re.compile(r"^\d{1,4}$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class EventTypeSpec:
    """One row of the table."""

    type: str
    meaning: str
    cameo: tuple[str, ...]
    acled: tuple[str, ...]
    violent: bool
    needs: tuple[str, ...]
    merge: str
    colour: str

    def codes(self) -> dict[str, list[str]]:
        """The export codes an event of this type carries: `{"cameo": [...], "acled": [...]}`."""
        return {"cameo": list(self.cameo), "acled": list(self.acled)}


def _check(name: str, entry: Any, where: str) -> EventTypeSpec:
    at = f"{where}: [{name}]"
    if name not in EVENT_TYPES:
        raise ConfigError(f"{at}: unknown event type; core.taxonomy.EventType has {list(EVENT_TYPES)}")
    if not isinstance(entry, dict):
        raise ConfigError(f"{at}: expected a table of {sorted(_KEYS)}")
    unknown, missing = set(entry) - set(_KEYS), set(_KEYS) - set(entry)
    if unknown or missing:
        raise ConfigError(f"{at}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}; give {sorted(_KEYS)}")
    for key, kind in _KEYS.items():
        if not isinstance(entry[key], kind):
            raise ConfigError(f"{at}: {key} must be a {kind.__name__}, not {entry[key]!r}")
    for key in ("cameo", "acled", "needs"):
        if not all(isinstance(v, str) and v for v in entry[key]):
            raise ConfigError(f"{at}: {key} must list non-empty strings, not {entry[key]!r}")
    if not entry["cameo"] or not all(_CAMEO.match(code) for code in entry["cameo"]):
        raise ConfigError(f'{at}: cameo must list CAMEO codes such as "18" or "042", not {entry["cameo"]!r}')
    bad_needs = [n for n in entry["needs"] if n not in NEEDS]
    if bad_needs:
        raise ConfigError(f"{at}: unknown needs {bad_needs}; use some of {list(NEEDS)}")
    if entry["merge"] not in MERGE_RULES:
        raise ConfigError(f"{at}: unknown merge rule {entry['merge']!r}; use one of {list(MERGE_RULES)}")
    if not _COLOUR.match(entry["colour"]):
        raise ConfigError(f"{at}: colour must be #rrggbb, not {entry['colour']!r}")
    return EventTypeSpec(
        type=name,
        meaning=entry["meaning"],
        cameo=tuple(entry["cameo"]),
        acled=tuple(entry["acled"]),
        violent=entry["violent"],
        needs=tuple(entry["needs"]),
        merge=entry["merge"],
        colour=entry["colour"],
    )


def load_event_types(path: Path = EVENT_TYPES_FILE) -> dict[str, EventTypeSpec]:
    """The table, in `EventType` order; a ConfigError names the file and the entry at fault."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the event types ({exc})") from exc
    table = {name: _check(name, entry, str(path)) for name, entry in raw.items()}
    absent = [t for t in EVENT_TYPES if t not in table]
    if absent:
        raise ConfigError(f"{path}: no entry for the event types {absent}; every EventType needs one")
    return {t: table[t] for t in EVENT_TYPES}


@cache
def event_types() -> dict[str, EventTypeSpec]:
    """The project's table, read once."""
    return load_event_types()


def spec(event_type: str) -> EventTypeSpec:
    """The row of one type; a ConfigError for a type the table does not know."""
    try:
        return event_types()[event_type]
    except KeyError:
        raise ConfigError(f"unknown event type {event_type!r}; the types are {list(EVENT_TYPES)}") from None


def codes(event_type: str | None) -> dict[str, list[str]]:
    """`{"cameo": [...], "acled": [...]}` for a type; empty lists for an unknown or missing one."""
    table = event_types()
    return table[event_type].codes() if event_type in table else {"cameo": [], "acled": []}


#: The violent types, in table order: ("attack", "airstrike") today.
VIOLENT: tuple[str, ...] = tuple(t for t, s in event_types().items() if s.violent)
