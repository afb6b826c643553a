"""Cross-article event identity.

Two reports of the same event type at the same place (or one place inside the other) within one
day are one real event: the later report takes the earlier event's id, so the store holds one
`Event` with a `REPORTED_IN` edge per source, each keeping that source's own figures. That is the
`place_day` merge rule of core/data/event_types.toml; a type whose rule is `never` keeps every
report apart.
Containment through a country does not count: "an attack in Iraq" and "an attack on Ain al-Asad"
on the same day are not thereby the same attack.

Reports in two languages often disagree on what the first rule compares, so three looser matches
follow, each only for a report that names a perpetrator, only with a stored event whose
perpetrators share one with it (the same actor, or one a part of the other: the US military and
the United States), at a related place, and only when exactly one stored event qualifies:
- **Violent types alike.** One act may be "an attack" in one report and "a strike" in another
  (the violent types of the table), at most a day apart.
- **Dated by publication.** A report that gives no date for an act is dated by its publication
  (`date_basis` "publication"); the act may be up to `PUBLICATION_LAG_DAYS` older, so it joins an
  event dated in the days before, and a dated report joins such an event dated in the days after.
- **Undated.** A report with no date at all (no publication date either) joins the one event that
  fits; a dated report joins the one undated event that fits.
A joined event whose stored date is weaker than the new report's (none, or only a publication
date against a date the text gives) takes the new report's date (`EventResolver.redated`).

Which event a report joins depends on what was stored before it, and the graph only grows: a
report matched again later could find an event reported after it (a day on its other side, a
place another report added) and join that one too. So the decision is made once: a report that
is already stored keeps the event it joined, found by its own key (type-date-place) on its
`REPORTED_IN` edge. Ingesting the same input again, or finishing an ingest cut short, then gives
exactly the graph one clean run gives.

The resolver asks the store four times per write (the reports already stored, the place and the
actor hierarchies, and the candidate events of the batch's date span and places) instead of once
per event: per-event look-ups dominated ingest time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from core.event_types import VIOLENT, spec
from graph.model import ArticleGraph, Event

Lookup = Callable[[str, dict], list[dict]]

#: Places too broad to identify an event by.
_TOO_BROAD = {"country"}
#: How many days before its publication a report dated only by it may tell of an act: news
#: refers back to "the attack" for days after it.
PUBLICATION_LAG_DAYS = 7
#: Strength of a date's basis: a later report's date replaces a weaker stored one.
_BASIS_RANK = {None: 0, "publication": 1, "statement": 2, "text": 3}


def _day(value: str | None) -> date | None:
    if value is None or value.count("-") != 2:
        return None
    return date.fromisoformat(value)


@dataclass
class _Known:
    """An event the store holds (or this batch will write), as matching sees it."""

    id: str
    type: str
    day: date | None
    basis: str | None
    places: set[str] = field(default_factory=set)
    perpetrators: set[str] = field(default_factory=set)


class EventResolver:
    """Remaps event ids of incoming graphs onto events already stored or seen earlier in a batch."""

    def __init__(self, lookup: Lookup) -> None:
        self._lookup = lookup
        self._parents: dict[str, set[str]] = defaultdict(set)
        self._kinds: dict[str, str] = {}
        self._ancestors: dict[str, set[str]] = {}
        self._actor_parents: dict[str, set[str]] = defaultdict(set)
        self._actor_ancestors: dict[str, set[str]] = {}
        self._events: dict[str, _Known] = {}
        self._by_day: dict[tuple[str, date], set[str]] = defaultdict(set)  # (type, day) -> ids
        self._undated: dict[str, set[str]] = defaultdict(set)  # type -> ids
        # (article id, the report's own event key) -> the event it joined when it was first stored
        self._stored: dict[tuple[str, str], str] = {}
        #: event id -> (date, date_precision, date_basis) a joined report gave it, better than the
        #: stored one: the store updates the event (`write.event_date`).
        self.redated: dict[str, tuple[str, str | None, str | None]] = {}

    # -- what the store holds --------------------------------------------------------------

    def prepare(self, graphs: Sequence[ArticleGraph]) -> None:
        """Fetch what matching needs for the whole batch in four queries."""
        placed = [e for g in graphs for e in g.events if e.place and spec(e.type).merge == "place_day"]
        if not placed:
            return
        articles = sorted({g.article.id for g in graphs if g.events})
        for row in self._lookup("internal.stored_reports", {"articles": articles}):
            for key in row["reported_as"] or ():
                self._stored[(row["article"], key)] = row["event"]
        for row in self._lookup("internal.place_hierarchy", {}):
            self._parents[row["id"]].add(row["parent"])
            self._kinds[row["id"]] = row["kind"]
            self._kinds[row["parent"]] = row["parent_kind"]
        for row in self._lookup("internal.actor_hierarchy", {}):
            self._actor_parents[row["id"]].add(row["parent"])
        for g in graphs:
            self._learn(g)
        days = [d for e in placed if (d := _day(e.date))]
        lag = timedelta(days=PUBLICATION_LAG_DAYS + 1)
        # an undated report may be any day's event: its candidates are found by place instead
        undated = [e.place for e in placed if e.date is None and e.perpetrators and e.place]
        places = sorted({p for place in undated for p in self._near(place)})
        rows = self._lookup(
            "internal.event_candidates",
            {
                "types": sorted({t for e in placed for t in self._kin(e.type)}),
                "date_from": str(min(days) - lag) if days else "",
                "date_to": str(max(days) + lag) if days else "",
                "places": places,
            },
        )
        for row in rows:
            if row["date"] is not None and _day(row["date"]) is None:
                continue  # month or year precision: too vague to identify an act by
            self._add(row["id"], row["type"], _day(row["date"]), row.get("date_basis"), row["place"])
            self._events[row["id"]].perpetrators.update(row.get("perpetrators") or ())

    def _learn(self, graph: ArticleGraph) -> None:
        for p in [*graph.context_places, *graph.places]:
            self._kinds[p.id] = p.kind
            if not set(p.located_in) <= self._parents[p.id]:
                self._parents[p.id].update(p.located_in)
                self._ancestors.clear()  # the hierarchy grew: recompute lazily
        for a in [*graph.context_actors, *graph.actors]:
            if not set(a.member_of) <= self._actor_parents[a.id]:
                self._actor_parents[a.id].update(a.member_of)
                self._actor_ancestors.clear()

    def _add(self, eid: str, etype: str, day: date | None, basis: str | None, place: str) -> _Known:
        known = self._events.get(eid)
        if known is None:
            known = self._events[eid] = _Known(eid, etype, day, basis)
            if day is None:
                self._undated[etype].add(eid)
            else:
                self._by_day[(etype, day)].add(eid)
        known.places.add(place)
        return known

    def _redate(self, known: _Known, event: Event, day: date) -> None:
        if known.day is None:
            self._undated[known.type].discard(known.id)
        else:
            self._by_day[(known.type, known.day)].discard(known.id)
        known.day, known.basis = day, event.date_basis
        self._by_day[(known.type, day)].add(known.id)
        assert event.date is not None
        self.redated[known.id] = (event.date, event.date_precision, event.date_basis)

    # -- hierarchies -------------------------------------------------------------------------

    @staticmethod
    def _closure(start: str, parents: dict[str, set[str]], cache: dict[str, set[str]]) -> set[str]:
        if start not in cache:
            seen: set[str] = set()
            todo = list(parents.get(start, ()))
            while todo:
                p = todo.pop()
                if p not in seen and p != start:
                    seen.add(p)
                    todo.extend(parents.get(p, ()))
            cache[start] = seen
        return cache[start]

    def _ancestors_of(self, place: str) -> set[str]:
        return self._closure(place, self._parents, self._ancestors)

    def _related(self, a: str, b: str) -> bool:
        if a == b:
            return True
        if b in self._ancestors_of(a):
            return self._kinds.get(b) not in _TOO_BROAD
        if a in self._ancestors_of(b):
            return self._kinds.get(a) not in _TOO_BROAD
        return False

    def _near(self, place: str) -> set[str]:
        """The place and every place it is related to (inside it, or it inside them)."""
        out = {place} | {p for p in self._ancestors_of(place) if self._kinds.get(p) not in _TOO_BROAD}
        if self._kinds.get(place) not in _TOO_BROAD:
            out |= {p for p in list(self._parents) if place in self._ancestors_of(p)}
        return out

    def _same_side(self, ours: Iterable[str], theirs: Iterable[str]) -> bool:
        """Do two lists of perpetrators share an actor, or one actor and a part of it?"""
        mine = {a: {a} | self._closure(a, self._actor_parents, self._actor_ancestors) for a in ours}
        for b in theirs:
            up = {b} | self._closure(b, self._actor_parents, self._actor_ancestors)
            if any(b in chain or a in up for a, chain in mine.items()):
                return True
        return False

    @staticmethod
    def _kin(event_type: str) -> set[str]:
        """Types one act may be reported as: the violent types are one another's kin."""
        s = spec(event_type)
        return set(VIOLENT) if s.violent else {event_type}

    # -- matching ----------------------------------------------------------------------------

    def _strict(self, event_type: str, day: date, place: str) -> _Known | None:
        """Same type, at most a day apart, related places: the nearest, the same place first."""
        best: tuple[int, int, str] | None = None
        for d in (-1, 0, 1):
            for cid in self._by_day.get((event_type, day + timedelta(days=d)), ()):
                known = self._events[cid]
                if any(self._related(place, p) for p in known.places):
                    score = (0 if place in known.places else 1, abs(d), cid)
                    if best is None or score < best:
                        best = score
        return self._events[best[2]] if best else None

    def _loose(self, event: Event, day: date | None) -> _Known | None:
        """The one known event this report may be under a looser reading, or None."""
        assert event.place is not None
        lag = PUBLICATION_LAG_DAYS
        found: set[str] = set()
        for etype in self._kin(event.type):
            ids: set[str] = set(self._undated.get(etype, ()))
            if day is None:
                ids |= {i for (t, _), group in self._by_day.items() if t == etype for i in group}
            else:
                # a day either side; further only back from a publication date, or forward to one
                reach = range(-lag, lag + 1) if event.date_basis == "publication" else range(-1, lag + 1)
                for d in reach:
                    group = self._by_day.get((etype, day + timedelta(days=d)), set())
                    if d > 1 and event.date_basis != "publication":
                        group = {i for i in group if self._events[i].basis == "publication"}
                    ids |= group
            for cid in ids:
                known = self._events[cid]
                if day is not None and known.day is not None:
                    gap = (day - known.day).days  # > 0: this report's day is the later
                    close = abs(gap) <= 1
                    ours_late = event.date_basis == "publication" and 0 <= gap <= lag
                    theirs_late = known.basis == "publication" and 0 <= -gap <= lag
                    if not (close or ours_late or theirs_late):
                        continue
                if not known.perpetrators or not self._same_side(event.perpetrators, known.perpetrators):
                    continue
                if any(self._related(event.place, p) for p in known.places):
                    found.add(cid)
        return self._events[found.pop()] if len(found) == 1 else None

    def resolve(self, graph: ArticleGraph) -> ArticleGraph:
        """The graph with its events' ids mapped onto the events they are (after `prepare` of its batch)."""
        remap: dict[str, str] = {}
        for e in graph.events:
            stored = self._stored.get((graph.article.id, e.id))
            if stored is not None:
                if stored != e.id:
                    remap[e.id] = stored
                continue  # decided when it was first written; the store already holds it as a candidate
            if e.place is None or spec(e.type).merge != "place_day":
                continue
            day = _day(e.date)
            if e.date is not None and day is None:
                continue  # a month or a year: too vague to identify an act by
            found = self._strict(e.type, day, e.place) if day is not None else None
            if found is None and e.perpetrators:
                found = self._loose(e, day)
            if found is None:
                known = self._add(e.id, e.type, day, e.date_basis, e.place)
            else:
                remap[e.id] = found.id
                known = found
                known.places.add(e.place)  # as the store will hold it: one more place
                if (
                    day is not None
                    and _BASIS_RANK[e.date_basis] > _BASIS_RANK[known.basis]
                    and (known.day is None or known.basis == "publication")
                ):
                    self._redate(known, e, day)
            known.perpetrators.update(e.perpetrators)
        if remap:
            events = [e.model_copy(update={"id": remap.get(e.id, e.id)}) for e in graph.events]
            statements = [
                s.model_copy(update={"about_event": remap.get(s.about_event, s.about_event)}) if s.about_event else s
                for s in graph.statements
            ]
            graph = graph.model_copy(update={"events": events, "statements": statements})
        return graph
