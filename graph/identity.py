"""Cross-article event identity.

Two reports of the same event type at the same place (or one place inside the other) within one
day are one real event: the later report takes the earlier event's id, so the store holds one
`Event` with a `REPORTED_IN` edge per source, each keeping that source's own figures. That is the
`place_day` merge rule of core/data/event_types.toml; a type whose rule is `never` keeps every
report apart.
Containment through a country does not count: "an attack in Iraq" and "an attack on Ain al-Asad"
on the same day are not thereby the same attack.

Which event a report joins depends on what was stored before it, and the graph only grows: a
report matched again later could find an event reported after it (a day on its other side, a
place another report added) and join that one too. So the decision is made once: a report that
is already stored keeps the event it joined, found by its own key (type-date-place) on its
`REPORTED_IN` edge. Ingesting the same input again, or finishing an ingest cut short, then gives
exactly the graph one clean run gives.

The resolver asks the store three times per write (the reports already stored, the candidate
events of the batch's date span, and the place hierarchy) instead of once per event: per-event
look-ups dominated ingest time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from core.event_types import spec
from graph.model import ArticleGraph

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
        self._parents: dict[str, set[str]] = defaultdict(set)
        self._kinds: dict[str, str] = {}
        self._ancestors: dict[str, set[str]] = {}
        # (type, day) -> [(id, day, place)]: stored candidates and events of this batch, ids final
        self._known: dict[tuple[str, date], list[tuple[str, date, str]]] = defaultdict(list)
        # (article id, the report's own event key) -> the event it joined when it was first stored
        self._stored: dict[tuple[str, str], str] = {}

    def prepare(self, graphs: Sequence[ArticleGraph]) -> None:
        """Fetch what matching needs for the whole batch in three queries."""
        days = [d for g in graphs for e in g.events if e.place and (d := _day(e.date))]
        if not days:
            return
        articles = sorted({g.article.id for g in graphs if g.events})
        for row in self._lookup("internal.stored_reports", {"articles": articles}):
            for key in row["reported_as"] or ():
                self._stored[(row["article"], key)] = row["event"]
        for row in self._lookup("internal.place_hierarchy", {}):
            self._parents[row["id"]].add(row["parent"])
            self._kinds[row["id"]] = row["kind"]
            self._kinds[row["parent"]] = row["parent_kind"]
        types = sorted({e.type for g in graphs for e in g.events})
        rows = self._lookup(
            "internal.event_candidates",
            {
                "types": types,
                "date_from": str(min(days) - timedelta(days=1)),
                "date_to": str(max(days) + timedelta(days=1)),
            },
        )
        for row in rows:
            day = _day(row["date"])
            if day is not None and row["place"] is not None:
                self._known[(row["type"], day)].append((row["id"], day, row["place"]))

    def _learn_places(self, graph: ArticleGraph) -> None:
        for p in [*graph.context_places, *graph.places]:
            self._kinds[p.id] = p.kind
            if not set(p.located_in) <= self._parents[p.id]:
                self._parents[p.id].update(p.located_in)
                self._ancestors.clear()  # the hierarchy grew: recompute lazily

    def _ancestors_of(self, place: str) -> set[str]:
        if place not in self._ancestors:
            seen: set[str] = set()
            todo = list(self._parents.get(place, ()))
            while todo:
                p = todo.pop()
                if p not in seen and p != place:
                    seen.add(p)
                    todo.extend(self._parents.get(p, ()))
            self._ancestors[place] = seen
        return self._ancestors[place]

    def _related(self, a: str, b: str) -> bool:
        if a == b:
            return True
        if b in self._ancestors_of(a):
            return self._kinds.get(b) not in _TOO_BROAD
        if a in self._ancestors_of(b):
            return self._kinds.get(a) not in _TOO_BROAD
        return False

    def _match(self, event_id: str, event_type: str, day: date, place: str) -> tuple[str, date] | None:
        """The known event this one is, with that event's own day (so matches never chain)."""
        best: tuple[int, int, str, date] | None = None
        near = [c for d in (-1, 0, 1) for c in self._known.get((event_type, day + timedelta(days=d)), ())]
        for cid, cday, cplace in near:
            gap = abs((cday - day).days)
            if gap > 1 or not self._related(place, cplace):
                continue
            score = (0 if cplace == place else 1, gap, cid, cday)
            if best is None or score < best:
                best = score
        return (best[2], best[3]) if best else None

    def resolve(self, graph: ArticleGraph) -> ArticleGraph:
        self._learn_places(graph)
        remap: dict[str, str] = {}
        for e in graph.events:
            stored = self._stored.get((graph.article.id, e.id))
            if stored is not None:
                if stored != e.id:
                    remap[e.id] = stored
                continue  # decided when it was first written; the store already holds it as a candidate
            day = _day(e.date)
            if day is not None and e.place is not None and spec(e.type).merge == "place_day":
                found = self._match(e.id, e.type, day, e.place)
                if found is not None:
                    remap[e.id] = found[0]
                    # As the store will hold it: the first report's day, one more place.
                    self._known[(e.type, found[1])].append((found[0], found[1], e.place))
                else:
                    self._known[(e.type, day)].append((e.id, day, e.place))
        if remap:
            events = [e.model_copy(update={"id": remap.get(e.id, e.id)}) for e in graph.events]
            statements = [
                s.model_copy(update={"about_event": remap.get(s.about_event, s.about_event)}) if s.about_event else s
                for s in graph.statements
            ]
            graph = graph.model_copy(update={"events": events, "statements": statements})
        return graph
