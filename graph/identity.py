"""Cross-article event identity.

Two reports of the same event type at the same place (or one place inside the other) within one
day are one real event: the later report takes the earlier event's id, so the store holds one
`Event` with a `REPORTED_IN` edge per source, each keeping that source's own figures.
Containment through a country does not count: "an attack in Iraq" and "an attack on Ain al-Asad"
on the same day are not thereby the same attack.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from graph.model import ArticleGraph, Event

Lookup = Callable[[str, dict], list[dict]]

#: Places too broad to identify an event by.
_TOO_BROAD = {"country"}


def _day(value: str | None) -> date | None:
    if value is None or value.count("-") != 2:
        return None
    return date.fromisoformat(value)


class EventResolver:
    """Remaps event ids of incoming graphs onto events already stored or seen earlier in a batch."""

    def __init__(self, lookup: Lookup) -> None:
        self._lookup = lookup
        self._ancestors: dict[str, set[str]] = {}
        self._kinds: dict[str, str] = {}
        self._seen: list[tuple[Event, str]] = []  # (event, place) of this batch, ids already final

    def _learn_places(self, graph: ArticleGraph) -> None:
        places = {p.id: p for p in [*graph.context_places, *graph.places]}
        for p in places.values():
            self._kinds[p.id] = p.kind

        def climb(pid: str, trail: frozenset[str]) -> set[str]:
            out: set[str] = set()
            for parent in places[pid].located_in if pid in places else []:
                if parent not in trail:
                    out |= {parent} | climb(parent, trail | {parent})
            return out

        for pid in places:
            self._ancestors.setdefault(pid, set()).update(climb(pid, frozenset({pid})))

    def _ancestors_of(self, place: str) -> set[str]:
        if place not in self._ancestors:
            rows = self._lookup("internal.place_ancestors", {"place": place})
            self._ancestors[place] = {r["id"] for r in rows}
            self._kinds.update({r["id"]: r["kind"] for r in rows})
        return self._ancestors[place]

    def _related(self, a: str, b: str) -> bool:
        if a == b:
            return True
        if b in self._ancestors_of(a):
            return self._kinds.get(b) not in _TOO_BROAD
        if a in self._ancestors_of(b):
            return self._kinds.get(a) not in _TOO_BROAD
        return False

    def _match(self, event: Event) -> str | None:
        day = _day(event.date)
        if day is None or event.place is None:
            return None
        window = (str(day - timedelta(days=1)), str(day + timedelta(days=1)))
        candidates = [
            (row["id"], row["date"], row["place"])
            for row in self._lookup(
                "internal.event_candidates", {"type": event.type, "date_from": window[0], "date_to": window[1]}
            )
        ]
        candidates += [
            (e.id, e.date, place) for e, place in self._seen if e.type == event.type and e.date and window[0] <= e.date <= window[1]
        ]
        best: tuple[int, int, str] | None = None
        for cid, cdate, cplace in candidates:
            if cid == event.id or cplace is None or not self._related(event.place, cplace):
                continue
            score = (0 if cplace == event.place else 1, abs((_day(cdate) or day) - day).days, cid)
            if best is None or score < best:
                best = score
        return best[2] if best else None

    def resolve(self, graph: ArticleGraph) -> ArticleGraph:
        self._learn_places(graph)
        remap: dict[str, str] = {}
        for e in graph.events:
            target = self._match(e)
            if target is not None:
                remap[e.id] = target
        if remap:
            events = [e.model_copy(update={"id": remap.get(e.id, e.id)}) for e in graph.events]
            statements = [
                s.model_copy(update={"about_event": remap.get(s.about_event, s.about_event)}) if s.about_event else s
                for s in graph.statements
            ]
            graph = graph.model_copy(update={"events": events, "statements": statements})
        self._seen.extend((e, e.place) for e in graph.events if e.place)
        return graph
